"""Energy: one number a day, a calendar of recent months, the trend and an honest verdict."""

from __future__ import annotations

from datetime import date, timedelta
from typing import ClassVar

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Header, Static

from leadtui.domain.dates import weekday_label
from leadtui.domain.energy import DayKind, EnergyState, EnergyThresholds, level_kind
from leadtui.domain.text import literal
from leadtui.errors import InputError
from leadtui.services.energy import EnergyOverview, energy_overview
from leadtui.tui.screens.base import LeadtuiScreen
from leadtui.tui.widgets.footer import Footer

SPARK = "▁▂▃▄▅▆▇█"
STATE_STYLE = {
    EnergyState.ENERGIZED: "success",
    EnergyState.DEENERGIZED: "warning",
    EnergyState.IMBALANCED: "error",
    EnergyState.NOT_ENOUGH_DATA: "secondary",
}


def month_labels(first_monday: date, weeks: int) -> Text:
    """Month names above the first week that starts in each month."""
    line = [" "] * (4 + weeks * 2 + 2)
    for week in range(weeks):
        monday = first_monday + timedelta(weeks=week)
        if monday.day <= 7:
            at = 4 + week * 2
            line[at : at + 3] = list(monday.strftime("%b"))
    return Text("".join(line).rstrip(), style="dim")


def heat_map(overview: EnergyOverview, colors: dict[DayKind, str], weeks: int = 26) -> Table:
    """Weeks as columns, weekdays as rows: good / middling / drained / missing days."""
    today = overview.today
    by_day = {e.day: e.level for e in overview.entries}
    first_monday = today - timedelta(days=today.weekday()) - timedelta(weeks=weeks - 1)
    grid = Table.grid(padding=(0, 0))
    grid.add_column(width=4)
    for _ in range(weeks):
        grid.add_column(width=2)
    rows: list[list[Text]] = []
    for weekday in range(7):
        # Every other row is labelled (Mon, Wed, Fri, Sun): the grid stays readable.
        name = weekday_label(weekday) if weekday % 2 == 0 else ""
        cells = [Text(name, style="dim")]
        for week in range(weeks):
            day = first_monday + timedelta(weeks=week, days=weekday)
            if day > today:
                cells.append(Text("  "))
                continue
            level = by_day.get(day)
            if level is None:
                cells.append(Text("· ", style="dim"))
            else:
                kind = level_kind(level, overview.thresholds)
                cells.append(Text("■ ", style=colors[kind]))
        rows.append(cells)
    for cells in rows:
        grid.add_row(*cells)
    return grid


