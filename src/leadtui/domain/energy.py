"""The energy journal and the "eventual quid pro quo" check. Pure rules, no I/O.

Records are NamedTuples rather than dataclasses: they are immutable all the same and
cost far less to define, which keeps both `leadtui energy log` and start-up quick.

One entry a day, level 1–5 (5 = energized). A good day is >= 4 and a drained
day <= 2 (configurable). The verdict looks at a window of recent days
(28 by default):

- ``not-enough-data``: fewer than half the window's days have an entry
  (fewer than 14 of 28);
- ``deenergized``: drained days outnumber good days, or the mean is below 3;
- ``imbalanced-over-a-year``: deenergized now, and at least 9 of the last 12
  complete calendar months (before this one) were deenergized by the same rule;
  a month is judged only when at least half its days have entries;
- ``energized``: otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Annotated, NamedTuple

from leadtui.domain.bounds import Between
from leadtui.domain.dates import FIRST_DAY, LAST_DAY
from leadtui.domain.privacy import Visibility
from leadtui.domain.text import literal, quoted

LEVEL_MIN, LEVEL_MAX = 1, 5
MONTHS_FOR_IMBALANCE = 9
SPEAKING_GIGS_PER_YEAR = 2
MIN_ENTRIES_FOR_DIRECTION = 7
# The quarter's question needs at least half of its days so far logged.
MIN_QUARTER_COVERAGE = 0.5


class EnergyState(StrEnum):
    """The verdict's states (the JSON field ``state``)."""

    NOT_ENOUGH_DATA = "not-enough-data"
    ENERGIZED = "energized"
    DEENERGIZED = "deenergized"
    IMBALANCED = "imbalanced-over-a-year"


class DayKind(StrEnum):
    """A day under the user's definitions (the JSON field ``kind``)."""

    GOOD = "good"
    MIDDLING = "middling"
    DRAINED = "drained"


class Direction(StrEnum):
    """Where a quarter's levels are heading (least-squares slope per month)."""

    RISING = "rising"
    FLAT = "flat"
    FALLING = "falling"
    UNCLEAR = "unclear"  # too few entries for a direction


class TrendAnswer(StrEnum):
    """The quarter's answer to "is there a trend of good days?"."""

    YES = "yes"
    NO = "no"
    NOT_ENOUGH_DATA = "not enough data"


class WorkKind(StrEnum):
    """Kinds of energizing work, from the sources' examples."""

    CODING = "coding"  # without production dependencies
    COACHING = "coaching"
    EXPLORING = "exploring"
    OPTIMIZING = "optimizing"
    SPEAKING = "speaking"
    WRITING = "writing"
    OTHER = "other"


@dataclass(frozen=True)
class EnergyThresholds:
    """The user's definitions of a good and a drained day, and the verdict window."""

    good_day: Annotated[int, Between(1, 5)] = 4
    """A day at or above this level is a good day."""
    drained_day: Annotated[int, Between(1, 5)] = 2
    """A day at or below this level is a drained day."""
    window_days: Annotated[int, Between(7, 366)] = 28
    """How many recent days the verdict looks at."""

    def __post_init__(self) -> None:
        # Between good and drained there must be room: a day cannot be both.
        if not self.drained_day < self.good_day:
            raise ValueError(
                "needs drained_day < good_day, "
                f"got drained_day = {self.drained_day}, good_day = {self.good_day}"
            )

    @property
    def min_entries(self) -> int:
        """Entries needed in the window for a verdict (half the window, rounded up)."""
        return (self.window_days + 1) // 2


class EnergyEntry(NamedTuple):
    """One day's entry as stored."""

    day: date
    level: int
    note: str | None = None
    energized_by: tuple[str, ...] = ()
    drained_by: tuple[str, ...] = ()

    @property
    def visibility(self) -> Visibility:
        """Private: the energy journal is private by nature."""
        return Visibility.PRIVATE


