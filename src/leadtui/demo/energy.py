"""The demo's energy journal: years of daily entries with a rough patch four to six
months ago, and now and then a piece of energizing work."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from leadtui.domain.energy import (
    DayKind,
    EnergizingWork,
    EnergyEntry,
    EnergyThresholds,
    WorkKind,
    level_kind,
)
from leadtui.store.energy import EnergyRepository

if TYPE_CHECKING:
    from leadtui.store.database import Store

ENERGIZED_BY = (
    "pairing on a prototype",
    "a great design review",
    "coaching Sam",
    "deep work",
    "a hiring win",
    "writing the strategy doc",
    "team offsite",
)
DRAINED_BY = (
    "back-to-back meetings",
    "an incident",
    "budget spreadsheet",
    "a hard conversation",
    "status reporting",
    "reorg rumours",
)
WORK = (
    ("Prototype a search-ranking idea (no production dependencies)", "coding", 3.0, False),
    ("Coach two new managers", "coaching", 2.0, False),
    ("Explore the on-call data", "exploring", 2.5, False),
    ("Tune the CI pipeline", "optimizing", 2.0, True),
    ("Meetup talk on engineering strategy", "speaking", 4.0, False),
    ("Write the planning guide", "writing", 3.0, False),
)
# Entries are logged in the evening, looking back on the day.
LOGGED_AT = time(18, 0)


def seed_energy(db: Store, rng: random.Random, today: date, years: int) -> tuple[int, int]:
    """Daily entries (up to five years of them) and energizing work every nine days or
    so. Returns (entries, pieces of work) written."""
    days = min(years, 5) * 365
    rough = (today - timedelta(days=185), today - timedelta(days=120))
    thresholds = EnergyThresholds()
    entries: list[tuple[EnergyEntry, datetime]] = []
    for back in range(days, -1, -1):
        day = today - timedelta(days=back)
        if back and rng.random() < 0.12:  # people miss days
            continue
        base = 2.4 if rough[0] <= day <= rough[1] else 3.7
        level = max(1, min(5, round(rng.gauss(base, 0.9))))
        day_kind = level_kind(level, thresholds)
        good, bad = day_kind is DayKind.GOOD, day_kind is DayKind.DRAINED
        energized = (rng.choice(ENERGIZED_BY),) if good and rng.random() < 0.5 else ()
        drained = (rng.choice(DRAINED_BY),) if bad and rng.random() < 0.6 else ()
        entry = EnergyEntry(day, level, None, energized, drained)
        entries.append((entry, datetime.combine(day, LOGGED_AT)))
    repo = EnergyRepository(db)
    repo.insert_many(entries)
    work: list[tuple[EnergizingWork, datetime]] = []
    for back in range(days, 0, -9):
        title, kind, hours, creates = WORK[rng.randrange(len(WORK))]
        if kind == "speaking" and rng.random() < 0.85:
            continue  # speaking stays rare
        day = today - timedelta(days=back)
        piece = EnergizingWork(0, title, day, hours, WorkKind(kind), creates)
        work.append((piece, datetime.combine(day, LOGGED_AT)))
    repo.insert_work_many(work)
    return len(entries), len(work)
