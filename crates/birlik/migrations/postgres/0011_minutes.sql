-- Minutes of meetings (issue 12, item 6), PostgreSQL dialect; keep in step with ../sqlite.
-- The server drafts the minutes from the record; the secretariat writes the narrative (a draft per meeting) and
-- approves: each approval stores a version — the record as it stood, the narrative, what changed since the version
-- before and why — with its approver and time. Approved versions are never changed or deleted.

CREATE TABLE minutes_drafts (
    meeting_id BIGINT PRIMARY KEY REFERENCES meetings (id),
    narrative_kk TEXT,
    narrative_ru TEXT,
    narrative_en TEXT,
    updated_by BIGINT REFERENCES users (id),
    updated_at TEXT NOT NULL
);

CREATE TABLE minutes_versions (
    meeting_id BIGINT NOT NULL REFERENCES meetings (id),
    version BIGINT NOT NULL CHECK (version >= 1),
    -- The record the minutes were drafted from, as approved (JSON: attendance, agenda, votes, decisions).
    record TEXT NOT NULL,
    narrative_kk TEXT,
    narrative_ru TEXT,
    narrative_en TEXT,
    -- What changed since the version before (JSON list; empty for the first) and why it was corrected.
    changes TEXT NOT NULL,
    note TEXT,
    approved_by BIGINT NOT NULL REFERENCES users (id),
    approved_by_name TEXT NOT NULL,
    approved_at TEXT NOT NULL,
    PRIMARY KEY (meeting_id, version)
);
CREATE FUNCTION minutes_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'approved minutes are never changed';
END;
$$;
CREATE TRIGGER minutes_versions_no_change BEFORE UPDATE OR DELETE ON minutes_versions
    FOR EACH ROW EXECUTE FUNCTION minutes_versions_immutable();
