"""The argument parser: every subcommand, its options and the handler it runs.

Only ``main`` imports this module, and only when a subcommand is given: ``leadtui`` and
``leadtui --db PATH`` open the app without argparse. The handlers' modules import
their heavy dependencies inside each handler, so importing them here is cheap.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable, Sequence
from typing import Any, NoReturn, cast

from leadtui import __version__
from leadtui.cli import open_app
from leadtui.cli.calendar import export_calendar
from leadtui.cli.calendar import register as register_calendar
from leadtui.cli.common import for_stream
from leadtui.cli.completion import completion_script
from leadtui.cli.energy import (
    energy_check,
    energy_edit,
    energy_log,
    energy_remove,
    energy_show,
    energy_work_add,
    energy_work_edit,
    energy_work_list,
    energy_work_remove,
)
from leadtui.cli.exports import export_1on1, export_energy, export_review
from leadtui.cli.maintenance import backup, demo
from leadtui.cli.oneonones import (
    oneonone_action,
    oneonone_add,
    oneonone_close,
    oneonone_edit,
    oneonone_mark,
    oneonone_notes,
    oneonone_remove,
    oneonone_reschedule,
    oneonone_series,
    oneonone_show,
    oneonone_unhold,
)
from leadtui.cli.people import people_add, people_archive, people_edit, people_list
from leadtui.cli.reviews import (
    feedback_add,
    feedback_edit,
    feedback_list,
    feedback_remove,
    t3b3_deliver,
    t3b3_link,
    t3b3_set,
    t3b3_show,
    t3b3_undeliver,
)
from leadtui.cli.rotations import (
    export_rotations,
    host_set,
    host_show,
    host_skip,
    host_swap,
    rotation_add,
    rotation_assign,
    rotation_cut,
    rotation_edit,
    rotation_export_definition,
    rotation_exposure,
    rotation_handoff,
    rotation_import_definition,
    rotation_list,
    rotation_plan,
    rotation_recognize,
    rotation_roster,
    rotation_show,
    rotation_swap,
)
from leadtui.cli.search import search_command
from leadtui.cli.succession import (
    candidate,
    career,
    ceo,
    ceo_edit,
    ceo_remove,
    export_succession,
    export_vacation,
    focus,
    focus_edit,
    focus_remove,
    gap_add,
    gap_edit,
    gap_remove,
    gap_status,
    meeting_add,
    meeting_audit,
    meeting_edit,
    meeting_list,
    meeting_remove,
    show,
    vacation_add,
    vacation_cover,
    vacation_edit,
    vacation_list,
    vacation_remove,
)
from leadtui.cli.today import register as register_today
from leadtui.cli.undo import redo_command, undo_command
from leadtui.domain.text import MESSAGE_LIMIT, QUOTE_LIMIT, quoted

# A Python-quoted string as argparse writes it ("invalid choice: 'x'"), escapes included.
_REPR = r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\""
# One shown character of such a string: an escape (kept whole) or a plain character.
_REPR_CHAR = r"\\x[0-9a-f]{2}|\\u[0-9a-f]{4}|\\U[0-9a-f]{8}|\\.|."


def _shortened_quotes(message: str) -> str:
    """``message`` with every quoted argument cut to its first few characters."""

    def shorten(match: re.Match[str]) -> str:
        quote, inner = match.group()[0], match.group()[1:-1]
        shown = ""
        for char in re.findall(_REPR_CHAR, inner, re.DOTALL):
            if len(shown) + len(char) > QUOTE_LIMIT:
                return f"{quote}{shown}…{quote}"
            shown += char
        return match.group()

    return re.sub(_REPR, shorten, message, flags=re.DOTALL)


# Every --help ends with what a script can rely on (the codes ``main`` returns).
EXIT_CODES = (
    "exit codes: 0 done; 2 input refused (one line on stderr says what was wrong, nothing "
    "written); 1 an unexpected failure (--debug shows the traceback)"
)

# What a shell completes after an option that names a file (read by the completion
# generator, shtab, which takes the value as it is: no import of shtab is needed here).
FILE_COMPLETION = {"bash": "_shtab_compgen_files", "zsh": "_files"}


def _completes_files(action: argparse.Action) -> None:
    """Mark ``action``'s value as a file name for the completion scripts."""
    action.complete = FILE_COMPLETION  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    """argparse with a one-line error message, exit code 2 and the exit codes in --help."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("epilog", EXIT_CODES)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        if "required:" in message and "--audience" in message:
            # A copy with private parts is never written without saying who it is for.
            choose = "choose shared (their copy) or private (for you)"
            if message.endswith("required: --audience"):
                message = f"--audience is required: {choose}"
            else:
                message = f"{message}; --audience: {choose}"
        # argparse quotes the offending argument whole (a 100 KB paste, a newline, an
        # escape sequence): shorten each quote, then keep the line printable and short.
        hint = f" (see `{self.prog} --help`)"
        budget = MESSAGE_LIMIT - len(self.prog) - len(hint) - 2
        text = for_stream(_shortened_quotes(message), max(budget, 60))
        self.exit(2, f"{self.prog}: {text}{hint}\n")


def _record_id(text: str) -> int:
    """An id typed on the command line: a whole number that can be a stored id."""
    # ASCII digits ("²" is no id) and at most 18 of them (SQLite ids are 64-bit).
    if not re.fullmatch(r"[0-9]{1,18}", text.strip()):
        raise argparse.ArgumentTypeError(f"must be an id like 12, got {quoted(text)}")
    return int(text)


class _Skipped:
    """Stands in for the parsers of a command group the command line does not name.

    Every call is accepted and ignored, so one definition of the commands below serves
    both the full parser and one built for a single group.
    """

    def __getattr__(self, name: str) -> Callable[..., _Skipped]:
        return lambda *args, **kwargs: self


class _Groups:
    """The top-level subcommands: every group is registered, one may be built in full.

    Registering a group (its name and help) keeps the top-level parser as it is; what
    costs is building each group's own subcommands, which a quick capture never uses.
    """

    def __init__(self, sub: argparse._SubParsersAction[_Parser], only: str | None) -> None:
        self._sub = sub
        self._only = only

    def add_parser(self, name: str, **kwargs: Any) -> _Parser:
        """The group's parser, or a stand-in when another group was named."""
        if self._only is None or name == self._only:
            return self._sub.add_parser(name, **kwargs)
        self._sub.add_parser(name, help=kwargs.get("help"), add_help=False)
        return cast(_Parser, _Skipped())


