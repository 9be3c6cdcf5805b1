"""Calendars that update and cancel: every .ics read back by a strict parser (ical) and a
lenient one (icalendar), with UIDs unique beyond one database, SEQUENCE numbering each
change, STATUS:CANCELLED for what is gone, and meetings in a time zone (TZID, VTIMEZONE).
"""

from __future__ import annotations

import tomllib
from datetime import UTC, date, datetime
from pathlib import Path
from typing import NamedTuple
from zoneinfo import ZoneInfo

import icalendar
import pytest
from ical.calendar_stream import IcsCalendarStream

from leadtui.domain.people_input import PersonDraft
from leadtui.domain.rotations_input import CapacityDraft, HostDraft
from leadtui.domain.validation import build
from leadtui.export.ics import rotations_ics
from leadtui.imports.rotation_definitions import parse_definition
from leadtui.services import hosts as ho
from leadtui.services import rotation_definitions as defs
from leadtui.services import rotations as ro
from leadtui.services.calendar import record_published, rotation_calendar
from leadtui.services.people import add_person
from leadtui.store.database import Store, open_database
from tests.helpers import TODAY, cli

STAMP = datetime(2026, 11, 22, 8, 30, tzinfo=UTC)
BERLIN = "Europe/Berlin"


class Seen(NamedTuple):
    """One event as both parsers read it."""

    uid: str
    summary: str
    start: date | datetime
    sequence: int
    cancelled: bool


def read(text: str) -> dict[str, Seen]:
    """The events of an .ics by UID; both parsers must accept it and agree."""
    strict = IcsCalendarStream.calendar_from_ics(text)
    lenient = icalendar.Calendar.from_ical(text)
    problems = [(c.name, c.errors) for c in lenient.walk() if c.errors]
    assert not problems, problems
    found: dict[str, Seen] = {}
    for e in strict.events:
        assert e.uid and e.uid not in found, f"UID {e.uid} twice"
        assert e.dtstart is not None and e.sequence is not None and e.status is not None
        found[e.uid] = Seen(
            e.uid, e.summary or "", e.dtstart, e.sequence, e.status.value == "CANCELLED"
        )
    loose = {str(c["UID"]): c for c in lenient.walk("VEVENT")}
    assert set(loose) == set(found)
    for uid, c in loose.items():
        assert int(str(c["SEQUENCE"])) == found[uid].sequence
        assert (str(c["STATUS"]) == "CANCELLED") == found[uid].cancelled
    return found


def export(db: Store, today: date = TODAY, zone: str = BERLIN, months: int = 12) -> str:
    """What ``leadtui export rotations --ics`` writes and records."""
    calendar = rotation_calendar(db, today, zone, months)
    text = rotations_ics(calendar, STAMP)
    record_published(db, calendar)
    return text


def _team(db: Store) -> Store:
    for name in ("Ana", "Ben", "Cy", "Di"):
        add_person(db, PersonDraft(name=name))
    draft = build(CapacityDraft, today=TODAY, name="Incident Review", starts_on="2026-07-01")
    capacity = ro.add_capacity(db, draft, TODAY)
    ro.change_roster(db, capacity, ["Ana", "Ben", "Cy", "Di"])
    ro.plan(db, capacity, TODAY, date(2027, 9, 30))
    ho.set_hosts(db, ["Ana", "Ben", "Cy"], build(HostDraft, weekday="tue", at_time="9:30"), TODAY)
    return db


@pytest.fixture
def team(db: Store) -> Store:
    return _team(db)


def meetings(events: dict[str, Seen]) -> dict[str, Seen]:
    return {u: e for u, e in events.items() if u.startswith("leadership-meeting-")}


def terms(events: dict[str, Seen]) -> dict[str, Seen]:
    return {u: e for u, e in events.items() if u.startswith("rotation-")}


def on(events: dict[str, Seen], day: date) -> Seen:
    """The meeting on ``day``."""
    return next(
        e
        for e in meetings(events).values()
        if isinstance(e.start, datetime) and e.start.date() == day
    )


# --- UIDs unique beyond one database ----------------------------------------------------------


