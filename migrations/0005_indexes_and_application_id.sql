-- Databases made before 0003 gained its final indexes lack three of them and carry an
-- older shape of two; every database gets the same set here.
DROP INDEX IF EXISTS oo_point_series;
CREATE INDEX oo_point_series ON oo_point (series_id, session_id, position);
CREATE INDEX IF NOT EXISTS oo_point_session ON oo_point (session_id);
DROP INDEX IF EXISTS oo_action_series;
CREATE INDEX oo_action_series ON oo_action (series_id, session_id, done_on);
CREATE INDEX IF NOT EXISTS oo_action_session ON oo_action (session_id);
CREATE INDEX IF NOT EXISTS oo_action_due ON oo_action (due_on);

-- leadtui's mark in the file header ("Lead"): another program's SQLite file is told
-- apart from ours before anything is written, and ours from theirs.
PRAGMA application_id = 1281712484;
