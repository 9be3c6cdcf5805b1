"""Filling an empty database with the demo team and its history.

With large ``people`` and ``years`` the result is the benchmark database.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from leadtui.demo.context import seed_context
from leadtui.demo.energy import seed_energy
from leadtui.demo.oneonones import seed_oneonones
from leadtui.demo.reviews import seed_feedback
from leadtui.demo.rotations import seed_rotations
from leadtui.demo.safety import check_demo_size, refuse_unless_empty
from leadtui.demo.succession import seed_succession
from leadtui.demo.team import seed_team
from leadtui.demo.team_energy import seed_quarter_answers, seed_team_energy
from leadtui.store.database import write_transaction

if TYPE_CHECKING:
    from leadtui.store.database import Store


@dataclass(frozen=True)
class DemoSummary:
    """What the demo wrote."""

    people: int
    archived: int
    energy_days: int = 0
    energizing_work: int = 0
    sessions: int = 0
    feedback: int = 0
    t3b3s: int = 0
    rotations: int = 0
    succession: int = 0
    contexts: int = 0
    emails: int = 0
    observations: int = 0
    pushes: int = 0
    rated_sessions: int = 0
    quarter_reviews: int = 0


def seed_demo(
    db: Store,
    *,
    today: date,
    years: int = 2,
    people: int = 8,
    seed: int = 7,
) -> DemoSummary:
    """Fill an empty ``db`` with a believable team and its history.

    Refuses (:func:`refuse_unless_empty`) a database holding anything a person wrote,
    and writes nothing then.
    """
    check_demo_size(years=years, people=people)
    # One generator in a fixed order: the same seed gives the same team and history.
    rng = random.Random(seed)
    # Not journaled: years of invented history would double the file for the undo window.
    with write_transaction(db, journal=False):
        # Checked inside the write lock, so nothing a second leadtui writes meanwhile
        # ends up beside the demo.
        refuse_unless_empty(db)
        added, archived = seed_team(db, rng, today, years=years, people=people)
        energy_days, work_items = seed_energy(db, rng, today, years)
        sessions = seed_oneonones(db, rng, today, years)
        # Its own random generator, so the team and its history above stay as they were.
        feedback, t3b3s = seed_feedback(db, today, seed)
        # Its own generator too: succession is seeded last and moves nothing above.
        succession = seed_succession(db, today, seed)
        # Rotations last, from their own generator: nothing above moves.
        rotations = seed_rotations(db, today, seed)
        # The newer rituals after all that, each from its own generator: nothing above moves.
        contexts, emails = seed_context(db, today, seed)
        observations, pushes, rated = seed_team_energy(db, today, seed)
        seed_quarter_answers(db, today)
    return DemoSummary(
        people=added,
        archived=archived,
        energy_days=energy_days,
        energizing_work=work_items,
        sessions=sessions,
        feedback=feedback,
        t3b3s=t3b3s,
        rotations=rotations,
        succession=succession,
        contexts=contexts,
        emails=emails,
        observations=observations,
        pushes=pushes,
        rated_sessions=rated,
        quarter_reviews=1,
    )
