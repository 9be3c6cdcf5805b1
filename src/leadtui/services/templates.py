"""Agenda templates applied to a person's next one-on-one.

Applying a template adds its talking points to the next session, after the points
already there, skipping any an open point already says (compared without case or
spacing), in one change that one undo takes back.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from leadtui.domain.oneonones import Side, Visibility
from leadtui.domain.people import Relation
from leadtui.store.database import write_transaction
from leadtui.store.oneonones import OneOnOneRepository

if TYPE_CHECKING:
    from leadtui.domain.oneonones import Point
    from leadtui.domain.people import Person
    from leadtui.domain.templates_input import TemplateDraft
    from leadtui.store.database import Store


class TemplateApplied(NamedTuple):
    """What applying a template added, and what it skipped as already open."""

    template: str
    added: tuple[Point, ...]
    skipped: tuple[str, ...]
    notice: str | None


def _words(text: str) -> str:
    return " ".join(text.split()).casefold()


def apply_template(
    store: Store, person: Person, today: date, template: TemplateDraft
) -> TemplateApplied:
    """Add ``template``'s points to ``person``'s next session (an ad-hoc document is
    started for a person without a series); points already open are skipped."""
    from leadtui.domain.oneonones_input import PointDraft
    from leadtui.services.oneonones import _document_series
    from leadtui.services.people import archived_notice

    added: list[Point] = []
    skipped: list[str] = []
    with write_transaction(store, f"added the {template.name} agenda for {person.name}"):
        series = _document_series(store, person, today)
        repo = OneOnOneRepository(store)
        said = {_words(p.text) for p in repo.open_points(series.id)}
        for text in template.points:
            if _words(text) in said:
                skipped.append(text)
                continue
            said.add(_words(text))
            draft = PointDraft(text=text, raised_by=Side.ME, visibility=Visibility.SHARED)
            added.append(repo.add_point(series.id, draft, today))
    return TemplateApplied(template.name, tuple(added), tuple(skipped), archived_notice(person))


def suiting_first(templates: tuple[TemplateDraft, ...], relation: Relation) -> list[TemplateDraft]:
    """``templates`` with those that suit ``relation`` first, otherwise in order."""
    return sorted(templates, key=lambda t: not t.suits(relation))
