"""Reading dates the way people type them.

ISO (2026-11-22) first, then today / yesterday / tomorrow and weekday names,
then anything python-dateutil reads (``22 Nov 2026``, ``Nov 22``). A date that
looks right but does not exist (2026-02-31, 31/02) is refused with a message
saying so. Numeric day/month forms follow dateutil's month-first default
(03/04 is 4 March) unless the day is over 12.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import NamedTuple

from leadtui.domain.text import quoted
from leadtui.errors import InputError

# The one home of weekday names: every parser, form and label reads them from here.
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_ISO = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$", re.ASCII)
ACCEPTED = "use YYYY-MM-DD (e.g. 2026-11-22), today, yesterday, tomorrow or a weekday"
# "monday" alone is the most recent Monday (today included), or the next with future=True.

# Every date a person types lies in these years. Nobody leads a team in 1850 or 9999, and
# the rules that add weeks to a date (the next 1:1, a move's look-around) stay far from
# the end of Python's calendar (9999-12-31), where that arithmetic would overflow.
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2200, 12, 31)
DAY_RANGE = f"give a date from {FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}"


def add_months(day: date, months: int) -> date:
    """``day`` moved by ``months`` calendar months (negative goes back), the day of the
    month clamped to the target month's last: 31 January + 1 month is 28 (or 29)
    February, as ``relativedelta(months=...)`` gives. Plain arithmetic, so schedules
    computed on Today's start never import dateutil."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    # The last day of the target month: the day before the next month's first.
    next_first = date(year + (month == 12), month % 12 + 1, 1)
    last = (next_first - timedelta(days=1)).day
    return date(year, month, min(day.day, last))


def weekday_index(word: str) -> int | None:
    """Monday = 0 … Sunday = 6 for a weekday name or its start ("tue", "Thurs"), or None.

    Three letters at least: "t" or "s" would be two days at once.
    """
    word = word.strip().lower()
    if len(word) < 3:
        return None
    return next((i for i, name in enumerate(WEEKDAYS) if name.startswith(word)), None)


def weekday_name(index: int) -> str:
    """The capitalised name of weekday ``index`` (Monday = 0): Tuesday for 1."""
    return WEEKDAYS[index].capitalize()


def weekday_label(index: int) -> str:
    """The three-letter label of weekday ``index`` (Monday = 0): Tue for 1."""
    return WEEKDAYS[index][:3].capitalize()


def in_range(day: date, field: str = "date") -> date:
    """``day`` if it lies between :data:`FIRST_DAY` and :data:`LAST_DAY`, else a refusal
    naming ``field`` and the accepted years."""
    if not FIRST_DAY <= day <= LAST_DAY:
        raise InputError(f"{field} {day.isoformat()} is out of range; {DAY_RANGE}")
    return day


def parse_date(text: str, today: date, *, field: str = "date", future: bool = False) -> date:
    """Parse ``text`` into a date relative to ``today``, within the years 1900–2200.

    A weekday name means the most recent such day (today included) or, with
    ``future``, the next one (today included).
    """
    try:
        day = _parse(text, today, field, future)
    except OverflowError:
        # "tomorrow" on the last day Python knows; the range check below says what to do.
        raise InputError(f"{field}: {quoted(text)} is out of range; {DAY_RANGE}") from None
    return in_range(day, field)


def _parse(text: str, today: date, field: str, future: bool) -> date:
    raw = text.strip()
    word = raw.lower()
    if not raw:
        raise InputError(f"{field} is empty; {ACCEPTED}")
    if word == "today":
        return today
    if word == "yesterday":
        return today - timedelta(days=1)
    if word == "tomorrow":
        return today + timedelta(days=1)
    if word.startswith(("last ", "next ")):
        # "last monday" is the most recent Monday before today; "next monday" the one after.
        direction, _, day_word = word.partition(" ")
        index = weekday_index(day_word)
        if index is not None:
            if direction == "last":
                return today - timedelta(days=(today.weekday() - index - 1) % 7 + 1)
            return today + timedelta(days=(index - today.weekday() - 1) % 7 + 1)
    index = weekday_index(word)
    if index is not None:
        delta = (index - today.weekday()) % 7 if future else -((today.weekday() - index) % 7)
        return today + timedelta(days=delta)
    if _ISO.match(raw):
        year, month, day = (int(part) for part in raw.split("-"))
        try:
            return date(year, month, day)
        except ValueError:
            raise InputError(f"{field}: {quoted(raw)} is not a real date; {ACCEPTED}") from None
    # dateutil is imported only here: most commands never need it.
    from dateutil import parser as date_parser

    try:
        parsed = date_parser.parse(raw, default=datetime(today.year, today.month, today.day))
    except (ValueError, OverflowError):
        raise InputError(f"{field}: {quoted(raw)} is not a date; {ACCEPTED}") from None
    return parsed.date()


