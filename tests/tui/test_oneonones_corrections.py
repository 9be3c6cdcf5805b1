"""Putting a 1:1 record right from the One-on-ones screen with Pilot: remove the
selected point or action (asked first), edit an action's owner and due date, fix the
notes of any held session, and take the last held session back (asked first)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Input, OptionList, Select, TextArea

from leadtui.domain.oneonones import PointStatus
from leadtui.domain.oneonones_input import SeriesDraft
from leadtui.domain.people_input import PersonDraft
from leadtui.services.oneonones import add_action, add_point, hold_session, mark_point
from leadtui.services.people import get_person
from leadtui.store.database import open_database
from leadtui.store.oneonones import OneOnOneRepository
from leadtui.store.people import PeopleRepository
from leadtui.tui.app import LeadtuiApp
from leadtui.tui.dialogs.choose import ChooseScreen
from leadtui.tui.dialogs.confirm import ConfirmScreen
from leadtui.tui.dialogs.oneonone_forms import ActionForm, NotesForm
from leadtui.tui.screens.oneonones import OneOnOnesScreen
from leadtui.tui.widgets.running_document import RunningDocumentView
from tests.helpers import SIZE, TODAY


def seed(db_path: Path) -> None:
    db = open_database(db_path)
    person = PeopleRepository(db).add(PersonDraft(name="Sam Okafor"))
    OneOnOneRepository(db).save_series(
        person.id, SeriesDraft(weekday=1, starts_on=date(2026, 11, 3))
    )
    db.close()


def rows(db_path: Path, sql: str) -> list[tuple[object, ...]]:
    db = open_database(db_path)
    try:
        return [tuple(row) for row in db.execute(sql).fetchall()]
    finally:
        db.close()


async def test_delete_removes_the_selected_point_after_asking(
    app: LeadtuiApp, db_path: Path
) -> None:
    seed(db_path)
    db = open_database(db_path)
    sam = get_person(db, 1)
    add_point(db, sam, TODAY, text="Typo point")
    add_point(db, sam, TODAY, text="Keep me")
    db.close()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o", "tab", "delete")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # no: nothing goes
        await pilot.pause()
        assert rows(db_path, "select text from oo_point order by id") == [
            ("Typo point",),
            ("Keep me",),
        ]
        await pilot.press("delete")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, OneOnOnesScreen) and screen.doc is not None
        assert [p.text for p in screen.doc.points] == ["Keep me"]  # shown again at once
    assert rows(db_path, "select text from oo_point") == [("Keep me",)]


async def test_delete_removes_an_action_and_e_edits_its_owner_and_due_date(
    app: LeadtuiApp, db_path: Path
) -> None:
    seed(db_path)
    db = open_database(db_path)
    sam = get_person(db, 1)
    add_action(db, sam, TODAY, text="Send the doc")
    add_action(db, sam, TODAY, text="Wrong one")
    db.close()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o", "tab", "e")
        form = app.screen
        assert isinstance(form, ActionForm)
        assert form.query_one("#field-text", Input).value == "Send the doc"
        form.query_one("#field-owner", Select).value = "them"
        form.query_one("#field-due_on", Input).value = "2026-12-04"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, OneOnOnesScreen)
        await pilot.press("down", "delete")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
    assert rows(db_path, "select text, owner, due_on from oo_action") == [
        ("Send the doc", "them", "2026-12-04")
    ]


async def test_fix_the_notes_of_an_older_held_session(app: LeadtuiApp, db_path: Path) -> None:
    seed(db_path)
    db = open_database(db_path)
    sam = get_person(db, 1)
    older = hold_session(db, sam, TODAY, held_on=date(2026, 11, 10)).session
    hold_session(db, sam, TODAY, held_on=date(2026, 11, 17))
    db.close()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o", "N")
        chooser = app.screen
        assert isinstance(chooser, ChooseScreen)
        assert chooser.query_one(OptionList).option_count == 2  # newest first
        await pilot.press("down", "enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, NotesForm)
        assert "10 Nov" in form.form_title
        form.query_one("#field-shared", TextArea).text = "Agreed on X"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, OneOnOnesScreen)
    assert rows(db_path, f"select shared_notes from oo_session where id = {older.id}") == [
        ("Agreed on X",)
    ]


async def test_shift_u_takes_back_the_last_held_session_after_asking(
    app: LeadtuiApp, db_path: Path
) -> None:
    seed(db_path)
    db = open_database(db_path)
    sam = get_person(db, 1)
    point = add_point(db, sam, TODAY, text="Roadmap").point
    mark_point(db, sam, point.id, PointStatus.DISCUSSED)
    hold_session(db, sam, TODAY)
    db.close()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o", "U")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert rows(db_path, "select count(*) from oo_session") == [(1,)]
        await pilot.press("U")
        await pilot.press("y")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, OneOnOnesScreen) and screen.doc is not None
        assert [p.text for p in screen.doc.points] == ["Roadmap"]
        assert screen.doc.sessions == []
    assert rows(db_path, "select count(*) from oo_session") == [(0,)]
    assert rows(db_path, "select text, status, session_id from oo_point") == [
        ("Roadmap", "discussed", None)
    ]


async def test_n_fixes_the_session_marked_in_the_past_sessions_at_once(
    app: LeadtuiApp, db_path: Path
) -> None:
    seed(db_path)
    db = open_database(db_path)
    sam = get_person(db, 1)
    hold_session(db, sam, TODAY, held_on=date(2026, 11, 10))
    hold_session(db, sam, TODAY, held_on=date(2026, 11, 17))
    db.close()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        await pilot.pause()
        assert app.screen.query_one(RunningDocumentView).show_session(date(2026, 11, 10))
        await pilot.press("N")
        form = app.screen
        assert isinstance(form, NotesForm) and "10 Nov" in form.form_title
