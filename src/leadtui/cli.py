"""The command line: ``leadtui`` opens the TUI; subcommands capture and export.

Subcommands never import Textual, so a quick capture from the shell costs
little more than starting Python. Exit codes: 0 done, 2 input refused (one
line on stderr, nothing written), 1 an unexpected failure.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, NoReturn

from leadtui import __version__
from leadtui.errors import InputError, LeadtuiError

if TYPE_CHECKING:
    from leadtui.paths import Locations
    from leadtui.store.database import Store

Handler = Callable[[argparse.Namespace], int]


class _Parser(argparse.ArgumentParser):
    """argparse with a one-line error message and exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see `{self.prog} --help`)\n")


def today_from_env() -> date:
    """Today, or the date in ``LEADTUI_TODAY`` (for reproducible demos and tests)."""
    pinned = os.environ.get("LEADTUI_TODAY")
    if pinned:
        try:
            return date.fromisoformat(pinned)
        except ValueError:
            raise InputError(f"LEADTUI_TODAY must be YYYY-MM-DD, got {pinned!r}") from None
    return date.today()


def _locations(args: argparse.Namespace) -> Locations:
    from leadtui.paths import locations

    return locations(args.db)


def _open(args: argparse.Namespace) -> Store:
    from leadtui.store.database import open_database

    loc = _locations(args)
    return open_database(loc.db_path, default_folder=loc.data_dir)


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
    db = _open(args)
    repo = PeopleRepository(db)
    person = repo.resolve(args.person)
    draft = build(PersonDraft, today=today, **{**draft_from(person).model_dump(), **changes})
    updated = repo.update(person.id, draft)
    _print(f"updated {updated.display_name} (id {updated.id})")
    return 0


def _people_archive(args: argparse.Namespace) -> int:
    from leadtui.store.people import PeopleRepository

    db = _open(args)
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

    db = _open(args)
    people = PeopleRepository(db).list(include_archived=args.all, order=args.sort)
    if args.json:
        import json

        _print(json.dumps([p.to_json() for p in people], ensure_ascii=False))
        return 0
    if not people:
        _print("no people yet; add one with `leadtui people add NAME` or try `leadtui demo`")
        return 0
    from leadtui.domain.text import literal

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
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        _print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )
    return 0


# --- demo, backup, tui --------------------------------------------------------------


def _demo(args: argparse.Namespace) -> int:
    from leadtui.services.demo import seed_demo

    db = _open(args)
    summary = seed_demo(
        db, today=today_from_env(), years=args.years, people=args.people, force=args.force
    )
    skipped = f", {summary.skipped_names} names already taken" if summary.skipped_names else ""
    _print(
        f"demo team added: {summary.people} people ({summary.archived} archived){skipped}; "
        f"open it with `leadtui{' --db ' + str(args.db) if args.db else ''}`"
    )
    return 0


def _backup(args: argparse.Namespace) -> int:
    from datetime import datetime
    from pathlib import Path

    from leadtui.store.database import backup_to

    loc = _locations(args)
    if args.out:
        target = Path(args.out).expanduser()
        if target.exists() and not args.force:
            raise InputError(f"--out {target} exists; choose a new file or add --force")
        if not target.parent.is_dir():
            raise InputError(f"--out folder {target.parent} does not exist; create it first")
    else:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = loc.backups_dir / f"{loc.db_path.stem}-{stamp}.db"
    if target.resolve() == loc.db_path.resolve():
        raise InputError("--out is the database itself; choose another file")
    db = _open(args)
    backup_to(db, target)
    _print(f"backed up {loc.db_path} to {target}")
    return 0


def _tui(args: argparse.Namespace) -> int:
    from leadtui.tui.app import run_app

    return run_app(_locations(args), today=today_from_env())


# --- parser -------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser (exposed for help text and tests)."""
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

    demo = sub.add_parser("demo", help="fill a database with a realistic team", parents=[common])
    demo.add_argument("--years", type=int, default=2, metavar="N", help="years of history (2)")
    demo.add_argument("--people", type=int, default=8, metavar="N", help="team size (8)")
    demo.add_argument(
        "--force",
        action="store_true",
        help="add the demo team even if the database holds data (nothing is deleted)",
    )
    demo.set_defaults(handler=_demo)

    backup = sub.add_parser("backup", help="a consistent copy of the database", parents=[common])
    backup.add_argument("--out", metavar="FILE", help="target file (default: the backups folder)")
    backup.add_argument("--force", action="store_true", help="overwrite an existing --out file")
    backup.set_defaults(handler=_backup)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run leadtui with ``argv`` (default: the process arguments); return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except LeadtuiError as exc:
        sys.stderr.write(f"leadtui: {exc.message}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except sqlite3.OperationalError as exc:
        if args.debug:
            raise
        if "locked" in str(exc) or "busy" in str(exc):
            sys.stderr.write("leadtui: the database is busy in another leadtui; try again\n")
        else:
            sys.stderr.write(f"leadtui: database error: {exc} (run with --debug for details)\n")
        return 1
    except Exception as exc:
        if args.debug:
            raise
        sys.stderr.write(f"leadtui: unexpected failure: {exc!r} (run with --debug for details)\n")
        return 1


if __name__ == "__main__":
    sys.exit(main())
