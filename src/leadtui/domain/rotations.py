"""Meeting rotations: capacities served in offset seats, and the weekly host.

A *capacity* (running Incident Review, Tech Spec Review) is served for ``term_months``
at a time by ``seats`` people whose terms overlap but are offset, so continuity never
breaks. Nothing about the schedule is stored but its definition and the exceptions a
manager makes:

- **Terms are computed from the anchor, never chained.** Seat ``n`` (1-based) has its
  boundaries at ``start + phase(n) + k × term`` months, where ``phase(n)`` is
  ``(n - 1) × offset`` reduced modulo the term. Each boundary is one month step
  (``add_months``) from the capacity's start: chaining months from a clamped 31st
  drifts (31 Jan → 30 Apr → 30 Oct instead of 31 Oct).
- **Bootstrap.** Every seat is filled from the first day: a later seat's first term runs
  from the start to its first boundary, shorter than a full term, so the offset exists
  from day one.
- **Exceptions** are rows: an assignment (a person serves a seat from a day to the end
  of that term), a cut (the term ends early on a day), a swap (two people exchange
  their places from a day). :func:`resolve` lays them over the computed terms; removing
  one gives back what the terms alone say.

The weekly leadership meeting is hosted in turn by the leadership team (never the
manager): the meetings are every week on a weekday; a skipped week consumes no turn,
so nobody is skipped for good; two dates may swap hosts.
"""

from __future__ import annotations

import heapq
import itertools
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from enum import StrEnum
from typing import NamedTuple

from leadtui.domain.dates import Words, add_months

TERM_MIN, TERM_MAX = 1, 36
SEATS_MIN, SEATS_MAX = 1, 6
DEFAULT_TERM = 6
DEFAULT_SEATS = 2
# Four weeks: how far ahead a coming change needs a successor, a talking point, a card line.
LEAD_DAYS = 28
# A finished term asks for recognition for a year; older history is left alone.
RECOGNITION_DAYS = 365


class ExceptionKind(StrEnum):
    """A change a manager makes to the computed schedule."""

    ASSIGN = "assign"  # a person serves the seat from on_date to the end of that term
    CUT = "cut"  # the term ends early: on_date is its last day served
    SWAP = "swap"  # two people exchange their places in the capacity from on_date


class RecognizedIn(StrEnum):
    """Where the work behind a process was called out."""

    ALL_HANDS = "all-hands"
    QA = "qa"
    OTHER = "other"


class HostChangeKind(StrEnum):
    """A change to the weekly host schedule."""

    SKIP = "skip"  # no meeting that week (a holiday): it consumes no turn
    SWAP = "swap"  # the hosts of two meeting days exchange


class Check(StrEnum):
    """The checks a rotation is held to; each warning names one."""

    GAP = "seat-gap"
    SAME_WEEK = "same-week-turnover"
    NO_SUCCESSOR = "no-successor"
    RECOGNITION = "recognition"
    EXPOSURE = "exposure"
    DOUBLE_DUTY = "double-duty"
    LEFT = "left-seat"  # someone who left the roster or the team still holds a seat or turn
    LONG_SERVICE = "long-service"  # one person serves longer than a term without a break
    NO_TERM = "no-term"  # someone given a term was left with none by a later change


class Capacity(NamedTuple):
    """A rotating role as stored."""

    id: int
    name: str
    description: str | None
    term_months: int
    seats: int
    offset_months: int
    starts_on: date
    exposure: str | None
    active: bool = True
    uid: str = ""
    """A random UUID given once, the same in every database that imports the capacity's
    definition: its calendar UIDs are made from it (empty until stored)."""


class Member(NamedTuple):
    """Someone on a capacity's roster."""

    capacity_id: int
    person_id: int
    joined_on: date | None = None
    leaves_on: date | None = None
    out_of_rotation: bool = False


class RotationException(NamedTuple):
    """One stored exception to the computed schedule."""

    id: int
    capacity_id: int
    kind: ExceptionKind
    on_date: date
    seat: int | None = None
    person_id: int | None = None
    other_person_id: int | None = None


class TermRecord(NamedTuple):
    """What happened around one person's term: recognition, exposure, a hand-off note.

    Keyed by capacity, person and the day their term (or their part of it) started.
    """

    capacity_id: int
    person_id: int
    starts_on: date
    recognized_on: date | None = None
    recognized_in: RecognizedIn | None = None
    exposure_on: date | None = None
    handoff_note: str | None = None
    handoff_private: bool = False


