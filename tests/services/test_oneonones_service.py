"""One-on-one use cases on a real database: one test (or more) per use case, and the
rules both front ends rely on (one hold per day, no hold in the future, the carry-over,
an archived person's notice)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Protocol

import pytest

from leadtui.domain.oneonones import Point, PointStatus, SeriesStatus, Side, Visibility
from leadtui.domain.people import Person
from leadtui.domain.people_input import PersonDraft
from leadtui.domain.reviews_input import FeedbackDraft
from leadtui.errors import InputError
from leadtui.services.oneonones import (
    OneOnOneRefusal,
    Refusal,
    Standing,
    add_action,
    add_point,
    edit_action,
    edit_point,
    find_series,
    fix_notes,
    give_feedback,
    hold_preview,
    hold_session,
    mark_action,
    mark_point,
    move_point,
    oneonone_list,
    oneonone_overview,
    reschedule,
    restore_occurrence,
    running_document,
    set_series,
    set_series_status,
    toggle_action,
    toggle_point,
    toggle_private,
    write_notes,
)
from leadtui.services.people import add_person, archive_person
from leadtui.services.reviews import add_feedback
from leadtui.store.database import Store
from leadtui.store.oneonones import OneOnOneRepository
from tests.helpers import TODAY  # Sunday 2026-11-22


class Noticed(Protocol):
    """What every one-on-one write returns: the archived person's notice, or None."""

    @property
    def notice(self) -> str | None: ...


def person(db: Store, name: str = "Sam") -> Person:
    return add_person(db, PersonDraft(name=name))


def sam_weekly(db: Store, name: str = "Sam") -> Person:
    """Sam, weekly on Tuesdays from 2026-11-03 (the next session is 2026-11-24)."""
    sam = person(db, name)
    set_series(db, sam, TODAY, weekday="tuesday", starts_on=date(2026, 11, 3))
    return sam


def archived(db: Store, who: Person) -> Person:
    return archive_person(db, who.id, TODAY)


# --- the series ---------------------------------------------------------------------------


def test_set_up_a_series_with_defaults_and_its_next_session(db: Store) -> None:
    sam = person(db)
    saved = set_series(db, sam, TODAY, weekday="tue", at_time="9:30")
    assert saved.series.describe() == "weekly on Tuesday at 09:30, 60 min"
    assert saved.series.starts_on == TODAY  # no start date: today
    assert saved.next_on == date(2026, 11, 24)
    assert saved.notice is None


def test_a_new_series_needs_a_weekday(db: Store) -> None:
    sam = person(db)
    with pytest.raises(InputError, match="weekday is required for a new series") as refused:
        set_series(db, sam, TODAY, at_time="9:30")
    assert refused.value.field == "weekday"
    assert find_series(db, sam) is None


def test_changing_a_series_keeps_what_is_not_given(db: Store) -> None:
    sam = sam_weekly(db)
    saved = set_series(db, sam, TODAY, minutes="30")
    assert (saved.series.weekday, saved.series.at_time, saved.series.minutes) == (1, "10:00", 30)
    assert saved.series.starts_on == date(2026, 11, 3)


def test_a_new_rule_drops_the_old_moves_and_skips_a_new_time_keeps_them(db: Store) -> None:
    sam = sam_weekly(db)
    reschedule(db, sam, TODAY, on=None, to=None)  # skip 2026-11-24
    set_series(db, sam, TODAY, at_time="11:00")  # same rule
    assert running_document(db, sam, TODAY).next_on == date(2026, 12, 1)
    saved = set_series(db, sam, TODAY, weekday="wednesday")
    assert saved.next_on == date(2026, 11, 25)
    assert OneOnOneRepository(db).changes(saved.series.id) == {}


