"""Putting feedback and T3B3 right: editing and removing a feedback entry, moving it to
the person it was about, and taking back a delivery recorded by mistake. Real temporary
databases, today pinned."""

from __future__ import annotations

from datetime import date

import pytest

from leadtui.domain.dates import Half
from leadtui.domain.oneonones import Visibility
from leadtui.domain.people import Person
from leadtui.domain.people_input import PersonDraft
from leadtui.domain.reviews import FeedbackKind, T3B3Side, T3B3Status
from leadtui.domain.reviews_input import (
    DeliveryDraft,
    FeedbackDraft,
    FeedbackEditDraft,
    T3B3ListsDraft,
)
from leadtui.domain.succession_input import GapDraft
from leadtui.domain.validation import build
from leadtui.errors import InputError, NotFoundError
from leadtui.services import oneonones
from leadtui.services.people import add_person, resolve_person
from leadtui.services.reviews import (
    TEXT_GONE,
    add_feedback,
    deliver_t3b3,
    edit_feedback,
    link_t3b3_item,
    list_feedback,
    prefix_matched,
    remove_feedback,
    set_remove_text,
    set_t3b3_lists,
    t3b3_view,
    undeliver_t3b3,
)
from leadtui.services.succession import add_gap
from leadtui.store.database import Store
from tests.helpers import TODAY

H2 = Half(2026, 2)


def report(db: Store, name: str) -> Person:
    return add_person(db, PersonDraft(name=name, relation="report"))


def give(db: Store, person: Person, text: str = "Clear design doc", **values: object) -> int:
    draft = build(FeedbackDraft, today=TODAY, text=text, day="2026-10-01", **values)
    return add_feedback(db, person, draft).entry.id


def edits(**values: object) -> FeedbackEditDraft:
    return build(FeedbackEditDraft, today=TODAY, **values)


def ready(db: Store, person: Person) -> None:
    lists = build(T3B3ListsDraft, top=("A", "B", "C"), bottom=("D", "E", "F"))
    set_t3b3_lists(db, person, H2, lists, today=TODAY)


def deliver(db: Store, person: Person) -> None:
    deliver_t3b3(db, person, H2, build(DeliveryDraft, today=TODAY, day=TODAY))


# --- feedback ---------------------------------------------------------------------------


def test_edit_feedback_changes_only_the_fields_given(db: Store) -> None:
    kofi = report(db, "Kofi Mensah")
    fid = give(db, kofi)
    changed = edit_feedback(db, fid, edits(kind="growth", day="2026-11-02", visibility="private"))
    entry = changed.entry
    assert (entry.text, entry.kind, entry.given_on, entry.visibility) == (
        "Clear design doc",
        FeedbackKind.GROWTH,
        date(2026, 11, 2),
        Visibility.PRIVATE,
    )
    assert changed.before.kind is FeedbackKind.STRENGTH
    assert [f.text for f in list_feedback(db, kofi)] == ["Clear design doc"]
    assert edit_feedback(db, fid, edits(text="Clearer doc")).entry.text == "Clearer doc"


def test_edit_feedback_refuses_nothing_to_change_a_future_day_and_an_unknown_id(
    db: Store,
) -> None:
    fid = give(db, report(db, "Kofi Mensah"))
    with pytest.raises(InputError, match="nothing to change"):
        edit_feedback(db, fid, edits())
    with pytest.raises(InputError, match="in the future"):
        edits(day="tomorrow")
    with pytest.raises(NotFoundError, match="no feedback with id 99"):
        edit_feedback(db, 99, edits(text="x"))


def test_moving_feedback_to_another_person_leaves_the_first_persons_log_and_1on1(
    db: Store,
) -> None:
    kofi, ana = report(db, "Kofi Mensah"), report(db, "Ana Ruiz")
    oneonones.set_series(db, kofi, TODAY, weekday="tuesday", starts_on="2026-01-06")
    series = oneonones.running_document(db, kofi, TODAY).series
    assert series is not None
    draft = build(FeedbackDraft, today=TODAY, text="Meant for Ana")
    fid = add_feedback(db, kofi, draft, series_id=series.id).entry.id
    moved = edit_feedback(db, fid, edits(), person=ana)
    assert moved.person.id == ana.id
    assert (moved.entry.series_id, moved.entry.session_id) == (None, None)
    assert list_feedback(db, kofi) == []
    assert [f.id for f in list_feedback(db, ana)] == [fid]


