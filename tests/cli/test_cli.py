from __future__ import annotations

import gc
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from leadtui.cli import main
from leadtui.store.database import open_database
from tests.helpers import run


def test_add_then_list_json(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(
            [
                "people",
                "add",
                "Sam Okafor",
                "--relation",
                "report",
                "--team",
                "Payments",
                "--started",
                "2024-03-01",
                "--db",
                str(db_path),
            ]
        )
        == 0
    )
    assert "added Sam Okafor" in capsys.readouterr().out
    assert main(["--db", str(db_path), "people", "list", "--json"]) == 0
    people = json.loads(capsys.readouterr().out)
    assert people == [
        {
            "id": 1,
            "name": "Sam Okafor",
            "relation": "report",
            "title": None,
            "level": None,
            "team": "Payments",
            "started_on": "2024-03-01",
            "archived_on": None,
            "email": None,
        }
    ]


def test_env_db_and_home_locations(tmp_path: Path, isolated_home: Path) -> None:
    via_env = tmp_path / "env.db"
    assert run("people", "add", "Ana", env={"LEADTUI_DB": str(via_env)}).returncode == 0
    assert via_env.exists()
    assert run("people", "add", "Ben").returncode == 0
    assert (isolated_home / "leadtui.db").exists()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["people", "add", ""], "name must not be empty"),
        (["people", "add", "   "], "name must not be empty"),
        (["people", "add", "Sam", "--relation", "boss"], "relation must be one of"),
        (["people", "add", "Sam", "--started", "2026-02-31"], "not a real date"),
        (["people", "add", "Sam", "--started", "not a date"], "is not a date"),
        (["people", "archive", "Nobody"], "no database at"),
        (["people", "edit", "Sam"], "nothing to change"),
        (["people", "frobnicate"], "invalid choice"),
        (["demo", "--people", "0"], "--people must be 1–500"),
    ],
)
def test_refused_input_exits_2_with_one_line_and_writes_nothing(
    db_path: Path, argv: list[str], message: str
) -> None:
    result = run(*argv, "--db", str(db_path))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert message in lines[0]
    assert result.stdout == ""
    if db_path.exists():
        listing = run("people", "list", "--json", "--db", str(db_path))
        assert json.loads(listing.stdout) == []


def test_duplicate_and_ambiguous_person(db_path: Path) -> None:
    for name in ("Sam Okafor", "Sam Lee"):
        assert run("people", "add", name, "--db", str(db_path)).returncode == 0
    duplicate = run("people", "add", "SAM OKAFOR", "--db", str(db_path))
    assert duplicate.returncode == 2
    assert "already an active person" in duplicate.stderr
    ambiguous = run("people", "archive", "sam", "--db", str(db_path))
    assert ambiguous.returncode == 2
    assert "Sam Okafor (id 1)" in ambiguous.stderr and "Sam Lee (id 2)" in ambiguous.stderr
    missing = run("people", "archive", "Nobody", "--db", str(db_path))
    assert missing.returncode == 2 and "no person matches 'Nobody'" in missing.stderr


def test_markup_and_ansi_names_are_stored_as_typed_and_printed_literally(db_path: Path) -> None:
    assert run("people", "add", "[bold]x[/]", "--db", str(db_path)).returncode == 0
    # An escape sequence is refused as typed; one an earlier version stored is shown escaped.
    refused = run("people", "add", "\x1b[31mRed\x1b[0m", "--db", str(db_path))
    assert refused.returncode == 2 and "control character (\\x1b)" in refused.stderr
    with sqlite3.connect(db_path) as con:
        con.execute(
            "insert into person (name, relation, created_at, updated_at) "
            "values (?, 'report', '2026-01-01', '2026-01-01')",
            ["\x1b[31mRed\x1b[0m"],
        )
    con.close()
    listing = run("people", "list", "--db", str(db_path))
    assert "[bold]x[/]" in listing.stdout
    assert "\\x1b[31mRed\\x1b[0m" in listing.stdout
    assert "\x1b" not in listing.stdout
    stored = json.loads(run("people", "list", "--json", "--db", str(db_path)).stdout)
    assert {p["name"] for p in stored} == {"[bold]x[/]", "\x1b[31mRed\x1b[0m"}


def test_archive_unarchive_and_list_all(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["people", "add", "Sam", "--db", str(db_path)])
    assert main(["people", "archive", "sam", "--db", str(db_path)]) == 0
    main(["people", "list", "--json", "--db", str(db_path)])
    capsys.readouterr()
    main(["people", "list", "--all", "--json", "--db", str(db_path)])
    [sam] = json.loads(capsys.readouterr().out)
    assert sam["archived_on"] == "2026-11-22"
    assert main(["people", "unarchive", "sam", "--db", str(db_path)]) == 0


