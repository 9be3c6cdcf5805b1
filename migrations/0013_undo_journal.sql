-- The undo journal: every change made through leadtui can be undone and redone.
--
-- Triggers on every table a person writes into record each changed row (its rowid, and
-- the row before and after as JSON) into undo_row, under the change (undo_group) being
-- written. A change is one outermost write transaction: the store sets
-- undo_state.recording to the change's id when the transaction begins and back to NULL
-- before it commits, so the triggers record nothing outside leadtui's own write
-- transactions (a migration, another program, an undo or redo itself).
--
-- undone is NULL for a change in effect, else its place on the redo stack (the highest
-- is redone first). Undoing writes the rows back through the same tables, so their own
-- triggers (the search index) keep everything else right.
--
-- The journal holds removed and overwritten text, so it is kept short: the store prunes
-- changes older than the undo window or beyond the newest N on every write (config.toml
-- [undo]), and pragma secure_delete zeroes what the pruning frees. The search index does
-- not read these tables.
--
-- Not journaled: the search index (kept by triggers from the tables journaled here), the
-- calendar bookkeeping, the database's identity, the migrations table and the journal.
-- A later migration that adds a column to a journaled table must make its three undo
-- triggers again (a test compares the triggers with the columns).

CREATE TABLE undo_group (
    id INTEGER PRIMARY KEY,
    label TEXT NOT NULL,
    made_at TEXT NOT NULL,
    undone INTEGER
);
CREATE INDEX undo_group_undone ON undo_group (undone);

CREATE TABLE undo_row (
    id INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL,
    tbl TEXT NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    row_id INTEGER NOT NULL,
    old TEXT,
    new TEXT
);
CREATE INDEX undo_row_group ON undo_row (group_id);
CREATE INDEX undo_row_row ON undo_row (tbl, row_id);

-- One row: the change being recorded, NULL when none is.
CREATE TABLE undo_state (
    only_row INTEGER PRIMARY KEY CHECK (only_row = 1),
    recording INTEGER
);
INSERT INTO undo_state (only_row, recording) VALUES (1, NULL);

CREATE TRIGGER undo_career_milestone_ai AFTER INSERT ON career_milestone
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'career_milestone', 'insert', new.rowid, NULL,
        json_object('id', new.id, 'plan_id', new.plan_id, 'text', new.text, 'target_on', new.target_on, 'met_on', new.met_on));
END;
CREATE TRIGGER undo_career_milestone_au AFTER UPDATE ON career_milestone
WHEN (SELECT recording FROM undo_state) IS NOT NULL AND (old.id IS NOT new.id OR old.plan_id IS NOT new.plan_id OR old.text IS NOT new.text OR old.target_on IS NOT new.target_on OR old.met_on IS NOT new.met_on) BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'career_milestone', 'update', new.rowid,
        json_object('id', old.id, 'plan_id', old.plan_id, 'text', old.text, 'target_on', old.target_on, 'met_on', old.met_on),
        json_object('id', new.id, 'plan_id', new.plan_id, 'text', new.text, 'target_on', new.target_on, 'met_on', new.met_on));
END;
CREATE TRIGGER undo_career_milestone_ad AFTER DELETE ON career_milestone
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'career_milestone', 'delete', old.rowid,
        json_object('id', old.id, 'plan_id', old.plan_id, 'text', old.text, 'target_on', old.target_on, 'met_on', old.met_on), NULL);
END;

CREATE TRIGGER undo_career_plan_ai AFTER INSERT ON career_plan
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'career_plan', 'insert', new.rowid, NULL,
        json_object('id', new.id, 'person_id', new.person_id, 'goal', new.goal, 'aligned_up_on', new.aligned_up_on, 'aligned_up_note', new.aligned_up_note, 'status', new.status, 'test_run', new.test_run, 'test_run_on', new.test_run_on, 'test_result', new.test_result, 'created_at', new.created_at));
END;
CREATE TRIGGER undo_career_plan_au AFTER UPDATE ON career_plan
WHEN (SELECT recording FROM undo_state) IS NOT NULL AND (old.id IS NOT new.id OR old.person_id IS NOT new.person_id OR old.goal IS NOT new.goal OR old.aligned_up_on IS NOT new.aligned_up_on OR old.aligned_up_note IS NOT new.aligned_up_note OR old.status IS NOT new.status OR old.test_run IS NOT new.test_run OR old.test_run_on IS NOT new.test_run_on OR old.test_result IS NOT new.test_result OR old.created_at IS NOT new.created_at) BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'career_plan', 'update', new.rowid,
        json_object('id', old.id, 'person_id', old.person_id, 'goal', old.goal, 'aligned_up_on', old.aligned_up_on, 'aligned_up_note', old.aligned_up_note, 'status', old.status, 'test_run', old.test_run, 'test_run_on', old.test_run_on, 'test_result', old.test_result, 'created_at', old.created_at),
        json_object('id', new.id, 'person_id', new.person_id, 'goal', new.goal, 'aligned_up_on', new.aligned_up_on, 'aligned_up_note', new.aligned_up_note, 'status', new.status, 'test_run', new.test_run, 'test_run_on', new.test_run_on, 'test_result', new.test_result, 'created_at', new.created_at));
END;
CREATE TRIGGER undo_career_plan_ad AFTER DELETE ON career_plan
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'career_plan', 'delete', old.rowid,
        json_object('id', old.id, 'person_id', old.person_id, 'goal', old.goal, 'aligned_up_on', old.aligned_up_on, 'aligned_up_note', old.aligned_up_note, 'status', old.status, 'test_run', old.test_run, 'test_run_on', old.test_run_on, 'test_result', old.test_result, 'created_at', old.created_at), NULL);
END;

CREATE TRIGGER undo_energizing_work_ai AFTER INSERT ON energizing_work
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'energizing_work', 'insert', new.rowid, NULL,
        json_object('id', new.id, 'title', new.title, 'day', new.day, 'hours', new.hours, 'kind', new.kind, 'creates_work_for_other_teams', new.creates_work_for_other_teams, 'created_at', new.created_at));
