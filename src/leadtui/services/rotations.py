"""Rotation use cases: capacities, rosters, the plan, exceptions, records and the host.

Both front ends call these and nothing below them. The schedule is computed by
:mod:`leadtui.domain.rotations` from each capacity's definition and its stored
exceptions; every write here checks its rules inside one transaction and returns a
typed result. Rotation schedules are for the team: nothing private is in them except a
hand-off note written as private, which never leaves the private audience.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, NamedTuple

from leadtui.domain.dates import add_months, day_label, weekday_name
from leadtui.domain.people import Person, Relation
from leadtui.domain.rotations import (
    LEAD_DAYS,
    Capacity,
    Check,
    ExceptionKind,
    Handover,
    HostChange,
    HostChangeKind,
    HostMeeting,
    HostReorder,
    HostRotation,
    Member,
    RotationException,
    RotationWarning,
    Segment,
    TermRecord,
    busy,
    check_capacity,
    eligible,
    first_meeting,
    host_meetings,
    left_host_warnings,
    left_seat_warnings,
    plan_terms,
    term_balance_warnings,
    term_containing,
)
from leadtui.domain.text import name_key, quoted
from leadtui.errors import InputError, NotFoundError
from leadtui.services.people import list_people, resolve_person
from leadtui.store.database import write_transaction
from leadtui.store.rotations import RotationRepository

if TYPE_CHECKING:
    from leadtui.domain.rotations_input import (
        CapacityDraft,
        DefinitionDraft,
        HandoffDraft,
        HostDraft,
        HostTeamDraft,
        MemberDraft,
        RecognitionDraft,
    )
    from leadtui.store.database import Store

# The words that mean the manager: the weekly meeting is hosted by the team, never by you.
_SELF = frozenset({"me", "myself", "i", "you", "yourself", "self"})
DEFAULT_MONTHS = 12
# How far ahead a plan reaches: five years, the longest schedule `rotation show` and the
# exports look at (60 months). Rosters change within that; planning further records
# assignments nobody sees and makes every later plan and check slower.
PLAN_MONTHS_MAX = 60


def horizon_until(today: date, months: int) -> date:
    """The last day a schedule ``months`` ahead of ``today`` covers."""
    return add_months(today, months)


# --- finding things -----------------------------------------------------------------------


def list_capacities(store: Store) -> list[Capacity]:
    """Every capacity by name, inactive ones included."""
    return RotationRepository(store).capacities()


def find_capacity(store: Store, text: str) -> Capacity:
    """A capacity by exact name (any case, by :func:`leadtui.domain.text.name_key`) or
    unique prefix; a refusal lists the names. Two capacities stored with one name by an
    earlier version are told apart by the name exactly as written."""
    query = " ".join(text.split())
    capacities = list_capacities(store)
    folded = name_key(query)
    exact = [c for c in capacities if name_key(c.name) == folded]
    if len(exact) > 1:
        exact = [c for c in exact if c.name == query] or exact
    matches = exact or [c for c in capacities if name_key(c.name).startswith(folded)]
    if query and len(matches) == 1:
        return matches[0]
    known = ", ".join(c.name for c in capacities) or "none yet"
    if len(matches) > 1:
        raise InputError(f"{quoted(query)} matches several capacities; give one of: {known}")
    # Worded for both front ends: the app adds a capacity by key, the shell by command.
    raise NotFoundError(f"no capacity named {quoted(query)}; known: {known}")


def _capacity_named(store: Store, name: str) -> Capacity | None:
    """The capacity whose name is ``name`` by :func:`leadtui.domain.text.name_key`."""
    key = name_key(name)
    return next((c for c in list_capacities(store) if name_key(c.name) == key), None)


def _names(store: Store) -> dict[int, str]:
    return {p.id: p.name for p in list_people(store, include_archived=True)}


def _not_self(text: str) -> None:
    if text.strip().casefold() in _SELF:
        raise InputError(
            f"{quoted(text)} means you; the weekly meeting is hosted by your "
            "leadership team in turn, never by you",
            field="person",
        )


# --- capacities and rosters ----------------------------------------------------------------


def add_capacity(store: Store, draft: CapacityDraft, today: date) -> Capacity:
    """Store a new capacity; a name in use is refused."""
    repo = RotationRepository(store)
    with write_transaction(store):
        taken = _capacity_named(store, draft.name)
        if taken is not None:
            raise InputError(
                f"name: a capacity named {quoted(taken.name)} exists; choose another name",
                field="name",
            )
        capacity = Capacity(
            0, draft.name, draft.description, draft.term_months, draft.seats,
            draft.offset_months, draft.starts_on, draft.exposure,
        )  # fmt: skip
        new_id = repo.insert_capacity(capacity)
        stored = repo.capacity(new_id)  # with the uid the table gave it
    assert stored is not None
    return stored


def edit_capacity(
    store: Store,
    capacity: Capacity,
    today: date,
    *,
    name: str | None = None,
    description: str | None = None,
    exposure: str | None = None,
) -> Capacity:
    """Rename a capacity or change its description or exposure ("" clears those two),
    held to the rules a new capacity is (a name taken by another capacity, by
    :func:`leadtui.domain.text.name_key`, is refused). Its terms, seats and start stay:
    every stored exception and every teammate's calendar is computed from them."""
    from leadtui.domain.rotations_input import CapacityDraft
    from leadtui.domain.validation import build

    def kept(new: str | None, old: str | None) -> str | None:
        if new is None:
            return old
        return new or None

    draft = build(
        CapacityDraft,
        today=today,
        name=capacity.name if name is None else name,
        description=kept(description, capacity.description),
        exposure=kept(exposure, capacity.exposure),
        term_months=capacity.term_months,
        seats=capacity.seats,
        offset_months=capacity.offset_months,
        starts_on=capacity.starts_on,
    )
    with write_transaction(store, f"changed {draft.name}"):
        taken = _capacity_named(store, draft.name)
        if taken is not None and taken.id != capacity.id:
            raise InputError(
                f"name: a capacity named {quoted(taken.name)} exists; choose another name",
                field="name",
            )
        changed = capacity._replace(
            name=draft.name, description=draft.description, exposure=draft.exposure
        )
        RotationRepository(store).update_capacity(changed)
    return changed


