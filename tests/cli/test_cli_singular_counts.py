"""A count of one reads in the singular: "1 day", "1 person", "1 report", never "1 days"
or "1 item(s)"."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from leadtui.domain.succession import Vacation
from leadtui.export.succession import vacation_cover_plan
from tests.helpers import TODAY, cli


def test_a_one_day_vacation_and_one_report_read_in_the_singular(db_path: Path) -> None:
    db = ["--db", str(db_path)]
    assert cli("people", "add", "Sam Okafor", "--relation", "report", *db).returncode == 0
    day = (TODAY + timedelta(days=3)).isoformat()
    added = cli("vacation", "add", day, day, *db)
    assert added.returncode == 0, added.stderr
    assert f"vacation {day} to {day}: 1 day, no chiming in" in added.stdout
    assert "note: 1 day; the aim is a long vacation" in added.stderr
    listed = cli("vacation", "list", *db).stdout
    assert "1 day away" in listed and f"{day}  1 day" in listed
    today = cli("today", *db).stdout
    assert "1 report without a focus area this half" in today
    assert "1 vacation hand-over missing" in today
    for text in (added.stdout, added.stderr, listed, today):
        assert "1 days" not in text and "(s)" not in text


def test_the_cover_plan_of_a_one_day_vacation_says_1_day() -> None:
    day = TODAY + timedelta(days=3)
    vacation = Vacation(id=1, starts_on=day, ends_on=day, no_chiming_in=False, covers=())
    assert "(1 day)." in vacation_cover_plan(vacation, {}, TODAY)


def test_no_energy_entries_in_the_last_1_day(db_path: Path) -> None:
    assert cli("people", "add", "Sam Okafor", "--db", str(db_path)).returncode == 0
    shown = cli("energy", "show", "--days", "1", "--db", str(db_path))
    assert "no entries in the last 1 day;" in shown.stdout, shown.stdout + shown.stderr


def test_a_demo_of_one_person_says_1_person(tmp_path: Path) -> None:
    made = cli("demo", "--people", "1", "--years", "1", "--db", str(tmp_path / "demo.db"))
    assert made.returncode == 0, made.stderr
    assert "demo team added: 1 person (" in made.stdout


def test_one_week_left_for_the_t3b3s_reads_in_the_singular() -> None:
    from leadtui.services.today import TodayDigest

    digest = TodayDigest(TODAY, [], {}, False, ["Sam"], "2026-H2", 1, None, [], [])
    assert any(line.endswith("(Sam), 1 week left") for line in digest.lines()), digest.lines()


def test_the_quarter_review_export_counts_one_entry_in_the_singular(db_path: Path) -> None:
    db = ["--db", str(db_path)]
    assert cli("energy", "log", "4", "a good day", *db).returncode == 0
    exported = cli("export", "energy", *db)
    assert exported.returncode == 0, exported.stderr
    assert "1 entry (" in exported.stdout and "1 entries" not in exported.stdout
