"""Succession planning: records and pure rules, no I/O.

Succession is built years earlier, lightly, through a few habits (seed-catalog §1.4):
a focus area from what each report is missing to thrive in my role, in every review;
telling the CEO about the growth I see; one or two candidates who build a relationship
with the CEO; a quarterly audit of the recurring meetings I attend; a long vacation a
year with every responsibility handed over; and, for a report who wants my job, a
career path in the source's order. No 9-box: evidence and dates instead.

The checks (:func:`succession_checks`) take every record and ``today`` and return
warnings; nothing here reads a clock or a database.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from enum import StrEnum
from typing import NamedTuple

from leadtui.domain.dates import Half, Words, half_of
from leadtui.domain.people import Person, Relation
from leadtui.domain.privacy import Visibility
from leadtui.domain.text import literal, quoted
from leadtui.errors import InputError

# "Over a quarter": readiness goes stale and the CEO hears nothing for longer than this.
QUARTER_DAYS = 91
# The source's number of candidates: "the one or two with the best chance".
BENCH_AIM = 2
# "At most a handful" may be marked at all; more is refused, not only warned about.
BENCH_LIMIT = 5
# "Aim for two weeks": the long vacation a year, in calendar days.
VACATION_AIM_DAYS = 14
# A vacation this close needs every responsibility handed over.
COVER_DAYS = 28


class GapStatus(StrEnum):
    """Where a gap stands."""

    OPEN = "open"
    IMPROVING = "improving"
    CLOSED = "closed"


class Readiness(StrEnum):
    """How soon a candidate could step into my role."""

    NOW = "now"
    ONE_YEAR = "1y"
    TWO_YEARS = "2y"
    LATER = "later"


class MeetingKind(StrEnum):
    """What kind of recurring meeting; exec-only and board are hard to displace."""

    EXEC_ONLY = "exec-only"
    BOARD = "board"
    LEADERSHIP = "leadership"
    CROSS_FUNCTIONAL = "cross-functional"
    OTHER = "other"

    @property
    def hard_to_displace(self) -> bool:
        """The source's exception: "executive-only or board meetings"."""
        return self in (MeetingKind.EXEC_ONLY, MeetingKind.BOARD)


class MeetingRole(StrEnum):
    """My part in a recurring meeting."""

    ATTENDEE = "attendee"
    OWNER = "owner"
    HOST = "host"


class AuditDecision(StrEnum):
    """This quarter's answer to "can someone on my team run it?"."""

    KEEP = "keep"
    DELEGATE = "delegate"  # decided; the hand-over is still to happen
    DELEGATED = "delegated"  # they run it now
    PARTNER = "partner"  # not yet: partner with them on what is missing
    CANCEL = "cancel"

    @property
    def needs_delegate(self) -> bool:
        """Delegating names to whom."""
        return self in (AuditDecision.DELEGATE, AuditDecision.DELEGATED)


class CareerStatus(StrEnum):
    """The steps of a career path for a report who wants my job (001's order)."""

    ALIGNING_UP = "aligning-up"
    PARTNERING = "partnering"
    TEST_RUN = "test-run"
    ACHIEVED = "achieved"
    NOT_PARTNERING = "not-partnering"
    MANAGED_OUT = "managed-out"


# The source's order: align upwards first, then partner on a career path, then a test run
# once a milestone is met; manage out only someone who will not do the work. A test run
# that did not go well returns to partnering; someone not partnering may come back.
CAREER_NEXT: dict[CareerStatus, frozenset[CareerStatus]] = {
    CareerStatus.ALIGNING_UP: frozenset({CareerStatus.PARTNERING, CareerStatus.NOT_PARTNERING}),
    CareerStatus.PARTNERING: frozenset({CareerStatus.TEST_RUN, CareerStatus.NOT_PARTNERING}),
    CareerStatus.TEST_RUN: frozenset(
        {CareerStatus.ACHIEVED, CareerStatus.PARTNERING, CareerStatus.NOT_PARTNERING}
    ),
    CareerStatus.NOT_PARTNERING: frozenset({CareerStatus.PARTNERING, CareerStatus.MANAGED_OUT}),
    CareerStatus.ACHIEVED: frozenset(),
    CareerStatus.MANAGED_OUT: frozenset(),
}