def test_feedback_linked_as_evidence_stays_with_its_person_and_is_not_removed(
    db: Store,
) -> None:
    kofi, ana = report(db, "Kofi Mensah"), report(db, "Ana Ruiz")
    fid = give(db, kofi, "Docs are hard to follow", kind="growth")
    ready(db, kofi)
    from leadtui.domain.reviews import EvidenceKind

    link_t3b3_item(db, kofi, H2, 1, EvidenceKind.FEEDBACK, fid, today=TODAY)
    add_gap(db, kofi, build(GapDraft, text="Writing"), TODAY, feedback_id=fid)
    with pytest.raises(InputError) as refused:
        remove_feedback(db, fid)
    message = refused.value.message
    assert "Kofi Mensah's 2026-H2 T3B3 (Bottom 1)" in message
    assert "Kofi Mensah's succession gap 1" in message
    with pytest.raises(InputError, match="before moving it"):
        edit_feedback(db, fid, edits(), person=ana)
    assert [f.id for f in list_feedback(db, kofi)] == [fid]


def test_remove_feedback_deletes_the_entry_and_returns_it(db: Store) -> None:
    kofi = report(db, "Kofi Mensah")
    keep, wrong = give(db, kofi, "Keep"), give(db, kofi, "Wrong person")
    removed = remove_feedback(db, wrong)
    assert (removed.entry.text, removed.person.name) == ("Wrong person", "Kofi Mensah")
    assert [f.id for f in list_feedback(db, kofi)] == [keep]
    with pytest.raises(NotFoundError):
        remove_feedback(db, wrong)


def test_prefix_matched_tells_a_prefix_from_an_id_or_a_whole_name(db: Store) -> None:
    kofi = report(db, "Kofi Mensah")
    assert prefix_matched("k", resolve_person(db, "k"))
    assert not prefix_matched(" kofi mensah ", kofi)
    assert not prefix_matched(str(kofi.id), kofi)


# --- T3B3: taking back a delivery -------------------------------------------------------


def test_undeliver_returns_a_delivered_t3b3_to_ready_with_its_items(db: Store) -> None:
    kofi = report(db, "Kofi Mensah")
    ready(db, kofi)
    deliver(db, kofi)
    back = undeliver_t3b3(db, kofi, H2)
    assert back.t3b3.status is T3B3Status.READY
    assert (back.t3b3.delivered_on, back.t3b3.in_person, back.text_was_removed) == (
        None,
        None,
        False,
    )
    assert [i.text for i in t3b3_view(db, kofi, H2).t3b3.side(T3B3Side.TOP)] == ["A", "B", "C"]


def test_undeliver_after_the_text_was_removed_brings_back_an_empty_draft(db: Store) -> None:
    kofi = report(db, "Kofi Mensah")
    ready(db, kofi)
    set_remove_text(db, kofi, H2, True, today=TODAY)
    deliver(db, kofi)
    back = undeliver_t3b3(db, kofi, H2)
    assert back.text_was_removed
    assert "undo the delivery" in TEXT_GONE
    t3b3 = back.t3b3
    assert (t3b3.status, t3b3.items, t3b3.text_removed, t3b3.remove_text) == (
        T3B3Status.DRAFT,
        (),
        False,
        True,
    )


def test_undeliver_refuses_a_t3b3_not_delivered(db: Store) -> None:
    kofi = report(db, "Kofi Mensah")
    ready(db, kofi)
    with pytest.raises(InputError, match="has not been delivered"):
        undeliver_t3b3(db, kofi, H2)


def test_search_follows_an_edited_moved_and_removed_entry(db: Store) -> None:
    from leadtui.services.search import search

    kofi, ana = report(db, "Kofi Mensah"), report(db, "Ana Ruiz")
    fid = give(db, kofi, "Pepperoni estimate")
    edit_feedback(db, fid, edits(text="Anchovy estimate", visibility="private"), person=ana)
    assert search(db, "pepperoni") == []
    [hit] = search(db, "anchovy")
    assert (hit.person_id, hit.private) == (ana.id, True)
    remove_feedback(db, fid)
    assert search(db, "anchovy") == []
