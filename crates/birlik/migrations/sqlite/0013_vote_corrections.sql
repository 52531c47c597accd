-- Corrections of closed votes (meetings): a closed vote is never changed; a correction is a new row with its
-- reason, its count and the result by the motion's rules, kept for good. SQLite dialect; keep in step with
-- ../postgres.
CREATE TABLE vote_corrections (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    motion_id INTEGER NOT NULL REFERENCES motions (id),
    reason TEXT NOT NULL,
    votes_for INTEGER NOT NULL CHECK (votes_for >= 0),
    votes_against INTEGER NOT NULL CHECK (votes_against >= 0),
    abstentions INTEGER NOT NULL CHECK (abstentions >= 0),
    outcome TEXT NOT NULL CHECK (outcome IN ('adopted', 'rejected', 'no_quorum')),
    amended_by INTEGER REFERENCES users (id),
    amended_at TEXT NOT NULL
);
CREATE INDEX vote_corrections_motion ON vote_corrections (motion_id, id);
CREATE TRIGGER vote_corrections_no_update BEFORE UPDATE ON vote_corrections
BEGIN SELECT RAISE(ABORT, 'vote corrections are kept as made'); END;
CREATE TRIGGER vote_corrections_no_delete BEFORE DELETE ON vote_corrections
BEGIN SELECT RAISE(ABORT, 'vote corrections are kept as made'); END;