def test_pause_resume_and_end(db: Store) -> None:
    sam = sam_weekly(db)
    paused = set_series_status(db, sam, TODAY, SeriesStatus.PAUSED)
    assert paused.series.status is SeriesStatus.PAUSED and paused.next_on is None
    resumed = set_series_status(db, sam, TODAY, SeriesStatus.ACTIVE)
    assert resumed.next_on == date(2026, 11, 24)
    ended = set_series_status(db, sam, TODAY, SeriesStatus.ENDED)
    assert find_series(db, sam) == ended.series
    with pytest.raises(InputError, match="Priya has no 1:1 series to pause"):
        set_series_status(db, person(db, "Priya"), TODAY, SeriesStatus.PAUSED)


def test_a_person_without_a_series_reads_as_an_empty_ad_hoc_document(db: Store) -> None:
    priya = person(db, "Priya")
    doc = running_document(db, priya, TODAY)
    assert doc.series.ad_hoc and not doc.series.saved
    assert (doc.next_on, doc.overdue, doc.points, doc.sessions) == (None, False, [], [])
    assert doc.series.describe() == "ad hoc, no recurring series"
    assert find_series(db, priya) is None  # reading writes nothing


def test_an_ad_hoc_document_takes_points_and_holds_a_session_on_the_day(db: Store) -> None:
    priya = person(db, "Priya")  # a peer met now and then: no recurring series
    point = add_point(db, priya, TODAY, text="Shared on-call rota").point
    add_point(db, priya, TODAY, text="Hiring plan")
    add_action(db, priya, TODAY, text="Send the rota", due_on="2026-11-30")
    write_notes(db, priya, TODAY, shared="Agreed to pair")
    series = find_series(db, priya)
    assert series is not None and series.ad_hoc and series.saved
    mark_point(db, priya, point.id, PointStatus.DISCUSSED)
    held = hold_session(db, priya, TODAY, held_on=TODAY - timedelta(days=2))
    assert (held.session.held_on, held.filed, held.carried) == (date(2026, 11, 20), 1, 1)
    assert held.session.shared_notes == "Agreed to pair"
    # Points and actions wait for the next time you meet; nothing is ever overdue.
    later = TODAY + timedelta(days=200)
    doc = running_document(db, priya, later)
    assert (doc.next_on, doc.overdue) == (None, False)
    assert [p.text for p in doc.points] == ["Hiring plan"]
    assert oneonone_overview(db, later).overdue_series == []
    assert oneonone_overview(db, TODAY).this_week == []
    # One hold per day still holds.
    with pytest.raises(OneOnOneRefusal) as refused:
        hold_session(db, priya, TODAY, held_on=TODAY - timedelta(days=2))
    assert refused.value.reason is Refusal.ALREADY_HELD


def test_holding_with_no_series_records_an_ad_hoc_session(db: Store) -> None:
    priya = person(db, "Priya")
    held = hold_session(db, priya, TODAY)
    assert held.session.held_on == TODAY and (held.filed, held.carried) == (0, 0)
    doc = running_document(db, priya, TODAY)
    assert doc.series.ad_hoc and [s.held_on for s, _, _ in doc.sessions] == [TODAY]


def test_an_ad_hoc_document_has_no_dates_to_move_or_skip(db: Store) -> None:
    priya = person(db, "Priya")
    add_point(db, priya, TODAY, text="x")
    for who in (priya, person(db, "Abe")):  # saved ad hoc, and nothing written yet
        with pytest.raises(OneOnOneRefusal) as refused:
            reschedule(db, who, TODAY, on=None, to=None)
        assert refused.value.reason is Refusal.NO_SERIES and refused.value.person == who
        assert "ad hoc, with no dates to move or skip" in refused.value.message  # no command
        with pytest.raises(InputError, match="was not moved or skipped"):
            restore_occurrence(db, who, TODAY)


def test_an_ad_hoc_document_becomes_a_recurring_series_keeping_its_history(db: Store) -> None:
    priya = person(db, "Priya")
    add_point(db, priya, TODAY, text="Hiring plan")
    hold_session(db, priya, TODAY - timedelta(days=5))
    # Its stored weekday decides nothing: a recurring series still needs one.
    with pytest.raises(InputError, match="weekday is required"):
        set_series(db, priya, TODAY, at_time="09:00")
    saved = set_series(db, priya, TODAY, weekday="wednesday")
    assert not saved.series.ad_hoc and saved.next_on == date(2026, 11, 25)
    doc = running_document(db, priya, TODAY)
    assert [p.text for p in doc.points] == ["Hiring plan"] and len(doc.sessions) == 1


