from __future__ import annotations

import json
import stat
from datetime import timedelta
from pathlib import Path

import pytest

from leadtui.cli import main
from tests.helpers import TODAY, run


def out(capsys: pytest.CaptureFixture[str]) -> str:
    return capsys.readouterr().out


def test_log_then_relog_the_same_day_updates_and_says_so(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", str(db_path)]
    assert (
        main(["energy", "log", "4", "great design review", "--energized-by", "pairing", *db]) == 0
    )
    assert "logged 4 (good) for 2026-11-22" in out(capsys)
    assert main(["energy", "log", "2", *db]) == 0
    assert "updated 2026-11-22 from 4 to 2 (drained)" in out(capsys)
    assert main(["energy", "show", "--json", *db]) == 0
    [entry] = json.loads(out(capsys))
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
    assert run("energy", "log", "3", "--date", "yesterday", "--db", str(db_path)).returncode == 0
    result = run(*argv, "--db", str(db_path))
    assert result.returncode == 2, result.stderr
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    shown = json.loads(run("energy", "show", "--json", "--db", str(db_path)).stdout)
    assert [e["day"] for e in shown] == ["2026-11-21"]


def test_reading_commands_refuse_a_missing_database(tmp_path: Path) -> None:
    missing = tmp_path / "typo.db"
    for argv in (["energy", "check"], ["people", "list"], ["backup"], ["export", "energy"]):
        result = run(*argv, "--db", str(missing))
        assert result.returncode == 2 and "no database at" in result.stderr
    assert not missing.exists()


def test_check_json_carries_the_numbers(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(db_path)]
    for back in range(20):
        day = (TODAY - timedelta(days=back)).isoformat()
        main(["energy", "log", "2" if back % 2 else "1", "--date", day, *db])
    main(["energy", "work", "add", "prototype", "--hours", "2", "--kind", "coding", *db])
    out(capsys)
    assert main(["energy", "check", "--json", *db]) == 0
    verdict = json.loads(out(capsys))
    assert verdict["state"] == "deenergized"
    assert verdict["window_days"] == 28
    assert (verdict["entries"], verdict["good_days"], verdict["drained_days"]) == (20, 0, 20)
    assert verdict["mean"] == 1.5
    assert verdict["energizing_hours_this_month"] == 2
    assert "keep increasing" in verdict["prescription"]
    assert main(["energy", "check", *db]) == 0
    assert out(capsys).startswith("deenergized: 20 entries in the last 28 days")


def test_thresholds_come_from_config(
    db_path: Path, isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    isolated_home.mkdir(parents=True, exist_ok=True)
    (isolated_home / "config.toml").write_text("[energy]\ngood_day = 5\ndrained_day = 3\n")
    assert main(["energy", "log", "3", "--db", str(db_path)]) == 0
    assert "logged 3 (drained)" in out(capsys)


def test_export_energy_is_private_and_safe(db_path: Path, tmp_path: Path) -> None:
    db = ["--db", str(db_path)]
    run("energy", "log", "4", "# Not a heading\n[bold]x[/] \x1b[31m", "--date", "2026-11-20", *db)
    run("energy", "work", "add", "meetup talk", "--kind", "speaking", *db)
    printed = run("export", "energy", *db)
    assert printed.returncode == 0
    text = printed.stdout
    assert text.startswith("# Private: Energy review 2026-Q4\n")  # says so in its first line
    assert "Audience: private" in text
    assert "\n# Not a heading" not in text and "\\# Not a heading" not in text  # table cell
    assert "# Not a heading [bold]x[/] \\x1b[31m" in text
    assert "\x1b" not in text
    assert "meetup talk" in text and "## Is there a trend of good days?" in text
    target = tmp_path / "review.md"
    assert run("export", "energy", "--out", str(target), *db).returncode == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    again = run("export", "energy", "--out", str(target), *db)
    assert again.returncode == 2 and "--force" in again.stderr
    assert run("export", "energy", "--out", str(target), "--force", *db).returncode == 0
    nowhere = run("export", "energy", "--out", str(tmp_path / "no" / "r.md"), *db)
    assert nowhere.returncode == 2 and "does not exist" in nowhere.stderr


def test_demo_has_a_year_of_energy_with_a_rough_patch(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["demo", "--db", str(db_path)])
    out(capsys)
    main(["energy", "show", "--days", "365", "--json", "--db", str(db_path)])
    entries = json.loads(out(capsys))
    assert 280 < len(entries) <= 365
    by_month: dict[str, list[int]] = {}
    for e in entries:
        by_month.setdefault(e["day"][:7], []).append(e["level"])
    means = sorted(sum(v) / len(v) for v in by_month.values())
    assert means[0] < 3 < means[-1]  # a rough patch and good months
    main(["energy", "work", "list", "--json", "--db", str(db_path)])
    assert json.loads(out(capsys))


def test_export_never_overwrites_the_database_and_is_always_0600(
    db_path: Path, tmp_path: Path
) -> None:
    db = ["--db", str(db_path)]
    run("energy", "log", "4", *db)
    before = db_path.read_bytes()
    refused = run("export", "energy", "--out", str(db_path), "--force", *db)
    assert refused.returncode == 2 and "the database or one of its files" in refused.stderr
    assert db_path.read_bytes() == before
    loose = tmp_path / "loose.md"
    loose.write_text("old")
    loose.chmod(0o644)
    assert run("export", "energy", "--out", str(loose), "--force", *db).returncode == 0
    assert stat.S_IMODE(loose.stat().st_mode) == 0o600
    assert loose.read_text().startswith("# Private: Energy review")
