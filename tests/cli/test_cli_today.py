"""`leadtui today`: Today's facts in at most 15 lines, from the same overview the Today
screen reads, as text or JSON."""

from __future__ import annotations

import json
from pathlib import Path

from leadtui.services.today import DIGEST_LINES, today_digest, today_overview
from leadtui.store.database import open_database
from tests.helpers import TODAY, cli, demo_database


def test_today_prints_the_facts_of_the_today_screen_in_at_most_15_lines(db_path: Path) -> None:
    demo_database(db_path, people=12, years=2)
    ran = cli("today", "--db", str(db_path))
    assert ran.returncode == 0, ran.stderr
    lines = ran.stdout.splitlines()
    assert 4 <= len(lines) <= DIGEST_LINES
    store = open_database(db_path)
    try:
        overview = today_overview(store, TODAY)
        digest = today_digest(store, TODAY)
    finally:
        store.close()
    assert overview.oneonones is not None and overview.reviews is not None
    # The 1:1s of today are the Today card's, each with a count of open points.
    for person, _ in overview.oneonones.today_sessions:
        assert any(person.name in line and "open point" in line for line in lines)
    if not overview.oneonones.today_sessions:
        assert "1:1s today: none" in lines
    assert any(line.startswith("Overdue actions: ") for line in lines)
    logged = "Energy: logged today" if overview.energy_today else "Energy: not logged today"
    assert logged in lines
    if overview.reviews.due:
        assert any(f"{len(overview.reviews.due)} (" in line and "weeks left" in line
                   for line in lines)  # fmt: skip
    assert lines == digest.lines()
    document = json.loads(cli("today", "--json", "--db", str(db_path)).stdout)
    assert document["lines"] == lines
    assert document["energy_logged"] is (overview.energy_today is not None)


def test_a_long_day_is_cut_to_15_lines_saying_how_many_more() -> None:
    from leadtui.services.today import TodayDigest

    digest = TodayDigest(TODAY, [], {}, False, [], "2026-H2", 5, None,
                         [(TODAY, f"change {n}") for n in range(30)], [])  # fmt: skip
    lines = digest.lines()
    assert len(lines) == DIGEST_LINES
    assert lines[-1].startswith("… and 20 more")


def test_today_on_a_database_that_does_not_exist_writes_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    ran = cli("today", "--db", str(missing))
    assert ran.returncode == 2 and not missing.exists()