def test_hold_preview_refuses_what_holding_would_before_anything_is_asked(db: Store) -> None:
    sam = sam_weekly(db)
    add_point(db, sam, TODAY, text="Roadmap")
    assert (hold_preview(db, sam, TODAY).filed, hold_preview(db, sam, TODAY).carried) == (0, 1)
    with pytest.raises(InputError, match="in the future"):
        hold_preview(db, sam, TODAY, held_on=TODAY + timedelta(days=1))
    hold_session(db, sam, TODAY)
    with pytest.raises(OneOnOneRefusal) as refused:
        hold_preview(db, sam, TODAY)
    assert refused.value.reason is Refusal.ALREADY_HELD and refused.value.day == TODAY
    assert hold_preview(db, person(db, "Priya"), TODAY).filed == 0  # a hold would save one


def test_feedback_given_in_an_ad_hoc_1on1_is_filed_under_the_session(db: Store) -> None:
    priya = person(db, "Priya")
    given = give_feedback(db, priya, TODAY, FeedbackDraft(text="Great demo", kind="strength"))
    series = find_series(db, priya)
    assert series is not None and given.feedback.series_id == series.id
    held = hold_session(db, priya, TODAY)
    assert held.feedback == 1


# --- talking points -----------------------------------------------------------------------


def test_add_a_point_and_refusals(db: Store) -> None:
    sam = sam_weekly(db)
    saved = add_point(db, sam, TODAY, text=" Career growth ", raised_by="them")
    assert (saved.point.text, saved.point.raised_by, saved.point.created_on) == (
        "Career growth",
        Side.THEM,
        TODAY,
    )
    with pytest.raises(InputError, match="talking point is empty"):
        add_point(db, sam, TODAY, text="  ")
    assert [p.text for p in running_document(db, sam, TODAY).points] == ["Career growth"]


def test_edit_a_point(db: Store) -> None:
    sam = sam_weekly(db)
    point = add_point(db, sam, TODAY, text="Roadmap", visibility="private").point
    edited = edit_point(db, sam, point.id, text="Roadmap for Q1")
    assert (edited.point.text, edited.point.visibility) == ("Roadmap for Q1", Visibility.PRIVATE)
    with pytest.raises(InputError, match="talking point is empty"):
        edit_point(db, sam, point.id, text="")


def test_discuss_drop_and_open_again(db: Store) -> None:
    sam = sam_weekly(db)
    point = add_point(db, sam, TODAY, text="Roadmap").point
    assert mark_point(db, sam, point.id, PointStatus.DISCUSSED).point.status is (
        PointStatus.DISCUSSED
    )
    assert mark_point(db, sam, point.id, PointStatus.OPEN).point.status is PointStatus.OPEN
    # The app's d and x toggle: marking a point as it is opens it again.
    assert toggle_point(db, sam, point.id, PointStatus.DROPPED).point.status is (
        PointStatus.DROPPED
    )
    assert toggle_point(db, sam, point.id, PointStatus.DISCUSSED).point.status is (
        PointStatus.DISCUSSED
    )
    assert toggle_point(db, sam, point.id, PointStatus.DISCUSSED).point.status is (PointStatus.OPEN)


def test_toggle_private(db: Store) -> None:
    sam = sam_weekly(db)
    point = add_point(db, sam, TODAY, text="Peer feedback").point
    assert toggle_private(db, sam, point.id).point.visibility is Visibility.PRIVATE
    assert toggle_private(db, sam, point.id).point.visibility is Visibility.SHARED


