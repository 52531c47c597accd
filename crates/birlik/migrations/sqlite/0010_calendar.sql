-- iCalendar feeds (meetings): each meeting's SEQUENCE (RFC 5545), raised at every change of the meeting, its status
-- or its agenda, so that calendar programs replace what they hold. SQLite dialect; keep in step with ../postgres.
ALTER TABLE meetings ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0;
