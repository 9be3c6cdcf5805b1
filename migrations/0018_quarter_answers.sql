-- The quarter review beside the energy journal: the four questions for deciding whether
-- to stay, answered per quarter, and an optional decision date Today brings back.
--
-- learning: is your rate of learning still high? deenergized: are you consistently
-- de-energized by your work? closing: can you still authentically close candidates?
-- leaving: would leaving in six months do more damage than leaving today?
-- The journal's own: private by nature (topic energy), in the private energy export only.

CREATE TABLE energy_quarter_answers (
    id INTEGER PRIMARY KEY,
    quarter TEXT NOT NULL UNIQUE,
    learning TEXT NOT NULL DEFAULT '',
    deenergized TEXT NOT NULL DEFAULT '',
    closing TEXT NOT NULL DEFAULT '',
    leaving TEXT NOT NULL DEFAULT '',
    decision_on TEXT,
    changed_on TEXT NOT NULL
);

-- Search: the four answers as one private document (slot 27).
CREATE VIEW search_source_quarter AS
SELECT (27 << 40) + id AS key,
       trim(coalesce(nullif(learning, '') || ' · ', '')
           || coalesce(nullif(deenergized, '') || ' · ', '')
           || coalesce(nullif(closing, '') || ' · ', '')
           || leaving, ' ·') AS text,
       'review' AS kind, id AS source_id, NULL AS person_id, changed_on AS day,
       'private' AS visibility, 'energy' AS topic
FROM energy_quarter_answers;
CREATE TRIGGER search_quarter_ai AFTER INSERT ON energy_quarter_answers BEGIN
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_quarter WHERE source_id = new.id AND text <> '';
END;
CREATE TRIGGER search_quarter_au
AFTER UPDATE OF learning, deenergized, closing, leaving, changed_on ON energy_quarter_answers
BEGIN
    DELETE FROM search_entry WHERE key = (27 << 40) + old.id;
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_quarter WHERE source_id = new.id AND text <> '';
END;
CREATE TRIGGER search_quarter_ad AFTER DELETE ON energy_quarter_answers BEGIN
    DELETE FROM search_entry WHERE key = (27 << 40) + old.id;
END;

-- The undo journal (see 0013).
CREATE TRIGGER undo_energy_quarter_answers_ai AFTER INSERT ON energy_quarter_answers
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'energy_quarter_answers', 'insert', new.rowid, NULL,
        json_object('id', new.id, 'quarter', new.quarter, 'learning', new.learning, 'deenergized', new.deenergized, 'closing', new.closing, 'leaving', new.leaving, 'decision_on', new.decision_on, 'changed_on', new.changed_on));
END;
CREATE TRIGGER undo_energy_quarter_answers_au AFTER UPDATE ON energy_quarter_answers
WHEN (SELECT recording FROM undo_state) IS NOT NULL AND (old.id IS NOT new.id OR old.quarter IS NOT new.quarter OR old.learning IS NOT new.learning OR old.deenergized IS NOT new.deenergized OR old.closing IS NOT new.closing OR old.leaving IS NOT new.leaving OR old.decision_on IS NOT new.decision_on OR old.changed_on IS NOT new.changed_on) BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'energy_quarter_answers', 'update', new.rowid,
        json_object('id', old.id, 'quarter', old.quarter, 'learning', old.learning, 'deenergized', old.deenergized, 'closing', old.closing, 'leaving', old.leaving, 'decision_on', old.decision_on, 'changed_on', old.changed_on),
        json_object('id', new.id, 'quarter', new.quarter, 'learning', new.learning, 'deenergized', new.deenergized, 'closing', new.closing, 'leaving', new.leaving, 'decision_on', new.decision_on, 'changed_on', new.changed_on));
END;
CREATE TRIGGER undo_energy_quarter_answers_ad AFTER DELETE ON energy_quarter_answers
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'energy_quarter_answers', 'delete', old.rowid,
        json_object('id', old.id, 'quarter', old.quarter, 'learning', old.learning, 'deenergized', old.deenergized, 'closing', old.closing, 'leaving', old.leaving, 'decision_on', old.decision_on, 'changed_on', old.changed_on), NULL);
END;

