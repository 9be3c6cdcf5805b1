"""Putting the energy journal right from the Energy screen: [ and ] move the shown day
and 1–5 log it, l logs any day with a note and what energized or drained it (asking
before a note is replaced), x removes a day, and v lists energizing work to edit or
remove."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from textual.widgets import Input

from leadtui.domain.energy import EnergyEntry, EnergyThresholds, WorkKind
from leadtui.domain.energy_input import EnergyLogDraft, WorkDraft
from leadtui.domain.validation import build
from leadtui.services.energy import add_work, entry_on, list_work, log_energy
from leadtui.store.database import open_database
from leadtui.tui.app import LeadtuiApp
from leadtui.tui.dialogs.confirm import ConfirmScreen
from leadtui.tui.dialogs.energy_forms import EnergyLogForm
from leadtui.tui.dialogs.record_chooser import RecordChooser
from leadtui.tui.dialogs.work_form import WorkForm
from leadtui.tui.screens.energy import EnergyScreen
from tests.helpers import SIZE, TODAY

YESTERDAY = TODAY - timedelta(days=1)


def seed_day(db_path: Path, level: int, day: object, **fields: object) -> None:
    db = open_database(db_path)
    draft = build(EnergyLogDraft, today=TODAY, level=level, day=day, **fields)
    log_energy(db, draft, EnergyThresholds())
    db.close()


def stored(db_path: Path, day: date) -> EnergyEntry | None:
    db = open_database(db_path)
    try:
        return entry_on(db, day)
    finally:
        db.close()


async def test_brackets_move_the_day_and_a_number_logs_it(app: LeadtuiApp, db_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("E", "left_square_bracket", "left_square_bracket", "right_square_bracket")
        screen = app.screen
        assert isinstance(screen, EnergyScreen) and screen.shown_day == YESTERDAY
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("right_square_bracket", "right_square_bracket")  # not past today
        assert screen.shown_day == TODAY
    assert stored(db_path, YESTERDAY) == EnergyEntry(YESTERDAY, 2)
    assert stored(db_path, TODAY) is None


async def test_l_logs_any_typed_day_with_energized_and_drained_by(
    app: LeadtuiApp, db_path: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("E", "l")
        form = app.screen
        assert isinstance(form, EnergyLogForm)
        form.query_one("#field-level", Input).value = "4"
        form.query_one("#field-day", Input).value = "friday"
        form.query_one("#field-note", Input).value = "great design review"
        form.query_one("#field-energized_by", Input).value = "pairing, whiteboard"
        form.query_one("#field-drained_by", Input).value = "late deploy"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, EnergyScreen)
    friday = TODAY - timedelta(days=2)
    assert stored(db_path, friday) == EnergyEntry(
        friday, 4, "great design review", ("pairing", "whiteboard"), ("late deploy",)
    )


async def test_l_refuses_a_future_day_in_the_form_and_keeps_what_was_typed(
    app: LeadtuiApp, db_path: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("E", "l")
        form = app.screen
        assert isinstance(form, EnergyLogForm)
        form.query_one("#field-level", Input).value = "3"
        form.query_one("#field-day", Input).value = "tomorrow"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert form.query_one("#field-day", Input).has_class("-invalid")
    assert stored(db_path, TODAY + timedelta(days=1)) is None


async def test_relogging_a_day_with_a_note_asks_before_replacing_it(
    app: LeadtuiApp, db_path: Path
) -> None:
    seed_day(db_path, 3, YESTERDAY, note="long week")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("E", "left_square_bracket", "l")
        form = app.screen
        assert isinstance(form, EnergyLogForm)
        assert form.query_one("#field-note", Input).value == "long week"
        form.query_one("#field-note", Input).value = "better than it looked"
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert stored(db_path, YESTERDAY) == EnergyEntry(YESTERDAY, 3, "long week")
        await pilot.press("l")
        app.screen.query_one("#field-note", Input).value = "better than it looked"
        await pilot.press("ctrl+s", "y")
        await pilot.pause()
    assert stored(db_path, YESTERDAY) == EnergyEntry(YESTERDAY, 3, "better than it looked")


async def test_x_removes_the_shown_day_after_asking(app: LeadtuiApp, db_path: Path) -> None:
    seed_day(db_path, 2, YESTERDAY, note="tired")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("E", "left_square_bracket", "x")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
    assert stored(db_path, YESTERDAY) is None


async def test_v_edits_and_removes_energizing_work(app: LeadtuiApp, db_path: Path) -> None:
    db = open_database(db_path)
    add_work(db, build(WorkDraft, today=TODAY, title="prototype", day=TODAY, kind="coding"))
    db.close()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("E", "v")
        assert isinstance(app.screen, RecordChooser)
        await pilot.press("enter")
        form = app.screen
        assert isinstance(form, WorkForm)
        assert form.query_one("#field-title", Input).value == "prototype"
        form.query_one("#field-hours", Input).value = "2.5"
        await pilot.press("ctrl+s")
        await pilot.pause()
        db = open_database(db_path)
        [work] = list_work(db)
        db.close()
        assert (work.title, work.hours, work.kind) == ("prototype", 2.5, WorkKind.CODING)
        await pilot.press("v", "x")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
    db = open_database(db_path)
    assert list_work(db) == []
    db.close()
