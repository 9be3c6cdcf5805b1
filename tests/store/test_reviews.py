"""The feedback and T3B3 repositories read and write rows as given; every rule (3 + 3,
read-only after delivery, what counts as raised before) is tested with the service and
the domain, not here."""

from __future__ import annotations

from datetime import date

from leadtui.domain.oneonones import Visibility
from leadtui.domain.people import Person
from leadtui.domain.people_input import PersonDraft
from leadtui.domain.reviews import Evidence, EvidenceKind, T3B3Item, T3B3Side
from leadtui.domain.reviews_input import FeedbackDraft
from leadtui.domain.validation import build
from leadtui.services import oneonones
from leadtui.services.people import add_person
from leadtui.store.database import Store
from leadtui.store.reviews import FeedbackRepository, T3B3Repository
from tests.helpers import TODAY

HALF = "2026-H2"
TOP, BOTTOM = T3B3Side.TOP, T3B3Side.BOTTOM


def person(db: Store, name: str = "Sam") -> Person:
    return add_person(db, PersonDraft(name=name))


def feedback(db: Store, pid: int, text: str, day: str = "2026-10-01", **kw: str) -> int:
    draft = build(FeedbackDraft, today=TODAY, text=text, day=day, **kw)
    return FeedbackRepository(db).add(pid, draft).id


def slot(side: T3B3Side, text: str, feedback_id: int | None = None) -> T3B3Item:
    return T3B3Item(0, side, 0, text, feedback_id, None)


def test_a_t3b3_not_started_reads_as_an_empty_draft_until_ensured(db: Store) -> None:
    pid = person(db).id
    repo = T3B3Repository(db)
    assert repo.get(pid, HALF).id == 0
    first = repo.ensure(pid, HALF)
    assert first.id > 0 and repo.ensure(pid, HALF).id == first.id  # once per person and half
    assert db.execute("select count(*) from t3b3").fetchone()[0] == 1


def test_write_side_rewrites_one_side_in_order_with_its_links(db: Store) -> None:
    pid = person(db).id
    fid = feedback(db, pid, "Docs hard to follow", kind="growth")
    repo = T3B3Repository(db)
    t3b3 = repo.ensure(pid, HALF)
    repo.write_side(t3b3.id, TOP, [slot(TOP, "a"), slot(TOP, "b")])
    repo.write_side(t3b3.id, BOTTOM, [slot(BOTTOM, "Docs", fid), slot(BOTTOM, "Estimates")])
    repo.write_side(t3b3.id, BOTTOM, [slot(BOTTOM, "Estimates"), slot(BOTTOM, "Docs", fid)])
    stored = repo.get(pid, HALF)
    assert [(i.rank, i.text) for i in stored.side(TOP)] == [(1, "a"), (2, "b")]
    assert [(i.rank, i.text, i.feedback_id) for i in stored.side(BOTTOM)] == [
        (1, "Estimates", None),
        (2, "Docs", fid),
    ]


def test_set_lists_writes_texts_unlinked_and_leaves_a_side_not_given(db: Store) -> None:
    pid = person(db).id
    repo = T3B3Repository(db)
    repo.set_lists(pid, HALF, ("a", "b", "c"), ("d",))
    stored = repo.set_lists(pid, HALF, None, ("e", "f"))
    assert [i.text for i in stored.side(TOP)] == ["a", "b", "c"]
    assert [i.text for i in stored.side(BOTTOM)] == ["e", "f"]
    assert not any(i.linked for i in stored.items)


def test_item_text_links_and_the_remove_text_choice_are_plain_writes(db: Store) -> None:
    pid = person(db).id
    fid = feedback(db, pid, "Docs", kind="growth")
    repo = T3B3Repository(db)
    [docs] = repo.set_lists(pid, HALF, None, ("Docs",)).side(BOTTOM)
    repo.set_item_text(docs.id, "Design docs")
    repo.link_item(docs.id, Evidence(EvidenceKind.FEEDBACK, fid, TODAY, "", Visibility.SHARED))
    stored = repo.get(pid, HALF).side(BOTTOM)[0]
    assert (stored.text, stored.feedback_id, stored.point_id) == ("Design docs", fid, None)
    repo.link_item(docs.id, None)
    assert not repo.get(pid, HALF).side(BOTTOM)[0].linked
    # A kind read from elsewhere may be the plain string; it maps the same way.
    repo.link_item(docs.id, Evidence("feedback", fid, TODAY, "", Visibility.SHARED))  # type: ignore[arg-type]
    assert repo.get(pid, HALF).side(BOTTOM)[0].feedback_id == fid
    assert repo.set_remove_text(pid, HALF, True).remove_text


