"""Succession: the bench, the selected report's gaps and plan, the checks, the quarterly
meeting audit as a walk-through, and the vacation planner. Every change goes through
services.succession; this module only composes, binds keys and shows results."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable, Header, Static, TabbedContent, TabPane

from leadtui.domain.dates import short_day_label
from leadtui.domain.people import Person
from leadtui.domain.succession import GapStatus, Meeting, Vacation
from leadtui.domain.text import literal
from leadtui.errors import InputError
from leadtui.services import succession as su
from leadtui.services.people import resolve_person
from leadtui.services.succession import SuccessionOverview
from leadtui.tui.screens.base import LeadtuiScreen
from leadtui.tui.widgets.footer import Footer
from leadtui.tui.widgets.succession_panels import (
    checks_text,
    days_text,
    person_text,
    vacation_text,
)

HELP = """\
# Succession

Succession is built years earlier, lightly: a focus area from what each report is
missing to thrive in your role, in every review; telling the CEO about the growth you
see; one or two candidates who build a relationship with the CEO; a quarterly audit of
your recurring meetings; a long vacation a year with everything handed over.

**1 Bench**: a row per direct report (open gaps, this half's focus, readiness, the last
CEO mention, candidate ★). Beside it, the selected report's gaps, focus, candidacy and
career path, and every check.

- **g** note a gap, **s** change a gap's status (`1 improving`), **f** agree a focus
  area for this half (the first open gap is offered), **c** candidacy (`now`, `1y`,
  `2y`, `later`, optionally `/ ready pending …`; `clear` takes them off), **i** the
  interim flag, **n** a CEO log note about them.

**2 Meeting audit**: your recurring meetings and this quarter's decision. **a** walks
every meeting not audited yet: `keep`, `delegate Ana`, `delegated Ana`,
`partner what is missing; the plan` or `cancel`. **enter** audits the highlighted one;
**m** adds a meeting (`Eng staff / leadership`).

**3 Vacation**: days away this year against the 14-day aim. **v** plans one
(`2027-07-05 2027-07-18`), **h** hands a responsibility over (`Hiring / Ana`).

