"""Personal context repository: one row per person, written on the first save."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from leadtui.domain.context_input import PersonContext
from leadtui.store.database import write_transaction

if TYPE_CHECKING:
    from leadtui.domain.context_input import ContextDraft
    from leadtui.store.database import Store

_COLUMNS = "person_id, cares_about, feedback_style, goals, time_off, notes"


class ContextRepository:
    """Reads and writes person_context."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def for_person(self, person_id: int) -> PersonContext:
        """The person's context; an empty one when nothing was ever written."""
        row = self.store.execute(
            f"select {_COLUMNS} from person_context where person_id = ?", [person_id]
        ).fetchone()
        return PersonContext.from_row(tuple(row)) if row else PersonContext(person_id)

    def all_people(self) -> list[PersonContext]:
        """Every context written, by person id."""
        rows = self.store.execute(
            f"select {_COLUMNS} from person_context order by person_id"
        ).fetchall()
        return [PersonContext.from_row(tuple(r)) for r in rows]

    def save(self, person_id: int, draft: ContextDraft, today: date) -> PersonContext:
        """Store every field of ``draft`` as the person's context."""
        values = [draft.cares_about, draft.feedback_style, draft.goals, draft.time_off]
        with write_transaction(self.store):
            self.store.execute(
                "insert into person_context (person_id, cares_about, feedback_style, goals, "
                "time_off, notes, changed_on) values (?, ?, ?, ?, ?, ?, ?) "
                "on conflict (person_id) do update set cares_about = excluded.cares_about, "
                "feedback_style = excluded.feedback_style, goals = excluded.goals, "
                "time_off = excluded.time_off, notes = excluded.notes, "
                "changed_on = excluded.changed_on",
                [person_id, *values, draft.notes, today.isoformat()],
            )
        return self.for_person(person_id)
