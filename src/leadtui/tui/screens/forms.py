"""The modal form every dialog shares: fields, ctrl+s to save, esc to cancel.

Saving may be refused (a LeadtuiError, or a busy database): the reason shows
above the fields, the refused field is outlined and focused, and everything
typed stays.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import ClassVar, TypeVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.markup import escape
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static

from leadtui.errors import LeadtuiError
from leadtui.tui.screens.base import busy_message

R = TypeVar("R")
Save = Callable[[dict[str, object]], object]


def form_row(label: str, widget: Widget) -> Horizontal:
    """A labelled field: the label on the left, the widget filling the rest."""
    return Horizontal(Label(label, classes="field-label"), widget, classes="field-row")


class DialogForm(ModalScreen[R]):
    """A modal form; ``submit`` reads the fields and writes, or raises a refusal."""

    CSS_PATH = "../styles/dialogs.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="form.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="form.cancel"),
    ]
    FORM_ID: ClassVar[str | None] = None
    SAVE_LABEL: ClassVar[str] = "Save"

    def __init__(self, title: str) -> None:
        super().__init__()
        self.form_title = title

    def fields(self) -> ComposeResult:
        """The form's own fields."""
        yield from ()

    def submit(self) -> R:
        """Validate what is typed and save it; the result closes the form."""
        raise NotImplementedError

    def cancelled(self) -> R:
        """What the form returns when closed without saving."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with VerticalScroll(id=self.FORM_ID, classes="dialog") as box:
            # The title may hold a person's name: never let it be read as markup.
            box.border_title = escape(self.form_title)
            yield Static("", id="form-error")
            yield from self.fields()
            with Horizontal(classes="buttons"):
                yield Button(f"{self.SAVE_LABEL} (ctrl+s)", id="save", variant="primary")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        """Start typing in the first field (the scrolling dialog itself is focusable)."""
        self.query("Input, Select, TextArea").first().focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Save or cancel from a click."""
        if event.button.id == "save":
            self.action_save()
        elif event.button.id == "cancel":
            self.action_cancel()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in a one-line field saves."""
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        """Save, or show why not, outline the refused field and keep what was typed."""
        for widget in self.query(".-invalid"):
            widget.remove_class("-invalid")
        try:
            result = self.submit()
        except LeadtuiError as exc:
            self.refuse(exc.message, getattr(exc, "field", None))
            return
        except sqlite3.OperationalError as exc:
            self.refuse(f"Not saved: {busy_message(exc)}", None)
            return
        self.dismiss(result)

    def refuse(self, message: str, field: str | None) -> None:
        """Show why saving was refused and put the cursor in the field at fault."""
        self.query_one("#form-error", Static).update(Text(message))
        if field and self.query(f"#field-{field}"):
            widget = self.query_one(f"#field-{field}")
            widget.add_class("-invalid")
            widget.focus()

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(self.cancelled())


class SaveForm(DialogForm[bool]):
    """A form handing its values to a ``save`` callback; True when saved."""

    def __init__(self, title: str, save: Save) -> None:
        super().__init__(title)
        self.save = save

    def values(self) -> dict[str, object]:
        """What is typed now."""
        return {}

    def submit(self) -> bool:
        """Hand the values to ``save``."""
        self.save(self.values())
        return True

    def cancelled(self) -> bool:
        """Not saved."""
        return False
