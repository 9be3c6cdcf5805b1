"""Putting a 1:1 record right on a real database: edit and remove talking points and
action items, fix any held session's notes, and take the last held session back."""

from __future__ import annotations

from datetime import date

import pytest

from leadtui.domain.oneonones import PointStatus, Side, Visibility
from leadtui.domain.people import Person
from leadtui.domain.people_input import PersonDraft
from leadtui.domain.reviews_input import FeedbackDraft
from leadtui.domain.validation import build
from leadtui.errors import InputError
from leadtui.services.oneonones import (
    add_action,
    add_point,
    edit_point,
    fix_notes,
    held_sessions,
    hold_session,
    mark_action,
    mark_point,
    remove_action,
    remove_point,
    revise_action,
    running_document,
    set_series,
    unhold_session,
    write_notes,
)
from leadtui.services.people import add_person
from leadtui.services.reviews import add_feedback
from leadtui.services.undo import undo
from leadtui.store.database import Store
from tests.helpers import TODAY  # Sunday 2026-11-22


def sam_weekly(db: Store) -> Person:
    """Sam, weekly on Tuesdays from 2026-11-03 (the next session is 2026-11-24)."""
    sam = add_person(db, PersonDraft(name="Sam"))
    set_series(db, sam, TODAY, weekday="tuesday", starts_on=date(2026, 11, 3))
    return sam


def state(db: Store, sam: Person) -> tuple[object, ...]:
    """What a hold changes: the points and actions with their counts and filing, the
    notes so far, the next date and the held sessions."""
    doc = running_document(db, sam, TODAY, history=100)
    points = sorted(
        db.execute(
            "select text, status, carried, recurring, session_id is null from oo_point"
        ).fetchall()
    )
    actions = sorted(
        db.execute("select text, done_on, carried, session_id is null from oo_action").fetchall()
    )
    feedback = db.execute("select count(*) from feedback where session_id is null").fetchone()
    return (
        points,
        actions,
        feedback[0],
        doc.series.draft_shared_notes,
        doc.series.draft_private_notes,
        doc.next_on,
        [s.held_on for s, _, _ in doc.sessions],
    )


def test_edit_a_points_text_and_visibility_keeping_what_is_not_given(db: Store) -> None:
    sam = sam_weekly(db)
    point = add_point(db, sam, TODAY, text="Roadmap").point
    private = edit_point(db, sam, point.id, visibility="private").point
    assert (private.text, private.visibility) == ("Roadmap", Visibility.PRIVATE)
    both = edit_point(db, sam, point.id, text="Roadmap for Q1", visibility="shared").point
    assert (both.text, both.visibility) == ("Roadmap for Q1", Visibility.SHARED)
    with pytest.raises(InputError, match="visibility"):
        edit_point(db, sam, point.id, visibility="secret")


def test_revise_an_actions_owner_and_due_date_keeping_its_text(db: Store) -> None:
    sam = sam_weekly(db)
    action = add_action(db, sam, TODAY, text="Send the doc", due_on="2026-12-01").action
    owned = revise_action(db, sam, TODAY, action.id, owner="them").action
    assert (owned.text, owned.owner, owned.due_on) == ("Send the doc", Side.THEM, date(2026, 12, 1))
    moved = revise_action(db, sam, TODAY, action.id, due_on="2026-12-04").action
    assert (moved.owner, moved.due_on) == (Side.THEM, date(2026, 12, 4))
    cleared = revise_action(db, sam, TODAY, action.id, no_due=True).action
    assert cleared.due_on is None and cleared.text == "Send the doc"
    with pytest.raises(InputError, match="not both"):
        revise_action(db, sam, TODAY, action.id, due_on="friday", no_due=True)


def test_remove_a_point_deletes_it_unlike_drop_which_files_it(db: Store) -> None:
    sam = sam_weekly(db)
    gone = add_point(db, sam, TODAY, text="Typo point").point
    dropped = add_point(db, sam, TODAY, text="Not now").point
    removed = remove_point(db, sam, gone.id)
    assert removed.point.text == "Typo point"
    mark_point(db, sam, dropped.id, PointStatus.DROPPED)
    hold_session(db, sam, TODAY)
    rows = db.execute("select text, status, session_id is not null from oo_point").fetchall()
    assert rows == [("Not now", "dropped", 1)]
    with pytest.raises(InputError, match=f"no talking point with id {gone.id}"):
        remove_point(db, sam, gone.id)
    # The undo journal has it: undo brings the point back.
    undo(db)
    assert db.execute("select count(*) from oo_point").fetchone()[0] == 1


def test_remove_a_point_someone_elses_or_filed_is_refused(db: Store) -> None:
    sam = sam_weekly(db)
    kofi = add_person(db, PersonDraft(name="Kofi"))
    theirs = add_point(db, kofi, TODAY, text="Kofi's").point
    with pytest.raises(InputError, match="someone else's"):
        remove_point(db, sam, theirs.id)
    point = add_point(db, sam, TODAY, text="Filed").point
    mark_point(db, sam, point.id, PointStatus.DISCUSSED)
    hold_session(db, sam, TODAY)
    with pytest.raises(InputError, match="filed under a held session"):
        remove_point(db, sam, point.id)


