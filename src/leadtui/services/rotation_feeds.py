"""What the rotations tell the other rituals, and what a leaving person still holds.

The capacities (:mod:`leadtui.services.rotations`) and the weekly host
(:mod:`leadtui.services.hosts`) are two aggregates that know nothing of each other or of
the rituals around them; this module reads both for the places that show them: the
terms a review packet lists, a 1:1's talking points about a term starting or ending,
the Today card, and the seats and host turns someone who left still holds.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import TYPE_CHECKING, NamedTuple

from leadtui.domain.dates import day_label
from leadtui.domain.rotations import (
    LEAD_DAYS,
    Check,
    Handover,
    HostMeeting,
    HostReorder,
    HostRotation,
    RotationWarning,
    Segment,
    TermRecord,
)
from leadtui.errors import InputError, NotFoundError
from leadtui.services.hosts import HostSchedule, host_schedule, set_hosts
from leadtui.services.rotations import Assigned, CapacitySchedule, assign, schedules
from leadtui.store.rotations import RotationRepository

if TYPE_CHECKING:
    from leadtui.store.database import Store


# --- someone leaving (People) ---------------------------------------------------------


class LeftBehind(NamedTuple):
    """A seat or host turn someone who left still holds, with what the shell needs to
    word its fix (the capacity's name, everyone's names, the host order in force)."""

    warning: RotationWarning
    capacity: str
    names: dict[int, str]
    hosts: HostRotation | None


def left_behind(store: Store, person_id: int, today: date) -> list[LeftBehind]:
    """The seats and host turns ``person_id`` still holds after leaving (archived, past a
    roster leave date, off a roster): what to say the moment they leave."""
    found = [
        LeftBehind(w, s.capacity.name, s.names, None)
        for s in schedules(store, today)
        for w in s.warnings
        if w.check is Check.LEFT and w.fix is not None and w.fix.leaver_id == person_id
    ]
    hosts = host_schedule(store, today)
    found += [
        LeftBehind(w, "", hosts.names, hosts.rotation)
        for w in hosts.warnings
        if w.fix is not None and w.fix.leaver_id == person_id
    ]
    return found


def hand_over(store: Store, fix: Handover | HostReorder, today: date) -> Assigned | HostSchedule:
    """Apply the fix of a seat or host turn held by someone who left: the planner's next
    pick serves the seat from the day named to the end of that term, or the hosts are
    set again, in their order, without who left (same weekday and time)."""
    from leadtui.domain.rotations_input import HostDraft

    repo = RotationRepository(store)
    if isinstance(fix, HostReorder):
        current = host_schedule(store, today, 1).rotation
        if current is None or not fix.people:
            raise InputError("nobody else is left to host; set the leadership team first")
        draft = HostDraft(weekday=current.weekday, at_time=current.at_time, minutes=current.minutes)
        return set_hosts(store, [str(pid) for pid in fix.people], draft, today)
    capacity = repo.capacity(fix.capacity_id)
    if capacity is None:
        raise NotFoundError("that capacity is gone; look at the rotations again")
    if fix.replacement_id is None:
        raise InputError(
            f"nobody on the {capacity.name} roster is free to take seat {fix.seat} from "
            f"{fix.from_date.isoformat()}; add someone with rotation roster"
        )
    return assign(store, capacity, fix.seat, str(fix.replacement_id), today, fix.from_date)


# --- a review packet's terms ----------------------------------------------------------


class ServedTerm(NamedTuple):
    """A person's stretch in a capacity, for their review packet."""

    capacity: str
    seat: int
    starts: date
    ends: date
    record: TermRecord | None


def terms_served(
    store: Store, person_id: int, first: date, last: date, today: date
) -> list[ServedTerm]:
    """The person's terms that overlap ``first``..``last`` and have started by today."""
    found = []
    for schedule in schedules(store, today, 1):
        for s in schedule.segments:
            if s.person_id == person_id and s.overlaps(first, last) and s.starts <= today:
                record = schedule.records.get((person_id, s.starts))
                found.append(ServedTerm(schedule.capacity.name, s.seat, s.starts, s.ends, record))
    return sorted(found, key=lambda t: (t.starts, t.capacity))


# --- 1:1 talking points ---------------------------------------------------------------


