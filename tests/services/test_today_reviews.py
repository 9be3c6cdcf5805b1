"""The Today screen's Reviews part: T3B3s still to deliver this half, with the weeks
left, and reports with no feedback in the last 30 days."""

from __future__ import annotations

from datetime import date, timedelta

from leadtui.domain.people import Relation
from leadtui.domain.people_input import PersonDraft
from leadtui.domain.reviews_input import FeedbackDraft
from leadtui.domain.validation import build
from leadtui.services.today import today_overview
from leadtui.store.database import Store
from leadtui.store.people import PeopleRepository
from leadtui.store.reviews import FeedbackRepository, T3B3Repository
from tests.helpers import TODAY

HALF = "2026-H2"
SIX = (("Clear docs", "Calm on call", "Mentors"), ("Delegate", "Estimate", "Listen"))


def add(db: Store, name: str, relation: Relation = Relation.REPORT) -> int:
    return PeopleRepository(db).add(PersonDraft(name=name, relation=relation)).id


def give(db: Store, person_id: int, days_ago: int) -> None:
    day = TODAY - timedelta(days=days_ago)
    draft = build(FeedbackDraft, today=TODAY, text="Ran the review well", day=day)
    FeedbackRepository(db).add(person_id, draft)


def team(db: Store) -> dict[str, int]:
    """Ana delivered, Ben a 4/6 draft gone quiet, Cy nothing at all, Dee ready and heard
    from exactly 30 days ago; a peer and an archived report are never listed."""
    ids = {name: add(db, name) for name in ("Ana", "Ben", "Cy", "Dee")}
    ids["Pia"] = add(db, "Pia", Relation.PEER)
    ids["Zed"] = add(db, "Zed")
    PeopleRepository(db).set_archived(ids["Zed"], TODAY - timedelta(days=3))
    t3b3 = T3B3Repository(db)
    for name in ("Ana", "Dee"):
        t3b3.set_lists(ids[name], HALF, *SIX)
    t3b3.deliver(ids["Ana"], HALF, TODAY - timedelta(days=2), in_person=True)
    t3b3.set_lists(ids["Ben"], HALF, SIX[0][:2], SIX[1][:2])
    give(db, ids["Ana"], 5)
    give(db, ids["Ben"], 40)
    give(db, ids["Dee"], 30)
    give(db, ids["Pia"], 90)
    return ids


def test_due_t3b3s_least_filled_first_with_the_weeks_left(db: Store) -> None:
    team(db)
    card = today_overview(db, TODAY).reviews
    assert card is not None
    assert (card.half.label, card.weeks_left) == (HALF, 5)  # 39 days to 31 December
    assert [(p.name, text) for p, text in card.due] == [
        ("Cy", "not started"),
        ("Ben", "draft 4/6"),
        ("Dee", "ready"),
    ]


def test_quiet_reports_longest_quiet_first(db: Store) -> None:
    team(db)
    card = today_overview(db, TODAY).reviews
    assert card is not None
    assert [(p.name, last) for p, last in card.quiet] == [
        ("Cy", None),
        ("Ben", TODAY - timedelta(days=40)),
    ]


def test_delivering_and_giving_feedback_take_people_off_the_card(db: Store) -> None:
    ids = team(db)
    T3B3Repository(db).set_lists(ids["Ben"], HALF, *SIX)
    T3B3Repository(db).deliver(ids["Ben"], HALF, TODAY, in_person=True)
    give(db, ids["Cy"], 0)
    card = today_overview(db, TODAY).reviews
    assert card is not None
    assert [p.name for p, _ in card.due] == ["Cy", "Dee"]
    assert [p.name for p, _ in card.quiet] == ["Ben"]


def test_last_halfs_t3b3_does_not_count_for_this_half(db: Store) -> None:
    ids = team(db)
    T3B3Repository(db).set_lists(ids["Cy"], "2026-H1", *SIX)
    T3B3Repository(db).deliver(ids["Cy"], "2026-H1", date(2026, 6, 20), in_person=True)
    card = today_overview(db, TODAY).reviews
    assert card is not None
    assert ("Cy", "not started") in [(p.name, text) for p, text in card.due]


def test_the_configured_half_start_moves_the_half_and_the_weeks_left(db: Store) -> None:
    team(db)
    card = today_overview(db, TODAY, half_start_month=4).reviews
    assert card is not None
    # Halves of a year starting in April: October 2026 to March 2027 is 2026-H2.
    assert (card.half.label, card.weeks_left) == (HALF, (date(2027, 3, 31) - TODAY).days // 7)
    card = today_overview(db, TODAY, half_start_month=9).reviews
    assert card is not None
    assert card.half.label == "2026-H1"  # September 2026 to February 2027
    assert [text for _, text in card.due] == ["not started"] * 4
