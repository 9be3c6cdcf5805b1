"""What a person types for succession planning: the one door for that input."""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from leadtui.domain.privacy import Visibility
from leadtui.domain.succession import (
    AuditDecision,
    CareerStatus,
    CeoKind,
    GapStatus,
    MeetingKind,
    MeetingRole,
    Readiness,
)
from leadtui.domain.text import quoted
from leadtui.domain.validation import PastDay, Refusal, checked_text, date_from_context
from leadtui.errors import InputError

TEXT_MAX = 300
NAME_MAX = 120
_QUARTER = re.compile(r"^([0-9]{4})-Q([1-4])$", re.ASCII)
_READY_PENDING = re.compile(r"^\s*ready\s+pending\b[\s:,-]*", re.IGNORECASE)


def _choice(value: object, kind: type[StrEnum], what: str) -> str:
    """A typed word that must be one of ``kind``'s values; the refusal names the field as
    ``what`` and lists them."""
    word = str(value if value is not None else "").strip().lower()
    values = [k.value for k in kind]
    if word not in values:
        raise Refusal(f"{what} must be {' | '.join(values)}, got {quoted(str(value))}", what)
    return word


def _text(value: object, what: str, hint: str) -> str:
    return checked_text(value, what, hint, TEXT_MAX, one_line=True)


def _optional_text(value: object, what: str, hint: str) -> str | None:
    if value is None:
        return None
    return _text(value, what, hint)


class _Draft(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)


class GapDraft(_Draft):
    """`succession gap add PERSON TEXT`: what they are missing to thrive in my role."""

    text: str
    visibility: Visibility = Visibility.SHARED

    @field_validator("text", mode="before")
    @classmethod
    def _gap(cls, value: object) -> str:
        return _text(value, "gap", "write what they are missing to thrive in your role")


class GapStatusDraft(PastDay):
    """`succession gap status PERSON N STATUS`: a dated change."""

    DAY_WHAT = "record the change"

    status: GapStatus
    day: date = Field(default=None, validate_default=True)  # None: today

    @field_validator("status", mode="before")
    @classmethod
    def _status(cls, value: object) -> str:
        return _choice(value, GapStatus, "status")


class FocusDraft(_Draft):
    """`succession focus PERSON TEXT`: an area agreed with the person for a half."""

    text: str

    @field_validator("text", mode="before")
    @classmethod
    def _focus(cls, value: object) -> str:
        return _text(value, "focus area", "write the area agreed with them, or take a gap's words")


class CandidateDraft(_Draft):
    """`succession candidate PERSON --readiness R`: None keeps what is stored."""

    readiness: Readiness | None = None
    pending: str | None = None
    interim: bool | None = None

    @field_validator("readiness", mode="before")
    @classmethod
    def _readiness(cls, value: object) -> object:
        return None if value is None else _choice(value, Readiness, "readiness")

    @field_validator("pending", mode="before")
    @classmethod
    def _pending(cls, value: object) -> str | None:
        # Empty: take the condition off (None keeps the stored one).
        if isinstance(value, str) and not value.strip():
            return ""
        text = _optional_text(
            value, "pending condition", "say what readiness waits on, or leave it out"
        )
        # Every place shows it as "ready pending …": typed with those words (as the
        # prompt's example reads), they are not stored a second time.
        if text is not None:
            head = _READY_PENDING.match(text)
            if head is not None:
                text = text[head.end() :].strip()
                if not text:
                    raise Refusal(
                        "pending condition is empty; say what readiness waits on, "
                        "e.g. ready pending the budget cycle",
                        "pending condition",
                    )
        return text


class CeoDraft(PastDay):
    """`succession ceo TEXT`: growth raised with my manager, or a relationship action."""

    DAY_WHAT = "log what was said"

    text: str
    day: date = Field(default=None, validate_default=True)  # None: today
    kind: CeoKind = CeoKind.GROWTH
    visibility: Visibility = Visibility.SHARED

    @field_validator("text", mode="before")
    @classmethod
    def _note(cls, value: object) -> str:
        return _text(value, "CEO log note", "write the growth you raised or the action taken")


