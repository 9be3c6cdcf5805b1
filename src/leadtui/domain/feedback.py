"""Feedback log and T3B3: records and pure rules, no I/O.

T3B3 is the top three strengths and the bottom three areas to grow for one
person in one half, delivered in person. Fewer than 3 + 3 is a draft; a fourth
item on a side is refused; delivering needs all six. "No surprises": every
Bottom item should be linked to feedback or a 1:1 point raised earlier, and an
unlinked one is flagged.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import NamedTuple

from leadtui.domain.oneonones import Visibility
from leadtui.errors import InputError

SLOTS = 3


class FeedbackKind(StrEnum):
    """What a feedback entry is about."""

    STRENGTH = "strength"
    GROWTH = "growth"


class Feedback(NamedTuple):
    """One dated feedback entry about a person."""

    id: int
    person_id: int
    given_on: date
    kind: FeedbackKind
    text: str
    visibility: Visibility
    series_id: int | None
    session_id: int | None


class T3B3Side(StrEnum):
    """Top (strengths) or Bottom (areas to grow)."""

    TOP = "top"
    BOTTOM = "bottom"


class T3B3Status(StrEnum):
    """Where a T3B3 stands."""

    DRAFT = "draft"
    READY = "ready"
    DELIVERED = "delivered"


class T3B3Item(NamedTuple):
    """One of the six slots."""

    id: int
    side: T3B3Side
    rank: int
    text: str
    feedback_id: int | None
    point_id: int | None

    @property
    def visibility(self) -> Visibility:
        """Private: the six items are the manager's speaking aid, said in person (product.md)."""
        return Visibility.PRIVATE

    @property
    def linked(self) -> bool:
        """Linked to earlier feedback or a 1:1 point."""
        return self.feedback_id is not None or self.point_id is not None


class T3B3(NamedTuple):
    """A person's T3B3 for one half."""

    id: int
    person_id: int
    half: str
    items: tuple[T3B3Item, ...]
    delivered_on: date | None
    in_person: bool | None
    remove_text: bool
    text_removed: bool

    def side(self, side: T3B3Side) -> list[T3B3Item]:
        """The items of one side, by rank."""
        return sorted((i for i in self.items if i.side is side), key=lambda i: i.rank)

    @property
    def filled(self) -> int:
        """How many of the six slots hold text."""
        return len(self.items)

    @property
    def status(self) -> T3B3Status:
        """Draft until 3 + 3, ready until delivered."""
        if self.delivered_on is not None:
            return T3B3Status.DELIVERED
        tops, bottoms = len(self.side(T3B3Side.TOP)), len(self.side(T3B3Side.BOTTOM))
        return T3B3Status.READY if tops == bottoms == SLOTS else T3B3Status.DRAFT

    def status_text(self) -> str:
        """For the board: ``draft 4/6``, ``ready``, ``delivered ✓ in person``."""
        if self.delivered_on is not None:
            how = "in person" if self.in_person else "not in person"
            return f"delivered ✓ {how}"
        if self.status is T3B3Status.READY:
            return "ready"
        return f"draft {self.filled}/{2 * SLOTS}"

    def surprises(self) -> list[T3B3Item]:
        """Bottom items not linked to anything raised before: they would be a surprise."""
        return [i for i in self.side(T3B3Side.BOTTOM) if not i.linked]


def empty_t3b3(person_id: int, half: str) -> T3B3:
    """A T3B3 not started yet (nothing stored)."""
    return T3B3(0, person_id, half, (), None, None, False, False)


def check_room(t3b3: T3B3, side: T3B3Side, adding: int = 1) -> None:
    """Refuse a fourth item on a side."""
    have = len(t3b3.side(side))
    if have + adding > SLOTS:
        name = "Top" if side is T3B3Side.TOP else "Bottom"
        raise InputError(
            f"{name} already has {have} of {SLOTS} items; T3B3 is exactly three on each side, "
            "so edit or remove one first"
        )


def check_deliverable(t3b3: T3B3) -> None:
    """Delivering needs all six items, once."""
    if t3b3.delivered_on is not None:
        raise InputError(f"this T3B3 was already delivered on {t3b3.delivered_on.isoformat()}")
    tops, bottoms = len(t3b3.side(T3B3Side.TOP)), len(t3b3.side(T3B3Side.BOTTOM))
    if (tops, bottoms) != (SLOTS, SLOTS):
        raise InputError(
            f"a T3B3 is delivered with 3 Top and 3 Bottom items; this one has "
            f"{tops} + {bottoms}; fill the rest first"
        )


# --- no surprises: evidence and suggestions ----------------------------------------------


class Evidence(NamedTuple):
    """Something raised earlier that a Bottom item can point to."""

    kind: str  # "feedback" or "point"
    id: int
    on: date
    text: str
    visibility: Visibility


_WORD = re.compile(r"[^\W\d_]+")
_STOP = frozenset(
    "about after again also been before being could does doing from have having into "
    "just more most much need needs over same should some than that their them then there "
    "these they this those very were what when where which while will with would your "
    "yours ours make makes made work works "
    # Words too common in engineering feedback to show two notes are on one theme.
    "review team cross meeting people thing time week during around other others better "
    "good great well".split()
)


def words(text: str) -> set[str]:
    """Content words for matching: letters only, four or more, light plural/-ing folding."""
    found = set()
    for raw in _WORD.findall(text.casefold()):
        if len(raw) < 4 or raw in _STOP:
            continue
        for suffix in ("ing", "es", "s"):
            if raw.endswith(suffix) and len(raw) - len(suffix) >= 4:
                raw = raw[: -len(suffix)]
                break
        found.add(raw)
    return found


def suggest(text: str, candidates: list[Evidence], limit: int = 3) -> list[Evidence]:
    """Candidates sharing words with ``text``: most shared words first, then newest."""
    wanted = words(text)
    scored = [(len(wanted & words(c.text)), c) for c in candidates]
    ranked = sorted((s for s in scored if s[0] > 0), key=lambda s: (-s[0], -s[1].on.toordinal()))
    return [c for _, c in ranked[:limit]]


class Carried(NamedTuple):
    """A previous half's Bottom item and the current one that continues it, if any."""

    previous: T3B3Item
    now: T3B3Item | None

    @property
    def persists(self) -> bool:
        """The area to grow is still on this half's list."""
        return self.now is not None


def half_over_half(previous: T3B3, current: T3B3) -> list[Carried]:
    """For each of last half's Bottom items: the current Bottom item sharing the most
    words with it (it persists), or None (it closed)."""
    now = current.side(T3B3Side.BOTTOM)
    result = []
    for item in previous.side(T3B3Side.BOTTOM):
        mine = words(item.text)
        best = max(now, key=lambda n: len(mine & words(n.text)), default=None)
        if best is not None and not mine & words(best.text):
            best = None
        result.append(Carried(item, best))
    return result
