"""`leadtui energy observe|unobserve|push|team`: in process, a real database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import TODAY, cli


@pytest.fixture
def db(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setenv("LEADTUI_TODAY", TODAY.isoformat())
    args = ["--db", str(db_path)]
    assert cli("people", "add", "Sam Lee", "--relation", "report", *args).returncode == 0
    return args


def test_observe_then_the_team_view_flags_and_json_keeps_the_shape(db: list[str]) -> None:
    for day, level in (("2026-11-01", "3"), ("2026-11-10", "2")):
        ran = cli("energy", "observe", "Sam", level, "quiet", "--date", day, *db)
        assert ran.returncode == 0, ran.stderr
    ran = cli("energy", "team", *db)
    assert "Sam Lee: 2 on 2026-11-10 · 90 days: 3 2" in ran.stdout
    assert "staying at 2 or below" not in ran.stdout  # 3 then 2: not staying yet
    cli("energy", "observe", "Sam", "1", *db)
    assert "staying at 2 or below" in cli("energy", "team", *db).stdout
    document = json.loads(cli("energy", "team", "--json", *db).stdout)
    (sam,) = document["reports"]
    assert sam["flag"] == "low" and [o["level"] for o in sam["trend"]] == [3, 2, 1]
    assert document["slack"] is None


def test_a_push_suggests_slack_time(db: list[str]) -> None:
    assert cli("energy", "push", "Checkout launch", "--date", "yesterday", *db).returncode == 0
    assert "Let the team charge" in cli("energy", "team", *db).stdout


def test_a_bad_level_is_refused_in_one_line_and_nothing_is_written(db: list[str]) -> None:
    ran = cli("energy", "observe", "Sam", "9", *db)
    assert ran.returncode == 2 and ran.stderr.count("\n") == 1
    assert "energy level must be 1–5" in ran.stderr
    assert "not observed yet" in cli("energy", "team", *db).stdout


def test_unobserve_removes_and_undo_brings_back(db: list[str]) -> None:
    cli("energy", "observe", "Sam", "4", *db)
    assert cli("energy", "unobserve", "Sam", *db).returncode == 0
    assert "not observed yet" in cli("energy", "team", *db).stdout
    assert cli("undo", *db).returncode == 0
    assert "Sam Lee: 4" in cli("energy", "team", *db).stdout