class MeetingDraft(_Draft):
    """`meeting add NAME`: a recurring meeting I attend."""

    name: str
    cadence: str | None = None
    kind: MeetingKind = MeetingKind.OTHER
    role: MeetingRole = MeetingRole.ATTENDEE

    @field_validator("name", mode="before")
    @classmethod
    def _name(cls, value: object) -> str:
        return checked_text(value, "meeting name", "give its name", NAME_MAX, one_line=True)

    @field_validator("cadence", mode="before")
    @classmethod
    def _cadence(cls, value: object) -> str | None:
        return _optional_text(value, "cadence", "e.g. weekly")

    @field_validator("kind", mode="before")
    @classmethod
    def _kind(cls, value: object) -> str:
        return _choice(value, MeetingKind, "kind")

    @field_validator("role", mode="before")
    @classmethod
    def _role(cls, value: object) -> str:
        return _choice(value, MeetingRole, "role")


class AuditDraft(_Draft):
    """`meeting audit NAME --decision D`: the quarter's decision for one meeting. Who it
    goes to is a person, resolved and checked by the service."""

    decision: AuditDecision
    missing: str | None = None
    plan: str | None = None
    quarter: str

    @field_validator("decision", mode="before")
    @classmethod
    def _decision(cls, value: object) -> str:
        return _choice(value, AuditDecision, "decision")

    @field_validator("missing", mode="before")
    @classmethod
    def _missing(cls, value: object) -> str | None:
        return _optional_text(value, "what is missing", "say what they lack to run it")

    @field_validator("plan", mode="before")
    @classmethod
    def _plan(cls, value: object) -> str | None:
        return _optional_text(value, "plan", "say how you will partner on it")

    @field_validator("quarter", mode="before")
    @classmethod
    def _quarter(cls, value: object) -> str:
        text = str(value or "").strip().upper()
        match = _QUARTER.match(text)
        if match is None or not 1900 <= int(match.group(1)) <= 2200:
            raise ValueError(f"quarter must look like 2026-Q4, got {quoted(str(value))}")
        return text


class VacationDraft(_Draft):
    """`vacation add START END`: a vacation, ending on or after it starts.

    The no-chiming-in pledge is taken unless it is declined: not chiming in is the point
    of the vacation ritual (delegate, then stay out of email and chat), so both front ends
    plan a vacation with it by default (`--chiming-in` on the command line declines it).
    """

    starts_on: date
    ends_on: date
    no_chiming_in: bool = True

    @field_validator("starts_on", "ends_on", mode="before")
    @classmethod
    def _day(cls, value: object, info: ValidationInfo) -> object:
        what = "start" if info.field_name == "starts_on" else "end"
        if value is None or (isinstance(value, str) and not value.strip()):
            raise ValueError(f"{what} is empty; give a day like 2027-07-05")
        return date_from_context(value, info, what, future=True)

    @model_validator(mode="after")
    def _order(self) -> VacationDraft:
        if self.ends_on < self.starts_on:
            raise ValueError(
                f"end {self.ends_on.isoformat()} is before start {self.starts_on.isoformat()}; "
                "a vacation ends on or after the day it starts"
            )
        if (self.ends_on - self.starts_on).days > 366:
            raise ValueError("a vacation longer than a year is not a vacation; check the dates")
        return self


class CoverDraft(_Draft):
    """`vacation cover START RESPONSIBILITY PERSON`: one responsibility handed over."""

    responsibility: str

    @field_validator("responsibility", mode="before")
    @classmethod
    def _responsibility(cls, value: object) -> str:
        return _text(value, "responsibility", "name what is handed over, e.g. hiring decisions")


class MilestoneDraft(_Draft):
    """`career PERSON --edit-milestone N --milestone TEXT`: a milestone's new words and
    target (None: no target)."""

    text: str
    target_on: date | None = None

    @field_validator("text", mode="before")
    @classmethod
    def _milestone(cls, value: object) -> str:
        return _text(value, "milestone", "write it in a few words")

    @field_validator("target_on", mode="before")
    @classmethod
    def _target(cls, value: object, info: ValidationInfo) -> object:
        return None if value is None else date_from_context(value, info, "target date", future=True)


