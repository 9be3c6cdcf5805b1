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
