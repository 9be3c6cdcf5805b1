"""Every export the command line writes, from the app: the same key on every screen, the
one export dialog asking the copy, and the very file `leadtui export ...` writes."""

from __future__ import annotations

import re
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.binding import Binding
from textual.widgets import Input, RadioButton, RadioSet

from leadtui.tui.app import LeadtuiApp
from leadtui.tui.dialogs.export_prompt import ExportDialog
from leadtui.tui.screens import SCREENS
from tests.helpers import SIZE, TODAY, cli, demo_database, make_app

EXPORT_KEY = "X"


@pytest.fixture
def demo(db_path: Path) -> Path:
    """The demo team: succession, vacations with hand-overs, rotations, a year of energy."""
    demo_database(db_path)
    return db_path


async def export_from(
    app: LeadtuiApp, pilot: Any, keys: tuple[str, ...], choice: int | None, target: Path
) -> ExportDialog:
    """Press ``keys`` (the last one is the export key), choose the ``choice``-th copy
    (None: the only copy, shown chosen), write to ``target``; the dialog as it was."""
    await pilot.press(*keys)
    await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, ExportDialog)
    buttons = list(dialog.query_one("#field-audience", RadioSet).query(RadioButton))
    if choice is None:
        assert len(buttons) == 1 and buttons[0].value  # one audience: shown, chosen
        assert dialog.query_one("#field-path", Input).value  # and its file suggested
    else:
        assert len(buttons) > 1 and not any(b.value for b in buttons)  # never assumed
        await pilot.click(buttons[choice])
        await pilot.pause()
    dialog.query_one("#field-path", Input).value = str(target)
    await pilot.press("ctrl+s")
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert app.screen is not dialog, str(dialog.query_one("#form-error").render())
    return dialog


def from_the_shell(db_path: Path, target: Path, *argv: str) -> bytes:
    """What `leadtui export ...` writes for the same database and day."""
    ran = cli("export", *argv, "--out", str(target), "--db", str(db_path))
    assert ran.returncode == 0, ran.stderr
    return target.read_bytes()


def private_file(path: Path) -> bytes:
    assert path.stat().st_mode & 0o777 == 0o600
    return path.read_bytes()


def notices(app: LeadtuiApp) -> str:
    return " ".join(str(n.message) for n in app._notifications)


@pytest.mark.parametrize(("choice", "audience"), [(0, "upward"), (1, "private")])
async def test_succession_exports_the_upward_brief_or_the_private_plan(
    demo: Path, isolated_home: Path, tmp_path: Path, choice: int, audience: str
) -> None:
    app, target = make_app(demo, isolated_home), tmp_path / "brief.md"
    async with app.run_test(size=SIZE) as pilot:
        await export_from(app, pilot, ("S", EXPORT_KEY), choice, target)
        wrote = "transition brief" if audience == "upward" else "private succession plan"
        assert f"Wrote the {wrote}" in notices(app)
    shell = from_the_shell(demo, tmp_path / "shell.md", "succession", "--audience", audience)
    assert private_file(target) == shell


async def test_succession_exports_the_highlighted_vacations_cover_plan(
    demo: Path, isolated_home: Path, tmp_path: Path
) -> None:
    from leadtui.tui.widgets.succession_tabs import VacationTab

    app, target = make_app(demo, isolated_home), tmp_path / "cover.md"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("S", "3")
        await pilot.pause()
        vacation = app.screen.query_one(VacationTab).vacation
        assert vacation is not None
        start = vacation.starts_on.isoformat()
        dialog = await export_from(app, pilot, (EXPORT_KEY,), None, target)
        assert dialog.suggested("team").endswith(f"vacation-cover-{start}-team.md")
        assert f"Wrote the cover plan for {start}" in notices(app)
    assert private_file(target) == from_the_shell(demo, tmp_path / "shell.md", "vacation", start)


async def test_rotations_export_the_teams_schedule_as_markdown(
    demo: Path, isolated_home: Path, tmp_path: Path
) -> None:
    app, target = make_app(demo, isolated_home), tmp_path / "rotations.md"
    async with app.run_test(size=SIZE) as pilot:
        await export_from(app, pilot, ("W", EXPORT_KEY), 0, target)
        assert "Wrote the team's rotation schedule" in notices(app)
    assert private_file(target) == from_the_shell(demo, tmp_path / "shell.md", "rotations")


def published(db_path: Path) -> list[tuple[object, ...]]:
    """What the database records as published to the team's calendars."""
    db = sqlite3.connect(db_path)
    try:
        return db.execute(
            "select uid, calendar, starts, ends, sequence from calendar_event order by uid"
        ).fetchall()
    finally:
        db.close()


def next_meeting(db_path: Path) -> date:
    from leadtui.services.hosts import host_schedule
    from leadtui.store.database import open_database

    store = open_database(db_path)
    try:
        return host_schedule(store, TODAY).meetings[0].on
    finally:
        store.close()


