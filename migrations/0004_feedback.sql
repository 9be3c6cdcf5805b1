-- Feedback log and T3B3 (top three strengths, bottom three areas to grow) per half.

-- Dated feedback per person: the evidence base for T3B3 and the review packet.
-- Feedback given during a 1:1 carries the series; session_id is filled in when that
-- session is held, like the talking points discussed in it.
CREATE TABLE feedback (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES person(id),
    given_on TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('strength', 'growth')),
    text TEXT NOT NULL CHECK (length(trim(text)) > 0),
    visibility TEXT NOT NULL DEFAULT 'shared' CHECK (visibility IN ('shared', 'private')),
    series_id INTEGER REFERENCES oo_series(id),
    session_id INTEGER REFERENCES oo_session(id),
    created_at TEXT NOT NULL
);
CREATE INDEX feedback_person ON feedback (person_id, given_on);
CREATE INDEX feedback_series ON feedback (series_id, session_id);

-- One T3B3 per person per half ("2026-H2"). Delivery records the date and whether it
-- was in person; remove_text wipes the six items on delivery and keeps only the fact.
CREATE TABLE t3b3 (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES person(id),
    half TEXT NOT NULL,
    delivered_on TEXT,
    in_person INTEGER,
    remove_text INTEGER NOT NULL DEFAULT 0,
    text_removed INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    UNIQUE (person_id, half)
);

-- Top (strength) and bottom (area to grow) items, three slots each. A bottom item links
-- to earlier feedback or a 1:1 point so it is not a surprise.
CREATE TABLE t3b3_item (
    id INTEGER PRIMARY KEY,
    t3b3_id INTEGER NOT NULL REFERENCES t3b3(id),
    side TEXT NOT NULL CHECK (side IN ('top', 'bottom')),
    rank INTEGER NOT NULL CHECK (rank BETWEEN 1 AND 3),
    text TEXT NOT NULL CHECK (length(trim(text)) > 0),
    feedback_id INTEGER REFERENCES feedback(id),
    point_id INTEGER REFERENCES oo_point(id),
    UNIQUE (t3b3_id, side, rank)
);
