"""Feedback log and T3B3: records and pure rules, no I/O.

T3B3 is the top three strengths and the bottom three areas to grow for one
person in one half, delivered in person. Fewer than 3 + 3 is a draft; a fourth
item on a side is refused; delivering needs all six. "No surprises": every
Bottom item should be linked to feedback or a 1:1 point raised earlier, and one
that is not (:func:`raised_before`) is flagged.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple

from leadtui.domain.dates import Half, half_of
from leadtui.domain.oneonones import Point, PointStatus, Visibility
from leadtui.domain.text import plural, quoted
from leadtui.errors import InputError

if TYPE_CHECKING:
    from leadtui.domain.people import Person

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


class Delivery(StrEnum):
    """How a T3B3 was delivered: in person is the ritual; anything else is recorded as such."""

    IN_PERSON = "in person"
    NOT_IN_PERSON = "not in person"


class T3B3Item(NamedTuple):
    """One of the six slots."""

    id: int
    side: T3B3Side
    rank: int
    text: str
    feedback_id: int | None
    point_id: int | None
    # What it is linked to, read with the item: whether the link counts as raised before
    # depends on it (see :func:`raised_before`). None when it is linked to nothing, or
    # the item was built to be written rather than read.
    link: Feedback | Point | None = None

    @property
    def visibility(self) -> Visibility:
        """Private: the six items are the manager's speaking aid, said in person (product.md)."""
        return Visibility.PRIVATE

    @property
    def linked(self) -> bool:
        """Linked to earlier feedback or a 1:1 point."""
        return self.feedback_id is not None or self.point_id is not None

    @property
    def raised(self) -> bool:
        """Linked to something raised with the person before (:func:`raised_before`)."""
        return raised_before(self)


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
    dismissed_on: date | None = None  # an overdue T3B3 set aside: no longer overdue

    def side(self, side: T3B3Side) -> list[T3B3Item]:
        """The items of one side, by rank."""
        return sorted((i for i in self.items if i.side is side), key=lambda i: i.rank)

    @property
    def delivery(self) -> Delivery | None:
        """In person or not, once delivered; None before."""
        if self.delivered_on is None:
            return None
        return Delivery.IN_PERSON if self.in_person else Delivery.NOT_IN_PERSON

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
        if self.delivery is not None:
            return f"delivered ✓ {self.delivery}"
        if self.status is T3B3Status.READY:
            return "ready"
        return f"draft {self.filled}/{2 * SLOTS}"

    def surprises(self) -> list[T3B3Item]:
        """Bottom items not linked to anything raised before (:func:`raised_before`):
        they would be a surprise."""
        return [i for i in self.side(T3B3Side.BOTTOM) if not raised_before(i)]


def empty_t3b3(person_id: int, half: str) -> T3B3:
    """A T3B3 not started yet (nothing stored)."""
    return T3B3(0, person_id, half, (), None, None, False, False)


def side_name(side: T3B3Side) -> str:
    """``Top`` or ``Bottom``, as people call the two lists."""
    return "Top" if side is T3B3Side.TOP else "Bottom"


def check_editable(t3b3: T3B3) -> None:
    """A delivered T3B3 is kept as delivered: its items, links and options stay read-only."""
    if t3b3.delivered_on is not None:
        raise InputError(
            f"the {t3b3.half} T3B3 was delivered on {t3b3.delivered_on.isoformat()}; "
            "it is kept as delivered"
        )


def check_room(t3b3: T3B3, side: T3B3Side, adding: int = 1) -> None:
    """Refuse a fourth item on a side."""
    have = len(t3b3.side(side))
    if have + adding > SLOTS:
        raise InputError(
            f"{side_name(side)} already has {have} of {SLOTS} items; T3B3 is exactly three on "
            "each side, so edit or remove one first"
        )


def check_new_text(t3b3: T3B3, side: T3B3Side, text: str, replacing: int | None = None) -> None:
    """Refuse the same item twice on a side (any case); ``replacing``: the id of the item
    being reworded, which may keep its own words."""
    if any(i.text.casefold() == text.casefold() and i.id != replacing for i in t3b3.side(side)):
        raise InputError(f"{side_name(side)} already has {quoted(text)}")


