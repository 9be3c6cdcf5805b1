"""`leadtui 1on1`: series, talking points, action items, notes and sessions."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from leadtui.cli.common import echo, person_and_store, today_from_env
from leadtui.errors import InputError

if TYPE_CHECKING:
    import argparse


def oneonone_series(args: argparse.Namespace) -> int:
    from leadtui.domain.oneonones import SeriesStatus, next_session_date
    from leadtui.domain.oneonones_input import SeriesDraft
    from leadtui.domain.validation import build
    from leadtui.store.oneonones import OneOnOneRepository

    today = today_from_env()
    person, store = person_and_store(args)
    repo = OneOnOneRepository(store)
    current = repo.series_for(person.id)
    if args.status:
        if current is None:
            raise InputError(f"{person.display_name} has no 1:1 series to {args.status}")
        status = {
            "pause": SeriesStatus.PAUSED,
            "resume": SeriesStatus.ACTIVE,
            "end": SeriesStatus.ENDED,
        }[args.status]
        repo.set_status(current.id, status)
        echo(f"1:1 with {person.display_name}: {status.value}")
        return 0
    fields: dict[str, Any] = {
        "every_weeks": args.every or (current.every_weeks if current else 1),
        "weekday": args.weekday
        if args.weekday is not None
        else (current.weekday if current else None),
        "at_time": args.time or (current.at_time if current else "10:00"),
        "minutes": args.minutes or (current.minutes if current else 60),
        "starts_on": args.start or (current.starts_on if current else None),
    }
    if fields["weekday"] is None:
        raise InputError("--weekday is required for a new series, e.g. --weekday tuesday")
    draft = build(SeriesDraft, today=today, **fields)
    series = repo.save_series(person.id, draft)
    next_on = next_session_date(series, repo.changes(series.id), today, repo.last_held(series.id))
    echo(
        f"1:1 with {person.display_name}: {series.describe()}; next "
        f"{next_on.isoformat() if next_on else 'not scheduled'}"
    )
    return 0


def oneonone_add(args: argparse.Namespace) -> int:
    from leadtui.domain.oneonones_input import PointDraft
    from leadtui.domain.text import literal
    from leadtui.domain.validation import build
    from leadtui.services.oneonones import require_series
    from leadtui.store.oneonones import OneOnOneRepository

    draft = build(
        PointDraft,
        text=args.text,
        raised_by="them" if args.theirs else "me",
        visibility="private" if args.private else "shared",
        recurring=args.recurring,
    )
    person, store = person_and_store(args)
    series = require_series(store, person)
    point = OneOnOneRepository(store).add_point(series.id, draft, today_from_env())
    echo(
        f"talking point {point.id} for {person.display_name} ({point.visibility.value}, "
        f"from {point.raised_by.value}): {literal(point.text)}"
    )
    return 0


def oneonone_action(args: argparse.Namespace) -> int:
    from leadtui.domain.oneonones_input import ActionDraft
    from leadtui.domain.text import literal
    from leadtui.domain.validation import build
    from leadtui.services.oneonones import require_series
    from leadtui.store.oneonones import OneOnOneRepository

    today = today_from_env()
    draft = build(ActionDraft, today=today, text=args.text, owner=args.owner, due_on=args.due)
    person, store = person_and_store(args)
    series = require_series(store, person)
    action = OneOnOneRepository(store).add_action(series.id, draft, today)
    due = f", due {action.due_on.isoformat()}" if action.due_on else ""
    late = " (already overdue)" if action.overdue(today) else ""
    echo(f"action {action.id} for {action.owner.value}{due}{late}: {literal(action.text)}")
    return 0


def oneonone_mark(args: argparse.Namespace) -> int:
    from leadtui.domain.oneonones import PointStatus
    from leadtui.services.oneonones import require_series
    from leadtui.store.oneonones import OneOnOneRepository

    person, store = person_and_store(args)
    series = require_series(store, person)
    repo = OneOnOneRepository(store)
    if args.what == "done":
        action = repo.action(args.item)
        if action.series_id != series.id:
            raise InputError(f"action {args.item} belongs to someone else's 1:1")
        repo.complete_action(action.id, None if args.undo else today_from_env())
        echo(f"action {action.id}: {'open again' if args.undo else 'done'}")
        return 0
    point = repo.point(args.item)
    if point.series_id != series.id:
        raise InputError(f"talking point {args.item} belongs to someone else's 1:1")
    status = PointStatus.OPEN if args.undo else PointStatus(args.what)
    repo.set_point_status(point.id, status)
    echo(f"talking point {point.id}: {status.value}")
    return 0


def oneonone_close(args: argparse.Namespace) -> int:
    from leadtui.domain.dates import parse_date
    from leadtui.services.oneonones import require_series
    from leadtui.store.oneonones import OneOnOneRepository

    today = today_from_env()
    held_on = parse_date(args.date, today, field="--date") if args.date else today
    if held_on > today:
        raise InputError(f"--date {held_on.isoformat()} is in the future; close a held session")
    person, store = person_and_store(args)
    series = require_series(store, person)
    repo = OneOnOneRepository(store)
    session = repo.close_session(series, held_on)
    filed = len(repo.filed_points(session.id))
    carried = len(repo.open_points(series.id))
    echo(
        f"held {held_on.isoformat()} with {person.display_name}: {filed} points filed, "
        f"{carried} carried over"
    )
    return 0


def oneonone_notes(args: argparse.Namespace) -> int:
    from leadtui.domain.dates import parse_date
    from leadtui.domain.oneonones_input import NotesDraft
    from leadtui.domain.validation import build
    from leadtui.services.oneonones import require_series
    from leadtui.store.oneonones import OneOnOneRepository

    if args.shared is None and args.private is None:
        raise InputError('give --shared TEXT and/or --private TEXT, e.g. --shared "Agreed on X"')
    today = today_from_env()
    held_on = parse_date(args.session, today, field="--session") if args.session else None
    person, store = person_and_store(args)
    series = require_series(store, person)
    repo = OneOnOneRepository(store)
    if held_on is None:
        current = (series.draft_shared_notes, series.draft_private_notes)
    else:
        found = repo.held_between(series.id, held_on, held_on)
        if not found:
            raise InputError(
                f"no session with {person.display_name} was held on {held_on.isoformat()}; "
                "see `leadtui export 1on1` for the dates"
            )
        session = found[-1]
        current = (session.shared_notes, session.private_notes)
    # Only the side given changes; the other keeps what was written.
    shared = current[0] if args.shared is None else args.shared
    private = current[1] if args.private is None else args.private
    notes = build(NotesDraft, shared=shared, private=private)
    if held_on is None:
        repo.set_draft_notes(series.id, notes)
        echo(f"notes for the next 1:1 with {person.display_name} saved")
    else:
        repo.update_session_notes(session.id, notes)
        echo(f"notes of the {held_on.isoformat()} session with {person.display_name} fixed")
    return 0


def oneonone_reschedule(args: argparse.Namespace) -> int:
    from leadtui.domain.dates import parse_date
    from leadtui.services.oneonones import reschedule, restore_occurrence

    today = today_from_env()
    # Only upcoming sessions move, so a weekday name means the coming one.
    on = None if args.date is None else parse_date(args.date, today, field="--date", future=True)
    to_text = getattr(args, "to", None)
    to = parse_date(to_text, today, field="TO", future=True) if to_text is not None else None
    person, store = person_and_store(args)
    if getattr(args, "undo", False):
        if on is None:
            raise InputError("--undo needs --date DATE, the session to bring back")
        back = restore_occurrence(store, person, on)
        echo(f"1:1 with {person.display_name} is back on {back.isoformat()}")
        return 0
    done = reschedule(store, person, today, on=on, to=to)
    if done.now_on is None:
        echo(f"1:1 with {person.display_name} on {done.was_on.isoformat()}: skipped")
    else:
        echo(
            f"1:1 with {person.display_name} moved from {done.was_on.isoformat()} "
            f"to {done.now_on.isoformat()}"
        )
    return 0


def oneonone_show(args: argparse.Namespace) -> int:
    from leadtui.domain.text import literal
    from leadtui.services.oneonones import running_document

    person, store = person_and_store(args)
    doc = running_document(store, person, today_from_env(), history=1)
    if args.json:
        from leadtui.export.json import dumps, running_document_json

        echo(dumps(running_document_json(doc)))
        return 0
    next_on = doc.next_on.isoformat() if doc.next_on else "not scheduled"
    echo(f"1:1 with {person.display_name}: {doc.series.describe()}")
    echo(f"next session: {next_on}{' (overdue)' if doc.overdue else ''}")
    echo("talking points:" if doc.points else "talking points: none yet")
    for p in doc.points:
        flags = [p.raised_by.value]
        if p.visibility.value == "private":
            flags.append("private")
        if p.carried:
            flags.append(f"carried {p.carried}x")
        if p.status.value != "open":
            flags.append(p.status.value)
        echo(f"  {p.id:>4}  {literal(p.text)}  ({', '.join(flags)})")
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
