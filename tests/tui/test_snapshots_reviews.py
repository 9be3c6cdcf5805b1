"""SVG snapshots of the Reviews screen on the pinned demo team, at 120x40 and at 80x24.

Update with `pytest tests/tui/test_snapshots_reviews.py --snapshot-update` after a
deliberate visual change, and look at the report before committing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.helpers import SIZE, SMALL, demo_database, make_app

SIZES = pytest.mark.parametrize("size", [SIZE, SMALL], ids=["120x40", "80x24"])


def demo_app(db_path: Path, home: Path) -> Any:
    demo_database(db_path, people=12, years=3)
    return make_app(db_path, home)


@SIZES
def test_reviews_board(
    snap_compare: Any, db_path: Path, isolated_home: Path, size: tuple[int, int]
) -> None:
    """Look for: the board with a row per report, "now" on this half, delivered in the
    success colour, ready in the primary colour, ⚠n where Bottom items would be a
    surprise, and days since the last feedback (a quiet one in the warning colour); at
    80x24 only the last two halves, "✓ in person" without "delivered", and the first
    report's six slots stacked below the board, all six on screen. At 120x40 last half's
    areas and this half's feedback sit beside the slots; the footer offers Feedback,
    Deliver and Export."""
    assert snap_compare(demo_app(db_path, isolated_home), terminal_size=size, press=["R"])


@SIZES
def test_reviews_surprise(
    snap_compare: Any, db_path: Path, isolated_home: Path, size: tuple[int, int]
) -> None:
    """Look for: Farah Kowalski's ready T3B3 with "⚠ 1 would be a surprise" in the
    heading, Bottom 3 highlighted with "⚠ would be a surprise" under it in the warning
    colour, the two linked Bottom items with "✓ raised before in …" and a dated source
    ("Wed 18 Nov"); the footer now offers Link. At 120x40 the detail below the slots
    says why it would be a surprise."""
    keys = ["R", "down", "down", "tab", "down", "down", "down", "down", "down"]
    assert snap_compare(demo_app(db_path, isolated_home), terminal_size=size, press=keys)


@SIZES
def test_reviews_delivered(
    snap_compare: Any, db_path: Path, isolated_home: Path, size: tuple[int, int]
) -> None:
    """Look for: Kofi Mensah's T3B3 delivered this half: "delivered ✓ in person on …" in
    the success colour, "read-only" in the panel's border, and a footer without Deliver
    or Link, offering Undeliver in Deliver's place (Feedback and Export stay)."""
    keys = ["R", "down", "down", "down", "down", "tab"]
    assert snap_compare(demo_app(db_path, isolated_home), terminal_size=size, press=keys)
