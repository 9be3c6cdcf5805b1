"""Files a person or a tool left in a state leadtui must respect: an empty file is
refused and left alone; a read-only database (an archived copy) is read, never written,
never re-permissioned, even by root."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from leadtui.domain.people_input import PersonDraft
from leadtui.errors import DatabaseRefusedError
from leadtui.services.people import add_person, list_people
from leadtui.store.database import Preflight, connect, migration_files, open_database
from tests.helpers import cli


def state(path: Path) -> tuple[bytes, int, int]:
    """The bytes, permission bits and modification time of ``path``."""
    info = path.stat()
    return path.read_bytes(), stat.S_IMODE(info.st_mode), info.st_mtime_ns


@pytest.fixture
def empty_db(tmp_path: Path) -> Path:
    folder = tmp_path / "synced"
    folder.mkdir()
    db = folder / "leadtui.db"
    db.write_bytes(b"")
    os.utime(db, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))
    return db


def test_an_empty_file_is_refused_and_left_untouched(empty_db: Path) -> None:
    before = state(empty_db)
    with pytest.raises(DatabaseRefusedError) as refused:
        open_database(empty_db)
    assert "is empty (0 bytes)" in refused.value.message
    assert str(empty_db.parent / "backups") in refused.value.message
    assert state(empty_db) == before
    assert sorted(p.name for p in empty_db.parent.iterdir()) == ["leadtui.db"]


def test_the_apps_opener_refuses_an_empty_file(empty_db: Path) -> None:
    before = state(empty_db)
    with pytest.raises(DatabaseRefusedError, match=r"is empty \(0 bytes\)"):
        open_database(empty_db, preflight=Preflight(empty_db))
    assert state(empty_db) == before


def test_a_command_on_an_empty_file_is_refused_with_one_line(empty_db: Path) -> None:
    before = state(empty_db)
    for argv in (["people", "list"], ["people", "add", "Ana"], ["backup"]):
        ran = cli("--db", str(empty_db), *argv)
        assert ran.returncode == 2, ran
        assert ran.stderr.count("\n") == 1 and "is empty (0 bytes)" in ran.stderr, ran
        assert state(empty_db) == before
    assert sorted(p.name for p in empty_db.parent.iterdir()) == ["leadtui.db"]


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """A database with one person, then made read-only (0400)."""
    db = tmp_path / "archive" / "leadtui.db"
    assert cli("--db", str(db), "people", "add", "Ana Ruiz").returncode == 0
    db.chmod(0o400)
    return db


def test_a_read_only_file_is_read_and_never_written(archive: Path) -> None:
    # As root too: the owner's write bit decides, not what root could do.
    before = state(archive)
    store = open_database(archive)
    try:
        assert store.read_only
        assert [p.name for p in list_people(store)] == ["Ana Ruiz"]
        with pytest.raises(DatabaseRefusedError, match="is read-only"):
            add_person(store, PersonDraft(name="Sam Okafor"))
    finally:
        store.close()
    assert state(archive) == before


def test_reading_commands_work_on_a_read_only_file(archive: Path, tmp_path: Path) -> None:
    before = state(archive)
    listed = cli("--db", str(archive), "people", "list", "--json")
    assert listed.returncode == 0, listed
    assert [p["name"] for p in json.loads(listed.stdout)] == ["Ana Ruiz"]
    assert cli("--db", str(archive), "search", "ana").returncode == 0
    out = tmp_path / "energy.md"
    exported = cli("--db", str(archive), "export", "energy", "--out", str(out))
    assert exported.returncode == 0, exported
    assert out.exists()
    written = cli("--db", str(archive), "people", "add", "Sam Okafor")
    assert written.returncode == 2
    assert written.stderr.count("\n") == 1 and "is read-only" in written.stderr
    assert state(archive) == before


def test_a_read_only_folder_is_read_with_nothing_created(archive: Path) -> None:
    archive.chmod(0o600)
    for side in archive.parent.glob("leadtui.db-*"):
        side.unlink()
    archive.parent.chmod(0o500)
    try:
        listed = cli("--db", str(archive), "people", "list", "--json")
        assert listed.returncode == 0, listed
        written = cli("--db", str(archive), "energy", "log", "3")
        assert written.returncode == 2 and "is read-only" in written.stderr
        assert sorted(p.name for p in archive.parent.iterdir()) == ["leadtui.db"]
    finally:
        archive.parent.chmod(0o700)


def test_a_read_only_file_that_needs_upgrading_is_refused(tmp_path: Path) -> None:
    steps = tmp_path / "steps"
    steps.mkdir()
    for file in migration_files():
        (steps / file.path.name).write_text(file.path.read_text())
    db = tmp_path / "data" / "leadtui.db"
    open_database(db).close()
    (steps / "9999_later.sql").write_text("CREATE TABLE later (id INTEGER);")
    db.chmod(0o400)
    before = state(db)
    with pytest.raises(DatabaseRefusedError, match=r"needs upgrading .* but is read-only"):
        open_database(db, migrations_dir=steps)
    assert state(db) == before


def test_a_second_connection_opens_a_read_only_archive_read_only(archive: Path) -> None:
    """A screen's reader thread connects on its own; it reads the archive as the app does."""
    before = state(archive)
    reader = connect(archive)
    try:
        assert reader.read_only
        assert reader.execute("select name from person").fetchall() == [("Ana Ruiz",)]
    finally:
        reader.close()
    assert state(archive) == before
