"""`calendar import`: files in the shapes Google, Outlook and Apple Calendar export (made
here, with zones, X-WR-TIMEZONE, attendees, EXDATEs and a moved occurrence) become the
series and sessions a person would expect; --apply twice changes nothing the second
time; bad files are refused in one line or skipped and counted, nothing written."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from tests.helpers import cli

ME = "me@example.com"

GOOGLE = """BEGIN:VCALENDAR
PRODID:-//Google Inc//Google Calendar 70.9054//EN
VERSION:2.0
CALSCALE:GREGORIAN
METHOD:PUBLISH
X-WR-CALNAME:me@example.com
X-WR-TIMEZONE:Europe/Berlin
BEGIN:VEVENT
DTSTART:20260901T083000Z
DTEND:20260901T091500Z
RRULE:FREQ=WEEKLY;WKST=MO;INTERVAL=2;BYDAY=TU
EXDATE:20261110T093000Z
DTSTAMP:20261120T101010Z
ORGANIZER;CN=Me:mailto:me@example.com
UID:7kukuqrfedlm2f9t0vr42q4a3v@google.com
ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Sam Okafor;
 X-NUM-GUESTS=0:mailto:sam@example.com
ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=me@example.com;
 X-NUM-GUESTS=0:mailto:me@example.com
CREATED:20260820T120000Z
SEQUENCE:0
STATUS:CONFIRMED
SUMMARY:Sam / Me 1:1
TRANSP:OPAQUE
END:VEVENT
BEGIN:VEVENT
DTSTART:20261123T080000Z
DTEND:20261123T090000Z
DTSTAMP:20261120T101010Z
UID:single-lunch@google.com
ORGANIZER;CN=Me:mailto:me@example.com
ATTENDEE;CN=Sam Okafor:mailto:sam@example.com
SUMMARY:Lunch
END:VEVENT
END:VCALENDAR
"""

OUTLOOK = """BEGIN:VCALENDAR
METHOD:PUBLISH
PRODID:Microsoft Exchange Server 2010
VERSION:2.0
X-WR-CALNAME:Calendar
BEGIN:VTIMEZONE
TZID:W. Europe Standard Time
BEGIN:STANDARD
DTSTART:16010101T030000
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010101T020000
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3
END:DAYLIGHT
END:VTIMEZONE
BEGIN:VEVENT
ORGANIZER;CN=Me:mailto:me@example.com
ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=Ana Lee:mailto:ana@example.com
ATTENDEE;CUTYPE=ROOM;ROLE=NON-PARTICIPANT;CN=Room 4.01:mailto:room401@example.com
RRULE:FREQ=WEEKLY;UNTIL=20270701T120000Z;INTERVAL=1;BYDAY=TH;WKST=SU
EXDATE;TZID=W. Europe Standard Time:20261029T140000
UID:040000008200E00074C5B7101A82E00800000000B0A1C2D3E4F5
SUMMARY;LANGUAGE=en-US:Ana <> Me weekly
DTSTART;TZID=W. Europe Standard Time:20261001T140000
DTEND;TZID=W. Europe Standard Time:20261001T150000
CLASS:PUBLIC
PRIORITY:5
DTSTAMP:20261120T101010Z
TRANSP:OPAQUE
STATUS:CONFIRMED
SEQUENCE:0
END:VEVENT
BEGIN:VEVENT
ORGANIZER;CN=Me:mailto:me@example.com
ATTENDEE;CN=Ana Lee:mailto:ana@example.com
RECURRENCE-ID;TZID=W. Europe Standard Time:20261112T140000
UID:040000008200E00074C5B7101A82E00800000000B0A1C2D3E4F5
SUMMARY;LANGUAGE=en-US:Ana <> Me weekly
DTSTART;TZID=W. Europe Standard Time:20261113T150000
DTEND;TZID=W. Europe Standard Time:20261113T160000
DTSTAMP:20261120T101010Z
SEQUENCE:1
END:VEVENT
END:VCALENDAR
"""

APPLE = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Apple Inc.//macOS 15.1//EN
CALSCALE:GREGORIAN
BEGIN:VTIMEZONE
TZID:America/New_York
BEGIN:DAYLIGHT
TZOFFSETFROM:-0500
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU
DTSTART:20070311T020000
TZNAME:EDT
TZOFFSETTO:-0400
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:-0400
RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU
DTSTART:20071104T020000
TZNAME:EST
TZOFFSETTO:-0500
END:STANDARD
END:VTIMEZONE
BEGIN:VEVENT
CREATED:20261030T150000Z
UID:9E2A8B4C-1D3F-4A5B-8C6D-7E8F9A0B1C2D
RRULE:FREQ=WEEKLY;INTERVAL=1
DTEND;TZID=America/New_York:20261102T093000
TRANSP:OPAQUE
X-APPLE-TRAVEL-ADVISORY-BEHAVIOR:AUTOMATIC
SUMMARY:Bo + me
LAST-MODIFIED:20261030T150000Z
DTSTAMP:20261030T150000Z
DTSTART;TZID=America/New_York:20261102T090000
SEQUENCE:0
ORGANIZER;CN="Me";EMAIL="me@example.com":mailto:me@example.com
ATTENDEE;CN="Me";CUTYPE=INDIVIDUAL;EMAIL="me@example.com";PARTSTAT=ACCEPTED;
 ROLE=CHAIR:mailto:me@example.com
ATTENDEE;CN="Bo Chen";CUTYPE=INDIVIDUAL;EMAIL="bo@icloud.com";PARTSTAT=ACCEPTED:
 mailto:bo@icloud.com
END:VEVENT
END:VCALENDAR
"""


