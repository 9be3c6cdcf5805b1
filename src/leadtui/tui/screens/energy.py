"""Energy: one number a day, a calendar of recent months, the trend and an honest verdict.

The day panel shows today; :meth:`EnergyScreen.select_day` shows another day there
instead (search opens an energy or work hit that way), with the calendar marking it.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Header

from leadtui.domain.dates import day_label
from leadtui.domain.energy import EnergyThresholds
from leadtui.domain.text import literal
from leadtui.errors import InputError
from leadtui.services.energy import EnergyOverview, energy_overview
from leadtui.tui.keys import key_for
from leadtui.tui.screens.base import LeadtuiScreen
from leadtui.tui.widgets.energy_calendar import WEEKS, EnergyCalendar, window_end
from leadtui.tui.widgets.energy_panels import (
    ChosenDay,
    DefinitionsPanel,
    EnergyPanel,
    QuarterPanel,
    TeamPanel,
    TodayPanel,
    TrendPanel,
    VerdictPanel,
    WorkPanel,
)
from leadtui.tui.widgets.footer import Footer

if TYPE_CHECKING:
    from leadtui.store.database import Store

# Below 100 columns the panels stack in one column (the calendar needs 60).
WIDTHS = [(0, "-narrow"), (100, "-wide")]


class EnergyScreen(LeadtuiScreen):
    """Press 1–5 to log today; read the verdict and what to do about it."""

    # Each screen brings its own styles, so start-up parses only what Today needs.
    CSS_PATH = "../styles/energy.tcss"
    AREA = "Energy"
    HORIZONTAL_BREAKPOINTS = WIDTHS
    HELP = (Path(__file__).parent.parent / "help" / "energy.md").read_text(encoding="utf-8")
    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            # The footer shows one "1–5 Log" for the five keys, to keep its room.
            Binding(
                str(level),
                f"log({level})",
                "Log" if level == 1 else f"Log {level}",
                show=level == 1,
                key_display="1–5" if level == 1 else None,
                tooltip=f"Log the shown day's energy as {level}",
                id=f"energy.log{level}",
            )
            for level in range(1, 6)
        ),
        Binding("n", "note", "Note", tooltip="Add a note to the shown day", id="energy.note"),
        Binding("w", "work", "Work", tooltip="Log energizing work", id="energy.work"),
        # Putting a day right: the palette and F1 list these; the footer has no room left
        # at 80 columns, and the day panel's title names [ and ].
        Binding(
            "left_square_bracket",
            "move_day(-1)",
            "Day before",
            show=False,
            tooltip="Show the day before",
            id="energy.previous_day",
        ),
        Binding(
            "right_square_bracket",
            "move_day(1)",
            "Day after",
            show=False,
            tooltip="Show the day after (up to today)",
            id="energy.next_day",
        ),
        Binding(
            "l",
            "log_form",
            "Log day",
            show=False,
            tooltip="Log the shown day with a note and what energized or drained it",
            id="energy.log_day",
        ),
        Binding(
            "x",
            "remove_day",
            "Remove day",
            show=False,
            tooltip="Remove the shown day's entry",
            id="energy.remove_day",
        ),
        Binding(
            "v",
            "work_entries",
            "Fix work",
            show=False,
            tooltip="Edit or remove energizing work",
            id="energy.fix_work",
        ),
        Binding(
            "y",
            "toggle_range",
            "90/365",
            tooltip="Switch the trend between 90 and 365 days",
            id="energy.range",
        ),
        # Offered only while another day is shown (search opened one); the day panel's
        # title names the key, and the footer has no room left for it at 80 columns.
        Binding(
            "escape",
            "back_to_today",
            "Back",
            show=False,
            tooltip="Show today again",
            id="energy.back",
        ),
        Binding(
            "Q",
            "quarter_review",
            "Review",
            show=False,
            tooltip="Answer the quarter review's four questions and set a decision date",
            id="energy.quarter_review",
        ),
        Binding(
            "P",
            "push",
            "Push",
            show=False,
            tooltip="Mark a launch or push the team recharges after",
            id="energy.push",
        ),
        # X exports, as on every screen; the footer has no room left for it at 80 columns.
        Binding(
            "X",
            "export",
            "Export",
            show=False,
            tooltip="Export the quarter's energy review (private)",
            id="energy.export",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.trend_days = 90
        self.overview: EnergyOverview | None = None
        self.day: date | None = None  # the day the day panel shows; None: today
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
            yield TeamPanel(id="energy-team")
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
        from leadtui.services.quarter_review import quarter_answers

        self.query_one(QuarterPanel).answers = quarter_answers(self.db, overview.quarter.label)
        for panel in self.query(EnergyPanel):
            panel.show(overview)
        from leadtui.services.team_energy import team_energy

        half_start = self.leadtui.settings.review.half_start_month
        self.query_one(TeamPanel).show_team(
            team_energy(self.db, self.today, half_start), self.today
        )
        self.query_one(TrendPanel).show_days(overview, self.trend_days)
        self.show_day()

    def select_day(self, day: date) -> None:
        """Show ``day`` in the day panel (its entry and the work done on it) and mark it
        on the calendar, which moves to the months around it when it is older than the
        ones it shows. Today (or a later day) shows today as always."""
        self.day = day if day < self.today else None
        if self.overview is not None:
            self.show_day()
        self.refresh_bindings()

    def show_day(self) -> None:
        """The day panel and the calendar for the chosen day (or today)."""
        from leadtui.services.energy import entry_on, list_work, recent_entries

        overview = self.overview
        assert overview is not None
        calendar = self.query_one(EnergyCalendar)
        day, panel = self.day, self.query_one(TodayPanel)
        if day is None:
            panel.choose(None, overview)
            calendar.border_title = "Last six months"
            calendar.show(overview.entries, self.today, self.thresholds)
            return
        # Work since the day, then that day's: a day's work is a few rows at most.
        work = [w for w in list_work(self.db, since=day) if w.day == day]
        panel.choose(ChosenDay(day, entry_on(self.db, day), work), overview)
        end = window_end(day, self.today)
        if end == self.today:
            calendar.border_title = "Last six months"
            calendar.show(overview.entries, self.today, self.thresholds, chosen=day)
            return
        # Older than the overview's year: read the weeks around the day.
        entries = recent_entries(self.db, end, WEEKS * 7)
        calendar.border_title = f"Six months to {day_label(end, self.today)}"
        calendar.show(entries, end, self.thresholds, chosen=day)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Back (escape) only while a day other than today is shown."""
        return self.day is not None if action == "back_to_today" else True

    def action_back_to_today(self) -> None:
        """Show today in the day panel and the last six months on the calendar again."""
        self.day = None
        self.show_day()
        self.refresh_bindings()

    @property
    def shown_day(self) -> date:
        """The day the day panel shows: today, or the day chosen with [ and ] or search."""
        return self.day or self.today

    def action_move_day(self, offset: int) -> None:
        """Show the day before (-1) or after (1) in the day panel; not past today."""
        self.select_day(self.shown_day + timedelta(days=offset))

    def _said_day(self, day: date) -> str:
        return "today" if day == self.today else day_label(day, self.today)

    def action_log(self, level: int) -> None:
        """Log the shown day's energy as ``level`` (today unless [ or search chose one)."""
        from leadtui.domain.energy_input import EnergyLogDraft
        from leadtui.domain.validation import build
        from leadtui.services.energy import log_energy

        day = self.shown_day
        logged = self.guarded(
            lambda: log_energy(
                self.db,
                build(EnergyLogDraft, today=self.today, level=level, day=day),
                self.thresholds,
            )
        )
        if logged is None:
            return
        entry, previous, kind = logged
        self.refresh_data()
        self.refresh_bindings()
        said = self._said_day(day)
        verb = f"Changed {said} from {previous.level} to" if previous else "Logged"
        where = "" if previous or day == self.today else f" for {said}"
        self.notify(f"{verb} {entry.level} ({kind}){where}", title="Energy", markup=False)

    def action_log_form(self) -> None:
        """Log the shown day (or any day typed) with its note and what energized or
        drained it; a note the day holds is replaced only after asking."""
        from leadtui.domain.energy_input import EnergyLogDraft
        from leadtui.services.energy import entry_on, log_day, loses_note
        from leadtui.tui.dialogs.energy_forms import EnergyLogForm, confirm_note_replaced

        def write(draft: EnergyLogDraft) -> None:
            logged = self.guarded(lambda: log_day(self.db, draft, self.thresholds))
            if logged is None:
                return
            self.day = draft.day if draft.day < self.today else None
            self.refresh_data()
            self.refresh_bindings()
            said = self._said_day(draft.day)
            self.notify(
                f"Logged {logged.entry.level} ({logged.kind}) for {said}",
                title="Energy",
                markup=False,
            )

        def typed(draft: EnergyLogDraft | None) -> None:
            if draft is None:
                return
            previous = entry_on(self.db, draft.day)
            if previous is None or not loses_note(previous, draft.note):
                write(draft)
                return
            self.app.push_screen(
                confirm_note_replaced(previous, draft.note),
                lambda yes: write(draft) if yes else None,
            )

        day = self.shown_day
        form = EnergyLogForm(day, entry_on(self.db, day), self.today)
        self.app.push_screen(form, typed)

    def action_remove_day(self) -> None:
        """Remove the shown day's entry, after asking."""
        from leadtui.services.energy import entry_on, remove_energy
        from leadtui.tui.dialogs.energy_forms import confirm_day_removal

        day = self.shown_day
        entry = entry_on(self.db, day)
        if entry is None:
            self.notify(
                f"Nothing is logged {self._said_day(day)}.", severity="warning", markup=False
            )
            return

        def answered(yes: bool | None) -> None:
            if yes and self.guarded(lambda: remove_energy(self.db, day)) is not None:
                self.refresh_data()
                said = f"Removed the entry for {self._said_day(day)}"
                self.notify(said, title="Energy", markup=False)

        self.app.push_screen(confirm_day_removal(entry), answered)

    def action_work_entries(self) -> None:
        """List energizing work, newest first: enter edits one, x removes it after
        asking."""
        from leadtui.services.energy import list_work
        from leadtui.tui.dialogs.energy_forms import work_label
        from leadtui.tui.dialogs.record_chooser import Choice, RecordChooser

        work = list_work(self.db)
        if not work:
            work_key = key_for(self, "energy.work")
            self.notify(f"No energizing work yet; {work_key} logs some.", markup=False)
            return

        def chosen(choice: Choice | None) -> None:
            if choice is not None:
                what, work_id = choice
                (self._edit_work if what == "edit" else self._remove_work)(work_id)

        records = [(w.id, work_label(w)) for w in work]
        hint = "Newest first."
        self.app.push_screen(RecordChooser("Energizing work", hint, records), chosen)

    def _edit_work(self, work_id: int) -> None:
        from leadtui.domain.energy_input import WorkDraft, WorkEditDraft
        from leadtui.domain.validation import build
        from leadtui.services.energy import WorkResult, edit_work, get_work
        from leadtui.tui.dialogs.energy_forms import work_values
        from leadtui.tui.dialogs.work_form import WorkForm

        work = self.guarded(lambda: get_work(self.db, work_id))
        if work is None:
            return

        def save(draft: WorkDraft) -> WorkResult:
            # The form holds every field, so each is given as the change.
            changes = build(WorkEditDraft, today=self.today, **dict(draft))
            edited = edit_work(self.db, work_id, changes)
            return WorkResult(edited.work, edited.warnings)

        def done(result: WorkResult | None) -> None:
            if result is None:
                return
            self.refresh_data()
            self.notify("Energizing work changed", title="Energy", markup=False)
            for warning in result.warnings:
                self.notify(warning, title="Energy", severity="warning", markup=False)

        self.app.push_screen(WorkForm(save, self.today, work_values(work)), done)

    def _remove_work(self, work_id: int) -> None:
        from leadtui.services.energy import get_work, remove_work
        from leadtui.tui.dialogs.energy_forms import confirm_work_removal

        work = self.guarded(lambda: get_work(self.db, work_id))
        if work is None:
            return

        def answered(yes: bool | None) -> None:
            if yes and self.guarded(lambda: remove_work(self.db, work_id)) is not None:
                self.refresh_data()
                self.notify("Energizing work removed", title="Energy", markup=False)

        self.app.push_screen(confirm_work_removal(work), answered)

    def action_note(self) -> None:
        """Add or change the note on the shown day's entry."""
        from leadtui.services.energy import entry_to_annotate
        from leadtui.tui.dialogs.text_prompt import TextPrompt

        try:
            entry = entry_to_annotate(self.db, self.shown_day, self.today)
        except InputError as exc:
            self.notify(exc.message, severity="warning", markup=False)
            return

        def save(text: str) -> None:
            from leadtui.domain.energy_input import EnergyNoteDraft
            from leadtui.domain.validation import build
            from leadtui.services.energy import set_note

            draft = build(EnergyNoteDraft, today=self.today, day=entry.day, note=text)
            set_note(self.db, draft, self.today)

        def saved(done: bool | None) -> None:
            if done:
                self.refresh_data()
                self.refresh_bindings()

        title = f"Note for {self._said_day(entry.day)}"
        self.app.push_screen(
            TextPrompt(title, save, value=entry.note or "", placeholder="what made the day"),
            saved,
        )

    def action_quarter_review(self) -> None:
        """Answer this quarter's four questions and set (or clear) a decision date."""
        from leadtui.services.energy import chosen_quarter
        from leadtui.services.quarter_review import answer_quarter, quarter_answers
        from leadtui.tui.dialogs.answers_form import AnswersForm

        quarter = chosen_quarter(None, self.today)

        def save(values: dict[str, object]) -> None:
            values["decision_on"] = values.get("decision_on") or "-"
            answer_quarter(self.db, quarter, self.today, **values)

        self.app.push_screen(
            AnswersForm.for_quarter(quarter_answers(self.db, quarter), self.today, save),
            lambda saved: self.refresh_data() if saved else None,
        )

    def action_push(self) -> None:
        """Mark a launch or other push: the team panel suggests slack time after it."""
        from leadtui.services.team_energy import mark_push
        from leadtui.tui.dialogs.text_prompt import TextPrompt

        def save(name: str) -> None:
            push = mark_push(self.db, self.today, name=name)
            self.notify(
                f"Marked {literal(push.name)}: slack time for two weeks",
                title="Energy",
                markup=False,
            )

        self.app.push_screen(
            TextPrompt("Mark a push (a launch)", save, placeholder="Checkout launch"),
            lambda saved: self.refresh_data() if saved else None,
        )

    def action_work(self) -> None:
        """Log a piece of energizing work."""
        from leadtui.services.energy import WorkResult, add_work
        from leadtui.tui.dialogs.work_form import WorkForm

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

    def action_export(self) -> None:
        """Export the private review of the quarter the quarter panel shows, as
        `leadtui export energy --quarter` writes it. Energy is never shared: the only
        copy is private."""
        from leadtui.domain.energy import quarter_label
        from leadtui.domain.privacy import Audience
        from leadtui.export.energy import quarter_review_document
        from leadtui.tui.dialogs.export_prompt import ONLY_PRIVATE, ask_export

        today, thresholds = self.today, self.thresholds
        quarter = self.overview.quarter.label if self.overview else quarter_label(today)

        def render(store: Store, audience: Audience) -> str:
            # The document is private whatever is asked: the dialog offers nothing else.
            return quarter_review_document(store, quarter, today, thresholds)

        ask_export(
            self,
            f"energy review {quarter}",
            f"energy-{quarter}-private.md",
            render,
            copies=ONLY_PRIVATE,
        )
