"""Rotation exceptions removed from the Rotations screen: u on the selected term, a
choice when several shape it, a question first, then the schedule computed again."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from leadtui.domain.people_input import PersonDraft
from leadtui.domain.rotations_input import CapacityDraft
from leadtui.services.people import add_person
from leadtui.services.rotations import add_capacity, assign, change_roster, cut_short
from leadtui.store.database import open_database
from leadtui.store.rotations import RotationRepository
from leadtui.tui.dialogs.confirm import ConfirmScreen
from leadtui.tui.screens.rotations import RotationsScreen
from leadtui.tui.widgets.key_table import KeyTable
from leadtui.tui.widgets.rotation_panels import TermsTable
from tests.helpers import SIZE, TODAY, make_app


def _seat_one_assigned_and_cut(db_path: Path) -> int:
    db = open_database(db_path)
    try:
        for name in ("Ada Obi", "Ben Lund"):
            add_person(db, PersonDraft(name=name, relation="report"))
        draft = CapacityDraft(name="Incident Review", seats=1, starts_on=TODAY - timedelta(days=30))
        capacity = add_capacity(db, draft, TODAY)
        change_roster(db, capacity, ["Ada Obi", "Ben Lund"])
        assign(db, capacity, 1, "Ada Obi", TODAY, capacity.starts_on)
        cut_short(db, capacity, 1, TODAY + timedelta(days=20))
        return capacity.id
    finally:
        db.close()


async def test_u_removes_the_chosen_exception_after_asking(
    db_path: Path, isolated_home: Path
) -> None:
    capacity_id = _seat_one_assigned_and_cut(db_path)
    app = make_app(db_path, isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("W")
        await pilot.pause()
        assert isinstance(app.screen, RotationsScreen)
        terms = app.screen.query_one(TermsTable).terms
        row = next(i for i, (_, seg) in enumerate(terms) if seg.covers(TODAY))
        app.screen.query_one("#rot-terms", KeyTable).move_cursor(row=row)
        await pilot.press("u")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "ChooseScreen"  # an assignment and a cut
        await pilot.press("enter")  # the first: the assignment
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, RotationsScreen)
        await pilot.press("u", "enter", "y")
        await pilot.pause()
    db = open_database(db_path)
    try:
        left = [e.kind.value for e in RotationRepository(db).exceptions(capacity_id)]
    finally:
        db.close()
    assert left == ["cut"]


async def test_the_palette_and_help_name_it(db_path: Path, isolated_home: Path) -> None:
    from leadtui.tui.commands import LeadtuiCommands

    app = make_app(db_path, isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("W")
        await pilot.pause()
        names = [c.name for c in LeadtuiCommands(app.screen).commands()]
        assert (
            "Rotations: Remove an assignment, cut or swap behind the selected term or week" in names
        )
        assert "**u** removes an assignment" in RotationsScreen.HELP


async def test_u_on_a_swapped_week_gives_both_weeks_their_hosts_back(
    db_path: Path, isolated_home: Path
) -> None:
    """The demo swaps the second week's host with a later week's: u there, after asking,
    removes the swap as `host swap --undo` does."""
    from leadtui.demo import seed_demo
    from leadtui.services.hosts import host_schedule

    db = open_database(db_path)
    try:
        seed_demo(db, today=TODAY, people=12, years=3)
        assert host_schedule(db, TODAY, 8).meetings[1].swapped
    finally:
        db.close()
    app = make_app(db_path, isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("W")
        await pilot.pause()
        app.screen.query_one("#rot-hosts", KeyTable).focus()
        await pilot.press("u")  # the first week is not swapped: nothing to remove
        await pilot.pause()
        assert isinstance(app.screen, RotationsScreen)
        await pilot.press("j", "u")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
    db = open_database(db_path)
    try:
        assert not any(m.swapped for m in host_schedule(db, TODAY, 8).meetings)
    finally:
        db.close()