def chosen_group(argv: Sequence[str]) -> str | None:
    """The command group ``argv`` names, or None when only the full parser can tell.

    Only the top-level options before the group are understood here (``--db PATH``,
    ``--db=PATH``, ``--debug``); anything else (help, version, an abbreviation, a value
    that looks like an option) builds every group, so argparse says what it always says.
    """
    rest = list(argv)
    while rest:
        token = rest.pop(0)
        if token == "--db" and rest and not rest[0].startswith("-"):
            rest.pop(0)
        elif not (token.startswith("--db=") or token == "--debug"):
            return None if token.startswith("-") else token
    return None


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser (exposed for help text and tests).

    ``only`` builds that command group's subcommands alone (the others are registered
    by name and help); a command that is not a group builds every group.
    """
    common = _Parser(add_help=False)
    _completes_files(
        common.add_argument(
            "--db",
            default=argparse.SUPPRESS,
            metavar="PATH",
            help="database file (default: $LEADTUI_DB or the user data folder)",
        )
    )
    common.add_argument(
        "--debug",
        action="store_true",
        default=argparse.SUPPRESS,
        help="show tracebacks of unexpected failures",
    )
    parser = _Parser(prog="leadtui", description="The rituals of leading people, in a terminal.")
    _completes_files(
        parser.add_argument(
            "--db",
            default=None,
            metavar="PATH",
            help="database file (default: $LEADTUI_DB or the user data folder)",
        )
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks of failures")
    parser.add_argument("--version", action="version", version=f"leadtui {__version__}")
    parser.set_defaults(handler=open_app)
    sub = _Groups(parser.add_subparsers(title="commands", metavar="COMMAND"), only)

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
    add.set_defaults(handler=people_add)

    edit = people_sub.add_parser("edit", help="change a person's details", parents=[common])
    edit.add_argument("person", metavar="PERSON", help="id, name or unique name prefix")
    person_options(edit, name_flag=True)
    edit.set_defaults(handler=people_edit)

    archive = people_sub.add_parser(
        "archive", help="archive someone who left (history kept)", parents=[common]
    )
    archive.add_argument("person", metavar="PERSON")
    archive.set_defaults(handler=people_archive, undo=False)
    unarchive = people_sub.add_parser(
        "unarchive", help="bring an archived person back", parents=[common]
    )
    unarchive.add_argument("person", metavar="PERSON")
    unarchive.set_defaults(handler=people_archive, undo=True)

    # An optional address, matched against the attendees of an imported calendar.
    for with_email in (add, edit):
        with_email.add_argument(
            "--email", metavar="ADDRESS", help='e.g. sam@example.com ("" clears it)'
        )

    listing = people_sub.add_parser("list", help="list people", parents=[common])
    listing.add_argument("--all", action="store_true", help="include archived people")
    listing.add_argument("--sort", choices=("name", "relation"), default="name")
    listing.add_argument("--json", action="store_true", help="print one JSON document")
    listing.set_defaults(handler=people_list)

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
    log.set_defaults(handler=energy_log)
    edit = energy_sub.add_parser(
        "edit", help="change a logged day (fields not given stay)", parents=[common]
    )
    edit.add_argument("date", metavar="DATE", help="the day, e.g. 2026-12-08 or yesterday")
    edit.add_argument("--level", metavar="N", help="1–5")
    edit.add_argument("--note", metavar="TEXT", help='the note ("" clears it)')
    edit.add_argument(
        "--energized-by",
        action="append",
        metavar="TEXT",
        help='what gave energy (repeatable; replaces the list; "" clears it)',
    )
    edit.add_argument(
        "--drained-by",
        action="append",
        metavar="TEXT",
        help='what took energy (repeatable; replaces the list; "" clears it)',
    )
    edit.set_defaults(handler=energy_edit)
    remove = energy_sub.add_parser("remove", help="remove a logged day", parents=[common])
    remove.add_argument("date", metavar="DATE", help="the day, e.g. 2026-12-08 or yesterday")
    remove.set_defaults(handler=energy_remove)
    show = energy_sub.add_parser("show", help="list recent entries", parents=[common])
    show.add_argument("--days", type=int, default=14, metavar="N", help="how far back (14)")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=energy_show)
    check = energy_sub.add_parser(
        "check", help="the eventual-quid-pro-quo verdict", parents=[common]
    )
    check.add_argument("--json", action="store_true")
    check.set_defaults(handler=energy_check)
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
    work_add.set_defaults(handler=energy_work_add)
    work_list = work_sub.add_parser("list", help="list energizing work", parents=[common])
    work_list.add_argument("--json", action="store_true")
    work_list.set_defaults(handler=energy_work_list)
    work_edit = work_sub.add_parser(
        "edit", help="change a piece of energizing work (see `work list` for ids)", parents=[common]
    )
    work_edit.add_argument("id", metavar="ID", type=_record_id)
    work_edit.add_argument("--title", metavar="TITLE")
    work_edit.add_argument("--date", metavar="DATE")
    work_edit.add_argument("--hours", metavar="H")
    work_edit.add_argument("--kind", help="coding | coaching | exploring | … | other")
    work_edit.add_argument(
        "--creates-work-for-other-teams", dest="creates_work", action="store_const", const=True
    )
    work_edit.add_argument(
        "--creates-no-work", dest="creates_work", action="store_const", const=False
    )
    work_edit.set_defaults(handler=energy_work_edit, creates_work=None)
    work_remove = work_sub.add_parser(
        "remove", help="remove a piece of energizing work", parents=[common]
    )
    work_remove.add_argument("id", metavar="ID", type=_record_id)
    work_remove.set_defaults(handler=energy_work_remove)

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
    series.set_defaults(handler=oneonone_series, status=None)
    oo_add = oo_sub.add_parser("add", help="a talking point for the next session", parents=[common])
    oo_add.add_argument("person", metavar="PERSON")
    oo_add.add_argument("text", metavar="TEXT")
    oo_add.add_argument("--private", action="store_true", help="never in a shared export")
    oo_add.add_argument("--theirs", action="store_true", help="raised by them")
    oo_add.add_argument("--recurring", action="store_true", help="asked every session")
    oo_add.set_defaults(handler=oneonone_add)
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
        type=_record_id,
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
    oo_edit.add_argument("--owner", help="an action's owner: me | them")
    due = oo_edit.add_mutually_exclusive_group()
    due.add_argument("--due", metavar="DATE", help="an action's new due date")
    due.add_argument("--no-due", action="store_true", help="take an action's due date away")
    oo_edit.set_defaults(handler=oneonone_edit, visibility=None)
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
        type=_record_id,
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
        mark.add_argument("item", metavar="ID", type=_record_id)
        mark.add_argument("--undo", action="store_true", help="open it again")
        mark.set_defaults(handler=oneonone_mark, what=what)
    oo_close = oo_sub.add_parser(
        "close", help="hold the session: file and carry over", parents=[common]
    )
    oo_close.add_argument("person", metavar="PERSON")
    oo_close.add_argument("--date", metavar="DATE", help="held on (today)")
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
    oo_skip.add_argument("--date", metavar="DATE", help="the session to skip (the next one)")
    oo_skip.add_argument(
        "--undo", action="store_true", help="bring back the session on --date (skipped or moved)"
    )
    oo_skip.set_defaults(handler=oneonone_reschedule)
    oo_move = oo_sub.add_parser(
        "move", help="move the next session (or the one on --date) to TO", parents=[common]
    )
    oo_move.add_argument("person", metavar="PERSON")
    oo_move.add_argument("to", metavar="TO", help="the new date")
    oo_move.add_argument("--date", metavar="DATE", help="the session to move (the next one)")
    oo_move.set_defaults(handler=oneonone_reschedule)
    oo_show = oo_sub.add_parser(
        "show", help="the next session: points, actions, last notes", parents=[common]
    )
    oo_show.add_argument("person", metavar="PERSON")
    oo_show.add_argument("--json", action="store_true")
    oo_show.set_defaults(handler=oneonone_show)

    fb = sub.add_parser("feedback", help="the ongoing feedback log", parents=[common])
    fb_sub = fb.add_subparsers(title="feedback commands", metavar="ACTION", required=True)
    fb_add = fb_sub.add_parser("add", help="record feedback about a person", parents=[common])
    fb_add.add_argument("person", metavar="PERSON")
    fb_add.add_argument("text", metavar="TEXT")
    fb_add.add_argument("--kind", default="strength", help="strength | growth (strength)")
    fb_add.add_argument("--date", metavar="DATE", help="given on (today)")
    fb_add.add_argument("--private", action="store_true", help="never in a shared export")
    fb_add.set_defaults(handler=feedback_add)
    fb_list = fb_sub.add_parser("list", help="a person's feedback log", parents=[common])
    fb_list.add_argument("person", metavar="PERSON")
    fb_list.add_argument("--half", metavar="H", help="only this half, e.g. 2026-H2")
    fb_list.add_argument("--json", action="store_true")
    fb_list.set_defaults(handler=feedback_list)
    fb_edit = fb_sub.add_parser(
        "edit", help="change a feedback entry (see `feedback list` for ids)", parents=[common]
    )
    fb_edit.add_argument("id", metavar="ID", type=_record_id)
    fb_edit.add_argument("--text", metavar="TEXT")
    fb_edit.add_argument("--kind", help="strength | growth")
    fb_edit.add_argument("--date", metavar="DATE", help="given on")
    fb_edit.add_argument("--private", dest="visibility", action="store_const", const="private")
    fb_edit.add_argument("--shared", dest="visibility", action="store_const", const="shared")
    fb_edit.add_argument("--person", metavar="PERSON", help="move it to another person")
    fb_edit.set_defaults(handler=feedback_edit, visibility=None)
    fb_remove = fb_sub.add_parser("remove", help="remove a feedback entry", parents=[common])
    fb_remove.add_argument("id", metavar="ID", type=_record_id)
    fb_remove.set_defaults(handler=feedback_remove)

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
    t3_set.set_defaults(handler=t3b3_set, remove_text=None)
    t3_deliver = t3_sub.add_parser(
        "deliver", help="record delivery (needs 3 + 3)", parents=[common]
    )
    t3_deliver.add_argument("person", metavar="PERSON")
    t3_deliver.add_argument("--half", metavar="H", help="e.g. 2026-H2 (this half)")
    t3_deliver.add_argument("--date", metavar="DATE", help="delivered on (today)")
    t3_deliver.add_argument("--not-in-person", action="store_true")
    t3_deliver.set_defaults(handler=t3b3_deliver)
    t3_undeliver = t3_sub.add_parser(
        "undeliver", help="take back a delivery recorded by mistake", parents=[common]
    )
    t3_undeliver.add_argument("person", metavar="PERSON")
    t3_undeliver.add_argument("--half", metavar="H", help="e.g. 2026-H2 (this half)")
    t3_undeliver.set_defaults(handler=t3b3_undeliver)
    t3_show = t3_sub.add_parser(
        "show", help="the T3B3 with surprise flags and last half", parents=[common]
    )
    t3_show.add_argument("person", metavar="PERSON")
    t3_show.add_argument("--half", metavar="H", help="e.g. 2026-H2 (this half)")
    t3_show.add_argument("--json", action="store_true")
    t3_show.set_defaults(handler=t3b3_show)
    t3_link = t3_sub.add_parser(
        "link", help="link a Bottom item to earlier feedback or a 1:1 point", parents=[common]
    )
    t3_link.add_argument("person", metavar="PERSON")
    t3_link.add_argument("rank", metavar="N", type=int, help="Bottom item 1–3")
    t3_link.add_argument("--half", metavar="H", help="e.g. 2026-H2 (this half)")
    t3_link.add_argument("--feedback", type=_record_id, metavar="ID")
    t3_link.add_argument("--point", type=_record_id, metavar="ID")
    t3_link.add_argument("--unlink", action="store_true")
    t3_link.set_defaults(handler=t3b3_link)

    _add_succession(sub, common)

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
                # Always chosen, never assumed: the app's export dialog asks the same.
                # "person" is the other name of the shared copy; scripts keep working.
                choices=("shared", "private", "person"),
                required=True,
                help=f"shared: their copy, drops {audience}; private: everything, for you",
            )
        _completes_files(parser.add_argument("--out", metavar="FILE", help="default: print"))
        parser.add_argument("--force", action="store_true", help="overwrite --out")
        return parser

    oneonone_export = export_parser("1on1", "a person's running 1:1 document", "everything private")
    oneonone_export.set_defaults(handler=export_1on1)
    review_export = export_parser(
        "review", "a person's review packet for a half", "everything private, T3B3 text included"
    )
    review_export.add_argument("--half", metavar="H", help="e.g. 2026-H2 (this half)")
    review_export.set_defaults(handler=export_review)
    energy_export = export_parser("energy", "private energy quarter review", None)
    energy_export.add_argument("--quarter", metavar="YYYY-QN", help="default: this quarter")
    energy_export.set_defaults(handler=export_energy)
    succession_export = export_parser("succession", "the succession plan or transition brief", None)
    succession_export.add_argument(
        "--audience",
        choices=("private", "upward"),
        default="private",
        help="upward: the transition brief for your manager or CEO, nothing private "
        "(default: private, everything)",
    )
    succession_export.set_defaults(handler=export_succession)
    vacation_export = export_parser("vacation", "the cover plan for the people covering", None)
    vacation_export.add_argument("start", metavar="START", help="the vacation's first day")
    vacation_export.set_defaults(handler=export_vacation)
    _rotation_commands(sub, common, export_parser)
    # My own calendar: 1:1 series, the leadership meeting, my terms (cli/calendar.py).
    calendar_export = export_parser(
        "calendar", "your 1:1s, the leadership meeting and your terms as iCalendar", None
    )
    calendar_export.add_argument("--months", default="12", metavar="N", help="horizon (12)")
    calendar_export.set_defaults(handler=export_calendar)

    search = sub.add_parser(
        "search",
        help="search every text you wrote (private ones marked)",
        description="Search names, talking points, actions, session notes, feedback, T3B3 "
        "items and the energy journal. Every word must match (a word matches as a prefix); "
        'OR between words, -word to leave out, "quoted words" for a phrase. A query that '
        "starts with - goes after --.",
        parents=[common],
    )
    search.add_argument("query", metavar="QUERY", nargs="+", help="words to find")
    search.add_argument("--person", metavar="P", help="only texts about this person")
    search.add_argument(
        "--kind",
        metavar="K",
        help="only these kinds, comma-separated: person, point, action, note, draft, "
        "feedback, t3b3, energy, work, succession, rotation",
    )
    search.add_argument(
        "--since", metavar="DATE", help="from this day (undated texts count as current)"
    )
    search.add_argument("--until", metavar="DATE", help="up to this day")
    search.add_argument("--limit", type=int, default=50, metavar="N", help="at most N hits (50)")
    search.add_argument(
        "--sort",
        choices=("date", "rank"),
        default="date",
        help="newest first (date) or best match first",
    )
    search.add_argument("--json", action="store_true", help="print one JSON document")
    search.set_defaults(handler=search_command)

    demo_parser = sub.add_parser(
        "demo", help="fill a database with a realistic team", parents=[common]
    )
    demo_parser.add_argument(
        "--years", type=int, default=2, metavar="N", help="years of history (2)"
    )
    demo_parser.add_argument("--people", type=int, default=8, metavar="N", help="team size (8)")
    demo_parser.add_argument(
        "--force",
        action="store_true",
        help="no longer merges; the demo only fills an empty database",
    )
    demo_parser.set_defaults(handler=demo)

    backup_parser = sub.add_parser(
        "backup", help="a consistent copy of the database", parents=[common]
    )
    _completes_files(
        backup_parser.add_argument(
            "--out", metavar="FILE", help="target file (default: the backups folder)"
        )
    )
    backup_parser.add_argument(
        "--force", action="store_true", help="overwrite an existing --out file"
    )
    backup_parser.set_defaults(handler=backup)

    completion = sub.add_parser(
        "completion",
        help="print a tab-completion script for bash or zsh",
        description="Print a completion script for every command and option, generated from "
        "this parser. bash: `leadtui completion bash > "
        "~/.local/share/bash-completion/completions/leadtui`; zsh: `leadtui completion zsh > "
        "~/.zfunc/_leadtui` with ~/.zfunc in $fpath before compinit.",
        parents=[common],
    )
    completion.add_argument("shell", metavar="SHELL", choices=("bash", "zsh"), help="bash | zsh")
    completion.set_defaults(handler=completion_script)
    undo_parser = sub.add_parser(
        "undo",
        help="undo the last change made through leadtui (app or shell)",
        description="Undo the newest change, or the change numbered CHANGE in --list when "
        "nothing changed its records since. Changes are kept for the undo window "
        "(config.toml [undo]: 7 days and the last 100 changes by default).",
        parents=[common],
    )
    undo_parser.add_argument(
        "change", metavar="CHANGE", type=int, nargs="?", help="a change number from --list"
    )
    undo_parser.add_argument(
        "--list", action="store_true", help="the changes that can be undone, newest first"
    )
    undo_parser.add_argument("--json", action="store_true", help="print one JSON document")
    undo_parser.set_defaults(handler=undo_command)
    redo_parser = sub.add_parser("redo", help="redo the change undone last", parents=[common])
    redo_parser.add_argument("--json", action="store_true", help="print one JSON document")
    redo_parser.set_defaults(handler=redo_command)
    register_calendar(sub, common)
    register_today(sub, common)
    return parser


def _add_succession(sub: _Groups, common: _Parser) -> None:
    """`succession`, `meeting`, `vacation` and `career`: succession planning."""
    su = sub.add_parser(
        "succession", help="gaps, focus areas, the bench and the CEO log", parents=[common]
    )
    su_sub = su.add_subparsers(title="succession commands", metavar="ACTION", required=True)
    gap = su_sub.add_parser(
        "gap", help="what a report is missing to thrive in your role", parents=[common]
    )
    gap_sub = gap.add_subparsers(title="gap commands", metavar="ACTION", required=True)
    gap_new = gap_sub.add_parser("add", help="note a gap", parents=[common])
    gap_new.add_argument("person", metavar="PERSON")
    gap_new.add_argument("text", metavar="TEXT")
    gap_new.add_argument("--feedback", type=_record_id, metavar="ID", help="evidence: feedback")
    gap_new.add_argument("--point", type=_record_id, metavar="ID", help="evidence: a 1:1 point")
    gap_new.add_argument("--private", action="store_true", help="never in the upward brief")
    gap_new.set_defaults(handler=gap_add)
    gap_move = gap_sub.add_parser(
        "status", help="open | improving | closed, dated", parents=[common]
    )
    gap_move.add_argument("person", metavar="PERSON")
    gap_move.add_argument("number", metavar="N", type=_record_id, help="the gap's number")
    gap_move.add_argument("status", metavar="STATUS", help="open | improving | closed")
    gap_move.add_argument("--date", metavar="DATE", help="changed on (today)")
    gap_move.set_defaults(handler=gap_status)
    gap_change = gap_sub.add_parser(
        "edit", help="put a gap's words right (its status stays)", parents=[common]
    )
    gap_change.add_argument("person", metavar="PERSON")
    gap_change.add_argument("number", metavar="N", type=_record_id, help="the gap's number")
    gap_change.add_argument("text", metavar="TEXT", help="the new words")
    gap_change.add_argument(
        "--private", dest="visibility", action="store_const", const="private",
        help="never in the upward brief",
    )  # fmt: skip
    gap_change.add_argument(
        "--shared", dest="visibility", action="store_const", const="shared",
        help="in the upward brief again",
    )  # fmt: skip
    gap_change.set_defaults(handler=gap_edit, visibility=None)
    gap_drop = gap_sub.add_parser(
        "remove", help="remove a gap and its history (the next ones move up)", parents=[common]
    )
    gap_drop.add_argument("person", metavar="PERSON")
    gap_drop.add_argument("number", metavar="N", type=_record_id, help="the gap's number")
    gap_drop.set_defaults(handler=gap_remove)
    su_focus = su_sub.add_parser("focus", help="a focus area agreed for a half", parents=[common])
    su_focus.add_argument("person", metavar="PERSON")
    su_focus.add_argument("text", metavar="TEXT", nargs="?", help="(default: gap N's words)")
    su_focus.add_argument("--half", metavar="H", help="e.g. 2026-H2 (this half)")
    su_focus.add_argument("--gap", type=_record_id, metavar="N", help="taken from gap N")
    su_focus.set_defaults(handler=focus)
    su_focus_edit = su_sub.add_parser(
        "focus-edit", help="put a focus area's words right", parents=[common]
    )
    su_focus_edit.add_argument(
        "id", metavar="ID", type=_record_id, help="the focus area's id (succession show)"
    )
    su_focus_edit.add_argument("text", metavar="TEXT", help="the new words")
    su_focus_edit.set_defaults(handler=focus_edit)
    su_focus_remove = su_sub.add_parser(
        "focus-remove", help="remove a focus area", parents=[common]
    )
    su_focus_remove.add_argument(
        "id", metavar="ID", type=_record_id, help="the focus area's id (succession show)"
    )
    su_focus_remove.set_defaults(handler=focus_remove)
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
    su_cand.set_defaults(handler=candidate, interim=None)
    su_ceo = su_sub.add_parser(
        "ceo", help="log growth raised with your manager or CEO", parents=[common]
    )
    su_ceo.add_argument("text", metavar="TEXT")
    su_ceo.add_argument("--person", metavar="PERSON", help="whom it is about")
    su_ceo.add_argument("--date", metavar="DATE", help="said on (today)")
    su_ceo.add_argument(
        "--relationship",
        action="store_true",
        help="a relationship action for a candidate, not a growth note",
    )
    su_ceo.add_argument("--private", action="store_true", help="never in the upward brief")
    su_ceo.set_defaults(handler=ceo)
    su_ceo_edit = su_sub.add_parser(
        "ceo-edit", help="put a CEO log entry right (what is not given stays)", parents=[common]
    )
    su_ceo_edit.add_argument(
        "id", metavar="ID", type=_record_id, help="the entry's id (succession show)"
    )
    su_ceo_edit.add_argument("text", metavar="TEXT", nargs="?", help="the new words")
    su_ceo_edit.add_argument("--date", metavar="DATE", help="said on")
    su_ceo_edit.add_argument(
        "--relationship", dest="kind", action="store_const", const="relationship"
    )
    su_ceo_edit.add_argument("--growth", dest="kind", action="store_const", const="growth")
    su_ceo_edit.add_argument("--private", dest="visibility", action="store_const", const="private")
    su_ceo_edit.add_argument("--shared", dest="visibility", action="store_const", const="shared")
    su_ceo_edit.set_defaults(handler=ceo_edit, kind=None, visibility=None)
    su_ceo_remove = su_sub.add_parser("ceo-remove", help="remove a CEO log entry", parents=[common])
    su_ceo_remove.add_argument(
        "id", metavar="ID", type=_record_id, help="the entry's id (succession show)"
    )
    su_ceo_remove.set_defaults(handler=ceo_remove)
    su_show = su_sub.add_parser("show", help="the bench and every check", parents=[common])
    su_show.add_argument("person", metavar="PERSON", nargs="?")
    su_show.add_argument("--json", action="store_true")
    su_show.set_defaults(handler=show)

    mt = sub.add_parser(
        "meeting", help="your recurring meetings and their quarterly audit", parents=[common]
    )
    mt_sub = mt.add_subparsers(title="meeting commands", metavar="ACTION", required=True)
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

    va = sub.add_parser("vacation", help="vacations and who covers what", parents=[common])
    va_sub = va.add_subparsers(title="vacation commands", metavar="ACTION", required=True)
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

    cp = sub.add_parser(
        "career", help="a career path for a report who wants your job", parents=[common]
    )
    cp.add_argument("person", metavar="PERSON")
    cp.add_argument("--goal", metavar="TEXT")
    cp.add_argument("--aligned-up", metavar="DATE", help="when you aligned with your manager")
    cp.add_argument("--note", metavar="TEXT", help="what was agreed (with --aligned-up)")
    cp.add_argument("--milestone", metavar="TEXT", help="add a milestone")
    cp.add_argument("--target", metavar="DATE", help="the milestone's target")
    cp.add_argument("--met", type=_record_id, metavar="N", help="milestone N met today")
    cp.add_argument(
        "--edit-milestone",
        type=_record_id,
        metavar="N",
        help="put milestone N right: its words (--milestone), its target (--target)",
    )
    cp.add_argument("--remove-milestone", type=_record_id, metavar="N", help="remove milestone N")
    cp.add_argument("--clear", action="store_true", help="remove the whole career path")
    cp.add_argument("--test-run", metavar="TEXT", help="the test run planned")
    cp.add_argument("--on", metavar="DATE", help="the test run's day")
    cp.add_argument("--result", metavar="TEXT", help="how the test run went")
    cp.add_argument(
        "--status",
        metavar="S",
        help="aligning-up | partnering | test-run | achieved | not-partnering | managed-out",
    )
    cp.set_defaults(handler=career)


def _rotation_commands(
    sub: _Groups,
    common: _Parser,
    export_parser: Callable[[str, str, str | None], argparse.ArgumentParser],
) -> None:
    """`rotation ...`, `host ...` and `export rotations`."""
    rot = sub.add_parser(
        "rotation", help="meeting rotations: terms in offset seats, the plan", parents=[common]
    )
    rot_sub = rot.add_subparsers(title="rotation commands", metavar="ACTION", required=True)
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
    recognize.add_argument("--date", metavar="DATE", help="(today)")
    recognize.set_defaults(handler=rotation_recognize)
    exposure = rot_sub.add_parser(
        "exposure", help="record the exposure given during a term", parents=[common]
    )
    exposure.add_argument("name", metavar="NAME")
    exposure.add_argument("person", metavar="PERSON")
    exposure.add_argument("--date", metavar="DATE", help="(today)")
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
    _completes_files(export_def.add_argument("--out", metavar="FILE", help="default: print"))
    export_def.add_argument("--force", action="store_true", help="overwrite --out")
    export_def.set_defaults(handler=rotation_export_definition)
    import_def = rot_sub.add_parser(
        "import-definition", help="read a definition back (creates or replaces)", parents=[common]
    )
    _completes_files(import_def.add_argument("file", metavar="FILE"))
    import_def.set_defaults(handler=rotation_import_definition)

    host = sub.add_parser(
        "host", help="the weekly leadership meeting's host rotation", parents=[common]
    )
    host_sub = host.add_subparsers(title="host commands", metavar="ACTION", required=True)
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

    rotations_export = export_parser(
        "rotations", "the team's rotation schedule (Markdown, or --ics)", None
    )
    rotations_export.add_argument(
        "--ics", action="store_true", help="iCalendar (RFC 5545) for the team's calendars"
    )
    rotations_export.add_argument("--months", default="12", metavar="N", help="horizon (12)")
    rotations_export.set_defaults(handler=export_rotations)