def test_reorder_points(db: Store) -> None:
    sam = sam_weekly(db)
    first = add_point(db, sam, TODAY, text="one").point
    add_point(db, sam, TODAY, text="two")
    move_point(db, sam, first.id, 1)
    assert [p.text for p in running_document(db, sam, TODAY).points] == ["two", "one"]
    move_point(db, sam, first.id, 1)  # already last: stays
    assert [p.text for p in running_document(db, sam, TODAY).points] == ["two", "one"]


def test_points_of_someone_else_unknown_or_filed_are_refused(db: Store) -> None:
    sam = sam_weekly(db)
    ann = person(db, "Ann")
    set_series(db, ann, TODAY, weekday="monday")
    theirs = add_point(db, ann, TODAY, text="Ann's").point
    with pytest.raises(InputError, match="belongs to someone else's 1:1"):
        mark_point(db, sam, theirs.id, PointStatus.DISCUSSED)
    with pytest.raises(OneOnOneRefusal, match="no talking point with id 99") as refused:
        toggle_private(db, sam, 99)
    assert refused.value.reason is Refusal.NO_SUCH_POINT
    point = add_point(db, sam, TODAY, text="Roadmap").point
    mark_point(db, sam, point.id, PointStatus.DISCUSSED)
    hold_session(db, sam, TODAY)
    changes: list[Callable[[], object]] = [
        lambda: mark_point(db, sam, point.id, PointStatus.OPEN),
        lambda: edit_point(db, sam, point.id, text="rewritten"),
        lambda: toggle_private(db, sam, point.id),
        lambda: move_point(db, sam, point.id, -1),
    ]
    for change in changes:
        with pytest.raises(InputError, match="is filed under a held session"):
            change()


# --- action items -------------------------------------------------------------------------


def test_add_an_action_a_past_due_date_is_overdue_at_once(db: Store) -> None:
    sam = sam_weekly(db)
    saved = add_action(db, sam, TODAY, text="Send the doc", owner="them", due_on="friday")
    assert (saved.action.owner, saved.action.due_on) == (Side.THEM, date(2026, 11, 27))
    late = add_action(db, sam, TODAY, text="Old", due_on="2026-11-01").action
    assert late.overdue(TODAY)
    with pytest.raises(InputError, match="owner must be me or them"):
        add_action(db, sam, TODAY, text="x", owner="boss")


def test_edit_an_action(db: Store) -> None:
    sam = sam_weekly(db)
    action = add_action(db, sam, TODAY, text="Send the doc", due_on="friday").action
    edited = edit_action(db, sam, TODAY, action.id, text="Send the design doc", owner="them")
    assert (edited.action.text, edited.action.owner, edited.action.due_on) == (
        "Send the design doc",
        Side.THEM,
        None,
    )
    with pytest.raises(InputError, match="is not a date"):
        edit_action(db, sam, TODAY, action.id, text="x", due_on="31/02")


def test_done_and_open_again(db: Store) -> None:
    sam = sam_weekly(db)
    action = add_action(db, sam, TODAY, text="Send the doc").action
    assert mark_action(db, sam, TODAY, action.id, done=True).action.done_on == TODAY
    assert mark_action(db, sam, TODAY, action.id, done=False).action.done_on is None
    assert toggle_action(db, sam, TODAY, action.id).action.done_on == TODAY
    assert toggle_action(db, sam, TODAY, action.id).action.done_on is None
    with pytest.raises(OneOnOneRefusal, match="no action item with id 99") as refused:
        mark_action(db, sam, TODAY, 99, done=True)
    assert refused.value.reason is Refusal.NO_SUCH_ACTION


# --- notes --------------------------------------------------------------------------------


def test_write_notes_keeps_the_side_not_given(db: Store) -> None:
    sam = sam_weekly(db)
    write_notes(db, sam, TODAY, shared="Agreed on X", private="Tired")
    saved = write_notes(db, sam, TODAY, shared="Agreed on Y")
    assert (saved.series.draft_shared_notes, saved.series.draft_private_notes) == (
        "Agreed on Y",
        "Tired",
    )
    assert saved.session is None
    assert find_series(db, sam) == saved.series


