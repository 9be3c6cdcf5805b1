"""Undo and redo on a real database: an insert, an update and a delete come back (and
search follows), a change of many rows is one undo, a change touched since is refused, the
journal keeps the last 100 changes or 7 days, a new change ends the redo stack, and both
stacks survive closing the database."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from leadtui.domain.dates import half_of
from leadtui.domain.people import Person
from leadtui.domain.people_input import PersonDraft
from leadtui.domain.reviews import T3B3Side
from leadtui.domain.reviews_input import T3B3ItemDraft
from leadtui.errors import InputError
from leadtui.services.oneonones import (
    add_action,
    add_point,
    edit_point,
    hold_session,
    running_document,
    set_series,
)
from leadtui.services.people import add_person
from leadtui.services.reviews import add_t3b3_item, remove_t3b3_item, t3b3_view
from leadtui.services.search import search
from leadtui.services.undo import configure, redo, redoable, undo, undoable
from leadtui.store.database import Store, open_database
from leadtui.store.journal import JournalSettings
from tests.helpers import TODAY


@pytest.fixture
def sam(db: Store) -> Person:
    return add_person(db, PersonDraft(name="Sam Okafor"))


def point_texts(db: Store, person: Person) -> list[str]:
    return [p.text for p in running_document(db, person, TODAY).points]


def test_undoing_an_added_point_removes_it_and_redo_brings_it_back(db: Store, sam: Person) -> None:
    add_point(db, sam, TODAY, text="Quokka migration plan")
    assert point_texts(db, sam) == ["Quokka migration plan"]

    undone = undo(db)
    assert undone.label == "added talking point for Sam Okafor"
    assert point_texts(db, sam) == []
    assert search(db, "quokka") == []

    redone = redo(db)
    assert redone.label == "added talking point for Sam Okafor"
    assert point_texts(db, sam) == ["Quokka migration plan"]
    assert len(search(db, "quokka")) == 1


def test_undoing_an_edit_puts_the_old_words_back(db: Store, sam: Person) -> None:
    point = add_point(db, sam, TODAY, text="Ask about the move").point
    edit_point(db, sam, point.id, text="Ask about the offsite")
    undo(db)
    assert point_texts(db, sam) == ["Ask about the move"]
    assert len(search(db, "move")) == 1
    assert search(db, "offsite") == []


def test_undoing_a_removal_brings_the_text_back_and_searchable(db: Store, sam: Person) -> None:
    half = half_of(TODAY)
    add_t3b3_item(db, sam, half, T3B3Side.TOP, T3B3ItemDraft(text="Zebrology"), today=TODAY)
    remove_t3b3_item(db, sam, half, T3B3Side.TOP, 1, today=TODAY)
    assert search(db, "zebrology") == []

    undo(db)
    items = t3b3_view(db, sam, half).t3b3.side(T3B3Side.TOP)
    assert [i.text for i in items] == ["Zebrology"]
    assert len(search(db, "zebrology")) == 1


def test_a_hold_touching_many_rows_is_one_undo(db: Store, sam: Person) -> None:
    set_series(db, sam, TODAY, weekday="monday", starts_on="2026-10-01")
    for text in ("One", "Two", "Three"):
        add_point(db, sam, TODAY, text=text)
    add_action(db, sam, TODAY, text="Send the doc")
    hold_session(db, sam, TODAY)
    newest = undoable(db)[0]
    assert newest.label == "held the 1:1 with Sam Okafor"
    assert newest.rows > 1

    undo(db)
    assert db.execute("select count(*) from oo_session").fetchone()[0] == 0
    assert point_texts(db, sam) == ["One", "Two", "Three"]
    assert undoable(db)[0].label == "added action item for Sam Okafor"


def test_a_change_touched_since_by_a_later_one_is_refused(db: Store, sam: Person) -> None:
    point = add_point(db, sam, TODAY, text="Ask about the move").point
    added = undoable(db)[0]
    edit_point(db, sam, point.id, text="Ask about the offsite")

    with pytest.raises(InputError) as refused:
        undo(db, added.id)
    assert "was changed since by" in refused.value.message
    assert "undo that first" in refused.value.message
    assert point_texts(db, sam) == ["Ask about the offsite"]

    undo(db)  # the edit
    undo(db, added.id)
    assert point_texts(db, sam) == []


def test_nothing_to_undo_or_redo_is_one_line(db: Store) -> None:
    with pytest.raises(InputError, match="nothing to undo"):
        undo(db)
    with pytest.raises(InputError, match="nothing to redo"):
        redo(db)


def test_a_new_change_ends_the_redo_stack(db: Store, sam: Person) -> None:
    add_point(db, sam, TODAY, text="First")
    undo(db)
    assert [c.label for c in redoable(db)] == ["added talking point for Sam Okafor"]
    add_point(db, sam, TODAY, text="Second")
    assert redoable(db) == []
    with pytest.raises(InputError, match="nothing to redo"):
        redo(db)


def test_the_journal_keeps_the_last_hundred_changes(db: Store, sam: Person) -> None:
    for n in range(101):
        add_point(db, sam, TODAY, text=f"Point {n}")
    kept = undoable(db)
    assert len(kept) == 100
    # The oldest kept is the second point: adding Sam and the first point were dropped.
    assert db.execute("select count(*) from undo_row where new like '%Point 0\"%'").fetchone() == (
        0,
    )
    assert kept[-1].label == "added talking point for Sam Okafor"
    for _ in range(100):
        undo(db)
    assert point_texts(db, sam) == ["Point 0"]
    with pytest.raises(InputError, match="nothing to undo"):
        undo(db)


def test_a_change_older_than_the_window_is_dropped(db: Store) -> None:
    clock = [datetime(2026, 11, 22, 9, 0)]
    db.journal = JournalSettings(days=7, now=lambda: clock[0])
    sam = add_person(db, PersonDraft(name="Sam Okafor"))
    add_point(db, sam, TODAY, text="Early")
    clock[0] += timedelta(days=6, hours=23)
    add_point(db, sam, TODAY, text="Later")
    assert len(undoable(db)) == 3
    clock[0] += timedelta(hours=2)  # the first is now more than 7 days old
    add_point(db, sam, TODAY, text="Latest")
    assert [c.made_at for c in undoable(db)] == [
        datetime(2026, 11, 29, 10, 0),
        datetime(2026, 11, 29, 8, 0),
    ]


def test_a_zero_day_window_keeps_nothing(db: Store, sam: Person) -> None:
    add_point(db, sam, TODAY, text="Kept a moment")
    configure(db, days=0, changes=100)
    add_point(db, sam, TODAY, text="Not kept")
    assert undoable(db) == []
    assert db.execute("select count(*) from undo_row").fetchone()[0] == 0
    with pytest.raises(InputError, match="0 days"):
        undo(db)


def test_undo_and_redo_survive_closing_the_database(db_path: Path) -> None:
    store = open_database(db_path)
    sam = add_person(store, PersonDraft(name="Sam Okafor"))
    add_point(store, sam, TODAY, text="First")
    add_point(store, sam, TODAY, text="Second")
    undo(store)
    store.close()

    store = open_database(db_path)
    try:
        assert [c.label for c in redoable(store)] == ["added talking point for Sam Okafor"]
        undo(store)
        assert point_texts(store, sam) == []
        redo(store)
        redo(store)
        assert point_texts(store, sam) == ["First", "Second"]
    finally:
        store.close()


def test_undoing_what_later_changes_build_on_is_refused(db: Store, sam: Person) -> None:
    added = undoable(db)[0]
    add_point(db, sam, TODAY, text="Ask about the move")
    with pytest.raises(InputError, match="build on it; undo those first"):
        undo(db, added.id)
    assert point_texts(db, sam) == ["Ask about the move"]
