"""Hints that name a key ("a adds a talking point") name the key config.toml's keymap
gave the binding, as the footer does."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Static

from leadtui.config import Settings
from leadtui.domain.oneonones_input import SeriesDraft
from leadtui.domain.people_input import PersonDraft
from leadtui.services.people import archive_person
from leadtui.store.database import open_database
from leadtui.store.oneonones import OneOnOneRepository
from leadtui.store.people import PeopleRepository
from leadtui.tui.app import LeadtuiApp
from leadtui.tui.widgets.running_document import RunningDocumentView
from leadtui.tui.widgets.t3b3_slots import T3B3Slots
from tests.helpers import SIZE, TODAY, make_app, plain_text


def words(widget: Static) -> str:
    """What a Static shows, runs of spaces and line breaks made one space."""
    return " ".join(plain_text(widget).split())


def notices(app: LeadtuiApp) -> str:
    return " ".join(str(n.message) for n in app._notifications)


def add_report(db_path: Path, series: bool = False) -> None:
    db = open_database(db_path)
    person = PeopleRepository(db).add(PersonDraft(name="Sam Okafor", relation="report"))
    if series:
        OneOnOneRepository(db).save_series(
            person.id, SeriesDraft(weekday=1, starts_on=date(2026, 11, 3))
        )
    db.close()


async def test_one_on_ones_names_the_remapped_point_key(db_path: Path, isolated_home: Path) -> None:
    add_report(db_path, series=True)
    keymap = {"1on1.point": "P", "1on1.notes": "f19"}
    app = make_app(db_path, isolated_home, Settings(keymap=keymap))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        await pilot.pause()
        view = app.screen.query_one(RunningDocumentView)
        detail = words(view.query_one("#oo-detail", Static))
        assert "Nothing for next time yet: P adds a talking point, A one they raised" in detail
        assert "a adds" not in detail
        await pilot.press("N")  # fix a held session's notes: none held yet
        await pilot.pause()
        assert "No session held yet: f19 writes the upcoming one's notes." in notices(app)


async def test_people_names_the_remapped_add_key(db_path: Path, isolated_home: Path) -> None:
    app = make_app(db_path, isolated_home, Settings(keymap={"people.add": "n"}))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await pilot.pause()
        empty = words(app.screen.query_one("#people-empty", Static))
        assert "Press n to add someone" in empty
        await pilot.press("i")  # a person's context, with nobody listed
        await pilot.pause()
        assert "Nobody here yet: press n to add a person." in notices(app)


async def test_energy_names_the_remapped_work_key(db_path: Path, isolated_home: Path) -> None:
    app = make_app(db_path, isolated_home, Settings(keymap={"energy.work": "f19"}))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("E")
        await pilot.pause()
        work = words(app.screen.query_one("#energy-work", Static))
        assert "Nothing yet. Press f19 to log work that energizes you." in work


async def test_reviews_names_the_remapped_top_key(db_path: Path, isolated_home: Path) -> None:
    add_report(db_path)
    app = make_app(db_path, isolated_home, Settings(keymap={"reviews.top": "f19"}))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("R", "tab")
        await pilot.pause()
        slot = app.screen.query_one(T3B3Slots).item_text("top:1")
        assert "empty · enter or f19 fills it" in slot


async def test_a_key_whose_action_is_off_just_now_is_named_as_remapped(
    db_path: Path, isolated_home: Path
) -> None:
    """Archive is out of the bindings while nobody is listed; the hint still names its key."""
    add_report(db_path)
    db = open_database(db_path)
    archive_person(db, 1, TODAY)
    db.close()
    keymap = {"people.archive": "f19", "people.archived": "f18"}
    app = make_app(db_path, isolated_home, Settings(keymap=keymap))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await pilot.pause()
        empty = words(app.screen.query_one("#people-empty", Static))
        assert "f18 shows the 1 archived person; f19 on one brings them back" in empty
        assert "Press a to add someone" in empty


async def test_a_key_of_another_screen_is_named_as_remapped(
    db_path: Path, isolated_home: Path
) -> None:
    """Reviews with nobody to review says how to add a report on People, in its keys."""
    db = open_database(db_path)
    PeopleRepository(db).add(PersonDraft(name="Priya Peer", relation="peer"))
    db.close()
    keymap = {"go.people": "f18", "people.add": "f19,n"}
    app = make_app(db_path, isolated_home, Settings(keymap=keymap))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("R")
        await pilot.pause()
        empty = words(app.screen.query_one("#rv-empty", Static))
        assert "Add a report on the People screen (f18, then f19, relation report)" in empty


async def test_succession_names_the_remapped_keys(db_path: Path, isolated_home: Path) -> None:
    add_report(db_path)
    keymap = {"succession.meeting": "f19", "succession.gap": "f18"}
    app = make_app(db_path, isolated_home, Settings(keymap=keymap))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("S")
        await pilot.pause()
        assert "none noted: f18 adds one" in words(app.screen.query_one("#su-person", Static))
        await pilot.press("2")
        await pilot.pause()
        hint = words(app.screen.query_one("#su-audit-hint", Static))
        assert "No recurring meetings yet: f19 adds one" in hint
