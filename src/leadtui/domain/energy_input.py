"""What a person types into the energy journal: the one door for energy input."""

from __future__ import annotations

import re
from datetime import date

from pydantic import ValidationInfo, field_validator

from leadtui.domain.energy import LEVEL_MAX, LEVEL_MIN, WorkKind
from leadtui.domain.text import quoted
from leadtui.domain.validation import PastDay, storable_text

NOTE_MAX = 2000
PHRASE_MAX = 120
KINDS = ", ".join(k.value for k in WorkKind)
# ASCII digits, a few of them: "²" passes str.isdigit() but is no level, and int() of
# thousands of digits is refused by Python itself.
_LEVEL = re.compile(r"^-?[0-9]{1,3}$")


def checked_note(value: object) -> str | None:
    """A day's note as stored: trimmed, at most NOTE_MAX characters; blank is no note."""
    if value is None:
        return None
    text = storable_text(value, "note").strip()
    if len(text) > NOTE_MAX:
        raise ValueError(f"note is {len(text)} characters; keep it to {NOTE_MAX}")
    return text or None


class EnergyLogDraft(PastDay):
    """One day's energy as typed: `leadtui energy log 4 "great design review"`."""

    DAY_WHAT = "energy is logged"

    level: int
    day: date
    note: str | None = None
    energized_by: tuple[str, ...] = ()
    drained_by: tuple[str, ...] = ()

    @field_validator("level", mode="before")
    @classmethod
    def _level(cls, value: object) -> int:
        text = str(value).strip()
        if not _LEVEL.match(text) or not LEVEL_MIN <= int(text) <= LEVEL_MAX:
            raise ValueError(
                f"energy level must be {LEVEL_MIN}–{LEVEL_MAX} (5 = energized), got {quoted(text)}"
            )
        return int(text)

    @field_validator("note", mode="before")
    @classmethod
    def _note(cls, value: object) -> str | None:
        return checked_note(value)

    @field_validator("energized_by", "drained_by", mode="before")
    @classmethod
    def _phrases(cls, value: object, info: ValidationInfo) -> tuple[str, ...]:
        # Worded for any front end ("energized by ..."); the command line names its flag.
        what = str(info.field_name).replace("_", " ")
        items = [value] if isinstance(value, str) else list(value or [])  # type: ignore[call-overload]
        phrases = []
        for item in items:
            text = storable_text(item, what).strip()
            if not text:
                raise ValueError(f"{what} must not be empty; say what, e.g. 'pairing'")
            if len(text) > PHRASE_MAX:
                raise ValueError(f"{what} is {len(text)} characters; keep it to {PHRASE_MAX}")
            phrases.append(text)
        return tuple(phrases)


class EnergyNoteDraft(PastDay):
    """A day's note as typed on its own (the app's note prompt); empty clears it."""

    DAY_WHAT = "energy is logged"

    day: date
    note: str | None = None

    @field_validator("note", mode="before")
    @classmethod
    def _note(cls, value: object) -> str | None:
        return checked_note(value)


class WorkDraft(PastDay):
    """Energizing work as typed."""

    DAY_WHAT = "log work"

    title: str
    day: date
    hours: float = 1.0
    kind: WorkKind = WorkKind.OTHER
    creates_work_for_other_teams: bool = False

    @field_validator("title", mode="before")
    @classmethod
    def _title(cls, value: object) -> str:
        text = storable_text(value, "title").strip()
        if not text:
            raise ValueError("title must not be empty; say what you did, e.g. 'prototype'")
        if "\n" in text or len(text) > PHRASE_MAX:
            raise ValueError(f"title must be one line of at most {PHRASE_MAX} characters")
        return text

    @field_validator("hours", mode="before")
    @classmethod
    def _hours(cls, value: object) -> float:
        try:
            hours = float(str(value))
        except ValueError:
            raise ValueError(f"hours must be a number like 1.5, got {quoted(str(value))}") from None
        if not 0 < hours <= 24:
            raise ValueError(f"hours must be more than 0 and at most 24, got {hours:g}")
        return hours

    @field_validator("kind", mode="before")
    @classmethod
    def _kind(cls, value: object) -> object:
        text = str(value).strip().lower()
        if text not in {k.value for k in WorkKind}:
            raise ValueError(f"kind must be one of {KINDS}; got {quoted(str(value))}")
        return text
