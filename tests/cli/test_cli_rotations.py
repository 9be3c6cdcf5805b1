"""`leadtui rotation`, `leadtui host` and `leadtui export rotations`, run in process."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from ical.calendar_stream import IcsCalendarStream

from tests.helpers import cli, files_digest


@pytest.fixture
def team(db_path: Path) -> Path:
    db = str(db_path)
    for name in ("Ana", "Ben", "Cy", "Di"):
        assert cli("people", "add", name, "--db", db).returncode == 0
    ran = cli(
        "rotation", "add", "Incident Review", "--start", "2026-07-01",
        "--exposure", "joins the quarterly planning review", "--db", db,
    )  # fmt: skip
    assert ran.returncode == 0, ran.stderr
    assert cli("rotation", "roster", "inc", "Ana", "Ben", "Cy", "Di", "--db", db).returncode == 0
    return db_path


def test_plan_then_show_json_follows_the_contract(team: Path) -> None:
    db = str(team)
    planned = cli("rotation", "plan", "Incident Review", "--until", "2027-06-01", "--db", db)
    assert planned.returncode == 0, planned.stderr
    assert "planned Incident Review seat 1: Ana 2026-11-22 to 2026-12-31" in planned.stdout
    shown = cli("rotation", "show", "Incident Review", "--json", "--db", db)
    # One shape with or without NAME: the list of capacities, narrowed to the one named.
    [doc] = json.loads(shown.stdout)
    assert list(doc)[:4] == ["name", "term_months", "seats", "offset_months"]
    assert (doc["term_months"], doc["seats"], doc["offset_months"]) == (6, 2, 3)
    assert doc["terms"][0] == {
        "seat": 1,
        "person": {"id": 1, "name": "Ana"},
        "starts": "2026-11-22",
        "ends": "2026-12-31",
        "term_starts": "2026-07-01",
        "term_ends": "2026-12-31",
    }
    assert {w["check"] for w in doc["warnings"]} == {"exposure"}


def test_assign_swap_recognize_and_undo(team: Path) -> None:
    db = str(team)
    cli("rotation", "plan", "Incident Review", "--db", db)
    ran = cli("rotation", "assign", "Incident Review", "--seat", "1", "--person", "Di",
              "--from", "2027-01-01", "--db", db)  # fmt: skip
    assert ran.returncode == 0, ran.stderr
    assert "Di serves Incident Review seat 1 from 2027-01-01 to 2027-06-30" in ran.stdout
    swap = cli("rotation", "swap", "Incident Review", "Ana", "Ben", "--from", "2026-12-01",
               "--db", db)  # fmt: skip
    assert swap.returncode == 0, swap.stderr
    [shown] = json.loads(cli("rotation", "show", "inc", "--json", "--db", db).stdout)
    terms = shown["terms"]
    assert terms[0]["person"]["name"] == "Ana" and terms[1]["person"]["name"] == "Ben"
    december = [t for t in terms if t["starts"] == "2026-12-01"]
    assert {(t["seat"], t["person"]["name"]) for t in december} == {(1, "Ben"), (2, "Ana")}
    # The swap splits both terms: each stretch keeps its whole term's days beside it.
    assert all(t["term_starts"] < t["starts"] for t in december)
    assert cli("rotation", "swap", "inc", "Ana", "Ben", "--from", "2026-12-01", "--undo",
               "--db", db).returncode == 0  # fmt: skip
    recognized = cli("rotation", "recognize", "inc", "Ana", "--in", "qa", "--db", db)
    assert recognized.returncode == 0, recognized.stderr


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (("rotation", "add", "Spec", "--term-months", "37"), "--term-months must be 1–36 months"),
        (("rotation", "add", "Spec", "--term-months", "0"), "--term-months must be 1–36 months"),
        (("rotation", "roster", "inc", "Zed"), "unknown people: 'Zed'"),
        (("rotation", "swap", "inc", "Ana", "Eve"), "no person matches 'Eve'"),
        (("host", "set", "Ana", "me"), "never by you"),
        (("host", "skip", "2026-12-30"), "no leadership meeting on 2026-12-30"),
        (("rotation", "show", "Nope"), "no capacity named 'Nope'"),
        (("export", "rotations", "--months", "0"), "--months must be 1–60"),
        # The refusals name the flag typed; the app shows the same refusals by field.
        (("rotation", "plan", "inc", "--until", "2026-01-01"), "--until 2026-01-01 is in the past"),
        (
            ("rotation", "plan", "inc", "--until", "2031-11-23"),
            "--until 2031-11-23 is more than 5 years ahead; a plan reaches 2031-11-22 at most",
        ),
        (("rotation", "assign", "inc", "--seat", "3", "--person", "Ana"), "--seat must be 1–2"),
        (
            ("rotation", "assign", "inc", "--seat", "1", "--person", "Ana", "--from", "2020-01-01"),
            "--from 2020-01-01 is before Incident Review starts",
        ),
    ],
)
def test_bad_input_is_one_line_exit_2_and_nothing_written(
    team: Path, argv: tuple[str, ...], says: str
) -> None:
    db = str(team)
    cli("host", "set", "Ana", "Ben", "--weekday", "tue", "--db", db)
    before = files_digest(team)
    ran = cli(*argv, "--db", db)
    assert ran.returncode == 2
    assert says in ran.stderr and ran.stderr.count("\n") == 1
    assert files_digest(team) == before


def test_more_seats_than_roster_people_is_refused(db_path: Path) -> None:
    db = str(db_path)
    cli("people", "add", "Ana", "--db", db)
    cli("rotation", "add", "Spec Review", "--db", db)
    cli("rotation", "roster", "Spec", "Ana", "--db", db)
    ran = cli("rotation", "plan", "Spec", "--db", db)
    assert ran.returncode == 2 and "2 seats and 1 person" in ran.stderr


def test_hosts_skip_swap_and_json(team: Path) -> None:
    db = str(team)
    assert cli("host", "set", "Ana", "Ben", "Cy", "--weekday", "tue", "--db", db).returncode == 0
    assert cli("host", "skip", "2026-12-01", "--db", db).returncode == 0
    assert cli("host", "swap", "2026-11-24", "2026-12-08", "--db", db).returncode == 0
    hosts = json.loads(cli("host", "show", "--weeks", "4", "--json", "--db", db).stdout)
    ana, ben, cy = ({"id": n, "name": name} for n, name in ((1, "Ana"), (2, "Ben"), (3, "Cy")))
    meeting = {"time": "09:00", "minutes": 60}
    assert hosts == [
        {"date": "2026-11-24", **meeting, "host": ben, "skipped": False, "swapped": True},
        {"date": "2026-12-01", **meeting, "host": None, "skipped": True, "swapped": False},
        {"date": "2026-12-08", **meeting, "host": ana, "skipped": False, "swapped": True},
        {"date": "2026-12-15", **meeting, "host": cy, "skipped": False, "swapped": False},
    ]


def test_export_markdown_and_ics(team: Path, tmp_path: Path) -> None:
    db = str(team)
    cli("rotation", "plan", "inc", "--db", db)
    cli("host", "set", "Ana", "Ben", "--db", db)
    md = cli("export", "rotations", "--db", db)
    assert md.returncode == 0 and "## Incident Review" in md.stdout
    out = tmp_path / "team.ics"
    ran = cli("export", "rotations", "--ics", "--months", "3", "--out", str(out), "--db", db)
    assert ran.returncode == 0, ran.stderr
    events = IcsCalendarStream.calendar_from_ics(out.read_text()).events
    assert events and all(e.dtstamp is not None for e in events)
    again = cli("export", "rotations", "--ics", "--out", str(out), "--db", db)
    assert again.returncode == 2 and "--force" in again.stderr


def test_definition_round_trip_refuses_unknown_people(team: Path, tmp_path: Path) -> None:
    db = str(team)
    cli("rotation", "plan", "inc", "--db", db)
    target = tmp_path / "incident.toml"
    assert (
        cli("rotation", "export-definition", "inc", "--out", str(target), "--db", db).returncode
        == 0
    )
    before = cli("rotation", "show", "inc", "--json", "--db", db).stdout
    ran = cli("rotation", "import-definition", str(target), "--db", db)
    assert ran.returncode == 0, ran.stderr
    assert cli("rotation", "show", "inc", "--json", "--db", db).stdout == before
    target.write_text(target.read_text().replace('"Ana"', '"Zed"').replace('"Ben"', '"Quin"'))
    refused = cli("rotation", "import-definition", str(target), "--db", db)
    assert refused.returncode == 2 and "'Quin', 'Zed'" in refused.stderr


def _terms_from(db: str, months: str = "24") -> list[dict[str, Any]]:
    shown = cli("rotation", "show", "inc", "--months", months, "--json", "--db", db)
    assert shown.returncode == 0, shown.stderr
    [capacity] = json.loads(shown.stdout)  # always a list; a NAME narrows it to one
    terms: list[dict[str, Any]] = capacity["terms"]
    return terms


def _one_seat_at_a_time(terms: list[dict[str, Any]]) -> None:
    for i, a in enumerate(terms):
        for b in terms[i + 1 :]:
            if a["person"] and a["person"] == b["person"]:
                apart = a["ends"] < b["starts"] or b["ends"] < a["starts"]
                assert apart, f"{a['person']} holds two seats at once: {a} and {b}"


def test_planning_after_a_swap_keeps_the_turns_and_one_seat_each(team: Path) -> None:
    db = str(team)
    assert cli("rotation", "plan", "inc", "--db", db).returncode == 0
    swap = cli("rotation", "swap", "inc", "Ana", "Ben", "--from", "2026-12-01", "--db", db)
    assert swap.returncode == 0, swap.stderr
    planned = cli("rotation", "plan", "inc", "--until", "2028-01-01", "--db", db)
    assert planned.returncode == 0, planned.stderr
    # Ben last served to 2026-12-31 (seat 1 after the swap), Ana to 2027-03-31 (seat 2),
    # Cy to 2027-06-30: the least recently served take the next terms, as planned.
    assert planned.stdout.splitlines()[:3] == [
        "planned Incident Review seat 1: Ben 2027-07-01 to 2027-12-31",
        "planned Incident Review seat 2: Ana 2027-10-01 to 2028-03-31",
        "planned Incident Review seat 1: Cy 2028-01-01 to 2028-06-30",
    ]
    assert "two Incident Review seats" not in planned.stdout
    _one_seat_at_a_time(_terms_from(db))


def test_planning_after_an_imported_swap_that_changes_nothing(team: Path, tmp_path: Path) -> None:
    db = str(team)
    target = tmp_path / "incident.toml"
    assert cli("rotation", "export-definition", "inc", "--out", str(target), "--db", db)[0] == 0
    # A swap of two people before either serves: it exchanges no places.
    target.write_text(
        target.read_text()
        + '\n[[exception]]\nkind = "swap"\non = 2026-08-01\nperson = "Cy"\nother_person = "Di"\n'
    )
    imported = cli("rotation", "import-definition", str(target), "--db", db)
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.rstrip().endswith(", 1 exception"), "one reads in the singular"
    planned = cli("rotation", "plan", "inc", "--until", "2027-12-31", "--db", db)
    assert planned.returncode == 0, planned.stderr
    people = [line.split(": ")[1].split(" ")[0] for line in planned.stdout.splitlines()
              if line.startswith("planned")]  # fmt: skip
    assert people[:4] == ["Ana", "Ben", "Cy", "Di"]
    _one_seat_at_a_time(_terms_from(db))


_DEFINITION = """\
[capacity]
name = "Incident Review"
term_months = 6
seats = 2
starts_on = 2026-07-01
active = true

