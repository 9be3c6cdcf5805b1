from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Select

from leadtui.domain.people import Relation
from leadtui.domain.people_input import PersonDraft
from leadtui.store.database import open_database
from leadtui.store.people import PeopleRepository
from leadtui.tui.app import LeadtuiApp
from leadtui.tui.screens.confirm import ConfirmScreen
from leadtui.tui.screens.people import PeopleScreen
from leadtui.tui.screens.person_form import PersonForm
from leadtui.tui.widgets.key_table import KeyTable
from tests.helpers import SIZE


def stored(db_path: Path) -> list[tuple[str, str, str | None]]:
    db = open_database(db_path)
    try:
        return [
            (p.name, p.relation.value, p.team)
            for p in PeopleRepository(db).list(include_archived=True)
        ]
    finally:
        db.close()


def seed(db_path: Path, *drafts: PersonDraft) -> None:
    db = open_database(db_path)
    for draft in drafts:
        PeopleRepository(db).add(draft)
    db.close()


def table_names(app: LeadtuiApp) -> list[str]:
    table = app.screen.query_one(KeyTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


async def test_add_in_the_form_lands_on_screen_and_in_the_database(
    app: LeadtuiApp, db_path: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        assert isinstance(app.screen, PeopleScreen)
        await pilot.press("a")
        assert isinstance(app.screen, PersonForm)
        await pilot.press(*"Sam Okafor")
        app.screen.query_one("#field-relation", Select).value = "peer"
        app.screen.query_one("#field-team", Input).value = "Payments"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen)
        assert table_names(app) == ["Sam Okafor"]
    assert stored(db_path) == [("Sam Okafor", "peer", "Payments")]


async def test_invalid_input_keeps_the_form_open_with_what_was_typed(
    app: LeadtuiApp, db_path: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "a")
        form = app.screen
        assert isinstance(form, PersonForm)
        form.query_one("#field-name", Input).value = "Sam"
        form.query_one("#field-started_on", Input).value = "2026-02-31"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        error = str(form.query_one("#form-error").render())
        assert "not a real date" in error
        assert form.query_one("#field-name", Input).value == "Sam"
        assert form.query_one("#field-started_on", Input).value == "2026-02-31"
        assert form.query_one("#field-started_on", Input).has_class("-invalid")
        # Empty name: refused too, nothing written.
        form.query_one("#field-name", Input).value = "   "
        form.query_one("#field-started_on", Input).value = ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "name must not be empty" in str(form.query_one("#form-error").render())
    assert stored(db_path) == []


async def test_duplicate_name_is_refused_in_the_form(app: LeadtuiApp, db_path: Path) -> None:
    seed(db_path, PersonDraft(name="Sam Okafor"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "a", *"sam okafor", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PersonForm)
        assert "already an active person" in str(app.screen.query_one("#form-error").render())
    assert len(stored(db_path)) == 1


async def test_edit_archive_and_unarchive(app: LeadtuiApp, db_path: Path) -> None:
    seed(db_path, PersonDraft(name="Sam Okafor", team="Payments"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "e")
        form = app.screen
        assert isinstance(form, PersonForm)
        assert form.query_one("#field-team", Input).value == "Payments"
        form.query_one("#field-team", Input).value = "Search"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert stored(db_path) == [("Sam Okafor", "report", "Search")]
        await pilot.press("x")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert table_names(app) == []
        await pilot.press("h")
        assert table_names(app) == ["Sam Okafor (archived)"]
        await pilot.press("x")
        await pilot.pause()
        assert table_names(app) == ["Sam Okafor"]


async def test_filter_as_you_type_and_sort(app: LeadtuiApp, db_path: Path) -> None:
    seed(
        db_path,
        PersonDraft(name="Ana Silva", relation=Relation.MANAGER, team="Exec"),
        PersonDraft(name="Zed Kim", relation=Relation.REPORT, team="Payments"),
        PersonDraft(name="Priya Iyer", relation=Relation.PEER, team="Product"),
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        assert table_names(app) == ["Ana Silva", "Priya Iyer", "Zed Kim"]
        await pilot.press("s")
        assert table_names(app) == ["Zed Kim", "Priya Iyer", "Ana Silva"]
        await pilot.press("slash", *"pay")
        assert table_names(app) == ["Zed Kim"]
        await pilot.press("escape")
        assert len(table_names(app)) == 3


async def test_markup_and_escapes_in_names_are_shown_literally(
    app: LeadtuiApp, db_path: Path
) -> None:
    seed(db_path, PersonDraft(name="[bold]x[/]"), PersonDraft(name="\x1b[31mRed"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        assert sorted(table_names(app)) == ["[bold]x[/]", "\\x1b[31mRed"]


async def test_j_and_k_move_the_cursor(app: LeadtuiApp, db_path: Path) -> None:
    seed(db_path, PersonDraft(name="Ana"), PersonDraft(name="Ben"), PersonDraft(name="Cy"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "j", "j")
        assert app.screen.query_one(KeyTable).cursor_row == 2
        await pilot.press("k")
        assert app.screen.query_one(KeyTable).cursor_row == 1
