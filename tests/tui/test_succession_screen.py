"""The Succession screen under Pilot: S opens it, the bench and checks show the demo's
records, keys write through the services, and the palette and F1 know it."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static

from leadtui.demo import seed_demo
from leadtui.services.succession import succession_overview
from leadtui.store.database import open_database
from tests.helpers import (
    DAY_LABEL,
    ISO_DATE,
    SIZE,
    SMALL,
    TODAY,
    files_digest,
    make_app,
    plain_text,
)


def demo(db_path: Path) -> None:
    db = open_database(db_path)
    seed_demo(db, today=TODAY, people=8, years=1)
    db.close()


async def test_s_opens_the_bench_with_the_checks(db_path: Path, isolated_home: Path) -> None:
    demo(db_path)
    app = make_app(db_path, isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("S")
        await pilot.pause()
        bench = app.screen.query_one("#su-bench", DataTable)
        assert bench.row_count == 5
        checks = plain_text(app.screen.query_one("#su-checks", Static))
        assert "meeting audit is not done" in checks
        assert "no focus area for 2026-H2" in checks
        # Days in the checks read as everywhere on screens, not as ISO dates.
        assert DAY_LABEL.search(checks) and not ISO_DATE.search(checks)


async def test_keys_write_a_gap_a_focus_and_the_audit_walk(
    db_path: Path, isolated_home: Path
) -> None:
    demo(db_path)
    app = make_app(db_path, isolated_home)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("S")
        await pilot.pause()
        await pilot.press("g", *"Chairing exec staff", "ctrl+s")
        await pilot.pause()
        person = plain_text(app.screen.query_one("#su-person", Static))
        assert "Chairing exec staff" in person
        # The walk-through: every meeting not audited yet, one after another.
        await pilot.press("a", "k", "e", "e", "p", "ctrl+s")
        await pilot.pause()
        await pilot.press("c", "a", "n", "c", "e", "l", "ctrl+s")
        await pilot.pause()
        await pilot.press("k", "e", "e", "p", "ctrl+s")
        await pilot.pause()
    db = open_database(db_path)
    try:
        overview = succession_overview(db, TODAY)
    finally:
        db.close()
    assert all(m.id in overview.audits for m in overview.meetings)
    assert "audit-due" not in [w.code.value for w in overview.warnings]


async def test_a_refused_audit_line_names_the_field(db_path: Path, isolated_home: Path) -> None:
    """What the walk-through refuses is worded by field, as a person typing it reads it."""
    demo(db_path)
    app = make_app(db_path, isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("S", "a", *"delegate", "ctrl+s")
        await pilot.pause()
        error = plain_text(app.screen.query_one("#form-error", Static))
        assert error.startswith("who runs it is not named") and "--" not in error
        await pilot.press("ctrl+u", *"partner budget fluency", "ctrl+s")
        await pilot.pause()
        error = plain_text(app.screen.query_one("#form-error", Static))
        assert error.startswith("plan is not given") and "--" not in error


async def test_a_refused_line_keeps_the_prompt_open(db_path: Path, isolated_home: Path) -> None:
    demo(db_path)
    app = make_app(db_path, isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("S")
        await pilot.pause()
        succession = app.screen
        await pilot.press("c")
        await pilot.pause()
        prompt = app.screen
        assert prompt is not succession
        await pilot.press(*"soon", "ctrl+s")
        await pilot.pause()
        assert app.screen is prompt  # refused: still open with what was typed
    db = open_database(db_path)
    try:
        assert len(succession_overview(db, TODAY).bench) == 2
    finally:
        db.close()


async def test_the_palette_and_help_know_the_screen(db_path: Path, isolated_home: Path) -> None:
    from leadtui.tui.commands import LeadtuiCommands

    app = make_app(db_path, isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        provider = LeadtuiCommands(app.screen)
        names = [c.name for c in provider.commands()]
        assert "Go: Succession" in names
        assert "Succession: Walk the quarter's meeting audit" in names
        await pilot.press("S", "f1")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "HelpScreen"


@pytest.mark.parametrize("typed", ["² closed", "12345 closed", "one closed"])
async def test_a_gap_number_that_is_no_number_is_refused_not_a_crash(
    db_path: Path, isolated_home: Path, typed: str
) -> None:
    demo(db_path)
    app = make_app(db_path, isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("S")
        await pilot.pause()
        before = files_digest(db_path)
        succession = app.screen
        await pilot.press("s")
        await pilot.pause()
        prompt = app.screen
        assert prompt is not succession
        field = prompt.query_one("#field-text", Input)
        field.value = typed
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is prompt and field.value == typed
        assert field.has_class("-invalid")
        assert files_digest(db_path) == before


def footer_keys(app: object) -> list[str]:
    screen = app.screen  # type: ignore[attr-defined]
    return [b.binding.key for b in screen.active_bindings.values() if b.binding.show]


async def test_j_and_k_move_the_bench(db_path: Path, isolated_home: Path) -> None:
    demo(db_path)
    app = make_app(db_path, isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("S")
        await pilot.pause()
        bench = app.screen.query_one("#su-bench", DataTable)
        assert bench.cursor_row == 0
        await pilot.press("j", "j")
        await pilot.pause()
        assert bench.cursor_row == 2
        await pilot.press("k")
        await pilot.pause()
        assert bench.cursor_row == 1


async def test_the_vacation_tab_keeps_its_own_keys(db_path: Path, isolated_home: Path) -> None:
    """On the Vacation tab the footer shows its keys, not the bench's, and g opens no gap
    dialog for a report who is not on screen."""
    demo(db_path)
    app = make_app(db_path, isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("S")
        await pilot.pause()
        succession = app.screen
        assert {"g", "f", "c", "e"} <= set(footer_keys(app))
        assert "v" not in footer_keys(app)
        await pilot.press("3")
        await pilot.pause()
        keys = footer_keys(app)
        assert {"v", "h", "e"} <= set(keys) and not {"g", "f", "c"} & set(keys)
        await pilot.press("g")
        await pilot.pause()
        assert app.screen is succession


async def test_the_hand_over_list_is_the_upcoming_vacations(
    db_path: Path, isolated_home: Path
) -> None:
    """The demo has a vacation in July (past) and one in December: the cover shown, and
    the one h hands over for, is December's."""
    demo(db_path)
    app = make_app(db_path, isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("S", "3")
        await pilot.pause()
        from leadtui.tui.widgets.succession_tabs import VacationTab

        tab = app.screen.query_one(VacationTab)
        assert tab.vacation is not None and tab.vacation.ends_on >= TODAY
        assert "nobody yet" in plain_text(app.screen.query_one("#su-cover", Static))


async def test_the_candidacy_example_wording_is_stored_once(
    db_path: Path, isolated_home: Path
) -> None:
    demo(db_path)
    app = make_app(db_path, isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("S", "c")
        await pilot.pause()
        field = app.screen.query_one("#field-text", Input)
        field.value = "1y / ready pending the budget cycle"
        await pilot.press("ctrl+s")
        await pilot.pause()
        person = plain_text(app.screen.query_one("#su-person", Static))
        assert "ready pending the budget cycle" in person
        assert "ready pending ready pending" not in person


async def test_e_edits_and_x_removes_a_gap_on_the_bench(db_path: Path, isolated_home: Path) -> None:
    demo(db_path)
    db = open_database(db_path)
    try:
        first = succession_overview(db, TODAY).rows[0]
    finally:
        db.close()
    assert first.gaps
    gap = first.gaps[0]
    app = make_app(db_path, isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("S")
        await pilot.pause()
        succession = app.screen
        await pilot.press("e")  # which record: gap 1 is the first
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        field = app.screen.query_one("#field-text", Input)
        assert field.value == gap.text
        field.value = "Chairing exec staff"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is succession
        assert "Chairing exec staff" in plain_text(app.screen.query_one("#su-person", Static))
        await pilot.press("x", "enter")  # gap 1 again, then the question
        await pilot.pause()
        assert app.screen.__class__.__name__ == "ConfirmScreen"
        await pilot.press("y")
        await pilot.pause()
        assert app.screen is succession
    db = open_database(db_path)
    try:
        row = succession_overview(db, TODAY).row(first.person.id)
    finally:
        db.close()
    assert row is not None
    assert [g.text for g in row.gaps] == [g.text for g in first.gaps[1:]]


async def test_x_removes_a_vacation_and_e_renames_a_meeting(
    db_path: Path, isolated_home: Path
) -> None:
    demo(db_path)
    app = make_app(db_path, isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("S", "3")
        await pilot.pause()
        await pilot.press("x", "enter")  # the vacation itself is the first record
        await pilot.pause()
        await pilot.press("n")  # asked first: no keeps it
        await pilot.pause()
        await pilot.press("x", "enter", "y")
        await pilot.pause()
        await pilot.press("2", "e")
        await pilot.pause()
        if app.screen.__class__.__name__ == "ChooseScreen":
            await pilot.press("enter")
            await pilot.pause()
        field = app.screen.query_one("#field-text", Input)
        field.value = "Renamed staff / leadership"
        await pilot.press("ctrl+s")
        await pilot.pause()
    db = open_database(db_path)
    try:
        overview = succession_overview(db, TODAY)
    finally:
        db.close()
    assert [v.ends_on >= TODAY for v in overview.vacations] == [False]
    assert "Renamed staff" in [m.name for m in overview.meetings]


async def test_the_palette_offers_edit_and_remove(db_path: Path, isolated_home: Path) -> None:
    from leadtui.tui.commands import LeadtuiCommands

    app = make_app(db_path, isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("S")
        await pilot.pause()
        names = [c.name for c in LeadtuiCommands(app.screen).commands()]
        assert "Succession: Put right one of the selected row's records" in names
        assert "Succession: Remove one of the selected row's records (asks first)" in names


async def test_a_tabs_action_from_the_palette_shows_its_tab_first(
    db_path: Path, isolated_home: Path
) -> None:
    """The palette runs an action by name: hand over, from the bench, opens the vacation
    planner and then the prompt for its highlighted vacation."""
    from leadtui.tui.widgets.succession_tabs import VacationTab

    demo(db_path)
    app = make_app(db_path, isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("S")
        await pilot.pause()
        screen = app.screen
        await screen.run_action("cover")
        await pilot.pause()
        assert screen.query_one("#su-tabs").active == "su-vacation-pane"  # type: ignore[attr-defined]
        vacation = screen.query_one(VacationTab).vacation
        assert vacation is not None
        assert app.screen is not screen
        assert vacation.starts_on.isoformat() in str(app.screen.form_title)  # type: ignore[attr-defined]


async def test_enter_on_a_report_asks_which_record_to_edit(
    db_path: Path, isolated_home: Path
) -> None:
    demo(db_path)
    app = make_app(db_path, isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("S", "j", "enter")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "ChooseScreen"
        assert "which to edit?" in str(app.screen.picker_title)  # type: ignore[attr-defined]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "SuccessionScreen"
