"""`leadtui succession`, `meeting`, `vacation` and `career`: succession planning from the
shell, and its two exports (the transition brief and the vacation cover plan)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from leadtui.cli.common import (
    echo,
    echo_json,
    note,
    open_store,
    person_and_store,
    settings_for,
    today_from_env,
)

if TYPE_CHECKING:
    import argparse

    from leadtui.domain.people import Person
    from leadtui.services.succession import PersonSuccession, SuccessionOverview
    from leadtui.store.database import Store


def _start_month(args: argparse.Namespace) -> int:
    return settings_for(args).review.half_start_month


def _person(store: Store, text: str | None) -> Person | None:
    """The person an option names (id, name or unique prefix), or None when not given."""
    from leadtui.services.people import resolve_person

    return resolve_person(store, text) if text is not None else None


# --- succession ----------------------------------------------------------------------


def gap_add(args: argparse.Namespace) -> int:
    from leadtui.domain.succession_input import GapDraft
    from leadtui.domain.text import literal
    from leadtui.domain.validation import build
    from leadtui.services.succession import add_gap

    draft = build(GapDraft, text=args.text, visibility="private" if args.private else "shared")
    person, store = person_and_store(args)
    result = add_gap(
        store, person, draft, today_from_env(), feedback_id=args.feedback, point_id=args.point
    )
    note(result.notice)
    echo(f"gap {result.gap.number} for {person.display_name}: {literal(result.gap.text)}")
    return 0


def gap_status(args: argparse.Namespace) -> int:
    from leadtui.domain.succession_input import GapStatusDraft
    from leadtui.domain.validation import build
    from leadtui.services.succession import set_gap_status

    draft = build(GapStatusDraft, today=today_from_env(), status=args.status, day=args.date)
    person, store = person_and_store(args)
    result = set_gap_status(store, person, args.number, draft)
    note(result.notice)
    echo(f"gap {result.gap.number} for {person.display_name}: {result.gap.status.value}")
    return 0


def focus(args: argparse.Namespace) -> int:
    from leadtui.domain.dates import parse_half
    from leadtui.domain.succession_input import FocusDraft
    from leadtui.domain.text import literal
    from leadtui.domain.validation import build
    from leadtui.services.succession import add_focus

    today = today_from_env()
    draft = build(FocusDraft, text=args.text) if args.text is not None else None
    if draft is None and args.gap is None:
        from leadtui.errors import InputError

        raise InputError("give the focus area's words, or --gap N to take a gap's")
    half = parse_half(args.half, today, _start_month(args), field="--half")
    person, store = person_and_store(args)
    result = add_focus(store, person, today, half=half, draft=draft, gap_number=args.gap)
    note(result.notice)
    echo(f"focus for {person.display_name}, {half.label}: {literal(result.focus.text)}")
    return 0


def candidate(args: argparse.Namespace) -> int:
    from leadtui.domain.succession_input import CandidateDraft, draft_values
    from leadtui.domain.validation import build
    from leadtui.errors import InputError
    from leadtui.services.succession import clear_candidate, set_candidate

    if args.clear:
        if args.readiness or args.pending is not None or args.interim is not None:
            raise InputError("--clear takes no other option; it takes them off the bench")
        person, store = person_and_store(args)
        clear_candidate(store, person)
        echo(f"{person.display_name} is no longer a candidate")
        return 0
    draft = build(
        CandidateDraft,
        **draft_values(readiness=args.readiness, pending=args.pending, interim=args.interim),
    )
    person, store = person_and_store(args)
    result = set_candidate(store, person, draft, today_from_env())
    note(result.notice)
    c = result.candidate
    assert c is not None
    interim = ", interim" if c.interim else ""
    pending = f", ready pending {c.pending}" if c.pending else ""
    echo(f"{person.display_name}: candidate, readiness {c.readiness.value}{pending}{interim}")
    return 0


def ceo(args: argparse.Namespace) -> int:
    from leadtui.domain.succession_input import CeoDraft
    from leadtui.domain.validation import build
    from leadtui.services.succession import add_ceo_note

    draft = build(
        CeoDraft,
        today=today_from_env(),
        text=args.text,
        day=args.date,
        kind="relationship" if args.relationship else "growth",
        visibility="private" if args.private else "shared",
    )
    store = open_store(args)
    person = _person(store, args.person)
    result = add_ceo_note(store, draft, person)
    note(result.notice)
    about = f" about {person.display_name}" if person is not None else ""
    echo(f"CEO log {result.note.noted_on.isoformat()}{about}: {result.note.kind.value}")
    return 0


def _print_person(row: PersonSuccession, overview: SuccessionOverview) -> None:
    from leadtui.domain.text import literal

    echo(f"{row.person.display_name}")
    for g in row.gaps:
        echo(f"  gap {g.number} [{g.status.value}] {literal(g.text)}")
    if not row.gaps:
        echo("  no gaps noted")
    for f in row.focus:
        echo(f"  focus {f.half}: {literal(f.text)}")
    if not row.focus:
        echo(f"  no focus area for {overview.half.label}")
    c = row.candidate
    if c is not None:
        extra = f", ready pending {literal(c.pending)}" if c.pending else ""
        interim = ", interim" if c.interim else ""
        echo(
            f"  candidate: {c.readiness.value}{extra}{interim} "
            f"(reviewed {c.reviewed_on.isoformat()})"
        )
    if row.last_ceo:
        echo(f"  last CEO mention: {row.last_ceo.isoformat()}")
    if row.plan is not None:
        echo(
            f"  career path: {row.plan.status.value}, "
            f"{len(row.plan.met)}/{len(row.plan.milestones)} milestones met"
        )


def show(args: argparse.Namespace) -> int:
    from leadtui.services.succession import succession_overview

    store = open_store(args, create=False)
    overview = succession_overview(store, today_from_env(), _start_month(args))
    only = _person(store, args.person)
    rows = [r for r in overview.rows if only is None or r.person.id == only.id]
    if only is not None and not rows:
        from leadtui.errors import InputError

        raise InputError(f"{only.display_name} is not an active direct report")
    if args.json:
        from leadtui.export.json import succession_json

        echo_json(succession_json(overview, rows))
        return 0
    echo(f"Succession, {overview.half.label} / {overview.quarter}")
    for row in rows:
        _print_person(row, overview)
    if overview.warnings:
        echo("Warnings")
        for w in overview.warnings:
            echo(f"  ! {w.text}")
    else:
        echo("No warnings")
    return 0


# --- meetings ------------------------------------------------------------------------


def meeting_add(args: argparse.Namespace) -> int:
    from leadtui.domain.succession_input import MeetingDraft, draft_values
    from leadtui.domain.text import literal
    from leadtui.domain.validation import build
    from leadtui.services.succession import add_meeting

    draft = build(
        MeetingDraft,
        name=args.name,
        **draft_values(cadence=args.cadence, kind=args.kind, role=args.role),
    )
    added = add_meeting(open_store(args), draft)
    echo(f"meeting {literal(added.name)} ({added.kind.value}, {added.role.value})")
    return 0


def meeting_audit(args: argparse.Namespace) -> int:
    from leadtui.domain.succession import quarter_of
    from leadtui.domain.succession_input import AuditDraft
    from leadtui.domain.text import literal
    from leadtui.domain.validation import build
    from leadtui.services.succession import audit_meeting

    today = today_from_env()
    draft = build(
        AuditDraft,
        decision=args.decision,
        missing=args.missing,
        plan=args.plan,
        quarter=args.quarter or quarter_of(today),
    )
    store = open_store(args)
    delegate = _person(store, args.to)
    result = audit_meeting(store, args.name, draft, today, delegate)
    note(result.notice)
    to = f" to {delegate.display_name}" if delegate is not None else ""
    echo(f"{literal(result.meeting.name)}, {draft.quarter}: {draft.decision.value}{to}")
    return 0


def meeting_list(args: argparse.Namespace) -> int:
    from leadtui.domain.text import literal
    from leadtui.services.succession import succession_overview

    store = open_store(args, create=False)
    overview = succession_overview(store, today_from_env(), _start_month(args))
    if args.json:
        from leadtui.export.json import meetings_json

        echo_json(meetings_json(overview))
        return 0
    if not overview.meetings:
        echo('no recurring meetings yet; add one with `leadtui meeting add "Eng staff"`')
    for m in overview.meetings:
        audit = overview.audits.get(m.id)
        decided = audit.decision.value if audit else "not audited"
        if audit and audit.delegate_id is not None:
            decided += f" to {overview.people[audit.delegate_id].display_name}"
        echo(
            f"{literal(m.name):<28} {m.kind.value:<16} {m.role.value:<8} "
            f"{overview.quarter}: {decided}"
        )
    return 0


# --- vacations -----------------------------------------------------------------------


def vacation_add(args: argparse.Namespace) -> int:
    from leadtui.domain.succession_input import VacationDraft
    from leadtui.domain.validation import build
    from leadtui.services.succession import add_vacation

    draft = build(
        VacationDraft,
        today=today_from_env(),
        starts_on=args.start,
        ends_on=args.end,
        no_chiming_in=args.no_chiming_in,
    )
    result = add_vacation(open_store(args), draft)
    note(result.notice)
    v = result.vacation
    pledge = ", no chiming in" if v.no_chiming_in else ""
    echo(f"vacation {v.starts_on.isoformat()} to {v.ends_on.isoformat()}: {v.days} days{pledge}")
    return 0


def vacation_cover(args: argparse.Namespace) -> int:
    from leadtui.domain.dates import parse_date
    from leadtui.domain.succession_input import CoverDraft
    from leadtui.domain.text import literal
    from leadtui.domain.validation import build
    from leadtui.services.succession import cover_vacation

    start = parse_date(args.start, today_from_env(), field="START", future=True)
    draft = build(CoverDraft, responsibility=args.responsibility)
    store = open_store(args, create=False)
    person = _person(store, args.person)
    cover_vacation(store, start, draft, person)
    who = person.display_name if person is not None else "nobody yet"
    echo(f"vacation from {start.isoformat()}: {literal(draft.responsibility)} → {who}")
    return 0


def vacation_list(args: argparse.Namespace) -> int:
    from leadtui.domain.succession import VACATION_AIM_DAYS
    from leadtui.domain.text import literal
    from leadtui.services.succession import succession_overview

    store = open_store(args, create=False)
    overview = succession_overview(store, today_from_env(), _start_month(args))
    if args.json:
        from leadtui.export.json import vacations_json

        echo_json(vacations_json(overview))
        return 0
    echo(
        f"{overview.today.year}: {overview.days_this_year} days away "
        f"(aim: a long one of {VACATION_AIM_DAYS} days)"
    )
    for v in overview.vacations:
        pledge = "  no chiming in" if v.no_chiming_in else ""
        echo(f"{v.starts_on.isoformat()} to {v.ends_on.isoformat()}  {v.days} days{pledge}")
        for c in v.covers:
            who = overview.people[c.person_id].display_name if c.person_id else "nobody yet"
            echo(f"  {literal(c.responsibility)} → {who}")
    return 0


# --- career paths --------------------------------------------------------------------


def career(args: argparse.Namespace) -> int:
    from leadtui.domain.succession_input import CareerDraft
    from leadtui.domain.text import literal
    from leadtui.domain.validation import build
    from leadtui.services.succession import career_plan, update_career

    today = today_from_env()
    draft = build(
        CareerDraft,
        today=today,
        goal=args.goal,
        aligned_up_on=args.aligned_up,
        note=args.note,
        milestone=args.milestone,
        target_on=args.target,
        met=args.met,
        test_run=args.test_run,
        test_run_on=args.on,
        result=args.result,
        status=args.status,
    )
    person, store = person_and_store(args)
    if draft.empty:
        plan = career_plan(store, person)
    else:
        result = update_career(store, person, draft, today)
        note(result.notice)
        plan = result.plan
    echo(f"career path for {person.display_name}: {plan.status.value}")
    if plan.goal:
        echo(f"  goal: {literal(plan.goal)}")
    if plan.aligned_up_on:
        echo(
            f"  aligned up {plan.aligned_up_on.isoformat()}: {literal(plan.aligned_up_note or '')}"
        )
    for m in plan.milestones:
        target = f" by {m.target_on.isoformat()}" if m.target_on else ""
        met = f" — met {m.met_on.isoformat()}" if m.met_on else ""
        echo(f"  {m.number}. {literal(m.text)}{target}{met}")
    if plan.test_run:
        on = f" on {plan.test_run_on.isoformat()}" if plan.test_run_on else ""
        result_text = f": {literal(plan.test_result)}" if plan.test_result else ""
        echo(f"  test run{on}: {literal(plan.test_run)}{result_text}")
    return 0


# --- exports -------------------------------------------------------------------------


def export_succession(args: argparse.Namespace) -> int:
    from leadtui.cli.exports import print_or_write
    from leadtui.domain.privacy import Audience
    from leadtui.export.succession import succession_brief
    from leadtui.services.succession import succession_overview

    today = today_from_env()
    store = open_store(args, create=False)
    overview = succession_overview(store, today, _start_month(args))
    audience = Audience(args.audience)
    written = print_or_write(succession_brief(overview, audience, today), args)
    if written:
        what = "transition brief" if audience is Audience.UPWARD else "private succession plan"
        echo(f"wrote the {what} to {written}")
    return 0


def export_vacation(args: argparse.Namespace) -> int:
    from leadtui.cli.exports import print_or_write
    from leadtui.domain.dates import parse_date
    from leadtui.domain.succession import vacation_starting
    from leadtui.export.succession import vacation_cover_plan
    from leadtui.services.succession import succession_overview

    today = today_from_env()
    start = parse_date(args.start, today, field="START", future=True)
    store = open_store(args, create=False)
    overview = succession_overview(store, today, _start_month(args))
    vacation = vacation_starting(overview.vacations, start)
    written = print_or_write(vacation_cover_plan(vacation, overview.people, today), args)
    if written:
        echo(f"wrote the cover plan for {start.isoformat()} to {written}")
    return 0
