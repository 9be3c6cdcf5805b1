from __future__ import annotations

import json
import stat
from datetime import timedelta
from pathlib import Path

import pytest

from tests.helpers import TODAY, cli, run


def test_log_then_relog_the_same_day_updates_and_says_so(db_path: Path) -> None:
    db = ["--db", str(db_path)]
    logged = cli("energy", "log", "4", "great design review", "--energized-by", "pairing", *db)
    assert logged.returncode == 0
    assert "logged 4 (good) for 2026-11-22" in logged.stdout
    relogged = cli("energy", "log", "2", *db)
    assert relogged.returncode == 0
    assert "updated 2026-11-22 from 4 to 2 (drained)" in relogged.stdout
    shown = cli("energy", "show", "--json", *db)
    assert shown.returncode == 0
    [entry] = json.loads(shown.stdout)
    assert entry == {
        "day": "2026-11-22",
        "level": 2,
        "kind": "drained",
        "note": "great design review",
        "energized_by": ["pairing"],
        "drained_by": [],
    }


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["energy", "log", "0"], "energy level must be 1–5"),
        (["energy", "log", "6"], "energy level must be 1–5"),
        (["energy", "log", "high"], "got 'high'"),
        (["energy", "log", "3", "--date", "tomorrow"], "in the future"),
        (["energy", "log", "3", "--date", "2026-02-31"], "not a real date"),
        (["energy", "log", "3", "--energized-by", ""], "--energized-by must not be empty"),
        (["energy", "show", "--days", "0"], "--days must be"),
        (["energy", "work", "add", "x", "--kind", "napping"], "kind must be one of"),
        (["export", "energy", "--quarter", "2026-Q5"], "--quarter: quarter must look like"),
        (["export", "energy", "--quarter", "2027-Q1"], "has not started yet"),
    ],
)
def test_refused_energy_input_exits_2_and_writes_nothing(
    db_path: Path, argv: list[str], message: str
) -> None:
    assert cli("energy", "log", "3", "--date", "yesterday", "--db", str(db_path)).returncode == 0
    result = cli(*argv, "--db", str(db_path))
    assert result.returncode == 2, result.stderr
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    shown = json.loads(cli("energy", "show", "--json", "--db", str(db_path)).stdout)
    assert [e["day"] for e in shown] == ["2026-11-21"]


def test_a_refusal_from_the_real_entry_point_exits_2_with_one_line(db_path: Path) -> None:
    """The one check through a real process: exit code and stderr as a shell sees them."""
    result = run("energy", "log", "7", "--db", str(db_path))
    assert result.returncode == 2
    assert result.stderr == "leadtui: energy level must be 1–5 (5 = energized), got '7'\n"
    assert result.stdout == "" and not db_path.exists()


def test_reading_commands_refuse_a_missing_database(tmp_path: Path) -> None:
    missing = tmp_path / "typo.db"
    for argv in (["energy", "check"], ["people", "list"], ["backup"], ["export", "energy"]):
        result = cli(*argv, "--db", str(missing))
        assert result.returncode == 2 and "no database at" in result.stderr
    assert not missing.exists()


def test_check_json_carries_the_numbers(db_path: Path) -> None:
    db = ["--db", str(db_path)]
    for back in range(20):
        day = (TODAY - timedelta(days=back)).isoformat()
        cli("energy", "log", "2" if back % 2 else "1", "--date", day, *db)
    cli("energy", "work", "add", "prototype", "--hours", "2", "--kind", "coding", *db)
    checked = cli("energy", "check", "--json", *db)
    assert checked.returncode == 0
    verdict = json.loads(checked.stdout)
    assert verdict["state"] == "deenergized"
    assert verdict["window_days"] == 28
    assert (verdict["entries"], verdict["good_days"], verdict["drained_days"]) == (20, 0, 20)
    assert verdict["mean"] == 1.5
    assert verdict["energizing_hours_this_month"] == 2
    assert "keep increasing" in verdict["prescription"]
    plain = cli("energy", "check", *db)
    assert plain.returncode == 0
    assert plain.stdout.startswith("deenergized: 20 entries in the last 28 days")


def test_thresholds_come_from_config(db_path: Path, isolated_home: Path) -> None:
    isolated_home.mkdir(parents=True, exist_ok=True)
    (isolated_home / "config.toml").write_text("[energy]\ngood_day = 5\ndrained_day = 3\n")
    logged = cli("energy", "log", "3", "--db", str(db_path))
    assert logged.returncode == 0
    assert "logged 3 (drained)" in logged.stdout