def capacity_namesakes(store: Store) -> list[list[Capacity]]:
    """Capacities an earlier version stored under one name (by
    :func:`leadtui.domain.text.name_key`): each group is flagged until one is renamed."""
    groups: dict[str, list[Capacity]] = {}
    for capacity in list_capacities(store):
        groups.setdefault(name_key(capacity.name), []).append(capacity)
    return [group for group in groups.values() if len(group) > 1]


def set_active(store: Store, capacity: Capacity, active: bool) -> Capacity:
    """Retire a capacity (kept, no longer checked or planned) or bring it back."""
    changed = capacity._replace(active=active)
    RotationRepository(store).update_capacity(changed)
    return changed


class RosterChanged(NamedTuple):
    """A roster after a change, and the people changed."""

    capacity: Capacity
    people: list[Person]
    members: list[Member]


def change_roster(
    store: Store,
    capacity: Capacity,
    people: Sequence[str],
    *,
    remove: bool = False,
    dates: MemberDraft | None = None,
    out_of_rotation: bool | None = None,
) -> RosterChanged:
    """Add people to a capacity's roster (or update their dates and flag), or remove them.

    Unknown people are refused together, every name listed, and nothing is written.
    """
    if not people:
        raise InputError("give at least one person", field="person")
    resolved, unknown = [], []
    for text in people:
        try:
            resolved.append(resolve_person(store, text, include_archived=False))
        except NotFoundError:
            unknown.append(text)
    if unknown:
        listed = ", ".join(quoted(u) for u in unknown)
        raise NotFoundError(f"unknown people: {listed}; add them as people first")
    repo = RotationRepository(store)
    with write_transaction(store):
        current = {m.person_id: m for m in repo.members(capacity.id)}
        for person in resolved:
            if remove:
                if person.id not in current:
                    raise InputError(
                        f"{person.display_name} is not on the {capacity.name} roster",
                        field="person",
                    )
                repo.remove_member(capacity.id, person.id)
                continue
            member = current.get(person.id, Member(capacity.id, person.id))
            if dates is not None:
                fields = dates.model_fields_set
                member = member._replace(
                    joined_on=dates.joined_on if "joined_on" in fields else member.joined_on,
                    leaves_on=dates.leaves_on if "leaves_on" in fields else member.leaves_on,
                )
            if out_of_rotation is not None:
                member = member._replace(out_of_rotation=out_of_rotation)
            repo.put_member(member)
    return RosterChanged(capacity, resolved, repo.members(capacity.id))


