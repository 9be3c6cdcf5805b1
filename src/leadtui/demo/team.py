"""The demo team: believable names, roles and start dates, and the few who have left."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import TYPE_CHECKING

from leadtui.domain.people import Relation
from leadtui.domain.people_input import PersonDraft
from leadtui.store.people import PeopleRepository

if TYPE_CHECKING:
    from leadtui.store.database import Store

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


def seed_team(
    db: Store, rng: random.Random, today: date, *, years: int, people: int
) -> tuple[int, int]:
    """Add ``people`` people: a manager, some peers and skips, the rest reports, with
    start dates up to ``years`` + 2 years back. Returns (added, archived).

    Runs inside the caller's write transaction: the rows go in as they are, the names
    being distinct by construction."""
    repo = PeopleRepository(db)
    added = archived = 0
    for name, relation in zip(_names(rng, people), _relation_plan(people), strict=False):
        roles = PEER_ROLES if relation in (Relation.PEER, Relation.MANAGER) else REPORT_ROLES
        title, level = rng.choice(roles)
        if relation is Relation.MANAGER:
            title, level = "VP of Engineering", "VP"
        started = today - timedelta(days=rng.randint(45, 365 * (years + 2)))
        person_id = repo.insert(
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
            repo.set_archived(person_id, max(left, started + timedelta(days=30)))
            archived += 1
    return added, archived
