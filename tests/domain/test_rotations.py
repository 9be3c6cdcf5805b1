"""The schedule rules of meeting rotations, for any start, term length and seat count."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from hypothesis import given, settings
from hypothesis import strategies as st

from leadtui.domain.rotations import (
    Capacity,
    Check,
    ExceptionKind,
    HostChange,
    HostChangeKind,
    HostRotation,
    Member,
    RotationException,
    Segment,
    Term,
    busy,
    check_capacity,
    computed_terms,
    default_offset,
    eligible,
    host_meetings,
    offset_problem,
    phases,
    plan_terms,
    resolve,
    seat_terms,
    term_balance_warnings,
    term_containing,
    term_start,
)


@st.composite
def capacities(draw: st.DrawFn) -> Capacity:
    """A valid capacity: any start (the 29th–31st drawn often), term 1–36, seats that can
    be offset, an offset that keeps seats apart."""
    year = draw(st.integers(1990, 2150))
    month = draw(st.integers(1, 12))
    day = draw(st.one_of(st.integers(1, 28), st.sampled_from([29, 30, 31])))
    while True:
        try:
            start = date(year, month, day)
            break
        except ValueError:
            day -= 1
    term = draw(st.integers(1, 36))
    seats = draw(st.integers(1, min(term, 6)))
    offset = default_offset(term, seats)
    choice = draw(st.integers(0, term))
    if offset_problem(term, seats, choice) is None:
        offset = choice
    assert offset_problem(term, seats, offset) is None
    return Capacity(1, "Incident Review", None, term, seats, offset, start, None)


@given(capacities(), st.integers(0, 40))
def test_every_boundary_is_one_step_from_the_anchor(capacity: Capacity, years: int) -> None:
    """No drift: after the bootstrap, term k of a seat starts at anchor + phase + j × term
    months, computed from the anchor; a clamped 31st never shortens later terms."""
    until = capacity.starts_on + relativedelta(years=years % 12 + 1)
    for seat, phase in enumerate(
        phases(capacity.term_months, capacity.seats, capacity.offset_months), 1
    ):
        terms = seat_terms(capacity, seat, until)
        assert terms[0].starts == capacity.starts_on
        regular = terms[1:] if phase > 0 else terms
        for j, term in enumerate(regular):
            expected = capacity.starts_on + relativedelta(months=phase + j * capacity.term_months)
            assert term.starts == expected
        for earlier, later in itertools.pairwise(terms):
            assert earlier.ends + timedelta(days=1) == later.starts


def test_the_31st_does_not_drift() -> None:
    """31 Jan + 3 months is 30 Apr, but the term after is 31 Jul, not 30 Jul."""
    capacity = Capacity(1, "Spec Review", None, 3, 1, 0, date(2026, 1, 31), None)
    starts = [t.starts for t in seat_terms(capacity, 1, date(2027, 1, 31))]
    assert starts[:5] == [
        date(2026, 1, 31),
        date(2026, 4, 30),
        date(2026, 7, 31),
        date(2026, 10, 31),
        date(2027, 1, 31),
    ]


def test_bootstrap_shortens_the_second_seat() -> None:
    """Two seats of six months offset by three: seat 2's first term is three months."""
    capacity = Capacity(1, "Incident Review", None, 6, 2, 3, date(2026, 1, 1), None)
    seat2 = seat_terms(capacity, 2, date(2027, 1, 1))
    assert (seat2[0].starts, seat2[0].ends) == (date(2026, 1, 1), date(2026, 3, 31))
    assert (seat2[1].starts, seat2[1].ends) == (date(2026, 4, 1), date(2026, 9, 30))
    assert term_start(capacity, 1, 1) == date(2026, 7, 1)


@given(capacities())
def test_seats_never_turn_over_in_the_same_week_after_bootstrap(capacity: Capacity) -> None:
    until = capacity.starts_on + relativedelta(months=capacity.term_months * 3)
    weeks: dict[tuple[int, int], int] = {}
    for term in computed_terms(capacity, until):
        if term.starts == capacity.starts_on:
            continue  # the bootstrap day: every seat starts together by design
        week = term.starts.isocalendar()[:2]
        assert week not in weeks or weeks[week] == term.seat, (term, weeks)
        weeks[week] = term.seat