END;
CREATE TRIGGER undo_energizing_work_au AFTER UPDATE ON energizing_work
WHEN (SELECT recording FROM undo_state) IS NOT NULL AND (old.id IS NOT new.id OR old.title IS NOT new.title OR old.day IS NOT new.day OR old.hours IS NOT new.hours OR old.kind IS NOT new.kind OR old.creates_work_for_other_teams IS NOT new.creates_work_for_other_teams OR old.created_at IS NOT new.created_at) BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'energizing_work', 'update', new.rowid,
        json_object('id', old.id, 'title', old.title, 'day', old.day, 'hours', old.hours, 'kind', old.kind, 'creates_work_for_other_teams', old.creates_work_for_other_teams, 'created_at', old.created_at),
        json_object('id', new.id, 'title', new.title, 'day', new.day, 'hours', new.hours, 'kind', new.kind, 'creates_work_for_other_teams', new.creates_work_for_other_teams, 'created_at', new.created_at));
END;
CREATE TRIGGER undo_energizing_work_ad AFTER DELETE ON energizing_work
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'energizing_work', 'delete', old.rowid,
        json_object('id', old.id, 'title', old.title, 'day', old.day, 'hours', old.hours, 'kind', old.kind, 'creates_work_for_other_teams', old.creates_work_for_other_teams, 'created_at', old.created_at), NULL);
END;

CREATE TRIGGER undo_energy_entry_ai AFTER INSERT ON energy_entry
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'energy_entry', 'insert', new.rowid, NULL,
        json_object('day', new.day, 'level', new.level, 'note', new.note, 'energized_by', new.energized_by, 'drained_by', new.drained_by, 'logged_at', new.logged_at));
END;
CREATE TRIGGER undo_energy_entry_au AFTER UPDATE ON energy_entry
WHEN (SELECT recording FROM undo_state) IS NOT NULL AND (old.day IS NOT new.day OR old.level IS NOT new.level OR old.note IS NOT new.note OR old.energized_by IS NOT new.energized_by OR old.drained_by IS NOT new.drained_by OR old.logged_at IS NOT new.logged_at) BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'energy_entry', 'update', new.rowid,
        json_object('day', old.day, 'level', old.level, 'note', old.note, 'energized_by', old.energized_by, 'drained_by', old.drained_by, 'logged_at', old.logged_at),
        json_object('day', new.day, 'level', new.level, 'note', new.note, 'energized_by', new.energized_by, 'drained_by', new.drained_by, 'logged_at', new.logged_at));
END;
CREATE TRIGGER undo_energy_entry_ad AFTER DELETE ON energy_entry
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'energy_entry', 'delete', old.rowid,
        json_object('day', old.day, 'level', old.level, 'note', old.note, 'energized_by', old.energized_by, 'drained_by', old.drained_by, 'logged_at', old.logged_at), NULL);
END;

CREATE TRIGGER undo_feedback_ai AFTER INSERT ON feedback
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'feedback', 'insert', new.rowid, NULL,
        json_object('id', new.id, 'person_id', new.person_id, 'given_on', new.given_on, 'kind', new.kind, 'text', new.text, 'visibility', new.visibility, 'series_id', new.series_id, 'session_id', new.session_id, 'created_at', new.created_at));
END;
CREATE TRIGGER undo_feedback_au AFTER UPDATE ON feedback
WHEN (SELECT recording FROM undo_state) IS NOT NULL AND (old.id IS NOT new.id OR old.person_id IS NOT new.person_id OR old.given_on IS NOT new.given_on OR old.kind IS NOT new.kind OR old.text IS NOT new.text OR old.visibility IS NOT new.visibility OR old.series_id IS NOT new.series_id OR old.session_id IS NOT new.session_id OR old.created_at IS NOT new.created_at) BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'feedback', 'update', new.rowid,
        json_object('id', old.id, 'person_id', old.person_id, 'given_on', old.given_on, 'kind', old.kind, 'text', old.text, 'visibility', old.visibility, 'series_id', old.series_id, 'session_id', old.session_id, 'created_at', old.created_at),
        json_object('id', new.id, 'person_id', new.person_id, 'given_on', new.given_on, 'kind', new.kind, 'text', new.text, 'visibility', new.visibility, 'series_id', new.series_id, 'session_id', new.session_id, 'created_at', new.created_at));
END;
CREATE TRIGGER undo_feedback_ad AFTER DELETE ON feedback
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'feedback', 'delete', old.rowid,
        json_object('id', old.id, 'person_id', old.person_id, 'given_on', old.given_on, 'kind', old.kind, 'text', old.text, 'visibility', old.visibility, 'series_id', old.series_id, 'session_id', old.session_id, 'created_at', old.created_at), NULL);
END;

CREATE TRIGGER undo_host_change_ai AFTER INSERT ON host_change
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'host_change', 'insert', new.rowid, NULL,
        json_object('on_date', new.on_date, 'kind', new.kind, 'other_on', new.other_on, 'created_at', new.created_at));
END;
CREATE TRIGGER undo_host_change_au AFTER UPDATE ON host_change
WHEN (SELECT recording FROM undo_state) IS NOT NULL AND (old.on_date IS NOT new.on_date OR old.kind IS NOT new.kind OR old.other_on IS NOT new.other_on OR old.created_at IS NOT new.created_at) BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'host_change', 'update', new.rowid,
        json_object('on_date', old.on_date, 'kind', old.kind, 'other_on', old.other_on, 'created_at', old.created_at),
        json_object('on_date', new.on_date, 'kind', new.kind, 'other_on', new.other_on, 'created_at', new.created_at));
END;
CREATE TRIGGER undo_host_change_ad AFTER DELETE ON host_change
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'host_change', 'delete', old.rowid,
        json_object('on_date', old.on_date, 'kind', old.kind, 'other_on', old.other_on, 'created_at', old.created_at), NULL);
END;

CREATE TRIGGER undo_host_member_ai AFTER INSERT ON host_member
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'host_member', 'insert', new.rowid, NULL,
        json_object('rotation_id', new.rotation_id, 'position', new.position, 'person_id', new.person_id));
END;
CREATE TRIGGER undo_host_member_au AFTER UPDATE ON host_member
WHEN (SELECT recording FROM undo_state) IS NOT NULL AND (old.rotation_id IS NOT new.rotation_id OR old.position IS NOT new.position OR old.person_id IS NOT new.person_id) BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'host_member', 'update', new.rowid,
        json_object('rotation_id', old.rotation_id, 'position', old.position, 'person_id', old.person_id),
        json_object('rotation_id', new.rotation_id, 'position', new.position, 'person_id', new.person_id));
END;
CREATE TRIGGER undo_host_member_ad AFTER DELETE ON host_member
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'host_member', 'delete', old.rowid,
        json_object('rotation_id', old.rotation_id, 'position', old.position, 'person_id', old.person_id), NULL);
END;

