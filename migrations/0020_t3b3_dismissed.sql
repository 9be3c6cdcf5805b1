-- A half's T3B3 not delivered by the half's end is overdue ("every active direct report
-- who was employed during the half has a delivered T3B3 by the half's end. After that it
-- is overdue."), until it is delivered or the manager dismisses it (someone who left, a
-- half that will not be reviewed): the day of that dismissal. A date only: no text to
-- search.
--
-- A new column of a journaled table: its three undo triggers are made again (see 0013).

ALTER TABLE t3b3 ADD COLUMN dismissed_on TEXT;

DROP TRIGGER undo_t3b3_ai;
DROP TRIGGER undo_t3b3_au;
DROP TRIGGER undo_t3b3_ad;
CREATE TRIGGER undo_t3b3_ai AFTER INSERT ON t3b3
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 't3b3', 'insert', new.rowid, NULL,
        json_object('id', new.id, 'person_id', new.person_id, 'half', new.half, 'delivered_on', new.delivered_on, 'in_person', new.in_person, 'remove_text', new.remove_text, 'text_removed', new.text_removed, 'created_at', new.created_at, 'dismissed_on', new.dismissed_on));
END;
CREATE TRIGGER undo_t3b3_au AFTER UPDATE ON t3b3
WHEN (SELECT recording FROM undo_state) IS NOT NULL AND (old.id IS NOT new.id OR old.person_id IS NOT new.person_id OR old.half IS NOT new.half OR old.delivered_on IS NOT new.delivered_on OR old.in_person IS NOT new.in_person OR old.remove_text IS NOT new.remove_text OR old.text_removed IS NOT new.text_removed OR old.created_at IS NOT new.created_at OR old.dismissed_on IS NOT new.dismissed_on) BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 't3b3', 'update', new.rowid,
        json_object('id', old.id, 'person_id', old.person_id, 'half', old.half, 'delivered_on', old.delivered_on, 'in_person', old.in_person, 'remove_text', old.remove_text, 'text_removed', old.text_removed, 'created_at', old.created_at, 'dismissed_on', old.dismissed_on),
        json_object('id', new.id, 'person_id', new.person_id, 'half', new.half, 'delivered_on', new.delivered_on, 'in_person', new.in_person, 'remove_text', new.remove_text, 'text_removed', new.text_removed, 'created_at', new.created_at, 'dismissed_on', new.dismissed_on));
END;
CREATE TRIGGER undo_t3b3_ad AFTER DELETE ON t3b3
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 't3b3', 'delete', old.rowid,
        json_object('id', old.id, 'person_id', old.person_id, 'half', old.half, 'delivered_on', old.delivered_on, 'in_person', old.in_person, 'remove_text', old.remove_text, 'text_removed', old.text_removed, 'created_at', old.created_at, 'dismissed_on', old.dismissed_on), NULL);
END;
