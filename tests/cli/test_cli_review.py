from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from leadtui.domain.oneonones import Visibility
from leadtui.domain.reviews import Evidence, EvidenceKind, T3B3Side
from leadtui.store.database import open_database
from leadtui.store.reviews import T3B3Repository
from tests.helpers import cli, run

TOPS = ["--top", "Incident leadership", "--top", "Mentoring", "--top", "Code review"]
BOTTOMS = ["--bottom", "Clearer design docs", "--bottom", "Delegation", "--bottom", "Estimates"]


@pytest.fixture
def sam(db_path: Path) -> list[str]:
    db = ["--db", str(db_path)]
    assert cli("people", "add", "Sam Okafor", *db).returncode == 0
    return db


def show(db: list[str], *extra: str) -> dict[str, Any]:
    """`t3b3 show --json`, parsed: JSON, so its values are typed no further than ``Any``."""
    result = cli("t3b3", "show", "sam", "--json", *extra, *db)
    assert result.returncode == 0, result.stderr
    return dict(json.loads(result.stdout))


def test_prepare_link_and_deliver_a_t3b3(sam: list[str]) -> None:
    growth = cli(
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
    assert cli("t3b3", "set", "sam", *TOPS, "--bottom", "Clearer design docs", *sam).returncode == 0
    shown = show(sam)
    assert (shown["half"], shown["status"], shown["filled"]) == ("2026-H2", "draft", 4)
    [docs] = shown["bottom"]
    assert docs["surprise"] is True and docs["suggestions"][0]["id"] == 1
    assert cli("t3b3", "link", "sam", "1", "--feedback", "1", *sam).returncode == 0
    assert show(sam)["bottom"][0]["surprise"] is False
    refused = cli("t3b3", "deliver", "sam", *sam)
    assert refused.returncode == 2 and "this one has 3 + 1" in refused.stderr
    # --bottom replaces the Bottom list; the unchanged item keeps its link.
    assert cli("t3b3", "set", "sam", *BOTTOMS, *sam).returncode == 0
    assert show(sam)["bottom"][0]["surprise"] is False
    delivered = cli("t3b3", "deliver", "sam", "--date", "2026-11-20", *sam)
    assert delivered.returncode == 0 and "delivered in person on 2026-11-20" in delivered.stdout
    shown = show(sam)
    assert (shown["status"], shown["delivered_on"], shown["in_person"]) == (
        "delivered",
        "2026-11-20",
        True,
    )


def test_remove_text_after_delivery_and_not_in_person(sam: list[str]) -> None:
    setting = cli("t3b3", "set", "sam", *TOPS, *BOTTOMS, "--remove-text-after-delivery", *sam)
    assert "remove the text after delivery: yes" in setting.stdout
    result = cli("t3b3", "deliver", "sam", "--not-in-person", *sam)
    assert result.returncode == 0 and "not in person" in result.stdout
    assert "meant to be delivered in person" in result.stderr
    shown = show(sam)
    assert shown["text_removed"] is True and shown["top"] == [] and shown["in_person"] is False


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["t3b3", "set", "sam", *TOPS, "--top", "Fourth"], "--top has 4 items"),
        (["t3b3", "set", "sam", "--top", "  "], "--top is empty"),
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
        (["export", "review", "sam", "--audience", "shared", "--half", "2026-H9"], "H1 or H2"),
    ],
)
def test_refused_review_input(sam: list[str], argv: list[str], message: str) -> None:
    result = cli(*argv, *sam)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    shown = show(sam)
    assert shown["filled"] == 0 and shown["delivered_on"] is None
    listed = cli("feedback", "list", "sam", "--json", *sam)
    assert json.loads(listed.stdout) == []


