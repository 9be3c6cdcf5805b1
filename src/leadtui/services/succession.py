"""Succession use cases: gaps, focus areas, the bench, the CEO log, the meeting audit,
vacations and their cover, career paths, and the checks over all of them.

Both front ends call these and nothing below them. Each write checks its rules
(domain.succession: who succession is about, the bench limit, the audit's needs, the
career path's order) inside one transaction and returns a typed result with what to
tell the user; the repositories only read and write rows.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from leadtui.domain.dates import Half, half_of
from leadtui.domain.people import Person
from leadtui.domain.succession import (
    BENCH_AIM,
    BENCH_LIMIT,
    VACATION_AIM_DAYS,
    Audit,
    Candidate,
    CareerPlan,
    CareerStatus,
    CeoNote,
    CheckCode,
    Cover,
    FocusArea,
    Gap,
    GapChange,
    GapStatus,
    Meeting,
    Milestone,
    SuccessionRecords,
    SuccessionWarning,
    Vacation,
    audited_meetings,
    bench,
    check_audit,
    check_career_step,
    check_report,
    check_vacation_overlap,
    empty_plan,
    gap_numbered,
    is_report,
    last_ceo_mention,
    meeting_named,
    quarter_of,
    succession_checks,
    vacation_days_in,
    vacation_starting,
)
from leadtui.domain.text import literal, plural, quoted
from leadtui.errors import InputError, NotFoundError
from leadtui.services.people import archived_notice, get_person, list_people
from leadtui.store.database import write_transaction
from leadtui.store.succession import (
    CareerRepository,
    MeetingRepository,
    SuccessionRepository,
    VacationRepository,
)

if TYPE_CHECKING:
    from leadtui.domain.succession_input import (
        AuditDraft,
        CandidateDraft,
        CareerDraft,
        CeoDraft,
        CoverDraft,
        FocusDraft,
        GapDraft,
        GapStatusDraft,
        MeetingDraft,
        MilestoneDraft,
        VacationDraft,
    )
    from leadtui.store.database import Store


class Removed(NamedTuple):
    """What a removal took away, in one line for the user."""

    what: str


# --- gaps ----------------------------------------------------------------------------


class GapResult(NamedTuple):
    """A gap after a change."""

    gap: Gap
    notice: str | None = None


def _check_evidence(
    store: Store, person: Person, feedback_id: int | None, point_id: int | None
) -> None:
    """Evidence is feedback or a 1:1 point about the same person."""
    from leadtui.store.oneonones import OneOnOneRepository
    from leadtui.store.reviews import FeedbackRepository

    if feedback_id is not None and point_id is not None:
        raise InputError(
            "feedback or 1:1 point: a gap's evidence is one of them, not both",
            field="evidence",
            also={"feedback": "feedback", "point": "1:1 point"},
        )
    try:
        if feedback_id is not None:
            entry = FeedbackRepository(store).get(feedback_id)
            if entry.person_id != person.id:
                raise NotFoundError(f"feedback {feedback_id} is not about {person.display_name}")
        if point_id is not None:
            oo = OneOnOneRepository(store)
            point = oo.point(point_id)
            series = oo.series_for(person.id)
            if series is None or point.series_id != series.id:
                raise NotFoundError(
                    f"talking point {point_id} is not in {person.display_name}'s 1:1s"
                )
    except NotFoundError as exc:
        raise InputError(exc.message, field="evidence") from None


def add_gap(
    store: Store,
    person: Person,
    draft: GapDraft,
    today: date,
    *,
    feedback_id: int | None = None,
    point_id: int | None = None,
) -> GapResult:
    """Note what a direct report is missing to thrive in my role, optionally with the
    feedback entry or 1:1 point that shows it."""
    repo = SuccessionRepository(store)
    with write_transaction(store):
        check_report(get_person(store, person.id), "a gap")
        _check_evidence(store, person, feedback_id, point_id)
        gap_id = repo.add_gap(person.id, draft.text, today, draft.visibility, feedback_id, point_id)
    gap = next(g for g in repo.gaps(person.id) if g.id == gap_id)
    return GapResult(gap)


def set_gap_status(store: Store, person: Person, number: int, draft: GapStatusDraft) -> GapResult:
    """Move gap ``number`` to a new status, dated; the same status again is a no-op."""
    repo = SuccessionRepository(store)
    with write_transaction(store):
        gap = gap_numbered(repo.gaps(person.id), number, person)
        if gap.status is draft.status:
            return GapResult(gap, f"gap {number} is already {gap.status.value}")
        if draft.day < gap.noted_on:
            raise InputError(
                f"date {draft.day.isoformat()} is before gap {number} was noted "
                f"({gap.noted_on.isoformat()}); give that day or a later one",
                field="day",
            )
        repo.set_gap_status(gap.id, draft.status, draft.day)
    changed = next(g for g in repo.gaps(person.id) if g.id == gap.id)
    return GapResult(changed, archived_notice(get_person(store, person.id)))


def edit_gap(store: Store, person: Person, number: int, draft: GapDraft) -> GapResult:
    """Put right the words (and who may read them) of the person's gap ``number``; its
    status and history stay."""
    repo = SuccessionRepository(store)
    with write_transaction(store):
        gap = gap_numbered(repo.gaps(person.id), number, person)
        repo.update_gap(gap.id, draft.text, draft.visibility)
    changed = next(g for g in repo.gaps(person.id) if g.id == gap.id)
    return GapResult(changed)


def remove_gap(store: Store, person: Person, number: int) -> Removed:
    """Remove the person's gap ``number`` with its dated changes (a focus area taken
    from it keeps its words). The gaps after it move up a number."""
    repo = SuccessionRepository(store)
    with write_transaction(store):
        gap = gap_numbered(repo.gaps(person.id), number, person)
        repo.delete_gap(gap.id)
    return Removed(f"gap {number} for {person.display_name}: {literal(gap.text)}")


# --- focus areas ---------------------------------------------------------------------


class FocusResult(NamedTuple):
    """A focus area agreed, and what to tell the user."""

    focus: FocusArea
    notice: str | None = None


def add_focus(
    store: Store,
    person: Person,
    today: date,
    *,
    half: Half,
    draft: FocusDraft | None = None,
    gap_number: int | None = None,
) -> FocusResult:
    """Agree a focus area with a direct report for ``half``: the words given, or the
    words of their gap ``gap_number`` (a closed gap is taken with a notice)."""
    if draft is None and gap_number is None:
        raise InputError("a focus area needs its words or a gap's", field="text")
    repo = SuccessionRepository(store)
    notice = None
    with write_transaction(store):
        check_report(get_person(store, person.id), "a focus area")
        gap = None
        if gap_number is not None:
            gap = gap_numbered(repo.gaps(person.id), gap_number, person)
            if gap.status is GapStatus.CLOSED:
                notice = f"gap {gap_number} is closed; focusing on it all the same"
        text = draft.text if draft is not None else gap.text if gap else ""
        focus_id = repo.add_focus(person.id, half.label, text, gap.id if gap else None, today)
    focus = next(f for f in repo.focus(half.label, person.id) if f.id == focus_id)
    return FocusResult(focus, notice)


# --- focus areas: a T3B3 Bottom item as the focus -------------------------------------


def focus_half(t3b3_half: Half, today: date, start_month: int = 1) -> Half:
    """The half a focus taken from ``t3b3_half``'s Bottom items is for: the half running
    today, but never one before the review's own half (a review planned ahead keeps its
    focus with it)."""
    running = half_of(today, start_month)
    return max(running, t3b3_half)


def focus_on_bottom(
    store: Store,
    person: Person,
    half: Half,
    rank: int,
    *,
    today: date,
    start_month: int = 1,
    for_half: Half | None = None,
) -> FocusResult:
    """Make Bottom item ``rank`` of ``half``'s T3B3 the person's succession focus, in one
    step. "In performance reviews, think about what your direct reports are missing to
    thrive in your role, and give them at least one of those areas to focus on in each
    review." The item's words are agreed as :func:`add_focus` agrees any focus (its
    rules, once), for ``for_half`` or :func:`focus_half`."""
    from leadtui.domain.reviews import T3B3Side, item_at
    from leadtui.domain.succession_input import FocusDraft
    from leadtui.store.reviews import T3B3Repository

    t3b3 = T3B3Repository(store).get(person.id, half.label)
    if t3b3.text_removed:
        raise InputError(
            f"the {half.label} T3B3's words were removed on delivery; write the focus "
            "with `succession focus PERSON TEXT`"
        )
    item = item_at(t3b3, T3B3Side.BOTTOM, rank)
    target = for_half if for_half is not None else focus_half(half, today, start_month)
    return add_focus(store, person, today, half=target, draft=FocusDraft(text=item.text))


def _focus_with_id(repo: SuccessionRepository, focus_id: int) -> FocusArea:
    found = next((f for f in repo.focus() if f.id == focus_id), None)
    if found is None:
        raise InputError(
            f"no focus area has id {focus_id}; `leadtui succession show --json` lists them",
            field="focus",
        )
    return found


def edit_focus(store: Store, focus_id: int, draft: FocusDraft) -> FocusResult:
    """Put right a focus area's words (its half and the day agreed stay)."""
    repo = SuccessionRepository(store)
    with write_transaction(store):
        _focus_with_id(repo, focus_id)
        repo.update_focus(focus_id, draft.text)
    return FocusResult(_focus_with_id(repo, focus_id))


