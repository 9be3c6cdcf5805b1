"""The demo team's rotations: Incident Review and Tech Spec Review in two offset seats
with a history of terms (most recognised, one not yet), and the weekly leadership
meeting hosted in turn for months, with a holiday skipped and a swap ahead.

It draws from its own random generator and is written last, so it never changes the
rest of the demo. Everything goes through the rotation use cases, as a person's
commands would.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import TYPE_CHECKING

from leadtui.domain.people import Relation
from leadtui.domain.rotations_input import CapacityDraft, HandoffDraft, HostDraft, RecognitionDraft
from leadtui.domain.validation import build
from leadtui.services import hosts as ho
from leadtui.services import rotations as ro
from leadtui.services.people import list_people
from leadtui.store.rotations import RotationRepository

if TYPE_CHECKING:
    from leadtui.store.database import Store

# Offset from the demo's seed: the rotations' own sequence of draws.
_SEED_OFFSET = 1505
_CAPACITIES = (
    ("Incident Review", "joins the quarterly planning review", 21),
    ("Tech Spec Review", "helps revise the annual engineering strategy", 14),
)
_HANDOFF = "Runbook and the review template are in the wiki; the Friday slot needs a backup."


def _months_back(today: date, months: int) -> date:
    first = date(today.year, today.month, 1)
    return ro.horizon_until(first, -months)


def seed_rotations(db: Store, today: date, seed: int) -> int:
    """Two capacities with history and a host rotation; the rows written (0 for a team
    too small to rotate)."""
    rng = random.Random(seed + _SEED_OFFSET)
    people = list_people(db)
    reports = [p for p in people if p.relation is Relation.REPORT]
    peers = [p for p in people if p.relation is Relation.PEER]
    if len(reports) < 4:
        return 0
    incident = reports[:4]
    # Tech Spec Review draws on the other reports and the peers, plus one who also serves
    # Incident Review: the plan keeps them from serving both at once.
    spec = [p for p in reports + peers if p not in incident][:4] + incident[-1:]
    rosters = (incident, spec)
    for index, (name, exposure, months) in enumerate(_CAPACITIES):
        start = _months_back(today, months)
        draft = build(CapacityDraft, today=today, name=name, starts_on=start, exposure=exposure)
        capacity = ro.add_capacity(db, draft, start)
        roster = rosters[index]
        ro.change_roster(db, capacity, [str(p.id) for p in roster])
        # Planned as the manager would have, term by term from the start; the term after
        # next is left open, so the plan and the checks have something to say.
        ro.plan(db, capacity, start, ro.horizon_until(today, 2))
        schedule = ro.schedule_of(db, capacity, today)
        for seg in schedule.segments:
            if seg.person_id is None or seg.starts > today:
                continue
            who = str(seg.person_id)
            finished = seg.ends < today
            # Most finished terms were called out at an All-Hands or a Q&A; the latest
            # one of the second capacity was not yet, which the checks flag.
            if finished and (index == 0 or seg.ends < today - timedelta(days=100)):
                day = min(today, seg.ends + timedelta(days=rng.randint(3, 20)))
                where = rng.choice(("all-hands", "qa"))
                ro.recognize(db, capacity, who, build(RecognitionDraft, today=day, day=day,
                                                      recognized_in=where))  # fmt: skip
                ro.record_exposure(db, capacity, who, seg.starts + timedelta(days=30))
            if finished and rng.random() < 0.5:
                ro.write_handoff(db, capacity, who, HandoffDraft(text=_HANDOFF), seg.ends)
            if seg.covers(today) and seg.seat == 1:
                ro.record_exposure(db, capacity, who, min(today, seg.starts + timedelta(days=20)))
    hosts = reports[:4]
    start = today - timedelta(weeks=20)
    ho.set_hosts(db, [str(p.id) for p in hosts], build(HostDraft, weekday="mon", at_time="09:30"),
                 start)  # fmt: skip
    monday = start + timedelta(days=(0 - start.weekday()) % 7)
    ho.skip_meeting(db, monday + timedelta(weeks=7))  # a public holiday
    upcoming = today + timedelta(days=(0 - today.weekday()) % 7)
    ho.swap_hosts(db, upcoming + timedelta(weeks=1), upcoming + timedelta(weeks=3))
    repo = RotationRepository(db)
    return (
        len(repo.capacities())
        + len(repo.members())
        + len(repo.exceptions())
        + len(repo.records())
        + len(repo.host_changes())
    )