CREATE TRIGGER undo_host_rotation_ai AFTER INSERT ON host_rotation
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'host_rotation', 'insert', new.rowid, NULL,
        json_object('id', new.id, 'starts_on', new.starts_on, 'weekday', new.weekday, 'at_time', new.at_time, 'minutes', new.minutes, 'created_at', new.created_at));
END;
CREATE TRIGGER undo_host_rotation_au AFTER UPDATE ON host_rotation
WHEN (SELECT recording FROM undo_state) IS NOT NULL AND (old.id IS NOT new.id OR old.starts_on IS NOT new.starts_on OR old.weekday IS NOT new.weekday OR old.at_time IS NOT new.at_time OR old.minutes IS NOT new.minutes OR old.created_at IS NOT new.created_at) BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'host_rotation', 'update', new.rowid,
        json_object('id', old.id, 'starts_on', old.starts_on, 'weekday', old.weekday, 'at_time', old.at_time, 'minutes', old.minutes, 'created_at', old.created_at),
        json_object('id', new.id, 'starts_on', new.starts_on, 'weekday', new.weekday, 'at_time', new.at_time, 'minutes', new.minutes, 'created_at', new.created_at));
END;
CREATE TRIGGER undo_host_rotation_ad AFTER DELETE ON host_rotation
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'host_rotation', 'delete', old.rowid,
        json_object('id', old.id, 'starts_on', old.starts_on, 'weekday', old.weekday, 'at_time', old.at_time, 'minutes', old.minutes, 'created_at', old.created_at), NULL);
END;

CREATE TRIGGER undo_meeting_audit_ai AFTER INSERT ON meeting_audit
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'meeting_audit', 'insert', new.rowid, NULL,
        json_object('id', new.id, 'meeting_id', new.meeting_id, 'quarter', new.quarter, 'decision', new.decision, 'delegate_id', new.delegate_id, 'missing', new.missing, 'plan', new.plan, 'decided_on', new.decided_on));
END;
CREATE TRIGGER undo_meeting_audit_au AFTER UPDATE ON meeting_audit
WHEN (SELECT recording FROM undo_state) IS NOT NULL AND (old.id IS NOT new.id OR old.meeting_id IS NOT new.meeting_id OR old.quarter IS NOT new.quarter OR old.decision IS NOT new.decision OR old.delegate_id IS NOT new.delegate_id OR old.missing IS NOT new.missing OR old.plan IS NOT new.plan OR old.decided_on IS NOT new.decided_on) BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'meeting_audit', 'update', new.rowid,
        json_object('id', old.id, 'meeting_id', old.meeting_id, 'quarter', old.quarter, 'decision', old.decision, 'delegate_id', old.delegate_id, 'missing', old.missing, 'plan', old.plan, 'decided_on', old.decided_on),
        json_object('id', new.id, 'meeting_id', new.meeting_id, 'quarter', new.quarter, 'decision', new.decision, 'delegate_id', new.delegate_id, 'missing', new.missing, 'plan', new.plan, 'decided_on', new.decided_on));
END;
CREATE TRIGGER undo_meeting_audit_ad AFTER DELETE ON meeting_audit
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'meeting_audit', 'delete', old.rowid,
        json_object('id', old.id, 'meeting_id', old.meeting_id, 'quarter', old.quarter, 'decision', old.decision, 'delegate_id', old.delegate_id, 'missing', old.missing, 'plan', old.plan, 'decided_on', old.decided_on), NULL);
END;

CREATE TRIGGER undo_oo_action_ai AFTER INSERT ON oo_action
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'oo_action', 'insert', new.rowid, NULL,
        json_object('id', new.id, 'series_id', new.series_id, 'text', new.text, 'owner', new.owner, 'due_on', new.due_on, 'done_on', new.done_on, 'carried', new.carried, 'session_id', new.session_id, 'created_on', new.created_on));
END;
CREATE TRIGGER undo_oo_action_au AFTER UPDATE ON oo_action
WHEN (SELECT recording FROM undo_state) IS NOT NULL AND (old.id IS NOT new.id OR old.series_id IS NOT new.series_id OR old.text IS NOT new.text OR old.owner IS NOT new.owner OR old.due_on IS NOT new.due_on OR old.done_on IS NOT new.done_on OR old.carried IS NOT new.carried OR old.session_id IS NOT new.session_id OR old.created_on IS NOT new.created_on) BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'oo_action', 'update', new.rowid,
        json_object('id', old.id, 'series_id', old.series_id, 'text', old.text, 'owner', old.owner, 'due_on', old.due_on, 'done_on', old.done_on, 'carried', old.carried, 'session_id', old.session_id, 'created_on', old.created_on),
        json_object('id', new.id, 'series_id', new.series_id, 'text', new.text, 'owner', new.owner, 'due_on', new.due_on, 'done_on', new.done_on, 'carried', new.carried, 'session_id', new.session_id, 'created_on', new.created_on));
END;
CREATE TRIGGER undo_oo_action_ad AFTER DELETE ON oo_action
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'oo_action', 'delete', old.rowid,
        json_object('id', old.id, 'series_id', old.series_id, 'text', old.text, 'owner', old.owner, 'due_on', old.due_on, 'done_on', old.done_on, 'carried', old.carried, 'session_id', old.session_id, 'created_on', old.created_on), NULL);
END;

CREATE TRIGGER undo_oo_occurrence_change_ai AFTER INSERT ON oo_occurrence_change
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'oo_occurrence_change', 'insert', new.rowid, NULL,
        json_object('series_id', new.series_id, 'original_on', new.original_on, 'moved_to', new.moved_to));
END;
CREATE TRIGGER undo_oo_occurrence_change_au AFTER UPDATE ON oo_occurrence_change
WHEN (SELECT recording FROM undo_state) IS NOT NULL AND (old.series_id IS NOT new.series_id OR old.original_on IS NOT new.original_on OR old.moved_to IS NOT new.moved_to) BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'oo_occurrence_change', 'update', new.rowid,
        json_object('series_id', old.series_id, 'original_on', old.original_on, 'moved_to', old.moved_to),
        json_object('series_id', new.series_id, 'original_on', new.original_on, 'moved_to', new.moved_to));
END;
CREATE TRIGGER undo_oo_occurrence_change_ad AFTER DELETE ON oo_occurrence_change
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'oo_occurrence_change', 'delete', old.rowid,
        json_object('series_id', old.series_id, 'original_on', old.original_on, 'moved_to', old.moved_to), NULL);
END;

