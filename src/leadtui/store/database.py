"""Opening the database safely.

One SQLite file through sqlite-utils: foreign keys on, WAL, a busy timeout so
a second process writing at the same moment waits instead of failing, file
mode 0600 and a private folder. Before anything is written the file is
checked read-only: something that is not SQLite, a corrupt file, or a file
written by a newer leadtui (a migration this build does not know) is refused
with one line and left byte-for-byte untouched. Before pending migrations run
on an existing database a copy goes to the backups folder.

sqlite-utils (migrations, and later FTS and table helpers) is imported only
when something needs it: reading the first screen goes straight through the
sqlite3 connection, which keeps start-up close to a bare Textual app.
"""

from __future__ import annotations

import os
import re
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from leadtui.errors import DatabaseRefusedError
from leadtui.paths import backups_dir_for

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.db import Table
    from sqlite_utils.migrations import Migrations

MIGRATION_SET = "leadtui"
BUSY_TIMEOUT_SECONDS = 10.0
SQLITE_HEADER = b"SQLite format 3\x00"
_MIGRATION_NAME = re.compile(r"^\d{4}_[a-z0-9_]+\.sql$")


class MigrationFile(NamedTuple):
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
    from sqlite_utils.migrations import Migrations

    migrations = Migrations(MIGRATION_SET)
    for file in files:

        def run(db: Database, path: Path = file.path) -> None:
            db.executescript(path.read_text(encoding="utf-8"))

        migrations(name=file.name)(run)
    return migrations


def _refuse(path: Path, why: str) -> DatabaseRefusedError:
    return DatabaseRefusedError(f"{path}: {why}")


def _check_existing(path: Path, known: set[str]) -> set[str] | None:
    """Read-only checks of an existing file.

    Returns the applied migration names, or None for a file with no leadtui data yet.
    """
    if not path.is_file():
        raise _refuse(path, "is not a file; pass a file path with --db")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise _refuse(path, f"cannot be read ({exc.strerror}); fix its permissions") from None
    if not header:
        return None  # an empty file: SQLite treats it as a new database
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
            return None
        applied = {
            row[0]
            for row in conn.execute(
                "select name from _sqlite_migrations where migration_set = ?", [MIGRATION_SET]
            )
        }
        if not applied and tables - {"_sqlite_migrations"}:
            raise _refuse(path, "is a SQLite database but not a leadtui one")
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise _refuse(path, "is locked by another program; close it and try again") from None
        raise _refuse(path, f"cannot be read ({exc}); restore a backup if this persists") from None
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
    return applied or None


class Preflight:
    """The read-only checks of an existing database, run in a background thread.

    SQLite releases the GIL while it verifies pages, so starting this before the TUI
    imports Textual lets the integrity check run on the other core instead of adding
    to start-up. :func:`open_database` waits for it and raises what it found.
    """

    def __init__(self, path: Path, migrations_dir: Path | None = None) -> None:
        self.path = path
        self.migrations_dir = migrations_dir
        self._applied: set[str] | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="leadtui-preflight", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            if self.path.exists():
                known = {f.name for f in migration_files(self.migrations_dir)}
                self._applied = _check_existing(self.path, known)
        except BaseException as exc:  # handed to the opener, which reports it
            self._error = exc

    def result(self) -> set[str] | None:
        """Applied migration names (None for a new file); raises the check's refusal."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._applied


def _prepare_location(path: Path) -> None:
    folder = path.parent
    blocker = next((p for p in [folder, *folder.parents] if p.exists()), None)
    if blocker is not None and not blocker.is_dir():
        raise _refuse(path, f"{blocker} is a file, not a folder; choose another path with --db")
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


class Store:
    """An open leadtui database: a sqlite3 connection, with sqlite-utils on demand.

    Repositories run SQL through :meth:`execute`; transactions are explicit
    (:func:`write_transaction`), never implicit. :attr:`utils` wraps the same
    connection in a ``sqlite_utils.Database`` for migrations, FTS and table helpers.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self._utils: Database | None = None

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> sqlite3.Cursor:
        """Run one statement on the connection."""
        return self.conn.execute(sql, params)

    @property
    def utils(self) -> Database:
        """sqlite-utils over the same connection (imported on first use)."""
        if self._utils is None:
            from sqlite_utils import Database

            self._utils = Database(self.conn, execute_plugins=False)
        return self._utils

    def __getitem__(self, table: str) -> Table:
        """A sqlite-utils table, e.g. ``store["person"].count``."""
        return self.utils.table(table)

    def close(self) -> None:
        """Close the connection (the last close checkpoints the WAL)."""
        self.conn.close()


