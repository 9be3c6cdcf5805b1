"""Command palette: every screen as "Go: <Screen>", every action of the current screen
as "<Area>: <Action>"."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, cast

from textual.app import App
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen

from leadtui.tui.screens import SCREENS
from leadtui.tui.screens.base import LeadtuiScreen

if TYPE_CHECKING:
    from leadtui.tui.app import LeadtuiApp


@dataclass(frozen=True)
class PaletteCommand:
    """One entry in the palette."""

    name: str
    help: str
    run: Callable[[], object]


def screen_actions(screen: object) -> list[tuple[str, Binding]]:
    """(area, binding) for each described binding a screen (or screen class) declares.

    The screen's own bindings come first under its AREA, then the shared ones as "App".
    """
    screen_class = screen if isinstance(screen, type) else type(screen)
    area = str(getattr(screen_class, "AREA", "App"))
    found: list[tuple[str, Binding]] = []
    seen: set[str] = set()
    for cls in screen_class.__mro__:
        for binding in cls.__dict__.get("BINDINGS", []):
            if not isinstance(binding, Binding) or not binding.description:
                continue
            if binding.action.startswith("app.go(") or binding.action in seen:
                continue
            seen.add(binding.action)
            owner_area = area if cls is screen_class else "App"
            found.append((owner_area, binding))
    return found


def key_display(app: App[Any], screen: Screen[Any], binding: Binding) -> str:
    """The keys a binding answers to now (after the keymap), e.g. "e / enter"."""
    return key_reader(app, screen)(binding)


def key_reader(app: App[Any], screen: Screen[Any]) -> Callable[[Binding], str]:
    """``key_display`` for many bindings of one screen, reading its active bindings once."""
    return partial(_key_display, app, _bindings_by_id(screen))


def _bindings_by_id(screen: Screen[Any]) -> dict[str, list[Binding]]:
    """The screen's active bindings by id: read once, as working them out walks the DOM."""
    found: dict[str, list[Binding]] = {}
    for active in screen.active_bindings.values():
        if active.binding.id:
            found.setdefault(active.binding.id, []).append(active.binding)
    return found


def _key_display(app: App[Any], active: dict[str, list[Binding]], binding: Binding) -> str:
    current = active.get(binding.id, []) if binding.id else []
    keys = [app.get_key_display(b) for b in current] or [
        app.get_key_display(Binding(key.strip(), binding.action)) for key in binding.key.split(",")
    ]
    return " / ".join(dict.fromkeys(keys))


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
        app = cast("LeadtuiApp", self.app)
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
        keys_of = key_reader(app, screen)
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
        app = cast("LeadtuiApp", self.app)
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
