-- Early warning of ethno-social tension and confidential mediation (issue 14). SQLite dialect; keep in step with
-- ../postgres. Dates (`*_on`) are Kazakhstan days (UTC+5) as ISO 8601 text; times are RFC 3339 UTC text. Columns
-- named `*_sealed` hold text sealed with the mediation key (platform/seal.rs): never readable from the file alone.

-- Which key seals: a value sealed at first start, opened at every start (a wrong key stops the server).
CREATE TABLE sealing_keys (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    probe_sealed TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- What someone saw. An anonymous signal keeps nothing that identifies its reporter: no account, no address, and
-- its times are days only.
CREATE TABLE signals (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    reporter TEXT NOT NULL CHECK (reporter IN ('anonymous', 'named', 'proxy')),
    reported_by INTEGER REFERENCES users (id),
    contact_sealed TEXT,
    region_code TEXT NOT NULL REFERENCES regions (code),
    district_id INTEGER REFERENCES bodies (id),
    settlement TEXT,
    happened_on TEXT NOT NULL,
    text TEXT,
    text_lang TEXT NOT NULL CHECK (text_lang IN ('kk', 'ru', 'en')),
    severity INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 5),
    links TEXT,
    channel TEXT NOT NULL CHECK (channel IN ('form', 'api', 'questionnaire', 'demo')),
    status TEXT NOT NULL CHECK (status IN ('new', 'verifying', 'confirmed', 'false', 'unverifiable')),
    weight REAL NOT NULL,
    verified_by INTEGER REFERENCES users (id),
    verification_note TEXT,
    rebuttal_kk TEXT,
    rebuttal_ru TEXT,
    rebuttal_en TEXT,
    rebutted_at TEXT,
    rebuttal_hidden_at TEXT,
    redacted_on TEXT,
    received_on TEXT NOT NULL,
    demo BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (reporter <> 'anonymous' OR (reported_by IS NULL AND contact_sealed IS NULL AND settlement IS NULL)),
    CHECK (text IS NOT NULL OR redacted_on IS NOT NULL)
);
CREATE INDEX signals_region ON signals (region_code, id);
-- No index on status: the index reads every confirmed signal, and a scan of the table is faster than a million
-- look-ups through an index; verifiers' lists go by region.
CREATE INDEX signals_retention ON signals (reporter, received_on) WHERE redacted_on IS NULL;

CREATE TABLE signal_indicators (
    signal_id INTEGER NOT NULL REFERENCES signals (id),
    indicator TEXT NOT NULL,
    PRIMARY KEY (signal_id, indicator)
);

-- Verifiers of a regional assembly (or of a body above it), named by its secretariat.
CREATE TABLE signal_verifiers (
    user_id INTEGER NOT NULL REFERENCES users (id),
    body_id INTEGER NOT NULL REFERENCES bodies (id),
    assigned_at TEXT NOT NULL,
    PRIMARY KEY (user_id, body_id)
);

-- An abnormal rise of a region's index: its owners must acknowledge it by `ack_due_at`, then record the response.
CREATE TABLE alerts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    region_code TEXT NOT NULL REFERENCES regions (code),
    raised_on TEXT NOT NULL,
    index_value REAL NOT NULL,
    score REAL NOT NULL,
    baseline REAL NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'acknowledged', 'responded')),
    ack_due_at TEXT NOT NULL,
    acknowledged_by INTEGER REFERENCES users (id),
    acknowledged_at TEXT,
    response TEXT,
    responded_by INTEGER REFERENCES users (id),
    responded_at TEXT,
    escalated_at TEXT,
    demo BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (region_code, raised_on)
);

