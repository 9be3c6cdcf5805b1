"""The unlock screen: the passphrase typed is never shown and is handed to the store."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Input

from leadtui.tui.unlock import UnlockApp
from tests.helpers import SIZE, SMALL, cli, make_app, plain_text


async def test_the_passphrase_typed_is_masked_and_returned_on_enter() -> None:
    app = UnlockApp("Passphrase for leadtui.db: ", 1, 3)
    async with app.run_test(size=SMALL) as pilot:
        field = app.query_one(Input)
        assert field.password
        await pilot.press(*"s3cret pass")
        await pilot.press("enter")
        await pilot.pause()
    assert app.return_value == b"s3cret pass"


async def test_a_second_try_says_the_first_was_wrong_and_escape_gives_up() -> None:
    app = UnlockApp("Passphrase for leadtui.db: ", 2, 3)
    async with app.run_test(size=SMALL) as pilot:
        shown = " ".join(plain_text(widget) for widget in app.screen.query("Static"))
        assert "does not open it (try 2 of 3)" in shown
        await pilot.press(*"abc")
        assert "abc" not in " ".join(plain_text(w) for w in app.screen.query("Static"))
        await pilot.press("escape")
        await pilot.pause()
    assert app.return_value is None


async def test_the_app_opens_an_encrypted_database_and_shows_its_people(
    db_path: Path, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from leadtui.store import encryption, keys
    from leadtui.store.database import open_database

    assert cli("--db", str(db_path), "people", "add", "Ana Ito").returncode == 0
    keys.forget_all()
    encryption.convert(db_path, None, keys.new_key(b"app passphrase"))
    keys.forget_all()
    monkeypatch.setenv("LEADTUI_PASSPHRASE", "app passphrase")
    app = make_app(db_path, isolated_home)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("p")
            await pilot.pause()
            table = app.screen.query_one(DataTable)
            assert [str(table.get_row_at(i)[0]) for i in range(table.row_count)] == ["Ana Ito"]
    finally:
        keys.forget_all()
    assert db_path.read_bytes()[:16] != b"SQLite format 3\x00"
    open_database(db_path).close()
