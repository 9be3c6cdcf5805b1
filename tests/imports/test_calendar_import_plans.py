"""`calendar import` against what changes around it: a plan read while the command line
applied the same file writes nothing twice; a series that started in summer keeps its
winter hour; a rule from 1901 is read from the weeks that matter; cancelled and moved
coming sessions become skips and moves; counts are worded in the singular when one."""

from __future__ import annotations

from datetime import UTC, date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from leadtui.errors import InputError
from leadtui.imports import ics
from leadtui.imports.calendar_plan import read_plan
from leadtui.imports.ics import read_calendar
from leadtui.services.calendar_import import ProposalKind, apply_proposals
from leadtui.store.database import open_database
from tests.helpers import TODAY, cli
from tests.imports.test_calendar_import import GOOGLE, ME, TWO, _event, _file, _rows, team

__all__ = ["team"]  # the fixture, used by name

BERLIN = "Europe/Berlin"


def _calendar(*events: str) -> str:
    return "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:x\n" + "".join(events) + "END:VCALENDAR\n"


def test_a_plan_read_before_the_same_file_was_applied_elsewhere_writes_nothing_twice(
    team: list[str], tmp_path: Path, db_path: Path
) -> None:
    path = _file(tmp_path, "g.ics", GOOGLE)
    store = open_database(db_path)
    try:
        # The app's dialog is open with this plan ...
        stale = read_plan(store, path, ME, TODAY, BERLIN).plan.proposals
        assert {p.kind for p in stale} == {ProposalKind.CHANGE_SERIES, ProposalKind.HELD_SESSIONS}
        # ... while the command line applies the same file.
        assert cli("calendar", "import", path, "--apply", *team).returncode == 0
        once = _rows(db_path)
        assert apply_proposals(store, stale, TODAY) == 0
        assert _rows(db_path) == once, "held sessions written twice"
    finally:
        store.close()


def test_a_series_changed_by_hand_since_the_plan_was_read_is_left_as_it_is(
    team: list[str], tmp_path: Path, db_path: Path
) -> None:
    path = _file(tmp_path, "g.ics", GOOGLE)
    store = open_database(db_path)
    try:
        stale = read_plan(store, path, ME, TODAY, BERLIN).plan.proposals
        assert cli("1on1", "series", "Sam", "--time", "11:15", *team).returncode == 0
        series = [p.key for p in stale if p.kind is ProposalKind.CHANGE_SERIES]
        apply_proposals(store, stale, TODAY, series)
    finally:
        store.close()
    assert "on Tuesday at 11:15" in cli("1on1", "show", "Sam", *team).stdout


def test_a_series_that_started_in_summer_takes_its_winter_hour(tmp_path: Path) -> None:
    # 10:00 in Berlin is 08:00 UTC in June and 09:00 UTC from late October on.
    path = tmp_path / "summer.ics"
    path.write_text(_calendar(_event("summer", "20260602T100000", "RRULE:FREQ=WEEKLY", TWO)))
    read = read_calendar(path, ME, TODAY, UTC)
    (meeting,) = read.meetings
    assert (meeting.weekday, meeting.at_time) == (1, "09:00")
    assert meeting.next_on == date(2026, 11, 24)


def test_a_rule_from_1901_is_read_from_the_weeks_that_matter(tmp_path: Path) -> None:
    path = tmp_path / "old.ics"
    # Saturday 5 January 1901, weekly: 125 years of weeks before today.
    events = [_event(f"old-{n}", "19010105T100000", "RRULE:FREQ=WEEKLY", TWO) for n in range(200)]
    path.write_text(_calendar(*events))
    read = read_calendar(path, ME, TODAY, ZoneInfo(BERLIN))
    assert len(read.meetings) == 200
    meeting = read.meetings[0]
    assert meeting.starts_on.year == 2026 and meeting.starts_on.weekday() == 5
    assert meeting.held[0] == meeting.starts_on and meeting.next_on == date(2026, 11, 28)
    # A rule with a COUNT that ran out long ago has ended.
    ended = tmp_path / "ended.ics"
    ended.write_text(_calendar(_event("x", "19010105T100000", "RRULE:FREQ=WEEKLY;COUNT=5", TWO)))
    assert read_calendar(ended, ME, TODAY, ZoneInfo(BERLIN)).meetings == []


