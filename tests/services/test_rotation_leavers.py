"""Someone who leaves the roster or the team while holding a seat or host turns: every
schedule says so, names the planner's next pick, and applying the fix hands it over."""

from __future__ import annotations

from datetime import date

import pytest

from leadtui.domain.people_input import PersonDraft
from leadtui.domain.rotations import (
    Capacity,
    Check,
    Handover,
    HostReorder,
    Member,
    RotationWarning,
    Segment,
    Term,
    left_seats,
)
from leadtui.domain.rotations_input import CapacityDraft, HostDraft, MemberDraft
from leadtui.domain.validation import build
from leadtui.errors import InputError
from leadtui.services import hosts as ho
from leadtui.services import rotation_feeds as feeds
from leadtui.services import rotations as svc
from leadtui.services.people import add_person, archive_person, resolve_person
from leadtui.store.database import Store
from tests.helpers import TODAY

NAMES = ("Ana", "Ben", "Cy", "Di")
TERM = Term(1, 0, date(2026, 10, 1), date(2027, 3, 31))


def seg(person: int | None) -> Segment:
    return Segment(1, TERM, TERM.starts, TERM.ends, person)


@pytest.mark.parametrize(
    ("member", "archived", "left"),
    [
        (Member(1, 7), {}, False),  # still on the roster: nothing to say
        (Member(1, 7, leaves_on=date(2027, 3, 31)), {}, False),  # serves through their last day
        (Member(1, 7, leaves_on=date(2026, 12, 15)), {}, True),
        (Member(1, 7), {7: date(2026, 11, 20)}, True),
        (None, {}, True),  # taken off the roster
        (Member(1, 7), {7: date(2027, 5, 1)}, False),  # archived after the term (if ever)
    ],
)
def test_who_holds_a_seat_but_left(
    member: Member | None, archived: dict[int, date], left: bool
) -> None:
    members = [member] if member is not None else []
    found = left_seats([seg(7), seg(None)], members, archived, TODAY, date(2027, 12, 31))
    assert bool(found) is left
    if found:
        assert found[0].from_date >= TODAY


@pytest.fixture
def team(db: Store) -> Store:
    for name in NAMES:
        add_person(db, PersonDraft(name=name))
    return db


def _planned(db: Store) -> Capacity:
    draft = build(CapacityDraft, today=TODAY, name="Incident Review", starts_on="2026-07-01")
    capacity = svc.add_capacity(db, draft, TODAY)
    svc.change_roster(db, capacity, list(NAMES))
    svc.plan(db, capacity, TODAY, date(2027, 6, 30))
    return capacity


def _holder_now(db: Store, capacity: Capacity, seat: int) -> int:
    schedule = svc.schedule_of(db, capacity, TODAY)
    held = next(s for s in schedule.segments if s.seat == seat and s.covers(TODAY))
    assert held.person_id is not None
    return held.person_id


def _left(db: Store, capacity: Capacity) -> list[RotationWarning]:
    return [w for w in svc.schedule_of(db, capacity, TODAY).warnings if w.check is Check.LEFT]


def test_an_archived_seat_holder_is_warned_with_the_next_in_line(team: Store) -> None:
    capacity = _planned(team)
    assert _left(team, capacity) == []
    holder = _holder_now(team, capacity, 1)
    archive_person(team, holder, TODAY)
    (warning,) = [
        w for w in _left(team, capacity) if isinstance(w.fix, Handover) and w.fix.seat == 1
    ]
    assert isinstance(warning.fix, Handover)
    name = svc.schedule_of(team, capacity, TODAY).name_of(holder)
    assert warning.text.startswith(
        f"Incident Review seat 1: {name} was archived on {TODAY.isoformat()} but holds it until"
    )
    replacement = warning.fix.replacement_id
    assert replacement is not None and replacement != holder
    assert f"next in line: {svc.schedule_of(team, capacity, TODAY).name_of(replacement)}" in (
        warning.text
    )
    # The pick is the planner's: someone free for the rest of the term, on the roster.
    others = [s for s in svc.schedule_of(team, capacity, TODAY).segments if s.covers(TODAY)]
    assert replacement not in {s.person_id for s in others}
    feeds.hand_over(team, warning.fix, TODAY)
    assert _holder_now(team, capacity, 1) == replacement
    assert not [w for w in _left(team, capacity) if isinstance(w.fix, Handover) and w.fix.seat == 1]


def test_a_leave_date_mid_term_is_warned_from_the_day_after(team: Store) -> None:
    capacity = _planned(team)
    holder = _holder_now(team, capacity, 2)
    person = resolve_person(team, str(holder))
    svc.change_roster(
        team, capacity, [person.name], dates=build(MemberDraft, leaves_on="2026-12-15")
    )
    warnings = [
        w
        for w in _left(team, capacity)
        if isinstance(w.fix, Handover) and w.fix.leaver_id == holder
    ]
    assert warnings
    first = warnings[0]
    assert isinstance(first.fix, Handover)
    assert first.fix.from_date == date(2026, 12, 16)
    assert "leaves the roster on 2026-12-15" in first.text
    today = feeds.rotations_today(team, TODAY)
    assert first in today.warnings


def test_taken_off_the_roster_while_serving_is_warned(team: Store) -> None:
    capacity = _planned(team)
    holder = _holder_now(team, capacity, 1)
    svc.change_roster(team, capacity, [str(holder)], remove=True)
    texts = [w.text for w in _left(team, capacity)]
    assert any(
        t.startswith("Incident Review seat 1: ") and "is off the roster but holds it" in t
        for t in texts
    )


def test_nobody_free_is_said_and_the_fix_refused(team: Store) -> None:
    draft = build(CapacityDraft, today=TODAY, name="Solo", starts_on="2026-07-01", seats=1)
    capacity = svc.add_capacity(team, draft, TODAY)
    svc.change_roster(team, capacity, ["Ana"])
    svc.plan(team, capacity, TODAY)
    archive_person(team, resolve_person(team, "Ana").id, TODAY)
    warnings = _left(team, capacity)
    assert warnings and all("nobody on the roster is free" in w.text for w in warnings)
    warning = warnings[0]
    assert isinstance(warning.fix, Handover)
    with pytest.raises(InputError, match="nobody on the Solo roster is free"):
        feeds.hand_over(team, warning.fix, TODAY)


def test_an_archived_host_keeps_no_turn_once_the_fix_is_applied(team: Store) -> None:
    ho.set_hosts(team, list(NAMES[:3]), HostDraft(weekday="tue", at_time="09:30"), TODAY)
    assert ho.host_schedule(team, TODAY).warnings == []
    ana = resolve_person(team, "Ana")
    archive_person(team, ana.id, TODAY)
    hosts = ho.host_schedule(team, TODAY)
    (warning,) = hosts.warnings
    assert warning.text.startswith(
        f"Leadership meeting: Ana was archived on {TODAY.isoformat()} but hosts it on"
    )
    assert isinstance(warning.fix, HostReorder)
    assert warning.fix in {w.fix for w in feeds.rotations_today(team, TODAY).warnings}
    after = feeds.hand_over(team, warning.fix, TODAY)
    assert isinstance(after, ho.HostSchedule)
    assert ana.id not in {m.person_id for m in after.meetings}
    assert after.rotation is not None and after.rotation.at_time == "09:30"
    assert after.warnings == []
