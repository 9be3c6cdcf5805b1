"""Every date a person types lies in the years 1900–2200, whatever form it is typed in,
and a far date stored by an older version never breaks the 1:1 rules."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from pydantic import BaseModel

from leadtui.domain.dates import parse_date, parse_half
from leadtui.domain.energy import quarter_bounds
from leadtui.domain.energy_input import EnergyLogDraft, WorkDraft
from leadtui.domain.oneonones import (
    Series,
    SeriesStatus,
    is_rule_date,
    next_session_date,
    rule_dates,
    rule_dates_by_rrule,
    series_overdue,
    session_dates,
)
from leadtui.domain.oneonones_input import ActionDraft, SeriesDraft
from leadtui.domain.people_input import PersonDraft
from leadtui.domain.reviews_input import DeliveryDraft, FeedbackDraft
from leadtui.domain.validation import build
from leadtui.errors import InputError
from tests.helpers import TODAY

RANGE = "give a date from 1900-01-01 to 2200-12-31"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1900-01-01", date(1900, 1, 1)),
        ("2200-12-31", date(2200, 12, 31)),
        ("1 Jan 1900", date(1900, 1, 1)),
        ("31 December 2200", date(2200, 12, 31)),
        ("Dec 31 2200", date(2200, 12, 31)),
    ],
)
def test_the_first_and_last_typed_days_are_accepted(text: str, expected: date) -> None:
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize(
    "text",
    [
        "1899-12-31",
        "2201-01-01",
        "9999-12-27",
        "9999-12-31",
        "0001-01-01",
        "Dec 27 9999",
        "27 December 9999",
        "Jan 1 2201",
        "31 Dec 1899",
        "12/27/9999",
    ],
)
def test_dates_outside_1900_to_2200_are_refused_naming_the_field_and_the_range(
    text: str,
) -> None:
    with pytest.raises(InputError) as info:
        parse_date(text, TODAY, field="start date")
    message = info.value.message
    assert message.startswith("start date ") and RANGE in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("today", "text", "future", "accepted"),
    [
        (date(2200, 12, 31), "today", False, True),
        (date(2200, 12, 31), "yesterday", False, True),
        (date(2200, 12, 31), "tomorrow", False, False),
        (date(2200, 12, 31), "next monday", False, False),
        (date(2200, 12, 31), "thursday", True, False),  # 2200-12-31 is a Wednesday
        (date(2200, 12, 31), "wednesday", True, True),
        (date(1900, 1, 1), "today", False, True),
        (date(1900, 1, 1), "yesterday", False, False),
        (date(1900, 1, 1), "last friday", False, False),
        (date(1900, 1, 1), "sunday", False, False),  # 1900-01-01 is a Monday
        (date(1900, 1, 1), "tomorrow", False, True),
    ],
)
def test_relative_words_near_the_bounds(
    today: date, text: str, future: bool, accepted: bool
) -> None:
    if accepted:
        assert date(1900, 1, 1) <= parse_date(text, today, future=future) <= date(2200, 12, 31)
    else:
        with pytest.raises(InputError, match="out of range"):
            parse_date(text, today, future=future)


def test_the_end_of_pythons_calendar_is_a_refusal_not_a_crash() -> None:
    with pytest.raises(InputError, match="out of range"):
        parse_date("tomorrow", date.max)
    with pytest.raises(InputError, match="out of range"):
        parse_date("yesterday", date.min)


@pytest.mark.parametrize(
    ("model", "data"),
    [
        (SeriesDraft, {"weekday": "mon", "starts_on": "9999-12-27"}),
        (SeriesDraft, {"weekday": 0, "starts_on": date(9999, 12, 27)}),  # as a stored date
        (ActionDraft, {"text": "Send the doc", "due_on": "Dec 27 9999"}),
        (ActionDraft, {"text": "Send the doc", "due_on": date(2201, 1, 1)}),
        (PersonDraft, {"name": "Sam", "started_on": "1899-12-31"}),
        (FeedbackDraft, {"text": "Clear doc", "day": "1899-12-31"}),
        (DeliveryDraft, {"day": "0001-01-01"}),
        (EnergyLogDraft, {"level": "4", "day": "1899-12-31"}),
        (WorkDraft, {"title": "prototype", "day": "1800-01-01"}),
    ],
)
def test_every_date_field_is_bounded(model: type[BaseModel], data: dict[str, Any]) -> None:
    with pytest.raises(InputError) as info:
        build(model, today=TODAY, **data)
    assert RANGE in info.value.message


def test_a_date_field_at_the_bounds_is_accepted() -> None:
    draft = build(SeriesDraft, today=TODAY, weekday="mon", starts_on="2200-12-31")
    assert draft.starts_on == date(2200, 12, 31)
    due = build(ActionDraft, today=TODAY, text="x", due_on="1900-01-01")
    assert due.due_on == date(1900, 1, 1)


@pytest.mark.parametrize("label", ["9999-Q1", "1899-Q4", "2201-Q1", "²026-Q1", "0001-Q1"])
def test_quarters_outside_the_years_or_not_ascii_are_refused(label: str) -> None:
    with pytest.raises(ValueError, match="quarter"):
        quarter_bounds(label)


@pytest.mark.parametrize("label", ["2201-H1", "1899-H2"])
def test_halves_outside_the_years_are_refused(label: str) -> None:
    with pytest.raises(InputError, match="year from 1900 to 2200"):
        parse_half(label, TODAY)


# --- far dates already stored ------------------------------------------------------------


def series(starts_on: date, every_weeks: int = 1, weekday: int = 0) -> Series:
    return Series(1, 1, every_weeks, weekday, "10:00", 60, starts_on, SeriesStatus.ACTIVE)


@pytest.mark.parametrize("starts_on", [date(9999, 12, 27), date(9999, 12, 31), date(2201, 1, 1)])
@pytest.mark.parametrize("every_weeks", [1, 12])
def test_a_stored_far_future_start_is_not_scheduled(starts_on: date, every_weeks: int) -> None:
    far = series(starts_on, every_weeks)
    assert next_session_date(far, {}, TODAY) is None
    assert next_session_date(far, {}, TODAY, last_held=TODAY) is None
    assert session_dates(far, {}, TODAY, date.max) == []
    assert session_dates(far, {starts_on: None}, date(9999, 1, 1), date.max) == []
    assert rule_dates(far, TODAY, date.max) == rule_dates_by_rrule(far, TODAY, date.max) == []
    assert not is_rule_date(far, starts_on)
    assert not series_overdue(far, None, TODAY)


def test_far_moves_and_skips_stored_for_a_normal_series_are_harmless() -> None:
    weekly = series(date(2026, 11, 2))  # Mondays
    changes: dict[date, date | None] = {
        date(9999, 12, 27): None,
        date(2026, 11, 30): date(9999, 12, 31),
        date(1, 1, 1): date(2026, 12, 2),
    }
    assert next_session_date(weekly, changes, TODAY) == date(2026, 11, 23)
    upcoming = session_dates(weekly, changes, TODAY, TODAY + timedelta(days=15))
    assert upcoming == [date(2026, 11, 23), date(2026, 12, 7)]
    assert session_dates(weekly, changes, date(9999, 1, 1), date.max) == []
    assert not is_rule_date(weekly, date.max)


def test_a_series_stored_as_starting_long_ago_still_recurs() -> None:
    ancient = series(date(1, 1, 1), weekday=1)  # Tuesdays since the year 1
    assert next_session_date(ancient, {}, TODAY) == date(2026, 11, 24)
    assert session_dates(ancient, {}, date.min, date(1900, 1, 9)) == [
        date(1900, 1, 2),
        date(1900, 1, 9),
    ]


def test_the_rule_stops_at_the_last_typed_day_both_ways() -> None:
    weekly = series(date(2200, 1, 1), every_weeks=3, weekday=4)
    window = (date(2200, 6, 1), date.max)
    by_arithmetic = rule_dates(weekly, *window)
    assert by_arithmetic == rule_dates_by_rrule(weekly, *window)
    assert by_arithmetic[-1] <= date(2200, 12, 31) < by_arithmetic[-1] + timedelta(weeks=3)