def remove_focus(store: Store, focus_id: int) -> Removed:
    """Remove a focus area."""
    repo = SuccessionRepository(store)
    with write_transaction(store):
        focus = _focus_with_id(repo, focus_id)
        repo.delete_focus(focus_id)
    who = get_person(store, focus.person_id).display_name
    return Removed(f"focus area {focus.half} for {who}: {literal(focus.text)}")


# --- the bench -----------------------------------------------------------------------


class CandidateResult(NamedTuple):
    """A candidacy after a change (None when cleared), and what to tell the user."""

    candidate: Candidate | None
    notice: str | None = None


def set_candidate(
    store: Store, person: Person, draft: CandidateDraft, today: date
) -> CandidateResult:
    """Mark or update a candidate; setting it counts as reviewing their readiness today.
    A new candidate needs a readiness; more than a handful is refused, more than two is
    allowed with a notice; the interim flag moves to this person from anyone else."""
    repo = SuccessionRepository(store)
    notices: list[str] = []
    with write_transaction(store):
        check_report(get_person(store, person.id), "candidacy")
        current = {c.person_id: c for c in repo.candidates()}
        mine = current.get(person.id)
        if mine is None:
            if draft.readiness is None:
                raise InputError(
                    f"readiness is needed: {person.display_name} is not a candidate yet; "
                    "give now | 1y | 2y | later",
                    field="readiness",
                )
            active = {p.id for p in list_people(store) if is_report(p)}
            others = [c for c in current.values() if c.person_id in active]
            if len(others) >= BENCH_LIMIT:
                raise InputError(
                    f"{len(others)} candidates already; the bench is one or two people with the "
                    "best chance, so take one off it first",
                    field="person",
                )
            if len(others) + 1 > BENCH_AIM:
                notices.append(
                    f"{len(others) + 1} candidates now; the source's number is one or two"
                )
        candidate = Candidate(
            person.id,
            draft.readiness or (mine.readiness if mine else draft.readiness),  # type: ignore[arg-type]
            # "" takes the condition off; None keeps what is stored.
            (draft.pending if draft.pending is not None else (mine.pending if mine else None))
            or None,
            draft.interim if draft.interim is not None else (mine.interim if mine else False),
            today,
            mine.designated_on if mine else today,
        )
        if draft.interim:
            moved = [c for c in current.values() if c.interim and c.person_id != person.id]
            for c in moved:
                notices.append(f"interim moved from {get_person(store, c.person_id).display_name}")
            repo.clear_interim(person.id)
        repo.save_candidate(candidate)
    return CandidateResult(candidate, "; ".join(notices) or None)


