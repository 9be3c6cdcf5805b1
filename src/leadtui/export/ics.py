"""Rotation schedules as iCalendar (RFC 5545) for the team's calendars.

An all-day event per term (who, capacity, seat) and a timed event per weekly
leadership meeting (the host). Every event carries a UID computed from what it is —
the capacity's name, the seat and the day the stretch starts; the meeting's day — so a
calendar that imports the file again updates its events rather than doubling them, and
a teammate who imports the same definition gets the same UIDs. DTSTAMP is the moment
of export (calendars reject events without one). Only team text is written: names,
capacities, the exposure; never a hand-off note.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta

from leadtui.domain.privacy import Audience, Topic, Visibility, reaches
from leadtui.domain.rotations import HostMeeting
from leadtui.domain.text import literal
from leadtui.services.rotations import CapacitySchedule

PRODID = "-//leadtui//meeting rotations//EN"
_DOMAIN = "leadtui"


def capacity_key(name: str) -> str:
    """A stable key for a capacity's UIDs: readable letters and digits of its name plus a
    short hash of the whole name, so two names that read alike never share UIDs."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")[:40]
    digest = hashlib.sha256(name.casefold().encode("utf-8")).hexdigest()[:8]
    return f"{slug}-{digest}" if slug else digest


def term_uid(capacity: str, seat: int, starts: date) -> str:
    """The UID of a term's stretch: the same in every export while it starts that day."""
    return f"rotation-{capacity_key(capacity)}-seat{seat}-{starts:%Y%m%d}@{_DOMAIN}"


def host_uid(day: date) -> str:
    """The UID of the weekly leadership meeting on ``day``."""
    return f"leadership-meeting-{day:%Y%m%d}@{_DOMAIN}"


def rotations_ics(
    schedules: Sequence[CapacitySchedule],
    meetings: Sequence[HostMeeting],
    names: dict[int, str],
    today: date,
    until: date,
    stamp: datetime,
    audience: Audience = Audience.TEAM,
) -> str:
    """The calendar from ``today`` to ``until``; ``stamp`` is written as every DTSTAMP."""
    from icalendar import Calendar, Event

    # A rotation schedule is team text; asked once here so a change of the rule reaches
    # the calendar too.
    if not reaches(Visibility.SHARED, Topic.ROTATION, audience):
        raise ValueError(f"rotation schedules are not written for the {audience.value} audience")
    stamp = stamp.astimezone(UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Meeting rotations")
    for schedule in schedules:
        capacity = schedule.capacity
        if not capacity.active:
            continue
        for seg in schedule.upcoming(today, until):
            if seg.person_id is None:
                continue
            # A control character stored by an earlier version is written as a visible
            # escape: raw, it makes the file one a strict parser refuses.
            who, name = literal(schedule.name_of(seg.person_id)), literal(capacity.name)
            event = Event()
            event.add("uid", term_uid(capacity.name, seg.seat, seg.starts))
            event.add("dtstamp", stamp)
            event.add("dtstart", seg.starts)
            # DTEND of an all-day event is the day after the last one (exclusive).
            event.add("dtend", seg.ends + timedelta(days=1))
            event.add("summary", f"{name}: {who} (seat {seg.seat})")
            about = f"{who} serves {name}, seat {seg.seat} of {capacity.seats}."
            if capacity.exposure:
                about += f" Serving brings: {literal(capacity.exposure)}."
            event.add("description", about)
            event.add("transp", "TRANSPARENT")  # a term is a duty, not a busy block
            calendar.add_component(event)
    for meeting in meetings:
        if meeting.skipped or meeting.person_id is None or not today <= meeting.on <= until:
            continue
        hour, minute = (int(part) for part in meeting.at_time.split(":"))
        starts = datetime.combine(meeting.on, time(hour, minute))
        host = literal(names.get(meeting.person_id, "?"))
        event = Event()
        event.add("uid", host_uid(meeting.on))
        event.add("dtstamp", stamp)
        # Floating local time: the meeting is at that hour wherever the team is.
        event.add("dtstart", starts)
        event.add("dtend", starts + timedelta(minutes=meeting.minutes))
        event.add("summary", f"Leadership meeting, hosted by {host}")
        calendar.add_component(event)
    text: str = calendar.to_ical().decode("utf-8")
    return text
