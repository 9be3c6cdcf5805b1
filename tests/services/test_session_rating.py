"""Was it useful? A held session's rating: given when holding or later, its trend, the
suggestion after three falls, only in the private copy, undone like any change."""

from __future__ import annotations

from datetime import timedelta

import pytest

from leadtui.domain.oneonones import RATING_ADVICE, ratings_falling
from leadtui.domain.oneonones_input import SeriesDraft
from leadtui.domain.people import Person
from leadtui.domain.people_input import PersonDraft
from leadtui.domain.privacy import Audience
from leadtui.errors import InputError
from leadtui.export.oneonone import oneonone_document
from leadtui.services.oneonones import (
    ALL_HISTORY,
    OneOnOneRefusal,
    hold_session,
    rate_session,
    running_document,
    set_series,
)
from leadtui.services.people import add_person
from leadtui.services.undo import undo
from leadtui.store.database import Store
from tests.helpers import TODAY


@pytest.mark.parametrize(
    ("ratings", "falling"),
    [
        ([], False),
        ([5, 4, 3], False),
        ([5, 4, 3, 2], True),
        ([1, 5, 4, 3, 2], True),
        ([5, 4, 4, 3], False),
    ],
)
def test_three_falls_in_a_row(ratings: list[int], falling: bool) -> None:
    assert ratings_falling(ratings) is falling


def hold_rated(db: Store, ratings: list[int | None]) -> Person:
    sam = add_person(db, PersonDraft(name="Sam"))
    set_series(db, sam, TODAY, **dict(SeriesDraft(weekday=1, starts_on=TODAY - timedelta(days=60))))
    for back, rating in zip(range(len(ratings), 0, -1), ratings, strict=True):
        hold_session(db, sam, TODAY, held_on=TODAY - timedelta(days=back * 7), rating=rating)
    return sam


def test_ratings_show_oldest_first_and_falling_ones_suggest_a_change(db: Store) -> None:
    sam = hold_rated(db, [5, None, 4, 3, 2])
    doc = running_document(db, sam, TODAY)
    assert doc.ratings == [5, 4, 3, 2]
    assert doc.rating_advice == RATING_ADVICE
    rate_session(db, sam, 4)
    doc = running_document(db, sam, TODAY)
    assert doc.ratings == [5, 4, 3, 4] and doc.rating_advice is None


def test_a_bad_rating_is_refused_before_anything_is_held(db: Store) -> None:
    sam = add_person(db, PersonDraft(name="Sam"))
    with pytest.raises(InputError, match="rating must be 1–5"):
        hold_session(db, sam, TODAY, rating="7")
    assert running_document(db, sam, TODAY).sessions == []
    with pytest.raises(OneOnOneRefusal, match="no session with Sam was held yet"):
        rate_session(db, sam, 3)


def test_a_rating_is_cleared_and_undone(db: Store) -> None:
    sam = hold_rated(db, [3])
    rate_session(db, sam, None)
    assert running_document(db, sam, TODAY).ratings == []
    assert "rated the 1:1" in undo(db).label
    assert running_document(db, sam, TODAY).ratings == [3]


def test_only_the_private_copy_carries_the_rating(db: Store) -> None:
    sam = hold_rated(db, [4])
    doc = running_document(db, sam, TODAY, history=ALL_HISTORY)
    assert "Was it useful? 4/5" in oneonone_document(doc, Audience.PRIVATE, TODAY)
    for audience in (Audience.PERSON, Audience.UPWARD, Audience.TEAM):
        assert "useful" not in oneonone_document(doc, audience, TODAY)
