from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leadtui.domain.dates import Words, parse_date
from leadtui.errors import InputError
from tests.helpers import TODAY


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-05", date(2026, 3, 5)),
        ("today", TODAY),
        ("Yesterday", date(2026, 11, 21)),
        ("tomorrow", date(2026, 11, 23)),
        ("5 March 2024", date(2024, 3, 5)),
        ("Mar 5", date(2026, 3, 5)),
        ("friday", date(2026, 11, 20)),  # the most recent Friday
        ("sunday", TODAY),  # today is a Sunday
    ],
)
def test_parse_date_accepts_common_forms(text: str, expected: date) -> None:
    assert parse_date(text, TODAY) == expected


def test_weekday_in_the_future_mode_means_the_next_one() -> None:
    assert parse_date("mon", TODAY, future=True) == date(2026, 11, 23)


@pytest.mark.parametrize("text", ["2026-02-31", "31/02", "not a date", "", "   ", "2026-13-01"])
def test_parse_date_refuses_impossible_dates_with_the_accepted_form(text: str) -> None:
    with pytest.raises(InputError) as info:
        parse_date(text, TODAY, field="start date")
    assert "start date" in info.value.message
    assert "YYYY-MM-DD" in info.value.message


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_iso_round_trip(value: date) -> None:
    assert parse_date(value.isoformat(), TODAY) == value


def test_weekday_names_have_one_home() -> None:
    from leadtui.domain.dates import WEEKDAYS, weekday_index, weekday_label, weekday_name

    assert WEEKDAYS[0] == "monday" and len(WEEKDAYS) == 7
    assert [weekday_index(w) for w in ("mon", "Tues", " sunday ", "thu")] == [0, 1, 6, 3]
    assert weekday_index("tu") is None and weekday_index("funday") is None
    assert (weekday_name(1), weekday_label(1)) == ("Tuesday", "Tue")


def test_screens_show_one_day_style_with_the_year_only_when_it_differs() -> None:
    from leadtui.domain.dates import day_label, short_day_label

    assert day_label(date(2026, 12, 7), TODAY) == "Mon 7 Dec"
    assert day_label(date(2027, 1, 4), TODAY) == "Mon 4 Jan 2027"
    assert day_label(date(2026, 12, 7)) == "Mon 7 Dec"
    assert short_day_label(date(2026, 3, 1), TODAY) == "1 Mar"
    assert short_day_label(date(2025, 3, 1), TODAY) == "1 Mar 2025"


def test_words_write_their_dates_as_iso_or_as_screens_show_a_day() -> None:
    said = Words("{Sam}'s term ended ", date(2026, 8, 31), " and starts ", date(2027, 1, 4))
    assert said.written() == "{Sam}'s term ended 2026-08-31 and starts 2027-01-04"
    # This year's day without its year, another year's with it; braces in names stay text.
    assert said.as_shown(TODAY) == "{Sam}'s term ended Mon 31 Aug and starts Mon 4 Jan 2027"
    assert Words("no dates at all").as_shown(TODAY) == "no dates at all"
