-- Calendars that update and cancel: stable identities for UIDs, and what was published.
--
-- A calendar client matches events by UID alone, across every file it ever imported, so
-- a UID must be unique beyond this database. database_identity holds one random UUID,
-- made once (here, for a new database and for one made by an earlier build) and never
-- changed: the weekly leadership meeting's UIDs carry it, so two managers' calendars (or
-- two teams one belongs to) never replace each other's meetings. A rotation capacity gets
-- a random UUID of its own (uid), written into its shared TOML definition, so teammates
-- who import the same definition compute the same term UIDs. The trigger gives every new
-- capacity one unless the writer brings it (an imported definition does).
--
-- A random version-4 UUID in SQL: fresh randomblob() calls per row (a subquery could be
-- computed once for every row of an UPDATE), the version nibble 4 and the variant 8-b.
--
-- Calendars may hold events an earlier build exported, under UIDs made from names and
-- dates alone. older_uids is 1 for a database that had rotations or a host order when
-- it gained its id: its next calendar export also cancels those UIDs for the events it
-- writes, so a calendar that imported an earlier file keeps no duplicates.
CREATE TABLE database_identity (
    only_row INTEGER PRIMARY KEY CHECK (only_row = 1),
    uuid TEXT NOT NULL,
    older_uids INTEGER NOT NULL DEFAULT 0
);
INSERT INTO database_identity (only_row, uuid, older_uids) VALUES (
    1,
    lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
    || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random()) % 4, 1)
    || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))),
    EXISTS (SELECT 1 FROM rotation_capacity) OR EXISTS (SELECT 1 FROM host_rotation)
);

ALTER TABLE rotation_capacity ADD COLUMN uid TEXT;
UPDATE rotation_capacity SET uid =
    lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
    || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random()) % 4, 1)
    || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)));
CREATE UNIQUE INDEX rotation_capacity_uid ON rotation_capacity (uid);
CREATE TRIGGER rotation_capacity_uid_ai AFTER INSERT ON rotation_capacity
WHEN new.uid IS NULL BEGIN
    UPDATE rotation_capacity SET uid =
        lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'
        || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random()) % 4, 1)
        || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))
    WHERE id = new.id;
END;

-- What each calendar last published per UID, so the next export can say what changed:
-- SEQUENCE grows by one whenever an event's fingerprint (its times, zone, words, status)
-- differs from what was published, and an event that disappears from the schedule is
-- written again as CANCELLED (kept while it is not long past). starts and ends are ISO
-- dates for all-day events (ends exclusive) or local date-times in time_zone.
CREATE TABLE calendar_event (
    uid TEXT PRIMARY KEY,
    calendar TEXT NOT NULL,
    starts TEXT NOT NULL,
    ends TEXT NOT NULL,
    time_zone TEXT,
    summary TEXT NOT NULL,
    description TEXT,
    transparent INTEGER NOT NULL DEFAULT 0,
    fingerprint TEXT NOT NULL,
    sequence INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0),
    cancelled INTEGER NOT NULL DEFAULT 0,
    changed_at TEXT NOT NULL
);
CREATE INDEX calendar_event_calendar ON calendar_event (calendar, ends);
