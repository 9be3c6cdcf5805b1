"""The command line: ``leadtui`` opens the TUI; subcommands capture and export.

Subcommands never import Textual, so a quick capture from the shell costs
little more than starting Python. Exit codes: 0 done, 2 input refused (one
line on stderr, nothing written), 1 an unexpected failure.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, NoReturn

from leadtui import __version__
from leadtui.domain.text import MESSAGE_LIMIT, QUOTE_LIMIT, escaped, quoted
from leadtui.errors import InputError, LeadtuiError

if TYPE_CHECKING:
    import argparse
    from pathlib import Path

    from leadtui.config import Settings
    from leadtui.paths import Locations
    from leadtui.store.database import Store

Handler = Callable[["argparse.Namespace"], int]


def today_from_env() -> date:
    """Today, or the date in ``LEADTUI_TODAY`` (for reproducible demos and tests)."""
    pinned = os.environ.get("LEADTUI_TODAY")
    if pinned:
        from leadtui.domain.dates import in_range

        try:
            day = date.fromisoformat(pinned)
        except ValueError:
            raise InputError(f"LEADTUI_TODAY must be YYYY-MM-DD, got {quoted(pinned)}") from None
        # Every rule counts days from today, so it stays in the years typed dates may take.
        return in_range(day, "LEADTUI_TODAY")
    return date.today()


def _locations(args: argparse.Namespace) -> Locations:
    from leadtui.paths import locations

    return locations(args.db)


def _open(args: argparse.Namespace, *, create: bool = True) -> Store:
    """Open the database; commands that only read refuse one that does not exist yet."""
    from leadtui.store.database import open_database

    loc = _locations(args)
    if not create and not loc.db_path.exists():
        raise InputError(
            f"no database at {loc.db_path}; check --db, or start one with "
            "`leadtui people add NAME` (or `leadtui demo`)"
        )
    store = open_database(loc.db_path)
    _OPENED.append(store)
    return store


# Every database a command opened, closed when the command ends, so the WAL is
# checkpointed then (and a test calling main() twice sees a settled file).
_OPENED: list[Store] = []


def _close_opened() -> None:
    while _OPENED:
        _OPENED.pop().close()


def _print(text: str = "") -> None:
    sys.stdout.write(text + "\n")


# --- people -------------------------------------------------------------------------


def _person_fields(args: argparse.Namespace) -> dict[str, Any]:
    fields = {
        "name": args.name,
        "relation": args.relation,
        "title": args.title,
        "level": args.level,
        "team": args.team,
        "started_on": args.started,
    }
    return {key: value for key, value in fields.items() if value is not None}


def _people_add(args: argparse.Namespace) -> int:
    from leadtui.domain.people_input import PersonDraft
    from leadtui.domain.validation import build
    from leadtui.store.people import PeopleRepository

    today = today_from_env()
    draft = build(PersonDraft, today=today, **_person_fields(args))
    db = _open(args)
    person = PeopleRepository(db).add(draft)
    _print(f"added {person.display_name} (id {person.id}, {person.relation.value})")
    return 0


def _people_edit(args: argparse.Namespace) -> int:
    from leadtui.domain.people_input import PersonDraft, draft_from
    from leadtui.domain.validation import build
    from leadtui.store.people import PeopleRepository

    today = today_from_env()
    changes = _person_fields(args)
    if not changes:
        raise InputError(
            "nothing to change; give at least one of --name, --relation, --title, "
            "--level, --team, --started"
        )
    # Check the typed values before touching the database; the name is checked for real below.
    build(PersonDraft, today=today, **{"name": "placeholder", **changes})
    db = _open(args, create=False)
    repo = PeopleRepository(db)
    person = repo.resolve(args.person)
    draft = build(PersonDraft, today=today, **{**draft_from(person).model_dump(), **changes})
    updated = repo.update(person.id, draft)
    _print(f"updated {updated.display_name} (id {updated.id})")
    return 0


def _people_archive(args: argparse.Namespace) -> int:
    from leadtui.store.people import PeopleRepository

    db = _open(args, create=False)
    repo = PeopleRepository(db)
    person = repo.resolve(args.person)
    if args.undo:
        person = repo.unarchive(person.id)
        _print(f"unarchived {person.display_name} (id {person.id})")
    else:
        person = repo.archive(person.id, today_from_env())
        _print(f"archived {person.display_name} (id {person.id}); history kept")
    return 0


def _people_list(args: argparse.Namespace) -> int:
    from leadtui.store.people import PeopleRepository

    db = _open(args, create=False)
    people = PeopleRepository(db).list(include_archived=args.all, order=args.sort)
    if args.json:
        import json

        _print(json.dumps([p.to_json() for p in people], ensure_ascii=False))
        return 0
    if not people:
        _print("no people yet; add one with `leadtui people add NAME` or try `leadtui demo`")
        return 0
    from leadtui.domain.text import display_width, literal, pad

    header = ("ID", "NAME", "RELATION", "TITLE", "LEVEL", "TEAM", "STARTED")
    rows = [
        (
            str(p.id),
            literal(p.name) + ("" if p.active else " (archived)"),
            p.relation.value,
            literal(p.title or ""),
            literal(p.level or ""),
            literal(p.team or ""),
            p.started_on.isoformat() if p.started_on else "",
        )
        for p in people
    ]
    # Columns by terminal width, so names with emoji or CJK characters stay aligned.
    widths = [max(display_width(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        _print(
            "  ".join(pad(cell, width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )
    return 0


# --- energy -------------------------------------------------------------------------


def _settings(args: argparse.Namespace) -> Settings:
    """config.toml; a problem is reported on stderr and defaults are used."""
    from leadtui.config import load_settings

    settings, problems = load_settings(_locations(args).config_file)
    for problem in problems:
        sys.stderr.write(f"leadtui: warning: {problem}\n")
    return settings


def _energy_log(args: argparse.Namespace) -> int:
    from leadtui.domain.energy import level_kind
    from leadtui.domain.energy_input import EnergyLogDraft
    from leadtui.domain.validation import build
    from leadtui.store.energy import EnergyRepository

    draft = build(
        EnergyLogDraft,
        today=today_from_env(),
        level=args.level,
        day=args.date,
        note=args.note,
        energized_by=args.energized_by or (),
        drained_by=args.drained_by or (),
    )
    entry, previous = EnergyRepository(_open(args)).log(draft)
    kind = level_kind(entry.level, _settings(args).energy)
    if previous is None:
        _print(f"logged {entry.level} ({kind}) for {entry.day.isoformat()}")
    else:
        _print(
            f"updated {entry.day.isoformat()} from {previous.level} to {entry.level} ({kind}); "
            "one entry per day"
        )
    return 0


def _energy_show(args: argparse.Namespace) -> int:
    from datetime import timedelta

    from leadtui.domain.energy import level_kind
    from leadtui.domain.text import literal
    from leadtui.store.energy import EnergyRepository

    if not 1 <= args.days <= 3660:
        raise InputError(f"--days must be 1–3660, got {args.days}")
    today = today_from_env()
    entries = EnergyRepository(_open(args, create=False)).entries(
        today - timedelta(days=args.days - 1), today
    )
    thresholds = _settings(args).energy
    if args.json:
        import json

        _print(
            json.dumps(
                [
                    {
                        "day": e.day.isoformat(),
                        "level": e.level,
                        "kind": level_kind(e.level, thresholds),
                        "note": e.note,
                        "energized_by": list(e.energized_by),
                        "drained_by": list(e.drained_by),
                    }
                    for e in entries
                ],
                ensure_ascii=False,
            )
        )
        return 0
    if not entries:
        _print(f"no entries in the last {args.days} days; log today with `leadtui energy log 4`")
        return 0
    for e in reversed(entries):
        extra = "; ".join(
            part
            for part in (
                literal(e.note or ""),
                "+ " + ", ".join(map(literal, e.energized_by)) if e.energized_by else "",
                "- " + ", ".join(map(literal, e.drained_by)) if e.drained_by else "",
            )
            if part
        )
        bar = "#" * e.level
        kind = level_kind(e.level, thresholds)
        _print(f"{e.day.isoformat()}  {e.level} {bar:<5} {kind:<8} {extra}".rstrip())
    return 0


def _energy_check(args: argparse.Namespace) -> int:
    from leadtui.services.energy import check_energy

    verdict = check_energy(_open(args, create=False), today_from_env(), _settings(args).energy)
    if args.json:
        import json

        _print(json.dumps(verdict.to_json(), ensure_ascii=False))
        return 0
    _print(f"{verdict.state.value}: {verdict.reason}")
    _print(verdict.prescription)
    if verdict.months_judged:
        _print(
            f"months deenergized of the last 12: {verdict.months_deenergized} "
            f"({verdict.months_judged} with enough entries to judge)"
        )
    for warning in verdict.balance.warnings if verdict.balance else []:
        _print(f"warning: {warning}")
    return 0


def _energy_work_add(args: argparse.Namespace) -> int:
    from leadtui.domain.energy_input import WorkDraft
    from leadtui.domain.text import literal
    from leadtui.domain.validation import build
    from leadtui.store.energy import EnergyRepository

    draft = build(
        WorkDraft,
        today=today_from_env(),
        title=args.title,
        day=args.date,
        hours=args.hours,
        kind=args.kind,
        creates_work_for_other_teams=args.creates_work_for_other_teams,
    )
    work = EnergyRepository(_open(args)).add_work(draft)
    _print(
        f"logged {work.hours:g} h of {work.kind.value}: {literal(work.title)} "
        f"({work.day.isoformat()})"
    )
    if work.creates_work_for_other_teams:
        _print("warning: this creates work for other teams; energizing work should not")
    return 0


def _energy_work_list(args: argparse.Namespace) -> int:
    from leadtui.domain.text import literal
    from leadtui.store.energy import EnergyRepository

    work = EnergyRepository(_open(args, create=False)).work()
    if args.json:
        import json

        _print(
            json.dumps(
                [
                    {
                        "id": w.id,
                        "title": w.title,
                        "day": w.day.isoformat(),
                        "hours": w.hours,
                        "kind": w.kind.value,
                        "creates_work_for_other_teams": w.creates_work_for_other_teams,
                    }
                    for w in work
                ],
                ensure_ascii=False,
            )
        )
        return 0
    if not work:
        _print("no energizing work yet; add some with `leadtui energy work add TITLE --hours 2`")
    for w in work:
        flag = "  (creates work for other teams)" if w.creates_work_for_other_teams else ""
        _print(f"{w.day.isoformat()}  {w.hours:>4g} h  {w.kind.value:<10} {literal(w.title)}{flag}")
    return 0


# --- one-on-ones -----------------------------------------------------------------------


def _person_and_store(args: argparse.Namespace, *, create: bool = False) -> tuple[Any, Store]:
    from leadtui.store.people import PeopleRepository

    store = _open(args, create=create)
    return PeopleRepository(store).resolve(args.person), store


def _oo_series(args: argparse.Namespace) -> int:
    from leadtui.domain.oneonones import SeriesStatus, next_session_date
    from leadtui.domain.oneonones_input import SeriesDraft
    from leadtui.domain.validation import build
    from leadtui.store.oneonones import OneOnOneRepository

    today = today_from_env()
    person, store = _person_and_store(args)
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
        _print(f"1:1 with {person.display_name}: {status.value}")
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
    _print(
        f"1:1 with {person.display_name}: {series.describe()}; next "
        f"{next_on.isoformat() if next_on else 'not scheduled'}"
    )
    return 0


def _oo_add(args: argparse.Namespace) -> int:
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
    person, store = _person_and_store(args)
    series = require_series(store, person)
    point = OneOnOneRepository(store).add_point(series.id, draft, today_from_env())
    _print(
        f"talking point {point.id} for {person.display_name} ({point.visibility.value}, "
        f"from {point.raised_by.value}): {literal(point.text)}"
    )
    return 0


def _oo_action(args: argparse.Namespace) -> int:
    from leadtui.domain.oneonones_input import ActionDraft
    from leadtui.domain.text import literal
    from leadtui.domain.validation import build
    from leadtui.services.oneonones import require_series
    from leadtui.store.oneonones import OneOnOneRepository

    today = today_from_env()
    draft = build(ActionDraft, today=today, text=args.text, owner=args.owner, due_on=args.due)
    person, store = _person_and_store(args)
    series = require_series(store, person)
    action = OneOnOneRepository(store).add_action(series.id, draft, today)
    due = f", due {action.due_on.isoformat()}" if action.due_on else ""
    late = " (already overdue)" if action.overdue(today) else ""
    _print(f"action {action.id} for {action.owner.value}{due}{late}: {literal(action.text)}")
    return 0


def _oo_mark(args: argparse.Namespace) -> int:
    from leadtui.domain.oneonones import PointStatus
    from leadtui.services.oneonones import require_series
    from leadtui.store.oneonones import OneOnOneRepository

    person, store = _person_and_store(args)
    series = require_series(store, person)
    repo = OneOnOneRepository(store)
    if args.what == "done":
        action = repo.action(args.item)
        if action.series_id != series.id:
            raise InputError(f"action {args.item} belongs to someone else's 1:1")
        repo.complete_action(action.id, None if args.undo else today_from_env())
        _print(f"action {action.id}: {'open again' if args.undo else 'done'}")
        return 0
    point = repo.point(args.item)
    if point.series_id != series.id:
        raise InputError(f"talking point {args.item} belongs to someone else's 1:1")
    status = PointStatus.OPEN if args.undo else PointStatus(args.what)
    repo.set_point_status(point.id, status)
    _print(f"talking point {point.id}: {status.value}")
    return 0


def _oo_close(args: argparse.Namespace) -> int:
    from leadtui.domain.dates import parse_date
    from leadtui.services.oneonones import require_series
    from leadtui.store.oneonones import OneOnOneRepository

    today = today_from_env()
    held_on = parse_date(args.date, today, field="--date") if args.date else today
    if held_on > today:
        raise InputError(f"--date {held_on.isoformat()} is in the future; close a held session")
    person, store = _person_and_store(args)
    series = require_series(store, person)
    repo = OneOnOneRepository(store)
    session = repo.close_session(series, held_on)
    filed = len(repo.filed_points(session.id))
    carried = len(repo.open_points(series.id))
    _print(
        f"held {held_on.isoformat()} with {person.display_name}: {filed} points filed, "
        f"{carried} carried over"
    )
    return 0


def _oo_notes(args: argparse.Namespace) -> int:
    from leadtui.domain.dates import parse_date
    from leadtui.domain.oneonones_input import NotesDraft
    from leadtui.domain.validation import build
    from leadtui.services.oneonones import require_series
    from leadtui.store.oneonones import OneOnOneRepository

    if args.shared is None and args.private is None:
        raise InputError('give --shared TEXT and/or --private TEXT, e.g. --shared "Agreed on X"')
    today = today_from_env()
    held_on = parse_date(args.session, today, field="--session") if args.session else None
    person, store = _person_and_store(args)
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
        _print(f"notes for the next 1:1 with {person.display_name} saved")
    else:
        repo.update_session_notes(session.id, notes)
        _print(f"notes of the {held_on.isoformat()} session with {person.display_name} fixed")
    return 0


def _oo_reschedule(args: argparse.Namespace) -> int:
    from leadtui.domain.dates import parse_date
    from leadtui.services.oneonones import reschedule, restore_occurrence

    today = today_from_env()
    # Only upcoming sessions move, so a weekday name means the coming one.
    on = None if args.date is None else parse_date(args.date, today, field="--date", future=True)
    to_text = getattr(args, "to", None)
    to = parse_date(to_text, today, field="TO", future=True) if to_text is not None else None
    person, store = _person_and_store(args)
    if getattr(args, "undo", False):
        if on is None:
            raise InputError("--undo needs --date DATE, the session to bring back")
        back = restore_occurrence(store, person, on)
        _print(f"1:1 with {person.display_name} is back on {back.isoformat()}")
        return 0
    done = reschedule(store, person, today, on=on, to=to)
    if done.now_on is None:
        _print(f"1:1 with {person.display_name} on {done.was_on.isoformat()}: skipped")
    else:
        _print(
            f"1:1 with {person.display_name} moved from {done.was_on.isoformat()} "
            f"to {done.now_on.isoformat()}"
        )
    return 0


def _oo_show(args: argparse.Namespace) -> int:
    from leadtui.domain.text import literal
    from leadtui.services.oneonones import running_document

    person, store = _person_and_store(args)
    doc = running_document(store, person, today_from_env(), history=1)
    if args.json:
        import json

        _print(json.dumps(doc.to_json(), ensure_ascii=False))
        return 0
    next_on = doc.next_on.isoformat() if doc.next_on else "not scheduled"
    _print(f"1:1 with {person.display_name}: {doc.series.describe()}")
    _print(f"next session: {next_on}{' (overdue)' if doc.overdue else ''}")
    _print("talking points:" if doc.points else "talking points: none yet")
    for p in doc.points:
        flags = [p.raised_by.value]
        if p.visibility.value == "private":
            flags.append("private")
        if p.carried:
            flags.append(f"carried {p.carried}x")
        if p.status.value != "open":
            flags.append(p.status.value)
        _print(f"  {p.id:>4}  {literal(p.text)}  ({', '.join(flags)})")
    open_actions = [a for a in doc.actions if a.done_on is None]
    _print("open actions:" if open_actions else "open actions: none")
    for a in open_actions:
        due = f", due {a.due_on.isoformat()}" if a.due_on else ""
        _print(f"  {a.id:>4}  {literal(a.text)}  ({a.owner.value}{due})")
    if doc.sessions:
        last = doc.sessions[0][0]
        _print(
            f"last session {last.held_on.isoformat()}: "
            f"{literal(last.shared_notes) or 'no shared notes'}"
        )
    return 0


# --- feedback and T3B3 -----------------------------------------------------------------


def _half(args: argparse.Namespace) -> tuple[Any, int]:
    """The --half asked for (default: this half) and the configured half start month."""
    from leadtui.domain.dates import parse_half

    start_month = _settings(args).review.half_start_month
    return parse_half(args.half, today_from_env(), start_month), start_month


def _archived_note(person: Any) -> None:
    if not person.active:
        sys.stderr.write(
            f"leadtui: note: {person.display_name} is archived; recorded all the same\n"
        )


def _feedback_add(args: argparse.Namespace) -> int:
    from leadtui.domain.feedback_input import FeedbackDraft
    from leadtui.domain.text import literal
    from leadtui.domain.validation import build
    from leadtui.store.feedback import FeedbackRepository

    draft = build(
        FeedbackDraft,
        today=today_from_env(),
        text=args.text,
        kind=args.kind,
        day=args.date,
        visibility="private" if args.private else "shared",
    )
    person, store = _person_and_store(args)
    entry = FeedbackRepository(store).add(person.id, draft)
    _archived_note(person)
    _print(
        f"feedback {entry.id} for {person.display_name} ({entry.kind.value}, "
        f"{entry.visibility.value}, {entry.given_on.isoformat()}): {literal(entry.text)}"
    )
    return 0


def _feedback_list(args: argparse.Namespace) -> int:
    from leadtui.domain.text import literal
    from leadtui.store.feedback import FeedbackRepository

    half, start_month = _half(args) if args.half is not None else (None, 1)
    person, store = _person_and_store(args)
    first, last = half.bounds(start_month) if half else (None, None)
    entries = FeedbackRepository(store).for_person(person.id, first, last)
    if args.json:
        import json

        _print(
            json.dumps(
                [
                    {
                        "id": f.id,
                        "given_on": f.given_on.isoformat(),
                        "kind": f.kind.value,
                        "visibility": f.visibility.value,
                        "text": f.text,
                        "session_id": f.session_id,
                    }
                    for f in entries
                ],
                ensure_ascii=False,
            )
        )
        return 0
    if not entries:
        _print(
            f"no feedback for {person.display_name} yet; add some with `leadtui feedback add "
            f'{person.id} "what you saw" --kind strength`'
        )
    for f in entries:
        private = "  (private)" if f.visibility.value == "private" else ""
        day = f.given_on.isoformat()
        _print(f"{f.id:>5}  {day}  {f.kind.value:<8}  {literal(f.text)}{private}")
    return 0


def _print_t3b3(view: Any) -> None:
    from leadtui.domain.feedback import T3B3Side
    from leadtui.domain.text import literal

    t = view.t3b3
    removal = "yes" if t.remove_text else "no"
    delivered = f" on {t.delivered_on.isoformat()}" if t.delivered_on else ""
    _print(
        f"T3B3 for {view.person.display_name}, {view.half.label}: {t.status_text()}{delivered} "
        f"(remove the text after delivery: {removal})"
    )
    if t.text_removed:
        _print("  the text was removed after delivery; only the fact is kept")
    for side, title in ((T3B3Side.TOP, "Top"), (T3B3Side.BOTTOM, "Bottom")):
        items = t.side(side)
        _print(f"{title} ({len(items)}/3)")
        for item in items:
            line = f"  {item.rank}. {literal(item.text)}"
            if side is T3B3Side.BOTTOM:
                link = view.linked.get(item.id)
                if link:
                    line += f"  [raised before: {link.kind} {link.id}, {link.on.isoformat()}]"
                else:
                    line += "  [would be a surprise]"
                    for e in view.suggestions.get(item.id, []):
                        line += (
                            f"\n       maybe: --{e.kind} {e.id} ({e.on.isoformat()}) "
                            f"{literal(e.text)[:60]}"
                        )
            _print(line)
    if view.carried:
        _print(f"Last half ({view.previous.half}): {view.previous.status_text()}")
        for c in view.carried:
            _print(f"  - {literal(c.previous.text)}: {'persists' if c.persists else 'closed'}")


def _t3b3_show(args: argparse.Namespace) -> int:
    from leadtui.services.review import t3b3_view

    half, start_month = _half(args)
    person, store = _person_and_store(args)
    view = t3b3_view(store, person, half, start_month)
    if args.json:
        import json

        _print(json.dumps(view.to_json(), ensure_ascii=False))
    else:
        _print_t3b3(view)
    return 0


def _t3b3_set(args: argparse.Namespace) -> int:
    from leadtui.domain.feedback_input import T3B3ListsDraft
    from leadtui.domain.validation import build
    from leadtui.services.review import t3b3_view
    from leadtui.store.feedback import T3B3Repository

    if args.top is None and args.bottom is None and args.remove_text is None:
        raise InputError(
            'give --top TEXT and/or --bottom TEXT (up to three each), e.g. --top "Clear writing"'
        )
    half, start_month = _half(args)
    lists = build(T3B3ListsDraft, top=args.top, bottom=args.bottom)
    person, store = _person_and_store(args)
    repo = T3B3Repository(store)
    if lists.top is not None or lists.bottom is not None:
        repo.set_lists(person.id, half.label, lists.top, lists.bottom)
    if args.remove_text is not None:
        repo.set_remove_text(person.id, half.label, args.remove_text)
    _archived_note(person)
    _print_t3b3(t3b3_view(store, person, half, start_month))
    return 0


def _t3b3_deliver(args: argparse.Namespace) -> int:
    from leadtui.domain.feedback_input import DeliveryDraft
    from leadtui.domain.validation import build
    from leadtui.services.review import deliver_t3b3
    from leadtui.store.feedback import T3B3Repository

    today = today_from_env()
    draft = build(DeliveryDraft, today=today, day=args.date, in_person=not args.not_in_person)
    half, start_month = _half(args)
    person, store = _person_and_store(args)
    surprises = T3B3Repository(store).get(person.id, half.label).surprises()
    t3b3 = deliver_t3b3(store, person, half, draft.day, draft.in_person, start_month)
    _print(
        f"T3B3 for {person.display_name}, {half.label}: delivered "
        f"{'in person' if t3b3.in_person else 'not in person'} on {draft.day.isoformat()}"
        + ("; the text was removed, the fact is kept" if t3b3.text_removed else "")
    )
    if surprises:
        ranks = ", ".join(str(i.rank) for i in surprises)
        sys.stderr.write(
            f"leadtui: note: Bottom {ranks} had not been raised with them before "
            "(no linked feedback or 1:1 point): they came as a surprise\n"
        )
    if args.not_in_person:
        sys.stderr.write(
            "leadtui: note: T3B3 is meant to be delivered in person; recorded as not in person\n"
        )
    return 0


def _t3b3_link(args: argparse.Namespace) -> int:
    from leadtui.domain.feedback import T3B3Side
    from leadtui.services.review import t3b3_view
    from leadtui.store.feedback import T3B3Repository

    half, start_month = _half(args)
    person, store = _person_and_store(args)
    view = t3b3_view(store, person, half, start_month)
    bottoms = view.t3b3.side(T3B3Side.BOTTOM)
    if not 1 <= args.rank <= len(bottoms):
        raise InputError(
            f"Bottom item {args.rank} does not exist; the {half.label} T3B3 has "
            f"{len(bottoms)} Bottom item(s)"
        )
    item = bottoms[args.rank - 1]
    evidence = None
    if args.unlink and (args.feedback is not None or args.point is not None):
        raise InputError("--unlink takes no --feedback or --point")
    if not args.unlink:
        if (args.feedback is None) == (args.point is None):
            raise InputError(
                "give one of --feedback ID or --point ID (see `t3b3 show`), or --unlink"
            )
        kind, wanted = (
            ("feedback", args.feedback) if args.feedback is not None else ("point", args.point)
        )
        evidence = view.candidate(kind, wanted)
        if evidence is None:
            raise InputError(
                f"no {kind} {wanted} about {person.display_name} in {half.previous().label} "
                f"or {half.label}; see `leadtui t3b3 show {person.id}` for candidates"
            )
    T3B3Repository(store).link_item(item.id, evidence)
    _print_t3b3(t3b3_view(store, person, half, start_month))
    return 0


# --- export ---------------------------------------------------------------------------


def write_export(text: str, out: str | None, force: bool, db_path: Path) -> str | None:
    """Print ``text`` or write it to ``out`` with mode 0600.

    Refuses to overwrite without ``force``, and never writes over the database itself.
    The file is written beside the target and renamed into place, so an existing file
    with looser permissions is replaced, not reused.
    """
    if out is None:
        sys.stdout.write(text)
        return None
    from pathlib import Path

    target = Path(out).expanduser()
    try:
        return _write_file(text, target, force, db_path)
    except OSError as exc:
        # A name too long, a read-only folder, a full disk: the user picks another target.
        raise InputError(
            f"--out {_shown_path(target)} cannot be written ({exc.strerror or exc}); choose another"
        ) from None


def _write_file(text: str, target: Path, force: bool, db_path: Path) -> str:
    import tempfile
    from pathlib import Path

    from leadtui.store.database import is_database_file

    if is_database_file(db_path, target):
        raise InputError("--out is the database or one of its files; choose another file")
    if target.exists() and not force:
        raise InputError(f"--out {_shown_path(target)} exists; choose a new file or add --force")
    if not target.parent.is_dir():
        raise InputError(
            f"--out folder {_shown_path(target.parent)} does not exist; create it first"
        )
    if target.is_dir():
        raise InputError(f"--out {_shown_path(target)} is a folder; give a file name")
    fd, temp = tempfile.mkstemp(prefix=".leadtui-", dir=target.parent)  # mode 0600
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return str(target)


def _export_review(args: argparse.Namespace) -> int:
    from leadtui.export.markdown import Audience
    from leadtui.export.review import review_document
    from leadtui.services.review import review_packet

    today = today_from_env()
    half, start_month = _half(args)
    person, store = _person_and_store(args)
    packet = review_packet(store, person, half, today, start_month)
    text = review_document(packet, Audience(args.audience), today)
    written = write_export(text, args.out, args.force, _locations(args).db_path)
    if written:
        _print(f"wrote the {args.audience} {half.label} review packet to {written}")
    return 0


def _export_1on1(args: argparse.Namespace) -> int:
    from leadtui.export.markdown import Audience
    from leadtui.export.oneonone import oneonone_document
    from leadtui.services.oneonones import ALL_HISTORY, running_document

    today = today_from_env()
    person, store = _person_and_store(args)
    doc = running_document(store, person, today, history=ALL_HISTORY)
    text = oneonone_document(doc, Audience(args.audience), today)
    written = write_export(text, args.out, args.force, _locations(args).db_path)
    if written:
        _print(f"wrote the {args.audience} 1:1 document for {person.display_name} to {written}")
    return 0


def _export_energy(args: argparse.Namespace) -> int:
    from leadtui.domain.energy import quarter_bounds, quarter_label
    from leadtui.export.energy import energy_review
    from leadtui.services.energy import energy_overview

    today = today_from_env()
    label = args.quarter or quarter_label(today)
    try:
        first, _ = quarter_bounds(label)
    except ValueError as exc:
        raise InputError(f"--quarter: {exc}") from None
    if first > today:
        raise InputError(
            f"--quarter {label} has not started yet; pick {quarter_label(today)} "
            "or an earlier quarter"
        )
    settings = _settings(args)
    store = _open(args, create=False)
    from leadtui.domain.energy import quarter_view

    overview = energy_overview(store, today, settings.energy)
    from leadtui.store.energy import EnergyRepository

    repo = EnergyRepository(store)
    entries = repo.entries(first, today)
    quarter = quarter_view(entries, label, today, settings.energy)
    text = energy_review(
        quarter=quarter,
        verdict=overview.verdict,
        entries=entries,
        work=repo.work(first),
        thresholds=settings.energy,
        today=today,
    )
    written = write_export(text, args.out, args.force, _locations(args).db_path)
    if written:
        _print(f"wrote the private energy review {quarter.label} to {written}")
    return 0


# --- demo, backup, tui --------------------------------------------------------------


def _demo(args: argparse.Namespace) -> int:
    from leadtui.services.demo import check_demo_size, seed_demo

    check_demo_size(years=args.years, people=args.people)
    # --force no longer merges: it is still parsed so old scripts get the one-line
    # refusal of a database holding data rather than a usage error.
    db = _open(args)
    try:
        summary = seed_demo(db, today=today_from_env(), years=args.years, people=args.people)
    finally:
        db.close()
    _print(
        f"demo team added: {summary.people} people ({summary.archived} archived), "
        f"{summary.energy_days} days of energy, {summary.energizing_work} pieces of energizing "
        f"work, {summary.sessions} one-on-ones held, {summary.feedback} feedback entries, "
        f"{summary.t3b3s} T3B3s; "
        f"open it with `leadtui{' --db ' + str(args.db) if args.db else ''}`"
    )
    return 0


def _backup(args: argparse.Namespace) -> int:
    from datetime import datetime
    from pathlib import Path

    from leadtui.store.database import backup_to, is_database_file

    loc = _locations(args)
    if args.out is not None:
        target = _backup_target(args.out, args.force)
    else:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = loc.backups_dir / f"{loc.db_path.stem}-{stamp}.db"
        counter = 1
        while os.path.lexists(target):
            counter += 1
            target = loc.backups_dir / f"{loc.db_path.stem}-{stamp}-{counter}.db"
    if is_database_file(loc.db_path, target):
        raise InputError("--out is the database or one of its files; choose another file")
    db = _open(args, create=False)
    try:
        backup_to(db, target)
    except OSError as exc:
        raise InputError(
            f"--out {_shown_path(target)} cannot be written ({exc.strerror or exc}); "
            "choose another file or free some space"
        ) from None
    finally:
        db.close()
    _print(f"backed up {loc.db_path.resolve()} to {Path(os.path.abspath(target))}")
    return 0


def _shown_path(target: Path) -> str:
    """A path as a refusal quotes it: one line, at most a short tail of a long name."""
    from leadtui.domain.text import literal

    text = literal(str(target))
    return text if len(text) <= 80 else "…" + text[-79:]


def _backup_target(out: str, force: bool) -> Path:
    """The ``--out`` file of a backup, refused before anything is opened or written."""
    from pathlib import Path

    if not out.strip() or "\x00" in out:
        raise InputError("--out is empty; give the file to write the backup to")
    target = Path(out).expanduser()
    if len(os.fsencode(target.name)) > 255:
        raise InputError("--out file name is longer than 255 bytes; choose a shorter name")
    if target.is_dir():
        raise InputError(f"--out {_shown_path(target)} is a folder; give a file name in it")
    if os.path.lexists(target) and not force:
        raise InputError(f"--out {_shown_path(target)} exists; choose a new file or add --force")
    if not target.parent.is_dir():
        raise InputError(
            f"--out folder {_shown_path(target.parent)} does not exist; create it first"
        )
    return target


def _tui(args: argparse.Namespace) -> int:
    from leadtui.store.database import Preflight

    locations = _locations(args)
    # Check the database file while Textual imports (see Preflight).
    preflight = Preflight(locations.db_path)
    from leadtui.tui.app import run_app

    return run_app(locations, today=today_from_env(), preflight=preflight)


# --- parser -------------------------------------------------------------------------


# A Python-quoted string as argparse writes it ("invalid choice: 'x'"), escapes included.
_REPR = r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\""
# One shown character of such a string: an escape (kept whole) or a plain character.
_REPR_CHAR = r"\\x[0-9a-f]{2}|\\u[0-9a-f]{4}|\\U[0-9a-f]{8}|\\.|."


def _shortened_quotes(message: str) -> str:
    """``message`` with every quoted argument cut to its first few characters."""
    import re

    def shorten(match: re.Match[str]) -> str:
        quote, inner = match.group()[0], match.group()[1:-1]
        shown = ""
        for char in re.findall(_REPR_CHAR, inner, re.DOTALL):
            if len(shown) + len(char) > QUOTE_LIMIT:
                return f"{quote}{shown}…{quote}"
            shown += char
        return match.group()

    return re.sub(_REPR, shorten, message, flags=re.DOTALL)


def _record_id(text: str) -> int:
    """An id typed on the command line: a whole number that can be a stored id."""
    import argparse
    import re

    # ASCII digits ("²" is no id) and at most 18 of them (SQLite ids are 64-bit).
    if not re.fullmatch(r"[0-9]{1,18}", text.strip()):
        raise argparse.ArgumentTypeError(f"must be an id like 12, got {quoted(text)}")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser (exposed for help text and tests)."""
    # argparse is imported here: opening the app (`leadtui`, `leadtui --db X`) never needs it.
    import argparse

    class _Parser(argparse.ArgumentParser):
        """argparse with a one-line error message and exit code 2."""

        def error(self, message: str) -> NoReturn:
            # argparse quotes the offending argument whole (a 100 KB paste, a newline, an
            # escape sequence): shorten each quote, then keep the line printable and short.
            hint = f" (see `{self.prog} --help`)"
            budget = MESSAGE_LIMIT - len(self.prog) - len(hint) - 2
            text = escaped(_shortened_quotes(message), max(budget, 60))
            self.exit(2, f"{self.prog}: {text}{hint}\n")

    common = _Parser(add_help=False)
    common.add_argument(
        "--db",
        default=argparse.SUPPRESS,
        metavar="PATH",
        help="database file (default: $LEADTUI_DB or the user data folder)",
    )
    common.add_argument(
        "--debug",
        action="store_true",
        default=argparse.SUPPRESS,
        help="show tracebacks of unexpected failures",
    )
    parser = _Parser(prog="leadtui", description="The rituals of leading people, in a terminal.")
    parser.add_argument(
        "--db",
        default=None,
        metavar="PATH",
        help="database file (default: $LEADTUI_DB or the user data folder)",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks of failures")
    parser.add_argument("--version", action="version", version=f"leadtui {__version__}")
    parser.set_defaults(handler=_tui)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    people = sub.add_parser("people", help="add, list, edit and archive people", parents=[common])
    people_sub = people.add_subparsers(title="people commands", metavar="ACTION", required=True)

    def person_options(p: argparse.ArgumentParser, *, name_flag: bool) -> None:
        if name_flag:
            p.add_argument("--name", help="new name")
        p.add_argument(
            "--relation",
            metavar="R",
            help="report | peer | manager | skip | other (default: report)",
        )
        p.add_argument("--title", metavar="T")
        p.add_argument("--level", metavar="L")
        p.add_argument("--team", metavar="T")
        p.add_argument("--started", metavar="DATE", help="start date (YYYY-MM-DD, today, ...)")

    add = people_sub.add_parser("add", help="add a person", parents=[common])
    add.add_argument("name", metavar="NAME")
    person_options(add, name_flag=False)
    add.set_defaults(handler=_people_add)

    edit = people_sub.add_parser("edit", help="change a person's details", parents=[common])
    edit.add_argument("person", metavar="PERSON", help="id, name or unique name prefix")
    person_options(edit, name_flag=True)
    edit.set_defaults(handler=_people_edit)

    archive = people_sub.add_parser(
        "archive", help="archive someone who left (history kept)", parents=[common]
    )
    archive.add_argument("person", metavar="PERSON")
    archive.set_defaults(handler=_people_archive, undo=False)
    unarchive = people_sub.add_parser(
        "unarchive", help="bring an archived person back", parents=[common]
    )
    unarchive.add_argument("person", metavar="PERSON")
    unarchive.set_defaults(handler=_people_archive, undo=True)

    listing = people_sub.add_parser("list", help="list people", parents=[common])
    listing.add_argument("--all", action="store_true", help="include archived people")
    listing.add_argument("--sort", choices=("name", "relation"), default="name")
    listing.add_argument("--json", action="store_true", help="print one JSON document")
    listing.set_defaults(handler=_people_list)

    energy = sub.add_parser(
        "energy", help="the daily energy journal and its verdict", parents=[common]
    )
    energy_sub = energy.add_subparsers(title="energy commands", metavar="ACTION", required=True)
    log = energy_sub.add_parser(
        "log", help="log today's energy, 1 (drained) to 5 (energized)", parents=[common]
    )
    log.add_argument("level", metavar="LEVEL", help="1–5")
    log.add_argument("note", metavar="NOTE", nargs="?", help="what made the day")
    log.add_argument("--date", metavar="DATE", help="another day (default today; not the future)")
    log.add_argument(
        "--energized-by", action="append", metavar="TEXT", help="what gave energy (repeatable)"
    )
    log.add_argument(
        "--drained-by", action="append", metavar="TEXT", help="what took energy (repeatable)"
    )
    log.set_defaults(handler=_energy_log)
    show = energy_sub.add_parser("show", help="list recent entries", parents=[common])
    show.add_argument("--days", type=int, default=14, metavar="N", help="how far back (14)")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=_energy_show)
    check = energy_sub.add_parser(
        "check", help="the eventual-quid-pro-quo verdict", parents=[common]
    )
    check.add_argument("--json", action="store_true")
    check.set_defaults(handler=_energy_check)
    work = energy_sub.add_parser("work", help="energizing work", parents=[common])
    work_sub = work.add_subparsers(title="work commands", metavar="ACTION", required=True)
    work_add = work_sub.add_parser("add", help="log energizing work", parents=[common])
    work_add.add_argument("title", metavar="TITLE")
    work_add.add_argument("--date", metavar="DATE")
    work_add.add_argument("--hours", default="1", metavar="H", help="hours (1)")
    work_add.add_argument(
        "--kind",
        default="other",
        help="coding | coaching | exploring | optimizing | speaking | writing | other",
    )
    work_add.add_argument("--creates-work-for-other-teams", action="store_true")
    work_add.set_defaults(handler=_energy_work_add)
    work_list = work_sub.add_parser("list", help="list energizing work", parents=[common])
    work_list.add_argument("--json", action="store_true")
    work_list.set_defaults(handler=_energy_work_list)

    oo = sub.add_parser(
        "1on1", help="one-on-ones: series, talking points, actions", parents=[common]
    )
    oo_sub = oo.add_subparsers(title="1on1 commands", metavar="ACTION", required=True)
    series = oo_sub.add_parser(
        "series", help="create or change a person's recurring 1:1", parents=[common]
    )
    series.add_argument("person", metavar="PERSON")
    series.add_argument("--every", metavar="N", help="every N weeks (1)")
    series.add_argument("--weekday", metavar="DAY", help="e.g. tuesday")
    series.add_argument("--time", metavar="HH:MM", help="start time (10:00)")
    series.add_argument("--minutes", metavar="N", help="length (60)")
    series.add_argument("--start", metavar="DATE", help="first possible date (today)")
    series.add_argument("--pause", dest="status", action="store_const", const="pause")
    series.add_argument("--resume", dest="status", action="store_const", const="resume")
    series.add_argument("--end", dest="status", action="store_const", const="end")
    series.set_defaults(handler=_oo_series, status=None)
    oo_add = oo_sub.add_parser("add", help="a talking point for the next session", parents=[common])
    oo_add.add_argument("person", metavar="PERSON")
    oo_add.add_argument("text", metavar="TEXT")
    oo_add.add_argument("--private", action="store_true", help="never in a shared export")
    oo_add.add_argument("--theirs", action="store_true", help="raised by them")
    oo_add.add_argument("--recurring", action="store_true", help="asked every session")
    oo_add.set_defaults(handler=_oo_add)
    oo_action = oo_sub.add_parser("action", help="an action item", parents=[common])
    oo_action.add_argument("person", metavar="PERSON")
    oo_action.add_argument("text", metavar="TEXT")
    oo_action.add_argument("--owner", default="me", help="me | them (me)")
    oo_action.add_argument(
        "--due", metavar="DATE", help="due date; a past date is accepted and overdue at once"
    )
    oo_action.set_defaults(handler=_oo_action)
    for verb, what, help_text in (
        ("discuss", "discussed", "mark a talking point discussed"),
        ("drop", "dropped", "drop a talking point"),
        ("done", "done", "mark an action item done"),
    ):
        mark = oo_sub.add_parser(verb, help=help_text, parents=[common])
        mark.add_argument("person", metavar="PERSON")
        mark.add_argument("item", metavar="ID", type=_record_id)
        mark.add_argument("--undo", action="store_true", help="open it again")
        mark.set_defaults(handler=_oo_mark, what=what)
    oo_close = oo_sub.add_parser(
        "close", help="hold the session: file and carry over", parents=[common]
    )
    oo_close.add_argument("person", metavar="PERSON")
    oo_close.add_argument("--date", metavar="DATE", help="held on (today)")
    oo_close.set_defaults(handler=_oo_close)
    oo_notes = oo_sub.add_parser(
        "notes", help="write the next session's notes, or fix a held one's", parents=[common]
    )
    oo_notes.add_argument("person", metavar="PERSON")
    oo_notes.add_argument("--shared", metavar="TEXT", help="notes in the counterpart's copy")
    oo_notes.add_argument("--private", metavar="TEXT", help="notes never in a shared export")
    oo_notes.add_argument(
        "--session", metavar="DATE", help="fix the session held on DATE (default: the next one)"
    )
    oo_notes.set_defaults(handler=_oo_notes)
    oo_skip = oo_sub.add_parser(
        "skip", help="skip the next session (or the one on --date)", parents=[common]
    )
    oo_skip.add_argument("person", metavar="PERSON")
    oo_skip.add_argument("--date", metavar="DATE", help="the session to skip (the next one)")
    oo_skip.add_argument(
        "--undo", action="store_true", help="bring back the session on --date (skipped or moved)"
    )
    oo_skip.set_defaults(handler=_oo_reschedule)
    oo_move = oo_sub.add_parser(
        "move", help="move the next session (or the one on --date) to TO", parents=[common]
    )
    oo_move.add_argument("person", metavar="PERSON")
    oo_move.add_argument("to", metavar="TO", help="the new date")
    oo_move.add_argument("--date", metavar="DATE", help="the session to move (the next one)")
    oo_move.set_defaults(handler=_oo_reschedule)
    oo_show = oo_sub.add_parser(
        "show", help="the next session: points, actions, last notes", parents=[common]
    )
    oo_show.add_argument("person", metavar="PERSON")
    oo_show.add_argument("--json", action="store_true")
    oo_show.set_defaults(handler=_oo_show)

    fb = sub.add_parser("feedback", help="the ongoing feedback log", parents=[common])
    fb_sub = fb.add_subparsers(title="feedback commands", metavar="ACTION", required=True)
    fb_add = fb_sub.add_parser("add", help="record feedback about a person", parents=[common])
    fb_add.add_argument("person", metavar="PERSON")
    fb_add.add_argument("text", metavar="TEXT")
    fb_add.add_argument("--kind", default="strength", help="strength | growth (strength)")
    fb_add.add_argument("--date", metavar="DATE", help="given on (today)")
    fb_add.add_argument("--private", action="store_true", help="never in a shared export")
    fb_add.set_defaults(handler=_feedback_add)
    fb_list = fb_sub.add_parser("list", help="a person's feedback log", parents=[common])
    fb_list.add_argument("person", metavar="PERSON")
    fb_list.add_argument("--half", metavar="H", help="only this half, e.g. 2026-H2")
    fb_list.add_argument("--json", action="store_true")
    fb_list.set_defaults(handler=_feedback_list)

    t3 = sub.add_parser("t3b3", help="top three and bottom three per half", parents=[common])
    t3_sub = t3.add_subparsers(title="t3b3 commands", metavar="ACTION", required=True)
    t3_set = t3_sub.add_parser("set", help="replace the Top and/or Bottom list", parents=[common])
    t3_set.add_argument("person", metavar="PERSON")
    t3_set.add_argument("--half", metavar="H", help="e.g. 2026-H2 (this half)")
    t3_set.add_argument("--top", action="append", metavar="TEXT", help="a strength (repeat: 3)")
    t3_set.add_argument(
        "--bottom", action="append", metavar="TEXT", help="an area to grow (repeat: 3)"
    )
    t3_set.add_argument(
        "--remove-text-after-delivery",
        dest="remove_text",
        action="store_const",
        const=True,
        help="delivering deletes the six texts and keeps only the fact",
    )
    t3_set.add_argument(
        "--keep-text", dest="remove_text", action="store_const", const=False, help="(default)"
    )
    t3_set.set_defaults(handler=_t3b3_set, remove_text=None)
    t3_deliver = t3_sub.add_parser(
        "deliver", help="record delivery (needs 3 + 3)", parents=[common]
    )
    t3_deliver.add_argument("person", metavar="PERSON")
    t3_deliver.add_argument("--half", metavar="H", help="e.g. 2026-H2 (this half)")
    t3_deliver.add_argument("--date", metavar="DATE", help="delivered on (today)")
    t3_deliver.add_argument("--not-in-person", action="store_true")
    t3_deliver.set_defaults(handler=_t3b3_deliver)
    t3_show = t3_sub.add_parser(
        "show", help="the T3B3 with surprise flags and last half", parents=[common]
    )
    t3_show.add_argument("person", metavar="PERSON")
    t3_show.add_argument("--half", metavar="H", help="e.g. 2026-H2 (this half)")
    t3_show.add_argument("--json", action="store_true")
    t3_show.set_defaults(handler=_t3b3_show)
    t3_link = t3_sub.add_parser(
        "link", help="link a Bottom item to earlier feedback or a 1:1 point", parents=[common]
    )
    t3_link.add_argument("person", metavar="PERSON")
    t3_link.add_argument("rank", metavar="N", type=int, help="Bottom item 1–3")
    t3_link.add_argument("--half", metavar="H", help="e.g. 2026-H2 (this half)")
    t3_link.add_argument("--feedback", type=_record_id, metavar="ID")
    t3_link.add_argument("--point", type=_record_id, metavar="ID")
    t3_link.add_argument("--unlink", action="store_true")
    t3_link.set_defaults(handler=_t3b3_link)

    export = sub.add_parser("export", help="Markdown documents", parents=[common])
    export_sub = export.add_subparsers(title="exports", metavar="WHAT", required=True)

    def export_parser(name: str, help_text: str, audience: str | None) -> argparse.ArgumentParser:
        """An export subcommand: --out and --force, and --audience when ``audience``
        describes what the shared copy drops."""
        parser = export_sub.add_parser(name, help=help_text, parents=[common])
        if audience is not None:
            parser.add_argument("person", metavar="PERSON")
            parser.add_argument(
                "--audience",
                choices=("shared", "private"),
                default="private",
                help=f"shared drops {audience} (default: private)",
            )
        parser.add_argument("--out", metavar="FILE", help="default: print")
        parser.add_argument("--force", action="store_true", help="overwrite --out")
        return parser

    export_oo = export_parser("1on1", "a person's running 1:1 document", "everything private")
    export_oo.set_defaults(handler=_export_1on1)
    export_review = export_parser(
        "review", "a person's review packet for a half", "everything private, T3B3 text included"
    )
    export_review.add_argument("--half", metavar="H", help="e.g. 2026-H2 (this half)")
    export_review.set_defaults(handler=_export_review)
    export_energy = export_parser("energy", "private energy quarter review", None)
    export_energy.add_argument("--quarter", metavar="YYYY-QN", help="default: this quarter")
    export_energy.set_defaults(handler=_export_energy)

    demo = sub.add_parser("demo", help="fill a database with a realistic team", parents=[common])
    demo.add_argument("--years", type=int, default=2, metavar="N", help="years of history (2)")
    demo.add_argument("--people", type=int, default=8, metavar="N", help="team size (8)")
    demo.add_argument(
        "--force",
        action="store_true",
        help="no longer merges; the demo only fills an empty database",
    )
    demo.set_defaults(handler=_demo)

    backup = sub.add_parser("backup", help="a consistent copy of the database", parents=[common])
    backup.add_argument("--out", metavar="FILE", help="target file (default: the backups folder)")
    backup.add_argument("--force", action="store_true", help="overwrite an existing --out file")
    backup.set_defaults(handler=_backup)
    return parser


