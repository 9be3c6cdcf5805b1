"""Log a piece of energizing work. Keeps what was typed when refused."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from leadtui.domain.energy import EnergizingWork, WorkKind
from leadtui.domain.energy_input import WorkDraft
from leadtui.domain.validation import build
from leadtui.errors import LeadtuiError
from leadtui.tui.screens.base import busy_message

FIELDS = (
    ("title", "What", "e.g. prototype a ranking idea"),
    ("hours", "Hours", "1.5"),
    ("day", "Date", "today"),
)


class WorkForm(ModalScreen[EnergizingWork | None]):
    """Title, hours, kind, date and the "creates work for other teams" flag."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="work.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="work.cancel"),
    ]

    def __init__(self, save: Callable[[WorkDraft], EnergizingWork], today: date) -> None:
        super().__init__()
        self.save = save
        self.today = today

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="work-form", classes="dialog") as box:
            box.border_title = "Energizing work"
            yield Static("", id="form-error")
            for field, label, placeholder in FIELDS:
                with Horizontal(classes="field-row"):
                    yield Label(label, classes="field-label")
                    yield Input(
                        placeholder=placeholder,
                        id=f"field-{field}",
                        value="1" if field == "hours" else "",
                    )
            with Horizontal(classes="field-row"):
                yield Label("Kind", classes="field-label")
                yield Select(
                    [(k.value, k.value) for k in WorkKind],
                    value=WorkKind.CODING.value,
                    allow_blank=False,
                    id="field-kind",
                )
            yield Checkbox("Creates work for other teams", id="field-creates")
            with Horizontal(classes="buttons"):
                yield Button("Save (ctrl+s)", id="save", variant="primary")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        """Start typing in the first field (the scrolling dialog itself is focusable)."""
        self.query("Input, Select, TextArea").first().focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter saves."""
        event.stop()
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Save or cancel from a click."""
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        """Validate and save; on refusal show why and keep everything typed."""
        for widget in self.query(".-invalid"):
            widget.remove_class("-invalid")
        values = {f: self.query_one(f"#field-{f}", Input).value for f, _, _ in FIELDS}
        try:
            draft = build(
                WorkDraft,
                today=self.today,
                title=values["title"],
                hours=values["hours"],
                day=values["day"] or None,
                kind=str(self.query_one("#field-kind", Select).value),
                creates_work_for_other_teams=self.query_one("#field-creates", Checkbox).value,
            )
            work = self.save(draft)
        except sqlite3.OperationalError as exc:
            self.query_one("#form-error", Static).update(Text(f"Not saved: {busy_message(exc)}"))
            return
        except LeadtuiError as exc:
            self.query_one("#form-error", Static).update(Text(exc.message))
            field = getattr(exc, "field", None)
            if field and self.query(f"#field-{field}"):
                self.query_one(f"#field-{field}").add_class("-invalid")
                self.query_one(f"#field-{field}").focus()
            return
        self.dismiss(work)

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)
