"""`leadtui export calendar` and `leadtui calendar import`: my calendar, both ways.

Exported: each 1:1 series as one recurring event, the leadership meetings with their host
and my rotation terms, numbered against what was last published
(:mod:`leadtui.services.calendar`). Imported: an .ics file read into proposals
(:mod:`leadtui.imports.ics`), shown, and written with ``--apply`` in one transaction
(:mod:`leadtui.services.calendar_import`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from leadtui.cli.common import echo, note, open_store, settings_for, today_from_env
from leadtui.domain.text import plural

if TYPE_CHECKING:
    import argparse

    from leadtui.cli.common import ExportCommand


def register_calendar(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    """The `calendar` command group: `calendar import FILE [--me EMAIL] [--apply] [--json]`."""
    group_sub = parser.add_subparsers(title="calendar commands", metavar="ACTION", required=True)
    imported = group_sub.add_parser(
        "import",
        help="propose 1:1 series and sessions from an .ics file (Google, Outlook, Apple)",
        description="Read an .ics file, find the recurring meetings of you and exactly one "
        "other person, and propose a new series, changes to a series that disagrees, and "
        "sessions held since the last one recorded. Nothing is written without --apply.",
        parents=[common],
    )
    imported.add_argument("file", metavar="FILE", help="an .ics file")
    imported.add_argument(
        "--me", metavar="EMAIL", help="your address (default: config [calendar] my_email)"
    )
    imported.add_argument("--apply", action="store_true", help="write the proposals")
    imported.add_argument("--json", action="store_true", help="print one JSON document")
    imported.set_defaults(handler=calendar_import)


def register_exports(export_command: ExportCommand) -> None:
    """`leadtui export calendar`: my own 1:1 series, the leadership meeting, my terms."""
    calendar_export = export_command(
        "calendar", "your 1:1s, the leadership meeting and your terms as iCalendar", None
    )
    calendar_export.add_argument("--months", default="12", metavar="N", help="horizon (12)")
    calendar_export.set_defaults(handler=export_calendar)


def export_calendar(args: argparse.Namespace) -> int:
    """`export calendar [--months N] [--out FILE]`: my own calendar as iCalendar."""
    from datetime import UTC, datetime

    from leadtui.cli.common import print_or_write
    from leadtui.cli.rotations import horizon_months
    from leadtui.config import calendar_time_zone
    from leadtui.export.ics import my_calendar_ics
    from leadtui.services.calendar import (
        READ_ONLY_CALENDAR,
        MyCalendarSettings,
        publish_my_calendar,
    )

    today = today_from_env()
    months = horizon_months(args)
    settings = settings_for(args)
    store = open_store(args, create=False)
    mine = MyCalendarSettings(
        calendar_time_zone(settings),
        settings.calendar.my_email.strip(),
        settings.calendar.prep_minutes,
    )
    written = publish_my_calendar(
        store,
        today,
        mine,
        months,
        lambda calendar: print_or_write(my_calendar_ics(calendar, datetime.now(UTC)), args),
    )
    if store.read_only:
        note(READ_ONLY_CALENDAR)
    if written:
        echo(f"wrote your calendar ({months} months) to {written}")
    return 0


def calendar_import(args: argparse.Namespace) -> int:
    """`calendar import FILE`: proposals from a calendar file, written with --apply."""
    from leadtui.config import calendar_time_zone
    from leadtui.imports.calendar_plan import my_address, read_plan
    from leadtui.services.calendar_import import apply_proposals

    settings = settings_for(args)
    typed = args.me if args.me is not None else settings.calendar.my_email
    my_address(typed)  # checked before the database is opened
    today = today_from_env()
    # Opened first: a database that does not exist has nobody to match, and is not made.
    store = open_store(args, create=False)
    found = read_plan(store, args.file, typed, today, calendar_time_zone(settings))
    read, plan = found.read, found.plan
    applied = apply_proposals(store, plan.proposals, today) if args.apply else 0
    if args.json:
        from leadtui.cli.common import echo_json
        from leadtui.export.json import calendar_import_json

        echo_json(calendar_import_json(read, plan, applied=args.apply))
        return 0
    echo(found.summary)
    for proposal in plan.proposals:
        echo(f"  {proposal.describe()}")
    if not plan.proposals:
        echo("  nothing to change: leadtui already has what this calendar says")
    if found.unmatched:
        note(
            f"no one in leadtui matches {found.unmatched}: add them with "
            "`people add NAME --email ADDRESS`"
        )
    if plan.not_imported:
        note("coming sessions not imported: " + "; ".join(plan.not_imported))
    if found.skipped:
        note(f"skipped: {found.skipped}")
    if args.apply:
        echo(f"applied {plural(applied, 'proposal')}")
    elif plan.proposals:
        echo("dry run: nothing written; add --apply to write these")
    return 0
