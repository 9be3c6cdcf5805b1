"""SVG snapshots of the One-on-ones screen at 120x40 and at 80x24: the demo team, the
empty state, a long talking point and an ad-hoc document.

Update with `pytest tests/tui/test_snapshots_oneonones.py --snapshot-update` after a
deliberate visual change, and look at the report before committing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from leadtui.demo import seed_demo
from leadtui.domain.people_input import PersonDraft
from leadtui.services.oneonones import add_action, add_point, set_series
from leadtui.services.people import add_person
from leadtui.store.database import open_database
from tests.helpers import SIZE, SMALL, TODAY, make_app

SIZES = pytest.mark.parametrize("size", [SIZE, SMALL], ids=["120x40", "80x24"])

LONG = (
    "Whether the platform reorganisation changes who owns the on-call rota, how the "
    "handover to the new team works in the first quarter, and what we tell the two people "
    "who asked to move with it before the announcement on Friday"
)


def demo_app(db_path: Path, home: Path) -> Any:
    db = open_database(db_path)
    seed_demo(db, today=TODAY, people=12, years=3)
    db.close()
    return make_app(db_path, home)


@SIZES
def test_oneonones_on_the_demo(
    snap_compare: Any, db_path: Path, isolated_home: Path, size: tuple[int, int]
) -> None:
    """Look for: the people list, overdue ones first in the error colour, then whole days
    ("Tue 1 Dec" at 120 columns, "1 Dec" at 80), no name or day cut; the first person's
    series and "Next session: … · overdue"; the upcoming points with 🔒 on the private
    one, Who and "carried 1×" beside them; the highlighted point in full on the line under
    the table; "Was it useful?" with the session ratings and the personal context, then
    the notes hint; past sessions with a day heading each, 🔒 on private points
    and notes. The footer ends with Hold (80) or Feedback (120): Point, Done, Action,
    Notes and Hold always show, and no key is cut short."""
    assert snap_compare(demo_app(db_path, isolated_home), terminal_size=size, press=["o"])


@SIZES
def test_oneonones_with_nobody(
    snap_compare: Any, db_path: Path, isolated_home: Path, size: tuple[int, int]
) -> None:
    """Look for: an empty people list and, on the right, "Nobody here yet. Add a person
    first: People (p), then a." and nothing else; the footer's document keys dimmed
    (disabled until there is someone)."""
    assert snap_compare(make_app(db_path, isolated_home), terminal_size=size, press=["o"])


def long_point_app(db_path: Path, home: Path) -> Any:
    db = open_database(db_path)
    sam = add_person(db, PersonDraft(name="Sam Okafor"))
    set_series(db, sam, TODAY, weekday="tuesday")
    add_point(db, sam, TODAY, text="Career growth", raised_by="them")
    add_point(db, sam, TODAY, text=LONG)
    add_point(db, sam, TODAY, text="Seems tired lately", visibility="private")
    add_action(db, sam, TODAY, text="Send the staffing doc", due_on="2026-11-20")
    add_action(db, sam, TODAY, text="Book the offsite room", owner="them", due_on="friday")
    db.close()
    return make_app(db_path, home)


@SIZES
def test_oneonones_long_point(
    snap_compare: Any, db_path: Path, isolated_home: Path, size: tuple[int, int]
) -> None:
    """Look for: the long talking point (the highlighted row) cut with "…" in the table
    while Who and the due dates stay in view on every row, and Who sits beside the words
    rather than at the far edge; the line under the table gives the long point in full,
    wrapped, with "raised by me"; "due 20 Nov" in the error colour on the overdue action,
    "due 27 Nov" muted on the other; 🔒 before the private point."""
    keys = ["o", "tab", "down"]
    assert snap_compare(long_point_app(db_path, isolated_home), terminal_size=size, press=keys)


def test_oneonones_ad_hoc(snap_compare: Any, db_path: Path, isolated_home: Path) -> None:
    """Look for: Priya (a peer, no recurring series) listed as "ad hoc"; her heading says
    "ad hoc, no recurring series" and "Next session: when you next meet", never overdue;
    the point not reached last time waits there ("carried 1×") with a new action; the
    notes hint says H records a session on the day and s sets up a recurring series; one
    past session, "Fri 13 Nov", with the point discussed in it."""
    from datetime import date

    from leadtui.domain.oneonones import PointStatus
    from leadtui.services.oneonones import hold_session, mark_point

    db = open_database(db_path)
    priya = add_person(db, PersonDraft(name="Priya Raman", relation="peer"))
    add_point(db, priya, TODAY, text="Shared on-call rota")
    hiring = add_point(db, priya, TODAY, text="Hiring plan for Q1").point
    mark_point(db, priya, hiring.id, PointStatus.DISCUSSED)
    hold_session(db, priya, TODAY, held_on=date(2026, 11, 13))
    add_action(db, priya, TODAY, text="Send her the incident review", owner="me")
    db.close()
    app = make_app(db_path, isolated_home)
    assert snap_compare(app, terminal_size=SIZE, press=["o"])


def suggested_app(db_path: Path, home: Path) -> Any:
    from leadtui.domain.rotations_input import CapacityDraft
    from leadtui.domain.validation import build
    from leadtui.services import rotations

    db = open_database(db_path)
    sam = add_person(db, PersonDraft(name="Sam Okafor"))
    set_series(db, sam, TODAY, weekday="tuesday")
    add_point(db, sam, TODAY, text="Career growth", raised_by="them")
    add_action(db, sam, TODAY, text="Send the staffing doc", due_on="2026-11-27")
    draft = build(
        CapacityDraft, today=TODAY, name="Incident Review", starts_on="2026-12-01", seats=1
    )
    capacity = rotations.add_capacity(db, draft, TODAY)
    rotations.change_roster(db, capacity, ["Sam Okafor"])
    rotations.plan(db, capacity, TODAY)
    db.close()
    return make_app(db_path, home)


def test_oneonones_suggested_point(snap_compare: Any, db_path: Path, isolated_home: Path) -> None:
    """Look for: between Sam's point and his action, "+ starts Incident Review on Tue 1
    Dec" in italics in the suggested colour, no Who, "suggested" muted beside it; the
    cursor on it, and the line under the table saying it is suggested, not on the list
    yet, and that enter adds it. The footer ends with Hold, nothing cut."""
    keys = ["o", "tab", "down"]
    app = suggested_app(db_path, isolated_home)
    assert snap_compare(app, terminal_size=SMALL, press=keys)