# --- records ---------------------------------------------------------------------------


class Gap(NamedTuple):
    """What a report is missing to thrive in my role. ``number`` counts from 1 per person
    in the order gaps were noted (gaps are never deleted, so a number stays)."""

    id: int
    person_id: int
    number: int
    text: str
    status: GapStatus
    noted_on: date
    feedback_id: int | None
    point_id: int | None
    visibility: Visibility


class GapChange(NamedTuple):
    """A gap's status changed on a day."""

    gap_id: int
    changed_on: date
    status: GapStatus


class FocusArea(NamedTuple):
    """An area agreed with the person for a half; shared with them."""

    id: int
    person_id: int
    half: str
    text: str
    gap_id: int | None
    agreed_on: date

    @property
    def visibility(self) -> Visibility:
        """Shared: the focus area is agreed with the person."""
        return Visibility.SHARED


class Candidate(NamedTuple):
    """Someone who might succeed me, with readiness and when it was last looked at."""

    person_id: int
    readiness: Readiness
    pending: str | None  # "ready pending …"
    interim: bool  # who covers if I leave tomorrow
    reviewed_on: date
    designated_on: date


class CeoKind(StrEnum):
    """A CEO log entry: growth I raised, or an action building a candidate's relationship."""

    GROWTH = "growth"
    RELATIONSHIP = "relationship"


class CeoNote(NamedTuple):
    """A dated note in the CEO log."""

    id: int
    noted_on: date
    text: str
    person_id: int | None
    kind: CeoKind
    visibility: Visibility


class Meeting(NamedTuple):
    """A recurring meeting I attend."""

    id: int
    name: str
    cadence: str | None
    kind: MeetingKind
    role: MeetingRole
    active: bool


class Audit(NamedTuple):
    """One meeting's audit decision for one quarter."""

    id: int
    meeting_id: int
    quarter: str
    decision: AuditDecision
    delegate_id: int | None
    missing: str | None
    plan: str | None
    decided_on: date


class Cover(NamedTuple):
    """A responsibility handed over for a vacation, and to whom (None: nobody yet)."""

    id: int
    vacation_id: int
    responsibility: str
    person_id: int | None


class Vacation(NamedTuple):
    """A vacation, its pledge not to chime in, and what is handed over."""

    id: int
    starts_on: date
    ends_on: date
    no_chiming_in: bool
    covers: tuple[Cover, ...] = ()

    @property
    def days(self) -> int:
        """Calendar days away, both ends included."""
        return (self.ends_on - self.starts_on).days + 1

    def days_in(self, year: int) -> int:
        """The days of this vacation that fall in ``year``."""
        first = max(self.starts_on, date(year, 1, 1))
        last = min(self.ends_on, date(year, 12, 31))
        return max(0, (last - first).days + 1)

    @property
    def uncovered(self) -> list[Cover]:
        """Responsibilities with nobody to cover them."""
        return [c for c in self.covers if c.person_id is None]


class Milestone(NamedTuple):
    """A step on a career path, with a target and the day it was met."""

    id: int
    number: int
    text: str
    target_on: date | None
    met_on: date | None


class CareerPlan(NamedTuple):
    """A career path for a report who wants my job."""

    id: int
    person_id: int
    goal: str | None
    aligned_up_on: date | None
    aligned_up_note: str | None
    status: CareerStatus
    test_run: str | None
    test_run_on: date | None
    test_result: str | None
    milestones: tuple[Milestone, ...] = ()

    @property
    def met(self) -> list[Milestone]:
        """The milestones met so far."""
        return [m for m in self.milestones if m.met_on is not None]


def empty_plan(person_id: int) -> CareerPlan:
    """A career path not started yet (id 0): aligning up comes first."""
    return CareerPlan(0, person_id, None, None, None, CareerStatus.ALIGNING_UP, None, None, None)


# --- quarters --------------------------------------------------------------------------


def quarter_of(day: date) -> str:
    """The calendar quarter containing ``day``, e.g. ``2026-Q4``."""
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def quarter_start(label: str) -> date:
    """The first day of a quarter label already checked (``2026-Q4``)."""
    year, number = label.split("-Q")
    return date(int(year), 3 * int(number) - 2, 1)


# --- rules -----------------------------------------------------------------------------


