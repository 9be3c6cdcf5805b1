-- Search: one full-text index (SQLite FTS5) over every text a person writes.
--
-- search_index holds one document per searchable text, with what a hit needs to be shown
-- and filtered without reading its source: the kind, the source row's id, the person it
-- is about, its day and whether it is private. The shape follows sqlite-utils'
-- enable_fts(..., create_triggers=True): the index is filled here from the rows already
-- there and kept current by triggers on each source table (insert; update = delete +
-- insert; delete). Unlike sqlite-utils' one index per table, one index serves every
-- table, so one query ranks all kinds together.
--
-- A document's rowid orders it by day: (day number << 45) + its key, where the key is
-- (slot << 40) + the source row's rowid, a slot per kind of text (two for a row with a
-- shared and a private text) and the day number counts days from 1900-01-01 (undated
-- texts, the current ones, take the largest). Newest first is then the index's own rowid
-- order, and a date range a rowid range: neither reads a stored row. search_doc keeps
-- where each key's document is, so a trigger finds it again when the day changes; the
-- view search_entry writes both, and every source trigger goes through it.
--
-- Adding a searchable table is one block: a view search_source_<name> (key, text, kind,
-- source_id, person_id, day, private) that says what is searched, three triggers that
-- insert into and delete from search_entry, and the INSERT that indexes the rows already
-- there. Slots in use: 1 person, 2 point, 3 action, 4-5 session notes (shared, private),
-- 6-7 draft notes (shared, private), 8 feedback, 9 T3B3 item, 10 energy day, 11
-- energizing work.
--
-- The index keeps a copy of each text (snippets need no join) in the same file, under
-- the same secure_delete: a deleted text leaves the index with its row. FTS5 drops a
-- deleted document's words from its segments only when they are merged, so removing a
-- T3B3's text after delivery also merges the index ('optimize'): the words are then gone
-- from the file, not only from the results.
CREATE VIRTUAL TABLE search_index USING fts5(
    text,
    kind UNINDEXED,
    source_id UNINDEXED,
    person_id UNINDEXED,
    day UNINDEXED,
    private UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE search_doc (
    key INTEGER PRIMARY KEY,
    doc INTEGER NOT NULL
);

CREATE VIEW search_entry AS
SELECT key, doc, NULL AS text, NULL AS kind, NULL AS source_id, NULL AS person_id,
       NULL AS day, NULL AS private
FROM search_doc;
CREATE TRIGGER search_entry_insert INSTEAD OF INSERT ON search_entry BEGIN
    INSERT INTO search_doc (key, doc) VALUES (
        new.key,
        (min(max(coalesce(CAST(julianday(new.day) AS INTEGER) - 2415020, 131071), 0), 131071)
            << 45) + new.key
    );
    INSERT INTO search_index (rowid, text, kind, source_id, person_id, day, private)
    SELECT doc, new.text, new.kind, new.source_id, new.person_id, new.day, new.private
    FROM search_doc WHERE key = new.key;
END;
CREATE TRIGGER search_entry_delete INSTEAD OF DELETE ON search_entry BEGIN
    DELETE FROM search_index WHERE rowid = old.doc;
    DELETE FROM search_doc WHERE key = old.key;
END;

-- People: name, title and team.
CREATE VIEW search_source_person AS
SELECT (1 << 40) + id AS key,
       name || coalesce(' · ' || nullif(title, ''), '') || coalesce(' · ' || nullif(team, ''), '')
           AS text,
       'person' AS kind, id AS source_id, id AS person_id, NULL AS day, 0 AS private
FROM person;
CREATE TRIGGER search_person_ai AFTER INSERT ON person BEGIN
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, private)
    SELECT key, text, kind, source_id, person_id, day, private
    FROM search_source_person WHERE source_id = new.id;
END;
CREATE TRIGGER search_person_au AFTER UPDATE OF name, title, team ON person BEGIN
    DELETE FROM search_entry WHERE key = (1 << 40) + old.id;
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, private)
    SELECT key, text, kind, source_id, person_id, day, private
    FROM search_source_person WHERE source_id = new.id;
