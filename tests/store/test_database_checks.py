"""What every open checks cheaply, and where SQLite's full page check runs instead."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from leadtui.domain.people_input import PersonDraft
from leadtui.errors import DatabaseRefusedError
from leadtui.store.database import explain_sqlite_error, open_database
from leadtui.store.people import PeopleRepository


def _filled(db_path: Path, people: int = 200) -> None:
    """A database of several pages, checkpointed so the file holds every page."""
    store = open_database(db_path)
    repo = PeopleRepository(store)
    for n in range(people):
        repo.add(PersonDraft(name=f"Person {n:03d} " + "x" * 80))
    store.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_truncated_file_is_refused_on_every_open_and_left_as_it_was(db_path: Path) -> None:
    _filled(db_path)
    data = db_path.read_bytes()
    db_path.write_bytes(data[: len(data) - 4096])
    before = _digest(db_path)
    with pytest.raises(DatabaseRefusedError, match="corrupt"):
        open_database(db_path)
    assert _digest(db_path) == before


def test_a_damaged_page_is_refused_by_the_full_check(db_path: Path) -> None:
    _filled(db_path)
    data = bytearray(db_path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    # The last page holds people rows: damaged, but the schema and header still read.
    data[-page_size:] = b"\xff" * page_size
    db_path.write_bytes(bytes(data))
    before = _digest(db_path)
    with pytest.raises(DatabaseRefusedError, match="corrupt"):
        open_database(db_path, full_check=True)
    assert _digest(db_path) == before


@pytest.mark.parametrize("code", [11, 26, 11 | (1 << 8)])
def test_corrupt_and_not_a_database_errors_advise_a_backup(code: int) -> None:
    exc = sqlite3.DatabaseError("database disk image is malformed")
    exc.sqlite_errorcode = code
    advice = explain_sqlite_error(exc)
    assert advice is not None and "corrupt" in advice and "restore a backup" in advice
