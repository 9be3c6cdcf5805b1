"""Names on the command line: a control character an earlier version stored never reaches
the terminal or a calendar raw, a new one is refused, and people stored with one name are
flagged and named by id."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from ical.calendar_stream import IcsCalendarStream

from tests.helpers import TODAY, cli, demo_database

# Every character a terminal could act on, and the invisible bidi overrides.
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Diego (id 10) serves Incident Review, hosts the weekly meeting and has a check failing
# in the demo team.
DIEGO = 10


@pytest.fixture
def stored_raw(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The demo team with control characters in a name, a title, a team and a capacity
    name, written straight to the database as an older version would have kept them."""
    monkeypatch.setenv("LEADTUI_TODAY", TODAY.isoformat())
    demo_database(db_path)
    with sqlite3.connect(db_path) as con:
        con.execute(
            "update person set name = ?, title = ?, team = ? where id = ?",
            ["Diego\x1b[2J Iba\u202erra", "Senior\x9b EM", "Mob\x07ile", DIEGO],
        )
        con.execute(
            "update rotation_capacity set name = ? where name = 'Incident Review'",
            ["Incident\x1b[31m Review"],
        )
    con.close()
    return db_path


COMMANDS = [
    ("people", "list"),
    ("people", "list", "--all"),
    ("1on1", "show", str(DIEGO)),
    ("feedback", "list", str(DIEGO)),
    ("t3b3", "show", str(DIEGO)),
    ("rotation", "show"),
    ("rotation", "show", "Incident"),
    ("rotation", "plan", "Incident", "--until", "2027-12-31"),
    ("rotation", "export-definition", "Incident"),
    ("host", "show"),
    ("succession", "show"),
    ("vacation", "list"),
    ("meeting", "list"),
    ("search", "Diego"),
    ("export", "rotations"),
    ("people", "archive", str(DIEGO)),
]


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_no_command_prints_a_stored_control_character_raw(
    stored_raw: Path, argv: tuple[str, ...]
) -> None:
    ran = cli("--db", str(stored_raw), *argv)
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.strip()
    assert not RAW.search(ran.stdout), RAW.findall(ran.stdout)
    assert not RAW.search(ran.stderr), RAW.findall(ran.stderr)


def test_the_names_are_shown_escaped_where_they_were_raw(stored_raw: Path) -> None:
    shown = cli("--db", str(stored_raw), "rotation", "show").stdout
    assert "Incident\\x1b[31m Review" in shown
    assert "Diego\\x1b[2J Iba\\u202erra" in shown


def test_the_calendar_of_a_stored_control_character_passes_the_strict_parser(
    stored_raw: Path,
) -> None:
    ran = cli("--db", str(stored_raw), "export", "rotations", "--ics")
    assert ran.returncode == 0, ran.stderr
    assert not RAW.search(ran.stdout.replace("\r\n", "\n").replace("\n", ""))
    calendar = IcsCalendarStream.calendar_from_ics(ran.stdout)
    summaries = [e.summary or "" for e in calendar.events]
    assert any("Incident\\x1b[31m Review" in s for s in summaries)


@pytest.mark.parametrize(
    "argv",
    [
        ("people", "add", "Sam\x1b[31m Okafor"),
        ("people", "add", "Sam Okafor", "--team", "Pay\x1bments"),
        ("people", "add", "Sam Okafor", "--title", "Staff\u202e Engineer"),
        ("people", "edit", "1", "--name", "Yuki\x1b Lindqvist"),
        ("rotation", "add", "Incident\x1b Review"),
    ],
    ids=["name", "team", "title", "edit", "capacity"],
)
def test_a_typed_control_character_is_refused_in_one_line(
    stored_raw: Path, argv: tuple[str, ...]
) -> None:
    before = cli("--db", str(stored_raw), "people", "list", "--json").stdout
    ran = cli("--db", str(stored_raw), *argv)
    assert ran.returncode == 2
    assert "contains a control character" in ran.stderr and "remove it" in ran.stderr
    assert len(ran.stderr.strip().splitlines()) == 1
    assert not RAW.search(ran.stderr)
    assert cli("--db", str(stored_raw), "people", "list", "--json").stdout == before


def _namesakes(db_path: Path) -> tuple[int, int]:
    """Two active people with one name, as an earlier version let through."""
    assert cli("--db", str(db_path), "people", "add", "Émile Roy").returncode == 0
    with sqlite3.connect(db_path) as con:
        first = con.execute("select id from person where name = 'Émile Roy'").fetchone()[0]
        cursor = con.execute(
            "insert into person (name, relation, created_at, updated_at) "
            "values ('émile roy', 'report', '2026-01-01T00:00:00', '2026-01-01T00:00:00')"
        )
        second = cursor.lastrowid
    con.close()
    assert second is not None
    return first, second


