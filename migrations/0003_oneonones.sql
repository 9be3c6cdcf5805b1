-- One-on-ones: one running document per person.
-- A series is the recurrence (python-dateutil rrule: weekly every N weeks on a weekday).
-- The upcoming session is implicit: open points, open actions and draft notes; closing
-- it files a session row and carries the rest over.
CREATE TABLE oo_series (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL UNIQUE REFERENCES person(id),
    every_weeks INTEGER NOT NULL DEFAULT 1 CHECK (every_weeks BETWEEN 1 AND 12),
    weekday INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
    at_time TEXT NOT NULL DEFAULT '10:00',
    minutes INTEGER NOT NULL DEFAULT 60 CHECK (minutes BETWEEN 5 AND 480),
    starts_on TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'ended')),
    draft_shared_notes TEXT NOT NULL DEFAULT '',
    draft_private_notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);

-- One occurrence moved (moved_to) or skipped (moved_to NULL).
CREATE TABLE oo_occurrence_change (
    series_id INTEGER NOT NULL REFERENCES oo_series(id),
    original_on TEXT NOT NULL,
    moved_to TEXT,
    PRIMARY KEY (series_id, original_on)
);

CREATE TABLE oo_session (
    id INTEGER PRIMARY KEY,
    series_id INTEGER NOT NULL REFERENCES oo_series(id),
    held_on TEXT NOT NULL,
    shared_notes TEXT NOT NULL DEFAULT '',
    private_notes TEXT NOT NULL DEFAULT '',
    closed_at TEXT NOT NULL
);
CREATE INDEX oo_session_series ON oo_session (series_id, held_on DESC);

-- Talking points from either side. Open ones carry over until discussed or dropped;
-- session_id files a point under the session where that happened.
CREATE TABLE oo_point (
    id INTEGER PRIMARY KEY,
    series_id INTEGER NOT NULL REFERENCES oo_series(id),
    text TEXT NOT NULL CHECK (length(trim(text)) > 0),
    raised_by TEXT NOT NULL DEFAULT 'me' CHECK (raised_by IN ('me', 'them')),
    visibility TEXT NOT NULL DEFAULT 'shared' CHECK (visibility IN ('shared', 'private')),
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'discussed', 'dropped')),
    recurring INTEGER NOT NULL DEFAULT 0,
    position INTEGER NOT NULL DEFAULT 0,
    carried INTEGER NOT NULL DEFAULT 0,
    session_id INTEGER REFERENCES oo_session(id),
    created_on TEXT NOT NULL
);
CREATE INDEX oo_point_series ON oo_point (series_id, session_id, position);
CREATE INDEX oo_point_session ON oo_point (session_id);

-- Action items of both sides; open ones carry over until done.
CREATE TABLE oo_action (
    id INTEGER PRIMARY KEY,
    series_id INTEGER NOT NULL REFERENCES oo_series(id),
    text TEXT NOT NULL CHECK (length(trim(text)) > 0),
    owner TEXT NOT NULL DEFAULT 'me' CHECK (owner IN ('me', 'them')),
    due_on TEXT,
    done_on TEXT,
    carried INTEGER NOT NULL DEFAULT 0,
    session_id INTEGER REFERENCES oo_session(id),
    created_on TEXT NOT NULL
);
CREATE INDEX oo_action_series ON oo_action (series_id, session_id, done_on);
CREATE INDEX oo_action_session ON oo_action (session_id);
CREATE INDEX oo_action_due ON oo_action (due_on);
