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
    record_id,
    settings_for,
    today_from_env,
)
from leadtui.domain.text import plural

if TYPE_CHECKING:
    import argparse
    from datetime import date

    from leadtui.cli.common import ExportCommand
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


def succession_gap_add(args: argparse.Namespace) -> int:
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


def succession_gap_status(args: argparse.Namespace) -> int:
    from leadtui.domain.succession_input import GapStatusDraft
    from leadtui.domain.validation import build
    from leadtui.services.succession import set_gap_status

    draft = build(GapStatusDraft, today=today_from_env(), status=args.status, day=args.day)
    person, store = person_and_store(args)
    result = set_gap_status(store, person, args.number, draft)
    note(result.notice)
    echo(f"gap {result.gap.number} for {person.display_name}: {result.gap.status.value}")
    return 0


def succession_gap_edit(args: argparse.Namespace) -> int:
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


def succession_gap_remove(args: argparse.Namespace) -> int:
    from leadtui.services.succession import remove_gap

    person, store = _existing_person(args)
    echo(f"removed {remove_gap(store, person, args.number).what}")
    return 0


def _existing_person(args: argparse.Namespace) -> tuple[Person, Store]:
    """The person named, in a database that must exist (putting right needs records)."""
    from leadtui.services.people import resolve_person

    store = open_store(args, create=False)
    return resolve_person(store, args.person), store


def succession_focus(args: argparse.Namespace) -> int:
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


def succession_candidate(args: argparse.Namespace) -> int:
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


def succession_ceo(args: argparse.Namespace) -> int:
    from leadtui.domain.succession_input import CeoDraft
    from leadtui.domain.validation import build
    from leadtui.services.succession import add_ceo_note

    draft = build(
        CeoDraft,
        today=today_from_env(),
        text=args.text,
        day=args.day,
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


def succession_focus_edit(args: argparse.Namespace) -> int:
    from leadtui.domain.succession_input import FocusDraft
    from leadtui.domain.text import literal
    from leadtui.domain.validation import build
    from leadtui.services.succession import edit_focus

    draft = build(FocusDraft, text=args.text)
    result = edit_focus(open_store(args, create=False), args.id, draft)
    echo(f"focus {result.focus.id}, {result.focus.half}: {literal(result.focus.text)}")
    return 0


def succession_focus_remove(args: argparse.Namespace) -> int:
    from leadtui.services.succession import remove_focus

    echo(f"removed {remove_focus(open_store(args, create=False), args.id).what}")
    return 0


def succession_ceo_edit(args: argparse.Namespace) -> int:
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
        day=args.day if args.day is not None else was.noted_on.isoformat(),
        kind=args.kind or was.kind.value,
        visibility=args.visibility or was.visibility.value,
    )
    note_ = edit_ceo_note(store, args.id, draft).note
    echo(
        f"CEO log {note_.id} {note_.noted_on.isoformat()}: {note_.kind.value}, "
        f"{literal(note_.text)}"
    )
    return 0


def succession_ceo_remove(args: argparse.Namespace) -> int:
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


def succession_show(args: argparse.Namespace) -> int:
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
    span = f"{v.starts_on.isoformat()} to {v.ends_on.isoformat()}"
    echo(f"vacation {span}: {plural(v.days, 'day')}{pledge}")
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
    span = f"{v.starts_on.isoformat()} to {v.ends_on.isoformat()}"
    echo(f"vacation {span}: {plural(v.days, 'day')}{pledge}")
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
        f"{overview.today.year}: {plural(overview.days_this_year, 'day')} away "
        f"(aim: a long one of {VACATION_AIM_DAYS} days)"
    )
    for v in overview.vacations:
        pledge = "  no chiming in" if v.no_chiming_in else ""
        span = f"{v.starts_on.isoformat()} to {v.ends_on.isoformat()}"
        echo(f"{span}  {plural(v.days, 'day')}{pledge}")
        for c in v.covers:
            who = overview.people[c.person_id].display_name if c.person_id else "nobody yet"
            echo(f"  {literal(c.responsibility)} → {who}")
    return 0


# --- career paths --------------------------------------------------------------------


