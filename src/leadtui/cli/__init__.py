"""The command line: ``leadtui`` opens the TUI; subcommands capture and export.

Subcommands never import Textual, so a quick capture from the shell costs
little more than starting Python. Exit codes: 0 done, 2 input refused (one
line on stderr, nothing written), 1 an unexpected failure.

The package: ``main`` here (with the TUI fast path), the parser in ``parser.py``, shared
helpers in ``common.py`` and one module per command group.
"""

from __future__ import annotations

import gc
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from leadtui.cli.common import (
    close_opened,
    flag_worded,
    for_stream,
    locations_for,
    running,
    today_from_env,
    with_db,
)
from leadtui.domain.text import MESSAGE_LIMIT
from leadtui.errors import LeadtuiError

if TYPE_CHECKING:
    import argparse
    from pathlib import Path

Handler = Callable[["argparse.Namespace"], int]


def open_app(args: argparse.Namespace) -> int:
    from leadtui.store.database import Preflight, looks_encrypted

    locations = locations_for(args)
    if looks_encrypted(locations.db_path):
        # The key first, on this thread and before the check that needs it: the unlock
        # screen, when neither the environment nor the keyring has it.
        from leadtui.store.database import set_passphrase_prompt, unlock

        set_passphrase_prompt(_unlock_screen)
        unlock(locations.db_path)
    # Check the database file while Textual imports (see Preflight).
    preflight = Preflight(locations.db_path)
    from leadtui.tui.app import run_app

    return run_app(
        locations,
        today=today_from_env(),
        preflight=preflight,
        collector_paused=not gc.isenabled(),
    )


def _unlock_screen(prompt: str, attempt: int) -> bytes | None:
    """The app's unlock screen (Textual is imported only when it must be shown)."""
    from leadtui.tui.app import ask_passphrase

    return ask_passphrase(prompt, attempt)


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser (built in ``leadtui.cli.parser``; imported on first use)."""
    from leadtui.cli.parser import build_parser

    return build_parser()


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

    return SimpleNamespace(db=db, debug=False, handler=open_app)  # type: ignore[return-value]


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    """Parse a subcommand's arguments, building only the command group it names.

    Building every group's subcommands costs a quick capture more than its own work;
    the top-level parser still knows every group, so help and errors read the same.
    """
    from leadtui.cli.parser import build_parser, chosen_group

    group = chosen_group(argv)
    if group == "search":
        from leadtui.cli.search import mark_excluded_words

        argv = mark_excluded_words(argv)
    return build_parser(only=group).parse_args(argv)


# Kept here, not imported from the store: a quick command that fails early should not
# pay for importing it. The store's own refusal reads the same.
DISK_FULL = "the disk is full; free some space and try again (nothing was written)"


def _database_path(args: argparse.Namespace) -> Path | None:
    """The database a command used, for advice about the disk it is on."""
    try:
        return locations_for(args).db_path
    except Exception:  # the advice does without it
        return None


def printable_streams() -> None:
    """Let stdout and stderr print whatever their encoding cannot carry as an escape.

    A terminal that is not UTF-8 (``PYTHONIOENCODING=ascii``, a Windows console in cp1252,
    a pipe in the C locale) would otherwise end a command with an encoding error half-way
    through its output; a path with undecodable bytes (surrogate escapes from argv) would
    fail even on UTF-8. Each character the stream cannot encode is written as its
    backslash escape (``\\u738b``, ``\\udcff``) instead: the output stays one line per
    line, readable, and the command's exit code is its own. Documents printed whole
    (Markdown, .ics, TOML) do not go through these escapes: they are written as UTF-8,
    the bytes of the file ``--out`` writes (``leadtui.cli.exports.print_or_write``).
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):
                pass  # a closed or detached stream: nothing will be printed to it anyway


def main(argv: Sequence[str] | None = None) -> int:
    """Run leadtui with ``argv`` (default: the process arguments); return the exit code."""
    printable_streams()
    if argv is None:
        # Run as the program. Start-up builds tens of thousands of objects that live as
        # long as the process (modules, classes, styles), and the cyclic collector would
        # walk them all several times over: it rests. A command ends soon, and what it
        # makes is freed by reference counting (the 40-person, five-year demo peaks at
        # the same memory either way); the app resumes the collector once its first
        # frame is up. Tests call main(argv) in their own process and keep it running.
        gc.disable()
        argv = sys.argv[1:]
    args = _plain_tui_args(argv) or _parse(argv)
    handler: Handler = args.handler
    running(args)
    try:
        return handler(args)
    except LeadtuiError as exc:
        message = flag_worded(exc.message, getattr(exc, "field", None), getattr(exc, "also", ()))
        message = with_db(message, args)
        sys.stderr.write(f"leadtui: {for_stream(message, MESSAGE_LIMIT)}\n")
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

        advice = explain_sqlite_error(exc, _database_path(args))
        if advice is not None:
            # Busy, full or read-only: conditions the person can act on, so a refusal.
            sys.stderr.write(f"leadtui: {advice}\n")
            return 2
        sys.stderr.write(f"leadtui: database error: {exc} (run with --debug for details)\n")
        return 1
    except OSError as exc:
        if args.debug:
            raise
        import errno

        if exc.errno == errno.ENOSPC:
            sys.stderr.write(f"leadtui: {DISK_FULL}\n")
            return 2
        sys.stderr.write(f"leadtui: unexpected failure: {exc!r} (run with --debug for details)\n")
        return 1
    except Exception as exc:
        if args.debug:
            raise
        # The kind of error only: its message may quote what was typed (a private note),
        # so the details go to a file only its owner reads.
        from leadtui.crash import report_crash
        from leadtui.paths import locations

        notice, _ = report_crash(exc, locations(getattr(args, "db", None)).db_path)
        sys.stderr.write(f"leadtui: {notice}; --debug shows the traceback here\n")
        return 1
    finally:
        close_opened()
