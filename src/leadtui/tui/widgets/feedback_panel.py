"""A person's feedback in a half, newest first: the evidence base for T3B3."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.table import Table
from textual.widget import Widget

from leadtui.domain.dates import short_day_label
from leadtui.domain.oneonones import Visibility
from leadtui.domain.reviews import Feedback, FeedbackKind
from leadtui.domain.text import literal
from leadtui.tui.keys import key_for
from leadtui.tui.widgets.styled_text import Part, styled

# The panel shows the newest; the review packet has them all.
SHOWN = 12


class FeedbackPanel(Widget):
    """Given a half's feedback entries, shows the newest: + for a strength, △ for growth,
    with private ones and those given in a 1:1 marked."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "feedback-panel--day",
        "feedback-panel--found",
        "feedback-panel--strength",
        "feedback-panel--growth",
        "feedback-panel--hint",
    }

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, classes=classes)
        self.entries: list[Feedback] = []
        self.today = date.min
        self.marked: int | None = None  # an entry search led to, shown and marked

    def show(
        self, entries: list[Feedback], half: str, today: date, marked: int | None = None
    ) -> None:
        """Show ``entries`` (oldest first, as the service gives them) given in ``half``,
        the one with id ``marked`` (a search hit) marked and shown even when older than
        the newest few."""
        self.entries, self.today, self.marked = entries, today, marked
        self.border_title = f"Feedback in {half} · {len(entries)}"
        self.border_subtitle = f"+ strength · △ growth · {self._key()} adds"
        self.refresh(layout=True)

    def _key(self) -> str:
        """The key that records feedback on Reviews now (the keymap may move it)."""
        return key_for(self, "reviews.feedback")

    def render(self) -> RenderableType:
        """The newest entries, or how to record the first."""
        if not self.entries:
            return styled(
                self,
                (
                    f"None yet. {self._key()} records what you saw (a strength or something "
                    f"to grow); in a 1:1, {key_for(self, '1on1.feedback', on='oneonones')} on "
                    "the One-on-ones screen files it under the session.",
                    "feedback-panel--hint",
                ),
            )
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column(no_wrap=True)
        grid.add_column()
        newest = list(reversed(self.entries))
        shown = newest[:SHOWN]
        found = next((e for e in newest[SHOWN:] if e.id == self.marked), None)
        if found is not None:
            # Search led here: the entry takes the last place rather than hide below.
            shown = [*shown[: SHOWN - 1], found]
        for entry in shown:
            strength = entry.kind is FeedbackKind.STRENGTH
            mark = (
                ("+", "feedback-panel--strength") if strength else ("△", "feedback-panel--growth")
            )
            words: list[Part | str] = [literal(entry.text)]
            notes = []
            if entry.visibility is Visibility.PRIVATE:
                notes.append("private")
            if entry.series_id is not None:
                notes.append("in a 1:1")
            if notes:
                words.append((f" ({', '.join(notes)})", "feedback-panel--hint"))
            day = (short_day_label(entry.given_on, self.today), "feedback-panel--day")
            if entry.id == self.marked:
                day = (f"▸ {day[0]}", "feedback-panel--found")
            grid.add_row(
                styled(self, day),
                styled(self, mark),
                styled(self, *words),
            )
        if len(newest) <= SHOWN:
            return grid
        more = f"… {len(newest) - SHOWN} earlier; the review packet (e) has all"
        return Group(grid, styled(self, (more, "feedback-panel--hint")))
