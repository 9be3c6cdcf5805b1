"""`leadtui export`: Markdown documents, printed or written to a file.

Files are written by :func:`leadtui.export.files.write_export`, the same door the
app's export dialog uses; this module only words its refusals for the command line.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from leadtui.cli.common import (
    echo,
    locations_for,
    open_store,
    person_and_store,
    review_half,
    settings_for,
    today_from_env,
)
from leadtui.cli.oneonones import with_shell_fixes
from leadtui.domain.privacy import Audience
from leadtui.errors import InputError

if TYPE_CHECKING:
    import argparse


def print_or_write(text: str, args: argparse.Namespace) -> str | None:
    """Print ``text``, or write it to ``--out`` (mode 0600, never over the database);
    the path written as a confirmation shows it (on one line, undecodable bytes and
    control characters escaped), or None when printed."""
    if args.out is None:
        _print_document(text)
        return None
    from pathlib import Path

    from leadtui.export.files import TargetExistsError, write_export

    target = Path(args.out).expanduser()
    db_path = locations_for(args).db_path
    try:
        written = write_export(text, target, force=args.force, db_path=db_path)
    except TargetExistsError as exc:
        raise InputError(f"--out {exc} or add --force") from None
    except InputError as exc:
        raise InputError(f"--out {exc}") from None
    from leadtui.domain.text import escaped

    return escaped(str(written))


def _print_document(text: str) -> None:
    """Print a whole document to stdout as the bytes ``--out`` would write (UTF-8).

    A message to a person may escape what their terminal cannot show, but a document
    redirected to a file must be that file: escaped characters in it would silently
    corrupt it (``Zoë \\u738b`` in mixed encodings). Only a stream of text alone (no
    byte layer beneath it) is given the text as it is.
    """
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
        return
    sys.stdout.flush()  # what was printed before the document goes out before it
    # The line ends a file written in text mode has on this platform, as ``--out`` has.
    buffer.write(text.replace("\n", os.linesep).encode("utf-8"))
    buffer.flush()


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
    from leadtui.export.review import review_document
    from leadtui.services.review import review_packet

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
