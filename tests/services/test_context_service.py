"""Personal context on a real database: set field by field, kept private (search marks it
private, only the private copy of the 1:1 document carries it), one undo per save."""

from __future__ import annotations

import pytest

from leadtui.domain.people_input import PersonDraft
from leadtui.domain.privacy import Audience, Topic, Visibility, reaches
from leadtui.domain.search import SearchKind
from leadtui.errors import InputError
from leadtui.export.oneonone import oneonone_document
from leadtui.services.context import person_context, set_context
from leadtui.services.oneonones import running_document
from leadtui.services.people import add_person
from leadtui.services.search import search
from leadtui.services.undo import undo
from leadtui.store.database import Store
from tests.helpers import TODAY


def test_setting_some_fields_keeps_the_others_and_empty_clears(db: Store) -> None:
    sam = add_person(db, PersonDraft(name="Sam"))
    assert person_context(db, sam).empty
    set_context(db, sam, TODAY, goals="Lead the migration", time_off="off Fridays")
    set_context(db, sam, TODAY, cares_about="the roadmap")
    context = person_context(db, sam)
    assert (context.goals, context.time_off, context.cares_about) == (
        "Lead the migration",
        "off Fridays",
        "the roadmap",
    )
    set_context(db, sam, TODAY, time_off="")
    assert person_context(db, sam).time_off == ""
    assert person_context(db, sam).goals == "Lead the migration"


def test_a_field_too_long_is_refused_and_nothing_is_written(db: Store) -> None:
    sam = add_person(db, PersonDraft(name="Sam"))
    with pytest.raises(InputError, match="goals is 2001 characters; keep it to 2000"):
        set_context(db, sam, TODAY, goals="x" * 2001, notes="kept?")
    assert person_context(db, sam).empty


def test_context_reaches_only_the_private_audience() -> None:
    for visibility in Visibility:
        assert [a for a in Audience if reaches(visibility, Topic.PERSONAL_CONTEXT, a)] == [
            Audience.PRIVATE
        ]


def test_search_finds_context_as_private_and_an_edit_forgets_the_old_words(db: Store) -> None:
    sam = add_person(db, PersonDraft(name="Sam"))
    set_context(db, sam, TODAY, feedback_style="quietly, in writing zebrafinch")
    hits = search(db, "zebrafinch")
    assert [(h.kind, h.person_id, h.private) for h in hits] == [(SearchKind.CONTEXT, sam.id, True)]
    set_context(db, sam, TODAY, feedback_style="in person")
    assert search(db, "zebrafinch") == []
    assert [h.kind for h in search(db, "person")] == [SearchKind.CONTEXT]


def test_only_the_private_copy_of_the_document_carries_the_context(db: Store) -> None:
    sam = add_person(db, PersonDraft(name="Sam"))
    set_context(db, sam, TODAY, goals="goalword", notes="noteword")
    doc = running_document(db, sam, TODAY)
    mine = oneonone_document(doc, Audience.PRIVATE, TODAY)
    assert "Personal context" in mine and "goalword" in mine and "noteword" in mine
    for audience in (Audience.PERSON, Audience.UPWARD, Audience.TEAM):
        copy = oneonone_document(doc, audience, TODAY)
        assert "goalword" not in copy and "Personal context" not in copy


def test_one_undo_takes_back_one_save(db: Store) -> None:
    sam = add_person(db, PersonDraft(name="Sam"))
    set_context(db, sam, TODAY, goals="first")
    set_context(db, sam, TODAY, goals="second", notes="more")
    assert "personal context of Sam" in undo(db).label
    assert (person_context(db, sam).goals, person_context(db, sam).notes) == ("first", "")
    undo(db)
    assert person_context(db, sam).empty
