"""Command palette: every screen as "Go: <Screen>", every action of the current screen
as "<Area>: <Action>"."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from leadtui.tui.host import host
from leadtui.tui.keys import key_reader, screen_actions
from leadtui.tui.screens import SCREENS
from leadtui.tui.screens.base import LeadtuiScreen


@dataclass(frozen=True)
class PaletteCommand:
    """One entry in the palette."""

    name: str
    help: str
    run: Callable[[], object]


class LeadtuiCommands(Provider):
    """Screens and every screen's actions, by name, from anywhere."""

    _listed: list[PaletteCommand] | None = None

    def commands(self) -> list[PaletteCommand]:
        """Everything the palette offers; actions of other screens go there first.

        Worked out once per opening of the palette, not on every key typed into it: the
        screen under the palette does not change while it is open.
        """
        if self._listed is None:
            self._listed = self._commands()
        return self._listed

    def _commands(self) -> list[PaletteCommand]:
        app = host(self.app)
        items = [
            PaletteCommand(f"Go: {entry.title}", entry.summary, partial(app.action_go, entry.mode))
            for entry in SCREENS
        ]
        items.append(
            PaletteCommand(
                "Go: Search", "Search every text you wrote (key: / or ctrl+f)", app.action_search
            )
        )
        items += [
            PaletteCommand("Edit: Undo", "Undo the last change (key: ctrl+z)", app.action_undo),
            PaletteCommand(
                "Edit: Redo", "Redo the change undone last (key: ctrl+y)", app.action_redo
            ),
        ]
        screen = self.screen
        keys_of = key_reader(self.app, screen)
        for entry in SCREENS:
            screen_class = entry.load()
            here = isinstance(screen, screen_class)
            for area, binding in screen_actions(screen if here else screen_class):
                if area == "App" and not here:
                    continue
                keys = keys_of(binding)
                items.append(
                    PaletteCommand(
                        # The tooltip is the long name ("Add a person"); the footer shows the
                        # short one.
                        f"{area}: {binding.tooltip or binding.description}",
                        f"key: {keys}" + ("" if here else f" on {entry.title}"),
                        partial(self._run, entry.mode, binding.action),
                    )
                )
        return items

    async def _run(self, mode: str, action: str) -> None:
        app = self.app
        if app.current_mode != mode and isinstance(app.screen, LeadtuiScreen):
            await app.switch_mode(mode)
        await app.screen.run_action(action)

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