class RosterEntry(NamedTuple):
    """Someone on a roster, with their entry's dates and flag."""

    person: Person
    member: Member


def roster(store: Store, capacity: Capacity) -> list[RosterEntry]:
    """A capacity's roster in the order people were added."""
    people = {p.id: p for p in list_people(store, include_archived=True)}
    members = RotationRepository(store).members(capacity.id)
    return [RosterEntry(people[m.person_id], m) for m in members if m.person_id in people]


def not_on_roster(store: Store, capacity: Capacity) -> list[Person]:
    """Active people who could join a capacity's roster: everyone not on it yet."""
    on = {m.person_id for m in RotationRepository(store).members(capacity.id)}
    return [p for p in list_people(store) if p.id not in on]


# --- the schedule --------------------------------------------------------------------------


class CapacitySchedule(NamedTuple):
    """One capacity's schedule as the screens, the exports and --json show it."""

    capacity: Capacity
    segments: list[Segment]
    members: list[Member]
    records: dict[tuple[int, date], TermRecord]
    warnings: list[RotationWarning]
    names: dict[int, str]

    def name_of(self, person_id: int | None) -> str:
        """The person's name, or "(open)" for an empty seat."""
        return self.names.get(person_id, "?") if person_id is not None else "(open)"

    def serves(self, person_id: int) -> bool:
        """True when the person is on the roster or holds a stretch of a seat."""
        return any(m.person_id == person_id for m in self.members) or any(
            s.person_id == person_id for s in self.segments
        )

    def upcoming(self, today: date, until: date) -> list[Segment]:
        """Segments not yet over that start by ``until``."""
        return [s for s in self.segments if s.ends >= today and s.starts <= until]

    def served(self, today: date) -> dict[int, list[Segment]]:
        """Started segments by person, oldest first."""
        found: dict[int, list[Segment]] = {}
        for s in self.segments:
            if s.person_id is not None and s.starts <= today:
                found.setdefault(s.person_id, []).append(s)
        return found


def _all_segments(
    store: Store, until: date
) -> tuple[list[Capacity], dict[int, list[Segment]], list[RotationException]]:
    from leadtui.domain.rotations import resolve

    repo = RotationRepository(store)
    capacities = repo.capacities()
    exceptions = repo.exceptions()
    segments = {c.id: resolve(c, exceptions, until) for c in capacities}
    return capacities, segments, exceptions


