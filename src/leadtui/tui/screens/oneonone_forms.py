"""Forms of the One-on-ones screen: an action item, a series, the session notes."""

from __future__ import annotations

import os
import shlex
import sqlite3
import subprocess
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.markup import escape
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from leadtui.domain.oneonones import WEEKDAYS
from leadtui.errors import LeadtuiError
from leadtui.tui.screens.base import busy_message

Save = Callable[[dict[str, object]], object]


class _Form(ModalScreen[bool]):
    """A modal form whose ``save`` may refuse; what was typed stays on refusal."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="oneform.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="oneform.cancel"),
    ]

    def __init__(self, title: str, save: Save) -> None:
        super().__init__()
        self.form_title = title
        self.save = save

    def fields(self) -> ComposeResult:
        """The form's own fields."""
        yield from ()

    def values(self) -> dict[str, object]:
        """What is typed now."""
        return {}

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog oneonone-form") as box:
            box.border_title = escape(self.form_title)
            yield Static("", id="form-error")
            yield from self.fields()
            with Horizontal(classes="buttons"):
                yield Button("Save (ctrl+s)", id="save", variant="primary")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        """Start typing in the first field (the scrolling dialog itself is focusable)."""
        self.query("Input, Select, TextArea").first().focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Save or cancel from a click."""
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in a one-line field saves."""
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        """Save, or show why not and keep everything typed."""
        try:
            self.save(self.values())
        except LeadtuiError as exc:
            self.query_one("#form-error", Static).update(Text(exc.message))
            return
        except sqlite3.OperationalError as exc:
            self.query_one("#form-error", Static).update(Text(f"Not saved: {busy_message(exc)}"))
            return
        self.dismiss(True)

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(False)


def _row(label: str, widget: Input | Select[str]) -> Horizontal:
    return Horizontal(Label(label, classes="field-label"), widget, classes="field-row")


class ActionForm(_Form):
    """An action item: text, owner, optional due date."""

    def fields(self) -> ComposeResult:
        yield _row("Action", Input(placeholder="what will be done", id="field-text"))
        yield _row(
            "Owner",
            Select(
                [("me", "me"), ("them", "them")], value="me", allow_blank=False, id="field-owner"
            ),
        )
        yield _row("Due", Input(placeholder="optional: friday, 2026-12-01 …", id="field-due"))

    def values(self) -> dict[str, object]:
        due = self.query_one("#field-due", Input).value.strip()
        return {
            "text": self.query_one("#field-text", Input).value,
            "owner": str(self.query_one("#field-owner", Select).value),
            "due_on": due or None,
        }


class SeriesForm(_Form):
    """A recurring 1:1: weekday, time, every N weeks, length, first date."""

    def __init__(self, title: str, save: Save, today: date) -> None:
        super().__init__(title, save)
        self.today = today

    def fields(self) -> ComposeResult:
        days = [(name.capitalize(), str(i)) for i, name in enumerate(WEEKDAYS)]
        yield _row(
            "Weekday",
            Select(days, value=str(self.today.weekday()), allow_blank=False, id="field-weekday"),
        )
        yield _row("Time", Input(value="10:00", id="field-time"))
        yield _row("Every N weeks", Input(value="1", id="field-every"))
        yield _row("Minutes", Input(value="60", id="field-minutes"))
        yield _row("Starting", Input(value="today", id="field-start"))

    def values(self) -> dict[str, object]:
        return {
            "weekday": int(str(self.query_one("#field-weekday", Select).value)),
            "at_time": self.query_one("#field-time", Input).value,
            "every_weeks": self.query_one("#field-every", Input).value,
            "minutes": self.query_one("#field-minutes", Input).value,
            "starts_on": self.query_one("#field-start", Input).value,
        }


class NotesForm(_Form):
    """Shared and private notes for the upcoming session; ctrl+e edits in $EDITOR."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+e", "editor", "Edit in $EDITOR", id="notes.editor"),
    ]

    def __init__(self, title: str, save: Save, shared: str, private: str) -> None:
        super().__init__(title, save)
        self.shared = shared
        self.private = private

    def fields(self) -> ComposeResult:
        yield Label(
            "Shared notes (in the counterpart's copy) · ctrl+e opens $EDITOR", classes="field-label"
        )
        yield TextArea(self.shared, id="field-shared", classes="notes")
        yield Label("Private notes (never exported as shared)", classes="field-label private")
        yield TextArea(self.private, id="field-private", classes="notes private")

    def values(self) -> dict[str, object]:
        return {
            "shared": self.query_one("#field-shared", TextArea).text,
            "private": self.query_one("#field-private", TextArea).text,
        }

    def action_editor(self) -> None:
        """Edit the focused notes field in $EDITOR (or $VISUAL), then come back."""
        focused = (
            self.focused
            if isinstance(self.focused, TextArea)
            else self.query_one("#field-shared", TextArea)
        )
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
        fd, name = tempfile.mkstemp(suffix=".md", prefix="leadtui-notes-")  # mode 0600
        path = Path(name)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(focused.text)
            with self.app.suspend():
                subprocess.run([*shlex.split(editor), str(path)], check=False)
            focused.text = path.read_text(encoding="utf-8").rstrip("\n")
        except OSError as exc:
            self.query_one("#form-error", Static).update(Text(f"$EDITOR failed: {exc}"))
        finally:
            path.unlink(missing_ok=True)
