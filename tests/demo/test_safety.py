"""The demo writes only into an empty database: anything a person wrote, `--force` or
not, is refused with one line and the file is left byte for byte as it was."""

from __future__ import annotations

import gc
import sqlite3
from pathlib import Path

import pytest

from leadtui.cli import main
from leadtui.demo import DEMO_IGNORES, USER_TABLES, user_data
from leadtui.store.database import Store, open_database


def files(db_path: Path) -> dict[str, bytes]:
    """The database and its write-ahead log as they are on disk, with every connection
    closed and the log checkpointed, so equal dicts mean nothing was written."""
    gc.collect()  # a connection a handler left behind would hold the log open
    conn = sqlite3.connect(db_path)
    try:
        conn.execute("pragma wal_checkpoint(truncate)")
    finally:
        conn.close()
    return {
        path.name: path.read_bytes()
        for path in (db_path, db_path.with_name(db_path.name + "-wal"))
        if path.exists()
    }


def refused(argv: list[str], db_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """Run the demo, assert it was refused with one line and nothing written; the line."""
    capsys.readouterr()
    before = files(db_path)
    assert main([*argv, "--db", str(db_path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("leadtui: ") and captured.err.count("\n") == 1
    assert files(db_path) == before
    return captured.err


@pytest.mark.parametrize("argv", [["demo"], ["demo", "--force"], ["demo", "--people", "3"]])
def test_demo_leaves_a_database_with_a_real_person_untouched(
    db_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    db = ["--db", str(db_path)]
    assert main(["people", "add", "Sam Lee", "--started", "2024-01-15", *db]) == 0
    assert main(["energy", "log", "4", "a good day", *db]) == 0
    line = refused(argv, db_path, capsys)
    assert "demo writes only into an empty database" in line
    assert "(1 person, 1 energy day)" in line
    assert "leadtui demo --db demo.db" in line


@pytest.mark.parametrize("argv", [["demo"], ["demo", "--force"]])
def test_demo_refuses_a_journal_without_people(
    db_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    assert main(["energy", "log", "2", "--db", str(db_path)]) == 0
    line = refused(argv, db_path, capsys)
    assert "holds your data (1 energy day)" in line


def test_an_empty_database_gets_the_demo_team_once(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", "--force", "--people", "6", "--db", str(db_path)]) == 0
    assert "demo team added: 6 people" in capsys.readouterr().out
    store = open_database(db_path)
    try:
        held = user_data(store)
    finally:
        store.close()
    assert held[0] == "6 people"
    # The demo's own team is data like any other: a second run adds nothing to it.
    line = refused(["demo", "--force"], db_path, capsys)
    assert "(6 people, " in line and line.rstrip().endswith("leadtui demo --db demo.db")


def test_a_new_database_holds_no_user_data(db: Store) -> None:
    assert user_data(db) == []


def test_the_emptiness_check_covers_every_table(db: Store) -> None:
    """A ritual's new table must say whether it holds a person's data, so the demo can
    never write beside it unnoticed."""
    tables = {
        row[0]
        for row in db.execute(
            "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'"
        )
    }
    listed = {table for table, _, _ in USER_TABLES}
    assert tables == listed | DEMO_IGNORES


def test_the_refusal_suggests_a_file_that_does_not_exist_yet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    filled = tmp_path / "demo.db"
    assert main(["people", "add", "Sam Lee", "--db", str(filled)]) == 0
    capsys.readouterr()
    line = refused(["demo"], filled, capsys)
    suggested = line.rstrip().rsplit("--db ", 1)[1]
    assert suggested == "demo-2.db" and not (tmp_path / suggested).exists()
    # Once that one is taken too, the next free name.
    (tmp_path / "demo-2.db").write_bytes(b"")
    line = refused(["demo"], filled, capsys)
    assert line.rstrip().endswith("--db demo-3.db")
