"""The one door for input: build a pydantic model or raise one clear line."""

from __future__ import annotations

import re
from datetime import date
from typing import Any, ClassVar, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError, ValidationInfo, field_validator

from leadtui.domain.dates import weekday_index
from leadtui.domain.text import control_character, quoted
from leadtui.errors import InputError

M = TypeVar("M", bound=BaseModel)


class Refusal(ValueError):
    """A validator's refusal that begins with ``words``, the name it gives the field when
    that is not the field's own ("every" for ``every_weeks``, "date" for ``day``)."""

    def __init__(self, message: str, words: str) -> None:
        super().__init__(message)
        self.words = words


def first_error_line(exc: ValidationError) -> str:
    """One line for the first problem pydantic found, naming the field."""
    error = exc.errors(include_url=False)[0]
    message = str(error["msg"])
    for prefix in ("Value error, ", "Assertion failed, "):
        if message.startswith(prefix):
            message = message[len(prefix) :]
    if error["type"] in ("value_error", "assertion_error"):
        # Our own validators already name the field and the accepted form.
        return message
    field = ".".join(str(part) for part in error.get("loc", ())).replace("_", " ")
    return f"{field}: {message}" if field else message


def build(model: type[M], today: date | None = None, **data: Any) -> M:
    """Validate ``data`` into ``model``; on failure raise :class:`InputError`.

    ``today`` is handed to validators that read relative dates ("yesterday").
    """
    try:
        return model.model_validate(data, context={"today": today})
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        loc = error.get("loc", ())
        cause = error.get("ctx", {}).get("error")
        raise InputError(
            first_error_line(exc),
            field=str(loc[0]) if loc else None,
            words=cause.words if isinstance(cause, Refusal) else None,
        ) from None


def storable_text(value: object, what: str) -> str:
    """Typed text as it will be stored, or a refusal naming ``what``.

    Every text field a person types passes here. Bytes that are not UTF-8 (a shell hands
    ``$'\\xff'`` to Python as a lone surrogate) cannot be written to the database, and SQLite
    ends text at a NUL, so both are refused rather than failing mid-write or storing a cut
    text.
    """
    raw = str(value or "")
    try:
        raw.encode("utf-8")
    except UnicodeEncodeError:
        raise Refusal(f"{what} has bytes that are not UTF-8; retype it", what) from None
    if "\x00" in raw:
        raise Refusal(f"{what} contains a NUL character (\\x00); remove it", what)
    return raw


def checked_text(value: object, what: str, hint: str, limit: int, *, one_line: bool = False) -> str:
    """Typed text, trimmed (and with runs of whitespace collapsed when ``one_line``);
    empty or longer than ``limit`` is refused with ``hint`` saying what to write."""
    raw = storable_text(value, what)
    text = " ".join(raw.split()) if one_line else raw.strip()
    if not text:
        raise Refusal(f"{what} is empty; {hint}", what)
    if len(text) > limit:
        raise Refusal(f"{what} is {len(text)} characters; keep it to {limit}", what)
    return text


def without_controls(text: str, what: str) -> str:
    """``text`` unchanged, or a refusal when it holds a control character or an invisible
    bidi override. Names, titles and teams are printed on terminals and written into
    calendar files, where an escape drives the terminal and a control character makes
    the file unreadable; a name never needs one."""
    found = control_character(text)
    if found is not None:
        raise Refusal(f"{what} contains a control character ({found}); remove it", what)
    return text


def checked_name(value: object, what: str, hint: str, limit: int) -> str:
    """A one-line name as typed (a capacity, a host): trimmed, runs of whitespace
    collapsed, no control characters, at most ``limit`` characters."""
    return without_controls(checked_text(value, what, hint, limit, one_line=True), what)


