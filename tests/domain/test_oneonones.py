from __future__ import annotations

from datetime import date, timedelta

from leadtui.domain.oneonones import (
    Action,
    HoldRefusal,
    Point,
    PointStatus,
    Rule,
    Series,
    SeriesStatus,
    Side,
    Visibility,
    changes_survive,
    commitments_kept,
    first_open_day,
    hold_refusal,
    next_session_date,
    original_occurrence,
    plan_hold,
    reordered,
    series_overdue,
    session_dates,
    toggled,
)
from tests.helpers import TODAY

TUESDAY = 1


def series(
    every: int = 1, start: date = date(2026, 11, 3), status: SeriesStatus = SeriesStatus.ACTIVE
) -> Series:
    return Series(1, 1, every, TUESDAY, "10:00", 60, start, status)


def test_weekly_next_date_comes_from_the_rule() -> None:
    assert next_session_date(series(), {}, TODAY) == date(2026, 11, 24)
    assert next_session_date(series(), {}, date(2026, 11, 24)) == date(2026, 11, 24)


def test_every_two_weeks_keeps_its_phase() -> None:
    dates = session_dates(series(every=2), {}, date(2026, 11, 1), date(2026, 12, 31))
    assert dates == [
        date(2026, 11, 3),
        date(2026, 11, 17),
        date(2026, 12, 1),
        date(2026, 12, 15),
        date(2026, 12, 29),
    ]
    assert next_session_date(series(every=2), {}, TODAY) == date(2026, 12, 1)


def test_skip_and_move_one_occurrence() -> None:
    skip: dict[date, date | None] = {date(2026, 11, 24): None}
    assert next_session_date(series(), skip, TODAY) == date(2026, 12, 1)
    move: dict[date, date | None] = {date(2026, 11, 24): date(2026, 11, 26)}
    assert next_session_date(series(), move, TODAY) == date(2026, 11, 26)
    dates = session_dates(series(), move, date(2026, 11, 20), date(2026, 12, 2))
    assert dates == [date(2026, 11, 26), date(2026, 12, 1)]


def test_original_occurrence_behind_a_shown_date() -> None:
    move = {date(2026, 11, 24): date(2026, 11, 26), date(2026, 12, 1): None}
    assert original_occurrence(series(), move, date(2026, 11, 26)) == date(2026, 11, 24)
    assert original_occurrence(series(), move, date(2026, 12, 8)) == date(2026, 12, 8)
    assert original_occurrence(series(), move, date(2026, 11, 24)) is None  # moved away
    assert original_occurrence(series(), move, date(2026, 12, 1)) is None  # skipped
    assert original_occurrence(series(), move, date(2026, 12, 9)) is None  # not a Tuesday
    assert original_occurrence(series(every=2), {}, date(2026, 11, 24)) is None  # off-phase


def test_paused_series_has_no_next_date_and_is_never_overdue() -> None:
    paused = series(status=SeriesStatus.PAUSED)
    assert next_session_date(paused, {}, TODAY) is None
    assert not series_overdue(paused, None, TODAY)


def test_overdue_is_cadence_plus_three_days() -> None:
    weekly = series()
    assert not series_overdue(weekly, TODAY - timedelta(days=10), TODAY)
    assert series_overdue(weekly, TODAY - timedelta(days=11), TODAY)
    assert not series_overdue(series(every=2), TODAY - timedelta(days=17), TODAY)


def action(owner: Side, due: date, done: date | None) -> Action:
    return Action(0, 1, "x", owner, due, done, 0, None, due)


def test_commitments_kept_per_side_over_90_days() -> None:
    actions = [
        action(Side.ME, TODAY - timedelta(days=5), TODAY - timedelta(days=6)),  # kept
        action(Side.ME, TODAY - timedelta(days=5), TODAY - timedelta(days=1)),  # late
        action(Side.ME, TODAY - timedelta(days=100), TODAY - timedelta(days=100)),  # too old
        action(Side.THEM, TODAY - timedelta(days=1), None),  # missed
        action(Side.THEM, TODAY + timedelta(days=3), None),  # not due yet
    ]
    mine = commitments_kept(actions, Side.ME, TODAY)
    assert (mine.due, mine.kept, mine.share) == (2, 1, 0.5)
    theirs = commitments_kept(actions, Side.THEM, TODAY)
    assert (theirs.due, theirs.kept) == (1, 0)


