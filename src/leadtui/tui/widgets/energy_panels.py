"""The Energy screen's panels: each draws its part of the overview it is given."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import ClassVar, NamedTuple

from rich.text import Text
from textual.widgets import Static

from leadtui.domain.dates import day_label, short_day_label
from leadtui.domain.energy import (
    DayKind,
    EnergizingWork,
    EnergyEntry,
    EnergyState,
    TrendAnswer,
    level_kind,
)
from leadtui.domain.quarter_review_input import QuarterAnswers
from leadtui.domain.text import literal
from leadtui.services.energy import EnergyOverview
from leadtui.services.team_energy import TeamEnergy
from leadtui.tui.keys import key_for
from leadtui.tui.widgets.energy_words import STATE_MOOD, verdict_advice, verdict_headline
from leadtui.tui.widgets.themed import Themed

SPARK = "▁▂▃▄▅▆▇█"
# The mood each kind of day is drawn in (energy.tcss gives the moods their colours).
KIND_MOOD = {DayKind.GOOD: "good", DayKind.MIDDLING: "alert", DayKind.DRAINED: "bad"}
# Entries the work panel lists, newest first.
WORK_SHOWN = 8


class EnergyPanel(Static, Themed):
    """A bordered panel of the Energy screen; subclasses draw from the overview."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "energy--heading",
        "energy--muted",
        "energy--advice",
        "energy--good",
        "energy--alert",
        "energy--bad",
    }
    TITLE: ClassVar[str] = ""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        super().__init__("", id=id, classes="energy-panel")
        self.border_title = self.TITLE
        self.overview: EnergyOverview | None = None

    def show(self, overview: EnergyOverview) -> None:
        """Draw this panel's part of ``overview``."""
        self.overview = overview
        self.build()

    def rebuild(self) -> None:
        """Draw the held overview again (with this moment's theme)."""
        if self.overview is not None:
            self.update(self.draw(self.overview))

    def draw(self, overview: EnergyOverview) -> Text:
        """The panel's text (subclasses say what it is)."""
        return Text()

    def text(self, words: str, mood: str = "") -> Text:
        """``words`` in one of the panel's moods."""
        return Text(words, style=self.styled(f"energy--{mood}") if mood else "")


class ChosenDay(NamedTuple):
    """A day before today for the day panel: its entry (None: not logged) and the
    energizing work done on it."""

    day: date
    entry: EnergyEntry | None
    work: list[EnergizingWork]


class TodayPanel(EnergyPanel):
    """Today's number and its kind, and the note; or a day chosen elsewhere (a search
    hit) with everything logged on it, until escape brings today back."""

    TITLE = "Today"

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        super().__init__(id=id)
        self.chosen: ChosenDay | None = None

    def choose(self, chosen: ChosenDay | None, overview: EnergyOverview) -> None:
        """Show ``chosen`` (None: today again), titled with its day."""
        self.chosen = chosen
        self.border_title = (
            self.TITLE
            if chosen is None
            else f"{day_label(chosen.day, overview.today)} · esc: today"
        )
        self.show(overview)

    def draw(self, overview: EnergyOverview) -> Text:
        """The number, or what to press to log it."""
        if self.chosen is not None:
            return self.draw_chosen(self.chosen, overview)
        entry = overview.today_entry
        if entry is None:
            return Text.assemble(
                self.text("Not logged yet today.\n", "heading"),
                "Press 1 (drained) to 5 (energized).",
            )
        kind = level_kind(entry.level, overview.thresholds)
        note = entry.note or f"no note ({key_for(self, 'energy.note')} to add)"
        return Text.assemble(
            self.text(str(entry.level), KIND_MOOD[kind]),
            f"  {kind}\n",
            self.text(literal(note), "" if entry.note else "muted"),
        )

    def draw_chosen(self, chosen: ChosenDay, overview: EnergyOverview) -> Text:
        """The day's number and kind, note, what energized (+) and drained (−) it, and
        the work done on it, a line each."""
        entry = chosen.entry
        lines: list[Text] = []
        if entry is None:
            lines.append(self.text("Not logged that day.", "muted"))
        else:
            kind = level_kind(entry.level, overview.thresholds)
            lines.append(Text.assemble(self.text(str(entry.level), KIND_MOOD[kind]), f"  {kind}"))
            if entry.note:
                lines.append(Text(literal(entry.note)))
            if entry.energized_by:
                lines.append(Text("+ " + literal(", ".join(entry.energized_by))))
            if entry.drained_by:
                lines.append(Text("− " + literal(", ".join(entry.drained_by))))
        for work in chosen.work:
            lines.append(
                Text.assemble(
                    self.text(f"work {work.hours:g} h {work.kind.value}: ", "muted"),
                    literal(work.title),
                )
            )
        return Text("\n").join(lines)