def is_report(person: Person) -> bool:
    """An active direct report: the people succession is about."""
    return person.active and person.relation is Relation.REPORT


def check_report(person: Person, what: str) -> None:
    """Refuse ``what`` for someone who is not an active direct report."""
    if not person.active:
        raise InputError(
            f"{person.display_name} is archived; {what} is kept for active direct reports",
            field="person",
        )
    if person.relation is not Relation.REPORT:
        raise InputError(
            f"{person.display_name} is a {person.relation.value}, not a direct report; "
            f"{what} is kept for direct reports",
            field="person",
        )


def gap_numbered(gaps: Sequence[Gap], number: int, person: Person) -> Gap:
    """The person's gap ``number``, or a refusal listing the numbers there are."""
    found = next((g for g in gaps if g.number == number), None)
    if found is None:
        there = f"1–{len(gaps)}" if gaps else "none yet"
        raise InputError(
            f"{person.display_name} has no gap {number} (gaps: {there})",
            field="gap",
        )
    return found


def check_career_step(plan: CareerPlan, to: CareerStatus) -> None:
    """Refuse a status out of the source's order, or one whose condition is not met."""
    if to is plan.status:
        return
    allowed = CAREER_NEXT[plan.status]
    if to not in allowed:
        nexts = " or ".join(sorted(s.value for s in allowed)) or "nothing: it is settled"
        raise InputError(
            f"career status {to.value} cannot follow {plan.status.value}; next comes {nexts} "
            "(align up → partnering → test-run → achieved, or not-partnering → managed-out)",
            field="status",
            words="career status",
        )
    if to is CareerStatus.PARTNERING and plan.aligned_up_on is None:
        raise InputError(
            "career status partnering needs alignment with your manager first; "
            "record the aligned-up date and its note",
            field="status",
            words="career status",
        )
    if to is CareerStatus.TEST_RUN and not plan.met:
        raise InputError(
            "career status test-run comes once a milestone is met; mark one as met first",
            field="status",
            words="career status",
        )
    if to is CareerStatus.ACHIEVED and not plan.test_result:
        raise InputError(
            "career status achieved needs the test run's result; record the result first",
            field="status",
            words="career status",
        )


def check_audit(
    decision: AuditDecision, delegate: Person | None, missing: str | None, plan: str | None
) -> None:
    """A delegation names an active person; a partner decision says what is missing and
    the plan; the other decisions take neither."""
    if decision.needs_delegate:
        if delegate is None:
            raise InputError(
                f"who runs it is not named: a {decision.value} decision needs the person",
                field="to",
                words="who runs it",
            )
        if not delegate.active:
            raise InputError(
                f"who runs it must be on the team; {delegate.display_name} is archived",
                field="to",
                words="who runs it",
            )
    elif delegate is not None:
        raise InputError(
            f"who runs it goes with delegate or delegated, not {decision.value}",
            field="to",
            words="who runs it",
        )
    # Each names what is not given first, so the command line names that flag.
    if decision is AuditDecision.PARTNER and not missing:
        raise InputError(
            "what is missing is not given: a partner decision says what they lack to run "
            "it, and the plan",
            field="missing",
            words="what is missing",
        )
    if decision is AuditDecision.PARTNER and not plan:
        raise InputError(
            "plan is not given: a partner decision says how you will partner on it",
            field="plan",
        )


def check_vacation_overlap(vacations: Sequence[Vacation], starts: date, ends: date) -> None:
    """Refuse a vacation that overlaps one already planned."""
    for v in vacations:
        if v.starts_on <= ends and starts <= v.ends_on:
            raise InputError(
                f"overlaps the vacation {v.starts_on.isoformat()} to {v.ends_on.isoformat()}; "
                "change its dates or pick others",
                field="start",
            )


def vacation_starting(vacations: Sequence[Vacation], start: date) -> Vacation:
    """The vacation starting on ``start``, or a refusal listing the planned ones."""
    found = next((v for v in vacations if v.starts_on == start), None)
    if found is None:
        planned = ", ".join(v.starts_on.isoformat() for v in vacations[-3:]) or "none"
        raise InputError(
            f"no vacation starts on {start.isoformat()} (planned: {planned}); add it first",
            field="start",
        )
    return found