def schedules(store: Store, today: date, months: int = DEFAULT_MONTHS) -> list[CapacitySchedule]:
    """Every capacity's schedule up to ``months`` ahead, with its checks (active only)."""
    until = horizon_until(today, months)
    repo = RotationRepository(store)
    capacities, segments, exceptions = _all_segments(store, until)
    people = list_people(store, include_archived=True)
    names = {p.id: p.name for p in people}
    archived = {p.id: p.archived_on for p in people if p.archived_on is not None}
    members = repo.members()
    records = repo.records()
    found = []
    for capacity in capacities:
        own_records = {
            (r.person_id, r.starts_on): r for r in records if r.capacity_id == capacity.id
        }
        others = [
            (c.name, s)
            for c in capacities
            if c.id != capacity.id and c.active
            for s in segments[c.id]
        ]
        own_members = [m for m in members if m.capacity_id == capacity.id]
        # A seat still held by someone who left comes first: it needs a change now.
        warnings = (
            left_seat_warnings(
                capacity, segments[capacity.id], [s for _, s in others], own_members,
                names, archived, today, until,
            )
            + check_capacity(
                capacity, segments[capacity.id], others, own_records, names, today, until
            )
            + term_balance_warnings(
                capacity, segments[capacity.id], exceptions, own_members, names, today, until
            )
            if capacity.active
            else []
        )  # fmt: skip
        found.append(
            CapacitySchedule(
                capacity,
                segments[capacity.id],
                own_members,
                own_records,
                warnings,
                names,
            )
        )
    return found


def schedule_of(
    store: Store, capacity: Capacity, today: date, months: int = DEFAULT_MONTHS
) -> CapacitySchedule:
    """One capacity's schedule (the others are read for the double-duty check)."""
    return next(s for s in schedules(store, today, months) if s.capacity.id == capacity.id)


# --- the plan ------------------------------------------------------------------------------


class Planned(NamedTuple):
    """What the plan recorded, and the stretches it could fill with nobody."""

    capacity: Capacity
    assigned: list[Segment]
    unfilled: list[Segment]


def plan(store: Store, capacity: Capacity, today: date, until: date | None = None) -> Planned:
    """Propose and record who serves each open term that starts by ``until`` (default:
    one term ahead; at most :data:`PLAN_MONTHS_MAX` months ahead): people who never
    served this capacity first, then the least recently served; nobody in two seats or
    two capacities at once, out of rotation or past their leave date."""
    if not capacity.active:
        raise InputError(f"{capacity.name} is retired; bring it back before planning")
    until = until or horizon_until(today, capacity.term_months)
    if until < today:
        raise InputError(
            f"until {until.isoformat()} is in the past; plan to a later day", field="until"
        )
    furthest = horizon_until(today, PLAN_MONTHS_MAX)
    if until > furthest:
        raise InputError(
            f"until {until.isoformat()} is more than {PLAN_MONTHS_MAX // 12} years ahead; a plan "
            f"reaches {furthest.isoformat()} at most (rosters change; plan again later)",
            field="until",
        )
    repo = RotationRepository(store)
    people = {p.id: p for p in list_people(store, include_archived=True)}
    members = [m for m in repo.members(capacity.id) if people[m.person_id].active]
    in_rotation = [m for m in members if not m.out_of_rotation]
    if len(in_rotation) < capacity.seats:
        raise InputError(
            f"{capacity.name} has {capacity.seats} seats and {len(in_rotation)} "
            f"{'person' if len(in_rotation) == 1 else 'people'} in rotation on its roster; "
            "add people with rotation roster"
        )
    names = {pid: p.name for pid, p in people.items()}
    assigned: list[Segment] = []
    unfilled: list[Segment] = []
    with write_transaction(store):
        # Read and decided inside the write lock, so no other write slips in between;
        # the decision is one pass over the schedule (plan_terms), so the lock is short.
        capacities, segments, exceptions = _all_segments(store, until)
        others = [s for c in capacities if c.id != capacity.id for s in segments[c.id]]
        own_rows = [e for e in exceptions if e.capacity_id == capacity.id]
        picks = plan_terms(capacity, own_rows, in_rotation, names, others, today, until)
        rows = [
            RotationException(0, capacity.id, ExceptionKind.ASSIGN, p.starts, p.seat, p.person_id)
            for p in picks
            if p.person_id is not None
        ]
        repo.insert_exceptions(rows)
        for p in picks:
            seg = Segment(p.seat, p.term, p.starts, p.ends, p.person_id)
            (assigned if p.person_id is not None else unfilled).append(seg)
    return Planned(capacity, assigned, unfilled)