def item_at(t3b3: T3B3, side: T3B3Side, rank: int) -> T3B3Item:
    """The item in slot ``rank`` of ``side``, or a refusal saying how many there are."""
    items = t3b3.side(side)
    if not 1 <= rank <= len(items):
        name = side_name(side)
        raise InputError(
            f"{name} item {rank} does not exist; the {t3b3.half} T3B3 has "
            f"{plural(len(items), f'{name} item')}"
        )
    return items[rank - 1]


def relinked(t3b3: T3B3, side: T3B3Side, texts: tuple[str, ...]) -> list[T3B3Item]:
    """A side rewritten as ``texts``, in order: an item whose words are unchanged (any
    case) keeps its link, so rewording the list does not lose what was raised before."""
    old = {i.text.casefold(): i for i in t3b3.side(side)}
    result = []
    for rank, text in enumerate(texts, start=1):
        kept = old.get(text.casefold())
        links = (kept.feedback_id, kept.point_id, kept.link) if kept else (None, None, None)
        result.append(T3B3Item(kept.id if kept else 0, side, rank, text, *links))
    return result


def without(t3b3: T3B3, item: T3B3Item) -> list[T3B3Item]:
    """The item's side without it: the ones below move up."""
    rest = [i for i in t3b3.side(item.side) if i.id != item.id]
    return [i._replace(rank=rank) for rank, i in enumerate(rest, start=1)]


def moved(t3b3: T3B3, item: T3B3Item, offset: int) -> list[T3B3Item]:
    """The item's side with the item moved up (-1) or down (+1); at either end it stays."""
    items = t3b3.side(item.side)
    index = items.index(item)
    target = index + offset
    if 0 <= target < len(items):
        items[index], items[target] = items[target], items[index]
    return [i._replace(rank=rank) for rank, i in enumerate(items, start=1)]


def last_plannable_half(today: date, start_month: int = 1) -> Half:
    """T3B3 planning reaches as far as the next half: its evidence is this half's and the
    last one's, so a record further ahead would have nothing to stand on."""
    return half_of(today, start_month).next()


def check_plannable(half: Half, today: date, start_month: int = 1) -> None:
    """Refuse writing a T3B3 for a half beyond :func:`last_plannable_half`."""
    furthest = last_plannable_half(today, start_month)
    if half > furthest:
        raise InputError(
            f"T3B3 planning goes as far as the next half, {furthest.label}; "
            f"{half.label} is further ahead"
        )


def check_delivery_day(half: Half, day: date, start_month: int = 1) -> None:
    """A half's T3B3 is delivered in or after that half (reviews often run into the next
    month), never before it starts."""
    first = half.bounds(start_month)[0]
    if day < first:
        raise InputError(
            f"a {half.label} T3B3 is delivered in or after that half, which starts "
            f"{first.isoformat()}; got {day.isoformat()}",
            field="day",
        )


def is_overdue(
    t3b3: T3B3 | None,
    person: Person,
    half: Half,
    today: date,
    start_month: int = 1,
    first_half: str | None = None,
) -> bool:
    """Whether ``person``'s T3B3 for ``half`` is overdue: "every active direct report who
    was employed during the half has a delivered T3B3 by the half's end. After that it
    is overdue." Overdue from the day after the half's last day until it is delivered or
    dismissed. One begun is overdue whatever else; one never begun only when the ritual
    was in use by then (``first_half``, the earliest half with any T3B3, is this one or
    earlier: a new user is not greeted with a backlog) and the person had started."""
    last = half.bounds(start_month)[1]
    if today <= last:
        return False
    if t3b3 is None or t3b3.id == 0:
        if first_half is None or first_half > half.label:
            return False
        return person.started_on is None or person.started_on <= last
    return t3b3.delivered_on is None and t3b3.dismissed_on is None


def check_dismissible(t3b3: T3B3, half: Half, today: date, start_month: int = 1) -> None:
    """Only an ended half's T3B3 not delivered can be dismissed (nothing else is
    overdue); one dismissed already stays as it is."""
    if t3b3.delivered_on is not None:
        raise InputError(f"the {half.label} T3B3 was delivered; there is nothing to dismiss")
    if today <= half.bounds(start_month)[1]:
        raise InputError(
            f"{half.label} has not ended; a T3B3 is overdue, and can be dismissed, only after"
        )
    if t3b3.dismissed_on is not None:
        raise InputError(f"the {half.label} T3B3 was dismissed on {t3b3.dismissed_on}")


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


