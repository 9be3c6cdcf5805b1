"""Rotation exceptions put right: what shapes a stretch of a seat, and removing one
through the use case the command line's --undo runs."""

from __future__ import annotations

from datetime import date, timedelta

from leadtui.domain.people_input import PersonDraft
from leadtui.domain.rotations import Capacity, ExceptionKind, Segment
from leadtui.domain.rotations_input import CapacityDraft
from leadtui.services import rotations as svc
from leadtui.services.people import add_person
from leadtui.store.database import Store
from leadtui.store.rotations import RotationRepository
from tests.helpers import TODAY


def _capacity(db: Store) -> Capacity:
    for name in ("Ada Obi", "Ben Lund", "Cleo Park"):
        add_person(db, PersonDraft(name=name, relation="report"))
    capacity = svc.add_capacity(
        db, CapacityDraft(name="Incident Review", starts_on=TODAY - timedelta(days=30)), TODAY
    )
    svc.change_roster(db, capacity, ["Ada Obi", "Ben Lund", "Cleo Park"])
    return capacity


def _stretch(db: Store, capacity: Capacity, seat: int, day: date) -> Segment:
    schedule = svc.schedule_of(db, capacity, TODAY)
    return next(s for s in schedule.segments if s.seat == seat and s.covers(day))


def test_each_exception_shapes_its_stretch_and_is_removed_as_undo_does(db: Store) -> None:
    capacity = _capacity(db)
    later = TODAY + timedelta(days=10)
    svc.assign(db, capacity, 1, "Ada Obi", TODAY, TODAY)
    svc.cut_short(db, capacity, 1, later)
    svc.swap(db, capacity, "Ada Obi", "Ben Lund", TODAY)
    seg = _stretch(db, capacity, 1, TODAY)
    shaping = svc.stretch_exceptions(db, capacity, seg)
    kinds = sorted(s.exception.kind.value for s in shaping)
    assert kinds == sorted(
        k.value for k in (ExceptionKind.ASSIGN, ExceptionKind.CUT, ExceptionKind.SWAP)
    )
    texts = [s.text for s in shaping]
    assert f"assignment of seat 1 to Ada Obi from {TODAY.isoformat()}" in texts
    for s in shaping:
        said = svc.undo_exception(db, capacity, s.exception)
        assert "Incident Review" in said
    assert svc.stretch_exceptions(db, capacity, _stretch(db, capacity, 1, TODAY)) == []
    assert RotationRepository(db).exceptions(capacity.id) == []
