-- Timers: "at this time, do this" (platform/jobs). SQLite dialect; keep in step with ../postgres.
-- Times here are Unix milliseconds (integers), read from the injectable clock, unlike the RFC 3339 text elsewhere:
-- the worker compares and orders them on every wake-up.
--
-- `due_at` is when the worker next looks at a job: a pending job's time, or a running job's lease end (equal to
-- `locked_until`), after which a job whose worker crashed is taken again. One partial index serves both.
-- (kind, key) is unique: scheduling it again replaces it, or keeps a waiting one (`jobs::OnConflict`).

CREATE TABLE jobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    payload TEXT NOT NULL,
    due_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'running', 'done', 'parked')),
    locked_by TEXT,
    locked_until INTEGER,
    created_at INTEGER NOT NULL,
    done_at INTEGER,
    UNIQUE (kind, key)
);
CREATE INDEX jobs_due ON jobs (due_at) WHERE state IN ('pending', 'running');
CREATE INDEX jobs_parked ON jobs (id) WHERE state = 'parked';
CREATE INDEX jobs_done ON jobs (done_at) WHERE state = 'done';