def meeting_named(meetings: Sequence[Meeting], name: str) -> Meeting:
    """A meeting by exact name (any case) or unique prefix."""
    folded = name.strip().casefold()
    if not folded:
        raise InputError("meeting name is empty; give its name", field="name")
    exact = [m for m in meetings if m.name.casefold() == folded]
    found = exact or [m for m in meetings if m.name.casefold().startswith(folded)]
    if len(found) == 1:
        return found[0]
    if not found:
        raise InputError(
            f"no meeting named {quoted(name)}; add it first",
            field="name",
        )
    listed = ", ".join(literal(m.name) for m in found[:5])
    raise InputError(f"{quoted(name)} matches {len(found)} meetings: {listed}; type more of it")


def cancelled_before(audits: Sequence[Audit], meeting_id: int, quarter: str) -> bool:
    """The meeting was cancelled in an audit of an earlier quarter: no longer audited."""
    return any(
        a.meeting_id == meeting_id and a.decision is AuditDecision.CANCEL and a.quarter < quarter
        for a in audits
    )


# --- checks ----------------------------------------------------------------------------


class CheckCode(StrEnum):
    """The checks, named for scripts (``succession show --json``)."""

    NO_FOCUS = "no-focus"
    NO_BENCH = "no-bench"
    BENCH_TOO_LONG = "bench-too-long"
    CANDIDATE_STALE = "candidate-stale"
    CANDIDATE_NO_CEO = "candidate-no-ceo"
    AUDIT_DUE = "audit-due"
    PARTNER_INCOMPLETE = "partner-incomplete"
    DELEGATE_ARCHIVED = "delegate-archived"
    NO_LONG_VACATION = "no-long-vacation"
    UNCOVERED = "uncovered"


class SuccessionWarning(NamedTuple):
    """One check that failed: its code, one line for a person, and whom it is about."""

    code: CheckCode
    words: Words
    person_id: int | None = None

    @property
    def text(self) -> str:
        """The line with ISO dates, for the shell, files and JSON."""
        return self.words.written()


class SuccessionRecords(NamedTuple):
    """Everything the checks read."""

    people: list[Person]  # everyone, archived included
    focus: list[FocusArea]
    candidates: list[Candidate]
    ceo_log: list[CeoNote]
    meetings: list[Meeting]
    audits: list[Audit]
    vacations: list[Vacation]


def succession_checks(
    records: SuccessionRecords, today: date, start_month: int = 1
) -> list[SuccessionWarning]:
    """Every check, in the order the screen shows them (see :class:`CheckCode`)."""
    half = half_of(today, start_month)
    by_id = {p.id: p for p in records.people}
    reports = [p for p in records.people if is_report(p)]
    warnings: list[SuccessionWarning] = []
    warnings += _focus_checks(records, reports, half)
    warnings += _bench_checks(records, by_id, reports, today)
    warnings += _audit_checks(records, by_id, today)
    warnings += _vacation_checks(records, today)
    return warnings


def _focus_checks(
    records: SuccessionRecords, reports: list[Person], half: Half
) -> list[SuccessionWarning]:
    with_focus = {f.person_id for f in records.focus if f.half == half.label}
    return [
        SuccessionWarning(
            CheckCode.NO_FOCUS,
            Words(f"{p.display_name} has no focus area for {half.label}"),
            p.id,
        )
        for p in reports
        if p.id not in with_focus
    ]


def bench(records: SuccessionRecords) -> list[Candidate]:
    """The candidates who are active direct reports (an archived one is off the bench)."""
    active = {p.id for p in records.people if is_report(p)}
    return [c for c in records.candidates if c.person_id in active]


def last_ceo_mention(ceo_log: Sequence[CeoNote], person_id: int) -> date | None:
    """The newest CEO log entry about a person."""
    days = [n.noted_on for n in ceo_log if n.person_id == person_id]
    return max(days) if days else None


