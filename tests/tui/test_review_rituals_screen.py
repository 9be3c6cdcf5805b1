"""The review rituals beyond the T3B3 itself, on the screens: a Bottom item taken as the
succession focus with one key; an overdue T3B3 on the board and Today, and dismissed."""

from __future__ import annotations

from pathlib import Path

from leadtui.domain.dates import Half
from leadtui.domain.people_input import PersonDraft
from leadtui.services.succession import person_succession
from leadtui.store.database import open_database
from leadtui.store.people import PeopleRepository
from leadtui.store.reviews import T3B3Repository
from leadtui.tui.app import LeadtuiApp
from leadtui.tui.dialogs.confirm import ConfirmScreen
from leadtui.tui.screens.reviews import ReviewsScreen
from leadtui.tui.widgets.key_table import KeyTable
from leadtui.tui.widgets.today_cards import ReviewsCard
from tests.helpers import SIZE, TODAY, card_lines

HALF = "2026-H2"  # LEADTUI_TODAY is pinned to 2026-11-22


def seed(db_path: Path) -> int:
    db = open_database(db_path)
    person = PeopleRepository(db).add(PersonDraft(name="Sam Okafor", relation="report"))
    T3B3Repository(db).set_lists(person.id, HALF, ("One", "Two", "Three"), ("Docs", "Delegation"))
    db.close()
    return int(person.id)


def focus_texts(db_path: Path, person_id: int) -> list[str]:
    db = open_database(db_path)
    try:
        person = PeopleRepository(db).get(person_id)
        return [f.text for f in person_succession(db, person, Half(2026, 2)).focus]
    finally:
        db.close()


def notices(app: LeadtuiApp) -> str:
    return " ".join(str(n.message) for n in app._notifications)


async def test_focus_key_takes_the_bottom_item_as_the_succession_focus(
    app: LeadtuiApp, db_path: Path
) -> None:
    person_id = seed(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("R", "tab")  # Top 1
        screen = app.screen
        assert isinstance(screen, ReviewsScreen)
        assert not screen.check_action("ritual", ("focus",))  # a Top item is no focus
        await pilot.press("down", "down", "down", "down")  # Bottom 2
        await pilot.pause()
        assert screen.check_action("ritual", ("focus",))
        await pilot.press("S")
        await pilot.pause()
        assert "Succession focus for 2026-H2: Delegation" in notices(app)
    assert focus_texts(db_path, person_id) == ["Delegation"]


def seed_last_half(db_path: Path) -> int:
    """Sam's 2026-H1 T3B3 was begun and never delivered: overdue since 1 July."""
    db = open_database(db_path)
    person = PeopleRepository(db).add(PersonDraft(name="Sam Okafor", relation="report"))
    T3B3Repository(db).set_lists(person.id, "2026-H1", ("One",), ("Docs",))
    db.close()
    return int(person.id)


def board_cell(screen: ReviewsScreen, person_id: int, column: str) -> str:
    return str(screen.query_one("#rv-board", KeyTable).get_cell(str(person_id), column))


async def test_the_board_shows_an_overdue_t3b3_and_z_dismisses_it(
    app: LeadtuiApp, db_path: Path
) -> None:
    person_id = seed_last_half(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("R")
        screen = app.screen
        assert isinstance(screen, ReviewsScreen)
        assert board_cell(screen, person_id, "2026-H1") == "overdue 2/6"
        assert not screen.check_action("ritual", ("dismiss",))  # this half is not overdue
        await pilot.press("less_than_sign")  # to 2026-H1
        await pilot.pause()
        assert screen.check_action("ritual", ("dismiss",))
        await pilot.press("Z")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)
        assert "dismissed; no longer overdue" in notices(app)
        assert board_cell(screen, person_id, "2026-H1") == "dismissed"
    db = open_database(db_path)
    try:
        assert T3B3Repository(db).get(person_id, "2026-H1").dismissed_on == TODAY
    finally:
        db.close()


async def test_today_lists_the_overdue_t3b3(app: LeadtuiApp, db_path: Path) -> None:
    seed_last_half(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = "\n".join(card_lines(app.screen.query_one(ReviewsCard)))
        assert "T3B3 overdue: 1" in text and "Sam Okafor 2026-H1" in text