def _plan(capacity: Capacity, roster: list[Member], until: date) -> list[Segment]:
    """The plan rule in miniature: each unassigned term gets the best free member."""
    assigned: list[RotationException] = []
    served: dict[int, date] = {}
    for term in computed_terms(capacity, until):
        taken = resolve(capacity, assigned, until)
        free = [
            m.person_id
            for m in roster
            if eligible(m, term.starts, term.ends)
            and not busy(taken, m.person_id, term.starts, term.ends)
        ]
        if not free:
            continue
        person = min(free, key=lambda p: (p in served, served.get(p, date.min), p))
        served[person] = term.ends
        assigned.append(
            RotationException(
                len(assigned) + 1, capacity.id, ExceptionKind.ASSIGN, term.starts, term.seat, person
            )
        )
    return resolve(capacity, assigned, until)


@settings(max_examples=60, deadline=None)
@given(capacities(), st.integers(0, 3))
def test_every_seat_is_filled_when_the_roster_allows(capacity: Capacity, spare: int) -> None:
    """With at least as many people as seats, nobody is in two seats at once and every
    seat has someone on every day."""
    roster = [Member(1, p) for p in range(1, capacity.seats + spare + 1)]
    until = capacity.starts_on + relativedelta(months=capacity.term_months * 2)
    segments = _plan(capacity, roster, until)
    assert all(s.person_id is not None for s in segments)
    for i, a in enumerate(segments):
        for b in segments[i + 1 :]:
            if a.overlaps(b.starts, b.ends):
                assert a.person_id != b.person_id


def _assign(eid: int, seat: int, day: date, person: int) -> RotationException:
    return RotationException(eid, 1, ExceptionKind.ASSIGN, day, seat, person)


def test_removing_an_exception_restores_the_computed_schedule() -> None:
    capacity = Capacity(1, "Incident Review", None, 6, 2, 3, date(2026, 1, 1), None)
    until = date(2026, 12, 31)
    base = [_assign(1, 1, date(2026, 1, 1), 10), _assign(2, 2, date(2026, 1, 1), 20)]
    cut = RotationException(3, 1, ExceptionKind.CUT, date(2026, 3, 15), 1)
    swap = RotationException(4, 1, ExceptionKind.SWAP, date(2026, 2, 1), None, 10, 20)
    before = resolve(capacity, base, until)
    with_cut = resolve(capacity, [*base, cut], until)
    gap = [s for s in with_cut if s.person_id is None and s.seat == 1 and s.term.number == 0]
    assert gap and gap[0].starts == date(2026, 3, 16)
    swapped = resolve(capacity, [*base, swap], until)
    feb = [s for s in swapped if s.covers(date(2026, 2, 10))]
    assert {(s.seat, s.person_id) for s in feb} == {(1, 20), (2, 10)}
    assert resolve(capacity, base, until) == before


def test_checks_flag_gaps_same_week_no_successor_recognition_exposure_double_duty() -> None:
    capacity = Capacity(1, "Incident Review", None, 6, 2, 3, date(2026, 1, 1), "planning")
    today = date(2026, 6, 10)
    rows = [
        _assign(1, 1, date(2026, 1, 1), 10),
        _assign(5, 2, date(2026, 1, 1), 30),  # the bootstrap term: finished, not recognised
        _assign(2, 2, date(2026, 4, 1), 20),
        _assign(3, 2, date(2026, 7, 2), 30),  # a hand-over in seat 1's turnover week
        _assign(4, 1, date(2026, 7, 8), 40),
    ]
    segments = resolve(capacity, rows, date(2027, 6, 10))
    other = Segment(1, segments[0].term, date(2026, 5, 1), date(2026, 8, 1), 20)
    names = {10: "Ana", 20: "Ben", 30: "Cy", 40: "Di"}
    found = check_capacity(
        capacity, segments, [("Spec Review", other)], {}, names, today, date(2027, 6, 10)
    )
    kinds = {w.check for w in found}
    assert {Check.GAP, Check.SAME_WEEK, Check.NO_SUCCESSOR, Check.RECOGNITION} <= kinds
    assert {Check.EXPOSURE, Check.DOUBLE_DUTY} <= kinds


def test_a_swap_that_keeps_someone_longer_than_a_term_is_warned() -> None:
    """Ana's seat 1 term runs January to June; swapping her with Ben in April puts her in
    seat 2 until September: nine months without a break, against six-month terms."""
    capacity = Capacity(1, "Incident Review", None, 6, 2, 3, date(2026, 1, 1), None)
    until, today = date(2026, 12, 31), date(2026, 3, 10)
    plan = [
        _assign(1, 1, date(2026, 1, 1), 10),
        _assign(2, 2, date(2026, 1, 1), 30),
        _assign(3, 2, date(2026, 4, 1), 20),
        _assign(4, 1, date(2026, 7, 1), 40),
    ]
    members = [Member(1, p) for p in (10, 20, 30, 40)]
    names = {10: "Ana", 20: "Ben", 30: "Cy", 40: "Di"}
    planned = resolve(capacity, plan, until)
    assert term_balance_warnings(capacity, planned, plan, members, names, today, until) == []
    swap = RotationException(5, 1, ExceptionKind.SWAP, date(2026, 4, 1), None, 10, 20)
    swapped = resolve(capacity, [*plan, swap], until)
    [warning] = term_balance_warnings(
        capacity, swapped, [*plan, swap], members, names, today, until
    )
    assert warning.check is Check.LONG_SERVICE
    assert warning.text == (
        "Incident Review: Ana serves from 2026-01-01 to 2026-09-30 without a break "
        "(about 9 months; a term is 6)"
    )


