"""What a person types for rotations: the one door for capacity, roster and host input."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from leadtui.domain.rotations import (
    DEFAULT_SEATS,
    DEFAULT_TERM,
    SEATS_MAX,
    SEATS_MIN,
    TERM_MAX,
    TERM_MIN,
    RecognizedIn,
    default_offset,
    offset_problem,
)
from leadtui.domain.text import quoted
from leadtui.domain.validation import (
    PastDay,
    WeeklySlot,
    checked_name,
    checked_text,
    date_from_context,
    today_from,
    whole,
    without_controls,
)

NAME_MAX = 120
TEXT_MAX = 2000
MONTHS_MAX = 60
WEEKS_MAX = 520


def _optional_text(value: object, what: str, limit: int) -> str | None:
    if value is None or not str(value).strip():
        return None
    return checked_text(value, what, "write a few words", limit, one_line=True)


class CapacityDraft(BaseModel):
    """A capacity as typed: `rotation add "Incident Review" --term-months 6 --seats 2`."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    name: str
    description: str | None = None
    term_months: int = DEFAULT_TERM
    seats: int = DEFAULT_SEATS
    # Validated when left out too: the offset then defaults to the term ÷ seats and the
    # start to today.
    offset_months: int = Field(default=None, validate_default=True)
    starts_on: date = Field(default=None, validate_default=True)
    exposure: str | None = None

    @field_validator("name", mode="before")
    @classmethod
    def _name(cls, value: object) -> str:
        return checked_name(value, "name", "name the process, e.g. Incident Review", NAME_MAX)

    @field_validator("description", mode="before")
    @classmethod
    def _description(cls, value: object) -> str | None:
        text = _optional_text(value, "description", TEXT_MAX)
        return text if text is None else without_controls(text, "description")

    @field_validator("exposure", mode="before")
    @classmethod
    def _exposure(cls, value: object) -> str | None:
        exposure = _optional_text(value, "exposure", NAME_MAX)
        return exposure if exposure is None else without_controls(exposure, "exposure")

    @field_validator("term_months", mode="before")
    @classmethod
    def _term(cls, value: object) -> int:
        return whole(value, "term", TERM_MIN, TERM_MAX, "months")

    @field_validator("seats", mode="before")
    @classmethod
    def _seats(cls, value: object) -> int:
        return whole(value, "seats", SEATS_MIN, SEATS_MAX)

    @field_validator("offset_months", mode="before")
    @classmethod
    def _offset(cls, value: object, info: ValidationInfo) -> int:
        term = info.data.get("term_months")
        seats = info.data.get("seats")
        if term is None or seats is None:
            return 0  # the term or seats were refused; that refusal is the one shown
        if value is None or (isinstance(value, str) and not value.strip()):
            offset = default_offset(term, seats)
        else:
            offset = whole(value, "offset", 0, TERM_MAX, "months")
        problem = offset_problem(term, seats, offset)
        if problem is not None:
            raise ValueError(problem)
        return offset

    @field_validator("starts_on", mode="before")
    @classmethod
    def _start(cls, value: object, info: ValidationInfo) -> object:
        if value is None:
            return today_from(info)
        return date_from_context(value, info, "start") or today_from(info)


class MemberDraft(BaseModel):
    """A roster entry's dates as typed; blank means no limit."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    joined_on: date | None = None
    leaves_on: date | None = None

    @field_validator("joined_on", "leaves_on", mode="before")
    @classmethod
    def _day(cls, value: object, info: ValidationInfo) -> object:
        field = "join date" if info.field_name == "joined_on" else "leave date"
        return date_from_context(value, info, field)

    @field_validator("leaves_on")
    @classmethod
    def _order(cls, value: date | None, info: ValidationInfo) -> date | None:
        joined = info.data.get("joined_on")
        if value is not None and joined is not None and value < joined:
            raise ValueError(
                f"leave date {value.isoformat()} is before the join date {joined.isoformat()}"
            )
        return value


class RosterEntryDraft(MemberDraft):
    """Someone put on a roster from a form: who (a name or an id), and their dates."""

    person: str

    @field_validator("person", mode="before")
    @classmethod
    def _person(cls, value: object) -> str:
        return checked_name(value, "person", "pick someone for the roster", NAME_MAX)


class HostDraft(WeeklySlot):
    """The weekly leadership meeting as typed: a weekday and a time."""


class HostTeamDraft(HostDraft):
    """The weekly meeting and its hosts from a form: names in hosting order, separated
    by commas."""

    people: tuple[str, ...]

    @field_validator("people", mode="before")
    @classmethod
    def _people(cls, value: object) -> tuple[str, ...]:
        # A form hands one line; code may hand the names already apart.
        if isinstance(value, str):
            parts = value.split(",")
        else:
            parts = [str(v) for v in value] if isinstance(value, list | tuple) else []
        hint = "name the leadership team in hosting order, separated by commas"
        names = tuple(checked_name(p, "hosts", hint, NAME_MAX) for p in parts if p.strip())
        if not names:
            raise ValueError(f"hosts is empty; {hint}")
        return names


class RecognitionDraft(PastDay):
    """Where and when the work was called out (today or earlier)."""

    DAY_WHAT = "record recognition"

    day: date
    recognized_in: RecognizedIn = RecognizedIn.ALL_HANDS

    @field_validator("recognized_in", mode="before")
    @classmethod
    def _where(cls, value: object) -> RecognizedIn:
        text = str(value or "all-hands").strip().lower().replace("_", "-").replace(" ", "-")
        aliases = {"allhands": "all-hands", "q&a": "qa", "q-and-a": "qa"}
        try:
            return RecognizedIn(aliases.get(text, text))
        except ValueError:
            choices = ", ".join(r.value for r in RecognizedIn)
            raise ValueError(
                f"recognized in must be one of {choices}, got {quoted(str(value))}"
            ) from None


class HandoffDraft(BaseModel):
    """A hand-off note for the next person in a seat; private ones stay with you."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    text: str
    private: bool = False

    @field_validator("text", mode="before")
    @classmethod
    def _text(cls, value: object) -> str:
        return checked_text(value, "hand-off note", "write what the next person needs", TEXT_MAX)


class HorizonDraft(BaseModel):
    """How far ahead an export or a host list looks."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    months: int = 12
    weeks: int = 8

    @field_validator("months", mode="before")
    @classmethod
    def _months(cls, value: object) -> int:
        return whole(value, "months", 1, MONTHS_MAX)

    @field_validator("weeks", mode="before")
    @classmethod
    def _weeks(cls, value: object) -> int:
        return whole(value, "weeks", 1, WEEKS_MAX)
