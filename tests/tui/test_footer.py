"""The footer builds its keys once when a screen opens, and still follows binding changes."""

from __future__ import annotations

from typing import Any, ClassVar

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import Footer as TextualFooter
from textual.widgets._footer import FooterKey

from leadtui.tui.app import LeadtuiApp
from leadtui.tui.widgets.footer import Footer
from tests.helpers import SIZE


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
