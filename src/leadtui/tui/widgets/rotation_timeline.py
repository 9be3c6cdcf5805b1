"""Per capacity, its seats as staggered bars on one time axis, with today marked.

Renders what it is given (a capacity's schedule, a window of days, colours from the
theme) and nothing else: a month ruler, one row per seat where each person's stretch is
a coloured bar carrying their name, open stretches dotted (a gap in the error colour),
turnovers in the next four weeks flagged, and a caret under today.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import NamedTuple

from rich.text import Text

from leadtui.domain.rotations import LEAD_DAYS, Segment
from leadtui.domain.text import literal
from leadtui.services.rotations import CapacitySchedule

LABEL = 8  # "Seat 1  "
_MONTHS = "JFMAMJJASOND"


class TimelineColors(NamedTuple):
    """Theme colours for the bars: two alternating fills, gaps, soon, today, text."""

    first: str
    second: str
    gap: str
    soon: str
    today: str
    text: str

    @classmethod
    def from_theme(cls, variables: Mapping[str, str]) -> TimelineColors:
        """The colours of the theme in use (its CSS variables)."""
        return cls(
            first=variables.get("primary", "blue"),
            second=variables.get("accent", "magenta"),
            gap=variables.get("error", "red"),
            soon=variables.get("warning", "yellow"),
            today=variables.get("success", "green"),
            text=variables.get("foreground", "white"),
        )


def _column(day: date, first: date, days_per_column: float) -> int:
    return int((day - first).days / days_per_column)


def timeline(
    schedule: CapacitySchedule,
    today: date,
    first: date,
    last: date,
    width: int,
    colors: TimelineColors,
) -> Text:
    """The capacity's seats between ``first`` and ``last`` in ``width`` columns."""
    columns = max(10, width - LABEL)
    span = max(1, (last - first).days + 1)
    per_column = span / columns
    out = Text()
    # Month ruler: the initial of each month above its first day ("J" for January ...),
    # the abbreviation when there is room, and January with its year as tables write it
    # ("Jan 2027"; just "2027" when a month is narrower). A label that would run past the
    # right edge is shortened to what fits, never cut mid-word.
    ruler = [" "] * columns
    month = date(first.year, first.month, 1)
    while month <= last:
        if month >= first:
            at = _column(month, first, per_column)
            after = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
            # Up to a space before the next month's label, or up to the right edge.
            room = min(columns, _column(after, first, per_column) - 1) - at
            labels = [_MONTHS[month.month - 1]]
            if per_column * 4 <= 31:
                labels.insert(0, month.strftime("%b"))
            if month.month == 1:
                labels[:0] = [f"{month:%b} {month.year}", str(month.year)]
            label = next((x for x in labels if len(x) <= room), labels[-1][: max(room, 0)])
            for i, char in enumerate(label):
                ruler[at + i] = char
        month = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
    out.append(" " * LABEL + "".join(ruler).rstrip() + "\n", style="dim")
    soon = today + timedelta(days=LEAD_DAYS)
    for seat in range(1, schedule.capacity.seats + 1):
        out.append(f"Seat {seat}".ljust(LABEL), style="bold")
        cells: list[tuple[str, str]] = [(" ", "")] * columns
        segments = [s for s in schedule.segments if s.seat == seat and s.overlaps(first, last)]
        for index, seg in enumerate(segments):
            # A new term for the same person is no turnover: only a change is flagged.
            before = segments[index - 1].person_id if index else None
            flag = soon if before != seg.person_id else today - timedelta(days=1)
            _paint(cells, seg, index, schedule, first, last, per_column, colors, today, flag)
        for char, style in cells:
            out.append(char, style=style)
        out.append("\n")
    marker = [" "] * columns
    if first <= today <= last:
        marker[min(columns - 1, _column(today, first, per_column))] = "▲"
    line = "".join(marker).rstrip()
    out.append(" " * LABEL + line, style=f"bold {colors.today}")
    if line:
        out.append(" today", style=colors.today)
    return out


def _paint(
    cells: list[tuple[str, str]],
    seg: Segment,
    index: int,
    schedule: CapacitySchedule,
    first: date,
    last: date,
    per_column: float,
    colors: TimelineColors,
    today: date,
    soon: date,
) -> None:
    start = _column(max(seg.starts, first), first, per_column)
    end = min(len(cells) - 1, _column(min(seg.ends, last), first, per_column))
    if seg.person_id is None:
        partial = (seg.starts, seg.ends) != (seg.term.starts, seg.term.ends)
        gap = seg.covers(today) or (partial and seg.ends >= today)
        style = f"bold {colors.gap}" if gap else "dim"
        for col in range(start, end + 1):
            cells[col] = ("·" if not gap else "╌", style)
        return
    fill = colors.first if index % 2 == 0 else colors.second
    style = f"{colors.text} on {fill}"
    name = literal(schedule.name_of(seg.person_id))
    for col in range(start, end + 1):
        offset = col - start - 1
        char = name[offset] if 0 <= offset < len(name) and end - start >= len(name) + 1 else " "
        cells[col] = (char, style)
    if today <= seg.starts <= soon and seg.starts >= first:
        # A turnover in the next four weeks: the bar opens with a flag in the warning colour.
        cells[start] = ("▶", f"bold {colors.soon} on {fill}")
