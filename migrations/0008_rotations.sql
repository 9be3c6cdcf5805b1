-- Meeting rotations: capacities served in offset seats, and the weekly leadership host.
-- Only definitions and exceptions are stored: the terms are computed from each
-- capacity's start (see domain/rotations.py), so nothing here lists future terms.

-- A rotating role (running Incident Review ...). Terms of term_months; seats offset by
-- offset_months; starts_on is the anchor every boundary is computed from.
CREATE TABLE rotation_capacity (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    description TEXT,
    term_months INTEGER NOT NULL,
    seats INTEGER NOT NULL,
    offset_months INTEGER NOT NULL,
    starts_on TEXT NOT NULL,
    exposure TEXT,
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX rotation_capacity_name ON rotation_capacity (name COLLATE NOCASE);

-- Who may serve in a capacity, from and until when, and whether they are out for now.
CREATE TABLE rotation_member (
    capacity_id INTEGER NOT NULL REFERENCES rotation_capacity(id),
    person_id INTEGER NOT NULL REFERENCES person(id),
    joined_on TEXT,
    leaves_on TEXT,
    out_of_rotation INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (capacity_id, person_id)
);

-- The exceptions to the computed schedule: an assignment (person serves seat from
-- on_date to the end of that term), a cut (on_date is the term's last day served) and a
-- swap (person and other person exchange places from on_date). Deleting a row restores
-- what the terms alone say.
CREATE TABLE rotation_exception (
    id INTEGER PRIMARY KEY,
    capacity_id INTEGER NOT NULL REFERENCES rotation_capacity(id),
    kind TEXT NOT NULL CHECK (kind IN ('assign', 'cut', 'swap')),
    on_date TEXT NOT NULL,
    seat INTEGER,
    person_id INTEGER REFERENCES person(id),
    other_person_id INTEGER REFERENCES person(id),
    created_at TEXT NOT NULL
);
CREATE INDEX rotation_exception_capacity ON rotation_exception (capacity_id, on_date);

-- What happened around one person's term (keyed by the day it started for them):
-- recognition (All-Hands, Q&A or other), the exposure given, a hand-off note.
CREATE TABLE rotation_term_record (
    capacity_id INTEGER NOT NULL REFERENCES rotation_capacity(id),
    person_id INTEGER NOT NULL REFERENCES person(id),
    starts_on TEXT NOT NULL,
    recognized_on TEXT,
    recognized_in TEXT CHECK (recognized_in IN ('all-hands', 'qa', 'other')),
    exposure_on TEXT,
    handoff_note TEXT,
    handoff_visibility TEXT NOT NULL DEFAULT 'shared'
        CHECK (handoff_visibility IN ('shared', 'private')),
    PRIMARY KEY (capacity_id, person_id, starts_on)
);

-- The weekly leadership meeting's host order. Each change of order is a new row in force
-- from its starts_on, so the hosts of past weeks stay as they were.
CREATE TABLE host_rotation (
    id INTEGER PRIMARY KEY,
    starts_on TEXT NOT NULL,
    weekday INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    at_time TEXT NOT NULL,
    minutes INTEGER NOT NULL DEFAULT 60,
    created_at TEXT NOT NULL
);
CREATE TABLE host_member (
    rotation_id INTEGER NOT NULL REFERENCES host_rotation(id),
    position INTEGER NOT NULL,
    person_id INTEGER NOT NULL REFERENCES person(id),
    PRIMARY KEY (rotation_id, position)
);

-- Skipped meeting days (no turn consumed) and swaps of two days' hosts.
CREATE TABLE host_change (
    on_date TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('skip', 'swap')),
    other_on TEXT,
    created_at TEXT NOT NULL
);
