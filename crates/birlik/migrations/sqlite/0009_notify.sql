-- Notifications (platform/notify): who follows what, how each person wants each kind of notice, and the inbox,
-- whose rows also carry the state of their e-mail. SQLite dialect; keep in step with ../postgres.

-- An event may name the one thing it is about inside its scope (a statement of a consultation, say), so that
-- its handlers need not guess.
ALTER TABLE events ADD COLUMN subject_id INTEGER;

-- A person's language and Kazakh script, for what is sent to him when he is not reading (e-mail); and the random
-- key his unsubscribe links are signed with.
ALTER TABLE users ADD COLUMN lang TEXT NOT NULL DEFAULT 'kk' CHECK (lang IN ('kk', 'ru', 'en'));
ALTER TABLE users ADD COLUMN latin INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN mail_key TEXT;

-- Any public item (an event scope: area and item) a person follows.
CREATE TABLE follows (
    area TEXT NOT NULL,
    item_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    PRIMARY KEY (area, item_id, user_id)
);
CREATE INDEX follows_user ON follows (user_id);

-- How a person wants notices of one kind by e-mail; no row: at once.
CREATE TABLE notification_settings (
    user_id INTEGER NOT NULL REFERENCES users (id),
    kind TEXT NOT NULL,
    delivery TEXT NOT NULL CHECK (delivery IN ('instant', 'daily', 'never')),
    PRIMARY KEY (user_id, kind)
);

-- The inbox. (user, event, kind) is the idempotency key: an event applied again after a crash adds nothing.
-- `mail`: none (not by e-mail), pending (to send at once), digest (in the next daily digest), sent.
CREATE TABLE notifications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users (id),
    event_id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    area TEXT NOT NULL,
    item_id INTEGER,
    link TEXT NOT NULL,                 -- the item's path after the language prefix
    params TEXT NOT NULL,               -- JSON: the message's arguments (titles in kk, ru, en)
    created_at TEXT NOT NULL,
    read_at TEXT,
    mail TEXT NOT NULL CHECK (mail IN ('none', 'pending', 'digest', 'sent')),
    mailed_at TEXT,
    UNIQUE (user_id, event_id, kind)
);
CREATE INDEX notifications_inbox ON notifications (user_id, id);
CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;
CREATE INDEX notifications_mail ON notifications (event_id, id) WHERE mail = 'pending';
CREATE INDEX notifications_digest ON notifications (user_id, id) WHERE mail = 'digest';