def connect(path: Path) -> Store:
    """A Store on ``path`` with leadtui's pragmas (no checks, no migrations)."""
    # isolation_level=None: no implicit transactions; every write opens its own explicitly.
    conn = sqlite3.connect(
        str(path), timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False, isolation_level=None
    )
    conn.execute(f"pragma busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
    conn.execute("pragma foreign_keys = on")
    # Deleted text (T3B3 items removed after delivery, edited notes) is overwritten on
    # disk, not left in free pages; not every SQLite build turns this on by default.
    conn.execute("pragma secure_delete = on")
    conn.execute("pragma journal_mode = wal")
    conn.execute("pragma synchronous = normal")
    return Store(conn, path)


@contextmanager
def write_transaction(store: Store) -> Iterator[Store]:
    """A write transaction that takes the write lock up front.

    ``BEGIN IMMEDIATE`` makes a second process wait on the busy timeout
    rather than fail half-way with "database is locked". Nested uses become
    savepoints through sqlite-utils' ``atomic()``.
    """
    if store.conn.in_transaction:
        with store.utils.atomic():
            yield store
        return
    store.conn.execute("begin immediate")
    try:
        yield store
        store.conn.execute("commit")
    except BaseException:
        # Also after a failed COMMIT: a transaction left open would swallow later writes.
        if store.conn.in_transaction:
            store.conn.execute("rollback")
        raise


def backup_to(store: Store, target: Path, *, exclusive: bool = False) -> Path:
    """Copy ``store`` to ``target`` through SQLite's backup API (consistent while in use).

    With ``exclusive`` the target must not exist yet, so two processes never write
    the same backup file.
    """
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    flags = os.O_CREAT | os.O_WRONLY | (os.O_EXCL if exclusive else os.O_TRUNC)
    os.close(os.open(target, flags, 0o600))
    os.chmod(target, 0o600)
    destination = sqlite3.connect(str(target))
    try:
        store.conn.backup(destination)
    finally:
        destination.close()
    return target


def _backup_before_migrating(path: Path, first_pending: str, now: datetime | None) -> None:
    """Copy the database as it is before ``first_pending`` runs, under a unique name.

    Called while this process holds the write lock, through a second read connection
    (the backup API cannot read through a connection with an open write transaction).
    """
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
    target = backups_dir_for(path) / f"{path.stem}-{stamp}-{os.getpid()}-before-{first_pending}.db"
    reader = Store(sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_SECONDS), path)
    try:
        backup_to(reader, target, exclusive=True)
    finally:
        reader.close()


def open_database(
    path: Path,
    *,
    migrations_dir: Path | None = None,
    default_folder: Path | None = None,
    now: datetime | None = None,
    preflight: Preflight | None = None,
) -> Store:
    """Open (creating if needed) and migrate the leadtui database at ``path``.

    Raises :class:`DatabaseRefusedError` without touching the file when it
    cannot be used. ``preflight`` is a check already started for this path.
    """
    files = migration_files(migrations_dir)
    known = {f.name for f in files}
    if preflight is not None and preflight.path == path:
        applied = preflight.result()
    else:
        applied = _check_existing(path, known) if path.exists() else None
    _prepare_location(path)
    try:
        store = connect(path)
    except sqlite3.Error as exc:
        raise _refuse(path, f"cannot be opened ({exc})") from None
    try:
        _tighten_permissions(path, default_folder)
        if [f for f in files if f.name not in (applied or set())]:
            migrations = _migrations(files)
            with write_transaction(store):
                # Under the write lock: what is still pending (a second process may have
                # migrated meanwhile), a backup of exactly that state, then every pending
                # step through sqlite-utils, committed together.
                pending = migrations.pending(store.utils)
                if pending and applied:
                    _backup_before_migrating(path, pending[0].name, now)
                migrations.apply(store.utils)
    except BaseException:
        store.close()
        raise
    return store