def clear_candidate(store: Store, person: Person) -> CandidateResult:
    """Take a person off the bench; someone who was not on it is refused."""
    repo = SuccessionRepository(store)
    with write_transaction(store):
        if all(c.person_id != person.id for c in repo.candidates()):
            raise InputError(f"{person.display_name} is not a candidate", field="person")
        repo.remove_candidate(person.id)
    return CandidateResult(None)


# --- the CEO log ---------------------------------------------------------------------


class CeoResult(NamedTuple):
    """A CEO log entry written, and what to tell the user."""

    note: CeoNote
    notice: str | None = None


def add_ceo_note(store: Store, draft: CeoDraft, person: Person | None = None) -> CeoResult:
    """Log growth raised with my manager (or a relationship action), about someone or not."""
    repo = SuccessionRepository(store)
    with write_transaction(store):
        note_id = repo.add_ceo_note(
            draft.day, draft.text, person.id if person else None, draft.kind, draft.visibility
        )
    note = next(n for n in repo.ceo_log() if n.id == note_id)
    notice = archived_notice(get_person(store, person.id)) if person else None
    return CeoResult(note, notice)


def ceo_note(store: Store, note_id: int) -> CeoNote:
    """The CEO log entry ``note_id``, or a refusal saying where the ids are."""
    found = next((n for n in SuccessionRepository(store).ceo_log() if n.id == note_id), None)
    if found is None:
        raise InputError(
            f"no CEO log entry has id {note_id}; `leadtui succession show --json` lists them",
            field="id",
        )
    return found


