"""The footer builds its keys once when a screen opens, and still follows binding changes."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import Footer as TextualFooter
from textual.widgets._footer import FooterKey

from leadtui.config import Settings
from leadtui.domain.people_input import PersonDraft
from leadtui.store.database import open_database
from leadtui.store.people import PeopleRepository
from leadtui.tui.app import LeadtuiApp
from leadtui.tui.widgets.footer import Footer
from tests.helpers import SIZE, SMALL, make_app


def shown(app: App[Any]) -> list[str]:
    return [key.description for key in app.screen.query(FooterKey)]


async def test_today_builds_its_footer_keys_once(
    app: LeadtuiApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    builds: list[int] = []
    original = TextualFooter.recompose

    async def counted(self: TextualFooter) -> None:
        builds.append(1)
        await original(self)

    monkeypatch.setattr(TextualFooter, "recompose", counted)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert len(builds) == 1
        # Today's footer: the screens without a card on Today, then Help.
        assert shown(app)[0] == "People" and "Help" in shown(app)


class Alpha(Widget, can_focus=True):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("a", "app.bell", "Alpha")]


class Beta(Widget, can_focus=True):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("b", "app.bell", "Beta"),
        Binding("c", "app.bell", "Gamma"),
    ]


class TwoPanes(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("x", "bell", "Anywhere")]

    def __init__(self, footer: type[TextualFooter]) -> None:
        super().__init__()
        self.footer = footer

    def compose(self) -> ComposeResult:
        yield Alpha(id="alpha")
        yield Beta(id="beta")
        yield self.footer()


async def keys_as_focus_moves(footer: type[TextualFooter]) -> list[list[str]]:
    app = TwoPanes(footer)
    seen = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        seen.append(shown(app))
        for target in ("#beta", "#alpha"):
            app.query_one(target).focus()
            await pilot.pause()
            await pilot.pause()
            seen.append(shown(app))
    return seen


async def test_the_footer_follows_focus_like_textuals() -> None:
    ours = await keys_as_focus_moves(Footer)
    assert ours == await keys_as_focus_moves(TextualFooter)
    assert "Alpha" in ours[0] and "Beta" in ours[1] and "Alpha" in ours[2]
    assert "Alpha" not in ours[1]


async def people_footer(db_path: Path, home: Path, keymap: dict[str, str]) -> list[FooterKey]:
    """The keys People's footer shows at 80 columns with one person listed."""
    db = open_database(db_path)
    PeopleRepository(db).add(PersonDraft(name="Sam Okafor"))
    db.close()
    app = make_app(db_path, home, Settings(keymap=keymap))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("p")
        await pilot.pause()
        await pilot.pause()
        return list(app.screen.query(FooterKey))


@pytest.mark.parametrize("keys", ["a,n", "n"])
async def test_a_remapped_key_keeps_its_place_in_the_footer(
    db_path: Path, isolated_home: Path, keys: str
) -> None:
    """The README's own ``"people.add" = "a,n"``: Add stays where it is declared, shown
    with its first key, clear of the palette key docked right at 80 columns."""
    remapped = await people_footer(db_path, isolated_home, {"people.add": keys})
    plain = await people_footer(db_path.with_name("plain.db"), isolated_home, {})
    assert [k.description for k in remapped] == [k.description for k in plain]
    add = next(k for k in remapped if k.description == "Add")
    palette = next(k for k in remapped if k.has_class("-command-palette"))
    assert add.key == keys.split(",")[0]
    assert add.region.right <= palette.region.x