def test_two_databases_never_share_a_meeting_uid(tmp_path: Path) -> None:
    """Two managers (or two teams one belongs to) with meetings on the same days: importing
    both files keeps both series, since each database has an id of its own."""
    first = _team(open_database(tmp_path / "a.db"))
    second = _team(open_database(tmp_path / "b.db"))
    mine, theirs = meetings(read(export(first))), meetings(read(export(second)))
    assert len(mine) == len(theirs) > 40
    assert {e.start for e in mine.values()} == {e.start for e in theirs.values()}
    assert not set(mine) & set(theirs)
    # Each database keeps its id: the next export gives the same UIDs again.
    assert set(meetings(read(export(first)))) == set(mine)
    first.close()
    second.close()


def test_the_same_definition_gives_the_same_term_uids_in_two_databases(tmp_path: Path) -> None:
    """A definition shared through TOML carries the capacity's id: every teammate who
    imports it computes the same term UIDs, whatever else is in their database."""
    a, b = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    for db in (a, b):
        for name in ("Ana", "Ben", "Cy", "Di"):
            assert cli("people", "add", name, "--db", db).returncode == 0
    assert cli("rotation", "add", "Spec Review", "--start", "2026-01-01", "--db", b).returncode == 0
    assert (
        cli("rotation", "add", "Incident Review", "--start", "2026-07-01", "--db", a).returncode
        == 0
    )
    assert cli("rotation", "roster", "inc", "Ana", "Ben", "Cy", "Di", "--db", a).returncode == 0
    assert cli("rotation", "plan", "inc", "--until", "2027-09-30", "--db", a).returncode == 0
    shared = tmp_path / "incident.toml"
    assert (
        cli("rotation", "export-definition", "inc", "--out", str(shared), "--db", a).returncode == 0
    )
    capacity_id = tomllib.loads(shared.read_text())["capacity"]["id"]
    imported = cli("rotation", "import-definition", str(shared), "--db", b)
    assert imported.returncode == 0, imported.stderr
    calendars = [cli("export", "rotations", "--ics", "--db", db) for db in (a, b)]
    assert all(c.returncode == 0 for c in calendars), calendars
    mine, theirs = (terms(read(c.stdout)) for c in calendars)
    assert mine and set(mine) == set(theirs)
    assert all(capacity_id in uid for uid in mine)
    # Importing it again (or a teammate's newer copy) keeps the id and so the UIDs.
    assert cli("rotation", "import-definition", str(shared), "--db", b).returncode == 0
    again = cli("export", "rotations", "--ics", "--db", b)
    assert set(terms(read(again.stdout))) == set(theirs)


def test_capacities_whose_names_differ_only_by_case_never_share_uids(db: Store) -> None:
    """ "STRASSE" and "straße" fold to the same letters: a new one is refused as taken, but
    an earlier version stored both; with ids of their own their terms stay two series in a
    calendar."""
    from leadtui.store.database import write_transaction

    for name in ("Ana", "Ben", "Cy", "Di"):
        add_person(db, PersonDraft(name=name))
    for name, people in (("STRASSE", ["Ana", "Ben"]), ("straße", ["Cy", "Di"])):
        draft = build(
            CapacityDraft, today=TODAY, name=f"Capacity {len(people)}{name[0]}",
            starts_on="2026-07-01", term_months=6, seats=1,
        )  # fmt: skip
        capacity = ro.add_capacity(db, draft, TODAY)
        with write_transaction(db):
            db.execute("update rotation_capacity set name = ? where id = ?", (name, capacity.id))
        capacity = capacity._replace(name=name)
        ro.change_roster(db, capacity, people)
        ro.plan(db, capacity, TODAY, date(2027, 6, 30))
    events = terms(read(export(db)))
    assert {e.summary.split(":")[0] for e in events.values()} == {"STRASSE", "straße"}
    assert len(events) == 4


def test_a_definition_with_a_bad_id_is_refused_and_nothing_written(
    team: Store, tmp_path: Path
) -> None:
    from leadtui.errors import InputError
    from leadtui.export.rotation_definitions import definition_toml

    text = definition_toml(defs.definition(team, ro.find_capacity(team, "inc")))
    assert 'id = "' in text
    before = ro.list_capacities(team)
    bad = text.replace(f'id = "{before[0].uid}"', 'id = "not-a-uuid"')
    with pytest.raises(InputError, match="capacity id must be a UUID"):
        defs.import_definition(
            team, parse_definition(bad.replace("Incident Review", "Other"), TODAY)
        )
    assert ro.list_capacities(team) == before