From the shell: `leadtui succession show`, `leadtui meeting audit`, `leadtui vacation
add`, `leadtui export succession --audience upward` (the transition brief).
"""


class SuccessionScreen(LeadtuiScreen):
    """The bench, the meeting audit and the vacation planner."""

    CSS_PATH = "../styles/succession.tcss"
    AREA = "Succession"
    HELP = HELP
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
            with TabPane("1 Bench", id="su-bench-pane"):
                with Vertical():
                    yield DataTable(id="su-bench", cursor_type="row", zebra_stripes=True)
                    with Horizontal(id="su-lower"):
                        with VerticalScroll(id="su-person-box"):
                            yield Static("", id="su-person")
                        with VerticalScroll(id="su-checks-box"):
                            yield Static("", id="su-checks")
            with TabPane("2 Meeting audit", id="su-audit-pane"):
                yield Static("", id="su-audit-hint")
                yield DataTable(id="su-meetings", cursor_type="row", zebra_stripes=True)
            with TabPane("3 Vacation", id="su-vacation-pane"):
                yield Static("", id="su-days")
                yield DataTable(id="su-vacations", cursor_type="row", zebra_stripes=True)
                yield Static("", id="su-cover")
        yield Footer()

    def on_mount(self) -> None:
        """Name the screen and give the bench focus."""
        self.sub_title = "Succession"
        bench = self.query_one("#su-bench", DataTable)
        bench.add_columns("Report", "Gaps", "Focus", "Ready", "CEO", "★")
        self.query_one("#su-meetings", DataTable).add_columns(
            "Meeting", "Kind", "Role", "Decision", "To / what is missing"
        )
        self.query_one("#su-vacations", DataTable).add_columns(
            "From", "To", "Days", "Pledge", "Handed over"
        )
        self.query_one("#su-person-box").border_title = "Selected"
        self.query_one("#su-checks-box").border_title = "Checks"
        bench.focus()

    # --- data --------------------------------------------------------------------------

    def refresh_data(self) -> None:
        """Read the overview and hand every panel its part."""
        start = self.leadtui.settings.review.half_start_month
        self.overview = o = su.succession_overview(self.db, self.today, start)
        warned = f"{len(o.warnings)} to look at" if o.warnings else "all in order"
        self.query_one("#su-status", Static).update(
            Text(f" {o.half.label} · {o.quarter} · {len(o.bench)} on the bench · {warned}")
        )
        self._fill_bench(o)
        if self.pending_person is not None:
            person_id, self.pending_person = self.pending_person, None
            self.select_person(person_id)
        self._fill_meetings(o)
        self._fill_vacations(o)
        self.query_one("#su-checks", Static).update(checks_text(o))
        self._show_person()
        self._show_cover()

    def _refill(
        self, table: DataTable[Text | str], rows: list[tuple[str, list[Text | str]]]
    ) -> None:
        keep = table.cursor_row
        table.clear()
        for key, cells in rows:
            table.add_row(*cells, key=key)
        if rows:
            table.move_cursor(row=min(keep, len(rows) - 1))

    def _fill_bench(self, o: SuccessionOverview) -> None:
        rows: list[tuple[str, list[Text | str]]] = []
        # Narrow terminals keep the readiness and candidate columns in view.
        width = 22 if self.app.size.width < 100 else 40
        for r in o.rows:
            focus = (
                Text(literal(r.focus[0].text), overflow="ellipsis")
                if r.focus
                else Text("none", style="italic")
            )
            focus.truncate(width, overflow="ellipsis")
            ready = r.candidate.readiness.value if r.candidate else ""
            ceo = short_day_label(r.last_ceo, o.today) if r.last_ceo else ""
            star = (
                "★ interim" if r.candidate and r.candidate.interim else "★" if r.candidate else ""
            )
            rows.append(
                (
                    str(r.person.id),
                    [Text(literal(r.person.name)), str(len(r.open_gaps)), focus, ready, ceo, star],
                )
            )
        self._refill(self.query_one("#su-bench", DataTable), rows)

    def _fill_meetings(self, o: SuccessionOverview) -> None:
        rows: list[tuple[str, list[Text | str]]] = []
        for m in o.meetings:
            audit = o.audits.get(m.id)
            decision: Text | str = audit.decision.value if audit else Text("to audit", style="bold")
            detail = ""
            if audit and audit.delegate_id is not None:
                detail = literal(o.people[audit.delegate_id].name)
            elif audit and audit.missing:
                detail = literal(audit.missing)
            kind = m.kind.value + (" ⚑" if m.kind.hard_to_displace else "")
            rows.append(
                (str(m.id), [Text(literal(m.name)), kind, m.role.value, decision, Text(detail)])
            )
        self._refill(self.query_one("#su-meetings", DataTable), rows)
        due = sum(1 for m in o.meetings if m.id not in o.audits)
        hint = (
            f" {o.quarter}: {due} of {len(o.meetings)} meetings to audit · a walks them · "
            "⚑ hard to displace (exec-only, board)"
            if o.meetings
            else " No recurring meetings yet: m adds one (Eng staff / leadership)."
        )
        self.query_one("#su-audit-hint", Static).update(Text(hint))

    def _fill_vacations(self, o: SuccessionOverview) -> None:
        rows: list[tuple[str, list[Text | str]]] = []
        for v in o.vacations:
            handed = f"{len(v.covers) - len(v.uncovered)}/{len(v.covers)}"
            pledge = "no chiming in" if v.no_chiming_in else ""
            rows.append(
                (
                    str(v.id),
                    [
                        short_day_label(v.starts_on, o.today),
                        short_day_label(v.ends_on, o.today),
                        str(v.days),
                        pledge,
                        handed,
                    ],
                )
            )
        self._refill(self.query_one("#su-vacations", DataTable), rows)
        self.query_one("#su-days", Static).update(days_text(o, self.size.width))

    # --- selection ---------------------------------------------------------------------

    def _selected_person(self) -> Person | None:
        o = self.overview
        table = self.query_one("#su-bench", DataTable)
        if o is None or not o.rows or table.cursor_row < 0:
            return None
        return o.rows[min(table.cursor_row, len(o.rows) - 1)].person

    def _selected_meeting(self) -> Meeting | None:
        o = self.overview
        table = self.query_one("#su-meetings", DataTable)
        if o is None or not o.meetings:
            return None
        return o.meetings[min(max(table.cursor_row, 0), len(o.meetings) - 1)]

    def _selected_vacation(self) -> Vacation | None:
        o = self.overview
        table = self.query_one("#su-vacations", DataTable)
        if o is None or not o.vacations:
            return None
        return o.vacations[min(max(table.cursor_row, 0), len(o.vacations) - 1)]

    def select_person(self, person_id: int) -> None:
        """Put the bench cursor on ``person_id`` (Today's card opens a person here)."""
        o = self.overview
        if o is None:
            # Opened for the first time: its data arrives with the first refresh, which
            # puts the cursor there.
            self.pending_person = person_id
            return
        index = next((i for i, r in enumerate(o.rows) if r.person.id == person_id), None)
        if index is not None:
            self.query_one("#su-bench", DataTable).move_cursor(row=index)
            self._show_person()

    def _show_person(self) -> None:
        o = self.overview
        person = self._selected_person()
        row = o.row(person.id) if o and person else None
        panel = self.query_one("#su-person", Static)
        if row is None or o is None:
            panel.update(
                Text(
                    "No direct reports: succession is about them. Add one in People (p).",
                    style="italic",
                )
            )
            return
        panel.update(person_text(row, o))

    def _show_cover(self) -> None:
        o = self.overview
        vacation = self._selected_vacation()
        self.query_one("#su-cover", Static).update(
            vacation_text(vacation, o)
            if vacation and o
            else Text(" v plans a vacation: START END", style="italic")
        )

    @on(DataTable.RowHighlighted, "#su-bench")
    def _bench_moved(self) -> None:
        self._show_person()

    @on(DataTable.RowHighlighted, "#su-vacations")
    def _vacation_moved(self) -> None:
        self._show_cover()

    @on(DataTable.RowSelected, "#su-meetings")
    def _meeting_chosen(self) -> None:
        meeting = self._selected_meeting()
        if meeting is not None:
            self._audit_prompt(meeting, walk=False)

    # --- actions -----------------------------------------------------------------------

    def action_tab(self, pane: str) -> None:
        """Show one of the three views."""
        self.query_one("#su-tabs", TabbedContent).active = pane
        table = {
            "su-bench-pane": "#su-bench",
            "su-audit-pane": "#su-meetings",
            "su-vacation-pane": "#su-vacations",
        }
        self.query_one(table[pane], DataTable).focus()

    def _prompt(
        self, title: str, save: Callable[[str], object], value: str = "", placeholder: str = ""
    ) -> None:
        from leadtui.tui.screens.text_prompt import TextPrompt

        def done(saved: bool | None) -> None:
            if saved:
                self.refresh_data()

        self.app.push_screen(TextPrompt(title, save, value=value, placeholder=placeholder), done)

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

    def action_gap(self) -> None:
        """Note what the selected report is missing to thrive in my role."""
        from leadtui.domain.succession_input import GapDraft
        from leadtui.domain.validation import build

        person = self._for_person("a gap")
        if person is None:
            return

        def save(text: str) -> None:
            su.add_gap(self.db, person, build(GapDraft, text=text), self.today)

        self._prompt(
            f"Gap for {person.display_name}",
            save,
            placeholder="what they are missing to thrive in your role",
        )

    def action_gap_status(self) -> None:
        """Change one of the selected report's gaps: `N open|improving|closed`."""
        from leadtui.domain.succession_input import GapStatusDraft
        from leadtui.domain.validation import build

        person = self._for_person("a gap status")
        if person is None:
            return
        row = self.overview.row(person.id) if self.overview else None
        first = next((g for g in (row.open_gaps if row else [])), None)
        value = ""
        if first is not None:
            after = GapStatus.IMPROVING if first.status is GapStatus.OPEN else GapStatus.CLOSED
            value = f"{first.number} {after.value}"

        def save(text: str) -> None:
            number, _, status = text.strip().partition(" ")
            if not number.isdigit():
                raise InputError(
                    "give the gap's number and its status, e.g. 1 improving", field="text"
                )
            draft = build(GapStatusDraft, today=self.today, status=status.strip())
            self._notice(su.set_gap_status(self.db, person, int(number), draft).notice)

        self._prompt(
            f"Gap status for {person.display_name}",
            save,
            value=value,
            placeholder="N open | improving | closed",
        )

    def action_focus_area(self) -> None:
        """Agree a focus area for this half, offering the first open gap's words."""
        from leadtui.domain.succession_input import FocusDraft
        from leadtui.domain.validation import build

        person = self._for_person("a focus area")
        o = self.overview
        if person is None or o is None:
            return
        row = o.row(person.id)
        gap = row.open_gaps[0] if row and row.open_gaps else None

        def save(text: str) -> None:
            # The gap's own words link the focus area to the gap.
            number = gap.number if gap and text.strip() == gap.text else None
            draft = None if number else build(FocusDraft, text=text)
            result = su.add_focus(
                self.db, person, self.today, half=o.half, draft=draft, gap_number=number
            )
            self._notice(result.notice)

        self._prompt(
            f"Focus for {person.display_name}, {o.half.label}", save, value=gap.text if gap else ""
        )

    def action_candidate(self) -> None:
        """Mark, change or clear candidacy: `1y`, `now / ready pending …`, `clear`."""
        from leadtui.domain.succession_input import CandidateDraft, split_slash
        from leadtui.domain.validation import build

        person = self._for_person("candidacy")
        o = self.overview
        if person is None or o is None:
            return
        row = o.row(person.id)
        c = row.candidate if row else None
        value = (c.readiness.value + (f" / {c.pending}" if c.pending else "")) if c else ""

        def save(text: str) -> None:
            if text.strip().lower() == "clear":
                su.clear_candidate(self.db, person)
                return
            readiness, pending = split_slash(text)
            draft = build(CandidateDraft, readiness=readiness or None, pending=pending)
            self._notice(su.set_candidate(self.db, person, draft, self.today).notice)

        self._prompt(
            f"Candidacy for {person.display_name}",
            save,
            value=value,
            placeholder="now | 1y | 2y | later [/ ready pending …] or clear",
        )

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
        from leadtui.domain.succession_input import CeoDraft
        from leadtui.domain.validation import build

        person = self._for_person("a CEO note")
        if person is None:
            return

        def save(text: str) -> None:
            su.add_ceo_note(self.db, build(CeoDraft, today=self.today, text=text), person)

        self._prompt(
            f"CEO log: {person.display_name}",
            save,
            placeholder="the growth you raised, or the action taken",
        )

    def _audit_prompt(self, meeting: Meeting, *, walk: bool) -> None:
        from leadtui.domain.succession_input import AuditDraft, audit_words
        from leadtui.domain.validation import build

        o = self.overview
        if o is None:
            return

        def save(text: str) -> None:
            words = audit_words(text)
            to = resolve_person(self.db, words["to"]) if words["to"] else None
            draft = build(
                AuditDraft,
                decision=words["decision"],
                missing=words["missing"],
                plan=words["plan"],
                quarter=o.quarter,
            )
            self._notice(su.audit_meeting(self.db, meeting.name, draft, self.today, to).notice)

        def done(saved: bool | None) -> None:
            self.refresh_data()
            if saved and walk:
                self.action_audit()

        from leadtui.tui.screens.text_prompt import TextPrompt

        hard = " (hard to displace: keep is fine)" if meeting.kind.hard_to_displace else ""
        title = f"{o.quarter} audit: {literal(meeting.name)}{hard}"
        placeholder = "keep | delegate NAME | delegated NAME | partner MISSING; PLAN | cancel"
        self.app.push_screen(TextPrompt(title, save, placeholder=placeholder), done)

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
        from leadtui.domain.succession_input import MeetingDraft, split_slash
        from leadtui.domain.validation import build

        def save(text: str) -> None:
            name, kind = split_slash(text)
            su.add_meeting(self.db, build(MeetingDraft, name=name, kind=kind or "other"))

        self._prompt("Recurring meeting", save, placeholder="Eng staff / leadership")

    def action_add_vacation(self) -> None:
        """Plan a vacation: `START END`."""
        from leadtui.domain.succession_input import VacationDraft
        from leadtui.domain.validation import build

        def save(text: str) -> None:
            start, _, end = text.strip().partition(" ")
            draft = build(
                VacationDraft,
                today=self.today,
                starts_on=start,
                ends_on=end.strip() or None,
                no_chiming_in=True,
            )
            self._notice(su.add_vacation(self.db, draft).notice)

        self.action_tab("su-vacation-pane")
        self._prompt(
            "Vacation (with the no-chiming-in pledge)", save, placeholder="2027-07-05 2027-07-18"
        )

    def action_cover(self) -> None:
        """Hand a responsibility over for the highlighted vacation: `Hiring / Ana`."""
        from leadtui.domain.succession_input import CoverDraft, split_slash
        from leadtui.domain.validation import build

        vacation = self._selected_vacation()
        if vacation is None:
            self.notify("No vacation planned: v plans one", title=self.AREA, severity="warning")
            return

        def save(text: str) -> None:
            responsibility, who = split_slash(text)
            person = resolve_person(self.db, who) if who else None
            su.cover_vacation(
                self.db,
                vacation.starts_on,
                build(CoverDraft, responsibility=responsibility),
                person,
            )

        self._prompt(
            f"Hand over, from {vacation.starts_on.isoformat()}",
            save,
            placeholder="Hiring decisions / Ana",
        )
