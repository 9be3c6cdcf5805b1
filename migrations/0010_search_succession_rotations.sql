-- Search covers succession and rotations (migration 0009 describes the index): a gap
-- (private: it never reaches the person), a focus area, a CEO log note, a meeting audit's
-- missing skill and plan, a vacation's cover, and a rotation term's hand-off note. One
-- block per table, as 0009's; slots 12-17.

-- Succession gaps: the manager's and upward only, so private.
CREATE VIEW search_source_gap AS
SELECT (12 << 40) + id AS key, text, 'succession' AS kind, id AS source_id, person_id,
       noted_on AS day, 1 AS private
FROM succession_gap;
CREATE TRIGGER search_gap_ai AFTER INSERT ON succession_gap BEGIN
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, private)
    SELECT key, text, kind, source_id, person_id, day, private
    FROM search_source_gap WHERE source_id = new.id;
END;
CREATE TRIGGER search_gap_au AFTER UPDATE OF text, noted_on, person_id
ON succession_gap BEGIN
    DELETE FROM search_entry WHERE key = (12 << 40) + old.id;
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, private)
    SELECT key, text, kind, source_id, person_id, day, private
    FROM search_source_gap WHERE source_id = new.id;
END;
CREATE TRIGGER search_gap_ad AFTER DELETE ON succession_gap BEGIN
    DELETE FROM search_entry WHERE key = (12 << 40) + old.id;
END;
INSERT INTO search_entry (key, text, kind, source_id, person_id, day, private)
SELECT key, text, kind, source_id, person_id, day, private FROM search_source_gap;

-- Focus areas: agreed with the person.
CREATE VIEW search_source_focus AS
SELECT (13 << 40) + id AS key, text, 'succession' AS kind, id AS source_id, person_id,
       agreed_on AS day, 0 AS private
FROM succession_focus;
CREATE TRIGGER search_focus_ai AFTER INSERT ON succession_focus BEGIN
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, private)
    SELECT key, text, kind, source_id, person_id, day, private
    FROM search_source_focus WHERE source_id = new.id;
END;
CREATE TRIGGER search_focus_au AFTER UPDATE OF text, agreed_on, person_id
ON succession_focus BEGIN
    DELETE FROM search_entry WHERE key = (13 << 40) + old.id;
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, private)
    SELECT key, text, kind, source_id, person_id, day, private
    FROM search_source_focus WHERE source_id = new.id;
END;
CREATE TRIGGER search_focus_ad AFTER DELETE ON succession_focus BEGIN
    DELETE FROM search_entry WHERE key = (13 << 40) + old.id;
END;
INSERT INTO search_entry (key, text, kind, source_id, person_id, day, private)
SELECT key, text, kind, source_id, person_id, day, private FROM search_source_focus;

-- The CEO log.
CREATE VIEW search_source_ceo AS
SELECT (14 << 40) + id AS key, text, 'succession' AS kind, id AS source_id, person_id,
       noted_on AS day, visibility = 'private' AS private
FROM succession_ceo_note;
CREATE TRIGGER search_ceo_ai AFTER INSERT ON succession_ceo_note BEGIN
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, private)
    SELECT key, text, kind, source_id, person_id, day, private
    FROM search_source_ceo WHERE source_id = new.id;
END;
CREATE TRIGGER search_ceo_au AFTER UPDATE OF text, noted_on, person_id, visibility
ON succession_ceo_note BEGIN
    DELETE FROM search_entry WHERE key = (14 << 40) + old.id;
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, private)
    SELECT key, text, kind, source_id, person_id, day, private
    FROM search_source_ceo WHERE source_id = new.id;
END;
CREATE TRIGGER search_ceo_ad AFTER DELETE ON succession_ceo_note BEGIN
    DELETE FROM search_entry WHERE key = (14 << 40) + old.id;
END;
INSERT INTO search_entry (key, text, kind, source_id, person_id, day, private)
SELECT key, text, kind, source_id, person_id, day, private FROM search_source_ceo;

