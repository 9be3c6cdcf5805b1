"""Energy: one number a day, a calendar of recent months, the trend and an honest verdict."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Header

from leadtui.domain.energy import EnergyThresholds
from leadtui.errors import InputError
from leadtui.services.energy import EnergyOverview, energy_overview
from leadtui.tui.screens.base import LeadtuiScreen
from leadtui.tui.widgets.energy_calendar import EnergyCalendar
from leadtui.tui.widgets.energy_panels import (
    DefinitionsPanel,
    EnergyPanel,
    QuarterPanel,
    TodayPanel,
    TrendPanel,
    VerdictPanel,
    WorkPanel,
)
from leadtui.tui.widgets.footer import Footer

# Below 100 columns the panels stack in one column (the calendar needs 60).
WIDTHS = [(0, "-narrow"), (100, "-wide")]


class EnergyScreen(LeadtuiScreen):
    """Press 1–5 to log today; read the verdict and what to do about it."""

    # Each screen brings its own styles, so start-up parses only what Today needs.
    CSS_PATH = "../styles/energy.tcss"
    AREA = "Energy"
    HORIZONTAL_BREAKPOINTS = WIDTHS
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
- The calendar shows six months of days: ● good, ◐ middling, ○ drained, · not logged
  (a glyph each as well as a colour).
- The quarter panel answers "is there a trend of good days?".

Your definitions (good day, drained day, verdict window) come from `[energy]` in
config.toml. From the shell: `leadtui energy log 4 "great design review"`,
`leadtui energy check`, `leadtui export energy`.
"""
    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            # The footer shows one "1–5 Log" for the five keys, to keep its room.
            Binding(
                str(level),
                f"log({level})",
                "Log" if level == 1 else f"Log {level}",
                show=level == 1,
                key_display="1–5" if level == 1 else None,
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
        # Known before the first frame, so it is styled once in its final layout.
        self.add_class([name for least, name in WIDTHS if self.app.size.width >= least][-1])

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with VerticalScroll(id="energy-body"):
            with Horizontal(id="energy-top"):
                yield TodayPanel(id="energy-today")
                yield VerdictPanel(id="energy-verdict")
            with Horizontal(id="energy-middle"):
                calendar = EnergyCalendar(id="energy-calendar", classes="energy-panel")
                calendar.border_title = "Last six months"
                yield calendar
                with Vertical(id="energy-side"):
                    yield QuarterPanel(id="energy-quarter")
                    yield DefinitionsPanel(id="energy-definitions")
            yield TrendPanel(id="energy-trend")
            yield WorkPanel(id="energy-work")
        yield Footer()

    def on_mount(self) -> None:
        """Name the screen (the panels name themselves)."""
        self.sub_title = "Energy"

    @property
    def thresholds(self) -> EnergyThresholds:
        """The user's definitions from config.toml."""
        return self.leadtui.settings.energy

    def refresh_data(self) -> None:
        """Reload the journal and hand it to every panel."""
        self.overview = overview = energy_overview(self.db, self.today, self.thresholds)
        for panel in self.query(EnergyPanel):
            panel.show(overview)
        self.query_one(TrendPanel).show_days(overview, self.trend_days)
        self.query_one(EnergyCalendar).show(overview.entries, self.today, self.thresholds)

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
        if self.overview is not None:
            self.query_one(TrendPanel).show_days(self.overview, self.trend_days)
