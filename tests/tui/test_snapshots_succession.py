"""SVG snapshots of the Succession screen at 80x24 and 120x40 on the pinned demo team.

Update with `pytest tests/tui/test_snapshots_succession.py --snapshot-update` after a
deliberate visual change, and look at the report before committing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.helpers import SIZE, SMALL, demo_database, make_app


def demo_app(db_path: Path, home: Path) -> Any:
    demo_database(db_path, people=12, years=3)
    return make_app(db_path, home)


def test_succession_bench_wide(snap_compare: Any, db_path: Path, isolated_home: Path) -> None:
    """Look for: the half, quarter, bench size and count of checks on the status line; the
    bench with open gaps, this half's focus ("none" in italics for the one without),
    readiness, the last CEO mention and ★ (interim) for the two candidates; below, the
    first report's gaps (○ open, ◐ improving) and focus under "Selected · e edits · x
    removes", and the checks on the right; the footer's bench keys g, f, c, e."""
    assert snap_compare(demo_app(db_path, isolated_home), terminal_size=SIZE, press=["S"])


def test_succession_bench_narrow(snap_compare: Any, db_path: Path, isolated_home: Path) -> None:
    """Look for: at 80x24 the focus column cut with an ellipsis so readiness, CEO and ★
    stay in view; the two panels side by side, the checks scrolling."""
    assert snap_compare(demo_app(db_path, isolated_home), terminal_size=SMALL, press=["S"])


def test_succession_audit(snap_compare: Any, db_path: Path, isolated_home: Path) -> None:
    """Look for: the quarter's audit line (3 of 6 to audit), ⚑ beside exec-only and
    board, "to audit" in bold for the meetings without a decision, the partner decision
    with what is missing, delegations with the delegate's name; e and m in the footer,
    none of the bench's keys."""
    assert snap_compare(demo_app(db_path, isolated_home), terminal_size=SIZE, press=["S", "2"])


def test_succession_vacation_narrow(snap_compare: Any, db_path: Path, isolated_home: Path) -> None:
    """Look for: the longest vacation against the 14-day aim as a bar, the two vacations
    (handed over 3/3 and 2/3) and the next one's (December's) responsibilities with who
    covers each, "nobody yet" for one; v, h and e in the footer, none of the bench's keys."""
    assert snap_compare(demo_app(db_path, isolated_home), terminal_size=SMALL, press=["S", "3"])