def test_a_name_in_another_case_is_refused(db_path: Path) -> None:
    assert cli("--db", str(db_path), "people", "add", "Émile Roy").returncode == 0
    ran = cli("--db", str(db_path), "people", "add", "ÉMILE ROY")
    assert ran.returncode == 2 and "already an active person" in ran.stderr
    assert cli("--db", str(db_path), "rotation", "add", "STRASSE").returncode == 0
    ran = cli("--db", str(db_path), "rotation", "add", "straße")
    assert ran.returncode == 2 and "a capacity named 'STRASSE' exists" in ran.stderr


def test_people_stored_with_one_name_are_flagged_and_named_by_id(db_path: Path) -> None:
    first, second = _namesakes(db_path)
    listing = cli("--db", str(db_path), "people", "list").stdout
    assert f"same name as id {second}" in listing and f"same name as id {first}" in listing
    assert "two people share the name 'Émile Roy'" in listing
    # The hint works as printed: on the database this command was given.
    assert f"rename one (`leadtui people edit {second} --name … --db {db_path}`)" in listing
    ran = cli("--db", str(db_path), "people", "archive", "émile roy")
    assert ran.returncode == 2
    assert f"Émile Roy (id {first})" in ran.stderr and f"émile roy (id {second})" in ran.stderr
    assert len(ran.stderr.strip().splitlines()) == 1
    renamed = cli("--db", str(db_path), "people", "edit", str(second), "--name", "Emile Roy B")
    assert renamed.returncode == 0, renamed.stderr
    assert "share the name" not in cli("--db", str(db_path), "people", "list").stdout


def test_rotation_show_flags_people_stored_with_one_name(db_path: Path) -> None:
    first, second = _namesakes(db_path)
    db = str(db_path)
    assert cli("--db", db, "rotation", "add", "Incident Review", "--seats", "1").returncode == 0
    assert "share the name" not in cli("--db", db, "rotation", "show").stdout
    assert cli("--db", db, "rotation", "roster", "Incident", str(second)).returncode == 0
    shown = cli("--db", db, "rotation", "show").stdout
    assert "⚠ two people share the name 'Émile Roy'" in shown
    assert f"(id {first})" in shown and f"rename one (`leadtui people edit {second}" in shown


def test_capacities_stored_with_one_name_are_flagged_until_one_is_renamed(db_path: Path) -> None:
    """An earlier version stored "STRASSE" and "straße" side by side; both are shown, each
    reachable by its exact spelling, flagged with the command that renames one."""
    db = str(db_path)
    for name in ("STRASSE", "Other"):
        assert cli("--db", db, "rotation", "add", name, "--seats", "1").returncode == 0
    with sqlite3.connect(db_path) as con:
        con.execute("update rotation_capacity set name = 'straße' where name = 'Other'")
    con.close()
    for command in ("show", "list"):
        shown = cli("--db", db, "rotation", command).stdout
        assert "⚠ capacities 'STRASSE', 'straße' share one name" in shown, shown
        assert f"`leadtui rotation edit 'straße' --name NEW --db {db}`" in shown
    taken = cli("--db", db, "rotation", "edit", "straße", "--name", "strasse")
    assert taken.returncode == 2 and "a capacity named 'STRASSE' exists" in taken.stderr
    renamed = cli("--db", db, "rotation", "edit", "straße", "--name", "Street Review")
    assert renamed.returncode == 0 and renamed.stdout == "renamed straße to Street Review\n"
    assert "share one name" not in cli("--db", db, "rotation", "show").stdout


def test_rotation_edit_changes_words_and_keeps_the_schedule(db_path: Path) -> None:
    db = str(db_path)
    assert cli("--db", db, "rotation", "add", "Incident Review", "--exposure", "x").returncode == 0
    before = cli("--db", db, "rotation", "show", "--json").stdout
    changed = cli(
        "--db", db, "rotation", "edit", "inc", "--description", "Runs the weekly review",
        "--exposure", "",
    )  # fmt: skip
    assert changed.returncode == 0, changed.stderr
    assert cli("--db", db, "rotation", "show", "--json").stdout == before.replace(
        '"exposure": "x"', '"exposure": null'
    )
    nothing = cli("--db", db, "rotation", "edit", "inc")
    assert nothing.returncode == 2 and "--name, --description or --exposure" in nothing.stderr
    bad = cli("--db", db, "rotation", "edit", "inc", "--name", "Bad\x1b[31m")
    assert bad.returncode == 2 and "control character" in bad.stderr