def test_work_that_creates_work_for_other_teams_is_logged_with_a_warning(db_path: Path) -> None:
    db = ["--db", str(db_path)]
    flagged = cli("energy", "work", "add", "tune CI", "--creates-work-for-other-teams", *db)
    assert flagged.returncode == 0
    assert flagged.stdout.splitlines() == [
        f"logged 1 h of other: tune CI ({TODAY.isoformat()})",
        "warning: this creates work for other teams; energizing work should not",
    ]
    plain = cli("energy", "work", "add", "prototype", "--kind", "coding", *db)
    assert "warning" not in plain.stdout
    listed = cli("energy", "work", "list", *db).stdout.splitlines()
    assert listed[1].endswith("tune CI  (creates work for other teams)")


def test_show_prints_days_newest_first_with_their_kind(db_path: Path) -> None:
    db = ["--db", str(db_path)]
    cli("energy", "log", "2", "rough", "--date", "yesterday", "--drained-by", "incident", *db)
    cli("energy", "log", "4", *db)
    assert cli("energy", "show", *db).stdout.splitlines() == [
        "2026-11-22  4 ####  good",
        "2026-11-21  2 ##    drained  rough; - incident",
    ]
    assert cli("energy", "show", "--days", "1", *db).stdout == "2026-11-22  4 ####  good\n"


def test_export_energy_is_private_and_safe(db_path: Path, tmp_path: Path) -> None:
    db = ["--db", str(db_path)]
    cli("energy", "log", "4", "# Not a heading\n[bold]x[/] \x1b[31m", "--date", "2026-11-20", *db)
    cli("energy", "work", "add", "meetup talk", "--kind", "speaking", *db)
    printed = cli("export", "energy", *db)
    assert printed.returncode == 0
    text = printed.stdout
    assert text.startswith("# Private: Energy review 2026-Q4\n")  # says so in its first line
    assert "Audience: private" in text
    # The note is one table cell that reads as typed: no heading, no markup, the escape shown.
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    cells = ["".join(c.content for c in t.children or []) for t in tokens if t.type == "inline"]
    assert "# Not a heading [bold]x[/] \\x1b[31m" in cells
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert not any("Not a heading" in h for h in headings)
    assert "\x1b" not in text
    assert "meetup talk" in text and "## Is there a trend of good days?" in text
    target = tmp_path / "review.md"
    assert cli("export", "energy", "--out", str(target), *db).returncode == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    again = cli("export", "energy", "--out", str(target), *db)
    assert again.returncode == 2 and "--force" in again.stderr
    assert cli("export", "energy", "--out", str(target), "--force", *db).returncode == 0
    nowhere = cli("export", "energy", "--out", str(tmp_path / "no" / "r.md"), *db)
    assert nowhere.returncode == 2 and "does not exist" in nowhere.stderr


def test_demo_has_a_year_of_energy_with_a_rough_patch(db_path: Path) -> None:
    cli("demo", "--db", str(db_path))
    entries = json.loads(
        cli("energy", "show", "--days", "365", "--json", "--db", str(db_path)).stdout
    )
    assert 280 < len(entries) <= 365
    by_month: dict[str, list[int]] = {}
    for e in entries:
        by_month.setdefault(e["day"][:7], []).append(e["level"])
    means = sorted(sum(v) / len(v) for v in by_month.values())
    assert means[0] < 3 < means[-1]  # a rough patch and good months
    assert json.loads(cli("energy", "work", "list", "--json", "--db", str(db_path)).stdout)


def test_export_never_overwrites_the_database_and_is_always_0600(
    db_path: Path, tmp_path: Path
) -> None:
    db = ["--db", str(db_path)]
    cli("energy", "log", "4", *db)
    before = db_path.read_bytes()
    refused = cli("export", "energy", "--out", str(db_path), "--force", *db)
    assert refused.returncode == 2 and "the database or one of its files" in refused.stderr
    assert db_path.read_bytes() == before
    loose = tmp_path / "loose.md"
    loose.write_text("old")
    loose.chmod(0o644)
    assert cli("export", "energy", "--out", str(loose), "--force", *db).returncode == 0
    assert stat.S_IMODE(loose.stat().st_mode) == 0o600
    assert loose.read_text().startswith("# Private: Energy review")
