"""The six T3B3 slots (Top 1–3, Bottom 1–3) and how a Bottom item shows "no surprises"."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from enum import StrEnum
from typing import ClassVar, NamedTuple

from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.table import Table
from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from leadtui.domain.dates import day_label
from leadtui.domain.reviews import SLOTS, Evidence, EvidenceKind, T3B3Item, T3B3Side, side_name
from leadtui.domain.text import literal
from leadtui.services.reviews import T3B3View
from leadtui.tui.keys import key_for
from leadtui.tui.widgets.styled_text import Part, styled

# --- what a Bottom item's link is worth -------------------------------------------------


class Raised(StrEnum):
    """Whether a Bottom item shows it was raised with the person before."""

    RAISED = "raised"  # linked to growth feedback they heard or a discussed shared point
    NOT_COUNTED = "not counted"  # linked, but to something that does not count (praise …)
    UNLINKED = "unlinked"


def raised(view: T3B3View, item: T3B3Item) -> tuple[Raised, Evidence | None]:
    """How ``item`` stands and what it is linked to.

    Whether a link counts is the domain's one rule
    (:func:`~leadtui.domain.reviews.raised_before`), so the slot, the heading, the
    board's ⚠ count, delivery and the exports never disagree: a link to praise, to a
    private note given outside a 1:1 or to a point no longer shared or discussed (made
    before a rule) leaves the item flagged as a surprise all the same.
    """
    if not item.linked:
        return Raised.UNLINKED, None
    return (Raised.RAISED if item.raised else Raised.NOT_COUNTED), view.linked.get(item.id)


def evidence_text(evidence: Evidence, today: date) -> str:
    """``feedback of Thu 10 Sep: “…”`` for a linked or suggested item."""
    where = "feedback" if evidence.kind is EvidenceKind.FEEDBACK else "a 1:1 point"
    return f"{where} of {day_label(evidence.on, today)}: “{literal(evidence.text)}”"


def distinct(evidence: Iterable[Evidence]) -> list[Evidence]:
    """Keep the first of each wording: a point asked every session ("How is your
    energy?") or copied into several is one candidate, not a dozen."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for e in evidence:
        mark = (e.kind, e.text.casefold())
        if mark not in seen:
            seen.add(mark)
            kept.append(e)
    return kept


def link_choices(view: T3B3View, item: T3B3Item) -> tuple[list[Evidence], list[Evidence]]:
    """What a Bottom item may be linked to: the evidence sharing words with it, most
    shared first, then the rest, newest first, each wording once.

    Only the service's candidates are offered: growth feedback the person heard and
    shared points discussed in a held 1:1. Praise is never among them.
    """
    suggested = distinct(view.suggestions.get(item.id, []))
    newest = sorted(view.candidates, key=lambda e: (e.on, e.id), reverse=True)
    return suggested, distinct([*suggested, *newest])[len(suggested) :]


# --- the slots ----------------------------------------------------------------------------


class Slot(NamedTuple):
    """One of the six places: its side, its rank and the item in it (None when empty)."""

    side: T3B3Side
    rank: int
    item: T3B3Item | None

    @property
    def key(self) -> str:
        """``top:1`` … ``bottom:3``."""
        return f"{self.side.value}:{self.rank}"


def slots_of(view: T3B3View) -> list[Slot]:
    """Top 1–3 then Bottom 1–3, with the items that fill them."""
    found = []
    for side in (T3B3Side.TOP, T3B3Side.BOTTOM):
        items = view.t3b3.side(side)
        for rank in range(1, SLOTS + 1):
            found.append(Slot(side, rank, items[rank - 1] if rank <= len(items) else None))
    return found


class SlotPrompt:
    """One slot as the list draws it: the label, the words, and for a Bottom item one
    line on what it was raised in before. Styled when drawn, like every coloured text here."""

    def __init__(self, slots: T3B3Slots, view: T3B3View, slot: Slot, today: date) -> None:
        self.slots = slots
        self.slot = slot
        self.words, self.status = self._parts(view, slot, today)

    def _key(self, name: str) -> str:
        """The key of the Reviews binding ``reviews.<name>`` now (the keymap may move it)."""
        return key_for(self.slots, f"reviews.{name}")

    def _parts(self, view: T3B3View, slot: Slot, today: date) -> tuple[list[Part], list[Part]]:
        item, t3b3 = slot.item, view.t3b3
        if item is None:
            if t3b3.text_removed:
                return [("text removed after delivery", "t3b3-slots--vacant")], []
            if t3b3.delivered_on is not None:
                return [("—", "t3b3-slots--vacant")], []
            key = self._key("top" if slot.side is T3B3Side.TOP else "bottom")
            return [(f"empty · enter or {key} fills it", "t3b3-slots--vacant")], []
        words: list[Part] = [(literal(item.text), "")]
        if slot.side is T3B3Side.TOP:
            return words, []
        state, evidence = raised(view, item)
        if state is Raised.RAISED:
            if evidence is None:
                return words, [("✓ raised before", "t3b3-slots--raised")]
            where = ("in " + evidence_text(evidence, today), "t3b3-slots--hint")
            return words, [("✓ raised before ", "t3b3-slots--raised"), where]
        if state is Raised.NOT_COUNTED:
            return words, [("⚠ linked to what was not raised as growth", "t3b3-slots--surprise")]
        status: list[Part] = [("⚠ would be a surprise", "t3b3-slots--surprise")]
        if view.suggestions.get(item.id) and t3b3.delivered_on is None:
            status.append((f" · {self._key('link')} links a candidate", "t3b3-slots--hint"))
        return words, status

    @property
    def plain(self) -> str:
        """The words and the status line, unstyled."""
        words = "".join(w for w, _ in self.words)
        return words + ("\n" + "".join(w for w, _ in self.status) if self.status else "")

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        slots, slot = self.slots, self.slot
        label_class = "t3b3-slots--label" if slot.item else "t3b3-slots--vacant"
        label = styled(slots, (f"{side_name(slot.side)} {slot.rank}", label_class))
        words = styled(slots, *self.words)
        body: Text | Group = words
        if self.status:
            # One line here; the panel below the slots has the whole text.
            status = styled(slots, *self.status)
            status.no_wrap, status.overflow = True, "ellipsis"
            body = Group(words, status)
        grid = Table.grid(padding=(0, 1), expand=True)
        grid.add_column(width=8, no_wrap=True)
        grid.add_column(ratio=1)
        grid.add_row(label, body)
        yield grid


class T3B3Slots(OptionList):
    """The six slots of the T3B3 it is given, one option each; moving and choosing post
    :class:`SlotHighlighted` and :class:`SlotSelected`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="table.down"),
        Binding("k", "cursor_up", "Up", show=False, id="table.up"),
        Binding("g", "first", "First", show=False, id="table.first"),
        Binding("G", "last", "Last", show=False, id="table.last"),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "t3b3-slots--label",
        "t3b3-slots--vacant",
        "t3b3-slots--raised",
        "t3b3-slots--surprise",
        "t3b3-slots--hint",
    }

    class SlotHighlighted(Message):
        """The highlight moved to a slot."""

        def __init__(self, slot: Slot) -> None:
            super().__init__()
            self.slot = slot

    class SlotSelected(Message):
        """Enter (or a click) on a slot: fill it or edit its item."""

        def __init__(self, slot: Slot) -> None:
            super().__init__()
            self.slot = slot

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        super().__init__(id=id)
        self.slots: list[Slot] = []

    def show(self, view: T3B3View, today: date) -> None:
        """Show ``view``'s six slots, keeping the highlight on the same slot."""
        keep = self.slot.key if self.slot is not None else None
        self.slots = slots_of(view)
        self.set_options(
            Option(SlotPrompt(self, view, slot, today), id=slot.key) for slot in self.slots
        )
        keys = [slot.key for slot in self.slots]
        self.highlighted = keys.index(keep) if keep in keys else 0

    def select(self, key: str) -> None:
        """Highlight the slot with this key (``bottom:2``), if there is one."""
        keys = [slot.key for slot in self.slots]
        if key in keys:
            self.highlighted = keys.index(key)

    def select_item(self, item_id: int) -> bool:
        """Highlight the slot holding item ``item_id`` and focus the slots; False when no
        slot holds it (removed since)."""
        key = next((s.key for s in self.slots if s.item and s.item.id == item_id), None)
        if key is not None:
            self.select(key)
            self.focus()
        return key is not None

    @property
    def slot(self) -> Slot | None:
        """The highlighted slot."""
        index = self.highlighted
        return None if index is None or index >= len(self.slots) else self.slots[index]

    def item_text(self, key: str) -> str:
        """What the slot with this key shows, unstyled (for tests and messages)."""
        prompt = self.get_option(key).prompt
        assert isinstance(prompt, SlotPrompt)
        return prompt.plain

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.post_message(self.SlotHighlighted(self.slots[event.option_index]))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.SlotSelected(self.slots[event.option_index]))
