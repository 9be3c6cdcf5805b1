"""`leadtui rotation`, `leadtui host` and `leadtui export rotations`.

Every handler reads its arguments, calls one use case in
:mod:`leadtui.services.rotations` and prints the result; the rules live there.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from leadtui.cli.common import (
    completes_files,
    echo,
    echo_json,
    hint,
    note,
    open_store,
    settings_for,
    shell_command,
    today_from_env,
    with_db,
)
from leadtui.domain.text import literal, plural

if TYPE_CHECKING:
    import argparse

    from leadtui.cli.common import ExportCommand
    from leadtui.domain.rotations import Capacity, HostRotation, RotationWarning
    from leadtui.services.hosts import HostSchedule
    from leadtui.services.rotations import CapacitySchedule
    from leadtui.store.database import Store


def _date(text: str | None, flag: str, *, future: bool = True) -> date | None:
    from leadtui.domain.dates import parse_date

    if text is None:
        return None
    return parse_date(text, today_from_env(), field=flag, future=future)


def _capacity(args: argparse.Namespace, *, create: bool = False) -> tuple[Capacity, Store]:
    from leadtui.services.rotations import find_capacity

    store = open_store(args, create=create)
    return find_capacity(store, args.name), store


def _stretch(
    schedule: CapacitySchedule, seat: int, starts: date, ends: date, who: int | None
) -> str:
    return (
        f"{literal(schedule.capacity.name)} seat {seat}: {literal(schedule.name_of(who))} "
        f"{starts.isoformat()} to {ends.isoformat()}"
    )


ADD_ROTATION = 'rotation add "Incident Review"'


def _shell(text: str) -> str:
    """A name as one shell word, shown escaped: what a person copies into the shell."""
    import shlex

    return shlex.quote(literal(text))


def left_behind_notes(
    store: Store, person_id: int, today: date, args: argparse.Namespace | None = None
) -> None:
    """On stderr, each seat and host turn someone who left still holds, with the command
    that hands it over: leaving does not change the plan by itself."""
    from leadtui.services.rotation_feeds import left_behind

    for held in left_behind(store, person_id, today):
        note(warning_line(held.warning, held.names, held.capacity, held.hosts, args))


def warning_line(
    warning: RotationWarning,
    names: dict[int, str],
    capacity: str = "",
    hosts: HostRotation | None = None,
    args: argparse.Namespace | None = None,
) -> str:
    """A failed check on one line, escaped; a seat or host turn held by someone who left
    ends with the command that hands it over."""
    from leadtui.domain.dates import WEEKDAYS
    from leadtui.domain.rotations import Handover, HostReorder

    line = literal(warning.text)
    fix = warning.fix
    if isinstance(fix, Handover) and fix.replacement_id is not None:
        line += ", hand it over: " + shell_command(
            args,
            f"rotation assign {_shell(capacity)} --seat {fix.seat} "
            f"--person {_shell(names.get(fix.replacement_id, str(fix.replacement_id)))} "
            f"--from {fix.from_date.isoformat()}",
        )
    elif isinstance(fix, HostReorder) and fix.people and hosts is not None:
        order = " ".join(_shell(names.get(pid, str(pid))) for pid in fix.people)
        line += ": " + shell_command(
            args,
            f"host set {order} --weekday {WEEKDAYS[hosts.weekday]} "
            f"--time {hosts.at_time} --minutes {hosts.minutes}",
        )
    return line


def rotation_add(args: argparse.Namespace) -> int:
    from leadtui.domain.rotations_input import CapacityDraft
    from leadtui.domain.validation import build
    from leadtui.services.rotations import add_capacity

    today = today_from_env()
    draft = build(
        CapacityDraft,
        today=today,
        name=args.name,
        description=args.description,
        term_months=args.term_months,
        seats=args.seats,
        offset_months=args.offset_months,
        starts_on=args.start,
        exposure=args.exposure,
    )
    c = add_capacity(open_store(args), draft, today)
    offset = f", offset {c.offset_months} months" if c.seats > 1 else ""
    echo(
        f"added {literal(c.name)}: {c.term_months}-month terms, {c.seats} seats{offset}, "
        f"from {c.starts_on.isoformat()}; add people with {hint(args, 'rotation roster')}"
    )
    return 0


def rotation_edit(args: argparse.Namespace) -> int:
    from leadtui.errors import InputError
    from leadtui.services.rotations import edit_capacity, find_capacity

    if args.new_name is None and args.description is None and args.exposure is None:
        raise InputError("say what to change: --name, --description or --exposure")
    store = open_store(args, create=False)
    capacity = find_capacity(store, args.name)
    changed = edit_capacity(
        store,
        capacity,
        today_from_env(),
        name=args.new_name,
        description=args.description,
        exposure=args.exposure,
    )
    what = (
        f"renamed {literal(capacity.name)} to {literal(changed.name)}"
        if changed.name != capacity.name
        else f"changed {literal(changed.name)}"
    )
    echo(what)
    return 0


def rotation_roster(args: argparse.Namespace) -> int:
    from leadtui.domain.rotations_input import MemberDraft
    from leadtui.domain.validation import build
    from leadtui.services.rotations import change_roster

    dates = None
    given = {
        key: value
        for key, value in (("joined_on", args.join), ("leaves_on", args.leave))
        if value is not None
    }
    if given:
        dates = build(MemberDraft, today=today_from_env(), **given)
    capacity, store = _capacity(args)
    changed = change_roster(
        store,
        capacity,
        args.people,
        remove=args.remove,
        dates=dates,
        out_of_rotation=args.out_of_rotation,
    )
    names = ", ".join(p.display_name for p in changed.people)
    echo(f"{'removed' if args.remove else 'roster'}: {names} ({literal(capacity.name)})")
    echo(f"{len(changed.members)} on the {literal(capacity.name)} roster")
    if args.remove or dates is not None:
        for person in changed.people:
            left_behind_notes(store, person.id, today_from_env(), args)
    return 0


def rotation_plan(args: argparse.Namespace) -> int:
    from leadtui.services.rotations import plan, schedule_of

    today = today_from_env()
    until = _date(args.until, "--until")
    capacity, store = _capacity(args)
    planned = plan(store, capacity, today, until)
    schedule = schedule_of(store, capacity, today)
    if not planned.assigned and not planned.unfilled:
        echo(f"{literal(capacity.name)}: every term to then has someone; nothing to plan")
    for s in planned.assigned:
        echo("planned " + _stretch(schedule, s.seat, s.starts, s.ends, s.person_id))
    for s in planned.unfilled:
        echo(
            f"open: {literal(capacity.name)} seat {s.seat} {s.starts.isoformat()} to "
            f"{s.ends.isoformat()}: nobody on the roster is free"
        )
    for w in schedule.warnings:
        echo(f"warning: {warning_line(w, schedule.names, capacity.name, args=args)}")
    return 0


def rotation_assign(args: argparse.Namespace) -> int:
    from leadtui.services.rotations import assign, unassign

    today = today_from_env()
    capacity, store = _capacity(args)
    start = _date(args.from_date, "--from")
    if args.undo:
        if start is None:
            from leadtui.errors import InputError

            raise InputError("--undo needs --from DATE: the day the assignment starts")
        unassign(store, capacity, args.seat, start)
        echo(f"removed the assignment of {literal(capacity.name)} seat {args.seat} from {start}")
        return 0
    if args.person is None:
        from leadtui.errors import InputError

        raise InputError("--person is required: who takes the seat")
    done = assign(store, capacity, args.seat, args.person, today, start)
    who = done.person.display_name if done.person else "?"
    echo(
        f"{who} serves {literal(capacity.name)} seat {done.seat} from "
        f"{done.starts.isoformat()} to {done.ends.isoformat()}"
    )
    note(done.notice)
    return 0


def rotation_cut(args: argparse.Namespace) -> int:
    from leadtui.services.rotations import cut_short

    capacity, store = _capacity(args)
    last = _date(args.on, "--on") or today_from_env()
    done = cut_short(store, capacity, args.seat, last, undo=args.undo)
    if args.undo:
        echo(f"{literal(capacity.name)} seat {args.seat}'s term runs its full length again")
    else:
        echo(
            f"{literal(capacity.name)} seat {args.seat}'s term ends on {done.ends.isoformat()}; "
            "assign someone for the rest of it"
        )
    return 0


def rotation_swap(args: argparse.Namespace) -> int:
    from leadtui.services.rotations import swap

    capacity, store = _capacity(args)
    start = _date(args.from_date, "--from") or today_from_env()
    done = swap(store, capacity, args.first, args.second, start, undo=args.undo)
    what = "no longer swap" if args.undo else "swap places"
    echo(
        f"{done.first.display_name} and {done.second.display_name} {what} in "
        f"{literal(capacity.name)} from {start.isoformat()}"
    )
    return 0


def rotation_recognize(args: argparse.Namespace) -> int:
    from leadtui.domain.rotations_input import RecognitionDraft
    from leadtui.domain.validation import build
    from leadtui.services.rotations import recognize

    draft = build(RecognitionDraft, today=today_from_env(), day=args.day, recognized_in=args.where)
    capacity, store = _capacity(args)
    record = recognize(store, capacity, args.person, draft)
    echo(
        f"recognized ({record.recognized_in.value if record.recognized_in else ''}) on "
        f"{draft.day.isoformat()}: the {literal(capacity.name)} term from "
        f"{record.starts_on.isoformat()}"
    )
    return 0


def rotation_exposure(args: argparse.Namespace) -> int:
    from leadtui.services.rotations import record_exposure

    capacity, store = _capacity(args)
    day = _date(args.day, "--date", future=False) or today_from_env()
    record = record_exposure(store, capacity, args.person, day)
    echo(
        f"exposure given on {day.isoformat()} (the {literal(capacity.name)} term from "
        f"{record.starts_on.isoformat()})"
    )
    return 0


def rotation_handoff(args: argparse.Namespace) -> int:
    from leadtui.domain.rotations_input import HandoffDraft
    from leadtui.domain.validation import build
    from leadtui.services.rotations import write_handoff

    draft = build(HandoffDraft, text=args.text, private=args.private)
    capacity, store = _capacity(args)
    record = write_handoff(store, capacity, args.person, draft, today_from_env())
    where = "private, never exported" if draft.private else "shared with the team's copy"
    echo(f"hand-off note written for the term from {record.starts_on.isoformat()} ({where})")
    return 0


def horizon_months(args: argparse.Namespace) -> int:
    """--months N, checked: how many months a schedule or calendar looks ahead."""
    from leadtui.domain.rotations_input import HorizonDraft
    from leadtui.domain.validation import build
    from leadtui.errors import InputError

    try:
        return build(HorizonDraft, months=args.months).months
    except InputError as exc:
        raise InputError(f"--{exc.message}", field="months") from None


def rotation_list(args: argparse.Namespace) -> int:
    from leadtui.services.rotations import schedules

    today = today_from_env()
    store = open_store(args, create=False)
    found = schedules(store, today, 1)
    if args.json:
        from leadtui.export.json import capacities_json

        echo_json(capacities_json(found, today))
        return 0
    if not found:
        echo(f"no rotations yet; add one with {hint(args, ADD_ROTATION)}")
    for schedule in found:
        c = schedule.capacity
        state = "" if c.active else " (retired)"
        serving = [schedule.name_of(s.person_id) for s in schedule.segments if s.covers(today)]
        now = ", ".join(literal(n) for n in serving) or "nobody"
        echo(
            f"{literal(c.name)}{state}: {c.term_months}-month terms, "
            f"{c.seats} seat{'' if c.seats == 1 else 's'}, "
            f"{len(schedule.members)} on the roster; serving now: {now}"
        )
    _capacity_namesakes(store, args)
    return 0


def rotation_show(args: argparse.Namespace) -> int:
    from leadtui.services.rotations import find_capacity, schedules

    today = today_from_env()
    months = horizon_months(args)
    store = open_store(args, create=False)
    found = schedules(store, today, months)
    if args.name is not None:
        capacity = find_capacity(store, args.name)
        found = [s for s in found if s.capacity.id == capacity.id]
    from leadtui.services.rotations import horizon_until

    until = horizon_until(today, months)
    if args.json:
        from leadtui.export.json import rotations_json

        # One shape whatever the arguments: a NAME narrows the list to one capacity.
        echo_json(rotations_json(found, today, until))
        return 0
    if not found:
        echo(f"no rotations yet; add one with {hint(args, ADD_ROTATION)}")
    for schedule in found:
        c = schedule.capacity
        state = "" if c.active else " (retired)"
        echo(
            f"{literal(c.name)}{state}: {c.term_months}-month terms, "
            f"{c.seats} seat{'' if c.seats == 1 else 's'}, "
            f"offset {c.offset_months}, from {c.starts_on.isoformat()}"
        )
        for s in schedule.upcoming(today, until):
            now = "  <- now" if s.covers(today) else ""
            echo(
                f"  seat {s.seat}  {s.starts.isoformat()} to {s.ends.isoformat()}  "
                f"{literal(schedule.name_of(s.person_id))}{now}"
            )
        for w in schedule.warnings:
            echo(f"  warning: {warning_line(w, schedule.names, c.name, args=args)}")
    _namesakes_among(store, {pid for s in found for pid in s.names if s.serves(pid)}, args)
    _capacity_namesakes(store, args)
    return 0


def _capacity_namesakes(store: Store, args: argparse.Namespace) -> None:
    """Flag capacities an earlier version stored under one name: a name typed on the
    command line finds only the one spelled exactly so, so say how to rename one."""
    import shlex

    from leadtui.cli.common import hint
    from leadtui.domain.text import quoted
    from leadtui.services.rotations import capacity_namesakes

    for group in capacity_namesakes(store):
        names = ", ".join(quoted(literal(c.name)) for c in group)
        last = shlex.quote(literal(group[-1].name))
        rename = hint(args, f"rotation edit {last} --name NEW")
        echo(f"⚠ capacities {names} share one name; rename one: {rename}")


def _namesakes_among(store: Store, shown: set[int], args: argparse.Namespace) -> None:
    """Flag people shown who share a name with someone: the schedule cannot tell them
    apart, and neither can a name typed on the command line."""
    from leadtui.services.people import list_people, namesake_notice, namesakes

    for group in namesakes(list_people(store)):
        if shown & {p.id for p in group.people}:
            echo(f"⚠ {with_db(namesake_notice(group), args)}")


def rotation_export_definition(args: argparse.Namespace) -> int:
    from leadtui.cli.common import print_or_write
    from leadtui.export.rotation_definitions import definition_toml
    from leadtui.services.rotation_definitions import definition

    capacity, store = _capacity(args)
    written = print_or_write(definition_toml(definition(store, capacity)), args)
    if written:
        echo(f"wrote the {literal(capacity.name)} definition to {written}")
    return 0


def rotation_import_definition(args: argparse.Namespace) -> int:
    from pathlib import Path

    from leadtui.cli.common import shown_path
    from leadtui.errors import InputError
    from leadtui.imports.rotation_definitions import read_definition
    from leadtui.services.rotation_definitions import import_definition

    path = Path(args.file).expanduser()
    try:
        # The file is read and checked before the database is opened: a refused file
        # leaves no trace, not even a new database.
        draft = read_definition(path, today_from_env())
        imported = import_definition(open_store(args), draft)
    except InputError as exc:
        raise InputError(f"{shown_path(path)}: {exc.message}", field=exc.field) from None
    c = imported.capacity
    echo(
        f"imported {literal(c.name)}: {len(imported.members)} on the roster, "
        f"{plural(len(imported.exceptions), 'exception')}"
    )
    return 0


# --- the weekly host ----------------------------------------------------------------------


def _print_hosts(hosts: HostSchedule, args: argparse.Namespace) -> None:
    from leadtui.domain.dates import WEEKDAYS

    if hosts.rotation is None:
        echo(f"no host rotation yet; set one with {hint(args, 'host set PERSON...')}")
        return
    r = hosts.rotation
    echo(f"every {WEEKDAYS[r.weekday].capitalize()} at {r.at_time}")
    for m in hosts.meetings:
        mark = "  (swapped)" if m.swapped else ""
        echo(f"  {m.on.isoformat()}  {literal(hosts.name_of(m.person_id))}{mark}")
    for w in hosts.warnings:
        echo(f"  warning: {warning_line(w, hosts.names, hosts=r, args=args)}")


def host_set(args: argparse.Namespace) -> int:
    from leadtui.domain.rotations_input import HostDraft
    from leadtui.domain.validation import build
    from leadtui.services.hosts import set_hosts

    fields = {
        key: value
        for key, value in (
            ("weekday", args.weekday),
            ("at_time", args.time),
            ("minutes", args.minutes),
        )
        if value is not None
    }
    draft = build(HostDraft, **fields)
    hosts = set_hosts(open_store(args), args.people, draft, today_from_env())
    _print_hosts(hosts, args)
    return 0


def host_skip(args: argparse.Namespace) -> int:
    from leadtui.services.hosts import skip_meeting

    day = _date(args.date, "date")
    assert day is not None
    meeting = skip_meeting(open_store(args, create=False), day, undo=args.undo)
    if args.undo:
        echo(f"the meeting on {day.isoformat()} is held again")
    else:
        echo(f"skipped the meeting on {meeting.on.isoformat()}; no turn is lost")
    return 0


def host_swap(args: argparse.Namespace) -> int:
    from leadtui.services.hosts import host_schedule, swap_hosts

    first, second = _date(args.first, "date"), _date(args.second, "date")
    assert first is not None and second is not None
    store = open_store(args, create=False)
    swap_hosts(store, first, second, undo=args.undo)
    echo(f"{'restored' if args.undo else 'swapped'} the hosts of {first} and {second}")
    _print_hosts(host_schedule(store, today_from_env()), args)
    return 0


def host_show(args: argparse.Namespace) -> int:
    from leadtui.domain.rotations_input import HorizonDraft
    from leadtui.domain.validation import build
    from leadtui.errors import InputError
    from leadtui.services.hosts import host_schedule

    try:
        weeks = build(HorizonDraft, weeks=args.weeks).weeks
    except InputError as exc:
        raise InputError(f"--{exc.message}", field="weeks") from None
    hosts = host_schedule(open_store(args, create=False), today_from_env(), weeks)
    if args.json:
        from leadtui.export.json import hosts_json

        echo_json(hosts_json(hosts))
        return 0
    _print_hosts(hosts, args)
    return 0


# --- export ---------------------------------------------------------------------------------


def export_rotations(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from leadtui.cli.common import print_or_write
    from leadtui.services.hosts import host_schedule
    from leadtui.services.rotations import schedules

    today = today_from_env()
    months = horizon_months(args)
    store = open_store(args, create=False)
    if args.ics:
        from leadtui.config import calendar_time_zone
        from leadtui.export.ics import rotations_ics
        from leadtui.services.calendar import READ_ONLY_CALENDAR, publish_rotation_calendar

        zone = calendar_time_zone(settings_for(args))
        written = publish_rotation_calendar(
            store,
            today,
            zone,
            months,
            lambda calendar: print_or_write(rotations_ics(calendar, datetime.now(UTC)), args),
        )
        if store.read_only:
            note(READ_ONLY_CALENDAR)
        what = "calendar"
    else:
        from leadtui.export.rotations import team_rotations_document

        written = print_or_write(team_rotations_document(store, today, months), args)
        what = "schedule"
    if written:
        echo(f"wrote the team's rotation {what} ({months} months) to {written}")
    # The file carries the seats and turns of whoever holds them, someone who left too:
    # say so beside it (on stderr, so a file printed to stdout stays the file).
    from leadtui.domain.rotations import Check

    for schedule in schedules(store, today, months):
        for w in schedule.warnings:
            if w.check is Check.LEFT:
                note(warning_line(w, schedule.names, schedule.capacity.name, args=args))
    hosts_now = host_schedule(store, today)
    for w in hosts_now.warnings:
        note(warning_line(w, hosts_now.names, hosts=hosts_now.rotation, args=args))
    return 0


def register_rotation(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    """`leadtui rotation ...`: capacities, rosters, the plan and its exceptions."""
    rot_sub = parser.add_subparsers(title="rotation commands", metavar="ACTION", required=True)
    add = rot_sub.add_parser("add", help="add a capacity (a rotating role)", parents=[common])
    add.add_argument("name", metavar="NAME", help='e.g. "Incident Review"')
    add.add_argument("--term-months", default="6", metavar="N", help="term length, 1–36 (6)")
    add.add_argument("--seats", default="2", metavar="N", help="people serving together (2)")
    add.add_argument("--offset-months", metavar="N", help="between seats (term ÷ seats)")
    add.add_argument("--start", metavar="DATE", help="the first term's first day (today)")
    add.add_argument("--exposure", metavar="TEXT", help="what makes it interesting")
    add.add_argument("--description", metavar="TEXT")
    add.set_defaults(handler=rotation_add)
    roster = rot_sub.add_parser(
        "roster", help="add people to a capacity's roster (or change, remove)", parents=[common]
    )
    roster.add_argument("name", metavar="NAME")
    roster.add_argument("people", metavar="PERSON", nargs="+")
    roster.add_argument("--remove", action="store_true", help="take them off the roster")
    roster.add_argument("--join", metavar="DATE", help="eligible from this day")
    roster.add_argument("--leave", metavar="DATE", help="leaves the rotation on this day")
    roster.add_argument(
        "--out-of-rotation", dest="out_of_rotation", action="store_const", const=True
    )
    roster.add_argument(
        "--back", dest="out_of_rotation", action="store_const", const=False, help="in again"
    )
    roster.set_defaults(handler=rotation_roster, out_of_rotation=None)
    plan = rot_sub.add_parser(
        "plan", help="propose and record who serves the next terms", parents=[common]
    )
    plan.add_argument("name", metavar="NAME")
    plan.add_argument(
        "--until", metavar="DATE", help="terms starting by then (one term ahead; 5 years at most)"
    )
    plan.set_defaults(handler=rotation_plan)
    assign = rot_sub.add_parser(
        "assign", help="put a person in a seat from a day to its term's end", parents=[common]
    )
    assign.add_argument("name", metavar="NAME")
    assign.add_argument("--seat", type=int, required=True, metavar="N")
    assign.add_argument("--person", metavar="PERSON")
    assign.add_argument("--from", dest="from_date", metavar="DATE", help="(the next term)")
    assign.add_argument("--undo", action="store_true", help="remove the assignment from DATE")
    assign.set_defaults(handler=rotation_assign)
    cut = rot_sub.add_parser("cut", help="end a seat's term early", parents=[common])
    cut.add_argument("name", metavar="NAME")
    cut.add_argument("--seat", type=int, required=True, metavar="N")
    cut.add_argument("--on", metavar="DATE", help="the last day served (today)")
    cut.add_argument("--undo", action="store_true", help="restore the full term")
    cut.set_defaults(handler=rotation_cut)
    swap = rot_sub.add_parser(
        "swap", help="two roster members exchange places from a day", parents=[common]
    )
    swap.add_argument("name", metavar="NAME")
    swap.add_argument("first", metavar="PERSON")
    swap.add_argument("second", metavar="PERSON")
    swap.add_argument("--from", dest="from_date", metavar="DATE", help="(today)")
    swap.add_argument("--undo", action="store_true", help="remove the swap from DATE")
    swap.set_defaults(handler=rotation_swap)
    recognize = rot_sub.add_parser(
        "recognize", help="record a call-out for someone's term", parents=[common]
    )
    recognize.add_argument("name", metavar="NAME")
    recognize.add_argument("person", metavar="PERSON")
    recognize.add_argument(
        "--in", dest="where", default="all-hands", help="all-hands | qa | other (all-hands)"
    )
    recognize.add_argument("--date", dest="day", metavar="DATE", help="(today)")
    recognize.set_defaults(handler=rotation_recognize)
    exposure = rot_sub.add_parser(
        "exposure", help="record the exposure given during a term", parents=[common]
    )
    exposure.add_argument("name", metavar="NAME")
    exposure.add_argument("person", metavar="PERSON")
    exposure.add_argument("--date", dest="day", metavar="DATE", help="(today)")
    exposure.set_defaults(handler=rotation_exposure)
    handoff = rot_sub.add_parser(
        "handoff", help="write a hand-off note for someone's term", parents=[common]
    )
    handoff.add_argument("name", metavar="NAME")
    handoff.add_argument("person", metavar="PERSON")
    handoff.add_argument("text", metavar="TEXT")
    handoff.add_argument("--private", action="store_true", help="never in the team's copy")
    handoff.set_defaults(handler=rotation_handoff)
    edit = rot_sub.add_parser(
        "edit",
        help="rename a capacity, or change its description or exposure",
        description="Terms, seats and the start stay as they are: the schedule and every "
        'teammate\'s calendar are computed from them. Give "" to clear a description or '
        "exposure.",
        parents=[common],
    )
    edit.add_argument("name", metavar="NAME")
    edit.add_argument("--name", dest="new_name", metavar="TEXT", help="the new name")
    edit.add_argument("--description", metavar="TEXT")
    edit.add_argument("--exposure", metavar="TEXT", help="what makes it interesting")
    edit.set_defaults(handler=rotation_edit)
    listing = rot_sub.add_parser(
        "list", help="every capacity: who serves now, the roster", parents=[common]
    )
    listing.add_argument("--json", action="store_true", help="print one JSON document")
    listing.set_defaults(handler=rotation_list)
    show = rot_sub.add_parser("show", help="terms, seats and warnings", parents=[common])
    show.add_argument("name", metavar="NAME", nargs="?")
    show.add_argument("--months", default="12", metavar="N", help="how far ahead (12)")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=rotation_show)
    export_def = rot_sub.add_parser(
        "export-definition", help="the capacity, roster and exceptions as TOML", parents=[common]
    )
    export_def.add_argument("name", metavar="NAME")
    completes_files(export_def.add_argument("--out", metavar="FILE", help="default: print"))
    export_def.add_argument("--force", action="store_true", help="overwrite --out")
    export_def.set_defaults(handler=rotation_export_definition)
    import_def = rot_sub.add_parser(
        "import-definition", help="read a definition back (creates or replaces)", parents=[common]
    )
    completes_files(import_def.add_argument("file", metavar="FILE"))
    import_def.set_defaults(handler=rotation_import_definition)


def register_host(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    """`leadtui host ...`: the weekly leadership meeting's host rotation."""
    host_sub = parser.add_subparsers(title="host commands", metavar="ACTION", required=True)
    hset = host_sub.add_parser(
        "set", help="the leadership team that hosts in turn (never you)", parents=[common]
    )
    hset.add_argument("people", metavar="PERSON", nargs="+")
    hset.add_argument("--weekday", metavar="DAY", help="(monday)")
    hset.add_argument("--time", metavar="HH:MM", help="(09:00)")
    hset.add_argument("--minutes", metavar="N", help="(60)")
    hset.set_defaults(handler=host_set)
    hskip = host_sub.add_parser("skip", help="skip a week (no turn is consumed)", parents=[common])
    hskip.add_argument("date", metavar="DATE")
    hskip.add_argument("--undo", action="store_true", help="hold it again")
    hskip.set_defaults(handler=host_skip)
    hswap = host_sub.add_parser("swap", help="swap the hosts of two meetings", parents=[common])
    hswap.add_argument("first", metavar="DATE")
    hswap.add_argument("second", metavar="DATE")
    hswap.add_argument("--undo", action="store_true", help="restore both hosts")
    hswap.set_defaults(handler=host_swap)
    hshow = host_sub.add_parser("show", help="the next hosts", parents=[common])
    hshow.add_argument("--weeks", default="8", metavar="N", help="(8)")
    hshow.add_argument("--json", action="store_true")
    hshow.set_defaults(handler=host_show)


def register_exports(export_command: ExportCommand) -> None:
    """`leadtui export rotations`: the team's schedule as Markdown or iCalendar."""
    rotations_export = export_command(
        "rotations", "the team's rotation schedule (Markdown, or --ics)", None
    )
    rotations_export.add_argument(
        "--ics", action="store_true", help="iCalendar (RFC 5545) for the team's calendars"
    )
    rotations_export.add_argument("--months", default="12", metavar="N", help="horizon (12)")
    rotations_export.set_defaults(handler=export_rotations)