def test_a_link_must_point_to_this_persons_recent_evidence(sam: list[str]) -> None:
    cli("people", "add", "Priya", *sam)
    cli("feedback", "add", "priya", "Docs", "--kind", "growth", *sam)  # feedback 1: Priya's
    cli("feedback", "add", "sam", "Old docs", "--date", "2025-03-01", *sam)  # two halves ago
    cli("t3b3", "set", "sam", "--bottom", "Docs", *sam)
    for wanted in ("1", "2"):
        result = cli("t3b3", "link", "sam", "1", "--feedback", wanted, *sam)
        assert result.returncode == 2 and f"no feedback {wanted} about Sam Okafor" in result.stderr


ARCHIVED = "leadtui: note: Sam Okafor was archived on 2026-11-22; recorded in their history"


def test_feedback_for_an_archived_person_is_allowed_and_says_so(sam: list[str]) -> None:
    cli("people", "archive", "sam", *sam)
    result = cli("feedback", "add", "sam", "Great handover", *sam)
    assert result.returncode == 0 and ARCHIVED in result.stderr
    # Every review write about them says so, not only feedback.
    cli("feedback", "add", "sam", "Docs", "--kind", "growth", "--date", "2026-10-01", *sam)
    for argv in (
        ["t3b3", "set", "sam", *TOPS, "--bottom", "Docs"],
        ["t3b3", "link", "sam", "1", "--feedback", "2"],
        ["t3b3", "set", "sam", *BOTTOMS],
        ["t3b3", "deliver", "sam"],
    ):
        result = cli(*argv, *sam)
        assert result.returncode == 0 and ARCHIVED in result.stderr, argv


def test_only_growth_feedback_counts_as_raised_before(sam: list[str]) -> None:
    """product.md: "Raised before" means growth. A strength is neither suggested nor
    linkable; the refusal says why."""
    cli("feedback", "add", "sam", "Docs were a joy", "--date", "2026-10-01", *sam)
    cli("t3b3", "set", "sam", "--bottom", "Docs", *sam)
    assert show(sam)["bottom"][0]["suggestions"] == []
    result = cli("t3b3", "link", "sam", "1", "--feedback", "1", *sam)
    assert result.returncode == 2 and "feedback 1 is a strength" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert show(sam)["bottom"][0]["surprise"] is True
    private = cli("feedback", "add", "sam", "Docs worry", "--kind", "growth", "--private", *sam)
    assert private.returncode == 0
    result = cli("t3b3", "link", "sam", "1", "--feedback", "2", *sam)
    assert result.returncode == 2 and "not given in a held 1:1" in result.stderr


def test_a_link_that_does_not_count_is_shown_and_delivered_as_a_surprise(
    sam: list[str], db_path: Path
) -> None:
    """A link to praise, as a database from before that rule may hold: `t3b3 show` says
    what it is linked to and that it would be a surprise, and delivery says it was one."""
    cli("feedback", "add", "sam", "Docs were a joy", "--date", "2026-10-01", *sam)
    assert cli("t3b3", "set", "sam", *TOPS, *BOTTOMS, *sam).returncode == 0
    db = open_database(db_path)
    repo = T3B3Repository(db)
    docs = repo.get(1, "2026-H2").side(T3B3Side.BOTTOM)[0]
    praise = Evidence(EvidenceKind.FEEDBACK, 1, date(2026, 10, 1), "", Visibility.SHARED)
    repo.link_item(docs.id, praise)
    db.close()
    shown = cli("t3b3", "show", "sam", *sam).stdout
    assert "Clearer design docs  [would be a surprise: linked to feedback 1, 2026-10-01" in shown
    assert "raised before:" not in shown
    delivered = cli("t3b3", "deliver", "sam", "--date", "2026-11-20", *sam)
    assert delivered.returncode == 0 and "Bottom 1, 2, 3 had not been raised" in delivered.stderr


def test_t3b3_planning_reaches_the_next_half_only(sam: list[str]) -> None:
    """The Reviews screen goes no further than the next half; the command line agrees."""
    assert cli("t3b3", "set", "sam", "--top", "a", "--half", "2027-H1", *sam).returncode == 0
    far = cli("t3b3", "set", "sam", "--top", "a", "--half", "2027-H2", *sam)
    assert far.returncode == 2 and "as far as the next half, 2027-H1" in far.stderr
    assert show(sam, "--half", "2027-H2")["filled"] == 0