def career_command(args: argparse.Namespace) -> int:
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
        aligned_up_on=args.aligned_up_on,
        note=args.note,
        milestone=args.milestone,
        target_on=args.target_on,
        met=args.met,
        test_run=args.test_run,
        test_run_on=args.test_run_on,
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
    "goal", "aligned_up_on", "note", "milestone", "target_on", "met", "test_run", "test_run_on",
    "result",
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
        args.goal, args.aligned_up_on, args.note, args.met, args.test_run, args.test_run_on,
        args.result, args.status,
    ]  # fmt: skip
    if any(v is not None for v in others) or (
        args.remove_milestone is not None and args.edit_milestone is not None
    ):
        raise InputError(
            "--edit-milestone and --remove-milestone go alone (with --milestone and --target)"
        )
    if args.remove_milestone is not None:
        if args.milestone is not None or args.target_on is not None:
            raise InputError("--remove-milestone takes no --milestone nor --target")
        person, store = _existing_person(args)
        echo(f"removed {remove_milestone(store, person, args.remove_milestone).what}")
        return 0
    if args.milestone is None:
        raise InputError("--edit-milestone N needs --milestone TEXT: the milestone's new words")
    person, store = _existing_person(args)
    target = args.target_on
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
    from leadtui.cli.common import print_or_write
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
    from leadtui.cli.common import print_or_write
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


def export_career(args: argparse.Namespace) -> int:
    """`export career PERSON --audience person`: the career plan reaches the report it is
    about (goal, milestones, test run), never the align-up notes with your manager."""
    from leadtui.cli.common import person_and_store, print_or_write
    from leadtui.domain.privacy import Audience
    from leadtui.export.succession import career_document
    from leadtui.services.succession import career_plan

    today = today_from_env()
    person, store = person_and_store(args)
    audience = Audience(args.audience)  # "shared" reads as the person's copy
    text = career_document(person, career_plan(store, person), audience, today)
    written = print_or_write(text, args)
    if written:
        copy = "private" if audience is Audience.PRIVATE else "shared"
        echo(f"wrote the {copy} career path for {person.display_name} to {written}")
    return 0


