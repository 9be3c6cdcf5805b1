from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import run

TOPS = ["--top", "Incident leadership", "--top", "Mentoring", "--top", "Code review"]
BOTTOMS = ["--bottom", "Clearer design docs", "--bottom", "Delegation", "--bottom", "Estimates"]


@pytest.fixture
def sam(db_path: Path) -> list[str]:
    db = ["--db", str(db_path)]
    assert run("people", "add", "Sam Okafor", *db).returncode == 0
    return db


def show(db: list[str], *extra: str) -> dict[str, object]:
    result = run("t3b3", "show", "sam", "--json", *extra, *db)
    assert result.returncode == 0, result.stderr
    return dict(json.loads(result.stdout))


def test_prepare_link_and_deliver_a_t3b3(sam: list[str]) -> None:
    growth = run(
        "feedback",
        "add",
        "sam",
        "Design docs are hard to follow",
        "--kind",
        "growth",
        "--date",
        "2026-09-10",
        *sam,
    )
    assert growth.returncode == 0 and "feedback 1 for Sam Okafor (growth, shared" in growth.stdout
    assert run("t3b3", "set", "sam", *TOPS, "--bottom", "Clearer design docs", *sam).returncode == 0
    shown = show(sam)
    assert (shown["half"], shown["status"], shown["filled"]) == ("2026-H2", "draft", 4)
    [docs] = shown["bottom"]  # type: ignore[misc]
    assert docs["surprise"] is True and docs["suggestions"][0]["id"] == 1
    assert run("t3b3", "link", "sam", "1", "--feedback", "1", *sam).returncode == 0
    assert show(sam)["bottom"][0]["surprise"] is False  # type: ignore[index]
    refused = run("t3b3", "deliver", "sam", *sam)
    assert refused.returncode == 2 and "this one has 3 + 1" in refused.stderr
    # --bottom replaces the Bottom list; the unchanged item keeps its link.
    assert run("t3b3", "set", "sam", *BOTTOMS, *sam).returncode == 0
    assert show(sam)["bottom"][0]["surprise"] is False  # type: ignore[index]
    delivered = run("t3b3", "deliver", "sam", "--date", "2026-11-20", *sam)
    assert delivered.returncode == 0 and "delivered in person on 2026-11-20" in delivered.stdout
    shown = show(sam)
    assert (shown["status"], shown["delivered_on"], shown["in_person"]) == (
        "delivered",
        "2026-11-20",
        True,
    )


def test_remove_text_after_delivery_and_not_in_person(sam: list[str]) -> None:
    setting = run("t3b3", "set", "sam", *TOPS, *BOTTOMS, "--remove-text-after-delivery", *sam)
    assert "remove the text after delivery: yes" in setting.stdout
    result = run("t3b3", "deliver", "sam", "--not-in-person", *sam)
    assert result.returncode == 0 and "not in person" in result.stdout
    assert "meant to be delivered in person" in result.stderr
    shown = show(sam)
    assert shown["text_removed"] is True and shown["top"] == [] and shown["in_person"] is False


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["t3b3", "set", "sam", *TOPS, "--top", "Fourth"], "--top was given 4 times"),
        (["t3b3", "set", "sam", "--top", "  "], "a Top item is empty"),
        (["t3b3", "set", "sam", "--top", "a", "--top", "A"], "names the same item twice"),
        (["t3b3", "set", "sam"], "give --top TEXT and/or --bottom TEXT"),
        (["t3b3", "show", "sam", "--half", "2026-H3"], "H1 or H2"),
        (["t3b3", "show", "sam", "--half", "H2"], "needs its year, e.g. 2026-H2"),
        (["t3b3", "deliver", "sam", "--date", "31/02"], "is not a date"),
        (["t3b3", "deliver", "sam", "--date", "tomorrow"], "in the future"),
        (["t3b3", "deliver", "sam"], "this one has 0 + 0"),
        (["t3b3", "link", "sam", "1", "--feedback", "1"], "Bottom item 1 does not exist"),
        (["t3b3", "show", "nobody"], "no person matches 'nobody'"),
        (["feedback", "add", "sam", ""], "feedback is empty"),
        (["feedback", "add", "sam", "x", "--kind", "praise"], "--kind must be strength or growth"),
        (["feedback", "add", "sam", "x", "--date", "2026-02-31"], "not a real date"),
        (["feedback", "add", "sam", "x" * 2001], "keep it to 2000"),
        (["export", "review", "sam", "--half", "2026-H9"], "H1 or H2"),
    ],
)
def test_refused_review_input(sam: list[str], argv: list[str], message: str) -> None:
    result = run(*argv, *sam)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    shown = show(sam)
    assert shown["filled"] == 0 and shown["delivered_on"] is None
    listed = run("feedback", "list", "sam", "--json", *sam)
    assert json.loads(listed.stdout) == []


