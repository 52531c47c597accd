-- Moderation as one facility (issue 15). SQLite dialect; keep in step with ../postgres.

-- Moderators of a body (and of the bodies under it), named by its secretariat.
CREATE TABLE moderators (
    user_id INTEGER NOT NULL REFERENCES users (id),
    body_id INTEGER NOT NULL REFERENCES bodies (id),
    assigned_at TEXT NOT NULL,
    PRIMARY KEY (user_id, body_id)
);

-- Readers' reports of an item, one per reader and item.
CREATE TABLE moderation_reports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    item_kind TEXT NOT NULL,
    item_id INTEGER NOT NULL,
    reporter_id INTEGER NOT NULL REFERENCES users (id),
    clause TEXT NOT NULL,
    note TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (item_kind, item_id, reporter_id)
);

-- The queue: one row per item reported or flagged, until decided.
CREATE TABLE moderation_queue (
    item_kind TEXT NOT NULL,
    item_id INTEGER NOT NULL,
    body_id INTEGER NOT NULL REFERENCES bodies (id),
    author_id INTEGER REFERENCES users (id),
    excerpt TEXT NOT NULL,
    reports INTEGER NOT NULL DEFAULT 0,
    flags INTEGER NOT NULL DEFAULT 0,
    audience INTEGER NOT NULL DEFAULT 0,
    first_at TEXT NOT NULL,
    priority REAL NOT NULL,
    open BOOLEAN NOT NULL DEFAULT TRUE,
    PRIMARY KEY (item_kind, item_id)
);
-- The queue's order, per body: the first items of a body are read from the index, never sorted.
CREATE INDEX moderation_queue_order ON moderation_queue (body_id, open, priority DESC, first_at);

-- The public log: every decision, append-only. An appeal's outcome is a decision of its own (`appeal_of`).
CREATE TABLE moderation_decisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    item_kind TEXT NOT NULL,
    item_id INTEGER NOT NULL,
    body_id INTEGER NOT NULL REFERENCES bodies (id),
    author_id INTEGER REFERENCES users (id),
    action TEXT NOT NULL CHECK (action IN ('approve', 'hide', 'ask_edit', 'suspend', 'uphold', 'reverse')),
    clause TEXT,
    policy_version TEXT NOT NULL,
    automatic BOOLEAN NOT NULL DEFAULT FALSE,
    decided_by INTEGER REFERENCES users (id),
    decided_role TEXT NOT NULL,
    note TEXT,
    suspended_until TEXT,
    appeal_of INTEGER REFERENCES moderation_decisions (id),
    decided_at TEXT NOT NULL
);
CREATE INDEX moderation_decisions_body ON moderation_decisions (body_id, decided_at);
CREATE INDEX moderation_decisions_item ON moderation_decisions (item_kind, item_id);
CREATE INDEX moderation_decisions_at ON moderation_decisions (decided_at);
CREATE TRIGGER moderation_decisions_no_update BEFORE UPDATE ON moderation_decisions BEGIN SELECT RAISE(ABORT, 'the moderation log is append-only'); END;
CREATE TRIGGER moderation_decisions_no_delete BEFORE DELETE ON moderation_decisions BEGIN SELECT RAISE(ABORT, 'the moderation log is append-only'); END;

-- Appeals by the author, one per decision.
CREATE TABLE moderation_appeals (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    decision_id INTEGER NOT NULL UNIQUE REFERENCES moderation_decisions (id),
    author_id INTEGER NOT NULL REFERENCES users (id),
    text TEXT NOT NULL,
    filed_at TEXT NOT NULL,
    outcome_id INTEGER REFERENCES moderation_decisions (id)
);

-- Participants suspended from writing in a body's spaces.
CREATE TABLE moderation_suspensions (
    user_id INTEGER NOT NULL REFERENCES users (id),
    body_id INTEGER NOT NULL REFERENCES bodies (id),
    until_on TEXT NOT NULL,
    decision_id INTEGER NOT NULL REFERENCES moderation_decisions (id),
    PRIMARY KEY (user_id, body_id, decision_id)
);

-- A body's lexicons of terms to flag, one per language (kk, ru, en), kept by its moderators.
CREATE TABLE moderation_lexicons (
    body_id INTEGER NOT NULL REFERENCES bodies (id),
    lang TEXT NOT NULL CHECK (lang IN ('kk', 'ru', 'en')),
    terms TEXT NOT NULL,
    updated_by INTEGER REFERENCES users (id),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (body_id, lang)
);

-- Proposals can be hidden by moderation (kept; their author still sees them).
ALTER TABLE proposals ADD COLUMN hidden_at TEXT;
