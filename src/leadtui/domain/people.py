"""People: the reports, peers and managers the rituals are about.

``Person`` is a stored record: an immutable NamedTuple, because reading never
needs validation and start-up should not pay for it. What a person *types* goes
through :class:`leadtui.domain.people_input.PersonDraft`.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any, NamedTuple

from leadtui.domain.text import literal


class Relation(StrEnum):
    """How a person relates to me."""

    REPORT = "report"
    PEER = "peer"
    MANAGER = "manager"
    SKIP = "skip"
    OTHER = "other"


RELATION_CHOICES = ", ".join(r.value for r in Relation)


class Person(NamedTuple):
    """A person as stored."""

    id: int
    name: str
    relation: Relation
    title: str | None = None
    level: str | None = None
    team: str | None = None
    started_on: date | None = None
    archived_on: date | None = None

    @classmethod
    def from_row(cls, row: tuple[Any, ...]) -> Person:
        """Build from ``id, name, relation, title, level, team, started_on, archived_on``."""
        pid, name, relation, title, level, team, started, archived = row
        return cls(
            id=pid,
            name=name,
            relation=Relation(relation),
            title=title,
            level=level,
            team=team,
            started_on=date.fromisoformat(started) if started else None,
            archived_on=date.fromisoformat(archived) if archived else None,
        )

    @property
    def active(self) -> bool:
        """False once archived."""
        return self.archived_on is None

    @property
    def display_name(self) -> str:
        """The name with control characters made visible."""
        return literal(self.name)