CREATE TRIGGER undo_oo_point_ai AFTER INSERT ON oo_point
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'oo_point', 'insert', new.rowid, NULL,
        json_object('id', new.id, 'series_id', new.series_id, 'text', new.text, 'raised_by', new.raised_by, 'visibility', new.visibility, 'status', new.status, 'recurring', new.recurring, 'position', new.position, 'carried', new.carried, 'session_id', new.session_id, 'created_on', new.created_on));
END;
CREATE TRIGGER undo_oo_point_au AFTER UPDATE ON oo_point
WHEN (SELECT recording FROM undo_state) IS NOT NULL AND (old.id IS NOT new.id OR old.series_id IS NOT new.series_id OR old.text IS NOT new.text OR old.raised_by IS NOT new.raised_by OR old.visibility IS NOT new.visibility OR old.status IS NOT new.status OR old.recurring IS NOT new.recurring OR old.position IS NOT new.position OR old.carried IS NOT new.carried OR old.session_id IS NOT new.session_id OR old.created_on IS NOT new.created_on) BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'oo_point', 'update', new.rowid,
        json_object('id', old.id, 'series_id', old.series_id, 'text', old.text, 'raised_by', old.raised_by, 'visibility', old.visibility, 'status', old.status, 'recurring', old.recurring, 'position', old.position, 'carried', old.carried, 'session_id', old.session_id, 'created_on', old.created_on),
        json_object('id', new.id, 'series_id', new.series_id, 'text', new.text, 'raised_by', new.raised_by, 'visibility', new.visibility, 'status', new.status, 'recurring', new.recurring, 'position', new.position, 'carried', new.carried, 'session_id', new.session_id, 'created_on', new.created_on));
END;
CREATE TRIGGER undo_oo_point_ad AFTER DELETE ON oo_point
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'oo_point', 'delete', old.rowid,
        json_object('id', old.id, 'series_id', old.series_id, 'text', old.text, 'raised_by', old.raised_by, 'visibility', old.visibility, 'status', old.status, 'recurring', old.recurring, 'position', old.position, 'carried', old.carried, 'session_id', old.session_id, 'created_on', old.created_on), NULL);
END;

CREATE TRIGGER undo_oo_series_ai AFTER INSERT ON oo_series
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'oo_series', 'insert', new.rowid, NULL,
        json_object('id', new.id, 'person_id', new.person_id, 'every_weeks', new.every_weeks, 'weekday', new.weekday, 'at_time', new.at_time, 'minutes', new.minutes, 'starts_on', new.starts_on, 'status', new.status, 'draft_shared_notes', new.draft_shared_notes, 'draft_private_notes', new.draft_private_notes, 'created_at', new.created_at, 'cadence', new.cadence));
END;
CREATE TRIGGER undo_oo_series_au AFTER UPDATE ON oo_series
WHEN (SELECT recording FROM undo_state) IS NOT NULL AND (old.id IS NOT new.id OR old.person_id IS NOT new.person_id OR old.every_weeks IS NOT new.every_weeks OR old.weekday IS NOT new.weekday OR old.at_time IS NOT new.at_time OR old.minutes IS NOT new.minutes OR old.starts_on IS NOT new.starts_on OR old.status IS NOT new.status OR old.draft_shared_notes IS NOT new.draft_shared_notes OR old.draft_private_notes IS NOT new.draft_private_notes OR old.created_at IS NOT new.created_at OR old.cadence IS NOT new.cadence) BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'oo_series', 'update', new.rowid,
        json_object('id', old.id, 'person_id', old.person_id, 'every_weeks', old.every_weeks, 'weekday', old.weekday, 'at_time', old.at_time, 'minutes', old.minutes, 'starts_on', old.starts_on, 'status', old.status, 'draft_shared_notes', old.draft_shared_notes, 'draft_private_notes', old.draft_private_notes, 'created_at', old.created_at, 'cadence', old.cadence),
        json_object('id', new.id, 'person_id', new.person_id, 'every_weeks', new.every_weeks, 'weekday', new.weekday, 'at_time', new.at_time, 'minutes', new.minutes, 'starts_on', new.starts_on, 'status', new.status, 'draft_shared_notes', new.draft_shared_notes, 'draft_private_notes', new.draft_private_notes, 'created_at', new.created_at, 'cadence', new.cadence));
END;
CREATE TRIGGER undo_oo_series_ad AFTER DELETE ON oo_series
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'oo_series', 'delete', old.rowid,
        json_object('id', old.id, 'person_id', old.person_id, 'every_weeks', old.every_weeks, 'weekday', old.weekday, 'at_time', old.at_time, 'minutes', old.minutes, 'starts_on', old.starts_on, 'status', old.status, 'draft_shared_notes', old.draft_shared_notes, 'draft_private_notes', old.draft_private_notes, 'created_at', old.created_at, 'cadence', old.cadence), NULL);
END;

CREATE TRIGGER undo_oo_session_ai AFTER INSERT ON oo_session
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'oo_session', 'insert', new.rowid, NULL,
        json_object('id', new.id, 'series_id', new.series_id, 'held_on', new.held_on, 'shared_notes', new.shared_notes, 'private_notes', new.private_notes, 'closed_at', new.closed_at));
END;
CREATE TRIGGER undo_oo_session_au AFTER UPDATE ON oo_session
WHEN (SELECT recording FROM undo_state) IS NOT NULL AND (old.id IS NOT new.id OR old.series_id IS NOT new.series_id OR old.held_on IS NOT new.held_on OR old.shared_notes IS NOT new.shared_notes OR old.private_notes IS NOT new.private_notes OR old.closed_at IS NOT new.closed_at) BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'oo_session', 'update', new.rowid,
        json_object('id', old.id, 'series_id', old.series_id, 'held_on', old.held_on, 'shared_notes', old.shared_notes, 'private_notes', old.private_notes, 'closed_at', old.closed_at),
        json_object('id', new.id, 'series_id', new.series_id, 'held_on', new.held_on, 'shared_notes', new.shared_notes, 'private_notes', new.private_notes, 'closed_at', new.closed_at));
END;
CREATE TRIGGER undo_oo_session_ad AFTER DELETE ON oo_session
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'oo_session', 'delete', old.rowid,
        json_object('id', old.id, 'series_id', old.series_id, 'held_on', old.held_on, 'shared_notes', old.shared_notes, 'private_notes', old.private_notes, 'closed_at', old.closed_at), NULL);
END;