def date_from_context(
    value: object, info: ValidationInfo, field: str, *, future: bool = False
) -> object:
    """Turn typed text into a date using the ``today`` in the validation context.

    A date handed over as a date (a form's value, a stored one being edited) is held to
    the same years as typed text, so no field stores a day the rules cannot compute with.
    """
    from leadtui.domain.dates import in_range, parse_date

    try:
        if isinstance(value, str):
            if not value.strip():
                return None
            return parse_date(value, today_from(info), field=field, future=future)
        if isinstance(value, date):
            return in_range(value, field)
    except InputError as exc:
        raise Refusal(exc.message, field) from None
    return value


def today_from(info: ValidationInfo) -> date:
    """The ``today`` handed to :func:`build`, or the real date."""
    context = info.context or {}
    return context.get("today") or date.today()


def changed_day(value: object, info: ValidationInfo) -> object:
    """An edit's day as typed: None keeps the stored day; blank text is refused (a day
    cannot be cleared), anything else is read as :func:`date_from_context` reads it."""
    if value is None:
        return None
    if isinstance(value, str) and not value.strip():
        raise Refusal("date is empty; give a day like 2026-11-20, today or yesterday", "date")
    return date_from_context(value, info, "date")


def not_future(value: date, info: ValidationInfo, what: str) -> date:
    """Refuse a day after today, saying what is recorded for today or earlier."""
    today = today_from(info)
    if value > today:
        raise Refusal(
            f"date {value.isoformat()} is in the future; {what} for today or an earlier day",
            "date",
        )
    return value


class PastDay(BaseModel):
    """A day typed as text (default today) that must not be in the future."""

    model_config = ConfigDict(frozen=True, defer_build=True)
    DAY_WHAT: ClassVar[str] = "log it"

    day: date

    @field_validator("day", mode="before")
    @classmethod
    def _day(cls, value: object, info: ValidationInfo) -> object:
        if value is None:
            return today_from(info)
        if isinstance(value, str) and not value.strip():
            raise Refusal("date is empty; give a day like 2026-11-20, today or yesterday", "date")
        return date_from_context(value, info, "date")

    @field_validator("day")
    @classmethod
    def _daynot_future(cls, value: date, info: ValidationInfo) -> date:
        return not_future(value, info, cls.DAY_WHAT)


_CLOCK_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$", re.ASCII)


def clock_time(value: object) -> str:
    """A time of day typed as H:MM or HH:MM (24-hour), as ``HH:MM``; anything else refused."""
    match = _CLOCK_TIME.match(str(value).strip())
    if not match:
        raise ValueError(f"time must be HH:MM (24-hour), got {quoted(str(value))}")
    return f"{int(match.group(1)):02d}:{match.group(2)}"


# ASCII digits only: "²" or "１０" pass str.isdigit() yet are no number a person meant.
_WHOLE = re.compile(r"^-?[0-9]{1,4}$", re.ASCII)


def whole(value: object, what: str, low: int, high: int, unit: str = "") -> int:
    """A whole number typed as text, between ``low`` and ``high``, or a refusal naming
    ``what`` and the accepted range."""
    text = str(value).strip()
    suffix = f" {unit}" if unit else ""
    if not _WHOLE.match(text) or not low <= int(text) <= high:
        raise Refusal(f"{what} must be {low}–{high}{suffix}, got {quoted(text)}", what)
    return int(text)


class WeeklySlot(BaseModel):
    """A weekly meeting's place in the week as typed: weekday, time and length. A 1:1
    series and the leadership meeting share it, so both read days and times alike."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    weekday: int = 0
    at_time: str = "09:00"
    minutes: int = 60

    @field_validator("weekday", mode="before")
    @classmethod
    def _weekday(cls, value: object) -> int:
        if isinstance(value, int) and 0 <= value <= 6:
            return value
        index = weekday_index(str(value))
        if index is None:
            raise ValueError(
                f"weekday must be a day name like monday or mon, got {quoted(str(value))}"
            )
        return index

    @field_validator("at_time", mode="before")
    @classmethod
    def _time(cls, value: object) -> str:
        return clock_time(value)

    @field_validator("minutes", mode="before")
    @classmethod
    def _minutes(cls, value: object) -> int:
        return whole(value, "minutes", 5, 480)
