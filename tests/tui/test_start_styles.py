"""Start-up parses only the styles of the first screen; a dialog brings its own; CSS once
parsed is not parsed again for the same theme."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from leadtui.tui.app import LeadtuiApp
from leadtui.tui.dialogs.help import HelpScreen
from tests.helpers import SIZE, make_app


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


async def test_css_is_parsed_once_per_theme_however_often_screens_open(
    app: LeadtuiApp, db_path: Path, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import textual.css.parse
    import textual.css.stylesheet
    from textual.cache import LRUCache

    from leadtui.tui.stylesheet import Stylesheet

    # As in a new process: nothing parsed yet.
    monkeypatch.setattr(Stylesheet, "_parsed", LRUCache(512))
    parsed: list[object] = []
    # The stylesheet module calls the parser by this name (Textual is pinned).
    real_parse = textual.css.parse.parse

    def counting_parse(*args: Any, **kwargs: Any) -> Any:
        parsed.append(args[2])  # where the CSS was read from
        return real_parse(*args, **kwargs)

    monkeypatch.setattr(textual.css.stylesheet, "parse", counting_parse)
    async with app.run_test(size=SIZE) as pilot:
        await app.switch_mode("people")
        await pilot.pause()
    assert parsed, "the first app parses its CSS"

    # A screen opened again, or a second app in the process, parses nothing new.
    parsed.clear()
    again = make_app(db_path, isolated_home)
    async with again.run_test(size=SIZE) as pilot:
        await again.switch_mode("people")
        await pilot.pause()
        assert parsed == []
        # A new theme's colours are parsed in, and reach the screen at once.
        before = again.screen.styles.background
        again.theme = "textual-light" if again.theme != "textual-light" else "nord"
        await pilot.pause()
        assert parsed
        assert again.screen.styles.background != before
