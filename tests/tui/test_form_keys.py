"""How every form answers its keys: enter moves to the next field and saves only from the
last one, ctrl+s saves from anywhere, esc asks before dropping what was typed; a prompt
for a person's name completes it; the talking point dialog can make a point private; the
vacation pledge has one default in the app and the shell; a question's footer and button
say the same word."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Button, Checkbox, Input, Select

from leadtui.domain.oneonones import Visibility
from leadtui.domain.people_input import PersonDraft
from leadtui.services import oneonones, people, succession
from leadtui.store.database import open_database
from leadtui.tui.app import LeadtuiApp
from leadtui.tui.dialogs.confirm import ConfirmScreen
from leadtui.tui.dialogs.oneonone_forms import PointForm
from leadtui.tui.dialogs.person_form import PersonForm
from leadtui.tui.screens.people import PeopleScreen
from tests.helpers import SIZE, TODAY, cli, make_app


def top(app: LeadtuiApp) -> object:
    """The screen in front (read afresh: a key may have changed it)."""
    return app.screen


def stored_names(db_path: Path) -> list[str]:
    db = open_database(db_path)
    try:
        return [p.name for p in people.list_people(db, include_archived=True)]
    finally:
        db.close()


async def open_add_person(app: LeadtuiApp, pilot: Pilot[Any]) -> PersonForm:
    await pilot.press("p", "a")
    await pilot.pause()
    form = app.screen
    assert isinstance(form, PersonForm)
    return form


async def test_enter_in_the_first_field_moves_on_and_saves_nothing(
    app: LeadtuiApp, db_path: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        form = await open_add_person(app, pilot)
        await pilot.press(*"Ana Diaz", "enter")
        await pilot.pause()
        assert app.screen is form
        assert form.focused is form.query_one("#field-relation", Select)
        assert stored_names(db_path) == []
        hint = str(form.query_one(".form").border_subtitle)
        assert hint == "enter: next field · ctrl+s: save · esc: cancel"


async def test_enter_in_the_last_field_saves(app: LeadtuiApp, db_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        form = await open_add_person(app, pilot)
        await pilot.press(*"Ana Diaz")
        # Through the one-line fields with enter: team, the start date, then the email,
        # the last one.
        form.query_one("#field-team", Input).focus()
        await pilot.press(*"Payments", "enter")
        await pilot.pause()
        assert form.focused is form.query_one("#field-started_on", Input)
        await pilot.press("enter")
        await pilot.pause()
        assert form.focused is form.query_one("#field-email", Input)
        assert stored_names(db_path) == []
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen)
    assert stored_names(db_path) == ["Ana Diaz"]


async def test_ctrl_s_saves_from_the_first_field(app: LeadtuiApp, db_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        form = await open_add_person(app, pilot)
        await pilot.press(*"Ana Diaz")
        assert form.focused is form.query_one("#field-name", Input)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen)
    assert stored_names(db_path) == ["Ana Diaz"]


async def test_esc_asks_before_dropping_what_was_typed(app: LeadtuiApp, db_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        form = await open_add_person(app, pilot)
        await pilot.press(*"Ana Diaz", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert top(app) is form
        assert form.query_one("#field-name", Input).value == "Ana Diaz"
        # A choice changed is a change too.
        form.query_one("#field-name", Input).value = ""
        form.query_one("#field-relation", Select).value = "peer"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen)
    assert stored_names(db_path) == []


async def test_esc_closes_a_form_left_as_it_opened(app: LeadtuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_add_person(app, pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen)


def with_kai(db_path: Path) -> None:
    from leadtui.demo import seed_demo

    db = open_database(db_path)
    seed_demo(db, today=TODAY, people=8, years=1)
    people.add_person(db, PersonDraft(name="Kai Nakamura", relation="report"))
    db.close()


async def test_a_hand_over_completes_the_name_being_typed(
    db_path: Path, isolated_home: Path
) -> None:
    with_kai(db_path)
    app = make_app(db_path, isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("S", "3")
        await pilot.pause()
        await pilot.press("h", *"Hiring / ka")
        await pilot.pause()
        field = app.screen.query_one("#field-text", Input)
        assert field._suggestion == "Hiring / Kai Nakamura"
        await pilot.press("right", "enter")  # right takes the suggestion
        await pilot.pause()
    db = open_database(db_path)
    try:
        vacation = next(v for v in succession.list_vacations(db) if v.ends_on >= TODAY)
        cover = next(c for c in vacation.covers if c.responsibility == "Hiring")
        assert cover.person_id is not None
        assert people.get_person(db, cover.person_id).name == "Kai Nakamura"
    finally:
        db.close()


async def test_the_hosts_complete_each_name_after_a_comma(
    db_path: Path, isolated_home: Path
) -> None:
    with_kai(db_path)
    app = make_app(db_path, isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("W")
        await pilot.pause()
        await pilot.press("H")
        await pilot.pause()
        field = app.screen.query_one("#field-people", Input)
        field.value = ""
        await pilot.press(*"Someone, KA")
        await pilot.pause()
        assert field._suggestion == "Someone, Kai Nakamura"


async def test_the_point_dialog_stores_a_private_point(db_path: Path, isolated_home: Path) -> None:
    db = open_database(db_path)
    sam = people.add_person(db, PersonDraft(name="Sam Okafor", relation="report"))
    db.close()
    app = make_app(db_path, isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()

        def save(values: dict[str, object]) -> None:
            oneonones.add_point(app.db, sam, TODAY, **values)

        form = PointForm("me", save)
        await app.push_screen(form)
        await pilot.pause()
        await pilot.press(*"Salary band")
        switch = form.query_one("#field-visibility", Checkbox)
        switch.focus()
        await pilot.press("space")
        assert switch.value
        form.query_one("#field-text", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is not form
        points = oneonones.running_document(app.db, sam, TODAY).points
        assert [(p.text, p.visibility) for p in points] == [("Salary band", Visibility.PRIVATE)]


async def test_the_vacation_pledge_is_the_same_from_the_shell_and_the_app(
    db_path: Path, isolated_home: Path, tmp_path: Path
) -> None:
    shell_db = tmp_path / "shell.db"
    ran = cli("vacation", "add", "2026-12-14", "2026-12-27", "--db", str(shell_db))
    assert ran.returncode == 0, ran.stderr
    listed = json.loads(cli("vacation", "list", "--json", "--db", str(shell_db)).stdout)
    from_shell = [v["no_chiming_in"] for v in listed["vacations"]]

    app = make_app(db_path, isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("S", "3")
        await pilot.pause()
        await pilot.press("v", *"2026-12-14 2026-12-27", "enter")
        await pilot.pause()
    db = open_database(db_path)
    try:
        from_app = [v.no_chiming_in for v in succession.list_vacations(db)]
    finally:
        db.close()
    assert from_shell == from_app == [True]


async def test_a_question_says_the_same_word_in_its_footer_and_its_button(
    app: LeadtuiApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.push_screen(ConfirmScreen("Discard what you wrote?", yes="Discard"))
        await pilot.pause()
        button = str(app.screen.query_one("#yes", Button).label)
        shown = {
            binding.key: binding.description
            for _, binding, _, _ in app.screen.active_bindings.values()
        }
        assert button == "Discard (y)"
        assert shown["y"] == "Discard"


async def test_a_delegation_completes_the_name_after_delegate_and_only_there() -> None:
    from leadtui.tui.dialogs.forms import NameSuggester
    from leadtui.tui.dialogs.succession_prompts import AuditPrompt

    names = ["Ana Lima", "Kai Nakamura"]
    suggester = NameSuggester(names, AuditPrompt.NAMES_AFTER)
    assert await suggester.get_suggestion("Delegate ka") == "Delegate Kai Nakamura"
    assert await suggester.get_suggestion("delegated  KAI N") == "delegated  Kai Nakamura"
    # Elsewhere in the line there is no name to complete.
    assert await suggester.get_suggestion("partner ka") is None
    assert await suggester.get_suggestion("ka") is None
    assert await NameSuggester(names).get_suggestion("ka") == "Kai Nakamura"
