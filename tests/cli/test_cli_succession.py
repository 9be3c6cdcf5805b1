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


def test_every_succession_record_is_edited_and_removed_from_the_shell(team: str) -> None:
    """Each record put right by the id `succession show` and its --json give; removing
    says what went."""
    ok("succession", "gap", "add", "Ana", "Board presnce", "--db", team)
    assert "gap 1 for Ana: Board presence" in ok(
        "succession", "gap", "edit", "Ana", "1", "Board presence", "--private", "--db", team
    )
    ok("succession", "focus", "Ana", "Hirng", "--db", team)
    ok("succession", "ceo", "Presnted at staff", "--person", "Ana", "--db", team)
    doc = json.loads(ok("succession", "show", "--json", "--db", team))
    ana = next(p for p in doc["people"] if p["person"]["name"] == "Ana")
    assert ana["gaps"][0]["visibility"] == "private"
    focus_id, ceo_id = str(ana["focus"][0]["id"]), str(doc["ceo_log"][0]["id"])
    shown = ok("succession", "show", "Ana", "--db", team)
    assert f"(id {focus_id}): Hirng" in shown and f"{ceo_id}  2026-" in shown
    ok("succession", "focus-edit", focus_id, "Hiring", "--db", team)
    out = ok("succession", "ceo-edit", ceo_id, "Presented at staff", "--relationship", "--db", team)
    assert "relationship, Presented at staff" in out
    ok(
        "succession",
        "candidate",
        "Ana",
        "--readiness",
        "1y",
        "--pending",
        "ready pending Q1",
        "--db",
        team,
    )
    shown = ok("succession", "show", "--db", team)
    assert "ready pending Q1" in shown and "ready pending ready" not in shown
    doc = json.loads(ok("succession", "show", "--json", "--db", team))
    ana = next(p for p in doc["people"] if p["person"]["name"] == "Ana")
    assert ana["focus"][0]["text"] == "Hiring" and ana["candidate"]["pending"] == "Q1"
    assert doc["ceo_log"][0]["text"] == "Presented at staff"
    ok("succession", "candidate", "Ana", "--pending", "", "--db", team)
    assert "removed gap 1 for Ana: Board presence" in ok(
        "succession", "gap", "remove", "Ana", "1", "--db", team
    )
    assert "removed focus area 2026-H2 for Ana: Hiring" in ok(
        "succession", "focus-remove", focus_id, "--db", team
    )
    assert "Presented at staff" in ok("succession", "ceo-remove", ceo_id, "--db", team)
    doc = json.loads(ok("succession", "show", "--json", "--db", team))
    ana = next(p for p in doc["people"] if p["person"]["name"] == "Ana")
    assert (ana["gaps"], ana["focus"], doc["ceo_log"]) == ([], [], [])
    assert ana["candidate"]["pending"] is None