def format_date(value: date | None) -> str:
    """ISO text for a date, or an empty string."""
    return value.isoformat() if value else ""


# The one style screens show a day in: "Mon 7 Dec", with the year when it is not this
# year ("Mon 7 Dec 2027"). Files and JSON keep ISO dates; month names are English, like
# the rest of the interface, so no platform strftime flags or locale are involved.
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day_label(day: date, today: date | None = None) -> str:
    """A day as screens show it: "Mon 7 Dec", plus the year when it differs from today's."""
    text = f"{WEEKDAYS[day.weekday()][:3].title()} {day.day} {_MONTHS[day.month - 1]}"
    if today is None or day.year != today.year:
        return f"{text} {day.year}" if today is not None else text
    return text


def short_day_label(day: date, today: date | None = None) -> str:
    """A day without its weekday, for narrow columns: "7 Dec" (or "7 Dec 2027")."""
    text = f"{day.day} {_MONTHS[day.month - 1]}"
    return f"{text} {day.year}" if today is not None and day.year != today.year else text


class Words(tuple[str | date, ...]):
    """A sentence with dates in it, kept as dates so each front end writes them its own
    way: ISO in the shell, files and JSON, a day label on screens."""

    def __new__(cls, *parts: str | date) -> Words:
        """The sentence's text and dates in reading order."""
        return super().__new__(cls, parts)

    def written(self, label: Callable[[date], str] = date.isoformat) -> str:
        """The sentence with each date written by ``label``."""
        return "".join(label(part) if isinstance(part, date) else part for part in self)

    def as_shown(self, today: date) -> str:
        """The sentence as screens show it: each date as a day label ("Sat 25 Jul")."""
        return self.written(lambda day: day_label(day, today))


# --- halves -----------------------------------------------------------------------------

_HALF = re.compile(r"^(\d{4})\s*-?\s*H(\d)$")


class Half(NamedTuple):
    """A review half: H1 is the first six months of the year that starts in
    ``start_month`` (January by default, so H1 = Jan–Jun and H2 = Jul–Dec); ``year``
    is the calendar year in which that year starts."""

    year: int
    number: int

    @property
    def label(self) -> str:
        """E.g. ``2026-H2``."""
        return f"{self.year}-H{self.number}"

    def previous(self) -> Half:
        """The half before this one."""
        return Half(self.year, 1) if self.number == 2 else Half(self.year - 1, 2)

    def next(self) -> Half:
        """The half after this one."""
        return Half(self.year, 2) if self.number == 1 else Half(self.year + 1, 1)

    def bounds(self, start_month: int = 1) -> tuple[date, date]:
        """First and last day of the half."""
        months = start_month - 1 + (self.number - 1) * 6
        first = date(self.year + months // 12, months % 12 + 1, 1)
        after = months + 6
        end = date(self.year + after // 12, after % 12 + 1, 1) - timedelta(days=1)
        return first, end


def half_of(day: date, start_month: int = 1) -> Half:
    """The half containing ``day``."""
    months_in = (day.month - start_month) % 12
    year = day.year if day.month >= start_month else day.year - 1
    return Half(year, 1 if months_in < 6 else 2)


def parse_half(text: str | None, today: date, start_month: int = 1, field: str = "half") -> Half:
    """``2026-H2`` (also ``2026H2``), ``this`` or ``last``; None means this half. A refusal
    names the half as ``field``."""
    raw = "this" if text is None else text.strip()
    word = raw.lower()
    if not raw:
        raise InputError(f"{field} is empty; give a half like {half_of(today, start_month).label}")
    if word in ("this", "current", "now"):
        return half_of(today, start_month)
    if word in ("last", "previous", "prev"):
        return half_of(today, start_month).previous()
    match = _HALF.match(raw.upper())
    if match and match.group(2) in ("1", "2"):
        year = int(match.group(1))
        if not FIRST_DAY.year <= year <= LAST_DAY.year:
            raise InputError(
                f"{field} {quoted(raw)} is out of range; "
                f"give a year from {FIRST_DAY.year} to {LAST_DAY.year}"
            )
        return Half(year, int(match.group(2)))
    if re.match(r"^H\d$", raw.upper()):
        raise InputError(f"{field} {quoted(raw)} needs its year, e.g. {today.year}-{raw.upper()}")
    raise InputError(
        f"{field} must be a half like {half_of(today, start_month).label} (H1 or H2), "
        f"this or last; got {quoted(raw)}"
    )


def timestamp(moment: datetime | None = None) -> str:
    """``moment`` (default: the clock, local time) as the ISO text to the second that
    records when a row was written or a change made.

    The one place a stamp is formatted, so every table stores it alike and a cutoff
    compares as text. Reading the clock here is safe: no rule reads a stamp (rules take
    ``today``), it only records the write.
    """
    return (moment or datetime.now()).isoformat(timespec="seconds")
