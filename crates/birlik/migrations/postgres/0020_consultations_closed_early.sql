-- A consultation's secretariat may close it before its last day: when and why (shown on its page, and in the
-- audit log). A consultation closed early stays closed whatever its dates say.
ALTER TABLE consultations ADD COLUMN closed_at TEXT;
ALTER TABLE consultations ADD COLUMN closed_reason TEXT;
