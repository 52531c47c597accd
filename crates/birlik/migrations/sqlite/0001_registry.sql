-- The Assembly registry, accounts, sessions and the audit log (SQLite dialect; keep in step with ../postgres).
-- Times are RFC 3339 UTC text, dates ISO 8601 text: they sort as text on both backends.

CREATE TABLE regions (
    code TEXT PRIMARY KEY,              -- ISO 3166-2:KZ, e.g. KZ-75
    kind TEXT NOT NULL CHECK (kind IN ('region', 'city')),
    name_kk TEXT NOT NULL,
    name_ru TEXT NOT NULL,
    name_en TEXT NOT NULL,
    centre_kk TEXT,
    centre_ru TEXT,
    centre_en TEXT,
    note TEXT
);

CREATE TABLE ethnic_groups (
    slug TEXT PRIMARY KEY,
    name_kk TEXT NOT NULL,
    name_ru TEXT NOT NULL,
    name_en TEXT NOT NULL,
    census_2021 INTEGER,
    estimate_2025 INTEGER,
    source_note TEXT
);

CREATE TABLE bodies (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    parent_id INTEGER REFERENCES bodies (id),
    kind TEXT NOT NULL,
    region_code TEXT REFERENCES regions (code),
    name_kk TEXT NOT NULL,
    name_ru TEXT NOT NULL,
    name_en TEXT NOT NULL,
    archived_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX bodies_parent ON bodies (parent_id);
CREATE INDEX bodies_region ON bodies (region_code);

CREATE TABLE associations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    level TEXT NOT NULL CHECK (level IN ('republican', 'regional')),
    region_code TEXT REFERENCES regions (code),
    name_kk TEXT NOT NULL,
    name_ru TEXT NOT NULL,
    name_en TEXT NOT NULL,
    founded_year INTEGER,
    website TEXT,
    -- ICU collation keys of the names, so the directory sorts alphabetically in SQL on both backends.
    sort_kk BLOB NOT NULL,
    sort_ru BLOB NOT NULL,
    sort_en BLOB NOT NULL,
    archived_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX associations_region ON associations (region_code);
CREATE INDEX associations_sort_kk ON associations (sort_kk);

CREATE TABLE association_groups (
    association_id INTEGER NOT NULL REFERENCES associations (id),
    group_slug TEXT NOT NULL REFERENCES ethnic_groups (slug),
    PRIMARY KEY (association_id, group_slug)
);
CREATE INDEX association_groups_group ON association_groups (group_slug);

CREATE TABLE persons (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    full_name TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE memberships (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    body_id INTEGER NOT NULL REFERENCES bodies (id),
    person_id INTEGER NOT NULL REFERENCES persons (id),
    association_id INTEGER REFERENCES associations (id),
    position TEXT NOT NULL,
    term_start TEXT NOT NULL,
    term_end TEXT,
    archived_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX memberships_body ON memberships (body_id);
CREATE INDEX memberships_person ON memberships (person_id);
CREATE INDEX memberships_association ON memberships (association_id);

CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL,
    email_normalized TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE user_roles (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users (id),
    role TEXT NOT NULL CHECK (role IN ('admin', 'secretariat', 'member', 'participant')),
    body_id INTEGER REFERENCES bodies (id)
);
CREATE INDEX user_roles_user ON user_roles (user_id);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE login_attempts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX login_attempts_key ON login_attempts (key, at);

-- Append-only: the application never updates or deletes a row here.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor_user_id INTEGER REFERENCES users (id),
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    before_json TEXT,
    after_json TEXT
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
