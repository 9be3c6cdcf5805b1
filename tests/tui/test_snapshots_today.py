"""SVG snapshots of Today, People and Energy at 80x24 (the 120x40 ones are in
test_snapshots.py), and People's empty state at both sizes.

Update with `pytest tests/tui/test_snapshots_today.py --snapshot-update` after a
deliberate visual change, and look at the report before committing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.helpers import SIZE, SMALL, demo_database, make_app


def demo_app(db_path: Path, home: Path) -> Any:
    demo_database(db_path, people=12, years=3)
    return make_app(db_path, home)


def test_today_with_a_team_at_80x24(snap_compare: Any, db_path: Path, isolated_home: Path) -> None:
    """Look for: two columns of cards, each at least 30 columns wide with whole words
    (One-on-ones with its cursor on the first overdue person, Reviews with statuses at the
    right edge, Energy in words with the falling report flagged and slack time after
    the launch, Rotations, Succession), People under them reached by
    scrolling (Succession ends with the December vacation not handed over, so the
    scrollbar is shorter), and a footer that keeps People and Help."""
    assert snap_compare(demo_app(db_path, isolated_home), terminal_size=SMALL)


def test_today_first_run_at_80x24(snap_compare: Any, db_path: Path, isolated_home: Path) -> None:
    """Look for: the welcome card across the screen (p, then a; the demo commands), then
    the cards under it, their texts whole or ending in an ellipsis, never broken
    mid-word."""
    assert snap_compare(make_app(db_path, isolated_home), terminal_size=SMALL)


def test_people_at_80x24(snap_compare: Any, db_path: Path, isolated_home: Path) -> None:
    """Look for: Name, Relation, Title (cut with an ellipsis), Team and Started (7 Dec
    2025 style) all within the width, no Level column and no sideways scrollbar; the
    status says the count and "by name (s)"."""
    app = demo_app(db_path, isolated_home)
    assert snap_compare(app, terminal_size=SMALL, press=["p"])


@pytest.mark.parametrize("size", [SMALL, SIZE], ids=["80x24", "120x40"])
def test_people_empty(
    snap_compare: Any, db_path: Path, isolated_home: Path, size: tuple[int, int]
) -> None:
    """Look for: no filter bar and no empty table, but a box saying nobody is here yet,
    that a adds someone, and the two commands that open a sample team."""
    assert snap_compare(make_app(db_path, isolated_home), terminal_size=size, press=["p"])


def test_energy_at_80x24(snap_compare: Any, db_path: Path, isolated_home: Path) -> None:
    """Look for: the panels in one column at full width (today, the verdict in words with
    its reason and warnings, the calendar with ● ◐ ○ · whole and its legend) and the
    footer's "1–5 Log"."""
    app = demo_app(db_path, isolated_home)
    assert snap_compare(app, terminal_size=SMALL, press=["E"])


def test_energy_empty_journal_at_80x24(
    snap_compare: Any, db_path: Path, isolated_home: Path
) -> None:
    """Look for: "Not logged yet today", and a verdict that says "Not enough data yet: 0
    of 14 days logged" and to press 1–5 once a day; no state id, no shell command."""
    assert snap_compare(make_app(db_path, isolated_home), terminal_size=SMALL, press=["E"])
