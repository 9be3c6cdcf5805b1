-- Energy journal: one entry per day, level 1 (drained) to 5 (energized).
-- energized_by / drained_by hold JSON arrays of short phrases.
CREATE TABLE energy_entry (
    day TEXT PRIMARY KEY,
    level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    note TEXT,
    energized_by TEXT NOT NULL DEFAULT '[]',
    drained_by TEXT NOT NULL DEFAULT '[]',
    logged_at TEXT NOT NULL
);

-- Work done because it energizes me: the counterweight when the journal says I am drained.
CREATE TABLE energizing_work (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    day TEXT NOT NULL,
    hours REAL NOT NULL DEFAULT 1 CHECK (hours > 0),
    kind TEXT NOT NULL DEFAULT 'other'
        CHECK (kind IN ('coding', 'coaching', 'exploring', 'optimizing', 'speaking', 'writing', 'other')),
    creates_work_for_other_teams INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE INDEX energizing_work_day ON energizing_work (day);
