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
    the next eight Monday hosts with the two swapped weeks marked ⇄ and "Mondays 09:30 ·
    H changes" under them; the bench; the checks naming the missing exposure and
    recognition."""
    assert snap_compare(demo_app(db_path, isolated_home), terminal_size=SIZE, press=["W"])


def test_rotations_small(snap_compare: Any, db_path: Path, isolated_home: Path) -> None:
    """Look for: at 80x24 the timelines still fit the width (month initials, bars with
    names where they fit, ▲ today), "N new · r roster" on the Seats panel's bottom edge, the
    terms table below; the footer lists Plan, Assign, Swap and the other keys."""
    assert snap_compare(demo_app(db_path, isolated_home), terminal_size=SMALL, press=["W"])


def test_rotations_first_run(snap_compare: Any, db_path: Path, isolated_home: Path) -> None:
    """Look for: no rotations yet, with the keys that start one (N, r, n, H) one a line
    and no shell commands; an empty terms table, no hosts with "H sets who hosts" under
    them, and "All checks pass"."""
    assert snap_compare(make_app(db_path, isolated_home), terminal_size=SMALL, press=["W"])


def test_rotations_new_capacity_refused(
    snap_compare: Any, db_path: Path, isolated_home: Path
) -> None:
    """Look for: at 80x24 the New capacity form (name, description, term, seats, offset,
    first term, exposure; the fields scroll) with "On-call" kept in Name, the term's "0"
    outlined in the error colour and "term must be 1–36 months, got '0'" in view below
    the fields, above the footer."""
    keys = ["W", "N", *"On-call", "tab", "tab", "backspace", "0", "ctrl+s"]
    assert snap_compare(make_app(db_path, isolated_home), terminal_size=SMALL, press=keys)


def test_rotations_roster(snap_compare: Any, db_path: Path, isolated_home: Path) -> None:
    """Look for: the roster of the selected term's capacity over the screen: a summary
    line, each person with "in rotation", the keys on the dialog's bottom edge and in the
    footer (Add, Out / back, Dates, Remove, Close)."""
    app = demo_app(db_path, isolated_home)
    assert snap_compare(app, terminal_size=SMALL, press=["W", "r"])
