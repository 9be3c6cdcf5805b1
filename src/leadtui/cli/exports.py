"""`leadtui export`: Markdown documents, printed or written to a file.

``write_export`` writes every export file, for the command line and the TUI alike.
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
    shown_path,
    today_from_env,
)
from leadtui.errors import InputError

if TYPE_CHECKING:
    import argparse
    from pathlib import Path


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
            f"--out {shown_path(target)} cannot be written ({exc.strerror or exc}); choose another"
        ) from None


def _write_file(text: str, target: Path, force: bool, db_path: Path) -> str:
    import tempfile
    from pathlib import Path

    from leadtui.store.database import is_database_file

    if is_database_file(db_path, target):
        raise InputError("--out is the database or one of its files; choose another file")
    if target.exists() and not force:
        raise InputError(f"--out {shown_path(target)} exists; choose a new file or add --force")
    if not target.parent.is_dir():
        raise InputError(
            f"--out folder {shown_path(target.parent)} does not exist; create it first"
        )
    if target.is_dir():
        raise InputError(f"--out {shown_path(target)} is a folder; give a file name")
    fd, temp = tempfile.mkstemp(prefix=".leadtui-", dir=target.parent)  # mode 0600
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return str(target)


def export_review(args: argparse.Namespace) -> int:
    from leadtui.export.markdown import Audience
    from leadtui.export.review import review_document
    from leadtui.services.review import review_packet

    today = today_from_env()
    half, start_month = review_half(args)
    person, store = person_and_store(args)
    packet = review_packet(store, person, half, today, start_month)
    text = review_document(packet, Audience(args.audience), today)
    written = write_export(text, args.out, args.force, locations_for(args).db_path)
    if written:
        echo(f"wrote the {args.audience} {half.label} review packet to {written}")
    return 0


def export_1on1(args: argparse.Namespace) -> int:
    from leadtui.export.markdown import Audience
    from leadtui.export.oneonone import oneonone_document
    from leadtui.services.oneonones import ALL_HISTORY, running_document

    today = today_from_env()
    person, store = person_and_store(args)
    doc = running_document(store, person, today, history=ALL_HISTORY)
    text = oneonone_document(doc, Audience(args.audience), today)
    written = write_export(text, args.out, args.force, locations_for(args).db_path)
    if written:
        echo(f"wrote the {args.audience} 1:1 document for {person.display_name} to {written}")
    return 0


def export_energy(args: argparse.Namespace) -> int:
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
    settings = settings_for(args)
    store = open_store(args, create=False)
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
    written = write_export(text, args.out, args.force, locations_for(args).db_path)
    if written:
        echo(f"wrote the private energy review {quarter.label} to {written}")
    return 0
