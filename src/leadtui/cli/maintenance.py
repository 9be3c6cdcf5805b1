"""`leadtui demo` and `leadtui backup`: fill an empty database, copy one safely."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from leadtui.cli.common import (
    completes_files,
    echo,
    locations_for,
    open_store,
    shown_path,
    today_from_env,
)
from leadtui.domain.text import plural
from leadtui.errors import InputError

if TYPE_CHECKING:
    import argparse
    from pathlib import Path


def demo_command(args: argparse.Namespace) -> int:
    from leadtui.demo import check_demo_size, seed_demo
    from leadtui.domain.text import escaped

    check_demo_size(years=args.years, people=args.people)
    # --force no longer merges: it is still parsed so old scripts get the one-line
    # refusal of a database holding data rather than a usage error.
    db = open_store(args)
    try:
        summary = seed_demo(db, today=today_from_env(), years=args.years, people=args.people)
    finally:
        db.close()
    echo(
        f"demo team added: {plural(summary.people, 'person', 'people')} "
        f"({summary.archived} archived), "
        f"{summary.energy_days} days of energy, {summary.energizing_work} pieces of energizing "
        f"work, {summary.sessions} one-on-ones held ({summary.rated_sessions} rated), "
        f"{summary.feedback} feedback entries, {summary.t3b3s} T3B3s, "
        f"{plural(summary.observations, 'energy observation', 'energy observations')} and "
        f"personal context for {plural(summary.contexts, 'person', 'people')}; "
        f"open it with `leadtui{' --db ' + escaped(str(args.db)) if args.db else ''}`"
    )
    return 0


def backup_command(args: argparse.Namespace) -> int:
    from datetime import datetime

    from leadtui.store.database import backup_to, is_database_file

    loc = locations_for(args)
    if args.out is not None:
        target = _backup_target(args.out, args.force)
    else:
        from leadtui.paths import backup_name

        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = loc.backups_dir / backup_name(loc.db_path, stamp)
        counter = 1
        while os.path.lexists(target):
            counter += 1
            target = loc.backups_dir / backup_name(loc.db_path, stamp, counter)
    if is_database_file(loc.db_path, target):
        raise InputError("--out is the database or one of its files; choose another file")
    # The page check first: a backup of damaged pages would look like a good copy.
    db = open_store(args, create=False, full_check=True)
    try:
        backup_to(db, target)
    except OSError as exc:
        raise InputError(
            f"--out {shown_path(target)} cannot be written ({exc.strerror or exc}); "
            "choose another file or free some space"
        ) from None
    finally:
        db.close()
    from leadtui.domain.text import escaped

    # Paths on one line, whatever bytes or line breaks their names hold.
    source, copy = escaped(str(loc.db_path.resolve())), escaped(os.path.abspath(target))
    echo(f"backed up {source} to {copy}")
    return 0


def _backup_target(out: str, force: bool) -> Path:
    """The ``--out`` file of a backup, refused before anything is opened or written."""
    from pathlib import Path

    if not out.strip() or "\x00" in out:
        raise InputError("--out is empty; give the file to write the backup to")
    target = Path(out).expanduser()
    try:
        name = os.fsencode(target)
    except UnicodeEncodeError:
        # A lone surrogate (not undecodable bytes from the shell): no file can be named so.
        raise InputError(f"--out {shown_path(target)} is no name a file can have") from None
    if len(os.path.basename(name)) > 255:
        raise InputError("--out file name is longer than 255 bytes; choose a shorter name")
    try:
        _check_backup_target(target, force)
    except OSError as exc:
        # A path longer than the system takes, a folder that cannot be read: said, not raised.
        raise InputError(
            f"--out {shown_path(target)} cannot be written ({exc.strerror or exc}); "
            "choose another file"
        ) from None
    return target


def _check_backup_target(target: Path, force: bool) -> None:
    """Refuse a folder, an existing file without ``force``, a folder that does not exist."""
    if target.is_dir():
        raise InputError(f"--out {shown_path(target)} is a folder; give a file name in it")
    if os.path.lexists(target) and not force:
        raise InputError(f"--out {shown_path(target)} exists; choose a new file or add --force")
    if not target.parent.is_dir():
        raise InputError(
            f"--out folder {shown_path(target.parent)} does not exist; create it first"
        )


def register_demo(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    """`leadtui demo`: the demo team's size and history."""
    parser.add_argument("--years", type=int, default=2, metavar="N", help="years of history (2)")
    parser.add_argument("--people", type=int, default=8, metavar="N", help="team size (8)")
    parser.add_argument(
        "--force",
        action="store_true",
        help="no longer merges; the demo only fills an empty database",
    )
    parser.set_defaults(handler=demo_command)


def register_backup(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    """`leadtui backup`: where the copy goes."""
    completes_files(
        parser.add_argument(
            "--out", metavar="FILE", help="target file (default: the backups folder)"
        )
    )
    parser.add_argument("--force", action="store_true", help="overwrite an existing --out file")
    parser.set_defaults(handler=backup_command)
