-- The outbox of the change kernel (platform/change): every committed write leaves its events here, in the same
-- transaction as its rows and its audit entry. Every server reads them after commit to drop what it cached of
-- them; one server applies each event's lasting effects once and marks it applied.

CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    area TEXT NOT NULL,                 -- what changed: registry, consultations, consultation, …
    item_id INTEGER,                      -- which item of the area, or NULL for the area as a whole
    kind TEXT NOT NULL,                 -- e.g. registry.changed, consultation.analysed
    at TEXT NOT NULL,
    applied_at TEXT                     -- NULL until its lasting effects are applied
);
CREATE INDEX events_pending ON events (id) WHERE applied_at IS NULL;