def edit_ceo_note(store: Store, note_id: int, draft: CeoDraft) -> CeoResult:
    """Put right a CEO log entry: its day, words, kind and visibility as the draft has
    them (whom it is about stays)."""
    repo = SuccessionRepository(store)
    with write_transaction(store):
        note = ceo_note(store, note_id)
        repo.update_ceo_note(
            note._replace(
                noted_on=draft.day, text=draft.text, kind=draft.kind, visibility=draft.visibility
            )
        )
    return CeoResult(ceo_note(store, note_id))


def remove_ceo_note(store: Store, note_id: int) -> Removed:
    """Remove a CEO log entry."""
    repo = SuccessionRepository(store)
    with write_transaction(store):
        note = ceo_note(store, note_id)
        repo.delete_ceo_note(note_id)
    about = f" about {get_person(store, note.person_id).display_name}" if note.person_id else ""
    return Removed(
        f"CEO log entry {note.id} of {note.noted_on.isoformat()}{about}: {literal(note.text)}"
    )


# --- meetings ------------------------------------------------------------------------


def list_meetings(store: Store) -> list[Meeting]:
    """Every recurring meeting, active first."""
    return MeetingRepository(store).meetings()


def add_meeting(store: Store, draft: MeetingDraft) -> Meeting:
    """Add a recurring meeting; a name taken by an active meeting is refused."""
    repo = MeetingRepository(store)
    with write_transaction(store):
        folded = draft.name.casefold()
        if any(m.active and m.name.casefold() == folded for m in repo.meetings()):
            raise InputError(f"a meeting named {quoted(draft.name)} exists already", field="name")
        meeting_id = repo.add(draft.name, draft.cadence, draft.kind, draft.role)
    return next(m for m in repo.meetings() if m.id == meeting_id)


def edit_meeting(store: Store, name: str, draft: MeetingDraft) -> Meeting:
    """Put right a meeting's name, cadence, kind and my role (its audits stay); a name
    another active meeting has is refused."""
    repo = MeetingRepository(store)
    with write_transaction(store):
        active = [m for m in repo.meetings() if m.active]
        meeting = meeting_named(active, name)
        folded = draft.name.casefold()
        if any(m.id != meeting.id and m.name.casefold() == folded for m in active):
            raise InputError(f"a meeting named {quoted(draft.name)} exists already", field="name")
        repo.update(
            meeting._replace(
                name=draft.name, cadence=draft.cadence, kind=draft.kind, role=draft.role
            )
        )
    return next(m for m in repo.meetings() if m.id == meeting.id)


def remove_meeting(store: Store, name: str) -> Removed:
    """Remove a recurring meeting and every audit decision taken on it."""
    repo = MeetingRepository(store)
    with write_transaction(store):
        meeting = meeting_named([m for m in repo.meetings() if m.active], name)
        decisions = sum(1 for a in repo.audits() if a.meeting_id == meeting.id)
        repo.delete(meeting.id)
    also = f" and its {plural(decisions, 'audit decision')}" if decisions else ""
    return Removed(f"meeting {literal(meeting.name)}{also}")


