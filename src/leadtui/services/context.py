"""Personal context: what the manager knows of a person, kept private.

A person's context has named fields (what they care about, how they like feedback, their
goals, their time off and hours) and free notes. Setting some fields keeps the others;
an empty text clears a field. Each save is one change in the undo journal.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from leadtui.domain.context_input import FIELDS, ContextDraft, PersonContext
from leadtui.store.context import ContextRepository
from leadtui.store.database import write_transaction

if TYPE_CHECKING:
    from leadtui.domain.people import Person
    from leadtui.store.database import Store


class ContextSaved(NamedTuple):
    """The context as saved, and what to tell the user (an archived person's notice)."""

    context: PersonContext
    notice: str | None


def person_context(store: Store, person: Person) -> PersonContext:
    """``person``'s context (empty when nothing is written)."""
    return ContextRepository(store).for_person(person.id)


def set_context(store: Store, person: Person, today: date, **fields: object) -> ContextSaved:
    """Set the fields given (names of :data:`FIELDS`; None or absent keeps a field as it
    is, an empty text clears it) and keep the rest."""
    from leadtui.domain.validation import build
    from leadtui.services.people import archived_notice

    unknown = sorted(set(fields) - set(FIELDS))
    if unknown:
        raise TypeError(f"not a context field: {unknown[0]}")
    current = person_context(store, person)
    values = {
        name: fields[name] if fields.get(name) is not None else getattr(current, name)
        for name in FIELDS
    }
    draft = build(ContextDraft, today=today, **values)
    with write_transaction(store, f"changed the personal context of {person.name}"):
        saved = ContextRepository(store).save(person.id, draft, today)
    return ContextSaved(saved, archived_notice(person))
