"""The team's rotation calendar: its events, their UIDs and versions, for both front ends.

Every event has a UID that is unique beyond this database and stable across exports:

- a term (an all-day event per stretch a person serves a seat) is named by its
  capacity's own id (a random UUID given once and carried by the capacity's shared TOML
  definition, so teammates who import the same definition compute the same UIDs), the
  seat and the day the stretch starts;
- the weekly leadership meeting is named by this database's id (a random UUID made
  once) and its day, so two managers' calendars never replace each other's meetings.

An export that went out records what it published (calendar_event, through
:func:`record_published`), so the next export can number changes (SEQUENCE) and cancel
what is gone (:func:`leadtui.domain.calendar.publish`). That record is the only thing an
export writes, whatever its audience; it holds what the file held (team text: names,
capacities, times), never anything private. A refused export (a file in the way)
records nothing.

A database upgraded from a build before these ids may have calendars holding its events
under the UIDs that build made (names and dates alone): its first export also writes
those UIDs, for the events it writes, as cancelled, so no calendar shows them twice.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from leadtui.domain.calendar import CalendarEvent, Published, publish
from leadtui.domain.text import literal
from leadtui.services.hosts import all_host_meetings, host_schedule
from leadtui.services.rotations import DEFAULT_MONTHS, CapacitySchedule, horizon_until, schedules
from leadtui.store.calendar import CalendarRepository
from leadtui.store.database import write_transaction

if TYPE_CHECKING:
    from collections.abc import Callable

    from leadtui.domain.rotations import HostMeeting
    from leadtui.store.database import Store

T = TypeVar("T")

ROTATIONS = "rotations"
_DOMAIN = "leadtui"
# Records of events that ended this long ago are dropped: no export writes them again.
_FORGOTTEN_AFTER_DAYS = 366


class TeamCalendar(NamedTuple):
    """A calendar to write: its events in order, cancelled ones included."""

    name: str
    events: list[Published]
    time_zone: str
    today: date
    until: date
    cancels_older_uids: bool = False
    """Whether it cancels the UIDs an earlier build gave its events (once per database)."""


class _Scheduled(NamedTuple):
    """An event as scheduled now, and the UID an earlier build gave it."""

    event: CalendarEvent
    older_uid: str


def term_uid(capacity_uid: str, seat: int, starts: date) -> str:
    """The UID of a term's stretch: the same in every export (and every database that
    imported the capacity's definition) while it starts that day."""
    return f"rotation-{capacity_uid}-seat{seat}-{starts:%Y%m%d}@{_DOMAIN}"


def host_uid(database_uuid: str, day: date) -> str:
    """The UID of this database's weekly leadership meeting on ``day``."""
    return f"leadership-meeting-{database_uuid}-{day:%Y%m%d}@{_DOMAIN}"


