"""config.toml's [keymap]: every binding id a screen, dialog or widget declares can be
given other keys, and answers to them."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.binding import Binding
from textual.dom import DOMNode
from textual.widgets import Static

from leadtui.config import Settings
from leadtui.domain.rotations_input import CapacityDraft
from leadtui.services.rotations import add_capacity
from leadtui.store.database import open_database
from leadtui.tui.dialogs.rotation_roster import RosterDialog
from leadtui.tui.keymap import binding_ids, declaring_classes
from leadtui.tui.screens.rotations import RotationsScreen
from tests.helpers import SIZE, SMALL, TODAY, make_app, plain_text

# A key no class of the app binds, so a remapped binding is the only one on it.
FREE_KEY = "f19"


def test_the_ids_come_from_every_kind_of_class() -> None:
    """Screens, dialogs, widgets and the app shell all declare ids the keymap takes."""
    ids = binding_ids()
    for family in ("go.", "app.", "people.", "roster.", "card.", "records.", "help."):
        assert any(i.startswith(family) for i in ids), family
    assert "message.quit" in ids
    assert all(not i.startswith(("textual.", "command_palette.")) for i in ids)


def test_no_class_of_the_app_binds_the_free_key() -> None:
    for cls in declaring_classes():
        assert isinstance(cls, type) and issubclass(cls, DOMNode)
        assert FREE_KEY not in cls._merge_bindings().key_to_bindings, cls


@pytest.mark.parametrize("binding_id", sorted(binding_ids()))
def test_every_declared_id_can_be_remapped(binding_id: str) -> None:
    """On every class that binds it, the id moves to the new key and off its old ones."""
    classes = [
        cls
        for cls in declaring_classes()
        if any(isinstance(b, Binding) and b.id == binding_id for b in vars(cls).get("BINDINGS", []))
    ]
    assert classes
    for cls in classes:
        assert issubclass(cls, DOMNode)
        bindings = cls._merge_bindings()
        bindings.apply_keymap({binding_id: FREE_KEY})
        moved = bindings.key_to_bindings.get(FREE_KEY, [])
        # A binding on several keys ("down,j") lands once per key it had, all the same.
        assert moved and {b.id for b in moved} == {binding_id}, cls
        elsewhere = [
            key
            for key, on_key in bindings.key_to_bindings.items()
            if key != FREE_KEY and any(b.id == binding_id for b in on_key)
        ]
        assert elsewhere == [], cls


async def test_ids_of_dialogs_and_widgets_are_not_called_unknown(
    db_path: Path, isolated_home: Path
) -> None:
    keymap = {"roster.add": "n", "card.open": "o", "message.quit": "x", "records.edit": "E"}
    app = make_app(db_path, isolated_home, Settings(keymap=keymap))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not [n for n in app.notices if "unknown" in n]


async def test_a_dialog_answers_to_its_remapped_key(db_path: Path, isolated_home: Path) -> None:
    db = open_database(db_path)
    add_capacity(db, CapacityDraft(name="Incident Review"), TODAY)
    db.close()
    app = make_app(db_path, isolated_home, Settings(keymap={"roster.close": "f9"}))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("W", "r")
        await pilot.pause()
        assert isinstance(app.screen, RosterDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RosterDialog)
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, RotationsScreen)


async def test_the_refusal_message_quits_on_its_remapped_key(
    db_path: Path, isolated_home: Path
) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_text("not a database at all")
    app = make_app(db_path, isolated_home, Settings(keymap={"message.quit": "f9"}))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        hint = app.screen.query_one(".message-hint", Static)
        assert plain_text(hint).strip() == "Press f9 to quit."
        await pilot.press("q")
        await pilot.pause()
        assert app.is_running
        await pilot.press("f9")
        await pilot.pause()
    assert app.return_code == 2


async def test_an_unknown_id_is_named_with_where_the_ids_are_listed(
    db_path: Path, isolated_home: Path
) -> None:
    keymap = {"people.ad": "n", "people.add": "n"}
    app = make_app(db_path, isolated_home, Settings(keymap=keymap))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        [notice] = [n for n in app.notices if "unknown" in n]
        assert notice == (
            "[keymap] ignores unknown binding ids: people.ad "
            "(every id is listed under Binding ids in docs/design.md)"
        )
    design = (Path(__file__).parents[2] / "docs" / "design.md").read_text(encoding="utf-8")
    assert "## Binding ids" in design and "| `people.add` |" in design