def test_a_definition_renamed_by_a_teammate_updates_the_same_capacity(team: Store) -> None:
    """The id, not the name, says which capacity a definition is: a renamed copy updates
    it (same term UIDs); an id that is another capacity's while the name is taken is
    refused, and nothing is written."""
    from leadtui.errors import InputError
    from leadtui.export.rotation_definitions import definition_toml

    before = terms(read(export(team)))
    capacity = ro.find_capacity(team, "inc")
    text = definition_toml(defs.definition(team, capacity))
    renamed = defs.import_definition(
        team, parse_definition(text.replace("Incident Review", "Incidents"), TODAY)
    )
    assert renamed.capacity.id == capacity.id and renamed.capacity.uid == capacity.uid
    assert [c.name for c in ro.list_capacities(team)] == ["Incidents"]
    after = terms(read(export(team)))
    assert set(after) == set(before)
    assert all(e.summary.startswith("Incidents: ") and e.sequence == 1 for e in after.values())
    other = build(CapacityDraft, today=TODAY, name="Spec Review", starts_on="2026-07-01")
    ro.add_capacity(team, other, TODAY)
    clash = text.replace("Incident Review", "Spec Review")
    with pytest.raises(InputError, match="another capacity's; rename one"):
        defs.import_definition(team, parse_definition(clash, TODAY))
    assert [c.name for c in ro.list_capacities(team)] == ["Incidents", "Spec Review"]


# --- SEQUENCE and STATUS:CANCELLED ----------------------------------------------------------


def test_sequence_is_stable_while_nothing_changes(team: Store) -> None:
    first = read(export(team))
    again = read(export(team))
    assert again == first
    assert {e.sequence for e in first.values()} == {0}
    assert not any(e.cancelled for e in first.values())


def test_a_skipped_meeting_is_cancelled_and_the_later_hosts_move_along(team: Store) -> None:
    before = read(export(team))
    day = date(2026, 12, 29)
    skipped = on(before, day)
    ho.skip_meeting(team, day)
    after = read(export(team))
    assert after[skipped.uid].cancelled and after[skipped.uid].sequence == 1
    assert after[skipped.uid].start == skipped.start
    # Everyone after it moves along a week: those meetings changed, so their SEQUENCE grew.
    later = on(before, date(2027, 1, 5))
    assert after[later.uid].summary != later.summary and after[later.uid].sequence == 1
    earlier = on(before, date(2026, 12, 22))
    assert after[earlier.uid] == earlier
    # Cancelled stays cancelled, at the same SEQUENCE, in the next export.
    assert read(export(team))[skipped.uid] == after[skipped.uid]
    # Held again after all: the same UID is back, confirmed, with a higher SEQUENCE.
    ho.skip_meeting(team, day, undo=True)
    held = read(export(team))[skipped.uid]
    assert not held.cancelled and held.sequence == 2 and held.summary == skipped.summary


def test_an_undone_assignment_is_cancelled(team: Store) -> None:
    capacity = ro.find_capacity(team, "inc")
    ro.assign(team, capacity, 1, "Di", TODAY, date(2027, 7, 1))
    before = read(export(team))
    di = next(
        e for e in terms(before).values() if e.summary.startswith("Incident Review: Di (seat 1)")
    )
    assert di.start == date(2027, 7, 1)
    ro.unassign(team, capacity, 1, date(2027, 7, 1))
    after = read(export(team))
    assert after[di.uid].cancelled and after[di.uid].sequence == di.sequence + 1
    unchanged = [u for u in terms(before) if u != di.uid]
    assert all(after[u] == before[u] for u in unchanged)


