"""`leadtui 1on1`: series, talking points, action items, notes and sessions.

A person without a recurring series has an ad-hoc document: points, actions, notes and
holds work the same, and the next session is "when you next meet". Talking points and
action items are numbered separately (`1on1 show` lists both): `discuss`, `drop`,
`edit` and `remove` take a point's ID, `done`, `edit --action` and `remove --action` an
action's.

Each handler parses its arguments, calls one use case in services.oneonones and prints
the result; an archived person's notice goes to stderr. Refusals about one-on-ones come
back front-end neutral and get the command that fixes them here (:func:`shell_fix`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from leadtui.cli.common import (
    echo,
    echo_json,
    hint,
    note,
    person_and_store,
    person_word,
    record_id,
    today_from_env,
)
from leadtui.domain.text import plural
from leadtui.errors import InputError

if TYPE_CHECKING:
    import argparse
    from datetime import date

    from leadtui.services.oneonones import OneOnOneRefusal

Handler = Callable[["argparse.Namespace"], int]


def shell_fix(refusal: OneOnOneRefusal, args: argparse.Namespace | None = None) -> str:
    """A one-on-one refusal followed by the command that fixes it, where there is one."""
    from leadtui.services.oneonones import Refusal

    who = person_word(refusal.person)
    day = refusal.day.isoformat() if refusal.day else "DATE"
    fixes = {
        Refusal.NO_SERIES: (
            f"; create one with {hint(args, f'1on1 series {who} --weekday tuesday --time 10:00')}"
        ),
        Refusal.NOT_ACTIVE: f" with {hint(args, f'1on1 series {who} --resume')}",
        Refusal.ALREADY_HELD: f" with {hint(args, f'1on1 notes {who} --session {day}')}",
        Refusal.NO_SUCH_POINT: f"; see {hint(args, f'1on1 show {who}')}",
        Refusal.NO_SUCH_ACTION: f"; see {hint(args, f'1on1 show {who}')}",
        Refusal.NOT_HELD_ON: f"; see {hint(args, f'export 1on1 {who}')} for the dates",
    }
    return refusal.message + fixes[refusal.reason]


def with_shell_fixes(handler: Handler) -> Handler:
    """Run ``handler``; a one-on-one refusal is reworded with its fix (:func:`shell_fix`)."""

    @functools.wraps(handler)
    def run(args: argparse.Namespace) -> int:
        from leadtui.services.oneonones import OneOnOneRefusal

        try:
            return handler(args)
        except OneOnOneRefusal as refusal:
            raise InputError(shell_fix(refusal, args)) from None

    return run


@with_shell_fixes
def oneonone_series(args: argparse.Namespace) -> int:
    from leadtui.domain.oneonones import SeriesStatus
    from leadtui.services.oneonones import set_series, set_series_status

    today = today_from_env()
    person, store = person_and_store(args)
    if args.status:
        status = {
            "pause": SeriesStatus.PAUSED,
            "resume": SeriesStatus.ACTIVE,
            "end": SeriesStatus.ENDED,
        }[args.status]
        changed = set_series_status(store, person, today, status)
        note(changed.notice)
        echo(f"1:1 with {person.display_name}: {changed.series.status.value}")
        return 0
    # An empty --every, --time, --minutes or --start keeps what the series has.
    saved = set_series(
        store,
        person,
        today,
        every_weeks=args.every_weeks or None,
        weekday=args.weekday,
        at_time=args.time or None,
        minutes=args.minutes or None,
        starts_on=args.start or None,
    )
    note(saved.notice)
    echo(
        f"1:1 with {person.display_name}: {saved.series.describe()}; next "
        f"{saved.next_on.isoformat() if saved.next_on else 'not scheduled'}"
    )
    return 0


@with_shell_fixes
def oneonone_add(args: argparse.Namespace) -> int:
    from leadtui.domain.text import literal
    from leadtui.services.oneonones import add_point

    person, store = person_and_store(args)
    saved = add_point(
        store,
        person,
        today_from_env(),
        text=args.text,
        raised_by="them" if args.theirs else "me",
        visibility="private" if args.private else "shared",
        recurring=args.recurring,
        deep=args.deep,
    )
    note(saved.notice)
    point = saved.point
    depth = ", deep" if point.deep else ""
    echo(
        f"talking point {point.id} for {person.display_name} ({point.visibility.value}, "
        f"from {point.raised_by.value}{depth}): {literal(point.text)}"
    )
    return 0


@with_shell_fixes
def oneonone_edit(args: argparse.Namespace) -> int:
    from leadtui.domain.text import literal
    from leadtui.services.oneonones import edit_point, revise_action

    person, store = person_and_store(args)
    if args.action:
        if args.visibility is not None or args.deep is not None:
            raise InputError(
                "an action item is part of the shared document, so it has no --private, "
                "--shared, --deep or --quick; give TEXT, --owner, --due or --no-due"
            )
        if args.text is None and args.owner is None and args.due is None and not args.no_due:
            raise InputError("give the new TEXT, --owner, --due DATE or --no-due")
        saved = revise_action(
            store,
            person,
            today_from_env(),
            args.item,
            text=args.text,
            owner=args.owner,
            due_on=args.due,
            no_due=args.no_due,
        )
        note(saved.notice)
        action = saved.action
        # Only what was asked about is echoed, so an edit of the text reads as before.
        extra = []
        if args.owner is not None:
            extra.append(f"owner {action.owner.value}")
        if args.due is not None or args.no_due:
            extra.append(f"due {action.due_on.isoformat()}" if action.due_on else "no due date")
        told = f" ({', '.join(extra)})" if extra else ""
        echo(f"action {action.id}{told}: {literal(action.text)}")
        return 0
    if args.owner is not None or args.due is not None or args.no_due:
        raise InputError(
            "--owner, --due and --no-due are for action items: add --action and an action's ID"
        )
    if args.text is None and args.visibility is None and args.deep is None:
        raise InputError("give the new TEXT, --private, --shared, --deep or --quick")
    point = edit_point(
        store, person, args.item, text=args.text, visibility=args.visibility, deep=args.deep
    )
    note(point.notice)
    extra = [point.point.visibility.value] if args.visibility is not None else []
    if args.deep is not None:
        extra.append("deep" if point.point.deep else "quick")
    told = f" ({', '.join(extra)})" if extra else ""
    echo(f"talking point {point.point.id}{told}: {literal(point.point.text)}")
    return 0


@with_shell_fixes
def oneonone_remove(args: argparse.Namespace) -> int:
    from leadtui.domain.text import literal
    from leadtui.services.oneonones import remove_action, remove_point

    person, store = person_and_store(args)
    if args.action:
        gone = remove_action(store, person, args.item)
        note(gone.notice)
        action = gone.action
        echo(
            f"removed action {action.id} for {person.display_name} ({action.owner.value}): "
            f"{literal(action.text)}"
        )
        return 0
    removed = remove_point(store, person, args.item)
    note(removed.notice)
    point = removed.point
    echo(
        f"removed talking point {point.id} for {person.display_name} "
        f"({point.visibility.value}): {literal(point.text)}"
    )
    return 0


@with_shell_fixes
def oneonone_unhold(args: argparse.Namespace) -> int:
    from leadtui.services.oneonones import unhold_session

    person, store = person_and_store(args)
    unheld = unhold_session(store, person, today_from_env())
    note(unheld.notice)
    echo(
        f"took back the {unheld.session.held_on.isoformat()} session with "
        f"{person.display_name}: {plural(unheld.points, 'point')} and "
        f"{plural(unheld.actions, 'action')} "
        f"upcoming again; next {next_session_text(unheld.next_on, unheld.series.ad_hoc)}"
    )
    return 0


def next_session_text(next_on: date | None, ad_hoc: bool) -> str:
    """The next session as the command line prints it."""
    if next_on is not None:
        return next_on.isoformat()
    return "when you next meet" if ad_hoc else "not scheduled"


@with_shell_fixes
def oneonone_action(args: argparse.Namespace) -> int:
    from leadtui.domain.text import literal
    from leadtui.services.oneonones import add_action

    today = today_from_env()
    person, store = person_and_store(args)
    saved = add_action(store, person, today, text=args.text, owner=args.owner, due_on=args.due)
    note(saved.notice)
    action = saved.action
    due = f", due {action.due_on.isoformat()}" if action.due_on else ""
    late = " (already overdue)" if action.overdue(today) else ""
    echo(f"action {action.id} for {action.owner.value}{due}{late}: {literal(action.text)}")
    return 0


@with_shell_fixes
def oneonone_mark(args: argparse.Namespace) -> int:
    from leadtui.domain.oneonones import PointStatus
    from leadtui.services.oneonones import mark_action, mark_point

    person, store = person_and_store(args)
    if args.what == "done":
        done = mark_action(store, person, today_from_env(), args.item, done=not args.undo)
        note(done.notice)
        echo(f"action {done.action.id}: {'open again' if args.undo else 'done'}")
        return 0
    status = PointStatus.OPEN if args.undo else PointStatus(args.what)
    marked = mark_point(store, person, args.item, status)
    note(marked.notice)
    echo(f"talking point {marked.point.id}: {marked.point.status.value}")
    return 0


@with_shell_fixes
def oneonone_close(args: argparse.Namespace) -> int:
    from leadtui.domain.dates import parse_date
    from leadtui.services.oneonones import hold_session

    today = today_from_env()
    held_on = parse_date(args.day, today, field="--date") if args.day else today
    person, store = person_and_store(args)
    held = hold_session(store, person, today, held_on=held_on, rating=args.rating)
    note(held.notice)
    rated = f", rated {held.session.rating}/5" if held.session.rating is not None else ""
    echo(
        f"held {held.session.held_on.isoformat()} with {person.display_name}: "
        f"{plural(held.filed, 'point')} filed, {held.carried} carried over{rated}"
    )
    return 0


@with_shell_fixes
def oneonone_notes(args: argparse.Namespace) -> int:
    from leadtui.domain.dates import parse_date
    from leadtui.services.oneonones import fix_notes, write_notes

    if args.shared is None and args.private is None:
        raise InputError('give --shared TEXT and/or --private TEXT, e.g. --shared "Agreed on X"')
    today = today_from_env()
    held_on = parse_date(args.session, today, field="--session") if args.session else None
    person, store = person_and_store(args)
    if held_on is None:
        saved = write_notes(store, person, today, shared=args.shared, private=args.private)
        note(saved.notice)
        echo(f"notes for the next 1:1 with {person.display_name} saved")
    else:
        fixed = fix_notes(store, person, held_on, shared=args.shared, private=args.private)
        note(fixed.notice)
        echo(f"notes of the {held_on.isoformat()} session with {person.display_name} fixed")
    return 0


@with_shell_fixes
def oneonone_reschedule(args: argparse.Namespace) -> int:
    from leadtui.domain.dates import parse_date
    from leadtui.services.oneonones import reschedule, restore_occurrence

    today = today_from_env()
    # Only upcoming sessions move, so a weekday name means the coming one.
    on = None if args.day is None else parse_date(args.day, today, field="--date", future=True)
    to_text = getattr(args, "to", None)
    to = parse_date(to_text, today, field="TO", future=True) if to_text is not None else None
    person, store = person_and_store(args)
    if getattr(args, "undo", False):
        if on is None:
            raise InputError("--undo needs --date DATE, the session to bring back")
        back = restore_occurrence(store, person, on)
        note(back.notice)
        echo(f"1:1 with {person.display_name} is back on {back.on.isoformat()}")
        return 0
    done = reschedule(store, person, today, on=on, to=to)
    note(done.notice)
    if done.now_on is None:
        echo(f"1:1 with {person.display_name} on {done.was_on.isoformat()}: skipped")
    else:
        echo(
            f"1:1 with {person.display_name} moved from {done.was_on.isoformat()} "
            f"to {done.now_on.isoformat()}"
        )
    return 0


@with_shell_fixes
def oneonone_prompt(args: argparse.Namespace) -> int:
    """`1on1 prompt PERSON [KIND]`: the prompt tray, or take one as a talking point."""
    from leadtui.domain.oneonones import PROMPTS
    from leadtui.domain.text import literal
    from leadtui.services.oneonones import take_prompt

    if args.kind is None:
        for prompt in PROMPTS:
            echo(f"{prompt.kind.value.replace('_', '-'):<16} {prompt.text}")
            echo(f"{'':<16} source: {prompt.quote}")
        return 0
    person, store = person_and_store(args)
    saved = take_prompt(store, person, today_from_env(), args.kind)
    note(saved.notice)
    point = saved.point
    mark = point.prompt.mark if point.prompt is not None else ""
    echo(
        f"talking point {point.id} for {person.display_name} ({point.visibility.value}, "
        f"{mark}): {literal(point.text)}"
    )
    return 0


@with_shell_fixes
def oneonone_show(args: argparse.Namespace) -> int:
    from leadtui.domain.oneonones import PointStatus, Visibility, carried_too_long
    from leadtui.domain.text import literal
    from leadtui.services.oneonones import running_document

    person, store = person_and_store(args)
    doc = running_document(store, person, today_from_env(), history=1)
    if args.json:
        from leadtui.export.json import running_document_json

        echo_json(running_document_json(doc))
        return 0
    next_on = next_session_text(doc.next_on, doc.series.ad_hoc)
    echo(f"1:1 with {person.display_name}: {doc.series.describe()}")
    echo(f"next session: {next_on}{' (overdue)' if doc.overdue else ''}")
    # The eight weeks ahead, as `export calendar` puts them in a calendar.
    from datetime import timedelta

    ahead = doc.upcoming_sessions(today_from_env() + timedelta(weeks=8))
    if len(ahead) > 1:
        echo(f"then: {', '.join(day.isoformat() for day in ahead[1:])}")
    echo("talking points:" if doc.points else "talking points: none yet")
    for p in doc.points:
        flags = [p.raised_by.value]
        if p.visibility is Visibility.PRIVATE:
            flags.append("private")
        if p.prompt is not None:
            flags.append(p.prompt.mark)
        if p.deep:
            flags.append("deep")
        if p.carried:
            flags.append(f"carried {p.carried}x")
        if carried_too_long(p):
            flags.append("carried too long")
        if p.status is not PointStatus.OPEN:
            flags.append(p.status.value)
        echo(f"  {p.id:>4}  {literal(p.text)}  ({', '.join(flags)})")
    if doc.depth_warning:
        echo(f"depth: {doc.depth_warning}")
    for suggestion in doc.suggested:
        echo(f"  suggested: {literal(suggestion)}")
    open_actions = [a for a in doc.actions if a.done_on is None]
    echo("open actions:" if open_actions else "open actions: none")
    for a in open_actions:
        due = f", due {a.due_on.isoformat()}" if a.due_on else ""
        echo(f"  {a.id:>4}  {literal(a.text)}  ({a.owner.value}{due})")
    if doc.sessions:
        last = doc.sessions[0][0]
        echo(
            f"last session {last.held_on.isoformat()}: "
            f"{literal(last.shared_notes) or 'no shared notes'}"
        )
    return 0


def register_oneonone(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    """`leadtui 1on1 ...`: series, talking points, actions and sessions."""
    oo_sub = parser.add_subparsers(title="1on1 commands", metavar="ACTION", required=True)
    series = oo_sub.add_parser(
        "series", help="create or change a person's recurring 1:1", parents=[common]
    )
    series.add_argument("person", metavar="PERSON")
    series.add_argument("--every", dest="every_weeks", metavar="N", help="every N weeks (1)")
    series.add_argument("--weekday", metavar="DAY", help="e.g. tuesday")
    series.add_argument("--time", metavar="HH:MM", help="start time (10:00)")
    series.add_argument("--minutes", metavar="N", help="length (60)")
    series.add_argument("--start", metavar="DATE", help="first possible date (today)")
    series.add_argument("--pause", dest="status", action="store_const", const="pause")
    series.add_argument("--resume", dest="status", action="store_const", const="resume")
    series.add_argument("--end", dest="status", action="store_const", const="end")
    series.set_defaults(handler=oneonone_series, status=None)
    oo_add = oo_sub.add_parser("add", help="a talking point for the next session", parents=[common])
    oo_add.add_argument("person", metavar="PERSON")
    oo_add.add_argument("text", metavar="TEXT")
    oo_add.add_argument("--private", action="store_true", help="never in a shared export")
    oo_add.add_argument("--theirs", action="store_true", help="raised by them")
    oo_add.add_argument("--recurring", action="store_true", help="asked every session")
    oo_add.add_argument(
        "--deep",
        action="store_true",
        help="one of the two or three meaningful problems an hour is enough to dig deep into",
    )
    oo_add.set_defaults(handler=oneonone_add)
    oo_prompt = oo_sub.add_parser(
        "prompt",
        help="the prompt tray: questions to bring back (list them, or take KIND as a point)",
        parents=[common],
    )
    oo_prompt.add_argument("person", metavar="PERSON")
    oo_prompt.add_argument(
        "kind",
        metavar="KIND",
        nargs="?",
        help="skill-gap | execution-focus | feedback-asked | kernel-check (none: list them)",
    )
    oo_prompt.set_defaults(handler=oneonone_prompt)
    oo_action = oo_sub.add_parser("action", help="an action item", parents=[common])
    oo_action.add_argument("person", metavar="PERSON")
    oo_action.add_argument("text", metavar="TEXT")
    oo_action.add_argument("--owner", default="me", help="me | them (me)")
    oo_action.add_argument(
        "--due", metavar="DATE", help="due date; a past date is accepted and overdue at once"
    )
    oo_action.set_defaults(handler=oneonone_action)
    oo_edit = oo_sub.add_parser(
        "edit",
        help="change an upcoming talking point (or with --action, an action item)",
        description="Change what an upcoming talking point says or who sees it, or with "
        "--action an upcoming action item's text, owner or due date; what is not given "
        "stays. Points and actions are numbered separately: `leadtui 1on1 show PERSON` "
        "lists both with their IDs.",
        parents=[common],
    )
    oo_edit.add_argument("person", metavar="PERSON")
    oo_edit.add_argument(
        "item",
        metavar="ID",
        type=record_id,
        help="a talking point's ID (an action item's with --action)",
    )
    oo_edit.add_argument("text", metavar="TEXT", nargs="?", help="the new text")
    oo_edit.add_argument(
        "--action", action="store_true", help="ID is an action item's, not a talking point's"
    )
    seen = oo_edit.add_mutually_exclusive_group()
    seen.add_argument(
        "--private",
        dest="visibility",
        action="store_const",
        const="private",
        help="a point never in a shared export",
    )
    seen.add_argument(
        "--shared", dest="visibility", action="store_const", const="shared", help="a point shared"
    )
    depth = oo_edit.add_mutually_exclusive_group()
    depth.add_argument(
        "--deep",
        dest="deep",
        action="store_const",
        const=True,
        help="a point to dig deep into (two or three a session)",
    )
    depth.add_argument(
        "--quick", dest="deep", action="store_const", const=False, help="a quick point"
    )
    oo_edit.add_argument("--owner", help="an action's owner: me | them")
    due = oo_edit.add_mutually_exclusive_group()
    due.add_argument("--due", metavar="DATE", help="an action's new due date")
    due.add_argument("--no-due", action="store_true", help="take an action's due date away")
    oo_edit.set_defaults(handler=oneonone_edit, visibility=None, deep=None)
    oo_remove = oo_sub.add_parser(
        "remove",
        help="delete an upcoming talking point (or with --action, an action item)",
        description="Delete an upcoming talking point, or with --action an upcoming "
        "action item, and print what was removed. Unlike `drop`, which files a point as "
        "dropped when the session is held, nothing of it is kept (`leadtui undo` brings "
        "it back).",
        parents=[common],
    )
    oo_remove.add_argument("person", metavar="PERSON")
    oo_remove.add_argument(
        "item",
        metavar="ID",
        type=record_id,
        help="a talking point's ID (an action item's with --action)",
    )
    oo_remove.add_argument(
        "--action", action="store_true", help="ID is an action item's, not a talking point's"
    )
    oo_remove.set_defaults(handler=oneonone_remove)
    oo_unhold = oo_sub.add_parser(
        "unhold",
        help="take back the last held session, as if it had not been held",
        description="Take back the last held session: its discussed and dropped points "
        "and done actions are upcoming again, carried counts go back down, its notes "
        "become the upcoming notes and the next date is what it was before the hold.",
        parents=[common],
    )
    oo_unhold.add_argument("person", metavar="PERSON")
    oo_unhold.set_defaults(handler=oneonone_unhold)
    for verb, what, help_text in (
        ("discuss", "discussed", "mark a talking point discussed"),
        ("drop", "dropped", "drop a talking point"),
        ("done", "done", "mark an action item done"),
    ):
        mark = oo_sub.add_parser(verb, help=help_text, parents=[common])
        mark.add_argument("person", metavar="PERSON")
        mark.add_argument("item", metavar="ID", type=record_id)
        mark.add_argument("--undo", action="store_true", help="open it again")
        mark.set_defaults(handler=oneonone_mark, what=what)
    oo_close = oo_sub.add_parser(
        "close", help="hold the session: file and carry over", parents=[common]
    )
    oo_close.add_argument("person", metavar="PERSON")
    oo_close.add_argument("--date", dest="day", metavar="DATE", help="held on (today)")
    oo_close.add_argument(
        "--rating", metavar="N", help="was it useful? 1 (not) to 5, yours alone (optional)"
    )
    oo_close.set_defaults(handler=oneonone_close)
    oo_notes = oo_sub.add_parser(
        "notes", help="write the next session's notes, or fix a held one's", parents=[common]
    )
    oo_notes.add_argument("person", metavar="PERSON")
    oo_notes.add_argument("--shared", metavar="TEXT", help="notes in the counterpart's copy")
    oo_notes.add_argument("--private", metavar="TEXT", help="notes never in a shared export")
    oo_notes.add_argument(
        "--session", metavar="DATE", help="fix the session held on DATE (default: the next one)"
    )
    oo_notes.set_defaults(handler=oneonone_notes)
    oo_skip = oo_sub.add_parser(
        "skip", help="skip the next session (or the one on --date)", parents=[common]
    )
    oo_skip.add_argument("person", metavar="PERSON")
    oo_skip.add_argument(
        "--date", dest="day", metavar="DATE", help="the session to skip (the next one)"
    )
    oo_skip.add_argument(
        "--undo", action="store_true", help="bring back the session on --date (skipped or moved)"
    )
    oo_skip.set_defaults(handler=oneonone_reschedule)
    oo_move = oo_sub.add_parser(
        "move", help="move the next session (or the one on --date) to TO", parents=[common]
    )
    oo_move.add_argument("person", metavar="PERSON")
    oo_move.add_argument("to", metavar="TO", help="the new date")
    oo_move.add_argument(
        "--date", dest="day", metavar="DATE", help="the session to move (the next one)"
    )
    oo_move.set_defaults(handler=oneonone_reschedule)
    oo_show = oo_sub.add_parser(
        "show", help="the next session: points, actions, last notes", parents=[common]
    )
    oo_show.add_argument("person", metavar="PERSON")
    oo_show.add_argument("--json", action="store_true")
    oo_show.set_defaults(handler=oneonone_show)

    # Agenda templates on a person's next session (`leadtui template list` names them).
    oo_template = oo_sub.add_parser(
        "template", help="add an agenda template's points to the next session", parents=[common]
    )
    oo_template.add_argument("person", metavar="PERSON")
    oo_template.add_argument("name", metavar="NAME", help="see `leadtui template list`")
    oo_template.set_defaults(handler=oneonone_template)
    # Was it useful?
    oo_rate = oo_sub.add_parser(
        "rate", help="rate a held session 1–5: was it useful? (yours alone)", parents=[common]
    )
    oo_rate.add_argument("person", metavar="PERSON")
    oo_rate.add_argument("rating", metavar="RATING", help="1 (not useful) to 5; - clears it")
    oo_rate.add_argument("--session", metavar="DATE", help="the session held that day (the last)")
    oo_rate.set_defaults(handler=oneonone_rate)


# ----------------------------------------------------------------------
# `leadtui 1on1 rate`: was a held one-on-one useful? 1–5, yours alone.


@with_shell_fixes
def oneonone_rate(args: argparse.Namespace) -> int:
    """Rate the last held session (or the one held on --session); `-` clears it."""
    from leadtui.domain.validation import build
    from leadtui.services.oneonones import rate_session, running_document

    person, store = person_and_store(args)
    held_on = None
    if args.session is not None:
        from leadtui.domain.validation import PastDay

        held_on = build(PastDay, today=today_from_env(), day=args.session).day
    rating = None if args.rating.strip() == "-" else args.rating
    rated = rate_session(store, person, rating, held_on=held_on)
    note(rated.notice)
    day = rated.session.held_on.isoformat()
    if rated.session.rating is None:
        echo(f"cleared the rating of the 1:1 with {person.display_name} on {day}")
    else:
        echo(f"rated the 1:1 with {person.display_name} on {day}: {rated.session.rating}/5")
    doc = running_document(store, person, today_from_env())
    if doc.ratings:
        echo("ratings, oldest first: " + " ".join(str(r) for r in doc.ratings))
    if doc.rating_advice:
        echo(doc.rating_advice)
    return 0


def oneonone_template(args: argparse.Namespace) -> int:
    """Add a template's points to a person's next session."""
    from leadtui.cli.templates import template_catalog
    from leadtui.domain.text import literal, plural
    from leadtui.services.templates import apply_template

    template = template_catalog(args).named(args.name)
    person, store = person_and_store(args)
    applied = apply_template(store, person, today_from_env(), template)
    note(applied.notice)
    echo(
        f"{template.name} for {person.display_name}: "
        f"{plural(len(applied.added), 'talking point')} added"
        + (f", {len(applied.skipped)} already open" if applied.skipped else "")
    )
    for point in applied.added:
        echo(f"  {point.id}. {literal(point.text)}")
    return 0