def clear_audit(store: Store, name: str, quarter: str) -> Removed:
    """Remove a meeting's decision for ``quarter``: it is to audit again."""
    repo = MeetingRepository(store)
    with write_transaction(store):
        meeting = meeting_named([m for m in repo.meetings() if m.active], name)
        audit = next(
            (a for a in repo.audits() if a.meeting_id == meeting.id and a.quarter == quarter),
            None,
        )
        if audit is None:
            raise InputError(
                f"{literal(meeting.name)} has no decision for {quarter}; nothing to remove",
                field="quarter",
            )
        repo.delete_audit(audit.id)
    return Removed(f"{literal(meeting.name)}, {quarter}: {audit.decision.value}")


class AuditResult(NamedTuple):
    """A meeting's decision for a quarter, and what to tell the user."""

    meeting: Meeting
    audit: Audit
    notice: str | None = None


def audit_meeting(
    store: Store, name: str, draft: AuditDraft, today: date, delegate: Person | None = None
) -> AuditResult:
    """Record the quarter's decision for one meeting (a second one replaces the first)."""
    repo = MeetingRepository(store)
    with write_transaction(store):
        meeting = meeting_named([m for m in repo.meetings() if m.active], name)
        # As stored now: a screen may hold a Person read before they were archived.
        delegate = get_person(store, delegate.id) if delegate else None
        check_audit(draft.decision, delegate, draft.missing, draft.plan)
        audit = Audit(
            0,
            meeting.id,
            draft.quarter,
            draft.decision,
            delegate.id if delegate else None,
            draft.missing,
            draft.plan,
            today,
        )
        repo.save_audit(audit)
    saved = next(
        a for a in repo.audits() if a.meeting_id == meeting.id and a.quarter == draft.quarter
    )
    notice = None
    if meeting.kind.hard_to_displace and draft.decision.needs_delegate:
        notice = f"{meeting.kind.value} meetings are hard to displace yourself from; noted"
    return AuditResult(meeting, saved, notice)


# --- vacations -----------------------------------------------------------------------


def list_vacations(store: Store) -> list[Vacation]:
    """Every vacation with its cover, by start."""
    return VacationRepository(store).vacations()


class VacationResult(NamedTuple):
    """A vacation after a change, and what to tell the user."""

    vacation: Vacation
    notice: str | None = None


def add_vacation(store: Store, draft: VacationDraft) -> VacationResult:
    """Plan a vacation; one overlapping another is refused. Shorter than the aim is
    allowed with a notice."""
    repo = VacationRepository(store)
    with write_transaction(store):
        check_vacation_overlap(repo.vacations(), draft.starts_on, draft.ends_on)
        vacation_id = repo.add(draft.starts_on, draft.ends_on, draft.no_chiming_in)
    vacation = next(v for v in repo.vacations() if v.id == vacation_id)
    notice = None
    if vacation.days < VACATION_AIM_DAYS:
        notice = (
            f"{plural(vacation.days, 'day')}; the aim is a long vacation of {VACATION_AIM_DAYS}"
        )
    return VacationResult(vacation, notice)


def _active_delegate(store: Store, person: Person | None) -> Person | None:
    """The delegate of a hand-over as stored now; an archived one is refused."""
    found = get_person(store, person.id) if person else None
    if found is not None and not found.active:
        raise InputError(
            f"{found.display_name} is archived; hand it to someone on the team", field="person"
        )
    return found


def cover_vacation(
    store: Store, start: date, draft: CoverDraft, person: Person | None
) -> VacationResult:
    """Hand a responsibility to ``person`` for the vacation starting on ``start`` (None:
    listed, nobody yet); the same responsibility again changes its delegate."""
    repo = VacationRepository(store)
    with write_transaction(store):
        vacation = vacation_starting(repo.vacations(), start)
        person = _active_delegate(store, person)
        repo.save_cover(vacation.id, draft.responsibility, person.id if person else None)
    return VacationResult(vacation_starting(repo.vacations(), start))


