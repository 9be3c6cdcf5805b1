"""The quarter review's four questions, as typed, and the decision date.

From the sources on deciding whether to stay: the rate of learning; whether you are
consistently de-energized; whether you can still authentically close candidates; and
whether leaving in six months would do more damage than leaving today. If you cannot
decide, set a decision date. Private by nature (the energy journal's topic).
"""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

from pydantic import BaseModel, ConfigDict, ValidationInfo, field_validator

from leadtui.domain.validation import date_from_context, storable_text

ANSWER_MAX = 4000

QUESTIONS: dict[str, str] = {
    "learning": "Is your rate of learning still high?",
    "deenergized": "Are you consistently de-energized by your work?",
    "closing": "Can you still authentically close candidates?",
    "leaving": "Would leaving in six months do more damage than leaving today?",
}


class QuarterAnswers(NamedTuple):
    """A quarter's answers as stored (empty texts when not answered)."""

    quarter: str
    learning: str = ""
    deenergized: str = ""
    closing: str = ""
    leaving: str = ""
    decision_on: date | None = None

    @classmethod
    def from_row(cls, row: tuple[Any, ...]) -> QuarterAnswers:
        """Build from ``quarter, learning, deenergized, closing, leaving, decision_on``."""
        quarter, learning, deenergized, closing, leaving, decision = row
        day = date.fromisoformat(decision) if decision else None
        return cls(quarter, learning, deenergized, closing, leaving, day)

    def answered(self) -> list[tuple[str, str]]:
        """(question, answer) for each question, answered or not, in order."""
        return [(question, getattr(self, name)) for name, question in QUESTIONS.items()]


class AnswersDraft(BaseModel):
    """Every answer as it will be stored, and the decision date (None: none set)."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    learning: str = ""
    deenergized: str = ""
    closing: str = ""
    leaving: str = ""
    decision_on: date | None = None

    @field_validator("learning", "deenergized", "closing", "leaving", mode="before")
    @classmethod
    def _answer(cls, value: object, info: ValidationInfo) -> str:
        what = f"answer to “{QUESTIONS[str(info.field_name)]}”"
        text = storable_text(value if value is not None else "", what).strip()
        if len(text) > ANSWER_MAX:
            raise ValueError(f"{what} is {len(text)} characters; keep it to {ANSWER_MAX}")
        return text

    @field_validator("decision_on", mode="before")
    @classmethod
    def _decision(cls, value: object, info: ValidationInfo) -> object:
        if value is None or (isinstance(value, str) and value.strip() in ("", "-")):
            return None
        if isinstance(value, date):
            return value
        return date_from_context(value, info, "decision date", future=True)
