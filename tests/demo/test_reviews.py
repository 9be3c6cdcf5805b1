"""The demo's feedback log and T3B3s: two halves, every T3B3 state, the no-surprise flag,
areas that persist or close, and reports gone quiet."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest

from leadtui.demo import seed_demo
from leadtui.demo.reviews import GROWTH
from leadtui.domain.dates import half_of
from leadtui.domain.oneonones import Visibility
from leadtui.domain.people import Person, Relation
from leadtui.domain.reviews import FeedbackKind, T3B3Side, T3B3Status, half_over_half, words
from leadtui.errors import InputError
from leadtui.services.reviews import review_overview
from leadtui.store.database import Store, open_database
from leadtui.store.people import PeopleRepository
from leadtui.store.reviews import FeedbackRepository, T3B3Repository
from tests.helpers import TODAY

THIS = half_of(TODAY)
LAST = THIS.previous()


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The snapshot-sized demo, seeded once for the tests that only read it."""
    db = open_database(tmp_path_factory.mktemp("demo") / "leadtui.db")
    summary = seed_demo(db, today=TODAY, people=12, years=3)
    assert summary.feedback > 0 and summary.t3b3s > 0
    yield db
    db.close()


@pytest.fixture
def team(seeded: Store) -> list[Person]:
    """The demo team's active reports."""
    return [p for p in PeopleRepository(seeded).list() if p.relation is Relation.REPORT]


def test_feedback_spans_the_previous_and_the_current_half(
    seeded: Store, team: list[Person]
) -> None:
    repo = FeedbackRepository(seeded)
    entries = [f for p in team for f in repo.for_person(p.id)]
    assert {f.person_id for f in entries} == {p.id for p in team}
    first = LAST.bounds()[0]
    assert all(first <= f.given_on <= TODAY for f in entries)
    for half in (LAST, THIS):
        start, end = half.bounds()
        inside = [f for f in entries if start <= f.given_on <= end]
        assert {f.kind for f in inside} == set(FeedbackKind), half
    visibility = Counter(f.visibility for f in entries)
    assert visibility[Visibility.SHARED] > 3 * visibility[Visibility.PRIVATE] > 0
    # Believable and varied: nobody hears the same words twice.
    for person in team:
        texts = [f.text for f in repo.for_person(person.id)]
        assert len(texts) == len(set(texts)), person.name


def test_some_feedback_was_given_in_a_held_one_on_one_of_that_person(
    seeded: Store, team: list[Person]
) -> None:
    rows = seeded.execute(
        "select f.person_id, f.given_on, r.person_id, s.held_on from feedback f "
        "join oo_session s on s.id = f.session_id join oo_series r on r.id = s.series_id "
        "where f.series_id = s.series_id"
    ).fetchall()
    assert len(rows) >= len(team)
    assert all(given_to == series_of and given == held for given_to, given, series_of, held in rows)
    stray = seeded.execute(
        "select count(*) from feedback where (series_id is null) != (session_id is null)"
    ).fetchone()[0]
    assert stray == 0


def test_last_half_was_delivered_for_most_reports_one_not_in_person_one_wiped(
    seeded: Store, team: list[Person]
) -> None:
    records = T3B3Repository(seeded).for_halves([LAST.label])
    delivered = [t for t in records.values() if t.status is T3B3Status.DELIVERED]
    assert len(delivered) == len(records) > len(team) / 2
    start, end = LAST.bounds()
    assert all(t.delivered_on and start <= t.delivered_on <= end for t in delivered)
    assert [t.in_person for t in delivered].count(False) == 1
    wiped = [t for t in delivered if t.text_removed]
    assert len(wiped) == 1 and wiped[0].remove_text and wiped[0].items == ()
    kept = [t for t in delivered if not t.text_removed]
    assert all(t.filled == 6 and not t.surprises() for t in kept)


