"""The binding ids config.toml's ``[keymap]`` may remap, read from the classes that
declare them: a screen, dialog or widget that adds a binding with an id adds it here."""

from __future__ import annotations

import inspect
from functools import cache
from importlib import import_module
from pkgutil import walk_packages

from textual.binding import Binding


@cache
def declaring_classes() -> tuple[type, ...]:
    """Every class of leadtui.tui that declares a binding with an id.

    Imports every module of the app, so it is read only when a keymap is given (and
    once); the modules are found by walking the package, not listed by hand.
    """
    import leadtui.tui

    found: list[type] = []
    for info in walk_packages(leadtui.tui.__path__, f"{leadtui.tui.__name__}."):
        module = import_module(info.name)
        for value in vars(module).values():
            if not inspect.isclass(value) or value.__module__ != module.__name__:
                continue
            if any(isinstance(b, Binding) and b.id for b in vars(value).get("BINDINGS", [])):
                found.append(value)
    return tuple(found)


def declared_bindings() -> dict[str, list[Binding]]:
    """Every binding with an id that a class of leadtui.tui declares, by id."""
    found: dict[str, list[Binding]] = {}
    for cls in declaring_classes():
        for binding in vars(cls)["BINDINGS"]:
            if isinstance(binding, Binding) and binding.id:
                found.setdefault(binding.id, []).append(binding)
    return found


def binding_ids() -> set[str]:
    """Every binding id a keymap may remap."""
    return set(declared_bindings())
