"""Row-level writes that take records already whole (days, dates, sessions and delivery
as given): what goes in is what reads back, and a clash writes nothing."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

import pytest

from leadtui.domain.energy import EnergizingWork, EnergyEntry, WorkKind
from leadtui.domain.oneonones import Visibility
from leadtui.domain.people_input import PersonDraft
from leadtui.domain.reviews import T3B3, Feedback, FeedbackKind, T3B3Item, T3B3Side
from leadtui.store.database import Store
from leadtui.store.energy import EnergyRepository
from leadtui.store.people import PeopleRepository
from leadtui.store.reviews import FeedbackRepository, T3B3Repository
from leadtui.store.tables import row_counts

DAY = date(2026, 10, 1)
AT = datetime(2026, 10, 1, 18, 0)


def person(db: Store) -> int:
    return PeopleRepository(db).add(PersonDraft(name="Sam")).id


def test_energy_days_go_in_together_and_a_stored_day_refuses_them_all(db: Store) -> None:
    repo = EnergyRepository(db)
    days = [
        EnergyEntry(DAY, 4, None, ("deep work",), ()),
        EnergyEntry(date(2026, 10, 2), 2, "long day", (), ("an incident",)),
    ]
    repo.insert_many((entry, AT) for entry in days)
    assert repo.entries() == days
    with pytest.raises(sqlite3.IntegrityError):
        repo.insert_many([(EnergyEntry(date(2026, 10, 3), 3), AT), (days[0], AT)])
    assert repo.count() == 2


def test_energizing_work_takes_its_ids_from_the_table(db: Store) -> None:
    repo = EnergyRepository(db)
    piece = EnergizingWork(0, "Coach two new managers", DAY, 2.0, WorkKind.COACHING, False)
    repo.insert_work_many([(piece, AT), (piece._replace(title="Tune CI"), AT)])
    assert [(w.id, w.title) for w in repo.work()] == [(2, "Tune CI"), (1, piece.title)]


def test_feedback_keeps_its_day_and_session(db: Store) -> None:
    pid = person(db)
    repo = FeedbackRepository(db)
    given = Feedback(
        0, pid, DAY, FeedbackKind.GROWTH, "Buried the ask", Visibility.PRIVATE, None, None
    )
    stored = repo.insert(given, AT)
    assert stored.id > 0 and stored == given._replace(id=stored.id)
    assert repo.get(stored.id) == stored


def test_a_t3b3_goes_in_whole_with_links_and_delivery(db: Store) -> None:
    pid = person(db)
    note = FeedbackRepository(db).insert(
        Feedback(0, pid, DAY, FeedbackKind.GROWTH, "Buried the ask", Visibility.SHARED, None, None),
        AT,
    )
    items = tuple(T3B3Item(0, T3B3Side.TOP, r, f"strength {r}", None, None) for r in (1, 2, 3))
    items += tuple(
        T3B3Item(0, T3B3Side.BOTTOM, r, f"area {r}", note.id if r == 1 else None, None)
        for r in (1, 2, 3)
    )
    stored = T3B3Repository(db).insert(
        T3B3(0, pid, "2026-H2", items, date(2026, 11, 2), True, False, False)
    )
    assert stored.delivered_on == date(2026, 11, 2) and stored.in_person is True
    assert [(i.side, i.rank, i.text, i.feedback_id) for i in stored.items] == [
        (i.side, i.rank, i.text, i.feedback_id) for i in items
    ]
    removed = T3B3Repository(db).insert(
        T3B3(0, pid, "2026-H1", (), date(2026, 6, 5), True, True, True)
    )
    assert removed.items == () and removed.text_removed and removed.in_person


def test_row_counts_name_each_table(db: Store) -> None:
    person(db)
    assert row_counts(db, ["person", "feedback"]) == {"person": 1, "feedback": 0}