def test_a_link_must_point_to_this_persons_recent_evidence(sam: list[str]) -> None:
    run("people", "add", "Priya", *sam)
    run("feedback", "add", "priya", "Docs", "--kind", "growth", *sam)  # feedback 1: Priya's
    run("feedback", "add", "sam", "Old docs", "--date", "2025-03-01", *sam)  # two halves ago
    run("t3b3", "set", "sam", "--bottom", "Docs", *sam)
    for wanted in ("1", "2"):
        result = run("t3b3", "link", "sam", "1", "--feedback", wanted, *sam)
        assert result.returncode == 2 and f"no feedback {wanted} about Sam Okafor" in result.stderr


def test_feedback_for_an_archived_person_is_allowed_and_says_so(sam: list[str]) -> None:
    run("people", "archive", "sam", *sam)
    result = run("feedback", "add", "sam", "Great handover", *sam)
    assert result.returncode == 0 and "is archived; recorded all the same" in result.stderr


def test_export_review_audiences(sam: list[str], tmp_path: Path) -> None:
    run("feedback", "add", "sam", "Shared praise", *sam)
    run("feedback", "add", "sam", "PRIVATE worry", "--kind", "growth", "--private", *sam)
    run("t3b3", "set", "sam", *TOPS, "--bottom", "Secret area to grow", *sam)
    out = tmp_path / "packet.md"
    result = run("export", "review", "sam", "--audience", "shared", "--out", str(out), *sam)
    assert result.returncode == 0 and "wrote the shared 2026-H2 review packet" in result.stdout
    shared = out.read_text()
    assert "Audience: shared" in shared and "Shared praise" in shared
    assert "PRIVATE" not in shared and "Secret area" not in shared and "Mentoring" not in shared
    assert out.stat().st_mode & 0o777 == 0o600
    again = run("export", "review", "sam", "--out", str(out), *sam)
    assert again.returncode == 2 and "--force" in again.stderr
    private = run("export", "review", "sam", *sam).stdout
    assert "PRIVATE worry" in private and "Secret area to grow" in private
    assert "would be a surprise" in private


def test_feedback_list_by_half(sam: list[str]) -> None:
    run("feedback", "add", "sam", "Earlier", "--date", "2026-03-01", *sam)
    run("feedback", "add", "sam", "Later", "--date", "2026-10-01", *sam)
    listed = run("feedback", "list", "sam", "--half", "2026-H1", *sam)
    assert "Earlier" in listed.stdout and "Later" not in listed.stdout


def test_halves_follow_the_configured_start_month(sam: list[str], isolated_home: Path) -> None:
    isolated_home.mkdir(parents=True, exist_ok=True)
    (isolated_home / "config.toml").write_text("[review]\nhalf_start_month = 10\n")
    assert show(sam)["half"] == "2026-H1"  # a review year starting in October
    packet = run("export", "review", "sam", *sam).stdout
    assert "2026-H1 (2026-10-01 to 2027-03-31)" in packet
    (isolated_home / "config.toml").write_text("[review]\nhalf_start_month = 13\n")
    result = run("t3b3", "show", "sam", "--json", *sam)
    assert json.loads(result.stdout)["half"] == "2026-H2"
    assert "half_start_month must be 1–12, got 13" in result.stderr


def test_delivery_notes_surprises_and_must_not_precede_the_half(sam: list[str]) -> None:
    run("t3b3", "set", "sam", *TOPS, *BOTTOMS, "--half", "2027-H1", *sam)
    early = run("t3b3", "deliver", "sam", "--half", "2027-H1", *sam)
    assert early.returncode == 2 and "which starts 2027-01-01" in early.stderr
    run("t3b3", "set", "sam", *TOPS, *BOTTOMS, *sam)
    early = run("t3b3", "deliver", "sam", "--date", "2026-06-30", *sam)
    assert early.returncode == 2 and "which starts 2026-07-01" in early.stderr
    done = run("t3b3", "deliver", "sam", *sam)
    assert done.returncode == 0
    assert "Bottom 1, 2, 3 had not been raised with them before" in done.stderr


@pytest.mark.parametrize("half", ["0001-H1", "9999-H2", "1899-H2", "2201-H1"])
def test_out_of_range_halves_are_refused_and_nothing_is_written(sam: list[str], half: str) -> None:
    result = run("t3b3", "set", "sam", "--half", half, "--top", "a", *sam)
    assert result.returncode == 2 and "year from 1900 to 2200" in result.stderr
    assert show(sam)["filled"] == 0


def test_an_unwritable_export_target_is_refused(sam: list[str], tmp_path: Path) -> None:
    long_name = tmp_path / ("x" * 300 + ".md")
    result = run("export", "review", "sam", "--out", str(long_name), *sam)
    assert result.returncode == 2 and "cannot be written" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
