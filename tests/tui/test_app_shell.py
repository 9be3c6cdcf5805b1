"""What the app shell gives every screen: a remembered theme, live data from other
connections, ctrl+r, a dialog's own footer, and resizes that never touch the database."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import pytest
from textual.color import Color
from textual.widgets import DataTable
from textual.widgets._footer import FooterKey

from leadtui.config import load_settings
from leadtui.tui import app as app_module
from leadtui.tui.app import LeadtuiApp
from leadtui.tui.dialogs.person_form import PersonForm
from leadtui.tui.screens import SCREENS
from leadtui.tui.screens.base import LeadtuiScreen
from tests.helpers import SIZE, SMALL, cli, demo_database, make_app

CONFIG = """\
# My leadtui settings: F3 for People.
theme = "leadtui-dark"  # the old favourite

[keymap]
"go.people" = "f3"   # muscle memory

[energy]
good_day = 4
"""


def keys_shown(app: LeadtuiApp) -> list[str]:
    return [key.description for key in app.screen.query(FooterKey)]


async def test_a_theme_chosen_in_the_palette_is_remembered_and_restyles_at_once(
    db_path: Path, isolated_home: Path
) -> None:
    isolated_home.mkdir(parents=True)
    config = isolated_home / "config.toml"
    config.write_text(CONFIG)
    settings, problems = load_settings(config)
    assert not problems
    app = make_app(db_path, isolated_home, settings)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"Theme")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        await pilot.press(*"leadtui-light")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "leadtui-light"
        # Every screen's styles follow at once: the screen behind, and one opened now.
        assert app.screen.styles.background == Color.parse("#F7F7F4")
        await pilot.press("p")
        await pilot.pause()
        assert app.screen.styles.background == Color.parse("#F7F7F4")
    text = config.read_text()
    assert 'theme = "leadtui-light"  # the old favourite' in text
    assert "# My leadtui settings: F3 for People." in text
    assert '"go.people" = "f3"   # muscle memory' in text and "good_day = 4" in text
    assert stat.S_IMODE(config.stat().st_mode) == 0o600
    settings, problems = load_settings(config)
    assert settings.theme == "leadtui-light" and settings.keymap == {"go.people": "f3"}
    assert not problems
    again = make_app(db_path, isolated_home, settings)
    async with again.run_test(size=SIZE):
        assert again.theme == "leadtui-light"


async def test_a_theme_is_remembered_in_a_new_config_file(
    db_path: Path, isolated_home: Path
) -> None:
    app = make_app(db_path, isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "leadtui-light"
        await pilot.pause()
    config = isolated_home / "config.toml"
    assert config.read_text() == 'theme = "leadtui-light"\n'
    assert stat.S_IMODE(config.stat().st_mode) == 0o600


async def test_a_config_that_cannot_be_read_is_left_alone(
    db_path: Path, isolated_home: Path
) -> None:
    isolated_home.mkdir(parents=True)
    config = isolated_home / "config.toml"
    config.write_text("theme = [1, 2\n")
    app = make_app(db_path, isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "leadtui-light"
        await pilot.pause()
        assert "not remembered" in " ".join(str(n.message) for n in app._notifications)
    assert config.read_text() == "theme = [1, 2\n"


@pytest.mark.parametrize("theme", ["leadtui-light", "leadtui-dark", "textual-light", "nord"])
async def test_card_borders_stand_out_from_the_background(
    db_path: Path, isolated_home: Path, theme: str
) -> None:
    app = make_app(db_path, isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        app.theme = theme
        await pilot.pause()
        variables = app.theme_variables
        background = Color.parse(variables["background"])
        for name in ("card-border", "panel-lighten-2"):
            if name == "panel-lighten-2" and theme.startswith("textual"):
                continue  # Textual's own themes: only $card-border is ours to promise
            border = Color.parse(variables[name])
            assert abs(border.brightness - background.brightness) > 0.12, (theme, name)


def people_rows(app: LeadtuiApp) -> int:
    return app.screen.query_one(DataTable).row_count


async def test_a_write_from_the_command_line_shows_without_leaving_the_screen(
    app: LeadtuiApp, db_path: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert people_rows(app) == 0
        assert cli("people", "add", "Sam Okafor", "--db", str(db_path)).returncode == 0
        await pilot.pause(app_module.DATA_VERSION_SECONDS + 0.5)
        assert people_rows(app) == 1


async def test_ctrl_r_refreshes_the_current_screen(
    db_path: Path, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app_module, "DATA_VERSION_SECONDS", 3600.0)  # no timer in between
    app = make_app(db_path, isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert cli("people", "add", "Sam Okafor", "--db", str(db_path)).returncode == 0
        await pilot.pause()
        assert people_rows(app) == 0
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert people_rows(app) == 1


@pytest.mark.parametrize("entry", SCREENS, ids=lambda e: e.mode)
async def test_refresh_is_in_every_footer_the_palette_and_help(app: LeadtuiApp, entry: Any) -> None:
    from leadtui.tui.commands import LeadtuiCommands
    from leadtui.tui.dialogs.help import HelpScreen
    from tests.helpers import plain_text

    async with app.run_test(size=SIZE) as pilot:
        await app.switch_mode(entry.mode)
        await pilot.pause()
        await pilot.pause()
        active = {b.binding.id: b.binding for b in app.screen.active_bindings.values()}
        assert active["app.refresh"].key == "ctrl+r"
        if active["app.refresh"].show:  # a screen may give its footer room to its own keys
            assert "Refresh" in keys_shown(app), keys_shown(app)
        commands = {c.name: c.help for c in LeadtuiCommands(app.screen).commands()}
        refresh = [name for name, keys in commands.items() if keys == "key: ^r"]
        assert refresh and "Refresh" in refresh[0], commands
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "Refresh" in plain_text(app.screen.query_one("#help-keys"))


async def test_the_palette_offers_the_theme_switch(app: LeadtuiApp) -> None:
    from textual.command import CommandPalette

    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p", *"Theme")
        await pilot.pause(0.3)
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        from textual.command import CommandList

        options = palette.query_one(CommandList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any("Change the current theme" in prompt for prompt in prompts), prompts


async def test_a_dialog_shows_its_own_keys_in_the_footer(app: LeadtuiApp) -> None:
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert "Add" in keys_shown(app)
        await pilot.press("a")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, PersonForm)
        shown = keys_shown(app)
        assert "Save" in shown and "Cancel" in shown and "Add" not in shown
        # The dialog's footer is the one in view, over the screen's.
        footer = app.screen.query_one("Footer")
        assert footer.region.bottom == SMALL[1]


@pytest.mark.parametrize("entry", SCREENS, ids=lambda e: e.mode)
async def test_resizing_never_queries_the_database(
    db_path: Path, isolated_home: Path, entry: Any
) -> None:

    demo_database(db_path, people=6, years=1)
    app = make_app(db_path, isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await app.switch_mode(entry.mode)
        await pilot.pause()
        assert isinstance(app.screen, LeadtuiScreen)
        statements: list[str] = []
        app.db.conn.set_trace_callback(statements.append)
        try:
            for size in (SMALL, (100, 30), SIZE):
                await pilot.resize_terminal(*size)
                await pilot.pause()
        finally:
            app.db.conn.set_trace_callback(None)
        queries = [s for s in statements if "data_version" not in s]
        assert queries == [], queries[:3]


async def test_a_collector_paused_for_start_up_resumes_once_the_first_frame_is_shown(
    db_path: Path, isolated_home: Path
) -> None:
    import gc

    from leadtui.paths import Locations

    locations = Locations(data_dir=db_path.parent, config_dir=isolated_home, db_path=db_path)
    app = LeadtuiApp(locations, collector_paused=True)
    frozen_before = gc.get_freeze_count()
    gc.disable()
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert gc.isenabled()
            # What start-up built is set aside, never walked by the collector again.
            assert gc.get_freeze_count() > frozen_before
    finally:
        gc.unfreeze()
        gc.enable()


async def test_an_app_started_with_the_collector_running_leaves_it_alone(
    db_path: Path, isolated_home: Path
) -> None:
    import gc

    app = make_app(db_path, isolated_home)
    frozen_before = gc.get_freeze_count()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert gc.isenabled()
        assert gc.get_freeze_count() == frozen_before


async def test_a_write_seen_while_the_app_closes_touches_no_screen(
    db_path: Path, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli("people", "add", "Sam Okafor", "--relation", "report", "--db", str(db_path))
    app = make_app(db_path, isolated_home)
    take_down = app._close_all  # Textual (pinned) takes the screens down here on exit

    async def take_down_then_tick() -> None:
        await take_down()
        # The poll's timer can still fire while Textual shuts down: a write from the shell
        # has landed, and the screens it would reload are gone.
        cli("people", "add", "Ana Lima", "--db", str(db_path))
        app.check_for_writes()

    monkeypatch.setattr(app, "_close_all", take_down_then_tick)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("R")
        await pilot.pause()