def test_an_assignment_that_leaves_someone_planned_with_no_term_is_warned() -> None:
    capacity = Capacity(1, "Incident Review", None, 6, 2, 3, date(2026, 1, 1), None)
    until, today = date(2026, 12, 31), date(2026, 6, 10)
    plan = [
        _assign(1, 1, date(2026, 1, 1), 10),
        _assign(2, 2, date(2026, 4, 1), 20),
        _assign(3, 1, date(2026, 7, 1), 40),
        _assign(4, 2, date(2026, 10, 1), 30),
    ]
    names = {10: "Ana", 20: "Ben", 30: "Cy", 40: "Di", 50: "Eve"}
    members = [Member(1, p) for p in names]
    # Eve takes Di's term by name: Di, planned for July, has nothing left.
    rows = [*plan, _assign(5, 1, date(2026, 7, 1), 50)]
    found = term_balance_warnings(
        capacity, resolve(capacity, rows, until), rows, members, names, today, until
    )
    assert [(w.check, w.text) for w in found] == [
        (
            Check.NO_TERM,
            "Incident Review: Di was given seat 1 from 2026-07-01 but later changes "
            "leave them no term up to 2026-12-31",
        )
    ]
    # Someone off the roster is not owed a term.
    gone = [Member(1, p, leaves_on=date(2026, 6, 30) if p == 40 else None) for p in names]
    assert not term_balance_warnings(
        capacity, resolve(capacity, rows, until), rows, gone, names, today, until
    )


# --- the weekly host ---------------------------------------------------------------------


@given(
    st.lists(st.integers(1, 50), min_size=1, max_size=8, unique=True),
    st.sets(st.integers(0, 60), max_size=20),
    st.integers(0, 6),
)
def test_host_round_robin_skips_consume_no_turn(
    members: list[int], skipped_weeks: set[int], weekday: int
) -> None:
    """Everyone hosts once before anyone hosts twice; a skipped week gives the turn to the
    next meeting, so nobody is skipped for good."""
    start = date(2026, 1, 5)
    rotation = HostRotation(1, start, weekday, "09:00", 60, tuple(members))
    first = start + timedelta(days=(weekday - start.weekday()) % 7)
    skips = [HostChange(first + timedelta(weeks=w), HostChangeKind.SKIP) for w in skipped_weeks]
    meetings = host_meetings([rotation], skips, first + timedelta(weeks=80))
    held: list[int] = []
    for m in meetings:
        if not m.skipped:
            assert m.person_id is not None  # a meeting that is held has a host
            held.append(m.person_id)
    assert all(m.person_id is None for m in meetings if m.skipped)
    assert {m.on for m in meetings if m.skipped} == {s.on_date for s in skips}
    for i, host in enumerate(held):
        assert host == members[i % len(members)]
    for block in range(0, len(held) - len(members) + 1, len(members)):
        assert sorted(held[block : block + len(members)]) == sorted(members)


def test_host_swap_exchanges_two_days_and_a_new_order_keeps_the_past() -> None:
    start = date(2026, 1, 5)  # a Monday
    first = HostRotation(1, start, 0, "09:00", 60, (1, 2, 3))
    swap = HostChange(date(2026, 1, 5), HostChangeKind.SWAP, date(2026, 1, 19))
    meetings = host_meetings([first], [swap], date(2026, 2, 1))
    assert [m.person_id for m in meetings[:4]] == [3, 2, 1, 1]
    later = HostRotation(2, date(2026, 1, 20), 0, "09:00", 60, (4, 5))
    both = host_meetings([first, later], [], date(2026, 2, 10))
    assert [m.person_id for m in both] == [1, 2, 3, 4, 5, 4]


# --- planning over any history of exceptions ---------------------------------------------

_PEOPLE = (1, 2, 3, 4, 5)
_PLAN_START = date(2026, 1, 1)


