"""Depth and points put off, on the One-on-ones screen with Pilot: D marks the selected
point deep, the notes part warns when the next session has no deep point or more than
three, and a point carried three or more times is marked."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from textual.widgets import Static

from leadtui.domain.oneonones_input import SeriesDraft
from leadtui.domain.people_input import PersonDraft
from leadtui.services.oneonones import add_point, hold_session
from leadtui.services.people import get_person
from leadtui.store.database import open_database
from leadtui.store.oneonones import OneOnOneRepository
from leadtui.store.people import PeopleRepository
from leadtui.tui.app import LeadtuiApp
from leadtui.tui.widgets.key_table import KeyTable
from leadtui.tui.widgets.running_document import TOO_LONG, RunningDocumentView
from tests.helpers import SIZE, TODAY, plain_text


def seed(db_path: Path, *texts: str, deep: tuple[str, ...] = ()) -> None:
    db = open_database(db_path)
    person = PeopleRepository(db).add(PersonDraft(name="Sam Okafor"))
    OneOnOneRepository(db).save_series(
        person.id, SeriesDraft(weekday=1, starts_on=date(2026, 11, 3))
    )
    sam = get_person(db, person.id)
    for text in texts:
        add_point(db, sam, TODAY, text=text, deep=text in deep)
    db.close()


def deep_marks(db_path: Path) -> list[tuple[str, bool]]:
    db = open_database(db_path)
    try:
        rows = db.execute("select text, deep from oo_point order by id").fetchall()
        return [(text, bool(deep)) for text, deep in rows]
    finally:
        db.close()


def draft(app: LeadtuiApp) -> str:
    return plain_text(app.screen.query_one("#oo-draft", Static))


def row_text(app: LeadtuiApp, row: int) -> str:
    table = app.screen.query_one(RunningDocumentView).query_one("#oo-items", KeyTable)
    return " ".join(str(cell) for cell in table.get_row_at(row))


async def test_d_marks_the_selected_point_deep_and_the_warning_goes(
    app: LeadtuiApp, db_path: Path
) -> None:
    seed(db_path, "Status", "Career")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o", "tab")
        await pilot.pause()
        assert "No deep point" in draft(app)
        await pilot.press("down", "D")
        await pilot.pause()
        assert deep_marks(db_path) == [("Status", False), ("Career", True)]
        assert "deep" in row_text(app, 1)
        assert "No deep point" not in draft(app)
        await pilot.press("D")  # again: quick
        await pilot.pause()
        assert deep_marks(db_path) == [("Status", False), ("Career", False)]


async def test_more_than_three_deep_points_are_warned_on_screen(
    app: LeadtuiApp, db_path: Path
) -> None:
    texts = ("One", "Two", "Three", "Four")
    seed(db_path, *texts, deep=texts)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        await pilot.pause()
        assert "4 deep points" in draft(app)


async def test_a_point_carried_three_times_is_marked(app: LeadtuiApp, db_path: Path) -> None:
    seed(db_path, "Promotion case")
    db = open_database(db_path)
    sam = get_person(db, 1)
    for weeks in (3, 2, 1):
        hold_session(db, sam, TODAY, held_on=TODAY - timedelta(weeks=weeks))
    db.close()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        await pilot.pause()
        assert f"{TOO_LONG} carried 3×" in row_text(app, 0)


async def test_todays_card_names_a_person_with_points_carried_too_long(
    app: LeadtuiApp, db_path: Path
) -> None:
    from leadtui.tui.widgets.today_cards import OneOnOneCard
    from tests.helpers import card_lines

    seed(db_path, "Promotion case", "Hiring plan")
    db = open_database(db_path)
    sam = get_person(db, 1)
    for weeks in (3, 2, 1):
        hold_session(db, sam, TODAY, held_on=TODAY - timedelta(weeks=weeks))
    db.close()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        lines = card_lines(app.screen.query_one(OneOnOneCard))
        at = lines.index("Carried 3× or more")
        assert lines[at + 1].startswith("Sam Okafor") and lines[at + 1].endswith("2 points")


async def test_p_offers_the_prompt_tray_and_the_taken_prompt_is_marked(
    app: LeadtuiApp, db_path: Path
) -> None:
    from leadtui.tui.dialogs.choose import ChooseScreen

    seed(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o", "P")
        await pilot.pause()
        assert isinstance(app.screen, ChooseScreen)
        assert any("skill gap" in label for label in app.screen.labels)
        await pilot.press("down", "down", "enter")  # the narrow ask for feedback
        await pilot.pause()
        assert "?ask" in row_text(app, 0)
    db = open_database(db_path)
    try:
        assert db.execute("select kind from oo_point").fetchall() == [("feedback_asked",)]
    finally:
        db.close()
