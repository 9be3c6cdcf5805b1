"""The quarter review's form: the four questions, each in a text area ($EDITOR with
ctrl+e), and a decision date. Opened from Energy (Q)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, ClassVar

from leadtui.domain.quarter_review_input import QUESTIONS, AnswersDraft
from leadtui.tui.dialogs.forms import FieldSpec, Kind, Save, SaveForm

if TYPE_CHECKING:
    from datetime import date

    from leadtui.domain.quarter_review_input import QuarterAnswers


class AnswersForm(SaveForm[AnswersDraft]):
    """Your answers to the four questions for the quarter, and a decision date."""

    FORM_ID = "answers-form"
    DRAFT = AnswersDraft
    SPEC: ClassVar[Mapping[str, FieldSpec]] = {
        **{name: FieldSpec(question, Kind.TEXTAREA) for name, question in QUESTIONS.items()},
        "decision_on": FieldSpec(
            "Decision date (Today brings it back)", placeholder="2027-01-15", when_blank=None
        ),
    }

    @classmethod
    def for_quarter(cls, answers: QuarterAnswers, today: date, save: Save) -> AnswersForm:
        """The form filled with the quarter's answers as kept."""
        values: dict[str, object] = {name: getattr(answers, name) for name in QUESTIONS}
        values["decision_on"] = answers.decision_on.isoformat() if answers.decision_on else ""
        note = "Private, like the journal: only in your energy export. ctrl+e: $EDITOR."
        return cls(
            f"🔒 Quarter review {answers.quarter}", save, today=today, values=values, note=note
        )
