-- Account mail: confirmed addresses, and the single-use tokens of password resets and address confirmations (only
-- their SHA-256 is kept). SQLite dialect; keep in step with ../postgres.
ALTER TABLE users ADD COLUMN email_confirmed_at TEXT;
-- Accounts made before confirmation existed stand for people already known: their addresses count as confirmed.
UPDATE users SET email_confirmed_at = created_at;

CREATE TABLE account_tokens (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    purpose TEXT NOT NULL CHECK (purpose IN ('reset', 'confirm')),
    token_hash TEXT NOT NULL UNIQUE,
    -- Unix milliseconds, by the server's clock (the timers' clock).
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
);
CREATE INDEX account_tokens_user ON account_tokens (user_id, purpose);
