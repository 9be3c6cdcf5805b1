"""Ask for one line of text (a note), keeping it when saving is refused."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.markup import escape
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from leadtui.errors import LeadtuiError
from leadtui.tui.screens.base import busy_message


class TextPrompt(ModalScreen[bool]):
    """One line of text; ``save`` does the write and may refuse with a LeadtuiError."""

    CSS_PATH = "../styles/dialogs.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="prompt.cancel"),
    ]

    def __init__(
        self, title: str, save: Callable[[str], object], value: str = "", placeholder: str = ""
    ) -> None:
        super().__init__()
        self.prompt_title = title
        self.save = save
        self.value = value
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = escape(self.prompt_title)
            yield Input(value=self.value, placeholder=self.placeholder, id="prompt-input")
            yield Static("", id="form-error")
            with Horizontal(classes="buttons"):
                yield Button("Save (enter)", id="save", variant="primary")
                yield Button("Cancel (esc)", id="cancel")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter saves."""
        event.stop()
        self._save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Save or cancel from a click."""
        if event.button.id == "save":
            self._save()
        else:
            self.dismiss(False)

    def _save(self) -> None:
        try:
            self.save(self.query_one(Input).value)
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
