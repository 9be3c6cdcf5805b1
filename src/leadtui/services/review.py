"""Feedback, T3B3 and review packet use cases."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, NamedTuple

from leadtui.domain.dates import Half, half_of
from leadtui.domain.feedback import (
    T3B3,
    Carried,
    Evidence,
    Feedback,
    T3B3Side,
    T3B3Status,
    half_over_half,
    suggest,
)
from leadtui.domain.oneonones import (
    Action,
    CommitmentsKept,
    Point,
    PointStatus,
    Side,
    commitments_kept_between,
)
from leadtui.domain.people import Person, Relation
from leadtui.services.people import archived_notice
from leadtui.store.feedback import FeedbackRepository, T3B3Repository
from leadtui.store.oneonones import OneOnOneRepository

if TYPE_CHECKING:
    from leadtui.domain.feedback_input import FeedbackDraft
    from leadtui.store.database import Store

QUIET_DAYS = 30


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
    return FeedbackAdded(entry, archived_notice(person))


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

    def candidate(self, kind: str, evidence_id: int) -> Evidence | None:
        """The linkable feedback entry or 1:1 point with this id, if in the window."""
        return next((e for e in self.candidates if e.kind == kind and e.id == evidence_id), None)


def t3b3_view(store: Store, person: Person, half: Half, start_month: int = 1) -> T3B3View:
    """The T3B3 with links, suggestions for unlinked Bottom items (same person, this or
    the previous half, shared words) and last half's areas: persisting or closed."""
    repo = T3B3Repository(store)
    t3b3 = repo.get(person.id, half.label)
    previous = repo.get(person.id, half.previous().label)
    since = half.previous().bounds(start_month)[0]
    until = half.bounds(start_month)[1]
    candidates = repo.evidence(person.id, since, until)
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
    )


class ReviewPacket(NamedTuple):
    """Everything a review packet holds for one person and one half."""

    view: T3B3View
    first: date
    last: date
    feedback: list[Feedback]
    sessions_held: int
    discussed: list[Point]
    actions_done: list[Action]
    kept: dict[Side, CommitmentsKept]


def review_packet(
    store: Store, person: Person, half: Half, today: date, start_month: int = 1
) -> ReviewPacket:
    """Assemble the packet: the T3B3, the half's feedback and the 1:1 highlights."""
    first, last = half.bounds(start_month)
    until = min(last, today)
    view = t3b3_view(store, person, half, start_month)
    feedback = FeedbackRepository(store).for_person(person.id, first, last)
    oo = OneOnOneRepository(store)
    series = oo.series_for(person.id)
    discussed: list[Point] = []
    done: list[Action] = []
    held = 0
    kept = {side: CommitmentsKept(0, 0) for side in Side}
    if series is not None:
        sessions = oo.held_between(series.id, first, last)
        held = len(sessions)
        discussed = [
            p
            for p in oo.points_in_sessions([s.id for s in sessions])
            if p.status is PointStatus.DISCUSSED
        ]
        touching = oo.actions_touching(series.id, first, last)
        done = [a for a in touching if a.done_on is not None and first <= a.done_on <= last]
        kept = {side: commitments_kept_between(touching, side, first, until) for side in Side}
    return ReviewPacket(view, first, last, feedback, held, discussed, done, kept)


class ReviewOverview(NamedTuple):
    """The Today screen's review card."""

    half: Half
    weeks_left: int
    due: list[tuple[Person, str]]
    quiet: list[tuple[Person, date | None]]


def review_overview(
    store: Store, today: date, start_month: int = 1, people: list[Person] | None = None
) -> ReviewOverview:
    """T3B3s not delivered this half (with their state), least filled first, and reports
    with no feedback in the last 30 days, longest quiet first. ``people``: the active
    people, when the caller has read them already."""
    from leadtui.store.people import PeopleRepository

    half = half_of(today, start_month)
    last = half.bounds(start_month)[1]
    active = PeopleRepository(store).list() if people is None else people
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
        if given is None or given < today - timedelta(days=QUIET_DAYS):
            quiet.append((person, given))
    due.sort(key=lambda d: d[0])  # stable: by name within the same fill
    quiet.sort(key=lambda q: q[1] or date.min)
    return ReviewOverview(
        half, max(0, (last - today).days // 7), [(p, text) for _, p, text in due], quiet
    )


def deliver_t3b3(
    store: Store,
    person: Person,
    half: Half,
    day: date,
    in_person: bool,
    start_month: int = 1,
) -> T3B3:
    """Record delivery on ``day``: not before the half starts (a half's T3B3 may still be
    delivered after it ends, as reviews often run into the next month)."""
    from leadtui.errors import InputError

    first = half.bounds(start_month)[0]
    if day < first:
        raise InputError(
            f"a {half.label} T3B3 is delivered in or after that half, which starts "
            f"{first.isoformat()}; got {day.isoformat()}"
        )
    return T3B3Repository(store).deliver(person.id, half.label, day, in_person)
