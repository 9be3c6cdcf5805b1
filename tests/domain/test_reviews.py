from __future__ import annotations

from datetime import date

import pytest

from leadtui.domain.dates import Half, half_of, parse_half
from leadtui.domain.oneonones import Point, PointStatus, Side, Visibility
from leadtui.domain.reviews import (
    T3B3,
    AreaOutcome,
    Carried,
    Delivery,
    Evidence,
    EvidenceKind,
    Feedback,
    FeedbackKind,
    T3B3Item,
    T3B3Side,
    T3B3Status,
    check_deliverable,
    check_delivery_day,
    check_editable,
    check_new_text,
    check_plannable,
    check_room,
    evidence_window,
    feedback_not_raised,
    feedback_raised,
    half_over_half,
    item_at,
    last_plannable_half,
    moved,
    point_not_raised,
    point_raised,
    relinked,
    suggest,
    without,
    words,
)
from leadtui.errors import InputError
from tests.helpers import TODAY

TOP, BOTTOM = T3B3Side.TOP, T3B3Side.BOTTOM


def record(tops: list[str], bottoms: list[str], linked: int = 0, **extra: object) -> T3B3:
    """A T3B3 whose first ``linked`` Bottom items link to shared growth feedback 1."""
    told = entry()._replace(id=1)
    items = [T3B3Item(i + 1, TOP, i + 1, t, None, None) for i, t in enumerate(tops)]
    items += [
        T3B3Item(
            10 + i, BOTTOM, i + 1, t, 1 if i < linked else None, None, told if i < linked else None
        )
        for i, t in enumerate(bottoms)
    ]
    fields: dict[str, object] = {
        "delivered_on": None,
        "in_person": None,
        "remove_text": False,
        "text_removed": False,
    }
    fields.update(extra)
    return T3B3(1, 1, "2026-H2", tuple(items), **fields)  # type: ignore[arg-type]


def test_halves_default_to_january_and_july() -> None:
    assert half_of(date(2026, 6, 30)) == Half(2026, 1)
    assert half_of(TODAY) == Half(2026, 2)
    assert Half(2026, 2).bounds() == (date(2026, 7, 1), date(2026, 12, 31))
    assert Half(2026, 1).previous() == Half(2025, 2)
    assert Half(2025, 2).next() == Half(2026, 1)


def test_a_configured_start_month_shifts_the_halves() -> None:
    # A review year starting in April: H1 = Apr–Sep, H2 = Oct–Mar of the next year.
    assert half_of(date(2027, 2, 10), start_month=4) == Half(2026, 2)
    assert Half(2026, 2).bounds(4) == (date(2026, 10, 1), date(2027, 3, 31))
    assert Half(2026, 1).bounds(4) == (date(2026, 4, 1), date(2026, 9, 30))


