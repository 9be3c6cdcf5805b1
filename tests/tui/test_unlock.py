"""The unlock screen: the passphrase typed is never shown and is handed to the store."""

from __future__ import annotations

from textual.widgets import Input

from leadtui.tui.unlock import UnlockApp
from tests.helpers import SMALL, plain_text


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
