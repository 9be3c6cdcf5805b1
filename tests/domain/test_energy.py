from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from leadtui.domain.energy import (
    DayKind,
    Direction,
    EnergizingWork,
    EnergyEntry,
    EnergyState,
    EnergyThresholds,
    TrendAnswer,
    WorkKind,
    energy_verdict,
    level_kind,
    month_start,
    quarter_bounds,
    quarter_view,
    relogged,
)
from leadtui.export.json import energy_verdict_json
from tests.helpers import TODAY

T = EnergyThresholds()


def days(levels: list[int], end: date = TODAY) -> list[EnergyEntry]:
    """Entries for consecutive days ending at ``end`` (the last level is ``end``)."""
    start = end - timedelta(days=len(levels) - 1)
    return [EnergyEntry(start + timedelta(days=i), level) for i, level in enumerate(levels)]


def test_13_entries_is_not_enough_and_14_is() -> None:
    assert energy_verdict(days([4] * 13), [], TODAY).state is EnergyState.NOT_ENOUGH_DATA
    assert energy_verdict(days([4] * 14), [], TODAY).state is EnergyState.ENERGIZED


def test_entries_outside_the_window_do_not_count() -> None:
    old = days([4] * 30, end=TODAY - timedelta(days=28))
    verdict = energy_verdict(old + days([4] * 13), [], TODAY)
    assert verdict.state is EnergyState.NOT_ENOUGH_DATA
    assert verdict.window.entries == 13


def test_equal_good_and_drained_days_with_mean_3_is_energized() -> None:
    verdict = energy_verdict(days([5, 1] * 7), [], TODAY)
    assert (verdict.window.good_days, verdict.window.drained_days) == (7, 7)
    assert verdict.window.mean == 3.0
    assert verdict.state is EnergyState.ENERGIZED


def test_one_more_drained_day_than_good_is_deenergized() -> None:
    verdict = energy_verdict(days([5, 1] * 7 + [2]), [], TODAY)
    assert verdict.state is EnergyState.DEENERGIZED
    assert "outnumber" in verdict.reason


def test_mean_below_3_is_deenergized_even_without_drained_days() -> None:
    custom = EnergyThresholds(good_day=5, drained_day=1)
    verdict = energy_verdict(days([3, 2] * 10), [], TODAY, custom)
    assert verdict.window.drained_days == 0 and verdict.window.mean == 2.5
    assert verdict.state is EnergyState.DEENERGIZED
    assert "mean level 2.5 is below 3" in verdict.reason
    assert energy_verdict(days([3] * 20), [], TODAY, custom).state is EnergyState.ENERGIZED


def year_with_bad_months(bad: int) -> list[EnergyEntry]:
    """Daily entries for this month and the 12 before it.

    This month and the ``bad`` months before it are drained; older months are good.
    """
    entries = []
    for back in range(13):
        first = month_start(TODAY, back)
        last = min(month_start(TODAY, back - 1) - timedelta(days=1), TODAY)
        level = 1 if back <= bad else 4
        day = first
        while day <= last:
            entries.append(EnergyEntry(day, level))
            day += timedelta(days=1)
    return entries


def test_eight_bad_months_is_deenergized_and_nine_is_imbalanced() -> None:
    eight = energy_verdict(year_with_bad_months(8), [], TODAY)
    assert eight.state is EnergyState.DEENERGIZED
    assert eight.months_deenergized == 8
    nine = energy_verdict(year_with_bad_months(9), [], TODAY)
    assert nine.state is EnergyState.IMBALANCED
    assert nine.months_deenergized == 9
    assert "change the role" in nine.prescription
    assert energy_verdict_json(nine)["months_deenergized"] == 9


def test_a_month_with_too_few_entries_is_not_judged() -> None:
    sparse = [EnergyEntry(month_start(TODAY, 3) + timedelta(days=i), 1) for i in range(5)]
    verdict = energy_verdict(sparse + days([4] * 20), [], TODAY)
    assert verdict.months_deenergized == 0


def work(
    day: date, hours: float, kind: WorkKind = WorkKind.CODING, creates: bool = False
) -> EnergizingWork:
    return EnergizingWork(0, f"w{day}", day, hours, kind, creates)


def test_deenergized_prescription_compares_this_month_with_last() -> None:
    entries = days([2] * 20)
    less = energy_verdict(entries, [work(TODAY, 1), work(month_start(TODAY, 1), 4)], TODAY)
    assert less.state is EnergyState.DEENERGIZED
    assert "Add energizing work: 1 h this month against 4 h last month" in less.prescription
    more = energy_verdict(entries, [work(TODAY, 5), work(month_start(TODAY, 1), 4)], TODAY)
    assert "keep increasing it" in more.prescription


def test_guardrails_speaking_and_work_for_other_teams() -> None:
    gigs = [work(TODAY - timedelta(days=30 * i), 2, WorkKind.SPEAKING) for i in range(3)]
    verdict = energy_verdict(days([4] * 20), [*gigs, work(TODAY, 1, creates=True)], TODAY)
    warnings = energy_verdict_json(verdict)["warnings"]
    assert isinstance(warnings, list) and len(warnings) == 2
    assert "3 speaking gigs" in warnings[0]
    two = energy_verdict(days([4] * 20), gigs[:2], TODAY)
    assert energy_verdict_json(two)["warnings"] == []