def test_phase_is_kept_years_after_the_start() -> None:
    old = series(every=3, start=date(2020, 1, 7))  # a Tuesday
    dates = session_dates(old, {}, date(2026, 11, 1), date(2026, 12, 31))
    assert dates and all((d - date(2020, 1, 7)).days % 21 == 0 for d in dates)
    assert len(dates) == 3


def test_holding_today_consumes_todays_occurrence() -> None:
    sunday = series()._replace(weekday=6)
    assert next_session_date(sunday, {}, TODAY, None) == TODAY
    assert next_session_date(sunday, {}, TODAY, TODAY - timedelta(days=7)) == TODAY
    assert next_session_date(sunday, {}, TODAY, TODAY) == date(2026, 11, 29)
    assert first_open_day(TODAY, TODAY) == date(2026, 11, 23)


def point(
    pid: int,
    status: PointStatus = PointStatus.OPEN,
    *,
    recurring: bool = False,
    carried: int = 0,
    session_id: int | None = None,
) -> Point:
    return Point(
        pid, 1, f"p{pid}", Side.ME, Visibility.SHARED, status, recurring, pid, carried,
        session_id, TODAY,
    )  # fmt: skip


def test_one_hold_per_day_and_none_in_the_future() -> None:
    assert hold_refusal(TODAY, TODAY, held_that_day=False) is None
    assert hold_refusal(TODAY - timedelta(days=5), TODAY, held_that_day=False) is None
    assert hold_refusal(TODAY, TODAY, held_that_day=True) is HoldRefusal.ALREADY_HELD
    assert hold_refusal(TODAY + timedelta(days=1), TODAY, held_that_day=False) is (
        HoldRefusal.FUTURE
    )


def test_the_carry_over_rule() -> None:
    points = [
        point(1, PointStatus.DISCUSSED),
        point(2, PointStatus.DROPPED),
        point(3, carried=2),
        point(4, PointStatus.DISCUSSED, recurring=True),
        point(5, PointStatus.DROPPED, recurring=True),
        point(6, recurring=True),
        point(7, PointStatus.DISCUSSED, session_id=9),  # filed already: untouched
    ]
    done = Action(1, 1, "done", Side.ME, None, TODAY, 0, None, TODAY)
    open_ = Action(2, 1, "open", Side.THEM, TODAY, None, 1, None, TODAY)
    reopened = Action(3, 1, "filed, then open again", Side.ME, None, None, 0, 8, TODAY)
    plan = plan_hold(points, [done, open_, reopened])

    def ids(items: list[Point] | list[Action]) -> list[int]:
        return [i.id for i in items]

    assert ids(plan.filed_points) == [1, 2]  # discussed and dropped: filed
    assert ids(plan.recurring_copies) == [4]  # a discussed recurring point: a copy is filed
    assert ids(plan.reopened) == [4, 5]  # recurring points: open again for next time
    assert ids(plan.carried_points) == [3]  # open: carried with a count
    assert ids(plan.kept_recurring) == [4, 5, 6]
    assert ids(plan.filed_actions) == [1]  # done: filed
    assert ids(plan.carried_actions) == [2, 3]  # open: carried
    assert (plan.filed, plan.carried) == (3, 4)


def test_reorder_swaps_with_the_neighbour_and_stops_at_the_ends() -> None:
    assert reordered([1, 2, 3], 1, 1) == [2, 1, 3]
    assert reordered([1, 2, 3], 3, -1) == [1, 3, 2]
    assert reordered([1, 2, 3], 1, -1) is None
    assert reordered([1, 2, 3], 3, 1) is None


def test_marking_a_point_as_it_is_opens_it_again() -> None:
    assert toggled(PointStatus.OPEN, PointStatus.DISCUSSED) is PointStatus.DISCUSSED
    assert toggled(PointStatus.DISCUSSED, PointStatus.DISCUSSED) is PointStatus.OPEN
    assert toggled(PointStatus.DROPPED, PointStatus.DISCUSSED) is PointStatus.DISCUSSED


def test_moves_and_skips_survive_only_the_same_rule() -> None:
    weekly = series()
    assert changes_survive(weekly, Rule(1, TUESDAY, date(2026, 11, 3)))
    assert changes_survive(None, Rule(1, TUESDAY, date(2026, 11, 3)))
    assert not changes_survive(weekly, Rule(2, TUESDAY, date(2026, 11, 3)))
    assert not changes_survive(weekly, Rule(1, 2, date(2026, 11, 3)))
    assert not changes_survive(weekly, Rule(1, TUESDAY, date(2026, 11, 10)))