# --- exceptions ------------------------------------------------------------------------------


def _member(store: Store, capacity: Capacity, text: str) -> tuple[Person, Member]:
    person = resolve_person(store, text)
    member = next(
        (m for m in RotationRepository(store).members(capacity.id) if m.person_id == person.id),
        None,
    )
    if member is None:
        raise InputError(
            f"{person.display_name} is not on the {capacity.name} roster; add them with "
            f"rotation roster",
            field="person",
        )
    return person, member


def _seat(capacity: Capacity, seat: int) -> int:
    if not 1 <= seat <= capacity.seats:
        raise InputError(
            f"seat must be 1–{capacity.seats} for {capacity.name}, got {seat}", field="seat"
        )
    return seat


class Assigned(NamedTuple):
    """An assignment made (or removed) and any notice about it."""

    capacity: Capacity
    seat: int
    starts: date
    ends: date
    person: Person | None
    notice: str | None


def assign(
    store: Store,
    capacity: Capacity,
    seat: int,
    person_text: str,
    today: date,
    from_date: date | None = None,
) -> Assigned:
    """Put a person in a seat from a day (default: the seat's next term) to the end of
    that term; an assignment on the same seat and day is replaced."""
    _seat(capacity, seat)
    person, member = _member(store, capacity, person_text)
    if from_date is None:
        current = term_containing(capacity, seat, today)
        from_date = current.ends + timedelta(days=1) if current is not None else capacity.starts_on
    term = term_containing(capacity, seat, from_date)
    if term is None:
        raise InputError(
            f"first day {from_date.isoformat()} is before {capacity.name} starts "
            f"({capacity.starts_on.isoformat()})",
            field="from_date",
            words="first day",
        )
    notice = None
    if not eligible(member, from_date, term.ends):
        notice = (
            f"{person.display_name} is out of rotation or not on the roster for all of "
            f"{from_date.isoformat()} to {term.ends.isoformat()}"
        )
    repo = RotationRepository(store)
    with write_transaction(store):
        stale = [
            e.id
            for e in repo.exceptions(capacity.id)
            if e.kind is ExceptionKind.ASSIGN and e.seat == seat and e.on_date == from_date
        ]
        repo.delete_exceptions(stale)
        repo.insert_exception(
            RotationException(0, capacity.id, ExceptionKind.ASSIGN, from_date, seat, person.id)
        )
        until = term.ends
        capacities, segments, _ = _all_segments(store, until)
        others = [s for c in capacities if c.id != capacity.id for s in segments[c.id]]
        own = [s for s in segments[capacity.id] if s.seat != seat]
        if busy(others + own, person.id, from_date, term.ends):
            notice = f"{person.display_name} now serves in two seats at once; see the checks"
    return Assigned(capacity, seat, from_date, term.ends, person, notice)


def unassign(store: Store, capacity: Capacity, seat: int, from_date: date) -> Assigned:
    """Remove the assignment of a seat on a day: the computed schedule is back."""
    _seat(capacity, seat)
    repo = RotationRepository(store)
    with write_transaction(store):
        rows = [
            e
            for e in repo.exceptions(capacity.id)
            if e.kind is ExceptionKind.ASSIGN and e.seat == seat and e.on_date == from_date
        ]
        if not rows:
            raise InputError(
                f"no assignment of {capacity.name} seat {seat} from {from_date.isoformat()}"
            )
        repo.delete_exceptions(e.id for e in rows)
    term = term_containing(capacity, seat, from_date)
    ends = term.ends if term else from_date
    return Assigned(capacity, seat, from_date, ends, None, None)


