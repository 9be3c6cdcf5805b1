"""Forms of the One-on-ones screen: an action item, a series, the session notes."""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from datetime import date
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Input, Label, Select, Static, TextArea

from leadtui.domain.dates import weekday_name
from leadtui.domain.oneonones import Side
from leadtui.tui.screens.forms import Save, SaveForm, form_row


class ActionForm(SaveForm):
    """An action item: text, owner, optional due date."""

    def fields(self) -> ComposeResult:
        yield form_row("Action", Input(placeholder="what will be done", id="field-text"))
        yield form_row(
            "Owner",
            Select(
                [(side.value, side.value) for side in Side],
                value=Side.ME.value,
                allow_blank=False,
                id="field-owner",
            ),
        )
        yield form_row("Due", Input(placeholder="optional: friday, 2026-12-01 …", id="field-due"))

    def values(self) -> dict[str, object]:
        due = self.query_one("#field-due", Input).value.strip()
        return {
            "text": self.query_one("#field-text", Input).value,
            "owner": str(self.query_one("#field-owner", Select).value),
            "due_on": due or None,
        }


class SeriesForm(SaveForm):
    """A recurring 1:1: weekday, time, every N weeks, length, first date."""

    def __init__(self, title: str, save: Save, today: date) -> None:
        super().__init__(title, save)
        self.today = today

    def fields(self) -> ComposeResult:
        days = [(weekday_name(i), str(i)) for i in range(7)]
        yield form_row(
            "Weekday",
            Select(days, value=str(self.today.weekday()), allow_blank=False, id="field-weekday"),
        )
        yield form_row("Time", Input(value="10:00", id="field-time"))
        yield form_row("Every N weeks", Input(value="1", id="field-every"))
        yield form_row("Minutes", Input(value="60", id="field-minutes"))
        yield form_row("Starting", Input(value="today", id="field-start"))

    def values(self) -> dict[str, object]:
        return {
            "weekday": int(str(self.query_one("#field-weekday", Select).value)),
            "at_time": self.query_one("#field-time", Input).value,
            "every_weeks": self.query_one("#field-every", Input).value,
            "minutes": self.query_one("#field-minutes", Input).value,
            "starts_on": self.query_one("#field-start", Input).value,
        }


class NotesForm(SaveForm):
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