@st.composite
def histories(
    draw: st.DrawFn,
) -> tuple[Capacity, list[Member], list[RotationException], date, list[Segment]]:
    """A two- or three-seat capacity, a roster (some out of rotation, joining late or
    leaving), and any sequence of assignments, cuts and swaps, including the odd ones an
    older import could store: a swap of someone with themself or with nobody, two people
    neither of whom serves, an assignment of nobody. Rows get ids in the order made."""
    term = draw(st.integers(2, 6))
    seats = draw(st.integers(2, min(3, term)))
    capacity = Capacity(
        1, "Incident Review", None, term, seats, default_offset(term, seats), _PLAN_START, None
    )
    days = st.integers(0, 700).map(lambda n: _PLAN_START + timedelta(days=n))
    people = st.sampled_from(_PEOPLE)
    members = []
    for pid in _PEOPLE[: draw(st.integers(seats, len(_PEOPLE)))]:
        members.append(
            Member(
                1,
                pid,
                draw(st.none() | days),
                draw(st.none() | days),
                pid % 2 == 0 and draw(st.booleans()),
            )
        )
    rows: list[RotationException] = []
    for n in range(draw(st.integers(0, 10))):
        kind = draw(st.sampled_from(ExceptionKind))
        on = draw(days)
        if kind is ExceptionKind.SWAP:
            first = draw(people)
            other = draw(st.none() | people | st.just(first))
            rows.append(RotationException(n + 1, 1, kind, on, None, first, other))
        else:
            seat = draw(st.integers(1, seats))
            who = draw(st.none() | people) if kind is ExceptionKind.ASSIGN else None
            rows.append(RotationException(n + 1, 1, kind, on, seat, who))
    today = draw(days)
    # Stretches the same people serve in other capacities: the plan works around them.
    others = []
    for _ in range(draw(st.integers(0, 3))):
        begins = draw(days)
        last = begins + timedelta(days=draw(st.integers(0, 200)))
        others.append(Segment(1, Term(1, 0, begins, last), begins, last, draw(people)))
    return capacity, members, rows, today, others


def _rank(segments: list[Segment], person: int, first: date) -> tuple[bool, date]:
    """Never served before ``first`` first, then the longest ago: from the schedule."""
    before = [min(s.ends, first - timedelta(days=1)) for s in segments
              if s.person_id == person and s.starts < first]  # fmt: skip
    return (bool(before), max(before, default=date.min))


@settings(max_examples=200, deadline=None)
@given(histories(), st.integers(1, 30))
def test_a_plan_after_any_exceptions_is_who_serves_one_seat_each_least_recent_first(
    history: tuple[Capacity, list[Member], list[RotationException], date, list[Segment]],
    months: int,
) -> None:
    """Whatever swaps, cuts and assignments came before, each stretch the plan fills is
    served by the person it picked, who holds no other seat on any of its days, and no
    free, eligible roster member had served less recently."""
    capacity, members, rows, today, others = history
    until = today + relativedelta(months=months)
    picks = plan_terms(capacity, rows, members, {}, others, today, until)
    made = [
        RotationException(len(rows) + i + 1, 1, ExceptionKind.ASSIGN, p.starts, p.seat, p.person_id)
        for i, p in enumerate(q for q in picks if q.person_id is not None)
    ]
    final = resolve(capacity, [*rows, *made], until)
    for pick in picks:
        here = [s for s in final if s.seat == pick.seat and s.overlaps(pick.starts, pick.ends)]
        assert here and all(s.person_id == pick.person_id for s in here), (pick, here)
        free = [
            m.person_id
            for m in members
            if eligible(m, pick.starts, pick.ends)
            and not any(
                s.person_id == m.person_id
                and s.overlaps(pick.starts, pick.ends)
                and not (s.seat == pick.seat and pick.person_id == m.person_id)
                for s in final
            )
            and not any(
                o.person_id == m.person_id and o.overlaps(pick.starts, pick.ends) for o in others
            )
        ]
        if pick.person_id is None:
            assert not free, (pick, free)
            continue
        assert pick.person_id in free, f"{pick.person_id} is in two seats at once: {pick}"
        best = min(_rank(final, p, pick.starts) for p in free)
        assert _rank(final, pick.person_id, pick.starts) == best, pick


@settings(max_examples=200, deadline=None)
@given(capacities(), st.integers(0, 4000))
def test_the_term_containing_a_day_is_the_computed_one(capacity: Capacity, days: int) -> None:
    """Found by arithmetic, it is the term the walk from the start finds."""
    day = capacity.starts_on + timedelta(days=days)
    for seat in range(1, capacity.seats + 1):
        walked = seat_terms(capacity, seat, day)[-1]
        assert term_containing(capacity, seat, day) == walked
        assert walked.starts <= day <= walked.ends
