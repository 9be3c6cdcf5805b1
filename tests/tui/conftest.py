"""Pilot tests: an app on a temporary database with a pinned today."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from leadtui.tui.app import LeadtuiApp
from tests.helpers import make_app, new_database_file


@pytest.fixture
def app(db_path: Path, isolated_home: Path) -> LeadtuiApp:
    """The app on a fresh database (a copy of one made for real: the app opens it as it
    opens the file it has just made)."""
    new_database_file(db_path)
    return make_app(db_path, isolated_home)


@pytest.fixture(autouse=True)
def cursor_held_still(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """In every snapshot, the text cursor is shown and does not blink.

    A blinking cursor is hidden for half of every second, so a snapshot taken a little late
    on a busy machine lost the cursor and failed. Every input and text area made during a
    snapshot test starts with blinking off, as a person can set it; the cursor is then
    drawn whenever its field has focus. (Textual is pinned; ``cursor_blink`` is a public
    reactive and its default is the reactive's ``_default``.)
    """
    if "snap_compare" not in request.fixturenames:
        return
    monkeypatch.setattr(Input.cursor_blink, "_default", False)
    monkeypatch.setattr(TextArea.cursor_blink, "_default", False)