def _event(uid: str, start: str, rule: str, attendees: str, tz: str = "Europe/Berlin") -> str:
    return (
        f"BEGIN:VEVENT\nUID:{uid}\nDTSTAMP:20261101T000000Z\nDTSTART;TZID={tz}:{start}\n"
        f"DTEND;TZID={tz}:{start[:-4]}1100\n{rule}\nSUMMARY:{uid}\n{attendees}END:VEVENT\n"
    )


TWO = "ORGANIZER:mailto:me@example.com\nATTENDEE;CN=Sam Okafor:mailto:sam@example.com\n"
BAD_EVENTS = (
    "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:x\n"
    + _event("no-attendees", "20261103T100000", "RRULE:FREQ=WEEKLY", "")
    + _event("mars", "20261103T100000", "RRULE:FREQ=WEEKLY", TWO, tz="Mars/Olympus")
    + _event("far", "99991231T100000", "RRULE:FREQ=WEEKLY", TWO)
    + _event("endless-daily", "20261103T100000", "RRULE:FREQ=DAILY", TWO)
    + _event(
        "stranger",
        "20261103T100000",
        "RRULE:FREQ=WEEKLY",
        "ORGANIZER:mailto:me@example.com\nATTENDEE;CN=Zoe Stranger:mailto:zoe@x.org\n",
    )
    + "END:VCALENDAR\n"
)


