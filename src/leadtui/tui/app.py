"""The Textual app: a thin shell that opens the database and switches screens."""

from __future__ import annotations

import gc
import os
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from leadtui.config import DEFAULT_THEME, Settings, load_settings
from leadtui.errors import DatabaseRefusedError, LeadtuiError
from leadtui.paths import Locations
from leadtui.tui.screens import SCREENS
from leadtui.tui.screens.base import LeadtuiScreen
from leadtui.tui.themes import builtin_themes_dir, load_themes

if TYPE_CHECKING:
    from textual.command import Provider
    from textual.theme import Theme

    from leadtui.store.database import Preflight, Store
    from leadtui.tui.host import Host


# How often the app asks SQLite whether another connection (the command line, a second
# leadtui) committed: a cheap pragma, no query of the data itself.
DATA_VERSION_SECONDS = 2.0


class LeadtuiApp(App[None]):
    """leadtui's terminal interface."""

    TITLE = "leadtui"
    # Today's styles come with the app's: it is the first screen, and a screen's own
    # CSS_PATH would make Textual parse every stylesheet once more while starting.
    CSS_PATH = ["styles/app.tcss", "styles/today.tcss"]  # noqa: RUF012 (Textual reads it)
    COMMANDS = App.COMMANDS | {lambda: _commands_provider()}
    # Screens are imported and built on first visit, which keeps start-up lean.
    DEFAULT_MODE = "today"
    MODES: ClassVar[dict[str, Callable[[], Screen[None]]]] = {  # type: ignore[assignment]
        entry.mode: entry.create for entry in SCREENS
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", show=False, id="app.quit_anywhere", priority=True),
        # App bindings come last: a text field keeps "/" as a character, and People's own
        # "/" (its filter) wins there; ctrl+f opens search everywhere.
        Binding("ctrl+f", "search", "Search", show=False, id="app.search"),
        Binding("slash", "search", "Search", show=False, id="app.search_slash"),
        # Not priority: a text area (notes) keeps ctrl+z for undoing its own typing.
        Binding("ctrl+z", "undo", "Undo", show=False, id="app.undo"),
        Binding("ctrl+y", "redo", "Redo", show=False, id="app.redo"),
    ]
    _remembered_theme: str = ""

    def __init__(
        self,
        locations: Locations,
        *,
        today: date | None = None,
        settings: Settings | None = None,
        notices: list[str] | None = None,
        preflight: Preflight | None = None,
        collector_paused: bool = False,
    ) -> None:
        from leadtui.store.database import open_database

        self.locations = locations
        self._pinned_today = today
        self.settings = settings or Settings()
        self.notices = list(notices or [])
        self._collector_paused = collector_paused
        self._db: Store | None = None
        self._data_version: int | None = None
        self._crash_report: Path | None = None
        self._crash_told = False
        refusal: str | None = None
        try:
            self._db = open_database(locations.db_path, preflight=preflight)
            from leadtui.services.undo import configure

            configure(self._db, days=self.settings.undo.days, changes=self.settings.undo.changes)
        except DatabaseRefusedError as exc:
            refusal = exc.message
            # Start on the message screen instead of Today; set before App.__init__ reads it.
            self.DEFAULT_MODE = "refused"  # type: ignore[misc]  # per instance, on purpose
        super().__init__()
        from leadtui.tui.stylesheet import Stylesheet

        # Before any source is added: Textual adds the app's and widgets' CSS when it runs.
        self.stylesheet = Stylesheet(variables=self.get_css_variables())
        if refusal is not None:
            from leadtui.tui.dialogs.message import MessageScreen

            message = refusal
            self.add_mode(
                "refused", lambda: MessageScreen("This database cannot be opened", message)
            )
        # Themes are registered and chosen before the first screen is styled, so start-up
        # styles every widget once rather than twice.
        self._apply_themes()
        self._apply_keymap()

    @property
    def today(self) -> date:
        """Today: pinned in tests, otherwise the real date, so an app left open overnight
        shows the new day when a screen is next shown."""
        return self._pinned_today or date.today()

    @property
    def db(self) -> Store:
        """The open database; screens only exist once it is open."""
        assert self._db is not None, "database not open"
        return self._db

    def on_mount(self) -> None:
        """Show notices gathered while starting (bad config, unknown theme ...), remember
        a theme chosen from now on, and watch for writes from other connections."""
        for notice in self.notices:
            self.notify(notice, severity="warning", timeout=10, markup=False)
        self._remembered_theme = self.theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if self._db is not None:
            self._data_version = self._read_data_version()
            self.set_interval(DATA_VERSION_SECONDS, self.check_for_writes, name="data-version")

    def on_ready(self) -> None:
        """The first frame is on screen: remove what an app killed while $EDITOR was open
        left (private text), and resume the cyclic collector paused while starting (see
        ``run_app``), with what start-up built frozen so it is never walked again."""
        if self._db is not None:
            from leadtui.tui.editor import remove_leftover_edits

            remove_leftover_edits(self.locations.db_path)
        if self._collector_paused:
            self._collector_paused = False
            gc.freeze()
            gc.enable()

    # Themes

    def get_theme_variable_defaults(self) -> dict[str, str]:
        """Variables leadtui's CSS uses that a theme may leave out (Textual's built-ins,
        a user's TOML): ``card-border``, the border of a screen's cards, seen on a dark
        background and on a light one alike."""
        theme = self.current_theme
        if "card-border" in theme.variables:
            return {}
        # Only for themes that do not set it: the colour system costs a few milliseconds.
        generated = theme.to_color_system().generate()
        return {"card-border": generated["panel-lighten-2" if theme.dark else "panel-darken-2"]}

    def _remember_theme(self, theme: Theme) -> None:
        """Write a theme chosen in the app (the palette's Theme) to config.toml."""
        if theme.name == self._remembered_theme:
            return
        from dataclasses import replace

        from leadtui.config import remember_theme

        self._remembered_theme = theme.name
        self.settings = replace(self.settings, theme=theme.name)
        try:
            remember_theme(self.locations.config_file, theme.name)
        except (OSError, ValueError) as exc:
            self.notify(
                f"Theme {theme.name} is used now but not remembered: {exc}",
                severity="warning",
                markup=False,
            )

    # Live data

    def _read_data_version(self) -> int | None:
        try:
            row = self.db.execute("pragma data_version").fetchone()
        except sqlite3.Error:
            return None  # busy or closing: asked again on the next tick
        return int(row[0])

    def check_for_writes(self) -> None:
        """Reload the screen in view when another connection committed since last asked.

        ``pragma data_version`` changes only for commits by other connections, so the
        app's own writes (already shown) cost nothing. A screen behind a dialog reloads
        when the dialog closes (screens reload whenever they come back into view).
        Nothing once the app is closing: a tick then would find the screens half taken
        down.
        """
        if not self.is_running:
            return
        version = self._read_data_version()
        if version is None or version == self._data_version:
            return
        screen = self.screen
        if isinstance(screen, LeadtuiScreen) and not screen.is_ready:
            # Opening: its widgets are still being built, and it loads what was just
            # committed itself once they are. The change stays unseen, so the next tick
            # reloads it again should the commit have landed after that first load.
            return
        self._data_version = version
        if isinstance(screen, LeadtuiScreen):
            screen.refresh_data()

    def on_app_focus(self, event: events.AppFocus) -> None:
        """Coming back from a shell where something was captured: look at once."""
        if self._db is not None:
            self.check_for_writes()

    def _apply_themes(self) -> None:
        loaded = load_themes(builtin_themes_dir(), self.locations.themes_dir)
        for theme in loaded.themes:
            self.register_theme(theme)
        self.notices.extend(loaded.problems)
        wanted = self.settings.theme
        if wanted in self.available_themes:
            self.theme = wanted
        else:
            from leadtui.domain.text import quoted

            self.notices.append(f"theme {quoted(wanted)} not found; using {DEFAULT_THEME}")
            self.theme = DEFAULT_THEME

    def _apply_keymap(self) -> None:
        keymap = self.settings.keymap
        if not keymap:
            return
        from leadtui.tui.keymap import binding_ids

        known = binding_ids()
        unknown = sorted(set(keymap) - known)
        if unknown:
            # F1 shows keys, not ids: the ids are in the table `make docs` keeps.
            self.notices.append(
                f"[keymap] ignores unknown binding ids: {', '.join(unknown)} "
                "(every id is listed under Binding ids in docs/design.md)"
            )
        self.set_keymap({k: v for k, v in keymap.items() if k in known})

    def action_search(self) -> None:
        """Open search over the screen in view (not over a dialog, nor over itself)."""
        from leadtui.tui.screens.search import SearchScreen

        if self._db is None:
            return
        if isinstance(self.screen, SearchScreen):
            self.screen.action_focus_query()
        elif isinstance(self.screen, LeadtuiScreen):
            self.push_screen(SearchScreen())

    def action_undo(self) -> None:
        """Undo the last change made through leadtui (here or from the shell)."""
        self._take_back(redoing=False)

    def action_redo(self) -> None:
        """Redo the change undone last."""
        self._take_back(redoing=True)

    def _take_back(self, *, redoing: bool) -> None:
        # Only over a screen: under an open dialog the change it is about might go.
        screen = self.screen
        if self._db is None or not isinstance(screen, LeadtuiScreen):
            return
        from leadtui.services.undo import redo, undo
        from leadtui.tui.screens.base import guarded_write

        db = self._db
        title = "Redo" if redoing else "Undo"
        change = guarded_write(screen, title, lambda: redo(db) if redoing else undo(db))
        if change is not None:
            verb = "Redid" if redoing else "Undid"
            self.notify(f"{verb}: {change.label}", title=title, markup=False)
            screen.refresh_data()

    def action_go(self, mode: str) -> None:
        """Switch to a top-level screen."""
        if self._db is not None and mode in self.MODES:
            self.switch_mode(mode)

    def on_unmount(self) -> None:
        """Close the database cleanly (checkpoints the WAL)."""
        if self._db is not None:
            self._db.close()

    # Failures and screenshots: nothing private on the terminal or readable by others

    def _handle_exception(self, error: Exception) -> None:
        """An unexpected error: the app closes with one short line on the terminal and the
        details in a 0600 file beside the database.

        Replaces Textual's handler (Textual is pinned), which prints a traceback showing
        every frame's local variables: the document on screen, the note being saved.
        Everything else it does is kept: exit code 1, the first error kept for
        ``run_test`` to raise, and the app closing.
        """
        self._return_code = 1
        if self._exception is None:
            self._exception = error
            self._exception_event.set()
        try:
            self._report_crash(error)
        except Exception:  # the report must never keep the app from closing
            self._exit_renderables.append("leadtui: stopped on an unexpected error")
        self._close_messages_no_wait()

    def _report_crash(self, error: Exception) -> None:
        from rich.text import Text
        from textual.worker import WorkerFailed

        from leadtui.crash import append_crash_report, report_crash

        if isinstance(error, WorkerFailed) and isinstance(error.error, Exception):
            # Textual wraps a worker's error without raising the wrapper: it has no
            # traceback of its own. The error it wraps names what failed, and where.
            error = error.error
        if self._crash_told:
            # An error that follows the first (while closing, say): into the same file.
            if self._crash_report is not None:
                try:
                    append_crash_report(error, self._crash_report)
                except OSError:
                    pass  # the first is there, and the terminal was told once already
            return
        self._crash_told = True
        notice, self._crash_report = report_crash(error, self.locations.db_path)
        self.bell()
        # One line the terminal wraps itself: Rich's wrapping would cut the file's path.
        self.error_console.soft_wrap = True
        self._exit_renderables.append(Text(f"leadtui: {notice}"))

    def save_screenshot(
        self,
        filename: str | None = None,
        path: str | None = None,
        time_format: str | None = None,
    ) -> str:
        """Save an SVG screenshot readable by its owner only (0600): it shows the screen
        as it is, private notes included. Returns the file's path."""
        from textual._files import generate_datetime_filename

        name = filename or generate_datetime_filename(self.title, ".svg", time_format)
        target = Path(os.path.expanduser(os.path.join(path or "./", name)))
        return str(self._write_private(self.export_screenshot(), target))

    def deliver_screenshot(
        self,
        filename: str | None = None,
        path: str | None = None,
        time_format: str | None = None,
    ) -> str | None:
        """The palette's Screenshot: saved 0600 to the downloads folder (or ``path``)
        rather than through Textual's delivery, which leaves the file readable by all."""
        from platformdirs import user_downloads_path
        from textual._files import generate_datetime_filename

        from leadtui.domain.text import literal

        name = filename or generate_datetime_filename(self.title, ".svg", time_format)
        folder = Path(path) if path is not None else user_downloads_path()
        try:
            saved = self._write_private(self.export_screenshot(), folder / name)
        except LeadtuiError as exc:
            self.notify(exc.message, title="Screenshot", severity="error", markup=False)
            return None
        shown = literal(str(saved))
        self.notify(
            f"Saved screenshot to {shown} (readable by you only)", title="Screenshot", markup=False
        )
        return str(saved)

    def _write_private(self, text: str, target: Path) -> Path:
        from leadtui.export.files import write_export

        # The export writer: 0600, written beside and renamed, never over the database.
        return write_export(text, target, force=True, db_path=self.locations.db_path)


