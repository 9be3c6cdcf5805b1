"""Agenda templates on the One-on-ones screen: T chooses one and adds its points, a new
report's document offers the first one-on-one's, and the palette and F1 name the key."""

from __future__ import annotations

from pathlib import Path

from leadtui.domain.people_input import PersonDraft
from leadtui.domain.templates_input import BUILTIN, FIRST_ONE_ON_ONE
from leadtui.services.oneonones import add_point
from leadtui.services.people import add_person
from leadtui.store.database import open_database
from leadtui.tui.app import LeadtuiApp
from leadtui.tui.dialogs.choose import ChooseScreen
from leadtui.tui.screens.oneonones import OneOnOnesScreen
from leadtui.tui.widgets.running_document import RunningDocumentView
from tests.helpers import SMALL, TODAY, plain_text


def point_texts(db_path: Path) -> list[str]:
    db = open_database(db_path)
    try:
        return [row[0] for row in db.execute("select text from oo_point order by id")]
    finally:
        db.close()


async def test_t_offers_the_first_one_on_one_and_adds_its_points(
    app: LeadtuiApp, db_path: Path
) -> None:
    db = open_database(db_path)
    sam = add_person(db, PersonDraft(name="Sam Okafor", relation="report"))
    first = next(t for t in BUILTIN if t.name == FIRST_ONE_ON_ONE)
    add_point(db, sam, TODAY, text=first.points[1])
    db.close()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("o")
        assert isinstance(app.screen, OneOnOnesScreen)
        await pilot.pause()
        shown = plain_text(app.screen.query_one("#oo-draft"))
        assert f"T adds the {FIRST_ONE_ON_ONE} agenda" in shown
        await pilot.press("T")
        await pilot.pause()
        assert isinstance(app.screen, ChooseScreen)
        assert app.screen.labels[0].startswith(FIRST_ONE_ON_ONE)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, OneOnOnesScreen)
        assert point_texts(db_path) == [first.points[1], first.points[0], *first.points[2:]]
        assert app.screen.query_one(RunningDocumentView) is not None
        # One undo takes the whole agenda back.
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert point_texts(db_path) == [first.points[1]]


async def test_a_user_template_is_offered_and_a_bad_file_is_named(
    app: LeadtuiApp, db_path: Path, isolated_home: Path
) -> None:
    folder = isolated_home / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "goals.toml").write_text(
        'name = "goals"\ndescription = "Goals"\npoints = ["Goal one"]\n', encoding="utf-8"
    )
    (folder / "broken.toml").write_text('name = "x"\n', encoding="utf-8")
    db = open_database(db_path)
    add_person(db, PersonDraft(name="Ade Bello", relation="peer"))
    db.close()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("T")
        await pilot.pause()
        assert isinstance(app.screen, ChooseScreen)
        labels = app.screen.labels
        assert labels[0].startswith("new-peer") and any(x.startswith("goals") for x in labels)
        notices = [n.message for n in app._notifications]
        assert any("'broken.toml'" in n for n in notices), notices
        await pilot.press(
            *["down"] * labels.index(next(x for x in labels if x.startswith("goals")))
        )
        await pilot.press("enter")
        await pilot.pause()
        assert point_texts(db_path) == ["Goal one"]


async def test_the_template_key_is_in_the_palette_and_help(app: LeadtuiApp) -> None:
    from leadtui.tui.keys import screen_actions

    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("o")
        await pilot.pause()
        actions = {binding.id for _area, binding in screen_actions(app.screen)}
        assert "1on1.template" in actions
        assert "**T** adds an agenda template" in OneOnOnesScreen.HELP


async def test_holding_says_star_rates_it_and_the_trend_shows(
    app: LeadtuiApp, db_path: Path
) -> None:
    from leadtui.services.oneonones import running_document
    from leadtui.tui.dialogs.confirm import ConfirmScreen
    from leadtui.tui.dialogs.text_prompt import TextPrompt

    db = open_database(db_path)
    sam = add_person(db, PersonDraft(name="Sam Okafor", relation="report"))
    db.close()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("H")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert any("Was it useful? * rates it" in n.message for n in app._notifications)
        await pilot.press("asterisk")
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt)
        await pilot.press("4", "enter")
        await pilot.pause()
        shown = plain_text(app.screen.query_one("#oo-draft"))
        assert "Was it useful? 4" in shown
        await pilot.press("asterisk")
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt)
        await pilot.press("2", "enter")
        await pilot.pause()
    db = open_database(db_path)
    try:
        assert running_document(db, sam, TODAY).ratings == [2]
    finally:
        db.close()