def test_fix_a_held_sessions_notes_by_date_keeping_the_side_not_given(db: Store) -> None:
    sam = sam_weekly(db)
    write_notes(db, sam, TODAY, shared="Agreed on X", private="Tired")
    point = add_point(db, sam, TODAY, text="Roadmap").point
    mark_point(db, sam, point.id, PointStatus.DISCUSSED)
    held = hold_session(db, sam, TODAY, held_on=date(2026, 11, 17)).session
    fixed = fix_notes(db, sam, date(2026, 11, 17), shared="Agreed on Y")
    assert fixed.session is not None and fixed.session.id == held.id
    assert (fixed.session.shared_notes, fixed.session.private_notes) == ("Agreed on Y", "Tired")
    # Only the notes change: the filed points stay.
    assert [p.text for p in OneOnOneRepository(db).filed_points(held.id)] == ["Roadmap"]
    newest = fix_notes(db, sam, None, private="Rested")  # None: the newest held session
    assert newest.session is not None and newest.session.private_notes == "Rested"
    with pytest.raises(OneOnOneRefusal, match="no session with Sam was held on 2026-11-10") as no:
        fix_notes(db, sam, date(2026, 11, 10), shared="x")
    assert no.value.reason is Refusal.NOT_HELD_ON and no.value.day == date(2026, 11, 10)


def test_fixing_notes_before_any_session_is_refused(db: Store) -> None:
    sam = sam_weekly(db)
    with pytest.raises(OneOnOneRefusal, match="no session with Sam was held yet"):
        fix_notes(db, sam, None, shared="x")


# --- holding a session --------------------------------------------------------------------


def test_carry_over_across_three_sessions(db: Store) -> None:
    sam = sam_weekly(db)
    repo = OneOnOneRepository(db)
    a = add_point(db, sam, TODAY, text="Career growth").point
    b = add_point(db, sam, TODAY, text="Team health", raised_by="them").point
    energy = add_point(db, sam, TODAY, text="How is your energy?", recurring=True).point
    act = add_action(db, sam, TODAY, text="Send the doc", due_on=TODAY).action
    sid = act.series_id

    mark_point(db, sam, a.id, PointStatus.DISCUSSED)
    mark_point(db, sam, energy.id, PointStatus.DISCUSSED)
    write_notes(db, sam, TODAY, shared="Good week", private="Seems tired")
    first = hold_session(db, sam, TODAY, held_on=TODAY - timedelta(days=14))
    assert (first.filed, first.carried) == (2, 2)
    assert {p.text for p in repo.filed_points(first.session.id)} == {
        "Career growth",
        "How is your energy?",
    }
    upcoming = {p.text: p for p in repo.open_points(sid)}
    assert set(upcoming) == {"Team health", "How is your energy?"}
    assert upcoming["Team health"].carried == 1
    assert upcoming["How is your energy?"].status is PointStatus.OPEN
    assert upcoming["How is your energy?"].carried == 0  # recurring: never "carried"
    assert (first.session.shared_notes, first.session.private_notes) == (
        "Good week",
        "Seems tired",
    )
    assert repo.all_series()[0].draft_shared_notes == ""

    second = hold_session(db, sam, TODAY, held_on=TODAY - timedelta(days=7))
    assert repo.filed_points(second.session.id) == []
    assert {p.text: p.carried for p in repo.open_points(sid)}["Team health"] == 2
    assert repo.action(act.id).carried == 2

    mark_point(db, sam, b.id, PointStatus.DROPPED)
    mark_action(db, sam, TODAY, act.id, done=True)
    third = hold_session(db, sam, TODAY)
    assert [(p.text, p.status) for p in repo.filed_points(third.session.id)] == [
        ("Team health", PointStatus.DROPPED)
    ]
    assert repo.action(act.id).session_id == third.session.id
    assert [p.text for p in repo.open_points(sid)] == ["How is your energy?"]
    assert [s.id for s in repo.sessions(sid)] == [
        third.session.id,
        second.session.id,
        first.session.id,
    ]
    assert repo.last_held(sid) == TODAY