def edit_vacation(store: Store, start: date, draft: VacationDraft) -> VacationResult:
    """Put right the days (and the pledge) of the vacation starting on ``start``; what
    is handed over stays with it. Overlapping another one is refused."""
    repo = VacationRepository(store)
    with write_transaction(store):
        vacation = vacation_starting(repo.vacations(), start)
        others = [v for v in repo.vacations() if v.id != vacation.id]
        check_vacation_overlap(others, draft.starts_on, draft.ends_on)
        repo.update(vacation.id, draft.starts_on, draft.ends_on, draft.no_chiming_in)
    changed = next(v for v in repo.vacations() if v.id == vacation.id)
    notice = None
    if changed.days < VACATION_AIM_DAYS:
        notice = f"{plural(changed.days, 'day')}; the aim is a long vacation of {VACATION_AIM_DAYS}"
    return VacationResult(changed, notice)


def remove_vacation(store: Store, start: date) -> Removed:
    """Remove the vacation starting on ``start`` and everything handed over for it."""
    repo = VacationRepository(store)
    with write_transaction(store):
        vacation = vacation_starting(repo.vacations(), start)
        repo.delete(vacation.id)
    handed = len(vacation.covers)
    also = f" and its {plural(handed, 'hand-over')}" if handed else ""
    return Removed(
        f"vacation {vacation.starts_on.isoformat()} to {vacation.ends_on.isoformat()}{also}"
    )


def _cover_named(vacation: Vacation, responsibility: str) -> Cover:
    folded = responsibility.strip().casefold()
    found = next((c for c in vacation.covers if c.responsibility.casefold() == folded), None)
    if found is None:
        there = ", ".join(quoted(c.responsibility) for c in vacation.covers) or "none yet"
        raise InputError(
            f"nothing called {quoted(responsibility)} is handed over for the vacation from "
            f"{vacation.starts_on.isoformat()} (handed over: {there})",
            field="responsibility",
        )
    return found


def edit_cover(
    store: Store, start: date, responsibility: str, draft: CoverDraft, person: Person | None
) -> VacationResult:
    """Put right one hand-over of the vacation starting on ``start``: its words and who
    covers it (None: nobody yet)."""
    repo = VacationRepository(store)
    with write_transaction(store):
        vacation = vacation_starting(repo.vacations(), start)
        cover = _cover_named(vacation, responsibility)
        folded = draft.responsibility.casefold()
        if any(c.id != cover.id and c.responsibility.casefold() == folded for c in vacation.covers):
            raise InputError(
                f"{quoted(draft.responsibility)} is handed over already for this vacation",
                field="responsibility",
            )
        person = _active_delegate(store, person)
        repo.update_cover(cover.id, draft.responsibility, person.id if person else None)
    return VacationResult(vacation_starting(repo.vacations(), start))


def remove_cover(store: Store, start: date, responsibility: str) -> Removed:
    """Remove one hand-over of the vacation starting on ``start``."""
    repo = VacationRepository(store)
    with write_transaction(store):
        vacation = vacation_starting(repo.vacations(), start)
        cover = _cover_named(vacation, responsibility)
        repo.delete_cover(cover.id)
    return Removed(
        f"hand-over {literal(cover.responsibility)} for the vacation from "
        f"{vacation.starts_on.isoformat()}"
    )


# --- career paths --------------------------------------------------------------------


class CareerResult(NamedTuple):
    """A career plan after a change."""

    plan: CareerPlan
    notice: str | None = None


def career_plan(store: Store, person: Person) -> CareerPlan:
    """The person's career plan, or an empty one (id 0) not started yet."""
    return CareerRepository(store).plan_for(person.id) or empty_plan(person.id)


