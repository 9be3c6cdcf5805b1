"""`leadtui rotation list`: every capacity, as every other group lists its records."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import cli


def test_rotation_list_names_every_capacity_its_roster_and_who_serves_now(
    db_path: Path,
) -> None:
    db = str(db_path)
    for name in ("Ana", "Ben"):
        assert cli("people", "add", name, "--db", db).returncode == 0
    for capacity in ("Incident Review", "Tech Spec Review"):
        ran = cli("rotation", "add", capacity, "--start", "2026-07-01", "--seats", "1", "--db", db)
        assert ran.returncode == 0, ran.stderr
    assert cli("rotation", "roster", "inc", "Ana", "Ben", "--db", db).returncode == 0
    assert cli("rotation", "plan", "inc", "--db", db).returncode == 0
    listed = cli("rotation", "list", "--db", db)
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert lines[0].startswith("Incident Review: 6-month terms, 1 seat, 2 on the roster")
    assert lines[1].startswith("Tech Spec Review:") and lines[1].endswith("serving now: (open)")
    doc = json.loads(cli("rotation", "list", "--json", "--db", db).stdout)
    assert [c["name"] for c in doc] == ["Incident Review", "Tech Spec Review"]
    assert [p["name"] for p in doc[0]["roster"]] == ["Ana", "Ben"] and len(doc[0]["serving"]) == 1
    assert doc[1] | {"serving": None} == {
        "name": "Tech Spec Review",
        "active": True,
        "term_months": 6,
        "seats": 1,
        "offset_months": 0,
        "starts_on": "2026-07-01",
        "serving": None,
        "roster": [],
    }


def test_rotation_list_on_an_empty_database_says_how_to_start(db_path: Path) -> None:
    assert cli("people", "add", "Ana", "--db", str(db_path)).returncode == 0
    listed = cli("rotation", "list", "--db", str(db_path))
    assert listed.returncode == 0 and "rotation add" in listed.stdout
