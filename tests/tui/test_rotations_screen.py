"""The Rotations screen: timelines and tables from the database, and its keys writing
through the rotation use cases."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from leadtui.demo import seed_demo
from leadtui.services.rotations import host_schedule, list_capacities, schedule_of
from leadtui.store.database import open_database
from leadtui.tui.app import LeadtuiApp
from leadtui.tui.screens import SCREENS
from leadtui.tui.screens.rotations import RotationsScreen
from leadtui.tui.widgets.key_table import KeyTable
from tests.helpers import SIZE, TODAY, make_app, plain_text


def _demo(db_path: Path, home: Path) -> LeadtuiApp:
    db = open_database(db_path)
    seed_demo(db, today=TODAY, people=12, years=3)
    db.close()
    return make_app(db_path, home)


async def test_the_screen_shows_seats_terms_hosts_and_checks(
    db_path: Path, isolated_home: Path
) -> None:
    app = _demo(db_path, isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("W")
        assert isinstance(app.screen, RotationsScreen)
        seats = plain_text(app.screen.query_one("#rot-timelines", Static))
        assert "Incident Review" in seats and "Tech Spec Review" in seats
        assert "Seat 1" in seats and "Seat 2" in seats and "▲ today" in seats
        assert app.screen.query_one("#rot-hosts", KeyTable).row_count == 8
        checks = plain_text(app.screen.query_one("#rot-checks", Static))
        assert "exposure" in checks
        await pilot.press("f1")
        await pilot.pause()
        assert "Rotations" in str(app.screen.query("Markdown").first().source)  # type: ignore[attr-defined]


async def test_skip_a_week_from_the_hosts_table(db_path: Path, isolated_home: Path) -> None:
    app = _demo(db_path, isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("W")
        app.screen.query_one("#rot-hosts", KeyTable).focus()
        # The third week: the second is swapped in the demo, and a swapped week is
        # refused until the swap is undone.
        await pilot.press("j", "j", "s")
        await pilot.pause()
    db = open_database(db_path)
    try:
        hosts = host_schedule(db, TODAY, 3)
    finally:
        db.close()
    assert hosts.meetings[2].skipped and not hosts.meetings[0].skipped


async def test_plan_from_the_screen_records_the_next_terms(
    db_path: Path, isolated_home: Path
) -> None:
    app = _demo(db_path, isolated_home)
    db = open_database(db_path)
    capacity = next(c for c in list_capacities(db) if c.name == "Incident Review")
    open_before = sum(1 for s in schedule_of(db, capacity, TODAY).segments if s.person_id is None)
    db.close()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("W")
        table = app.screen.query_one("#rot-terms", KeyTable)
        screen = app.screen
        assert isinstance(screen, RotationsScreen)
        row = next(i for i, (s, _) in enumerate(screen.rows) if s.capacity.id == capacity.id)
        table.move_cursor(row=row)
        await pilot.press("n")
        await pilot.pause()
    db = open_database(db_path)
    try:
        open_after = sum(
            1 for s in schedule_of(db, capacity, TODAY).segments if s.person_id is None
        )
    finally:
        db.close()
    assert open_after < open_before


def test_the_screen_has_its_own_go_key_and_palette_entry() -> None:
    entry = next(e for e in SCREENS if e.mode == "rotations")
    assert (entry.title, entry.key) == ("Rotations", "W")
    keys = [e.key for e in SCREENS]
    assert len(keys) == len(set(keys))


async def test_todays_rotations_card_names_the_host_and_opens_rotations(
    db_path: Path, isolated_home: Path
) -> None:
    from leadtui.tui.widgets.rotations_card import RotationsCard

    app = _demo(db_path, isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        card = app.screen.query_one(RotationsCard)
        shown = card.render().plain
        assert "Host: Jonas Haddad" in shown and "Mon 23 Nov" in shown
        assert "Kofi Mensah starts" in shown
        card.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RotationsScreen)
