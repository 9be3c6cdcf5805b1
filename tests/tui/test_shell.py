"""The app shell: palette, help, themes, keymap, refused databases."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from leadtui.config import Settings, load_settings
from leadtui.tui.app import LeadtuiApp
from leadtui.tui.dialogs.help import HelpScreen
from leadtui.tui.dialogs.message import MessageScreen
from leadtui.tui.screens import SCREENS
from leadtui.tui.screens.people import PeopleScreen
from leadtui.tui.screens.today import TodayScreen
from tests.helpers import SIZE, make_app, plain_text


@pytest.mark.parametrize("entry", SCREENS, ids=lambda e: e.mode)
async def test_every_screen_is_reachable_from_the_palette(app: LeadtuiApp, entry: object) -> None:
    title = entry.title  # type: ignore[attr-defined]
    async with app.run_test(size=SIZE) as pilot:
        if entry.mode == "today":  # type: ignore[attr-defined]
            await pilot.press("p")
        await pilot.press("ctrl+p")
        await pilot.press(*f"Go: {title}")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_mode == entry.mode  # type: ignore[attr-defined]


async def test_palette_runs_a_screen_action_from_another_screen(app: LeadtuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, TodayScreen)
        await pilot.press("ctrl+p", *"People: Show or hide archived")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PeopleScreen) and screen.show_archived


async def test_f1_shows_help_for_the_current_screen(app: LeadtuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "f1")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        assert help_screen.help_text == PeopleScreen.HELP
        keys = plain_text(help_screen.query_one("#help-keys", Static))
        assert keys.index("Add a person") < keys.index("Everywhere")
        await pilot.press("escape")
        assert isinstance(app.screen, PeopleScreen)


async def test_f1_on_every_screen_lists_the_keys_to_every_screen_and_to_search(
    app: LeadtuiApp,
) -> None:
    from leadtui.tui.screens import SCREENS

    async with app.run_test(size=SIZE) as pilot:
        for entry in SCREENS:
            await app.switch_mode(entry.mode)
            await pilot.press("f1")
            assert isinstance(app.screen, HelpScreen)
            keys = plain_text(app.screen.query_one("#help-keys", Static))
            everywhere = keys[keys.index("Everywhere") :]
            for other in SCREENS:
                assert f"{other.key}  " in everywhere and other.title in everywhere, entry.mode
            assert "Search every text you wrote" in everywhere
            assert "^f or /" in everywhere
            await pilot.press("escape")


async def test_today_is_home_and_welcomes_on_an_empty_database(app: LeadtuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert app.screen.has_class("-first-run")
        assert "leadtui demo" in str(app.screen.query_one("#today-welcome").render())


async def test_keymap_remaps_by_binding_id(db_path: Path, isolated_home: Path) -> None:
    app = make_app(db_path, isolated_home, Settings(keymap={"go.people": "f3"}))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        assert app.current_mode == "today"
        await pilot.press("f3")
        assert app.current_mode == "people"


def test_config_with_bad_values_falls_back_with_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('theme = "leadtui-light"\n[keymap]\n"go.people" = "f3"\n')
    settings, problems = load_settings(path)
    assert (settings.theme, settings.keymap, problems) == ("leadtui-light", {"go.people": "f3"}, [])
    path.write_text("theme = [1, 2\n")
    settings, problems = load_settings(path)
    assert settings == Settings() and "cannot be read" in problems[0]
    path.write_text('colour = "blue"\n')
    settings, problems = load_settings(path)
    assert settings == Settings() and "colour" in problems[0]


async def test_themes_from_toml_and_a_bad_user_theme_falls_back(
    db_path: Path, isolated_home: Path
) -> None:
    themes = isolated_home / "themes"
    themes.mkdir(parents=True)
    (themes / "mine.toml").write_text('name = "mine"\nprimary = "#ff8800"\ndark = false\n')
    (themes / "broken.toml").write_text('name = "broken"\nprimary = "not-a-colour"\n')
    app = make_app(db_path, isolated_home, Settings(theme="broken"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert {"leadtui-dark", "leadtui-light", "mine"} <= set(app.available_themes)
        assert "broken" not in app.available_themes
        assert app.theme == "leadtui-dark"
        messages = " ".join(str(n.message) for n in app._notifications)
        assert "broken.toml skipped" in messages and "not found" in messages
    light = make_app(db_path, isolated_home, Settings(theme="leadtui-light"))
    async with light.run_test(size=SIZE):
        assert light.theme == "leadtui-light"


async def test_refused_database_shows_a_message_screen_and_exits_2(
    db_path: Path, isolated_home: Path
) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_text("not a database at all")
    app = make_app(db_path, isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MessageScreen)
        assert "not a SQLite database" in app.screen.message
        await pilot.press("q")
    assert app.return_code == 2
    assert db_path.read_text() == "not a database at all"


async def test_palette_shows_other_screens_keys_as_keys(app: LeadtuiApp) -> None:
    from leadtui.tui.commands import LeadtuiCommands

    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        provider = LeadtuiCommands(app.screen)
        helps = {c.name: c.help for c in provider.commands()}
        assert helps["1:1: Move the point up"] == "key: [ on One-on-ones"
        assert helps["Reviews: Go to the next half"] == "key: > on Reviews"
