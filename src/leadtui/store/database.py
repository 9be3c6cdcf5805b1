"""Opening the database safely.

One SQLite file through sqlite-utils: foreign keys on, WAL, a busy timeout so
a second process writing at the same moment waits instead of failing, file
mode 0600 and a private folder. Before anything is written the file is
checked read-only: something that is not SQLite, a truncated file, or a file
written by a newer leadtui (a migration this build does not know) is refused
with one line and left byte-for-byte untouched. SQLite's full page check
(``quick_check``) reads the whole file, so it runs where it costs no waiting or
is needed: in the app's background preflight, before migrating and before a
backup. A damaged page met later is still refused: SQLite reports it as an error,
the write transaction rolls back and the command exits 2. Before pending
migrations run on an existing database a copy goes to the backups folder.

sqlite-utils (migrations, and later FTS and table helpers) is imported only
when something needs it: reading the first screen goes straight through the
sqlite3 connection, which keeps start-up close to a bare Textual app.
"""

from __future__ import annotations

import os
import re
import sqlite3
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from leadtui.errors import DatabaseRefusedError
from leadtui.paths import backups_dir_for

# Kept importable from here: the backup command asks the store which files are the database.
from leadtui.paths import is_database_file as is_database_file

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.db import Table
    from sqlite_utils.migrations import Migrations

MIGRATION_SET = "leadtui"
BUSY_TIMEOUT_SECONDS = 10.0
# Written into the file header by migration 0005, so another program's SQLite file is
# recognised as not ours (and ours by others); "Lead" in ASCII.
APPLICATION_ID = 0x4C656164
_NOT_OURS = "leadtui leaves it untouched; pass the path of a leadtui database with --db"
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
            # Not executescript: it commits the open transaction first, which would drop
            # the write lock between steps and leave a half-applied step after a crash.
            for statement in sql_statements(path.read_text(encoding="utf-8")):
                db.conn.execute(statement)

        migrations(name=file.name)(run)
    return migrations


