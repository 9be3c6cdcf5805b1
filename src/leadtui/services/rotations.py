"""Rotation use cases: capacities, rosters, the plan, exceptions and records.

Both front ends call these and nothing below them. The schedule is computed by
:mod:`leadtui.domain.rotations` from each capacity's definition and its stored
exceptions; every write here checks its rules inside one transaction and returns a
typed result. Rotation schedules are for the team: nothing private is in them except a
hand-off note written as private, which never leaves the private audience.

The weekly host is :mod:`leadtui.services.hosts`, a capacity's shared definition file is
:mod:`leadtui.services.rotation_definitions`, and what the rotations tell the other
rituals (Today, 1:1s, review packets, someone leaving) is
:mod:`leadtui.services.rotation_feeds`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, NamedTuple

from leadtui.domain.dates import add_months
from leadtui.domain.people import Person, Relation
from leadtui.domain.rotations import (
    Capacity,
    ExceptionKind,
    Member,
    RotationException,
    RotationWarning,
    Segment,
    TermRecord,
    busy,
    check_capacity,
    eligible,
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
        HandoffDraft,
        MemberDraft,
        RecognitionDraft,
    )
    from leadtui.store.database import Store

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


def capacity_named(store: Store, name: str) -> Capacity | None:
    """The capacity whose name is ``name`` by :func:`leadtui.domain.text.name_key`."""
    key = name_key(name)
    return next((c for c in list_capacities(store) if name_key(c.name) == key), None)


def _names(store: Store) -> dict[int, str]:
    return {p.id: p.name for p in list_people(store, include_archived=True)}


# --- capacities and rosters ----------------------------------------------------------------


def add_capacity(store: Store, draft: CapacityDraft, today: date) -> Capacity:
    """Store a new capacity; a name in use is refused."""
    repo = RotationRepository(store)
    with write_transaction(store):
        taken = capacity_named(store, draft.name)
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
        taken = capacity_named(store, draft.name)
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


# --- the bench -------------------------------------------------------------------------------


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
