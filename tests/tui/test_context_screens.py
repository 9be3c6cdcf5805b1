"""Personal context from the app: i on People and on One-on-ones opens the form, ctrl+s
saves, the document shows it marked private, and the palette and F1 name the key."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, TextArea

from leadtui.domain.people_input import PersonDraft
from leadtui.services.context import person_context
from leadtui.services.people import add_person, get_person
from leadtui.store.database import open_database
from leadtui.tui.app import LeadtuiApp
from leadtui.tui.dialogs.context_form import ContextForm
from leadtui.tui.keys import screen_actions
from leadtui.tui.screens.oneonones import OneOnOnesScreen
from leadtui.tui.screens.people import PeopleScreen
from tests.helpers import SMALL, plain_text


def seed(db_path: Path) -> int:
    db = open_database(db_path)
    try:
        return add_person(db, PersonDraft(name="Sam Okafor", relation="report")).id
    finally:
        db.close()


def stored(db_path: Path, person_id: int) -> tuple[str, str, str]:
    db = open_database(db_path)
    try:
        context = person_context(db, get_person(db, person_id))
        return context.goals, context.time_off, context.notes
    finally:
        db.close()


async def test_i_on_one_on_ones_edits_the_context_shown_beside_the_document(
    app: LeadtuiApp, db_path: Path
) -> None:
    sam = seed(db_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, OneOnOnesScreen)
        await pilot.press("i")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ContextForm)
        form.query_one("#field-goals", Input).value = "Lead the migration"
        form.query_one("#field-time_off", Input).value = "school run until 9"
        form.query_one("#field-notes", TextArea).load_text("quiet in big meetings")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, OneOnOnesScreen)
        shown = plain_text(app.screen.query_one("#oo-draft"))
        assert "Personal context" in shown and "Goals: Lead the migration" in shown
        assert "quiet in big meetings" in shown
    assert stored(db_path, sam) == (
        "Lead the migration",
        "school run until 9",
        "quiet in big meetings",
    )


async def test_i_on_people_edits_the_selected_persons_context(
    app: LeadtuiApp, db_path: Path
) -> None:
    sam = seed(db_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen)
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, ContextForm)
        app.screen.query_one("#field-goals", Input).value = "Staff engineer"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen)
    assert stored(db_path, sam)[0] == "Staff engineer"


async def test_the_context_key_is_in_the_palette_and_help(app: LeadtuiApp) -> None:
    async with app.run_test(size=SMALL) as pilot:
        for key, screen, binding in (
            ("o", OneOnOnesScreen, "1on1.context"),
            ("p", PeopleScreen, "people.context"),
        ):
            await pilot.press(key)
            await pilot.pause()
            assert binding in {b.id for _area, b in screen_actions(app.screen)}
            assert "**i** edits" in screen.HELP