def check_undeliverable(t3b3: T3B3, who: str) -> None:
    """Only a delivered T3B3 can be taken back to ready."""
    if t3b3.delivered_on is None:
        raise InputError(
            f"the {t3b3.half} T3B3 for {who} has not been delivered; there is no delivery "
            "to take back"
        )


# --- no surprises: evidence and suggestions ----------------------------------------------


class EvidenceKind(StrEnum):
    """What a Bottom item can point to."""

    FEEDBACK = "feedback"
    POINT = "point"


class Evidence(NamedTuple):
    """Something raised earlier that a Bottom item can point to."""

    kind: EvidenceKind
    id: int
    on: date
    text: str
    visibility: Visibility


def evidence_window(half: Half, start_month: int = 1) -> tuple[date, date]:
    """Where a Bottom item's evidence may come from: the previous half's first day to this
    half's last (an area to grow is raised during the half before the review, or earlier
    in this one)."""
    return half.previous().bounds(start_month)[0], half.bounds(start_month)[1]


# "Raised before" means growth (product.md): only what told the person about an area to
# grow counts as evidence that a Bottom item is no surprise.


def feedback_not_raised(entry: Feedback) -> str | None:
    """Why a feedback entry does not count as raised with the person, or None when it does.

    It counts when it is growth feedback they heard: shared, or given in a held 1:1 (then
    it was said, even if the note is private). A strength is not an area to grow, and a
    private note outside a 1:1 is the manager's own and was not necessarily told.
    """
    if entry.kind is not FeedbackKind.GROWTH:
        return (
            f"feedback {entry.id} is a strength; only growth feedback and shared 1:1 points "
            "discussed in a held 1:1 count as raised before"
        )
    if entry.visibility is not Visibility.SHARED and entry.session_id is None:
        return (
            f"feedback {entry.id} is private and was not given in a held 1:1, so it was not "
            "raised with them"
        )
    return None


def feedback_raised(entry: Feedback) -> bool:
    """Growth feedback the person heard (see :func:`feedback_not_raised`)."""
    return feedback_not_raised(entry) is None


def point_not_raised(point: Point) -> str | None:
    """Why a 1:1 point does not count as raised with the person, or None when it does.

    It counts when it is shared and was discussed in a held 1:1: a point only planned
    for the next one was not raised yet, a dropped one never was, and a private one is
    the manager's own.
    """
    if point.status is not PointStatus.DISCUSSED or point.session_id is None:
        return f"point {point.id} was not discussed in a held 1:1"
    if point.visibility is not Visibility.SHARED:
        return f"point {point.id} is private, so it was not raised with them"
    return None


def point_raised(point: Point) -> bool:
    """A shared point discussed in a held 1:1 (see :func:`point_not_raised`)."""
    return point_not_raised(point) is None


def raised_before(item: T3B3Item) -> bool:
    """Whether a Bottom item was raised with the person before: the one "no surprises"
    rule, read alike by the board's ⚠ count, the editor, delivery, the review packet and
    the JSON.

    It was when what it links to counts by the rule that accepts a link
    (:func:`feedback_raised`, :func:`point_raised`): growth feedback they heard, or a
    shared point discussed in a held 1:1. Links are checked when made, but a database
    from before a rule, or changed outside the app, may hold others (to praise, to a
    private note given outside a 1:1, to a point no longer shared or discussed), so a
    link is judged each time it is read. An item read without what it links to shows
    nothing raised.
    """
    link = item.link
    if isinstance(link, Feedback):
        return link.id == item.feedback_id and feedback_raised(link)
    if isinstance(link, Point):
        return link.id == item.point_id and point_raised(link)
    return False


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


class AreaOutcome(StrEnum):
    """What became of last half's area to grow."""

    PERSISTS = "persists"
    CLOSED = "closed"


class Carried(NamedTuple):
    """A previous half's Bottom item and the current one that continues it, if any."""

    previous: T3B3Item
    now: T3B3Item | None

    @property
    def persists(self) -> bool:
        """The area to grow is still on this half's list."""
        return self.now is not None

    @property
    def outcome(self) -> AreaOutcome:
        """Persists or closed."""
        return AreaOutcome.PERSISTS if self.persists else AreaOutcome.CLOSED


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