END;
CREATE TRIGGER search_person_ad AFTER DELETE ON person BEGIN
    DELETE FROM search_entry WHERE key = (1 << 40) + old.id;
END;
INSERT INTO search_entry (key, text, kind, source_id, person_id, day, private)
SELECT key, text, kind, source_id, person_id, day, private FROM search_source_person;

-- Talking points: dated by the session they were discussed in, else when raised.
CREATE VIEW search_source_point AS
SELECT (2 << 40) + p.id AS key, p.text, 'point' AS kind, p.id AS source_id, s.person_id,
       coalesce(x.held_on, p.created_on) AS day, p.visibility = 'private' AS private
FROM oo_point p
JOIN oo_series s ON s.id = p.series_id
LEFT JOIN oo_session x ON x.id = p.session_id;
CREATE TRIGGER search_point_ai AFTER INSERT ON oo_point BEGIN
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, private)
    SELECT key, text, kind, source_id, person_id, day, private
    FROM search_source_point WHERE source_id = new.id;
END;
CREATE TRIGGER search_point_au AFTER UPDATE OF text, visibility, session_id, created_on
ON oo_point BEGIN
    DELETE FROM search_entry WHERE key = (2 << 40) + old.id;
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, private)
    SELECT key, text, kind, source_id, person_id, day, private
    FROM search_source_point WHERE source_id = new.id;
END;
CREATE TRIGGER search_point_ad AFTER DELETE ON oo_point BEGIN
    DELETE FROM search_entry WHERE key = (2 << 40) + old.id;
END;
INSERT INTO search_entry (key, text, kind, source_id, person_id, day, private)
SELECT key, text, kind, source_id, person_id, day, private FROM search_source_point;

-- Action items: dated like talking points; they have no private side.
CREATE VIEW search_source_action AS
SELECT (3 << 40) + a.id AS key, a.text, 'action' AS kind, a.id AS source_id, s.person_id,
       coalesce(x.held_on, a.created_on) AS day, 0 AS private
FROM oo_action a
JOIN oo_series s ON s.id = a.series_id
LEFT JOIN oo_session x ON x.id = a.session_id;
CREATE TRIGGER search_action_ai AFTER INSERT ON oo_action BEGIN
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, private)
    SELECT key, text, kind, source_id, person_id, day, private
    FROM search_source_action WHERE source_id = new.id;
END;
CREATE TRIGGER search_action_au AFTER UPDATE OF text, session_id, created_on
ON oo_action BEGIN
    DELETE FROM search_entry WHERE key = (3 << 40) + old.id;
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, private)
    SELECT key, text, kind, source_id, person_id, day, private
    FROM search_source_action WHERE source_id = new.id;
END;
CREATE TRIGGER search_action_ad AFTER DELETE ON oo_action BEGIN
    DELETE FROM search_entry WHERE key = (3 << 40) + old.id;
END;
INSERT INTO search_entry (key, text, kind, source_id, person_id, day, private)
SELECT key, text, kind, source_id, person_id, day, private FROM search_source_action;

-- A held session's notes: the shared and the private text are two documents.
CREATE VIEW search_source_note AS
SELECT (4 << 40) + x.id AS key, x.shared_notes AS text, 'note' AS kind, x.id AS source_id,
       s.person_id, x.held_on AS day, 0 AS private
FROM oo_session x JOIN oo_series s ON s.id = x.series_id
WHERE trim(x.shared_notes) <> ''
UNION ALL
SELECT (5 << 40) + x.id, x.private_notes, 'note', x.id, s.person_id, x.held_on, 1
FROM oo_session x JOIN oo_series s ON s.id = x.series_id
WHERE trim(x.private_notes) <> '';
CREATE TRIGGER search_note_ai AFTER INSERT ON oo_session BEGIN
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, private)
    SELECT key, text, kind, source_id, person_id, day, private
    FROM search_source_note WHERE source_id = new.id;
END;
CREATE TRIGGER search_note_au AFTER UPDATE OF shared_notes, private_notes, held_on
ON oo_session BEGIN
    DELETE FROM search_entry WHERE key IN ((4 << 40) + old.id, (5 << 40) + old.id);
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, private)
    SELECT key, text, kind, source_id, person_id, day, private
    FROM search_source_note WHERE source_id = new.id;