def test_this_half_mixes_delivered_ready_draft_and_not_started(
    seeded: Store, team: list[Person]
) -> None:
    records = T3B3Repository(seeded).for_halves([THIS.label])
    states = Counter(t.status for t in records.values())
    assert states[T3B3Status.DELIVERED] == 1
    assert states[T3B3Status.READY] >= 1 and states[T3B3Status.DRAFT] >= 1
    assert len(records) < len(team)  # someone is not started
    overview = review_overview(seeded, TODAY)
    texts = {text for _, text in overview.due}
    assert "not started" in texts and "ready" in texts
    assert any(text.startswith("draft ") and text != "draft 6/6" for text in texts)


def test_bottom_items_are_mostly_linked_and_one_would_be_a_surprise(
    seeded: Store, team: list[Person]
) -> None:
    records = T3B3Repository(seeded).for_halves([THIS.label]).values()
    bottoms = [i for t in records for i in t.side(T3B3Side.BOTTOM)]
    surprises = [i for t in records for i in t.surprises()]
    assert 1 <= len(surprises) <= 2
    linked = [i for i in bottoms if i.linked]
    assert len(linked) > 2 * len(surprises)
    assert any(
        i.point_id
        for t in T3B3Repository(seeded).for_halves([LAST.label, THIS.label]).values()
        for i in t.items
    )
    # Links point to earlier, shared evidence about the same person.
    for record in records:
        evidence = T3B3Repository(seeded).linked_evidence(record)
        for item in record.side(T3B3Side.BOTTOM):
            if item.feedback_id is not None:
                entry = FeedbackRepository(seeded).get(item.feedback_id)
                assert entry.person_id == record.person_id
                assert entry.kind is FeedbackKind.GROWTH
            if item.linked:
                assert evidence[item.id].visibility is Visibility.SHARED
                assert evidence[item.id].on <= (record.delivered_on or TODAY)


def test_some_areas_persist_into_this_half_and_some_close(
    seeded: Store, team: list[Person]
) -> None:
    repo = T3B3Repository(seeded)
    carried = [
        c
        for p in team
        for c in half_over_half(repo.get(p.id, LAST.label), repo.get(p.id, THIS.label))
    ]
    assert any(c.persists for c in carried)
    assert any(not c.persists for c in carried)


def test_one_or_two_reports_have_had_no_feedback_for_thirty_days(
    seeded: Store, team: list[Person]
) -> None:
    quiet = review_overview(seeded, TODAY).quiet
    assert 1 <= len(quiet) <= 2 < len(team)
    assert all(last is not None and (TODAY - last).days > 30 for _, last in quiet)


def test_each_area_to_grow_has_words_of_its_own() -> None:
    """Persisting or closed between halves is matched on shared words, so an area's two
    wordings share one and no two areas share any."""
    for index, area in enumerate(GROWTH):
        assert words(area.earlier) & words(area.persisting), area.earlier
        mine = words(area.earlier) | words(area.persisting)
        for other in GROWTH[index + 1 :]:
            assert not mine & (words(other.earlier) | words(other.persisting)), other.earlier


@pytest.mark.parametrize("people", [1, 2, 3, 8])
def test_small_teams_get_feedback_without_failing(db: Store, people: int) -> None:
    seed_demo(db, today=TODAY, people=people, years=1)
    reports = [p for p in PeopleRepository(db).list() if p.relation is Relation.REPORT]
    given = FeedbackRepository(db).last_given()
    assert all(p.id in given for p in reports)


def test_a_second_demo_is_refused_and_leaves_the_first_teams_feedback_alone(
    db: Store,
) -> None:
    seed_demo(db, today=TODAY, people=8, years=1)
    before = db.execute("select * from feedback order by id").fetchall()
    t3b3_before = db.execute("select id, person_id, half from t3b3 order by id").fetchall()
    with pytest.raises(InputError, match="only into an empty database"):
        seed_demo(db, today=TODAY, people=12, years=1)
    assert db.execute("select * from feedback order by id").fetchall() == before
    assert db.execute("select id, person_id, half from t3b3 order by id").fetchall() == t3b3_before
    assert PeopleRepository(db).count() == 8
