from __future__ import annotations

from datetime import date

import pytest

from leadtui.domain.dates import Half, half_of, parse_half
from leadtui.domain.feedback import (
    T3B3,
    Evidence,
    T3B3Item,
    T3B3Side,
    T3B3Status,
    check_deliverable,
    check_room,
    half_over_half,
    suggest,
    words,
)
from leadtui.domain.oneonones import Visibility
from leadtui.errors import InputError
from tests.helpers import TODAY

TOP, BOTTOM = T3B3Side.TOP, T3B3Side.BOTTOM


def record(tops: list[str], bottoms: list[str], linked: int = 0, **extra: object) -> T3B3:
    items = [T3B3Item(i + 1, TOP, i + 1, t, None, None) for i, t in enumerate(tops)]
    items += [
        T3B3Item(10 + i, BOTTOM, i + 1, t, 1 if i < linked else None, None)
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


def test_words_fold_plurals_and_skip_short_and_stop_words() -> None:
    assert words("The design docs were confusing; designs need work") == {
        "design",
        "docs",
        "confus",
    }


def test_suggestions_rank_by_shared_words_then_newest() -> None:
    def ev(i: int, text: str, on: date) -> Evidence:
        return Evidence("feedback", i, on, text, Visibility.SHARED)

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
    from leadtui.domain.feedback_input import FeedbackDraft
    from leadtui.domain.validation import build

    with pytest.raises(InputError, match="NUL character"):
        build(FeedbackDraft, today=TODAY, text="a\x00b")