def register_succession(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    """`leadtui succession ...`: gaps, focus areas, candidates and the CEO log."""
    su_sub = parser.add_subparsers(title="succession commands", metavar="ACTION", required=True)
    gap = su_sub.add_parser(
        "gap", help="what a report is missing to thrive in your role", parents=[common]
    )
    gap_sub = gap.add_subparsers(title="gap commands", metavar="ACTION", required=True)
    gap_new = gap_sub.add_parser("add", help="note a gap", parents=[common])
    gap_new.add_argument("person", metavar="PERSON")
    gap_new.add_argument("text", metavar="TEXT")
    gap_new.add_argument("--feedback", type=record_id, metavar="ID", help="evidence: feedback")
    gap_new.add_argument("--point", type=record_id, metavar="ID", help="evidence: a 1:1 point")
    gap_new.add_argument("--private", action="store_true", help="never in the upward brief")
    gap_new.set_defaults(handler=succession_gap_add)
    gap_move = gap_sub.add_parser(
        "status", help="open | improving | closed, dated", parents=[common]
    )
    gap_move.add_argument("person", metavar="PERSON")
    gap_move.add_argument("number", metavar="N", type=record_id, help="the gap's number")
    gap_move.add_argument("status", metavar="STATUS", help="open | improving | closed")
    gap_move.add_argument("--date", dest="day", metavar="DATE", help="changed on (today)")
    gap_move.set_defaults(handler=succession_gap_status)
    gap_change = gap_sub.add_parser(
        "edit", help="put a gap's words right (its status stays)", parents=[common]
    )
    gap_change.add_argument("person", metavar="PERSON")
    gap_change.add_argument("number", metavar="N", type=record_id, help="the gap's number")
    gap_change.add_argument("text", metavar="TEXT", help="the new words")
    gap_change.add_argument(
        "--private", dest="visibility", action="store_const", const="private",
        help="never in the upward brief",
    )  # fmt: skip
    gap_change.add_argument(
        "--shared", dest="visibility", action="store_const", const="shared",
        help="in the upward brief again",
    )  # fmt: skip
    gap_change.set_defaults(handler=succession_gap_edit, visibility=None)
    gap_drop = gap_sub.add_parser(
        "remove", help="remove a gap and its history (the next ones move up)", parents=[common]
    )
    gap_drop.add_argument("person", metavar="PERSON")
    gap_drop.add_argument("number", metavar="N", type=record_id, help="the gap's number")
    gap_drop.set_defaults(handler=succession_gap_remove)
    su_focus = su_sub.add_parser("focus", help="a focus area agreed for a half", parents=[common])
    su_focus.add_argument("person", metavar="PERSON")
    su_focus.add_argument("text", metavar="TEXT", nargs="?", help="(default: gap N's words)")
    su_focus.add_argument("--half", metavar="H", help="e.g. 2026-H2 (this half)")
    su_focus.add_argument("--gap", type=record_id, metavar="N", help="taken from gap N")
    su_focus.set_defaults(handler=succession_focus)
    su_focus_edit = su_sub.add_parser(
        "focus-edit", help="put a focus area's words right", parents=[common]
    )
    su_focus_edit.add_argument(
        "id", metavar="ID", type=record_id, help="the focus area's id (succession show)"
    )
    su_focus_edit.add_argument("text", metavar="TEXT", help="the new words")
    su_focus_edit.set_defaults(handler=succession_focus_edit)
    su_focus_remove = su_sub.add_parser(
        "focus-remove", help="remove a focus area", parents=[common]
    )
    su_focus_remove.add_argument(
        "id", metavar="ID", type=record_id, help="the focus area's id (succession show)"
    )
    su_focus_remove.set_defaults(handler=succession_focus_remove)
    su_cand = su_sub.add_parser("candidate", help="mark a possible successor", parents=[common])
    su_cand.add_argument("person", metavar="PERSON")
    su_cand.add_argument("--readiness", metavar="R", help="now | 1y | 2y | later")
    su_cand.add_argument(
        "--pending", metavar="TEXT", help='ready pending this condition ("" takes it off)'
    )
    su_cand.add_argument(
        "--interim", action="store_const", const=True, help="covers if you leave tomorrow"
    )
    su_cand.add_argument("--no-interim", dest="interim", action="store_const", const=False)
    su_cand.add_argument("--clear", action="store_true", help="take them off the bench")
    su_cand.set_defaults(handler=succession_candidate, interim=None)
    su_ceo = su_sub.add_parser(
        "ceo", help="log growth raised with your manager or CEO", parents=[common]
    )
    su_ceo.add_argument("text", metavar="TEXT")
    su_ceo.add_argument("--person", metavar="PERSON", help="whom it is about")
    su_ceo.add_argument("--date", dest="day", metavar="DATE", help="said on (today)")
    su_ceo.add_argument(
        "--relationship",
        action="store_true",
        help="a relationship action for a candidate, not a growth note",
    )
    su_ceo.add_argument("--private", action="store_true", help="never in the upward brief")
    su_ceo.set_defaults(handler=succession_ceo)
    su_ceo_edit = su_sub.add_parser(
        "ceo-edit", help="put a CEO log entry right (what is not given stays)", parents=[common]
    )
    su_ceo_edit.add_argument(
        "id", metavar="ID", type=record_id, help="the entry's id (succession show)"
    )
    su_ceo_edit.add_argument("text", metavar="TEXT", nargs="?", help="the new words")
    su_ceo_edit.add_argument("--date", dest="day", metavar="DATE", help="said on")
    su_ceo_edit.add_argument(
        "--relationship", dest="kind", action="store_const", const="relationship"
    )
    su_ceo_edit.add_argument("--growth", dest="kind", action="store_const", const="growth")
    su_ceo_edit.add_argument("--private", dest="visibility", action="store_const", const="private")
    su_ceo_edit.add_argument("--shared", dest="visibility", action="store_const", const="shared")
    su_ceo_edit.set_defaults(handler=succession_ceo_edit, kind=None, visibility=None)
    su_ceo_remove = su_sub.add_parser("ceo-remove", help="remove a CEO log entry", parents=[common])
    su_ceo_remove.add_argument(
        "id", metavar="ID", type=record_id, help="the entry's id (succession show)"
    )
    su_ceo_remove.set_defaults(handler=succession_ceo_remove)
    su_show = su_sub.add_parser("show", help="the bench and every check", parents=[common])
    su_show.add_argument("person", metavar="PERSON", nargs="?")
    su_show.add_argument("--json", action="store_true")
    su_show.set_defaults(handler=succession_show)


def register_meeting(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    """`leadtui meeting ...`: recurring meetings and their quarterly audit."""
    mt_sub = parser.add_subparsers(title="meeting commands", metavar="ACTION", required=True)
    mt_add = mt_sub.add_parser("add", help="a recurring meeting you attend", parents=[common])
    mt_add.add_argument("name", metavar="NAME")
    mt_add.add_argument("--cadence", metavar="TEXT", help="e.g. weekly")
    mt_add.add_argument("--kind", help="exec-only | board | leadership | cross-functional | other")
    mt_add.add_argument("--role", help="attendee | owner | host (attendee)")
    mt_add.set_defaults(handler=meeting_add)
    mt_edit = mt_sub.add_parser(
        "edit", help="put a meeting right (what is not given stays)", parents=[common]
    )
    mt_edit.add_argument("name", metavar="NAME")
    mt_edit.add_argument("--name", dest="new_name", metavar="TEXT", help="its new name")
    mt_edit.add_argument("--cadence", metavar="TEXT", help="e.g. weekly")
    mt_edit.add_argument("--kind", help="exec-only | board | leadership | cross-functional | other")
    mt_edit.add_argument("--role", help="attendee | owner | host")
    mt_edit.set_defaults(handler=meeting_edit)
    mt_remove = mt_sub.add_parser(
        "remove", help="remove a meeting and its audit decisions", parents=[common]
    )
    mt_remove.add_argument("name", metavar="NAME")
    mt_remove.set_defaults(handler=meeting_remove)
    mt_audit = mt_sub.add_parser("audit", help="can someone on your team run it?", parents=[common])
    mt_audit.add_argument("name", metavar="NAME")
    mt_audit.add_argument("--decision", help="keep | delegate | delegated | partner | cancel")
    mt_audit.add_argument(
        "--clear", action="store_true", help="remove the quarter's decision (audit it again)"
    )
    mt_audit.add_argument("--to", metavar="PERSON", help="who runs it (delegate, delegated)")
    mt_audit.add_argument("--missing", metavar="TEXT", help="what they lack (partner)")
    mt_audit.add_argument("--plan", metavar="TEXT", help="how you partner on it (partner)")
    mt_audit.add_argument("--quarter", metavar="YYYY-QN", help="default: this quarter")
    mt_audit.set_defaults(handler=meeting_audit)
    mt_list = mt_sub.add_parser(
        "list", help="meetings and this quarter's decisions", parents=[common]
    )
    mt_list.add_argument("--json", action="store_true")
    mt_list.set_defaults(handler=meeting_list)


def register_vacation(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    """`leadtui vacation ...`: vacations and their hand-overs."""
    va_sub = parser.add_subparsers(title="vacation commands", metavar="ACTION", required=True)
    va_add = va_sub.add_parser("add", help="plan a vacation (aim: two weeks)", parents=[common])
    va_add.add_argument("start", metavar="START")
    va_add.add_argument("end", metavar="END")
    # The pledge's default is the draft's (taken): the flags only say so or decline it.
    va_add.add_argument(
        "--no-chiming-in", dest="no_chiming_in", action="store_const", const=True,
        help="the pledge, no email or chat while away (the default)",
    )  # fmt: skip
    va_add.add_argument(
        "--chiming-in", dest="no_chiming_in", action="store_const", const=False,
        help="decline the pledge",
    )  # fmt: skip
    va_add.set_defaults(handler=vacation_add, no_chiming_in=None)
    va_cover = va_sub.add_parser("cover", help="hand a responsibility to someone", parents=[common])
    va_cover.add_argument("start", metavar="START", help="the vacation's first day")
    va_cover.add_argument("responsibility", metavar="RESPONSIBILITY")
    va_cover.add_argument(
        "person", metavar="PERSON", nargs="?", help="who covers it (leave out: listed, nobody yet)"
    )
    va_cover.add_argument(
        "--rename", metavar="TEXT", help="new words for RESPONSIBILITY (PERSON: who covers it)"
    )
    va_cover.add_argument("--remove", action="store_true", help="remove the hand-over")
    va_cover.set_defaults(handler=vacation_cover)
    va_edit = va_sub.add_parser(
        "edit", help="move a vacation or change its pledge (cover stays)", parents=[common]
    )
    va_edit.add_argument("start", metavar="START", help="the vacation's first day")
    va_edit.add_argument("--start", dest="new_start", metavar="DATE", help="its new first day")
    va_edit.add_argument("--end", metavar="DATE", help="its new last day")
    va_edit.add_argument("--no-chiming-in", dest="no_chiming_in", action="store_const", const=True)
    va_edit.add_argument(
        "--chiming-in", dest="no_chiming_in", action="store_const", const=False,
        help="take the pledge back",
    )  # fmt: skip
    va_edit.set_defaults(handler=vacation_edit, no_chiming_in=None)
    va_remove = va_sub.add_parser(
        "remove", help="remove a vacation and its hand-overs", parents=[common]
    )
    va_remove.add_argument("start", metavar="START", help="the vacation's first day")
    va_remove.set_defaults(handler=vacation_remove)
    va_list = va_sub.add_parser("list", help="vacations, days this year, cover", parents=[common])
    va_list.add_argument("--json", action="store_true")
    va_list.set_defaults(handler=vacation_list)


def register_career(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    """`leadtui career PERSON ...`: a career path, its milestones and test run."""
    parser.add_argument("person", metavar="PERSON")
    parser.add_argument("--goal", metavar="TEXT")
    parser.add_argument(
        "--aligned-up",
        dest="aligned_up_on",
        metavar="DATE",
        help="when you aligned with your manager",
    )
    parser.add_argument("--note", metavar="TEXT", help="what was agreed (with --aligned-up)")
    parser.add_argument("--milestone", metavar="TEXT", help="add a milestone")
    parser.add_argument("--target", dest="target_on", metavar="DATE", help="the milestone's target")
    parser.add_argument("--met", type=record_id, metavar="N", help="milestone N met today")
    parser.add_argument(
        "--edit-milestone",
        type=record_id,
        metavar="N",
        help="put milestone N right: its words (--milestone), its target (--target)",
    )
    parser.add_argument(
        "--remove-milestone", type=record_id, metavar="N", help="remove milestone N"
    )
    parser.add_argument("--clear", action="store_true", help="remove the whole career path")
    parser.add_argument("--test-run", metavar="TEXT", help="the test run planned")
    parser.add_argument("--on", dest="test_run_on", metavar="DATE", help="the test run's day")
    parser.add_argument("--result", metavar="TEXT", help="how the test run went")
    parser.add_argument(
        "--status",
        metavar="S",
        help="aligning-up | partnering | test-run | achieved | not-partnering | managed-out",
    )
    parser.set_defaults(handler=career_command)


def register_exports(export_command: ExportCommand) -> None:
    """`leadtui export succession` and `leadtui export vacation START`."""
    succession_export = export_command(
        "succession", "the succession plan or transition brief", None
    )
    succession_export.add_argument(
        "--audience",
        choices=("private", "upward"),
        default="private",
        help="upward: the transition brief for your manager or CEO, nothing private "
        "(default: private, everything)",
    )
    succession_export.set_defaults(handler=export_succession)
    vacation_export = export_command("vacation", "the cover plan for the people covering", None)
    vacation_export.add_argument("start", metavar="START", help="the vacation's first day")
    vacation_export.set_defaults(handler=export_vacation)
    career_export = export_command(
        "career", "a report's career path, for them", "the align-up notes with your manager"
    )
    career_export.set_defaults(handler=export_career)
