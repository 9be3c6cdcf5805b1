"""Review use cases, each on a real temporary database with today pinned: the feedback
log, what counts as raised before, every T3B3 change, delivery, the board, the Today
card and the review packet."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest

from leadtui.domain.dates import Half
from leadtui.domain.oneonones import PointStatus, Visibility
from leadtui.domain.people import Person
from leadtui.domain.people_input import PersonDraft
from leadtui.domain.reviews import Evidence, EvidenceKind, FeedbackKind, T3B3Side
from leadtui.domain.reviews_input import (
    DeliveryDraft,
    FeedbackDraft,
    T3B3ItemDraft,
    T3B3ListsDraft,
)
from leadtui.domain.validation import build
from leadtui.errors import InputError
from leadtui.services import oneonones
from leadtui.services.packet import review_packet
from leadtui.services.people import add_person, archive_person
from leadtui.services.reviews import (
    QUIET_DAYS,
    T3B3Changed,
    add_feedback,
    add_t3b3_item,
    deliver_t3b3,
    edit_t3b3_item,
    is_quiet,
    link_t3b3_item,
    list_feedback,
    move_t3b3_item,
    raised_evidence,
    remove_t3b3_item,
    review_board,
    review_overview,
    set_remove_text,
    set_t3b3_lists,
    t3b3_view,
    unlink_t3b3_item,
)
from leadtui.store.database import Store
from leadtui.store.reviews import T3B3Repository
from tests.helpers import TODAY

H2 = Half(2026, 2)  # TODAY (2026-11-22) is in it
TOP, BOTTOM = T3B3Side.TOP, T3B3Side.BOTTOM
TOPS = ("Incidents", "Mentoring", "Reviews")
BOTTOMS = ("Docs", "Delegation", "Estimates")
WINDOW = (date(2026, 1, 1), date(2026, 12, 31))


def report(db: Store, name: str = "Sam Okafor") -> Person:
    return add_person(db, PersonDraft(name=name, relation="report"))


def draft(text: str = "Clear design doc", **values: object) -> FeedbackDraft:
    return build(FeedbackDraft, today=TODAY, text=text, **values)


def give(db: Store, person: Person, text: str, **values: object) -> int:
    values.setdefault("day", "2026-10-01")
    return add_feedback(db, person, draft(text, **values)).entry.id


def lists(
    db: Store, person: Person, top: tuple[str, ...] | None, bottom: tuple[str, ...] | None
) -> T3B3Changed:
    drafted = build(T3B3ListsDraft, top=top, bottom=bottom)
    return set_t3b3_lists(db, person, H2, drafted, today=TODAY)


def item(text: str) -> T3B3ItemDraft:
    return build(T3B3ItemDraft, text=text)


def texts(changed: T3B3Changed, side: T3B3Side) -> list[str]:
    return [i.text for i in changed.t3b3.side(side)]


def delivery(day: date = TODAY, in_person: bool = True) -> DeliveryDraft:
    return build(DeliveryDraft, today=TODAY, day=day, in_person=in_person)


def series(db: Store, person: Person) -> None:
    oneonones.set_series(db, person, TODAY, weekday="tuesday", starts_on="2026-01-06")


def discussed(db: Store, person: Person, text: str, **values: object) -> int:
    """A talking point marked discussed in the upcoming session."""
    point = oneonones.add_point(db, person, TODAY, text=text, **values).point
    oneonones.mark_point(db, person, point.id, PointStatus.DISCUSSED)
    return point.id


# --- the feedback log -----------------------------------------------------------------


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
    assert added.notice == "Sam Okafor was archived on 2026-11-22; recorded in their history"


def test_the_notice_reads_the_person_as_stored_now(db: Store) -> None:
    """A screen may hold the person read before they were archived."""
    sam = report(db)
    archive_person(db, sam.id, TODAY)
    assert add_feedback(db, sam, draft()).notice is not None


def test_feedback_given_in_a_1on1_waits_for_the_session(db: Store) -> None:
    sam = report(db)
    series(db, sam)
    series_id = oneonones.require_series(db, sam).id
    entry = add_feedback(db, sam, draft(), series_id=series_id).entry
    assert (entry.series_id, entry.session_id) == (series_id, None)


def test_list_feedback_all_or_one_half(db: Store) -> None:
    sam = report(db)
    give(db, sam, "Earlier", day="2026-03-01")
    give(db, sam, "Later", day="2026-10-01")
    assert [f.text for f in list_feedback(db, sam)] == ["Earlier", "Later"]
    assert [f.text for f in list_feedback(db, sam, Half(2026, 1))] == ["Earlier"]
    # A review year starting in October: 2025-H1 runs from October 2025 to March 2026.
    assert [f.text for f in list_feedback(db, sam, Half(2025, 1), start_month=10)] == ["Earlier"]


# --- what counts as raised before -----------------------------------------------------


def test_only_growth_feedback_the_person_heard_counts_as_raised(db: Store) -> None:
    sam = report(db)
    give(db, sam, "Docs were a joy")  # a strength
    give(db, sam, "Heard the estimates slipped", kind="growth", visibility="private")
    told = give(db, sam, "Estimates slipped", kind="growth")
    give(db, sam, "Estimates in 2025", kind="growth", day="2025-11-01")  # out of the window
    found = raised_evidence(db, sam.id, *WINDOW)
    assert [(e.kind, e.id) for e in found] == [(EvidenceKind.FEEDBACK, told)]


def test_private_growth_given_in_a_held_1on1_counts(db: Store) -> None:
    sam = report(db)
    series(db, sam)
    series_id = oneonones.require_series(db, sam).id
    private = draft("Estimates slipped again", kind="growth", visibility="private", day=TODAY)
    add_feedback(db, sam, private, series_id=series_id)
    assert raised_evidence(db, sam.id, *WINDOW) == []  # the session is not held yet
    oneonones.hold_session(db, sam, TODAY)
    assert [e.text for e in raised_evidence(db, sam.id, *WINDOW)] == ["Estimates slipped again"]


def test_only_shared_points_discussed_in_a_held_1on1_count(db: Store) -> None:
    sam = report(db)
    series(db, sam)
    shared = discussed(db, sam, "Estimates keep slipping")
    discussed(db, sam, "Estimates: my worry", visibility="private")
    dropped = oneonones.add_point(db, sam, TODAY, text="Estimates again").point
    oneonones.mark_point(db, sam, dropped.id, PointStatus.DROPPED)
    oneonones.add_point(db, sam, TODAY, text="Estimates, planned")
    assert raised_evidence(db, sam.id, *WINDOW) == []  # planned, not raised yet
    oneonones.hold_session(db, sam, TODAY, held_on=date(2026, 11, 17))
    found = raised_evidence(db, sam.id, *WINDOW)
    assert [(e.kind, e.id, e.on) for e in found] == [
        (EvidenceKind.POINT, shared, date(2026, 11, 17))  # dated by the session
    ]


def test_the_view_suggests_only_what_counts(db: Store) -> None:
    sam = report(db)
    give(db, sam, "Design docs were a joy")
    growth = give(db, sam, "Design docs hard to follow", kind="growth")
    lists(db, sam, None, ("Clearer design docs",))
    view = t3b3_view(db, sam, H2)
    [docs] = view.t3b3.side(BOTTOM)
    assert [e.id for e in view.suggestions[docs.id]] == [growth]
    assert [e.id for e in view.candidates] == [growth]
    assert view.since == date(2026, 1, 1)
    assert (EvidenceKind.FEEDBACK, growth) in {(e.kind, e.id) for e in view.candidates}


# --- T3B3 changes ---------------------------------------------------------------------


def test_set_lists_replaces_a_side_and_keeps_links_of_unchanged_words(db: Store) -> None:
    sam = report(db)
    fid = give(db, sam, "Design docs hard to follow", kind="growth")
    lists(db, sam, TOPS, BOTTOMS)
    link_t3b3_item(db, sam, H2, 1, EvidenceKind.FEEDBACK, fid, today=TODAY)
    changed = lists(db, sam, None, ("docs", "Delegation", "Public speaking"))
    assert texts(changed, TOP) == list(TOPS)  # a side not given stays
    assert changed.t3b3.side(BOTTOM)[0].feedback_id == fid  # same words, any case
    assert [i.text for i in changed.t3b3.surprises()] == ["Delegation", "Public speaking"]
    assert changed.notice is None


def test_set_lists_with_nothing_to_set_is_refused(db: Store) -> None:
    with pytest.raises(InputError, match="nothing to set"):
        lists(db, report(db), None, None)


def test_remove_text_is_a_choice_on_the_record(db: Store) -> None:
    sam = report(db)
    changed = set_remove_text(db, sam, H2, True, today=TODAY)
    assert changed.t3b3.remove_text and changed.t3b3.id > 0 and changed.item is None
    assert not set_remove_text(db, sam, H2, False, today=TODAY).t3b3.remove_text


def test_a_fourth_item_is_refused_and_nothing_is_written(db: Store) -> None:
    sam = report(db)
    for text in ("a", "b", "c"):
        changed = add_t3b3_item(db, sam, H2, TOP, item(text), today=TODAY)
        assert changed.item is not None and changed.item.text == text
    with pytest.raises(InputError, match="Top already has 3 of 3"):
        add_t3b3_item(db, sam, H2, TOP, item("d"), today=TODAY)
    assert [i.text for i in t3b3_view(db, sam, H2).t3b3.side(TOP)] == ["a", "b", "c"]


def test_the_same_item_twice_on_a_side_is_refused(db: Store) -> None:
    sam = report(db)
    add_t3b3_item(db, sam, H2, BOTTOM, item("Delegation"), today=TODAY)
    with pytest.raises(InputError, match="Bottom already has 'delegation'"):
        add_t3b3_item(db, sam, H2, BOTTOM, item("delegation"), today=TODAY)
    add_t3b3_item(db, sam, H2, TOP, item("Delegation"), today=TODAY)  # the other side may
    assert len(t3b3_view(db, sam, H2).t3b3.items) == 2


def test_edit_rewords_keeps_the_link_and_refuses_another_items_words(db: Store) -> None:
    sam = report(db)
    fid = give(db, sam, "Docs hard to follow", kind="growth")
    lists(db, sam, None, BOTTOMS)
    link_t3b3_item(db, sam, H2, 1, EvidenceKind.FEEDBACK, fid, today=TODAY)
    changed = edit_t3b3_item(db, sam, H2, BOTTOM, 1, item("Design docs"), today=TODAY)
    assert changed.item is not None
    assert (changed.item.text, changed.item.feedback_id) == ("Design docs", fid)
    with pytest.raises(InputError, match="Bottom already has 'delegation'"):
        edit_t3b3_item(db, sam, H2, BOTTOM, 1, item("delegation"), today=TODAY)
    # An item may take its own words in another case.
    assert edit_t3b3_item(db, sam, H2, BOTTOM, 2, item("DELEGATION"), today=TODAY).item
    with pytest.raises(InputError, match="Top item 1 does not exist; the 2026-H2 T3B3 has 0"):
        edit_t3b3_item(db, sam, H2, TOP, 1, item("x"), today=TODAY)


def test_remove_and_move_keep_ranks_dense(db: Store) -> None:
    sam = report(db)
    lists(db, sam, None, BOTTOMS)
    moved = move_t3b3_item(db, sam, H2, BOTTOM, 1, 1, today=TODAY)
    assert texts(moved, BOTTOM) == ["Delegation", "Docs", "Estimates"]
    assert moved.item is not None and (moved.item.text, moved.item.rank) == ("Docs", 2)
    at_end = move_t3b3_item(db, sam, H2, BOTTOM, 3, 1, today=TODAY)
    assert at_end.item is not None and at_end.item.rank == 3  # stays
    removed = remove_t3b3_item(db, sam, H2, BOTTOM, 1, today=TODAY)
    assert [(i.rank, i.text) for i in removed.t3b3.side(BOTTOM)] == [(1, "Docs"), (2, "Estimates")]
    assert removed.item is None


def test_linking_strength_feedback_is_refused_with_the_reason(db: Store) -> None:
    """product.md: "raised before" means growth."""
    sam = report(db)
    strength = give(db, sam, "Docs were a joy")
    lists(db, sam, None, ("Docs",))
    with pytest.raises(InputError, match="feedback 1 is a strength; only growth") as refused:
        link_t3b3_item(db, sam, H2, 1, EvidenceKind.FEEDBACK, strength, today=TODAY)
    assert refused.value.field == "evidence"
    assert t3b3_view(db, sam, H2).t3b3.surprises() != []


def test_linking_private_feedback_outside_a_1on1_is_refused(db: Store) -> None:
    sam = report(db)
    note = give(db, sam, "Docs worry", kind="growth", visibility="private")
    lists(db, sam, None, ("Docs",))
    with pytest.raises(InputError, match="private and was not given in a held 1:1"):
        link_t3b3_item(db, sam, H2, 1, EvidenceKind.FEEDBACK, note, today=TODAY)


def test_a_link_must_point_to_this_persons_evidence_in_the_window(db: Store) -> None:
    sam, priya = report(db), report(db, "Priya")
    theirs = give(db, priya, "Docs", kind="growth")
    old = give(db, sam, "Old docs", kind="growth", day="2025-03-01")
    lists(db, sam, None, ("Docs",))
    for wanted in (theirs, old, 99):
        with pytest.raises(InputError, match=f"no feedback {wanted} about Sam Okafor in 2026-H1"):
            link_t3b3_item(db, sam, H2, 1, EvidenceKind.FEEDBACK, wanted, today=TODAY)
    with pytest.raises(InputError, match="no point 7 about Sam Okafor"):
        link_t3b3_item(db, sam, H2, 1, EvidenceKind.POINT, 7, today=TODAY)
    with pytest.raises(InputError, match="Bottom item 2 does not exist; the 2026-H2 T3B3 has 1"):
        link_t3b3_item(db, sam, H2, 2, EvidenceKind.FEEDBACK, theirs, today=TODAY)


def test_link_to_a_discussed_point_then_unlink(db: Store) -> None:
    sam = report(db)
    series(db, sam)
    point = discussed(db, sam, "Estimates keep slipping")
    oneonones.hold_session(db, sam, TODAY)
    lists(db, sam, None, ("Estimates",))
    linked = link_t3b3_item(db, sam, H2, 1, EvidenceKind.POINT, point, today=TODAY)
    assert linked.item is not None and linked.item.point_id == point
    assert t3b3_view(db, sam, H2).linked[linked.item.id].kind is EvidenceKind.POINT
    unlinked = unlink_t3b3_item(db, sam, H2, 1, today=TODAY)
    assert unlinked.item is not None and not unlinked.item.linked


def test_planning_reaches_the_next_half_only(db: Store) -> None:
    sam = report(db)
    add_t3b3_item(db, sam, Half(2027, 1), TOP, item("a"), today=TODAY)
    with pytest.raises(InputError, match="as far as the next half, 2027-H1; 2027-H2 is further"):
        add_t3b3_item(db, sam, Half(2027, 2), TOP, item("a"), today=TODAY)
    assert T3B3Repository(db).get(sam.id, "2027-H2").id == 0  # nothing written


def test_every_change_to_an_archived_persons_t3b3_says_so(db: Store) -> None:
    sam = report(db)
    archive_person(db, sam.id, TODAY)
    changed = lists(db, sam, TOPS, BOTTOMS)
    assert changed.notice is not None and "archived" in changed.notice
    assert deliver_t3b3(db, sam, H2, delivery()).notice == changed.notice


# --- delivery -------------------------------------------------------------------------


def test_deliver_needs_three_plus_three_and_records_how(db: Store) -> None:
    sam = report(db)
    lists(db, sam, TOPS, BOTTOMS[:2])
    with pytest.raises(InputError, match="this one has 3 \\+ 2"):
        deliver_t3b3(db, sam, H2, delivery())
    assert t3b3_view(db, sam, H2).t3b3.delivered_on is None
    lists(db, sam, None, BOTTOMS)
    delivered = deliver_t3b3(db, sam, H2, delivery(date(2026, 11, 20)))
    t = delivered.t3b3
    assert (t.delivered_on, t.in_person, t.status_text()) == (
        date(2026, 11, 20),
        True,
        "delivered ✓ in person",
    )
    assert [i.text for i in t.side(TOP)] == list(TOPS)  # kept by default
    assert [i.rank for i in delivered.surprises] == [1, 2, 3]
    with pytest.raises(InputError, match="already delivered"):
        deliver_t3b3(db, sam, H2, delivery())


def test_a_delivered_t3b3_is_read_only(db: Store) -> None:
    sam = report(db)
    lists(db, sam, TOPS, BOTTOMS)
    deliver_t3b3(db, sam, H2, delivery())
    kept = "the 2026-H2 T3B3 was delivered on 2026-11-22; it is kept as delivered"
    changes: list[Callable[[], object]] = [
        lambda: lists(db, sam, None, ("x",)),
        lambda: set_remove_text(db, sam, H2, True, today=TODAY),
        lambda: add_t3b3_item(db, sam, H2, BOTTOM, item("late"), today=TODAY),
        lambda: edit_t3b3_item(db, sam, H2, TOP, 1, item("x"), today=TODAY),
        lambda: remove_t3b3_item(db, sam, H2, TOP, 1, today=TODAY),
        lambda: move_t3b3_item(db, sam, H2, TOP, 1, 1, today=TODAY),
        lambda: unlink_t3b3_item(db, sam, H2, 1, today=TODAY),
    ]
    for change in changes:
        with pytest.raises(InputError, match=kept):
            change()


def test_delivery_is_never_before_the_half_starts(db: Store) -> None:
    sam = report(db)
    lists(db, sam, TOPS, BOTTOMS)
    with pytest.raises(InputError, match="which starts 2026-07-01; got 2026-06-30") as early:
        deliver_t3b3(db, sam, H2, delivery(date(2026, 6, 30)))
    assert early.value.field == "day"
    # After the half ends is fine: reviews run into the next month.
    h1 = Half(2026, 1)
    set_t3b3_lists(db, sam, h1, build(T3B3ListsDraft, top=TOPS, bottom=BOTTOMS), today=TODAY)
    assert deliver_t3b3(db, sam, h1, delivery()).t3b3.delivered_on == TODAY


def test_remove_text_after_delivery_keeps_only_the_fact(db: Store) -> None:
    sam = report(db)
    lists(db, sam, TOPS, BOTTOMS)
    set_remove_text(db, sam, H2, True, today=TODAY)
    delivered = deliver_t3b3(db, sam, H2, delivery(in_person=False))
    t = delivered.t3b3
    assert t.items == () and t.text_removed and t.delivered_on == TODAY and t.in_person is False
    assert len(delivered.surprises) == 3  # what was delivered, reported before removal
    assert db.execute("select count(*) from t3b3_item").fetchone()[0] == 0


# --- the board, the Today card and the packet -----------------------------------------


def test_quiet_means_no_feedback_for_more_than_thirty_days() -> None:
    assert is_quiet(None, TODAY)
    assert not is_quiet(TODAY - timedelta(days=QUIET_DAYS), TODAY)
    assert is_quiet(TODAY - timedelta(days=QUIET_DAYS + 1), TODAY)


def test_the_board_has_three_halves_of_active_reports(db: Store) -> None:
    sam, ana = report(db), report(db, "Ana")
    add_person(db, PersonDraft(name="Pia", relation="peer"))
    archive_person(db, report(db, "Zed").id, TODAY)
    lists(db, sam, TOPS, None)
    give(db, ana, "Sharp review", day=TODAY - timedelta(days=3))
    board = review_board(db, TODAY, H2)
    assert [p.name for p in board.reports] == ["Ana", "Sam Okafor"]
    assert [h.label for h in board.halves] == ["2025-H2", "2026-H1", "2026-H2"]
    assert board.this_half == H2 and board.anyone
    record = board.record(sam, H2)
    assert record is not None and record.filled == 3
    assert board.record(ana, H2) is None
    assert board.quiet(sam) and not board.quiet(ana)


def test_the_board_counts_a_bottom_item_linked_to_praise_as_a_surprise(db: Store) -> None:
    """A database from before links to strength feedback were refused may hold one: the
    board's ⚠ count, delivery and the packet read it as not raised before."""
    sam = report(db)
    praise = give(db, sam, "Docs were a joy")
    growth = give(db, sam, "Estimates slipped twice", kind="growth")
    lists(db, sam, TOPS, ("Docs", "Estimates"))
    repo = T3B3Repository(db)
    docs, estimates = repo.get(sam.id, H2.label).side(BOTTOM)
    for item_id, entry in ((docs.id, praise), (estimates.id, growth)):
        linked = Evidence(EvidenceKind.FEEDBACK, entry, TODAY, "", Visibility.SHARED)
        repo.link_item(item_id, linked)
    record = review_board(db, TODAY, H2).record(sam, H2)
    assert record is not None
    assert [i.text for i in record.surprises()] == ["Docs"]