def test_an_emptied_seat_and_a_retired_capacity_are_cancelled(team: Store) -> None:
    capacity = ro.find_capacity(team, "inc")
    before = terms(read(export(team)))
    # The planned seat-2 stretch from 2027-04-01 is emptied: its assignment removed.
    seat2 = next(
        e for e in before.values() if "(seat 2)" in e.summary and e.start == date(2027, 4, 1)
    )
    ro.unassign(team, capacity, 2, date(2027, 4, 1))
    emptied = read(export(team))
    assert emptied[seat2.uid].cancelled
    ro.set_active(team, capacity, False)
    retired = read(export(team))
    assert set(terms(retired)) == set(before)
    assert all(e.cancelled for e in terms(retired).values())
    assert retired[seat2.uid].sequence == emptied[seat2.uid].sequence  # cancelled once


def test_a_term_cut_short_keeps_its_uid_with_a_higher_sequence(team: Store) -> None:
    capacity = ro.find_capacity(team, "inc")
    before = terms(read(export(team)))
    ana = next(e for e in before.values() if e.summary.startswith("Incident Review: Ana"))
    ro.cut_short(team, capacity, 1, date(2026, 12, 15))
    after = read(export(team))
    assert not after[ana.uid].cancelled and after[ana.uid].sequence == 1
    text = export(team)
    event = next(
        c for c in icalendar.Calendar.from_ical(text).walk("VEVENT") if c["UID"] == ana.uid
    )
    assert isinstance(event, icalendar.Event) and event.end == date(2026, 12, 16)  # exclusive


def test_events_that_passed_are_not_cancelled_and_cancelled_ones_expire(team: Store) -> None:
    """Moving on in time drops past events without cancelling them; a cancelled event is
    written while it ended no more than 30 days ago."""
    day = date(2026, 12, 1)
    first = read(export(team))
    passed = on(first, date(2026, 11, 24))
    cancelled = on(first, day)
    ho.skip_meeting(team, day)
    assert read(export(team))[cancelled.uid].cancelled
    later = read(export(team, today=date(2026, 12, 20)))
    assert passed.uid not in later
    assert later[cancelled.uid].cancelled
    much_later = read(export(team, today=date(2027, 1, 15)))
    assert cancelled.uid not in much_later
    assert not any(e.cancelled for e in much_later.values())


def test_a_shorter_horizon_cancels_nothing(team: Store) -> None:
    """Events beyond a shorter export's last day merely fall outside it."""
    year = read(export(team, months=12))
    quarter = read(export(team, months=3))
    assert set(quarter) < set(year)
    assert not any(e.cancelled for e in quarter.values())
    assert read(export(team, months=12)) == year


def test_a_refused_export_records_nothing(team: Store, tmp_path: Path) -> None:
    """A file in the way (no --force) refuses the export: the next one still numbers
    changes from what was really published."""
    path = str(team.path)
    out = tmp_path / "team.ics"
    assert cli("export", "rotations", "--ics", "--out", str(out), "--db", path).returncode == 0
    published = read(out.read_text())
    ho.skip_meeting(team, date(2026, 12, 29))
    refused = cli("export", "rotations", "--ics", "--out", str(out), "--db", path)
    assert refused.returncode == 2 and "--force" in refused.stderr
    forced = cli("export", "rotations", "--ics", "--out", str(out), "--force", "--db", path)
    assert forced.returncode == 0, forced.stderr
    skipped = on(published, date(2026, 12, 29))
    assert read(out.read_text())[skipped.uid] == skipped._replace(sequence=1, cancelled=True)


# --- times with a zone ------------------------------------------------------------------------


def test_meetings_carry_their_zone_and_terms_stay_all_day(team: Store) -> None:
    text = export(team, zone=BERLIN)
    events = read(text)
    berlin = ZoneInfo(BERLIN)
    meeting = on(events, date(2026, 11, 24))
    assert meeting.start == datetime(2026, 11, 24, 9, 30, tzinfo=berlin)
    assert "DTSTART;TZID=Europe/Berlin:20261124T093000" in text
    calendar = icalendar.Calendar.from_ical(text)
    assert [tz.tz_name for tz in calendar.timezones] == [BERLIN]
    assert calendar.get_missing_tzids() == set()
    # Summer time is in the definition: a July meeting is 07:30 UTC, a November one 08:30.
    july = on(events, date(2027, 7, 6)).start
    assert isinstance(july, datetime)
    assert july.astimezone(UTC).hour == 7
    assert isinstance(meeting.start, datetime)
    assert meeting.start.astimezone(UTC).hour == 8
    assert all(type(e.start) is date for e in terms(events).values())