def sql_statements(script: str) -> Iterator[str]:
    """The statements of a migration script, one at a time (triggers kept whole)."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip(" \t\r\n;"):
                yield buffer
            buffer = ""
    if buffer.strip():
        yield buffer


def _refuse(path: Path, why: str) -> DatabaseRefusedError:
    return DatabaseRefusedError(f"{path}: {why}")


def explain_sqlite_error(exc: sqlite3.Error) -> str | None:
    """What a person can do about a SQLite error, or None when it is not theirs to fix.

    A locked database, a full disk and a read-only file or folder are conditions of the
    machine, not of the data: saying "restore a backup" there would lose recent work.
    """
    text = str(exc).lower()
    # The primary result code: extended codes (SQLITE_READONLY_DIRECTORY ...) keep it
    # in their low byte.
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    if "locked" in text or "busy" in text or code in (5, 6):
        return (
            "the database is busy in another leadtui (a long demo, backup or migration); "
            "try again when it finishes"
        )
    if "disk is full" in text or "database or disk is full" in text or code == 13:
        return "the disk is full; free some space and try again (nothing was written)"
    if "readonly" in text or "read-only" in text or code == 8:
        return (
            "the database or its folder is read-only; make both writable by you, "
            "or copy the database to a writable folder and pass it with --db"
        )
    if "unable to open" in text or code == 14:
        return "the database cannot be opened; check that its folder exists and is writable by you"
    if "disk i/o" in text or code == 10:
        return "the disk reported an input/output error; check the disk and try again"
    # SQLITE_CORRUPT and SQLITE_NOTADB: a damaged page met while reading or writing
    # (only the cheap checks run on every open); the write transaction rolled back.
    if code in (11, 26) or "malformed" in text or "not a database" in text:
        return "the database is corrupt (nothing was written); restore a backup"
    return None


def _check_existing(path: Path, known: set[str], *, full: bool = False) -> set[str] | None:
    """Read-only checks of an existing file; ``full`` adds SQLite's page check.

    Returns the applied migration names, or None for a file with no leadtui data yet.
    Without ``full`` the checks read the header, the schema and the migrations table
    only (a few pages, whatever the file's size), plus a truncation check.
    Everything is read through SQLite itself: opening and closing a second plain file
    descriptor would drop the POSIX locks this process may already hold on the file
    through another connection, letting another process delete the WAL under it.
    """
    if not path.is_file():
        raise _refuse(path, "is not a file; pass a file path with --db")
    if not os.access(path, os.R_OK):
        raise _refuse(path, "cannot be read by you; fix its permissions")
    if path.stat().st_size == 0 and not path.with_name(path.name + "-wal").exists():
        return None  # an empty file: SQLite treats it as a new database
    try:
        # mode=ro: this connection can never write, whatever state the file is in.
        uri = f"{path.resolve().as_uri()}?mode=ro"
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_SECONDS)
    except sqlite3.Error as exc:
        raise _refuse(path, f"cannot be opened ({exc})") from None
    try:
        schema = conn.execute("select type, name from sqlite_master").fetchall()
        application_id = conn.execute("pragma application_id").fetchone()[0]
        user_version = conn.execute("pragma user_version").fetchone()[0]
        if application_id not in (0, APPLICATION_ID) or user_version != 0:
            raise _refuse(path, f"belongs to another program; {_NOT_OURS}")
        if not schema:
            return None
        if _truncated(path, conn):
            raise _refuse(path, "is corrupt (the file is shorter than its pages); restore a backup")
        if full:
            _quick_check(path, conn)
        tables = {name for kind, name in schema if kind == "table"}
        if "_sqlite_migrations" not in tables:
            raise _refuse(path, f"is a SQLite database but not a leadtui one; {_NOT_OURS}")
        sets = dict(
            conn.execute(
                "select migration_set, count(*) from _sqlite_migrations group by migration_set"
            ).fetchall()
        )
        if set(sets) != {MIGRATION_SET}:
            raise _refuse(path, f"is a SQLite database but not a leadtui one; {_NOT_OURS}")
        applied = {
            row[0]
            for row in conn.execute(
                "select name from _sqlite_migrations where migration_set = ?", [MIGRATION_SET]
            )
        }
    except sqlite3.DatabaseError as exc:
        code = (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
        # Before the general advice, which words every damaged file alike: here the
        # header itself was unreadable, which is also what another program's file gives.
        if code == 26 or "not a database" in str(exc):
            raise _refuse(
                path,
                "is not a SQLite database (or its header is damaged); pass the path of a "
                "leadtui database, or restore a backup",
            ) from None
        if code == 11 or "malformed" in str(exc):
            raise _refuse(path, f"is corrupt ({exc}); restore a backup") from None
        advice = explain_sqlite_error(exc)
        if advice is not None:
            raise _refuse(path, advice) from None
        raise _refuse(path, f"is corrupt ({exc}); restore a backup") from None
    finally:
        conn.close()
    unknown = sorted(applied - known)
    if unknown:
        raise _refuse(
            path,
            f"was written by a newer leadtui (schema step {unknown[-1]}); upgrade leadtui",
        )
    return applied


def _truncated(path: Path, conn: sqlite3.Connection) -> bool:
    """Whether the file ends before the pages its header counts (a cut-short copy).

    Reads only the header. With a non-empty WAL the newest pages may live there, so the
    file alone proves nothing and the check is left to SQLite as pages are read.
    """
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return False
    page_count = conn.execute("pragma page_count").fetchone()[0]
    page_size = conn.execute("pragma page_size").fetchone()[0]
    return bool(path.stat().st_size < page_count * page_size)


def _quick_check(path: Path, conn: sqlite3.Connection) -> None:
    """SQLite's page check (reads every page); a refusal when it finds damage."""
    check = conn.execute("pragma quick_check(1)").fetchone()
    if not check or check[0] != "ok":
        raise _refuse(path, "is corrupt (integrity check failed); restore a backup")


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
                # The full check: it runs while Textual imports, so it costs no waiting.
                self._applied = _check_existing(self.path, known, full=True)
        except BaseException as exc:  # handed to the opener, which reports it
            self._error = exc

    def result(self) -> set[str] | None:
        """Applied migration names (None for a new file); raises the check's refusal."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._applied


class _Created(NamedTuple):
    """What opening made that did not exist before, removed again if the open fails."""

    folders: list[Path]
    file: bool


def _make_private_folders(folder: Path) -> list[Path]:
    """Create ``folder`` and any missing parents as 0700; return those created, outermost first.

    Folders that already exist keep their mode: they are the user's, not ours.
    """
    missing = [p for p in [folder, *folder.parents] if not p.exists()]
    created: list[Path] = []
    for level in reversed(missing):
        try:
            level.mkdir(mode=0o700)
        except FileExistsError:
            continue  # another leadtui started at the same moment made it
        created.append(level)
        os.chmod(level, 0o700)  # mkdir's mode is masked by the umask
    return created


def _prepare_location(path: Path) -> _Created:
    folder = path.parent
    blocker = next((p for p in [folder, *folder.parents] if p.exists()), None)
    if blocker is not None and not blocker.is_dir():
        raise _refuse(path, f"{blocker} is a file, not a folder; choose another path with --db")
    try:
        folders = _make_private_folders(folder)
    except OSError as exc:
        raise _refuse(
            path, f"its folder cannot be created ({exc.strerror}); choose another path with --db"
        ) from None
    if not folder.is_dir():
        raise _refuse(path, f"{folder} is not a folder; choose another path with --db")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise _refuse(
            path, "its folder is not writable by you; fix its permissions or choose another --db"
        )
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        raise _refuse(path, "is not readable and writable by you; fix its permissions")
    created_file = False
    if not path.exists():
        try:
            # Create with 0600 ourselves so the file is never readable by others, not even briefly.
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
            created_file = True
        except FileExistsError:
            pass
        except OSError as exc:
            _remove_created(path, _Created(folders, False))
            raise _refuse(path, f"cannot be created ({exc.strerror})") from None
    return _Created(folders, created_file)


def _remove_created(path: Path, created: _Created) -> None:
    """Undo what a failed open created, so a refusal leaves nothing behind."""
    if created.file:
        for suffix in ("", "-wal", "-shm", "-journal"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
    for folder in reversed(created.folders):
        try:
            folder.rmdir()
        except OSError:
            break  # not empty: something else lives there now


def _tighten_permissions(path: Path) -> None:
    os.chmod(path, 0o600)
    for suffix in ("-wal", "-shm"):
        sidecar = path.with_name(path.name + suffix)
        if sidecar.exists():
            os.chmod(sidecar, 0o600)


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
        self.savepoint_depth = 0

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
        """Close the connection (the last close checkpoints the WAL).

        A text removed outside a write transaction (a bare statement) is purged from the
        search index first, so closing never leaves its words in the file.
        """
        try:
            if not self.conn.in_transaction and _purge_pending(self.conn):
                with write_transaction(self):
                    pass  # the commit purges
        except sqlite3.Error:
            pass  # closing must not fail; the next write transaction purges
        self.conn.close()


def connect(path: Path) -> Store:
    """A Store on ``path`` with leadtui's pragmas (no checks, no migrations)."""
    # isolation_level=None: no implicit transactions; every write opens its own explicitly.
    conn = sqlite3.connect(
        str(path), timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False, isolation_level=None
    )
    try:
        conn.execute(f"pragma busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
        conn.execute("pragma foreign_keys = on")
        # Deleted text (T3B3 items removed after delivery, edited notes) is overwritten on
        # disk, not left in free pages; not every SQLite build turns this on by default.
        conn.execute("pragma secure_delete = on")
        _switch_to_wal(conn)
        conn.execute("pragma synchronous = normal")
    except BaseException:
        conn.close()
        raise
    return Store(conn, path)


def _switch_to_wal(conn: sqlite3.Connection) -> None:
    """``journal_mode = wal``, waiting out other processes like every other statement.

    Switching needs a moment of exclusive access; SQLite reports "locked" at once rather
    than calling the busy handler, so two first runs started together would otherwise fail.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
    pause = 0.005
    while True:
        try:
            conn.execute("pragma journal_mode = wal")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.1)


@contextmanager
def write_transaction(store: Store) -> Iterator[Store]:
    """A write transaction that takes the write lock up front.

    ``BEGIN IMMEDIATE`` makes a second process wait on the busy timeout
    rather than fail half-way with "database is locked". Nested uses become
    savepoints, so a use case can wrap several repository writes in one transaction.
    """
    if store.conn.in_transaction:
        # A plain SAVEPOINT rather than sqlite-utils' atomic(): a quick capture from the
        # shell should not pay for importing sqlite-utils.
        name = f"leadtui_{id(store)}_{store.savepoint_depth}"
        store.savepoint_depth += 1
        store.conn.execute(f"savepoint {name}")
        try:
            yield store
        except BaseException:
            store.conn.execute(f"rollback to {name}")
            store.conn.execute(f"release {name}")
            raise
        else:
            store.conn.execute(f"release {name}")
        finally:
            store.savepoint_depth -= 1
        return
    store.conn.execute("begin immediate")
    try:
        yield store
        purged = purge_removed_text(store.conn)
        store.conn.execute("commit")
    except BaseException:
        # Also after a failed COMMIT: a transaction left open would swallow later writes.
        if store.conn.in_transaction:
            store.conn.execute("rollback")
        raise
    if purged:
        empty_log(store.conn)


def _purge_pending(conn: sqlite3.Connection) -> bool:
    """Whether a search document was removed since the index was last merged."""
    try:
        row = conn.execute("select pending from search_purge").fetchone()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            return False  # a schema from before migration 0012, still to be migrated
        raise
    return bool(row and row[0])


def purge_removed_text(conn: sqlite3.Connection) -> bool:
    """Merge the words of removed or overwritten texts out of the search index's pages.

    FTS5 keeps a deleted document's words in its segments until they are merged, and
    SQLite before 3.42 has no 'secure-delete' option for it (where there is one, turning
    it on stamps the index with a format version older builds refuse to read, so a file
    copied to another machine could not be searched there). Removing a document marks
    ``search_purge`` (migration 0012); here, before the transaction commits, the index is
    merged into one segment when the mark is set. One merge per transaction, so seeding
    or a bulk change pays it once; pragma secure_delete zeroes the pages it frees.
    True when it merged (the caller then empties the log: :func:`empty_log`).
    """
    if not _purge_pending(conn):
        return False
    conn.execute("insert into search_index (search_index) values ('optimize')")
    conn.execute("update search_purge set pending = 0")
    return True


def empty_log(conn: sqlite3.Connection) -> None:
    """Copy the write-ahead log into the file and cut it to nothing, without waiting.

    The log keeps the pages a change replaced (a removed text's words among them) until
    it is reset, and the app keeps its connection open for hours. Run after a commit that
    removed text. When another connection still reads from the log the checkpoint gives
    up at once rather than stall the change; the next one, or the last close, empties it.
    """
    try:
        conn.execute("pragma busy_timeout = 0")
        conn.execute("pragma wal_checkpoint(truncate)").fetchall()
    except sqlite3.Error:
        pass  # busy or locked: left to the next checkpoint
    finally:
        conn.execute(f"pragma busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")


def backup_to(store: Store, target: Path) -> Path:
    """Copy ``store`` to ``target`` through SQLite's backup API (consistent while in use).

    The copy is written to a temporary file beside ``target`` and renamed into place, so a
    failure (a full disk, an interrupted run) never leaves a half-written or empty file,
    and a symlink at ``target`` is replaced rather than written through. The caller checks
    that ``target`` is not the database (:func:`is_database_file`).
    """
    _make_private_folders(target.parent)
    fd, temp_name = tempfile.mkstemp(prefix=".leadtui-backup-", suffix=".tmp", dir=target.parent)
    os.close(fd)  # mkstemp made it 0600; SQLite writes it through its own connection
    temp = Path(temp_name)
    try:
        destination = sqlite3.connect(temp_name)
        try:
            store.conn.backup(destination)
        finally:
            destination.close()
        with open(temp_name, "rb+") as written:
            os.fsync(written.fileno())
        os.replace(temp, target)
    except BaseException:
        for suffix in ("", "-journal"):
            temp.with_name(temp.name + suffix).unlink(missing_ok=True)
        raise
    return target


def _backup_before_migrating(path: Path, first_pending: str, now: datetime | None) -> Path:
    """Copy the database as it is before ``first_pending`` runs, under a unique name.

    Taken before the connection that migrates touches the file (switching an older file
    to WAL rewrites its header), through a read connection of its own.
    """
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
    target = backups_dir_for(path) / f"{path.stem}-{stamp}-{os.getpid()}-before-{first_pending}.db"
    reader = Store(sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_SECONDS), path)
    try:
        return backup_to(reader, target)
    finally:
        reader.close()


def open_database(
    path: Path,
    *,
    migrations_dir: Path | None = None,
    now: datetime | None = None,
    preflight: Preflight | None = None,
    full_check: bool = False,
) -> Store:
    """Open (creating if needed) and migrate the leadtui database at ``path``.

    Raises :class:`DatabaseRefusedError` without touching the file when it
    cannot be used. ``preflight`` is a check already started for this path (it
    includes the page check); ``full_check`` asks for the page check here. Pending
    migrations always get it first. A new database that fails to open is removed
    again, with any folder made for it.
    """
    files = migration_files(migrations_dir)
    known = {f.name for f in files}
    if preflight is not None and preflight.path == path:
        applied = preflight.result()
        full_check = False  # the preflight ran it
    else:
        applied = _check_existing(path, known) if path.exists() else None
    if applied and (full_check or any(f.name not in applied for f in files)):
        # Migrating or backing up damaged pages would spread the damage: check them all.
        _check_existing(path, known, full=True)
    created = _prepare_location(path)
    store: Store | None = None
    try:
        pending = [f.name for f in files if f.name not in (applied or set())]
        if pending and applied:
            _backup_before_migrating(path, pending[0], now)
        store = connect(path)
        _tighten_permissions(path)
        if pending:
            migrations = _migrations(files)
            with write_transaction(store):
                # Under the write lock: what is still pending (a second process may have
                # migrated meanwhile), then every pending step through sqlite-utils,
                # committed together with the record of each step.
                migrations.apply(store.utils)
    except BaseException as exc:
        if store is not None:
            store.close()
        _remove_created(path, created)
        if isinstance(exc, sqlite3.Error):
            advice = explain_sqlite_error(exc)
            raise _refuse(path, advice or f"cannot be opened ({exc})") from None
        if isinstance(exc, OSError):
            raise _refuse(path, _os_advice(exc)) from None
        raise
    return store


def _os_advice(exc: OSError) -> str:
    """One line for a file-system failure while opening or backing up."""
    import errno

    if exc.errno == errno.ENOSPC:
        return "the disk is full; free some space and try again (nothing was changed)"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (
            f"cannot be written ({exc.strerror}); make it and its folder writable by you, "
            "or copy it to a writable folder and pass it with --db"
        )
    return f"cannot be opened ({exc.strerror or exc}); check the disk and its folder"
