"""The keys a binding answers to now (after the keymap), and the actions a screen lists.

Read by the command palette, F1 help and screens that name a key in a message.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen


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


def key_for(node: DOMNode, binding_id: str, on: str | None = None) -> str:
    """The key a hint names for a binding id where ``node`` is, as the footer shows it:
    "a" in "a adds a talking point", or "P" once config.toml's keymap moved it there.

    The first of the keys the screen's active bindings give the id; a binding not in force
    just now (its action disabled while there is nothing to act on) is read from the class
    that declares it, with the keymap applied, so a hint never names a key that moved.
    ``on`` names the screen (its mode, "people") that declares a binding of another screen,
    for a hint such as "People (p), then a".
    """
    app = node.app
    active = _bindings_by_id(node.screen).get(binding_id)
    if active:
        return app.get_key_display(active[0])
    owners: list[Any] = list(node.ancestors_with_self)
    if on is not None:
        from leadtui.tui.screens import SCREENS

        owners += [entry.load() for entry in SCREENS if entry.mode == on]
    for owner in owners:
        bindings = owner._bindings if isinstance(owner, DOMNode) else owner._merge_bindings()
        for _key, binding in bindings:
            if binding.id == binding_id:
                return app.get_key_display(_remapped(app, binding))
    raise LookupError(f"no binding {binding_id!r} where {node!r} is")


def _remapped(app: App[Any], binding: Binding) -> Binding:
    """``binding`` on the first key the keymap gives its id, if it gives one."""
    # App._keymap is what set_keymap gave it (Textual is pinned).
    keys = app._keymap.get(binding.id or "")
    if not keys:
        return binding
    return binding.with_key(keys.split(",")[0].strip(), key_display=None)
