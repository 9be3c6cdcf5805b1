"""The one-on-one repository reads and writes rows as it is told; the rules that decide
them (carry-over, one hold per day, the order of points) are tested in
tests/domain/test_oneonones.py and tests/services/test_oneonones_service.py."""

from __future__ import annotations

from datetime import date, timedelta

from leadtui.domain.oneonones import PointStatus
from leadtui.domain.oneonones_input import ActionDraft, NotesDraft, PointDraft, SeriesDraft
from leadtui.domain.people_input import PersonDraft
from leadtui.domain.reviews_input import FeedbackDraft
from leadtui.store.database import Store
from leadtui.store.oneonones import OneOnOneRepository
from leadtui.store.people import PeopleRepository
from leadtui.store.reviews import FeedbackRepository
from tests.helpers import TODAY


def setup(db: Store) -> tuple[OneOnOneRepository, int]:
    person = PeopleRepository(db).add(PersonDraft(name="Sam"))
    repo = OneOnOneRepository(db)
    series = repo.save_series(person.id, SeriesDraft(weekday=1, starts_on=date(2026, 11, 3)))
    return repo, series.id


def test_a_session_row_and_its_filed_rows(db: Store) -> None:
    repo, sid = setup(db)
    a = repo.add_point(sid, PointDraft(text="Career growth"), TODAY)
    b = repo.add_point(sid, PointDraft(text="Team health", raised_by="them"), TODAY)
    energy = repo.add_point(sid, PointDraft(text="How is your energy?", recurring=True), TODAY)
    act = repo.add_action(sid, ActionDraft(text="Send the doc", due_on=TODAY), TODAY)
    repo.set_point_status(energy.id, PointStatus.DISCUSSED)

    session = repo.insert_session(sid, TODAY - timedelta(days=7), "Good week", "Seems tired")
    assert (session.held_on, session.shared_notes, session.private_notes) == (
        TODAY - timedelta(days=7),
        "Good week",
        "Seems tired",
    )
    repo.insert_filed_copies([repo.point(energy.id)], session.id)
    repo.set_points_status([energy.id], PointStatus.OPEN)
    repo.file_points([a.id], session.id)
    repo.set_points_carried([(b.id, 3)])
    repo.complete_action(act.id, TODAY)
    repo.file_actions([act.id], session.id)
    repo.set_actions_carried([(act.id, 2)])

    [filed, copy] = sorted(repo.filed_points(session.id), key=lambda p: p.id)
    assert filed.id == a.id
    assert (copy.text, copy.status, copy.recurring, copy.session_id) == (
        "How is your energy?",
        PointStatus.DISCUSSED,
        False,
        session.id,
    )
    upcoming = {p.text: p for p in repo.open_points(sid)}
    assert set(upcoming) == {"Team health", "How is your energy?"}
    assert upcoming["Team health"].carried == 3
    assert upcoming["How is your energy?"].status is PointStatus.OPEN
    action = repo.action(act.id)
    assert (action.session_id, action.carried, action.done_on) == (session.id, 2, TODAY)
    assert repo.actions_in_sessions([session.id]) == [action]
    assert repo.last_held(sid) == TODAY - timedelta(days=7)
    assert repo.held_between(sid, TODAY - timedelta(days=7), TODAY) == [session]


def test_reopen_a_held_session_to_fix_its_notes(db: Store) -> None:
    repo, sid = setup(db)
    point = repo.add_point(sid, PointDraft(text="Roadmap"), TODAY)
    session = repo.insert_session(sid, TODAY, "", "")
    repo.file_points([point.id], session.id)
    fixed = repo.update_session_notes(session.id, NotesDraft(shared="Fixed", private="p"))
    assert (fixed.shared_notes, fixed.private_notes) == ("Fixed", "p")
    assert [p.text for p in repo.filed_points(session.id)] == ["Roadmap"]


def test_reorder_points(db: Store) -> None:
    repo, sid = setup(db)
    first = repo.add_point(sid, PointDraft(text="one"), TODAY)
    second = repo.add_point(sid, PointDraft(text="two"), TODAY)
    repo.set_positions([second.id, first.id])
    assert [p.text for p in repo.open_points(sid)] == ["two", "one"]


def test_draft_notes_and_occurrence_changes(db: Store) -> None:
    repo, sid = setup(db)
    repo.set_draft_notes(sid, NotesDraft(shared="so far", private="mine"))
    series = repo.all_series()[0]
    assert (series.draft_shared_notes, series.draft_private_notes) == ("so far", "mine")
    repo.change_occurrence(sid, date(2026, 11, 24), None)
    repo.change_occurrence(sid, date(2026, 12, 1), date(2026, 12, 3))
    assert repo.changes(sid) == {date(2026, 11, 24): None, date(2026, 12, 1): date(2026, 12, 3)}
    assert repo.restore_occurrence(sid, date(2026, 11, 24))
    assert not repo.restore_occurrence(sid, date(2026, 11, 24))
    repo.clear_changes(sid)
    assert repo.changes(sid) == {}


def test_unknown_ids_read_as_none(db: Store) -> None:
    repo, _ = setup(db)
    assert repo.find_point(99) is None and repo.find_action(99) is None


def test_pending_feedback_is_filed_under_a_session(db: Store) -> None:
    repo, sid = setup(db)
    feedback = FeedbackRepository(db)
    entry = feedback.add(1, FeedbackDraft(text="Ran the retro well"), series_id=sid)
    session = repo.insert_session(sid, TODAY, "", "")
    assert repo.file_pending_feedback(sid, session.id) == 1
    assert feedback.get(entry.id).session_id == session.id
    assert repo.file_pending_feedback(sid, session.id) == 0
