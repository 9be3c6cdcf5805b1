"""The rotation timeline's month ruler: labels are whole or shortened, never cut at the
right edge, and January reads with its year as tables write it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from leadtui.demo import seed_demo
from leadtui.services.rotations import schedules
from leadtui.store.database import open_database
from leadtui.tui.widgets.rotation_timeline import LABEL, TimelineColors, timeline
from tests.helpers import TODAY

COLORS = TimelineColors("blue", "magenta", "red", "yellow", "green", "white")
MONTHS = {date(2000, m, 1).strftime("%b") for m in range(1, 13)}


def ruler(db_path: Path, first: date, last: date, width: int) -> str:
    db = open_database(db_path)
    seed_demo(db, today=TODAY, people=8, years=1)
    schedule = schedules(db, TODAY)[0]
    db.close()
    drawn = timeline(schedule, TODAY, first, last, width, COLORS).plain
    return drawn.splitlines()[0][LABEL:]


@pytest.mark.parametrize("width", [60, 77, 90, 118])
def test_no_month_label_is_cut_at_the_right_edge(db_path: Path, width: int) -> None:
    # The window ends a few days into a month: its label has almost no room.
    line = ruler(db_path, date(2026, 8, 1), date(2027, 5, 3), width)
    last_word = line.split()[-1]
    assert last_word in MONTHS or len(last_word) == 1 or last_word.isdigit(), line


def test_january_reads_as_tables_write_it(db_path: Path) -> None:
    line = ruler(db_path, date(2026, 11, 1), date(2027, 4, 30), 118)
    assert "Jan 2027" in line and "'27" not in line, line
