"""Command palette: every screen as "Go: <Screen>", every action of the current screen
as "<Area>: <Action>"."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider

from leadtui.tui.screens import SCREENS

if TYPE_CHECKING:
    from leadtui.tui.app import LeadtuiApp


@dataclass(frozen=True)
class PaletteCommand:
    """One entry in the palette."""

    name: str
    help: str
    run: Callable[[], object]


def screen_actions(screen: object) -> list[tuple[str, Binding]]:
    """(area, binding) for each described binding a screen declares, base keys included."""
    area = str(getattr(screen, "AREA", "App"))
    found: list[tuple[str, Binding]] = []
    seen: set[str] = set()
    for cls in type(screen).__mro__:
        for binding in cls.__dict__.get("BINDINGS", []):
            if not isinstance(binding, Binding) or not binding.description:
                continue
            if binding.action.startswith("app.go(") or binding.action in seen:
                continue
            seen.add(binding.action)
            owner_area = area if cls is type(screen) else "App"
            found.append((owner_area, binding))
    return found


class LeadtuiCommands(Provider):
    """Screens and the current screen's actions, by name."""

    def commands(self) -> list[PaletteCommand]:
        """Everything the palette offers from the screen it was opened on."""
        app = cast("LeadtuiApp", self.app)
        items = [
            PaletteCommand(f"Go: {entry.title}", entry.summary, partial(app.action_go, entry.mode))
            for entry in SCREENS
        ]
        screen = self.screen
        for area, binding in screen_actions(screen):
            keys = app.get_key_display(binding)
            # The tooltip is the long name ("Add a person"); the footer shows the short one.
            items.append(
                PaletteCommand(
                    f"{area}: {binding.tooltip or binding.description}",
                    f"key: {keys}",
                    partial(screen.run_action, binding.action),
                )
            )
        return items

    async def discover(self) -> Hits:
        """What the palette lists before anything is typed."""
        for command in self.commands():
            yield DiscoveryHit(command.name, command.run, help=command.help)

    async def search(self, query: str) -> Hits:
        """Fuzzy-match commands against what was typed."""
        matcher = self.matcher(query)
        for command in self.commands():
            score = matcher.match(command.name)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(command.name),
                    command.run,
                    text=command.name,
                    help=command.help,
                )
