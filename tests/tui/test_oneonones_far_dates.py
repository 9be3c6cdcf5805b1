"""A series an older version stored as starting 9999-12-27 opens on the One-on-ones screen
(and on Today) as not scheduled, and the series form asks for a date in range."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from leadtui.domain.oneonones_input import SeriesDraft
from leadtui.domain.people_input import PersonDraft
from leadtui.store.database import open_database
from leadtui.store.oneonones import OneOnOneRepository
from leadtui.store.people import PeopleRepository
from leadtui.tui.app import LeadtuiApp
from leadtui.tui.dialogs.oneonone_forms import SeriesForm
from leadtui.tui.screens.oneonones import OneOnOnesScreen
from leadtui.tui.widgets.key_table import KeyTable
from tests.helpers import SIZE, TODAY


def seed_far_series(db_path: Path) -> None:
    db = open_database(db_path)
    person = PeopleRepository(db).add(PersonDraft(name="Pat Far"))
    OneOnOneRepository(db).save_series(person.id, SeriesDraft(weekday=0, starts_on=TODAY))
    with db.conn:
        db.execute("update oo_series set starts_on = '9999-12-27'")
    db.close()


def stored_start(db_path: Path) -> str:
    db = open_database(db_path)
    try:
        return str(db.execute("select starts_on from oo_series").fetchone()[0])
    finally:
        db.close()


async def test_a_far_future_series_start_shows_as_not_scheduled(
    app: LeadtuiApp, db_path: Path
) -> None:
    seed_far_series(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, OneOnOnesScreen)
        table = app.screen.query_one("#oo-people", KeyTable)
        assert [str(cell) for cell in table.get_row_at(0)] == ["Pat Far", "not scheduled"]
        heading = str(app.screen.query_one("#oo-heading").render())
        assert "Next session: not scheduled" in heading


async def test_the_series_form_refuses_the_far_start_until_it_is_fixed(
    app: LeadtuiApp, db_path: Path
) -> None:
    seed_far_series(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, SeriesForm)
        start = form.query_one("#field-starts_on", Input)
        start.value = "9999-12-27"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "out of range" in str(form.query_one("#form-error").render())
        start.value = "2026-11-23"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, OneOnOnesScreen)
        # The form opened with the series' own weekday, a Monday.
        assert "Next session: Mon 23 Nov" in str(app.screen.query_one("#oo-heading").render())
    assert stored_start(db_path) == "2026-11-23"
