"""Below the slots: what the highlighted slot holds and, for a Bottom item, its evidence."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.widget import Widget

from leadtui.domain.dates import short_day_label
from leadtui.domain.oneonones import Visibility
from leadtui.domain.reviews import EvidenceKind, T3B3Item, T3B3Side
from leadtui.domain.text import literal
from leadtui.services.reviews import T3B3View
from leadtui.tui.widgets.styled_text import styled
from leadtui.tui.widgets.t3b3_slots import Raised, Slot, distinct, evidence_text, raised

# What counts as raised before, said where an item is flagged (product.md).
RAISED_MEANS = (
    "only growth feedback they heard and shared 1:1 points discussed in a held 1:1 count, "
    "never praise"
)


class SlotDetail(Widget):
    """The highlighted slot in full: an empty slot says what to write; a Bottom item says
    what it was raised in before, or that it would be a surprise and what could link it."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "slot-detail--raised",
        "slot-detail--surprise",
        "slot-detail--hint",
        "slot-detail--title",
    }

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        super().__init__(id=id)
        self.view: T3B3View | None = None
        self.slot: Slot | None = None
        self.today = date.min

    def show(self, view: T3B3View, slot: Slot | None, today: date) -> None:
        """Show ``slot`` of ``view`` (nothing when no slot is highlighted)."""
        self.view, self.slot, self.today = view, slot, today
        self.refresh(layout=True)

    def _hint(self, words: str) -> Text:
        return styled(self, (words, "slot-detail--hint"))

    def render(self) -> RenderableType:
        """A few lines about the slot."""
        view, slot = self.view, self.slot
        if view is None or slot is None:
            return Text()
        if view.t3b3.text_removed:
            return self._hint(
                "The text was removed after delivery, as chosen; only the fact of the "
                "delivery is kept."
            )
        name = "Top" if slot.side is T3B3Side.TOP else "Bottom"
        item = slot.item
        if item is None:
            what = (
                "a strength: something they do that you want more of"
                if slot.side is T3B3Side.TOP
                else "an area to grow: raise it in a 1:1 or as growth feedback first, so it "
                "is no surprise"
            )
            return self._hint(f"{name} {slot.rank} is empty. Write {what}.")
        if slot.side is T3B3Side.TOP:
            return self._hint("A strength; Top items need no link.")
        return Group(*self._bottom(view, item))

    def _bottom(self, view: T3B3View, item: T3B3Item) -> list[RenderableType]:
        state, link = raised(view, item)
        delivered = view.t3b3.delivered_on is not None
        lines: list[RenderableType] = []
        if state is Raised.RAISED:
            where = f"in {evidence_text(link, self.today)}" if link is not None else ""
            lines.append(
                styled(
                    self,
                    ("✓ Raised before ", "slot-detail--raised"),
                    where,
                    ("" if delivered else " · u unlinks", "slot-detail--hint"),
                )
            )
        elif state is Raised.NOT_COUNTED and link is not None:
            lines.append(
                styled(
                    self,
                    ("⚠ Not raised before: ", "slot-detail--surprise"),
                    f"it is linked to {evidence_text(link, self.today)}, which does not count; ",
                    RAISED_MEANS + ".",
                )
            )
        elif delivered:
            lines.append(
                styled(
                    self,
                    (
                        "⚠ Delivered without a link to anything raised before.",
                        "slot-detail--surprise",
                    ),
                )
            )
        else:
            lines.append(
                styled(
                    self,
                    ("⚠ Would be a surprise: ", "slot-detail--surprise"),
                    "nothing raised before is linked. Raise it in the next 1:1 or give growth "
                    "feedback (f) before the review.",
                )
            )
        if delivered:
            return lines
        candidates = distinct(e for e in view.suggestions.get(item.id, []) if e != link)
        if candidates:
            lines.append(
                styled(self, ("Growth evidence sharing words (l links one):", "slot-detail--title"))
            )
            grid = Table.grid(padding=(0, 1))
            grid.add_column(no_wrap=True)
            grid.add_column(no_wrap=True)
            grid.add_column()
            for e in candidates:
                where = "feedback" if e.kind is EvidenceKind.FEEDBACK else "1:1 point"
                words: list[tuple[str, str] | str] = [literal(e.text)]
                if e.visibility is Visibility.PRIVATE:
                    words.append((" (private)", "slot-detail--hint"))
                grid.add_row(
                    self._hint(short_day_label(e.on, self.today)), where, styled(self, *words)
                )
            lines.append(grid)
        elif state is not Raised.RAISED:
            first = view.half.previous().label
            lines.append(
                self._hint(
                    f"No growth feedback or 1:1 point since {first} shares words with it; "
                    "l lists them all."
                )
            )
        return lines
