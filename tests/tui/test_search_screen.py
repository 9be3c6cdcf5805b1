"""The app's search: `/` or ctrl+f opens it from any screen (People keeps `/` for its own
filter), results follow the typing in a worker, filters by person and kind, enter opens a
hit where it lives, private hits marked; and two snapshots of the screen."""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from rich.text import Text
from textual.widgets import Input, Select, Static

from leadtui.demo import seed_demo
from leadtui.domain.energy import EnergyEntry
from leadtui.domain.energy_input import WorkDraft
from leadtui.domain.oneonones import PointStatus
from leadtui.domain.people_input import PersonDraft
from leadtui.domain.validation import build
from leadtui.services.energy import add_work
from leadtui.services.oneonones import (
    add_point,
    hold_session,
    mark_point,
    set_series,
    write_notes,
)
from leadtui.services.people import add_person
from leadtui.store.database import open_database
from leadtui.store.energy import EnergyRepository
from leadtui.tui.app import LeadtuiApp
from leadtui.tui.screens.energy import EnergyScreen
from leadtui.tui.screens.oneonones import OneOnOnesScreen
from leadtui.tui.screens.people import PeopleScreen
from leadtui.tui.screens.reviews import ReviewsScreen
from leadtui.tui.screens.search import SearchScreen
from leadtui.tui.widgets.feedback_panel import FeedbackPanel
from leadtui.tui.widgets.key_table import KeyTable
from leadtui.tui.widgets.running_document import RunningDocumentView
from leadtui.tui.widgets.search_results import SearchResults
from leadtui.tui.widgets.t3b3_slots import T3B3Slots
from tests.helpers import SIZE, SMALL, TODAY, cli, make_app, plain_text


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
    """Past the debounce, and the worker done (on a busy machine the debounce's timer may
    fire late, so wait for it rather than for a fixed time)."""
    await pilot.pause(0.3)
    for _ in range(100):
        screen = app.screen
        if not isinstance(screen, SearchScreen) or not screen.waiting:
            break
        await pilot.pause(0.05)
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
        await pilot.pause()
        assert isinstance(app.screen, OneOnOnesScreen)
        assert app.screen.person_id == 1
        await pilot.press("slash", *"done well", "enter")
        await settle(app, pilot)
        await pilot.pause()
        assert isinstance(app.screen, ReviewsScreen)


