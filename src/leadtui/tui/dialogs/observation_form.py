"""The form for what you observe of a report's energy: a level 1–5, a note, the day
(today unless typed). Opened from One-on-ones (g)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, ClassVar

from leadtui.domain.team_energy_input import ObservationDraft
from leadtui.domain.text import literal
from leadtui.tui.dialogs.forms import FieldSpec, Save, SaveForm

if TYPE_CHECKING:
    from datetime import date

    from leadtui.domain.people import Person


class ObservationForm(SaveForm[ObservationDraft]):
    """A report's energy as you observed it: only you ever see it."""

    FORM_ID = "observation-form"
    DRAFT = ObservationDraft
    SPEC: ClassVar[Mapping[str, FieldSpec]] = {
        "level": FieldSpec("Energy 1 (drained) – 5 (energized)", placeholder="3"),
        "note": FieldSpec("What you noticed", placeholder="quiet, tired after the launch"),
        "day": FieldSpec("Day", placeholder="today", when_blank=None),
    }

    @classmethod
    def for_person(cls, person: Person, today: date, save: Save) -> ObservationForm:
        """An empty form for ``person``."""
        note = "Private: never in their copy, upward or the team's. Again the same day replaces it."
        return cls(f"🔒 Energy of {literal(person.name)}", save, today=today, note=note)
