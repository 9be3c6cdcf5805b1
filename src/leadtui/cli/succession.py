"""`leadtui succession`, `meeting`, `vacation` and `career`: succession planning from the
shell, and its two exports (the transition brief and the vacation cover plan)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from leadtui.cli.common import (
    echo,
    echo_json,
    hint,
    note,
    open_store,
    person_and_store,
    settings_for,
    today_from_env,
)

if TYPE_CHECKING:
    import argparse
    from datetime import date

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


def gap_edit(args: argparse.Namespace) -> int:
    from leadtui.domain.succession_input import GapDraft
    from leadtui.domain.text import literal
    from leadtui.domain.validation import build
    from leadtui.services.succession import edit_gap, person_succession

    person, store = _existing_person(args)
    if args.visibility is None:
        from leadtui.domain.dates import half_of

        # Not given: it stays as it is.
        current = person_succession(store, person, half_of(today_from_env())).gaps
        found = next((g for g in current if g.number == args.number), None)
        visibility = found.visibility.value if found else "shared"
    else:
        visibility = args.visibility
    draft = build(GapDraft, text=args.text, visibility=visibility)
    result = edit_gap(store, person, args.number, draft)
    echo(f"gap {result.gap.number} for {person.display_name}: {literal(result.gap.text)}")
    return 0


def gap_remove(args: argparse.Namespace) -> int:
    from leadtui.services.succession import remove_gap

    person, store = _existing_person(args)
    echo(f"removed {remove_gap(store, person, args.number).what}")
    return 0


def _existing_person(args: argparse.Namespace) -> tuple[Person, Store]:
    """The person named, in a database that must exist (putting right needs records)."""
    from leadtui.services.people import resolve_person

    store = open_store(args, create=False)
    return resolve_person(store, args.person), store


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


def focus_edit(args: argparse.Namespace) -> int:
    from leadtui.domain.succession_input import FocusDraft
    from leadtui.domain.text import literal
    from leadtui.domain.validation import build
    from leadtui.services.succession import edit_focus

    draft = build(FocusDraft, text=args.text)
    result = edit_focus(open_store(args, create=False), args.id, draft)
    echo(f"focus {result.focus.id}, {result.focus.half}: {literal(result.focus.text)}")
    return 0


def focus_remove(args: argparse.Namespace) -> int:
    from leadtui.services.succession import remove_focus

    echo(f"removed {remove_focus(open_store(args, create=False), args.id).what}")
    return 0


def ceo_edit(args: argparse.Namespace) -> int:
    from leadtui.domain.succession_input import CeoDraft
    from leadtui.domain.text import literal
    from leadtui.domain.validation import build
    from leadtui.services.succession import ceo_note, edit_ceo_note

    store = open_store(args, create=False)
    # What is not given stays as it is.
    was = ceo_note(store, args.id)
    draft = build(
        CeoDraft,
        today=today_from_env(),
        text=args.text if args.text is not None else was.text,
        day=args.date if args.date is not None else was.noted_on.isoformat(),
        kind=args.kind or was.kind.value,
        visibility=args.visibility or was.visibility.value,
    )
    note_ = edit_ceo_note(store, args.id, draft).note
    echo(
        f"CEO log {note_.id} {note_.noted_on.isoformat()}: {note_.kind.value}, "
        f"{literal(note_.text)}"
    )
    return 0


def ceo_remove(args: argparse.Namespace) -> int:
    from leadtui.services.succession import remove_ceo_note

    echo(f"removed {remove_ceo_note(open_store(args, create=False), args.id).what}")
    return 0


def _print_person(row: PersonSuccession, overview: SuccessionOverview) -> None:
    from leadtui.domain.text import literal

    echo(f"{row.person.display_name}")
    for g in row.gaps:
        echo(f"  gap {g.number} [{g.status.value}] {literal(g.text)}")
    if not row.gaps:
        echo("  no gaps noted")
    for f in row.focus:
        echo(f"  focus {f.half} (id {f.id}): {literal(f.text)}")
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
    shown = {r.person.id for r in rows}
    entries = [n for n in overview.ceo_log if only is None or n.person_id in shown]
    if entries:
        from leadtui.domain.text import literal

        echo("CEO log")
        for n in entries:
            about = f" {overview.people[n.person_id].display_name}:" if n.person_id else ""
            echo(f"  {n.id:>4}  {n.noted_on.isoformat()}{about} {literal(n.text)} ({n.kind.value})")
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


def meeting_edit(args: argparse.Namespace) -> int:
    from leadtui.domain.succession import meeting_named
    from leadtui.domain.succession_input import MeetingDraft
    from leadtui.domain.text import literal
    from leadtui.domain.validation import build
    from leadtui.services.succession import edit_meeting, list_meetings

    store = open_store(args, create=False)
    # What is not given stays as it is.
    was = meeting_named([m for m in list_meetings(store) if m.active], args.name)
    draft = build(
        MeetingDraft,
        name=args.new_name if args.new_name is not None else was.name,
        cadence=args.cadence if args.cadence is not None else was.cadence,
        kind=args.kind or was.kind.value,
        role=args.role or was.role.value,
    )
    m = edit_meeting(store, args.name, draft)
    echo(f"meeting {literal(m.name)} ({m.kind.value}, {m.role.value})")
    return 0


def meeting_remove(args: argparse.Namespace) -> int:
    from leadtui.services.succession import remove_meeting

    echo(f"removed {remove_meeting(open_store(args, create=False), args.name).what}")
    return 0


def meeting_audit(args: argparse.Namespace) -> int:
    from leadtui.domain.succession import quarter_of
    from leadtui.domain.succession_input import AuditDraft
    from leadtui.domain.text import literal
    from leadtui.domain.validation import build
    from leadtui.errors import InputError
    from leadtui.services.succession import audit_meeting, clear_audit

    today = today_from_env()
    if args.clear:
        if args.decision or args.to or args.missing is not None or args.plan is not None:
            raise InputError("--clear takes only --quarter; it removes that quarter's decision")
        quarter = build(AuditDraft, decision="keep", quarter=args.quarter or quarter_of(today))
        removed = clear_audit(open_store(args, create=False), args.name, quarter.quarter)
        echo(f"removed the decision {removed.what}")
        return 0
    if args.decision is None:
        raise InputError(
            "--decision is required: keep | delegate | delegated | partner | cancel "
            "(or --clear to remove one)"
        )
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
        add = hint(args, 'meeting add "Eng staff"')
        echo(f"no recurring meetings yet; add one with {add}")
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

    # Without a flag the draft's default pledge holds.
    declared = {} if args.no_chiming_in is None else {"no_chiming_in": args.no_chiming_in}
    draft = build(
        VacationDraft, today=today_from_env(), starts_on=args.start, ends_on=args.end, **declared
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
    if args.remove:
        from leadtui.errors import InputError
        from leadtui.services.succession import remove_cover

        if args.person is not None or args.rename is not None:
            raise InputError("--remove takes no PERSON nor --rename; it removes the hand-over")
        removed = remove_cover(open_store(args, create=False), start, args.responsibility)
        echo(f"removed {removed.what}")
        return 0
    draft = build(CoverDraft, responsibility=args.rename or args.responsibility)
    store = open_store(args, create=False)
    person = _person(store, args.person)
    if args.rename is not None:
        from leadtui.services.succession import edit_cover

        edit_cover(store, start, args.responsibility, draft, person)
    else:
        cover_vacation(store, start, draft, person)
    who = person.display_name if person is not None else "nobody yet"
    echo(f"vacation from {start.isoformat()}: {literal(draft.responsibility)} → {who}")
    return 0


def _start(args: argparse.Namespace) -> date:
    from leadtui.domain.dates import parse_date

    return parse_date(args.start, today_from_env(), field="START", future=True)


def vacation_edit(args: argparse.Namespace) -> int:
    from leadtui.domain.succession import vacation_starting
    from leadtui.domain.succession_input import VacationDraft
    from leadtui.domain.validation import build
    from leadtui.services.succession import edit_vacation, list_vacations

    start = _start(args)
    store = open_store(args, create=False)
    # What is not given stays as it is.
    was = vacation_starting(list_vacations(store), start)
    draft = build(
        VacationDraft,
        today=today_from_env(),
        starts_on=args.new_start if args.new_start is not None else was.starts_on,
        ends_on=args.end if args.end is not None else was.ends_on,
        no_chiming_in=was.no_chiming_in if args.no_chiming_in is None else args.no_chiming_in,
    )
    result = edit_vacation(store, start, draft)
    note(result.notice)
    v = result.vacation
    pledge = ", no chiming in" if v.no_chiming_in else ""
    echo(f"vacation {v.starts_on.isoformat()} to {v.ends_on.isoformat()}: {v.days} days{pledge}")
    return 0


def vacation_remove(args: argparse.Namespace) -> int:
    from leadtui.services.succession import remove_vacation

    start = _start(args)
    echo(f"removed {remove_vacation(open_store(args, create=False), start).what}")
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
    if args.clear:
        from leadtui.errors import InputError
        from leadtui.services.succession import remove_career_plan

        given = {k: v for k, v in vars(args).items() if k in _CAREER_FLAGS and v is not None}
        if given:
            raise InputError("--clear takes no other option; it removes the whole career path")
        person, store = _existing_person(args)
        echo(f"removed {remove_career_plan(store, person).what}")
        return 0
    if args.remove_milestone is not None or args.edit_milestone is not None:
        return _milestone_change(args)
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


_CAREER_FLAGS = (
    "goal", "aligned_up", "note", "milestone", "target", "met", "test_run", "on", "result",
    "status", "edit_milestone", "remove_milestone",
)  # fmt: skip


def _milestone_change(args: argparse.Namespace) -> int:
    """`career PERSON --edit-milestone N --milestone TEXT [--target DATE]` or
    `--remove-milestone N`: one milestone put right, nothing else changed."""
    from leadtui.domain.succession_input import MilestoneDraft
    from leadtui.domain.text import literal
    from leadtui.domain.validation import build
    from leadtui.errors import InputError
    from leadtui.services.succession import edit_milestone, remove_milestone

    others = [
        args.goal, args.aligned_up, args.note, args.met, args.test_run, args.on, args.result,
        args.status,
    ]  # fmt: skip
    if any(v is not None for v in others) or (
        args.remove_milestone is not None and args.edit_milestone is not None
    ):
        raise InputError(
            "--edit-milestone and --remove-milestone go alone (with --milestone and --target)"
        )
    if args.remove_milestone is not None:
        if args.milestone is not None or args.target is not None:
            raise InputError("--remove-milestone takes no --milestone nor --target")
        person, store = _existing_person(args)
        echo(f"removed {remove_milestone(store, person, args.remove_milestone).what}")
        return 0
    if args.milestone is None:
        raise InputError("--edit-milestone N needs --milestone TEXT: the milestone's new words")
    person, store = _existing_person(args)
    target = args.target
    if target is None:
        from leadtui.services.succession import career_plan

        # Not given: the target stays as it is.
        was = career_plan(store, person).milestones
        kept = next((m.target_on for m in was if m.number == args.edit_milestone), None)
        target = kept.isoformat() if kept else None
    draft = build(MilestoneDraft, today=today_from_env(), text=args.milestone, target_on=target)
    plan = edit_milestone(store, person, args.edit_milestone, draft).plan
    m = plan.milestones[args.edit_milestone - 1]
    target = f" by {m.target_on.isoformat()}" if m.target_on else ""
    echo(f"career path for {person.display_name}: {m.number}. {literal(m.text)}{target}")
    return 0


# --- exports -------------------------------------------------------------------------


def export_succession(args: argparse.Namespace) -> int:
    from leadtui.cli.exports import print_or_write
    from leadtui.domain.privacy import Audience
    from leadtui.export.succession import succession_document

    today = today_from_env()
    store = open_store(args, create=False)
    audience = Audience(args.audience)
    text = succession_document(store, audience, today, _start_month(args))
    written = print_or_write(text, args)
    if written:
        what = "transition brief" if audience is Audience.UPWARD else "private succession plan"
        echo(f"wrote the {what} to {written}")
    return 0


def export_vacation(args: argparse.Namespace) -> int:
    from leadtui.cli.exports import print_or_write
    from leadtui.domain.dates import parse_date
    from leadtui.export.succession import vacation_cover_document

    today = today_from_env()
    start = parse_date(args.start, today, field="START", future=True)
    store = open_store(args, create=False)
    text = vacation_cover_document(store, start, today, _start_month(args))
    written = print_or_write(text, args)
    if written:
        echo(f"wrote the cover plan for {start.isoformat()} to {written}")
    return 0
