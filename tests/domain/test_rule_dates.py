"""A series' dates by plain date arithmetic agree with python-dateutil's rrule, the
reference; moves and skips apply the same on both paths; Today's card needs no dateutil."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from leadtui.domain.oneonones import (
    Series,
    SeriesStatus,
    rule_dates,
    rule_dates_by_rrule,
    session_dates,
)


def series(starts_on: date, weekday: int, every: int) -> Series:
    return Series(1, 1, every, weekday, "10:00", 60, starts_on, SeriesStatus.ACTIVE)


@settings(max_examples=600, deadline=None)
@given(
    starts_on=st.dates(date(2015, 1, 1), date(2030, 12, 31)),
    weekday=st.integers(0, 6),
    every=st.integers(1, 4),
    offset=st.integers(-400, 4000),
    length=st.integers(0, 150),
)
def test_rule_dates_agree_with_rrule(
    starts_on: date, weekday: int, every: int, offset: int, length: int
) -> None:
    """Any start day (even one not on the series' weekday), any cadence, any window."""
    one = series(starts_on, weekday, every)
    start = starts_on + timedelta(days=offset)
    end = start + timedelta(days=length)
    assert rule_dates(one, start, end) == rule_dates_by_rrule(one, start, end)


def test_a_start_mid_week_counts_weeks_from_the_week_it_falls_in() -> None:
    """rrule's reading: a fortnightly Tuesday series starting on a Thursday has its first
    session twelve days later, in the week two weeks on."""
    one = series(date(2026, 11, 5), 1, 2)  # Thursday; sessions on Tuesdays
    expected = [date(2026, 11, 17), date(2026, 12, 1)]
    assert rule_dates(one, date(2026, 11, 1), date(2026, 12, 6)) == expected


@settings(max_examples=300, deadline=None)
@given(
    starts_on=st.dates(date(2024, 1, 1), date(2026, 6, 30)),
    weekday=st.integers(0, 6),
    every=st.integers(1, 3),
    moves=st.lists(st.tuples(st.integers(0, 60), st.integers(-10, 10) | st.none()), max_size=4),
)
def test_moves_and_skips_apply_the_same_near_and_far(
    starts_on: date, weekday: int, every: int, moves: list[tuple[int, int | None]]
) -> None:
    one = series(starts_on, weekday, every)
    window = (date(2026, 11, 1), date(2026, 12, 31))
    rule = rule_dates_by_rrule(one, *window)
    changes: dict[date, date | None] = {}
    for index, shift in moves:
        if rule:
            original = rule[index % len(rule)]
            changes[original] = None if shift is None else original + timedelta(days=shift)
    around = rule_dates_by_rrule(
        one, window[0] - timedelta(weeks=8), window[1] + timedelta(weeks=8)
    )
    expected = set()
    for day in around:
        moved = changes[day] if day in changes else day
        if moved is not None and window[0] <= moved <= window[1]:
            expected.add(moved)
    assert session_dates(one, changes, *window) == sorted(expected)
    far = (window[0] + timedelta(weeks=30), window[1] + timedelta(weeks=30))
    assert session_dates(one, changes, *far) == rule_dates(one, *far)


def test_the_weeks_sessions_without_changes_need_no_dateutil() -> None:
    """Start-up stays lean: Today's 1:1 card computes the week by arithmetic."""
    code = (
        "import sys\n"
        "from datetime import date\n"
        "from leadtui.domain.oneonones import Series, SeriesStatus, session_dates\n"
        "s = Series(1, 1, 1, 1, '10:00', 60, date(2024, 1, 3), SeriesStatus.ACTIVE)\n"
        "assert session_dates(s, {}, date(2026, 11, 22), date(2026, 11, 29))\n"
        "assert 'dateutil' not in sys.modules, 'dateutil imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