END;
CREATE TRIGGER search_note_ad AFTER DELETE ON oo_session BEGIN
    DELETE FROM search_entry WHERE key IN ((4 << 40) + old.id, (5 << 40) + old.id);
END;
INSERT INTO search_entry (key, text, kind, source_id, person_id, day, private)
SELECT key, text, kind, source_id, person_id, day, private FROM search_source_note;

-- The upcoming session's notes, kept on the series until it is held: not dated yet.
CREATE VIEW search_source_draft AS
SELECT (6 << 40) + id AS key, draft_shared_notes AS text, 'draft' AS kind, id AS source_id,
       person_id, NULL AS day, 0 AS private
FROM oo_series WHERE trim(draft_shared_notes) <> ''
UNION ALL
SELECT (7 << 40) + id, draft_private_notes, 'draft', id, person_id, NULL, 1
FROM oo_series WHERE trim(draft_private_notes) <> '';
CREATE TRIGGER search_draft_ai AFTER INSERT ON oo_series BEGIN
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, private)
    SELECT key, text, kind, source_id, person_id, day, private
    FROM search_source_draft WHERE source_id = new.id;
END;
CREATE TRIGGER search_draft_au AFTER UPDATE OF draft_shared_notes, draft_private_notes
ON oo_series BEGIN
    DELETE FROM search_entry WHERE key IN ((6 << 40) + old.id, (7 << 40) + old.id);
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, private)
    SELECT key, text, kind, source_id, person_id, day, private
    FROM search_source_draft WHERE source_id = new.id;
END;
CREATE TRIGGER search_draft_ad AFTER DELETE ON oo_series BEGIN
    DELETE FROM search_entry WHERE key IN ((6 << 40) + old.id, (7 << 40) + old.id);
END;
INSERT INTO search_entry (key, text, kind, source_id, person_id, day, private)
SELECT key, text, kind, source_id, person_id, day, private FROM search_source_draft;

-- Feedback.
CREATE VIEW search_source_feedback AS
SELECT (8 << 40) + id AS key, text, 'feedback' AS kind, id AS source_id, person_id,
       given_on AS day, visibility = 'private' AS private
FROM feedback;
CREATE TRIGGER search_feedback_ai AFTER INSERT ON feedback BEGIN
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, private)
    SELECT key, text, kind, source_id, person_id, day, private
    FROM search_source_feedback WHERE source_id = new.id;
END;
CREATE TRIGGER search_feedback_au AFTER UPDATE OF text, visibility, given_on, person_id
ON feedback BEGIN
    DELETE FROM search_entry WHERE key = (8 << 40) + old.id;
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, private)
    SELECT key, text, kind, source_id, person_id, day, private
    FROM search_source_feedback WHERE source_id = new.id;
END;
CREATE TRIGGER search_feedback_ad AFTER DELETE ON feedback BEGIN
    DELETE FROM search_entry WHERE key = (8 << 40) + old.id;
END;
INSERT INTO search_entry (key, text, kind, source_id, person_id, day, private)
SELECT key, text, kind, source_id, person_id, day, private FROM search_source_feedback;

-- T3B3 items: private (the manager's speaking aid), dated by their delivery (not yet
-- delivered: not dated yet).
CREATE VIEW search_source_t3b3 AS
SELECT (9 << 40) + i.id AS key, i.text, 't3b3' AS kind, i.id AS source_id, t.person_id,
       t.delivered_on AS day, 1 AS private, i.t3b3_id
FROM t3b3_item i JOIN t3b3 t ON t.id = i.t3b3_id;
CREATE TRIGGER search_t3b3_ai AFTER INSERT ON t3b3_item BEGIN
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, private)
    SELECT key, text, kind, source_id, person_id, day, private
    FROM search_source_t3b3 WHERE source_id = new.id;
END;
CREATE TRIGGER search_t3b3_au AFTER UPDATE OF text, t3b3_id ON t3b3_item BEGIN
    DELETE FROM search_entry WHERE key = (9 << 40) + old.id;
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, private)
    SELECT key, text, kind, source_id, person_id, day, private
    FROM search_source_t3b3 WHERE source_id = new.id;
