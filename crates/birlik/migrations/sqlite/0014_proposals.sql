-- Proposals from local communities and recommendations to state bodies (issue 13). SQLite dialect; keep in step
-- with ../postgres. Dates (`*_on`) are Kazakhstan days (UTC+5) as ISO 8601 text; times are RFC 3339 UTC text.

-- Documents may now belong to agenda items, proposals, recommendations, signals and mediation cases. SQLite cannot
-- widen a CHECK in place: the table is rebuilt (its self-reference is renamed with it).
CREATE TABLE documents_wide (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    item_kind TEXT NOT NULL CHECK (item_kind IN ('body', 'consultation', 'agenda_item', 'proposal',
        'recommendation', 'signal', 'mediation_case')),
    item_id INTEGER NOT NULL,
    title TEXT NOT NULL,
    lang TEXT NOT NULL CHECK (lang IN ('kk', 'ru', 'en')),
    version_of INTEGER REFERENCES documents_wide (id),
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    size INTEGER NOT NULL CHECK (size > 0),
    content_type TEXT NOT NULL,
    original_name TEXT NOT NULL,
    uploaded_by INTEGER REFERENCES users (id),
    uploaded_at TEXT NOT NULL,
    archived_at TEXT
);
INSERT INTO documents_wide (id, item_kind, item_id, title, lang, version_of, sha256, size, content_type,
    original_name, uploaded_by, uploaded_at, archived_at)
SELECT id, item_kind, item_id, title, lang, version_of, sha256, size, content_type, original_name, uploaded_by,
    uploaded_at, archived_at FROM documents ORDER BY id;
DROP TRIGGER documents_never_deleted;
DROP TABLE documents;
ALTER TABLE documents_wide RENAME TO documents;
CREATE INDEX documents_item ON documents (item_kind, item_id);
CREATE INDEX documents_sha256 ON documents (sha256);
CREATE UNIQUE INDEX documents_one_per_language ON documents (COALESCE(version_of, id), lang) WHERE archived_at IS NULL;
CREATE TRIGGER documents_never_deleted BEFORE DELETE ON documents
BEGIN
    SELECT RAISE(ABORT, 'documents are archived, never deleted');
END;

-- The state bodies and parties recommendations go to; shipped as reference data (reference/addressees.csv, added
-- by code at every start and never overwritten: admins edit them).
CREATE TABLE addressees (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    code TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('ministry', 'akimat', 'party', 'other')),
    region_code TEXT REFERENCES regions (code),
    name_kk TEXT NOT NULL,
    name_ru TEXT NOT NULL,
    name_en TEXT NOT NULL,
    website TEXT,
    source TEXT,
    archived_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- A liaison account belongs to one addressee.
CREATE TABLE liaisons (
    user_id INTEGER PRIMARY KEY REFERENCES users (id),
    addressee_id INTEGER NOT NULL REFERENCES addressees (id),
    assigned_at TEXT NOT NULL
);
CREATE INDEX liaisons_addressee ON liaisons (addressee_id);

-- A body's threshold and window for proposals; a body without a row has the defaults of its kind.
CREATE TABLE proposal_rules (
    body_id INTEGER PRIMARY KEY REFERENCES bodies (id),
    threshold INTEGER NOT NULL CHECK (threshold BETWEEN 1 AND 10000000),
    window_days INTEGER NOT NULL CHECK (window_days BETWEEN 1 AND 730),
    updated_at TEXT NOT NULL
);

CREATE TABLE proposals (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    body_id INTEGER NOT NULL REFERENCES bodies (id),
    author_id INTEGER NOT NULL REFERENCES users (id),
    -- On whose behalf: the author himself, an association he represents, or a body whose secretariat he is.
    on_behalf TEXT NOT NULL CHECK (on_behalf IN ('self', 'association', 'body')),
    association_id INTEGER REFERENCES associations (id),
    author_body_id INTEGER REFERENCES bodies (id),
    title_kk TEXT,
    title_ru TEXT,
    title_en TEXT,
    text_kk TEXT,
    text_ru TEXT,
    text_en TEXT,
    category TEXT NOT NULL,
    region_code TEXT REFERENCES regions (code),
    district_id INTEGER REFERENCES bodies (id),
    status TEXT NOT NULL CHECK (status IN ('open', 'queued', 'accepted', 'forwarded', 'merged', 'rejected')),
    opens_on TEXT NOT NULL,
    closes_on TEXT NOT NULL,
    supporters INTEGER NOT NULL DEFAULT 0 CHECK (supporters >= 0),
    queued_at TEXT,
    decided_at TEXT,
    decided_by INTEGER REFERENCES users (id),
    reason TEXT,
    meeting_id INTEGER REFERENCES meetings (id),
    forwarded_from INTEGER UNIQUE REFERENCES proposals (id),
    merged_into INTEGER REFERENCES proposals (id),
    demo BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (title_kk IS NOT NULL OR title_ru IS NOT NULL OR title_en IS NOT NULL),
    CHECK (merged_into IS NULL OR merged_into <> id),
    CHECK (on_behalf <> 'association' OR association_id IS NOT NULL),
    CHECK (on_behalf <> 'body' OR author_body_id IS NOT NULL)
);
CREATE INDEX proposals_body ON proposals (body_id, status, id);
CREATE INDEX proposals_status ON proposals (status, id);
-- Lists filter by any of body, status, region and category, newest first, and count what they match.
CREATE INDEX proposals_region ON proposals (region_code, id);
CREATE INDEX proposals_region_status ON proposals (region_code, status, id);
CREATE INDEX proposals_category ON proposals (category, id);
CREATE INDEX proposals_category_status ON proposals (category, status, id);
CREATE INDEX proposals_merged_into ON proposals (merged_into);
CREATE INDEX proposals_author ON proposals (author_id);

