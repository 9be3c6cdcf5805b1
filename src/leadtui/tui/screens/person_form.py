"""The add/edit person form. It keeps what was typed when saving is refused."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.markup import escape
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from leadtui.domain.people import Person, Relation
from leadtui.domain.people_input import PersonDraft
from leadtui.domain.validation import build
from leadtui.errors import LeadtuiError
from leadtui.tui.screens.base import busy_message

SaveCallback = Callable[[PersonDraft], Person]

FIELDS = (
    ("name", "Name", "e.g. Sam Okafor"),
    ("title", "Title", "e.g. Staff Engineer"),
    ("level", "Level", "e.g. IC6"),
    ("team", "Team", "e.g. Payments"),
    ("started_on", "Start date", "YYYY-MM-DD, today, last monday, 5 March 2024 …"),
)


class PersonForm(ModalScreen[Person | None]):
    """Add or edit one person; ``save`` does the write and may refuse."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="form.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="form.cancel"),
    ]

    def __init__(
        self, *, title: str, save: SaveCallback, today: date, person: Person | None = None
    ) -> None:
        super().__init__()
        self.form_title = title
        self.save = save
        self.today = today
        self.person = person

    def compose(self) -> ComposeResult:
        person = self.person
        with VerticalScroll(id="person-form", classes="dialog") as box:
            # The title may hold a person's name: never let it be read as markup.
            box.border_title = escape(self.form_title)
            yield Static("", id="form-error")
            for field, label, placeholder in FIELDS:
                value = ""
                if person is not None:
                    raw = getattr(person, field)
                    value = raw.isoformat() if isinstance(raw, date) else (raw or "")
                with Horizontal(classes="field-row"):
                    yield Label(label, classes="field-label")
                    yield Input(value=value, placeholder=placeholder, id=f"field-{field}")
                if field == "name":
                    with Horizontal(classes="field-row"):
                        yield Label("Relation", classes="field-label")
                        yield Select(
                            [(r.value, r.value) for r in Relation],
                            value=(person.relation if person else Relation.REPORT).value,
                            allow_blank=False,
                            id="field-relation",
                        )
            with Horizontal(classes="buttons"):
                yield Button("Save (ctrl+s)", id="save", variant="primary")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        """Start typing the name."""
        self.query_one("#field-name", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in any field saves, as in most forms."""
        event.stop()
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Save or cancel from a click."""
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def typed(self) -> dict[str, str]:
        """What is in the fields now."""
        values = {field: self.query_one(f"#field-{field}", Input).value for field, _, _ in FIELDS}
        values["relation"] = str(self.query_one("#field-relation", Select).value)
        return values

    def action_save(self) -> None:
        """Validate and save; on refusal show why and keep everything typed."""
        for widget in self.query(".-invalid"):
            widget.remove_class("-invalid")
        try:
            draft = build(PersonDraft, today=self.today, **self.typed())
            person = self.save(draft)
        except LeadtuiError as exc:
            self._refuse(exc.message, getattr(exc, "field", None))
            return
        except sqlite3.OperationalError as exc:
            self._refuse(f"Not saved: {busy_message(exc)}", None)
            return
        self.dismiss(person)

    def _refuse(self, message: str, field: str | None) -> None:
        self.query_one("#form-error", Static).update(Text(message))
        if field and self.query(f"#field-{field}"):
            widget = self.query_one(f"#field-{field}")
            widget.add_class("-invalid")
            widget.focus()

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)
