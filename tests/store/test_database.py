from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from leadtui.domain.people_input import PersonDraft
from leadtui.errors import DatabaseRefusedError
from leadtui.store.database import (
    backup_to,
    default_migrations_dir,
    migration_files,
    open_database,
)
from leadtui.store.people import PeopleRepository


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_blank_database_gets_every_migration_in_order(db_path: Path) -> None:
    db = open_database(db_path)
    applied = [r["name"] for r in db["_sqlite_migrations"].rows_where(order_by="id")]
    assert applied == [f.name for f in migration_files()]
    assert db["person"].exists()
    assert db.execute("pragma foreign_keys").fetchone()[0] == 1
    assert db.execute("pragma journal_mode").fetchone()[0] == "wal"
    db.close()


def test_migration_files_are_uniquely_numbered_and_ordered() -> None:
    names = [p.name for p in default_migrations_dir().glob("*.sql")]
    assert names, "no migrations found"
    numbers = [name.split("_", 1)[0] for name in names]
    assert all(len(n) == 4 and n.isdigit() for n in numbers)
    assert len(set(numbers)) == len(numbers)
    assert sorted(numbers) == [f"{i:04d}" for i in range(1, len(numbers) + 1)]


def test_reopening_applies_nothing_twice(db_path: Path) -> None:
    open_database(db_path).close()
    db = open_database(db_path)
    assert db["_sqlite_migrations"].count == len(migration_files())
    db.close()


def test_pending_migration_is_applied_after_a_backup(db_path: Path, tmp_path: Path) -> None:
    first = tmp_path / "v1"
    first.mkdir()
    (first / "0001_initial.sql").write_text(
        (default_migrations_dir() / "0001_initial.sql").read_text()
    )
    db = open_database(db_path, migrations_dir=first)
    # Rows as that schema holds them (the repository reads today's columns).
    with db.conn:
        db.execute("insert into person (name, created_at, updated_at) values ('Sam', 'x', 'x')")
    db.close()

    second = tmp_path / "v2"
    second.mkdir()
    (second / "0001_initial.sql").write_text((first / "0001_initial.sql").read_text())
    (second / "0002_nickname.sql").write_text("ALTER TABLE person ADD COLUMN nickname TEXT;")
    db = open_database(db_path, migrations_dir=second)
    assert "nickname" in db["person"].columns_dict
    assert db.execute("select name from person").fetchall() == [("Sam",)]
    db.close()

    backups = list((db_path.parent / "backups").glob("*before-0002_nickname.db"))
    assert len(backups) == 1
    copy = sqlite3.connect(backups[0])
    assert copy.execute("select name from person").fetchall() == [("Sam",)]
    assert "nickname" not in [r[1] for r in copy.execute("pragma table_info(person)")]
    copy.close()
    assert stat.S_IMODE(backups[0].stat().st_mode) == 0o600


def test_a_failing_migration_leaves_the_database_as_it_was(db_path: Path, tmp_path: Path) -> None:
    open_database(db_path).close()
    broken = tmp_path / "broken"
    broken.mkdir()
    for file in migration_files():
        (broken / file.path.name).write_text(file.path.read_text())
    (broken / "9998_half.sql").write_text(
        "CREATE TABLE half_done (id INTEGER);\nINSERT INTO no_such_table VALUES (1);"
    )
    with pytest.raises(DatabaseRefusedError, match="no such table"):
        open_database(db_path, migrations_dir=broken)
    db = open_database(db_path)
    assert not db["half_done"].exists()
    db.close()


def test_file_is_private_and_created_folder_is_private(tmp_path: Path) -> None:
    path = tmp_path / "new" / "deeper" / "leadtui.db"
    db = open_database(path)
    db.close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_existing_loose_file_mode_is_tightened(db_path: Path) -> None:
    open_database(db_path).close()
    os.chmod(db_path, 0o644)
    open_database(db_path).close()
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"hello, I am a text file\n", "is not a SQLite database"),
        (b"SQLite format 3\x00" + b"\xff" * 4000, "corrupt"),
    ],
)
def test_not_sqlite_or_corrupt_is_refused_untouched(
    db_path: Path, content: bytes, expected: str
) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(content)
    before = digest(db_path)
    with pytest.raises(DatabaseRefusedError) as info:
        open_database(db_path)
    assert expected in info.value.message
    assert digest(db_path) == before
    assert not db_path.with_name(db_path.name + "-wal").exists()


