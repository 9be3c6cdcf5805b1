"""`leadtui people context`: shown, set flag by flag, refused in one line, undone."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import cli


def test_people_context_sets_shows_and_prints_json(db_path: Path) -> None:
    db = ["--db", str(db_path)]
    assert cli("people", "add", "Sam Lee", *db).returncode == 0
    assert "no context written for" in cli("people", "context", "Sam", *db).stdout
    ran = cli(
        "people",
        "context",
        "Sam",
        "--cares",
        "the roadmap",
        "--feedback",
        "in writing",
        "--goals",
        "lead the migration",
        "--time-off",
        "school run until 9",
        *db,
    )
    assert ran.returncode == 0, ran.stderr
    assert "Goals: lead the migration" in ran.stdout
    cli("people", "context", "Sam", "--notes", "quiet in big meetings", *db)
    document = json.loads(cli("people", "context", "Sam", "--json", *db).stdout)
    assert document == {
        "person": {"id": 1, "name": "Sam Lee"},
        "cares_about": "the roadmap",
        "feedback_style": "in writing",
        "goals": "lead the migration",
        "time_off": "school run until 9",
        "notes": "quiet in big meetings",
    }
    assert "personal context of Sam Lee" in cli("undo", *db).stdout
    assert json.loads(cli("people", "context", "Sam", "--json", *db).stdout)["notes"] == ""


def test_a_field_too_long_is_refused_in_one_line_and_nothing_written(db_path: Path) -> None:
    db = ["--db", str(db_path)]
    cli("people", "add", "Sam Lee", *db)
    ran = cli("people", "context", "Sam", "--goals", "x" * 2001, "--notes", "n", *db)
    assert ran.returncode == 2 and ran.stderr.count("\n") == 1
    assert "keep it to 2000" in ran.stderr
    assert json.loads(cli("people", "context", "Sam", "--json", *db).stdout)["notes"] == ""


def test_search_marks_context_private_from_the_shell(db_path: Path) -> None:
    db = ["--db", str(db_path)]
    cli("people", "add", "Sam Lee", *db)
    cli("people", "context", "Sam", "--goals", "zebrafinch", *db)
    hits = json.loads(cli("search", "zebrafinch", "--json", *db).stdout)
    assert [(h["kind"], h["private"]) for h in hits] == [("context", True)]
