"""Export files: private mode, replaced whole, never the database, refusals without flags."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from leadtui.errors import InputError
from leadtui.export.files import TargetExistsError, write_export


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "leadtui.db"
    path.parent.mkdir()
    path.write_bytes(b"")
    return path


def test_writes_the_text_readable_by_its_owner_only(tmp_path: Path, database: Path) -> None:
    target = tmp_path / "sam.md"
    assert write_export("# Sam\n", target, force=False, db_path=database) == target
    assert target.read_text() == "# Sam\n"
    assert target.stat().st_mode & 0o777 == 0o600


def test_an_existing_file_needs_force_and_is_replaced_not_reused(
    tmp_path: Path, database: Path
) -> None:
    target = tmp_path / "sam.md"
    target.write_text("old")
    target.chmod(0o644)
    with pytest.raises(TargetExistsError) as refused:
        write_export("new", target, force=False, db_path=database)
    assert str(refused.value).endswith("sam.md exists; choose a new file")
    assert target.read_text() == "old"
    write_export("new", target, force=True, db_path=database)
    assert target.read_text() == "new" and target.stat().st_mode & 0o777 == 0o600


def test_a_symlink_is_replaced_not_written_through(tmp_path: Path, database: Path) -> None:
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("keep")
    link = tmp_path / "link.md"
    link.symlink_to(elsewhere)
    write_export("new", link, force=True, db_path=database)
    assert elsewhere.read_text() == "keep" and not link.is_symlink()


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", "-journal"])
def test_the_database_and_its_files_are_refused_even_with_force(
    database: Path, suffix: str
) -> None:
    target = database.with_name(database.name + suffix)
    with pytest.raises(InputError, match="is the database or one of its files"):
        write_export("x", target, force=True, db_path=database)
    assert database.read_bytes() == b""


def test_the_database_by_another_name_is_refused(tmp_path: Path, database: Path) -> None:
    hard = tmp_path / "hard.md"
    os.link(database, hard)
    upper = database.with_name("LEADTUI.db")
    for target in (hard, upper):
        with pytest.raises(InputError, match="is the database"):
            write_export("x", target, force=True, db_path=database)
    assert database.read_bytes() == b""


def test_missing_folder_a_folder_and_an_unwritable_name(tmp_path: Path, database: Path) -> None:
    with pytest.raises(InputError, match=r"^folder .*nope does not exist; create it first$"):
        write_export("x", tmp_path / "nope" / "a.md", force=False, db_path=database)
    with pytest.raises(InputError, match=r"is a folder; give a file name$"):
        write_export("x", tmp_path, force=True, db_path=database)
    with pytest.raises(InputError, match=r"cannot be written \(.*\); choose another$"):
        write_export("x", tmp_path / ("n" * 300), force=False, db_path=database)
    with pytest.raises(InputError, match="NUL"):
        write_export("x", tmp_path / "a\x00b.md", force=False, db_path=database)
    # Nothing half-written is left behind.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


def test_refusals_name_no_flag_or_key(tmp_path: Path, database: Path) -> None:
    (tmp_path / "a.md").write_text("")
    with pytest.raises(InputError) as refused:
        write_export("x", tmp_path / "a.md", force=False, db_path=database)
    assert "--" not in str(refused.value) and "enter" not in str(refused.value)
