"""Succession: the bench, the selected report's gaps and plan, the checks, the quarterly
meeting audit as a walk-through, and the vacation planner. Every change goes through
services.succession; the tabs are widgets (widgets/succession_tabs.py) and each change is
typed into a prompt (screens/succession_prompts.py). This module binds the keys, shows
the overview and writes what the prompts read."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import DataTable, Header, Static, TabbedContent

from leadtui.domain.people import Person
from leadtui.domain.succession import Meeting
from leadtui.domain.text import literal
from leadtui.services import succession as su
from leadtui.services.people import list_people, resolve_person
from leadtui.services.succession import SuccessionOverview
from leadtui.tui.keys import key_for
from leadtui.tui.screens.base import LeadtuiScreen
from leadtui.tui.screens.succession_records import Record
from leadtui.tui.widgets.footer import Footer
from leadtui.tui.widgets.succession_tabs import AuditTab, BenchTab, VacationTab

if TYPE_CHECKING:
    from leadtui.store.database import Store

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
            "e",
            "edit",
            "Edit",
            tooltip="Put right one of the selected row's records",
            id="succession.edit",
        ),
        Binding(
            "x",
            "remove",
            "Remove",
            show=False,
            tooltip="Remove one of the selected row's records (asks first)",
            id="succession.remove",
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
        # Not in the footer (the audit tab's line says it): the bench's keys need the room.
        Binding(
            "a",
            "audit",
            "Audit",
            show=False,
            tooltip="Walk the quarter's meeting audit",
            id="succession.audit",
        ),
        Binding(
            "m",
            "add_meeting",
            "Meeting",
            tooltip="Add a recurring meeting",
            id="succession.meeting",
        ),
        Binding(
            "v",
            "add_vacation",
            "Vacation",
            tooltip="Plan a vacation",
            id="succession.vacation",
        ),
        Binding(
            "h",
            "cover",
            "Hand over",
            tooltip="Hand a responsibility over for the highlighted vacation",
            id="succession.cover",
        ),
        # X exports, as on every screen: on the vacation tab the highlighted vacation's
        # cover plan (first, so it takes the key there), elsewhere the plan or the brief.
        Binding(
            "X",
            "export_cover",
            "Export",
            show=False,
            tooltip="Export the highlighted vacation's cover plan",
            id="succession.export_cover",
        ),
        Binding(
            "P",
            "career_path",
            "Career path",
            show=False,
            tooltip="Write the selected report's career path for them to a file",
            id="succession.career_path",
        ),
        Binding(
            "X",
            "export_brief",
            "Export",
            show=False,
            tooltip="Export the upward brief (or the private plan)",
            id="succession.export",
        ),
    ]

    # The keys of one tab: elsewhere they are off and out of the footer, so a key never
    # acts on a row that is not on screen. The rest (tabs, a, e, x) work on every tab.
    TAB_ACTIONS: ClassVar[dict[str, str]] = {
        "gap": "su-bench-pane",
        "gap_status": "su-bench-pane",
        "focus_area": "su-bench-pane",
        "candidate": "su-bench-pane",
        "interim": "su-bench-pane",
        "ceo_note": "su-bench-pane",
        "add_meeting": "su-audit-pane",
        "add_vacation": "su-vacation-pane",
        "cover": "su-vacation-pane",
        "export_cover": "su-vacation-pane",
        "career_path": "su-bench-pane",
    }

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

    @property
    def active_tab(self) -> str:
        """The id of the tab shown."""
        return self.query_one("#su-tabs", TabbedContent).active or "su-bench-pane"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A tab's own keys only on that tab."""
        tab = self.TAB_ACTIONS.get(action)
        if tab is not None and self.is_mounted and tab != self.active_tab:
            return False
        return True

    async def run_action(
        self, action: str, namespaces: Mapping[str, DOMNode] | None = None
    ) -> None:
        """Run an action by name (the command palette does): a tab's own action first
        shows its tab, so it acts on what is then on screen."""
        tab = self.TAB_ACTIONS.get(action.partition("(")[0])
        if tab is not None and tab != self.active_tab:
            self.action_tab(tab)
        await super().run_action(action, namespaces)

    @on(TabbedContent.TabActivated)
    def _tab_shown(self) -> None:
        self.refresh_bindings()

    @on(BenchTab.EditAsked)
    def _edit_asked(self) -> None:
        self.action_edit()

    def _selected_person(self) -> Person | None:
        """The report under the bench cursor."""
        return self.query_one(BenchTab).person

    @on(AuditTab.MeetingChosen)
    def _meeting_chosen(self, message: AuditTab.MeetingChosen) -> None:
        self.audit_one(message.meeting)

    def audit_one(self, meeting: Meeting) -> None:
        """Audit (or audit again) one meeting for this quarter."""
        self._audit_prompt(meeting, walk=False)

    # --- actions -----------------------------------------------------------------------

    def action_tab(self, pane: str) -> None:
        """Show one of the three views."""
        self.query_one("#su-tabs", TabbedContent).active = pane
        self.query_one(TABS[pane], DataTable).focus()
        self.refresh_bindings()

    def ask_prompt(
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

    def show_notice(self, notice: str | None) -> None:
        if notice:
            self.notify(notice, title=self.AREA, markup=False)

    def resolve_name(self, name: str) -> Person:
        # Handed to the prompts that name a person: they read, the people service finds.
        return resolve_person(self.db, name)

    def active_names(self) -> list[str]:
        """The active people's names, which a prompt naming a person completes from."""
        return [p.name for p in list_people(self.db)]

    def action_gap(self) -> None:
        """Note what the selected report is missing to thrive in my role."""
        from leadtui.tui.dialogs.succession_prompts import GapPrompt

        person = self._for_person("a gap")
        if person is not None:
            self.ask_prompt(
                GapPrompt(person, lambda draft: su.add_gap(self.db, person, draft, self.today))
            )

    def action_gap_status(self) -> None:
        """Change one of the selected report's gaps: `N open|improving|closed`."""
        from leadtui.tui.dialogs.succession_prompts import GapStatusPrompt, StatusChange

        person = self._for_person("a gap status")
        if person is None:
            return
        row = self.overview.row(person.id) if self.overview else None

        def save(change: StatusChange) -> None:
            self.show_notice(su.set_gap_status(self.db, person, *change).notice)

        self.ask_prompt(GapStatusPrompt(person, row, self.today, save))

    def action_focus_area(self) -> None:
        """Agree a focus area for this half, offering the first open gap's words."""
        from leadtui.tui.dialogs.succession_prompts import FocusChoice, FocusPrompt

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
            self.show_notice(result.notice)

        self.ask_prompt(FocusPrompt(person, o.half, gap, save))

    def action_candidate(self) -> None:
        """Mark, change or clear candidacy: `1y`, `now / ready pending …`, `clear`."""
        from leadtui.domain.succession_input import CandidateDraft
        from leadtui.tui.dialogs.succession_prompts import CandidatePrompt

        person = self._for_person("candidacy")
        o = self.overview
        if person is None or o is None:
            return

        def save(draft: CandidateDraft | None) -> None:
            if draft is None:
                su.clear_candidate(self.db, person)
                return
            self.show_notice(su.set_candidate(self.db, person, draft, self.today).notice)

        self.ask_prompt(CandidatePrompt(person, o.row(person.id), save))

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
            self.show_notice(result.notice)
            self.refresh_data()

    def action_ceo_note(self) -> None:
        """Log growth about the selected report raised with the CEO."""
        from leadtui.tui.dialogs.succession_prompts import CeoPrompt

        person = self._for_person("a CEO note")
        if person is not None:
            self.ask_prompt(
                CeoPrompt(person, self.today, lambda d: su.add_ceo_note(self.db, d, person))
            )

    def _audit_prompt(self, meeting: Meeting, *, walk: bool) -> None:
        from leadtui.tui.dialogs.succession_prompts import AuditLine, AuditPrompt

        o = self.overview
        if o is None:
            return

        def save(line: AuditLine) -> None:
            result = su.audit_meeting(self.db, meeting.name, line.draft, self.today, line.to)
            self.show_notice(result.notice)

        def then(saved: bool) -> None:
            self.refresh_data()
            if saved and walk:
                self.action_audit()

        names = self.active_names()
        self.ask_prompt(AuditPrompt(meeting, o.quarter, self.resolve_name, save, names), then)

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
                else f"no recurring meetings yet ({key_for(self, 'succession.meeting')} adds one)"
            )
            self.notify(f"{o.quarter}: {done}", title=self.AREA)
            return
        self._audit_prompt(pending[0], walk=True)

    def action_add_meeting(self) -> None:
        """Add a recurring meeting: `Name / kind`."""
        from leadtui.tui.dialogs.succession_prompts import MeetingPrompt

        self.ask_prompt(MeetingPrompt(lambda draft: su.add_meeting(self.db, draft)))

    def action_add_vacation(self) -> None:
        """Plan a vacation: `START END`."""
        from leadtui.tui.dialogs.succession_prompts import VacationPrompt

        self.action_tab("su-vacation-pane")
        self.ask_prompt(
            VacationPrompt(
                self.today, lambda d: self.show_notice(su.add_vacation(self.db, d).notice)
            )
        )

    def action_cover(self) -> None:
        """Hand a responsibility over for the highlighted vacation: `Hiring / Ana`."""
        from leadtui.tui.dialogs.succession_prompts import CoverPrompt, Handover

        vacation = self.query_one(VacationTab).vacation
        if vacation is None:
            self.notify("No vacation planned: v plans one", title=self.AREA, severity="warning")
            return

        def save(handover: Handover) -> None:
            su.cover_vacation(self.db, vacation.starts_on, handover.draft, handover.person)

        self.ask_prompt(CoverPrompt(vacation, self.resolve_name, save, names=self.active_names()))

    # --- putting records right ------------------------------------------------------------

    def _records(self) -> tuple[str, list[Record]]:
        """The records of the row under the cursor on the tab shown, and what they are of."""
        from leadtui.tui.screens.succession_records import (
            bench_records,
            meeting_records,
            vacation_records,
        )

        o, tab = self.overview, self.active_tab
        if o is None:
            return "", []
        if tab == "su-audit-pane":
            meeting = self.query_one(AuditTab).meeting
            return (
                (f"No meeting yet: {key_for(self, 'succession.meeting')} adds one", [])
                if meeting is None
                else (
                    literal(meeting.name),
                    meeting_records(self, meeting, o),
                )
            )
        if tab == "su-vacation-pane":
            vacation = self.query_one(VacationTab).vacation
            if vacation is None:
                return "No vacation planned: v plans one", []
            return f"Vacation from {vacation.starts_on.isoformat()}", vacation_records(
                self, vacation, o
            )
        person = self._selected_person()
        row = o.row(person.id) if person else None
        if person is None or row is None:
            return "No direct report selected", []
        return person.display_name, bench_records(self, row)

    def _pick(self, verb: str, then: Callable[[Record], None]) -> None:
        """Ask which record of the selected row (straight to it when there is one)."""
        from leadtui.tui.dialogs.choose import ChooseScreen

        of, records = self._records()
        if verb == "remove":
            records = [r for r in records if r.remove is not None]
        else:
            records = [r for r in records if r.edit is not None]
        if not records:
            nothing = of if not of or of.startswith("No ") else f"{of}: nothing to {verb} yet"
            self.notify(nothing or "Nothing to " + verb, title=self.AREA, severity="warning")
            return
        if len(records) == 1:
            then(records[0])
            return

        def chosen(index: int | None) -> None:
            if index is not None:
                then(records[index])

        self.app.push_screen(
            ChooseScreen(f"{of}: which to {verb}?", [r.label for r in records]), chosen
        )

    def action_edit(self) -> None:
        """Put right one record of the selected row: a gap, a focus area, the candidacy,
        a CEO log entry, a milestone; a meeting or its decision; a vacation or a
        hand-over."""

        def edit(record: Record) -> None:
            if record.edit is not None:
                record.edit()

        self._pick("edit", edit)

    def action_remove(self) -> None:
        """Remove one record of the selected row, asking first."""
        from leadtui.tui.dialogs.confirm import ConfirmScreen

        def remove(record: Record) -> None:
            removal = record.remove
            if removal is None:
                return

            def answered(yes: bool | None) -> None:
                if not yes:
                    return
                removed = self.guarded(removal)
                if removed is not None:
                    self.notify(f"Removed {removed.what}", title=self.AREA, markup=False)
                    self.refresh_data()

            self.app.push_screen(
                ConfirmScreen(f"Remove {_in_sentence(record.label)}?", record.detail, yes="Remove"),
                answered,
            )

        self._pick("remove", remove)

    # --- exports -----------------------------------------------------------------------

    def action_export_brief(self) -> None:
        """Export the transition brief for my manager or CEO (upward, nothing private) or
        the whole plan (private), as `leadtui export succession` writes it."""
        from leadtui.domain.privacy import Audience
        from leadtui.export.succession import succession_document
        from leadtui.tui.dialogs.export_prompt import UPWARD_OR_PRIVATE, ask_export

        today, start_month = self.today, self.leadtui.settings.review.half_start_month

        def render(store: Store, audience: Audience) -> str:
            return succession_document(store, audience, today, start_month)

        ask_export(
            self,
            "succession plan",
            "succession-upward.md",
            render,
            copies=UPWARD_OR_PRIVATE,
            named={"upward": "transition brief", "private": "private succession plan"},
        )

    def action_career_path(self) -> None:
        """Export the selected report's career path, as `leadtui export career PERSON`
        writes it: "the career plan reaches the report it is about" (goal, milestones,
        the test run); the align-up with your manager stays in your copy."""
        from leadtui.domain.privacy import Audience
        from leadtui.export.succession import career_document
        from leadtui.services.succession import career_plan
        from leadtui.tui.dialogs.export_prompt import ask_export, slug

        person, today = self._selected_person(), self.today
        if person is None:
            self.notify("Select a report on the bench first", title=self.AREA, severity="warning")
            return

        def render(store: Store, audience: Audience) -> str:
            return career_document(person, career_plan(store, person), audience, today)

        ask_export(self, "career path", f"{slug(person.name)}-career-shared.md", render)

    def action_export_cover(self) -> None:
        """Export the highlighted vacation's cover plan for the people covering, as
        `leadtui export vacation START` writes it."""
        from leadtui.domain.privacy import Audience
        from leadtui.export.succession import vacation_cover_document
        from leadtui.tui.dialogs.export_prompt import FOR_THE_TEAM, ask_export

        self.action_tab("su-vacation-pane")
        vacation = self.query_one(VacationTab).vacation
        if vacation is None:
            self.notify("No vacation planned: v plans one", title=self.AREA, severity="warning")
            return
        start, today = vacation.starts_on, self.today
        start_month = self.leadtui.settings.review.half_start_month

        def render(store: Store, audience: Audience) -> str:
            return vacation_cover_document(store, start, today, start_month)

        ask_export(
            self,
            f"cover plan for {start.isoformat()}",
            f"vacation-cover-{start.isoformat()}-team.md",
            render,
            copies=FOR_THE_TEAM,
            named={"team": f"cover plan for {start.isoformat()}"},
        )


def _in_sentence(label: str) -> str:
    """A chooser's label inside a question: "Gap 1 …" as "gap 1 …", "CEO log" kept."""
    return label[:1].lower() + label[1:] if label[1:2].islower() else label