def test_an_empty_board_knows_whether_anyone_is_here(db: Store) -> None:
    assert not review_board(db, TODAY, H2).anyone
    add_person(db, PersonDraft(name="Pia", relation="peer"))
    board = review_board(db, TODAY, H2)
    assert board.anyone and board.reports == []


def test_the_today_card_lists_due_t3b3s_and_quiet_reports(db: Store) -> None:
    sam, ana = report(db), report(db, "Ana")
    lists(db, sam, TOPS, BOTTOMS)
    give(db, sam, "Good call", day=TODAY - timedelta(days=2))
    card = review_overview(db, TODAY)
    assert (card.half, card.weeks_left) == (H2, 5)
    assert [(p.name, state) for p, state in card.due] == [
        ("Ana", "not started"),
        ("Sam Okafor", "ready"),
    ]
    assert [(p.name, last) for p, last in card.quiet] == [("Ana", None)]
    deliver_t3b3(db, sam, H2, delivery())
    assert [p.name for p, _ in review_overview(db, TODAY).due] == [ana.name]


def test_the_packet_holds_the_t3b3_the_halfs_feedback_and_the_1on1s(db: Store) -> None:
    sam = report(db)
    series(db, sam)
    discussed(db, sam, "Estimates keep slipping")
    oneonones.hold_session(db, sam, TODAY)
    give(db, sam, "Earlier", day="2026-03-01")
    give(db, sam, "This half", day="2026-10-01")
    lists(db, sam, TOPS, BOTTOMS)
    packet = review_packet(db, sam, H2, TODAY)
    assert packet.view.t3b3.filled == 6
    assert (packet.first, packet.last) == (date(2026, 7, 1), date(2026, 12, 31))
    assert [f.text for f in packet.feedback] == ["This half"]
    assert packet.sessions_held == 1
    assert [p.text for p in packet.discussed] == ["Estimates keep slipping"]
