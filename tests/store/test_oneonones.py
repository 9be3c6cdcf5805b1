from __future__ import annotations

from datetime import date, timedelta

from leadtui.domain.oneonones import PointStatus
from leadtui.domain.oneonones_input import ActionDraft, NotesDraft, PointDraft, SeriesDraft
from leadtui.domain.people_input import PersonDraft
from leadtui.store.database import Store
from leadtui.store.oneonones import OneOnOneRepository
from leadtui.store.people import PeopleRepository
from tests.helpers import TODAY


def setup(db: Store) -> tuple[OneOnOneRepository, int]:
    person = PeopleRepository(db).add(PersonDraft(name="Sam"))
    repo = OneOnOneRepository(db)
    series = repo.save_series(person.id, SeriesDraft(weekday=1, starts_on=date(2026, 11, 3)))
    return repo, series.id


def test_carry_over_across_three_sessions(db: Store) -> None:
    repo, sid = setup(db)
    a = repo.add_point(sid, PointDraft(text="Career growth"), TODAY)
    b = repo.add_point(sid, PointDraft(text="Team health", raised_by="them"), TODAY)
    energy = repo.add_point(sid, PointDraft(text="How is your energy?", recurring=True), TODAY)
    act = repo.add_action(sid, ActionDraft(text="Send the doc", due_on=TODAY), TODAY)

    repo.set_point_status(a.id, PointStatus.DISCUSSED)
    repo.set_point_status(energy.id, PointStatus.DISCUSSED)
    repo.set_draft_notes(sid, NotesDraft(shared="Good week", private="Seems tired"))
    series = repo.all_series()[0]
    first = repo.close_session(series, TODAY - timedelta(days=14))
    assert {p.text for p in repo.filed_points(first.id)} == {"Career growth", "How is your energy?"}
    upcoming = {p.text: p for p in repo.open_points(sid)}
    assert set(upcoming) == {"Team health", "How is your energy?"}
    assert upcoming["Team health"].carried == 1
    assert upcoming["How is your energy?"].status is PointStatus.OPEN
    assert (first.shared_notes, first.private_notes) == ("Good week", "Seems tired")
    assert repo.all_series()[0].draft_shared_notes == ""

    second = repo.close_session(repo.all_series()[0], TODAY - timedelta(days=7))
    assert repo.filed_points(second.id) == []
    assert {p.text: p.carried for p in repo.open_points(sid)}["Team health"] == 2
    assert repo.action(act.id).carried == 2

    repo.set_point_status(b.id, PointStatus.DROPPED)
    repo.complete_action(act.id, TODAY)
    third = repo.close_session(repo.all_series()[0], TODAY)
    assert [(p.text, p.status) for p in repo.filed_points(third.id)] == [
        ("Team health", PointStatus.DROPPED)
    ]
    assert repo.action(act.id).session_id == third.id
    assert [p.text for p in repo.open_points(sid)] == ["How is your energy?"]
    assert [s.id for s in repo.sessions(sid)] == [third.id, second.id, first.id]
    assert repo.last_held(sid) == TODAY


def test_reopen_a_held_session_to_fix_its_notes(db: Store) -> None:
    repo, sid = setup(db)
    point = repo.add_point(sid, PointDraft(text="Roadmap"), TODAY)
    repo.set_point_status(point.id, PointStatus.DISCUSSED)
    session = repo.close_session(repo.all_series()[0], TODAY)
    fixed = repo.update_session_notes(session.id, NotesDraft(shared="Fixed", private="p"))
    assert (fixed.shared_notes, fixed.private_notes) == ("Fixed", "p")
    assert [p.text for p in repo.filed_points(session.id)] == ["Roadmap"]


def test_reorder_points(db: Store) -> None:
    repo, sid = setup(db)
    first = repo.add_point(sid, PointDraft(text="one"), TODAY)
    repo.add_point(sid, PointDraft(text="two"), TODAY)
    repo.move_point(first.id, 1)
    assert [p.text for p in repo.open_points(sid)] == ["two", "one"]


def test_today_overview_of_one_on_ones(db: Store) -> None:
    from leadtui.domain.oneonones import Side
    from leadtui.services.oneonones import oneonone_overview

    repo, sid = setup(db)  # weekly on Tuesdays from 2026-11-03; TODAY is Sunday 2026-11-22
    repo.add_action(
        sid, ActionDraft(text="late", owner="them", due_on=TODAY - timedelta(days=2)), TODAY
    )
    kept = repo.add_action(sid, ActionDraft(text="kept", due_on=TODAY - timedelta(days=3)), TODAY)
    repo.complete_action(kept.id, TODAY - timedelta(days=4))
    card = oneonone_overview(db, TODAY)
    assert [p.name for p in card.overdue_series] == ["Sam"]  # never held since 2026-11-03
    assert card.this_week == []  # Sunday: the week is over
    monday = oneonone_overview(db, TODAY + timedelta(days=1))
    assert [(p.name, d.isoformat()) for p, _, d in monday.this_week] == [("Sam", "2026-11-24")]
    assert card.overdue_actions == {Side.ME: 0, Side.THEM: 1}
    assert (card.kept[Side.ME].kept, card.kept[Side.ME].due) == (1, 1)
    assert (card.kept[Side.THEM].kept, card.kept[Side.THEM].due) == (0, 1)
    repo.close_session(repo.all_series()[0], TODAY)
    assert oneonone_overview(db, TODAY).overdue_series == []