@pytest.fixture
def team(db_path: Path) -> list[str]:
    """Sam (with an address and a weekly Tuesday series at 10:00), Ana (an address, no
    series) and Bo Chen (no address, no series); the --db arguments."""
    db = ["--db", str(db_path)]
    for argv in (
        ["people", "add", "Sam Okafor", "--email", "sam@example.com"],
        ["people", "add", "Ana Lee", "--email", "ANA@example.com"],
        ["people", "add", "Bo Chen"],
        ["1on1", "series", "Sam", "--weekday", "tuesday", "--time", "10:00", "--start",
         "2026-06-02"],
    ):  # fmt: skip
        ran = cli(*argv, *db)
        assert ran.returncode == 0, ran.stderr
    home = Path(os.environ["LEADTUI_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text(
        f'[calendar]\ntime_zone = "Europe/Berlin"\nmy_email = "{ME}"\n', encoding="utf-8"
    )
    return db


def _file(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="\r\n")
    return str(path)


def _rows(db_path: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db_path)
    try:
        series = conn.execute(
            "select person_id, every_weeks, weekday, at_time, minutes, starts_on, status "
            "from oo_series order by person_id"
        ).fetchall()
        sessions = conn.execute(
            "select series_id, held_on from oo_session order by series_id, held_on"
        ).fetchall()
        return [*series, *sessions]
    finally:
        conn.close()


def _proposals(ran_stdout: str) -> dict[str, dict[str, object]]:
    document = json.loads(ran_stdout)
    return {f"{p['kind']} {p['person']['name']}": p for p in document["proposals"]}


def test_google_outlook_and_apple_files_propose_the_series_a_person_expects(
    team: list[str], tmp_path: Path, db_path: Path
) -> None:
    found: dict[str, dict[str, object]] = {}
    for name, text in (("google.ics", GOOGLE), ("outlook.ics", OUTLOOK), ("apple.ics", APPLE)):
        ran = cli("calendar", "import", _file(tmp_path, name, text), "--json", *team)
        assert ran.returncode == 0, ran.stderr
        found |= _proposals(ran.stdout)
    before = _rows(db_path)

    def changes(key: str) -> dict[str, tuple[object, object]]:
        return {c["field"]: (c["before"], c["after"]) for c in found[key]["changes"]}  # type: ignore[attr-defined]

    # Google: every other Tuesday at 10:30 Berlin (written in UTC, zone from X-WR-TIMEZONE,
    # so winter dates stay at 10:30), 45 minutes; Sam's weekly 10:00 series disagrees.
    sam = changes("change-series Sam Okafor")
    assert sam["cadence"] == ("weekly", "every 2 weeks")
    assert sam["time"] == ("10:00", "10:30")
    assert sam["minutes"] == ("60", "45")
    assert sam["first day"][1] == "2026-09-01"
    # Held since Sam's series had none: every other Tuesday, the EXDATE left out.
    held = found["held-sessions Sam Okafor"]["held"]
    assert held == ["2026-09-01", "2026-09-15", "2026-09-29", "2026-10-13", "2026-10-27"]
    # Outlook: a Windows zone name with its VTIMEZONE, a room left out, a moved occurrence
    # (12 -> 13 Nov) and an EXDATE (29 Oct); Ana matched by address whatever its case.
    ana = changes("new-series Ana Lee")
    assert ana == {
        "cadence": ("", "weekly"),
        "weekday": ("", "Thursday"),
        "time": ("", "14:00"),
        "minutes": ("", "60"),
        "first day": ("", "2026-10-01"),
    }
    ana_held = found["held-sessions Ana Lee"]["held"]
    assert ana_held == ["2026-10-01", "2026-10-08", "2026-10-15", "2026-10-22", "2026-11-05",
                        "2026-11-13", "2026-11-19"]  # fmt: skip
    # Apple: New York's 9:00 is 15:00 in Berlin; Bo has no address and is matched by name.
    bo = changes("new-series Bo Chen")
    assert bo["weekday"] == ("", "Monday") and bo["time"] == ("", "15:00")
    assert bo["minutes"] == ("", "30")
    assert _rows(db_path) == before, "a dry run writes nothing"


def test_apply_twice_changes_nothing_the_second_time(
    team: list[str], tmp_path: Path, db_path: Path
) -> None:
    files = [_file(tmp_path, n, t) for n, t in (("g.ics", GOOGLE), ("o.ics", OUTLOOK))]
    for path in files:
        ran = cli("calendar", "import", path, "--apply", *team)
        assert ran.returncode == 0, ran.stderr
    once = _rows(db_path)
    shown = cli("1on1", "show", "Sam", *team).stdout
    assert "every 2 weeks on Tuesday at 10:30, 45 min" in shown
    assert "next session: 2026-11-24" in shown, shown
    for path in files:
        again = cli("calendar", "import", path, "--apply", "--json", *team)
        assert again.returncode == 0, again.stderr
        assert json.loads(again.stdout)["proposals"] == []
    assert _rows(db_path) == once


def test_a_file_that_is_not_a_calendar_or_far_too_large_is_refused_in_one_line(
    team: list[str], tmp_path: Path, db_path: Path
) -> None:
    before = _rows(db_path)
    not_ics = _file(tmp_path, "notes.ics", "hello, these are my notes\n")
    huge = _file(
        tmp_path,
        "huge.ics",
        "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:x\n"
        + "".join(_event(f"e{n}", "20261103T100000", "", TWO) for n in range(50_000))
        + "END:VCALENDAR\n",
    )
    for path, words in ((not_ics, "not an iCalendar file"), (huge, "50,000 events")):
        ran = cli("calendar", "import", path, "--apply", *team)
        assert ran.returncode == 2
        assert words in ran.stderr and len(ran.stderr.strip().splitlines()) == 1, ran.stderr
    nobody = cli("calendar", "import", not_ics, "--db", team[1], "--me", "not an address")
    assert nobody.returncode == 2 and "--me" in nobody.stderr
    assert _rows(db_path) == before


def test_events_that_cannot_be_a_1on1_are_skipped_and_counted(
    team: list[str], tmp_path: Path, db_path: Path
) -> None:
    before = _rows(db_path)
    ran = cli("calendar", "import", _file(tmp_path, "bad.ics", BAD_EVENTS), "--apply", "--json",
              *team)  # fmt: skip
    assert ran.returncode == 0, ran.stderr
    document = json.loads(ran.stdout)
    assert document["proposals"] == []
    assert document["skipped"] == {
        "with someone not in leadtui": 1,
        "no attendees": 1,
        "unknown time zone": 1,
        "dates outside 1900-2200": 1,
        "not weekly on one day": 1,
    }
    assert document["unmatched"] == ["Zoe Stranger"]
    assert _rows(db_path) == before
