"""A realistic demo team for first-time users and for the benchmark dataset.

Later rituals extend :func:`seed_demo` with their history; with large
``people`` and ``years`` the result is the benchmark database.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from leadtui.domain.energy import EnergyThresholds
from leadtui.domain.oneonones import PointStatus
from leadtui.domain.people import Relation
from leadtui.domain.people_input import PersonDraft
from leadtui.domain.text import plural
from leadtui.errors import InputError
from leadtui.services.demo_feedback import seed_feedback
from leadtui.store.database import write_transaction
from leadtui.store.people import PeopleRepository

FIRST_NAMES = (
    "Sam",
    "Priya",
    "Jordan",
    "Mei",
    "Diego",
    "Amara",
    "Lukas",
    "Noor",
    "Tomás",
    "Hana",
    "Kwame",
    "Ines",
    "Ravi",
    "Sofia",
    "Ade",
    "Yuki",
    "Elena",
    "Marcus",
    "Leila",
    "Owen",
    "Chidi",
    "Freya",
    "Mateo",
    "Aiko",
    "Farah",
    "Jonas",
    "Zainab",
    "Pablo",
    "Greta",
    "Idris",
    "Camille",
    "Tariq",
    "Astrid",
    "Kofi",
    "Nadia",
    "Rowan",
    "Ingrid",
    "Emeka",
    "Lina",
    "Theo",
)
LAST_NAMES = (
    "Okafor",
    "Lindqvist",
    "Nakamura",
    "Haddad",
    "Moreau",
    "Kowalski",
    "Mensah",
    "Silva",
    "Fischer",
    "Rahman",
    "Ibarra",
    "Chen",
    "Novak",
    "Adeyemi",
    "Bergström",
    "Costa",
    "Iyer",
    "Kim",
    "Dubois",
    "Petrov",
    "Ansah",
    "Romero",
    "Sato",
    "Weber",
    "Osei",
    "Hughes",
)
TEAMS = ("Payments", "Platform", "Search", "Mobile", "Data", "Identity", "Developer Tools")
REPORT_ROLES = (
    ("Engineering Manager", "M4"),
    ("Senior Engineering Manager", "M5"),
    ("Staff Engineer", "IC6"),
    ("Senior Engineer", "IC5"),
    ("Engineer", "IC4"),
    ("Principal Engineer", "IC7"),
)
PEER_ROLES = (
    ("Director of Product", "D1"),
    ("Head of Design", "D1"),
    ("Director of Data Science", "D1"),
    ("Recruiting Lead", "M5"),
    ("Director of Engineering", "D1"),
)

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


def _relation_plan(count: int) -> list[Relation]:
    plan: list[Relation] = []
    if count >= 1:
        plan.append(Relation.MANAGER)
    peers = max(1, count // 6) if count >= 4 else 0
    skips = count // 8
    others = count // 20
    plan += [Relation.PEER] * peers + [Relation.SKIP] * skips + [Relation.OTHER] * others
    plan += [Relation.REPORT] * (count - len(plan))
    return plan[:count]


def _names(rng: random.Random, count: int) -> list[str]:
    pairs = [(f, last) for f in FIRST_NAMES for last in LAST_NAMES]
    rng.shuffle(pairs)
    seen_first: set[str] = set()
    names: list[str] = []
    for first, last in pairs:
        # Prefer distinct first names so prefixes like "Sam" resolve to one person.
        if first in seen_first and len(seen_first) < len(FIRST_NAMES):
            continue
        seen_first.add(first)
        names.append(f"{first} {last}")
        if len(names) == count:
            break
    return names


# Every table a person writes into, and how a refusal names its rows. The demo writes
# only where all of them are empty, so a ritual's new table belongs here (a test fails
# when a table is neither here nor in DEMO_IGNORES).
USER_TABLES: tuple[tuple[str, str, str], ...] = (
    ("person", "person", "people"),
    ("energy_entry", "energy day", "energy days"),
    ("energizing_work", "piece of energizing work", "pieces of energizing work"),
    ("oo_series", "one-on-one series", "one-on-one series"),
    ("oo_occurrence_change", "moved or skipped one-on-one", "moved or skipped one-on-ones"),
    ("oo_session", "one-on-one held", "one-on-ones held"),
    ("oo_point", "talking point", "talking points"),
    ("oo_action", "action item", "action items"),
    ("feedback", "feedback entry", "feedback entries"),
    ("t3b3", "T3B3", "T3B3s"),
    ("t3b3_item", "T3B3 item", "T3B3 items"),
)
# Tables that hold no one's words: the schema's own bookkeeping.
DEMO_IGNORES = frozenset({"_sqlite_migrations"})


def user_data(db: Store) -> list[str]:
    """What a person has written into ``db``, one phrase per non-empty table
    ("3 people", "40 energy days"); an empty list for a database the demo may fill."""
    held: list[str] = []
    for table, one, many in USER_TABLES:
        count = int(db.execute(f"select count(*) from {table}").fetchone()[0])
        if count:
            held.append(plural(count, one, many))
    return held


def refuse_unless_empty(db: Store) -> None:
    """Refuse, with one line naming what is there, a database that holds anything a
    person wrote: the demo's invented history must never land beside real people."""
    held = user_data(db)
    if not held:
        return
    # Three kinds are enough to recognise one's own data; the line stays readable.
    shown = ", ".join(held[:3]) + (" and more" if len(held) > 3 else "")
    raise InputError(
        f"demo writes only into an empty database and this one holds your data ({shown}); "
        "try it in a new file: leadtui demo --db demo.db"
    )