def without_stamps(ics: bytes) -> bytes:
    # DTSTAMP is the moment the file was written: the one line two exports cannot share.
    return re.sub(rb"DTSTAMP:\d{8}T\d{6}Z", b"DTSTAMP:-", ics)


async def test_rotations_export_an_ics_and_record_what_it_published(
    demo: Path, isolated_home: Path, tmp_path: Path
) -> None:
    # A first calendar went out before: both exports number their changes from it.
    assert cli("export", "rotations", "--ics", "--db", str(demo)).returncode == 0
    twin = tmp_path / "twin" / "leadtui.db"
    twin.parent.mkdir()
    source, copy = sqlite3.connect(demo), sqlite3.connect(twin)
    source.backup(copy)
    source.close()
    copy.close()
    before = published(demo)
    # Changed since: the next calendar says so (SEQUENCE), and the record follows it.
    skipped = next_meeting(demo).isoformat()
    for db in (demo, twin):
        assert cli("host", "skip", skipped, "--db", str(db)).returncode == 0

    app, target = make_app(demo, isolated_home), tmp_path / "rotations.ics"
    async with app.run_test(size=SIZE) as pilot:
        dialog = await export_from(app, pilot, ("W", EXPORT_KEY), 1, target)
        assert dialog.suggested("ics").endswith("rotations-team.ics")
        assert "Wrote the team's rotation calendar" in notices(app)
    shell = from_the_shell(twin, tmp_path / "shell.ics", "rotations", "--ics")
    assert without_stamps(private_file(target)) == without_stamps(shell)
    assert target.read_text().startswith("BEGIN:VCALENDAR")
    assert published(demo) == published(twin) != before


async def test_energy_exports_the_private_review_of_the_quarter_shown(
    demo: Path, isolated_home: Path, tmp_path: Path
) -> None:
    app, target = make_app(demo, isolated_home), tmp_path / "energy.md"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("E")
        await pilot.pause()
        quarter = app.screen.overview.quarter.label  # type: ignore[attr-defined]
        await export_from(app, pilot, (EXPORT_KEY,), None, target)
        assert f"Wrote the private energy review {quarter}" in notices(app)
    shell = from_the_shell(demo, tmp_path / "shell.md", "energy", "--quarter", quarter)
    assert private_file(target) == shell


def test_export_is_the_same_key_on_every_screen_and_in_its_help() -> None:
    with_exports: dict[str, set[str]] = {}
    for entry in SCREENS:
        screen = entry.load()
        bindings = [b for b in screen.BINDINGS if isinstance(b, Binding)]
        exports = [b for b in bindings if b.action.startswith("export")]
        if not exports:
            continue
        with_exports[entry.mode] = {b.key for b in exports}
        # Every export is named (for the palette and [keymap]) and the key means export only.
        assert all(b.id and b.tooltip.startswith("Export") for b in exports), entry.mode
        others = [b.action for b in bindings if b.key == EXPORT_KEY and b not in exports]
        assert not others, (entry.mode, others)
        assert f"**{EXPORT_KEY}**" in (screen.HELP or ""), entry.mode
    screens = ("today", "oneonones", "energy", "reviews", "succession", "rotations")
    assert with_exports == {mode: {EXPORT_KEY} for mode in screens}


async def test_reviews_remove_text_switch_asks_first_on_its_own_key(
    demo: Path, isolated_home: Path
) -> None:
    from leadtui.tui.dialogs.confirm import ConfirmScreen

    def heading() -> str:
        # What the heading draws (it renders what it holds).
        return str(reviews.query_one("#rv-heading").render())

    app = make_app(demo, isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("R")
        await pilot.pause()
        reviews = app.screen
        before = heading()
        assert "keep the text (private)" in before and "(r switches)" in before
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # no: nothing changes
        await pilot.pause()
        assert app.screen is reviews
        assert heading() == before
        await pilot.press("r", "y")
        await pilot.pause()
        assert "remove the text, keep the fact" in heading()
        # Delivering then asks first, and names the key that switches it off.
        from leadtui.tui.dialogs.review_forms import confirm_text_removal

        view = reviews.view  # type: ignore[attr-defined]
        assert "(r switches it off)" in confirm_text_removal(view).detail


def test_every_export_is_in_the_palette_by_name() -> None:
    from leadtui.tui.keys import screen_actions

    named = {
        f"{area}: {binding.tooltip}"
        for entry in SCREENS
        for area, binding in screen_actions(entry.load())
        if binding.action.startswith("export")
    }
    assert named == {
        "1:1: Export the document as Markdown",
        "Reviews: Export the review packet",
        "Energy: Export the quarter's energy review (private)",
        "Succession: Export the upward brief (or the private plan)",
        "Succession: Export the highlighted vacation's cover plan",
        "Rotations: Export the team's rotation schedule (Markdown or .ics)",
        "Today: Export your calendar (1:1s, leadership meeting, terms)",
    }
