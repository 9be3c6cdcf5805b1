"""The add/edit person form: PersonDraft's fields. It keeps what was typed when refused."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import ClassVar

from leadtui.domain.people import Person, Relation
from leadtui.domain.people_input import PersonDraft
from leadtui.tui.dialogs.forms import FieldSpec, Kind, SaveDraftForm

SaveCallback = Callable[[PersonDraft], Person]


class PersonForm(SaveDraftForm[PersonDraft, Person]):
    """Add or edit one person; ``save`` does the write and may refuse."""

    FORM_ID = "person-form"
    DRAFT = PersonDraft
    SPEC: ClassVar[Mapping[str, FieldSpec]] = {
        "name": FieldSpec("Name", placeholder="e.g. Sam Okafor"),
        "relation": FieldSpec(
            "Relation",
            Kind.SELECT,
            choices=tuple((r.value, r.value) for r in Relation),
            default=Relation.REPORT.value,
        ),
        "title": FieldSpec("Title", placeholder="e.g. Staff Engineer"),
        "level": FieldSpec("Level", placeholder="e.g. IC6"),
        "team": FieldSpec("Team", placeholder="e.g. Payments"),
        "started_on": FieldSpec(
            "Start date", placeholder="YYYY-MM-DD, today, last monday, 5 March 2024 …"
        ),
        # Calendar imports match attendees by it.
        "email": FieldSpec("Email", placeholder="e.g. sam@example.com"),
    }

    def __init__(
        self, *, title: str, save: SaveCallback, today: date, person: Person | None = None
    ) -> None:
        values = {name: getattr(person, name) for name in self.SPEC} if person else None
        super().__init__(title, save, today=today, values=values)
        self.person = person