-- Mediation cases of an ethnomediation council. Only the case's mediators and the council's chair read them.
CREATE TABLE mediation_cases (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    council_id INTEGER NOT NULL REFERENCES bodies (id),
    region_code TEXT NOT NULL REFERENCES regions (code),
    title_sealed TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'agreement', 'closed')),
    agreement_sealed TEXT,
    agreement_on TEXT,
    follow_up_on TEXT,
    outcome TEXT CHECK (outcome IN ('agreement_held', 'agreement_broken', 'no_agreement', 'withdrawn')),
    closed_on TEXT,
    opened_on TEXT NOT NULL,
    opened_by INTEGER REFERENCES users (id),
    demo BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK ((status = 'closed') = (outcome IS NOT NULL))
);
CREATE INDEX mediation_cases_council ON mediation_cases (council_id, id);
CREATE INDEX mediation_cases_region ON mediation_cases (region_code, opened_on);

CREATE TABLE case_signals (
    case_id INTEGER NOT NULL REFERENCES mediation_cases (id),
    signal_id INTEGER NOT NULL REFERENCES signals (id),
    PRIMARY KEY (case_id, signal_id)
);

CREATE TABLE case_parties (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id INTEGER NOT NULL REFERENCES mediation_cases (id),
    kind TEXT NOT NULL CHECK (kind IN ('community', 'association', 'person')),
    name_sealed TEXT NOT NULL
);
CREATE INDEX case_parties_case ON case_parties (case_id);

CREATE TABLE case_mediators (
    case_id INTEGER NOT NULL REFERENCES mediation_cases (id),
    person_id INTEGER NOT NULL REFERENCES persons (id),
    assigned_at TEXT NOT NULL,
    PRIMARY KEY (case_id, person_id)
);
CREATE INDEX case_mediators_person ON case_mediators (person_id);

-- The case file: notes and meetings, as written (append-only).
CREATE TABLE case_entries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id INTEGER NOT NULL REFERENCES mediation_cases (id),
    kind TEXT NOT NULL CHECK (kind IN ('note', 'meeting', 'agreement', 'follow_up', 'outcome')),
    on_day TEXT NOT NULL,
    text_sealed TEXT NOT NULL,
    written_by INTEGER REFERENCES users (id),
    written_at TEXT NOT NULL
);
CREATE INDEX case_entries_case ON case_entries (case_id, id);
CREATE TRIGGER case_entries_no_update BEFORE UPDATE ON case_entries BEGIN SELECT RAISE(ABORT, 'case entries are kept as written'); END;
CREATE TRIGGER case_entries_no_delete BEFORE DELETE ON case_entries BEGIN SELECT RAISE(ABORT, 'case entries are kept as written'); END;

-- Every read of a case file: who and when (append-only; the chair sees it).
CREATE TABLE case_reads (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id INTEGER NOT NULL REFERENCES mediation_cases (id),
    user_id INTEGER NOT NULL REFERENCES users (id),
    at TEXT NOT NULL
);
CREATE INDEX case_reads_case ON case_reads (case_id, id);
CREATE TRIGGER case_reads_no_update BEFORE UPDATE ON case_reads BEGIN SELECT RAISE(ABORT, 'case reads are kept'); END;
CREATE TRIGGER case_reads_no_delete BEFORE DELETE ON case_reads BEGIN SELECT RAISE(ABORT, 'case reads are kept'); END;

-- Follow-up reminders of cases, once each.
CREATE TABLE case_reminders (
    case_id INTEGER NOT NULL REFERENCES mediation_cases (id),
    due_on TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    PRIMARY KEY (case_id, due_on)
);


-- Documents of a case file, sealed whole in the database (files on disk are not sealed): append-only.
CREATE TABLE case_documents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id INTEGER NOT NULL REFERENCES mediation_cases (id),
    title_sealed TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    content_sealed TEXT NOT NULL,
    added_by INTEGER REFERENCES users (id),
    added_at TEXT NOT NULL
);
CREATE INDEX case_documents_case ON case_documents (case_id, id);
CREATE TRIGGER case_documents_no_update BEFORE UPDATE ON case_documents BEGIN SELECT RAISE(ABORT, 'case documents are kept as attached'); END;
CREATE TRIGGER case_documents_no_delete BEFORE DELETE ON case_documents BEGIN SELECT RAISE(ABORT, 'case documents are kept as attached'); END;
