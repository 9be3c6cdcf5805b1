"""`leadtui 1on1` puts records right, in process: edit a point's visibility and an
action's owner and due date, remove a point or an action (printing what went), and take the
last held session back. (Fixing any held session's notes is `1on1 notes --session`.)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import cli


@pytest.fixture
def sam(db_path: Path) -> list[str]:
    db = ["--db", str(db_path)]
    assert cli("people", "add", "Sam Okafor", *db).returncode == 0
    assert cli("1on1", "series", "sam", "--weekday", "tue", "--time", "9:30", *db).returncode == 0
    return db


def shown(db: list[str]) -> dict[str, list[dict[str, object]]]:
    document: dict[str, list[dict[str, object]]] = json.loads(
        cli("1on1", "show", "sam", "--json", *db).stdout
    )
    return document


def test_edit_a_points_visibility_and_an_actions_owner_and_due_date(sam: list[str]) -> None:
    cli("1on1", "add", "sam", "Peer feedback", *sam)
    cli("1on1", "action", "sam", "Send the doc", "--due", "friday", *sam)
    private = cli("1on1", "edit", "sam", "1", "--private", *sam)
    assert private.stdout == "talking point 1 (private): Peer feedback\n", private.stderr
    owner = cli(
        "1on1", "edit", "sam", "1", "--action", "--owner", "them", "--due", "2026-12-04", *sam
    )
    assert owner.stdout == "action 1 (owner them, due 2026-12-04): Send the doc\n", owner.stderr
    document = shown(sam)
    assert [(p["text"], p["visibility"]) for p in document["points"]] == [
        ("Peer feedback", "private")
    ]
    assert [(a["owner"], a["due_on"]) for a in document["actions"]] == [("them", "2026-12-04")]
    cleared = cli("1on1", "edit", "sam", "1", "--action", "--no-due", *sam)
    assert cleared.stdout == "action 1 (no due date): Send the doc\n"
    assert shown(sam)["actions"][0]["due_on"] is None


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["1"], "give the new TEXT, --private, --shared, --deep or --quick"),
        (["1", "--action"], "give the new TEXT, --owner, --due DATE or --no-due"),
        (["1", "--owner", "them"], "--owner, --due and --no-due are for action items"),
        (["1", "--action", "--private"], "an action item is part of the shared document"),
        (["1", "--action", "--owner", "boss"], "--owner must be me or them"),
        (["1", "--action", "--due", "31/02"], "is not a date"),
    ],
)
def test_refused_edits_write_nothing(sam: list[str], argv: list[str], message: str) -> None:
    cli("1on1", "add", "sam", "Peer feedback", *sam)
    cli("1on1", "action", "sam", "Send the doc", *sam)
    before = shown(sam)
    refused = cli("1on1", "edit", "sam", *argv, *sam)
    assert refused.returncode == 2 and message in refused.stderr, refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    assert shown(sam) == before


def test_remove_a_point_or_an_action_prints_what_went(sam: list[str]) -> None:
    cli("1on1", "add", "sam", "Typo point", "--private", *sam)
    cli("1on1", "add", "sam", "Keep me", *sam)
    cli("1on1", "action", "sam", "Wrong action", "--owner", "them", *sam)
    point = cli("1on1", "remove", "sam", "1", *sam)
    assert point.stdout == "removed talking point 1 for Sam Okafor (private): Typo point\n"
    action = cli("1on1", "remove", "sam", "1", "--action", *sam)
    assert action.stdout == "removed action 1 for Sam Okafor (them): Wrong action\n"
    document = shown(sam)
    assert [p["text"] for p in document["points"]] == ["Keep me"]
    assert document["actions"] == []
    again = cli("1on1", "remove", "sam", "1", *sam)
    assert again.returncode == 2
    assert "no talking point with id 1; see `leadtui 1on1 show 'Sam Okafor' --db" in again.stderr


def test_unhold_the_last_session(sam: list[str]) -> None:
    cli("1on1", "add", "sam", "Roadmap", *sam)
    cli("1on1", "add", "sam", "Open one", *sam)
    cli("1on1", "discuss", "sam", "1", *sam)
    cli("1on1", "notes", "sam", "--shared", "Agreed on X", *sam)
    assert cli("1on1", "close", "sam", *sam).returncode == 0
    assert shown(sam)["points"][0]["carried"] == 1
    unheld = cli("1on1", "unhold", "sam", *sam)
    assert unheld.stdout == (
        "took back the 2026-11-22 session with Sam Okafor: 1 point and 0 actions upcoming "
        "again; next 2026-11-24\n"
    ), unheld.stderr
    document = shown(sam)
    assert [(p["text"], p["status"], p["carried"]) for p in document["points"]] == [
        ("Roadmap", "discussed", 0),
        ("Open one", "open", 0),
    ]
    nothing = cli("1on1", "unhold", "sam", *sam)
    assert nothing.returncode == 2
    assert "no session with Sam Okafor was held yet" in nothing.stderr
