-- iCalendar feeds (meetings): each meeting's SEQUENCE (RFC 5545), raised at every change of the meeting, its status
-- or its agenda, so that calendar programs replace what they hold. PostgreSQL dialect; keep in step with ../sqlite.
ALTER TABLE meetings ADD COLUMN sequence BIGINT NOT NULL DEFAULT 0;