def _older_term_uid(name: str, seat: int, starts: date) -> str:
    """The UID an earlier build gave a term: from the capacity's name, case folded."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")[:40]
    digest = hashlib.sha256(name.casefold().encode("utf-8")).hexdigest()[:8]
    key = f"{slug}-{digest}" if slug else digest
    return f"rotation-{key}-seat{seat}-{starts:%Y%m%d}@{_DOMAIN}"


def _older_host_uid(day: date) -> str:
    """The UID an earlier build gave the meeting on ``day``: from the date alone."""
    return f"leadership-meeting-{day:%Y%m%d}@{_DOMAIN}"


def _term_events(schedule: CapacitySchedule, today: date, until: date) -> list[_Scheduled]:
    capacity = schedule.capacity
    if not capacity.active:
        return []
    found = []
    for seg in schedule.upcoming(today, until):
        if seg.person_id is None:
            continue
        # A control character stored by an earlier version is written as a visible escape:
        # raw, it makes the file one a strict parser refuses.
        who, name = literal(schedule.name_of(seg.person_id)), literal(capacity.name)
        about = f"{who} serves {name}, seat {seg.seat} of {capacity.seats}."
        if capacity.exposure:
            about += f" Serving brings: {literal(capacity.exposure)}."
        event = CalendarEvent(
            term_uid(capacity.uid, seg.seat, seg.starts),
            seg.starts,
            # DTEND of an all-day event is the day after the last one (exclusive).
            seg.ends + timedelta(days=1),
            f"{name}: {who} (seat {seg.seat})",
            about,
            transparent=True,  # a term is a duty, not a busy block
        )
        found.append(_Scheduled(event, _older_term_uid(capacity.name, seg.seat, seg.starts)))
    return found


def _meeting_events(
    meetings: list[HostMeeting], names: dict[int, str], database_uuid: str, zone: str
) -> list[_Scheduled]:
    found = []
    for meeting in meetings:
        if meeting.skipped or meeting.person_id is None:
            continue
        hour, minute = (int(part) for part in meeting.at_time.split(":"))
        starts = datetime.combine(meeting.on, time(hour, minute))
        host = literal(names.get(meeting.person_id, "?"))
        event = CalendarEvent(
            host_uid(database_uuid, meeting.on),
            starts,
            starts + timedelta(minutes=meeting.minutes),
            f"Leadership meeting, hosted by {host}",
            time_zone=zone,
        )
        found.append(_Scheduled(event, _older_host_uid(meeting.on)))
    return found


def rotation_calendar(
    store: Store, today: date, zone: str, months: int = DEFAULT_MONTHS
) -> TeamCalendar:
    """The team's rotation calendar from ``today`` for ``months``, meetings at their hour
    in ``zone`` (an IANA name), numbered against what was last published: changed events
    get the next SEQUENCE, events no longer scheduled come back cancelled. Nothing is
    written: :func:`record_published` records the calendar once its file is out."""
    until = horizon_until(today, months)
    repo = CalendarRepository(store)
    database_uuid = repo.database_uuid()
    scheduled: list[_Scheduled] = []
    for schedule in schedules(store, today, months):
        scheduled += _term_events(schedule, today, until)
    names = host_schedule(store, today, 1).names
    meetings = [m for m in all_host_meetings(store, until) if today <= m.on <= until]
    scheduled += _meeting_events(meetings, names, database_uuid, zone)
    previous = repo.published(ROTATIONS)
    older = repo.older_uids()
    if older:
        # As if each event had been published under the UID an earlier build gave it:
        # publish() then writes those UIDs cancelled, and they are kept like any other.
        for s in scheduled:
            previous.setdefault(s.older_uid, Published(s.event._replace(uid=s.older_uid), 0, False))
    events = publish(previous, [s.event for s in scheduled], today, until)
    return TeamCalendar("Meeting rotations", events, zone, today, until, older)


def record_published(store: Store, calendar: TeamCalendar) -> int:
    """Record ``calendar`` as published, so the next export numbers its changes from it
    (and forget events that ended over a year ago); how many records changed."""
    repo = CalendarRepository(store)
    forget_before = calendar.today - timedelta(days=_FORGOTTEN_AFTER_DAYS)
    with write_transaction(store):
        changed = repo.record(ROTATIONS, calendar.events, datetime.now())
        changed += repo.forget_ended_before(ROTATIONS, forget_before)
        if calendar.cancels_older_uids:
            repo.older_uids_cancelled()
    return changed


def publish_rotation_calendar(
    store: Store, today: date, zone: str, months: int, deliver: Callable[[TeamCalendar], T]
) -> T:
    """Build the team's rotation calendar, hand it to ``deliver`` (which writes it out,
    to a file or the terminal) and, once delivered, record what it published; what
    ``deliver`` returned. Both front ends export the calendar through here: a delivery
    refused (a file in the way) raises and records nothing."""
    calendar = rotation_calendar(store, today, zone, months)
    delivered = deliver(calendar)
    # Once the file is out: the next export numbers its changes from this one. A read-only
    # copy (an archive) cannot keep the record: the file is still written, and its
    # SEQUENCE numbers simply do not advance (see ``READ_ONLY_CALENDAR``).
    if not store.read_only:
        record_published(store, calendar)
    return delivered


# What both front ends say when a calendar is exported from a read-only copy.
READ_ONLY_CALENDAR = (
    "the database is read-only: this calendar is not recorded, so its SEQUENCE numbers "
    "will not advance from a read-only copy"
)