def update_career(store: Store, person: Person, draft: CareerDraft, today: date) -> CareerResult:
    """Apply the draft's changes in order (goal, aligned up, milestone, met, test run,
    result, status) in one transaction: a status out of order writes nothing."""
    repo = CareerRepository(store)
    with write_transaction(store):
        check_report(get_person(store, person.id), "a career path")
        plan = repo.plan_for(person.id) or empty_plan(person.id)
        plan = plan._replace(
            goal=draft.goal if draft.goal is not None else plan.goal,
            aligned_up_on=draft.aligned_up_on or plan.aligned_up_on,
            aligned_up_note=draft.note if draft.note is not None else plan.aligned_up_note,
            test_run=draft.test_run if draft.test_run is not None else plan.test_run,
            test_run_on=draft.test_run_on or plan.test_run_on,
            test_result=draft.result if draft.result is not None else plan.test_result,
        )
        plan = repo.save_plan(plan)
        if draft.milestone is not None:
            repo.add_milestone(plan.id, draft.milestone, draft.target_on)
        if draft.met is not None:
            stored = repo.plan_for(person.id) or plan
            found = next((m for m in stored.milestones if m.number == draft.met), None)
            if found is None:
                there = f"1–{len(stored.milestones)}" if stored.milestones else "none yet"
                raise InputError(
                    f"milestone number {draft.met} is not on the path (milestones: {there}); "
                    "add the milestone first",
                    field="met",
                    words="milestone number",
                )
            repo.set_met(found.id, today)
        plan = repo.plan_for(person.id) or plan
        if draft.status is not None:
            check_career_step(plan, draft.status)
            plan = repo.save_plan(plan._replace(status=draft.status))
    notice = None
    if plan.status is CareerStatus.MANAGED_OUT:
        notice = "managed out: archive them in People when they leave"
    return CareerResult(plan, notice)


def _milestone(store: Store, person: Person, number: int) -> Milestone:
    plan = CareerRepository(store).plan_for(person.id)
    milestones = plan.milestones if plan else ()
    found = next((m for m in milestones if m.number == number), None)
    if found is None:
        there = f"1–{len(milestones)}" if milestones else "none yet"
        raise InputError(
            f"milestone number {number} is not on {person.display_name}'s path "
            f"(milestones: {there})",
            field="milestone",
        )
    return found


def edit_milestone(
    store: Store, person: Person, number: int, draft: MilestoneDraft
) -> CareerResult:
    """Put right milestone ``number``'s words and target (the day it was met stays)."""
    repo = CareerRepository(store)
    with write_transaction(store):
        found = _milestone(store, person, number)
        repo.update_milestone(found.id, draft.text, draft.target_on)
    return CareerResult(career_plan(store, person))


def remove_milestone(store: Store, person: Person, number: int) -> Removed:
    """Remove milestone ``number`` from the person's path; the ones after move up."""
    repo = CareerRepository(store)
    with write_transaction(store):
        found = _milestone(store, person, number)
        repo.delete_milestone(found.id)
    return Removed(f"milestone {number} of {person.display_name}'s path: {literal(found.text)}")


def remove_career_plan(store: Store, person: Person) -> Removed:
    """Remove the person's career path: its goal, steps and milestones."""
    repo = CareerRepository(store)
    with write_transaction(store):
        plan = repo.plan_for(person.id)
        if plan is None:
            raise InputError(f"{person.display_name} has no career path", field="person")
        repo.delete_plan(plan.id)
    milestones = len(plan.milestones)
    also = f" and its {plural(milestones, 'milestone')}" if milestones else ""
    return Removed(f"{person.display_name}'s career path ({plan.status.value}){also}")


# --- reading it all ------------------------------------------------------------------


class PersonSuccession(NamedTuple):
    """One report's succession record."""

    person: Person
    gaps: list[Gap]
    changes: list[GapChange]
    focus: list[FocusArea]  # this half's (the overview) or the packet's half
    candidate: Candidate | None
    last_ceo: date | None
    plan: CareerPlan | None

    @property
    def open_gaps(self) -> list[Gap]:
        """Gaps still open or improving."""
        return [g for g in self.gaps if g.status is not GapStatus.CLOSED]


