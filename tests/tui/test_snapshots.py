"""SVG snapshots of the main screens at 120x40 on a pinned demo team.

Update with `pytest tests/tui/test_snapshots.py --snapshot-update` after a deliberate
visual change, and look at the report before committing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.helpers import SIZE, demo_database, make_app


def demo_app(db_path: Path, home: Path) -> Any:
    demo_database(db_path, people=12, years=3)
    return make_app(db_path, home)


def test_today_with_a_team(snap_compare: Any, db_path: Path, isolated_home: Path) -> None:
    """Look for: the date and the "tab: next card · enter: open" hint; People at the left,
    grouped Reports/Peers/Manager/Skip-levels with title and team muted and an archived
    count; on the right four cards fully on screen: One-on-ones with its cursor (tinted,
    readable) on the first overdue person, Reviews with the half, weeks left, T3B3s to
    deliver (not started and drafts first) and a quiet report, Energy in words with the
    report whose energy is falling and slack time after the launch, and the rituals
    still to come; Succession ends with December's vacation and what nobody
    covers, on two lines."""
    assert snap_compare(demo_app(db_path, isolated_home), terminal_size=SIZE)


def test_today_first_run(snap_compare: Any, db_path: Path, isolated_home: Path) -> None:
    """Look for: the welcome card telling how to add people (p, then a) or try
    `leadtui demo`; One-on-ones says how to set up a series with keys, Reviews that there
    are no reports yet, Energy that today is not logged and how much data the verdict
    still needs, in words."""
    assert snap_compare(make_app(db_path, isolated_home), terminal_size=SIZE)


def test_people_table(snap_compare: Any, db_path: Path, isolated_home: Path) -> None:
    """Look for: the filter box, the count/sort status, and the table of people with the
    first row highlighted; the footer lists the People keys."""
    assert snap_compare(demo_app(db_path, isolated_home), terminal_size=SIZE, press=["p"])


def test_people_form_refusal(snap_compare: Any, db_path: Path, isolated_home: Path) -> None:
    """Look for: the Add person form with the impossible date still typed, its field
    outlined in the error colour and the one-line reason below the fields."""
    keys = ["p", "a", *"Sam", "tab", "tab", "tab", "tab", "tab", *"2026-02-31", "ctrl+s"]
    assert snap_compare(demo_app(db_path, isolated_home), terminal_size=SIZE, press=keys)


def test_energy_screen(snap_compare: Any, db_path: Path, isolated_home: Path) -> None:
    """Look for: today's entry, the verdict in words (no state id) with its reason, what
    to do and the guardrail warnings; the six-month calendar with month names, a glyph per
    kind of day (● good, ◐ middling, ○ drained, · not logged) as well as a colour, and a
    legend; the quarter answer, your definitions, the 90-day sparkline and the energizing
    work list dated "Mon 16 Nov", and the team's energy starting under it; "1–5 Log" in
    the footer."""
    assert snap_compare(demo_app(db_path, isolated_home), terminal_size=SIZE, press=["E"])


def test_oneonones_screen(snap_compare: Any, db_path: Path, isolated_home: Path) -> None:
    """Look for: people with overdue ones first and whole days in Next, the selected
    person's series and next session, upcoming points (🔒 on private ones, Who and
    carried counts beside the words), the highlighted one in full under the table, the
    session ratings and the personal context (i), the notes hint, and past sessions with
    discussed points, done actions and shared and private notes
    (tests/tui/test_snapshots_oneonones.py has more of this screen)."""
    assert snap_compare(demo_app(db_path, isolated_home), terminal_size=SIZE, press=["o"])


def test_reviews_screen(snap_compare: Any, db_path: Path, isolated_home: Path) -> None:
    """Look for: the board with a row per report and three halves (this half marked now,
    delivered in green, ready in blue, ⚠n for Bottom items that would be a surprise) and
    days since the last feedback; below, the first report's six slots with each Bottom
    item's link or ⚠, the selected slot's panel, last half's areas (persists / closed) and
    this half's feedback, newest first."""
    assert snap_compare(demo_app(db_path, isolated_home), terminal_size=SIZE, press=["R"])
