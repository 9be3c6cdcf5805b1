-- Depth: "An hour is enough time to dig deep into two or three meaningful problems."
-- A talking point can be marked deep; the running document warns when the upcoming
-- session has more than three deep points, or none. Filed copies keep the mark, so the
-- record shows what a held session went deep on.
--
--
-- The prompt tray: the questions the sources ask a manager to bring back (the skill gap,
-- the execution focus, a narrow ask for feedback, confirming the kernel of a problem).
-- A point taken from it keeps its kind (NULL for a point written freely), so the review
-- packet can count how often feedback was asked in a half.
--
-- New columns of a journaled table: its three undo triggers are made again (see 0013).

ALTER TABLE oo_point ADD COLUMN deep INTEGER NOT NULL DEFAULT 0 CHECK (deep IN (0, 1));
ALTER TABLE oo_point ADD COLUMN kind TEXT
    CHECK (kind IN ('skill_gap', 'execution_focus', 'feedback_asked', 'kernel_check'));

DROP TRIGGER undo_oo_point_ai;
DROP TRIGGER undo_oo_point_au;
DROP TRIGGER undo_oo_point_ad;
CREATE TRIGGER undo_oo_point_ai AFTER INSERT ON oo_point
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'oo_point', 'insert', new.rowid, NULL,
        json_object('id', new.id, 'series_id', new.series_id, 'text', new.text, 'raised_by', new.raised_by, 'visibility', new.visibility, 'status', new.status, 'recurring', new.recurring, 'position', new.position, 'carried', new.carried, 'session_id', new.session_id, 'created_on', new.created_on, 'deep', new.deep, 'kind', new.kind));
END;
CREATE TRIGGER undo_oo_point_au AFTER UPDATE ON oo_point
WHEN (SELECT recording FROM undo_state) IS NOT NULL AND (old.id IS NOT new.id OR old.series_id IS NOT new.series_id OR old.text IS NOT new.text OR old.raised_by IS NOT new.raised_by OR old.visibility IS NOT new.visibility OR old.status IS NOT new.status OR old.recurring IS NOT new.recurring OR old.position IS NOT new.position OR old.carried IS NOT new.carried OR old.session_id IS NOT new.session_id OR old.created_on IS NOT new.created_on OR old.deep IS NOT new.deep OR old.kind IS NOT new.kind) BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'oo_point', 'update', new.rowid,
        json_object('id', old.id, 'series_id', old.series_id, 'text', old.text, 'raised_by', old.raised_by, 'visibility', old.visibility, 'status', old.status, 'recurring', old.recurring, 'position', old.position, 'carried', old.carried, 'session_id', old.session_id, 'created_on', old.created_on, 'deep', old.deep, 'kind', old.kind),
        json_object('id', new.id, 'series_id', new.series_id, 'text', new.text, 'raised_by', new.raised_by, 'visibility', new.visibility, 'status', new.status, 'recurring', new.recurring, 'position', new.position, 'carried', new.carried, 'session_id', new.session_id, 'created_on', new.created_on, 'deep', new.deep, 'kind', new.kind));
END;
CREATE TRIGGER undo_oo_point_ad AFTER DELETE ON oo_point
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'oo_point', 'delete', old.rowid,
        json_object('id', old.id, 'series_id', old.series_id, 'text', old.text, 'raised_by', old.raised_by, 'visibility', old.visibility, 'status', old.status, 'recurring', old.recurring, 'position', old.position, 'carried', old.carried, 'session_id', old.session_id, 'created_on', old.created_on, 'deep', old.deep, 'kind', old.kind), NULL);
END;