class SuccessionOverview(NamedTuple):
    """Everything the Succession screen, `succession show` and the upward brief read."""

    today: date
    half: Half
    quarter: str
    rows: list[PersonSuccession]  # active direct reports, by name
    people: dict[int, Person]  # everyone, archived included, by id
    warnings: list[SuccessionWarning]
    ceo_log: list[CeoNote]
    meetings: list[Meeting]  # the active ones the audit walks this quarter
    audits: dict[int, Audit]  # this quarter's, by meeting id
    vacations: list[Vacation]
    days_this_year: int

    def row(self, person_id: int) -> PersonSuccession | None:
        """The report's row, if they are one."""
        return next((r for r in self.rows if r.person.id == person_id), None)

    @property
    def bench(self) -> list[PersonSuccession]:
        """The candidates' rows, readiest first."""
        order = ["now", "1y", "2y", "later"]
        on = [r for r in self.rows if r.candidate is not None]
        return sorted(on, key=lambda r: order.index(r.candidate.readiness.value))  # type: ignore[union-attr]


def _records(store: Store, people: list[Person]) -> SuccessionRecords:
    repo = SuccessionRepository(store)
    meetings = MeetingRepository(store)
    return SuccessionRecords(
        people,
        repo.focus(),
        repo.candidates(),
        repo.ceo_log(),
        meetings.meetings(),
        meetings.audits(),
        VacationRepository(store).vacations(),
    )


def succession_overview(store: Store, today: date, start_month: int = 1) -> SuccessionOverview:
    """The bench, this half's focus, the CEO log, this quarter's audit, the vacations and
    every check, as of ``today``."""
    people = list_people(store, include_archived=True)
    records = _records(store, people)
    half = half_of(today, start_month)
    quarter = quarter_of(today)
    repo = SuccessionRepository(store)
    gaps = repo.gaps()
    changes = repo.gap_changes([g.id for g in gaps])
    plans = {p.person_id: p for p in CareerRepository(store).plans()}
    candidates = {c.person_id: c for c in bench(records)}
    rows = []
    for person in sorted((p for p in people if is_report(p)), key=lambda p: p.name.casefold()):
        mine = [g for g in gaps if g.person_id == person.id]
        ids = {g.id for g in mine}
        rows.append(
            PersonSuccession(
                person,
                mine,
                [c for c in changes if c.gap_id in ids],
                [f for f in records.focus if f.person_id == person.id and f.half == half.label],
                candidates.get(person.id),
                last_ceo_mention(records.ceo_log, person.id),
                plans.get(person.id),
            )
        )
    return SuccessionOverview(
        today,
        half,
        quarter,
        rows,
        {p.id: p for p in people},
        succession_checks(records, today, start_month),
        records.ceo_log,
        audited_meetings(records, quarter),
        {a.meeting_id: a for a in records.audits if a.quarter == quarter},
        records.vacations,
        vacation_days_in(records.vacations, today.year),
    )


def person_succession(store: Store, person: Person, half: Half) -> PersonSuccession:
    """One person's succession record with the focus areas of ``half`` (the review
    packet's section)."""
    repo = SuccessionRepository(store)
    gaps = repo.gaps(person.id)
    candidate = next((c for c in repo.candidates() if c.person_id == person.id), None)
    return PersonSuccession(
        person,
        gaps,
        repo.gap_changes([g.id for g in gaps]),
        repo.focus(half.label, person.id),
        candidate,
        last_ceo_mention(repo.ceo_log(), person.id),
        CareerRepository(store).plan_for(person.id),
    )


class SuccessionCard(NamedTuple):
    """The Today screen's Succession card."""

    half: Half
    quarter: str
    reports: int
    missing_focus: list[Person]
    audit_due: int  # meetings not audited this quarter
    meetings: int
    bench: list[tuple[Person, Candidate]]
    warnings: int
    # The vacations coming up with something not handed over (the checks' own words).
    uncovered: tuple[SuccessionWarning, ...] = ()


def succession_card(store: Store, today: date, start_month: int = 1) -> SuccessionCard:
    """Reports without a focus area this half, the audit still due, the bench."""
    overview = succession_overview(store, today, start_month)
    return SuccessionCard(
        overview.half,
        overview.quarter,
        len(overview.rows),
        [r.person for r in overview.rows if not r.focus],
        sum(1 for m in overview.meetings if m.id not in overview.audits),
        len(overview.meetings),
        [(r.person, r.candidate) for r in overview.bench if r.candidate is not None],
        len(overview.warnings),
        tuple(w for w in overview.warnings if w.code is CheckCode.UNCOVERED),
    )
