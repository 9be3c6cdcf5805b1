from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from rich.style import Style
from rich.text import Text
from textual.widgets import Checkbox, Input, Select, Static

from leadtui.domain.energy import EnergyEntry
from leadtui.services.energy import entry_on, list_work, recent_entries
from leadtui.store.database import open_database
from leadtui.store.energy import EnergyRepository
from leadtui.tui.app import LeadtuiApp
from leadtui.tui.dialogs.text_prompt import TextPrompt
from leadtui.tui.dialogs.work_form import WorkForm
from leadtui.tui.screens.energy import EnergyScreen
from leadtui.tui.widgets.today_cards import EnergyCard
from tests.helpers import SIZE, SMALL, TODAY, card_lines, make_app, plain_text


def stored_levels(db_path: Path) -> dict[str, int]:
    db = open_database(db_path)
    try:
        return {e.day.isoformat(): e.level for e in recent_entries(db, TODAY, 3660)}
    finally:
        db.close()


def screen_text(app: LeadtuiApp, selector: str) -> str:
    return plain_text(app.screen.query_one(selector, Static))


def notices(app: LeadtuiApp) -> list[tuple[str, str]]:
    return [(str(n.message), n.severity) for n in app._notifications]


async def test_pressing_3_logs_today_in_the_database_and_on_screen(
    app: LeadtuiApp, db_path: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("E")
        assert isinstance(app.screen, EnergyScreen)
        assert "Not logged yet today" in screen_text(app, "#energy-today")
        await pilot.press("3")
        await pilot.pause()
        assert stored_levels(db_path) == {TODAY.isoformat(): 3}
        assert "3  middling" in screen_text(app, "#energy-today")
        await pilot.press("5")
        await pilot.pause()
        assert stored_levels(db_path) == {TODAY.isoformat(): 5}


async def test_note_and_energizing_work_from_the_screen(app: LeadtuiApp, db_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("E", "4", "n")
        assert isinstance(app.screen, TextPrompt)
        await pilot.press(*"[bold]shipped[/]", "enter")
        await pilot.pause()
        assert "[bold]shipped[/]" in screen_text(app, "#energy-today")
        await pilot.press("w")
        form = app.screen
        assert isinstance(form, WorkForm)
        form.query_one("#field-hours", Input).value = "lots"
        form.query_one("#field-title", Input).value = "Prototype ranking"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "hours must be a number" in str(form.query_one("#form-error").render())
        assert form.query_one("#field-title", Input).value == "Prototype ranking"
        form.query_one("#field-hours", Input).value = "2"
        form.query_one("#field-kind", Select).value = "coding"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, EnergyScreen)
        assert "Prototype ranking" in screen_text(app, "#energy-work")
    db = open_database(db_path)
    [work] = list_work(db)
    assert (work.title, work.hours, work.kind.value) == ("Prototype ranking", 2.0, "coding")
    entry = entry_on(db, TODAY)
    assert entry is not None and entry.note == "[bold]shipped[/]"
    db.close()


async def test_a_note_before_the_days_number_is_refused(app: LeadtuiApp, db_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("E", "n")
        await pilot.pause()
        assert isinstance(app.screen, EnergyScreen)
        assert ("Log today's number first (1–5), then add a note.", "warning") in notices(app)
        await pilot.press("2", "n", *"long day", "enter")
        await pilot.pause()
        assert "2  drained" in screen_text(app, "#energy-today")
        await pilot.press("n", "ctrl+a", "ctrl+k", "enter")  # an empty note clears it
        await pilot.pause()
        assert "no note (n to add)" in screen_text(app, "#energy-today")
    assert stored_levels(db_path) == {TODAY.isoformat(): 2}


async def test_work_that_creates_work_for_other_teams_is_logged_with_a_warning(
    app: LeadtuiApp,
) -> None:
    """The guardrail the command line prints on `energy work add`, said here too."""
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("E", "w")
        form = app.screen
        assert isinstance(form, WorkForm)
        form.query_one("#field-title", Input).value = "Tune CI"
        form.query_one("#field-creates_work_for_other_teams", Checkbox).value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, EnergyScreen)
        assert notices(app)[-2:] == [
            ("Energizing work logged", "information"),
            ("this creates work for other teams; energizing work should not", "warning"),
        ]
        assert "creates work for other teams" in screen_text(app, "#energy-work")


async def test_today_says_energy_is_not_logged(app: LeadtuiApp) -> None:
    """Today's card says the verdict in words, never the state id."""
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Energy not logged today." in card_lines(app.screen.query_one(EnergyCard))
        await pilot.press("E", "2", "t")
        await pilot.pause()
        card = card_lines(app.screen.query_one(EnergyCard))
        assert card == ["Today: 2 · drained", "Not enough data: 1 of 14 days"]


def seed_days(db_path: Path, levels: dict[int, int]) -> None:
    """Entries ``days ago -> level``."""
    db = open_database(db_path)
    for days_ago, level in levels.items():
        EnergyRepository(db).insert(EnergyEntry(TODAY - timedelta(days=days_ago), level))
    db.close()


async def test_the_verdict_is_said_in_words_with_the_key_to_press(app: LeadtuiApp) -> None:
    """No state id and no shell command on screen: what it means and what to press."""
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("E", "3")
        await pilot.pause()
        verdict = screen_text(app, "#energy-verdict")
        assert "Not enough data yet: 1 of 14 days logged" in verdict
        assert "Press 1–5 once a day" in verdict
        assert "not-enough-data" not in verdict and "`" not in verdict


async def test_the_quarter_says_not_enough_data_before_half_the_days_are_logged(
    app: LeadtuiApp, db_path: Path
) -> None:
    seed_days(db_path, {1: 5, 2: 4})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("E")
        await pilot.pause()
        quarter = screen_text(app, "#energy-quarter")
        assert quarter.splitlines()[0].endswith("trend of good days? Not enough data")


async def test_calendar_days_differ_by_glyph_not_only_colour(
    app: LeadtuiApp, db_path: Path
) -> None:
    seed_days(db_path, {1: 5, 2: 1, 3: 3})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("E")
        await pilot.pause()
        lines = screen_text(app, "#energy-calendar").splitlines()
        days = "".join(lines[1:8])
        assert {"●", "◐", "○", "·"} <= set(days)
        assert " ".join(lines[-1].split()) == "● good ◐ middling ○ drained · not logged"


async def test_work_dates_read_as_on_every_screen(app: LeadtuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("E", "w")
        form = app.screen
        assert isinstance(form, WorkForm)
        form.query_one("#field-title", Input).value = "Coach two new managers"
        await pilot.press("ctrl+s")
        await pilot.pause()
        work = screen_text(app, "#energy-work")
        assert work.startswith("Sun 22 Nov") and TODAY.isoformat() not in work


async def test_at_80x24_the_panels_stack_and_nothing_is_cut(app: LeadtuiApp) -> None:
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("E")
        await pilot.pause()
        screen = app.screen
        assert screen.has_class("-narrow")
        for panel in screen.query(".energy-panel"):
            assert panel.region.width >= 70 and panel.region.right <= 80, panel
        calendar = screen.query_one("#energy-calendar")
        widest = max(len(line) for line in screen_text(app, "#energy-calendar").splitlines())
        assert widest <= calendar.content_region.width


async def test_panels_follow_the_theme(app: LeadtuiApp, db_path: Path) -> None:
    """A theme switch redraws the panels in its colours (none is fixed in code)."""
    seed_days(db_path, {1: 5, 2: 1})

    def colours() -> set[str]:
        calendar = app.screen.query_one("#energy-calendar", Static).content
        assert isinstance(calendar, Text), type(calendar)
        return {str(span.style.color) for span in calendar.spans if isinstance(span.style, Style)}

    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("E")
        await pilot.pause()
        dark = colours()
        app.theme = "leadtui-light"
        await pilot.pause()
        await pilot.pause()
        assert colours() and colours().isdisjoint(dark)


async def test_a_chosen_day_shows_in_the_day_panel_and_a_number_logs_it(
    app: LeadtuiApp, db_path: Path
) -> None:
    """Search shows a day with select_day; a number logs the day shown, which stays;
    escape is offered (F1, palette) only while another day is shown and brings today
    back."""
    seed_days(db_path, {2: 1})
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("E")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EnergyScreen)
        assert "back_to_today" not in {b.binding.action for b in screen.active_bindings.values()}
        screen.select_day(TODAY - timedelta(days=2))
        await pilot.pause()
        panel = screen.query_one("#energy-today", Static)
        assert panel.border_title == "Fri 20 Nov · esc: today"
        assert "1  drained" in screen_text(app, "#energy-today")
        assert "back_to_today" in {b.binding.action for b in screen.active_bindings.values()}
        screen.select_day(TODAY - timedelta(days=1))
        await pilot.pause()
        assert "Not logged that day." in screen_text(app, "#energy-today")
        await pilot.press("4")
        await pilot.pause()
        assert panel.border_title == "Sat 21 Nov · esc: today"
        assert "4  good" in screen_text(app, "#energy-today")
        await pilot.press("escape")
        await pilot.pause()
        assert panel.border_title == "Today" and "Not logged yet today" in screen_text(
            app, "#energy-today"
        )
    assert stored_levels(db_path) == {"2026-11-20": 1, "2026-11-21": 4}


@pytest.mark.parametrize("size", [SIZE, SMALL], ids=["120x40", "80x24"])
async def test_the_trend_reaches_the_right_edge_over_an_axis_of_its_days(
    db_path: Path, isolated_home: Path, size: tuple[int, int]
) -> None:
    seed_days(db_path, {0: 5, 1: 4, 89: 2})
    app = make_app(db_path, isolated_home)
    async with app.run_test(size=size) as pilot:
        await pilot.press("E")
        await pilot.pause()
        panel = app.screen.query_one("#energy-trend", Static)
        line, axis = screen_text(app, "#energy-trend").splitlines()
        width = panel.content_region.width
        assert len(line) == width and line[-1] != " " and line[0] != " "
        assert axis.startswith("25 Aug ─") and axis.endswith("─ 22 Nov")
        assert len(axis) == width