def test_remove_an_action_open_or_done_but_not_filed(db: Store) -> None:
    sam = sam_weekly(db)
    action = add_action(db, sam, TODAY, text="Book the room").action
    removed = remove_action(db, sam, action.id)
    assert removed.action.text == "Book the room"
    assert db.execute("select count(*) from oo_action").fetchone()[0] == 0
    done = add_action(db, sam, TODAY, text="Done one").action
    mark_action(db, sam, TODAY, done.id, done=True)
    hold_session(db, sam, TODAY)
    with pytest.raises(InputError, match="filed under a held session"):
        remove_action(db, sam, done.id)


def test_fix_the_notes_of_an_older_held_session(db: Store) -> None:
    sam = sam_weekly(db)
    hold_session(db, sam, TODAY, held_on=date(2026, 11, 10))
    hold_session(db, sam, TODAY, held_on=date(2026, 11, 17))
    assert [s.held_on for s in held_sessions(db, sam)] == [date(2026, 11, 17), date(2026, 11, 10)]
    fix_notes(db, sam, date(2026, 11, 10), private="Tired that week")
    older = held_sessions(db, sam)[1]
    assert (older.held_on, older.private_notes) == (date(2026, 11, 10), "Tired that week")


def test_unhold_puts_everything_back_as_it_was_before_the_hold(db: Store) -> None:
    sam = sam_weekly(db)
    hold_session(db, sam, TODAY, held_on=date(2026, 11, 10))  # an earlier session stays
    carried = add_point(db, sam, TODAY, text="Open point").point
    hold_session(db, sam, TODAY, held_on=date(2026, 11, 17))  # carried once already
    discussed = add_point(db, sam, TODAY, text="Roadmap").point
    dropped = add_point(db, sam, TODAY, text="Offsite").point
    energy = add_point(db, sam, TODAY, text="Energy?", recurring=True).point
    open_action = add_action(db, sam, TODAY, text="Send the doc").action
    done_action = add_action(db, sam, TODAY, text="Book the room").action
    mark_point(db, sam, discussed.id, PointStatus.DISCUSSED)
    mark_point(db, sam, dropped.id, PointStatus.DROPPED)
    mark_point(db, sam, energy.id, PointStatus.DISCUSSED)
    mark_action(db, sam, TODAY, done_action.id, done=True)
    add_feedback(db, sam, _feedback(), series_id=running_document(db, sam, TODAY).series.id)
    write_notes(db, sam, TODAY, shared="Agreed on X", private="Seemed tired")
    before = state(db, sam)

    held = hold_session(db, sam, TODAY)
    assert state(db, sam) != before
    write_notes(db, sam, TODAY, shared="Since then")  # written after the hold
    unheld = unhold_session(db, sam, TODAY)

    assert (unheld.session.held_on, unheld.points, unheld.actions) == (TODAY, 3, 1)
    assert unheld.next_on == running_document(db, sam, TODAY).next_on == date(2026, 11, 24)
    after = state(db, sam)
    # Everything as before the hold, the notes written since after the held ones.
    assert after[:3] == before[:3] and after[5:] == before[5:]
    assert after[3:5] == ("Agreed on X\n\nSince then", "Seemed tired")
    assert held.session.id not in [s.id for s in held_sessions(db, sam)]
    upcoming = {p.text: p for p in running_document(db, sam, TODAY).points}
    assert upcoming[carried.text].carried == 1  # carried at the 17th, not at today's
    assert upcoming[energy.text].status is PointStatus.DISCUSSED
    assert {a.text for a in running_document(db, sam, TODAY).actions} >= {open_action.text}


def test_only_a_held_session_can_be_taken_back(db: Store) -> None:
    sam = sam_weekly(db)
    with pytest.raises(InputError, match="no session with Sam was held yet"):
        unhold_session(db, sam, TODAY)


def test_unhold_takes_back_only_the_newest_and_a_second_takes_the_one_before(db: Store) -> None:
    sam = sam_weekly(db)
    hold_session(db, sam, TODAY, held_on=date(2026, 11, 10))
    hold_session(db, sam, TODAY, held_on=date(2026, 11, 17))
    assert unhold_session(db, sam, TODAY).session.held_on == date(2026, 11, 17)
    assert unhold_session(db, sam, TODAY).session.held_on == date(2026, 11, 10)
    assert held_sessions(db, sam) == []


def _feedback() -> FeedbackDraft:
    return build(FeedbackDraft, today=TODAY, text="Clear writing", kind="strength")


def test_taking_a_session_back_is_one_change_that_undo_reverses(db: Store) -> None:
    sam = sam_weekly(db)
    point = add_point(db, sam, TODAY, text="Roadmap").point
    mark_point(db, sam, point.id, PointStatus.DISCUSSED)
    hold_session(db, sam, TODAY)
    held = state(db, sam)
    unhold_session(db, sam, TODAY)
    assert undo(db).label == "took back the last 1:1 with Sam"
    assert state(db, sam) == held
