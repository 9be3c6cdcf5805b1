"""The opener under other connections: a read-only file another connection still writes,
a new database made in memory then linked into place, and a log another reader holds."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from leadtui.domain.people_input import PersonDraft
from leadtui.errors import DatabaseRefusedError
from leadtui.services.oneonones import write_notes
from leadtui.services.people import add_person, list_people
from leadtui.services.undo import configure
from leadtui.store import database
from leadtui.store.database import open_database, write_transaction
from tests.helpers import TODAY
from tests.reliability.deleted_text import file_bytes, needle, new_token


def wal_bytes(db_path: Path) -> bytes:
    """The write-ahead log beside ``db_path`` as it is on disk (empty when there is none)."""
    wal = db_path.with_name(db_path.name + "-wal")
    return wal.read_bytes() if wal.exists() else b""


def checkpoint(conn: sqlite3.Connection) -> None:
    """Copy the log into the file and cut it to 0 bytes (what a change removing text does)."""
    assert conn.execute("pragma wal_checkpoint(truncate)").fetchone()[0] == 0


def test_a_file_made_read_only_under_an_open_writer_is_read_live(db_path: Path) -> None:
    """The app left running while the user made its file read-only: it still writes through
    the descriptor it holds, and a reader opened now sees those writes, not a snapshot."""
    writer = open_database(db_path)
    try:
        add_person(writer, PersonDraft(name="Ana Ruiz"))
        checkpoint(writer.conn)  # the log stays, cut to 0 bytes, with its index
        assert wal_bytes(db_path) == b""
        assert db_path.with_name(db_path.name + "-shm").exists()
        db_path.chmod(0o444)
        reader = open_database(db_path)
        try:
            assert reader.read_only
            assert [p.name for p in list_people(reader)] == ["Ana Ruiz"]
            add_person(writer, PersonDraft(name="Sam Okafor"))
            assert [p.name for p in list_people(reader)] == ["Ana Ruiz", "Sam Okafor"]
            # A checkpoint rewrites the file's pages under the reader: still read whole.
            checkpoint(writer.conn)
            add_person(writer, PersonDraft(name="Mei Chen"))
            assert [p.name for p in list_people(reader)] == ["Ana Ruiz", "Mei Chen", "Sam Okafor"]
        finally:
            reader.close()
    finally:
        writer.close()
        db_path.chmod(0o600)


def _connect_with_secure_delete_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every SQLite connection starts as on a build whose default is secure_delete off."""
    real = sqlite3.connect

    def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn: sqlite3.Connection = real(*args, **kwargs)
        conn.execute("pragma secure_delete = off")
        return conn

    monkeypatch.setattr(sqlite3, "connect", connect)


def test_a_new_database_in_memory_overwrites_what_it_frees(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first write runs in memory and the file is a copy of every page, free ones
    too: text removed before the file is made must not travel into it."""
    _connect_with_secure_delete_off(monkeypatch)
    store = open_database(db_path, create_on_write=True)
    try:
        assert store.not_created
        assert store.execute("pragma secure_delete").fetchone()[0] == 1
        assert store.execute("pragma foreign_keys").fetchone()[0] == 1
        assert store.execute("pragma application_id").fetchone()[0] == database.APPLICATION_ID
        configure(store, days=0, changes=100)
        token = new_token(random.Random("first write"))
        with write_transaction(store):
            person = add_person(store, PersonDraft(name="Ana Lima"))
            # Long enough to fill pages of its own, which the overwrite frees.
            write_notes(store, person, TODAY, private=f"worried {token} " * 400)
            write_notes(store, person, TODAY, private="nothing to add")
        assert not store.not_created
        assert store.execute("pragma journal_mode").fetchone()[0] == "wal"
        assert store.execute("pragma secure_delete").fetchone()[0] == 1
    finally:
        store.close()
    assert needle(token) not in file_bytes(db_path)


def _reopen_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    """Opening the database again after it is linked into place fails (a disk error)."""

    def fail(*args: Any, **kwargs: Any) -> database.Store:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(database, "open_database", fail)


@pytest.mark.parametrize("create_on_write", [True, False])
def test_a_new_database_linked_into_place_is_never_removed(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, create_on_write: bool
) -> None:
    """Once linked the file is the database: another leadtui may have opened it already."""
    if create_on_write:
        store = open_database(db_path, create_on_write=True)
        _reopen_fails(monkeypatch)
        with pytest.raises(DatabaseRefusedError) as refused:
            add_person(store, PersonDraft(name="Ana Ruiz"))
        store.close()
    else:
        _reopen_fails(monkeypatch)
        with pytest.raises(DatabaseRefusedError) as refused:
            open_database(db_path)
    assert db_path.exists()
    message = refused.value.message
    assert "new database was made" in message and "input/output error" in message, message
    assert "nothing was written" not in message
    assert "\n" not in message
    monkeypatch.undo()
    again = open_database(db_path)
    try:
        expected = ["Ana Ruiz"] if create_on_write else []
        assert [p.name for p in list_people(again)] == expected
    finally:
        again.close()


Finish = Callable[[database.Store], None]


def _next_write(store: database.Store) -> None:
    add_person(store, PersonDraft(name="Sam Okafor"))


def _close(store: database.Store) -> None:
    store.close()


@pytest.mark.parametrize("finish", [_next_write, _close], ids=["next write", "close"])
def test_a_log_a_reader_held_is_emptied_once_it_lets_go(db_path: Path, finish: Finish) -> None:
    """The checkpoint after a removal gives up while another connection reads from the log;
    the removed words leave the log at the next write, or when the store closes."""
    token = new_token(random.Random("held"))
    store = open_database(db_path)
    configure(store, days=0, changes=100)
    # Another connection (a screen's reader, another process) stays open throughout, so
    # no close here is the last, which would empty the log by itself.
    reader = sqlite3.connect(db_path, isolation_level=None)
    try:
        person = add_person(store, PersonDraft(name="Ana Lima"))
        write_notes(store, person, TODAY, private=f"worried {token}")
        reader.execute("begin")
        assert reader.execute("select count(*) from person").fetchone() == (1,)
        write_notes(store, person, TODAY, private="nothing to add")
        assert needle(token) in wal_bytes(db_path)  # the reader's snapshot kept it there
        reader.execute("commit")
        finish(store)
        assert needle(token) not in wal_bytes(db_path)
        assert needle(token) not in file_bytes(db_path)
    finally:
        store.close()
        reader.close()


def test_reading_a_read_only_file_alone_leaves_nothing_beside_it(db_path: Path) -> None:
    """With no other connection open (no -shm) the file is read as it is: no -wal or -shm
    is made beside it, which would keep it read-only once it is made writable again."""
    store = open_database(db_path)
    add_person(store, PersonDraft(name="Ana Ruiz"))
    store.close()
    db_path.chmod(0o400)
    try:
        reader = open_database(db_path)
        try:
            assert reader.read_only
            assert [p.name for p in list_people(reader)] == ["Ana Ruiz"]
        finally:
            reader.close()
        assert sorted(p.name for p in db_path.parent.iterdir()) == ["leadtui.db"]
    finally:
        db_path.chmod(0o600)