async def test_enter_in_the_query_opens_the_highlighted_hit_or_stays_with_none(
    app: LeadtuiApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"nothing-like-this", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one("#search-query", Input).has_focus
        await pilot.press("ctrl+a", "ctrl+k", *"delegation")
        await settle(app, pilot)
        await pilot.press("down", "down", "down", "down", "ctrl+f", "enter")
        for _ in range(3):
            await pilot.pause()
        assert isinstance(app.screen, ReviewsScreen)  # the fourth hit: Ana's feedback


async def test_at_80_columns_the_snippet_shows_the_matched_word(
    db_path: Path, isolated_home: Path
) -> None:
    """The index's snippet is about a terminal line long; the column at 80x24 is half
    that, so the snippet is cut around the match, not after it."""
    words = "Long notes about the quarterly roadmap, hiring plans and the offsite before "
    ran = cli("people", "add", "Sam Okafor", "--db", str(db_path))
    assert ran.returncode == 0, ran.stderr
    ran = cli("1on1", "add", "Sam Okafor", words + "zeppelin budgets", "--db", str(db_path))
    assert ran.returncode == 0, ran.stderr
    app = make_app(db_path, isolated_home)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("slash", *"zeppelin")
        await settle(app, pilot)
        row = next(line for line in screen_lines(app) if "point" in line)
        assert "zeppelin" in row and "…" in row, row


# --- enter opens the hit where it lives: the day, the item, the session ------------------

FIRST_HELD = date(2026, 8, 25)  # a Tuesday; twelve more weekly sessions follow
CANOE_DAY = date(2026, 9, 1)  # the second session: its notes mention the canoe race
KAYAK_DAY = date(2026, 9, 15)  # an energy day; the work is the day after


@pytest.fixture
def history_app(db_path: Path, isolated_home: Path) -> LeadtuiApp:
    """Sam's weekly 1:1s since late August, each held with notes (a point filed under the
    first one), three points for next time; an energy day and energizing work in
    September, and an energy day last year."""
    db = open_database(db_path)
    sam = add_person(db, PersonDraft(name="Sam Okafor"))
    set_series(db, sam, FIRST_HELD, weekday="tuesday", starts_on=FIRST_HELD.isoformat())
    roadmap = add_point(db, sam, FIRST_HELD, text="Quarterly roadmap").point
    mark_point(db, sam, roadmap.id, PointStatus.DISCUSSED)
    day = FIRST_HELD
    while day < TODAY:
        notes = "Talked about the canoe race." if day == CANOE_DAY else f"Week of {day:%-d %b}."
        write_notes(db, sam, day, shared=notes)
        hold_session(db, sam, TODAY, held_on=day)
        day += timedelta(weeks=1)
    for text in ("Career growth", "Pager load", "Offsite agenda"):
        add_point(db, sam, TODAY, text=text)
    energy = EnergyRepository(db)
    energy.insert(EnergyEntry(KAYAK_DAY, 2, "long kayak trip planning"))
    energy.insert(EnergyEntry(date(2025, 3, 10), 5, "ice skating with the team"))
    work = build(WorkDraft, today=TODAY, title="Kayak club talk", day="2026-09-16", hours=2)
    add_work(db, work)
    db.close()
    return make_app(db_path, isolated_home)


async def open_first_hit(app: LeadtuiApp, pilot: Any, query: str) -> None:
    """Search for ``query`` and press enter in the query: the first hit opens."""
    await pilot.press("slash", *query, "enter")
    await settle(app, pilot)
    for _ in range(3):
        await pilot.pause()


def reversed_days(app: LeadtuiApp) -> int:
    """How many days the calendar draws reversed (the chosen one)."""
    calendar = app.screen.query_one("#energy-calendar", Static).content
    assert isinstance(calendar, Text)
    return sum(1 for span in calendar.spans if getattr(span.style, "reverse", False))


def screen_lines(app: LeadtuiApp) -> list[str]:
    """The screen as drawn, a line of text per row."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


async def test_an_energy_hit_opens_energy_at_its_day(history_app: LeadtuiApp) -> None:
    app = history_app
    async with app.run_test(size=SIZE) as pilot:
        await open_first_hit(app, pilot, "kayak trip planning")
        screen = app.screen
        assert isinstance(screen, EnergyScreen)
        day_panel = screen.query_one("#energy-today", Static)
        assert str(day_panel.border_title).startswith("Tue 15 Sep")
        shown = plain_text(day_panel)
        assert "2  drained" in shown and "long kayak trip planning" in shown
        assert reversed_days(app) == 1
        await pilot.press("escape")  # today again
        await pilot.pause()
        assert day_panel.border_title == "Today" and reversed_days(app) == 0
        assert "Not logged yet today" in plain_text(day_panel)


async def test_a_work_hit_opens_its_day_and_an_old_day_moves_the_calendar(
    history_app: LeadtuiApp,
) -> None:
    app = history_app
    async with app.run_test(size=SIZE) as pilot:
        await open_first_hit(app, pilot, "kayak club")
        assert isinstance(app.screen, EnergyScreen)
        assert "work 2 h other: Kayak club talk" in plain_text(
            app.screen.query_one("#energy-today", Static)
        )
        await open_first_hit(app, pilot, "skating")
        calendar = app.screen.query_one("#energy-calendar", Static)
        assert str(calendar.border_title).startswith("Six months to")
        assert "ice skating" in plain_text(app.screen.query_one("#energy-today", Static))
        assert reversed_days(app) == 1


async def test_a_point_hit_puts_the_cursor_on_that_point(history_app: LeadtuiApp) -> None:
    app = history_app
    async with app.run_test(size=SIZE) as pilot:
        await open_first_hit(app, pilot, "offsite")
        screen = app.screen
        assert isinstance(screen, OneOnOnesScreen)
        view = screen.query_one(RunningDocumentView)
        assert view.selected is not None and view.selected.text == "Offsite agenda"
        assert isinstance(app.focused, KeyTable)  # d, e, x act on it at once


async def test_a_note_hit_shows_its_session_scrolled_to_and_marked(
    history_app: LeadtuiApp,
) -> None:
    """The session is older than the ten a document shows first: the page grows to it."""
    app = history_app
    async with app.run_test(size=SIZE) as pilot:
        await open_first_hit(app, pilot, "canoe")
        screen = app.screen
        assert isinstance(screen, OneOnOnesScreen)
        assert screen.history == 12  # the twelve sessions since Tue 1 Sep
        on_screen = "\n".join(screen_lines(app))
        assert "▸ Tue 1 Sep" in on_screen and "Talked about the canoe race." in on_screen
        assert app.focused is screen.query_one("#oo-past")


async def test_a_filed_point_hit_shows_the_session_it_was_filed_under(
    history_app: LeadtuiApp,
) -> None:
    app = history_app
    async with app.run_test(size=SMALL) as pilot:
        await open_first_hit(app, pilot, "quarterly roadmap")
        assert isinstance(app.screen, OneOnOnesScreen)
        on_screen = "\n".join(screen_lines(app))
        assert "▸ Tue 25 Aug" in on_screen and "✓ Quarterly roadmap" in on_screen


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
    await settle(pilot.app, pilot)
    # A steady cursor: how long the search took must not decide whether the picture
    # catches the blinking cursor on or off.
    pilot.app.screen.query_one("#search-query", Input).cursor_blink = False
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


async def test_feedback_and_t3b3_hits_open_reviews_in_their_half_at_the_entry(
    db_path: Path, isolated_home: Path
) -> None:
    """Feedback from the half before opens that half with the entry marked, even below the
    newest twelve; a Bottom item of last half's T3B3 opens with the cursor on its slot."""
    db = ["--db", str(db_path)]
    steps = [
        ["people", "add", "Ana Lima"],
        ["feedback", "add", "Ana Lima", "Kayak planning was superb", "--date", "2026-02-02"],
        *(
            ["feedback", "add", "Ana Lima", f"Note {n} on the launch", "--date", f"2026-03-{n:02d}"]
            for n in range(1, 14)
        ),
        ["t3b3", "set", "Ana Lima", "--half", "2026-H1", "--top", "Clear writing",
         "--bottom", "Canoe-sized estimates", "--bottom", "Delegation"],
    ]  # fmt: skip
    for argv in steps:
        ran = cli(*argv, *db)
        assert ran.returncode == 0, ran.stderr
    app = make_app(db_path, isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"kayak", "enter")
        await settle(app, pilot)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewsScreen)
        assert screen.half is not None and screen.half.label == "2026-H1"
        panel = screen.query_one(FeedbackPanel)
        assert panel.marked is not None
        console = Console(width=100, file=io.StringIO(), color_system=None)
        with console.capture() as capture:
            console.print(panel.render())
        shown = capture.get()
        assert "▸" in shown and "Kayak planning was superb" in shown
        await pilot.press("slash", *"canoe", "enter")
        await settle(app, pilot)
        await pilot.pause()
        slots = app.screen.query_one(T3B3Slots)
        assert slots.has_focus and slots.slot is not None
        assert slots.slot.key == "bottom:1"


