"""The review packet: one person's half from every ritual, around their T3B3.

Like :mod:`leadtui.services.today`, it reads across rituals: the T3B3 and the half's
feedback (:mod:`leadtui.services.reviews`), the 1:1 highlights and commitments kept, the
focus areas and succession picture (:mod:`leadtui.services.succession`) and the rotation
terms served (:mod:`leadtui.services.rotation_feeds`). It only reads; what reaches which
audience is decided when the packet is written out, by :mod:`leadtui.export.reviews`.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from leadtui.domain.oneonones import (
    Action,
    CommitmentsKept,
    Point,
    PointStatus,
    Side,
    commitments_kept_between,
)
from leadtui.services.reviews import T3B3View, list_feedback, t3b3_view
from leadtui.services.rotation_feeds import ServedTerm, terms_served
from leadtui.services.succession import PersonSuccession, person_succession
from leadtui.store.oneonones import OneOnOneRepository

if TYPE_CHECKING:
    from leadtui.domain.dates import Half
    from leadtui.domain.people import Person
    from leadtui.domain.reviews import Feedback
    from leadtui.store.database import Store


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
    # The half's focus areas (the person's copy) and gaps, readiness, candidacy (yours).
    succession: PersonSuccession | None = None
    # Rotation terms served in the half, with their recognition.
    rotation_terms: tuple[ServedTerm, ...] = ()


def review_packet(
    store: Store, person: Person, half: Half, today: date, start_month: int = 1
) -> ReviewPacket:
    """Assemble the packet: the T3B3, the half's feedback and the 1:1 highlights."""
    first, last = half.bounds(start_month)
    until = min(last, today)
    view = t3b3_view(store, person, half, start_month)
    feedback = list_feedback(store, person, half, start_month)
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
    succession = person_succession(store, person, half)
    terms = tuple(terms_served(store, person.id, first, last, today))
    return ReviewPacket(view, first, last, feedback, held, discussed, done, kept, succession, terms)
