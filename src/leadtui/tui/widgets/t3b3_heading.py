"""Where a T3B3 stands: its state, what is left to do, and what happens to the text."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.widget import Widget

from leadtui.domain.dates import day_label
from leadtui.domain.reviews import T3B3Status
from leadtui.services.reviews import T3B3View
from leadtui.tui.keys import key_for
from leadtui.tui.widgets.styled_text import Part, styled


def delivery_note(view: T3B3View) -> str:
    """What the delivery dialog says first: the ritual, what happens to the text, and
    which Bottom items would come as a surprise."""
    flagged = view.t3b3.surprises()
    removal = (
        "The six texts are then removed; only the fact of the delivery is kept."
        if view.t3b3.remove_text
        else "The text is kept, private to you (X before delivering removes it instead)."
    )
    surprise = (
        f"\n⚠ Bottom {', '.join(str(i.rank) for i in flagged)} "
        f"{'has' if len(flagged) == 1 else 'have'} not been raised with them before: "
        "it will come as a surprise. Consider raising it in a 1:1 first."
        if flagged
        else ""
    )
    return "Top three and bottom three, told in person. " + removal + surprise


class T3B3Heading(Widget):
    """Above the slots: draft, ready or delivered (and when), Bottom items that would be a
    surprise, and whether delivering keeps or removes the text."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "t3b3-heading--state",
        "t3b3-heading--ready",
        "t3b3-heading--delivered",
        "t3b3-heading--surprise",
        "t3b3-heading--hint",
    }

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        super().__init__(id=id)
        self.view: T3B3View | None = None
        self.today = date.min

    def show(self, view: T3B3View, today: date) -> None:
        """Show where ``view``'s T3B3 stands."""
        self.view, self.today = view, today
        self.refresh(layout=True)

    def render(self) -> Text:
        """Two lines: the state and what to do; after delivery, one."""
        view = self.view
        if view is None:
            return Text()
        t = view.t3b3
        if t.delivered_on is not None:
            parts: list[Part | str] = [
                (
                    f"{t.status_text()} on {day_label(t.delivered_on, self.today)}",
                    "t3b3-heading--delivered",
                ),
                " · read-only",
            ]
            if t.text_removed:
                parts.append(
                    (" · the text was removed; only the fact is kept", "t3b3-heading--hint")
                )
            return styled(self, *parts)
        ready = t.status is T3B3Status.READY
        parts = [
            (t.status_text(), "t3b3-heading--ready" if ready else "t3b3-heading--state"),
            (
                f" · {key_for(self, 'reviews.deliver')} delivers"
                if ready
                else " · 3 Top + 3 Bottom to deliver",
                "t3b3-heading--hint",
            ),
        ]
        flagged = len(view.t3b3.surprises())
        if flagged:
            parts.append((f" · ⚠ {flagged} would be a surprise", "t3b3-heading--surprise"))
        parts += [
            ("\nAfter delivery: ", "t3b3-heading--hint"),
            "remove the text, keep the fact" if t.remove_text else "keep the text (private)",
            (" (r switches)", "t3b3-heading--hint"),
        ]
        return styled(self, *parts)
