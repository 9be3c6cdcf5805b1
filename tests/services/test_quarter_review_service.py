"""The quarter review: answers kept per quarter, a decision date Today brings back, the
private energy export carrying them, one undo per save."""

from __future__ import annotations

from datetime import timedelta

import pytest

from leadtui.domain.energy import EnergyThresholds
from leadtui.errors import InputError
from leadtui.export.energy import quarter_review_document
from leadtui.services.quarter_review import (
    answer_quarter,
    decision_due,
    quarter_answers,
    review_quarter,
)
from leadtui.services.today import today_overview
from leadtui.services.undo import undo
from leadtui.store.database import Store
from tests.helpers import TODAY


def test_answers_are_kept_per_quarter_and_some_flags_keep_the_rest(db: Store) -> None:
    answer_quarter(db, None, TODAY, learning="slower", deenergized="most weeks")
    answer_quarter(db, None, TODAY, closing="yes")
    answer_quarter(db, "2026-Q3", TODAY, learning="fast")
    now = quarter_answers(db, "2026-Q4")
    assert (now.learning, now.deenergized, now.closing, now.leaving) == (
        "slower",
        "most weeks",
        "yes",
        "",
    )
    assert quarter_answers(db, "2026-Q3").learning == "fast"
    view = review_quarter(db, "2026-Q3", TODAY, EnergyThresholds())
    assert view.review.quarter.label == "2026-Q3" and view.answers.learning == "fast"


def test_a_decision_date_comes_back_on_today_when_it_comes(db: Store) -> None:
    answer_quarter(db, None, TODAY, decision_on=(TODAY + timedelta(days=3)).isoformat())
    assert decision_due(db, TODAY) is None
    later = TODAY + timedelta(days=3)
    due = decision_due(db, later)
    assert due is not None and due.decision_on == later
    assert today_overview(db, later).decision == due
    answer_quarter(db, None, TODAY, decision_on="-")
    assert decision_due(db, later) is None


def test_a_bad_decision_date_is_refused_and_nothing_written(db: Store) -> None:
    with pytest.raises(InputError, match="decision date"):
        answer_quarter(db, None, TODAY, learning="kept?", decision_on="someday")
    assert quarter_answers(db, "2026-Q4").learning == ""


def test_the_private_energy_export_carries_the_answers(db: Store) -> None:
    answer_quarter(db, None, TODAY, leaving="not yet", decision_on="2027-01-15")
    text = quarter_review_document(db, "2026-Q4", TODAY, EnergyThresholds())
    assert "## The four questions" in text and "not yet" in text
    assert "**Decision date:** 2027-01-15" in text


def test_one_undo_takes_a_save_back(db: Store) -> None:
    answer_quarter(db, None, TODAY, learning="first")
    answer_quarter(db, None, TODAY, learning="second")
    assert "quarter review 2026-Q4" in undo(db).label
    assert quarter_answers(db, "2026-Q4").learning == "first"
