-- Moderation, continued (issue 15): display names are moderated, authors edit what they were asked to, and a re-post
-- of a hidden text is hidden automatically. PostgreSQL dialect; keep in step with ../sqlite.

-- The name a participant chose while moderation shows a neutral one in its place (kept, never deleted unseen).
ALTER TABLE users ADD COLUMN display_name_held TEXT;

-- Fingerprints (hashes, no text) of what moderators hid, per body: a re-post of the same text is hidden too.
CREATE TABLE moderation_hidden_texts (
    item_kind TEXT NOT NULL,
    item_id BIGINT NOT NULL,
    body_id BIGINT NOT NULL REFERENCES bodies (id),
    fingerprint TEXT NOT NULL,
    decision_id BIGINT NOT NULL REFERENCES moderation_decisions (id),
    PRIMARY KEY (item_kind, item_id)
);
CREATE INDEX moderation_hidden_texts_print ON moderation_hidden_texts (body_id, item_kind, fingerprint);

-- An author's edit after a request to edit: once per request.
CREATE TABLE moderation_edits (
    decision_id BIGINT PRIMARY KEY REFERENCES moderation_decisions (id),
    edited_at TEXT NOT NULL
);
