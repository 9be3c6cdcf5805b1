"""Turning a database file encrypted, plain, or onto a new key, without a moment of risk.

The database is copied with SQLCipher's ``sqlcipher_export`` into a new file beside it
(``.<name>.converting``), that copy is checked (SQLite's integrity check and the row
count of every table against the original), synced to disk and renamed over the
original. A crash at any moment therefore leaves the old file (with its old key) or the
new one (with the new key), never neither and never a mix; a copy left half-made by a
crash is removed by the next conversion. The original is kept from changing meanwhile by
holding its write lock from before the copy starts until after the rename.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from leadtui.errors import DatabaseRefusedError
from leadtui.paths import backups_dir_for, is_backup_name
from leadtui.store import keys

_APPLICATION_ID = 0x4C656164
# Where SQLite's 100-byte header keeps the application id (big-endian).
_APPLICATION_ID_AT = 68
_HEADER_BYTES = 100
_WAIT_SECONDS = 10.0


@dataclass(frozen=True)
class Converted:
    """What a conversion checked: tables and rows found alike in both files."""

    tables: int
    rows: int


def converting_path(path: Path) -> Path:
    """Where the new file is made before it takes ``path``'s name."""
    return path.with_name(f".{path.name}.converting")


def remove_leftovers(path: Path) -> None:
    """Remove what an interrupted conversion of ``path`` left beside it."""
    temp = converting_path(path)
    for suffix in ("", "-journal", "-wal", "-shm"):
        temp.with_name(temp.name + suffix).unlink(missing_ok=True)


def convert(
    path: Path,
    old: keys.RawKey | None,
    new: keys.RawKey | None,
    *,
    before_rename: Callable[[], None] | None = None,
) -> Converted:
    """Rewrite the database at ``path`` from key ``old`` to key ``new`` (None: plain).

    ``before_rename`` runs once the new file is checked and synced (the reliability
    suite kills the process around it). Raises :class:`DatabaseRefusedError` when the
    copy does not match; the original is then untouched.
    """
    remove_leftovers(path)
    temp = converting_path(path)
    # Made private before SQLCipher writes into it (SQLite would create it with the umask).
    os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
    holder = keys.keyed_connection(str(path), old, isolation_level=None, timeout=_WAIT_SECONDS)
    try:
        # Out of WAL: the log and shared-memory files belong to the old file and must not
        # be read as the new one's once it takes the name.
        holder.execute("pragma journal_mode = delete").fetchall()
        # The write lock, held until the new file has the name: nothing written meanwhile
        # can be lost with the old file.
        holder.execute("begin immediate")
        counts = _export(path, old, new, temp)
        _check_copy(temp, new, counts)
        with open(temp, "rb+") as written:
            os.fsync(written.fileno())
        if before_rename is not None:
            before_rename()
        os.replace(temp, path)
        _sync_folder(path.parent)
    except BaseException:
        remove_leftovers(path)
        raise
    finally:
        if holder.in_transaction:
            holder.execute("rollback")
        holder.close()
    keys.remember(path, new)
    return Converted(tables=len(counts), rows=sum(counts.values()))


def _export(
    path: Path, old: keys.RawKey | None, new: keys.RawKey | None, temp: Path
) -> dict[str, int]:
    """Copy ``path`` into ``temp`` with ``new``; the row count of every table copied."""
    exporter = keys.keyed_connection(str(path), old, isolation_level=None, timeout=_WAIT_SECONDS)
    try:
        new_key = "" if new is None else new.pragma_value()
        exporter.execute("attach database ? as converted key ?", (str(temp), new_key))
        exporter.execute("select sqlcipher_export('converted')").fetchall()
        # Not copied by the export: the header fields that say whose file it is.
        version = exporter.execute("pragma main.user_version").fetchone()[0]
        exporter.execute(f"pragma converted.user_version = {int(version)}")
        exporter.execute(f"pragma converted.application_id = {_APPLICATION_ID}")
        exporter.execute("detach database converted")
        return _row_counts(exporter)
    finally:
        exporter.close()


def _row_counts(conn: sqlite3.Connection) -> dict[str, int]:
    tables = [
        row[0]
        for row in conn.execute(
            "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' "
            "order by name"
        )
    ]
    counts: dict[str, int] = {}
    for name in tables:
        quoted = name.replace('"', '""')
        counts[name] = int(conn.execute(f'select count(*) from "{quoted}"').fetchone()[0])
    return counts


def _check_copy(temp: Path, key: keys.RawKey | None, counts: dict[str, int]) -> None:
    """Refuse a copy that is damaged or differs from the original in any table's rows."""
    checker = keys.keyed_connection(str(temp), key)
    try:
        result = checker.execute("pragma integrity_check(1)").fetchone()
        copied = _row_counts(checker)
    finally:
        checker.close()
    if not result or result[0] != "ok" or copied != counts:
        raise DatabaseRefusedError(
            f"{temp}: the converted copy did not match the database (integrity or row counts); "
            "the database was left as it was"
        )


def _sync_folder(folder: Path) -> None:
    """Make the rename durable (the folder entry is written to disk)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # a platform without folder handles (Windows): the rename is what it is
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def plain_backups(db_path: Path) -> list[Path]:
    """The plain (unencrypted) backups leadtui made of the database at ``db_path``.

    Only a file named as leadtui names this database's backups and carrying leadtui's
    application id counts: another program's database, or a backup of another leadtui
    database kept in the same folder, is left alone.
    """
    folder = backups_dir_for(db_path)
    if not folder.is_dir():
        return []
    found = []
    for candidate in sorted(folder.iterdir()):
        if not is_backup_name(db_path, candidate.name) or not candidate.is_file():
            continue
        try:
            with open(candidate, "rb") as file:
                head = file.read(_HEADER_BYTES)
        except OSError:
            continue
        if (
            len(head) == _HEADER_BYTES
            and head[:16] == b"SQLite format 3\x00"
            and int.from_bytes(head[_APPLICATION_ID_AT : _APPLICATION_ID_AT + 4]) == _APPLICATION_ID
        ):
            found.append(candidate)
    return found


def remove_file(path: Path) -> None:
    """Remove a database file and its side files."""
    for suffix in ("-wal", "-shm", "-journal", ""):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