class VerdictPanel(EnergyPanel):
    """The verdict in words, the numbers behind it, what to do, and the guardrails."""

    TITLE = "Verdict"

    def draw(self, overview: EnergyOverview) -> Text:
        """Headline, reason, advice, months judged and warnings, a line each."""
        verdict = overview.verdict
        lines = [self.text(verdict_headline(verdict), STATE_MOOD[verdict.state])]
        if verdict.state is not EnergyState.NOT_ENOUGH_DATA:
            lines.append(Text(verdict.reason[:1].upper() + verdict.reason[1:]))
        lines.append(self.text(verdict_advice(verdict, key_for(self, "energy.work")), "advice"))
        if verdict.months_judged:
            months = f"{verdict.months_deenergized} of the last 12 months de-energized"
            lines.append(self.text(months, "muted"))
        warnings = verdict.balance.warnings if verdict.balance else []
        lines += [self.text(f"⚠ {warning}", "alert") for warning in warnings]
        return Text("\n").join(lines)


class QuarterPanel(EnergyPanel):
    """The quarter's answer to "is there a trend of good days?", and how many of the
    quarter review's four questions are answered, with the decision date."""

    TITLE = "This quarter"
    answers: QuarterAnswers | None = None

    def draw(self, overview: EnergyOverview) -> Text:
        """Yes or no, then coverage, share of good days and direction."""
        quarter = overview.quarter
        answer = quarter.trend_answer
        style = {TrendAnswer.YES: "good", TrendAnswer.NO: "alert"}.get(answer, "muted")
        text = Text.assemble(
            self.text(f"{quarter.label} · trend of good days? ", "heading"),
            self.text(answer.value[:1].upper() + answer.value[1:], style),
            f"\ncoverage {quarter.coverage:.0%} · good {quarter.good_share:.0%}"
            f" · {quarter.direction}",
        )
        answers = self.answers
        if answers is not None and answers.quarter == quarter.label:
            done = sum(1 for _, a in answers.answered() if a)
            said = f"\nfour questions: {done}/4 answered (Q)"
            if answers.decision_on is not None:
                said += f" · decide {short_day_label(answers.decision_on, overview.today)}"
            text.append_text(self.text(said, "muted"))
        return text


class DefinitionsPanel(EnergyPanel):
    """The user's definitions from config.toml."""

    TITLE = "Your definitions"

    def draw(self, overview: EnergyOverview) -> Text:
        """Good and drained days, and the verdict's window."""
        t = overview.thresholds
        return self.text(
            f"good day ≥ {t.good_day} · drained day ≤ {t.drained_day}\n"
            f"verdict over {t.window_days} days, needs {t.min_entries} entries",
            "muted",
        )