def test_dropping_a_recurring_point_leaves_it_out_this_time_only(db: Store) -> None:
    sam = sam_weekly(db)
    energy = add_point(db, sam, TODAY, text="How is your energy?", recurring=True).point
    mark_point(db, sam, energy.id, PointStatus.DROPPED)
    held = hold_session(db, sam, TODAY)
    assert (held.filed, held.carried) == (0, 1)
    [again] = running_document(db, sam, TODAY).points
    assert (again.id, again.status, again.carried) == (energy.id, PointStatus.OPEN, 0)


def test_holding_files_the_feedback_given_in_the_session(db: Store) -> None:
    sam = sam_weekly(db)
    series = find_series(db, sam)
    assert series is not None
    add_feedback(db, sam, FeedbackDraft(text="Ran the retro well"), series_id=series.id)
    held = hold_session(db, sam, TODAY)
    assert held.feedback == 1
    doc = running_document(db, sam, TODAY)
    assert doc.pending_feedback() == []
    assert [f.text for f in doc.feedback_in(held.session.id)] == ["Ran the retro well"]


def test_one_hold_per_day(db: Store) -> None:
    sam = sam_weekly(db)
    add_point(db, sam, TODAY, text="Roadmap")
    hold_session(db, sam, TODAY)
    with pytest.raises(OneOnOneRefusal) as refused:
        hold_session(db, sam, TODAY)
    assert refused.value.reason is Refusal.ALREADY_HELD and refused.value.day == TODAY
    # Front-end neutral: no command and no key; each front end adds its own fix.
    assert refused.value.message == (
        "a session on 2026-11-22 is already held; add to the next one, or fix that session's notes"
    )
    # A back-dated hold on another held day is refused too; another day is fine.
    hold_session(db, sam, TODAY, held_on=date(2026, 11, 17))
    with pytest.raises(OneOnOneRefusal, match="already held"):
        hold_session(db, sam, TODAY, held_on=date(2026, 11, 17))
    assert [p.carried for p in running_document(db, sam, TODAY).points] == [2]


def test_holding_on_a_future_day_is_refused_and_writes_nothing(db: Store) -> None:
    sam = sam_weekly(db)
    add_point(db, sam, TODAY, text="Roadmap")
    with pytest.raises(InputError, match="2026-11-23 is in the future") as refused:
        hold_session(db, sam, TODAY, held_on=TODAY + timedelta(days=1))
    assert "--date" not in refused.value.message
    doc = running_document(db, sam, TODAY)
    assert doc.sessions == [] and doc.points[0].carried == 0


def test_holding_today_uses_up_todays_occurrence(db: Store) -> None:
    ann = person(db, "Ann")
    set_series(db, ann, TODAY, weekday="sunday")  # TODAY is a Sunday
    assert running_document(db, ann, TODAY).next_on == TODAY
    hold_session(db, ann, TODAY)
    assert running_document(db, ann, TODAY).next_on == date(2026, 11, 29)


def test_the_hold_preview_counts_what_holding_does(db: Store) -> None:
    sam = sam_weekly(db)
    for text in ("one", "two", "three"):
        add_point(db, sam, TODAY, text=text)
    recurring = add_point(db, sam, TODAY, text="energy", recurring=True).point
    doc = running_document(db, sam, TODAY)
    mark_point(db, sam, doc.points[0].id, PointStatus.DISCUSSED)
    mark_point(db, sam, recurring.id, PointStatus.DISCUSSED)
    plan = running_document(db, sam, TODAY).hold_plan()
    held = hold_session(db, sam, TODAY)
    assert (plan.filed, plan.carried) == (held.filed, held.carried) == (2, 3)


# --- moving and skipping ------------------------------------------------------------------


