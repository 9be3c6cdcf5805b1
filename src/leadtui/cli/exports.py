"""`leadtui export`: Markdown documents, printed or written to a file.

Files are written by :func:`leadtui.export.files.write_export`, the same door the
app's export dialog uses; this module only words its refusals for the command line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from leadtui.cli.common import (
    completes_files,
    echo,
    locations_for,
    open_store,
    person_and_store,
    print_or_write,
    review_half,
    settings_for,
    today_from_env,
)
from leadtui.cli.oneonones import with_shell_fixes
from leadtui.domain.privacy import Audience
from leadtui.errors import InputError

if TYPE_CHECKING:
    import argparse


def _copy(audience: Audience) -> str:
    """How a confirmation names the copy: the person's copy is the shared one."""
    return audience.value if audience is Audience.PRIVATE else "shared"


def _plaintext_note(args: argparse.Namespace, audience: Audience) -> None:
    """Say that a private copy written from an encrypted database is plain text."""
    from leadtui.services.encryption import plaintext_export_note

    note = plaintext_export_note(locations_for(args).db_path, audience)
    if note is not None:
        echo(f"note: {note}")


def export_review(args: argparse.Namespace) -> int:
    from leadtui.export.reviews import review_document
    from leadtui.services.packet import review_packet

    today = today_from_env()
    half, start_month = review_half(args)
    person, store = person_and_store(args)
    packet = review_packet(store, person, half, today, start_month)
    audience = Audience(args.audience)  # "shared" reads as the person's copy
    written = print_or_write(review_document(packet, audience, today), args)
    if written:
        echo(f"wrote the {_copy(audience)} {half.label} review packet to {written}")
        _plaintext_note(args, audience)
    return 0


@with_shell_fixes
def export_1on1(args: argparse.Namespace) -> int:
    from leadtui.export.oneonone import oneonone_document
    from leadtui.services.oneonones import ALL_HISTORY, running_document

    today = today_from_env()
    person, store = person_and_store(args)
    doc = running_document(store, person, today, history=ALL_HISTORY)
    audience = Audience(args.audience)  # "shared" reads as the person's copy
    written = print_or_write(oneonone_document(doc, audience, today), args)
    if written:
        echo(f"wrote the {_copy(audience)} 1:1 document for {person.display_name} to {written}")
        _plaintext_note(args, audience)
    return 0


def export_energy(args: argparse.Namespace) -> int:
    from leadtui.export.energy import quarter_review_document
    from leadtui.services.energy import chosen_quarter

    today = today_from_env()
    # Checked before the database is opened: a typo is reported as such even without one.
    try:
        label = chosen_quarter(args.quarter, today)
    except InputError as exc:
        raise InputError(f"--quarter: {exc}") from None
    settings = settings_for(args)
    store = open_store(args, create=False)
    text = quarter_review_document(store, label, today, settings.energy)
    written = print_or_write(text, args)
    if written:
        echo(f"wrote the private energy review {label} to {written}")
        _plaintext_note(args, Audience.PRIVATE)
    return 0


def register_export(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    """`leadtui export ...`: one subcommand per document, each with --out and --force.

    The succession and rotation documents declare their own options beside their
    handlers (``register_exports`` in those modules).
    """
    from leadtui.cli.calendar import register_exports as calendar_exports
    from leadtui.cli.rotations import register_exports as rotation_exports
    from leadtui.cli.succession import register_exports as succession_exports

    export_sub = parser.add_subparsers(title="exports", metavar="WHAT", required=True)

    def export_command(name: str, help_text: str, audience: str | None) -> argparse.ArgumentParser:
        """An export subcommand: --out and --force, and --audience when ``audience``
        describes what the shared copy drops."""
        command = export_sub.add_parser(name, help=help_text, parents=[common])
        if audience is not None:
            command.add_argument("person", metavar="PERSON")
            command.add_argument(
                "--audience",
                # Always chosen, never assumed: the app's export dialog asks the same.
                # "person" is the other name of the shared copy; scripts keep working.
                choices=("shared", "private", "person"),
                required=True,
                help=f"shared: their copy, drops {audience}; private: everything, for you",
            )
        completes_files(command.add_argument("--out", metavar="FILE", help="default: print"))
        command.add_argument("--force", action="store_true", help="overwrite --out")
        return command

    oneonone_export = export_command(
        "1on1", "a person's running 1:1 document", "everything private"
    )
    oneonone_export.set_defaults(handler=export_1on1)
    review_export = export_command(
        "review", "a person's review packet for a half", "everything private, T3B3 text included"
    )
    review_export.add_argument("--half", metavar="H", help="e.g. 2026-H2 (this half)")
    review_export.set_defaults(handler=export_review)
    energy_export = export_command("energy", "private energy quarter review", None)
    energy_export.add_argument("--quarter", metavar="YYYY-QN", help="default: this quarter")
    energy_export.set_defaults(handler=export_energy)
    succession_exports(export_command)
    rotation_exports(export_command)
    calendar_exports(export_command)
