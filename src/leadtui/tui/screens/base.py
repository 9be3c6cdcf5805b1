"""What every top-level leadtui screen shares: navigation keys, help, data access."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from textual.binding import Binding, BindingType
from textual.screen import Screen

from leadtui.errors import LeadtuiError
from leadtui.tui.host import Host, host

T = TypeVar("T")


def busy_message(exc: sqlite3.OperationalError) -> str:
    """A person's reading of a database error during a write."""
    if "locked" in str(exc) or "busy" in str(exc):
        return "the database is busy in another leadtui; try again in a moment"
    return f"database error: {exc}"


if TYPE_CHECKING:
    from leadtui.store.database import Store


def go_bindings(*, show_all: bool = False) -> list[BindingType]:
    """One key per top-level screen, from the screen registry.

    Only Today's key is in the footer unless ``show_all``: a ritual screen's footer has
    room for its own keys that way, and F1 and the palette list every screen.
    """
    from leadtui.tui.screens import SCREENS

    return [
        Binding(
            entry.key,
            f"app.go('{entry.mode}')",
            entry.title,
            show=show_all or entry.mode == "today",
            id=f"go.{entry.mode}",
        )
        for entry in SCREENS
    ]


def guarded_write(screen: Screen[Any], title: str, change: Callable[[], T]) -> T | None:
    """Run a write from ``screen``; a refusal or a busy database becomes a notice titled
    ``title``, never a crash."""
    try:
        return change()
    except LeadtuiError as exc:
        screen.notify(exc.message, severity="error", title=title, markup=False)
    except sqlite3.OperationalError as exc:
        screen.notify(
            f"Not saved: {busy_message(exc)}", severity="error", title=title, markup=False
        )
    return None


class LeadtuiScreen(Screen[None]):
    """Base of the ritual screens.

    ``AREA`` names the screen's actions in the command palette
    ("People: Add person"); ``HELP`` is the Markdown shown by F1.
    """

    AREA: ClassVar[str] = "App"
    HELP: ClassVar[str] = ""
    BINDINGS: ClassVar[list[BindingType]] = [
        *go_bindings(),
        Binding("f1", "help", "Help", id="app.help"),
        Binding(
            "ctrl+r",
            "reload",
            "Refresh",
            tooltip="Refresh this screen from the database",
            id="app.refresh",
        ),
        # q works everywhere and F1 lists it; the footer keeps its room for the screen's keys.
        Binding("q", "app.quit", "Quit", show=False, id="app.quit"),
    ]

    @property
    def leadtui(self) -> Host:
        """The app, typed."""
        return host(self.app)

    @property
    def db(self) -> Store:
        """The open database (the app owns the connection)."""
        return self.leadtui.db

    @property
    def today(self) -> date:
        """The app's today (pinned in tests)."""
        return self.leadtui.today

    _shown_once = False

    @property
    def is_ready(self) -> bool:
        """True once the screen's widgets are built and it is on the app's stack.

        Textual marks a screen mounted only after its children are composed and its own
        ``on_mount`` (the first load) has run; before that a reload finds no widgets.
        """
        return self.is_mounted and self.is_attached

    def on_mount(self) -> None:
        """Load before the first frame is drawn, so the screen appears with its data at once.

        Textual calls this after the subclass's own ``on_mount`` (handlers run for every
        class in the hierarchy).
        """
        self.refresh_data()

    def on_screen_resume(self) -> None:
        """Show fresh data whenever the screen comes back into view (after the first time)."""
        if self._shown_once:
            self.refresh_data()
        self._shown_once = True

    def refresh_data(self) -> None:
        """Reload what the screen shows from the database."""

    def action_reload(self) -> None:
        """ctrl+r: read this screen's data again (writes from the command line show up by
        themselves within seconds; this is for now)."""
        self.refresh_data()
        self.notify("Refreshed", title=self.AREA, timeout=1.5, markup=False)

    def guarded(self, change: Callable[[], T]) -> T | None:
        """Run a write; a refusal or a busy database becomes a notice, never a crash."""
        return guarded_write(self, self.AREA, change)

    def action_help(self) -> None:
        """Show this screen's help and keys."""
        from leadtui.tui.dialogs.help import HelpScreen

        self.app.push_screen(HelpScreen(self))