class Term(NamedTuple):
    """One computed term of a seat: ``ends`` inclusive."""

    seat: int
    number: int
    starts: date
    ends: date


class Segment(NamedTuple):
    """A stretch of one term with one person in the seat (or nobody: ``person_id`` None).

    A term without exceptions is one segment; an assignment from mid-term, a cut or a
    swap splits it.
    """

    seat: int
    term: Term
    starts: date
    ends: date
    person_id: int | None

    def covers(self, day: date) -> bool:
        """True when ``day`` lies in this segment."""
        return self.starts <= day <= self.ends

    def overlaps(self, first: date, last: date) -> bool:
        """True when this segment shares a day with ``first``..``last``."""
        return self.starts <= last and first <= self.ends


class Handover(NamedTuple):
    """What fixes a seat held by someone who left: the planner's next pick serves the seat
    from ``from_date`` to the end of that term (``replacement_id`` None: nobody is free)."""

    capacity_id: int
    seat: int
    from_date: date
    leaver_id: int
    replacement_id: int | None


class HostReorder(NamedTuple):
    """What fixes host turns held by someone who left: the hosting order without them."""

    leaver_id: int
    people: tuple[int, ...]


class RotationWarning(NamedTuple):
    """One failed check, worded for a person, and the change that fixes it when one
    change does (each front end offers it its own way: a command, a key)."""

    check: Check
    on: date
    words: Words
    fix: Handover | HostReorder | None = None

    @property
    def text(self) -> str:
        """The line with ISO dates, for the shell, files and JSON."""
        return self.words.written()


# --- the computed terms -------------------------------------------------------------------


def default_offset(term_months: int, seats: int) -> int:
    """Half a term for two seats: the term divided evenly between the seats."""
    return term_months // seats if seats > 1 else 0


def phases(term_months: int, seats: int, offset_months: int) -> list[int]:
    """Each seat's months after the start at which its regular terms begin, in seat order."""
    return [((seat - 1) * offset_months) % term_months for seat in range(1, seats + 1)]


def offset_problem(term_months: int, seats: int, offset_months: int) -> str | None:
    """Why this term, seat count and offset cannot keep seats from turning over together,
    or None. Seats whose phases coincide would change in the same week forever."""
    if seats > term_months:
        return (
            f"{seats} seats cannot be offset within a {term_months}-month term; "
            f"use at most {term_months} seats or a longer term"
        )
    found = phases(term_months, seats, offset_months)
    if seats > 1 and len(set(found)) < seats:
        return (
            f"an offset of {offset_months} months makes seats turn over together in a "
            f"{term_months}-month term; try {default_offset(term_months, seats)}"
        )
    return None


def boundary(capacity: Capacity, seat: int, k: int) -> date:
    """The ``k``-th regular boundary of ``seat``: start + phase + k × term months, one step
    from the anchor (never from the previous term's end)."""
    phase = phases(capacity.term_months, capacity.seats, capacity.offset_months)[seat - 1]
    return add_months(capacity.starts_on, phase + k * capacity.term_months)


def term_start(capacity: Capacity, seat: int, index: int) -> date:
    """The first day of term ``index`` of ``seat``. Term 0 starts on the capacity's start;
    for a seat with a phase it is the shortened bootstrap term."""
    if index == 0:
        return capacity.starts_on
    phase = phases(capacity.term_months, capacity.seats, capacity.offset_months)[seat - 1]
    return boundary(capacity, seat, index - 1 if phase > 0 else index)


def seat_terms(capacity: Capacity, seat: int, until: date) -> list[Term]:
    """The computed terms of ``seat`` that start on or before ``until``, oldest first."""
    terms: list[Term] = []
    index = 0
    starts = term_start(capacity, seat, 0)
    while starts <= until:
        following = term_start(capacity, seat, index + 1)
        terms.append(Term(seat, index, starts, following - timedelta(days=1)))
        index += 1
        starts = following
    return terms


def computed_terms(capacity: Capacity, until: date) -> list[Term]:
    """Every seat's computed terms starting on or before ``until``, by start then seat."""
    terms = [t for seat in range(1, capacity.seats + 1) for t in seat_terms(capacity, seat, until)]
    return sorted(terms, key=lambda t: (t.starts, t.seat))


