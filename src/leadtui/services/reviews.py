"""Review use cases: the feedback log and T3B3.

Both front ends call these and nothing below them. Each write checks the rules
(domain.feedback: 3 + 3, one item once per side, read-only after delivery, what
counts as raised before; and the planning reach here) inside one transaction and
returns a typed result carrying what to tell the user, such as an archived person's
notice. The repositories only read and write rows. The review packet, which gathers
the other rituals around a T3B3, is :mod:`leadtui.services.packet`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from leadtui.domain.dates import Half, half_of, parse_half
from leadtui.domain.people import Person, Relation
from leadtui.domain.reviews import (
    T3B3,
    Carried,
    Evidence,
    EvidenceKind,
    Feedback,
    T3B3Item,
    T3B3Side,
    T3B3Status,
    check_deliverable,
    check_delivery_day,
    check_dismissible,
    check_editable,
    check_new_text,
    check_plannable,
    check_room,
    check_undeliverable,
    evidence_window,
    feedback_not_raised,
    feedback_raised,
    half_over_half,
    is_overdue,
    item_at,
    moved,
    point_not_raised,
    point_raised,
    relinked,
    suggest,
    without,
)
from leadtui.errors import InputError, NotFoundError
from leadtui.services.people import archived_notice, get_person, list_people
from leadtui.store.database import write_transaction
from leadtui.store.oneonones import OneOnOneRepository
from leadtui.store.reviews import FeedbackRepository, T3B3Repository

if TYPE_CHECKING:
    from leadtui.domain.reviews_input import (
        DeliveryDraft,
        FeedbackDraft,
        FeedbackEditDraft,
        T3B3ItemDraft,
        T3B3ListsDraft,
    )
    from leadtui.store.database import Store

# A report with no feedback for longer than this is flagged as quiet.
QUIET_DAYS = 30


def _notice(store: Store, person: Person) -> str | None:
    """The archived notice for ``person`` as stored now: a screen may hold a Person read
    before they were archived."""
    return archived_notice(get_person(store, person.id))


def is_quiet(last_given: date | None, today: date) -> bool:
    """No feedback ever, or none in the last :data:`QUIET_DAYS` days."""
    return last_given is None or (today - last_given).days > QUIET_DAYS


# --- the feedback log ---------------------------------------------------------------------


class FeedbackAdded(NamedTuple):
    """A recorded feedback entry, and what to tell the user about it (an archived
    person's notice), or None."""

    entry: Feedback
    notice: str | None


def add_feedback(
    store: Store, person: Person, draft: FeedbackDraft, *, series_id: int | None = None
) -> FeedbackAdded:
    """Record feedback about ``person``. ``series_id``: given during that person's 1:1,
    so the entry is filed under the session when the session is held. An archived
    person's entry is recorded all the same (history is kept) with a notice."""
    entry = FeedbackRepository(store).add(person.id, draft, series_id)
    return FeedbackAdded(entry, _notice(store, person))


def prefix_matched(typed: str, person: Person) -> bool:
    """Whether ``typed`` found ``person`` by a few letters of their name (the shared
    matcher's unique prefix) rather than by their id or whole name: then the front end
    says who the feedback went to, since a prefix picks silently."""
    query = typed.strip()
    if query.isascii() and query.isdigit() and int(query) == person.id:
        return False
    return query.casefold() != person.name.casefold()


def list_feedback(
    store: Store, person: Person, half: Half | None = None, start_month: int = 1
) -> list[Feedback]:
    """A person's feedback, oldest first: all of it, or the entries given in ``half``."""
    first, last = half.bounds(start_month) if half is not None else (None, None)
    return FeedbackRepository(store).for_person(person.id, first, last)


def get_feedback(store: Store, feedback_id: int) -> Feedback:
    """One feedback entry by id, or a refusal naming the id."""
    return FeedbackRepository(store).get(feedback_id)


def _links_words(store: Store, feedback_id: int) -> str | None:
    """Where an entry is evidence, in words ("Kofi Mensah's 2026-H2 T3B3 (Bottom 2)"),
    or None when nothing links to it."""
    links = FeedbackRepository(store).linked_from(feedback_id)
    if not links:
        return None
    words = []
    for what, person_id, half, number in links:
        name = get_person(store, person_id).display_name
        if what == "t3b3":
            words.append(f"{name}'s {half} T3B3 (Bottom {number})")
        else:
            words.append(f"{name}'s succession gap {number}")
    return " and ".join(words)


class FeedbackChanged(NamedTuple):
    """A feedback entry after an edit (or as it was, once removed), what it was before,
    the person it is about now, and what to tell the user (an archived person's notice)."""

    entry: Feedback
    before: Feedback
    person: Person
    notice: str | None


def edit_feedback(
    store: Store, feedback_id: int, draft: FeedbackEditDraft, person: Person | None = None
) -> FeedbackChanged:
    """Change an entry's text, kind, day or visibility (the draft's fields given), or the
    person it is about. Moved to another person, it leaves the 1:1 it was filed under
    (that was the other person's); an entry a T3B3 item or a succession gap links to as
    evidence stays with its person (unlink it first), so no review cites another
    person's feedback."""
    if draft.empty and person is None:
        raise InputError("nothing to change; give the new text, kind, date, visibility or person")
    repo = FeedbackRepository(store)
    with write_transaction(store):
        before = repo.get(feedback_id)
        moving = person is not None and person.id != before.person_id
        if moving:
            linked = _links_words(store, feedback_id)
            if linked:
                raise InputError(
                    f"feedback {feedback_id} is evidence for {linked}; unlink it there "
                    "before moving it to another person",
                    field="person",
                )
        entry = before._replace(
            text=draft.text if draft.text is not None else before.text,
            kind=draft.kind if draft.kind is not None else before.kind,
            given_on=draft.day if draft.day is not None else before.given_on,
            visibility=draft.visibility if draft.visibility is not None else before.visibility,
        )
        if moving and person is not None:
            entry = entry._replace(person_id=person.id, series_id=None, session_id=None)
        after = repo.update(entry)
    about = get_person(store, after.person_id)
    return FeedbackChanged(after, before, about, archived_notice(about))


def remove_feedback(store: Store, feedback_id: int) -> FeedbackChanged:
    """Delete an entry: it leaves the person's feedback log and every review packet. An
    entry a T3B3 item or a succession gap links to as evidence is refused, naming them."""
    repo = FeedbackRepository(store)
    with write_transaction(store):
        before = repo.get(feedback_id)
        linked = _links_words(store, feedback_id)
        if linked:
            raise InputError(
                f"feedback {feedback_id} is evidence for {linked}; unlink it there before "
                "removing it"
            )
        repo.delete(feedback_id)
    about = get_person(store, before.person_id)
    return FeedbackChanged(before, before, about, None)


# --- what counts as raised before -------------------------------------------------------


def raised_evidence(store: Store, person_id: int, since: date, until: date) -> list[Evidence]:
    """What a Bottom item can show was raised with the person between two days: growth
    feedback they heard and shared points discussed in a held 1:1 (the rules are
    :func:`~leadtui.domain.reviews.feedback_raised` and
    :func:`~leadtui.domain.reviews.point_raised`). Feedback first, then points, each
    oldest first; a point is dated by the session it was discussed in."""
    found = [
        Evidence(EvidenceKind.FEEDBACK, f.id, f.given_on, f.text, f.visibility)
        for f in FeedbackRepository(store).for_person(person_id, since, until)
        if feedback_raised(f)
    ]
    oo = OneOnOneRepository(store)
    series = oo.series_for(person_id)
    if series is None:
        return found
    held = {s.id: s.held_on for s in oo.held_between(series.id, since, until)}
    points = [
        Evidence(EvidenceKind.POINT, p.id, held[p.session_id], p.text, p.visibility)
        for p in oo.points_in_sessions(list(held))
        if p.session_id is not None and point_raised(p)
    ]
    return found + sorted(points, key=lambda e: e.on)  # stable: session order within a day


def _not_linkable(
    store: Store, person: Person, kind: EvidenceKind, evidence_id: int, since: date, until: date
) -> str | None:
    """Why this person's evidence in the window does not count as raised, or None when
    there is no such evidence at all."""
    try:
        if kind == EvidenceKind.FEEDBACK:
            entry = FeedbackRepository(store).get(evidence_id)
            if entry.person_id == person.id and since <= entry.given_on <= until:
                return feedback_not_raised(entry)
            return None
        oo = OneOnOneRepository(store)
        point = oo.point(evidence_id)
    except NotFoundError:
        return None
    series = oo.series_for(person.id)
    if series is None or point.series_id != series.id or not since <= point.created_on <= until:
        return None
    return point_not_raised(point)


# --- T3B3: the view -----------------------------------------------------------------------


class T3B3View(NamedTuple):
    """A person's T3B3 for a half with its no-surprise evidence and last half beside it."""

    person: Person
    half: Half
    t3b3: T3B3
    previous: T3B3
    linked: dict[int, Evidence]
    suggestions: dict[int, list[Evidence]]
    carried: list[Carried]
    since: date
    candidates: list[Evidence]  # everything a Bottom item may link to: since ``since``
    overdue: bool = False  # the half has ended and it was neither delivered nor dismissed


def t3b3_view(
    store: Store, person: Person, half: Half, start_month: int = 1, today: date | None = None
) -> T3B3View:
    """The T3B3 with links, suggestions for unlinked Bottom items (same person, this or
    the previous half, shared words) and last half's areas: persisting or closed; with
    ``today``, whether it is overdue (:func:`leadtui.domain.reviews.is_overdue`)."""
    repo = T3B3Repository(store)
    t3b3 = repo.get(person.id, half.label)
    previous = repo.get(person.id, half.previous().label)
    since, until = evidence_window(half, start_month)
    candidates = raised_evidence(store, person.id, since, until)
    suggestions = {item.id: suggest(item.text, candidates) for item in t3b3.side(T3B3Side.BOTTOM)}
    return T3B3View(
        person,
        half,
        t3b3,
        previous,
        repo.linked_evidence(t3b3),
        suggestions,
        half_over_half(previous, t3b3),
        since,
        candidates,
        today is not None and is_overdue(t3b3, person, half, today, start_month, repo.first_half()),
    )


# --- T3B3: changes ------------------------------------------------------------------------


class T3B3Changed(NamedTuple):
    """A T3B3 after a change: the record, the item the change landed on (None when it
    was removed or the change was to the record), and an archived person's notice."""

    t3b3: T3B3
    item: T3B3Item | None
    notice: str | None


def _change(
    store: Store,
    person: Person,
    half: Half,
    today: date,
    start_month: int,
    write: Callable[[T3B3Repository, T3B3], tuple[T3B3Side, int] | None],
) -> T3B3Changed:
    """Run ``write`` on the person's T3B3 for ``half`` once it may change: within reach
    of planning and not delivered. ``write`` returns the side and rank its change landed
    on, if any; one transaction, so a refusal writes nothing."""
    repo = T3B3Repository(store)
    with write_transaction(store):
        check_plannable(half, today, start_month)
        t3b3 = repo.get(person.id, half.label)
        check_editable(t3b3)
        landed = write(repo, t3b3)
    after = repo.get(person.id, half.label)
    item = None
    if landed is not None:
        side, rank = landed
        item = next((i for i in after.side(side) if i.rank == rank), None)
    return T3B3Changed(after, item, _notice(store, person))


def set_t3b3_lists(
    store: Store,
    person: Person,
    half: Half,
    lists: T3B3ListsDraft,
    *,
    today: date,
    start_month: int = 1,
) -> T3B3Changed:
    """Replace the Top list and/or the Bottom list (a side given as None stays). An item
    whose words are unchanged keeps its link."""
    if lists.top is None and lists.bottom is None:
        raise InputError("nothing to set; give the Top items, the Bottom items or both")

    def write(repo: T3B3Repository, t3b3: T3B3) -> None:
        record = repo.ensure(person.id, half.label)
        for side, texts in ((T3B3Side.TOP, lists.top), (T3B3Side.BOTTOM, lists.bottom)):
            if texts is not None:
                repo.write_side(record.id, side, relinked(record, side, texts))

    return _change(store, person, half, today, start_month, write)


def set_remove_text(
    store: Store, person: Person, half: Half, remove: bool, *, today: date, start_month: int = 1
) -> T3B3Changed:
    """Choose whether delivering removes the six texts and keeps only the fact."""

    def write(repo: T3B3Repository, t3b3: T3B3) -> None:
        repo.set_remove_text(person.id, half.label, remove)

    return _change(store, person, half, today, start_month, write)


def add_t3b3_item(
    store: Store,
    person: Person,
    half: Half,
    side: T3B3Side,
    draft: T3B3ItemDraft,
    *,
    today: date,
    start_month: int = 1,
) -> T3B3Changed:
    """Put an item in the next free slot of ``side``; a fourth, or the same words twice
    on a side, is refused. The result's item is the new one."""

    def write(repo: T3B3Repository, t3b3: T3B3) -> tuple[T3B3Side, int]:
        check_room(t3b3, side)
        check_new_text(t3b3, side, draft.text)
        record = repo.ensure(person.id, half.label)
        items = record.side(side)
        repo.write_side(record.id, side, [*items, T3B3Item(0, side, 0, draft.text, None, None)])
        return side, len(items) + 1

    return _change(store, person, half, today, start_month, write)


def edit_t3b3_item(
    store: Store,
    person: Person,
    half: Half,
    side: T3B3Side,
    rank: int,
    draft: T3B3ItemDraft,
    *,
    today: date,
    start_month: int = 1,
) -> T3B3Changed:
    """Reword the item in slot ``rank`` of ``side``; its link stays (the editor shows it).
    The words of another item on the same side are refused."""

    def write(repo: T3B3Repository, t3b3: T3B3) -> tuple[T3B3Side, int]:
        item = item_at(t3b3, side, rank)
        check_new_text(t3b3, side, draft.text, replacing=item.id)
        repo.set_item_text(item.id, draft.text)
        return side, rank

    return _change(store, person, half, today, start_month, write)


def remove_t3b3_item(
    store: Store,
    person: Person,
    half: Half,
    side: T3B3Side,
    rank: int,
    *,
    today: date,
    start_month: int = 1,
) -> T3B3Changed:
    """Take the item in slot ``rank`` of ``side`` out; the ones below move up."""

    def write(repo: T3B3Repository, t3b3: T3B3) -> None:
        repo.write_side(t3b3.id, side, without(t3b3, item_at(t3b3, side, rank)))

    return _change(store, person, half, today, start_month, write)


def move_t3b3_item(
    store: Store,
    person: Person,
    half: Half,
    side: T3B3Side,
    rank: int,
    offset: int,
    *,
    today: date,
    start_month: int = 1,
) -> T3B3Changed:
    """Move the item in slot ``rank`` up (-1) or down (+1) within its side; at either end
    it stays. The result's item is the moved one, at its new rank."""

    def write(repo: T3B3Repository, t3b3: T3B3) -> tuple[T3B3Side, int]:
        item = item_at(t3b3, side, rank)
        items = moved(t3b3, item, offset)
        repo.write_side(t3b3.id, side, items)
        return side, next(i.rank for i in items if i.id == item.id)

    return _change(store, person, half, today, start_month, write)


def link_t3b3_item(
    store: Store,
    person: Person,
    half: Half,
    rank: int,
    kind: EvidenceKind,
    evidence_id: int,
    *,
    today: date,
    start_month: int = 1,
) -> T3B3Changed:
    """Link Bottom item ``rank`` to what it was raised in before: growth feedback the
    person heard or a shared point discussed in a held 1:1, about them, in this half or
    the previous one. Anything else is refused with the reason (field ``evidence``)."""

    def write(repo: T3B3Repository, t3b3: T3B3) -> tuple[T3B3Side, int]:
        item = item_at(t3b3, T3B3Side.BOTTOM, rank)
        since, until = evidence_window(half, start_month)
        found = next(
            (
                e
                for e in raised_evidence(store, person.id, since, until)
                if e.kind == kind and e.id == evidence_id
            ),
            None,
        )
        if found is None:
            reason = _not_linkable(store, person, kind, evidence_id, since, until)
            raise InputError(
                reason
                or f"no {kind} {evidence_id} about {person.display_name} in "
                f"{half.previous().label} or {half.label}",
                field="evidence",
            )
        repo.link_item(item.id, found)
        return T3B3Side.BOTTOM, rank

    return _change(store, person, half, today, start_month, write)


def unlink_t3b3_item(
    store: Store, person: Person, half: Half, rank: int, *, today: date, start_month: int = 1
) -> T3B3Changed:
    """Unlink Bottom item ``rank``: it would be a surprise again."""

    def write(repo: T3B3Repository, t3b3: T3B3) -> tuple[T3B3Side, int]:
        repo.link_item(item_at(t3b3, T3B3Side.BOTTOM, rank).id, None)
        return T3B3Side.BOTTOM, rank

    return _change(store, person, half, today, start_month, write)


class T3B3Delivered(NamedTuple):
    """A delivered T3B3, the Bottom items that were not linked to anything raised before
    (they came as a surprise), and an archived person's notice."""

    t3b3: T3B3
    surprises: list[T3B3Item]
    notice: str | None


def deliver_t3b3(
    store: Store, person: Person, half: Half, draft: DeliveryDraft, *, start_month: int = 1
) -> T3B3Delivered:
    """Record delivery on the draft's day, in person or not: not before the half starts
    (a half's T3B3 may still be delivered after it ends, as reviews often run into the
    next month), with 3 + 3 items, once. With "remove the text after delivery" set, the
    six texts are deleted and only the fact is kept."""
    repo = T3B3Repository(store)
    with write_transaction(store):
        check_delivery_day(half, draft.day, start_month)
        t3b3 = repo.get(person.id, half.label)
        check_deliverable(t3b3)
        repo.deliver(person.id, half.label, draft.day, draft.in_person)
        if t3b3.remove_text:
            repo.remove_texts(t3b3.id)
    return T3B3Delivered(repo.get(person.id, half.label), t3b3.surprises(), _notice(store, person))


# Said when a T3B3 whose text was removed at delivery is taken back: the words are gone.
TEXT_GONE = (
    "the text was removed at delivery, so the items come back empty; to have the text "
    "back, undo the delivery itself instead (ctrl+z in the app) while it can still be undone"
)


class T3B3Undelivered(NamedTuple):
    """A T3B3 taken back from delivered, whether its items come back empty (their text
    was removed at delivery), and an archived person's notice."""

    t3b3: T3B3
    text_was_removed: bool
    notice: str | None


def undeliver_t3b3(store: Store, person: Person, half: Half) -> T3B3Undelivered:
    """Take back a delivery recorded by mistake: the T3B3 is no longer delivered, so it
    is ready (3 + 3) and may change again. When "remove the text after delivery" was on,
    the six texts were deleted at delivery and nothing here can bring them back: the
    T3B3 returns as an empty draft with the option still on, and the result says so
    (undoing the delivery itself restores them)."""
    repo = T3B3Repository(store)
    with write_transaction(store):
        t3b3 = repo.get(person.id, half.label)
        check_undeliverable(t3b3, person.display_name)
        repo.undeliver(t3b3.id)
        if t3b3.text_removed:
            repo.set_text_removed(t3b3.id, False)
    return T3B3Undelivered(
        repo.get(person.id, half.label), t3b3.text_removed, _notice(store, person)
    )


# --- the board and the Today card ---------------------------------------------------------


class ReviewBoard(NamedTuple):
    """The Reviews screen's board: each active report's T3B3 in ``half`` and the two
    halves before it, and when they last heard feedback."""

    today: date
    this_half: Half
    halves: list[Half]  # oldest first; the last is the half being looked at
    reports: list[Person]
    anyone: bool  # any active people at all (the empty board says what to add)
    records: dict[tuple[int, str], T3B3]
    last_given: dict[int, date]
    start_month: int = 1
    first_half: str | None = None  # the earliest half with any T3B3 (see is_overdue)

    def record(self, person: Person, half: Half) -> T3B3 | None:
        """The stored T3B3, or None when none was started."""
        return self.records.get((person.id, half.label))

    def quiet(self, person: Person) -> bool:
        """No feedback for this person in the last :data:`QUIET_DAYS` days."""
        return is_quiet(self.last_given.get(person.id), self.today)

    def overdue(self, person: Person, half: Half) -> bool:
        """The person's T3B3 for ``half`` is overdue (:func:`is_overdue`)."""
        record = self.record(person, half)
        return is_overdue(record, person, half, self.today, self.start_month, self.first_half)


def review_board(store: Store, today: date, half: Half, start_month: int = 1) -> ReviewBoard:
    """The board for ``half``: active reports by name, three halves of T3B3s each."""
    people = list_people(store)
    reports = [p for p in people if p.relation is Relation.REPORT]
    halves = [half.previous().previous(), half.previous(), half]
    repo = T3B3Repository(store)
    records = repo.for_halves([h.label for h in halves]) if reports else {}
    last_given = FeedbackRepository(store).last_given() if reports else {}
    return ReviewBoard(
        today,
        half_of(today, start_month),
        halves,
        reports,
        bool(people),
        records,
        last_given,
        start_month,
        repo.first_half() if reports else None,
    )


class ReviewOverview(NamedTuple):
    """The Today screen's review card."""

    half: Half
    weeks_left: int
    due: list[tuple[Person, str]]
    quiet: list[tuple[Person, date | None]]
    overdue: list[OverdueT3B3]


def review_overview(
    store: Store, today: date, start_month: int = 1, people: list[Person] | None = None
) -> ReviewOverview:
    """T3B3s not delivered this half (with their state), least filled first, and reports
    with no feedback in the last 30 days, longest quiet first. ``people``: the active
    people, when the caller has read them already."""
    half = half_of(today, start_month)
    last = half.bounds(start_month)[1]
    active = list_people(store) if people is None else people
    reports = [p for p in active if p.relation is Relation.REPORT]
    records = T3B3Repository(store).for_halves([half.label])
    last_given = FeedbackRepository(store).last_given()
    due: list[tuple[int, Person, str]] = []
    quiet: list[tuple[Person, date | None]] = []
    for person in reports:
        record = records.get((person.id, half.label))
        if record is None:
            due.append((0, person, "not started"))
        elif record.status is not T3B3Status.DELIVERED:
            due.append((record.filled, person, record.status_text()))
        given = last_given.get(person.id)
        if is_quiet(given, today):
            quiet.append((person, given))
    due.sort(key=lambda d: d[0])  # stable: by name within the same fill
    quiet.sort(key=lambda q: q[1] or date.min)
    return ReviewOverview(
        half,
        max(0, (last - today).days // 7),
        [(p, text) for _, p, text in due],
        quiet,
        overdue_t3b3s(store, today, start_month, active),
    )


# --- T3B3: overdue and dismissed ----------------------------------------------------


class OverdueT3B3(NamedTuple):
    """A T3B3 overdue: its person, its half and its state (``not started``, ``draft
    4/6``, ``ready``)."""

    person: Person
    half: Half
    status: str


def overdue_t3b3s(
    store: Store, today: date, start_month: int = 1, people: list[Person] | None = None
) -> list[OverdueT3B3]:
    """The T3B3s overdue today, oldest half first: for every active report, the half
    that ended last (begun or, once the ritual was in use, not), and any earlier half's
    T3B3 begun and left undelivered. "Every active direct report who was employed during
    the half has a delivered T3B3 by the half's end. After that it is overdue."
    Delivering or dismissing one ends it. ``people``: the active people, when already read."""
    ended = half_of(today, start_month).previous()
    active = list_people(store) if people is None else people
    reports = {p.id: p for p in active if p.relation is Relation.REPORT}
    repo = T3B3Repository(store)
    found: list[OverdueT3B3] = []
    first = repo.first_half()
    for t3b3 in repo.open_before(ended.label):
        person = reports.get(t3b3.person_id)
        half = parse_half(t3b3.half, today, start_month)
        if person is not None and is_overdue(t3b3, person, half, today, start_month, first):
            found.append(OverdueT3B3(person, half, t3b3.status_text()))
    records = repo.for_halves([ended.label]) if reports else {}
    for person in reports.values():
        record = records.get((person.id, ended.label))
        if is_overdue(record, person, ended, today, start_month, first):
            status = "not started" if record is None else record.status_text()
            found.append(OverdueT3B3(person, ended, status))
    return found


class T3B3Dismissed(NamedTuple):
    """An overdue T3B3 set aside, and an archived person's notice."""

    t3b3: T3B3
    notice: str | None


def dismiss_t3b3(
    store: Store, person: Person, half: Half, today: date, start_month: int = 1
) -> T3B3Dismissed:
    """Set aside ``half``'s overdue T3B3 (a half that will not be reviewed): it is no
    longer overdue. Only an ended half's undelivered T3B3; undo brings it back."""
    repo = T3B3Repository(store)
    with write_transaction(store, f"dismissed {half.label} T3B3 for {person.display_name}"):
        person = get_person(store, person.id)
        check_dismissible(repo.get(person.id, half.label), half, today, start_month)
        t3b3 = repo.ensure(person.id, half.label)
        repo.dismiss(t3b3.id, today)
    return T3B3Dismissed(repo.get(person.id, half.label), _notice(store, person))
