from __future__ import annotations

from datetime import date

import pytest

from leadtui.domain.dates import Half
from leadtui.domain.feedback import T3B3Side
from leadtui.domain.feedback_input import FeedbackDraft
from leadtui.domain.oneonones import PointStatus
from leadtui.domain.oneonones_input import PointDraft, SeriesDraft
from leadtui.domain.people_input import PersonDraft
from leadtui.domain.validation import build
from leadtui.errors import InputError
from leadtui.services.review import t3b3_view
from leadtui.store.database import Store
from leadtui.store.feedback import FeedbackRepository, T3B3Repository
from leadtui.store.oneonones import OneOnOneRepository
from leadtui.store.people import PeopleRepository
from tests.helpers import TODAY

HALF = "2026-H2"
TOP, BOTTOM = T3B3Side.TOP, T3B3Side.BOTTOM


def person(db: Store) -> int:
    return PeopleRepository(db).add(PersonDraft(name="Sam")).id


def feedback(db: Store, pid: int, text: str, day: str = "2026-10-01", **kw: str) -> int:
    draft = build(FeedbackDraft, today=TODAY, text=text, day=day, **kw)
    return FeedbackRepository(db).add(pid, draft).id


def full(db: Store, pid: int) -> T3B3Repository:
    repo = T3B3Repository(db)
    repo.set_lists(
        pid, HALF, ("Incidents", "Mentoring", "Reviews"), ("Docs", "Delegation", "Estimates")
    )
    return repo


def test_a_fourth_item_is_refused_and_nothing_is_written(db: Store) -> None:
    pid = person(db)
    repo = T3B3Repository(db)
    for text in ("a", "b", "c"):
        repo.add_item(pid, HALF, TOP, text)
    with pytest.raises(InputError, match="Top already has 3 of 3"):
        repo.add_item(pid, HALF, TOP, "d")
    assert [i.text for i in repo.get(pid, HALF).side(TOP)] == ["a", "b", "c"]


def test_reorder_remove_and_edit_keep_ranks_dense(db: Store) -> None:
    pid = person(db)
    repo = full(db, pid)
    t = repo.get(pid, HALF)
    docs = t.side(BOTTOM)[0]
    t = repo.move_item(docs.id, 1)
    assert [i.text for i in t.side(BOTTOM)] == ["Delegation", "Docs", "Estimates"]
    assert [i.rank for i in t.side(BOTTOM)] == [1, 2, 3]
    delegation = t.side(BOTTOM)[0]
    t = repo.remove_item(delegation.id)
    assert [(i.rank, i.text) for i in t.side(BOTTOM)] == [(1, "Docs"), (2, "Estimates")]
    t = repo.edit_item(t.side(BOTTOM)[1].id, "Estimation of migrations")
    assert t.side(BOTTOM)[1].text == "Estimation of migrations"


def test_deliver_needs_three_plus_three_and_records_in_person(db: Store) -> None:
    pid = person(db)
    repo = T3B3Repository(db)
    repo.set_lists(pid, HALF, ("a", "b", "c"), ("d", "e"))
    with pytest.raises(InputError, match="this one has 3 \\+ 2"):
        repo.deliver(pid, HALF, TODAY, True)
    assert repo.get(pid, HALF).delivered_on is None
    repo.set_lists(pid, HALF, None, ("d", "e", "f"))
    t = repo.deliver(pid, HALF, date(2026, 11, 20), True)
    assert (t.delivered_on, t.in_person, t.status_text()) == (
        date(2026, 11, 20),
        True,
        "delivered ✓ in person",
    )
    assert [i.text for i in t.side(TOP)] == ["a", "b", "c"]  # kept by default
    with pytest.raises(InputError, match="kept as delivered"):
        repo.add_item(pid, HALF, BOTTOM, "late")


def test_remove_text_after_delivery_keeps_only_the_fact(db: Store) -> None:
    pid = person(db)
    repo = full(db, pid)
    repo.set_remove_text(pid, HALF, True)
    t = repo.deliver(pid, HALF, TODAY, False)
    assert t.items == () and t.text_removed and t.delivered_on == TODAY and t.in_person is False
    texts = db.execute("select count(*) from t3b3_item").fetchone()[0]
    assert texts == 0


