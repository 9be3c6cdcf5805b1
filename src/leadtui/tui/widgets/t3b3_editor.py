"""One person's T3B3 for a half: who, where it stands, the six slots, the slot in full,
and which of the screen's editing keys apply to what is shown."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.markup import escape
from textual.widgets import Static

from leadtui.domain.dates import Half
from leadtui.domain.reviews import T3B3Side
from leadtui.domain.text import literal
from leadtui.services.reviews import T3B3View
from leadtui.tui.widgets.slot_detail import SlotDetail
from leadtui.tui.widgets.t3b3_heading import T3B3Heading
from leadtui.tui.widgets.t3b3_slots import Slot, T3B3Slots


def half_span(half: Half, start_month: int) -> str:
    """``Jul–Dec 2026`` (or ``Oct 2026–Mar 2027`` for a year that starts in October)."""
    first, last = half.bounds(start_month)
    if first.year == last.year:
        return f"{first:%b}–{last:%b %Y}"
    return f"{first:%b %Y}–{last:%b %Y}"


class T3B3Editor(Vertical):
    """The editor panel, given a T3B3 view: the person and half in its border, their
    title and team, the state, the slots and the highlighted slot's detail, which it
    keeps in step with the highlight. The slots' messages go on up to the screen."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, classes=classes)
        self.view: T3B3View | None = None
        self.today = date.min

    def compose(self) -> ComposeResult:
        yield Static("", id="rv-about")
        yield T3B3Heading(id="rv-heading")
        yield T3B3Slots(id="rv-slots")
        yield SlotDetail(id="rv-detail")

    def show(self, view: T3B3View, today: date, start_month: int) -> None:
        """Show ``view``, keeping the highlight on the same slot."""
        self.view, self.today = view, today
        person, half = view.person, view.half
        span = half_span(half, start_month)
        self.border_title = escape(f"{literal(person.name)} · {half.label} ({span})")
        self.border_subtitle = (
            "read-only"
            if view.t3b3.delivered_on is not None
            else "T/B add · enter edit · x remove · [ ] order · l link"
        )
        about = " · ".join(part for part in (person.title, person.team, person.level) if part)
        about_line = self.query_one("#rv-about", Static)
        about_line.update(Text(literal(about)))
        # A class rather than display: the stylesheet also hides it on short terminals.
        about_line.set_class(not about, "-empty")
        self.query_one(T3B3Heading).show(view, today)
        slots = self.query_one(T3B3Slots)
        slots.show(view, today)
        self.query_one(SlotDetail).show(view, slots.slot, today)

    @property
    def slot(self) -> Slot | None:
        """The highlighted slot."""
        return self.query_one(T3B3Slots).slot

    def select(self, key: str) -> None:
        """Highlight the slot with this key (``bottom:2``)."""
        self.query_one(T3B3Slots).select(key)

    def offers(self, action: str, *parameters: object) -> bool:
        """Whether the screen's ``action`` applies to what is shown, so the footer offers
        only those: Deliver before delivery; Link on a Bottom item of a T3B3 that may
        change, Unlink on a linked one; Remove and reorder on a filled slot; Focus on a
        Bottom item; Dismiss on an overdue T3B3. The other
        editing keys stay live on a delivered T3B3 to say why it is read-only."""
        view = self.view
        if view is None:
            return False
        delivered = view.t3b3.delivered_on is not None
        if action == "deliver":
            return not delivered
        if action == "undeliver":
            return delivered
        slot = self.slot
        item = slot.item if slot is not None else None
        if action in ("link", "unlink"):
            if delivered or item is None or item.side is not T3B3Side.BOTTOM:
                return False
            return action == "link" or item.linked
        if action == "ritual" and parameters == ("dismiss",):
            return view.overdue
        if action == "ritual":  # the succession focus: from a Bottom item
            return item is not None and item.side is T3B3Side.BOTTOM
        if action in ("remove", "move"):
            return item is not None
        return True

    @on(T3B3Slots.SlotHighlighted)
    def _follow(self, message: T3B3Slots.SlotHighlighted) -> None:
        if self.view is not None:
            self.query_one(SlotDetail).show(self.view, message.slot, self.today)
