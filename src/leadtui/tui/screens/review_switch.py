"""Reviews' "remove the text after delivery" switch, behind a question: the switch decides
whether the six Top and Bottom texts outlive the delivery, so it is never flipped by a
stray key."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from leadtui.tui.dialogs.confirm import ConfirmScreen

if TYPE_CHECKING:
    from leadtui.tui.screens.base import LeadtuiScreen

# (question, detail, yes) for switching on (True) and off (False).
QUESTIONS = {
    True: (
        "Remove the six texts when the T3B3 is delivered?",
        "Delivering then deletes the Top and Bottom texts and keeps only the fact that it "
        "was delivered.",
        "Remove",
    ),
    False: (
        "Keep the six texts after delivery?",
        "The texts then stay after delivery, private to you.",
        "Keep",
    ),
}
SWITCHED = {
    True: "After delivery the text is removed; only the fact is kept",
    False: "After delivery the text is kept, private to you",
}


def ask_remove_text(screen: LeadtuiScreen, remove: bool, switch: Callable[[], object]) -> None:
    """Ask before switching "remove the text after delivery" to ``remove``; on yes run
    ``switch`` (the write, None when refused) and say what delivery now does."""

    def answered(yes: bool | None) -> None:
        if yes and switch() is not None:
            screen.notify(SWITCHED[remove], title=screen.AREA, markup=False)

    screen.app.push_screen(ConfirmScreen(*QUESTIONS[remove]), answered)