def _handover(schedule: CapacitySchedule, seg: Segment, *, before: bool) -> str | None:
    """Who hands over to ``seg``'s person (before) or takes over from them (after)."""
    same_seat = [s for s in schedule.segments if s.seat == seg.seat]
    if before:
        prior = [s for s in same_seat if s.ends < seg.starts]
        other = prior[-1].person_id if prior else None
    else:
        later = [s for s in same_seat if s.starts > seg.ends]
        other = later[0].person_id if later else None
    if other is None or other == seg.person_id:
        return None
    return schedule.name_of(other)


def _turnovers(schedule: CapacitySchedule, today: date) -> Iterator[tuple[Segment, bool]]:
    """The terms that start (True) or end (False) within four weeks of ``today``, each
    once. A person serving on in the same seat (a second term) is no change: nothing is
    handed over, so it neither starts nor ends."""
    soon = today + timedelta(days=LEAD_DAYS)
    holder = {(s.seat, s.starts): s.person_id for s in schedule.segments}
    for s in schedule.segments:
        if s.person_id is None:
            continue
        before = next(
            (p.person_id for p in schedule.segments
             if p.seat == s.seat and p.ends + timedelta(days=1) == s.starts),
            None,
        )  # fmt: skip
        after = holder.get((s.seat, s.ends + timedelta(days=1)))
        if today <= s.starts <= soon and before != s.person_id:
            yield s, True
        if today <= s.ends <= soon and after != s.person_id:
            yield s, False


def talking_points(store: Store, person_id: int, today: date) -> list[str]:
    """Suggested 1:1 talking points for a person whose term starts or ends within four
    weeks: "starts Incident Review on Mon 1 Feb: hand-off with Sam"."""
    points = []
    for schedule in schedules(store, today, 2):
        if not schedule.capacity.active:
            continue
        name = schedule.capacity.name
        for s, starts in _turnovers(schedule, today):
            if s.person_id != person_id:
                continue
            if starts:
                other = _handover(schedule, s, before=True)
                with_whom = f": hand-off with {other}" if other else ""
                points.append(f"starts {name} on {day_label(s.starts, today)}{with_whom}")
            else:
                other = _handover(schedule, s, before=False)
                to_whom = f": hand-off to {other}" if other else ": no successor planned yet"
                points.append(f"ends {name} on {day_label(s.ends, today)}{to_whom}")
    return points


# --- the Today card -------------------------------------------------------------------


class TermChange(NamedTuple):
    """A person starting or ending a term soon."""

    on: date
    capacity: str
    seat: int
    person: str
    starts: bool


class RotationsToday(NamedTuple):
    """Today's Rotations card: the next host within a week, terms changing soon, failed
    checks."""

    host: HostMeeting | None
    host_name: str | None
    changes: list[TermChange]
    warnings: list[RotationWarning]
    configured: bool


def rotations_today(store: Store, today: date) -> RotationsToday:
    """What the Today card shows."""
    # The next meeting within a week (today's included): on a Sunday that is tomorrow's.
    hosts = host_schedule(store, today, 1)
    # A skipped week shows as such (host None, skipped): nobody hosts it.
    host = next((m for m in hosts.meetings if m.on < today + timedelta(days=7)), None)
    changes: list[TermChange] = []
    warnings: list[RotationWarning] = []
    all_schedules = [s for s in schedules(store, today) if s.capacity.active]
    for schedule in all_schedules:
        for s, starts in _turnovers(schedule, today):
            # A capacity's first terms begin together: that is its start, not a turnover.
            if starts and s.starts <= schedule.capacity.starts_on:
                continue
            on = s.starts if starts else s.ends
            who = schedule.name_of(s.person_id)
            changes.append(TermChange(on, schedule.capacity.name, s.seat, who, starts))
        warnings.extend(schedule.warnings)
    # Someone who left yet holds a seat or this week's meeting needs a change now: those
    # come first (seats, then the meeting), so the card's few lines show them.
    warnings.extend(hosts.warnings)
    warnings.sort(key=lambda w: w.check is not Check.LEFT)
    return RotationsToday(
        host,
        hosts.name_of(host.person_id) if host is not None else None,
        sorted(changes),
        warnings,
        bool(all_schedules) or hosts.rotation is not None,
    )
