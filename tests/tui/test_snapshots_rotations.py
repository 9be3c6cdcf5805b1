"""SVG snapshots of the Rotations screen on the pinned demo team, at 80x24 and 120x40.

Update with `pytest tests/tui/test_snapshots_rotations.py --snapshot-update` after a
deliberate visual change, and look at the report before committing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from leadtui.demo import seed_demo
from leadtui.store.database import open_database
from tests.helpers import SIZE, SMALL, TODAY, make_app


def demo_app(db_path: Path, home: Path) -> Any:
    db = open_database(db_path)
    seed_demo(db, today=TODAY, people=12, years=3)
    db.close()
    return make_app(db_path, home)


def test_rotations_wide(snap_compare: Any, db_path: Path, isolated_home: Path) -> None:
    """Look for: Incident Review and Tech Spec Review, each with a month ruler and two
    seats as staggered coloured bars carrying names (seat 2 starting three months after
    seat 1), a ▲ under today; the terms table with the current stretches marked (now);
    the next eight Monday hosts with the two swapped weeks marked ⇄; the bench; the
    checks naming the missing exposure and recognition."""
    assert snap_compare(demo_app(db_path, isolated_home), terminal_size=SIZE, press=["W"])


def test_rotations_small(snap_compare: Any, db_path: Path, isolated_home: Path) -> None:
    """Look for: at 80x24 the timelines still fit the width (month initials, bars with
    names where they fit, ▲ today), the terms table below; the footer lists Plan, Assign,
    Swap and the other keys."""
    assert snap_compare(demo_app(db_path, isolated_home), terminal_size=SMALL, press=["W"])


def test_rotations_first_run(snap_compare: Any, db_path: Path, isolated_home: Path) -> None:
    """Look for: no rotations yet, with the shell commands that add one; an empty terms
    table, no hosts, and "All checks pass"."""
    assert snap_compare(make_app(db_path, isolated_home), terminal_size=SMALL, press=["W"])
