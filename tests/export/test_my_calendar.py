"""My own calendar (`export calendar`): each 1:1 series one recurring event whose
expansion gives exactly the sessions leadtui schedules, skips as EXDATE and a move as an
override, numbered against what was published; read back by the strict parser (ical) and
expanded by recurring-ical-events."""

from __future__ import annotations

import os
import re
from datetime import date, datetime, timedelta
from pathlib import Path

import icalendar
import recurring_ical_events
from ical.calendar_stream import IcsCalendarStream
from ical.event import EventStatus

from leadtui.domain.oneonones import session_dates
from leadtui.store.database import Store
from leadtui.store.oneonones import OneOnOneRepository
from tests.helpers import TODAY, cli

BERLIN = "Europe/Berlin"


def _config(*lines: str) -> None:
    home = Path(os.environ["LEADTUI_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _sam_with_skip_and_move(db_path: Path) -> list[date]:
    """Sam's 1:1 every two weeks, the second session skipped and the third moved two days
    on; the three first rule dates."""
    db = ["--db", str(db_path)]
    for argv in (
        ["people", "add", "Sam Okafor"],
        ["1on1", "series", "Sam", "--every", "2", "--weekday", "tuesday", "--time", "10:30",
         "--start", "2026-09-01"],
        ["1on1", "add", "Sam", "PRIVATE-7f3a the reorg", "--private"],
        ["1on1", "add", "Sam", "salary band question"],
    ):  # fmt: skip
        ran = cli(*argv, *db)
        assert ran.returncode == 0, ran.stderr
    first = date(2026, 11, 24)  # the rule's next Tuesday, two weeks on from 1 September
    rule = [first + timedelta(weeks=2 * n) for n in range(3)]
    assert cli("1on1", "skip", "Sam", "--date", rule[1].isoformat(), *db).returncode == 0
    moved = cli("1on1", "move", "Sam", (rule[2] + timedelta(days=2)).isoformat(),
                "--date", rule[2].isoformat(), *db)  # fmt: skip
    assert moved.returncode == 0, moved.stderr
    return rule


def _export(db_path: Path, *extra: str) -> str:
    out = db_path.parent / "mine.ics"
    ran = cli("export", "calendar", "--months", "3", "--out", str(out), "--force",
              "--db", str(db_path), *extra)  # fmt: skip
    assert ran.returncode == 0, ran.stderr
    return out.read_text(encoding="utf-8")


def test_a_series_with_a_skip_and_a_move_expands_to_the_sessions_leadtui_lists(
    db: Store, db_path: Path
) -> None:
    _config("[calendar]", f'time_zone = "{BERLIN}"', "prep_minutes = 15")
    rule = _sam_with_skip_and_move(db_path)
    text = _export(db_path)
    IcsCalendarStream.calendar_from_ics(text)  # strict RFC 5545: raises on anything off
    calendar = icalendar.Calendar.from_ical(text)
    until = TODAY + timedelta(days=90)
    expanded = recurring_ical_events.of(calendar).between(TODAY, until + timedelta(days=1))
    sam = [e for e in expanded if "Sam Okafor" in str(e["SUMMARY"])]
    got = sorted(e["DTSTART"].dt for e in sam)
    repo = OneOnOneRepository(db)
    series = repo.all_series()[0]
    expected = session_dates(series, repo.changes(series.id), TODAY, until)
    assert [moment.date() for moment in got] == expected
    assert rule[1] not in expected and rule[2] + timedelta(days=2) in expected
    assert all(moment.hour == 10 and moment.minute == 30 for moment in got)
    assert all(str(moment.tzinfo) == BERLIN for moment in got)
    # Exactly the sessions `1on1 show` lists for the eight weeks ahead.
    shown = cli("1on1", "show", "Sam", "--db", str(db_path)).stdout
    listed = [date.fromisoformat(d) for d in re.findall(r"\d{4}-\d{2}-\d{2}", "".join(
        line for line in shown.splitlines() if line.startswith(("next session:", "then:"))
    ))]  # fmt: skip
    eight_weeks = TODAY + timedelta(weeks=8)
    assert listed == [d for d in expected if d <= eight_weeks]
    assert [m.date() for m in got if m.date() <= eight_weeks] == listed
    assert "EXDATE;TZID=Europe/Berlin" in text and "RECURRENCE-ID;TZID=Europe/Berlin" in text
    assert "BEGIN:VTIMEZONE" in text and "TRIGGER:-PT15M" in text
    # Names and counts, never a point's text.
    assert "2 open talking points" in text
    assert "PRIVATE-7f3a" not in text and "salary" not in text


def test_a_changed_series_gets_the_next_sequence_and_an_ended_one_is_cancelled(
    db_path: Path,
) -> None:
    _config("[calendar]", f'time_zone = "{BERLIN}"')
    _sam_with_skip_and_move(db_path)
    first = IcsCalendarStream.calendar_from_ics(_export(db_path))
    again = IcsCalendarStream.calendar_from_ics(_export(db_path))
    assert {e.uid: e.sequence for e in again.events} == {e.uid: e.sequence for e in first.events}
    uid = first.events[0].uid
    db = ["--db", str(db_path)]
    assert cli("1on1", "series", "Sam", "--time", "11:00", *db).returncode == 0
    changed = IcsCalendarStream.calendar_from_ics(_export(db_path))
    master = next(e for e in changed.events if e.uid == uid and e.recurrence_id is None)
    assert master.sequence == 1
    assert isinstance(master.dtstart, datetime) and master.dtstart.hour == 11
    assert cli("1on1", "series", "Sam", "--end", *db).returncode == 0
    ended = IcsCalendarStream.calendar_from_ics(_export(db_path))
    gone = [e for e in ended.events if e.uid == uid]
    assert len(gone) == 1 and gone[0].sequence == 2 and gone[0].status is EventStatus.CANCELLED
    assert gone[0].rrule is not None  # the whole series, not its first occurrence


def test_my_terms_and_the_leadership_meetings_come_with_my_series_not_others_terms(
    db_path: Path,
) -> None:
    _config("[calendar]", f'time_zone = "{BERLIN}"', 'my_email = "ana@example.com"')
    db = ["--db", str(db_path)]
    for argv in (
        ["people", "add", "Ana", "--email", "ana@example.com"],
        ["people", "add", "Ben"],
        ["rotation", "add", "Incident Review", "--start", "2026-07-01"],
        ["rotation", "roster", "inc", "Ana", "Ben"],
        ["rotation", "plan", "Incident Review", "--until", "2027-06-01"],
        ["host", "set", "Ana", "Ben", "--weekday", "tue", "--time", "10:15"],
    ):
        ran = cli(*argv, *db)
        assert ran.returncode == 0, (argv, ran.stderr)
    calendar = IcsCalendarStream.calendar_from_ics(_export(db_path))
    summaries = [e.summary or "" for e in calendar.events]
    terms = [s for s in summaries if s.startswith("Incident Review")]
    assert terms and all(": Ana (seat" in s for s in terms), summaries
    meetings = [s for s in summaries if s.startswith("Leadership meeting, hosted by")]
    assert {"Leadership meeting, hosted by Ana", "Leadership meeting, hosted by Ben"} <= set(
        meetings
    )
    # Apart from the team's file: each calendar numbers its own versions of an event.
    team = db_path.parent / "team.ics"
    assert cli("export", "rotations", "--ics", "--out", str(team), *db).returncode == 0
    team_uids = {e.uid for e in IcsCalendarStream.calendar_from_ics(team.read_text()).events}
    assert not team_uids & {e.uid for e in calendar.events}
