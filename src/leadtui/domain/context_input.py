"""Personal context as typed: what a person cares about, how they like feedback, their
goals, their time off and hours, and free notes. Private by nature (domain/privacy.py)."""

from __future__ import annotations

from typing import Any, NamedTuple

from pydantic import BaseModel, ConfigDict, ValidationInfo, field_validator

from leadtui.domain.validation import storable_text

FIELD_MAX = 2000
NOTES_MAX = 20_000

# The named fields, in the order every front end shows them, with their words.
FIELDS: dict[str, str] = {
    "cares_about": "What they care about",
    "feedback_style": "How they like feedback",
    "goals": "Goals",
    "time_off": "Time off and hours",
    "notes": "Notes",
}


class PersonContext(NamedTuple):
    """A person's context as stored (empty texts when nothing was written)."""

    person_id: int
    cares_about: str = ""
    feedback_style: str = ""
    goals: str = ""
    time_off: str = ""
    notes: str = ""

    @classmethod
    def from_row(cls, row: tuple[Any, ...]) -> PersonContext:
        """Build from ``person_id, cares_about, feedback_style, goals, time_off, notes``."""
        return cls(*row)

    @property
    def empty(self) -> bool:
        """True when nothing is written."""
        return not any(getattr(self, name) for name in FIELDS)

    def filled(self) -> list[tuple[str, str]]:
        """(words, text) of each field written, in :data:`FIELDS` order."""
        return [
            (words, getattr(self, name)) for name, words in FIELDS.items() if getattr(self, name)
        ]


class ContextDraft(BaseModel):
    """Every field of a person's context as it will be stored; empty clears a field."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    cares_about: str = ""
    feedback_style: str = ""
    goals: str = ""
    time_off: str = ""
    notes: str = ""

    @field_validator("cares_about", "feedback_style", "goals", "time_off", "notes", mode="before")
    @classmethod
    def _text(cls, value: object, info: ValidationInfo) -> str:
        name = str(info.field_name)
        what = FIELDS[name].lower()
        text = storable_text(value, what).strip()
        limit = NOTES_MAX if name == "notes" else FIELD_MAX
        if len(text) > limit:
            raise ValueError(f"{what} is {len(text)} characters; keep it to {limit}")
        return text
