"""The energy calendar: six months of days, weeks as columns, weekdays as rows.

Each kind of day has its own glyph as well as its own colour (● good, ◐ middling,
○ drained, · not logged), so the calendar reads without telling red from green. A day
chosen elsewhere (a search hit) is drawn reversed; when it is older than the weeks that
end today, the calendar shows the weeks around it instead (:func:`window_end`).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.widgets import Static

from leadtui.domain.dates import weekday_label
from leadtui.domain.energy import DayKind, EnergyEntry, EnergyThresholds, level_kind
from leadtui.tui.widgets.themed import Themed

GLYPHS = {DayKind.GOOD: "●", DayKind.MIDDLING: "◐", DayKind.DRAINED: "○"}
MISSING = "·"
# Columns before the first week: a weekday label and a space.
LABEL_WIDTH = 4
WEEKS = 26  # about six months, the width of the calendar at 80 columns


def first_monday(today: date, weeks: int) -> date:
    """The Monday that starts the first of ``weeks`` weeks ending with this one."""
    return today - timedelta(days=today.weekday(), weeks=weeks - 1)


def window_end(chosen: date | None, today: date, weeks: int = WEEKS) -> date:
    """The last day the calendar shows: today, unless ``chosen`` is older than the
    ``weeks`` weeks that end today; then the Sunday that puts ``chosen`` in the middle
    (never past today)."""
    if chosen is None or chosen >= first_monday(today, weeks):
        return today
    sunday = chosen + timedelta(days=6 - chosen.weekday(), weeks=weeks // 2)
    return min(sunday, today)


class EnergyCalendar(Static, Themed):
    """Good, middling, drained and missing days for the last ``weeks`` weeks, with month
    names over the columns and a legend."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "energy-calendar--good",
        "energy-calendar--middling",
        "energy-calendar--drained",
        "energy-calendar--missing",
        "energy-calendar--chosen",
    }

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__("", id=id, classes=classes)
        self.levels: dict[date, int] = {}
        self.today: date | None = None  # the last day shown (today, unless moved)
        self.thresholds = EnergyThresholds()
        self.weeks = WEEKS
        self.chosen: date | None = None

    def show(
        self,
        entries: list[EnergyEntry],
        today: date,
        thresholds: EnergyThresholds,
        weeks: int = WEEKS,
        chosen: date | None = None,
    ) -> None:
        """Draw ``entries`` for the ``weeks`` weeks that end with ``today``'s, ``chosen``
        (if shown) reversed. ``today`` is the last day drawn: :func:`window_end`."""
        self.levels = {e.day: e.level for e in entries}
        self.today, self.thresholds, self.weeks = today, thresholds, weeks
        self.chosen = chosen
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

    def marked(self) -> Style:
        """How the chosen day stands out: the stylesheet's text style for it (reverse),
        so its glyph keeps its kind's colour and it shows without colour too."""
        partial = self.get_component_rich_style("energy-calendar--chosen", partial=True)
        return Style(reverse=partial.reverse, bold=partial.bold, underline=partial.underline)

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
                glyph = self.glyph(kind)
                if day == self.chosen:
                    glyph.stylize(self.marked())
                rows.append_text(glyph)
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
