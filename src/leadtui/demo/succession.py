"""The demo team's succession planning: gaps and focus areas, a bench of two with a CEO
log, a career path, the meeting audit (last quarter done, this one half-way) and
vacations (a long one taken, one coming with a responsibility still unassigned).

It draws from its own random generator, so adding to it never changes the rest of the
demo, and it leaves a few checks failing on purpose so the screen has something to say.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import TYPE_CHECKING

from leadtui.domain.dates import half_of
from leadtui.domain.people import Person, Relation
from leadtui.domain.privacy import Visibility
from leadtui.domain.succession import (
    Audit,
    AuditDecision,
    Candidate,
    CareerStatus,
    CeoKind,
    GapStatus,
    MeetingKind,
    MeetingRole,
    Readiness,
    empty_plan,
    quarter_of,
)
from leadtui.store.people import PeopleRepository
from leadtui.store.succession import (
    CareerRepository,
    MeetingRepository,
    SuccessionRepository,
    VacationRepository,
)

if TYPE_CHECKING:
    from leadtui.store.database import Store

# What a report may be missing to thrive in an engineering director's role.
GAPS = (
    "Presenting to the board without notes",
    "Owning a budget through a planning cycle",
    "Hiring senior managers, not only engineers",
    "Saying no to the CEO with a better option",
    "Running the leadership staff meeting",
    "Cross-functional negotiation with Product",
    "Writing strategy others can act on",
    "Managing managers through a reorg",
)
MEETINGS = (
    ("Exec staff", "weekly", MeetingKind.EXEC_ONLY, MeetingRole.ATTENDEE),
    ("Board prep", "quarterly", MeetingKind.BOARD, MeetingRole.ATTENDEE),
    ("Eng leadership weekly", "weekly", MeetingKind.LEADERSHIP, MeetingRole.HOST),
    ("Product and eng sync", "fortnightly", MeetingKind.CROSS_FUNCTIONAL, MeetingRole.OWNER),
    ("Incident review", "weekly", MeetingKind.OTHER, MeetingRole.OWNER),
    ("Hiring committee", "weekly", MeetingKind.OTHER, MeetingRole.ATTENDEE),
)
CEO_GROWTH = (
    "{name} ran the planning offsite end to end",
    "{name} closed two senior hires this quarter",
    "{name} handled the outage review with the board calmly",
)
CEO_RELATIONSHIP = (
    "{name} presented the reliability plan at exec staff",
    "{name} had a skip-level lunch with the CEO",
)


def seed_succession(db: Store, today: date, seed: int, start_month: int = 1) -> int:
    """Succession records for the demo team's active reports; how many rows were
    written (gaps, focus areas, candidates, notes, meetings, audits, vacations)."""
    rng = random.Random(f"succession-{seed}")
    reports = [p for p in PeopleRepository(db).list() if p.relation is Relation.REPORT]
    repo = SuccessionRepository(db)
    written = 0
    half = half_of(today, start_month)
    for index, person in enumerate(reports):
        picks = rng.sample(GAPS, k=2 if index % 3 else 1)
        for n, text in enumerate(picks):
            noted = today - timedelta(days=rng.randint(150, 300))
            gap_id = repo.add_gap(person.id, text, noted, Visibility.SHARED)
            written += 1
            if n == 0 and rng.random() < 0.6:
                moved = noted + timedelta(days=rng.randint(40, 120))
                repo.set_gap_status(gap_id, GapStatus.IMPROVING, moved)
            agreed = half.previous().bounds(start_month)[0] + timedelta(days=rng.randint(5, 30))
            if n == 0:
                repo.add_focus(person.id, half.previous().label, text, gap_id, agreed)
                # One report has no focus this half yet: the check has something to say.
                if index != len(reports) - 1:
                    first = half.bounds(start_month)[0] + timedelta(days=rng.randint(5, 30))
                    repo.add_focus(person.id, half.label, text, gap_id, min(first, today))
                written += 1
    written += _bench(db, rng, reports, today)
    written += _meetings(db, rng, reports, today)
    written += _vacations(db, reports, today)
    return written


def _bench(db: Store, rng: random.Random, reports: list[Person], today: date) -> int:
    """The two most senior reports on the bench (one interim), a CEO log over the year,
    and a career path for the first."""
    if not reports:
        return 0
    repo = SuccessionRepository(db)
    bench = sorted(reports, key=lambda p: (p.level or "", p.started_on or today))[-2:]
    written = 0
    for n, person in enumerate(reversed(bench)):
        readiness = Readiness.ONE_YEAR if n == 0 else Readiness.TWO_YEARS
        pending = "one budget cycle as owner" if n == 0 else None
        # The second was last reviewed long ago: readiness goes stale.
        reviewed = today - timedelta(days=20 if n == 0 else 120)
        designated = today - timedelta(days=300)
        repo.save_candidate(Candidate(person.id, readiness, pending, n == 0, reviewed, designated))
        name = person.name.split()[0]
        for back in (250, 160, 70, 30):
            if n == 1 and back < 100:
                continue  # no CEO mention this quarter: the check flags it
            texts = CEO_RELATIONSHIP if back % 20 == 10 else CEO_GROWTH
            kind = CeoKind.RELATIONSHIP if texts is CEO_RELATIONSHIP else CeoKind.GROWTH
            day = today - timedelta(days=back + rng.randint(0, 5))
            repo.add_ceo_note(
                day, rng.choice(texts).format(name=name), person.id, kind, Visibility.SHARED
            )
            written += 1
        written += 1
    repo.add_ceo_note(
        today - timedelta(days=12),
        "The leadership team ran the offsite while I was out",
        None,
        CeoKind.GROWTH,
        Visibility.SHARED,
    )
    careers = CareerRepository(db)
    first = bench[-1]
    plan = careers.save_plan(
        empty_plan(first.id)._replace(
            goal="Lead the engineering organisation",
            aligned_up_on=today - timedelta(days=200),
            aligned_up_note="CEO supports a test run once the budget milestone is met",
            status=CareerStatus.PARTNERING,
        )
    )
    careers.add_milestone(plan.id, "Own the Q3 budget end to end", today - timedelta(days=60))
    careers.add_milestone(
        plan.id, "Run the leadership staff meeting for a month", today + timedelta(days=45)
    )
    met = careers.plan_for(first.id)
    if met is not None:
        careers.set_met(met.milestones[0].id, today - timedelta(days=55))
    return written + 2


def _meetings(db: Store, rng: random.Random, reports: list[Person], today: date) -> int:
    """Six meetings; last quarter all audited, this quarter half of them."""
    repo = MeetingRepository(db)
    ids = [repo.add(name, cadence, kind, role) for name, cadence, kind, role in MEETINGS]
    quarter = quarter_of(today)
    last_quarter = quarter_of(today.replace(day=1) - timedelta(days=80))
    written = len(ids)
    delegate = reports[0].id if reports else None
    decisions = (
        (AuditDecision.KEEP, None, None, None),
        (AuditDecision.KEEP, None, None, None),
        (
            AuditDecision.PARTNER,
            None,
            "Budget fluency to chair the spending review",
            "Co-run the next two meetings, then hand over",
        ),
        (AuditDecision.DELEGATE, delegate, None, None),
        (AuditDecision.DELEGATED, delegate, None, None),
        (AuditDecision.KEEP, None, None, None),
    )
    for meeting_id, (decision, to, missing, plan) in zip(ids, decisions, strict=True):
        if decision.needs_delegate and to is None:
            decision = AuditDecision.KEEP
        day = today - timedelta(days=rng.randint(85, 95))
        repo.save_audit(Audit(0, meeting_id, last_quarter, decision, to, missing, plan, day))
        written += 1
    for meeting_id, (decision, to, missing, plan) in list(zip(ids, decisions, strict=True))[:3]:
        repo.save_audit(
            Audit(0, meeting_id, quarter, decision, to, missing, plan, today - timedelta(days=9))
        )
        written += 1
    return written


def _vacations(db: Store, reports: list[Person], today: date) -> int:
    """A long vacation taken this year, and one in three weeks with one responsibility
    nobody covers yet."""
    repo = VacationRepository(db)
    summer = date(today.year, 7, 6)
    if summer + timedelta(days=15) >= today:
        summer = date(today.year - 1, 7, 6)
    taken = repo.add(summer, summer + timedelta(days=15), True)
    coming_start = today + timedelta(days=21)
    coming = repo.add(coming_start, coming_start + timedelta(days=9), True)
    covers = ("Hiring decisions", "Incident escalation", "Exec staff")
    for n, responsibility in enumerate(covers):
        person = reports[n % len(reports)].id if reports else None
        repo.save_cover(taken, responsibility, person)
        repo.save_cover(coming, responsibility, None if n == 2 else person)
    return 2 + 2 * len(covers)