def test_quarter_bounds_and_view() -> None:
    assert quarter_bounds("2026-q4") == (date(2026, 10, 1), date(2026, 12, 31))
    assert quarter_bounds("2024-Q1") == (date(2024, 1, 1), date(2024, 3, 31))
    for bad in ("2026-Q5", "Q4", "2026-4", "2026-H2"):
        with pytest.raises(ValueError, match="2026-Q4"):
            quarter_bounds(bad)
    rising = days([2] * 20 + [4] * 33)  # 53 days ending 2026-11-22, all in Q4
    view = quarter_view(rising, "2026-Q4", TODAY, T)
    assert view.coverage == 1.0
    assert view.direction is Direction.RISING
    assert view.good_share == round(33 / 53, 3)
    assert view.trend_of_good_days
    falling = quarter_view(days([4] * 33 + [2] * 20), "2026-Q4", TODAY, T)
    assert falling.direction is Direction.FALLING and not falling.trend_of_good_days
    few = quarter_view(days([4] * 5), "2026-Q4", TODAY, T)
    assert few.direction is Direction.UNCLEAR and not few.trend_of_good_days
    flat = quarter_view(days([4] * 53), "2026-Q4", TODAY, T)
    assert flat.direction is Direction.FLAT and flat.trend_of_good_days
    # Shown as text (the review, the screen) exactly as before it was an enum.
    assert f"direction {flat.direction}" == "direction flat"


def test_a_quarter_with_too_few_days_logged_has_no_answer_yet() -> None:
    """Below half the days logged, "no" would judge days nobody wrote down."""
    empty = quarter_view([], "2026-Q4", TODAY, T)
    assert empty.coverage == 0.0
    assert empty.trend_answer is TrendAnswer.NOT_ENOUGH_DATA and not empty.trend_of_good_days
    # 20 good days out of the 53 so far: a rising week's worth, but under half covered.
    sparse = quarter_view(days([4] * 20), "2026-Q4", TODAY, T)
    assert sparse.coverage < 0.5
    assert sparse.trend_answer is TrendAnswer.NOT_ENOUGH_DATA
    # Covered but too few entries for a direction (three days into a quarter).
    early = quarter_view(days([4] * 3, date(2027, 1, 3)), "2027-Q1", date(2027, 1, 3), T)
    assert early.coverage == 1.0 and early.trend_answer is TrendAnswer.NOT_ENOUGH_DATA
    enough = quarter_view(days([2] * 53), "2026-Q4", TODAY, T)
    assert enough.trend_answer is TrendAnswer.NO
    assert quarter_view(days([4] * 53), "2026-Q4", TODAY, T).trend_answer is TrendAnswer.YES


def test_the_current_month_never_decides_the_year() -> None:
    # Eight drained complete months, then a drained first of the month: still eight.
    first_of_month = month_start(TODAY)
    entries = [e for e in year_with_bad_months(8) if e.day < first_of_month]
    entries += days([1] * 1, end=first_of_month)
    verdict = energy_verdict(entries, [], first_of_month)
    assert verdict.months_deenergized == 8
    assert verdict.state is EnergyState.DEENERGIZED


def test_warnings_show_control_characters_literally() -> None:
    evil = EnergizingWork(1, "x\x1b]0;pwned\x07", TODAY, 1, WorkKind.CODING, True)
    verdict = energy_verdict(days([4] * 20), [evil], TODAY)
    warnings = energy_verdict_json(verdict)["warnings"]
    assert isinstance(warnings, list)
    [warning] = warnings
    assert isinstance(warning, str)
    assert "\x1b" not in warning and "\\x1b" in warning


@pytest.mark.parametrize(
    ("level", "kind"),
    [(1, DayKind.DRAINED), (2, DayKind.DRAINED), (3, DayKind.MIDDLING), (4, DayKind.GOOD)],
)
def test_level_kind_is_a_state_that_reads_as_before(level: int, kind: DayKind) -> None:
    assert level_kind(level, T) is kind
    # A StrEnum: text and JSON output stay byte-identical to the plain strings.
    assert f"{kind}|{kind:<8}|" == f"{kind.value}|{kind.value:<8}|"
    assert json.dumps({"kind": kind}) == json.dumps({"kind": kind.value})


def test_level_kind_follows_custom_definitions() -> None:
    strict = EnergyThresholds(good_day=5, drained_day=3)
    assert [level_kind(n, strict) for n in range(1, 6)] == [DayKind.DRAINED] * 3 + [
        DayKind.MIDDLING,
        DayKind.GOOD,
    ]


def test_relogging_a_day_replaces_the_level_and_keeps_what_is_not_given_again() -> None:
    before = EnergyEntry(TODAY, 4, "design review", ("pairing",), ("1:1s",))
    assert relogged(None, EnergyEntry(TODAY, 2)) == EnergyEntry(TODAY, 2)
    assert relogged(before, EnergyEntry(TODAY, 2)) == before._replace(level=2)
    given = EnergyEntry(TODAY, 3, "new", ("writing",), ("incident",))
    assert relogged(before, given) == given
    only_note = relogged(before, EnergyEntry(TODAY, 5, "new"))
    assert only_note == EnergyEntry(TODAY, 5, "new", ("pairing",), ("1:1s",))
