"""The succession command line in process: the contract's commands, their --json
documents, the exports, and bad input refused in one line with nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import cli, files_digest


@pytest.fixture
def team(db_path: Path) -> str:
    db = str(db_path)
    for args in (("Ana",), ("Ben",), ("Pia", "--relation", "peer")):
        assert cli("people", "add", *args, "--db", db).returncode == 0
    return db


def ok(*argv: str) -> str:
    ran = cli(*argv)
    assert ran.returncode == 0, ran.stderr
    return ran.stdout


def test_gaps_focus_candidate_and_ceo_log_show_in_json(team: str) -> None:
    ok("succession", "gap", "add", "Ana", "Board presence", "--db", team)
    ok("succession", "gap", "status", "Ana", "1", "improving", "--db", team)
    ok("succession", "focus", "Ana", "--gap", "1", "--db", team)
    ok("succession", "candidate", "Ana", "--readiness", "1y", "--interim", "--db", team)
    ok("succession", "ceo", "Presented at staff", "--person", "Ana", "--db", team)
    doc = json.loads(ok("succession", "show", "--json", "--db", team))
    assert [w["code"] for w in doc["warnings"]] == ["no-focus", "no-long-vacation"]
    ana = next(p for p in doc["people"] if p["person"]["name"] == "Ana")
    assert ana["gaps"][0]["status"] == "improving"
    assert [c["status"] for c in ana["gaps"][0]["changes"]] == ["open", "improving"]
    assert ana["focus"][0]["text"] == "Board presence"
    assert ana["candidate"]["readiness"] == "1y" and ana["candidate"]["interim"] is True
    only = json.loads(ok("succession", "show", "Ben", "--json", "--db", team))
    assert [p["person"]["name"] for p in only["people"]] == ["Ben"]
    assert "Ben has no focus area for 2026-H2" in ok("succession", "show", "--db", team)


def test_meetings_and_vacations_list_in_json(team: str) -> None:
    ok("meeting", "add", "Eng staff", "--kind", "leadership", "--role", "host", "--db", team)
    ok("meeting", "audit", "eng", "--decision", "delegate", "--to", "Ben", "--db", team)
    meetings = json.loads(ok("meeting", "list", "--json", "--db", team))
    assert meetings[0]["decision"] == "delegate" and meetings[0]["to"]["name"] == "Ben"
    ok("vacation", "add", "2026-12-14", "2026-12-27", "--no-chiming-in", "--db", team)
    ok("vacation", "cover", "2026-12-14", "Hiring decisions", "Ben", "--db", team)
    doc = json.loads(ok("vacation", "list", "--json", "--db", team))
    assert doc["days_this_year"] == 14
    assert doc["vacations"][0]["covers"] == [
        {"responsibility": "Hiring decisions", "person": {"id": 2, "name": "Ben"}}
    ]


def test_the_career_path_shows_and_moves_in_order(team: str) -> None:
    ok("career", "Ana", "--goal", "Run this team", "--db", team)
    ok("career", "Ana", "--aligned-up", "2026-11-01", "--note", "CEO agrees", "--db", team)
    out = ok("career", "Ana", "--status", "partnering", "--milestone", "Run staff", "--db", team)
    assert "partnering" in out and "1. Run staff" in out


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (("succession", "focus", "Pia", "Hiring"), "not a direct report"),
        (("succession", "gap", "status", "Ana", "4", "closed"), "no gap 4"),
        (("vacation", "add", "2026-12-21", "2026-12-20"), "before start"),
        (("career", "Ana", "--status", "test-run"), "cannot follow aligning-up"),
        (("meeting", "audit", "Eng staff", "--decision", "partner", "--missing", "x"), "--plan"),
        (("succession", "candidate", "Ana", "--readiness", "soon"), "--readiness must be"),
        (("meeting", "add", "Board", "--kind", "secret"), "--kind must be"),
        (("meeting", "audit", "Eng staff", "--decision", "keep", "--quarter", "Q4"), "--quarter"),
        (("succession", "ceo", "x", "--date", "tomorrow"), "in the future"),
        (("succession", "gap", "add", "Ana", "x", "--feedback", "99"), "no feedback with id 99"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_nothing_written(
    team: str, argv: tuple[str, ...], says: str
) -> None:
    ok("meeting", "add", "Eng staff", "--db", team)
    ok("succession", "gap", "add", "Ana", "Board presence", "--db", team)
    before = files_digest(Path(team))
    ran = cli(*argv, "--db", team)
    assert ran.returncode == 2
    assert says in ran.stderr and ran.stderr.count("\n") == 1
    assert files_digest(Path(team)) == before


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (("career", "Ana", "--aligned-up", "2026-11-01"), "--aligned-up and --note go together"),
        (("career", "Ana", "--aligned-up", "someday", "--note", "x"), "--aligned-up: 'someday'"),
        (("career", "Ana", "--target", "2027-03-01"), "--target goes with a milestone"),
        (("career", "Ana", "--status", "soon"), "--status must be aligning-up"),
        (("career", "Ana", "--status", "partnering"), "--status partnering needs alignment"),
        (("meeting", "audit", "Eng staff", "--decision", "delegate"), "--to is not named"),
        (("meeting", "audit", "Eng staff", "--decision", "partner"), "--missing is not given"),
        (
            ("succession", "gap", "add", "Ana", "x", "--feedback", "1", "--point", "1"),
            "--feedback or",
        ),
        # A gap's status is a positional argument: its refusal keeps the field's word.
        (("succession", "gap", "status", "Ana", "1", "shut"), "status must be open"),
    ],
)
def test_refusals_name_the_flag_the_field_was_given_as(
    team: str, argv: tuple[str, ...], says: str
) -> None:
    """The services word a refusal by the field ("aligned-up date …"), as the app shows it;
    the command line names the flag it was typed as."""
    ok("meeting", "add", "Eng staff", "--db", team)
    ran = cli(*argv, "--db", team)
    assert ran.returncode == 2
    assert ran.stderr.startswith(f"leadtui: {says}"), ran.stderr


def test_export_succession_upward_and_vacation_cover(team: str, tmp_path: Path) -> None:
    ok("succession", "gap", "add", "Ana", "Board presence", "--db", team)
    ok("succession", "gap", "add", "Ana", "SECRET gap", "--private", "--db", team)
    ok("succession", "candidate", "Ana", "--readiness", "now", "--db", team)
    ok("vacation", "add", "2026-12-14", "2026-12-27", "--db", team)
    ok("vacation", "cover", "2026-12-14", "Hiring decisions", "Ben", "--db", team)
    brief = ok("export", "succession", "--audience", "upward", "--db", team)
    assert brief.startswith("# Transition brief")
    assert "Board presence" in brief and "SECRET" not in brief and "## Checks" not in brief
    mine = ok("export", "succession", "--db", team)
    assert mine.startswith("# Private: Succession plan") and "SECRET gap — open _(private)_" in mine
    out = tmp_path / "cover.md"
    said = ok("export", "vacation", "2026-12-14", "--out", str(out), "--db", team)
    assert "cover plan" in said
    assert "| Hiring decisions | Ben |" in out.read_text()
    assert cli("export", "vacation", "2026-12-14", "--out", str(out), "--db", team).returncode == 2
    assert cli("export", "vacation", "2027-01-01", "--db", team).returncode == 2
