"""A calendar file (.ics) read into the weekly meetings of me and one other person.

What Google Calendar, Outlook and Apple Calendar export: `icalendar` parses it,
`x-wr-timezone` applies the zone Google names once in X-WR-TIMEZONE to the times it
writes without one, and `recurring-ical-events` expands each recurring meeting as a
calendar would (EXDATE skips, an override with RECURRENCE-ID moves one occurrence). Only
the weeks before today and the first occurrence from today on are expanded, so a rule
that never ends costs the same as one that does. Outlook's Windows zone names ("W. Europe
Standard Time") are read through their VTIMEZONE or icalendar's table of them.

A file that is not iCalendar, or too large to be a person's calendar, is refused with one
line (nothing is read from it); an event that cannot become a 1:1 (not weekly, no
attendees, a zone nobody knows, dates in year 9999) is skipped and counted.
"""

from __future__ import annotations

import os
import stat
from collections import Counter
from collections.abc import Callable
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from leadtui.domain.calendar import Attendee, CalendarRead, ImportedMeeting, Skipped
from leadtui.domain.dates import FIRST_DAY, LAST_DAY
from leadtui.domain.text import literal
from leadtui.errors import InputError

if TYPE_CHECKING:
    from icalendar import Calendar

# A person's whole calendar over years is a few MB; more is not one to read in one go.
MAX_BYTES = 32 * 1024 * 1024
# Events (each VEVENT, overrides included) a file may hold: years of a busy calendar.
MAX_EVENTS = 10_000
# Whether leadtui knows the other attendee of a meeting (by address or name).
Known = Callable[[Attendee], bool]
# How far back held sessions are looked for: a quarter of weekly 1:1s.
HELD_WEEKS = 12
_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _file_bytes(path: Path) -> bytes:
    try:
        info = os.stat(path)
    except OSError as exc:
        raise InputError(f"{literal(str(path))} cannot be read ({exc.strerror})") from None
    except ValueError:
        raise InputError("no file can have that name") from None
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{literal(str(path))} is not a regular file; give an .ics file")
    if info.st_size > MAX_BYTES:
        raise InputError(
            f"{literal(str(path))} is {info.st_size:,} bytes; a calendar to import is at most "
            f"{MAX_BYTES // 1024 // 1024} MB: export a shorter range"
        )
    try:
        with open(path, "rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InputError(f"{literal(str(path))} cannot be read ({exc.strerror})") from None


def parse_calendar(data: bytes, name: str = "the file") -> Calendar:
    """The calendar in ``data``, Google's X-WR-TIMEZONE applied; one line if it is not
    one, or holds more than :data:`MAX_EVENTS` events."""
    import icalendar
    import x_wr_timezone

    if len(data) > MAX_BYTES:
        raise InputError(f"{name} is larger than {MAX_BYTES // 1024 // 1024} MB")
    events = data.count(b"BEGIN:VEVENT")
    if events > MAX_EVENTS:
        # Counted before parsing: 50,000 events would take minutes to read.
        raise InputError(
            f"{name} holds {events:,} events; leadtui reads at most {MAX_EVENTS:,}: "
            "export only your recurring meetings or a shorter range"
        )
    try:
        calendar = icalendar.Calendar.from_ical(data)
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        reason = literal(str(exc).splitlines()[0][:80]) if str(exc) else "unreadable"
        raise InputError(
            f"{name} is not an iCalendar file ({reason}); export an .ics from your calendar"
        ) from None
    if getattr(calendar, "name", "") != "VCALENDAR":
        raise InputError(f"{name} is not an iCalendar file (no VCALENDAR); export an .ics")
    try:
        standard: Calendar = x_wr_timezone.to_standard(calendar)
    except Exception:
        standard = calendar
    return standard


def read_calendar(
    path: Path, me: str, today: date, zone: tzinfo, known: Known | None = None
) -> CalendarRead:
    """The weekly meetings of ``me`` (an address) and one other person in the file at
    ``path``, their times in ``zone``; with ``known``, only those with someone it knows
    are expanded (the rest are counted, and named in ``unmatched``)."""
    data = _file_bytes(path)
    return meetings_in(parse_calendar(data, literal(str(path))), me, today, zone, known)


def _address(value: object) -> str:
    text = str(value).strip()
    if text.lower().startswith("mailto:"):
        text = text[len("mailto:") :]
    return text.strip().lower()


def _people(event: Any) -> list[Attendee] | None:
    """Organizer and attendees who are people (not rooms), once each; None when the event
    names nobody."""
    found: dict[str, Attendee] = {}
    named = event.get("ATTENDEE")
    attendees = named if isinstance(named, list) else [named] if named is not None else []
    organizer = event.get("ORGANIZER")
    if not attendees:
        return None
    for value in [*attendees, *([organizer] if organizer is not None else [])]:
        params = getattr(value, "params", {})
        if str(params.get("CUTYPE", "INDIVIDUAL")).upper() in ("ROOM", "RESOURCE"):
            continue
        email = _address(value)
        if email and email not in found:
            found[email] = Attendee(email, str(params.get("CN", "")).strip())
    return list(found.values())


def _moment(value: object, zone: tzinfo) -> datetime | None:
    """A start as a moment in ``zone``; None for an all-day date."""
    if not isinstance(value, datetime):
        return None
    # A floating time (no zone) is read as the user's own.
    return value.astimezone(zone) if value.tzinfo is not None else value.replace(tzinfo=zone)


def _meeting(
    own: Calendar, event: Any, me: str, today: date, zone: tzinfo, known: Known | None
) -> ImportedMeeting | Skipped | Attendee:
    """The meeting ``event`` is (``own``: a calendar of it, its overrides and the zones),
    or why it is none."""
    import recurring_ical_events

    rule = event.get("RRULE")
    if rule is None:
        return Skipped.NOT_RECURRING
    start = event.get("DTSTART")
    if start is None:
        return Skipped.NOT_RECURRING
    raw = start.dt
    if not isinstance(raw, datetime):
        return Skipped.ALL_DAY
    if "TZID" in start.params and raw.tzinfo is None:
        return Skipped.UNKNOWN_ZONE
    if not FIRST_DAY <= raw.date() <= LAST_DAY:
        return Skipped.OUT_OF_RANGE
    until = rule.get("UNTIL")
    if until and not FIRST_DAY <= _day(until[0]) <= LAST_DAY:
        return Skipped.OUT_OF_RANGE
    freq = [str(f).upper() for f in rule.get("FREQ", [])]
    days = [str(d).upper() for d in rule.get("BYDAY", [])]
    if freq != ["WEEKLY"] or len(days) > 1 or any(d not in _DAYS for d in days):
        return Skipped.NOT_WEEKLY
    people = _people(event)
    if people is None:
        return Skipped.NO_ATTENDEES
    if me not in {p.email for p in people}:
        return Skipped.NOT_ME
    others = [p for p in people if p.email != me]
    if len(others) != 1:
        return Skipped.NOT_ONE_OTHER
    if known is not None and not known(others[0]):
        return others[0]  # nobody in leadtui: not worth expanding
    interval = int(rule.get("INTERVAL", [1])[0])
    first = _moment(raw, zone)
    assert first is not None
    end = event.get("DTEND")
    if end is not None and isinstance(end.dt, datetime):
        minutes = int((end.dt - raw).total_seconds() // 60)
    elif event.get("DURATION") is not None:
        minutes = int(event["DURATION"].dt.total_seconds() // 60)
    else:
        minutes = 60
    uid = str(event.get("UID", ""))
    since = today - timedelta(weeks=HELD_WEEKS)
    window = recurring_ical_events.of(own).between(since, today + timedelta(weeks=interval + 5))
    held: list[date] = []
    upcoming: list[datetime] = []
    for occurrence in window:
        moment = _moment(occurrence["DTSTART"].dt, zone)
        if moment is None or str(occurrence.get("STATUS", "")).upper() == "CANCELLED":
            continue
        if moment.date() < today:
            held.append(moment.date())
        else:
            upcoming.append(moment)
    if not upcoming:
        return Skipped.ENDED
    # The rule's day and hour as the first occurrence has them in my zone (a moved one
    # aside: the rule's own start is the first).
    return ImportedMeeting(
        uid,
        literal(str(event.get("SUMMARY", "")))[:120],
        others[0],
        max(1, min(interval, 52)),
        first.weekday(),
        f"{first.hour:02d}:{first.minute:02d}",
        max(5, min(minutes, 8 * 60)),
        first.date(),
        tuple(sorted(set(held))),
        min(upcoming).date(),
    )


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def _by_uid(calendar: Calendar) -> dict[str, Calendar]:
    """A calendar per UID, of its events (a meeting and its overrides) and every zone: a
    meeting is expanded alone, and the file is walked once whatever its size."""
    from icalendar import Calendar

    zones = [c for c in calendar.subcomponents if c.name == "VTIMEZONE"]
    found: dict[str, Calendar] = {}
    for component in calendar.subcomponents:
        if component.name != "VEVENT":
            continue
        uid = str(component.get("UID", ""))
        if uid not in found:
            found[uid] = Calendar()
            for zone in zones:
                found[uid].add_component(zone)
        found[uid].add_component(component)
    return found


def meetings_in(
    calendar: Calendar, me: str, today: date, zone: tzinfo, known: Known | None = None
) -> CalendarRead:
    """The weekly 1:1 meetings of ``me`` in ``calendar`` and the count of events skipped,
    by why (see :func:`read_calendar` for ``known``)."""
    me = _address(me)
    meetings: list[ImportedMeeting] = []
    unmatched: list[str] = []
    skipped: Counter[Skipped] = Counter()
    events = 0
    own = _by_uid(calendar)
    for event in calendar.walk("VEVENT"):
        events += 1
        if event.get("RECURRENCE-ID") is not None:
            continue  # an override: read with its meeting
        try:
            found = _meeting(own[str(event.get("UID", ""))], event, me, today, zone, known)
        except (ValueError, TypeError, KeyError, OverflowError, AttributeError):
            # What the parsers refuse of one event (a rule they cannot expand, a year
            # 9999 that overflows): that event proposes nothing; the rest still counts.
            found = Skipped.OUT_OF_RANGE
        except Exception as exc:
            if type(exc).__module__.startswith("recurring_ical_events"):
                found = Skipped.OUT_OF_RANGE
            else:
                raise
        if isinstance(found, Skipped):
            skipped[found] += 1
        elif isinstance(found, Attendee):
            skipped[Skipped.UNMATCHED] += 1
            unmatched.append(literal(found.name or found.email))
        else:
            meetings.append(found)
    return CalendarRead(meetings, dict(skipped), events, tuple(sorted(set(unmatched))))


def zone_named(name: str) -> tzinfo:
    """The zone the config names (an IANA name, checked when config is read)."""
    from datetime import UTC
    from zoneinfo import ZoneInfo

    return UTC if name in ("UTC", "Etc/UTC") else ZoneInfo(name)
