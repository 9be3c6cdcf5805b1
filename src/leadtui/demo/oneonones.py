"""The demo's one-on-ones: a weekly or fortnightly series per report, peer, manager and
skip, with years of held sessions: discussed and carried points, done and overdue
actions, shared and private notes."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import TYPE_CHECKING

from leadtui.domain.oneonones import PointStatus
from leadtui.domain.oneonones_input import ActionDraft, NotesDraft, PointDraft, SeriesDraft
from leadtui.domain.people import Relation
from leadtui.services.oneonones import hold_session
from leadtui.store.oneonones import OneOnOneRepository
from leadtui.store.people import PeopleRepository

if TYPE_CHECKING:
    from leadtui.store.database import Store

TOPICS = (
    "Career: what is the skill gap between your job and the next level?",
    "Hiring plan for next quarter",
    "On-call load after the incident",
    "Promo packet feedback",
    "Roadmap trade-offs with product",
    "Team health survey results",
    "Conference talk idea",
    "Execution focus for this half",
    "Cross-team dependency on Platform",
    "Reorg rumours",
)
THEIR_TOPICS = (
    "I want more ownership of the API",
    "Can we revisit my scope?",
    "Feedback on my design doc?",
    "Pairing with the new hire",
)
PRIVATE_TOPICS = (
    "Check whether they seem burned out",
    "Comp adjustment is coming",
    "Peer said meetings run long",
)
ACTIONS = (
    "Share the promo doc template",
    "Intro to the staff engineer in Payments",
    "Write up the on-call proposal",
    "Send feedback on the RFC",
    "Book the skip-level",
)
NOTES = (
    "Good energy; focus on the migration.",
    "Talked through the hiring plan.",
    "Agreed to pause the side project.",
    "Celebrated the launch.",
    "Worried about the deadline; we cut scope.",
)


def seed_oneonones(db: Store, rng: random.Random, today: date, years: int) -> int:
    """A series for everyone the manager meets, held every week (every other week for
    peers and skips) over the last ``years`` years. Returns the sessions held."""
    repo = OneOnOneRepository(db)
    held = 0
    people = [
        p
        for p in PeopleRepository(db).list()
        if p.relation in (Relation.REPORT, Relation.PEER, Relation.MANAGER, Relation.SKIP)
    ]
    for person in people:
        every = 2 if person.relation in (Relation.PEER, Relation.SKIP) else 1
        start = max(person.started_on or today, today - timedelta(days=365 * years))
        start += timedelta(days=(1 - start.weekday()) % 7 + rng.randrange(4))
        series = repo.save_series(
            person.id,
            SeriesDraft(
                every_weeks=every,
                weekday=start.weekday(),
                at_time=rng.choice(("09:30", "10:00", "11:00", "14:00", "15:30")),
                starts_on=start,
            ),
        )
        recurring = repo.add_point(
            series.id, PointDraft(text="How is your energy?", recurring=True), start
        )
        day = start
        # Stop a little before today for some people so Today shows overdue series.
        stop = today - timedelta(days=rng.choice((0, 0, 0, 0, 0, 0, 12)))
        while day < stop:
            for n in range(rng.randint(1, 3)):
                pool = rng.choice((TOPICS, TOPICS, THEIR_TOPICS, PRIVATE_TOPICS))
                repo.add_point(
                    series.id,
                    PointDraft(
                        text=rng.choice(pool),
                        raised_by="them" if pool is THEIR_TOPICS else "me",
                        visibility="private" if pool is PRIVATE_TOPICS else "shared",
                        # The week's first shared problem is the one to dig into.
                        deep=n == 0 and pool is not PRIVATE_TOPICS,
                    ),
                    day,
                )
            if rng.random() < 0.5:
                repo.add_action(
                    series.id,
                    ActionDraft(
                        text=rng.choice(ACTIONS),
                        owner=rng.choice(("me", "them")),
                        due_on=day + timedelta(days=rng.randint(3, 14)),
                    ),
                    day,
                )
            for point in repo.open_points(series.id):
                if point.id == recurring.id or rng.random() < 0.6:
                    repo.set_point_status(point.id, PointStatus.DISCUSSED)
            for action in repo.actions(series.id, open_only=True):
                if (
                    action.due_on
                    and action.due_on <= day + timedelta(days=7)
                    and rng.random() < 0.8
                ):
                    late = rng.random() < 0.25
                    repo.complete_action(
                        action.id,
                        action.due_on
                        + timedelta(days=rng.randint(1, 5) if late else -rng.randint(0, 2)),
                    )
            repo.set_draft_notes(
                series.id,
                NotesDraft(
                    shared=rng.choice(NOTES),
                    private=rng.choice(("", "", "Seemed tired.", "Ask about the offer.")),
                ),
            )
            # Holding decides what is filed and carried over: that rule is the use case's,
            # so the history is made the way the app makes it.
            hold_session(db, person, day)
            held += 1
            day += timedelta(weeks=every)
    return held