def test_the_zone_comes_from_config_or_the_system(team: Store, isolated_home: Path) -> None:
    path = str(team.path)

    def first_meeting_line(env_tz: str | None, monkeypatch: pytest.MonkeyPatch) -> str:
        if env_tz is None:
            monkeypatch.delenv("TZ", raising=False)
        else:
            monkeypatch.setenv("TZ", env_tz)
        ran = cli("export", "rotations", "--ics", "--months", "1", "--db", path)
        assert ran.returncode == 0, ran.stderr
        return next(line for line in ran.stdout.splitlines() if line.startswith("DTSTART;TZID"))

    with pytest.MonkeyPatch.context() as mp:
        assert "TZID=America/New_York" in first_meeting_line("America/New_York", mp)
        config = isolated_home / "config.toml"
        config.parent.mkdir(parents=True, exist_ok=True)
        config.write_text('[calendar]\ntime_zone = "Asia/Kolkata"\n')
        assert "TZID=Asia/Kolkata" in first_meeting_line("America/New_York", mp)
        # A zone this computer does not know: a notice, and the system's zone.
        config.write_text('[calendar]\ntime_zone = "Mars/Olympus"\n')
        mp.setenv("TZ", "Europe/Lisbon")
        ran = cli("export", "rotations", "--ics", "--months", "1", "--db", path)
        assert ran.returncode == 0 and "TZID=Europe/Lisbon" in ran.stdout
        assert "[calendar] time_zone must be an IANA zone name" in ran.stderr
        assert "'Mars/Olympus'" in ran.stderr


def test_the_system_zone_is_tz_then_the_localtime_link_then_utc(tmp_path: Path) -> None:
    from leadtui.config import system_time_zone

    link = tmp_path / "etc" / "localtime"
    link.parent.mkdir()
    assert system_time_zone({}, link) == "UTC"  # nothing to go on
    link.symlink_to("/usr/share/zoneinfo/Australia/Sydney")
    assert system_time_zone({}, link) == "Australia/Sydney"
    assert system_time_zone({"TZ": ":Europe/Oslo"}, link) == "Europe/Oslo"
    assert system_time_zone({"TZ": "/usr/share/zoneinfo/Asia/Tokyo"}, link) == "Asia/Tokyo"
    assert system_time_zone({"TZ": "not a zone"}, link) == "Australia/Sydney"


# --- calendars that imported an earlier build's file ------------------------------------------

# UIDs an earlier build wrote (from names and dates alone) for the events below.
OLDER_MEETING_UID = "leadership-meeting-20261123@leadtui"
OLDER_TERM_UID = "rotation-incident-review-9906904b-seat1-20261122@leadtui"


def test_an_upgraded_database_cancels_the_uids_an_earlier_build_wrote(tmp_path: Path) -> None:
    """A calendar that imported a file from before ids would otherwise show every event
    twice: the first export after the upgrade cancels the earlier UIDs too, and later
    exports keep them cancelled while they are not long past."""
    from tests.reliability.sample_db import STEPS, build_at_step

    path = tmp_path / "old.db"
    build_at_step(path, STEPS["0010_search_succession_rotations"])
    db = open_database(path)
    capacity = ro.find_capacity(db, "Incident Review")
    ro.assign(db, capacity, 1, "Sam Okafor", TODAY, TODAY)
    first = read(export(db))
    assert first[OLDER_MEETING_UID].cancelled and first[OLDER_MEETING_UID].sequence == 1
    assert first[OLDER_TERM_UID].cancelled
    live = [e for e in first.values() if not e.cancelled]
    older = [e for e in first.values() if e.cancelled]
    assert len(live) == len(older) > 50
    assert read(export(db)) == first
    db.close()
    # A database made by this build has no earlier UIDs to cancel.
    fresh = _team(open_database(tmp_path / "new.db"))
    assert not any(e.cancelled for e in read(export(fresh)).values())
    fresh.close()
