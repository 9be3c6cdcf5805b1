"""The team's energy: what a manager observes of each report's energy (1–5 and a note),
the pushes the team recharges after, and the rules that read them.

A leader "modestly factors in the team's energy" when deciding; this is the record to do
it from. Every observation is the manager's own read of someone: private by nature.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum
from itertools import pairwise
from typing import NamedTuple

from pydantic import field_validator

from leadtui.domain.energy_input import checked_level
from leadtui.domain.validation import PastDay, checked_text, storable_text

NOTE_MAX = 2000
NAME_MAX = 200
TREND_DAYS = 90
# "Three falls in a row": four observations, each lower than the one before.
FALLS = 3
# "Stays at 2 or below": the latest two observations both at LOW or under.
LOW = 2
STAYS = 2
# Slack time is suggested this long after a push ends (a launch, a T3B3 half).
SLACK_DAYS = 14
SLACK_ADVICE = "Let the team charge: they'll need the energy later."


class ObservationDraft(PastDay):
    """An observation as typed: `leadtui energy observe sam 2 "quiet, tired"`."""

    DAY_WHAT = "an observation is recorded"

    level: int
    day: date
    note: str = ""

    @field_validator("level", mode="before")
    @classmethod
    def _level(cls, value: object) -> int:
        return checked_level(value)

    @field_validator("note", mode="before")
    @classmethod
    def _note(cls, value: object) -> str:
        if value is None:
            return ""
        text = storable_text(value, "observation note").strip()
        if len(text) > NOTE_MAX:
            raise ValueError(f"observation note is {len(text)} characters; keep it to {NOTE_MAX}")
        return text


class PushDraft(PastDay):
    """A launch or other push the team gave everything for, as typed."""

    DAY_WHAT = "a push is marked"

    name: str
    day: date

    @field_validator("name", mode="before")
    @classmethod
    def _name(cls, value: object) -> str:
        return checked_text(
            value, "push name", 'say what it was, like "Checkout launch"', NAME_MAX, one_line=True
        )


class Observation(NamedTuple):
    """An observation as stored."""

    id: int
    person_id: int
    day: date
    level: int
    note: str
    session_id: int | None


class Push(NamedTuple):
    """A marked push as stored."""

    id: int
    day: date
    name: str


class Flag(StrEnum):
    """Why a report's energy asks for attention."""

    FALLING = "falling"  # three falls in a row
    LOW = "low"  # staying at 2 or below


def flag(levels: list[int]) -> Flag | None:
    """The flag for observations ``levels``, oldest first: falling three times in a row,
    or the latest two at 2 or below; None otherwise (one bad day is not a pattern)."""
    if len(levels) >= STAYS and all(level <= LOW for level in levels[-STAYS:]):
        return Flag.LOW
    last = levels[-(FALLS + 1) :]
    if len(last) == FALLS + 1 and all(b < a for a, b in pairwise(last)):
        return Flag.FALLING
    return None


def slack_reason(today: date, pushes: list[Push], half_ends: list[date]) -> str | None:
    """Why to suggest slack time today: a push marked, or a T3B3 half ended, within the
    last :data:`SLACK_DAYS` days; None otherwise."""
    since = today - timedelta(days=SLACK_DAYS)
    recent = [p for p in pushes if since <= p.day <= today]
    if recent:
        latest = max(recent, key=lambda p: p.day)
        return f"after {latest.name} ({latest.day.isoformat()})"
    ended = [d for d in half_ends if since <= d <= today]
    if ended:
        return f"after the T3B3 half that ended {max(ended).isoformat()}"
    return None
