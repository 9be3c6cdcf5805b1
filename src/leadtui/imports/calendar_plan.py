"""A calendar file read into the proposals it makes: the one way the command line and the
app do it.

The address the user is in the calendar is checked as an address, the file is read
(:mod:`leadtui.imports.ics`, only the meetings with someone leadtui knows expanded) and its
meetings proposed (:mod:`leadtui.services.calendar_import`); the names nobody matched and
the counts of what was skipped are gathered once, worded once.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from leadtui.domain.people import email_address
from leadtui.domain.text import plural
from leadtui.errors import InputError

if TYPE_CHECKING:
    from datetime import date

    from leadtui.domain.calendar import CalendarRead
    from leadtui.services.calendar_import import ImportPlan
    from leadtui.store.database import Store

# Names shown of those nobody matched: a calendar of every meeting names many people.
SHOWN_NAMES = 5


class PlanRead(NamedTuple):
    """What a calendar file held and what it proposes (its unmatched names merged)."""

    read: CalendarRead
    plan: ImportPlan

    @property
    def skipped(self) -> str:
        """The events that proposed nothing, counted by why (empty when none)."""
        return ", ".join(f"{n} {why.value}" for why, n in sorted(self.read.skipped.items()))

    @property
    def unmatched(self) -> str:
        """The first few names nobody matched, and how many more (empty when none)."""
        names = self.plan.unmatched
        more = len(names) - SHOWN_NAMES
        return ", ".join(names[:SHOWN_NAMES]) + (f" and {more} more" if more > 0 else "")

    @property
    def summary(self) -> str:
        """How many events the file held and how many were 1:1s with the user."""
        meetings = plural(len(self.read.meetings), "recurring 1:1")
        return f"{plural(self.read.events, 'event')}, {meetings} with you"


def my_address(typed: str) -> str:
    """The address the user is in a calendar; one line when it is none or not one."""
    try:
        me = email_address(typed)
    except ValueError as exc:
        raise InputError(f"your address (--me or my_email under [calendar]): {exc}",
                         field="me") from None  # fmt: skip
    if me is None:
        raise InputError(
            "who are you in this calendar? set my_email under [calendar] in config.toml "
            "(or give --me EMAIL)",
            field="me",
        )
    return me


def read_plan(store: Store, path: str, me: str, today: date, zone: str) -> PlanRead:
    """The calendar file at ``path`` (``~`` expanded) read into proposals for the user
    at address ``me``, times in the zone named ``zone``; nothing is written."""
    from leadtui.imports.ics import read_calendar, zone_named
    from leadtui.services.calendar_import import known_attendee, propose

    address = my_address(me)
    if not path.strip():
        raise InputError("type the path of an .ics file", field="path")
    read = read_calendar(Path(path.strip()).expanduser(), address, today, zone_named(zone),
                         known_attendee(store))  # fmt: skip
    plan = propose(store, read.meetings, today)
    merged = plan._replace(unmatched=sorted({*read.unmatched, *plan.unmatched}))
    return PlanRead(read, merged)