def test_unlink_makes_an_item_a_surprise_again(sam: list[str]) -> None:
    cli("feedback", "add", "sam", "Docs", "--kind", "growth", "--date", "2026-10-01", *sam)
    cli("t3b3", "set", "sam", "--bottom", "Docs", *sam)
    assert cli("t3b3", "link", "sam", "1", "--feedback", "1", *sam).returncode == 0
    assert show(sam)["bottom"][0]["linked_to"]["id"] == 1
    unlinked = cli("t3b3", "link", "sam", "1", "--unlink", *sam)
    assert unlinked.returncode == 0 and "[would be a surprise]" in unlinked.stdout
    both = cli("t3b3", "link", "sam", "1", "--unlink", "--feedback", "1", *sam)
    assert both.returncode == 2 and "--unlink takes no --feedback" in both.stderr


def test_a_refusal_from_the_installed_entry_point_exits_2_with_one_line(sam: list[str]) -> None:
    """The one check in a real process: the console entry point's exit code and stderr."""
    result = run("t3b3", "deliver", "sam", *sam)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        "leadtui: a T3B3 is delivered with 3 Top and 3 Bottom items; this one has 0 + 0; "
        "fill the rest first"
    ]


def test_export_review_audiences(sam: list[str], tmp_path: Path) -> None:
    cli("feedback", "add", "sam", "Shared praise", *sam)
    cli("feedback", "add", "sam", "PRIVATE worry", "--kind", "growth", "--private", *sam)
    cli("t3b3", "set", "sam", *TOPS, "--bottom", "Secret area to grow", *sam)
    out = tmp_path / "packet.md"
    result = cli("export", "review", "sam", "--audience", "shared", "--out", str(out), *sam)
    assert result.returncode == 0 and "wrote the shared 2026-H2 review packet" in result.stdout
    shared = out.read_text()
    assert "Audience: shared" in shared and "Shared praise" in shared
    assert "PRIVATE" not in shared and "Secret area" not in shared and "Mentoring" not in shared
    assert out.stat().st_mode & 0o777 == 0o600
    again = cli("export", "review", "sam", "--audience", "shared", "--out", str(out), *sam)
    assert again.returncode == 2 and "--force" in again.stderr
    private = cli("export", "review", "sam", "--audience", "private", *sam).stdout
    assert "PRIVATE worry" in private and "Secret area to grow" in private
    assert "would be a surprise" in private


def test_feedback_list_by_half(sam: list[str]) -> None:
    cli("feedback", "add", "sam", "Earlier", "--date", "2026-03-01", *sam)
    cli("feedback", "add", "sam", "Later", "--date", "2026-10-01", *sam)
    listed = cli("feedback", "list", "sam", "--half", "2026-H1", *sam)
    assert "Earlier" in listed.stdout and "Later" not in listed.stdout


def test_halves_follow_the_configured_start_month(sam: list[str], isolated_home: Path) -> None:
    isolated_home.mkdir(parents=True, exist_ok=True)
    (isolated_home / "config.toml").write_text("[review]\nhalf_start_month = 10\n")
    assert show(sam)["half"] == "2026-H1"  # a review year starting in October
    packet = cli("export", "review", "sam", "--audience", "private", *sam).stdout
    assert "2026-H1 (2026-10-01 to 2027-03-31)" in packet
    (isolated_home / "config.toml").write_text("[review]\nhalf_start_month = 13\n")
    result = cli("t3b3", "show", "sam", "--json", *sam)
    assert json.loads(result.stdout)["half"] == "2026-H2"
    assert "half_start_month must be 1–12, got 13" in result.stderr