def test_skip_move_and_undo(db: Store) -> None:
    sam = sam_weekly(db)
    skipped = reschedule(db, sam, TODAY, on=None, to=None)
    assert (skipped.was_on, skipped.now_on) == (date(2026, 11, 24), None)
    assert running_document(db, sam, TODAY).next_on == date(2026, 12, 1)
    assert running_document(db, sam, TODAY).restorable(TODAY) == [date(2026, 11, 24)]
    back = restore_occurrence(db, sam, date(2026, 11, 24))
    assert back.on == date(2026, 11, 24)
    moved = reschedule(db, sam, TODAY, on=None, to=date(2026, 11, 26))
    assert (moved.was_on, moved.now_on) == (date(2026, 11, 24), date(2026, 11, 26))
    assert running_document(db, sam, TODAY).next_on == date(2026, 11, 26)
    # Once the rule date has passed, the session is brought back by the day it moved to.
    later = date(2026, 11, 25)
    assert running_document(db, sam, later).restorable(later) == [date(2026, 11, 26)]


def test_a_paused_series_cannot_be_rescheduled(db: Store) -> None:
    sam = sam_weekly(db)
    set_series_status(db, sam, TODAY, SeriesStatus.PAUSED)
    with pytest.raises(OneOnOneRefusal, match="is paused; resume it first") as refused:
        reschedule(db, sam, TODAY, on=None, to=None)
    assert refused.value.reason is Refusal.NOT_ACTIVE


# --- an archived person -------------------------------------------------------------------


def test_every_write_about_an_archived_person_carries_the_notice(db: Store) -> None:
    sam = sam_weekly(db)
    point = add_point(db, sam, TODAY, text="Roadmap").point
    action = add_action(db, sam, TODAY, text="Send the doc").action
    gone = archived(db, sam)
    notice = "Sam was archived on 2026-11-22; recorded in their history"
    results: list[Noticed] = [
        set_series(db, gone, TODAY, at_time="11:00"),
        add_point(db, gone, TODAY, text="Handover"),
        edit_point(db, gone, point.id, text="Roadmap handover"),
        mark_point(db, gone, point.id, PointStatus.DISCUSSED),
        toggle_private(db, gone, point.id),
        move_point(db, gone, point.id, 1),
        add_action(db, gone, TODAY, text="Return the laptop"),
        mark_action(db, gone, TODAY, action.id, done=True),
        write_notes(db, gone, TODAY, shared="Last one"),
        reschedule(db, gone, TODAY, on=None, to=None),
        restore_occurrence(db, gone, date(2026, 11, 24)),
        hold_session(db, gone, TODAY),
        fix_notes(db, gone, TODAY, private="Good luck"),
        set_series_status(db, gone, TODAY, SeriesStatus.ENDED),
    ]
    assert [r.notice for r in results] == [notice] * len(results)
    # An active person's results carry none.
    assert add_point(db, sam_weekly(db, "Ann"), TODAY, text="x").notice is None


# --- the overview and the list ------------------------------------------------------------


def test_today_overview_of_one_on_ones(db: Store) -> None:
    sam = sam_weekly(db)  # weekly on Tuesdays from 2026-11-03; TODAY is Sunday 2026-11-22
    add_action(db, sam, TODAY, text="late", owner="them", due_on=TODAY - timedelta(days=2))
    kept = add_action(db, sam, TODAY, text="kept", due_on=TODAY - timedelta(days=3)).action
    OneOnOneRepository(db).complete_action(kept.id, TODAY - timedelta(days=4))
    card = oneonone_overview(db, TODAY)
    assert [p.name for p in card.overdue_series] == ["Sam"]  # never held since 2026-11-03
    assert card.this_week == []  # Sunday: the week is over
    monday = oneonone_overview(db, TODAY + timedelta(days=1))
    assert [(p.name, d.isoformat()) for p, _, d in monday.this_week] == [("Sam", "2026-11-24")]
    assert card.overdue_actions == {Side.ME: 0, Side.THEM: 1}
    assert (card.kept[Side.ME].kept, card.kept[Side.ME].due) == (1, 1)
    assert (card.kept[Side.THEM].kept, card.kept[Side.THEM].due) == (0, 1)
    hold_session(db, sam, TODAY)
    assert oneonone_overview(db, TODAY).overdue_series == []