def trend_line(overview: EnergyOverview, days: int) -> Text:
    """A sparkline: daily levels for 90 days, weekly means for a year."""
    today = overview.today
    by_day = {e.day: e.level for e in overview.entries}
    text = Text()
    if days <= 120:
        points = [by_day.get(today - timedelta(days=back)) for back in range(days - 1, -1, -1)]
    else:
        points = []
        for week in range(days // 7 - 1, -1, -1):
            end = today - timedelta(weeks=week)
            levels = [by_day[d] for d in (end - timedelta(days=i) for i in range(7)) if d in by_day]
            points.append(round(sum(levels) / len(levels)) if levels else None)
    for value in points:
        if value is None:
            text.append(" ", style="dim")
        else:
            text.append(SPARK[(value - 1) * 7 // 4], style="bold")
    return text


class EnergyScreen(LeadtuiScreen):
    """Press 1–5 to log today; read the verdict and what to do about it."""

    # Each screen brings its own styles, so start-up parses only what Today needs.
    CSS_PATH = "../styles/energy.tcss"
    AREA = "Energy"
    HELP = """\
# Energy

One number a day, 1 (drained) to 5 (energized), and the "eventual quid pro quo" check:
when you are de-energized, add energizing work and keep increasing it until the
balance returns; if the imbalance lasts over a year, change something big.

- **1**–**5** log today (pressing again replaces today's number); **n** adds a note.
- **w** logs energizing work (coding without production dependencies, coaching,
  exploring, optimizing, speaking, writing …). Work that creates work for other
  teams, and more than two speaking gigs a year, are flagged.
- **y** switches the trend between the last 90 and 365 days.
- The calendar shows good, middling, drained and missing days for six months.
- The quarter panel answers "is there a trend of good days?".

Your definitions (good day, drained day, verdict window) come from `[energy]` in
config.toml. From the shell: `leadtui energy log 4 "great design review"`,
`leadtui energy check`, `leadtui export energy`.
"""
    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(
                str(level),
                f"log({level})",
                f"Log {level}",
                show=level in (1, 5),
                tooltip=f"Log today's energy as {level}",
                id=f"energy.log{level}",
            )
            for level in range(1, 6)
        ),
        Binding("n", "note", "Note", tooltip="Add a note to today's entry", id="energy.note"),
        Binding("w", "work", "Work", tooltip="Log energizing work", id="energy.work"),
        Binding(
            "y",
            "toggle_range",
            "90/365",
            tooltip="Switch the trend between 90 and 365 days",
            id="energy.range",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.trend_days = 90
        self.overview: EnergyOverview | None = None

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with VerticalScroll(id="energy-body"):
            with Horizontal(id="energy-top"):
                yield Static("", id="energy-today", classes="energy-panel")
                yield Static("", id="energy-verdict", classes="energy-panel")
            with Horizontal(id="energy-middle"):
                yield Static("", id="energy-calendar", classes="energy-panel")
                with Vertical(id="energy-side"):
                    yield Static("", id="energy-quarter", classes="energy-panel")
                    yield Static("", id="energy-definitions", classes="energy-panel")
            yield Static("", id="energy-trend", classes="energy-panel")
            yield Static("", id="energy-work", classes="energy-panel")
        yield Footer()

    def on_mount(self) -> None:
        """Name the screen and its panels."""
        self.sub_title = "Energy"
        titles = {
            "energy-today": "Today",
            "energy-verdict": "Verdict",
            "energy-calendar": "Last six months",
            "energy-quarter": "This quarter",
            "energy-definitions": "Your definitions",
            "energy-trend": "Trend",
            "energy-work": "Energizing work",
        }
        for widget_id, title in titles.items():
            self.query_one(f"#{widget_id}").border_title = title

    @property
    def thresholds(self) -> EnergyThresholds:
        """The user's definitions from config.toml."""
        return self.leadtui.settings.energy

    def refresh_data(self) -> None:
        """Reload the journal and redraw every panel."""
        self.overview = overview = energy_overview(self.db, self.today, self.thresholds)
        variables = self.app.theme_variables
        colors = {
            DayKind.GOOD: variables.get("success", "green"),
            DayKind.MIDDLING: variables.get("warning", "yellow"),
            DayKind.DRAINED: variables.get("error", "red"),
        }
        entry = overview.today_entry
        if entry is None:
            today_text = Text.assemble(
                ("Not logged yet today.\n", "bold"),
                "Press 1 (drained) to 5 (energized).",
            )
        else:
            kind = level_kind(entry.level, self.thresholds)
            today_text = Text.assemble(
                (f"{entry.level}", f"bold {colors[kind]}"),
                f"  {kind}\n",
                Text(
                    literal(entry.note or "no note (n to add)"), style="" if entry.note else "dim"
                ),
            )
        self.query_one("#energy-today", Static).update(today_text)

        verdict = overview.verdict
        style = variables.get(STATE_STYLE[verdict.state], "")
        lines = [
            Text(verdict.state.value, style=f"bold {style}"),
            Text(verdict.reason),
            Text(verdict.prescription, style="italic"),
        ]
        if verdict.months_judged:
            lines.append(
                Text(f"{verdict.months_deenergized} of the last 12 months deenergized", style="dim")
            )
        lines += [
            Text(f"⚠ {w}", style=colors[DayKind.MIDDLING])
            for w in (verdict.balance.warnings if verdict.balance else [])
        ]
        self.query_one("#energy-verdict", Static).update(Group(*lines))

        legend = Text.assemble(
            ("■", colors[DayKind.GOOD]),
            " good  ",
            ("■", colors[DayKind.MIDDLING]),
            " middling  ",
            ("■", colors[DayKind.DRAINED]),
            " drained  ",
            ("·", "dim"),
            " missing",
        )
        weeks = 26
        first_monday = self.today - timedelta(days=self.today.weekday(), weeks=weeks - 1)
        self.query_one("#energy-calendar", Static).update(
            Group(
                month_labels(first_monday, weeks),
                heat_map(overview, colors, weeks),
                Text(""),
                legend,
            )
        )

        quarter = overview.quarter
        answer = "Yes" if quarter.trend_of_good_days else "No"
        self.query_one("#energy-quarter", Static).update(
            Text.assemble(
                (f"{quarter.label} · trend of good days? ", "bold"),
                (answer, f"bold {style}"),
                f"\ncoverage {quarter.coverage:.0%} · good {quarter.good_share:.0%}"
                f" · {quarter.direction}",
            )
        )
        t = self.thresholds
        self.query_one("#energy-definitions", Static).update(
            Text(
                f"good day ≥ {t.good_day} · drained day ≤ {t.drained_day}\n"
                f"verdict over {t.window_days} days, needs {t.min_entries} entries",
                style="dim",
            )
        )
        self._render_trend()
        work = overview.work[:8]
        if work:
            table = Table.grid(padding=(0, 2))
            for w in work:
                flag = (
                    Text(" creates work for other teams", style=colors[DayKind.MIDDLING])
                    if w.creates_work_for_other_teams
                    else Text("")
                )
                table.add_row(
                    Text(w.day.isoformat(), style="dim"),
                    Text(f"{w.hours:g} h"),
                    Text(w.kind.value),
                    Text.assemble(Text(literal(w.title)), flag),
                )
            self.query_one("#energy-work", Static).update(table)
        else:
            self.query_one("#energy-work", Static).update(
                Text("Nothing yet. Press w to log work that energizes you.", style="dim")
            )

    def _render_trend(self) -> None:
        if self.overview is None:
            return
        days = self.trend_days
        unit = "daily" if days <= 120 else "weekly mean"
        widget = self.query_one("#energy-trend", Static)
        widget.border_title = f"Trend · last {days} days ({unit}; y switches)"
        widget.update(trend_line(self.overview, days))

    def action_log(self, level: int) -> None:
        """Log today's energy as ``level``."""
        from leadtui.domain.energy_input import EnergyLogDraft
        from leadtui.domain.validation import build
        from leadtui.services.energy import log_energy

        logged = self.guarded(
            lambda: log_energy(
                self.db,
                build(EnergyLogDraft, today=self.today, level=level, day=self.today),
                self.thresholds,
            )
        )
        if logged is None:
            return
        entry, previous, kind = logged
        self.refresh_data()
        verb = f"Changed today from {previous.level} to" if previous else "Logged"
        self.notify(f"{verb} {entry.level} ({kind})", title="Energy", markup=False)

    def action_note(self) -> None:
        """Add or change the note on today's entry."""
        from leadtui.services.energy import entry_to_annotate
        from leadtui.tui.screens.text_prompt import TextPrompt

        try:
            entry = entry_to_annotate(self.db, self.today, self.today)
        except InputError as exc:
            self.notify(exc.message, severity="warning", markup=False)
            return

        def save(text: str) -> None:
            from leadtui.domain.energy_input import EnergyNoteDraft
            from leadtui.domain.validation import build
            from leadtui.services.energy import set_note

            draft = build(EnergyNoteDraft, today=self.today, day=entry.day, note=text)
            set_note(self.db, draft, self.today)

        self.app.push_screen(
            TextPrompt(
                "Note for today", save, value=entry.note or "", placeholder="what made the day"
            ),
            lambda saved: self.refresh_data() if saved else None,
        )

    def action_work(self) -> None:
        """Log a piece of energizing work."""
        from leadtui.services.energy import WorkResult, add_work
        from leadtui.tui.screens.work_form import WorkForm

        def done(result: WorkResult | None) -> None:
            if result is None:
                return
            self.refresh_data()
            self.notify("Energizing work logged", title="Energy", markup=False)
            # The guardrails the command line prints, said here too.
            for warning in result.warnings:
                self.notify(warning, title="Energy", severity="warning", markup=False)

        self.app.push_screen(WorkForm(lambda draft: add_work(self.db, draft), self.today), done)

    def action_toggle_range(self) -> None:
        """Switch the trend between the last 90 and 365 days."""
        self.trend_days = 365 if self.trend_days == 90 else 90
        self._render_trend()
