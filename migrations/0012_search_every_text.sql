-- Search, rebuilt: every text a person writes is found, a hit is marked private by the
-- privacy rule (not by its kind), and a text overwritten or removed leaves the file.
--
-- Migration 0009 describes the index (one FTS5 table, a document per text, rowid ordered
-- by day, search_doc and the view search_entry that every source trigger writes through).
-- What changes here:
--
-- * Each document carries the visibility and the topic (domain/privacy.py's Topic) of its
--   text instead of a private flag. Whether a hit is private is decided when it is read,
--   by the same rule as the exports: it reaches no audience but you. A shared succession
--   gap or meeting audit reaches upward, so it is not private; a T3B3 item or the energy
--   journal reaches only you, whatever its visibility.
-- * Texts no search found before: a person's level, the career path (goal, test run and
--   its result; the note of aligning upward, which privacy.py files as a CEO log note),
--   its milestones, a candidacy's condition, a recurring meeting's name and cadence, and a
--   rotation capacity's name, description and exposure. Slots 18-23.
-- * Removing a document from the index (an edit, a delete) marks search_purge. Before the
--   transaction commits, the store merges the index into one segment ('optimize') when
--   the mark is set and clears it: FTS5 drops a deleted document's words from its pages
--   only when they are merged, and this SQLite (3.40) has no 'secure-delete' option.
--   pragma secure_delete zeroes the freed pages and cells; closing the last connection
--   checkpoints the log into the file and removes it. One merge per transaction, not per
--   row: seeding years of history stays one merge.
--
-- FTS5 tables cannot gain columns, so the index and every view and trigger over it are
-- made again, and the rows already there indexed again.

DROP TRIGGER IF EXISTS search_action_ad;
DROP TRIGGER IF EXISTS search_action_ai;
DROP TRIGGER IF EXISTS search_action_au;
DROP TRIGGER IF EXISTS search_audit_ad;
DROP TRIGGER IF EXISTS search_audit_ai;
DROP TRIGGER IF EXISTS search_audit_au;
DROP TRIGGER IF EXISTS search_ceo_ad;
DROP TRIGGER IF EXISTS search_ceo_ai;
DROP TRIGGER IF EXISTS search_ceo_au;
DROP TRIGGER IF EXISTS search_cover_ad;
DROP TRIGGER IF EXISTS search_cover_ai;
DROP TRIGGER IF EXISTS search_cover_au;
DROP TRIGGER IF EXISTS search_draft_ad;
DROP TRIGGER IF EXISTS search_draft_ai;
DROP TRIGGER IF EXISTS search_draft_au;
DROP TRIGGER IF EXISTS search_energy_ad;
DROP TRIGGER IF EXISTS search_energy_ai;
DROP TRIGGER IF EXISTS search_energy_au;
DROP TRIGGER IF EXISTS search_entry_delete;
DROP TRIGGER IF EXISTS search_entry_insert;
DROP TRIGGER IF EXISTS search_feedback_ad;
DROP TRIGGER IF EXISTS search_feedback_ai;
DROP TRIGGER IF EXISTS search_feedback_au;
DROP TRIGGER IF EXISTS search_focus_ad;
DROP TRIGGER IF EXISTS search_focus_ai;
DROP TRIGGER IF EXISTS search_focus_au;
DROP TRIGGER IF EXISTS search_gap_ad;
DROP TRIGGER IF EXISTS search_gap_ai;
DROP TRIGGER IF EXISTS search_gap_au;
DROP TRIGGER IF EXISTS search_handoff_ad;
DROP TRIGGER IF EXISTS search_handoff_ai;
DROP TRIGGER IF EXISTS search_handoff_au;
DROP TRIGGER IF EXISTS search_note_ad;
DROP TRIGGER IF EXISTS search_note_ai;
DROP TRIGGER IF EXISTS search_note_au;
DROP TRIGGER IF EXISTS search_person_ad;
DROP TRIGGER IF EXISTS search_person_ai;
DROP TRIGGER IF EXISTS search_person_au;
DROP TRIGGER IF EXISTS search_point_ad;
DROP TRIGGER IF EXISTS search_point_ai;
DROP TRIGGER IF EXISTS search_point_au;
DROP TRIGGER IF EXISTS search_t3b3_ad;
DROP TRIGGER IF EXISTS search_t3b3_ai;
DROP TRIGGER IF EXISTS search_t3b3_au;
DROP TRIGGER IF EXISTS search_t3b3_delivered;
DROP TRIGGER IF EXISTS search_t3b3_text_removed;
DROP TRIGGER IF EXISTS search_work_ad;
DROP TRIGGER IF EXISTS search_work_ai;
DROP TRIGGER IF EXISTS search_work_au;
DROP VIEW IF EXISTS search_entry;
DROP VIEW IF EXISTS search_source_action;
DROP VIEW IF EXISTS search_source_audit;
DROP VIEW IF EXISTS search_source_ceo;
DROP VIEW IF EXISTS search_source_cover;
DROP VIEW IF EXISTS search_source_draft;
DROP VIEW IF EXISTS search_source_energy;
DROP VIEW IF EXISTS search_source_feedback;
DROP VIEW IF EXISTS search_source_focus;
DROP VIEW IF EXISTS search_source_gap;
DROP VIEW IF EXISTS search_source_handoff;
DROP VIEW IF EXISTS search_source_note;
DROP VIEW IF EXISTS search_source_person;
DROP VIEW IF EXISTS search_source_point;
DROP VIEW IF EXISTS search_source_t3b3;
DROP VIEW IF EXISTS search_source_work;
DROP TABLE IF EXISTS search_index;
DROP TABLE IF EXISTS search_doc;

