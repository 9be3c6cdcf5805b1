"""People: the reports, peers and managers the rituals are about."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, ValidationInfo, field_validator

from leadtui.domain.text import literal
from leadtui.domain.validation import date_from_context

NAME_MAX = 120
FIELD_MAX = 120


class Relation(StrEnum):
    """How a person relates to me."""

    REPORT = "report"
    PEER = "peer"
    MANAGER = "manager"
    SKIP = "skip"
    OTHER = "other"


RELATION_ORDER = {relation: index for index, relation in enumerate(Relation)}
RELATION_CHOICES = ", ".join(r.value for r in Relation)


def _short_text(value: object, field: str, *, required: bool) -> str | None:
    if value is None:
        if required:
            raise ValueError(f"{field} is required")
        return None
    if not isinstance(value, str):
        raise ValueError(f"{field} must be text")
    text = value.strip()
    if not text:
        if required:
            raise ValueError(f"{field} must not be empty; type a {field}")
        return None
    if "\n" in text or "\r" in text:
        raise ValueError(f"{field} must be one line")
    if len(text) > (NAME_MAX if field == "name" else FIELD_MAX):
        limit = NAME_MAX if field == "name" else FIELD_MAX
        raise ValueError(f"{field} is {len(text)} characters; keep it to {limit}")
    return text


class PersonDraft(BaseModel):
    """What a person types to add or edit someone."""

    model_config = ConfigDict(frozen=True)

    name: str
    relation: Relation = Relation.REPORT
    title: str | None = None
    level: str | None = None
    team: str | None = None
    started_on: date | None = None

    @field_validator("name", mode="before")
    @classmethod
    def _name(cls, value: object) -> str:
        text = _short_text(value, "name", required=True)
        assert text is not None
        return text

    @field_validator("title", "level", "team", mode="before")
    @classmethod
    def _optional(cls, value: object, info: ValidationInfo) -> str | None:
        return _short_text(value, str(info.field_name), required=False)

    @field_validator("started_on", mode="before")
    @classmethod
    def _started(cls, value: object, info: ValidationInfo) -> object:
        return date_from_context(value, info, "start date")

    @field_validator("relation", mode="before")
    @classmethod
    def _relation(cls, value: object) -> object:
        if isinstance(value, str):
            word = value.strip().lower()
            if word not in {r.value for r in Relation}:
                raise ValueError(f"relation must be one of {RELATION_CHOICES}; got {value!r}")
            return word
        return value


class Person(BaseModel):
    """A person as stored."""

    model_config = ConfigDict(frozen=True)

    id: int
    name: str
    relation: Relation
    title: str | None = None
    level: str | None = None
    team: str | None = None
    started_on: date | None = None
    archived_on: date | None = None

    @property
    def active(self) -> bool:
        """False once archived."""
        return self.archived_on is None

    @property
    def display_name(self) -> str:
        """The name with control characters made visible."""
        return literal(self.name)

    def to_draft(self) -> PersonDraft:
        """The editable fields, for a form."""
        return PersonDraft(
            name=self.name,
            relation=self.relation,
            title=self.title,
            level=self.level,
            team=self.team,
            started_on=self.started_on,
        )