def test_edit_changes_only_given_fields(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["people", "add", "Sam", "--team", "Payments", "--db", str(db_path)])
    assert main(["people", "edit", "Sam", "--title", "Staff Engineer", "--db", str(db_path)]) == 0
    capsys.readouterr()
    main(["people", "list", "--json", "--db", str(db_path)])
    [sam] = json.loads(capsys.readouterr().out)
    assert (sam["title"], sam["team"]) == ("Staff Engineer", "Payments")


def test_unwritable_db_path_exits_2(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = run("people", "add", "Sam", "--db", str(blocker / "leadtui.db"))
    assert result.returncode == 2
    assert "folder" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_corrupt_database_exits_2_untouched(tmp_path: Path) -> None:
    path = tmp_path / "broken.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\x13" * 3000)
    before = path.read_bytes()
    result = run("people", "list", "--db", str(path))
    assert result.returncode == 2
    assert "corrupt" in result.stderr
    assert path.read_bytes() == before


def test_a_second_demo_is_refused_with_or_without_force(db_path: Path) -> None:
    assert run("demo", "--people", "6", "--db", str(db_path)).returncode == 0
    for force in ([], ["--force"]):
        again = run("demo", "--people", "10", *force, "--db", str(db_path))
        assert again.returncode == 2, force
        assert again.stderr.startswith("leadtui: demo writes only into an empty database")
        assert again.stderr.count("\n") == 1 and "--db demo.db" in again.stderr
    people = json.loads(run("people", "list", "--all", "--json", "--db", str(db_path)).stdout)
    names = [p["name"] for p in people]
    assert len(names) == len(set(names)) == 6
    # The first team's history is not written a second time.
    db = open_database(db_path)
    try:
        twice = db.execute(
            "select count(*) from (select 1 from oo_session group by series_id, held_on "
            "having count(*) > 1)"
        ).fetchone()[0]
    finally:
        db.close()
    assert twice == 0


def test_demo_team_is_realistic(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--people", "40", "--years", "5", "--db", str(db_path)]) == 0
    said = capsys.readouterr().out
    db = open_database(db_path)
    try:
        feedback = db.execute("select count(*) from feedback").fetchone()[0]
        t3b3s = db.execute("select count(*) from t3b3").fetchone()[0]
    finally:
        db.close()
    assert feedback > 0 and f"{feedback} feedback entries, {t3b3s} T3B3s" in said
    main(["people", "list", "--all", "--json", "--db", str(db_path)])
    people = json.loads(capsys.readouterr().out)
    assert len(people) == 40
    relations = {p["relation"] for p in people}
    assert {"report", "peer", "manager"} <= relations
    assert all(p["started_on"] for p in people)
    assert any(p["archived_on"] for p in people)


def test_backup_command(db_path: Path, tmp_path: Path) -> None:
    run("people", "add", "Sam", "--db", str(db_path))
    out = tmp_path / "copy.db"
    result = run("backup", "--out", str(out), "--db", str(db_path))
    assert result.returncode == 0, result.stderr
    assert json.loads(run("people", "list", "--json", "--db", str(out)).stdout)[0]["name"] == "Sam"
    again = run("backup", "--out", str(out), "--db", str(db_path))
    assert again.returncode == 2 and "exists" in again.stderr
    default = run("backup", "--db", str(db_path))
    assert default.returncode == 0
    assert list((db_path.parent / "backups").glob("leadtui-*.db"))


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0 and result.stdout.startswith("leadtui ")


def test_refusals_do_not_create_a_database(tmp_path: Path) -> None:
    missing = tmp_path / "new.db"
    for argv in (
        ["people", "archive", "bob"],
        ["people", "edit", "bob", "--relation", "boss"],
        ["demo", "--years", "0"],
        ["people", "unarchive", "bob"],
    ):
        result = run(*argv, "--db", str(missing))
        assert result.returncode == 2, (argv, result.stderr)
        assert not missing.exists(), argv


def test_people_list_columns_stay_aligned_with_wide_characters(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from leadtui.domain.text import display_width

    db = ["--db", str(db_path)]
    for name in ("Ana 🚀", "李小龙", "Bo"):
        assert main(["people", "add", name, "--relation", "peer", *db]) == 0
    capsys.readouterr()
    assert main(["people", "list", *db]) == 0
    lines = capsys.readouterr().out.splitlines()
    # RELATION starts in the same terminal column on every line.
    columns = {
        display_width(line[: line.index(word)])
        for line, word in zip(lines, ["RELATION", "peer", "peer", "peer"], strict=True)
    }
    assert len(columns) == 1


def test_the_collector_rests_while_the_program_runs_and_not_under_main_argv(
    db_path: Path,
) -> None:
    open_database(db_path).close()
    program = (
        "import gc, sys\n"
        "from leadtui.cli import main\n"
        f"sys.argv = ['leadtui', 'people', 'list', '--db', {str(db_path)!r}]\n"
        "code = main()\n"
        "print(code, gc.isenabled())\n"
    )
    ran = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert ran.stdout.split()[-2:] == ["0", "False"], ran.stderr
    assert main(["people", "list", "--db", str(db_path)]) == 0
    assert gc.isenabled()
