-- The team's energy: what the manager observes of each report's energy, and the pushes
-- (a launch) after which the team should recharge.
--
-- energy_observation: one per person and day (observing again that day replaces it), a
-- level 1-5 and a note, linked to the 1:1 session held that day when there is one. The
-- manager's own read of someone: private by nature (domain/privacy.py: team-energy reaches
-- only you), never in the person's, upward or team copies.
-- team_push: a launch or other push the manager marks; the team view suggests slack time
-- after one (as after a T3B3 half).

CREATE TABLE energy_observation (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES person (id),
    day TEXT NOT NULL,
    session_id INTEGER REFERENCES oo_session (id) ON DELETE SET NULL,
    level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    note TEXT NOT NULL DEFAULT '',
    logged_at TEXT NOT NULL,
    UNIQUE (person_id, day)
);
CREATE INDEX energy_observation_day ON energy_observation (day);

CREATE TABLE team_push (
    id INTEGER PRIMARY KEY,
    day TEXT NOT NULL,
    name TEXT NOT NULL
);

-- Search: an observation's note (private, slot 25); a push's name (private, slot 26).
CREATE VIEW search_source_observation AS
SELECT (25 << 40) + id AS key, note AS text, 'observation' AS kind, id AS source_id,
       person_id, day, 'private' AS visibility, 'team-energy' AS topic
FROM energy_observation WHERE trim(note) <> '';
CREATE TRIGGER search_observation_ai AFTER INSERT ON energy_observation BEGIN
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_observation WHERE source_id = new.id;
END;
CREATE TRIGGER search_observation_au
AFTER UPDATE OF note, day, person_id ON energy_observation BEGIN
    DELETE FROM search_entry WHERE key = (25 << 40) + old.id;
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_observation WHERE source_id = new.id;
END;
CREATE TRIGGER search_observation_ad AFTER DELETE ON energy_observation BEGIN
    DELETE FROM search_entry WHERE key = (25 << 40) + old.id;
END;

CREATE VIEW search_source_push AS
SELECT (26 << 40) + id AS key, name AS text, 'push' AS kind, id AS source_id,
       NULL AS person_id, day, 'private' AS visibility, 'team-energy' AS topic
FROM team_push;
CREATE TRIGGER search_push_ai AFTER INSERT ON team_push BEGIN
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_push WHERE source_id = new.id;
END;
CREATE TRIGGER search_push_au AFTER UPDATE OF name, day ON team_push BEGIN
    DELETE FROM search_entry WHERE key = (26 << 40) + old.id;
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_push WHERE source_id = new.id;
END;
CREATE TRIGGER search_push_ad AFTER DELETE ON team_push BEGIN
    DELETE FROM search_entry WHERE key = (26 << 40) + old.id;
END;

-- The undo journal (see 0013).
CREATE TRIGGER undo_energy_observation_ai AFTER INSERT ON energy_observation
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'energy_observation', 'insert', new.rowid, NULL,
        json_object('id', new.id, 'person_id', new.person_id, 'day', new.day, 'session_id', new.session_id, 'level', new.level, 'note', new.note, 'logged_at', new.logged_at));
END;
CREATE TRIGGER undo_energy_observation_au AFTER UPDATE ON energy_observation
WHEN (SELECT recording FROM undo_state) IS NOT NULL AND (old.id IS NOT new.id OR old.person_id IS NOT new.person_id OR old.day IS NOT new.day OR old.session_id IS NOT new.session_id OR old.level IS NOT new.level OR old.note IS NOT new.note OR old.logged_at IS NOT new.logged_at) BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'energy_observation', 'update', new.rowid,
        json_object('id', old.id, 'person_id', old.person_id, 'day', old.day, 'session_id', old.session_id, 'level', old.level, 'note', old.note, 'logged_at', old.logged_at),
        json_object('id', new.id, 'person_id', new.person_id, 'day', new.day, 'session_id', new.session_id, 'level', new.level, 'note', new.note, 'logged_at', new.logged_at));
END;
CREATE TRIGGER undo_energy_observation_ad AFTER DELETE ON energy_observation
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'energy_observation', 'delete', old.rowid,
        json_object('id', old.id, 'person_id', old.person_id, 'day', old.day, 'session_id', old.session_id, 'level', old.level, 'note', old.note, 'logged_at', old.logged_at), NULL);
END;

CREATE TRIGGER undo_team_push_ai AFTER INSERT ON team_push
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'team_push', 'insert', new.rowid, NULL,
        json_object('id', new.id, 'day', new.day, 'name', new.name));
END;
CREATE TRIGGER undo_team_push_au AFTER UPDATE ON team_push
WHEN (SELECT recording FROM undo_state) IS NOT NULL AND (old.id IS NOT new.id OR old.day IS NOT new.day OR old.name IS NOT new.name) BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'team_push', 'update', new.rowid,
        json_object('id', old.id, 'day', old.day, 'name', old.name),
        json_object('id', new.id, 'day', new.day, 'name', new.name));
END;
CREATE TRIGGER undo_team_push_ad AFTER DELETE ON team_push
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'team_push', 'delete', old.rowid,
        json_object('id', old.id, 'day', old.day, 'name', old.name), NULL);
END;

