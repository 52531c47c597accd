-- A large import is written in short transactions, each holding the write lock briefly, and its rows stay hidden
-- from every read until its last transaction sets finished_at: readers see all of it at once or none of it. An
-- import whose process died (finished_at empty, heartbeat_at old) is removed by the next import or server start.
CREATE TABLE imports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at TEXT NOT NULL,
    heartbeat_at TEXT NOT NULL,
    finished_at TEXT
);
-- 0: not imported, or imported before imports were staged.
ALTER TABLE associations ADD COLUMN import_id INTEGER NOT NULL DEFAULT 0;
-- To find an unfinished import's rows when it is removed.
CREATE INDEX associations_import ON associations (import_id) WHERE import_id <> 0;