def _bench_checks(
    records: SuccessionRecords, by_id: dict[int, Person], reports: list[Person], today: date
) -> list[SuccessionWarning]:
    warnings: list[SuccessionWarning] = []
    on_bench = bench(records)
    if reports and not on_bench:
        warnings.append(
            SuccessionWarning(
                CheckCode.NO_BENCH,
                Words("no bench: no report is marked as a possible successor"),
            )
        )
    if len(on_bench) > BENCH_AIM:
        warnings.append(
            SuccessionWarning(
                CheckCode.BENCH_TOO_LONG,
                Words(
                    f"{len(on_bench)} candidates; the source's number is one or two with the "
                    "best chance"
                ),
            )
        )
    for c in on_bench:
        name = by_id[c.person_id].display_name
        if (today - c.reviewed_on).days > QUARTER_DAYS:
            warnings.append(
                SuccessionWarning(
                    CheckCode.CANDIDATE_STALE,
                    Words(
                        f"{name}'s readiness was last reviewed ",
                        c.reviewed_on,
                        ", over a quarter ago",
                    ),
                    c.person_id,
                )
            )
        last = last_ceo_mention(records.ceo_log, c.person_id)
        if last is None or (today - last).days > QUARTER_DAYS:
            since: tuple[str | date, ...] = ("since ", last) if last else ("ever",)
            warnings.append(
                SuccessionWarning(
                    CheckCode.CANDIDATE_NO_CEO,
                    Words(
                        f"{name} has no CEO log entry ",
                        *since,
                        ": no growth raised, no relationship built this quarter",
                    ),
                    c.person_id,
                )
            )
    return warnings


def audited_meetings(records: SuccessionRecords, quarter: str) -> list[Meeting]:
    """The active meetings an audit of ``quarter`` walks (cancelled earlier: left out)."""
    return [
        m
        for m in records.meetings
        if m.active and not cancelled_before(records.audits, m.id, quarter)
    ]


def _audit_checks(
    records: SuccessionRecords, by_id: dict[int, Person], today: date
) -> list[SuccessionWarning]:
    quarter = quarter_of(today)
    warnings: list[SuccessionWarning] = []
    walked = audited_meetings(records, quarter)
    this = {a.meeting_id: a for a in records.audits if a.quarter == quarter}
    missing = [m for m in walked if m.id not in this]
    if missing:
        names = ", ".join(literal(m.name) for m in missing[:3])
        more = f" and {len(missing) - 3} more" if len(missing) > 3 else ""
        warnings.append(
            SuccessionWarning(
                CheckCode.AUDIT_DUE,
                Words(f"the {quarter} meeting audit is not done: {names}{more}"),
            )
        )
    titles = {m.id: m.name for m in records.meetings}
    for audit in this.values():
        meeting = literal(titles.get(audit.meeting_id, "?"))
        if audit.decision is AuditDecision.PARTNER and not (audit.missing and audit.plan):
            warnings.append(
                SuccessionWarning(
                    CheckCode.PARTNER_INCOMPLETE,
                    Words(f"{meeting}: partner decision without what is missing and the plan"),
                )
            )
        delegate = by_id.get(audit.delegate_id) if audit.delegate_id is not None else None
        if delegate is not None and not delegate.active:
            warnings.append(
                SuccessionWarning(
                    CheckCode.DELEGATE_ARCHIVED,
                    Words(f"{meeting} is delegated to {delegate.display_name}, who is archived"),
                    delegate.id,
                )
            )
    return warnings


def _vacation_checks(records: SuccessionRecords, today: date) -> list[SuccessionWarning]:
    warnings: list[SuccessionWarning] = []
    year = today.year
    if not any(v.days >= VACATION_AIM_DAYS and v.days_in(year) for v in records.vacations):
        warnings.append(
            SuccessionWarning(
                CheckCode.NO_LONG_VACATION,
                Words(
                    f"no vacation of {VACATION_AIM_DAYS} days or more planned or taken in {year}"
                ),
            )
        )
    soon = today + timedelta(days=COVER_DAYS)
    for v in records.vacations:
        if not today <= v.starts_on <= soon:
            continue
        if not v.covers:
            text = "nothing handed over yet"
        elif v.uncovered:
            text = "no delegate for " + ", ".join(literal(c.responsibility) for c in v.uncovered)
        else:
            continue
        warnings.append(
            SuccessionWarning(
                CheckCode.UNCOVERED, Words("vacation from ", v.starts_on, f": {text}")
            )
        )
    return warnings


def vacation_days_in(vacations: Sequence[Vacation], year: int) -> int:
    """Days away in ``year``, planned and taken."""
    return sum(v.days_in(year) for v in vacations)