def test_meetings_vacations_and_milestones_are_edited_and_removed(team: str) -> None:
    ok("meeting", "add", "Eng stuff", "--db", team)
    ok("meeting", "edit", "Eng stuff", "--name", "Eng staff", "--kind", "leadership", "--db", team)
    ok("meeting", "audit", "Eng staff", "--decision", "keep", "--db", team)
    assert "removed the decision Eng staff, 2026-Q4: keep" in ok(
        "meeting", "audit", "Eng staff", "--clear", "--db", team
    )
    meetings = json.loads(ok("meeting", "list", "--json", "--db", team))
    assert [(m["name"], m["kind"], m["decision"]) for m in meetings] == [
        ("Eng staff", "leadership", None)
    ]
    assert "removed meeting Eng staff" in ok("meeting", "remove", "Eng staff", "--db", team)
    ok("vacation", "add", "2026-12-14", "2026-12-27", "--db", team)
    ok("vacation", "cover", "2026-12-14", "Hirng", "Ben", "--db", team)
    ok("vacation", "edit", "2026-12-14", "--start", "2026-12-15", "--no-chiming-in", "--db", team)
    ok("vacation", "cover", "2026-12-15", "hirng", "Ana", "--rename", "Hiring", "--db", team)
    doc = json.loads(ok("vacation", "list", "--json", "--db", team))
    v = doc["vacations"][0]
    assert (v["start"], v["end"], v["no_chiming_in"]) == ("2026-12-15", "2026-12-27", True)
    assert [(c["responsibility"], c["person"]["name"]) for c in v["covers"]] == [("Hiring", "Ana")]
    assert "removed hand-over Hiring" in ok(
        "vacation", "cover", "2026-12-15", "Hiring", "--remove", "--db", team
    )
    assert "removed vacation 2026-12-15 to 2026-12-27" in ok(
        "vacation", "remove", "2026-12-15", "--db", team
    )
    assert json.loads(ok("vacation", "list", "--json", "--db", team))["vacations"] == []
    ok("career", "Ana", "--milestone", "Run staf", "--target", "2027-03-01", "--db", team)
    out = ok("career", "Ana", "--edit-milestone", "1", "--milestone", "Run staff", "--db", team)
    assert "1. Run staff by 2027-03-01" in out
    assert "removed milestone 1 of Ana's path: Run staff" in ok(
        "career", "Ana", "--remove-milestone", "1", "--db", team
    )
    assert "removed Ana's career path" in ok("career", "Ana", "--clear", "--db", team)


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (("succession", "gap", "edit", "Ana", "3", "x"), "Ana has no gap 3"),
        (("succession", "gap", "remove", "Ana", "3"), "Ana has no gap 3"),
        (("succession", "focus-edit", "99", "x"), "no focus area has id 99"),
        (("succession", "ceo-remove", "99"), "no CEO log entry has id 99"),
        (("meeting", "audit", "Eng staff"), "--decision is required"),
        (("meeting", "audit", "Eng staff", "--clear"), "no decision for"),
        (("vacation", "remove", "2026-12-01"), "no vacation starts on"),
        (("vacation", "cover", "2026-12-14", "Budget", "--remove"), "nothing called"),
        (("career", "Ana", "--remove-milestone", "2"), "milestone number 2 is not on"),
        (("career", "Ana", "--edit-milestone", "1"), "needs --milestone"),
        (("career", "Ana", "--clear"), "Ana has no career path"),
        (("career", "Ana", "--clear", "--goal", "x"), "--clear takes no other option"),
    ],
)
def test_putting_right_refuses_what_is_not_there_and_writes_nothing(
    team: str, argv: tuple[str, ...], says: str
) -> None:
    ok("meeting", "add", "Eng staff", "--db", team)
    ok("succession", "gap", "add", "Ana", "Board presence", "--db", team)
    ok("vacation", "add", "2026-12-14", "2026-12-27", "--db", team)
    before = files_digest(Path(team))
    ran = cli(*argv, "--db", team)
    assert ran.returncode == 2
    assert says in ran.stderr and ran.stderr.count("\n") == 1, ran.stderr
    assert files_digest(Path(team)) == before


def test_the_career_path_reaches_the_report_without_the_align_up(team: str, tmp_path: Path) -> None:
    ok("career", "Ana", "--goal", "Run this team", "--db", team)
    ok("career", "Ana", "--aligned-up", "2026-11-01", "--note", "CEO doubts her", "--db", team)
    ok("career", "Ana", "--status", "partnering", "--milestone", "Run staff", "--db", team)
    theirs = ok("export", "career", "Ana", "--audience", "person", "--db", team)
    assert "Run this team" in theirs and "Run staff" in theirs
    assert "CEO doubts her" not in theirs and "Aligned up" not in theirs
    mine = ok("export", "career", "Ana", "--audience", "private", "--db", team)
    assert mine.startswith("# Private: Career path: Ana") and "CEO doubts her" in mine
    out = tmp_path / "ana-career.md"
    wrote = ok("export", "career", "Ana", "--audience", "person", "--out", str(out), "--db", team)
    assert "wrote the shared career path for Ana" in wrote and "Run staff" in out.read_text()