@pytest.mark.parametrize(
    ("text", "half"),
    [
        ("2026-H2", Half(2026, 2)),
        ("2026h1", Half(2026, 1)),
        (None, Half(2026, 2)),
        ("last", Half(2026, 1)),
        ("this", Half(2026, 2)),
    ],
)
def test_parse_half(text: str | None, half: Half) -> None:
    assert parse_half(text, TODAY) == half


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-H3", "H1 or H2"),
        ("H2", "needs its year, e.g. 2026-H2"),
        ("", "is empty"),
        ("soon", "H1 or H2"),
    ],
)
def test_unknown_halves_are_refused(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_half(text, TODAY)


def test_three_plus_three_rules() -> None:
    draft = record(["a", "b", "c"], ["d", "e"])
    assert draft.status is T3B3Status.DRAFT and draft.status_text() == "draft 5/6"
    with pytest.raises(InputError, match="3 \\+ 2"):
        check_deliverable(draft)
    check_room(draft, BOTTOM)  # a third Bottom item fits
    with pytest.raises(InputError, match="Top already has 3 of 3"):
        check_room(draft, TOP)
    ready = record(["a", "b", "c"], ["d", "e", "f"])
    assert ready.status is T3B3Status.READY and ready.status_text() == "ready"
    check_deliverable(ready)
    done = record(["a", "b", "c"], ["d", "e", "f"], delivered_on=TODAY, in_person=True)
    assert done.status_text() == "delivered ✓ in person"
    with pytest.raises(InputError, match="already delivered"):
        check_deliverable(done)


def test_unlinked_bottom_items_would_be_a_surprise() -> None:
    t = record(["a"], ["Delegation", "Estimates", "Docs"], linked=1)
    assert [i.text for i in t.surprises()] == ["Estimates", "Docs"]


def test_a_bottom_item_linked_to_strength_feedback_would_still_be_a_surprise() -> None:
    """Only growth counts as raised before: a link to praise (stored before such links
    were refused) leaves the item a surprise, and it can still be unlinked."""
    praised = T3B3Item(10, BOTTOM, 1, "Delegation", 3, None, entry(kind="strength"))
    told = T3B3Item(11, BOTTOM, 2, "Estimates", 3, None, entry())
    discussed = T3B3Item(12, BOTTOM, 3, "Docs", None, 7, point())
    t = T3B3(1, 1, "2026-H2", (praised, told, discussed), None, None, False, False)
    assert [i.text for i in t.surprises()] == ["Delegation"]
    assert praised.linked and not praised.raised


def test_words_fold_plurals_and_skip_short_and_stop_words() -> None:
    assert words("The design docs were confusing; designs need work") == {
        "design",
        "docs",
        "confus",
    }


def test_suggestions_rank_by_shared_words_then_newest() -> None:
    def ev(i: int, text: str, on: date) -> Evidence:
        return Evidence(EvidenceKind.FEEDBACK, i, on, text, Visibility.SHARED)

    candidates = [
        ev(1, "Design docs hard to follow", date(2026, 9, 1)),
        ev(2, "Clearer design docs for newcomers", date(2026, 10, 1)),
        ev(3, "Great incident leadership", date(2026, 11, 1)),
        ev(4, "Docs were late", date(2026, 11, 2)),
    ]
    found = suggest("Write clearer design docs", candidates)
    assert [e.id for e in found] == [2, 1, 4]
    assert suggest("Delegation", candidates) == []


def test_half_over_half_persisting_and_closed_areas() -> None:
    previous = record([], ["Delegation to the team", "Estimation accuracy"])
    current = record([], ["Delegating on-call decisions", "Public speaking"])
    carried = half_over_half(previous, current)
    assert [(c.previous.text, c.now.text if c.now else None) for c in carried] == [
        ("Delegation to the team", None),  # "delegation" vs "delegating": different stems
        ("Estimation accuracy", None),
    ]
    current = record([], ["Delegation of on-call", "Estimation of migrations"])
    carried = half_over_half(previous, current)
    assert [c.persists for c in carried] == [True, True]
    assert carried[1].now is not None and carried[1].now.text == "Estimation of migrations"


def test_nul_characters_are_refused_with_one_line() -> None:
    from leadtui.domain.reviews_input import FeedbackDraft
    from leadtui.domain.validation import build

    with pytest.raises(InputError, match="NUL character"):
        build(FeedbackDraft, today=TODAY, text="a\x00b")


# --- rules that left the repository ---------------------------------------------------


def entry(
    kind: str = "growth", visibility: str = "shared", session_id: int | None = None
) -> Feedback:
    return Feedback(
        3, 1, TODAY, FeedbackKind(kind), "Docs", Visibility(visibility), None, session_id
    )


def point(
    status: str = "discussed", visibility: str = "shared", session_id: int | None = 5
) -> Point:
    return Point(
        7,
        1,
        "Docs",
        Side.ME,
        Visibility(visibility),
        PointStatus(status),
        False,
        0,
        0,
        session_id,
        TODAY,
    )


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        (entry(), None),
        (entry(visibility="private", session_id=4), None),  # said in a held 1:1
        (entry(kind="strength"), "feedback 3 is a strength; only growth feedback"),
        (entry(kind="strength", session_id=4), "is a strength"),
        (entry(visibility="private"), "private and was not given in a held 1:1"),
    ],
)
def test_raised_before_means_growth_feedback_they_heard(
    record: Feedback, reason: str | None
) -> None:
    found = feedback_not_raised(record)
    assert (found is None) if reason is None else (found is not None and reason in found)
    assert feedback_raised(record) is (reason is None)


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        (point(), None),
        (point(session_id=None), "was not discussed in a held 1:1"),  # planned, not held
        (point(status="dropped"), "was not discussed"),
        (point(status="open", session_id=None), "was not discussed"),
        (point(visibility="private"), "point 7 is private"),
    ],
)
def test_a_point_counts_when_shared_and_discussed_in_a_held_1on1(
    record: Point, reason: str | None
) -> None:
    found = point_not_raised(record)
    assert (found is None) if reason is None else (found is not None and reason in found)
    assert point_raised(record) is (reason is None)


@pytest.mark.parametrize(
    ("link", "raised"),
    [
        (entry(), True),
        (entry(visibility="private", session_id=4), True),  # said in a held 1:1
        (entry(kind="strength"), False),
        (entry(visibility="private"), False),  # the manager's own note
        (point(), True),
        (point(visibility="private"), False),  # no longer shared
        (point(status="dropped"), False),  # no longer discussed
        (point(session_id=None), False),  # not filed under a held 1:1
    ],
)
def test_a_bottom_item_is_raised_before_exactly_when_its_link_would_be_accepted(
    link: Feedback | Point, raised: bool
) -> None:
    """The item is read with what it links to, and the link counts by the same rule that
    accepts a link: a private note given outside a 1:1, or a point no longer shared or
    discussed (a database from before a rule may hold such links), leaves it a surprise."""
    if isinstance(link, Feedback):
        item = T3B3Item(10, BOTTOM, 1, "Docs", link.id, None, link)
    else:
        item = T3B3Item(10, BOTTOM, 1, "Docs", None, link.id, link)
    t = T3B3(1, 1, "2026-H2", (item,), None, None, False, False)
    assert item.linked and item.raised is raised
    assert t.surprises() == ([] if raised else [item])


