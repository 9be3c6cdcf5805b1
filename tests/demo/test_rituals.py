"""The demo's newer rituals: personal context, addresses a calendar import matches, the
manager's observations of each report's energy and a launch, rated one-on-ones and an
answered quarter review, each believable and each showing its check."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from leadtui.demo import seed_demo
from leadtui.domain.energy import quarter_bounds
from leadtui.domain.oneonones import RATING_ADVICE
from leadtui.domain.people import Person, Relation
from leadtui.domain.team_energy_input import SLACK_ADVICE, TREND_DAYS, Flag
from leadtui.services.context import person_context
from leadtui.services.oneonones import running_document
from leadtui.services.people import person_with_email
from leadtui.services.team_energy import team_energy
from leadtui.store.database import Store, open_database
from leadtui.store.oneonones import OneOnOneRepository
from leadtui.store.people import PeopleRepository
from leadtui.store.quarter_answers import QuarterAnswersRepository
from leadtui.store.team_energy import TeamEnergyRepository
from tests.helpers import TODAY


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The snapshot-sized demo, seeded once for the tests that only read it."""
    path = tmp_path_factory.mktemp("demo") / "leadtui.db"
    db = open_database(path)
    try:
        summary = seed_demo(db, today=TODAY, people=12, years=3)
    finally:
        db.close()
    assert summary.contexts and summary.emails and summary.observations
    assert summary.pushes == 1 and summary.rated_sessions and summary.quarter_reviews == 1
    return path


@pytest.fixture
def seeded(demo_path: Path) -> Iterator[Store]:
    db = open_database(demo_path)
    yield db
    db.close()


@pytest.fixture
def people(seeded: Store) -> list[Person]:
    """Everyone active in the demo."""
    return PeopleRepository(seeded).list()


def reports(people: list[Person]) -> list[Person]:
    return [p for p in people if p.relation is Relation.REPORT]


def test_every_report_the_manager_and_the_peers_have_a_personal_context(
    seeded: Store, people: list[Person]
) -> None:
    kept = {p.id: person_context(seeded, p) for p in people}
    for person in people:
        if person.relation in (Relation.REPORT, Relation.MANAGER, Relation.PEER):
            assert not kept[person.id].empty, person.name
    for person in reports(people):
        # What a newcomer opens first: all four named fields written for each report.
        context = kept[person.id]
        assert context.cares_about and context.feedback_style and context.goals
        assert context.time_off
    # Believable: not one text pasted onto everyone.
    assert len({kept[p.id].cares_about for p in reports(people)}) > 1


def test_people_met_in_a_ritual_have_distinct_addresses_a_calendar_import_finds(
    seeded: Store, people: list[Person]
) -> None:
    met = [p for p in people if p.relation is not Relation.OTHER]
    assert met and all(p.email for p in met)
    addresses = [p.email for p in met]
    assert len(set(addresses)) == len(addresses)
    for person in met:
        assert person.email is not None and person.email.isascii()
        assert person.email.endswith("@example.com")  # reserved: never a real mailbox
        found = person_with_email(seeded, person.email.upper())
        assert found is not None and found.id == person.id


def test_the_team_view_observes_every_report_flags_one_and_suggests_slack_time(
    seeded: Store, people: list[Person]
) -> None:
    view = team_energy(seeded, TODAY)
    assert {r.person.id for r in view.reports} == {p.id for p in reports(people)}
    assert all(r.last is not None and len(r.trend) >= 2 for r in view.reports)
    assert [r.flag for r in view.flagged] == [Flag.FALLING]
    assert view.advice is not None and view.advice.startswith(SLACK_ADVICE)
    assert "Checkout launch" in view.advice
    since = TODAY - timedelta(days=TREND_DAYS)
    observations = TeamEnergyRepository(seeded).since(since - timedelta(days=1))
    assert all(since < o.day <= TODAY and o.note for o in observations)
    # Observed in the one-on-ones: each linked to the session held that day.
    one_on_ones = OneOnOneRepository(seeded)
    for observation in observations:
        assert observation.session_id is not None
        session = one_on_ones.session(observation.session_id)
        assert session.held_on == observation.day


def test_one_report_s_ratings_fall_and_the_running_document_says_so(
    seeded: Store, people: list[Person]
) -> None:
    advised = []
    for person in reports(people):
        doc = running_document(seeded, person, TODAY)
        if doc.ratings:
            assert all(1 <= r <= 5 for r in doc.ratings)
        if doc.rating_advice == RATING_ADVICE:
            advised.append(person)
    assert len(advised) == 1
    flagged = [r.person for r in team_energy(seeded, TODAY).flagged]
    # Two different people, so each check shows on its own.
    assert advised != flagged


def test_the_rough_quarter_is_answered_with_a_decision_date_ahead(seeded: Store) -> None:
    rows = seeded.execute("select quarter from energy_quarter_answers").fetchall()
    assert len(rows) == 1
    answers = QuarterAnswersRepository(seeded).for_quarter(rows[0][0])
    assert all(text for _, text in answers.answered())
    first, last = quarter_bounds(answers.quarter)
    assert last < TODAY
    # The quarter of the journal's rough patch, four to six months back.
    assert first <= TODAY - timedelta(days=150) <= last
    assert answers.decision_on is not None and answers.decision_on > TODAY


def table_rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the new rituals' tables, and the people with their addresses."""
    conn = sqlite3.connect(path)
    try:
        return {
            table: conn.execute(f"select * from {table} order by 1, 2").fetchall()
            for table in (
                "person_context",
                "energy_observation",
                "team_push",
                "energy_quarter_answers",
            )
        } | {
            "person": conn.execute("select id, name, email from person order by id").fetchall(),
            "rating": conn.execute("select id, rating from oo_session order by id").fetchall(),
        }
    finally:
        conn.close()


def test_the_same_seed_writes_the_same_rows(demo_path: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.db"
    db = open_database(again)
    try:
        seed_demo(db, today=TODAY, people=12, years=3)
    finally:
        db.close()
    assert table_rows(again) == table_rows(demo_path)


@pytest.mark.parametrize("people", [1, 3, 6])
def test_a_small_team_gets_what_it_can_show(tmp_path: Path, people: int) -> None:
    db = open_database(tmp_path / f"small{people}.db")
    try:
        summary = seed_demo(db, today=TODAY, people=people, years=1)
        assert summary.contexts >= 1 and summary.emails >= 1
        assert team_energy(db, TODAY).advice is not None
    finally:
        db.close()