def cut_short(
    store: Store, capacity: Capacity, seat: int, last_day: date, *, undo: bool = False
) -> Assigned:
    """End a seat's term early on ``last_day`` (or with ``undo`` restore it); the rest of
    the term is open until someone is assigned."""
    _seat(capacity, seat)
    term = term_containing(capacity, seat, last_day)
    if term is None:
        raise InputError(f"{last_day.isoformat()} is before {capacity.name} starts")
    repo = RotationRepository(store)
    with write_transaction(store):
        rows = [
            e
            for e in repo.exceptions(capacity.id)
            if e.kind is ExceptionKind.CUT
            and e.seat == seat
            and term.starts <= e.on_date <= term.ends
        ]
        if undo:
            if not rows:
                raise InputError(f"{capacity.name} seat {seat}'s term is not cut short")
            repo.delete_exceptions(e.id for e in rows)
        else:
            if last_day >= term.ends:
                raise InputError(
                    f"{last_day.isoformat()} is the term's last day already "
                    f"({term.ends.isoformat()}); give an earlier day"
                )
            repo.delete_exceptions(e.id for e in rows)
            repo.insert_exception(
                RotationException(0, capacity.id, ExceptionKind.CUT, last_day, seat)
            )
    return Assigned(capacity, seat, term.starts, last_day, None, None)


class Swapped(NamedTuple):
    """Two people's places exchanged from a day."""

    capacity: Capacity
    first: Person
    second: Person
    from_date: date


def swap(
    store: Store,
    capacity: Capacity,
    first_text: str,
    second_text: str,
    from_date: date,
    *,
    undo: bool = False,
) -> Swapped:
    """Exchange two roster members' places in a capacity from ``from_date`` on (or with
    ``undo`` remove that swap)."""
    first, _ = _member(store, capacity, first_text)
    second, _ = _member(store, capacity, second_text)
    if first.id == second.id:
        raise InputError("a swap needs two different people", field="person")
    repo = RotationRepository(store)
    pair = {first.id, second.id}
    with write_transaction(store):
        rows = [
            e
            for e in repo.exceptions(capacity.id)
            if e.kind is ExceptionKind.SWAP
            and e.on_date == from_date
            and {e.person_id, e.other_person_id} == pair
        ]
        if undo:
            if not rows:
                raise InputError(
                    f"no swap of {first.display_name} and {second.display_name} from "
                    f"{from_date.isoformat()}"
                )
            repo.delete_exceptions(e.id for e in rows)
            return Swapped(capacity, first, second, from_date)
        if rows:
            raise InputError("that swap is recorded already")
        schedule = schedule_of(store, capacity, from_date)
        ahead = [s for s in schedule.segments if s.ends >= from_date and s.person_id in pair]
        if not ahead:
            raise InputError(
                f"neither {first.display_name} nor {second.display_name} serves "
                f"{capacity.name} from {from_date.isoformat()}; nothing to swap"
            )
        repo.insert_exception(
            RotationException(
                0, capacity.id, ExceptionKind.SWAP, from_date, None, first.id, second.id
            )
        )
    return Swapped(capacity, first, second, from_date)


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


class ShapingException(NamedTuple):
    """An exception that shapes a stretch of a seat, and one line saying what it is."""

    exception: RotationException
    text: str


def stretch_exceptions(
    store: Store, capacity: Capacity, segment: Segment
) -> list[ShapingException]:
    """The exceptions behind one stretch: an assignment or a cut on its seat in its term,
    and a swap that moved its person there (on or before its last day)."""
    names = _names(store)
    term = segment.term
    found: list[ShapingException] = []
    for e in RotationRepository(store).exceptions(capacity.id):
        on = e.on_date.isoformat()
        if e.kind is ExceptionKind.ASSIGN and e.seat == segment.seat:
            if term.starts <= e.on_date <= term.ends:
                who = names.get(e.person_id or 0, "?")
                found.append(ShapingException(e, f"assignment of seat {e.seat} to {who} from {on}"))
        elif e.kind is ExceptionKind.CUT and e.seat == segment.seat:
            if term.starts <= e.on_date <= term.ends:
                found.append(ShapingException(e, f"seat {e.seat}'s term cut short on {on}"))
        elif e.kind is ExceptionKind.SWAP and segment.person_id is not None:
            if segment.person_id in (e.person_id, e.other_person_id) and e.on_date <= segment.ends:
                first = names.get(e.person_id or 0, "?")
                second = names.get(e.other_person_id or 0, "?")
                found.append(ShapingException(e, f"swap of {first} and {second} from {on}"))
    return found


