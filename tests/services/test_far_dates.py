"""A database from an older version may hold far dates (a series starting 9999-12-27, a
session moved to 9999-12-31, an action due in 9999): every read survives them and the
series reads as not scheduled."""

from __future__ import annotations

import pytest

from leadtui.domain.oneonones_input import SeriesDraft
from leadtui.domain.people_input import PersonDraft
from leadtui.domain.privacy import Audience
from leadtui.errors import InputError
from leadtui.export.json import running_document_json
from leadtui.export.oneonone import oneonone_document
from leadtui.services.oneonones import (
    ALL_HISTORY,
    oneonone_overview,
    reschedule,
    running_document,
)
from leadtui.services.people import resolve_person
from leadtui.services.today import today_overview
from leadtui.store.database import Store
from leadtui.store.oneonones import OneOnOneRepository
from leadtui.store.people import PeopleRepository
from tests.helpers import TODAY


def old_database(db: Store) -> None:
    """Pat's series starts 9999-12-27; Sam's is normal but has far moves, skips and dues,
    all written with raw SQL as an older version could have."""
    people = PeopleRepository(db)
    pat = people.add(PersonDraft(name="Pat"))
    sam = people.add(PersonDraft(name="Sam"))
    repo = OneOnOneRepository(db)
    repo.save_series(pat.id, SeriesDraft(weekday=0, starts_on=TODAY))
    sam_series = repo.save_series(sam.id, SeriesDraft(weekday=1, starts_on=TODAY))
    with db.conn:
        db.execute("update oo_series set starts_on = '9999-12-27' where person_id = ?", [pat.id])
        db.execute(
            "insert into oo_occurrence_change (series_id, original_on, moved_to) values "
            "(?, '2026-12-01', '9999-12-31'), (?, '9999-12-28', null)",
            [sam_series.id, sam_series.id],
        )
        db.execute(
            "insert into oo_action (series_id, text, owner, due_on, created_on) values "
            "(?, 'Far away', 'me', '9999-12-31', ?)",
            [sam_series.id, TODAY.isoformat()],
        )


def test_running_document_of_a_far_future_series_is_not_scheduled(db: Store) -> None:
    old_database(db)
    pat = resolve_person(db, "Pat")
    doc = running_document(db, pat, TODAY, history=ALL_HISTORY)
    assert doc.next_on is None and not doc.overdue
    assert running_document_json(doc)["next_session"] is None
    assert "**Next session:** not scheduled" in oneonone_document(doc, Audience.PRIVATE, TODAY)


def test_far_moves_and_dues_of_a_normal_series_are_shown_not_fatal(db: Store) -> None:
    old_database(db)
    sam = resolve_person(db, "Sam")
    doc = running_document(db, sam, TODAY)
    assert doc.next_on is not None and doc.next_on.isoformat() == "2026-11-24"
    assert "Tue 1 Dec moved to Fri 31 Dec" in doc.upcoming_changes(TODAY)
    assert [a.due_on.isoformat() for a in doc.actions if a.due_on] == ["9999-12-31"]
    oneonone_document(doc, Audience.PERSON, TODAY)


def test_todays_cards_survive_a_far_future_series(db: Store) -> None:
    old_database(db)
    overview = oneonone_overview(db, TODAY)
    assert [(p.name, day.isoformat()) for p, _, day in overview.this_week] == []
    assert [p.name for p in overview.overdue_series] == []
    today = today_overview(db, TODAY)
    assert today.oneonones is not None and today.people_count == 2


def test_moving_the_unscheduled_series_is_refused_with_a_reason(db: Store) -> None:
    old_database(db)
    pat = resolve_person(db, "Pat")
    with pytest.raises(InputError, match="no upcoming session"):
        reschedule(db, pat, TODAY, on=None, to=None)
