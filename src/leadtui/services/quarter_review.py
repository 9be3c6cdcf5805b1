"""The quarter review: the journal's verdict and trend for a quarter, the four questions'
answers kept per quarter, and a decision date Today brings back when it comes.

Private, like the rest of the journal; the private energy export carries the answers.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from leadtui.domain.quarter_review_input import QUESTIONS, AnswersDraft, QuarterAnswers
from leadtui.store.database import write_transaction
from leadtui.store.quarter_answers import QuarterAnswersRepository

if TYPE_CHECKING:
    from leadtui.domain.energy import EnergyThresholds
    from leadtui.services.energy import QuarterReview
    from leadtui.store.database import Store


class QuarterReviewView(NamedTuple):
    """The quarter's verdict and trend (from the journal) and your answers."""

    review: QuarterReview
    answers: QuarterAnswers


def quarter_answers(store: Store, quarter: str) -> QuarterAnswers:
    """The answers kept for ``quarter`` (``2026-Q4``)."""
    return QuarterAnswersRepository(store).for_quarter(quarter)


def review_quarter(
    store: Store, label: str | None, today: date, thresholds: EnergyThresholds
) -> QuarterReviewView:
    """The quarter ``label`` (None: this one): verdict, trend and answers."""
    from leadtui.services.energy import quarter_review

    review = quarter_review(store, label, today, thresholds)
    return QuarterReviewView(review, quarter_answers(store, review.quarter.label))


def answer_quarter(store: Store, label: str | None, today: date, **given: object) -> QuarterAnswers:
    """Set the answers given (names of QUESTIONS, and ``decision_on``; None or absent keeps
    one as it is, an empty text clears it, ``-`` clears the decision date)."""
    from leadtui.domain.validation import build
    from leadtui.services.energy import chosen_quarter

    quarter = chosen_quarter(label, today)
    unknown = sorted(set(given) - {*QUESTIONS, "decision_on"})
    if unknown:
        raise TypeError(f"not a quarter review field: {unknown[0]}")
    current = quarter_answers(store, quarter)
    values = {
        name: given[name] if given.get(name) is not None else getattr(current, name)
        for name in (*QUESTIONS, "decision_on")
    }
    draft = build(AnswersDraft, today=today, **values)
    with write_transaction(store, f"answered the quarter review {quarter}"):
        return QuarterAnswersRepository(store).save(quarter, draft, today)


def decision_due(store: Store, today: date) -> QuarterAnswers | None:
    """The newest quarter whose decision date has come, for Today; None when none has."""
    due = QuarterAnswersRepository(store).decisions_due(today)
    return due[0] if due else None