CREATE VIRTUAL TABLE search_index USING fts5(
    text,
    kind UNINDEXED,
    source_id UNINDEXED,
    person_id UNINDEXED,
    day UNINDEXED,
    visibility UNINDEXED,
    topic UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE search_doc (
    key INTEGER PRIMARY KEY,
    doc INTEGER NOT NULL
);

-- One row: 1 while a document removed in this transaction may still have words in the
-- index's pages.
CREATE TABLE search_purge (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    pending INTEGER NOT NULL DEFAULT 0
);
INSERT INTO search_purge (id, pending) VALUES (1, 0);

CREATE VIEW search_entry AS
SELECT key, doc, NULL AS text, NULL AS kind, NULL AS source_id, NULL AS person_id,
       NULL AS day, NULL AS visibility, NULL AS topic
FROM search_doc;
CREATE TRIGGER search_entry_insert INSTEAD OF INSERT ON search_entry BEGIN
    INSERT INTO search_doc (key, doc) VALUES (
        new.key,
        (min(max(coalesce(CAST(julianday(new.day) AS INTEGER) - 2415020, 131071), 0), 131071)
            << 45) + new.key
    );
    INSERT INTO search_index (rowid, text, kind, source_id, person_id, day, visibility, topic)
    SELECT doc, new.text, new.kind, new.source_id, new.person_id, new.day, new.visibility,
           new.topic
    FROM search_doc WHERE key = new.key;
END;
CREATE TRIGGER search_entry_delete INSTEAD OF DELETE ON search_entry BEGIN
    DELETE FROM search_index WHERE rowid = old.doc;
    DELETE FROM search_doc WHERE key = old.key;
    UPDATE search_purge SET pending = 1 WHERE pending = 0;
END;

-- People: name, title, level and team.
CREATE VIEW search_source_person AS
SELECT (1 << 40) + id AS key,
       name || coalesce(' · ' || nullif(title, ''), '')
           || coalesce(' · ' || nullif(level, ''), '')
           || coalesce(' · ' || nullif(team, ''), '') AS text,
       'person' AS kind, id AS source_id, id AS person_id, NULL AS day,
       'shared' AS visibility, 'person' AS topic
FROM person;
CREATE TRIGGER search_person_ai AFTER INSERT ON person BEGIN
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_person WHERE source_id = new.id;
END;
CREATE TRIGGER search_person_au
AFTER UPDATE OF name, title, level, team ON person BEGIN
    DELETE FROM search_entry WHERE key = (1 << 40) + old.id;
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_person WHERE source_id = new.id;
END;
CREATE TRIGGER search_person_ad AFTER DELETE ON person BEGIN
    DELETE FROM search_entry WHERE key = (1 << 40) + old.id;
END;
INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
SELECT key, text, kind, source_id, person_id, day, visibility, topic
FROM search_source_person;

-- Talking points: dated by the session they were discussed in, else when raised.
CREATE VIEW search_source_point AS
SELECT (2 << 40) + p.id AS key, p.text, 'point' AS kind, p.id AS source_id, s.person_id,
       coalesce(x.held_on, p.created_on) AS day, p.visibility, 'one-on-one' AS topic
FROM oo_point p
JOIN oo_series s ON s.id = p.series_id
LEFT JOIN oo_session x ON x.id = p.session_id;
CREATE TRIGGER search_point_ai AFTER INSERT ON oo_point BEGIN
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_point WHERE source_id = new.id;
END;
CREATE TRIGGER search_point_au
AFTER UPDATE OF text, visibility, session_id, created_on ON oo_point BEGIN
    DELETE FROM search_entry WHERE key = (2 << 40) + old.id;
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_point WHERE source_id = new.id;
END;
CREATE TRIGGER search_point_ad AFTER DELETE ON oo_point BEGIN
    DELETE FROM search_entry WHERE key = (2 << 40) + old.id;
END;
INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
SELECT key, text, kind, source_id, person_id, day, visibility, topic
FROM search_source_point;

-- Action items: dated like talking points; both sides' are shared.
CREATE VIEW search_source_action AS
SELECT (3 << 40) + a.id AS key, a.text, 'action' AS kind, a.id AS source_id, s.person_id,
       coalesce(x.held_on, a.created_on) AS day, 'shared' AS visibility, 'one-on-one' AS topic
FROM oo_action a
JOIN oo_series s ON s.id = a.series_id
LEFT JOIN oo_session x ON x.id = a.session_id;
CREATE TRIGGER search_action_ai AFTER INSERT ON oo_action BEGIN
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_action WHERE source_id = new.id;
END;
CREATE TRIGGER search_action_au
AFTER UPDATE OF text, session_id, created_on ON oo_action BEGIN
    DELETE FROM search_entry WHERE key = (3 << 40) + old.id;
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_action WHERE source_id = new.id;
END;
CREATE TRIGGER search_action_ad AFTER DELETE ON oo_action BEGIN
    DELETE FROM search_entry WHERE key = (3 << 40) + old.id;
END;
INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
SELECT key, text, kind, source_id, person_id, day, visibility, topic
FROM search_source_action;

-- A held session's notes: the shared and the private text are two documents.
CREATE VIEW search_source_note AS
SELECT (4 << 40) + x.id AS key, x.shared_notes AS text, 'note' AS kind, x.id AS source_id,
       s.person_id, x.held_on AS day, 'shared' AS visibility, 'one-on-one' AS topic
FROM oo_session x JOIN oo_series s ON s.id = x.series_id
WHERE trim(x.shared_notes) <> ''
UNION ALL
SELECT (5 << 40) + x.id, x.private_notes, 'note', x.id, s.person_id, x.held_on, 'private',
       'one-on-one'
FROM oo_session x JOIN oo_series s ON s.id = x.series_id
WHERE trim(x.private_notes) <> '';
CREATE TRIGGER search_note_ai AFTER INSERT ON oo_session BEGIN
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_note WHERE source_id = new.id;
END;
CREATE TRIGGER search_note_au
AFTER UPDATE OF shared_notes, private_notes, held_on ON oo_session BEGIN
    DELETE FROM search_entry WHERE key IN ((4 << 40) + old.id, (5 << 40) + old.id);
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_note WHERE source_id = new.id;
END;
CREATE TRIGGER search_note_ad AFTER DELETE ON oo_session BEGIN
    DELETE FROM search_entry WHERE key IN ((4 << 40) + old.id, (5 << 40) + old.id);
END;
INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
SELECT key, text, kind, source_id, person_id, day, visibility, topic
FROM search_source_note;

-- The upcoming session's notes, kept on the series until it is held: not dated yet.
CREATE VIEW search_source_draft AS
SELECT (6 << 40) + id AS key, draft_shared_notes AS text, 'draft' AS kind, id AS source_id,
       person_id, NULL AS day, 'shared' AS visibility, 'one-on-one' AS topic
FROM oo_series WHERE trim(draft_shared_notes) <> ''
UNION ALL
SELECT (7 << 40) + id, draft_private_notes, 'draft', id, person_id, NULL, 'private',
       'one-on-one'
FROM oo_series WHERE trim(draft_private_notes) <> '';
CREATE TRIGGER search_draft_ai AFTER INSERT ON oo_series BEGIN
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_draft WHERE source_id = new.id;
END;
CREATE TRIGGER search_draft_au
AFTER UPDATE OF draft_shared_notes, draft_private_notes ON oo_series BEGIN
    DELETE FROM search_entry WHERE key IN ((6 << 40) + old.id, (7 << 40) + old.id);
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_draft WHERE source_id = new.id;
END;
CREATE TRIGGER search_draft_ad AFTER DELETE ON oo_series BEGIN
    DELETE FROM search_entry WHERE key IN ((6 << 40) + old.id, (7 << 40) + old.id);
END;
INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
SELECT key, text, kind, source_id, person_id, day, visibility, topic
FROM search_source_draft;

-- Feedback.
CREATE VIEW search_source_feedback AS
SELECT (8 << 40) + id AS key, text, 'feedback' AS kind, id AS source_id, person_id,
       given_on AS day, visibility, 'feedback' AS topic
FROM feedback;
CREATE TRIGGER search_feedback_ai AFTER INSERT ON feedback BEGIN
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_feedback WHERE source_id = new.id;
END;
CREATE TRIGGER search_feedback_au
AFTER UPDATE OF text, visibility, given_on, person_id ON feedback BEGIN
    DELETE FROM search_entry WHERE key = (8 << 40) + old.id;
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_feedback WHERE source_id = new.id;
END;
CREATE TRIGGER search_feedback_ad AFTER DELETE ON feedback BEGIN
    DELETE FROM search_entry WHERE key = (8 << 40) + old.id;
END;
INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
SELECT key, text, kind, source_id, person_id, day, visibility, topic
FROM search_source_feedback;

-- T3B3 items: the manager's speaking aid (domain/feedback.py: private), dated by their
-- delivery (not yet delivered: not dated yet).
CREATE VIEW search_source_t3b3 AS
SELECT (9 << 40) + i.id AS key, i.text, 't3b3' AS kind, i.id AS source_id, t.person_id,
       t.delivered_on AS day, 'private' AS visibility, 't3b3-item' AS topic, i.t3b3_id
FROM t3b3_item i JOIN t3b3 t ON t.id = i.t3b3_id;
CREATE TRIGGER search_t3b3_ai AFTER INSERT ON t3b3_item BEGIN
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_t3b3 WHERE source_id = new.id;
END;
CREATE TRIGGER search_t3b3_au
AFTER UPDATE OF text, t3b3_id ON t3b3_item BEGIN
    DELETE FROM search_entry WHERE key = (9 << 40) + old.id;
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_t3b3 WHERE source_id = new.id;
END;
CREATE TRIGGER search_t3b3_ad AFTER DELETE ON t3b3_item BEGIN
    DELETE FROM search_entry WHERE key = (9 << 40) + old.id;
END;
INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
SELECT key, text, kind, source_id, person_id, day, visibility, topic
FROM search_source_t3b3;
-- Delivery dates the items.
CREATE TRIGGER search_t3b3_delivered AFTER UPDATE OF delivered_on ON t3b3 BEGIN
    DELETE FROM search_entry
    WHERE key IN (SELECT (9 << 40) + id FROM t3b3_item WHERE t3b3_id = new.id);
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_t3b3 WHERE t3b3_id = new.id;
END;

-- Energy days: the note, then what energized (+) and what drained (−). The journal is
-- private by nature (domain/energy.py).
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
       'energy' AS kind, e.rowid AS source_id, NULL AS person_id, e.day,
       'private' AS visibility, 'energy' AS topic
FROM energy_entry e;
CREATE TRIGGER search_energy_ai AFTER INSERT ON energy_entry BEGIN
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_energy WHERE source_id = new.rowid AND text <> '';
END;
CREATE TRIGGER search_energy_au
AFTER UPDATE OF note, energized_by, drained_by, day ON energy_entry BEGIN
    DELETE FROM search_entry WHERE key = (10 << 40) + old.rowid;
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_energy WHERE source_id = new.rowid AND text <> '';
END;
CREATE TRIGGER search_energy_ad AFTER DELETE ON energy_entry BEGIN
    DELETE FROM search_entry WHERE key = (10 << 40) + old.rowid;
END;
INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
SELECT key, text, kind, source_id, person_id, day, visibility, topic
FROM search_source_energy
WHERE text <> '';

-- Energizing work: private, like the journal it belongs to.
CREATE VIEW search_source_work AS
SELECT (11 << 40) + id AS key, title AS text, 'work' AS kind, id AS source_id,
       NULL AS person_id, day, 'private' AS visibility, 'energy' AS topic
FROM energizing_work;
CREATE TRIGGER search_work_ai AFTER INSERT ON energizing_work BEGIN
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_work WHERE source_id = new.id;
END;
CREATE TRIGGER search_work_au
AFTER UPDATE OF title, day ON energizing_work BEGIN
    DELETE FROM search_entry WHERE key = (11 << 40) + old.id;
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_work WHERE source_id = new.id;
END;
CREATE TRIGGER search_work_ad AFTER DELETE ON energizing_work BEGIN
    DELETE FROM search_entry WHERE key = (11 << 40) + old.id;
END;
INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
SELECT key, text, kind, source_id, person_id, day, visibility, topic
FROM search_source_work;

-- Succession gaps.
CREATE VIEW search_source_gap AS
SELECT (12 << 40) + id AS key, text, 'succession' AS kind, id AS source_id, person_id,
       noted_on AS day, visibility, 'succession-gap' AS topic
FROM succession_gap;
CREATE TRIGGER search_gap_ai AFTER INSERT ON succession_gap BEGIN
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_gap WHERE source_id = new.id;
END;
CREATE TRIGGER search_gap_au
AFTER UPDATE OF text, noted_on, person_id, visibility ON succession_gap BEGIN
    DELETE FROM search_entry WHERE key = (12 << 40) + old.id;
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_gap WHERE source_id = new.id;
END;
CREATE TRIGGER search_gap_ad AFTER DELETE ON succession_gap BEGIN
    DELETE FROM search_entry WHERE key = (12 << 40) + old.id;
END;
INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
SELECT key, text, kind, source_id, person_id, day, visibility, topic
FROM search_source_gap;

-- Focus areas: agreed with the person (shared).
CREATE VIEW search_source_focus AS
SELECT (13 << 40) + id AS key, text, 'succession' AS kind, id AS source_id, person_id,
       agreed_on AS day, 'shared' AS visibility, 'focus-area' AS topic
FROM succession_focus;
CREATE TRIGGER search_focus_ai AFTER INSERT ON succession_focus BEGIN
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_focus WHERE source_id = new.id;
END;
CREATE TRIGGER search_focus_au
AFTER UPDATE OF text, agreed_on, person_id ON succession_focus BEGIN
    DELETE FROM search_entry WHERE key = (13 << 40) + old.id;
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_focus WHERE source_id = new.id;
END;
CREATE TRIGGER search_focus_ad AFTER DELETE ON succession_focus BEGIN
    DELETE FROM search_entry WHERE key = (13 << 40) + old.id;
END;
INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
SELECT key, text, kind, source_id, person_id, day, visibility, topic
FROM search_source_focus;

-- The CEO log.
CREATE VIEW search_source_ceo AS
SELECT (14 << 40) + id AS key, text, 'succession' AS kind, id AS source_id, person_id,
       noted_on AS day, visibility, 'ceo-log' AS topic
FROM succession_ceo_note;
CREATE TRIGGER search_ceo_ai AFTER INSERT ON succession_ceo_note BEGIN
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_ceo WHERE source_id = new.id;
END;
CREATE TRIGGER search_ceo_au
AFTER UPDATE OF text, noted_on, person_id, visibility ON succession_ceo_note BEGIN
    DELETE FROM search_entry WHERE key = (14 << 40) + old.id;
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_ceo WHERE source_id = new.id;
END;
CREATE TRIGGER search_ceo_ad AFTER DELETE ON succession_ceo_note BEGIN
    DELETE FROM search_entry WHERE key = (14 << 40) + old.id;
END;
INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
SELECT key, text, kind, source_id, person_id, day, visibility, topic
FROM search_source_ceo;

-- A meeting audit's missing skill and plan, under the meeting's name. What someone is
-- missing (and the plan to close it) goes where gaps go (export/succession.py).
CREATE VIEW search_source_audit AS
SELECT (15 << 40) + a.id AS key,
       m.name || coalesce(' · ' || nullif(a.missing, ''), '')
           || coalesce(' · ' || nullif(a.plan, ''), '') AS text,
       'succession' AS kind, a.id AS source_id, a.delegate_id AS person_id,
       a.decided_on AS day, 'shared' AS visibility, 'succession-gap' AS topic, a.meeting_id
FROM meeting_audit a JOIN recurring_meeting m ON m.id = a.meeting_id
WHERE coalesce(a.missing, '') <> '' OR coalesce(a.plan, '') <> '';
CREATE TRIGGER search_audit_ai AFTER INSERT ON meeting_audit BEGIN
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_audit WHERE source_id = new.id;
END;
CREATE TRIGGER search_audit_au
AFTER UPDATE OF missing, plan, decided_on, delegate_id, meeting_id ON meeting_audit BEGIN
    DELETE FROM search_entry WHERE key = (15 << 40) + old.id;
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_audit WHERE source_id = new.id;
END;
CREATE TRIGGER search_audit_ad AFTER DELETE ON meeting_audit BEGIN
    DELETE FROM search_entry WHERE key = (15 << 40) + old.id;
END;
INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
SELECT key, text, kind, source_id, person_id, day, visibility, topic
FROM search_source_audit;

-- Vacation cover: what is handed over, dated by the vacation.
CREATE VIEW search_source_cover AS
SELECT (16 << 40) + c.id AS key, c.responsibility AS text, 'succession' AS kind,
       c.id AS source_id, c.person_id, v.starts_on AS day, 'shared' AS visibility,
       'vacation-cover' AS topic
FROM vacation_cover c JOIN vacation v ON v.id = c.vacation_id;
CREATE TRIGGER search_cover_ai AFTER INSERT ON vacation_cover BEGIN
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_cover WHERE source_id = new.id;
END;
CREATE TRIGGER search_cover_au
AFTER UPDATE OF responsibility, person_id, vacation_id ON vacation_cover BEGIN
    DELETE FROM search_entry WHERE key = (16 << 40) + old.id;
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_cover WHERE source_id = new.id;
END;
CREATE TRIGGER search_cover_ad AFTER DELETE ON vacation_cover BEGIN
    DELETE FROM search_entry WHERE key = (16 << 40) + old.id;
END;
INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
SELECT key, text, kind, source_id, person_id, day, visibility, topic
FROM search_source_cover;

-- A rotation term's hand-off note.
CREATE VIEW search_source_handoff AS
SELECT (17 << 40) + r.rowid AS key, r.handoff_note AS text, 'rotation' AS kind,
       r.rowid AS source_id, r.person_id, r.starts_on AS day,
       r.handoff_visibility AS visibility, 'rotation' AS topic
FROM rotation_term_record r
WHERE trim(coalesce(r.handoff_note, '')) <> '';
CREATE TRIGGER search_handoff_ai AFTER INSERT ON rotation_term_record BEGIN
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_handoff WHERE source_id = new.rowid;
END;
CREATE TRIGGER search_handoff_au
AFTER UPDATE OF handoff_note, handoff_visibility, starts_on,
    person_id ON rotation_term_record BEGIN
    DELETE FROM search_entry WHERE key = (17 << 40) + old.rowid;
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_handoff WHERE source_id = new.rowid;
END;
CREATE TRIGGER search_handoff_ad AFTER DELETE ON rotation_term_record BEGIN
    DELETE FROM search_entry WHERE key = (17 << 40) + old.rowid;
END;
INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
SELECT key, text, kind, source_id, person_id, day, visibility, topic
FROM search_source_handoff;
-- Writing a term's record again replaces its row (INSERT OR REPLACE), which deletes the
-- old row without its delete trigger (recursive triggers are off): its document goes first.
CREATE TRIGGER search_handoff_bi BEFORE INSERT ON rotation_term_record BEGIN
    DELETE FROM search_entry WHERE key IN (
        SELECT (17 << 40) + rowid FROM rotation_term_record
        WHERE capacity_id = new.capacity_id AND person_id = new.person_id
          AND starts_on = new.starts_on
    );
END;

-- A career path: the goal, the test run and its result (the plan, shared with the person
-- and upward), and the note of aligning upward (a CEO log note, privacy.py). Current, so
-- undated; the note is dated by the alignment.
CREATE VIEW search_source_career AS
SELECT (18 << 40) + id AS key,
       trim(
           coalesce(nullif(goal, ''), '') || coalesce(' · ' || nullif(test_run, ''), '')
               || coalesce(' · ' || nullif(test_result, ''), ''),
           ' ·'
       ) AS text,
       'succession' AS kind, id AS source_id, person_id, NULL AS day,
       'shared' AS visibility, 'career-plan' AS topic
FROM career_plan
WHERE trim(coalesce(goal, '') || coalesce(test_run, '') || coalesce(test_result, '')) <> ''
UNION ALL
SELECT (19 << 40) + id, aligned_up_note, 'succession', id, person_id, aligned_up_on,
       'shared', 'ceo-log'
FROM career_plan WHERE trim(coalesce(aligned_up_note, '')) <> '';
CREATE TRIGGER search_career_ai AFTER INSERT ON career_plan BEGIN
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_career WHERE source_id = new.id;
END;
CREATE TRIGGER search_career_au
AFTER UPDATE OF goal, test_run, test_result,
    aligned_up_note, aligned_up_on ON career_plan BEGIN
    DELETE FROM search_entry WHERE key IN ((18 << 40) + old.id, (19 << 40) + old.id);
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_career WHERE source_id = new.id;
END;
CREATE TRIGGER search_career_ad AFTER DELETE ON career_plan BEGIN
    DELETE FROM search_entry WHERE key IN ((18 << 40) + old.id, (19 << 40) + old.id);
END;
INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
SELECT key, text, kind, source_id, person_id, day, visibility, topic
FROM search_source_career;

-- A career path's milestones, dated when met (open ones are current).
CREATE VIEW search_source_milestone AS
SELECT (20 << 40) + m.id AS key, m.text, 'succession' AS kind, m.id AS source_id,
       p.person_id, m.met_on AS day, 'shared' AS visibility, 'career-plan' AS topic
FROM career_milestone m JOIN career_plan p ON p.id = m.plan_id;
CREATE TRIGGER search_milestone_ai AFTER INSERT ON career_milestone BEGIN
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_milestone WHERE source_id = new.id;
END;
CREATE TRIGGER search_milestone_au
AFTER UPDATE OF text, met_on, plan_id ON career_milestone BEGIN
    DELETE FROM search_entry WHERE key = (20 << 40) + old.id;
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_milestone WHERE source_id = new.id;
END;
CREATE TRIGGER search_milestone_ad AFTER DELETE ON career_milestone BEGIN
    DELETE FROM search_entry WHERE key = (20 << 40) + old.id;
END;
INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
SELECT key, text, kind, source_id, person_id, day, visibility, topic
FROM search_source_milestone;

-- A candidacy's condition (ready pending ...), dated by its last readiness review; the
-- candidacy is the person's row, so its id is the person's.
CREATE VIEW search_source_candidate AS
SELECT (21 << 40) + person_id AS key, pending AS text, 'succession' AS kind,
       person_id AS source_id, person_id, reviewed_on AS day, 'shared' AS visibility,
       'candidacy' AS topic
FROM succession_candidate
WHERE trim(coalesce(pending, '')) <> '';
CREATE TRIGGER search_candidate_ai AFTER INSERT ON succession_candidate BEGIN
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_candidate WHERE source_id = new.person_id;
END;
CREATE TRIGGER search_candidate_au
AFTER UPDATE OF pending, reviewed_on ON succession_candidate BEGIN
    DELETE FROM search_entry WHERE key = (21 << 40) + old.person_id;
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_candidate WHERE source_id = new.person_id;
END;
CREATE TRIGGER search_candidate_ad AFTER DELETE ON succession_candidate BEGIN
    DELETE FROM search_entry WHERE key = (21 << 40) + old.person_id;
END;
INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
SELECT key, text, kind, source_id, person_id, day, visibility, topic
FROM search_source_candidate;

-- A recurring meeting: its name and cadence, as the meeting audit lists them.
CREATE VIEW search_source_meeting AS
SELECT (22 << 40) + id AS key, name || coalesce(' · ' || nullif(cadence, ''), '') AS text,
       'succession' AS kind, id AS source_id, NULL AS person_id, NULL AS day,
       'shared' AS visibility, 'meeting-audit' AS topic
FROM recurring_meeting;
CREATE TRIGGER search_meeting_ai AFTER INSERT ON recurring_meeting BEGIN
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_meeting WHERE source_id = new.id;
END;
CREATE TRIGGER search_meeting_au
AFTER UPDATE OF name, cadence ON recurring_meeting BEGIN
    DELETE FROM search_entry WHERE key = (22 << 40) + old.id;
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_meeting WHERE source_id = new.id;
END;
CREATE TRIGGER search_meeting_ad AFTER DELETE ON recurring_meeting BEGIN
    DELETE FROM search_entry WHERE key = (22 << 40) + old.id;
END;
INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
SELECT key, text, kind, source_id, person_id, day, visibility, topic
FROM search_source_meeting;
-- A renamed meeting renames its audits' documents.
CREATE TRIGGER search_meeting_renamed AFTER UPDATE OF name ON recurring_meeting BEGIN
    DELETE FROM search_entry
    WHERE key IN (SELECT (15 << 40) + id FROM meeting_audit WHERE meeting_id = new.id);
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_audit WHERE meeting_id = new.id;
END;

-- A rotation capacity: its name, description and the exposure serving brings.
CREATE VIEW search_source_capacity AS
SELECT (23 << 40) + id AS key,
       name || coalesce(' · ' || nullif(description, ''), '')
           || coalesce(' · ' || nullif(exposure, ''), '') AS text,
       'rotation' AS kind, id AS source_id, NULL AS person_id, NULL AS day,
       'shared' AS visibility, 'rotation' AS topic
FROM rotation_capacity;
CREATE TRIGGER search_capacity_ai AFTER INSERT ON rotation_capacity BEGIN
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_capacity WHERE source_id = new.id;
END;
CREATE TRIGGER search_capacity_au
AFTER UPDATE OF name, description, exposure ON rotation_capacity BEGIN
    DELETE FROM search_entry WHERE key = (23 << 40) + old.id;
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
    SELECT key, text, kind, source_id, person_id, day, visibility, topic
    FROM search_source_capacity WHERE source_id = new.id;
END;
CREATE TRIGGER search_capacity_ad AFTER DELETE ON rotation_capacity BEGIN
    DELETE FROM search_entry WHERE key = (23 << 40) + old.id;
END;
INSERT INTO search_entry (key, text, kind, source_id, person_id, day, visibility, topic)
SELECT key, text, kind, source_id, person_id, day, visibility, topic
FROM search_source_capacity;

-- Indexing everything again left many small segments: one, for the first queries.
INSERT INTO search_index (search_index) VALUES ('optimize');