class EnergizingWork(NamedTuple):
    """Something done because it gives energy back."""

    id: int
    title: str
    day: date
    hours: float
    kind: WorkKind
    creates_work_for_other_teams: bool = False

    @property
    def visibility(self) -> Visibility:
        """Private: part of the energy journal, private by nature."""
        return Visibility.PRIVATE


def level_kind(level: int, thresholds: EnergyThresholds) -> DayKind:
    """Good, drained or middling under the user's definitions."""
    if level >= thresholds.good_day:
        return DayKind.GOOD
    if level <= thresholds.drained_day:
        return DayKind.DRAINED
    return DayKind.MIDDLING


def relogged(previous: EnergyEntry | None, logged: EnergyEntry) -> EnergyEntry:
    """One entry per day: what the day holds after ``logged`` is logged over ``previous``.

    The new level replaces the old one. A note or a list of phrases not given this time
    keeps what the day already had, so a quick `leadtui energy log 2` in the evening does
    not wipe the note written at lunch.
    """
    if previous is None:
        return logged
    return logged._replace(
        note=logged.note if logged.note is not None else previous.note,
        energized_by=logged.energized_by or previous.energized_by,
        drained_by=logged.drained_by or previous.drained_by,
    )


class WindowStats(NamedTuple):
    """The numbers behind a judgement of a stretch of days."""

    start: date
    end: date
    entries: int
    good_days: int
    drained_days: int
    mean: float | None

    @property
    def days(self) -> int:
        """Days in the stretch."""
        return (self.end - self.start).days + 1

    def deenergized(self) -> bool:
        """Drained days outnumber good days, or the mean is below 3."""
        return self.entries > 0 and (
            self.drained_days > self.good_days or (self.mean is not None and self.mean < 3)
        )


def window_stats(
    entries: Iterable[EnergyEntry], start: date, end: date, thresholds: EnergyThresholds
) -> WindowStats:
    """Count entries, good and drained days, and the mean level between two dates."""
    levels = [e.level for e in entries if start <= e.day <= end]
    good = sum(1 for level in levels if level >= thresholds.good_day)
    drained = sum(1 for level in levels if level <= thresholds.drained_day)
    mean = round(sum(levels) / len(levels), 2) if levels else None
    return WindowStats(start, end, len(levels), good, drained, mean)


