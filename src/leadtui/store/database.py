"""Opening the database safely.

One SQLite file through sqlite-utils: foreign keys on, WAL, a busy timeout so
a second process writing at the same moment waits instead of failing, file
mode 0600 and a private folder. Before anything is written the file is
checked read-only: something that is not SQLite, a corrupt file, or a file
written by a newer leadtui (a migration this build does not know) is refused
with one line and left byte-for-byte untouched. Before pending migrations run
on an existing database a copy goes to the backups folder.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from leadtui.errors import DatabaseRefusedError
from leadtui.paths import backups_dir_for

MIGRATION_SET = "leadtui"
BUSY_TIMEOUT_SECONDS = 10.0
SQLITE_HEADER = b"SQLite format 3\x00"
_MIGRATION_NAME = re.compile(r"^\d{4}_[a-z0-9_]+\.sql$")


@dataclass(frozen=True)
class MigrationFile:
    """One schema step shipped with leadtui."""

    name: str
    path: Path


def default_migrations_dir() -> Path:
    """The migrations shipped inside the wheel, or the checkout's in a dev install."""
    packaged = Path(__file__).resolve().parent.parent / "migrations"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "migrations"


def migration_files(folder: Path | None = None) -> list[MigrationFile]:
    """The migration files in apply order (their NNNN prefix)."""
    folder = folder or default_migrations_dir()
    files = sorted(p for p in folder.glob("*.sql") if _MIGRATION_NAME.match(p.name))
    return [MigrationFile(name=p.stem, path=p) for p in files]


def _migrations(files: list[MigrationFile]) -> Migrations:
    migrations = Migrations(MIGRATION_SET)
    for file in files:

        def run(db: Database, path: Path = file.path) -> None:
            db.executescript(path.read_text(encoding="utf-8"))

        migrations(name=file.name)(run)
    return migrations


def _refuse(path: Path, why: str) -> DatabaseRefusedError:
    return DatabaseRefusedError(f"{path}: {why}")


def _check_existing(path: Path, known: set[str]) -> bool:
    """Read-only checks of an existing file. Returns True if it holds leadtui data."""
    if not path.is_file():
        raise _refuse(path, "is not a file; pass a file path with --db")
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if not header:
        return False  # an empty file: SQLite treats it as a new database
    if header != SQLITE_HEADER:
        raise _refuse(path, "is not a SQLite database; pass the path of a leadtui database")
    try:
        # mode=ro: this connection can never write, whatever state the file is in.
        uri = f"{path.resolve().as_uri()}?mode=ro"
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_SECONDS)
    except sqlite3.Error as exc:
        raise _refuse(path, f"cannot be opened ({exc})") from None
    try:
        tables = {
            row[0] for row in conn.execute("select name from sqlite_master where type='table'")
        }
        check = conn.execute("pragma quick_check(1)").fetchone()
        if not check or check[0] != "ok":
            raise _refuse(path, "is corrupt (integrity check failed); restore a backup")
        if "_sqlite_migrations" not in tables:
            if tables:
                raise _refuse(path, "is a SQLite database but not a leadtui one")
            return False
        applied = {
            row[0]
            for row in conn.execute(
                "select name from _sqlite_migrations where migration_set = ?", [MIGRATION_SET]
            )
        }
    except sqlite3.DatabaseError as exc:
        raise _refuse(path, f"is corrupt or not a database ({exc}); restore a backup") from None
    finally:
        conn.close()
    unknown = sorted(applied - known)
    if unknown:
        raise _refuse(
            path,
            f"was written by a newer leadtui (schema step {unknown[-1]}); upgrade leadtui",
        )
    return bool(applied)


def _prepare_location(path: Path) -> None:
    folder = path.parent
    if not folder.exists():
        try:
            folder.mkdir(parents=True, mode=0o700)
        except OSError as exc:
            raise _refuse(path, f"its folder cannot be created ({exc.strerror})") from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise _refuse(path, "its folder is not writable; choose another path with --db")
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        raise _refuse(path, "is not readable and writable by you; fix its permissions")
    if not path.exists():
        try:
            # Create with 0600 ourselves so the file is never readable by others, not even briefly.
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        except FileExistsError:
            pass
        except OSError as exc:
            raise _refuse(path, f"cannot be created ({exc.strerror})") from None


def _tighten_permissions(path: Path, default_folder: Path | None) -> None:
    os.chmod(path, 0o600)
    for suffix in ("-wal", "-shm"):
        sidecar = path.with_name(path.name + suffix)
        if sidecar.exists():
            os.chmod(sidecar, 0o600)
    if default_folder is not None and path.parent.resolve() == default_folder.resolve():
        # Our own data folder: keep it private. A folder the user chose is theirs to set.
        os.chmod(path.parent, 0o700)


def connect(path: Path) -> Database:
    """A sqlite-utils Database on ``path`` with leadtui's pragmas (no checks, no migrations)."""
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False)
    db = Database(conn, execute_plugins=False)
    conn.execute(f"pragma busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
    conn.execute("pragma foreign_keys = on")
    conn.execute("pragma journal_mode = wal")
    conn.execute("pragma synchronous = normal")
    return db


@contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """A write transaction that takes the write lock up front.

    ``BEGIN IMMEDIATE`` makes a second process wait on the busy timeout
    rather than fail half-way with "database is locked". Nested uses become
    savepoints through ``db.atomic()``.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.conn.execute("begin immediate")
    try:
        with db.atomic():
            yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("rollback")
        raise
    db.conn.execute("commit")


def backup_to(db: Database, target: Path) -> Path:
    """Copy ``db`` to ``target`` through SQLite's backup API (consistent while in use)."""
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(target, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    os.close(fd)
    destination = sqlite3.connect(str(target))
    try:
        db.conn.backup(destination)
    finally:
        destination.close()
    os.chmod(target, 0o600)
    return target


def open_database(
    path: Path,
    *,
    migrations_dir: Path | None = None,
    default_folder: Path | None = None,
    now: datetime | None = None,
) -> Database:
    """Open (creating if needed) and migrate the leadtui database at ``path``.

    Raises :class:`DatabaseRefusedError` without touching the file when it
    cannot be used.
    """
    files = migration_files(migrations_dir)
    known = {f.name for f in files}
    existed_with_data = path.exists() and _check_existing(path, known)
    _prepare_location(path)
    try:
        db = connect(path)
    except sqlite3.Error as exc:
        raise _refuse(path, f"cannot be opened ({exc})") from None
    try:
        _tighten_permissions(path, default_folder)
        migrations = _migrations(files)
        pending = migrations.pending(db)
        if pending:
            if existed_with_data:
                # Taken before the write lock: the backup API cannot copy from a connection
                # that holds an open write transaction.
                stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
                backup_to(
                    db,
                    backups_dir_for(path) / f"{path.stem}-{stamp}-before-{pending[0].name}.db",
                )
            with write_transaction(db):
                # Applies only what is still pending under the lock: a second process may
                # have migrated in the meantime. All steps commit together or not at all.
                migrations.apply(db)
    except BaseException:
        db.close()
        raise
    return db