def test_links_survive_a_list_rewrite_when_the_text_is_unchanged(db: Store) -> None:
    pid = person(db)
    fid = feedback(db, pid, "Design docs hard to follow", kind="growth")
    repo = full(db, pid)
    view = t3b3_view(db, PeopleRepository(db).get(pid), Half(2026, 2))
    docs = view.t3b3.side(BOTTOM)[0]
    assert [e.id for e in view.suggestions[docs.id]] == [fid]
    repo.link_item(docs.id, view.suggestions[docs.id][0])
    t = repo.set_lists(pid, HALF, None, ("docs", "Delegation", "Public speaking"))
    assert t.side(BOTTOM)[0].feedback_id == fid  # same words, any case: link kept
    assert [i.text for i in t.surprises()] == ["Delegation", "Public speaking"]


def test_evidence_covers_this_and_the_previous_half_only(db: Store) -> None:
    pid = person(db)
    oo = OneOnOneRepository(db)
    series = oo.save_series(pid, SeriesDraft(weekday=1, starts_on=date(2025, 1, 7)))
    point = oo.add_point(series.id, PointDraft(text="Estimates keep slipping"), date(2026, 3, 2))
    oo.set_point_status(point.id, PointStatus.DISCUSSED)
    oo.close_session(oo.series_for(pid) or series, date(2026, 3, 3))
    dropped = oo.add_point(series.id, PointDraft(text="Estimates again"), TODAY)
    oo.set_point_status(dropped.id, PointStatus.DROPPED)
    feedback(db, pid, "Estimates were off in 2025", day="2025-11-01", kind="growth")
    feedback(db, pid, "Estimates improved", day="2026-11-01", kind="growth")
    repo = full(db, pid)
    found = repo.evidence(pid, date(2026, 1, 1), date(2026, 12, 31))
    assert sorted((e.kind, e.text) for e in found) == [
        ("feedback", "Estimates improved"),
        ("point", "Estimates keep slipping"),
    ]


def test_feedback_given_during_a_session_is_filed_under_it(db: Store) -> None:
    pid = person(db)
    oo = OneOnOneRepository(db)
    series = oo.save_series(pid, SeriesDraft(weekday=1, starts_on=date(2026, 11, 3)))
    draft = build(FeedbackDraft, today=TODAY, text="Sharp incident review")
    given = FeedbackRepository(db).add(pid, draft, series_id=series.id)
    assert FeedbackRepository(db).pending_in_series(series.id) == [given]
    session = oo.close_session(series, TODAY)
    assert FeedbackRepository(db).get(given.id).session_id == session.id
    assert FeedbackRepository(db).pending_in_series(series.id) == []


def test_private_notes_do_not_count_as_raised_unless_given_in_a_1on1(db: Store) -> None:
    pid = person(db)
    oo = OneOnOneRepository(db)
    series = oo.save_series(pid, SeriesDraft(weekday=1, starts_on=date(2026, 7, 7)))
    feedback(db, pid, "Heard the estimates slipped", kind="growth", visibility="private")
    told = build(FeedbackDraft, today=TODAY, text="Estimates slipped again", visibility="private")
    FeedbackRepository(db).add(pid, told, series_id=series.id)
    oo.add_point(series.id, PointDraft(text="Estimates: my worry", visibility="private"), TODAY)
    before_hold = T3B3Repository(db).evidence(pid, date(2026, 1, 1), TODAY)
    assert before_hold == []
    oo.close_session(series, TODAY)  # the feedback was given in this session
    found = T3B3Repository(db).evidence(pid, date(2026, 1, 1), TODAY)
    assert [e.text for e in found] == ["Estimates slipped again"]


def test_a_point_only_planned_for_the_next_1on1_was_not_raised_yet(db: Store) -> None:
    pid = person(db)
    oo = OneOnOneRepository(db)
    series = oo.save_series(pid, SeriesDraft(weekday=1, starts_on=date(2026, 7, 7)))
    oo.add_point(series.id, PointDraft(text="Estimates keep slipping"), TODAY)
    assert T3B3Repository(db).evidence(pid, date(2026, 1, 1), TODAY) == []


def test_the_same_item_twice_on_a_side_is_refused(db: Store) -> None:
    pid = person(db)
    repo = T3B3Repository(db)
    repo.add_item(pid, HALF, BOTTOM, "Delegation")
    with pytest.raises(InputError, match="Bottom already has 'delegation'"):
        repo.add_item(pid, HALF, BOTTOM, "delegation")
    repo.add_item(pid, HALF, TOP, "Delegation")  # the other side may name it
    assert len(repo.get(pid, HALF).items) == 2
