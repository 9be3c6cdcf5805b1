-- Personal context: a private note per person, with named fields (what they care about,
-- how they like to hear feedback, their goals, their time off and hours) and free text.
--
-- One row per person, written on the first save. Every field is the manager's own
-- knowledge: it is private by nature (domain/privacy.py: personal-context reaches only
-- you), indexed for search as private, journaled for undo, and in no export but the
-- private copy of the person's 1:1 document.

CREATE TABLE person_context (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL UNIQUE REFERENCES person (id),
    cares_about TEXT NOT NULL DEFAULT '',
    feedback_style TEXT NOT NULL DEFAULT '',
    goals TEXT NOT NULL DEFAULT '',
    time_off TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    changed_on TEXT NOT NULL
);

-- Search: one private document per person's context, its fields joined (slot 24).
CREATE VIEW search_source_context AS
SELECT (24 << 40) + id AS key,
       trim(coalesce(nullif(cares_about, '') || ' · ', '')
           || coalesce(nullif(feedback_style, '') || ' · ', '')
           || coalesce(nullif(goals, '') || ' · ', '')
           || coalesce(nullif(time_off, '') || ' · ', '')
           || notes, ' ·') AS text,
       'context' AS kind, id AS source_id, person_id, changed_on AS day,
       'private' AS visibility, 'personal-context' AS topic
FROM person_context;
CREATE TRIGGER search_context_ai AFTER INSERT ON person_context BEGIN
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_context WHERE source_id = new.id AND text <> '';
END;
CREATE TRIGGER search_context_au
AFTER UPDATE OF cares_about, feedback_style, goals, time_off, notes, changed_on, person_id
ON person_context BEGIN
    DELETE FROM search_entry WHERE key = (24 << 40) + old.id;
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_context WHERE source_id = new.id AND text <> '';
END;
CREATE TRIGGER search_context_ad AFTER DELETE ON person_context BEGIN
    DELETE FROM search_entry WHERE key = (24 << 40) + old.id;
END;

-- The undo journal (see 0013).
CREATE TRIGGER undo_person_context_ai AFTER INSERT ON person_context
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'person_context', 'insert', new.rowid, NULL,
        json_object('id', new.id, 'person_id', new.person_id, 'cares_about', new.cares_about, 'feedback_style', new.feedback_style, 'goals', new.goals, 'time_off', new.time_off, 'notes', new.notes, 'changed_on', new.changed_on));
END;
CREATE TRIGGER undo_person_context_au AFTER UPDATE ON person_context
WHEN (SELECT recording FROM undo_state) IS NOT NULL AND (old.id IS NOT new.id OR old.person_id IS NOT new.person_id OR old.cares_about IS NOT new.cares_about OR old.feedback_style IS NOT new.feedback_style OR old.goals IS NOT new.goals OR old.time_off IS NOT new.time_off OR old.notes IS NOT new.notes OR old.changed_on IS NOT new.changed_on) BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'person_context', 'update', new.rowid,
        json_object('id', old.id, 'person_id', old.person_id, 'cares_about', old.cares_about, 'feedback_style', old.feedback_style, 'goals', old.goals, 'time_off', old.time_off, 'notes', old.notes, 'changed_on', old.changed_on),
        json_object('id', new.id, 'person_id', new.person_id, 'cares_about', new.cares_about, 'feedback_style', new.feedback_style, 'goals', new.goals, 'time_off', new.time_off, 'notes', new.notes, 'changed_on', new.changed_on));
END;
CREATE TRIGGER undo_person_context_ad AFTER DELETE ON person_context
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'person_context', 'delete', old.rowid,
        json_object('id', old.id, 'person_id', old.person_id, 'cares_about', old.cares_about, 'feedback_style', old.feedback_style, 'goals', old.goals, 'time_off', old.time_off, 'notes', old.notes, 'changed_on', old.changed_on), NULL);
END;

