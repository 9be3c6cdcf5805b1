"""The export dialog: the copy is always chosen (Shared or Private), the suggested file is
in the working folder and named for the copy, and the document is read and written in a
thread worker on a connection of its own."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, RadioButton, RadioSet

from leadtui.domain.privacy import Audience
from leadtui.store.database import Store
from leadtui.tui.app import LeadtuiApp
from leadtui.tui.dialogs.export_prompt import ExportDialog, ask_export, slug
from leadtui.tui.screens.base import LeadtuiScreen
from tests.helpers import SIZE, TODAY, cli, make_app


@pytest.fixture
def seeded(db_path: Path) -> Path:
    """Sam with a series, a shared point and a private one."""
    db = ["--db", str(db_path)]
    assert cli("people", "add", "Sam Okafor", *db).returncode == 0
    assert cli("1on1", "series", "sam", "--weekday", "tue", *db).returncode == 0
    assert cli("1on1", "add", "sam", "Shared point", *db).returncode == 0
    assert cli("1on1", "add", "sam", "SECRET point", "--private", *db).returncode == 0
    return db_path


class Rendered:
    """A render of Sam's 1:1 document that notes the thread and connection it ran on."""

    def __init__(self) -> None:
        self.threads: list[threading.Thread] = []
        self.stores: list[Store] = []

    def __call__(self, store: Store, audience: Audience) -> str:
        from leadtui.export.oneonone import oneonone_document
        from leadtui.services.oneonones import ALL_HISTORY, running_document
        from leadtui.services.people import get_person

        self.threads.append(threading.current_thread())
        self.stores.append(store)
        doc = running_document(store, get_person(store, 1), TODAY, history=ALL_HISTORY)
        return oneonone_document(doc, audience, TODAY)


async def choose(app: LeadtuiApp, dialog: ExportDialog, copy: str, pilot: Any) -> None:
    buttons = dialog.query_one("#field-audience", RadioSet).query(RadioButton)
    await pilot.click(buttons[0 if copy == "shared" else 1])
    await pilot.pause()


async def export(app: LeadtuiApp, render: Rendered, pilot: Any) -> ExportDialog:
    screen = app.screen
    assert isinstance(screen, LeadtuiScreen)
    ask_export(screen, "1:1 document", "sam-okafor-1on1-shared.md", render)
    await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, ExportDialog)
    return dialog


async def save(app: LeadtuiApp, pilot: Any) -> None:
    await pilot.press("ctrl+s")
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_the_copy_is_chosen_and_names_the_file_in_the_working_folder(
    seeded: Path, isolated_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app, render = make_app(seeded, isolated_home), Rendered()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        dialog = await export(app, render, pilot)
        path = dialog.query_one("#field-path", Input)
        assert path.value == ""  # no copy is assumed, so no file either
        await save(app, pilot)
        assert app.screen is dialog and not render.threads
        assert "choose who the copy is for" in str(dialog.query_one("#form-error").render())
        assert dialog.query_one("#field-audience").has_class("-invalid")
        await choose(app, dialog, "private", pilot)
        assert path.value == str(tmp_path / "sam-okafor-1on1-private.md")
        await choose(app, dialog, "shared", pilot)
        assert path.value == str(tmp_path / "sam-okafor-1on1-shared.md")
        await save(app, pilot)
        assert app.screen is not dialog
        assert "Wrote the shared 1:1 document" in " ".join(
            str(n.message) for n in app._notifications
        )
        dialog = await export(app, render, pilot)
        await choose(app, dialog, "private", pilot)
        await save(app, pilot)
    shared = (tmp_path / "sam-okafor-1on1-shared.md").read_text()
    assert "Shared point" in shared and "SECRET" not in shared
    assert not shared.splitlines()[0].startswith("# Private")
    private = (tmp_path / "sam-okafor-1on1-private.md").read_text()
    assert private.startswith("# Private: ") and "SECRET point" in private
    for copy in ("shared", "private"):
        assert (tmp_path / f"sam-okafor-1on1-{copy}.md").stat().st_mode & 0o777 == 0o600
    # Read and written away from the app's thread, on a connection of the export's own.
    assert render.threads and all(t is not threading.main_thread() for t in render.threads)
    assert all(store is not app.db for store in render.stores)


async def test_an_existing_file_is_overwritten_only_when_saved_again(
    seeded: Path, isolated_home: Path, tmp_path: Path
) -> None:
    target = tmp_path / "sam.md"
    target.write_text("keep me")
    app, render = make_app(seeded, isolated_home), Rendered()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        dialog = await export(app, render, pilot)
        await choose(app, dialog, "shared", pilot)
        dialog.query_one("#field-path", Input).value = str(target)
        await save(app, pilot)
        assert app.screen is dialog
        error = str(dialog.query_one("#form-error").render())
        assert "sam.md exists; press enter again to overwrite it" in error
        assert dialog.focused is dialog.query_one("#field-path")
        assert target.read_text() == "keep me" and not render.threads
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is not dialog
    assert "Shared point" in target.read_text()


async def test_a_private_copy_never_keeps_a_shared_name(
    seeded: Path, isolated_home: Path, tmp_path: Path
) -> None:
    app, render = make_app(seeded, isolated_home), Rendered()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        dialog = await export(app, render, pilot)
        await choose(app, dialog, "private", pilot)
        dialog.query_one("#field-path", Input).value = str(tmp_path / "notes-shared.md")
        await save(app, pilot)
    assert not (tmp_path / "notes-shared.md").exists()
    assert (tmp_path / "notes-private.md").read_text().startswith("# Private: ")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Sam Okafor", "sam-okafor"),
        ("[bold]Sam", "sam"),
        ("[red]Sam[/red] Okafor", "sam-okafor"),
        ("Zoë  Ng", "zoe-ng"),
        ("../../etc/passwd", "etc-passwd"),
        ("O'Brien, Jr.", "o-brien-jr"),
        ("[]", "person"),
    ],
)
def test_file_names_are_a_clean_slug_of_the_name(name: str, expected: str) -> None:
    assert slug(name) == expected
