"""What a person types into the energy journal: the one door for energy input."""

from __future__ import annotations

import re
from datetime import date

from pydantic import BaseModel, ConfigDict, ValidationInfo, field_validator

from leadtui.domain.energy import LEVEL_MAX, LEVEL_MIN, WorkKind
from leadtui.domain.text import quoted
from leadtui.domain.validation import (
    PastDay,
    changed_day,
    not_future,
    storable_text,
)

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


def checked_phrases(value: object, info: ValidationInfo) -> tuple[str, ...]:
    """What energized or drained a day: short phrases, none of them empty."""
    # Worded for any front end ("energized by ..."); the command line names its flag.
    what = str(info.field_name).replace("_", " ")
    # A form's one line holds several phrases, comma-separated; the command line repeats
    # its flag instead and hands over a list, so a comma inside a phrase stays there.
    items = value.split(",") if isinstance(value, str) else list(value or [])  # type: ignore[call-overload]
    phrases = []
    for item in items:
        text = storable_text(item, what).strip()
        if not text:
            raise ValueError(f"{what} must not be empty; say what, e.g. 'pairing'")
        if len(text) > PHRASE_MAX:
            raise ValueError(f"{what} is {len(text)} characters; keep it to {PHRASE_MAX}")
        phrases.append(text)
    return tuple(phrases)


def checked_level(value: object) -> int:
    """An energy level as typed: 1–5."""
    text = str(value).strip()
    if not _LEVEL.match(text) or not LEVEL_MIN <= int(text) <= LEVEL_MAX:
        raise ValueError(
            f"energy level must be {LEVEL_MIN}–{LEVEL_MAX} (5 = energized), got {quoted(text)}"
        )
    return int(text)


def work_title(value: object) -> str:
    """A piece of work's title: one line, not empty."""
    text = storable_text(value, "title").strip()
    if not text:
        raise ValueError("title must not be empty; say what you did, e.g. 'prototype'")
    if "\n" in text or len(text) > PHRASE_MAX:
        raise ValueError(f"title must be one line of at most {PHRASE_MAX} characters")
    return text


def work_hours(value: object) -> float:
    """Hours spent: more than 0, at most 24."""
    try:
        hours = float(str(value))
    except ValueError:
        raise ValueError(f"hours must be a number like 1.5, got {quoted(str(value))}") from None
    if not 0 < hours <= 24:
        raise ValueError(f"hours must be more than 0 and at most 24, got {hours:g}")
    return hours


def work_kind(value: object) -> str:
    """A kind of energizing work, any case."""
    text = str(value).strip().lower()
    if text not in {k.value for k in WorkKind}:
        raise ValueError(f"kind must be one of {KINDS}; got {quoted(str(value))}")
    return text


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
        return checked_level(value)

    @field_validator("note", mode="before")
    @classmethod
    def _note(cls, value: object) -> str | None:
        return checked_note(value)

    @field_validator("energized_by", "drained_by", mode="before")
    @classmethod
    def _phrases(cls, value: object, info: ValidationInfo) -> tuple[str, ...]:
        return checked_phrases(value, info)


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
        return work_title(value)

    @field_validator("hours", mode="before")
    @classmethod
    def _hours(cls, value: object) -> float:
        return work_hours(value)

    @field_validator("kind", mode="before")
    @classmethod
    def _kind(cls, value: object) -> object:
        return work_kind(value)


class EnergyEditDraft(PastDay):
    """`leadtui energy edit 2026-12-08 --level 3`: what changes in a logged day. A field
    left as None stays as it is; an empty note, or an empty phrase given alone, clears it."""

    DAY_WHAT = "energy is logged"

    day: date
    level: int | None = None
    note: str | None = None  # "" clears the note
    energized_by: tuple[str, ...] | None = None
    drained_by: tuple[str, ...] | None = None

    @field_validator("level", mode="before")
    @classmethod
    def _level(cls, value: object) -> int | None:
        return None if value is None else checked_level(value)

    @field_validator("note", mode="before")
    @classmethod
    def _note(cls, value: object) -> str | None:
        return None if value is None else (checked_note(value) or "")

    @field_validator("energized_by", "drained_by", mode="before")
    @classmethod
    def _phrases(cls, value: object, info: ValidationInfo) -> tuple[str, ...] | None:
        if value is None:
            return None
        items = value.split(",") if isinstance(value, str) else list(value)  # type: ignore[call-overload]
        # One empty phrase alone is how a list is cleared (`--drained-by ""`).
        if all(not str(i).strip() for i in items):
            return ()
        return checked_phrases(items, info)

    @property
    def empty(self) -> bool:
        """Nothing to change."""
        return all(v is None for v in (self.level, self.note, self.energized_by, self.drained_by))


class WorkEditDraft(BaseModel):
    """`leadtui energy work edit 7 --hours 2`: what changes in a piece of energizing work;
    a field left as None stays as it is."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    title: str | None = None
    day: date | None = None
    hours: float | None = None
    kind: WorkKind | None = None
    creates_work_for_other_teams: bool | None = None

    @field_validator("title", mode="before")
    @classmethod
    def _title(cls, value: object) -> str | None:
        return None if value is None else work_title(value)

    @field_validator("hours", mode="before")
    @classmethod
    def _hours(cls, value: object) -> float | None:
        return None if value is None else work_hours(value)

    @field_validator("kind", mode="before")
    @classmethod
    def _kind(cls, value: object) -> object:
        return None if value is None else work_kind(value)

    @field_validator("day", mode="before")
    @classmethod
    def _day(cls, value: object, info: ValidationInfo) -> object:
        return changed_day(value, info)

    @field_validator("day")
    @classmethod
    def _day_not_future(cls, value: date | None, info: ValidationInfo) -> date | None:
        return None if value is None else not_future(value, info, "log work")

    @property
    def empty(self) -> bool:
        """Nothing to change."""
        return all(
            v is None
            for v in (
                self.title,
                self.day,
                self.hours,
                self.kind,
                self.creates_work_for_other_teams,
            )
        )