# How a refusal names each career text. "alignment note": an energy day has a note too,
# and the command line words each field's refusal as its own flag.
_CAREER_TEXT = {
    "goal": "goal",
    "note": "alignment note",
    "milestone": "milestone",
    "test_run": "test run",
    "result": "result",
}


class CareerDraft(_Draft):
    """`career PERSON …`: the changes to a career plan, applied in the order listed."""

    goal: str | None = None
    aligned_up_on: date | None = None
    note: str | None = None
    milestone: str | None = None
    target_on: date | None = None
    met: int | None = None
    test_run: str | None = None
    test_run_on: date | None = None
    result: str | None = None
    status: CareerStatus | None = None

    @field_validator("goal", "note", "milestone", "test_run", "result", mode="before")
    @classmethod
    def _texts(cls, value: object, info: ValidationInfo) -> str | None:
        return _optional_text(value, _CAREER_TEXT[str(info.field_name)], "write it in a few words")

    @field_validator("aligned_up_on", mode="before")
    @classmethod
    def _aligned(cls, value: object, info: ValidationInfo) -> object:
        return None if value is None else date_from_context(value, info, "aligned-up date")

    @field_validator("target_on", "test_run_on", mode="before")
    @classmethod
    def _future_day(cls, value: object, info: ValidationInfo) -> object:
        what = "target date" if info.field_name == "target_on" else "test run date"
        return None if value is None else date_from_context(value, info, what, future=True)

    @field_validator("status", mode="before")
    @classmethod
    def _status(cls, value: object) -> object:
        # "career status": a gap has a status too.
        return None if value is None else _choice(value, CareerStatus, "career status")

    @model_validator(mode="after")
    def _pairs(self) -> CareerDraft:
        # InputError, not ValueError: a refusal raised here would name no field, and each
        # names the field the form marks and the command line words as its flag.
        if (self.aligned_up_on is None) != (self.note is None):
            raise InputError(
                "aligned-up date and alignment note go together: when, and what was agreed",
                field="aligned_up_on",
                words="aligned-up date",
                also={"note": "alignment note"},
            )
        if self.target_on is not None and self.milestone is None:
            raise InputError(
                "target date goes with a milestone: give the milestone",
                field="target_on",
                words="target date",
            )
        if self.test_run_on is not None and self.test_run is None:
            raise InputError(
                "test run date goes with a test run: say what it is",
                field="test_run_on",
                words="test run date",
            )
        if self.met is not None and self.met < 1:
            raise InputError(
                f"milestone number must be 1 or more, got {self.met}",
                field="met",
                words="milestone number",
            )
        return self

    @property
    def empty(self) -> bool:
        """Nothing to change: the command shows the plan."""
        return all(v is None for v in self.model_dump().values())


def draft_values(**values: Any) -> dict[str, Any]:
    """Typed values without the ones not given (None), for a draft with defaults."""
    return {k: v for k, v in values.items() if v is not None}


def audit_words(text: str) -> dict[str, str | None]:
    """One typed line of the audit walk-through: ``keep``, ``delegate Ana``,
    ``delegated Ana``, ``partner budget fluency; co-run two sessions`` or ``cancel``,
    as the decision and the words for who, what is missing and the plan."""
    decision, _, rest = text.strip().partition(" ")
    rest = rest.strip()
    word = decision.lower()
    if word in ("delegate", "delegated"):
        return {"decision": word, "to": rest or None, "missing": None, "plan": None}
    if word == "partner":
        missing, _, plan = rest.partition(";")
        return {
            "decision": word,
            "to": None,
            "missing": missing.strip() or None,
            "plan": plan.strip() or None,
        }
    return {"decision": decision, "to": rest or None, "missing": None, "plan": None}


def split_slash(text: str) -> tuple[str, str | None]:
    """``Hiring decisions / Ana`` as its two parts (the second None when not given)."""
    first, sep, second = text.partition(" / ")
    return first.strip(), (second.strip() or None) if sep else None
