"""The weekly leadership meeting: who hosts it, in turn, and the weeks it moves.

The leadership team hosts the meeting in the order set, from the day it was set; a
skipped week (a holiday) consumes no turn and two weeks can swap hosts. The meetings are
computed by :func:`leadtui.domain.rotations.host_meetings` from the orders and those
changes; nothing here knows the capacities of :mod:`leadtui.services.rotations`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, NamedTuple

from leadtui.domain.dates import weekday_name
from leadtui.domain.rotations import (
    HostChange,
    HostChangeKind,
    HostMeeting,
    HostRotation,
    RotationWarning,
    first_meeting,
    host_meetings,
    left_host_warnings,
)
from leadtui.domain.text import name_key, quoted
from leadtui.errors import InputError
from leadtui.services.people import list_people, resolve_person
from leadtui.store.database import write_transaction
from leadtui.store.rotations import RotationRepository

if TYPE_CHECKING:
    from leadtui.domain.rotations_input import HostDraft, HostTeamDraft
    from leadtui.store.database import Store

# The words that mean the manager: the weekly meeting is hosted by the team, never by you.
_SELF = frozenset({"me", "myself", "i", "you", "yourself", "self"})


def _not_self(text: str) -> None:
    if text.strip().casefold() in _SELF:
        raise InputError(
            f"{quoted(text)} means you; the weekly meeting is hosted by your "
            "leadership team in turn, never by you",
            field="person",
        )


class HostSchedule(NamedTuple):
    """The host order in force and the meetings around today."""

    rotation: HostRotation | None
    meetings: list[HostMeeting]
    names: dict[int, str]
    # Turns still held by someone archived, with the order without them as the fix.
    warnings: list[RotationWarning] = []  # noqa: RUF012 (never mutated: a fresh list each time)

    def name_of(self, person_id: int | None) -> str:
        """A host's name, or "(skipped)"."""
        return self.names.get(person_id, "?") if person_id is not None else "(skipped)"


def host_schedule(store: Store, today: date, weeks: int = 8) -> HostSchedule:
    """The next ``weeks`` meetings from today (today's included)."""
    repo = RotationRepository(store)
    rotations = repo.host_rotations()
    until = today + timedelta(weeks=weeks)
    meetings = host_meetings(rotations, repo.host_changes(), until)
    upcoming = [m for m in meetings if m.on >= today][:weeks]
    current = next((r for r in reversed(rotations) if r.starts_on <= today), None)
    current = current or (rotations[0] if rotations else None)
    people = list_people(store, include_archived=True)
    names = {p.id: p.name for p in people}
    archived = {p.id: p.archived_on for p in people if p.archived_on is not None}
    return HostSchedule(
        current, upcoming, names, left_host_warnings(current, upcoming, names, archived)
    )


def all_host_meetings(store: Store, until: date) -> list[HostMeeting]:
    """Every meeting from the first order to ``until``."""
    repo = RotationRepository(store)
    return host_meetings(repo.host_rotations(), repo.host_changes(), until)


def set_hosts(store: Store, people: Sequence[str], draft: HostDraft, today: date) -> HostSchedule:
    """Set the leadership team that hosts the weekly meeting, in this order, from today;
    the weeks before keep their hosts."""
    for text in people:
        _not_self(text)
    if not people:
        raise InputError("give the leadership team: at least one person", field="person")
    resolved = [resolve_person(store, text, include_archived=False) for text in people]
    seen: set[int] = set()
    for person in resolved:
        if person.id in seen:
            raise InputError(f"{person.display_name} is listed twice", field="person")
        seen.add(person.id)
    rotation = HostRotation(
        0, today, draft.weekday, draft.at_time, draft.minutes, tuple(p.id for p in resolved)
    )
    RotationRepository(store).replace_host_rotations_from(rotation)
    return host_schedule(store, today)


def set_host_team(store: Store, draft: HostTeamDraft, today: date) -> HostSchedule:
    """:func:`set_hosts` from a form's one line of names split at commas, with the names
    that have a comma in them ("Okafor, Sam") put back together first."""
    with_commas = {name_key(p.name) for p in list_people(store) if "," in p.name}
    pieces, names = [p.strip() for p in draft.people], []
    while pieces:
        # The longest run of pieces that is someone's whole name, else one piece.
        take = next(
            (n for n in range(len(pieces), 1, -1)
             if name_key(", ".join(pieces[:n])) in with_commas),
            1,
        )  # fmt: skip
        names.append(", ".join(pieces[:take]))
        del pieces[:take]
    return set_hosts(store, names, draft, today)


def _meeting_on(store: Store, day: date) -> HostMeeting:
    meetings = all_host_meetings(store, day)
    found = next((m for m in meetings if m.on == day), None)
    if found is None:
        repo = RotationRepository(store)
        rotations = repo.host_rotations()
        hint = (
            f"meetings are on {weekday_name(first_meeting(rotations[-1]).weekday())}s"
            if rotations
            else "set who hosts it first"
        )
        raise InputError(f"there is no leadership meeting on {day.isoformat()}; {hint}")
    return found


def skip_meeting(store: Store, day: date, *, undo: bool = False) -> HostMeeting:
    """Skip the meeting on ``day`` (a holiday): it consumes no turn. ``undo`` holds it."""
    repo = RotationRepository(store)
    with write_transaction(store):
        changes = {c.on_date: c for c in repo.host_changes()}
        if undo:
            if day not in changes or changes[day].kind is not HostChangeKind.SKIP:
                raise InputError(f"the meeting on {day.isoformat()} is not skipped")
            repo.delete_host_change(day)
        else:
            meeting = _meeting_on(store, day)
            if meeting.skipped:
                raise InputError(f"the meeting on {day.isoformat()} is skipped already")
            swapped = [c for c in changes.values() if day in (c.on_date, c.other_on)]
            if swapped:
                raise InputError(
                    f"the meeting on {day.isoformat()} is part of a swap; undo the swap first"
                )
            repo.put_host_change(HostChange(day, HostChangeKind.SKIP))
    return next(m for m in all_host_meetings(store, day) if m.on == day)


def swap_hosts(store: Store, first: date, second: date, *, undo: bool = False) -> HostSchedule:
    """Exchange the hosts of two meeting days (or with ``undo`` restore them)."""
    if first == second:
        raise InputError("a swap needs two different days")
    a, b = sorted((first, second))
    repo = RotationRepository(store)
    with write_transaction(store):
        changes = repo.host_changes()
        if undo:
            if not any(c.on_date == a and c.other_on == b for c in changes):
                raise InputError(f"no swap of {a.isoformat()} and {b.isoformat()}")
            repo.delete_host_change(a)
        else:
            for day in (a, b):
                meeting = _meeting_on(store, day)
                if meeting.skipped:
                    raise InputError(f"the meeting on {day.isoformat()} is skipped")
                if any(day in (c.on_date, c.other_on) for c in changes):
                    raise InputError(f"the meeting on {day.isoformat()} is swapped already")
            repo.put_host_change(HostChange(a, HostChangeKind.SWAP, b))
    return host_schedule(store, a)


def swapped_with(store: Store, day: date) -> date | None:
    """The other day of the host swap ``day`` is part of, or None when it is not."""
    for change in RotationRepository(store).host_changes():
        if change.kind is HostChangeKind.SWAP and change.other_on is not None:
            if day == change.on_date:
                return change.other_on
            if day == change.other_on:
                return change.on_date
    return None
