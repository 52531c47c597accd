-- Sessions and decisions (issue 12): meetings of bodies, their agenda, attendance, recorded votes and decisions
-- (SQLite dialect; keep in step with ../postgres). Times are RFC 3339 in UTC; pages show them in UTC+5.

-- A login is a member through the person it names: the registry's memberships seat that person in bodies.
ALTER TABLE users ADD COLUMN person_id INTEGER REFERENCES persons (id);

-- A body's rules for its meetings; a body without a row has the defaults (Council: quorum of two thirds).
CREATE TABLE meeting_rules (
    body_id INTEGER PRIMARY KEY REFERENCES bodies (id),
    quorum TEXT NOT NULL CHECK (quorum IN ('more_than_half', 'two_thirds')),
    majority_of TEXT NOT NULL CHECK (majority_of IN ('present', 'all_members')),
    majority TEXT NOT NULL CHECK (majority IN ('simple', 'two_thirds')),
    updated_at TEXT NOT NULL
);

CREATE TABLE meetings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    body_id INTEGER NOT NULL REFERENCES bodies (id),
    kind TEXT NOT NULL CHECK (kind IN ('session', 'council_meeting', 'meeting')),
    number INTEGER CHECK (number IS NULL OR number BETWEEN 1 AND 3999),
    title_kk TEXT,
    title_ru TEXT,
    title_en TEXT,
    description_kk TEXT,
    description_ru TEXT,
    description_en TEXT,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    place TEXT,
    online_url TEXT,
    status TEXT NOT NULL CHECK (status IN ('planned', 'convened', 'in_progress', 'closed', 'postponed', 'cancelled')),
    status_reason TEXT,
    agenda_published_at TEXT,
    demo INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (title_kk IS NOT NULL OR title_ru IS NOT NULL OR title_en IS NOT NULL),
    CHECK (ends_at >= starts_at)
);
CREATE INDEX meetings_body ON meetings (body_id, starts_at);
CREATE INDEX meetings_starts ON meetings (starts_at);

CREATE TABLE agenda_items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id),
    position INTEGER NOT NULL,
    title_kk TEXT,
    title_ru TEXT,
    title_en TEXT,
    presenter TEXT,
    consultation_id INTEGER REFERENCES consultations (id),
    -- When the item was added after the agenda was published (shown: "item 3 added on 20 April").
    added_after_publication_at TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (meeting_id, position)
);

CREATE TABLE attendance (
    meeting_id INTEGER NOT NULL REFERENCES meetings (id),
    person_id INTEGER NOT NULL REFERENCES persons (id),
    present INTEGER NOT NULL,
    by_self INTEGER NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (meeting_id, person_id)
);

CREATE TABLE motions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id),
    agenda_item_id INTEGER REFERENCES agenda_items (id),
    text_kk TEXT,
    text_ru TEXT,
    text_en TEXT,
    method TEXT NOT NULL CHECK (method IN ('roll_call', 'show_of_hands')),
    status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    -- The body's rules when the vote opened, and the count when it closed.
    quorum TEXT NOT NULL,
    majority_of TEXT NOT NULL,
    majority TEXT NOT NULL,
    members INTEGER,
    present INTEGER,
    votes_for INTEGER,
    votes_against INTEGER,
    abstentions INTEGER,
    outcome TEXT CHECK (outcome IS NULL OR outcome IN ('adopted', 'rejected', 'no_quorum')),
    opened_at TEXT NOT NULL,
    closed_at TEXT,
    CHECK (text_kk IS NOT NULL OR text_ru IS NOT NULL OR text_en IS NOT NULL)
);
CREATE INDEX motions_meeting ON motions (meeting_id);
-- At most one open vote per meeting.
CREATE UNIQUE INDEX motions_one_open ON motions (meeting_id) WHERE status = 'open';

CREATE TABLE motion_votes (
    motion_id INTEGER NOT NULL REFERENCES motions (id),
    person_id INTEGER NOT NULL REFERENCES persons (id),
    choice TEXT NOT NULL CHECK (choice IN ('for', 'against', 'abstain')),
    at TEXT NOT NULL,
    PRIMARY KEY (motion_id, person_id)
);

CREATE TABLE decisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    body_id INTEGER NOT NULL REFERENCES bodies (id),
    meeting_id INTEGER NOT NULL REFERENCES meetings (id),
    motion_id INTEGER NOT NULL UNIQUE REFERENCES motions (id),
    number INTEGER NOT NULL,
    text_kk TEXT,
    text_ru TEXT,
    text_en TEXT,
    execution TEXT NOT NULL CHECK (execution IN ('pending', 'in_progress', 'done', 'not_done')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (meeting_id, number)
);
CREATE INDEX decisions_body ON decisions (body_id);
