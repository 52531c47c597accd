-- The scorecard keeps recommendations' figures in memory and re-reads only the rows changed since its last read.
CREATE INDEX recommendations_updated ON recommendations (updated_at);
