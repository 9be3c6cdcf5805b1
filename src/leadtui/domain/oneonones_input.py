"""What a person types for one-on-ones: the one door for 1:1 input."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, ValidationInfo, field_validator

from leadtui.domain.oneonones import PointKind, Rule, Side, Visibility
from leadtui.domain.text import quoted
from leadtui.domain.validation import (
    WeeklySlot,
    checked_text,
    date_from_context,
    storable_text,
    whole,
)

TEXT_MAX = 2000
NOTES_MAX = 20_000


def _text(value: object, what: str, hint: str) -> str:
    return checked_text(value, what, hint, TEXT_MAX)


class SeriesDraft(WeeklySlot):
    """A recurring 1:1 as typed: every N weeks on a weekday at a time."""

    every_weeks: int = 1
    weekday: int
    at_time: str = "10:00"
    starts_on: date

    @property
    def rule(self) -> Rule:
        """What decides the dates (a new time or length keeps the moves and skips)."""
        return Rule(self.every_weeks, self.weekday, self.starts_on)

    @field_validator("every_weeks", mode="before")
    @classmethod
    def _every(cls, value: object) -> int:
        return whole(value, "every", 1, 12, "weeks")

    @field_validator("starts_on", mode="before")
    @classmethod
    def _start(cls, value: object, info: ValidationInfo) -> object:
        if value is None:
            context = info.context or {}
            return context.get("today") or date.today()
        return date_from_context(value, info, "start date")


class PointDraft(BaseModel):
    """A talking point as typed."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    text: str
    raised_by: Side = Side.ME
    visibility: Visibility = Visibility.SHARED
    recurring: bool = False
    # One of the two or three meaningful problems the session digs into.
    deep: bool = False
    # Taken from the prompt tray (None: written freely).
    kind: PointKind | None = None

    @field_validator("text", mode="before")
    @classmethod
    def _text(cls, value: object) -> str:
        return _text(value, "talking point", "write what to talk about")


class ActionDraft(BaseModel):
    """An action item as typed. A due date in the past is accepted: it is overdue at once."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    text: str
    owner: Side = Side.ME
    due_on: date | None = None

    @field_validator("text", mode="before")
    @classmethod
    def _text(cls, value: object) -> str:
        return _text(value, "action item", "write what will be done")

    @field_validator("owner", mode="before")
    @classmethod
    def _owner(cls, value: object) -> object:
        word = str(value).strip().lower()
        if word not in ("me", "them"):
            raise ValueError(f"owner must be me or them, got {quoted(str(value))}")
        return word

    @field_validator("due_on", mode="before")
    @classmethod
    def _due(cls, value: object, info: ValidationInfo) -> object:
        if value is None:
            return None
        # "friday" for a due date means the coming Friday.
        return date_from_context(value, info, "due date", future=True)


class NotesDraft(BaseModel):
    """Session notes: shared and private, free Markdown."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    shared: str = ""
    private: str = ""

    @field_validator("shared", "private", mode="before")
    @classmethod
    def _notes(cls, value: object, info: ValidationInfo) -> str:
        what = f"{info.field_name} notes"
        text = storable_text(value, what).strip()
        if len(text) > NOTES_MAX:
            # Named, since a form shows both sides at once.
            raise ValueError(f"{what} are {len(text)} characters; keep them to {NOTES_MAX}")
        return text


class RatingDraft(BaseModel):
    """Was the session useful? 1 (not at all) to 5 (very); None clears it."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    rating: int | None = None

    @field_validator("rating", mode="before")
    @classmethod
    def _rating(cls, value: object) -> int | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        text = str(value).strip()
        if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= 5:
            raise ValueError(f"rating must be 1–5 (5 = very useful), got {quoted(text)}")
        return int(text)
