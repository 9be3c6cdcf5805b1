"""Quarter review answers repository: one row per quarter, written on the first save."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from leadtui.domain.quarter_review_input import QuarterAnswers
from leadtui.store.database import write_transaction

if TYPE_CHECKING:
    from leadtui.domain.quarter_review_input import AnswersDraft
    from leadtui.store.database import Store

_COLUMNS = "quarter, learning, deenergized, closing, leaving, decision_on"


class QuarterAnswersRepository:
    """Reads and writes energy_quarter_answers."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def for_quarter(self, quarter: str) -> QuarterAnswers:
        """The quarter's answers; empty ones when none were written."""
        row = self.store.execute(
            f"select {_COLUMNS} from energy_quarter_answers where quarter = ?", [quarter]
        ).fetchone()
        return QuarterAnswers.from_row(tuple(row)) if row else QuarterAnswers(quarter)

    def decisions_due(self, today: date) -> list[QuarterAnswers]:
        """Answers whose decision date has come, newest quarter first."""
        rows = self.store.execute(
            f"select {_COLUMNS} from energy_quarter_answers where decision_on <= ? "
            "order by quarter desc",
            [today.isoformat()],
        ).fetchall()
        return [QuarterAnswers.from_row(tuple(r)) for r in rows]

    def save(self, quarter: str, draft: AnswersDraft, today: date) -> QuarterAnswers:
        """Store every answer of ``draft`` and its decision date for ``quarter``."""
        decision = draft.decision_on.isoformat() if draft.decision_on else None
        with write_transaction(self.store):
            self.store.execute(
                "insert into energy_quarter_answers (quarter, learning, deenergized, closing, "
                "leaving, decision_on, changed_on) values (?, ?, ?, ?, ?, ?, ?) "
                "on conflict (quarter) do update set learning = excluded.learning, "
                "deenergized = excluded.deenergized, closing = excluded.closing, "
                "leaving = excluded.leaving, decision_on = excluded.decision_on, "
                "changed_on = excluded.changed_on",
                [
                    quarter,
                    draft.learning,
                    draft.deenergized,
                    draft.closing,
                    draft.leaving,
                    decision,
                    today.isoformat(),
                ],
            )
        return self.for_quarter(quarter)