-- A meeting audit's missing skill and plan, under the meeting's name: the manager's own.
CREATE VIEW search_source_audit AS
SELECT (15 << 40) + a.id AS key,
       m.name || coalesce(' · ' || nullif(a.missing, ''), '')
           || coalesce(' · ' || nullif(a.plan, ''), '') AS text,
       'succession' AS kind, a.id AS source_id, a.delegate_id AS person_id,
       a.decided_on AS day, 1 AS private
FROM meeting_audit a JOIN recurring_meeting m ON m.id = a.meeting_id
WHERE coalesce(a.missing, '') <> '' OR coalesce(a.plan, '') <> '';
CREATE TRIGGER search_audit_ai AFTER INSERT ON meeting_audit BEGIN
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, private)
    SELECT key, text, kind, source_id, person_id, day, private
    FROM search_source_audit WHERE source_id = new.id;
END;
CREATE TRIGGER search_audit_au AFTER UPDATE OF missing, plan, decided_on, delegate_id
ON meeting_audit BEGIN
    DELETE FROM search_entry WHERE key = (15 << 40) + old.id;
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, private)
    SELECT key, text, kind, source_id, person_id, day, private
    FROM search_source_audit WHERE source_id = new.id;
END;
CREATE TRIGGER search_audit_ad AFTER DELETE ON meeting_audit BEGIN
    DELETE FROM search_entry WHERE key = (15 << 40) + old.id;
END;
INSERT INTO search_entry (key, text, kind, source_id, person_id, day, private)
SELECT key, text, kind, source_id, person_id, day, private FROM search_source_audit;

-- Vacation cover: what is handed over, dated by the vacation.
CREATE VIEW search_source_cover AS
SELECT (16 << 40) + c.id AS key, c.responsibility AS text, 'succession' AS kind,
       c.id AS source_id, c.person_id, v.starts_on AS day, 0 AS private
FROM vacation_cover c JOIN vacation v ON v.id = c.vacation_id;
CREATE TRIGGER search_cover_ai AFTER INSERT ON vacation_cover BEGIN
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, private)
    SELECT key, text, kind, source_id, person_id, day, private
    FROM search_source_cover WHERE source_id = new.id;
END;
CREATE TRIGGER search_cover_au AFTER UPDATE OF responsibility, person_id, vacation_id
ON vacation_cover BEGIN
    DELETE FROM search_entry WHERE key = (16 << 40) + old.id;
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, private)
    SELECT key, text, kind, source_id, person_id, day, private
    FROM search_source_cover WHERE source_id = new.id;
END;
CREATE TRIGGER search_cover_ad AFTER DELETE ON vacation_cover BEGIN
    DELETE FROM search_entry WHERE key = (16 << 40) + old.id;
END;
INSERT INTO search_entry (key, text, kind, source_id, person_id, day, private)
SELECT key, text, kind, source_id, person_id, day, private FROM search_source_cover;

-- A rotation term's hand-off note.
CREATE VIEW search_source_handoff AS
SELECT (17 << 40) + r.rowid AS key, r.handoff_note AS text, 'rotation' AS kind,
       r.rowid AS source_id, r.person_id, r.starts_on AS day,
       r.handoff_visibility = 'private' AS private
FROM rotation_term_record r
WHERE trim(coalesce(r.handoff_note, '')) <> '';
CREATE TRIGGER search_handoff_ai AFTER INSERT ON rotation_term_record BEGIN
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, private)
    SELECT key, text, kind, source_id, person_id, day, private
    FROM search_source_handoff WHERE source_id = new.rowid;
END;
CREATE TRIGGER search_handoff_au
AFTER UPDATE OF handoff_note, handoff_visibility, starts_on, person_id ON rotation_term_record
BEGIN
    DELETE FROM search_entry WHERE key = (17 << 40) + old.rowid;
    INSERT INTO search_entry (key, text, kind, source_id, person_id, day, private)
    SELECT key, text, kind, source_id, person_id, day, private
    FROM search_source_handoff WHERE source_id = new.rowid;
END;
CREATE TRIGGER search_handoff_ad AFTER DELETE ON rotation_term_record BEGIN
    DELETE FROM search_entry WHERE key = (17 << 40) + old.rowid;
END;
INSERT INTO search_entry (key, text, kind, source_id, person_id, day, private)
SELECT key, text, kind, source_id, person_id, day, private FROM search_source_handoff;
