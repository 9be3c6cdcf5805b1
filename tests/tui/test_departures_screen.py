"""Departures on the People screen with Pilot: archiving someone with a 1:1 series, or a
report becoming a peer, asks whether to end the series ("I strongly recommend against
these sorts of prolonged departures"); yes ends it, no keeps it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Select

from leadtui.domain.oneonones import SeriesStatus
from leadtui.domain.oneonones_input import SeriesDraft
from leadtui.domain.people_input import PersonDraft
from leadtui.store.database import open_database
from leadtui.store.oneonones import OneOnOneRepository
from leadtui.store.people import PeopleRepository
from leadtui.tui.app import LeadtuiApp
from leadtui.tui.dialogs.confirm import ConfirmScreen
from leadtui.tui.dialogs.person_form import PersonForm
from tests.helpers import SIZE


def seed(db_path: Path) -> None:
    db = open_database(db_path)
    person = PeopleRepository(db).add(PersonDraft(name="Sam Okafor"))
    OneOnOneRepository(db).save_series(
        person.id, SeriesDraft(weekday=1, starts_on=date(2026, 11, 3))
    )
    db.close()


def series_status(db_path: Path) -> SeriesStatus:
    db = open_database(db_path)
    try:
        series = OneOnOneRepository(db).series_for(1)
        assert series is not None
        return series.status
    finally:
        db.close()


async def test_archiving_asks_to_end_the_series_and_yes_ends_it(
    app: LeadtuiApp, db_path: Path
) -> None:
    seed(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "x")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")  # archive
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "End the 1:1 series with Sam Okafor?" in app.screen.question
        assert "prolonged departures" in app.screen.detail
        await pilot.press("y")
        await pilot.pause()
    assert series_status(db_path) is SeriesStatus.ENDED


async def test_a_report_made_a_peer_is_asked_and_no_keeps_the_series(
    app: LeadtuiApp, db_path: Path
) -> None:
    seed(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "e")
        form = app.screen
        assert isinstance(form, PersonForm)
        form.query_one("#field-relation", Select).value = "peer"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "no longer a report (peer now)" in app.screen.detail
        await pilot.press("n")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)
    assert series_status(db_path) is SeriesStatus.ACTIVE
