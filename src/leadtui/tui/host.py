"""What screens and dialogs ask of the app, as a protocol.

Screens reach the app through ``self.app``; typing that as the app class itself would
make every screen import tui/app.py, which imports the screens: a circle. They read the
app through :class:`Host` instead, which the app satisfies.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, Protocol, cast

if TYPE_CHECKING:
    from textual.app import App

    from leadtui.config import Settings
    from leadtui.paths import Locations
    from leadtui.store.database import Store


class Host(Protocol):
    """The app as its screens see it: the open database, today, the settings."""

    locations: Locations
    settings: Settings

    @property
    def db(self) -> Store:
        """The open database."""
        ...

    @property
    def today(self) -> date:
        """Today (pinned in tests)."""
        ...

    def action_go(self, mode: str) -> None:
        """Switch to a top-level screen."""
        ...

    def action_search(self) -> None:
        """Open search over the screen in view."""
        ...

    def action_undo(self) -> None:
        """Undo the last change."""
        ...

    def action_redo(self) -> None:
        """Redo the change undone last."""
        ...


def host(app: App[Any]) -> Host:
    """``app`` as a :class:`Host`: the one place screens' view of the app is typed."""
    return cast("Host", app)
