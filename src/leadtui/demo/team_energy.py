"""The demo team's energy as the manager reads it: an observation in every other recent
one-on-one with each report (one of them falling three times in a row, so the team view
flags them), a launch marked last week (so slack time is suggested), ratings of the
recent one-on-ones (one report's falling session after session, so the running document
suggests changing the agenda), and the quarter review answered for the rough quarter.

It draws from its own random generator and is written after the rest of the demo, so it
never changes the team or its history.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from leadtui.domain.energy import quarter_bounds, quarter_label
from leadtui.domain.oneonones import ratings_falling
from leadtui.domain.people import Relation
from leadtui.domain.quarter_review_input import AnswersDraft
from leadtui.domain.team_energy_input import FALLS, TREND_DAYS, ObservationDraft, PushDraft
from leadtui.domain.validation import build
from leadtui.store.oneonones import OneOnOneRepository
from leadtui.store.people import PeopleRepository
from leadtui.store.quarter_answers import QuarterAnswersRepository
from leadtui.store.team_energy import TeamEnergyRepository

if TYPE_CHECKING:
    from leadtui.domain.oneonones import Session
    from leadtui.domain.people import Person
    from leadtui.store.database import Store

# Offset from the demo's seed: this module's own sequence of draws.
_SEED_OFFSET = 3301
# Observations are noted right after the one-on-one they were made in.
NOTED_AT = time(17, 0)
LAUNCH = "Checkout launch"
LAUNCH_DAYS_AGO = 6
RATED_SESSIONS = 8

# What the manager notes of a report's energy, by level (1–5).
OBSERVED = {
    2: (
        "Tired: cameras off, short answers.",
        "Flat after a week of incident follow-ups.",
    ),
    3: (
        "Steady, a bit quiet about the roadmap.",
        "Fine; busy with interviews.",
        "Some on-call fatigue, nothing worrying yet.",
    ),
    4: (
        "Good energy; keen on the migration.",
        "Engaged; brought two ideas for the planning doc.",
        "Relaxed after a long weekend.",
    ),
    5: (
        "Lively in the design review; volunteered for the spike.",
        "Energised: the search rewrite finally landed.",
    ),
}
# The report whose energy falls three times in a row, newest last.
FALLING = (
    (5, "Excited about owning the checkout flow."),
    (4, "Long days on the checkout launch, still upbeat."),
    (3, "Stretched: weekend work on the launch again."),
    (2, "Flat and short. Third weekend on the launch: talk about load and slack time."),
)
# Session ratings (1–5, how useful the one-on-one was), newest last, for the report
# whose one-on-ones keep getting less useful.
FALLING_RATINGS = (4, 5, 4, 5, 5, 4, 3, 2)

ANSWERS = AnswersDraft(
    learning=(
        "Lower than a year ago. The reorg taught me a lot about planning, "
        "but most weeks are the same status meetings."
    ),
    deenergized=(
        "Not consistently. The last weeks of the quarter were rough and the journal "
        "shows it, but the start was good: a bad stretch, not a pattern yet."
    ),
    closing=(
        "Yes. I closed two senior candidates this quarter and meant every word about the team."
    ),
    leaving=(
        "Yes: the search rewrite and the two new managers need me through the winter. "
        "Leaving now would do more damage than leaving in six months."
    ),
)


def _recent_sessions(repo: OneOnOneRepository, person: Person, today: date) -> list[Session]:
    """The person's sessions of the trend window, oldest first."""
    series = repo.series_for(person.id)
    if series is None:
        return []
    since = today - timedelta(days=TREND_DAYS)
    return [s for s in reversed(repo.sessions(series.id, limit=30)) if s.held_on > since]