CREATE TRIGGER undo_person_ai AFTER INSERT ON person
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'person', 'insert', new.rowid, NULL,
        json_object('id', new.id, 'name', new.name, 'relation', new.relation, 'title', new.title, 'level', new.level, 'team', new.team, 'started_on', new.started_on, 'archived_on', new.archived_on, 'created_at', new.created_at, 'updated_at', new.updated_at));
END;
CREATE TRIGGER undo_person_au AFTER UPDATE ON person
WHEN (SELECT recording FROM undo_state) IS NOT NULL AND (old.id IS NOT new.id OR old.name IS NOT new.name OR old.relation IS NOT new.relation OR old.title IS NOT new.title OR old.level IS NOT new.level OR old.team IS NOT new.team OR old.started_on IS NOT new.started_on OR old.archived_on IS NOT new.archived_on OR old.created_at IS NOT new.created_at OR old.updated_at IS NOT new.updated_at) BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'person', 'update', new.rowid,
        json_object('id', old.id, 'name', old.name, 'relation', old.relation, 'title', old.title, 'level', old.level, 'team', old.team, 'started_on', old.started_on, 'archived_on', old.archived_on, 'created_at', old.created_at, 'updated_at', old.updated_at),
        json_object('id', new.id, 'name', new.name, 'relation', new.relation, 'title', new.title, 'level', new.level, 'team', new.team, 'started_on', new.started_on, 'archived_on', new.archived_on, 'created_at', new.created_at, 'updated_at', new.updated_at));
END;
CREATE TRIGGER undo_person_ad AFTER DELETE ON person
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'person', 'delete', old.rowid,
        json_object('id', old.id, 'name', old.name, 'relation', old.relation, 'title', old.title, 'level', old.level, 'team', old.team, 'started_on', old.started_on, 'archived_on', old.archived_on, 'created_at', old.created_at, 'updated_at', old.updated_at), NULL);
END;

CREATE TRIGGER undo_recurring_meeting_ai AFTER INSERT ON recurring_meeting
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'recurring_meeting', 'insert', new.rowid, NULL,
        json_object('id', new.id, 'name', new.name, 'cadence', new.cadence, 'kind', new.kind, 'my_role', new.my_role, 'active', new.active, 'created_at', new.created_at));
END;
CREATE TRIGGER undo_recurring_meeting_au AFTER UPDATE ON recurring_meeting
WHEN (SELECT recording FROM undo_state) IS NOT NULL AND (old.id IS NOT new.id OR old.name IS NOT new.name OR old.cadence IS NOT new.cadence OR old.kind IS NOT new.kind OR old.my_role IS NOT new.my_role OR old.active IS NOT new.active OR old.created_at IS NOT new.created_at) BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'recurring_meeting', 'update', new.rowid,
        json_object('id', old.id, 'name', old.name, 'cadence', old.cadence, 'kind', old.kind, 'my_role', old.my_role, 'active', old.active, 'created_at', old.created_at),
        json_object('id', new.id, 'name', new.name, 'cadence', new.cadence, 'kind', new.kind, 'my_role', new.my_role, 'active', new.active, 'created_at', new.created_at));
END;
CREATE TRIGGER undo_recurring_meeting_ad AFTER DELETE ON recurring_meeting
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'recurring_meeting', 'delete', old.rowid,
        json_object('id', old.id, 'name', old.name, 'cadence', old.cadence, 'kind', old.kind, 'my_role', old.my_role, 'active', old.active, 'created_at', old.created_at), NULL);
END;

CREATE TRIGGER undo_rotation_capacity_ai AFTER INSERT ON rotation_capacity
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'rotation_capacity', 'insert', new.rowid, NULL,
        json_object('id', new.id, 'name', new.name, 'description', new.description, 'term_months', new.term_months, 'seats', new.seats, 'offset_months', new.offset_months, 'starts_on', new.starts_on, 'exposure', new.exposure, 'active', new.active, 'created_at', new.created_at, 'uid', new.uid));
END;
CREATE TRIGGER undo_rotation_capacity_au AFTER UPDATE ON rotation_capacity
WHEN (SELECT recording FROM undo_state) IS NOT NULL AND (old.id IS NOT new.id OR old.name IS NOT new.name OR old.description IS NOT new.description OR old.term_months IS NOT new.term_months OR old.seats IS NOT new.seats OR old.offset_months IS NOT new.offset_months OR old.starts_on IS NOT new.starts_on OR old.exposure IS NOT new.exposure OR old.active IS NOT new.active OR old.created_at IS NOT new.created_at OR old.uid IS NOT new.uid) BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'rotation_capacity', 'update', new.rowid,
        json_object('id', old.id, 'name', old.name, 'description', old.description, 'term_months', old.term_months, 'seats', old.seats, 'offset_months', old.offset_months, 'starts_on', old.starts_on, 'exposure', old.exposure, 'active', old.active, 'created_at', old.created_at, 'uid', old.uid),
        json_object('id', new.id, 'name', new.name, 'description', new.description, 'term_months', new.term_months, 'seats', new.seats, 'offset_months', new.offset_months, 'starts_on', new.starts_on, 'exposure', new.exposure, 'active', new.active, 'created_at', new.created_at, 'uid', new.uid));
END;
CREATE TRIGGER undo_rotation_capacity_ad AFTER DELETE ON rotation_capacity
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'rotation_capacity', 'delete', old.rowid,
        json_object('id', old.id, 'name', old.name, 'description', old.description, 'term_months', old.term_months, 'seats', old.seats, 'offset_months', old.offset_months, 'starts_on', old.starts_on, 'exposure', old.exposure, 'active', old.active, 'created_at', old.created_at, 'uid', old.uid), NULL);
END;

CREATE TRIGGER undo_rotation_exception_ai AFTER INSERT ON rotation_exception
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'rotation_exception', 'insert', new.rowid, NULL,
        json_object('id', new.id, 'capacity_id', new.capacity_id, 'kind', new.kind, 'on_date', new.on_date, 'seat', new.seat, 'person_id', new.person_id, 'other_person_id', new.other_person_id, 'created_at', new.created_at));