def term_containing(capacity: Capacity, seat: int, day: date) -> Term | None:
    """The computed term of ``seat`` that contains ``day`` (None before the start).

    Found from the months between the start and ``day`` and then corrected by a step or
    two, not by walking every term from the start: a file may ask this of thousands of
    days two centuries after a start.
    """
    if day < capacity.starts_on:
        return None
    start = capacity.starts_on
    phase = phases(capacity.term_months, capacity.seats, capacity.offset_months)[seat - 1]
    months = (day.year - start.year) * 12 + day.month - start.month
    # Term index i (i >= 1) starts at regular boundary i - 1 when the seat has a phase
    # (its bootstrap term is index 0), at boundary i when it has none.
    index = max(0, (months - phase) // capacity.term_months + (1 if phase > 0 else 0))
    while index > 0 and term_start(capacity, seat, index) > day:
        index -= 1
    while term_start(capacity, seat, index + 1) <= day:
        index += 1
    following = term_start(capacity, seat, index + 1)
    return Term(seat, index, term_start(capacity, seat, index), following - timedelta(days=1))


# --- the exceptions over the terms -------------------------------------------------------


def _swapped(
    person: int | None, given_by: int, swaps: Sequence[RotationException], day: date
) -> int | None:
    """``person`` (put in the seat by the row ``given_by``) after the swaps dated on or
    before ``day`` that were made after that row, in the order they were made."""
    for swap in swaps:
        if person is None:
            break
        if swap.id <= given_by or swap.on_date > day:
            continue
        if person == swap.person_id:
            person = swap.other_person_id
        elif person == swap.other_person_id:
            person = swap.person_id
    return person


def resolve(
    capacity: Capacity, exceptions: Iterable[RotationException], until: date
) -> list[Segment]:
    """Who is in each seat when: the computed terms with the exceptions laid over them.

    Within a term the person is the latest assignment or cut dated on or before the day
    (an assignment before the term does not carry into it: every term is given anew);
    then the swaps dated on or before the day exchange people, in the order they were
    made. A swap exchanges the places given before it was made: an assignment made later
    (a later plan, or someone put in a seat by name) names who serves, and no earlier
    swap turns it into someone else. Adjacent stretches with the same person are one
    segment.

    Each term looks up only its own seat's rows and the swaps inside it (by bisection),
    so the cost grows with the terms plus the rows, not their product.
    """
    rows = [e for e in exceptions if e.capacity_id == capacity.id]
    swaps = sorted((e for e in rows if e.kind is ExceptionKind.SWAP), key=lambda e: e.id)
    swap_days = sorted({s.on_date for s in swaps})
    by_seat: dict[int | None, list[RotationException]] = {}
    for e in sorted(rows, key=lambda e: (e.on_date, e.id)):
        if e.kind is not ExceptionKind.SWAP:
            by_seat.setdefault(e.seat, []).append(e)
    seat_days = {seat: [e.on_date for e in found] for seat, found in by_seat.items()}
    segments: list[Segment] = []
    for term in computed_terms(capacity, until):
        # (day, (person, the row that gave them)) inside the term; a cut's event is the
        # day after its last day.
        events: dict[date, tuple[int | None, int]] = {}
        own = by_seat.get(term.seat, [])
        days = seat_days.get(term.seat, [])
        for e in own[bisect_left(days, term.starts) : bisect_right(days, term.ends)]:
            if e.kind is ExceptionKind.ASSIGN:
                events[e.on_date] = (e.person_id, e.id)
            elif e.kind is ExceptionKind.CUT and e.on_date < term.ends:
                events[e.on_date + timedelta(days=1)] = (None, e.id)
        inside = swap_days[bisect_left(swap_days, term.starts) : bisect_right(swap_days, term.ends)]
        cuts = sorted({term.starts, *events, *inside})
        person: int | None = None
        given_by = 0
        pieces: list[Segment] = []
        for i, first in enumerate(cuts):
            if first in events:
                person, given_by = events[first]
            last = cuts[i + 1] - timedelta(days=1) if i + 1 < len(cuts) else term.ends
            who = _swapped(person, given_by, swaps, first)
            if pieces and pieces[-1].person_id == who:
                pieces[-1] = pieces[-1]._replace(ends=last)
            else:
                pieces.append(Segment(term.seat, term, first, last, who))
        segments.extend(pieces)
    return sorted(segments, key=lambda s: (s.starts, s.seat))


# --- planning -----------------------------------------------------------------------------


class Candidate(NamedTuple):
    """What ranks a roster member for a term: never served first, then least recently."""

    person_id: int
    served: int
    last_served: date | None
    name: str

    def rank(self) -> tuple[bool, date, str, int]:
        """Sort key: never served, then the longest ago, then by name."""
        return (self.served > 0, self.last_served or date.min, self.name.casefold(), self.person_id)


def eligible(member: Member, first: date, last: date) -> bool:
    """On the roster for the whole of ``first``..``last``: in rotation, joined by the start,
    not leaving before the end."""
    if member.out_of_rotation:
        return False
    if member.joined_on is not None and member.joined_on > first:
        return False
    return member.leaves_on is None or member.leaves_on >= last


def busy(segments: Iterable[Segment], person_id: int, first: date, last: date) -> bool:
    """True when ``person_id`` serves anywhere in ``segments`` on a day of ``first``..``last``."""
    return any(s.person_id == person_id and s.overlaps(first, last) for s in segments)


def choose(candidates: Iterable[Candidate]) -> Candidate | None:
    """The best-ranked candidate, or None."""
    return min(candidates, key=Candidate.rank, default=None)


class _Calendar:
    """One person's days of service as disjoint stretches, oldest first: answers "busy
    on any of these days?" by bisection instead of a walk over every segment."""

    def __init__(self) -> None:
        self.starts: list[date] = []
        self.ends: list[date] = []

    def add(self, first: date, last: date) -> None:
        """Mark ``first``..``last`` served, merging with the stretches it touches."""
        i = bisect_left(self.ends, first - timedelta(days=1))
        j = bisect_right(self.starts, last + timedelta(days=1))
        if i < j:
            first = min(first, self.starts[i])
            last = max(last, self.ends[j - 1])
        self.starts[i:j] = [first]
        self.ends[i:j] = [last]

    def busy(self, first: date, last: date) -> bool:
        """True when a day of ``first``..``last`` is served."""
        i = bisect_left(self.ends, first)
        return i < len(self.starts) and self.starts[i] <= last


class PlanPick(NamedTuple):
    """One stretch the plan fills (``person_id`` None: nobody on the roster was free)."""

    seat: int
    term: Term
    starts: date
    ends: date
    person_id: int | None


def plan_terms(
    capacity: Capacity,
    exceptions: Sequence[RotationException],
    members: Sequence[Member],
    names: dict[int, str],
    others: Iterable[Segment],
    today: date,
    until: date,
) -> list[PlanPick]:
    """Who serves each open stretch of ``capacity`` that ends on or after ``today`` and
    starts by ``until``, in order of start then seat.

    A stretch is given from ``max(start, today)`` to the end of the stretch (a cut inside
    an open stretch splits it, as the assignment would end there). The pick is the
    eligible roster member who is free on every day of it, in this capacity and in the
    ``others`` (the other capacities' segments), ranked by :class:`Candidate`: never
    served first, then the longest ago, counting the stretches that start before it,
    the ones picked here included.

    The schedule is resolved once and every pick updates running tallies: the cost grows
    with the stretches times the roster, not with the stretches' square or cube. An
    assignment made now is never changed by an earlier swap (see :func:`resolve`), so
    the person picked is the person who serves.
    """
    own = resolve(capacity, exceptions, until)
    # The days on which a seat's holder is set anew (an assignment, the day after a cut):
    # an assignment made before such a day ends there. Inside an open stretch these are
    # days the seat stays empty (a cut, or someone swapped away), each planned apart.
    ends_at: dict[int, list[date]] = {}
    for e in exceptions:
        if e.capacity_id != capacity.id or e.seat is None:
            continue
        if e.kind is ExceptionKind.CUT:
            ends_at.setdefault(e.seat, []).append(e.on_date + timedelta(days=1))
        elif e.kind is ExceptionKind.ASSIGN:
            ends_at.setdefault(e.seat, []).append(e.on_date)
    ends_at = {seat: sorted(set(days)) for seat, days in ends_at.items()}
    calendars: dict[int, _Calendar] = {m.person_id: _Calendar() for m in members}
    elsewhere: dict[int, _Calendar] = {m.person_id: _Calendar() for m in members}
    for s in others:
        if s.person_id in elsewhere:
            elsewhere[s.person_id].add(s.starts, s.ends)
    # Served stretches waiting to count as history, by start; popped once a stretch
    # being planned starts after them.
    pending: list[tuple[date, date, int]] = []
    for s in own:
        if s.person_id is not None and s.person_id in calendars:
            calendars[s.person_id].add(s.starts, s.ends)
            heapq.heappush(pending, (s.starts, s.ends, s.person_id))
    served: dict[int, int] = dict.fromkeys(calendars, 0)
    last_served: dict[int, date] = {}
    stretches: list[tuple[date, int, Term, date]] = []
    for s in own:
        if s.person_id is not None or s.ends < today or s.starts > until:
            continue
        first = max(s.starts, today)
        days = ends_at.get(s.seat, [])
        splits = days[bisect_right(days, first) : bisect_right(days, s.ends)]
        for i, day in enumerate([first, *splits]):
            last = splits[i] - timedelta(days=1) if i < len(splits) else s.ends
            if day <= until:
                stretches.append((day, s.seat, s.term, last))
    stretches.sort(key=lambda x: (x[0], x[1]))
    picks: list[PlanPick] = []
    for first, seat, term, last in stretches:
        while pending and pending[0][0] < first:
            _, ended, pid = heapq.heappop(pending)
            served[pid] += 1
            last_served[pid] = max(last_served.get(pid, ended), ended)
        pick = choose(
            Candidate(m.person_id, served[m.person_id], last_served.get(m.person_id),
                      names.get(m.person_id, ""))
            for m in members
            if eligible(m, first, last)
            and not calendars[m.person_id].busy(first, last)
            and not elsewhere[m.person_id].busy(first, last)
        )  # fmt: skip
        if pick is None:
            picks.append(PlanPick(seat, term, first, last, None))
            continue
        calendars[pick.person_id].add(first, last)
        heapq.heappush(pending, (first, last, pick.person_id))
        picks.append(PlanPick(seat, term, first, last, pick.person_id))
    return picks


# --- checks -------------------------------------------------------------------------------


def _week(day: date) -> tuple[int, int]:
    year, week, _ = day.isocalendar()
    return year, week


def check_capacity(
    capacity: Capacity,
    segments: Sequence[Segment],
    others: Sequence[tuple[str, Segment]],
    records: dict[tuple[int, date], TermRecord],
    names: dict[int, str],
    today: date,
    until: date,
) -> list[RotationWarning]:
    """Every check on one capacity between ``today`` and ``until``.

    ``others`` are the segments of the other capacities with their names (for double
    duty); ``records`` maps (person id, segment start) to what was recorded of a term.
    """
    name = capacity.name

    def who(person_id: int | None) -> str:
        return names.get(person_id or 0, "someone")

    found: list[RotationWarning] = []
    soon = today + timedelta(days=LEAD_DAYS)
    for seg in segments:
        if seg.person_id is None and seg.overlaps(today, until):
            # A whole term nobody is planned for yet is the no-successor check's; a
            # stretch of a term that has someone for the rest of it is a gap.
            partial = (seg.starts, seg.ends) != (seg.term.starts, seg.term.ends)
            if seg.covers(today) or partial:
                found.append(
                    RotationWarning(
                        Check.GAP,
                        max(seg.starts, today),
                        Words(
                            f"{name} seat {seg.seat} has no one from ",
                            seg.starts,
                            " to ",
                            seg.ends,
                        ),
                    )
                )
    by_seat: dict[int, list[Segment]] = {}
    for seg in segments:
        by_seat.setdefault(seg.seat, []).append(seg)
    for seat_segments in by_seat.values():
        for seg, following in itertools.pairwise(seat_segments):
            ending = seg.person_id is not None and today <= seg.ends <= soon
            if (
                ending
                and following.person_id is None
                and following.starts == seg.ends + timedelta(days=1)
            ):
                found.append(
                    RotationWarning(
                        Check.NO_SUCCESSOR,
                        seg.ends,
                        Words(
                            f"{name} seat {seg.seat}: {who(seg.person_id)} ends on ",
                            seg.ends,
                            " and no successor is planned",
                        ),
                    )
                )
    # A turnover is someone leaving a seat: an empty seat filling (the first plan of a
    # capacity that started earlier) breaks no continuity.
    changes: dict[tuple[int, int], set[int]] = {}
    for seat, seat_segments in by_seat.items():
        for before, seg in itertools.pairwise(seat_segments):
            if before.person_id is None or not today <= seg.starts <= until:
                continue
            changes.setdefault(_week(seg.starts), set()).add(seat)
    for week, seats in sorted(changes.items()):
        if len(seats) > 1:
            monday = date.fromisocalendar(week[0], week[1], 1)
            listed = " and ".join(str(s) for s in sorted(seats))
            found.append(
                RotationWarning(
                    Check.SAME_WEEK,
                    monday,
                    Words(
                        f"{name} seats {listed} turn over in the same week (week of ", monday, ")"
                    ),
                )
            )
    for seg in segments:
        if seg.person_id is None:
            continue
        record = records.get((seg.person_id, seg.starts))
        finished_lately = seg.ends < today and (today - seg.ends).days <= RECOGNITION_DAYS
        if finished_lately and (record is None or record.recognized_on is None):
            found.append(
                RotationWarning(
                    Check.RECOGNITION,
                    seg.ends,
                    Words(
                        f"{name}: {who(seg.person_id)}'s term ended ",
                        seg.ends,
                        " with no recognition recorded (All-Hands, Q&A or other)",
                    ),
                )
            )
        if capacity.exposure and seg.covers(today) and (record is None or not record.exposure_on):
            found.append(
                RotationWarning(
                    Check.EXPOSURE,
                    today,
                    Words(
                        f"{name}: {who(seg.person_id)} has not had the exposure yet "
                        f"({capacity.exposure})"
                    ),
                )
            )
    for seg in segments:
        if seg.person_id is None or not seg.overlaps(today, until):
            continue
        for other_name, other in others:
            if other.person_id == seg.person_id and other.overlaps(seg.starts, seg.ends):
                first = max(seg.starts, other.starts, today)
                found.append(
                    RotationWarning(
                        Check.DOUBLE_DUTY,
                        first,
                        Words(
                            f"{who(seg.person_id)} serves {name} and {other_name} at once from ",
                            first,
                        ),
                    )
                )
    same = [
        (a, b)
        for i, a in enumerate(segments)
        for b in segments[i + 1 :]
        if a.person_id is not None
        and a.person_id == b.person_id
        and a.seat != b.seat
        and a.overlaps(b.starts, b.ends)
        and a.overlaps(today, until)
    ]
    for a, b in same:
        first = max(a.starts, b.starts, today)
        found.append(
            RotationWarning(
                Check.DOUBLE_DUTY,
                first,
                Words(f"{who(a.person_id)} holds two {name} seats at once from ", first),
            )
        )
    return sorted(found, key=lambda w: (w.on, w.check.value, w.text))


# --- fairness of the terms: nobody serves too long, nobody given a term loses it -----------


def term_balance_warnings(
    capacity: Capacity,
    segments: Sequence[Segment],
    exceptions: Iterable[RotationException],
    members: Sequence[Member],
    names: dict[int, str],
    today: date,
    until: date,
) -> list[RotationWarning]:
    """Two checks that a swap or an assignment keeps the rotation fair.

    - ``long-service``: a person serves this capacity without a day's break (in any of
      its seats, one stretch running into the next) for longer than one term, and the
      stretch reaches today or later. A swap into a seat that starts later than yours
      can do that (six months in seat 1, then the rest of seat 2's term).
    - ``no-term``: someone on the roster was given a seat (a plan or an assignment: an
      assign row on or after their term's start) yet, after the changes made since,
      serves no day of this capacity from today to the horizon. A later assignment or
      swap gave their place away and nothing gave them another.
    """
    name = capacity.name
    found: list[RotationWarning] = []
    by_person: dict[int, list[Segment]] = {}
    for seg in sorted(segments, key=lambda s: (s.starts, s.ends)):
        if seg.person_id is not None:
            by_person.setdefault(seg.person_id, []).append(seg)
    for person_id, own in by_person.items():
        stretches: list[list[date]] = []
        for seg in own:
            if stretches and seg.starts <= stretches[-1][1] + timedelta(days=1):
                stretches[-1][1] = max(stretches[-1][1], seg.ends)
            else:
                stretches.append([seg.starts, seg.ends])
        for first, last in stretches:
            too_long = last >= add_months(first, capacity.term_months)
            if too_long and last >= today and first <= until:
                months = (last.year - first.year) * 12 + last.month - first.month + 1
                found.append(
                    RotationWarning(
                        Check.LONG_SERVICE,
                        max(first, today),
                        Words(
                            f"{name}: {names.get(person_id, 'someone')} serves from ",
                            first,
                            " to ",
                            last,
                            f" without a break (about {months} months; a term is "
                            f"{capacity.term_months})",
                        ),
                    )
                )
    # Only someone still on the roster, in rotation, and not leaving before that term
    # is owed it: a place given away because they leave is no unfairness.
    roster = {m.person_id: m for m in members if m.capacity_id == capacity.id}
    given: dict[int, RotationException] = {}
    for e in sorted(exceptions, key=lambda e: (e.on_date, e.id)):
        member = roster.get(e.person_id or 0)
        if (
            e.capacity_id != capacity.id
            or e.kind is not ExceptionKind.ASSIGN
            or e.seat is None
            or member is None
            or member.out_of_rotation
        ):
            continue
        term = term_containing(capacity, e.seat, e.on_date)
        if term is None or term.ends < today or e.on_date > until:
            continue
        if member.leaves_on is not None and member.leaves_on < max(e.on_date, today):
            continue
        given.setdefault(member.person_id, e)
    for person_id, row in sorted(given.items(), key=lambda item: item[1].on_date):
        if busy(segments, person_id, today, until):
            continue
        found.append(
            RotationWarning(
                Check.NO_TERM,
                max(row.on_date, today),
                Words(
                    f"{name}: {names.get(person_id, 'someone')} was given seat {row.seat} from ",
                    row.on_date,
                    " but later changes leave them no term up to ",
                    until,
                ),
            )
        )
    return found


# --- someone who left still holds a seat or a host turn ------------------------------------
def candidates_for(
    members: Iterable[Member],
    names: dict[int, str],
    own: Sequence[Segment],
    others: Sequence[Segment],
    first: date,
    last: date,
) -> list[Candidate]:
    """Who may serve ``first``..``last`` of a capacity, ranked by what they served of it
    before ``first``: roster members in rotation for the whole stretch and serving
    nowhere else then (``own``: this capacity's segments, ``others``: the rest's).
    ``members`` are the roster entries of people still active."""
    history = [s for s in own if s.person_id is not None and s.starts < first]
    return [
        Candidate(
            m.person_id,
            sum(1 for s in history if s.person_id == m.person_id),
            max((s.ends for s in history if s.person_id == m.person_id), default=None),
            names[m.person_id],
        )
        for m in members
        if eligible(m, first, last)
        and not busy(own, m.person_id, first, last)
        and not busy(others, m.person_id, first, last)
    ]


class LeftSeat(NamedTuple):
    """A stretch of a seat still held by someone who left: the roster (a leave date, or
    taken off it: ``left_on`` None) or the team (archived)."""

    segment: Segment
    person_id: int
    left_on: date | None
    archived: bool
    from_date: date


def left_seats(
    segments: Sequence[Segment],
    members: Iterable[Member],
    archived_on: dict[int, date],
    today: date,
    until: date,
) -> list[LeftSeat]:
    """The stretches from ``today`` to ``until`` whose holder has left by then: archived
    on a day before the stretch ends, past their leave date before it ends, or no longer
    on the roster. The one rule for "holds a seat but left"; ``from_date`` is the first
    day someone else should serve (today at the earliest)."""
    roster = {m.person_id: m for m in members}
    found = []
    for seg in segments:
        pid = seg.person_id
        if pid is None or seg.ends < today or seg.starts > until:
            continue
        member = roster.get(pid)
        archived = archived_on.get(pid)
        # Serving through the leave date is allowed (the planner does it); gone from the
        # day of archiving.
        gone = [d for d in (archived,) if d is not None and d <= seg.ends]
        if member is not None and member.leaves_on is not None and member.leaves_on < seg.ends:
            gone.append(member.leaves_on + timedelta(days=1))
        if member is None:
            gone.append(seg.starts)
        if not gone:
            continue
        first_gone = min(gone)
        is_archived = archived is not None and archived == first_gone
        left_on = (
            archived
            if is_archived
            else (member.leaves_on if member is not None and member.leaves_on else None)
        )
        found.append(LeftSeat(seg, pid, left_on, is_archived, max(first_gone, seg.starts, today)))
    return found


def left_seat_warnings(
    capacity: Capacity,
    segments: Sequence[Segment],
    others: Sequence[Segment],
    members: Sequence[Member],
    names: dict[int, str],
    archived_on: dict[int, date],
    today: date,
    until: date,
) -> list[RotationWarning]:
    """A warning for each stretch of :func:`left_seats`, naming the planner's next pick
    for the rest of it (the fix): "Incident Review seat 1: Sam left the roster on 12 Nov
    but holds it until 31 Mar; next in line: Ana". The seat leads, as in every other
    check, so two such lines cut short on Today still differ."""
    found = []
    active = [m for m in members if m.person_id not in archived_on and not m.out_of_rotation]
    for left in left_seats(segments, members, archived_on, today, until):
        seg = left.segment
        pick = choose(
            c
            for c in candidates_for(active, names, segments, others, left.from_date, seg.ends)
            if c.person_id != left.person_id
        )
        who = names.get(left.person_id, "someone")
        if left.left_on is None:
            opening: tuple[str | date, ...] = (f"{who} is off the roster",)
        else:
            verb = (
                "was archived"
                if left.archived
                else ("left the roster" if left.left_on <= today else "leaves the roster")
            )
            opening = (f"{who} {verb} on ", left.left_on)
        next_in_line = (
            f"; next in line: {names.get(pick.person_id, 'someone')}"
            if pick is not None
            else "; nobody on the roster is free to take it"
        )
        found.append(
            RotationWarning(
                Check.LEFT,
                left.from_date,
                Words(
                    f"{capacity.name} seat {seg.seat}: ",
                    *opening,
                    " but holds it until ",
                    seg.ends,
                    next_in_line,
                ),
                Handover(
                    capacity.id,
                    seg.seat,
                    left.from_date,
                    left.person_id,
                    pick.person_id if pick is not None else None,
                ),
            )
        )
    return found


def left_host_warnings(
    rotation: HostRotation | None,
    meetings: Sequence[HostMeeting],
    names: dict[int, str],
    archived_on: dict[int, date],
) -> list[RotationWarning]:
    """A warning for each archived person who still hosts a meeting in ``meetings``
    (archived on or before its day), with the order without those who left as the fix."""
    turns: dict[int, list[date]] = {}
    for m in meetings:
        gone = archived_on.get(m.person_id or 0)
        if m.person_id is not None and gone is not None and gone <= m.on:
            turns.setdefault(m.person_id, []).append(m.on)
    order = tuple(p for p in (rotation.members if rotation else ()) if p not in archived_on)
    found = []
    for pid, days in turns.items():
        more = len(days) - 1
        also = f" (and {more} more week{'s' if more != 1 else ''})" if more else ""
        found.append(
            RotationWarning(
                Check.LEFT,
                days[0],
                Words(
                    f"Leadership meeting: {names.get(pid, 'someone')} was archived on ",
                    archived_on[pid],
                    " but hosts it on ",
                    days[0],
                    f"{also}; set the hosts again without them",
                ),
                HostReorder(pid, order),
            )
        )
    return sorted(found, key=lambda w: w.on)


# --- the weekly host ------------------------------------------------------------------------


class HostRotation(NamedTuple):
    """The host order in force from ``starts_on`` (a later one takes over from its day)."""

    id: int
    starts_on: date
    weekday: int
    at_time: str
    minutes: int
    members: tuple[int, ...]


class HostChange(NamedTuple):
    """A skipped meeting day, or two meeting days whose hosts swap."""

    on_date: date
    kind: HostChangeKind
    other_on: date | None = None


class HostMeeting(NamedTuple):
    """One weekly meeting: its day, time and host (None when skipped)."""

    on: date
    at_time: str
    minutes: int
    person_id: int | None
    skipped: bool = False
    swapped: bool = False


def first_meeting(rotation: HostRotation) -> date:
    """The first meeting day of an order: its weekday on or after its start."""
    return rotation.starts_on + timedelta(
        days=(rotation.weekday - rotation.starts_on.weekday()) % 7
    )


def host_meetings(
    rotations: Sequence[HostRotation], changes: Iterable[HostChange], until: date
) -> list[HostMeeting]:
    """Every meeting from the first order's start to ``until``, with its host.

    Each order runs from its start until the next order's; within one the k-th meeting
    held (skips excluded) is hosted by member k modulo the order's size, so a skipped
    week consumes no turn and everyone hosts once before anyone hosts twice. Swaps then
    exchange the hosts of two days.
    """
    ordered = sorted(rotations, key=lambda r: (r.starts_on, r.id))
    skips = {c.on_date for c in changes if c.kind is HostChangeKind.SKIP}
    meetings: list[HostMeeting] = []
    for i, rotation in enumerate(ordered):
        ends = ordered[i + 1].starts_on - timedelta(days=1) if i + 1 < len(ordered) else until
        ends = min(ends, until)
        day = first_meeting(rotation)
        turn = 0
        while day <= ends:
            if day in skips or not rotation.members:
                meetings.append(HostMeeting(day, rotation.at_time, rotation.minutes, None, True))
            else:
                host = rotation.members[turn % len(rotation.members)]
                meetings.append(HostMeeting(day, rotation.at_time, rotation.minutes, host))
                turn += 1
            day += timedelta(weeks=1)
    index = {m.on: i for i, m in enumerate(meetings)}
    for change in changes:
        if change.kind is not HostChangeKind.SWAP or change.other_on is None:
            continue
        a, b = index.get(change.on_date), index.get(change.other_on)
        if a is None or b is None or meetings[a].skipped or meetings[b].skipped:
            continue
        first, second = meetings[a], meetings[b]
        meetings[a] = first._replace(person_id=second.person_id, swapped=True)
        meetings[b] = second._replace(person_id=first.person_id, swapped=True)
    return meetings