[[roster]]
person = "Ana"

[[roster]]
person = "Ben"
out_of_rotation = false

[[exception]]
kind = "assign"
on = 2026-07-01
seat = 1
person = "Ana"
"""


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        ("starts_on = 2026-07-01", "starts_on = 0001-01-01", "start 0001-01-01 is out of range"),
        ("starts_on = 2026-07-01", "starts_on = 9999-12-31", "from 1900-01-01 to 2200-12-31"),
        ('seat = 1\nperson = "Ana"', 'seat = 1\nperson = "Cy"', "1: 'Cy' is not on the roster"),
        ('seat = 1\nperson = "Ana"\n', "seat = 1\n", "an assign needs person"),
        ("name = ", "x = 1\nname = ", "unknown key 'x'"),
        ('name = "Incident Review"', "name = 1", 'name must be text in quotes, like "Ana"'),
        ("active = true", 'active = "false"', "active must be true or false, without quotes"),
        ("out_of_rotation = false", 'out_of_rotation = "no"', "out_of_rotation must be true or"),
        ("seat = 1", "seat = true", "[[exception]] 1: seat must be a whole number"),
        ("starts_on = 2026-07-01", "starts_on = 2026-07-01T09:00:00Z", "got the date and time"),
        ('person = "Ana"', 'person = { name = "Ana" }', "[[roster]] 1: person must be text"),
    ],
)
def test_a_definition_file_is_held_to_what_the_command_line_takes(
    team: Path, tmp_path: Path, old: str, new: str, says: str
) -> None:
    db = str(team)
    target = tmp_path / "definition.toml"
    target.write_text(_DEFINITION)
    assert cli("rotation", "import-definition", str(target), "--db", db).returncode == 0
    before = files_digest(team)
    assert old in _DEFINITION
    target.write_text(_DEFINITION.replace(old, new, 1))
    ran = cli("rotation", "import-definition", str(target), "--db", db)
    assert ran.returncode == 2, ran.stdout
    assert says in ran.stderr and ran.stderr.count("\n") == 1, ran.stderr
    assert files_digest(team) == before


def test_a_fifo_or_a_device_is_refused_without_reading_it(team: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "definition.toml"
    os.mkfifo(fifo)
    for path, kind in ((fifo, "a FIFO"), (Path("/dev/zero"), "a device")):
        ran = cli("rotation", "import-definition", str(path), "--db", str(team))
        assert ran.returncode == 2 and f"not a regular file ({kind}" in ran.stderr, ran.stderr


def test_an_assignment_made_after_a_swap_names_who_serves(team: Path) -> None:
    """A swap exchanges the places given before it; naming someone later is not undone
    by it (the confirmation and the schedule agree)."""
    db = str(team)
    assert cli("rotation", "plan", "inc", "--db", db).returncode == 0
    assert cli("rotation", "swap", "inc", "Ana", "Ben", "--from", "2026-12-01", "--db", db)[0] == 0
    ran = cli("rotation", "assign", "inc", "--seat", "1", "--person", "Ana",
              "--from", "2027-07-01", "--db", db)  # fmt: skip
    assert "Ana serves Incident Review seat 1 from 2027-07-01" in ran.stdout, ran.stderr
    july = [t for t in _terms_from(db) if t["starts"] == "2027-07-01"]
    assert [(t["seat"], t["person"]["name"]) for t in july] == [(1, "Ana")]


def test_export_ics_from_a_read_only_database_writes_the_calendar(
    db_path: Path, tmp_path: Path
) -> None:
    from tests.helpers import demo_database

    demo_database(db_path)
    db_path.chmod(0o444)  # an archived copy
    before = files_digest(db_path)
    out = tmp_path / "team.ics"
    ran = cli("export", "rotations", "--ics", "--out", str(out), "--db", str(db_path))
    assert ran.returncode == 0, ran.stderr
    assert IcsCalendarStream.calendar_from_ics(out.read_text()).events
    assert "nothing was written" not in ran.stderr
    [read_only] = [line for line in ran.stderr.splitlines() if "read-only" in line]
    assert "SEQUENCE" in read_only
    assert files_digest(db_path) == before


def test_a_swap_that_keeps_someone_on_for_nine_months_is_warned(team: Path) -> None:
    """Six-month terms: the holder of seat 1 from January swapped into seat 2's term that
    starts in April serves on to September without a break, and `rotation show` says so."""
    db = str(team)
    planned = cli("rotation", "plan", "inc", "--until", "2027-12-31", "--db", db)
    assert planned.returncode == 0, planned.stderr
    [doc] = json.loads(cli("rotation", "show", "inc", "--json", "--db", db).stdout)
    assert not {"long-service", "no-term"} & {w["check"] for w in doc["warnings"]}
    holder = {(t["seat"], t["term_starts"]): t["person"]["name"] for t in doc["terms"]}
    january, april = holder[(1, "2027-01-01")], holder[(2, "2027-04-01")]
    swap = cli("rotation", "swap", "inc", january, april, "--from", "2027-04-01", "--db", db)
    assert swap.returncode == 0, swap.stderr
    shown = cli("rotation", "show", "inc", "--db", db).stdout
    assert (
        f"warning: Incident Review: {january} serves from 2027-01-01 to 2027-09-30 "
        "without a break (about 9 months; a term is 6)"
    ) in shown
