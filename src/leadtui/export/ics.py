"""Rotation schedules as iCalendar (RFC 5545) for the team's calendars.

An all-day event per term (who, capacity, seat) and a timed event per weekly
leadership meeting (the host), as :func:`leadtui.services.calendar.rotation_calendar`
makes them: UIDs unique beyond one database, a SEQUENCE that grows when an event
changes, and events no longer scheduled written once more with STATUS:CANCELLED, so a
calendar that imported an earlier file updates and removes rather than keeping stale
events. Meetings are written in the user's zone (TZID, with its VTIMEZONE), so a team in
two zones sees them at the same instant; terms stay all-day DATE values. DTSTAMP is the
moment of export (calendars reject events without one). Only team text is written:
names, capacities, the exposure; never a hand-off note.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, tzinfo
from typing import TYPE_CHECKING

from leadtui.domain.privacy import Audience, Topic, Visibility, reaches

if TYPE_CHECKING:
    from icalendar import Alarm, Event

    from leadtui.domain.calendar import CalendarEvent
    from leadtui.services.calendar import TeamCalendar

PRODID = "-//leadtui//meeting rotations//EN"
MY_PRODID = "-//leadtui//my one-on-ones//EN"
# Zones whose times are UTC: written with the Z suffix, which needs no VTIMEZONE.
_UTC_NAMES = frozenset({"UTC", "Etc/UTC", "Etc/UCT", "UCT", "Etc/Universal", "Universal",
                        "Etc/Zulu", "Zulu", "Etc/GMT", "GMT", "Etc/GMT0", "GMT0",
                        "Etc/GMT+0", "Etc/GMT-0", "Etc/Greenwich", "Greenwich"})  # fmt: skip


def _zone(name: str | None) -> tzinfo:
    from zoneinfo import ZoneInfo

    if name is None or name in _UTC_NAMES:
        return UTC
    return ZoneInfo(name)


def _moment(value: date | datetime, zone: tzinfo) -> date | datetime:
    # An all-day event stays a DATE; a meeting is its local hour in the zone (TZID).
    return value.replace(tzinfo=zone) if isinstance(value, datetime) else value


def _event(event: CalendarEvent, sequence: int, cancelled: bool, stamp: datetime) -> list[Event]:
    """The VEVENT of ``event``; a recurring one's overrides (moved occurrences) follow it."""
    from icalendar import Event, vRecur

    zone = _zone(event.time_zone)

    def component(starts: date | datetime, ends: date | datetime) -> Event:
        found = Event()
        found.add("uid", event.uid)
        found.add("dtstamp", stamp)
        found.add("sequence", sequence)
        found.add("status", "CANCELLED" if cancelled else "CONFIRMED")
        found.add("dtstart", _moment(starts, zone))
        found.add("dtend", _moment(ends, zone))
        found.add("summary", event.summary)
        if event.description:
            found.add("description", event.description)
        if event.transparent:
            found.add("transp", "TRANSPARENT")
        if event.alarm_minutes and not cancelled:
            found.add_component(_alarm(event.alarm_minutes, event.summary))
        return found

    master = component(event.starts, event.ends)
    recurrence = event.recurrence
    if recurrence is None:
        return [master]
    master.add("rrule", vRecur.from_ical(recurrence.rule))
    for skipped in recurrence.skipped:
        master.add("exdate", _moment(skipped, zone))
    if cancelled:
        return [master]  # cancelling the master cancels every occurrence
    found = [master]
    length = event.ends - event.starts
    for original, moved_to in recurrence.moved:
        override = component(moved_to, moved_to + length)
        override.add("recurrence-id", _moment(original, zone))
        found.append(override)
    return found


def _alarm(minutes: int, summary: str) -> Alarm:
    from datetime import timedelta

    from icalendar import Alarm

    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", f"Prepare: {summary}")
    alarm.add("trigger", timedelta(minutes=-minutes))
    return alarm


def rotations_ics(
    calendar: TeamCalendar, stamp: datetime, audience: Audience = Audience.TEAM
) -> str:
    """The calendar as an .ics text; ``stamp`` is written as every DTSTAMP."""
    # A rotation schedule is team text; asked once here so a change of the rule reaches
    # the calendar too.
    if not reaches(Visibility.SHARED, Topic.ROTATION, audience):
        raise ValueError(f"rotation schedules are not written for the {audience.value} audience")
    return _calendar_ics(calendar, stamp, PRODID)


def my_calendar_ics(calendar: TeamCalendar, stamp: datetime) -> str:
    """My own calendar (1:1 series, the leadership meeting, my terms) as an .ics text.

    It carries names, times and the count of open talking points, never a point's text:
    the one-on-one topic's shared text reaches only me here (my own calendar)."""
    if not reaches(Visibility.SHARED, Topic.ONE_ON_ONE, Audience.PRIVATE):
        raise ValueError("one-on-one schedules are not written for your own calendar")
    return _calendar_ics(calendar, stamp, MY_PRODID)


def _calendar_ics(calendar: TeamCalendar, stamp: datetime, prodid: str) -> str:
    from icalendar import Calendar

    stamp = stamp.astimezone(UTC)
    ics = Calendar()
    ics.add("prodid", prodid)
    ics.add("version", "2.0")
    ics.add("calscale", "GREGORIAN")
    ics.add("x-wr-calname", calendar.name)
    for published in calendar.events:
        for component in _event(published.event, published.sequence, published.cancelled, stamp):
            ics.add_component(component)
    days = [p.event.first_day for p in calendar.events] + [calendar.today, calendar.until]
    # VTIMEZONE definitions for every TZID used, covering the years the events fall in
    # (a zone's whole history would make every file kilobytes longer).
    ics.add_missing_timezones(
        first_date=date(min(days).year - 1, 1, 1), last_date=date(max(days).year + 2, 1, 1)
    )
    text: str = ics.to_ical().decode("utf-8")
    return text
