"""A calendar file (.ics) read into the weekly meetings of me and one other person.

What Google Calendar, Outlook and Apple Calendar export: `icalendar` parses it,
`x-wr-timezone` applies the zone Google names once in X-WR-TIMEZONE to the times it
writes without one, and `recurring-ical-events` expands each recurring meeting as a
calendar would (EXDATE skips, an override with RECURRENCE-ID moves one occurrence). Only
the weeks before today and the first occurrence from today on are expanded, from a start
moved up to just before them, so a rule that never ends (or began in 1901) costs the same
as one that does; the cancelled and moved occurrences of the coming year are read from
the file as they are. Outlook's Windows zone names ("W. Europe
Standard Time") are read through their VTIMEZONE or icalendar's table of them.

A file that is not iCalendar, or too large to be a person's calendar, is refused with one
line (nothing is read from it); an event that cannot become a 1:1 (not weekly, no
attendees, a zone nobody knows, dates in year 9999) is skipped and counted.
"""

from __future__ import annotations

import copy
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
# How far ahead a cancelled or moved occurrence is read: a year of plans.
CHANGES_DAYS = 366
# Occurrences expanded in all (about 18 per weekly meeting): more is not one person's
# calendar, and would take minutes.
MAX_OCCURRENCES = 60_000


class _Budget:
    """The occurrences a reading may still expand; one line refuses the file past it."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.spent = 0

    def spend(self, count: int) -> None:
        self.spent += count
        if self.spent > MAX_OCCURRENCES:
            raise InputError(
                f"{self.name} holds more than {MAX_OCCURRENCES:,} meetings in the weeks "
                "around today; export only your own calendar or a shorter range"
            )


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
    name = literal(str(path))
    return meetings_in(parse_calendar(data, name), me, today, zone, known, name)


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
    own: Calendar,
    event: Any,
    me: str,
    today: date,
    zone: tzinfo,
    known: Known | None,
    budget: _Budget,
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
    interval = max(1, int(rule.get("INTERVAL", [1])[0]))
    end = event.get("DTEND")
    if end is not None and isinstance(end.dt, datetime):
        minutes = int((end.dt - raw).total_seconds() // 60)
    elif event.get("DURATION") is not None:
        minutes = int(event["DURATION"].dt.total_seconds() // 60)
    else:
        minutes = 60
    uid = str(event.get("UID", ""))
    since = today - timedelta(weeks=HELD_WEEKS)
    horizon = today + timedelta(weeks=interval + 5)
    expanded = _starting_near(own, event, raw, since, interval, days)
    if expanded is None:
        return Skipped.ENDED
    window = recurring_ical_events.of(expanded).between(since, horizon)
    budget.spend(len(window))
    held: list[date] = []
    upcoming: list[datetime] = []
    kept: list[datetime] = []  # occurrences where the rule puts them (not moved)
    for occurrence in window:
        moment = _moment(occurrence["DTSTART"].dt, zone)
        if moment is None or str(occurrence.get("STATUS", "")).upper() == "CANCELLED":
            continue
        if moment.date() < today:
            held.append(moment.date())
        else:
            upcoming.append(moment)
        original = occurrence.get("RECURRENCE-ID")
        if original is None or _moment(original.dt, zone) == moment:
            kept.append(moment)
    if not upcoming:
        return Skipped.ENDED
    # The day and hour of the next occurrence the rule puts in place, in my zone: the
    # rule's own start may lie across a daylight-saving change (a June 10:00 in Berlin is
    # 08:00 UTC, its winter meetings 09:00 UTC).
    ahead = [m for m in kept if m.date() >= today]
    pattern = min(ahead) if ahead else min(upcoming)
    first = _moment(raw, zone)
    assert first is not None
    starts_on = first.date()
    if starts_on < since:
        # An old start (even 1901) is not news: the first rule date of the weeks read.
        starts_on = min(m.date() for m in (kept or upcoming))
    cancelled, moved = _future_changes(own, event, zone, today, horizon_changes(today))
    return ImportedMeeting(
        uid,
        literal(str(event.get("SUMMARY", "")))[:120],
        others[0],
        max(1, min(interval, 52)),
        pattern.weekday(),
        f"{pattern.hour:02d}:{pattern.minute:02d}",
        max(5, min(minutes, 8 * 60)),
        starts_on,
        tuple(sorted(set(held))),
        min(upcoming).date(),
        cancelled,
        moved,
    )


def horizon_changes(today: date) -> date:
    """The last day a cancelled or moved occurrence is read for: a year ahead."""
    return today + timedelta(days=CHANGES_DAYS)


def _starting_near(
    own: Calendar, event: Any, raw: datetime, since: date, interval: int, days: list[str]
) -> Calendar | None:
    """``own`` with the meeting's start moved forward by whole periods to just before
    ``since`` (None when its COUNT ends before): a calendar library expands a rule from
    its start, so one from 1901 would walk 125 years of weeks to reach today."""
    from icalendar import Calendar

    period = 7 * interval
    # A whole period before ``since`` at least: an unmoved start that is not a rule day
    # (BYDAY elsewhere) counts as an occurrence of its own, and must stay outside.
    steps = ((since - timedelta(days=7)) - raw.date()).days // period
    if steps <= 0:
        return own
    rule = event["RRULE"]
    count = rule.get("COUNT")
    if count:
        if days and days[0] != _DAYS[raw.weekday()]:
            return own  # the start is an extra occurrence: COUNT cannot be carried over
        left = int(count[0]) - steps
        if left <= 0:
            return None
    shift = timedelta(days=steps * period)
    master = copy.copy(event)
    # Wall-clock arithmetic in the start's own zone: the rule keeps its local hour.
    for name in ("DTSTART", "DTEND"):
        if name in master:
            moved = copy.copy(master[name])
            moved.dt = moved.dt + shift
            master[name] = moved
    if count:
        fewer = copy.deepcopy(rule)
        fewer["COUNT"] = [left]
        master["RRULE"] = fewer
    found = Calendar()
    for component in own.subcomponents:
        found.add_component(master if component is event else component)
    return found


def _moments(event: Any, name: str) -> list[object]:
    values = event.get(name)
    lists = values if isinstance(values, list) else [values] if values is not None else []
    return [one.dt for listed in lists for one in getattr(listed, "dts", [])]


def _future_changes(
    own: Calendar, event: Any, zone: tzinfo, today: date, until: date
) -> tuple[tuple[date, ...], tuple[tuple[date, date], ...]]:
    """The occurrences from today to ``until`` the calendar cancels (EXDATE, or an
    override with STATUS:CANCELLED) and the ones it moves (rule date, new date), in my
    zone."""
    cancelled: set[date] = set()
    moved: dict[date, date] = {}
    for value in _moments(event, "EXDATE"):
        moment = _moment(value, zone)
        if moment is not None and today <= moment.date() <= until:
            cancelled.add(moment.date())
    overrides: list[Any] = [c for c in own.subcomponents if c.name == "VEVENT"]
    for override in overrides:
        if override.get("RECURRENCE-ID") is None:
            continue
        original = _moment(override["RECURRENCE-ID"].dt, zone)
        if original is None or not today <= original.date() <= until:
            continue
        if str(override.get("STATUS", "")).upper() == "CANCELLED":
            cancelled.add(original.date())
            continue
        start = override.get("DTSTART")
        now = _moment(start.dt, zone) if start is not None else None
        if now is not None and now.date() != original.date():
            moved[original.date()] = now.date()
    return tuple(sorted(cancelled)), tuple(sorted(moved.items()))


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
    calendar: Calendar,
    me: str,
    today: date,
    zone: tzinfo,
    known: Known | None = None,
    name: str = "the file",
) -> CalendarRead:
    """The weekly 1:1 meetings of ``me`` in ``calendar`` and the count of events skipped,
    by why (see :func:`read_calendar` for ``known``)."""
    me = _address(me)
    meetings: list[ImportedMeeting] = []
    unmatched: list[str] = []
    skipped: Counter[Skipped] = Counter()
    events = 0
    own = _by_uid(calendar)
    budget = _Budget(name)
    for event in calendar.walk("VEVENT"):
        events += 1
        if event.get("RECURRENCE-ID") is not None:
            continue  # an override: read with its meeting
        try:
            found = _meeting(own[str(event.get("UID", ""))], event, me, today, zone, known, budget)
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
