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

from leadtui.domain.calendar import CalendarEvent, Published, Recurrence, publish
from leadtui.domain.oneonones import PointStatus, Series, SeriesStatus, is_rule_date, rule_dates
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
MINE = "mine"
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
    key: str = ROTATIONS
    """Which calendar's record numbers its events (each calendar keeps its own)."""


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


def _term_events(
    schedule: CapacitySchedule, today: date, until: date, only: int | None = None
) -> list[_Scheduled]:
    """The terms of ``schedule`` (those of the person ``only`` when given)."""
    capacity = schedule.capacity
    if not capacity.active:
        return []
    found = []
    for seg in schedule.upcoming(today, until):
        if seg.person_id is None or (only is not None and seg.person_id != only):
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
    meetings: list[HostMeeting],
    names: dict[int, str],
    database_uuid: str,
    zone: str,
    uid: Callable[[str, date], str] | None = None,
) -> list[_Scheduled]:
    found = []
    for meeting in meetings:
        if meeting.skipped or meeting.person_id is None:
            continue
        hour, minute = (int(part) for part in meeting.at_time.split(":"))
        starts = datetime.combine(meeting.on, time(hour, minute))
        host = literal(names.get(meeting.person_id, "?"))
        event = CalendarEvent(
            (uid or host_uid)(database_uuid, meeting.on),
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
        changed = repo.record(calendar.key, calendar.events, datetime.now())
        changed += repo.forget_ended_before(calendar.key, forget_before)
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
    return _publish(store, rotation_calendar(store, today, zone, months), deliver)


def publish_my_calendar(
    store: Store,
    today: date,
    settings: MyCalendarSettings,
    months: int,
    deliver: Callable[[TeamCalendar], T],
) -> T:
    """Build my own calendar (:func:`my_calendar`), hand it to ``deliver`` and, once
    delivered, record what it published, as :func:`publish_rotation_calendar` does."""
    return _publish(store, my_calendar(store, today, settings, months), deliver)


def _publish(store: Store, calendar: TeamCalendar, deliver: Callable[[TeamCalendar], T]) -> T:
    delivered = deliver(calendar)
    # Once the file is out: the next export numbers its changes from this one. A read-only
    # copy (an archive) cannot keep the record: the file is still written, and its
    # SEQUENCE numbers simply do not advance (see ``READ_ONLY_CALENDAR``).
    if not store.read_only:
        record_published(store, calendar)
    return delivered


# --- my own calendar: 1:1 series, the leadership meeting, my terms ------------------------


class MyCalendarSettings(NamedTuple):
    """What my calendar is written with: the zone of its meetings, my address (which of
    the people is me, for my rotation terms) and the minutes of a prep reminder (0: none)."""

    time_zone: str
    my_email: str = ""
    prep_minutes: int = 0


_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def series_uid(database_uuid: str, series_id: int) -> str:
    """The UID of a 1:1 series in my calendar: the same in every export while the series
    exists. From a digest of the database's id and the series, so no local row id leaves
    the database and two databases never share one."""
    digest = hashlib.sha256(f"{database_uuid}:oo_series:{series_id}".encode()).hexdigest()
    return f"oneonone-{digest[:24]}@{_DOMAIN}"


def my_meeting_uid(database_uuid: str, day: date) -> str:
    """The UID of the leadership meeting on ``day`` in my calendar: apart from the team
    calendar's (each calendar numbers its own versions of an event)."""
    return f"my-leadership-meeting-{database_uuid}-{day:%Y%m%d}@{_DOMAIN}"


def series_recurrence(series: Series, changes: dict[date, date | None]) -> Recurrence:
    """A series' rule as an RRULE, its skips as EXDATEs and its moves as overrides, at
    the series' hour (the dates :func:`leadtui.domain.oneonones.session_dates` gives)."""
    hour, minute = (int(part) for part in series.at_time.split(":"))
    at = time(hour, minute)
    skipped, moved = [], []
    for original, moved_to in sorted(changes.items()):
        # A change stored for a date the rule no longer has decides nothing.
        if not is_rule_date(series, original):
            continue
        if moved_to is None:
            skipped.append(datetime.combine(original, at))
        else:
            moved.append((datetime.combine(original, at), datetime.combine(moved_to, at)))
    # WKST=MO: "every N weeks" counts weeks from Monday, as the rule's own arithmetic does.
    rule = f"FREQ=WEEKLY;INTERVAL={series.every_weeks};BYDAY={_BYDAY[series.weekday]};WKST=MO"
    return Recurrence(rule, tuple(skipped), tuple(moved))


def _series_events(
    store: Store, database_uuid: str, zone: str, prep_minutes: int
) -> list[CalendarEvent]:
    from leadtui.services.people import list_people
    from leadtui.store.oneonones import OneOnOneRepository

    repo = OneOnOneRepository(store)
    people = {p.id: p for p in list_people(store)}
    changes = repo.all_changes()
    found = []
    for series in repo.all_series():
        person = people.get(series.person_id)
        if person is None or series.ad_hoc or series.status is not SeriesStatus.ACTIVE:
            continue  # archived, ad hoc, paused or ended: no sessions to show
        first = rule_dates(series, series.starts_on, series.starts_on + timedelta(weeks=60))
        if not first:
            continue  # starts beyond the last day a date may be typed for
        hour, minute = (int(part) for part in series.at_time.split(":"))
        starts = datetime.combine(first[0], time(hour, minute))
        # The count, never a point's text: a calendar is seen by whoever sees my screen.
        count = len([p for p in repo.open_points(series.id) if p.status is PointStatus.OPEN])
        who = literal(person.name)
        found.append(
            CalendarEvent(
                series_uid(database_uuid, series.id),
                starts,
                starts + timedelta(minutes=series.minutes),
                f"1:1 with {who}",
                f"1:1 with {who}: {count} open talking point{'s' if count != 1 else ''}.",
                time_zone=zone,
                recurrence=series_recurrence(series, changes.get(series.id, {})),
                alarm_minutes=prep_minutes or None,
            )
        )
    return found


def my_calendar(
    store: Store, today: date, settings: MyCalendarSettings, months: int = DEFAULT_MONTHS
) -> TeamCalendar:
    """My own calendar: each active 1:1 series as one recurring event, the leadership
    meetings of the next ``months`` with their host, and the rotation terms of the person
    whose address is mine; numbered against what it last published, like the team's."""
    from leadtui.services.people import person_with_email

    zone = settings.time_zone
    until = horizon_until(today, months)
    repo = CalendarRepository(store)
    database_uuid = repo.database_uuid()
    events = _series_events(store, database_uuid, zone, settings.prep_minutes)
    names = host_schedule(store, today, 1).names
    meetings = [m for m in all_host_meetings(store, until) if today <= m.on <= until]
    events += [
        s.event for s in _meeting_events(meetings, names, database_uuid, zone, my_meeting_uid)
    ]
    me = person_with_email(store, settings.my_email) if settings.my_email else None
    if me is not None:
        for schedule in schedules(store, today, months):
            # "my-" apart from the team calendar's UID: each calendar numbers its own.
            events += [
                s.event._replace(uid=f"my-{s.event.uid}")
                for s in _term_events(schedule, today, until, only=me.id)
            ]
    published = publish(repo.published(MINE), events, today, until)
    return TeamCalendar("My 1:1s and rotations", published, zone, today, until, key=MINE)


# What both front ends say when a calendar is exported from a read-only copy.
READ_ONLY_CALENDAR = (
    "the database is read-only: this calendar is not recorded, so its SEQUENCE numbers "
    "will not advance from a read-only copy"
)
