"""People: the reports, peers and managers the rituals are about.

``Person`` is a stored record: an immutable NamedTuple, because reading never
needs validation and start-up should not pay for it. What a person *types* goes
through :class:`leadtui.domain.people_input.PersonDraft`.
"""

from __future__ import annotations

import re
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
    email: str | None = None
    """Optional: how calendar files name the person (matched without regard to case)."""

    @classmethod
    def from_row(cls, row: tuple[Any, ...]) -> Person:
        """Build from ``id, name, relation, title, level, team, started_on, archived_on``
        and optionally ``email``."""
        pid, name, relation, title, level, team, started, archived = row[:8]
        email = row[8] if len(row) > 8 else None
        return cls(
            id=pid,
            name=name,
            relation=Relation(relation),
            title=title,
            level=level,
            team=team,
            started_on=date.fromisoformat(started) if started else None,
            archived_on=date.fromisoformat(archived) if archived else None,
            email=email or None,
        )

    @property
    def active(self) -> bool:
        """False once archived."""
        return self.archived_on is None

    @property
    def display_name(self) -> str:
        """The name with control characters made visible."""
        return literal(self.name)


EMAIL_MAX = 254  # the longest address SMTP carries (RFC 5321)
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def email_address(text: str) -> str | None:
    """A typed email address, trimmed; None for empty (no address). ValueError names what
    is wrong with anything that is not one address like ``sam@example.com``."""
    value = text.strip()
    if value.lower().startswith("mailto:"):
        value = value[len("mailto:") :].strip()
    if not value:
        return None
    if len(value) > EMAIL_MAX or not _EMAIL.fullmatch(value):
        raise ValueError(
            f"email must be one address like sam@example.com, got {literal(value[:80])!r}"
        )
    return value