def test_more_occurrences_than_a_calendar_holds_are_refused_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ics, "MAX_OCCURRENCES", 100)
    path = tmp_path / "many.ics"
    path.write_text(_calendar(*(_event(f"e{n}", "19010105T100000", "RRULE:FREQ=WEEKLY", TWO)
                                for n in range(10))))  # fmt: skip
    with pytest.raises(InputError) as refused:
        read_calendar(path, ME, TODAY, ZoneInfo(BERLIN))
    assert "more than 100 meetings" in refused.value.message
    assert len(refused.value.message.splitlines()) == 1


SAM_WEEKLY = (
    "BEGIN:VEVENT\nUID:sam-weekly\nDTSTAMP:20261101T000000Z\n"
    "DTSTART;TZID=Europe/Berlin:20260602T100000\nDTEND;TZID=Europe/Berlin:20260602T110000\n"
    "RRULE:FREQ=WEEKLY;BYDAY=TU\nEXDATE;TZID=Europe/Berlin:20261201T100000\n"
    f"SUMMARY:Sam 1:1\n{TWO}END:VEVENT\n"
    "BEGIN:VEVENT\nUID:sam-weekly\nDTSTAMP:20261101T000000Z\n"
    "RECURRENCE-ID;TZID=Europe/Berlin:20261208T100000\n"
    "DTSTART;TZID=Europe/Berlin:20261209T100000\nDTEND;TZID=Europe/Berlin:20261209T110000\n"
    f"SUMMARY:Sam 1:1\n{TWO}END:VEVENT\n"
)


def test_a_cancelled_and_a_moved_coming_session_become_a_skip_and_a_move(
    team: list[str], tmp_path: Path, db_path: Path
) -> None:
    path = _file(tmp_path, "sam.ics", _calendar(SAM_WEEKLY))
    dry = cli("calendar", "import", path, *team)
    assert dry.returncode == 0, dry.stderr
    assert "Sam Okafor: coming sessions: skip 2026-12-01; move 2026-12-08 -> 2026-12-09" in (
        dry.stdout
    )
    applied = cli("calendar", "import", path, "--apply", *team)
    assert applied.returncode == 0, applied.stderr
    shown = cli("1on1", "show", "Sam", *team).stdout
    # 1 and 8 December are gone, 9 December is a session.
    assert "next session: 2026-11-24\nthen: 2026-12-09, 2026-12-15," in shown, shown
    again = cli("calendar", "import", path, *team).stdout
    assert "coming sessions" not in again and "nothing to change" in again


def test_one_of_a_kind_is_worded_in_the_singular(
    team: list[str], tmp_path: Path, db_path: Path
) -> None:
    # Starting next Tuesday (nothing held yet), the first of December cancelled.
    starts = SAM_WEEKLY.split("BEGIN:VEVENT", 2)[1].replace("20260602T1", "20261124T1")
    path = _file(tmp_path, "one.ics", _calendar("BEGIN:VEVENT" + starts))
    ran = cli("calendar", "import", path, "--apply", *team)
    assert ran.returncode == 0, ran.stderr
    assert "1 event, 1 recurring 1:1 with you" in ran.stdout
    assert "applied 1 proposal\n" in ran.stdout


def test_a_coming_session_moved_into_the_past_is_named_as_not_imported(
    team: list[str], tmp_path: Path, db_path: Path
) -> None:
    into_past = SAM_WEEKLY.replace("DTSTART;TZID=Europe/Berlin:20261209T100000",
                                   "DTSTART;TZID=Europe/Berlin:20261120T100000")  # fmt: skip
    ran = cli("calendar", "import", _file(tmp_path, "past.ics", _calendar(into_past)), *team)
    assert ran.returncode == 0, ran.stderr
    assert "Sam Okafor: coming sessions: skip 2026-12-01\n" in ran.stdout
    assert (
        "coming sessions not imported: Sam Okafor: 2026-12-08 moved to 2026-11-20, which is past"
        in ran.stderr
    )
