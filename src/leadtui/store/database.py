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

An empty file is refused too (it is what a sync tool leaves of a database, not a new
one); only a path where nothing is gets a new database, built in memory and linked into
place whole, for a command only by its first write that commits. A file or folder made
read-only is opened read-only and never written nor re-permissioned, also by root.

sqlite-utils (migrations, and later FTS and table helpers) is imported only
when something needs it: reading the first screen goes straight through the
sqlite3 connection, which keeps start-up close to a bare Textual app.
"""

from __future__ import annotations

import os
import re
import sqlite3
import stat
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from leadtui.errors import DatabaseRefusedError
from leadtui.paths import backups_dir_for, migration_backup_name

# Kept importable from here: the backup command asks the store which files are the database.
from leadtui.paths import is_database_file as is_database_file
from leadtui.store import keys

# The front ends unlock an encrypted database before opening it: the app installs its
# unlock screen as the prompt (see store/keys.py; nothing else knows where keys come from).
from leadtui.store.keys import PROMPT_TRIES as PROMPT_TRIES
from leadtui.store.keys import looks_encrypted as looks_encrypted

unlock = keys.key_for
set_passphrase_prompt = keys.set_prompt

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.db import Table
    from sqlite_utils.migrations import Migrations

    from leadtui.store.journal import JournalSettings

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


def explain_sqlite_error(exc: sqlite3.Error, path: Path | None = None) -> str | None:
    """What a person can do about a SQLite error, or None when it is not theirs to fix.

    A locked database, a full disk and a read-only file or folder are conditions of the
    machine, not of the data: saying "restore a backup" there would lose recent work.
    ``path`` is the database: an input/output error on a disk with no room left is
    reported as the full disk it is (SQLite reports some writes that failed for want
    of space, such as growing the shared-memory index, as input/output errors).
    """
    text = str(exc).lower()
    # The primary result code: extended codes (SQLITE_READONLY_DIRECTORY ...) keep it
    # in their low byte.
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    if "locked" in text or "busy" in text or code in (5, 6):
        # Only the fact is known (another connection holds the write lock), not what it
        # is doing: most often a quick command or the open app saving a change.
        return (
            "another leadtui command or the app is writing to this database; try again in a moment"
        )
    if "disk is full" in text or "database or disk is full" in text or code == 13:
        return DISK_FULL
    if "disk i/o" in text or code == 10:
        if path is not None and disk_is_full(path.parent):
            return DISK_FULL
        return "the disk reported an input/output error; check the disk and try again"
    if "readonly" in text or "read-only" in text or code == 8:
        return (
            "the database or its folder is read-only; make both writable by you, "
            "or copy the database to a writable folder and pass it with --db"
        )
    if "unable to open" in text or code == 14:
        return "the database cannot be opened; check that its folder exists and is writable by you"
    # SQLITE_CORRUPT and SQLITE_NOTADB: a damaged page met while reading or writing
    # (only the cheap checks run on every open); the write transaction rolled back.
    if code in (11, 26) or "malformed" in text or "not a database" in text:
        return "the database is corrupt (nothing was written); restore a backup"
    return None


DISK_FULL = "the disk is full; free some space and try again (nothing was written)"
# Less room than this is a disk SQLite cannot grow a file or the shared-memory index on.
_NEARLY_FULL_BYTES = 256 * 1024


def disk_is_full(folder: Path) -> bool:
    """Whether the file system holding ``folder`` has (almost) no room left."""
    for place in (folder, *folder.parents):
        try:
            info = os.statvfs(place)
        except OSError:
            continue
        return info.f_bavail * info.f_frsize < _NEARLY_FULL_BYTES
    return False


def writable(path: Path) -> bool:
    """Whether leadtui may write ``path`` (a file or a folder).

    The owner's write bit as well as access(): root may write anything, but a file or
    folder its user made read-only (an archived copy, say) is theirs to keep as it is.
    """
    try:
        info = path.stat()
    except OSError:
        return False
    wanted = os.W_OK | (os.X_OK if stat.S_ISDIR(info.st_mode) else 0)
    if not os.access(path, wanted):
        return False
    euid = os.geteuid() if hasattr(os, "geteuid") else None
    # The owner's bit speaks for the owner, and for root, who ignores it otherwise; another
    # user writes through the group or other bits access() has already checked.
    if euid is None or (info.st_uid != euid and euid != 0):
        return True
    return bool(info.st_mode & stat.S_IWUSR)


def _read_only_uri(path: Path) -> str:
    """The URI that reads ``path`` and can never write it, nor anything beside it.

    ``immutable=1`` tells SQLite that no one changes the file while it is open: it takes
    no locks, reads no log and makes no -wal or -shm (which a read-only folder would
    refuse, and which, left beside a file made read-only, would keep it read-only once it
    is made writable again). That holds only while no other connection has the file open:
    the app left running while its file was made read-only still writes through the
    descriptor it holds, and an immutable reader would keep a stale view of that, or meet
    pages a checkpoint rewrote as corrupt. Every connection in WAL mode keeps a -shm
    beside the file while it is open, so with no -shm and no changes waiting in a log the
    file alone is the database and no one is writing it. Otherwise it is read through the
    log and the shared-memory index (``mode=ro``), which sees every commit.
    """
    wal = path.with_name(path.name + "-wal")
    shm = path.with_name(path.name + "-shm")
    log_empty = not wal.exists() or wal.stat().st_size == 0
    suffix = "?mode=ro&immutable=1" if log_empty and not shm.exists() else "?mode=ro"
    return f"{path.resolve().as_uri()}{suffix}"


def is_read_only(path: Path) -> bool:
    """Whether the existing database at ``path`` must only be read (it or its folder is
    read-only)."""
    return not writable(path) or not writable(path.parent)


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
        # SQLite would take it for a new database and write a schema into it, but an
        # empty file where a database was is what a sync or copy tool leaves when it
        # truncates one: the data lives in a backup, not here.
        raise _refuse(
            path,
            "is empty (0 bytes): it may have been truncated by a sync or copy tool; restore "
            f"it from a backup in {backups_dir_for(Path(os.path.abspath(path)))}, or remove it "
            "to start a new database",
        )
    try:
        # mode=ro: this connection can never write, whatever state the file is in.
        uri = _read_only_uri(path) if is_read_only(path) else f"{path.resolve().as_uri()}?mode=ro"
        # Keyed when the file is encrypted (store/keys.py finds the key, or refuses).
        conn = keys.connect(path, uri, uri=True, timeout=BUSY_TIMEOUT_SECONDS)
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
        advice = explain_sqlite_error(exc, path)
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
    # int(): SQLCipher reports the page size as text.
    page_count = int(conn.execute("pragma page_count").fetchone()[0])
    page_size = int(conn.execute("pragma page_size").fetchone()[0])
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
        self._saw_file = False
        self._thread = threading.Thread(target=self._run, name="leadtui-preflight", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            if os.path.lexists(self.path):
                self._saw_file = True
                known = {f.name for f in migration_files(self.migrations_dir)}
                # The full check: it runs while Textual imports, so it costs no waiting.
                self._applied = _check_existing(self.path, known, full=True)
        except BaseException as exc:  # handed to the opener, which reports it
            self._error = exc

    def saw_file(self) -> bool:
        """Whether something was at the path when the check ran (waits for it)."""
        self._thread.join()
        return self._saw_file

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


def _check_new_location(path: Path) -> None:
    """Refuse a path a new database cannot be made at, before anything is created.

    Checked when the database is opened, so a bad --db is refused at once, though the
    file and its folders are only made when the first change is written.
    """
    folder = path.parent
    existing = next((p for p in [folder, *folder.parents] if p.exists()), None)
    if existing is None:
        return
    if not existing.is_dir():
        raise _refuse(path, f"{existing} is a file, not a folder; choose another path with --db")
    if not writable(existing):
        if existing == folder:
            raise _refuse(
                path,
                "its folder is not writable by you; fix its permissions or choose another --db",
            )
        raise _refuse(
            path,
            f"its folder cannot be created ({existing} is not writable by you); "
            "choose another path with --db",
        )


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
    """Take group and other access away from the database and its side files.

    Only ever removes bits, and only from files the user left writable: a file made
    read-only is opened read-only and never reaches here.
    """
    for suffix in ("", "-wal", "-shm"):
        target = path.with_name(path.name + suffix)
        try:
            mode = stat.S_IMODE(target.stat().st_mode)
        except FileNotFoundError:
            continue
        if mode & 0o077:
            os.chmod(target, mode & 0o700)


READ_ONLY_REFUSAL = (
    "is read-only (the file or its folder does not allow writing), so nothing was written; "
    "reading commands still work, or copy it to a writable folder and pass the copy with --db"
)


class Store:
    """An open leadtui database: a sqlite3 connection, with sqlite-utils on demand.

    Repositories run SQL through :meth:`execute`; transactions are explicit
    (:func:`write_transaction`), never implicit. :attr:`utils` wraps the same
    connection in a ``sqlite_utils.Database`` for migrations, FTS and table helpers.

    ``read_only``: the file or its folder is read-only, so every write is refused.
    ``not_created``: the file does not exist yet; until the first write a new, empty
    database in memory stands in for it, and the first write transaction creates it.
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        *,
        read_only: bool = False,
        migrations_dir: Path | None = None,
        not_created: bool = False,
    ) -> None:
        self.conn = conn
        self.path = path
        self._utils: Database | None = None
        self.savepoint_depth = 0
        # The undo journal's limits; None where nothing is journaled (while migrating, a
        # bare connection). open_database sets the defaults; front ends set config.toml's.
        self.journal: JournalSettings | None = None
        # What the change being written is, in words ("added talking point for Sam").
        self.journal_label: str | None = None
        self.read_only = read_only
        self.not_created = not_created
        self.migrations_dir = migrations_dir
        # A change removed text but the log could not be emptied then (another connection
        # was reading from it): it is tried again after every write and when closing, so
        # the removed words do not wait in the log for the last close.
        self.log_to_empty = False

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

    def adopt(self, other: Store) -> None:
        """Take over ``other``'s connection (the file that now stands for this store)."""
        old = self.conn
        self.conn = other.conn
        self._utils = None
        self.read_only = other.read_only
        self.not_created = other.not_created
        old.close()

    def close(self) -> None:
        """Close the connection (the last close checkpoints the WAL).

        A text removed outside a write transaction (a bare statement) is purged from the
        search index first, so closing never leaves its words in the file; a log a change
        could not empty is emptied now, as another connection may keep the file open
        (then this close is not the last, which would).
        """
        try:
            # A read-only archive is never written; a new one in memory has nothing to purge.
            writable = not self.read_only and not self.not_created
            if writable and not self.conn.in_transaction:
                if _purge_pending(self.conn):
                    with write_transaction(self):
                        pass  # the commit purges, and empties the log
                elif self.log_to_empty:
                    self.log_to_empty = not empty_log(self.conn)
        except sqlite3.Error:
            pass  # closing must not fail; the next write transaction purges
        self.conn.close()


