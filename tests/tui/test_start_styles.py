"""Start-up parses only the styles of the first screen; a dialog brings its own."""

from __future__ import annotations

from pathlib import Path

from leadtui.tui.app import LeadtuiApp
from leadtui.tui.screens.help import HelpScreen
from tests.helpers import SIZE


def loaded(app: LeadtuiApp) -> set[str]:
    return {Path(path).name for path, _ in app.stylesheet.source if path.endswith(".tcss")}


async def test_dialog_styles_load_with_the_first_dialog(app: LeadtuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert loaded(app) == {"app.tcss", "today.tcss"}
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "dialogs.tcss" in loaded(app)
        box = app.screen.query_one("#help-box")
        assert box.styles.width is not None and box.styles.width.value == 80
        assert box.styles.border_top[0] == "round"
