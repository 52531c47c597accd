-- Consultations (capability 3): statements, participants, votes and the stored analysis (SQLite dialect; keep in
-- step with ../postgres). Votes are an append-only log: the last vote of a participant on a statement counts.

CREATE TABLE consultations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    body_id INTEGER NOT NULL REFERENCES bodies (id),
    question_kk TEXT,
    question_ru TEXT,
    question_en TEXT,
    description_kk TEXT,
    description_ru TEXT,
    description_en TEXT,
    opens_on TEXT NOT NULL,             -- ISO 8601 dates, Kazakhstan time (UTC+5), both days included
    closes_on TEXT NOT NULL,
    moderation TEXT NOT NULL CHECK (moderation IN ('publish', 'approve')),
    participation TEXT NOT NULL CHECK (participation IN ('anyone', 'accounts')),
    ask_region INTEGER NOT NULL,
    ask_ethnic_group INTEGER NOT NULL,
    ask_language INTEGER NOT NULL,
    results TEXT NOT NULL CHECK (results IN ('running', 'closed')),
    source TEXT,                        -- where an imported conversation came from
    created_by INTEGER REFERENCES users (id),
    created_at TEXT NOT NULL,
    CHECK (question_kk IS NOT NULL OR question_ru IS NOT NULL OR question_en IS NOT NULL)
);
CREATE INDEX consultations_body ON consultations (body_id);

CREATE TABLE consultation_participants (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    consultation_id INTEGER NOT NULL REFERENCES consultations (id),
    identity TEXT NOT NULL,             -- 'd:' + SHA-256 of a device token, 'u:' + user id, 'x:' + imported id
    region_code TEXT REFERENCES regions (code),
    ethnic_group TEXT REFERENCES ethnic_groups (slug),
    language TEXT CHECK (language IN ('kk', 'ru', 'en', 'other')),
    created_at TEXT NOT NULL,
    UNIQUE (consultation_id, identity)
);

CREATE TABLE consultation_statements (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    consultation_id INTEGER NOT NULL REFERENCES consultations (id),
    text TEXT NOT NULL,
    lang TEXT NOT NULL,                 -- kk, ru, en or other (detected)
    author_id INTEGER REFERENCES consultation_participants (id),
    seed INTEGER NOT NULL,
    is_meta INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL CHECK (status IN ('pending', 'published', 'rejected')),
    priority REAL NOT NULL,             -- the engine's routing priority, refreshed by each analysis
    external_id TEXT,                   -- the comment id of an imported Pol.is conversation
    created_at TEXT NOT NULL
);
CREATE INDEX consultation_statements_consultation ON consultation_statements (consultation_id, status);

CREATE TABLE statement_translations (
    statement_id INTEGER NOT NULL REFERENCES consultation_statements (id),
    lang TEXT NOT NULL CHECK (lang IN ('kk', 'ru', 'en')),
    text TEXT NOT NULL,
    PRIMARY KEY (statement_id, lang)
);

CREATE TABLE consultation_votes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    consultation_id INTEGER NOT NULL REFERENCES consultations (id),
    participant_id INTEGER NOT NULL REFERENCES consultation_participants (id),
    statement_id INTEGER NOT NULL REFERENCES consultation_statements (id),
    value INTEGER NOT NULL CHECK (value IN (-1, 0, 1)),
    voted_at INTEGER NOT NULL           -- Unix milliseconds, as in Pol.is exports
);
CREATE INDEX consultation_votes_participant ON consultation_votes (participant_id, statement_id);
CREATE INDEX consultation_votes_log ON consultation_votes (consultation_id, id);

CREATE TABLE consultation_analyses (
    consultation_id INTEGER PRIMARY KEY REFERENCES consultations (id),
    computed_at TEXT NOT NULL,
    votes INTEGER NOT NULL,             -- votes in the log when computed
    last_vote_id INTEGER NOT NULL,
    participants INTEGER NOT NULL,
    report_json TEXT NOT NULL,          -- the engine's report without its per-participant list
    opinion_map_svg TEXT NOT NULL,
    groups_json TEXT NOT NULL           -- [[participant id, opinion group]] for the Pol.is export
);