def connect(path: Path, *, read_only: bool | None = None) -> Store:
    """A Store on ``path`` with leadtui's pragmas (no checks, no migrations).

    ``read_only`` opens it so that SQLite can never write it (see :func:`_read_only_uri`);
    by default when the file or its folder is read-only, so a second connection (a
    screen's reader thread) opens a read-only archive as the first one did.
    """
    if read_only is None:
        read_only = path.exists() and is_read_only(path)
    # isolation_level=None: no implicit transactions; every write opens its own explicitly.
    target = _read_only_uri(path) if read_only else str(path)
    conn = keys.connect(
        path,
        target,
        uri=read_only,
        timeout=BUSY_TIMEOUT_SECONDS,
        check_same_thread=False,
        isolation_level=None,
    )
    try:
        conn.execute(f"pragma busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
        conn.execute("pragma foreign_keys = on")
        if not read_only:
            # Deleted text (T3B3 items removed after delivery, edited notes) is overwritten
            # on disk, not left in free pages; not every SQLite build turns this on by default.
            conn.execute("pragma secure_delete = on")
            _switch_to_wal(conn)
            conn.execute("pragma synchronous = normal")
    except BaseException:
        conn.close()
        raise
    return Store(conn, path, read_only=read_only)


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
def write_transaction(
    store: Store, label: str | None = None, *, journal: bool = True
) -> Iterator[Store]:
    """A write transaction that takes the write lock up front.

    The outermost one is one change in the undo journal (see :mod:`leadtui.store.journal`):
    ``label`` says in a few words what it does (the first label given, also by a nested
    use, names the change; without one a label is made from the rows it touched).
    ``journal=False`` writes without recording (an undo or redo itself, seeding the demo).

    ``BEGIN IMMEDIATE`` makes a second process wait on the busy timeout
    rather than fail half-way with "database is locked". Nested uses become
    savepoints, so a use case can wrap several repository writes in one transaction.
    A read-only database refuses here, before anything is written; a database that
    does not exist yet is created here, so a command refused before it writes creates
    nothing.
    """
    if store.conn.in_transaction:
        if label and store.journal_label is None:
            store.journal_label = label
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
    if store.read_only:
        raise _refuse(store.path, READ_ONLY_REFUSAL)
    store.journal_label = label
    if store.not_created:
        with _creation_lock(store.path):
            if os.path.lexists(store.path):
                # Another leadtui made it meanwhile: this write goes there.
                store.adopt(open_database(store.path, migrations_dir=store.migrations_dir))
            else:
                # The first write runs on the new database in memory and the file is made
                # only once it commits: a write refused part-way (a lookup under the lock
                # that finds nothing) leaves no file behind.
                with _transaction(store, journal=journal):
                    yield store
                _write_new_file(store)
                return
    with _transaction(store, journal=journal):
        yield store


@contextmanager
def _transaction(store: Store, *, journal: bool = True) -> Iterator[None]:
    settings = store.journal
    recording = journal and settings is not None and settings.records
    store.conn.execute("begin immediate")
    try:
        if recording:
            from leadtui.store import journal as undo_journal

            undo_journal.begin(store.conn)
        yield
        purged = False
        if settings is not None:
            from leadtui.store import journal as undo_journal

            # The label is read only now: a nested use may have given it.
            if recording:
                purged = undo_journal.finish(store.conn, settings, store.journal_label)
            else:
                purged = undo_journal.prune(store.conn, settings)
        purged = purge_removed_text(store.conn) or purged
        store.conn.execute("commit")
    except BaseException:
        # Also after a failed COMMIT: a transaction left open would swallow later writes.
        if store.conn.in_transaction:
            store.conn.execute("rollback")
        raise
    if purged or store.log_to_empty:
        # The mark in search_purge is cleared with the commit, so the Store remembers a
        # log still to be emptied: a checkpoint that gave up is tried again after the
        # next write, however small, and on close.
        store.log_to_empty = not empty_log(store.conn)


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


def empty_log(conn: sqlite3.Connection) -> bool:
    """Copy the write-ahead log into the file and cut it to nothing, without waiting.

    The log keeps the pages a change replaced (a removed text's words among them) until
    it is reset, and the app keeps its connection open for hours. Run after a commit that
    removed text. When another connection still reads from the log the checkpoint gives
    up at once rather than stall the change; True only when the log was emptied (the
    caller keeps trying: :attr:`Store.log_to_empty`).
    """
    try:
        conn.execute("pragma busy_timeout = 0")
        # SQLite reports a checkpoint that gave up as busy = 1 in its row, not as an error.
        row = conn.execute("pragma wal_checkpoint(truncate)").fetchone()
    except sqlite3.Error:
        return False  # locked: left to the next try
    finally:
        conn.execute(f"pragma busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
    return row is not None and row[0] == 0


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
        # The copy of an encrypted database is encrypted with the same key.
        destination = keys.copy_connection(store.path, store.conn, temp_name)
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
    name = migration_backup_name(path, stamp, os.getpid(), first_pending)
    target = backups_dir_for(path) / name
    reader = Store(keys.connect(path, str(path), timeout=BUSY_TIMEOUT_SECONDS), path)
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
    create_on_write: bool = False,
) -> Store:
    """Open (creating if needed) and migrate the leadtui database at ``path``.

    Raises :class:`DatabaseRefusedError` without touching the file when it
    cannot be used. ``preflight`` is a check already started for this path (it
    includes the page check); ``full_check`` asks for the page check here. Pending
    migrations always get it first. A file or folder that is read-only is opened for
    reading only: every write is refused. A path that does not exist gets a new
    database, made whole before it appears under its name (two first runs never see a
    half-made file); with ``create_on_write`` only when the first write begins, so a
    command refused before it writes leaves nothing behind.
    """
    files = migration_files(migrations_dir)
    if not os.path.lexists(path):
        return _open_new(path, files, migrations_dir, create_on_write=create_on_write)
    known = {f.name for f in files}
    if preflight is not None and preflight.path == path and preflight.saw_file():
        applied = preflight.result()
        full_check = False  # the preflight ran it
    else:
        if preflight is not None:
            preflight.result()  # nothing to report for a path that did not exist then
        applied = _check_existing(path, known)
    pending = [f.name for f in files if f.name not in (applied or set())]
    if applied and (full_check or pending):
        # Migrating or backing up damaged pages would spread the damage: check them all.
        _check_existing(path, known, full=True)
    if is_read_only(path):
        if pending:
            raise _refuse(
                path,
                f"needs upgrading to this leadtui (schema step {pending[-1]}) but is read-only; "
                "copy it to a writable folder and pass the copy with --db",
            )
        try:
            store = connect(path, read_only=True)
        except sqlite3.Error as exc:
            advice = explain_sqlite_error(exc, path) or f"cannot be read ({exc})"
            raise _refuse(path, advice) from None
        store.migrations_dir = migrations_dir
        return store
    store_: Store | None = None
    try:
        if pending and applied:
            _backup_before_migrating(path, pending[0], now)
        store_ = connect(path, read_only=False)
        if pending:
            migrations = _migrations(files)
            with write_transaction(store_):
                # Under the write lock: what is still pending (a second process may have
                # migrated meanwhile), then every pending step through sqlite-utils,
                # committed together with the record of each step.
                migrations.apply(store_.utils)
        # Only once it is open and current: a failed migration leaves even the mode as
        # it was.
        _tighten_permissions(path)
    except BaseException as exc:
        if store_ is not None:
            store_.close()
        raise _as_refusal(path, exc) from None
    store_.migrations_dir = migrations_dir
    store_.journal = _default_journal(store_.conn)
    return store_


def _as_refusal(path: Path, exc: BaseException) -> BaseException:
    """A failure while opening as the one-line refusal a person can act on."""
    if isinstance(exc, sqlite3.Error):
        return _refuse(path, explain_sqlite_error(exc, path) or f"cannot be opened ({exc})")
    if isinstance(exc, OSError):
        return _refuse(path, _os_advice(exc))
    return exc


def _new_in_memory(path: Path, files: list[MigrationFile]) -> Store:
    """An empty leadtui database in memory, migrated: what a new file will hold."""
    conn = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
    # The pragmas connect() sets on a file, where they matter here: the first write runs
    # in memory and the file is a page-for-page copy, free pages included, so text removed
    # before it is linked must be overwritten here too, whatever the build's default. The
    # application id comes with migration 0005; WAL and synchronous are set when the file
    # is opened after linking (an in-memory database has neither).
    conn.execute("pragma foreign_keys = on")
    conn.execute("pragma secure_delete = on")
    store = Store(conn, path)
    with write_transaction(store):
        _migrations(files).apply(store.utils)
    store.journal = _default_journal(conn)
    return store


def _default_journal(conn: sqlite3.Connection) -> JournalSettings | None:
    """The undo journal's default limits, or None for a schema without the journal (a
    test's own migrations)."""
    from leadtui.store.journal import JournalSettings

    found = conn.execute(
        "select 1 from sqlite_master where type = 'table' and name = 'undo_state'"
    ).fetchone()
    return JournalSettings() if found else None


def _open_new(
    path: Path, files: list[MigrationFile], migrations_dir: Path | None, *, create_on_write: bool
) -> Store:
    _check_new_location(path)
    try:
        store = _new_in_memory(path, files)
    except BaseException as exc:
        raise _as_refusal(path, exc) from None
    store.migrations_dir = migrations_dir
    store.not_created = True
    if not create_on_write:
        try:
            _create_file(store)
        except BaseException:
            store.close()
            raise
    return store


@contextmanager
def _creation_lock(path: Path) -> Iterator[list[Path]]:
    """Held while a new database at ``path`` is made: one leadtui creates it at a time.

    Makes the missing folders (yielded; removed again, when still empty, if the
    database was not made). The lock is a file beside the database, flock-ed and removed
    by whoever holds it before letting go; a waiter that finds it was removed meanwhile
    takes the new one. Two first runs started together thus never both create the file:
    the second waits, finds the database made, and writes there.
    """
    _check_new_location(path)
    try:
        folders = _make_private_folders(path.parent)
    except OSError as exc:
        raise _refuse(
            path, f"its folder cannot be created ({exc.strerror}); choose another path with --db"
        ) from None
    lock_path = path.with_name(f".{path.name}.creating")
    fd: int | None = None
    try:
        fd = _take_lock_file(path, lock_path)
        yield folders
    except BaseException:
        _let_go(lock_path, fd)
        fd = None
        if not os.path.lexists(path):
            _remove_created(path, _Created(folders, False))
        raise
    finally:
        _let_go(lock_path, fd)


def _let_go(lock_path: Path, fd: int | None) -> None:
    """Remove the creation lock file, then release it (see :func:`_creation_lock`)."""
    if fd is not None:
        lock_path.unlink(missing_ok=True)
        os.close(fd)  # closing lets go of the flock


def _take_lock_file(path: Path, lock_path: Path) -> int | None:
    """An open, flock-ed ``lock_path`` (waiting up to the busy timeout); None without flock."""
    try:
        import fcntl
    except ImportError:  # no flock on this platform: the link below still never replaces
        return None
    deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
    pause = 0.005
    while True:
        try:
            fd = os.open(lock_path, os.O_CREAT | os.O_RDWR, 0o600)
        except OSError as exc:
            raise _refuse(path, _os_advice(exc)) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            if time.monotonic() > deadline:
                raise sqlite3.OperationalError("database is locked") from None
            time.sleep(pause)
            pause = min(pause * 2, 0.1)
            continue
        try:
            same = os.fstat(fd).st_ino == os.stat(lock_path).st_ino
        except FileNotFoundError:
            same = False
        if same:
            return fd
        os.close(fd)  # its holder removed it as it let go: take the new one


def _write_new_file(store: Store) -> None:
    """Write the new database ``store`` holds in memory to its file, and switch to it.

    Called under :func:`_creation_lock`. The copy is made whole under a temporary name
    beside the target and then linked to its name, which never replaces a file, so no
    one ever sees a half-made database there.
    """
    path = store.path
    temp: Path | None = None
    made = False
    try:
        fd, temp_name = tempfile.mkstemp(
            prefix=f".{path.name}-new-", suffix=".tmp", dir=path.parent
        )
        os.close(fd)  # mkstemp made it 0600; SQLite writes it through its own connection
        temp = Path(temp_name)
        destination = sqlite3.connect(temp_name)
        try:
            store.conn.backup(destination)
        finally:
            destination.close()
        with open(temp_name, "rb+") as written:
            os.fsync(written.fileno())
        made = _link_new(temp, path)
        if not made:
            raise _refuse(
                path,
                "a file appeared at this path while the new database was being made; "
                "nothing was written, run the command again",
            )
        opened = open_database(path, migrations_dir=store.migrations_dir)
    except BaseException as exc:
        if made:
            # Once linked the file is the database, whole and holding this change: another
            # leadtui may already have opened it and written to it, so it is never removed.
            if not isinstance(exc, Exception):
                raise  # an interrupt stays one
            raise _refuse(path, _not_reopened(path, exc)) from None
        raise _as_refusal(path, exc) from None
    finally:
        if temp is not None:
            for suffix in ("", "-journal"):
                temp.with_name(temp.name + suffix).unlink(missing_ok=True)
    store.adopt(opened)


def _not_reopened(path: Path, exc: BaseException) -> str:
    """The refusal when the new database was made but could not be opened again."""
    if isinstance(exc, DatabaseRefusedError):
        why = exc.message.removeprefix(f"{path}: ")
    elif isinstance(exc, sqlite3.Error):
        why = explain_sqlite_error(exc, path) or str(exc)
    elif isinstance(exc, OSError):
        why = _os_advice(exc)
    else:
        why = str(exc) or type(exc).__name__
    # The general advice assumes the change rolled back; here it was kept.
    why = why.replace(" (nothing was written)", "").replace(" (nothing was changed)", "")
    return (
        f"the new database was made and holds this change, but could not be opened again "
        f"({why}); run the command again"
    )


def _create_file(store: Store) -> None:
    """Create the database ``store`` stands for now (or open it, if another leadtui just
    made it)."""
    with _creation_lock(store.path):
        if os.path.lexists(store.path):
            store.adopt(open_database(store.path, migrations_dir=store.migrations_dir))
        else:
            _write_new_file(store)


def _link_new(temp: Path, path: Path) -> bool:
    """Give ``temp`` the name ``path`` unless a file took it first; True when it did here."""
    try:
        os.link(temp, path)
    except FileExistsError:
        return False
    except OSError:
        # A file system without hard links (some shared or removable drives): a rename,
        # with the same check just before it.
        if os.path.lexists(path):
            return False
        os.rename(temp, path)
    return True


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