-- One support per person and proposal. A forwarded or merged proposal receives its sources' supports (`via` names
-- the source), so a person supports it once however many of its sources he supported.
CREATE TABLE supports (
    proposal_id INTEGER NOT NULL REFERENCES proposals (id),
    user_id INTEGER NOT NULL REFERENCES users (id),
    via INTEGER REFERENCES proposals (id),
    supported_at TEXT NOT NULL,
    PRIMARY KEY (proposal_id, user_id)
);
CREATE INDEX supports_user ON supports (user_id);

-- One recommendation per addressee; those sent together share `batch_id` (the first one's id).
CREATE TABLE recommendations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    batch_id INTEGER REFERENCES recommendations (id),
    body_id INTEGER NOT NULL REFERENCES bodies (id),
    addressee_id INTEGER NOT NULL REFERENCES addressees (id),
    proposal_id INTEGER REFERENCES proposals (id),
    decision_id INTEGER REFERENCES decisions (id),
    title_kk TEXT,
    title_ru TEXT,
    title_en TEXT,
    text_kk TEXT,
    text_ru TEXT,
    text_en TEXT,
    received_on TEXT NOT NULL,
    due_on TEXT NOT NULL,
    forward_by TEXT NOT NULL,
    latest_extension_on TEXT NOT NULL,
    acknowledged_at TEXT,
    extended_to TEXT,
    extended_on TEXT,
    extension_reason TEXT,
    answered_on TEXT,
    answer_text TEXT,
    answer_working_days INTEGER,
    answer_lang TEXT CHECK (answer_lang IS NULL OR answer_lang IN ('kk', 'ru', 'en')),
    status TEXT NOT NULL CHECK (status IN ('awaiting', 'answered', 'forwarded', 'closed')),
    implementation TEXT NOT NULL DEFAULT 'none'
        CHECK (implementation IN ('none', 'planned', 'in_progress', 'implemented', 'declined')),
    forwarded_from INTEGER UNIQUE REFERENCES recommendations (id),
    forward_reason TEXT,
    escalated_at TEXT,
    demo BOOLEAN NOT NULL DEFAULT FALSE,
    created_by INTEGER REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (title_kk IS NOT NULL OR title_ru IS NOT NULL OR title_en IS NOT NULL),
    CHECK (due_on >= received_on),
    CHECK (extended_to IS NULL OR (extended_to > due_on AND extended_to <= latest_extension_on))
);
CREATE INDEX recommendations_addressee ON recommendations (addressee_id, id);
CREATE INDEX recommendations_body ON recommendations (body_id, id);
CREATE INDEX recommendations_status ON recommendations (status, due_on);

-- The addressee's reports on implementation, as made (append-only); the latest is on the recommendation.
CREATE TABLE implementation_reports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    recommendation_id INTEGER NOT NULL REFERENCES recommendations (id),
    implementation TEXT NOT NULL CHECK (implementation IN ('planned', 'in_progress', 'implemented', 'declined')),
    note TEXT,
    reported_by INTEGER REFERENCES users (id),
    reported_at TEXT NOT NULL
);
CREATE INDEX implementation_reports_recommendation ON implementation_reports (recommendation_id, id);
CREATE TRIGGER implementation_reports_no_update BEFORE UPDATE ON implementation_reports
BEGIN SELECT RAISE(ABORT, 'implementation reports are kept as made'); END;
CREATE TRIGGER implementation_reports_no_delete BEFORE DELETE ON implementation_reports
BEGIN SELECT RAISE(ABORT, 'implementation reports are kept as made'); END;

-- Each reminder and escalation of a recommendation, once: a timer that runs again finds its row.
CREATE TABLE recommendation_reminders (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    recommendation_id INTEGER NOT NULL REFERENCES recommendations (id),
    kind TEXT NOT NULL CHECK (kind IN ('due_in_5', 'due_in_1', 'overdue')),
    due_on TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    UNIQUE (recommendation_id, kind, due_on)
);
