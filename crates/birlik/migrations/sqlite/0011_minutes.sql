-- Minutes of meetings (issue 12, item 6), SQLite dialect; keep in step with ../postgres.
-- The server drafts the minutes from the record; the secretariat writes the narrative (a draft per meeting) and
-- approves: each approval stores a version — the record as it stood, the narrative, what changed since the version
-- before and why — with its approver and time. Approved versions are never changed or deleted.

CREATE TABLE minutes_drafts (
    meeting_id INTEGER PRIMARY KEY REFERENCES meetings (id),
    narrative_kk TEXT,
    narrative_ru TEXT,
    narrative_en TEXT,
    updated_by INTEGER REFERENCES users (id),
    updated_at TEXT NOT NULL
);

CREATE TABLE minutes_versions (
    meeting_id INTEGER NOT NULL REFERENCES meetings (id),
    version INTEGER NOT NULL CHECK (version >= 1),
    -- The record the minutes were drafted from, as approved (JSON: attendance, agenda, votes, decisions).
    record TEXT NOT NULL,
    narrative_kk TEXT,
    narrative_ru TEXT,
    narrative_en TEXT,
    -- What changed since the version before (JSON list; empty for the first) and why it was corrected.
    changes TEXT NOT NULL,
    note TEXT,
    approved_by INTEGER NOT NULL REFERENCES users (id),
    approved_by_name TEXT NOT NULL,
    approved_at TEXT NOT NULL,
    PRIMARY KEY (meeting_id, version)
);
CREATE TRIGGER minutes_versions_no_update BEFORE UPDATE ON minutes_versions
BEGIN SELECT RAISE(ABORT, 'approved minutes are never changed'); END;
CREATE TRIGGER minutes_versions_no_delete BEFORE DELETE ON minutes_versions
BEGIN SELECT RAISE(ABORT, 'approved minutes are never changed'); END;
