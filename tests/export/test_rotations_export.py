"""The team's rotation schedule: Markdown, and iCalendar read back by a strict parser."""

from __future__ import annotations

import tomllib
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st
from ical.calendar_stream import IcsCalendarStream

from leadtui.domain.people_input import PersonDraft
from leadtui.domain.privacy import Audience
from leadtui.domain.rotations_input import CapacityDraft, HandoffDraft, HostDraft
from leadtui.domain.text import control_character
from leadtui.domain.validation import build
from leadtui.export.ics import rotations_ics
from leadtui.export.rotation_definitions import toml_keys
from leadtui.export.rotations import rotations_document
from leadtui.services import hosts as ho
from leadtui.services import rotations as ro
from leadtui.services.calendar import (
    host_uid,
    record_published,
    rotation_calendar,
    term_uid,
)
from leadtui.services.people import add_person
from leadtui.store.calendar import CalendarRepository
from leadtui.store.database import Store
from tests.helpers import TODAY

SECRET = "PRIVATE-handoff-9c1"
STAMP = datetime(2026, 11, 22, 8, 30, tzinfo=UTC)


@pytest.fixture
def team(db: Store) -> Store:
    for name in ("Ana", "Ben", "Cy", "Di"):
        add_person(db, PersonDraft(name=name))
    draft = build(
        CapacityDraft,
        today=TODAY,
        name="Incident Review",
        starts_on="2026-07-01",
        exposure="joins the quarterly planning review",
    )
    capacity = ro.add_capacity(db, draft, TODAY)
    ro.change_roster(db, capacity, ["Ana", "Ben", "Cy", "Di"])
    ro.plan(db, capacity, TODAY, date(2027, 9, 30))
    ro.write_handoff(db, capacity, "Ana", HandoffDraft(text=SECRET, private=True), TODAY)
    ho.set_hosts(db, ["Ana", "Ben", "Cy"], build(HostDraft, weekday="tue", at_time="9:30"), TODAY)
    ho.skip_meeting(db, date(2026, 12, 29))
    return db


def _ics(db: Store, stamp: datetime = STAMP, today: date = TODAY, zone: str = "UTC") -> str:
    """The calendar as ``leadtui export rotations --ics`` writes it (and records it)."""
    calendar = rotation_calendar(db, today, zone, 12)
    text = rotations_ics(calendar, stamp)
    record_published(db, calendar)
    return text


def test_the_calendar_passes_the_strict_parser(team: Store) -> None:
    text = _ics(team, zone="Europe/Berlin")
    calendar = IcsCalendarStream.calendar_from_ics(text)
    events = calendar.events
    terms = [e for e in events if e.uid and e.uid.startswith("rotation-")]
    meetings = [e for e in events if e.uid and e.uid.startswith("leadership-meeting-")]
    assert terms and meetings
    for event in events:
        assert event.dtstamp == STAMP
        assert event.dtstart is not None and event.dtend is not None
        assert event.dtend > event.dtstart
    ana = next(e for e in terms if "Ana" in (e.summary or ""))
    assert ana.summary == "Incident Review: Ana (seat 1)"
    assert ana.dtstart == date(2026, 11, 22) and ana.dtend == date(2027, 1, 1)  # exclusive
    first = min(meetings, key=lambda e: e.uid or "")
    # At its hour in the user's zone (TZID), not a floating time each reader places.
    berlin = ZoneInfo("Europe/Berlin")
    assert first.dtstart == datetime(2026, 11, 24, 9, 30, tzinfo=berlin)
    assert first.dtend == datetime(2026, 11, 24, 10, 30, tzinfo=berlin)
    assert "Ana" in (first.summary or "")
    # The skipped week is not in the calendar; no text that is not the team's is.
    own = CalendarRepository(team).database_uuid()
    assert host_uid(own, date(2026, 12, 29)) not in text
    assert SECRET not in text
    assert len({e.uid for e in events}) == len(events)


def test_uids_are_stable_across_exports(team: Store) -> None:
    """A calendar that imports the file again updates its events: the same UIDs come back
    on another day's export, with a new DTSTAMP."""
    first = IcsCalendarStream.calendar_from_ics(_ics(team)).events
    later = IcsCalendarStream.calendar_from_ics(
        _ics(team, STAMP + timedelta(days=3), TODAY + timedelta(days=3))
    ).events
    uids = {e.uid: e.dtstart for e in first}
    again = {e.uid: e.dtstart for e in later}
    shared = set(uids) & set(again)
    assert len(shared) >= len(uids) - 1  # at most this week's meeting has passed
    assert all(uids[u] == again[u] for u in shared)
    capacity = ro.find_capacity(team, "Incident Review")
    assert term_uid(capacity.uid, 1, date(2026, 11, 22)) in uids


def test_markdown_lists_seats_hosts_and_who_served_without_private_notes(team: Store) -> None:
    until = ro.horizon_until(TODAY, 12)
    hosts = ho.host_schedule(team, TODAY, 13)
    text = rotations_document(ro.schedules(team, TODAY, 12), hosts, TODAY, until)
    assert text.startswith("# Meeting rotations")
    assert "## Incident Review" in text and "### Seat 1" in text and "### Seat 2" in text
    assert "| 2026-11-22 | 2026-12-31 | Ana (now) |" in text
    assert "## Leadership meeting hosts" in text and "| 2026-12-29 | skipped |" in text
    assert "### Who has served" in text
    assert SECRET not in text
    mine = rotations_document(ro.schedules(team, TODAY, 12), hosts, TODAY, until, Audience.PRIVATE)
    assert SECRET in mine


@given(st.text(max_size=60))
def test_toml_strings_read_back_unchanged_and_print_plainly(text: str) -> None:
    text = "".join(c for c in text if not 0xD800 <= ord(c) <= 0xDFFF)
    written = toml_keys({"x": text})
    assert tomllib.loads(written)["x"] == text
    # Nothing in the file reorders or hides the text around it on a terminal.
    assert control_character(written.rstrip("\n")) is None
