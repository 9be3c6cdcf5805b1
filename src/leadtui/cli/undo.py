"""`leadtui undo [CHANGE] [--list] [--json]` and `leadtui redo`: take back the last change
made through leadtui (from the app or the shell), or put it back.

Nothing to undo or redo, or a change whose rows were changed since, is refused with one
line and exit 2, nothing written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from leadtui.cli.common import echo, echo_json, open_store

if TYPE_CHECKING:
    import argparse

    from leadtui.services.undo import Change


def _when(change: Change) -> str:
    return change.made_at.strftime("%Y-%m-%d %H:%M")


def undo_command(args: argparse.Namespace) -> int:
    """Undo the newest change (or CHANGE), or list the changes that can be undone."""
    from leadtui.export.json import undo_json
    from leadtui.services.undo import redoable, undo, undoable

    if args.list:
        store = open_store(args, create=False)
        changes, waiting = undoable(store), redoable(store)
        if args.json:
            echo_json(undo_json(changes, waiting))
            return 0
        if not changes:
            echo("Nothing to undo.")
        for change in changes:
            echo(f"{change.id:>5}  {_when(change)}  {change.label}")
        if waiting:
            echo(f"{len(waiting)} undone change{'s' if len(waiting) != 1 else ''} can be redone.")
        return 0
    store = open_store(args, create=False)
    done = undo(store, args.change)
    if args.json:
        echo_json(undo_json(undoable(store), redoable(store), undid=done))
    else:
        echo(f"Undid: {done.label}")
    return 0


def redo_command(args: argparse.Namespace) -> int:
    """Redo the change undone last."""
    from leadtui.export.json import undo_json
    from leadtui.services.undo import redo, redoable, undoable

    store = open_store(args, create=False)
    done = redo(store)
    if args.json:
        echo_json(undo_json(undoable(store), redoable(store), redid=done))
    else:
        echo(f"Redid: {done.label}")
    return 0


def register_undo(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    """`leadtui undo [CHANGE]`."""
    parser.description = (
        "Undo the newest change, or the change numbered CHANGE in --list when "
        "nothing changed its records since. Changes are kept for the undo window "
        "(config.toml [undo]: 7 days and the last 100 changes by default)."
    )
    parser.add_argument(
        "change", metavar="CHANGE", type=int, nargs="?", help="a change number from --list"
    )
    parser.add_argument(
        "--list", action="store_true", help="the changes that can be undone, newest first"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    parser.set_defaults(handler=undo_command)


def register_redo(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    """`leadtui redo`."""
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    parser.set_defaults(handler=redo_command)
