"""`leadtui 1on1 add --deep` and `1on1 show` (text and --json): the depth warning and
points carried too long."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import cli


@pytest.fixture
def sam(db_path: Path) -> list[str]:
    db = ["--db", str(db_path)]
    assert cli("people", "add", "Sam Okafor", *db).returncode == 0
    assert cli("1on1", "series", "sam", "--weekday", "tue", *db).returncode == 0
    return db


def test_add_deep_and_show_it(sam: list[str]) -> None:
    added = cli("1on1", "add", "sam", "Career growth", "--deep", *sam)
    assert added.returncode == 0 and "deep" in added.stdout
    assert cli("1on1", "add", "sam", "Status", *sam).returncode == 0
    shown = json.loads(cli("1on1", "show", "sam", "--json", *sam).stdout)
    assert [(p["text"], p["deep"]) for p in shown["points"]] == [
        ("Career growth", True),
        ("Status", False),
    ]
    assert shown["depth_warning"] is None
    text = cli("1on1", "show", "sam", *sam).stdout
    assert "Career growth  (me, deep)" in text and "depth:" not in text


def test_show_warns_without_a_deep_point(sam: list[str]) -> None:
    assert cli("1on1", "add", "sam", "Status", *sam).returncode == 0
    shown = json.loads(cli("1on1", "show", "sam", "--json", *sam).stdout)
    assert shown["depth_warning"].startswith("No deep point")
    assert "depth: No deep point" in cli("1on1", "show", "sam", *sam).stdout


def test_show_warns_with_four_deep_points(sam: list[str]) -> None:
    for n in range(4):
        assert cli("1on1", "add", "sam", f"Problem {n}", "--deep", *sam).returncode == 0
    shown = json.loads(cli("1on1", "show", "sam", "--json", *sam).stdout)
    assert shown["depth_warning"].startswith("4 deep points")


def test_a_point_carried_three_times_is_carried_too_long(sam: list[str]) -> None:
    assert cli("1on1", "add", "sam", "Promotion case", *sam).returncode == 0
    for day in ("2026-11-03", "2026-11-10", "2026-11-17"):
        assert cli("1on1", "close", "sam", "--date", day, *sam).returncode == 0
    shown = json.loads(cli("1on1", "show", "sam", "--json", *sam).stdout)
    assert [(p["carried"], p["carried_too_long"]) for p in shown["points"]] == [(3, True)]
    assert "carried 3x, carried too long" in cli("1on1", "show", "sam", *sam).stdout


def test_today_lists_people_with_points_carried_too_long(sam: list[str]) -> None:
    assert cli("1on1", "add", "sam", "Promotion case", *sam).returncode == 0
    for day in ("2026-11-03", "2026-11-10", "2026-11-17"):
        assert cli("1on1", "close", "sam", "--date", day, *sam).returncode == 0
    assert "Points carried 3x or more: Sam Okafor (1)" in cli("today", *sam).stdout
    digest = json.loads(cli("today", "--json", *sam).stdout)
    assert digest["carried_too_long"] == [{"person": "Sam Okafor", "points": 1}]


def test_archiving_proposes_ending_the_series_with_the_command(sam: list[str]) -> None:
    archived = cli("people", "archive", "sam", *sam)
    assert archived.returncode == 0
    assert "Sam Okafor is archived: end your 1:1 series with them?" in archived.stderr
    assert "prolonged departures" in archived.stderr
    assert "`leadtui 1on1 series 'Sam Okafor' --end --db " in archived.stderr
    # Only a proposal: the series runs until ended.
    assert json.loads(cli("1on1", "show", "sam", "--json", *sam).stdout)["status"] == "active"
    assert cli("1on1", "series", "sam", "--end", *sam).returncode == 0
    assert json.loads(cli("1on1", "show", "sam", "--json", *sam).stdout)["status"] == "ended"


def test_a_report_made_a_peer_is_proposed_an_end_and_a_title_change_is_not(
    sam: list[str],
) -> None:
    assert "1:1 series" not in cli("people", "edit", "sam", "--title", "Staff", *sam).stderr
    edited = cli("people", "edit", "sam", "--relation", "peer", *sam)
    assert edited.returncode == 0
    assert "is no longer a report (peer now): end your 1:1 series" in edited.stderr


def test_the_prompt_tray_lists_with_sources_and_a_taken_prompt_has_its_kind(
    sam: list[str],
) -> None:
    listed = cli("1on1", "prompt", "sam", *sam)
    assert listed.returncode == 0
    assert "skill-gap" in listed.stdout and "kernel-check" in listed.stdout
    assert "source: what is the skill gap for me" in listed.stdout
    taken = cli("1on1", "prompt", "sam", "feedback-asked", *sam)
    assert taken.returncode == 0 and "(shared, ask)" in taken.stdout
    shown = json.loads(cli("1on1", "show", "sam", "--json", *sam).stdout)
    assert [p["kind"] for p in shown["points"]] == ["feedback_asked"]
    assert "(me, ask)" in cli("1on1", "show", "sam", *sam).stdout


def test_an_unknown_prompt_is_refused_with_exit_2_and_nothing_written(sam: list[str]) -> None:
    refused = cli("1on1", "prompt", "sam", "vibes", *sam)
    assert refused.returncode == 2
    assert "vibes is not one of skill-gap" in refused.stderr
    assert json.loads(cli("1on1", "show", "sam", "--json", *sam).stdout)["points"] == []


def test_edit_marks_a_point_deep_or_quick(sam: list[str]) -> None:
    assert cli("1on1", "add", "sam", "Career growth", *sam).returncode == 0
    marked = cli("1on1", "edit", "sam", "1", "--deep", *sam)
    assert marked.returncode == 0 and "(deep)" in marked.stdout
    shown = json.loads(cli("1on1", "show", "sam", "--json", *sam).stdout)
    assert [p["deep"] for p in shown["points"]] == [True]
    assert "(quick)" in cli("1on1", "edit", "sam", "1", "--quick", *sam).stdout
    shown = json.loads(cli("1on1", "show", "sam", "--json", *sam).stdout)
    assert [p["deep"] for p in shown["points"]] == [False]
    refused = cli("1on1", "edit", "sam", "1", "--deep", "--action", *sam)
    assert refused.returncode == 2 and "no --private, --shared, --deep or --quick" in refused.stderr
