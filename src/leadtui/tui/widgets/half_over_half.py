"""Last half beside this one: which of last half's areas to grow persist, which closed."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.table import Table
from textual.widget import Widget

from leadtui.domain.dates import day_label
from leadtui.domain.reviews import T3B3, Carried
from leadtui.domain.text import literal
from leadtui.tui.widgets.styled_text import styled


class HalfOverHalf(Widget):
    """Given last half's T3B3 and what became of its Bottom items, shows each area with
    "persists as …" or "closed"."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "half-over-half--state",
        "half-over-half--persists",
        "half-over-half--closed",
        "half-over-half--hint",
    }

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, classes=classes)
        self.previous: T3B3 | None = None
        self.carried: list[Carried] = []
        self.today = date.min

    def show(self, previous: T3B3, carried: list[Carried], today: date) -> None:
        """Show last half's ``previous`` T3B3 and its ``carried`` areas."""
        self.previous, self.carried, self.today = previous, carried, today
        self.border_title = f"Half over half · {previous.half}"
        self.refresh(layout=True)

    def render(self) -> RenderableType:
        """The state of last half's T3B3, then its areas to grow."""
        previous = self.previous
        if previous is None:
            return ""
        if previous.id == 0:
            return styled(self, (f"No T3B3 for {previous.half}.", "half-over-half--hint"))
        state = previous.status_text()
        if previous.delivered_on:
            state += f" on {day_label(previous.delivered_on, self.today)}"
        lines: list[RenderableType] = [styled(self, (state, "half-over-half--state"))]
        if previous.text_removed:
            lines.append(
                styled(
                    self,
                    ("Text removed after delivery; only the fact is kept.", "half-over-half--hint"),
                )
            )
            return Group(*lines)
        if not self.carried:
            lines.append(styled(self, ("No Bottom areas last half.", "half-over-half--hint")))
            return Group(*lines)
        lines.append(styled(self, ("Last half's areas to grow:", "half-over-half--hint")))
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column()
        for carried in self.carried:
            words = literal(carried.previous.text)
            if carried.now is not None:
                # A no-break space: wrapping must not swallow the gap after the label.
                now = f"\u00a0as “{literal(carried.now.text)}”"
                grid.add_row(
                    styled(self, ("●", "half-over-half--persists")),
                    styled(
                        self,
                        words + "\n",
                        ("persists", "half-over-half--persists"),
                        (now, "half-over-half--hint"),
                    ),
                )
            else:
                grid.add_row(
                    styled(self, ("✓", "half-over-half--closed")),
                    styled(self, words + "\n", ("closed", "half-over-half--closed")),
                )
        lines.append(grid)
        return Group(*lines)