def undo_exception(store: Store, capacity: Capacity, exception: RotationException) -> str:
    """Remove one exception through the use case the command line's ``--undo`` runs (an
    assignment, a cut, a swap); what was removed, in one line."""
    e = exception
    if e.kind is ExceptionKind.ASSIGN and e.seat is not None:
        unassign(store, capacity, e.seat, e.on_date)
        return f"the assignment of {capacity.name} seat {e.seat} from {e.on_date.isoformat()}"
    if e.kind is ExceptionKind.CUT and e.seat is not None:
        cut_short(store, capacity, e.seat, e.on_date, undo=True)
        return f"the cut of {capacity.name} seat {e.seat}: its term runs its full length again"
    if e.kind is ExceptionKind.SWAP and e.person_id is not None and e.other_person_id is not None:
        done = swap(store, capacity, str(e.person_id), str(e.other_person_id), e.on_date, undo=True)
        return (
            f"the swap of {done.first.display_name} and {done.second.display_name} in "
            f"{capacity.name} from {e.on_date.isoformat()}"
        )
    raise InputError(f"{e.kind.value} is not an exception that can be removed here")


# --- records: recognition, exposure, hand-off ------------------------------------------------


def _started_segment(store: Store, capacity: Capacity, person: Person, day: date) -> Segment:
    schedule = schedule_of(store, capacity, day)
    started = [s for s in schedule.segments if s.person_id == person.id and s.starts <= day]
    if not started:
        raise InputError(
            f"{person.display_name} has not served {capacity.name} by {day.isoformat()}",
            field="person",
        )
    return started[-1]


def _record_for(store: Store, capacity: Capacity, person: Person, seg: Segment) -> TermRecord:
    existing = next(
        (
            r
            for r in RotationRepository(store).records(capacity.id)
            if r.person_id == person.id and r.starts_on == seg.starts
        ),
        None,
    )
    return existing or TermRecord(capacity.id, person.id, seg.starts)


def recognize(
    store: Store, capacity: Capacity, person_text: str, draft: RecognitionDraft
) -> TermRecord:
    """Record that a person's term was called out: the latest one finished by the day of
    the call-out, or the current one when none has finished (a call-out usually follows
    a term, and the next may already have begun)."""
    person = resolve_person(store, person_text)
    seg = _started_segment(store, capacity, person, draft.day)
    schedule = schedule_of(store, capacity, draft.day)
    finished = [s for s in schedule.segments if s.person_id == person.id and s.ends < draft.day]
    if finished:
        seg = finished[-1]
    record = _record_for(store, capacity, person, seg)._replace(
        recognized_on=draft.day, recognized_in=draft.recognized_in
    )
    RotationRepository(store).put_record(record)
    return record


def record_exposure(store: Store, capacity: Capacity, person_text: str, day: date) -> TermRecord:
    """Record that the person serving got the exposure that makes the term interesting."""
    person = resolve_person(store, person_text)
    seg = _started_segment(store, capacity, person, day)
    record = _record_for(store, capacity, person, seg)._replace(exposure_on=day)
    RotationRepository(store).put_record(record)
    return record


def write_handoff(
    store: Store, capacity: Capacity, person_text: str, draft: HandoffDraft, today: date
) -> TermRecord:
    """Write the hand-off note of a person's latest term (shared reaches the team's copy;
    private stays with you)."""
    person = resolve_person(store, person_text)
    seg = _started_segment(store, capacity, person, today)
    record = _record_for(store, capacity, person, seg)._replace(
        handoff_note=draft.text, handoff_private=draft.private
    )
    RotationRepository(store).put_record(record)
    return record


