"""What a person types for rotations: the one door for capacity, roster and host input."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from leadtui.domain.rotations import (
    DEFAULT_SEATS,
    DEFAULT_TERM,
    SEATS_MAX,
    SEATS_MIN,
    TERM_MAX,
    TERM_MIN,
    ExceptionKind,
    RecognizedIn,
    default_offset,
    offset_problem,
    term_containing,
)
from leadtui.domain.text import name_key, quoted
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


# --- a shared definition (a teammate's TOML file) ------------------------------------------
#
# A file goes through the same drafts as the command line: CapacityDraft for [capacity],
# RosterEntryDraft for each [[roster]] entry, and the rules `rotation assign`, `cut` and
# `swap` hold a person to for each [[exception]]. The file reader checks the TOML types
# first (a number is a number, a flag is true or false), so these see what a form would
# hand them; the flags are strict here too, so no string or number passes for a flag.

ROSTER_MAX = 500
EXCEPTIONS_MAX = 5000


class DefinitionCapacityDraft(CapacityDraft):
    """The [capacity] table: a capacity as `rotation add` takes it, plus whether it is
    active. Its start is required: every teammate must compute the same terms."""

    starts_on: date
    active: bool = Field(default=True, strict=True)
    # The capacity's own id, shared with teammates so their calendars compute the same UIDs.
    id: str | None = None

    @field_validator("id", mode="before")
    @classmethod
    def _uuid(cls, value: object) -> object:
        import uuid

        if value is None:
            return None
        try:
            return str(uuid.UUID(str(value)))
        except ValueError:
            raise ValueError(
                "capacity id must be a UUID as export-definition writes it, "
                f"got {quoted(str(value))}"
            ) from None

    @field_validator("starts_on", mode="before")
    @classmethod
    def _start(cls, value: object, info: ValidationInfo) -> object:
        if value is None:
            raise ValueError(
                "starts_on is missing; give the first term's first day, e.g. 2026-07-01"
            )
        return date_from_context(value, info, "start")


class DefinitionRosterDraft(RosterEntryDraft):
    """One [[roster]] entry: who, their dates, and whether they are out of rotation."""

    out_of_rotation: bool = Field(default=False, strict=True)


class DefinitionExceptionDraft(BaseModel):
    """One [[exception]]: an assignment, a cut or a swap, as the commands take them."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    kind: ExceptionKind
    on: date
    seat: int | None = Field(default=None, strict=True)
    person: str | None = None
    other_person: str | None = None

    @field_validator("kind", mode="before")
    @classmethod
    def _kind(cls, value: object) -> ExceptionKind:
        try:
            return ExceptionKind(str(value).strip().lower())
        except ValueError:
            choices = ", ".join(k.value for k in ExceptionKind)
            raise ValueError(f"kind must be one of {choices}, got {quoted(str(value))}") from None

    @field_validator("on", mode="before")
    @classmethod
    def _on(cls, value: object, info: ValidationInfo) -> object:
        if value is None:
            raise ValueError("on is missing; give the day it takes effect, e.g. 2026-12-01")
        return date_from_context(value, info, "on")

    @field_validator("person", "other_person", mode="before")
    @classmethod
    def _who(cls, value: object, info: ValidationInfo) -> str | None:
        if value is None:
            return None
        what = (info.field_name or "person").replace("_", " ")
        return checked_text(value, what, "name someone on the roster", NAME_MAX, one_line=True)

    @model_validator(mode="after")
    def _shape(self) -> DefinitionExceptionDraft:
        kind = self.kind.value
        if self.kind is ExceptionKind.SWAP:
            if self.seat is not None:
                raise ValueError("a swap has no seat: it exchanges two people wherever they serve")
            if self.person is None or self.other_person is None:
                raise ValueError('a swap needs person = "…" and other_person = "…"')
            if name_key(self.person) == name_key(self.other_person):
                raise ValueError(
                    f"a swap needs two different people, got {quoted(self.person)} twice"
                )
            return self
        if self.seat is None:
            raise ValueError(f"an {kind} needs seat = N, the seat it changes")
        if self.other_person is not None:
            raise ValueError(f"an {kind} has no other_person; only a swap names two people")
        if self.kind is ExceptionKind.ASSIGN and self.person is None:
            raise ValueError('an assign needs person = "…", someone on the roster')
        if self.kind is ExceptionKind.CUT and self.person is not None:
            raise ValueError("a cut has no person: it ends the seat's term early")
        return self


class DefinitionDraft(BaseModel):
    """A whole definition file: the capacity, its roster and its exceptions, held to the
    rules the commands hold a person to (seats that exist, days inside the capacity,
    people on the roster, a cut before its term's last day)."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    capacity: DefinitionCapacityDraft
    roster: tuple[DefinitionRosterDraft, ...] = Field(default=(), max_length=ROSTER_MAX)
    exceptions: tuple[DefinitionExceptionDraft, ...] = Field(default=(), max_length=EXCEPTIONS_MAX)

    @model_validator(mode="after")
    def _consistent(self) -> DefinitionDraft:
        from leadtui.domain.rotations import Capacity

        c = self.capacity
        seen: set[str] = set()
        for n, entry in enumerate(self.roster, 1):
            folded = name_key(entry.person)
            if folded in seen:
                raise ValueError(f"[[roster]] {n}: {quoted(entry.person)} is on the roster twice")
            seen.add(folded)
        computed = Capacity(
            0, c.name, None, c.term_months, c.seats, c.offset_months, c.starts_on, None
        )
        for n, e in enumerate(self.exceptions, 1):
            where = f"[[exception]] {n}"
            if e.seat is not None and not 1 <= e.seat <= c.seats:
                raise ValueError(f"{where}: seat must be 1–{c.seats}, got {e.seat}")
            if e.on < c.starts_on:
                raise ValueError(
                    f"{where}: on {e.on.isoformat()} is before {c.name} starts "
                    f"({c.starts_on.isoformat()})"
                )
            for who in (e.person, e.other_person):
                if who is not None and name_key(who) not in seen:
                    raise ValueError(
                        f"{where}: {quoted(who)} is not on the roster; add a [[roster]] entry"
                    )
            if e.kind is ExceptionKind.CUT and e.seat is not None:
                term = term_containing(computed, e.seat, e.on)
                if term is not None and e.on >= term.ends:
                    raise ValueError(
                        f"{where}: on {e.on.isoformat()} is the term's last day already "
                        f"({term.ends.isoformat()}); give an earlier day"
                    )
        return self