class TrendPanel(EnergyPanel):
    """A sparkline: daily levels for 90 days, weekly means for a year."""

    TITLE = "Trend"

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        super().__init__(id=id)
        self.days = 90

    def show_days(self, overview: EnergyOverview, days: int) -> None:
        """Draw the last ``days`` days (90: daily; longer: weekly means)."""
        self.days = days
        unit = "daily" if days <= 120 else "weekly mean"
        self.border_title = f"Trend · last {days} days ({unit}; y switches)"
        self.show(overview)

    def on_resize(self) -> None:
        """Spread the line over the new width."""
        self.rebuild()

    def draw(self, overview: EnergyOverview) -> Text:
        """A bar per day or week spread over the panel's width (a gap where nothing was
        logged), and under it an axis from the first day to the last."""
        today = overview.today
        by_day = {e.day: e.level for e in overview.entries}
        points: list[float | None]
        if self.days <= 120:
            first = today - timedelta(days=self.days - 1)
            daily = (by_day.get(today - timedelta(days=back)) for back in range(self.days))
            points = [None if v is None else float(v) for v in daily][::-1]
        else:
            weeks = self.days // 7
            first = today - timedelta(weeks=weeks) + timedelta(days=1)
            points = []
            for week in range(weeks - 1, -1, -1):
                end = today - timedelta(weeks=week)
                week_days = (end - timedelta(days=i) for i in range(7))
                levels = [by_day[d] for d in week_days if d in by_day]
                points.append(sum(levels) / len(levels) if levels else None)
        # Before the first layout the width is unknown: a bar per point until then.
        width = self.content_region.width or len(points)
        line = "".join(
            " " if v is None else SPARK[(round(v) - 1) * 7 // 4] for v in spread(points, width)
        )
        left, right = short_day_label(first, today), short_day_label(today, today)
        rule = max(0, width - len(left) - len(right) - 2)
        axis = f"{left} {'─' * rule} {right}" if rule else f"{left} {right}"
        return Text.assemble(self.text(line, "heading"), "\n", self.text(axis, "muted"))


def spread(points: Sequence[float | None], width: int) -> list[float | None]:
    """``points`` over ``width`` columns: each column the mean of the points it covers
    (None where none was logged); a point is repeated when there are more columns."""
    count = len(points)
    if not count or width <= 0:
        return []
    columns: list[float | None] = []
    for col in range(width):
        lo = col * count // width
        hi = max(lo + 1, (col + 1) * count // width)
        logged = [v for v in points[lo:hi] if v is not None]
        columns.append(sum(logged) / len(logged) if logged else None)
    return columns


class WorkPanel(EnergyPanel):
    """Energizing work, newest first, flagged when it creates work for other teams."""

    TITLE = "Energizing work"

    def draw(self, overview: EnergyOverview) -> Text:
        """A line per piece of work: day, hours, kind, title."""
        work = overview.work[:WORK_SHOWN]
        if not work:
            work_key = key_for(self, "energy.work")
            return self.text(
                f"Nothing yet. Press {work_key} to log work that energizes you.", "muted"
            )
        lines = []
        for w in work:
            line = Text.assemble(
                self.text(day_label(w.day, overview.today).ljust(12), "muted"),
                f"{w.hours:g} h".ljust(7),
                w.kind.value.ljust(11),
                literal(w.title),
            )
            if w.creates_work_for_other_teams:
                line.append_text(self.text("  creates work for other teams", "alert"))
            lines.append(line)
        return Text("\n").join(lines)


# A report's 90-day trend is drawn as its last observations, one glyph each.
TREND_SHOWN = 12
FLAG_WORDS = {"falling": "⚑ falling", "low": "⚑ at 2 or below"}


class TeamPanel(EnergyPanel):
    """The team's energy as you observed it: per report the last observation, the
    90-day trend and a flag; slack time suggested after a push or a T3B3 half."""

    TITLE = "The team's energy (only you see this)"

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        super().__init__(id=id)
        self.team: TeamEnergy | None = None
        self.today = date.today()

    def show_team(self, team: TeamEnergy, today: date) -> None:
        """Draw ``team`` as of ``today``."""
        self.team, self.today = team, today
        self.build()

    def rebuild(self) -> None:
        """Draw the held team view again (with this moment's theme)."""
        if self.team is not None:
            self.update(self.draw_team(self.team))

    def draw_team(self, team: TeamEnergy) -> Text:
        """A line per report: name, last level and day, trend, flag; then the advice."""
        lines: list[Text] = []
        for report in team.reports:
            name = literal(report.person.name)
            if report.last is None:
                lines.append(
                    Text.assemble(name.ljust(18)[:18], self.text("  not observed", "muted"))
                )
                continue
            trend = " ".join(str(o.level) for o in report.trend[-TREND_SHOWN:]) or "·"
            line = Text.assemble(
                name.ljust(18)[:18],
                f"  {report.last.level} ",
                self.text(short_day_label(report.last.day, self.today).ljust(8), "muted"),
                f" {trend}",
            )
            if report.flag is not None:
                line.append_text(self.text(f"  {FLAG_WORDS[report.flag.value]}", "alert"))
            lines.append(line)
        if not team.reports:
            lines.append(self.text("No reports yet: add one on People (p).", "muted"))
        if team.advice:
            lines.append(self.text(team.advice, "advice"))
        lines.append(self.text("O on One-on-ones observes someone; P marks a push.", "muted"))
        return Text("\n").join(lines)