END;
CREATE TRIGGER undo_rotation_exception_au AFTER UPDATE ON rotation_exception
WHEN (SELECT recording FROM undo_state) IS NOT NULL AND (old.id IS NOT new.id OR old.capacity_id IS NOT new.capacity_id OR old.kind IS NOT new.kind OR old.on_date IS NOT new.on_date OR old.seat IS NOT new.seat OR old.person_id IS NOT new.person_id OR old.other_person_id IS NOT new.other_person_id OR old.created_at IS NOT new.created_at) BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'rotation_exception', 'update', new.rowid,
        json_object('id', old.id, 'capacity_id', old.capacity_id, 'kind', old.kind, 'on_date', old.on_date, 'seat', old.seat, 'person_id', old.person_id, 'other_person_id', old.other_person_id, 'created_at', old.created_at),
        json_object('id', new.id, 'capacity_id', new.capacity_id, 'kind', new.kind, 'on_date', new.on_date, 'seat', new.seat, 'person_id', new.person_id, 'other_person_id', new.other_person_id, 'created_at', new.created_at));
END;
CREATE TRIGGER undo_rotation_exception_ad AFTER DELETE ON rotation_exception
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'rotation_exception', 'delete', old.rowid,
        json_object('id', old.id, 'capacity_id', old.capacity_id, 'kind', old.kind, 'on_date', old.on_date, 'seat', old.seat, 'person_id', old.person_id, 'other_person_id', old.other_person_id, 'created_at', old.created_at), NULL);
END;

CREATE TRIGGER undo_rotation_member_ai AFTER INSERT ON rotation_member
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'rotation_member', 'insert', new.rowid, NULL,
        json_object('capacity_id', new.capacity_id, 'person_id', new.person_id, 'joined_on', new.joined_on, 'leaves_on', new.leaves_on, 'out_of_rotation', new.out_of_rotation));
END;
CREATE TRIGGER undo_rotation_member_au AFTER UPDATE ON rotation_member
WHEN (SELECT recording FROM undo_state) IS NOT NULL AND (old.capacity_id IS NOT new.capacity_id OR old.person_id IS NOT new.person_id OR old.joined_on IS NOT new.joined_on OR old.leaves_on IS NOT new.leaves_on OR old.out_of_rotation IS NOT new.out_of_rotation) BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'rotation_member', 'update', new.rowid,
        json_object('capacity_id', old.capacity_id, 'person_id', old.person_id, 'joined_on', old.joined_on, 'leaves_on', old.leaves_on, 'out_of_rotation', old.out_of_rotation),
        json_object('capacity_id', new.capacity_id, 'person_id', new.person_id, 'joined_on', new.joined_on, 'leaves_on', new.leaves_on, 'out_of_rotation', new.out_of_rotation));
END;
CREATE TRIGGER undo_rotation_member_ad AFTER DELETE ON rotation_member
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'rotation_member', 'delete', old.rowid,
        json_object('capacity_id', old.capacity_id, 'person_id', old.person_id, 'joined_on', old.joined_on, 'leaves_on', old.leaves_on, 'out_of_rotation', old.out_of_rotation), NULL);
END;

CREATE TRIGGER undo_rotation_term_record_ai AFTER INSERT ON rotation_term_record
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'rotation_term_record', 'insert', new.rowid, NULL,
        json_object('capacity_id', new.capacity_id, 'person_id', new.person_id, 'starts_on', new.starts_on, 'recognized_on', new.recognized_on, 'recognized_in', new.recognized_in, 'exposure_on', new.exposure_on, 'handoff_note', new.handoff_note, 'handoff_visibility', new.handoff_visibility));
END;
CREATE TRIGGER undo_rotation_term_record_au AFTER UPDATE ON rotation_term_record
WHEN (SELECT recording FROM undo_state) IS NOT NULL AND (old.capacity_id IS NOT new.capacity_id OR old.person_id IS NOT new.person_id OR old.starts_on IS NOT new.starts_on OR old.recognized_on IS NOT new.recognized_on OR old.recognized_in IS NOT new.recognized_in OR old.exposure_on IS NOT new.exposure_on OR old.handoff_note IS NOT new.handoff_note OR old.handoff_visibility IS NOT new.handoff_visibility) BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'rotation_term_record', 'update', new.rowid,
        json_object('capacity_id', old.capacity_id, 'person_id', old.person_id, 'starts_on', old.starts_on, 'recognized_on', old.recognized_on, 'recognized_in', old.recognized_in, 'exposure_on', old.exposure_on, 'handoff_note', old.handoff_note, 'handoff_visibility', old.handoff_visibility),
        json_object('capacity_id', new.capacity_id, 'person_id', new.person_id, 'starts_on', new.starts_on, 'recognized_on', new.recognized_on, 'recognized_in', new.recognized_in, 'exposure_on', new.exposure_on, 'handoff_note', new.handoff_note, 'handoff_visibility', new.handoff_visibility));
END;
CREATE TRIGGER undo_rotation_term_record_ad AFTER DELETE ON rotation_term_record
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'rotation_term_record', 'delete', old.rowid,
        json_object('capacity_id', old.capacity_id, 'person_id', old.person_id, 'starts_on', old.starts_on, 'recognized_on', old.recognized_on, 'recognized_in', old.recognized_in, 'exposure_on', old.exposure_on, 'handoff_note', old.handoff_note, 'handoff_visibility', old.handoff_visibility), NULL);
END;

CREATE TRIGGER undo_succession_candidate_ai AFTER INSERT ON succession_candidate
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'succession_candidate', 'insert', new.rowid, NULL,
        json_object('person_id', new.person_id, 'readiness', new.readiness, 'pending', new.pending, 'interim', new.interim, 'reviewed_on', new.reviewed_on, 'designated_on', new.designated_on));
END;
CREATE TRIGGER undo_succession_candidate_au AFTER UPDATE ON succession_candidate
WHEN (SELECT recording FROM undo_state) IS NOT NULL AND (old.person_id IS NOT new.person_id OR old.readiness IS NOT new.readiness OR old.pending IS NOT new.pending OR old.interim IS NOT new.interim OR old.reviewed_on IS NOT new.reviewed_on OR old.designated_on IS NOT new.designated_on) BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'succession_candidate', 'update', new.rowid,
        json_object('person_id', old.person_id, 'readiness', old.readiness, 'pending', old.pending, 'interim', old.interim, 'reviewed_on', old.reviewed_on, 'designated_on', old.designated_on),
        json_object('person_id', new.person_id, 'readiness', new.readiness, 'pending', new.pending, 'interim', new.interim, 'reviewed_on', new.reviewed_on, 'designated_on', new.designated_on));
END;
CREATE TRIGGER undo_succession_candidate_ad AFTER DELETE ON succession_candidate
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'succession_candidate', 'delete', old.rowid,
        json_object('person_id', old.person_id, 'readiness', old.readiness, 'pending', old.pending, 'interim', old.interim, 'reviewed_on', old.reviewed_on, 'designated_on', old.designated_on), NULL);