END;
CREATE TRIGGER search_t3b3_ad AFTER DELETE ON t3b3_item BEGIN
    DELETE FROM search_entry WHERE key = (9 << 40) + old.id;
END;
INSERT INTO search_entry (key, text, kind, source_id, person_id, day, private)
SELECT key, text, kind, source_id, person_id, day, private FROM search_source_t3b3;
-- Delivery dates the items.
CREATE TRIGGER search_t3b3_delivered AFTER UPDATE OF delivered_on ON t3b3 BEGIN
    DELETE FROM search_entry
    WHERE key IN (SELECT (9 << 40) + id FROM t3b3_item WHERE t3b3_id = new.id);
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, private)
    SELECT key, text, kind, source_id, person_id, day, private
    FROM search_source_t3b3 WHERE t3b3_id = new.id;
END;
-- Text removed after delivery: merge the index so the deleted words leave the file.
CREATE TRIGGER search_t3b3_text_removed AFTER UPDATE OF text_removed ON t3b3
WHEN new.text_removed = 1 BEGIN
    INSERT INTO search_index (search_index) VALUES ('optimize');
END;

-- Energy days: the note, then what energized (+) and what drained (−). Private.
CREATE VIEW search_source_energy AS
SELECT (10 << 40) + e.rowid AS key,
       trim(
           coalesce(e.note, '')
           || coalesce(' · + ' || (SELECT group_concat(value, ', ') FROM json_each(
                  CASE WHEN json_valid(e.energized_by) THEN e.energized_by ELSE '[]' END)), '')
           || coalesce(' · − ' || (SELECT group_concat(value, ', ') FROM json_each(
                  CASE WHEN json_valid(e.drained_by) THEN e.drained_by ELSE '[]' END)), ''),
           ' ·'
       ) AS text,
       'energy' AS kind, e.rowid AS source_id, NULL AS person_id, e.day, 1 AS private
FROM energy_entry e;
CREATE TRIGGER search_energy_ai AFTER INSERT ON energy_entry BEGIN
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, private)
    SELECT key, text, kind, source_id, person_id, day, private
    FROM search_source_energy WHERE source_id = new.rowid AND text <> '';
END;
CREATE TRIGGER search_energy_au AFTER UPDATE OF note, energized_by, drained_by, day
ON energy_entry BEGIN
    DELETE FROM search_entry WHERE key = (10 << 40) + old.rowid;
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, private)
    SELECT key, text, kind, source_id, person_id, day, private
    FROM search_source_energy WHERE source_id = new.rowid AND text <> '';
END;
CREATE TRIGGER search_energy_ad AFTER DELETE ON energy_entry BEGIN
    DELETE FROM search_entry WHERE key = (10 << 40) + old.rowid;
END;
INSERT INTO search_entry (key, text, kind, source_id, person_id, day, private)
SELECT key, text, kind, source_id, person_id, day, private FROM search_source_energy
WHERE text <> '';

-- Energizing work: private, like the journal it belongs to.
CREATE VIEW search_source_work AS
SELECT (11 << 40) + id AS key, title AS text, 'work' AS kind, id AS source_id,
       NULL AS person_id, day, 1 AS private
FROM energizing_work;
CREATE TRIGGER search_work_ai AFTER INSERT ON energizing_work BEGIN
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, private)
    SELECT key, text, kind, source_id, person_id, day, private
    FROM search_source_work WHERE source_id = new.id;
END;
CREATE TRIGGER search_work_au AFTER UPDATE OF title, day ON energizing_work BEGIN
    DELETE FROM search_entry WHERE key = (11 << 40) + old.id;
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, private)
    SELECT key, text, kind, source_id, person_id, day, private
    FROM search_source_work WHERE source_id = new.id;
END;
CREATE TRIGGER search_work_ad AFTER DELETE ON energizing_work BEGIN
    DELETE FROM search_entry WHERE key = (11 << 40) + old.id;
END;
INSERT INTO search_entry (key, text, kind, source_id, person_id, day, private)
SELECT key, text, kind, source_id, person_id, day, private FROM search_source_work;