# --- the weekly host ------------------------------------------------------------------------


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


# --- the bench and links to the other rituals ------------------------------------------------


def bench(store: Store, today: date) -> list[Person]:
    """Active reports and roster members who have never served a term in any capacity."""
    schedules_now = schedules(store, today, 1)
    served = {pid for s in schedules_now for pid in s.served(today)}
    rostered = {m.person_id for s in schedules_now for m in s.members}
    return [
        p
        for p in list_people(store)
        if p.id not in served and (p.id in rostered or p.relation is Relation.REPORT)
    ]


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


# --- shared definitions (TOML) ---------------------------------------------------------------


class Definition(NamedTuple):
    """A capacity with its roster and exceptions, by people's names: what a team keeps in
    a shared repository so every member computes the same schedule."""

    capacity: Capacity
    members: list[tuple[str, Member]]
    exceptions: list[tuple[RotationException, str | None, str | None]]


def definition(store: Store, capacity: Capacity) -> Definition:
    """The capacity's definition with names in place of ids."""
    repo = RotationRepository(store)
    names = _names(store)
    return Definition(
        capacity,
        [(names[m.person_id], m) for m in repo.members(capacity.id)],
        [
            (e, names.get(e.person_id or 0), names.get(e.other_person_id or 0))
            for e in repo.exceptions(capacity.id)
        ],
    )


def import_definition(store: Store, draft: DefinitionDraft) -> Definition:
    """Store a definition read from a file (see :mod:`leadtui.imports.rotation_definitions`):
    the capacity is created or replaced with its roster and exceptions, in the file's
    order (a swap exchanges the places given before it). People are matched by name;
    unknown ones are refused, every name listed, and nothing is written."""
    people = {name_key(p.name): p for p in list_people(store)}
    wanted = [r.person for r in draft.roster]
    unknown = sorted({w for w in wanted if name_key(w) not in people}, key=name_key)
    if unknown:
        listed = ", ".join(quoted(u) for u in unknown)
        raise NotFoundError(
            f"the definition names people who are not here: {listed}; add them with "
            "people add (same names) and import again"
        )

    def who(name: str | None) -> int | None:
        return people[name_key(name)].id if name is not None else None

    c = draft.capacity
    repo = RotationRepository(store)
    with write_transaction(store):
        # The definition's id names the capacity wherever it was renamed; without one, its
        # name does (and the capacity keeps, or is given, an id of its own).
        named = _capacity_named(store, c.name)
        existing = (repo.capacity_with_uid(c.id) if c.id else None) or named
        if existing is not None and named is not None and named.id != existing.id:
            raise InputError(
                f"the definition's id belongs to {quoted(existing.name)} here, but its name "
                f"{quoted(named.name)} is another capacity's; rename one and import again"
            )
        capacity = Capacity(
            existing.id if existing else 0, c.name, c.description, c.term_months, c.seats,
            c.offset_months, c.starts_on, c.exposure, c.active, c.id or "",
        )  # fmt: skip
        if existing is None:
            capacity = capacity._replace(id=repo.insert_capacity(capacity))
        else:
            repo.update_capacity(capacity)
            repo.clear_capacity(capacity.id)
        for r in draft.roster:
            repo.put_member(
                Member(capacity.id, people[name_key(r.person)].id, r.joined_on, r.leaves_on,
                       r.out_of_rotation)
            )  # fmt: skip
        repo.insert_exceptions(
            RotationException(
                0, capacity.id, e.kind, e.on, e.seat, who(e.person), who(e.other_person)
            )
            for e in draft.exceptions
        )
        capacity = repo.capacity(capacity.id) or capacity  # with the uid it now has
    return definition(store, capacity)