def _plain_tui_args(argv: Sequence[str]) -> argparse.Namespace | None:
    """``leadtui`` or ``leadtui --db PATH``: the arguments, without building the full parser.

    Opening the app is the most common invocation, so it skips constructing every
    subcommand's parser; anything else goes through argparse as usual.
    """
    db: str | None = None
    rest = list(argv)
    if len(rest) == 2 and rest[0] == "--db":
        db = rest[1]
    elif len(rest) == 1 and rest[0].startswith("--db="):
        db = rest[0].removeprefix("--db=")
    elif rest:
        return None
    if db is not None and (not db or db.startswith("-")):
        return None  # let argparse explain the problem
    from types import SimpleNamespace

    return SimpleNamespace(db=db, debug=False, handler=_tui)  # type: ignore[return-value]


def main(argv: Sequence[str] | None = None) -> int:
    """Run leadtui with ``argv`` (default: the process arguments); return the exit code."""
    argv = sys.argv[1:] if argv is None else argv
    args = _plain_tui_args(argv) or build_parser().parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except LeadtuiError as exc:
        sys.stderr.write(f"leadtui: {escaped(exc.message, MESSAGE_LIMIT)}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `leadtui people list | head`: the reader left; that is not a failure.
        sys.stdout = open(os.devnull, "w")  # silence the flush at exit
        return 0
    except sqlite3.Error as exc:
        if args.debug:
            raise
        from leadtui.store.database import explain_sqlite_error

        advice = explain_sqlite_error(exc)
        if advice is not None:
            # Busy, full or read-only: conditions the person can act on, so a refusal.
            sys.stderr.write(f"leadtui: {advice}\n")
            return 2
        sys.stderr.write(f"leadtui: database error: {exc} (run with --debug for details)\n")
        return 1
    except Exception as exc:
        if args.debug:
            raise
        sys.stderr.write(f"leadtui: unexpected failure: {exc!r} (run with --debug for details)\n")
        return 1
    finally:
        _close_opened()


if __name__ == "__main__":
    sys.exit(main())