def test_delivery_notes_surprises_and_must_not_precede_the_half(sam: list[str]) -> None:
    cli("t3b3", "set", "sam", *TOPS, *BOTTOMS, "--half", "2027-H1", *sam)
    early = cli("t3b3", "deliver", "sam", "--half", "2027-H1", *sam)
    assert early.returncode == 2 and "which starts 2027-01-01" in early.stderr
    cli("t3b3", "set", "sam", *TOPS, *BOTTOMS, *sam)
    early = cli("t3b3", "deliver", "sam", "--date", "2026-06-30", *sam)
    assert early.returncode == 2 and "which starts 2026-07-01" in early.stderr
    done = cli("t3b3", "deliver", "sam", *sam)
    assert done.returncode == 0
    assert "Bottom 1, 2, 3 had not been raised with them before" in done.stderr


@pytest.mark.parametrize("half", ["0001-H1", "9999-H2", "1899-H2", "2201-H1"])
def test_out_of_range_halves_are_refused_and_nothing_is_written(sam: list[str], half: str) -> None:
    result = cli("t3b3", "set", "sam", "--half", half, "--top", "a", *sam)
    assert result.returncode == 2 and "year from 1900 to 2200" in result.stderr
    assert show(sam)["filled"] == 0


def test_an_unwritable_export_target_is_refused(sam: list[str], tmp_path: Path) -> None:
    long_name = tmp_path / ("x" * 300 + ".md")
    result = cli("export", "review", "sam", "--audience", "private", "--out", str(long_name), *sam)
    assert result.returncode == 2 and "cannot be written" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_bottom_item_becomes_the_succession_focus(sam: list[str]) -> None:
    assert cli("t3b3", "set", "sam", *TOPS, *BOTTOMS, *sam).returncode == 0
    taken = cli("t3b3", "focus", "sam", "2", *sam)
    assert taken.returncode == 0, taken.stderr
    assert "focus for Sam Okafor, 2026-H2" in taken.stdout and "Delegation" in taken.stdout
    shown = cli("succession", "show", "--json", *sam)
    assert "Delegation" in shown.stdout
    refused = cli("t3b3", "focus", "sam", "5", *sam)
    assert refused.returncode == 2 and "Bottom item 5 does not exist" in refused.stderr
    assert cli("t3b3", "focus", "sam", "1", "--for", "2026-H9", *sam).returncode == 2


def test_an_undelivered_t3b3_is_overdue_after_its_half_until_dismissed(
    sam: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli("t3b3", "set", "sam", *TOPS, *sam).returncode == 0
    early = cli("t3b3", "dismiss", "sam", "--half", "2026-H2", *sam)
    assert early.returncode == 2 and "2026-H2 has not ended" in early.stderr
    assert show(sam)["overdue"] is False
    monkeypatch.setenv("LEADTUI_TODAY", "2027-01-04")
    shown = show(sam, "--half", "2026-H2")
    assert (shown["overdue"], shown["dismissed_on"]) == (True, None)
    assert "OVERDUE" in cli("t3b3", "show", "sam", "--half", "2026-H2", *sam).stdout
    today = json.loads(cli("today", "--json", *sam).stdout)
    assert today["t3b3_overdue"] == ["Sam Okafor (2026-H2)"]
    assert "T3B3s overdue: 1 (Sam Okafor (2026-H2))" in cli("today", *sam).stdout
    dismissed = cli("t3b3", "dismiss", "sam", *sam)  # the half that ended last
    assert dismissed.returncode == 0, dismissed.stderr
    assert "2026-H2: dismissed; no longer overdue" in dismissed.stdout
    shown = show(sam, "--half", "2026-H2")
    assert (shown["overdue"], shown["dismissed_on"]) == (False, "2027-01-04")
    assert json.loads(cli("today", "--json", *sam).stdout)["t3b3_overdue"] == []
    again = cli("t3b3", "dismiss", "sam", *sam)
    assert again.returncode == 2 and "was dismissed on 2027-01-04" in again.stderr