def _commands_provider() -> type[Provider]:
    # The palette's machinery is imported when the palette first opens, not at start-up.
    from leadtui.tui.commands import LeadtuiCommands

    return LeadtuiCommands


def run_app(
    locations: Locations,
    today: date | None = None,
    preflight: Preflight | None = None,
    *,
    collector_paused: bool = False,
) -> int:
    """Open the TUI; return its exit code (2 when the database was refused).

    ``collector_paused``: the caller paused Python's cyclic garbage collector for
    start-up; the app resumes it once the first frame is shown.
    """
    settings, notices = load_settings(locations.config_file)
    app = LeadtuiApp(
        locations,
        today=today,
        settings=settings,
        notices=notices,
        preflight=preflight,
        collector_paused=collector_paused,
    )
    app.run()
    return app.return_code or 0


def ask_passphrase(prompt: str, attempt: int) -> bytes | None:
    """The unlock screen for an encrypted database: the passphrase typed, or None."""
    from leadtui.tui.unlock import ask_passphrase as ask

    return ask(prompt, attempt)


__all__ = ["LeadtuiApp", "ask_passphrase", "run_app"]


if TYPE_CHECKING:

    def _serves_its_screens(app: LeadtuiApp) -> Host:
        # mypy checks here that the app is everything its screens read through Host.
        return app