def test_a_link_read_without_what_it_points_to_shows_nothing_raised() -> None:
    """An id alone proves nothing was said: the item is flagged rather than passed."""
    assert not T3B3Item(10, BOTTOM, 1, "Docs", 3, None).raised
    mismatched = T3B3Item(10, BOTTOM, 1, "Docs", None, 3, entry())  # a point id, feedback read
    assert not mismatched.raised


def test_the_evidence_window_is_this_half_and_the_last() -> None:

    assert evidence_window(Half(2026, 2)) == (date(2026, 1, 1), date(2026, 12, 31))
    assert evidence_window(Half(2026, 1), 4) == (date(2025, 10, 1), date(2026, 9, 30))


def test_a_delivered_t3b3_is_read_only() -> None:

    check_editable(record(["a"], []))
    with pytest.raises(InputError, match="delivered on 2026-11-22; it is kept as delivered"):
        check_editable(record(["a"], [], delivered_on=TODAY, in_person=True))


def test_the_same_words_twice_on_a_side_are_refused_but_an_item_keeps_its_own() -> None:

    t = record(["Writing", "Mentoring"], ["Writing"])
    with pytest.raises(InputError, match="Top already has 'writing'"):
        check_new_text(t, TOP, "writing")
    check_new_text(t, TOP, "WRITING", replacing=1)  # Top 1 rewords itself
    check_new_text(t, TOP, "Estimates")


def test_item_at_names_the_slot_and_how_many_there_are() -> None:

    t = record(["a", "b"], ["c"])
    assert item_at(t, TOP, 2).text == "b"
    with pytest.raises(InputError) as missing:
        item_at(t, BOTTOM, 2)
    said = "Bottom item 2 does not exist; the 2026-H2 T3B3 has 1 Bottom item"
    assert missing.value.message == said
    with pytest.raises(InputError, match="Top item 0 does not exist"):
        item_at(t, TOP, 0)


def test_a_rewritten_side_keeps_the_links_of_unchanged_words() -> None:

    t = record([], ["Delegation", "Estimates"], linked=2)
    items = relinked(t, BOTTOM, ("estimates", "Public speaking"))
    assert [(i.rank, i.text, i.feedback_id) for i in items] == [
        (1, "estimates", 1),
        (2, "Public speaking", None),
    ]


def test_moving_and_removing_keep_ranks_dense() -> None:

    t = record(["a", "b", "c"], [])
    a, b, c = t.side(TOP)
    assert [(i.rank, i.text) for i in moved(t, a, 1)] == [(1, "b"), (2, "a"), (3, "c")]
    assert [i.text for i in moved(t, a, -1)] == ["a", "b", "c"]  # at the top it stays
    assert [i.text for i in moved(t, c, 1)] == ["a", "b", "c"]
    assert [(i.rank, i.text) for i in without(t, b)] == [(1, "a"), (2, "c")]


def test_planning_reaches_the_next_half() -> None:

    assert last_plannable_half(TODAY) == Half(2027, 1)
    assert last_plannable_half(TODAY, start_month=10) == Half(2026, 2)
    check_plannable(Half(2027, 1), TODAY)
    check_plannable(Half(2020, 1), TODAY)  # earlier halves stay open
    with pytest.raises(InputError, match="as far as the next half, 2027-H1; 2027-H2 is further"):
        check_plannable(Half(2027, 2), TODAY)


def test_delivery_is_in_or_after_the_half() -> None:

    check_delivery_day(Half(2026, 1), TODAY)  # after the half: reviews run late
    check_delivery_day(Half(2026, 2), date(2026, 7, 1))
    with pytest.raises(InputError, match="which starts 2026-07-01; got 2026-06-30"):
        check_delivery_day(Half(2026, 2), date(2026, 6, 30))


def test_states_are_enums_that_print_as_before() -> None:

    done = record(["a"], [], delivered_on=TODAY, in_person=False)
    assert done.delivery is Delivery.NOT_IN_PERSON and f"{done.delivery}" == "not in person"
    assert record(["a"], []).delivery is None
    point: str = EvidenceKind.POINT  # a StrEnum member is the plain string too
    assert f"--{EvidenceKind.FEEDBACK}" == "--feedback" and point == "point"
    previous = record([], ["Delegation"]).side(BOTTOM)[0]
    assert Carried(previous, None).outcome is AreaOutcome.CLOSED
    assert f"{Carried(previous, previous).outcome}" == "persists"
