"""Review use cases, each on a real temporary database with today pinned."""

from __future__ import annotations

from datetime import timedelta

from leadtui.domain.feedback import FeedbackKind
from leadtui.domain.feedback_input import FeedbackDraft
from leadtui.domain.people import Person
from leadtui.domain.people_input import PersonDraft
from leadtui.domain.validation import build
from leadtui.services.people import add_person, archive_person
from leadtui.services.review import add_feedback
from leadtui.store.database import Store
from tests.helpers import TODAY


def report(db: Store, name: str = "Sam Okafor") -> Person:
    return add_person(db, PersonDraft(name=name, relation="report"))


def draft(text: str = "Clear design doc", **values: object) -> FeedbackDraft:
    return build(FeedbackDraft, today=TODAY, text=text, **values)


def test_add_feedback_records_the_entry(db: Store) -> None:
    sam = report(db)
    added = add_feedback(db, sam, draft(kind="growth", day="yesterday"))
    entry = added.entry
    assert (entry.person_id, entry.kind, entry.given_on) == (
        sam.id,
        FeedbackKind.GROWTH,
        TODAY - timedelta(days=1),
    )
    assert added.notice is None


def test_add_feedback_for_an_archived_person_is_recorded_with_a_notice(db: Store) -> None:
    sam = archive_person(db, report(db).id, TODAY)
    added = add_feedback(db, sam, draft())
    assert added.entry.id > 0
    assert added.notice is not None and "archived" in added.notice
