"""The review rituals beyond the T3B3 itself, on a real temporary database: a Bottom
item taken as the succession focus in one step."""

from __future__ import annotations

from datetime import date

import pytest

from leadtui.domain.dates import Half
from leadtui.domain.people import Person
from leadtui.domain.people_input import PersonDraft
from leadtui.domain.reviews_input import DeliveryDraft, T3B3ListsDraft
from leadtui.domain.validation import build
from leadtui.errors import InputError
from leadtui.services.people import add_person
from leadtui.services.reviews import (
    deliver_t3b3,
    dismiss_t3b3,
    overdue_t3b3s,
    set_remove_text,
    set_t3b3_lists,
)
from leadtui.services.succession import focus_half, focus_on_bottom, person_succession
from leadtui.services.undo import undo
from leadtui.store.database import Store
from leadtui.store.reviews import T3B3Repository
from tests.helpers import TODAY

H1, H2 = Half(2026, 1), Half(2026, 2)  # TODAY (2026-11-22) is in H2
TOPS = ("Incidents", "Mentoring", "Reviews")
BOTTOMS = ("Docs", "Delegation", "Estimates")


def report(db: Store, name: str = "Sam Okafor") -> Person:
    return add_person(db, PersonDraft(name=name, relation="report"))


def full(db: Store, person: Person, half: Half) -> None:
    drafted = build(T3B3ListsDraft, top=TOPS, bottom=BOTTOMS)
    set_t3b3_lists(db, person, half, drafted, today=TODAY)


def test_a_bottom_item_becomes_this_halfs_focus(db: Store) -> None:
    sam = report(db)
    full(db, sam, H2)
    result = focus_on_bottom(db, sam, H2, 2, today=TODAY)
    assert (result.focus.half, result.focus.text) == ("2026-H2", "Delegation")
    assert [f.text for f in person_succession(db, sam, H2).focus] == ["Delegation"]


def test_last_halfs_review_gives_the_running_halfs_focus(db: Store) -> None:
    sam = report(db)
    full(db, sam, H1)
    deliver_t3b3(db, sam, H1, build(DeliveryDraft, today=TODAY, day=date(2026, 6, 20)))
    assert focus_on_bottom(db, sam, H1, 1, today=TODAY).focus.half == "2026-H2"
    assert focus_on_bottom(db, sam, H1, 3, today=TODAY, for_half=H1).focus.half == "2026-H1"


def test_a_review_planned_ahead_keeps_its_focus_with_it() -> None:
    assert focus_half(Half(2027, 1), TODAY) == Half(2027, 1)
    assert focus_half(Half(2025, 2), TODAY) == H2


def test_a_missing_item_or_a_non_report_is_refused_and_nothing_is_written(db: Store) -> None:
    sam = report(db)
    full(db, sam, H2)
    with pytest.raises(InputError, match="Bottom item 4 does not exist"):
        focus_on_bottom(db, sam, H2, 4, today=TODAY)
    peer = add_person(db, PersonDraft(name="Pat Peer", relation="peer"))
    with pytest.raises(InputError):
        focus_on_bottom(db, peer, H2, 1, today=TODAY)
    assert person_succession(db, sam, H2).focus == []


def test_words_removed_on_delivery_cannot_be_taken(db: Store) -> None:
    sam = report(db)
    full(db, sam, H2)
    set_remove_text(db, sam, H2, True, today=TODAY)
    deliver_t3b3(db, sam, H2, build(DeliveryDraft, today=TODAY, day=TODAY))
    with pytest.raises(InputError, match="removed on delivery"):
        focus_on_bottom(db, sam, H2, 1, today=TODAY)


# --- overdue T3B3s ----------------------------------------------------------------------

AFTER_H2 = date(2027, 1, 5)  # H2 2026 has ended


def test_undelivered_t3b3s_are_overdue_once_the_half_ends(db: Store) -> None:
    sam = report(db)
    ana = report(db, "Ana Lima")
    full(db, sam, H2)
    assert overdue_t3b3s(db, TODAY) == []  # H2 runs; H1 came before any T3B3 was begun
    found = {(o.person.name, o.half.label, o.status) for o in overdue_t3b3s(db, AFTER_H2)}
    assert found == {("Sam Okafor", "2026-H2", "ready"), ("Ana Lima", "2026-H2", "not started")}
    deliver_t3b3(db, sam, H2, build(DeliveryDraft, today=AFTER_H2, day=date(2026, 12, 20)))
    assert [o.person.name for o in overdue_t3b3s(db, AFTER_H2)] == [ana.name]


def test_an_earlier_half_begun_and_left_stays_overdue(db: Store) -> None:
    sam = report(db)
    full(db, sam, H1)
    later = date(2027, 8, 1)  # two halves on
    assert {(o.half.label, o.status) for o in overdue_t3b3s(db, later)} == {
        ("2026-H1", "ready"),
        ("2027-H1", "not started"),
    }


def test_someone_who_started_after_the_half_is_not_overdue(db: Store) -> None:
    full(db, report(db), H2)
    add_person(db, PersonDraft(name="New Hire", relation="report", started_on="2027-01-02"))
    assert [o.person.name for o in overdue_t3b3s(db, AFTER_H2)] == ["Sam Okafor"]


def test_nothing_is_overdue_before_the_ritual_was_in_use(db: Store) -> None:
    report(db)
    assert overdue_t3b3s(db, AFTER_H2) == []  # no T3B3 was ever begun: no backlog


def test_dismissing_ends_overdue_and_undo_brings_it_back(db: Store) -> None:
    sam = report(db)
    full(db, sam, H2)
    dismissed = dismiss_t3b3(db, sam, H2, AFTER_H2)
    assert dismissed.t3b3.dismissed_on == AFTER_H2
    assert overdue_t3b3s(db, AFTER_H2) == []
    assert undo(db).label == "dismissed 2026-H2 T3B3 for Sam Okafor"
    assert [o.half for o in overdue_t3b3s(db, AFTER_H2)] == [H2]


@pytest.mark.parametrize(
    ("day", "message"),
    [(TODAY, "2026-H2 has not ended"), (AFTER_H2, "was delivered")],
)
def test_only_an_ended_undelivered_t3b3_is_dismissed(db: Store, day: date, message: str) -> None:
    sam = report(db)
    full(db, sam, H2)
    if day == AFTER_H2:
        deliver_t3b3(db, sam, H2, build(DeliveryDraft, today=day, day=date(2026, 12, 1)))
    with pytest.raises(InputError, match=message):
        dismiss_t3b3(db, sam, H2, day)
    assert T3B3Repository(db).get(sam.id, H2.label).dismissed_on is None