def test_deliver_and_remove_texts_write_what_they_are_given(db: Store) -> None:
    """The repository checks nothing: 3 + 3 and the rest are the service's."""
    pid = person(db).id
    repo = T3B3Repository(db)
    t3b3 = repo.set_lists(pid, HALF, ("a",), None)
    delivered = repo.deliver(pid, HALF, date(2026, 11, 20), in_person=False)
    assert (delivered.delivered_on, delivered.in_person) == (date(2026, 11, 20), False)
    assert delivered.side(TOP)[0].text == "a"  # the words go only when asked
    repo.remove_texts(t3b3.id)
    removed = repo.get(pid, HALF)
    assert removed.items == () and removed.text_removed
    assert db.execute("select count(*) from t3b3_item").fetchone()[0] == 0


def test_for_halves_and_linked_evidence(db: Store) -> None:
    sam, ana = person(db), person(db, "Ana")
    fid = feedback(db, sam.id, "Docs hard to follow", kind="growth")
    repo = T3B3Repository(db)
    record = repo.set_lists(sam.id, HALF, None, ("Docs",))
    repo.set_lists(ana.id, "2026-H1", ("a",), None)
    repo.set_lists(ana.id, "2025-H2", ("b",), None)
    repo.link_item(
        record.side(BOTTOM)[0].id,
        Evidence(EvidenceKind.FEEDBACK, fid, TODAY, "", Visibility.SHARED),
    )
    found = repo.for_halves([HALF, "2026-H1"])
    assert sorted(found) == sorted([(ana.id, "2026-H1"), (sam.id, HALF)])
    assert repo.for_halves([]) == {}
    linked = repo.linked_evidence(found[(sam.id, HALF)])
    [evidence] = linked.values()
    assert (evidence.kind, evidence.id, evidence.on, evidence.text) == (
        EvidenceKind.FEEDBACK,
        fid,
        date(2026, 10, 1),
        "Docs hard to follow",
    )


def test_feedback_rows_by_person_window_and_the_newest_per_person(db: Store) -> None:
    sam, ana = person(db), person(db, "Ana")
    early = feedback(db, sam.id, "Earlier", day="2026-03-01")
    late = feedback(db, sam.id, "Later", day="2026-10-01")
    feedback(db, ana.id, "Ana's", day="2026-09-01")
    repo = FeedbackRepository(db)
    assert [f.id for f in repo.for_person(sam.id)] == [early, late]
    assert [f.id for f in repo.for_person(sam.id, date(2026, 7, 1), date(2026, 12, 31))] == [late]
    assert repo.last_given() == {sam.id: date(2026, 10, 1), ana.id: date(2026, 9, 1)}
    assert repo.get(late).text == "Later"


def test_feedback_given_during_a_session_is_filed_under_it(db: Store) -> None:
    sam = person(db)
    oneonones.set_series(db, sam, TODAY, weekday="tuesday", starts_on="2026-11-03")
    series = oneonones.require_series(db, sam)
    draft = build(FeedbackDraft, today=TODAY, text="Sharp incident review")
    given = FeedbackRepository(db).add(sam.id, draft, series_id=series.id)
    assert FeedbackRepository(db).pending_in_series(series.id) == [given]
    session = oneonones.hold_session(db, sam, TODAY).session
    assert FeedbackRepository(db).get(given.id).session_id == session.id
    assert FeedbackRepository(db).pending_in_series(series.id) == []
    assert FeedbackRepository(db).in_series(series.id, [session.id])[0].id == given.id
