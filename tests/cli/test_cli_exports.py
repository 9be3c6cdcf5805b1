"""`leadtui export` in process: audiences by name, headers that say who a copy is for,
and --out refusals worded for the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import cli


@pytest.fixture
def sam(db_path: Path) -> list[str]:
    db = ["--db", str(db_path)]
    assert cli("people", "add", "Sam Okafor", *db).returncode == 0
    assert cli("1on1", "series", "sam", "--weekday", "tue", *db).returncode == 0
    assert cli("1on1", "add", "sam", "Shared point", *db).returncode == 0
    assert cli("1on1", "add", "sam", "SECRET point", "--private", *db).returncode == 0
    return db


@pytest.mark.parametrize("what", [["1on1"], ["review"]])
def test_person_and_shared_are_the_same_copy(sam: list[str], what: list[str]) -> None:
    person = cli("export", *what, "sam", "--audience", "person", *sam)
    shared = cli("export", *what, "sam", "--audience", "shared", *sam)
    assert person.returncode == shared.returncode == 0
    assert person.stdout == shared.stdout
    assert "SECRET" not in person.stdout
    first, _, audience = person.stdout.splitlines()[:3]
    assert not first.startswith("# Private") and "shared with the person" in audience


@pytest.mark.parametrize("what", [["1on1"], ["review"], ["energy"]])
def test_the_private_copy_says_so_in_its_first_line(sam: list[str], what: list[str]) -> None:
    # Energy is private by nature: it takes no --audience.
    args = [] if what == ["energy"] else ["sam", "--audience", "private"]
    text = cli("export", *what, *args, *sam).stdout
    first, _, audience = text.splitlines()[:3]
    assert first.startswith("# Private: ")
    assert audience.startswith("_Audience: private: for you only")


def test_other_audiences_are_refused_by_the_parser(
    sam: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    # Upward and team copies belong to the documents written for them (succession,
    # rotations); a 1:1 offers only the private copy and the person's.
    from leadtui.cli import main

    with pytest.raises(SystemExit) as refused:
        main(["export", "1on1", "sam", "--audience", "team", *sam])
    assert refused.value.code == 2 and "--audience" in capsys.readouterr().err


def test_out_refusals_name_the_flag(sam: list[str], tmp_path: Path, db_path: Path) -> None:
    sam = ["--audience", "private", *sam]
    out = tmp_path / "sam.md"
    assert cli("export", "1on1", "sam", "--out", str(out), *sam).returncode == 0
    assert out.read_text().startswith("# Private: 1:1 — Sam Okafor")
    again = cli("export", "1on1", "sam", "--out", str(out), *sam)
    assert again.returncode == 2
    assert again.stderr.strip().endswith("sam.md exists; choose a new file or add --force")
    folder = cli("export", "1on1", "sam", "--out", str(tmp_path), "--force", *sam)
    assert folder.returncode == 2 and "--out " in folder.stderr and "is a folder" in folder.stderr
    missing = cli("export", "1on1", "sam", "--out", str(tmp_path / "no" / "x.md"), *sam)
    assert missing.returncode == 2 and "--out folder " in missing.stderr
    before = db_path.read_bytes()
    database = cli("export", "1on1", "sam", "--out", str(db_path), "--force", *sam)
    assert database.returncode == 2 and "is the database or one of its files" in database.stderr
    assert db_path.read_bytes() == before


@pytest.mark.parametrize("what", ["1on1", "review"])
def test_the_audience_is_always_chosen(
    sam: list[str], what: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # No default copy: the app's export dialog asks Shared or Private, and so does this.
    from leadtui.cli import main

    with pytest.raises(SystemExit) as refused:
        main(["export", what, "sam", *sam])
    err = capsys.readouterr().err
    assert refused.value.code == 2 and len(err.strip().splitlines()) == 1
    assert "--audience is required: choose shared" in err and "or private" in err
