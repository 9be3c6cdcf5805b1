"""SVG snapshots of the shared dialogs, at 80x24 (the smallest supported terminal) and
120x40, on a pinned team.

Update with `pytest tests/tui/test_snapshots_dialogs.py --snapshot-update` after a
deliberate visual change, and look at the report before committing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, RadioButton

from leadtui.services import people
from leadtui.tui.dialogs.export_prompt import ask_export
from leadtui.tui.dialogs.oneonone_forms import NotesForm
from leadtui.tui.dialogs.person_form import PersonForm
from leadtui.tui.screens.base import LeadtuiScreen
from tests.helpers import SIZE, SMALL, TODAY, make_app

SIZES = pytest.mark.parametrize("size", [SMALL, SIZE], ids=["80x24", "120x40"])


async def behind(pilot: Pilot[Any]) -> None:
    """A plain screen behind the dialog, so the snapshot shows the dialog alone, whatever
    the screens it opens over look like this week."""
    await pilot.app.push_screen(Screen())
    await pilot.pause()


def demo_app(db_path: Path, home: Path) -> Any:
    # The dialogs show what they are given; the database behind them stays empty.
    return make_app(db_path, home)


async def refused_person(pilot: Pilot[Any]) -> None:
    app: Any = pilot.app
    await behind(pilot)
    form = PersonForm(title="Add person", save=lambda d: people.add_person(app.db, d), today=TODAY)
    await app.push_screen(form)
    await pilot.pause()
    form.query_one("#field-name", Input).value = "Sam Lee"
    form.query_one("#field-team", Input).value = "Payments"
    form.query_one("#field-started_on", Input).value = "2026-02-31"
    await pilot.press("ctrl+s")
    await pilot.pause()


@SIZES
def test_the_form_with_a_refused_field(
    snap_compare: Any, db_path: Path, isolated_home: Path, size: tuple[int, int]
) -> None:
    """Look for: the Add person dialog centred over a blank screen, labels beside their
    fields, the impossible start date still typed and outlined in the error colour with
    the cursor in it, the one-line reason in the error colour below the fields, the
    Save/Cancel buttons (at 80x24 one row each, below the fields, which scroll), the Email
    field last, and a footer with the dialog's keys (^s Save, esc Cancel)."""
    app = demo_app(db_path, isolated_home)
    assert snap_compare(app, terminal_size=size, run_before=refused_person)


async def notes(pilot: Pilot[Any]) -> None:
    app: Any = pilot.app
    await behind(pilot)
    form = NotesForm(
        "Session notes · Sam Okafor",
        lambda values: None,
        "Agreed to ship the design doc by Friday.",
        "Seems tired; ask about the on-call load.",
    )
    await app.push_screen(form)
    await pilot.pause()
    form.query_one("#field-private").focus()
    await pilot.pause()


@SIZES
def test_the_notes_form(
    snap_compare: Any, db_path: Path, isolated_home: Path, size: tuple[int, int]
) -> None:
    """Look for: shared notes above private notes, each labelled; the private field's
    label and border in the warning colour, the cursor in it; the footer offers $EDITOR (^e) next to
    Save and Cancel."""
    app = demo_app(db_path, isolated_home)
    assert snap_compare(app, terminal_size=size, run_before=notes)


async def export_private(pilot: Pilot[Any]) -> None:
    app: Any = pilot.app
    screen = app.screen
    assert isinstance(screen, LeadtuiScreen)
    await behind(pilot)
    ask_export(screen, "1:1 document", "sam-okafor-1on1-shared.md", lambda store, a: "")
    await pilot.pause()
    dialog = app.screen
    await pilot.click(dialog.query(RadioButton)[1])
    await pilot.pause()


@SIZES
def test_the_export_dialog(
    snap_compare: Any,
    db_path: Path,
    isolated_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    size: tuple[int, int],
) -> None:
    """Look for: "Export the 1:1 document" with Shared and Private side by side, Private
    chosen, and the suggested file in the working folder named for the private copy
    (/tmp/sam-okafor-1on1-private.md); Export and Cancel buttons; the dialog's keys in
    the footer."""
    monkeypatch.chdir("/tmp")
    app = demo_app(db_path, isolated_home)
    assert snap_compare(app, terminal_size=size, run_before=export_private)
