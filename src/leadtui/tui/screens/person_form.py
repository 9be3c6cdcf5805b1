"""The add/edit person form. It keeps what was typed when saving is refused."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual.app import ComposeResult
from textual.widgets import Input, Select

from leadtui.domain.people import Person, Relation
from leadtui.domain.people_input import PersonDraft
from leadtui.domain.validation import build
from leadtui.tui.screens.forms import DialogForm, form_row

SaveCallback = Callable[[PersonDraft], Person]

FIELDS = (
    ("name", "Name", "e.g. Sam Okafor"),
    ("title", "Title", "e.g. Staff Engineer"),
    ("level", "Level", "e.g. IC6"),
    ("team", "Team", "e.g. Payments"),
    ("started_on", "Start date", "YYYY-MM-DD, today, last monday, 5 March 2024 …"),
)


class PersonForm(DialogForm[Person | None]):
    """Add or edit one person; ``save`` does the write and may refuse."""

    FORM_ID = "person-form"

    def __init__(
        self, *, title: str, save: SaveCallback, today: date, person: Person | None = None
    ) -> None:
        super().__init__(title)
        self.save = save
        self.today = today
        self.person = person

    def fields(self) -> ComposeResult:
        person = self.person
        for field, label, placeholder in FIELDS:
            value = ""
            if person is not None:
                raw = getattr(person, field)
                value = raw.isoformat() if isinstance(raw, date) else (raw or "")
            yield form_row(label, Input(value=value, placeholder=placeholder, id=f"field-{field}"))
            if field == "name":
                relation = Select(
                    [(r.value, r.value) for r in Relation],
                    value=(person.relation if person else Relation.REPORT).value,
                    allow_blank=False,
                    id="field-relation",
                )
                yield form_row("Relation", relation)

    def typed(self) -> dict[str, str]:
        """What is in the fields now."""
        values = {field: self.query_one(f"#field-{field}", Input).value for field, _, _ in FIELDS}
        values["relation"] = str(self.query_one("#field-relation", Select).value)
        return values

    def submit(self) -> Person | None:
        """Validate and save the person."""
        return self.save(build(PersonDraft, today=self.today, **self.typed()))

    def cancelled(self) -> Person | None:
        """Nobody saved."""
        return None
