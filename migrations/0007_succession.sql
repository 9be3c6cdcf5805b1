-- Succession planning: gaps and focus areas per report, the bench, the CEO log, the
-- quarterly audit of my recurring meetings, vacations and their cover, career paths.
-- Rows only: which statuses may follow which, and every check, live in the domain.

-- What a report is missing to thrive in my role; never deleted, so its number per
-- person (its position by id) stays. Evidence links to feedback or a 1:1 point.
CREATE TABLE succession_gap (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES person(id),
    text TEXT NOT NULL CHECK (length(trim(text)) > 0),
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'improving', 'closed')),
    noted_on TEXT NOT NULL,
    feedback_id INTEGER REFERENCES feedback(id),
    point_id INTEGER REFERENCES oo_point(id),
    visibility TEXT NOT NULL DEFAULT 'shared' CHECK (visibility IN ('shared', 'private')),
    created_at TEXT NOT NULL
);
CREATE INDEX succession_gap_person ON succession_gap (person_id, id);

-- Every status a gap took, dated: how it moved from open to closed.
CREATE TABLE succession_gap_change (
    id INTEGER PRIMARY KEY,
    gap_id INTEGER NOT NULL REFERENCES succession_gap(id),
    changed_on TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'improving', 'closed'))
);
CREATE INDEX succession_gap_change_gap ON succession_gap_change (gap_id, changed_on);

-- Focus areas agreed with the person for a half ("2026-H2"), from a gap or free text.
CREATE TABLE succession_focus (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES person(id),
    half TEXT NOT NULL,
    text TEXT NOT NULL CHECK (length(trim(text)) > 0),
    gap_id INTEGER REFERENCES succession_gap(id),
    agreed_on TEXT NOT NULL
);
CREATE INDEX succession_focus_half ON succession_focus (half, person_id);

-- The bench: one row per candidate; clearing a candidacy deletes its row.
CREATE TABLE succession_candidate (
    person_id INTEGER PRIMARY KEY REFERENCES person(id),
    readiness TEXT NOT NULL CHECK (readiness IN ('now', '1y', '2y', 'later')),
    pending TEXT,
    interim INTEGER NOT NULL DEFAULT 0,
    reviewed_on TEXT NOT NULL,
    designated_on TEXT NOT NULL
);

-- Growth raised with my manager, and relationship actions for candidates.
CREATE TABLE succession_ceo_note (
    id INTEGER PRIMARY KEY,
    noted_on TEXT NOT NULL,
    text TEXT NOT NULL CHECK (length(trim(text)) > 0),
    person_id INTEGER REFERENCES person(id),
    kind TEXT NOT NULL DEFAULT 'growth' CHECK (kind IN ('growth', 'relationship')),
    visibility TEXT NOT NULL DEFAULT 'shared' CHECK (visibility IN ('shared', 'private')),
    created_at TEXT NOT NULL
);
CREATE INDEX succession_ceo_note_person ON succession_ceo_note (person_id, noted_on);

-- My recurring meetings; names are unique among active ones, case-insensitively.
CREATE TABLE recurring_meeting (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    cadence TEXT,
    kind TEXT NOT NULL DEFAULT 'other'
        CHECK (kind IN ('exec-only', 'board', 'leadership', 'cross-functional', 'other')),
    my_role TEXT NOT NULL DEFAULT 'attendee' CHECK (my_role IN ('attendee', 'owner', 'host')),
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX recurring_meeting_name ON recurring_meeting (lower(name)) WHERE active = 1;

-- One decision per meeting per quarter ("2026-Q4"); auditing again replaces it.
CREATE TABLE meeting_audit (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES recurring_meeting(id),
    quarter TEXT NOT NULL,
    decision TEXT NOT NULL
        CHECK (decision IN ('keep', 'delegate', 'delegated', 'partner', 'cancel')),
    delegate_id INTEGER REFERENCES person(id),
    missing TEXT,
    plan TEXT,
    decided_on TEXT NOT NULL,
    UNIQUE (meeting_id, quarter)
);

-- Vacations, one starting per day, with the pledge not to chime in.
CREATE TABLE vacation (
    id INTEGER PRIMARY KEY,
    starts_on TEXT NOT NULL UNIQUE,
    ends_on TEXT NOT NULL,
    no_chiming_in INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    CHECK (ends_on >= starts_on)
);

-- What is handed over for a vacation and to whom (null: nobody yet).
CREATE TABLE vacation_cover (
    id INTEGER PRIMARY KEY,
    vacation_id INTEGER NOT NULL REFERENCES vacation(id),
    responsibility TEXT NOT NULL CHECK (length(trim(responsibility)) > 0),
    person_id INTEGER REFERENCES person(id)
);
CREATE UNIQUE INDEX vacation_cover_one ON vacation_cover (vacation_id, lower(responsibility));

-- A career path for a report who wants my job, one per person.
CREATE TABLE career_plan (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL UNIQUE REFERENCES person(id),
    goal TEXT,
    aligned_up_on TEXT,
    aligned_up_note TEXT,
    status TEXT NOT NULL DEFAULT 'aligning-up' CHECK (status IN
        ('aligning-up', 'partnering', 'test-run', 'achieved', 'not-partnering', 'managed-out')),
    test_run TEXT,
    test_run_on TEXT,
    test_result TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE career_milestone (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES career_plan(id),
    text TEXT NOT NULL CHECK (length(trim(text)) > 0),
    target_on TEXT,
    met_on TEXT
);
CREATE INDEX career_milestone_plan ON career_milestone (plan_id, id);
