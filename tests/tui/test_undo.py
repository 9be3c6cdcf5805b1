"""ctrl+z in the app undoes the last change and says what it undid; ctrl+y redoes it.
The screen shows the result at once, and the palette offers both by name."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from leadtui.domain.oneonones_input import SeriesDraft
from leadtui.domain.people_input import PersonDraft
from leadtui.store.database import open_database
from leadtui.store.oneonones import OneOnOneRepository
from leadtui.store.people import PeopleRepository
from leadtui.tui.app import LeadtuiApp
from leadtui.tui.dialogs.oneonone_forms import PointForm
from leadtui.tui.screens.oneonones import OneOnOnesScreen
from leadtui.tui.widgets.key_table import KeyTable
from tests.helpers import SIZE


def seed(db_path: Path) -> None:
    db = open_database(db_path)
    person = PeopleRepository(db).add(PersonDraft(name="Sam Okafor"))
    OneOnOneRepository(db).save_series(
        person.id, SeriesDraft(weekday=1, starts_on=date(2026, 11, 3))
    )
    db.close()


def upcoming(app: LeadtuiApp) -> str:
    table = app.screen.query_one("#oo-items", KeyTable)
    return " ".join(str(cell) for r in range(table.row_count) for cell in table.get_row_at(r))


def notices(app: LeadtuiApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


def point_count(db_path: Path) -> int:
    db = open_database(db_path)
    try:
        return int(db.execute("select count(*) from oo_point").fetchone()[0])
    finally:
        db.close()


async def test_ctrl_z_undoes_an_added_point_and_ctrl_y_brings_it_back(
    app: LeadtuiApp, db_path: Path
) -> None:
    seed(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        assert isinstance(app.screen, OneOnOnesScreen)
        await pilot.press("a")
        assert isinstance(app.screen, PointForm)
        await pilot.press(*"Quokka migration", "enter")
        await pilot.pause()
        assert "Quokka migration" in upcoming(app)

        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "Quokka migration" not in upcoming(app)
        assert "Undid: added talking point for Sam Okafor" in notices(app)
        assert point_count(db_path) == 0

        await pilot.press("ctrl+y")
        await pilot.pause()
        assert "Quokka migration" in upcoming(app)
        assert "Redid: added talking point for Sam Okafor" in notices(app)
        assert point_count(db_path) == 1


async def test_nothing_to_undo_is_a_notice(app: LeadtuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert any(n.startswith("nothing to undo") for n in notices(app))


async def test_the_palette_offers_undo_and_redo(app: LeadtuiApp) -> None:
    from leadtui.tui.commands import LeadtuiCommands

    async with app.run_test(size=SIZE):
        provider = LeadtuiCommands(app.screen)
        names = [c.name for c in provider.commands()]
        assert "Edit: Undo" in names and "Edit: Redo" in names
