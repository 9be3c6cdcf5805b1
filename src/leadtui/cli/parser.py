"""The argument parser's top level: the program's options and the table of command groups.

Each command group declares its subcommands and options beside its handlers, in a
``register_<group>`` function of its module (``leadtui.cli.<module>``). A command line that
names a group builds and imports that group alone: a quick capture pays for its own
options only. ``leadtui --help`` lists every group from the table below without importing
one.

Only ``main`` imports this module, and only when a subcommand is given: ``leadtui`` and
``leadtui --db PATH`` open the app without argparse.
"""

from __future__ import annotations

import argparse
import importlib
import re
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from leadtui import __version__
from leadtui.cli.app import open_app
from leadtui.cli.common import completes_files, for_stream
from leadtui.domain.text import MESSAGE_LIMIT, QUOTE_LIMIT

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


class _Parser(argparse.ArgumentParser):
    """argparse with a one-line error message, exit code 2 and the exit codes in --help."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("epilog", EXIT_CODES)
        super().__init__(*args, **kwargs)

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        """Parse as argparse does, and keep the subcommand's flags by field (``option_of``).

        A refusal names the field it refused (the draft's field, the option's ``dest``);
        the command line shows that field's flag, read from the parser that took it. The
        subcommand's own parser returns first, so the top-level one keeps its map.
        """
        parsed, rest = super().parse_known_args(args, namespace)
        if not hasattr(parsed, "option_of"):
            option_of: dict[str, str] = {}
            for action in self._actions:
                if action.option_strings:
                    option_of.setdefault(action.dest, max(action.option_strings, key=len))
            parsed.option_of = option_of
        return parsed, rest

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


# Every command group: its name -> the module and function that register its subcommands
# (``leadtui.cli.<module>``), and its line in ``leadtui --help``, in the order shown there.
GROUPS: dict[str, tuple[str, str, str]] = {
    "people": ("people", "register_people", "add, list, edit and archive people"),
    "energy": ("energy", "register_energy", "the daily energy journal and its verdict"),
    "1on1": ("oneonones", "register_oneonone", "one-on-ones: series, talking points, actions"),
    "feedback": ("reviews", "register_feedback", "the ongoing feedback log"),
    "t3b3": ("reviews", "register_t3b3", "top three and bottom three per half"),
    "succession": (
        "succession", "register_succession", "gaps, focus areas, the bench and the CEO log"
    ),
    "meeting": (
        "succession", "register_meeting", "your recurring meetings and their quarterly audit"
    ),
    "vacation": ("succession", "register_vacation", "vacations and who covers what"),
    "career": ("succession", "register_career", "a career path for a report who wants your job"),
    "export": ("exports", "register_export", "Markdown documents and iCalendar files"),
    "rotation": (
        "rotations", "register_rotation", "meeting rotations: terms in offset seats, the plan"
    ),
    "host": ("rotations", "register_host", "the weekly leadership meeting's host rotation"),
    "search": ("search", "register_search", "search every text you wrote (private ones marked)"),
    "demo": ("maintenance", "register_demo", "fill a database with a realistic team"),
    "backup": ("maintenance", "register_backup", "a consistent copy of the database"),
    "encrypt": ("encryption", "register_encrypt", "encrypt the database at rest with a passphrase"),
    "decrypt": (
        "encryption", "register_decrypt", "turn an encrypted database back into a plain one"
    ),
    "rekey": ("encryption", "register_rekey", "change the passphrase of an encrypted database"),
    "template": (
        "templates", "register_template", "agenda templates for conversations with a known shape"
    ),
    "calendar": ("calendar", "register_calendar", "read a calendar file into 1:1s"),
    "today": (
        "today", "register_today", "today's 1:1s, overdue actions and checks in at most 15 lines"
    ),
    "completion": (
        "completion", "register_completion", "print a tab-completion script for bash or zsh"
    ),
    "undo": ("undo", "register_undo", "undo the last change made through leadtui (app or shell)"),
    "redo": ("undo", "register_redo", "redo the change undone last"),
}  # fmt: skip

# A group's register function: it adds the subcommands and options to the group's parser
# (the second parser carries --db and --debug, a parent of every subcommand).
Register = Callable[[argparse.ArgumentParser, argparse.ArgumentParser], None]


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
    """The argument parser (exposed for help text, completion and tests).

    ``only`` builds that command group's subcommands alone (the others are registered
    by name and help, and their modules are not imported); a command that is not a group
    builds every group.
    """
    common = _Parser(add_help=False)
    completes_files(
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
    completes_files(
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
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name, (module, function, help_text) in GROUPS.items():
        if only is not None and name != only:
            # Listed in the top-level help and choices; its own options are never read.
            sub.add_parser(name, help=help_text, add_help=False)
            continue
        register: Register = getattr(importlib.import_module(f"leadtui.cli.{module}"), function)
        register(sub.add_parser(name, help=help_text, parents=[common]), common)
    return parser