def month_start(day: date, months_back: int = 0) -> date:
    """First day of the month ``months_back`` before ``day``'s month."""
    index = day.year * 12 + day.month - 1 - months_back
    return date(index // 12, index % 12 + 1, 1)


def month_end(first: date) -> date:
    """Last day of the month starting at ``first``."""
    return month_start(first, -1) - timedelta(days=1)


class MonthJudgement(NamedTuple):
    """One calendar month under the verdict rule."""

    month: date
    stats: WindowStats
    judged: bool
    deenergized: bool


def judge_months(
    entries: Sequence[EnergyEntry], today: date, thresholds: EnergyThresholds, count: int = 12
) -> list[MonthJudgement]:
    """The last ``count`` complete calendar months before this one, oldest first.

    The current month is left out: early in a month a day or two would decide it.
    """
    result: list[MonthJudgement] = []
    for back in range(count, 0, -1):
        first = month_start(today, back)
        last = month_end(first)
        stats = window_stats(entries, first, last, thresholds)
        judged = stats.entries * 2 >= stats.days
        result.append(MonthJudgement(first, stats, judged, judged and stats.deenergized()))
    return result


class WorkBalance(NamedTuple):
    """Energizing work this month against last month, and the guardrails."""

    hours_this_month: float
    hours_last_month: float
    speaking_last_year: int
    creates_work: tuple[str, ...] = ()

    @property
    def warnings(self) -> list[str]:
        """Guardrails from the sources, as sentences."""
        found = []
        if self.speaking_last_year > SPEAKING_GIGS_PER_YEAR:
            found.append(
                f"{self.speaking_last_year} speaking gigs in the last 12 months: more than "
                f"{SPEAKING_GIGS_PER_YEAR} a year pulls focus from the job"
            )
        for title in self.creates_work:
            found.append(
                f"'{literal(title)}' creates work for other teams; "
                "energizing work should not cost others"
            )
        return found


def work_balance(work: Sequence[EnergizingWork], today: date) -> WorkBalance:
    """Sum energizing hours this and last calendar month; check the guardrails."""
    this_first = month_start(today)
    last_first = month_start(today, 1)
    year_ago = today - timedelta(days=365)
    return WorkBalance(
        hours_this_month=round(sum(w.hours for w in work if this_first <= w.day <= today), 2),
        hours_last_month=round(sum(w.hours for w in work if last_first <= w.day < this_first), 2),
        speaking_last_year=sum(
            1 for w in work if w.kind is WorkKind.SPEAKING and year_ago < w.day <= today
        ),
        creates_work=tuple(
            dict.fromkeys(
                w.title
                for w in work
                if w.creates_work_for_other_teams and year_ago < w.day <= today
            )
        ),
    )


class EnergyVerdict(NamedTuple):
    """The verdict, its reason in words, the numbers behind it and what to do."""

    state: EnergyState
    reason: str
    prescription: str
    today: date
    window: WindowStats
    thresholds: EnergyThresholds
    months: tuple[MonthJudgement, ...] = ()
    balance: WorkBalance | None = None

    @property
    def months_deenergized(self) -> int:
        """Deenergized months among the last 12."""
        return sum(1 for m in self.months if m.deenergized)

    @property
    def months_judged(self) -> int:
        """Months with enough entries to judge."""
        return sum(1 for m in self.months if m.judged)


def energy_verdict(
    entries: Sequence[EnergyEntry],
    work: Sequence[EnergizingWork],
    today: date,
    thresholds: EnergyThresholds | None = None,
) -> EnergyVerdict:
    """Judge the journal as of ``today``."""
    t = thresholds or EnergyThresholds()
    start = today - timedelta(days=t.window_days - 1)
    stats = window_stats(entries, start, today, t)
    months = judge_months(entries, today, t)
    balance = work_balance(work, today)
    numbers = (
        f"{_entries(stats.entries)} in the last {t.window_days} days: "
        f"{stats.good_days} good, {stats.drained_days} drained, mean {stats.mean}"
    )

    def verdict(state: EnergyState, reason: str, prescription: str) -> EnergyVerdict:
        return EnergyVerdict(state, reason, prescription, today, stats, t, tuple(months), balance)

    if stats.entries < t.min_entries:
        return verdict(
            EnergyState.NOT_ENOUGH_DATA,
            f"only {_entries(stats.entries)} in the last {t.window_days} days; "
            f"a verdict needs {t.min_entries}",
            "Log one number a day (`leadtui energy log 4`); the verdict appears after "
            f"{t.min_entries} entries in {t.window_days} days.",
        )
    if not stats.deenergized():
        return verdict(
            EnergyState.ENERGIZED,
            f"{numbers}: not mostly drained",
            "Keep going. Keep logging so a slide shows up early.",
        )
    deenergized = sum(1 for m in months if m.deenergized)
    if deenergized >= MONTHS_FOR_IMBALANCE:
        return verdict(
            EnergyState.IMBALANCED,
            f"{numbers}; and {deenergized} of the last 12 months were deenergized",
            "This has not balanced out in a year. Stop adding energizing work and fix it: "
            "change the role, or leave.",
        )
    why = (
        f"drained days ({stats.drained_days}) outnumber good days ({stats.good_days})"
        if stats.drained_days > stats.good_days
        else f"the mean level {stats.mean} is below 3"
    )
    if balance.hours_this_month > balance.hours_last_month:
        more = (
            f"You logged {balance.hours_this_month:g} h of energizing work this month against "
            f"{balance.hours_last_month:g} h last month; keep increasing it until the balance "
            "returns."
        )
    else:
        more = (
            f"Add energizing work: {balance.hours_this_month:g} h this month against "
            f"{balance.hours_last_month:g} h last month. Increase it until the balance returns."
        )
    return verdict(EnergyState.DEENERGIZED, f"{numbers}; {why}", more)


class QuarterView(NamedTuple):
    """The sources' question for a quarter: is there a trend of good days?"""

    label: str
    start: date
    end: date
    stats: WindowStats
    coverage: float
    good_share: float
    slope_per_month: float
    direction: Direction

    @property
    def trend_answer(self) -> TrendAnswer:
        """Yes: half the days logged, at least half of them good, and not falling.

        Below half the days logged, or with too few entries for a direction, the
        question cannot be answered: "no" would read as a judgement the journal
        does not support, so the answer is "not enough data".
        """
        if self.coverage < MIN_QUARTER_COVERAGE or self.direction is Direction.UNCLEAR:
            return TrendAnswer.NOT_ENOUGH_DATA
        if self.good_share >= 0.5 and self.direction in (Direction.RISING, Direction.FLAT):
            return TrendAnswer.YES
        return TrendAnswer.NO

    @property
    def trend_of_good_days(self) -> bool:
        """True only when the answer is yes (see ``trend_answer``)."""
        return self.trend_answer is TrendAnswer.YES


def quarter_bounds(label: str) -> tuple[date, date]:
    """``2026-Q4`` -> first and last day; ValueError with the accepted form."""
    # ASCII digits: "²" passes str.isdigit() but int() refuses it.
    match = re.match(r"^([0-9]{4})-Q([1-4])$", label.strip().upper())
    if match is None:
        raise ValueError(f"quarter must look like 2026-Q4, got {quoted(label)}")
    year, quarter = int(match.group(1)), int(match.group(2))
    if not FIRST_DAY.year <= year <= LAST_DAY.year:
        raise ValueError(
            f"quarter {quoted(label)} is out of range; "
            f"give a year from {FIRST_DAY.year} to {LAST_DAY.year}"
        )
    first = date(year, 3 * quarter - 2, 1)
    return first, month_end(month_start(first, -2))


def quarter_label(day: date) -> str:
    """The quarter containing ``day``, e.g. ``2026-Q4``."""
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def quarter_view(
    entries: Sequence[EnergyEntry], label: str, today: date, thresholds: EnergyThresholds
) -> QuarterView:
    """Coverage, share of good days and direction for one quarter (up to today)."""
    first, last = quarter_bounds(label)
    end = min(last, today)
    stats = window_stats(entries, first, end, thresholds)
    elapsed = max((end - first).days + 1, 1)
    inside = [e for e in entries if first <= e.day <= end]
    slope = _slope([(e.day - first).days for e in inside], [e.level for e in inside]) * 30
    if abs(slope) < 0.25:
        direction = Direction.FLAT
    else:
        direction = Direction.RISING if slope > 0 else Direction.FALLING
    return QuarterView(
        label=label.upper(),
        start=first,
        end=end,
        stats=stats,
        coverage=round(min(stats.entries / elapsed, 1.0), 3) if end >= first else 0.0,
        good_share=round(stats.good_days / stats.entries, 3) if stats.entries else 0.0,
        slope_per_month=round(slope, 3),
        # A direction from a handful of points is noise, so it needs a week's worth of entries.
        direction=direction if len(inside) >= MIN_ENTRIES_FOR_DIRECTION else Direction.UNCLEAR,
    )


def _entries(count: int) -> str:
    return f"{count} entry" if count == 1 else f"{count} entries"


def _slope(xs: Sequence[int], ys: Sequence[int]) -> float:
    """Least-squares slope of ys over xs (level per day)."""
    n = len(xs)
    if n < 2:
        return 0.0
    mean_x, mean_y = sum(xs) / n, sum(ys) / n
    var = sum((x - mean_x) ** 2 for x in xs)
    if var == 0:
        return 0.0
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / var
