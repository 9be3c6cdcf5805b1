"""What a person types to add or edit someone: the one door for people input."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, ValidationInfo, field_validator

from leadtui.domain.people import RELATION_CHOICES, Person, Relation, email_address
from leadtui.domain.text import quoted
from leadtui.domain.validation import date_from_context, storable_text, without_controls

NAME_MAX = 120
FIELD_MAX = 120


def _short_text(value: object, field: str, *, required: bool) -> str | None:
    if value is None:
        if required:
            raise ValueError(f"{field} is required")
        return None
    if not isinstance(value, str):
        raise ValueError(f"{field} must be text")
    value = storable_text(value, field)
    if "\n" in value or "\r" in value:
        raise ValueError(f"{field} must be one line")
    # Runs of spaces in a name would allow near-duplicates ("Sam  Okafor"), so they collapse.
    text = " ".join(value.split()) if field == "name" else value.strip()
    if not text:
        if required:
            raise ValueError(f"{field} must not be empty; type a {field}")
        return None
    if "\n" in text or "\r" in text:
        raise ValueError(f"{field} must be one line")
    if len(text) > (NAME_MAX if field == "name" else FIELD_MAX):
        limit = NAME_MAX if field == "name" else FIELD_MAX
        raise ValueError(f"{field} is {len(text)} characters; keep it to {limit}")
    return without_controls(text, field)


class PersonDraft(BaseModel):
    """What a person types to add or edit someone."""

    # Built on first use, so importing this module stays cheap.
    model_config = ConfigDict(frozen=True, defer_build=True)

    name: str
    relation: Relation = Relation.REPORT
    title: str | None = None
    level: str | None = None
    team: str | None = None
    started_on: date | None = None
    email: str | None = None
    """How calendar files name the person; "mailto:" is dropped, empty means none."""

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

    @field_validator("email", mode="before")
    @classmethod
    def _email(cls, value: object) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str):
            raise ValueError("email must be text")
        # The checks every typed text passes (UTF-8, no NUL), then the address's own form;
        # its pattern allows any non-space character, so control characters are refused
        # after it: an escape in an address would drive the terminal that lists it.
        text = storable_text(value, "email")
        address = email_address(text)
        return None if address is None else without_controls(address, "email")

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
                raise ValueError(f"relation must be one of {RELATION_CHOICES}; got {quoted(value)}")
            return word
        return value


def draft_from(person: Person) -> PersonDraft:
    """The editable fields of a stored person, for a form or a partial edit.

    Not validated here: a partial edit validates the merged fields through the one door, so
    a value stored by an older version is refused there in one line rather than crashing.
    """
    return PersonDraft.model_construct(
        name=person.name,
        relation=person.relation,
        title=person.title,
        level=person.level,
        team=person.team,
        started_on=person.started_on,
        email=person.email,
    )