def _observe(db: Store, rng: random.Random, today: date, person: Person, falls: bool) -> int:
    """Observe ``person`` in every other recent one-on-one; the observations written."""
    sessions = _recent_sessions(OneOnOneRepository(db), person, today)[::-2][::-1]
    if falls:
        plan = [(rng.choice((4, 5)), "") for _ in sessions[: -len(FALLING)]] + list(FALLING)
        plan = plan[-len(sessions) :] if sessions else []
    else:
        # 3–5, with now and then one bad day: a single 2 is not a pattern, and the team
        # view does not flag it (the next observation is back up).
        plan = [(rng.choice((3, 4, 4, 5)), "") for _ in sessions]
        # Three levels cannot fall three times in a row, and a lone 2 never stays: no flag.
        if len(plan) >= 3 and rng.random() < 0.4:
            plan[-3] = (2, "")
    repo = TeamEnergyRepository(db)
    for session, (level, note) in zip(sessions, plan, strict=True):
        draft = build(
            ObservationDraft,
            today=today,
            level=level,
            day=session.held_on,
            note=note or rng.choice(OBSERVED[level]),
        )
        repo.observe(person.id, draft, session.id, datetime.combine(session.held_on, NOTED_AT))
    return len(sessions)


def _rate(db: Store, rng: random.Random, today: date, person: Person, falls: bool) -> int:
    """Rate the person's last sessions (how useful each was); the sessions rated."""
    repo = OneOnOneRepository(db)
    series = repo.series_for(person.id)
    if series is None:
        return 0
    sessions = list(reversed(repo.sessions(series.id, limit=RATED_SESSIONS)))
    if falls:
        ratings = list(FALLING_RATINGS[-len(sessions) :]) if sessions else []
    else:
        ratings = [rng.choice((3, 4, 4, 5, 5)) for _ in sessions]
        if ratings_falling(ratings):
            # Three falls in a row would suggest a change; this one's are just uneven.
            ratings[-1] = ratings[-2]
    for session, rating in zip(sessions, ratings, strict=True):
        repo.set_rating(session.id, rating)
    return len(sessions)


def seed_team_energy(db: Store, today: date, seed: int) -> tuple[int, int, int]:
    """Observations, the launch and session ratings. One active report's energy falls
    and another's one-on-ones rate lower each time (when the team is big enough).
    Returns (observations, pushes, sessions rated)."""
    rng = random.Random(seed + _SEED_OFFSET)
    people = PeopleRepository(db).list(order="relation")
    reports = [p for p in people if p.relation is Relation.REPORT]
    one_on_ones = OneOnOneRepository(db)
    # Only someone met often enough lately can show four observations or four ratings.
    regular = [
        p for p in reports if len(_recent_sessions(one_on_ones, p, today)) >= 2 * (FALLS + 1)
    ]
    tired = regular[0] if regular else None
    drifting = regular[1] if len(regular) > 1 else None
    observed = rated = 0
    for person in reports:
        observed += _observe(db, rng, today, person, falls=person == tired)
        rated += _rate(db, rng, today, person, falls=person == drifting)
    # The manager rates the one-on-ones upward too: their own use of the time.
    for person in people:
        if person.relation is Relation.MANAGER:
            rated += _rate(db, rng, today, person, falls=False)
    launch = build(PushDraft, today=today, name=LAUNCH, day=today - timedelta(days=LAUNCH_DAYS_AGO))
    TeamEnergyRepository(db).add_push(launch)
    return observed, 1, rated


def seed_quarter_answers(db: Store, today: date) -> str:
    """The quarter review of the journal's rough quarter (four to six months back),
    answered a few days after it ended, with a decision date still ahead: the quarter
    label answered."""
    quarter = quarter_label(today - timedelta(days=150))
    answered = quarter_bounds(quarter)[1] + timedelta(days=5)
    # Undecided, so a date to decide by: three weeks ahead of the demo's today.
    draft = ANSWERS.model_copy(update={"decision_on": today + timedelta(days=21)})
    QuarterAnswersRepository(db).save(quarter, draft, min(answered, today))
    return quarter
