"""`leadtui 1on1` in process (main(argv) with captured output); one check runs the real
console entry point in a subprocess for its exit code and stderr."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from leadtui.domain.oneonones import session_dates
from leadtui.store.database import open_database
from leadtui.store.oneonones import OneOnOneRepository
from tests.helpers import cli, run


@pytest.fixture
def sam(db_path: Path) -> list[str]:
    db = ["--db", str(db_path)]
    assert cli("people", "add", "Sam Okafor", *db).returncode == 0
    assert cli("1on1", "series", "sam", "--weekday", "tue", "--time", "9:30", *db).returncode == 0
    return db


def test_shell_capture_between_sessions(sam: list[str]) -> None:
    assert cli("1on1", "add", "sam", "Career growth", "--theirs", *sam).returncode == 0
    assert cli("1on1", "add", "sam", "Peer feedback", "--private", *sam).returncode == 0
    assert cli("1on1", "action", "sam", "Send doc", "--due", "friday", *sam).returncode == 0
    shown = json.loads(cli("1on1", "show", "sam", "--json", *sam).stdout)
    assert shown["next_session"] == "2026-11-24"
    assert [(p["text"], p["raised_by"], p["visibility"]) for p in shown["points"]] == [
        ("Career growth", "them", "shared"),
        ("Peer feedback", "me", "private"),
    ]
    assert shown["actions"][0]["due_on"] == "2026-11-27"
    assert cli("1on1", "discuss", "sam", "1", *sam).returncode == 0
    closed = cli("1on1", "close", "sam", *sam)
    assert "1 point filed, 1 carried over" in closed.stdout
    after = json.loads(cli("1on1", "show", "sam", "--json", *sam).stdout)
    assert [(p["text"], p["carried"]) for p in after["points"]] == [("Peer feedback", 1)]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["1on1", "add", "sam", ""], "talking point is empty"),
        (["1on1", "add", "nobody", "x"], "no person matches 'nobody'"),
        (["1on1", "action", "sam", "x", "--due", "31/02"], "is not a date"),
        (["1on1", "action", "sam", "x", "--owner", "boss"], "--owner must be me or them"),
        (["1on1", "series", "sam", "--weekday", "funday"], "weekday must be a day name"),
        (["1on1", "series", "sam", "--time", "25:00"], "time must be HH:MM"),
        (["1on1", "close", "sam", "--date", "tomorrow"], "in the future"),
        (["1on1", "discuss", "sam", "99"], "no talking point with id 99"),
    ],
)
def test_refused_1on1_input(sam: list[str], argv: list[str], message: str) -> None:
    result = cli(*argv, *sam)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    shown = json.loads(cli("1on1", "show", "sam", "--json", *sam).stdout)
    assert shown["points"] == [] and shown["actions"] == []


def test_a_person_without_a_series_has_an_ad_hoc_document(db_path: Path) -> None:
    db = ["--db", str(db_path)]
    cli("people", "add", "Priya", "--relation", "peer", *db)
    added = cli("1on1", "add", "priya", "Shared on-call rota", *db)
    assert added.returncode == 0 and "talking point 1 for Priya" in added.stdout
    assert cli("1on1", "action", "priya", "Send the rota", *db).returncode == 0
    shown = cli("1on1", "show", "priya", *db).stdout
    assert "1:1 with Priya: ad hoc, no recurring series" in shown
    assert "next session: when you next meet\n" in shown and "overdue" not in shown
    assert cli("1on1", "discuss", "priya", "1", *db).returncode == 0
    held = cli("1on1", "close", "priya", "--date", "2026-11-20", *db)
    assert held.returncode == 0 and "held 2026-11-20 with Priya: 1 point filed" in held.stdout
    data = json.loads(cli("1on1", "show", "priya", "--json", *db).stdout)
    assert (data["next_session"], data["overdue"]) == (None, False)
    assert data["last_session"]["held_on"] == "2026-11-20"
    skipped = cli("1on1", "skip", "priya", *db)
    assert skipped.returncode == 2 and "ad hoc, with no dates to move or skip" in skipped.stderr
    # The fix, for this database (a long test path cuts the refusal's middle).
    assert "--weekday tuesday --time 10:00 --db " in skipped.stderr
    exported = cli("export", "1on1", "priya", "--audience", "shared", *db)
    assert exported.returncode == 0 and "when you next meet" in exported.stdout
    # A recurring series later keeps the document.
    assert cli("1on1", "series", "priya", "--weekday", "wed", *db).returncode == 0
    assert json.loads(cli("1on1", "show", "priya", "--json", *db).stdout)["next_session"] == (
        "2026-11-25"
    )


def test_edit_a_point_or_with_action_an_action(sam: list[str]) -> None:
    cli("1on1", "add", "sam", "Carer growth", *sam)
    cli("1on1", "action", "sam", "Send teh doc", "--owner", "them", "--due", "friday", *sam)
    point = cli("1on1", "edit", "sam", "1", "Career growth", *sam)
    assert point.returncode == 0 and point.stdout == "talking point 1: Career growth\n"
    action = cli("1on1", "edit", "sam", "1", "Send the doc", "--action", *sam)
    assert action.returncode == 0 and action.stdout == "action 1: Send the doc\n"
    shown = json.loads(cli("1on1", "show", "sam", "--json", *sam).stdout)
    assert [p["text"] for p in shown["points"]] == ["Career growth"]
    # The owner and due date stay.
    assert [(a["text"], a["owner"], a["due_on"]) for a in shown["actions"]] == [
        ("Send the doc", "them", "2026-11-27")
    ]
    for argv, message in (
        (["2", "x"], "no talking point with id 2; see `leadtui 1on1 show 'Sam Okafor' --db "),
        (["2", "x", "--action"], "no action item with id 2; see `leadtui 1on1 show 'Sam Okafor'"),
        (["1", "  "], "talking point is empty"),
    ):
        refused = cli("1on1", "edit", "sam", *argv, *sam)
        assert refused.returncode == 2 and message in refused.stderr, refused.stderr
    cli("1on1", "discuss", "sam", "1", *sam)
    cli("1on1", "close", "sam", *sam)
    filed = cli("1on1", "edit", "sam", "1", "Rewritten", *sam)
    assert filed.returncode == 2 and "filed under a held session" in filed.stderr


def test_edit_help_says_how_ids_are_addressed(capsys: pytest.CaptureFixture[str]) -> None:
    from leadtui.cli import main

    with pytest.raises(SystemExit):
        main(["1on1", "edit", "--help"])
    shown = " ".join(capsys.readouterr().out.split())
    assert "--action ID is an action item's" in shown and "numbered separately" in shown


def test_past_due_date_is_accepted_and_overdue_at_once(sam: list[str]) -> None:
    result = cli("1on1", "action", "sam", "x", "--due", "2026-11-01", *sam)
    assert result.returncode == 0 and "already overdue" in result.stdout


def test_export_audiences(sam: list[str], tmp_path: Path) -> None:
    cli("1on1", "add", "sam", "Shared point", *sam)
    cli("1on1", "add", "sam", "SECRET point", "--private", *sam)
    shared = cli("export", "1on1", "sam", "--audience", "shared", *sam).stdout
    assert "Audience: shared" in shared and "Shared point" in shared
    assert "SECRET" not in shared
    private = cli("export", "1on1", "sam", "--audience", "private", *sam).stdout
    assert "SECRET point" in private and "Audience: private" in private


def next_session(sam: list[str]) -> str:
    return str(json.loads(cli("1on1", "show", "sam", "--json", *sam).stdout)["next_session"])


def test_skip_and_move_one_occurrence(sam: list[str]) -> None:
    skipped = cli("1on1", "skip", "sam", *sam)
    assert skipped.returncode == 0 and "2026-11-24: skipped" in skipped.stdout
    assert next_session(sam) == "2026-12-01"
    assert cli("1on1", "skip", "sam", "--date", "2026-11-24", "--undo", *sam).returncode == 0
    assert next_session(sam) == "2026-11-24"
    moved = cli("1on1", "move", "sam", "thursday", *sam)
    assert "from 2026-11-24 to 2026-11-26" in moved.stdout
    assert next_session(sam) == "2026-11-26"
    # Moving the moved session again changes the same occurrence; the rule is untouched.
    assert cli("1on1", "move", "sam", "2026-11-25", "--date", "2026-11-26", *sam).returncode == 0
    assert next_session(sam) == "2026-11-25"
    assert cli("1on1", "skip", "sam", "--date", "2026-12-01", *sam).returncode == 0
    assert cli("1on1", "move", "sam", "2026-11-24", *sam).returncode == 0  # back to its rule date
    db = open_database(Path(sam[1]))
    try:
        changes = OneOnOneRepository(db).changes(1)
    finally:
        db.close()
    assert changes == {date(2026, 12, 1): None}


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["1on1", "move", "sam", "2026-11-20"], "which is in the past"),
        (["1on1", "move", "sam", "2026-12-01"], "already a 1:1 with Sam Okafor on 2026-12-01"),
        (["1on1", "move", "sam", "31/02"], "is not a date"),
        (["1on1", "skip", "sam", "--date", "2026-11-25"], "upcoming: 2026-11-24, 2026-12-01"),
        (["1on1", "skip", "sam", "--date", "2026-11-17"], "only upcoming sessions"),
        (["1on1", "skip", "sam", "--undo"], "--undo needs --date"),
        (["1on1", "skip", "sam", "--undo", "--date", "2026-11-24"], "was not moved or skipped"),
    ],
)
def test_refused_reschedule(sam: list[str], argv: list[str], message: str) -> None:
    result = cli(*argv, *sam)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert next_session(sam) == "2026-11-24"


def test_a_paused_series_cannot_be_rescheduled(sam: list[str]) -> None:
    cli("1on1", "series", "sam", "--pause", *sam)
    result = cli("1on1", "skip", "sam", *sam)
    assert result.returncode == 2 and "--resume" in result.stderr


def test_holding_today_moves_the_next_session_and_a_second_hold_is_refused(
    db_path: Path,
) -> None:
    db = ["--db", str(db_path)]
    cli("people", "add", "Ann", *db)
    # conftest pins today to Sunday 2026-11-22: a Sunday series has a session today.
    cli("1on1", "series", "ann", "--weekday", "sunday", *db)
    assert json.loads(cli("1on1", "show", "ann", "--json", *db).stdout)["next_session"] == (
        "2026-11-22"
    )
    assert cli("1on1", "close", "ann", *db).returncode == 0
    shown = json.loads(cli("1on1", "show", "ann", "--json", *db).stdout)
    assert shown["next_session"] == "2026-11-29"
    again = cli("1on1", "close", "ann", *db)
    assert again.returncode == 2 and "already held" in again.stderr
    assert len(again.stderr.strip().splitlines()) == 1


def test_notes_for_the_next_session_and_fixing_a_held_one(sam: list[str]) -> None:
    saved = cli("1on1", "notes", "sam", "--shared", "Agreed on X", "--private", "Tired", *sam)
    assert saved.returncode == 0
    assert cli("1on1", "close", "sam", "--date", "2026-11-17", *sam).returncode == 0
    shown = json.loads(cli("1on1", "show", "sam", "--json", *sam).stdout)
    assert shown["last_session"]["shared_notes"] == "Agreed on X"
    fixed = cli("1on1", "notes", "sam", "--session", "2026-11-17", "--shared", "Agreed on Y", *sam)
    assert fixed.returncode == 0 and "fixed" in fixed.stdout
    last = json.loads(cli("1on1", "show", "sam", "--json", *sam).stdout)["last_session"]
    assert (last["shared_notes"], last["private_notes"]) == ("Agreed on Y", "Tired")
    missing = cli("1on1", "notes", "sam", "--session", "2026-11-10", "--shared", "x", *sam)
    assert missing.returncode == 2 and "no session with Sam Okafor was held on" in missing.stderr
    empty = cli("1on1", "notes", "sam", *sam)
    assert empty.returncode == 2 and "--shared TEXT" in empty.stderr


def test_reschedule_edge_cases(sam: list[str]) -> None:
    # A session moved months away still shows on its new date.
    assert cli("1on1", "move", "sam", "2027-03-03", *sam).returncode == 0
    db = open_database(Path(sam[1]))
    try:
        repo = OneOnOneRepository(db)
        [series] = repo.all_series()
        shown = session_dates(series, repo.changes(1), date(2027, 2, 20), date(2027, 3, 10))
    finally:
        db.close()
    assert date(2027, 3, 3) in shown
    # Undo brings back the session shown on the day, and refuses to stack two sessions.
    assert cli("1on1", "move", "sam", "2026-12-03", "--date", "2026-12-01", *sam).returncode == 0
    assert cli("1on1", "move", "sam", "2026-12-01", "--date", "2026-12-08", *sam).returncode == 0
    undo = cli("1on1", "skip", "sam", "--undo", "--date", "2026-12-03", *sam)
    assert undo.returncode == 2 and "two sessions on one day" in undo.stderr
    undo = cli("1on1", "skip", "sam", "--undo", "--date", "2026-12-01", *sam)
    assert undo.returncode == 0 and "back on 2026-12-08" in undo.stdout
    # An empty argument is refused, not read as "the next one".
    for argv in (["move", "sam", ""], ["skip", "sam", "--date", ""]):
        result = cli("1on1", *argv, *sam)
        assert result.returncode == 2 and "is empty" in result.stderr
    same = cli("1on1", "move", "sam", "2026-12-03", "--date", "2026-12-03", *sam)
    assert same.returncode == 2 and "already on 2026-12-03" in same.stderr


def test_a_new_rule_drops_the_old_moves_and_skips(sam: list[str]) -> None:
    cli("1on1", "move", "sam", "friday", *sam)
    cli("1on1", "skip", "sam", "--date", "2026-12-01", *sam)
    assert cli("1on1", "series", "sam", "--weekday", "wednesday", *sam).returncode == 0
    assert next_session(sam) == "2026-11-25"
    cli("1on1", "series", "sam", "--time", "11:00", *sam)  # same rule: nothing dropped
    cli("1on1", "skip", "sam", *sam)
    cli("1on1", "series", "sam", "--minutes", "30", *sam)
    assert next_session(sam) == "2026-12-02"


def test_an_archived_persons_1on1_is_recorded_with_a_note_on_stderr(sam: list[str]) -> None:
    assert cli("people", "archive", "sam", *sam).returncode == 0
    added = cli("1on1", "add", "sam", "Handover", *sam)
    assert added.returncode == 0 and "talking point 1 for Sam Okafor" in added.stdout
    assert added.stderr == (
        "leadtui: note: Sam Okafor was archived on 2026-11-22; recorded in their history\n"
    )
    held = cli("1on1", "close", "sam", *sam)
    assert held.returncode == 0 and "was archived on 2026-11-22" in held.stderr
    shown = cli("1on1", "show", "sam", *sam)
    assert shown.stderr == ""  # reading says nothing


def test_refusals_name_the_command_that_fixes_them(sam: list[str]) -> None:
    assert cli("1on1", "close", "sam", *sam).returncode == 0
    again = cli("1on1", "close", "sam", *sam)
    assert again.stderr == (
        "leadtui: a session on 2026-11-22 is already held; add to the next one, or fix "
        "that session's notes with `leadtui 1on1 notes 'Sam Okafor' --session 2026-11-22 "
        f"--db {sam[1]}`\n"
    )
    unknown = cli("1on1", "done", "sam", "99", *sam)
    assert unknown.returncode == 2
    assert f"no action item with id 99; see `leadtui 1on1 show 'Sam Okafor' --db {sam[1]}`" in (
        unknown.stderr
    )
    future = cli("1on1", "close", "sam", "--date", "2026-11-30", *sam)
    assert future.returncode == 2 and "2026-11-30 is in the future" in future.stderr


def test_the_console_entry_point_refuses_with_exit_2_and_one_line(db_path: Path) -> None:
    # The one subprocess check: the real entry point's exit code and stderr.
    db = ["--db", str(db_path)]
    assert cli("people", "add", "Priya", *db).returncode == 0
    result = run("1on1", "skip", "priya", *db)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith(
        "leadtui: the 1:1 with Priya is ad hoc, with no dates to move or skip; it needs a "
        "recurring series; create one with"
    )
    assert len(result.stderr.strip().splitlines()) == 1