async def test_a_hit_about_someone_off_the_list_opens_nobody_else(
    db_path: Path, isolated_home: Path
) -> None:
    """An archived person's 1:1 point and a peer's feedback are found, but One-on-ones and
    Reviews list neither: enter says so rather than open, or mark, someone else."""
    db = ["--db", str(db_path)]
    for argv in (
        ["people", "add", "Ana Lima"],
        ["people", "add", "Sam Okafor"],
        ["people", "add", "Pia Peer", "--relation", "peer"],
        ["1on1", "add", "Sam Okafor", "Zeppelin budget questions"],
        ["people", "archive", "Sam Okafor"],
        ["feedback", "add", "Pia Peer", "Quokka-level calm in the incident"],
    ):
        ran = cli(*argv, *db)
        assert ran.returncode == 0, ran.stderr
    app = make_app(db_path, isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"zeppelin", "enter")
        await settle(app, pilot)
        await pilot.pause()
        assert isinstance(app.screen, OneOnOnesScreen)
        assert app.screen.person_id != 2  # Ana's document, as the list shows, nothing marked
        said = [n.message for n in app._notifications]
        assert any("Sam Okafor is archived" in m for m in said), said
        await pilot.press("slash", *"quokka", "enter")
        await settle(app, pilot)
        await pilot.pause()
        assert isinstance(app.screen, ReviewsScreen)
        assert app.screen.query_one(FeedbackPanel).marked is None
        said = [n.message for n in app._notifications]
        assert any("Pia Peer is not among your current reports" in m for m in said), said
