-- Was it useful? An optional rating (1-5) of a held one-on-one, given when holding it
-- or later. Yours alone: the running document shows its trend and, when ratings fall
-- three sessions in a row, suggests changing the agenda or reducing the cadence, as the
-- sources advise for a weekly hour that is not productive. Only the private copy of the
-- 1:1 document carries it.
--
-- A new column of a journaled table: its three undo triggers are made again (see 0013).

ALTER TABLE oo_session ADD COLUMN rating INTEGER CHECK (rating BETWEEN 1 AND 5);

DROP TRIGGER undo_oo_session_ai;
DROP TRIGGER undo_oo_session_au;
DROP TRIGGER undo_oo_session_ad;
CREATE TRIGGER undo_oo_session_ai AFTER INSERT ON oo_session
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'oo_session', 'insert', new.rowid, NULL,
        json_object('id', new.id, 'series_id', new.series_id, 'held_on', new.held_on, 'shared_notes', new.shared_notes, 'private_notes', new.private_notes, 'closed_at', new.closed_at, 'rating', new.rating));
END;
CREATE TRIGGER undo_oo_session_au AFTER UPDATE ON oo_session
WHEN (SELECT recording FROM undo_state) IS NOT NULL AND (old.id IS NOT new.id OR old.series_id IS NOT new.series_id OR old.held_on IS NOT new.held_on OR old.shared_notes IS NOT new.shared_notes OR old.private_notes IS NOT new.private_notes OR old.closed_at IS NOT new.closed_at OR old.rating IS NOT new.rating) BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'oo_session', 'update', new.rowid,
        json_object('id', old.id, 'series_id', old.series_id, 'held_on', old.held_on, 'shared_notes', old.shared_notes, 'private_notes', old.private_notes, 'closed_at', old.closed_at, 'rating', old.rating),
        json_object('id', new.id, 'series_id', new.series_id, 'held_on', new.held_on, 'shared_notes', new.shared_notes, 'private_notes', new.private_notes, 'closed_at', new.closed_at, 'rating', new.rating));
END;
CREATE TRIGGER undo_oo_session_ad AFTER DELETE ON oo_session
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'oo_session', 'delete', old.rowid,
        json_object('id', old.id, 'series_id', old.series_id, 'held_on', old.held_on, 'shared_notes', old.shared_notes, 'private_notes', old.private_notes, 'closed_at', old.closed_at, 'rating', old.rating), NULL);
END;

