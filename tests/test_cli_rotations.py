"""`leadtui rotation`, `leadtui host` and `leadtui export rotations`, run in process."""

from __future__ import annotations

import json
from pathlib import Path

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
        (("rotation", "add", "Spec", "--term-months", "37"), "term must be 1–36 months"),
        (("rotation", "add", "Spec", "--term-months", "0"), "term must be 1–36 months"),
        (("rotation", "roster", "inc", "Zed"), "unknown people: 'Zed'"),
        (("rotation", "swap", "inc", "Ana", "Eve"), "no person matches 'Eve'"),
        (("host", "set", "Ana", "me"), "never by you"),
        (("host", "skip", "2026-12-30"), "no leadership meeting on 2026-12-30"),
        (("rotation", "show", "Nope"), "no capacity named 'Nope'"),
        (("export", "rotations", "--months", "0"), "--months must be 1–60"),
        # The refusals name the flag typed; the app shows the same refusals by field.
        (("rotation", "plan", "inc", "--until", "2026-01-01"), "--until 2026-01-01 is in the past"),
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
