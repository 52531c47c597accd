-- Documents attached to items of the capabilities (SQLite dialect; keep in step with ../postgres). The file is
-- content-addressed on disk (data_dir/files/<first two hex digits>/<sha256>); the row says what it is, to which
-- item it belongs, in which language, and who uploaded it. Nothing is deleted: documents are archived.

CREATE TABLE documents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    item_kind TEXT NOT NULL CHECK (item_kind IN ('body', 'consultation')),
    item_id INTEGER NOT NULL,
    title TEXT NOT NULL,
    lang TEXT NOT NULL CHECK (lang IN ('kk', 'ru', 'en')),
    version_of INTEGER REFERENCES documents (id),   -- the original this is the kk/ru/en version of
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    size INTEGER NOT NULL CHECK (size > 0),
    content_type TEXT NOT NULL,                      -- sniffed from the content
    original_name TEXT NOT NULL,                     -- cleaned; only names the download
    uploaded_by INTEGER REFERENCES users (id),
    uploaded_at TEXT NOT NULL,
    archived_at TEXT
);
CREATE INDEX documents_item ON documents (item_kind, item_id);
CREATE INDEX documents_sha256 ON documents (sha256);
-- One live version per language of a document.
CREATE UNIQUE INDEX documents_one_per_language ON documents (COALESCE(version_of, id), lang) WHERE archived_at IS NULL;

CREATE TRIGGER documents_never_deleted BEFORE DELETE ON documents
BEGIN
    SELECT RAISE(ABORT, 'documents are archived, never deleted');
END;
