"""Calendar events as leadtui publishes them, and the rule that numbers their versions.

A calendar client that imported a file matches a later file's events by UID: an event
with a higher SEQUENCE replaces the one it has, and one with STATUS:CANCELLED removes it.
An event simply left out of a file changes nothing in that calendar. So every export
compares what it would write with what was last published under each UID
(:func:`publish`): a changed event gets the next SEQUENCE, an unchanged one keeps its
own, and one that is no longer scheduled is written once more, cancelled, while it is not
long past.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import NamedTuple

# A cancelled event stays in the files written until this many days after it ended, so
# a teammate who imports a later file still learns of it; past that it is dropped.
CANCELLED_KEPT_DAYS = 30


class Recurrence(NamedTuple):
    """How a recurring event repeats: an RRULE, the occurrences it skips (EXDATE) and the
    ones moved elsewhere (each written as an override with its RECURRENCE-ID).

    Every moment is a local date-time in the event's zone, like its start.
    """

    rule: str
    """The RRULE value, e.g. ``FREQ=WEEKLY;INTERVAL=2;BYDAY=TU``."""
    skipped: tuple[datetime, ...] = ()
    moved: tuple[tuple[datetime, datetime], ...] = ()
    """(the rule's occurrence, where it starts now) per moved occurrence."""

    def as_text(self) -> str:
        """One line of JSON that :meth:`from_text` reads back (how it is stored)."""
        return json.dumps(
            {
                "rule": self.rule,
                "skipped": [m.isoformat() for m in self.skipped],
                "moved": [[a.isoformat(), b.isoformat()] for a, b in self.moved],
            },
            sort_keys=True,
        )

    @classmethod
    def from_text(cls, text: str) -> Recurrence:
        """The recurrence :meth:`as_text` wrote."""
        data = json.loads(text)
        return cls(
            str(data["rule"]),
            tuple(datetime.fromisoformat(m) for m in data["skipped"]),
            tuple((datetime.fromisoformat(a), datetime.fromisoformat(b)) for a, b in data["moved"]),
        )


class CalendarEvent(NamedTuple):
    """One event as scheduled now.

    ``starts``/``ends`` are dates for an all-day event (``ends`` exclusive, as DTEND) or
    local date-times without a zone for a timed one, whose zone is ``time_zone``. A
    recurring event's ``starts``/``ends`` are its first occurrence's; ``alarm_minutes``
    asks for a reminder that many minutes before each occurrence.
    """

    uid: str
    starts: date | datetime
    ends: date | datetime
    summary: str
    description: str | None = None
    transparent: bool = False
    time_zone: str | None = None
    recurrence: Recurrence | None = None
    alarm_minutes: int | None = None

    @property
    def first_day(self) -> date:
        """The day the event starts."""
        return _day(self.starts)

    @property
    def last_day(self) -> date:
        """The last day the event covers (an all-day DTEND is the day after); a recurring
        event never ends (its rule has no end)."""
        if self.recurrence is not None:
            return date.max
        if isinstance(self.ends, datetime):
            return max(self.ends.date(), self.first_day)
        return max(self.ends - timedelta(days=1), self.first_day)


class Published(NamedTuple):
    """An event as it is (or was last) published: its version and whether it is off."""

    event: CalendarEvent
    sequence: int
    cancelled: bool

    @property
    def fingerprint(self) -> str:
        """What a calendar would see change: times, zone, words, transparency, status."""
        return fingerprint(self.event, self.cancelled)


def _day(moment: date | datetime) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


def fingerprint(event: CalendarEvent, cancelled: bool) -> str:
    """A short digest of everything an export writes about ``event`` but its SEQUENCE."""
    fields: list[object] = [
        event.uid,
        event.starts.isoformat(),
        type(event.starts).__name__,
        event.ends.isoformat(),
        event.time_zone,
        event.summary,
        event.description,
        event.transparent,
        cancelled,
    ]
    # Only written when present, so an event without them keeps the fingerprint it was
    # published with before recurrences and reminders existed.
    if event.recurrence is not None:
        fields.append(event.recurrence.as_text())
    if event.alarm_minutes is not None:
        fields.append(event.alarm_minutes)
    return hashlib.sha256(json.dumps(fields).encode("utf-8")).hexdigest()[:32]


def publish(
    previous: Mapping[str, Published],
    current: Sequence[CalendarEvent],
    today: date,
    until: date,
) -> list[Published]:
    """What an export covering ``today``..``until`` writes, given what was published.

    Every current event, with the SEQUENCE it had when nothing changed, the next one
    when something did, and 0 when it is new (a cancelled one scheduled again is a
    change). Then every earlier event no longer scheduled: cancelled with the next
    SEQUENCE when it falls within the export's days (one outside them merely left the
    window, and is neither written nor cancelled), and written again as it was while
    a cancelled event ended no more than :data:`CANCELLED_KEPT_DAYS` ago.
    """
    found: list[Published] = []
    for event in current:
        before = previous.get(event.uid)
        now = Published(event, 0, False)
        if before is not None:
            same = before.fingerprint == now.fingerprint
            now = now._replace(sequence=before.sequence if same else before.sequence + 1)
        found.append(now)
    scheduled = {event.uid for event in current}
    kept_from = today - timedelta(days=CANCELLED_KEPT_DAYS)
    for uid, before in sorted(previous.items()):
        if uid in scheduled:
            continue
        event = before.event
        if before.cancelled:
            if event.last_day >= kept_from and event.first_day <= until:
                found.append(before)
        elif event.last_day >= today and event.first_day <= until:
            found.append(Published(event, before.sequence + 1, True))
    return found


# --- a calendar read in -----------------------------------------------------------------


class Attendee(NamedTuple):
    """Someone a meeting names: their address (lower case) and the name shown, if any."""

    email: str
    name: str


class ImportedMeeting(NamedTuple):
    """A weekly meeting of me and one other person, as a calendar file has it, in my zone.

    ``held`` are its occurrences in the weeks before today (skips left out, moves applied:
    the calendar's own expansion); ``next_on`` its first occurrence from today on;
    ``cancelled`` the rule dates from today on it skips, ``moved`` (rule date, new date)
    the ones it moves.
    """

    uid: str
    summary: str
    other: Attendee
    every_weeks: int
    weekday: int
    at_time: str
    minutes: int
    starts_on: date
    held: tuple[date, ...]
    next_on: date | None
    cancelled: tuple[date, ...] = ()
    moved: tuple[tuple[date, date], ...] = ()


class Skipped(StrEnum):
    """Why an event of an imported calendar proposes nothing (counted, never an error)."""

    NOT_RECURRING = "not recurring"
    NOT_WEEKLY = "not weekly on one day"
    NO_ATTENDEES = "no attendees"
    NOT_ME = "without you"
    NOT_ONE_OTHER = "not one other person"
    UNKNOWN_ZONE = "unknown time zone"
    OUT_OF_RANGE = "dates outside 1900-2200"
    ENDED = "ended"
    ALL_DAY = "all day"
    UNMATCHED = "with someone not in leadtui"


class CalendarRead(NamedTuple):
    """What a calendar file held: its 1:1 meetings, and how many events proposed nothing."""

    meetings: list[ImportedMeeting]
    skipped: dict[Skipped, int]
    events: int
    unmatched: tuple[str, ...] = ()
    """The other attendee of each meeting with someone leadtui does not know."""