def check_demo_size(*, years: int, people: int) -> None:
    """Refuse a demo size outside what the demo can make believable."""
    if not 1 <= people <= 500:
        raise InputError(f"--people must be 1–500, got {people}")
    if not 1 <= years <= 20:
        raise InputError(f"--years must be 1–20, got {years}")


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
    rng = random.Random(seed)
    repo = PeopleRepository(db)
    added = archived = 0
    with write_transaction(db):
        # Checked inside the write lock, so nothing a second leadtui writes meanwhile
        # ends up beside the demo.
        refuse_unless_empty(db)
        for name, relation in zip(_names(rng, people), _relation_plan(people), strict=False):
            roles = PEER_ROLES if relation in (Relation.PEER, Relation.MANAGER) else REPORT_ROLES
            title, level = rng.choice(roles)
            if relation is Relation.MANAGER:
                title, level = "VP of Engineering", "VP"
            started = today - timedelta(days=rng.randint(45, 365 * (years + 2)))
            person = repo.add(
                PersonDraft(
                    name=name,
                    relation=relation,
                    title=title,
                    level=level,
                    team=rng.choice(TEAMS) if relation is not Relation.MANAGER else None,
                    started_on=started,
                )
            )
            added += 1
            # About one report in ten has left: archived, history kept.
            if relation is Relation.REPORT and rng.random() < 0.1 and people >= 6:
                left = today - timedelta(days=rng.randint(30, 300))
                repo.archive(person.id, max(left, started + timedelta(days=30)))
                archived += 1
        energy_days, work_items = _seed_energy(db, rng, today, years)
        sessions = _seed_oneonones(db, rng, today, years)
        # Its own random generator, so the team and its history above stay as they were.
        feedback, t3b3s = seed_feedback(db, today, seed)
    return DemoSummary(
        people=added,
        archived=archived,
        energy_days=energy_days,
        energizing_work=work_items,
        sessions=sessions,
        feedback=feedback,
        t3b3s=t3b3s,
    )


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


def _seed_energy(db: Store, rng: random.Random, today: date, years: int) -> tuple[int, int]:
    """Daily entries with a rough patch four to six months ago, and energizing work."""
    from leadtui.domain.energy import level_kind

    days = min(years, 5) * 365
    rough = (today - timedelta(days=185), today - timedelta(days=120))
    entries = []
    for back in range(days, -1, -1):
        day = today - timedelta(days=back)
        if back and rng.random() < 0.12:  # people miss days
            continue
        base = 2.4 if rough[0] <= day <= rough[1] else 3.7
        level = max(1, min(5, round(rng.gauss(base, 0.9))))
        kind = level_kind(level, EnergyThresholds())
        energized = [rng.choice(ENERGIZED_BY)] if kind == "good" and rng.random() < 0.5 else []
        drained = [rng.choice(DRAINED_BY)] if kind == "drained" and rng.random() < 0.6 else []
        entries.append(
            (
                day.isoformat(),
                level,
                None,
                json.dumps(energized),
                json.dumps(drained),
                day.isoformat() + "T18:00:00",
            )
        )
    db.conn.executemany(
        "insert into energy_entry (day, level, note, energized_by, drained_by, "
        "logged_at) values (?, ?, ?, ?, ?, ?)",
        entries,
    )
    work = []
    for back in range(days, 0, -9):
        title, kind, hours, creates = WORK[rng.randrange(len(WORK))]
        if kind == "speaking" and rng.random() < 0.85:
            continue  # speaking stays rare
        day = today - timedelta(days=back)
        work.append((title, day.isoformat(), hours, kind, int(creates), day.isoformat()))
    db.conn.executemany(
        "insert into energizing_work (title, day, hours, kind, creates_work_for_other_teams, "
        "created_at) values (?, ?, ?, ?, ?, ?)",
        work,
    )
    return len(entries), len(work)


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


def _seed_oneonones(db: Store, rng: random.Random, today: date, years: int) -> int:
    """Weekly series for reports and peers, with years of held sessions: discussed and
    carried points, done and overdue actions, shared and private notes."""
    from leadtui.domain.oneonones_input import ActionDraft, NotesDraft, PointDraft, SeriesDraft
    from leadtui.domain.people import Relation
    from leadtui.store.oneonones import OneOnOneRepository

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
            for _ in range(rng.randint(1, 3)):
                pool = rng.choice((TOPICS, TOPICS, THEIR_TOPICS, PRIVATE_TOPICS))
                repo.add_point(
                    series.id,
                    PointDraft(
                        text=rng.choice(pool),
                        raised_by="them" if pool is THEIR_TOPICS else "me",
                        visibility="private" if pool is PRIVATE_TOPICS else "shared",
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
            current = repo.series_for(person.id)
            assert current is not None
            repo.close_session(current, day)
            held += 1
            day += timedelta(weeks=every)
    return held
