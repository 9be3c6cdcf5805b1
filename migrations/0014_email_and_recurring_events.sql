-- People may carry an email address: a calendar file names meeting attendees by address,
-- so an imported 1:1 is matched to its person by it (by name otherwise). Optional, kept
-- as typed (trimmed); matching folds case.
ALTER TABLE person ADD COLUMN email TEXT;
CREATE INDEX person_email ON person (email COLLATE NOCASE) WHERE email IS NOT NULL;

-- The undo journal records the new column too: the person triggers are made again with it.
DROP TRIGGER undo_person_ai;
DROP TRIGGER undo_person_au;
DROP TRIGGER undo_person_ad;
CREATE TRIGGER undo_person_ai AFTER INSERT ON person
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'person', 'insert', new.rowid, NULL,
        json_object('id', new.id, 'name', new.name, 'relation', new.relation, 'title', new.title, 'level', new.level, 'team', new.team, 'started_on', new.started_on, 'archived_on', new.archived_on, 'created_at', new.created_at, 'updated_at', new.updated_at, 'email', new.email));
END;
CREATE TRIGGER undo_person_au AFTER UPDATE ON person
WHEN (SELECT recording FROM undo_state) IS NOT NULL AND (old.id IS NOT new.id OR old.name IS NOT new.name OR old.relation IS NOT new.relation OR old.title IS NOT new.title OR old.level IS NOT new.level OR old.team IS NOT new.team OR old.started_on IS NOT new.started_on OR old.archived_on IS NOT new.archived_on OR old.created_at IS NOT new.created_at OR old.updated_at IS NOT new.updated_at OR old.email IS NOT new.email) BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'person', 'update', new.rowid,
        json_object('id', old.id, 'name', old.name, 'relation', old.relation, 'title', old.title, 'level', old.level, 'team', old.team, 'started_on', old.started_on, 'archived_on', old.archived_on, 'created_at', old.created_at, 'updated_at', old.updated_at, 'email', old.email),
        json_object('id', new.id, 'name', new.name, 'relation', new.relation, 'title', new.title, 'level', new.level, 'team', new.team, 'started_on', new.started_on, 'archived_on', new.archived_on, 'created_at', new.created_at, 'updated_at', new.updated_at, 'email', new.email));
END;
CREATE TRIGGER undo_person_ad AFTER DELETE ON person
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'person', 'delete', old.rowid,
        json_object('id', old.id, 'name', old.name, 'relation', old.relation, 'title', old.title, 'level', old.level, 'team', old.team, 'started_on', old.started_on, 'archived_on', old.archived_on, 'created_at', old.created_at, 'updated_at', old.updated_at, 'email', old.email), NULL);
END;

-- A recurring event (a 1:1 series in my own calendar) is published with its rule, skips
-- and moves (JSON, see domain/calendar.py Recurrence) and an optional reminder, so the
-- next export sees when they change and can cancel the whole series.
ALTER TABLE calendar_event ADD COLUMN recurrence TEXT;
ALTER TABLE calendar_event ADD COLUMN alarm_minutes INTEGER;
