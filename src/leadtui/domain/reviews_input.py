"""What a person types for feedback and T3B3: the one door for that input."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from leadtui.domain.oneonones import Visibility
from leadtui.domain.reviews import SLOTS, FeedbackKind
from leadtui.domain.text import quoted
from leadtui.domain.validation import (
    PastDay,
    changed_day,
    checked_text,
    not_future,
)

TEXT_MAX = 2000
ITEM_MAX = 300


def feedback_kind(value: object) -> str:
    """A feedback kind as typed: strength or growth, any case."""
    word = str(value or "").strip().lower()
    if word not in {k.value for k in FeedbackKind}:
        raise ValueError(f"kind must be strength or growth, got {quoted(str(value))}")
    return word


class FeedbackDraft(PastDay):
    """One feedback entry: `leadtui feedback add sam "Clear design doc" --kind strength`."""

    DAY_WHAT = "feedback is recorded"

    day: date = Field(default=None, validate_default=True)  # None: today
    text: str
    kind: FeedbackKind = FeedbackKind.STRENGTH
    visibility: Visibility = Visibility.SHARED

    @field_validator("text", mode="before")
    @classmethod
    def _text(cls, value: object) -> str:
        return checked_text(value, "feedback", "write what you saw and its effect", TEXT_MAX)

    @field_validator("kind", mode="before")
    @classmethod
    def _kind(cls, value: object) -> object:
        return feedback_kind(value)


def item_text(value: object, side: str) -> str:
    """One T3B3 item: not empty, one short paragraph."""
    hint = "write the strength or area in a few words"
    return checked_text(value, f"a {side} item", hint, ITEM_MAX, one_line=True)


class T3B3ItemDraft(BaseModel):
    """One item typed into a slot."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    text: str

    @field_validator("text", mode="before")
    @classmethod
    def _text(cls, value: object) -> str:
        return item_text(value, "T3B3")


class T3B3ListsDraft(BaseModel):
    """`t3b3 set`: a new Top list and/or a new Bottom list (None leaves a side alone)."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    top: tuple[str, ...] | None = None
    bottom: tuple[str, ...] | None = None

    @field_validator("top", "bottom", mode="before")
    @classmethod
    def _items(cls, value: object, info: object) -> object:
        if value is None:
            return None
        side = getattr(info, "field_name", "item")
        items = [item_text(v, side.capitalize()) for v in list(value)]  # type: ignore[call-overload]
        folded = [i.casefold() for i in items]
        # Worded for any front end ("top names ..."); the command line names its flag.
        if len(set(folded)) < len(folded):
            raise ValueError(f"{side} names the same item twice; give {SLOTS} different ones")
        if len(items) > SLOTS:
            raise ValueError(
                f"{side} has {len(items)} items; T3B3 has exactly {SLOTS} "
                f"{side} items, so choose the {SLOTS} that matter most"
            )
        return tuple(items)


class DeliveryDraft(PastDay):
    """Delivering a T3B3: the day (today by default) and whether it was in person."""

    DAY_WHAT = "a T3B3 is delivered"

    day: date = Field(default=None, validate_default=True)  # None: today
    in_person: bool = True


class FeedbackEditDraft(BaseModel):
    """`leadtui feedback edit 12 --kind growth`: what changes in an entry. A field left
    as None stays as it is; the person it is about is chosen apart (a name to resolve)."""

    model_config = ConfigDict(frozen=True, defer_build=True)
    DAY_WHAT: ClassVar[str] = "feedback is recorded"

    text: str | None = None
    kind: FeedbackKind | None = None
    day: date | None = None
    visibility: Visibility | None = None

    @field_validator("text", mode="before")
    @classmethod
    def _text(cls, value: object) -> str | None:
        if value is None:
            return None
        return checked_text(value, "feedback", "write what you saw and its effect", TEXT_MAX)

    @field_validator("kind", mode="before")
    @classmethod
    def _kind(cls, value: object) -> object:
        return None if value is None else feedback_kind(value)

    @field_validator("day", mode="before")
    @classmethod
    def _day(cls, value: object, info: ValidationInfo) -> object:
        return changed_day(value, info)

    @field_validator("day")
    @classmethod
    def _day_not_future(cls, value: date | None, info: ValidationInfo) -> date | None:
        return None if value is None else not_future(value, info, cls.DAY_WHAT)

    @property
    def empty(self) -> bool:
        """Nothing to change."""
        return all(v is None for v in (self.text, self.kind, self.day, self.visibility))