END;

CREATE TRIGGER undo_succession_ceo_note_ai AFTER INSERT ON succession_ceo_note
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'succession_ceo_note', 'insert', new.rowid, NULL,
        json_object('id', new.id, 'noted_on', new.noted_on, 'text', new.text, 'person_id', new.person_id, 'kind', new.kind, 'visibility', new.visibility, 'created_at', new.created_at));
END;
CREATE TRIGGER undo_succession_ceo_note_au AFTER UPDATE ON succession_ceo_note
WHEN (SELECT recording FROM undo_state) IS NOT NULL AND (old.id IS NOT new.id OR old.noted_on IS NOT new.noted_on OR old.text IS NOT new.text OR old.person_id IS NOT new.person_id OR old.kind IS NOT new.kind OR old.visibility IS NOT new.visibility OR old.created_at IS NOT new.created_at) BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'succession_ceo_note', 'update', new.rowid,
        json_object('id', old.id, 'noted_on', old.noted_on, 'text', old.text, 'person_id', old.person_id, 'kind', old.kind, 'visibility', old.visibility, 'created_at', old.created_at),
        json_object('id', new.id, 'noted_on', new.noted_on, 'text', new.text, 'person_id', new.person_id, 'kind', new.kind, 'visibility', new.visibility, 'created_at', new.created_at));
END;
CREATE TRIGGER undo_succession_ceo_note_ad AFTER DELETE ON succession_ceo_note
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'succession_ceo_note', 'delete', old.rowid,
        json_object('id', old.id, 'noted_on', old.noted_on, 'text', old.text, 'person_id', old.person_id, 'kind', old.kind, 'visibility', old.visibility, 'created_at', old.created_at), NULL);
END;

CREATE TRIGGER undo_succession_focus_ai AFTER INSERT ON succession_focus
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'succession_focus', 'insert', new.rowid, NULL,
        json_object('id', new.id, 'person_id', new.person_id, 'half', new.half, 'text', new.text, 'gap_id', new.gap_id, 'agreed_on', new.agreed_on));
END;
CREATE TRIGGER undo_succession_focus_au AFTER UPDATE ON succession_focus
WHEN (SELECT recording FROM undo_state) IS NOT NULL AND (old.id IS NOT new.id OR old.person_id IS NOT new.person_id OR old.half IS NOT new.half OR old.text IS NOT new.text OR old.gap_id IS NOT new.gap_id OR old.agreed_on IS NOT new.agreed_on) BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'succession_focus', 'update', new.rowid,
        json_object('id', old.id, 'person_id', old.person_id, 'half', old.half, 'text', old.text, 'gap_id', old.gap_id, 'agreed_on', old.agreed_on),
        json_object('id', new.id, 'person_id', new.person_id, 'half', new.half, 'text', new.text, 'gap_id', new.gap_id, 'agreed_on', new.agreed_on));
END;
CREATE TRIGGER undo_succession_focus_ad AFTER DELETE ON succession_focus
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'succession_focus', 'delete', old.rowid,
        json_object('id', old.id, 'person_id', old.person_id, 'half', old.half, 'text', old.text, 'gap_id', old.gap_id, 'agreed_on', old.agreed_on), NULL);
END;

CREATE TRIGGER undo_succession_gap_ai AFTER INSERT ON succession_gap
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'succession_gap', 'insert', new.rowid, NULL,
        json_object('id', new.id, 'person_id', new.person_id, 'text', new.text, 'status', new.status, 'noted_on', new.noted_on, 'feedback_id', new.feedback_id, 'point_id', new.point_id, 'visibility', new.visibility, 'created_at', new.created_at));
END;
CREATE TRIGGER undo_succession_gap_au AFTER UPDATE ON succession_gap
WHEN (SELECT recording FROM undo_state) IS NOT NULL AND (old.id IS NOT new.id OR old.person_id IS NOT new.person_id OR old.text IS NOT new.text OR old.status IS NOT new.status OR old.noted_on IS NOT new.noted_on OR old.feedback_id IS NOT new.feedback_id OR old.point_id IS NOT new.point_id OR old.visibility IS NOT new.visibility OR old.created_at IS NOT new.created_at) BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'succession_gap', 'update', new.rowid,
        json_object('id', old.id, 'person_id', old.person_id, 'text', old.text, 'status', old.status, 'noted_on', old.noted_on, 'feedback_id', old.feedback_id, 'point_id', old.point_id, 'visibility', old.visibility, 'created_at', old.created_at),
        json_object('id', new.id, 'person_id', new.person_id, 'text', new.text, 'status', new.status, 'noted_on', new.noted_on, 'feedback_id', new.feedback_id, 'point_id', new.point_id, 'visibility', new.visibility, 'created_at', new.created_at));
END;
CREATE TRIGGER undo_succession_gap_ad AFTER DELETE ON succession_gap
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'succession_gap', 'delete', old.rowid,
        json_object('id', old.id, 'person_id', old.person_id, 'text', old.text, 'status', old.status, 'noted_on', old.noted_on, 'feedback_id', old.feedback_id, 'point_id', old.point_id, 'visibility', old.visibility, 'created_at', old.created_at), NULL);
END;

CREATE TRIGGER undo_succession_gap_change_ai AFTER INSERT ON succession_gap_change
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'succession_gap_change', 'insert', new.rowid, NULL,
        json_object('id', new.id, 'gap_id', new.gap_id, 'changed_on', new.changed_on, 'status', new.status));
END;
CREATE TRIGGER undo_succession_gap_change_au AFTER UPDATE ON succession_gap_change
WHEN (SELECT recording FROM undo_state) IS NOT NULL AND (old.id IS NOT new.id OR old.gap_id IS NOT new.gap_id OR old.changed_on IS NOT new.changed_on OR old.status IS NOT new.status) BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'succession_gap_change', 'update', new.rowid,
        json_object('id', old.id, 'gap_id', old.gap_id, 'changed_on', old.changed_on, 'status', old.status),
        json_object('id', new.id, 'gap_id', new.gap_id, 'changed_on', new.changed_on, 'status', new.status));
END;
CREATE TRIGGER undo_succession_gap_change_ad AFTER DELETE ON succession_gap_change
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'succession_gap_change', 'delete', old.rowid,
        json_object('id', old.id, 'gap_id', old.gap_id, 'changed_on', old.changed_on, 'status', old.status), NULL);
END;