def test_damaged_page_is_refused_untouched(db_path: Path) -> None:
    db = open_database(db_path)
    repo = PeopleRepository(db)
    for i in range(300):
        repo.add(PersonDraft(name=f"Person {i:03d} " + "x" * 80))
    db.close()
    data = bytearray(db_path.read_bytes())
    page = 4096
    data[page * 2 : page * 2 + 200] = b"\x00\xff" * 100  # scribble over a table page
    db_path.write_bytes(bytes(data))
    before = digest(db_path)
    with pytest.raises(DatabaseRefusedError):
        open_database(db_path)
    assert digest(db_path) == before


def test_newer_database_is_refused_untouched(db_path: Path) -> None:
    db = open_database(db_path)
    db["_sqlite_migrations"].insert(
        {"migration_set": "leadtui", "name": "9999_from_the_future", "applied_at": "2030"}
    )
    db.close()
    before = digest(db_path)
    with pytest.raises(DatabaseRefusedError) as info:
        open_database(db_path)
    assert "newer leadtui" in info.value.message
    assert "9999_from_the_future" in info.value.message
    assert digest(db_path) == before


def test_foreign_sqlite_database_is_refused(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(db_path)
    conn.execute("create table recipes (id integer)")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseRefusedError, match="not a leadtui one"):
        open_database(db_path)


def test_foreign_database_using_sqlite_utils_migrations_is_refused_untouched(
    db_path: Path,
) -> None:
    db_path.parent.mkdir(parents=True)
    conn = sqlite3.connect(db_path)
    conn.execute("create table notes (id integer)")
    conn.execute(
        "create table _sqlite_migrations (id integer primary key, migration_set text, "
        "name text, applied_at text)"
    )
    conn.execute("insert into _sqlite_migrations values (1, 'other-app', '0001_x', '2026')")
    conn.commit()
    conn.close()
    before = digest(db_path)
    with pytest.raises(DatabaseRefusedError, match="not a leadtui one"):
        open_database(db_path)
    assert digest(db_path) == before


def test_unwritable_folder_is_refused(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        target = Path("/proc/leadtui-test/leadtui.db")  # even root cannot create folders here
    else:
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        target = locked / "sub" / "leadtui.db"
    with pytest.raises(DatabaseRefusedError, match="folder"):
        open_database(target)


def test_backup_round_trip(db_path: Path, tmp_path: Path) -> None:
    db = open_database(db_path)
    PeopleRepository(db).add(PersonDraft(name="Sam Okafor", team="Payments"))
    target = backup_to(db, tmp_path / "copy.db")
    db.close()
    restored = open_database(target)
    people = PeopleRepository(restored).list()
    assert [(p.name, p.team) for p in people] == [("Sam Okafor", "Payments")]
    restored.close()


WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from leadtui.domain.people_input import PersonDraft
    from leadtui.store.database import open_database
    from leadtui.store.people import PeopleRepository

    path, prefix, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    repo = PeopleRepository(open_database(path))
    for i in range(count):
        repo.add(PersonDraft(name=f"{prefix} {i}"))
    """
)


def test_two_concurrent_writer_processes_lose_nothing(db_path: Path) -> None:
    count = 150
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(db_path), prefix, str(count)])
        for prefix in ("Alpha", "Beta")
    ]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    db = open_database(db_path)
    assert PeopleRepository(db).count() == 2 * count
    db.close()


def test_preflight_in_the_background_refuses_or_opens(db_path: Path) -> None:
    from leadtui.store.database import Preflight

    open_database(db_path).close()
    store = open_database(db_path, preflight=Preflight(db_path))
    assert store["person"].exists()
    store.close()
    bad = db_path.with_name("bad.db")
    bad.write_text("not sqlite")
    with pytest.raises(DatabaseRefusedError, match="not a SQLite database"):
        open_database(bad, preflight=Preflight(bad))
    assert bad.read_text() == "not sqlite"
