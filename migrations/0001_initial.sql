-- People: the reports, peers, managers and others the rituals are about.
-- Never deleted: archived_on marks someone who left, so history stays whole.
CREATE TABLE person (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    relation TEXT NOT NULL DEFAULT 'report'
        CHECK (relation IN ('report', 'peer', 'manager', 'skip', 'other')),
    title TEXT,
    level TEXT,
    team TEXT,
    started_on TEXT,
    archived_on TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- A name is unique among active people (case-insensitive); archived namesakes may remain.
CREATE UNIQUE INDEX person_active_name ON person (name COLLATE NOCASE) WHERE archived_on IS NULL;
CREATE INDEX person_relation ON person (relation, name COLLATE NOCASE);
