"""The energy calendar: six months of days, weeks as columns, weekdays as rows.

Each kind of day has its own glyph as well as its own colour (● good, ◐ middling,
○ drained, · not logged), so the calendar reads without telling red from green.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import ClassVar

from rich.text import Text
from textual.widgets import Static

from leadtui.domain.dates import weekday_label
from leadtui.domain.energy import DayKind, EnergyEntry, EnergyThresholds, level_kind
from leadtui.tui.widgets.themed import Themed

GLYPHS = {DayKind.GOOD: "●", DayKind.MIDDLING: "◐", DayKind.DRAINED: "○"}
MISSING = "·"
# Columns before the first week: a weekday label and a space.
LABEL_WIDTH = 4


def first_monday(today: date, weeks: int) -> date:
    """The Monday that starts the first of ``weeks`` weeks ending with this one."""
    return today - timedelta(days=today.weekday(), weeks=weeks - 1)


class EnergyCalendar(Static, Themed):
    """Good, middling, drained and missing days for the last ``weeks`` weeks, with month
    names over the columns and a legend."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "energy-calendar--good",
        "energy-calendar--middling",
        "energy-calendar--drained",
        "energy-calendar--missing",
    }

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__("", id=id, classes=classes)
        self.levels: dict[date, int] = {}
        self.today: date | None = None
        self.thresholds = EnergyThresholds()
        self.weeks = 26

    def show(
        self,
        entries: list[EnergyEntry],
        today: date,
        thresholds: EnergyThresholds,
        weeks: int = 26,
    ) -> None:
        """Draw ``entries`` for the ``weeks`` weeks that end with ``today``'s."""
        self.levels = {e.day: e.level for e in entries}
        self.today, self.thresholds, self.weeks = today, thresholds, weeks
        self.build()

    def rebuild(self) -> None:
        """Month names, seven rows of days, then the legend."""
        if self.today is None:
            return
        text = self.month_labels()
        text.append("\n")
        text.append_text(self.days())
        text.append("\n\n")
        text.append_text(self.legend())
        self.update(text)

    def glyph(self, kind: DayKind | None) -> Text:
        """A day's glyph in its kind's style; None is a day not logged."""
        if kind is None:
            return Text(MISSING, style=self.styled("energy-calendar--missing"))
        return Text(GLYPHS[kind], style=self.styled(f"energy-calendar--{kind.value}"))

    def month_labels(self) -> Text:
        """Month names above the first week that starts in each month."""
        assert self.today is not None
        start = first_monday(self.today, self.weeks)
        line = [" "] * (LABEL_WIDTH + self.weeks * 2 + 2)
        for week in range(self.weeks):
            monday = start + timedelta(weeks=week)
            if monday.day <= 7:
                at = LABEL_WIDTH + week * 2
                line[at : at + 3] = list(monday.strftime("%b"))
        return Text("".join(line).rstrip(), style=self.styled("energy-calendar--missing"))

    def days(self) -> Text:
        """Seven rows, Monday first; every other row is labelled so the grid stays
        readable."""
        assert self.today is not None
        start = first_monday(self.today, self.weeks)
        muted = self.styled("energy-calendar--missing")
        rows = Text(end="")
        for weekday in range(7):
            if weekday:
                rows.append("\n")
            name = weekday_label(weekday) if weekday % 2 == 0 else ""
            rows.append(name.ljust(LABEL_WIDTH), style=muted)
            for week in range(self.weeks):
                day = start + timedelta(weeks=week, days=weekday)
                if day > self.today:
                    break
                level = self.levels.get(day)
                kind = None if level is None else level_kind(level, self.thresholds)
                rows.append_text(self.glyph(kind))
                rows.append(" ")
        return rows

    def legend(self) -> Text:
        """What each glyph means."""
        text = Text()
        for kind, words in (
            (DayKind.GOOD, "good"),
            (DayKind.MIDDLING, "middling"),
            (DayKind.DRAINED, "drained"),
            (None, "not logged"),
        ):
            text.append_text(self.glyph(kind))
            text.append(f" {words}  ")
        text.rstrip()
        return text