def test_the_list_puts_overdue_first_then_by_next_session(db: Store) -> None:
    zoe = person(db, "Zoe")  # weekly since October, never held: overdue
    set_series(db, zoe, TODAY, weekday="monday", starts_on=date(2026, 10, 5))
    ann = person(db, "Ann")
    set_series(db, ann, TODAY, weekday="thursday")  # next 2026-11-26
    bob = person(db, "Bob")
    set_series(db, bob, TODAY, weekday="tuesday")  # next 2026-11-24
    cat = person(db, "Cat")
    set_series(db, cat, TODAY, weekday="tuesday")
    set_series_status(db, cat, TODAY, SeriesStatus.PAUSED)
    person(db, "Abe")  # no series
    add_point(db, person(db, "Dee"), TODAY, text="x")  # an ad-hoc document
    listed = oneonone_list(db, TODAY)
    assert [(row.person.name, row.standing, row.next_on) for row in listed] == [
        ("Zoe", Standing.OVERDUE, date(2026, 11, 23)),
        ("Bob", Standing.SCHEDULED, date(2026, 11, 24)),
        ("Ann", Standing.SCHEDULED, date(2026, 11, 26)),
        ("Dee", Standing.AD_HOC, None),
        ("Cat", Standing.PAUSED, None),
        ("Abe", Standing.NO_SERIES, None),
    ]
    # The overview's overdue series agree with the list.
    assert [p.name for p in oneonone_overview(db, TODAY).overdue_series] == ["Zoe"]


# --- suggested points and reaching a session ------------------------------------------------


def test_a_suggested_point_once_taken_is_not_suggested_again(db: Store) -> None:
    from leadtui.domain.rotations_input import CapacityDraft
    from leadtui.domain.validation import build
    from leadtui.services import rotations

    sam = sam_weekly(db)
    draft = build(
        CapacityDraft, today=TODAY, name="Incident Review", starts_on="2026-12-01", seats=1
    )
    capacity = rotations.add_capacity(db, draft, TODAY)
    rotations.change_roster(db, capacity, ["Sam"])
    rotations.plan(db, capacity, TODAY)
    [suggested] = running_document(db, sam, TODAY).suggested
    assert suggested == "starts Incident Review on Tue 1 Dec"
    # Taken as a point (the case and spacing as typed do not matter): gone from the
    # suggestions, upcoming and once filed under a session shown.
    point = add_point(db, sam, TODAY, text="Starts  Incident Review on Tue 1 Dec").point
    assert running_document(db, sam, TODAY).suggested == ()
    mark_point(db, sam, point.id, PointStatus.DISCUSSED)
    hold_session(db, sam, TODAY)
    assert running_document(db, sam, TODAY).suggested == ()


def test_history_reaching_counts_the_sessions_back_to_a_day(db: Store) -> None:
    from leadtui.services.oneonones import history_reaching

    sam = sam_weekly(db)
    assert history_reaching(db, sam, TODAY) == 0  # nothing held yet
    held = [date(2026, 11, 3) + timedelta(weeks=week) for week in range(3)]
    for day in held:
        hold_session(db, sam, TODAY, held_on=day)
    assert [history_reaching(db, sam, day) for day in reversed(held)] == [1, 2, 3]
    assert history_reaching(db, sam, date(2026, 1, 1)) == 3  # before them all: every one
    assert history_reaching(db, person(db, "Ann"), TODAY) == 0  # no series


def test_a_suggestion_taken_in_december_is_still_taken_in_january() -> None:
    from leadtui.services.oneonones import untaken

    taken = Point(
        1, 1, "starts Incident Review on Mon 4 Jan 2027: hand-off with Sam",
        Side.ME, Visibility.SHARED, PointStatus.OPEN, False, 0, 0, None, date(2026, 12, 28),
    )  # fmt: skip
    # On 1 January the same day is offered without its year.
    offered = ["starts Incident Review on Mon 4 Jan: hand-off with Sam", "ends Spec Review"]
    assert untaken(offered, [taken]) == ("ends Spec Review",)
