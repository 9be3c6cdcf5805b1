"""`leadtui backup` never writes over the database, and never leaves a half-written copy."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from leadtui.cli import main
from tests.helpers import files_digest


@pytest.fixture
def live(db_path: Path) -> Path:
    assert main(["people", "add", "Sam Okafor", "--db", str(db_path)]) == 0
    assert main(["energy", "log", "4", "--db", str(db_path)]) == 0
    return db_path


def names(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute("select name from person order by id")]
    finally:
        conn.close()


def refused(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and len(err) < 300, err
    return err


def test_a_hard_link_to_the_database_is_refused(
    live: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = tmp_path / "h.db"
    os.link(live, link)
    before = files_digest(live)
    err = refused(["backup", "--out", str(link), "--force", "--db", str(live)], capsys)
    assert "database" in err
    assert files_digest(live) == before
    assert names(live) == ["Sam Okafor"]


@pytest.mark.parametrize("suffix", ["-wal", "-shm", "-journal"])
def test_the_databases_own_files_are_refused(
    live: Path, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    holder = sqlite3.connect(live)  # keeps the WAL and shared memory in place, as the app does
    holder.execute("select 1 from person").fetchall()
    before = files_digest(live)
    sidecar = f"{live}{suffix}"
    refused(["backup", "--out", sidecar, "--force", "--db", str(live)], capsys)
    assert files_digest(live) == before
    holder.close()
    assert names(live) == ["Sam Okafor"]


def test_a_symlink_to_the_database_or_a_case_variant_is_refused(
    live: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = tmp_path / "link.db"
    link.symlink_to(live)
    before = files_digest(live)
    refused(["backup", "--out", str(link), "--force", "--db", str(live)], capsys)
    upper = live.with_name(live.name.upper())
    refused(["backup", "--out", str(upper), "--db", str(live)], capsys)
    assert files_digest(live) == before
    assert not upper.exists()


def test_a_symlink_elsewhere_is_replaced_not_written_through(
    live: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    precious = tmp_path / "precious.txt"
    precious.write_text("someone else's file")
    link = tmp_path / "backup.db"
    link.symlink_to(precious)
    assert main(["backup", "--out", str(link), "--force", "--db", str(live)]) == 0
    assert precious.read_text() == "someone else's file"
    assert not link.is_symlink()
    assert names(link) == ["Sam Okafor"]
    assert oct(link.stat().st_mode & 0o777) == "0o600"


@pytest.mark.parametrize(
    "out",
    [".", "", "x" * 300 + ".db", "missing-folder/copy.db"],
    ids=["folder", "empty", "long-name", "no-folder"],
)
def test_unusable_targets_are_refused_and_leave_nothing(
    live: Path,
    tmp_path: Path,
    out: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    refused(["backup", "--out", out, "--db", str(live)], capsys)
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_an_existing_target_needs_force_and_is_replaced_whole(
    live: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "copy.db"
    target.write_text("old")
    refused(["backup", "--out", str(target), "--db", str(live)], capsys)
    assert target.read_text() == "old"
    assert main(["backup", "--out", str(target), "--force", "--db", str(live)]) == 0
    assert names(target) == ["Sam Okafor"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".leadtui-backup-")]


def test_default_backups_never_overwrite_each_other(live: Path) -> None:
    assert main(["backup", "--db", str(live)]) == 0
    assert main(["backup", "--db", str(live)]) == 0
    copies = sorted((live.parent / "backups").glob("*.db"))
    assert len(copies) == 2
    assert all(names(copy) == ["Sam Okafor"] for copy in copies)