CREATE TRIGGER undo_t3b3_ai AFTER INSERT ON t3b3
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 't3b3', 'insert', new.rowid, NULL,
        json_object('id', new.id, 'person_id', new.person_id, 'half', new.half, 'delivered_on', new.delivered_on, 'in_person', new.in_person, 'remove_text', new.remove_text, 'text_removed', new.text_removed, 'created_at', new.created_at));
END;
CREATE TRIGGER undo_t3b3_au AFTER UPDATE ON t3b3
WHEN (SELECT recording FROM undo_state) IS NOT NULL AND (old.id IS NOT new.id OR old.person_id IS NOT new.person_id OR old.half IS NOT new.half OR old.delivered_on IS NOT new.delivered_on OR old.in_person IS NOT new.in_person OR old.remove_text IS NOT new.remove_text OR old.text_removed IS NOT new.text_removed OR old.created_at IS NOT new.created_at) BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 't3b3', 'update', new.rowid,
        json_object('id', old.id, 'person_id', old.person_id, 'half', old.half, 'delivered_on', old.delivered_on, 'in_person', old.in_person, 'remove_text', old.remove_text, 'text_removed', old.text_removed, 'created_at', old.created_at),
        json_object('id', new.id, 'person_id', new.person_id, 'half', new.half, 'delivered_on', new.delivered_on, 'in_person', new.in_person, 'remove_text', new.remove_text, 'text_removed', new.text_removed, 'created_at', new.created_at));
END;
CREATE TRIGGER undo_t3b3_ad AFTER DELETE ON t3b3
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 't3b3', 'delete', old.rowid,
        json_object('id', old.id, 'person_id', old.person_id, 'half', old.half, 'delivered_on', old.delivered_on, 'in_person', old.in_person, 'remove_text', old.remove_text, 'text_removed', old.text_removed, 'created_at', old.created_at), NULL);
END;

CREATE TRIGGER undo_t3b3_item_ai AFTER INSERT ON t3b3_item
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 't3b3_item', 'insert', new.rowid, NULL,
        json_object('id', new.id, 't3b3_id', new.t3b3_id, 'side', new.side, 'rank', new.rank, 'text', new.text, 'feedback_id', new.feedback_id, 'point_id', new.point_id));
END;
CREATE TRIGGER undo_t3b3_item_au AFTER UPDATE ON t3b3_item
WHEN (SELECT recording FROM undo_state) IS NOT NULL AND (old.id IS NOT new.id OR old.t3b3_id IS NOT new.t3b3_id OR old.side IS NOT new.side OR old.rank IS NOT new.rank OR old.text IS NOT new.text OR old.feedback_id IS NOT new.feedback_id OR old.point_id IS NOT new.point_id) BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 't3b3_item', 'update', new.rowid,
        json_object('id', old.id, 't3b3_id', old.t3b3_id, 'side', old.side, 'rank', old.rank, 'text', old.text, 'feedback_id', old.feedback_id, 'point_id', old.point_id),
        json_object('id', new.id, 't3b3_id', new.t3b3_id, 'side', new.side, 'rank', new.rank, 'text', new.text, 'feedback_id', new.feedback_id, 'point_id', new.point_id));
END;
CREATE TRIGGER undo_t3b3_item_ad AFTER DELETE ON t3b3_item
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 't3b3_item', 'delete', old.rowid,
        json_object('id', old.id, 't3b3_id', old.t3b3_id, 'side', old.side, 'rank', old.rank, 'text', old.text, 'feedback_id', old.feedback_id, 'point_id', old.point_id), NULL);
END;

CREATE TRIGGER undo_vacation_ai AFTER INSERT ON vacation
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'vacation', 'insert', new.rowid, NULL,
        json_object('id', new.id, 'starts_on', new.starts_on, 'ends_on', new.ends_on, 'no_chiming_in', new.no_chiming_in, 'created_at', new.created_at));
END;
CREATE TRIGGER undo_vacation_au AFTER UPDATE ON vacation
WHEN (SELECT recording FROM undo_state) IS NOT NULL AND (old.id IS NOT new.id OR old.starts_on IS NOT new.starts_on OR old.ends_on IS NOT new.ends_on OR old.no_chiming_in IS NOT new.no_chiming_in OR old.created_at IS NOT new.created_at) BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'vacation', 'update', new.rowid,
        json_object('id', old.id, 'starts_on', old.starts_on, 'ends_on', old.ends_on, 'no_chiming_in', old.no_chiming_in, 'created_at', old.created_at),
        json_object('id', new.id, 'starts_on', new.starts_on, 'ends_on', new.ends_on, 'no_chiming_in', new.no_chiming_in, 'created_at', new.created_at));
END;
CREATE TRIGGER undo_vacation_ad AFTER DELETE ON vacation
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'vacation', 'delete', old.rowid,
        json_object('id', old.id, 'starts_on', old.starts_on, 'ends_on', old.ends_on, 'no_chiming_in', old.no_chiming_in, 'created_at', old.created_at), NULL);
END;

CREATE TRIGGER undo_vacation_cover_ai AFTER INSERT ON vacation_cover
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'vacation_cover', 'insert', new.rowid, NULL,
        json_object('id', new.id, 'vacation_id', new.vacation_id, 'responsibility', new.responsibility, 'person_id', new.person_id));
END;
CREATE TRIGGER undo_vacation_cover_au AFTER UPDATE ON vacation_cover
WHEN (SELECT recording FROM undo_state) IS NOT NULL AND (old.id IS NOT new.id OR old.vacation_id IS NOT new.vacation_id OR old.responsibility IS NOT new.responsibility OR old.person_id IS NOT new.person_id) BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'vacation_cover', 'update', new.rowid,
        json_object('id', old.id, 'vacation_id', old.vacation_id, 'responsibility', old.responsibility, 'person_id', old.person_id),
        json_object('id', new.id, 'vacation_id', new.vacation_id, 'responsibility', new.responsibility, 'person_id', new.person_id));
END;
CREATE TRIGGER undo_vacation_cover_ad AFTER DELETE ON vacation_cover
WHEN (SELECT recording FROM undo_state) IS NOT NULL BEGIN
    INSERT INTO undo_row (group_id, tbl, op, row_id, old, new)
    VALUES ((SELECT recording FROM undo_state), 'vacation_cover', 'delete', old.rowid,
        json_object('id', old.id, 'vacation_id', old.vacation_id, 'responsibility', old.responsibility, 'person_id', old.person_id), NULL);
END;
