"""The app's search: `/` or ctrl+f opens it from any screen (People keeps `/` for its own
filter), results follow the typing in a worker, filters by person and kind, enter opens a
hit where it lives, private hits marked; and two snapshots of the screen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, Select

from leadtui.demo import seed_demo
from leadtui.store.database import open_database
from leadtui.tui.app import LeadtuiApp
from leadtui.tui.screens.oneonones import OneOnOnesScreen
from leadtui.tui.screens.people import PeopleScreen
from leadtui.tui.screens.reviews import ReviewsScreen
from leadtui.tui.screens.search import SearchScreen
from leadtui.tui.widgets.search_results import SearchResults
from tests.helpers import SIZE, SMALL, TODAY, cli, make_app


@pytest.fixture
def app(db_path: Path, isolated_home: Path) -> LeadtuiApp:
    """Two people with a few texts, private ones among them."""
    db = ["--db", str(db_path)]
    for argv in (
        ["people", "add", "Sam Okafor", "--team", "Payments"],
        ["people", "add", "Ana Lima"],
        ["1on1", "add", "Sam Okafor", "Delegation of the pager rotation"],
        ["1on1", "add", "Sam Okafor", "Delegation worries", "--private"],
        ["feedback", "add", "Ana Lima", "Delegation done well", "--date", "2026-10-01"],
        ["energy", "log", "4", "delegation day", "--date", "2026-11-20"],
    ):
        ran = cli(*argv, *db)
        assert ran.returncode == 0, ran.stderr
    return make_app(db_path, isolated_home)


async def settle(app: LeadtuiApp, pilot: Any) -> None:
    """Past the debounce, and the worker done."""
    await pilot.pause(0.3)
    await app.workers.wait_for_complete()
    await pilot.pause()


def results(app: LeadtuiApp) -> SearchResults:
    return app.screen.query_one(SearchResults)


async def test_slash_opens_search_and_results_follow_the_typing(app: LeadtuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"deleg")
        await settle(app, pilot)
        hits = results(app).hits
        assert [h.kind.value for h in hits] == ["point", "point", "energy", "feedback"]
        assert [h.private for h in hits] == [True, False, True, False]
        assert "4 hits · 2 private" in str(app.screen.query_one("#search-status").render())
        await pilot.press(*" pager")
        await settle(app, pilot)
        assert [h.snippet.text for h in results(app).hits] == ["Delegation of the pager rotation"]
        await pilot.press("escape")
        assert not isinstance(app.screen, SearchScreen)


async def test_ctrl_f_on_people_where_slash_filters(app: LeadtuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        assert isinstance(app.screen, PeopleScreen)
        await pilot.press("slash")
        assert isinstance(app.screen, PeopleScreen)  # People's own filter
        await pilot.press("escape", "ctrl+f")
        assert isinstance(app.screen, SearchScreen)


async def test_filters_by_person_and_kind(app: LeadtuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+f", *"delegation")
        await settle(app, pilot)
        screen = app.screen
        people = dict(
            (name, value) for name, value in screen.query_one("#search-person", Select)._options
        )
        screen.query_one("#search-person", Select).value = people["Ana Lima"]
        await settle(app, pilot)
        assert [h.person for h in results(app).hits] == ["Ana Lima"]
        screen.query_one("#search-person", Select).clear()
        screen.query_one("#search-kind", Select).value = "energy"
        await settle(app, pilot)
        assert [h.kind.value for h in results(app).hits] == ["energy"]


async def test_enter_opens_a_point_at_its_person_and_feedback_in_reviews(
    app: LeadtuiApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"pager", "enter")
        await settle(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, OneOnOnesScreen)
        assert app.screen.person_id == 1
        await pilot.press("slash", *"done well", "enter")
        await settle(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewsScreen)


async def test_hostile_typing_never_breaks_it(app: LeadtuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        field = app.screen.query_one("#search-query", Input)
        for typed in ['"', "review.", "*", "NEAR(", "-", "OR", "a:b"]:
            field.value = typed
            await settle(app, pilot)
        assert isinstance(app.screen, SearchScreen)


def demo_app(db_path: Path, home: Path) -> LeadtuiApp:
    db = open_database(db_path)
    seed_demo(db, today=TODAY, people=12, years=3)
    db.close()
    return make_app(db_path, home)


async def _type_and_settle(pilot: Any) -> None:
    await pilot.press("slash", *"feedback")
    await pilot.pause(0.3)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("size", [SIZE, SMALL], ids=["120x40", "80x24"])
def test_search_snapshot(
    snap_compare: Any, db_path: Path, isolated_home: Path, size: tuple[int, int]
) -> None:
    """Look for: the query "feedback" typed at the top, the person, kind and order filters
    on one line, the status line with the hit count and how many are private, and the
    hits newest first: day, kind, person, "private" in italics where it applies and the
    snippet with "feedback" in bold; the footer lists Close and Query. At 80x24 the
    snippet column is cut with an ellipsis, never wrapped."""
    assert snap_compare(
        demo_app(db_path, isolated_home), terminal_size=size, run_before=_type_and_settle
    )
