"""Snapshots never catch the text cursor mid-blink (tests/tui/conftest.py holds it still)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from textual.widgets import Input, TextArea

from tests.helpers import SMALL, make_app

# Textual blinks a cursor every half second.
BLINK = 0.5


async def test_in_a_snapshot_test_a_focused_field_shows_the_same_cursor_a_second_later(
    snap_compare: Any, db_path: Path, isolated_home: Path
) -> None:
    """The people form's name field has focus with its cursor drawn; a blink later, and
    another, the screen is unchanged. Fails if fields blink in snapshot tests again."""
    assert Input().cursor_blink is False
    assert TextArea().cursor_blink is False

    app = make_app(db_path, isolated_home)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("p", "a")
        await pilot.pause()
        assert isinstance(app.focused, Input)
        shown = app.export_screenshot()
        for _ in range(2):
            await asyncio.sleep(BLINK + 0.1)
            await pilot.pause()
            assert app.export_screenshot() == shown
