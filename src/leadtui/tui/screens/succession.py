"""Succession: the bench, the selected report's gaps and plan, the checks, the quarterly
meeting audit as a walk-through, and the vacation planner. Every change goes through
services.succession; the tabs are widgets (widgets/succession_tabs.py) and each change is
typed into a prompt (screens/succession_prompts.py). This module binds the keys, shows
the overview and writes what the prompts read."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import DataTable, Header, Static, TabbedContent

from leadtui.domain.people import Person
from leadtui.domain.succession import Meeting
from leadtui.services import succession as su
from leadtui.services.people import resolve_person
from leadtui.services.succession import SuccessionOverview
from leadtui.tui.screens.base import LeadtuiScreen
from leadtui.tui.widgets.footer import Footer
from leadtui.tui.widgets.succession_tabs import AuditTab, BenchTab, VacationTab

# Each tab and the table in it that takes the focus.
TABS = {
    "su-bench-pane": "#su-bench",
    "su-audit-pane": "#su-meetings",
    "su-vacation-pane": "#su-vacations",
}


class SuccessionScreen(LeadtuiScreen):
    """The bench, the meeting audit and the vacation planner."""

    CSS_PATH = "../styles/succession.tcss"
    AREA = "Succession"
    HELP = (Path(__file__).parent.parent / "help" / "succession.md").read_text(encoding="utf-8")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "tab('su-bench-pane')", "Bench", show=False, id="succession.bench"),
        Binding("2", "tab('su-audit-pane')", "Audit", show=False, id="succession.audit_tab"),
        Binding(
            "3", "tab('su-vacation-pane')", "Vacation", show=False, id="succession.vacation_tab"
        ),
        Binding(
            "g", "gap", "Gap", tooltip="Note a gap for the selected report", id="succession.gap"
        ),
        Binding(
            "s",
            "gap_status",
            "Gap status",
            show=False,
            tooltip="Change a gap's status",
            id="succession.gap_status",
        ),
        Binding(
            "f",
            "focus_area",
            "Focus",
            tooltip="Agree a focus area for this half",
            id="succession.focus",
        ),
        Binding(
            "c",
            "candidate",
            "Candidate",
            tooltip="Mark or change candidacy",
            id="succession.candidate",
        ),
        Binding(
            "i",
            "interim",
            "Interim",
            show=False,
            tooltip="Toggle the interim flag",
            id="succession.interim",
        ),
        Binding(
            "n",
            "ceo_note",
            "CEO note",
            show=False,
            tooltip="Log growth raised with the CEO",
            id="succession.ceo",
        ),
        Binding(
            "a", "audit", "Audit", tooltip="Walk the quarter's meeting audit", id="succession.audit"
        ),
        Binding(
            "m",
            "add_meeting",
            "Meeting",
            show=False,
            tooltip="Add a recurring meeting",
            id="succession.meeting",
        ),
        Binding(
            "v",
            "add_vacation",
            "Vacation",
            show=False,
            tooltip="Plan a vacation",
            id="succession.vacation",
        ),
        Binding(
            "h",
            "cover",
            "Hand over",
            show=False,
            tooltip="Hand a responsibility over for the highlighted vacation",
            id="succession.cover",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.overview: SuccessionOverview | None = None
        # A person Today asked for before the first refresh (see select_person).
        self.pending_person: int | None = None

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static("", id="su-status")
        with TabbedContent(id="su-tabs"):
            yield BenchTab("1 Bench", id="su-bench-pane")
            yield AuditTab("2 Meeting audit", id="su-audit-pane")
            yield VacationTab("3 Vacation", id="su-vacation-pane")
        yield Footer()

    def on_mount(self) -> None:
        """Name the screen and give the bench focus."""
        self.sub_title = "Succession"
        self.query_one(BenchTab).table.focus()

    def refresh_data(self) -> None:
        """Read the overview and hand every tab its part."""
        start = self.leadtui.settings.review.half_start_month
        self.overview = o = su.succession_overview(self.db, self.today, start)
        warned = f"{len(o.warnings)} to look at" if o.warnings else "all in order"
        self.query_one("#su-status", Static).update(
            Text(f" {o.half.label} · {o.quarter} · {len(o.bench)} on the bench · {warned}")
        )
        self.query_one(BenchTab).show(o)
        if self.pending_person is not None:
            person_id, self.pending_person = self.pending_person, None
            self.select_person(person_id)
        self.query_one(AuditTab).show(o)
        self.query_one(VacationTab).show(o, self.size.width)

    def select_person(self, person_id: int) -> None:
        """Put the bench cursor on ``person_id`` (Today's card opens a person here)."""
        if self.overview is None:
            # Opened for the first time: its data arrives with the first refresh, which
            # puts the cursor there.
            self.pending_person = person_id
            return
        self.query_one(BenchTab).select(person_id)

    def _selected_person(self) -> Person | None:
        """The report under the bench cursor."""
        return self.query_one(BenchTab).person

    @on(AuditTab.MeetingChosen)
    def _meeting_chosen(self, message: AuditTab.MeetingChosen) -> None:
        self._audit_prompt(message.meeting, walk=False)

    # --- actions -----------------------------------------------------------------------

    def action_tab(self, pane: str) -> None:
        """Show one of the three views."""
        self.query_one("#su-tabs", TabbedContent).active = pane
        self.query_one(TABS[pane], DataTable).focus()

    def _ask(
        self, prompt: ModalScreen[bool | None], then: Callable[[bool], None] | None = None
    ) -> None:
        """Open ``prompt``; the screen shows what changed once it is saved (``then``: what
        to do after it closes, saved or not, instead)."""

        def done(saved: bool | None) -> None:
            if then is not None:
                then(bool(saved))
            elif saved:
                self.refresh_data()

        self.app.push_screen(prompt, done)

    def _for_person(self, what: str) -> Person | None:
        person = self._selected_person()
        if person is None:
            self.notify(
                f"No direct report selected for {what}", title=self.AREA, severity="warning"
            )
        return person

    def _notice(self, notice: str | None) -> None:
        if notice:
            self.notify(notice, title=self.AREA, markup=False)

    def _resolve(self, name: str) -> Person:
        # Handed to the prompts that name a person: they read, the people service finds.
        return resolve_person(self.db, name)

    def action_gap(self) -> None:
        """Note what the selected report is missing to thrive in my role."""
        from leadtui.tui.screens.succession_prompts import GapPrompt

        person = self._for_person("a gap")
        if person is not None:
            self._ask(
                GapPrompt(person, lambda draft: su.add_gap(self.db, person, draft, self.today))
            )

    def action_gap_status(self) -> None:
        """Change one of the selected report's gaps: `N open|improving|closed`."""
        from leadtui.tui.screens.succession_prompts import GapStatusPrompt, StatusChange

        person = self._for_person("a gap status")
        if person is None:
            return
        row = self.overview.row(person.id) if self.overview else None

        def save(change: StatusChange) -> None:
            self._notice(su.set_gap_status(self.db, person, *change).notice)

        self._ask(GapStatusPrompt(person, row, self.today, save))

    def action_focus_area(self) -> None:
        """Agree a focus area for this half, offering the first open gap's words."""
        from leadtui.tui.screens.succession_prompts import FocusChoice, FocusPrompt

        person = self._for_person("a focus area")
        o = self.overview
        if person is None or o is None:
            return
        row = o.row(person.id)
        gap = row.open_gaps[0] if row and row.open_gaps else None

        def save(choice: FocusChoice) -> None:
            draft, number = choice
            result = su.add_focus(
                self.db, person, self.today, half=o.half, draft=draft, gap_number=number
            )
            self._notice(result.notice)

        self._ask(FocusPrompt(person, o.half, gap, save))

    def action_candidate(self) -> None:
        """Mark, change or clear candidacy: `1y`, `now / ready pending …`, `clear`."""
        from leadtui.domain.succession_input import CandidateDraft
        from leadtui.tui.screens.succession_prompts import CandidatePrompt

        person = self._for_person("candidacy")
        o = self.overview
        if person is None or o is None:
            return

        def save(draft: CandidateDraft | None) -> None:
            if draft is None:
                su.clear_candidate(self.db, person)
                return
            self._notice(su.set_candidate(self.db, person, draft, self.today).notice)

        self._ask(CandidatePrompt(person, o.row(person.id), save))

    def action_interim(self) -> None:
        """Toggle who covers if I leave tomorrow."""
        from leadtui.domain.succession_input import CandidateDraft

        person = self._for_person("the interim flag")
        o = self.overview
        if person is None or o is None:
            return
        row = o.row(person.id)
        if row is None or row.candidate is None:
            self.notify(
                f"{person.display_name} is not a candidate: c marks them",
                title=self.AREA,
                severity="warning",
                markup=False,
            )
            return
        draft = CandidateDraft(interim=not row.candidate.interim)
        result = self.guarded(lambda: su.set_candidate(self.db, person, draft, self.today))
        if result is not None:
            self._notice(result.notice)
            self.refresh_data()

    def action_ceo_note(self) -> None:
        """Log growth about the selected report raised with the CEO."""
        from leadtui.tui.screens.succession_prompts import CeoPrompt

        person = self._for_person("a CEO note")
        if person is not None:
            self._ask(CeoPrompt(person, self.today, lambda d: su.add_ceo_note(self.db, d, person)))

    def _audit_prompt(self, meeting: Meeting, *, walk: bool) -> None:
        from leadtui.tui.screens.succession_prompts import AuditLine, AuditPrompt

        o = self.overview
        if o is None:
            return

        def save(line: AuditLine) -> None:
            result = su.audit_meeting(self.db, meeting.name, line.draft, self.today, line.to)
            self._notice(result.notice)

        def then(saved: bool) -> None:
            self.refresh_data()
            if saved and walk:
                self.action_audit()

        self._ask(AuditPrompt(meeting, o.quarter, self._resolve, save), then)

    def action_audit(self) -> None:
        """Walk every meeting not audited this quarter, one prompt after another."""
        o = self.overview
        if o is None:
            return
        self.action_tab("su-audit-pane")
        pending = [m for m in o.meetings if m.id not in o.audits]
        if not pending:
            done = (
                "every meeting is audited"
                if o.meetings
                else "no recurring meetings yet (m adds one)"
            )
            self.notify(f"{o.quarter}: {done}", title=self.AREA)
            return
        self._audit_prompt(pending[0], walk=True)

    def action_add_meeting(self) -> None:
        """Add a recurring meeting: `Name / kind`."""
        from leadtui.tui.screens.succession_prompts import MeetingPrompt

        self._ask(MeetingPrompt(lambda draft: su.add_meeting(self.db, draft)))

    def action_add_vacation(self) -> None:
        """Plan a vacation: `START END`."""
        from leadtui.tui.screens.succession_prompts import VacationPrompt

        self.action_tab("su-vacation-pane")
        self._ask(
            VacationPrompt(self.today, lambda d: self._notice(su.add_vacation(self.db, d).notice))
        )

    def action_cover(self) -> None:
        """Hand a responsibility over for the highlighted vacation: `Hiring / Ana`."""
        from leadtui.tui.screens.succession_prompts import CoverPrompt, Handover

        vacation = self.query_one(VacationTab).vacation
        if vacation is None:
            self.notify("No vacation planned: v plans one", title=self.AREA, severity="warning")
            return

        def save(handover: Handover) -> None:
            su.cover_vacation(self.db, vacation.starts_on, handover.draft, handover.person)

        self._ask(CoverPrompt(vacation, self._resolve, save))
