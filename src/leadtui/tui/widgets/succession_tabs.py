"""The Succession screen's three tabs: the bench, the meeting audit and the vacation planner.

Each is a tab pane given the overview to show (``show``); it fills its table, keeps the
panel beside it in step with the highlighted row, and says which row is chosen. Enter on
a meeting is posted up as :class:`AuditTab.MeetingChosen`; the screen does the rest.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.message import Message
from textual.widgets import DataTable, Static, TabPane

from leadtui.domain.dates import short_day_label
from leadtui.domain.people import Person
from leadtui.domain.succession import Meeting, Vacation
from leadtui.domain.text import literal
from leadtui.services.succession import SuccessionOverview
from leadtui.tui.keys import key_for
from leadtui.tui.widgets.key_table import name_cell
from leadtui.tui.widgets.succession_panels import (
    checks_text,
    days_text,
    person_text,
    vacation_text,
)

Row = tuple[str, list[Text | str]]


def _key(node: DOMNode, name: str) -> str:
    """The key of the Succession binding ``succession.<name>`` now (the keymap may move it)."""
    return key_for(node, f"succession.{name}")


class SuccessionTable(DataTable[Text | str]):
    """A tab's table that also moves with j/k. Not g/G as other tables do: on this
    screen g notes a gap."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="succession.down"),
        Binding("k", "cursor_up", "Up", show=False, id="succession.up"),
    ]


def refill(table: DataTable[Text | str], rows: list[Row]) -> None:
    """Replace ``table``'s rows (key, cells), the cursor staying on the same row number."""
    keep = table.cursor_row
    table.clear()
    for key, cells in rows:
        table.add_row(*cells, key=key)
    if rows:
        table.move_cursor(row=min(keep, len(rows) - 1))


def chosen(table: DataTable[Text | str], count: int) -> int | None:
    """The index of the highlighted one of ``count`` rows, or None when there are none."""
    return min(max(table.cursor_row, 0), count - 1) if count else None


class BenchTab(TabPane):
    """A row per direct report (open gaps, this half's focus, readiness, the last CEO
    mention, candidate ★); below, the highlighted report's gaps, focus, candidacy and
    career path, and every check."""

    def __init__(self, title: str, *, id: str | None = None) -> None:  # noqa: A002 (Textual's)
        super().__init__(title, id=id)
        self.overview: SuccessionOverview | None = None

    def compose(self) -> ComposeResult:
        with Vertical():
            yield SuccessionTable(id="su-bench", cursor_type="row", zebra_stripes=True)
            with Horizontal(id="su-lower"):
                with VerticalScroll(id="su-person-box"):
                    yield Static("", id="su-person")
                with VerticalScroll(id="su-checks-box"):
                    yield Static("", id="su-checks")

    def on_mount(self) -> None:
        """Name the columns and the two panels."""
        self.table.add_columns("Report", "Gaps", "Focus", "Ready", "CEO", "★")
        edit, remove = _key(self, "edit"), _key(self, "remove")
        self.query_one(
            "#su-person-box"
        ).border_title = f"Selected · {edit} edits · {remove} removes"
        self.query_one("#su-checks-box").border_title = "Checks"

    @property
    def table(self) -> DataTable[Text | str]:
        """The bench."""
        return self.query_one("#su-bench", DataTable)

    def show(self, overview: SuccessionOverview) -> None:
        """Show ``overview``'s bench and checks, the cursor staying on the same row."""
        self.overview = overview
        rows: list[Row] = []
        # Narrow terminals keep the readiness and candidate columns in view.
        width = 22 if self.app.size.width < 100 else 40
        for r in overview.rows:
            focus = (
                Text(literal(r.focus[0].text), overflow="ellipsis")
                if r.focus
                else Text("none", style="italic")
            )
            focus.truncate(width, overflow="ellipsis")
            ready = r.candidate.readiness.value if r.candidate else ""
            ceo = short_day_label(r.last_ceo, overview.today) if r.last_ceo else ""
            star = (
                "★ interim" if r.candidate and r.candidate.interim else "★" if r.candidate else ""
            )
            name = name_cell(r.person.name)
            rows.append((str(r.person.id), [name, str(len(r.open_gaps)), focus, ready, ceo, star]))
        refill(self.table, rows)
        self.query_one("#su-checks", Static).update(checks_text(overview))
        self._show_person()

    @property
    def person(self) -> Person | None:
        """The report under the cursor."""
        o = self.overview
        if o is None or not o.rows or self.table.cursor_row < 0:
            return None
        return o.rows[min(self.table.cursor_row, len(o.rows) - 1)].person

    def select(self, person_id: int) -> None:
        """Put the cursor on ``person_id``, when they are on the bench."""
        rows = self.overview.rows if self.overview else []
        index = next((i for i, r in enumerate(rows) if r.person.id == person_id), None)
        if index is not None:
            self.table.move_cursor(row=index)
            self._show_person()

    def _show_person(self) -> None:
        o, person = self.overview, self.person
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
        panel.update(person_text(row, o, _key(self, "gap")))

    @on(DataTable.RowHighlighted, "#su-bench")
    def _moved(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._show_person()

    @on(DataTable.RowSelected, "#su-bench")
    def _chosen(self, event: DataTable.RowSelected) -> None:
        # Enter on a report: put one of their records right (the screen asks which).
        event.stop()
        self.post_message(self.EditAsked())

    class EditAsked(Message):
        """Enter on a report: edit one of their records."""


class AuditTab(TabPane):
    """The recurring meetings with this quarter's decision, and how many are left to
    audit; enter on one posts :class:`MeetingChosen`."""

    class MeetingChosen(Message):
        """Enter (or a click) on a meeting: audit it."""

        def __init__(self, meeting: Meeting) -> None:
            super().__init__()
            self.meeting = meeting

    def __init__(self, title: str, *, id: str | None = None) -> None:  # noqa: A002 (Textual's)
        super().__init__(title, id=id)
        self.overview: SuccessionOverview | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="su-audit-hint")
        yield SuccessionTable(id="su-meetings", cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        """Name the columns."""
        self.table.add_columns("Meeting", "Kind", "Role", "Decision", "To / what is missing")

    @property
    def table(self) -> DataTable[Text | str]:
        """The meetings."""
        return self.query_one("#su-meetings", DataTable)

    def show(self, overview: SuccessionOverview) -> None:
        """Show ``overview``'s meetings and their decisions this quarter."""
        self.overview = o = overview
        rows: list[Row] = []
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
        refill(self.table, rows)
        due = sum(1 for m in o.meetings if m.id not in o.audits)
        hint = (
            f" {o.quarter}: {due} of {len(o.meetings)} to audit · {_key(self, 'audit')} walks "
            f"them · {_key(self, 'edit')} edits · {_key(self, 'remove')} removes · "
            "⚑ hard to displace"
            if o.meetings
            else f" No recurring meetings yet: {_key(self, 'meeting')} adds one "
            "(Eng staff / leadership)."
        )
        self.query_one("#su-audit-hint", Static).update(Text(hint))

    @property
    def meeting(self) -> Meeting | None:
        """The highlighted meeting."""
        meetings = self.overview.meetings if self.overview else []
        index = chosen(self.table, len(meetings))
        return None if index is None else meetings[index]

    @on(DataTable.RowSelected, "#su-meetings")
    def _chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        meeting = self.meeting
        if meeting is not None:
            self.post_message(self.MeetingChosen(meeting))


class VacationTab(TabPane):
    """Days away this year against the aim, the vacations, and who covers what during the
    highlighted one."""

    def __init__(self, title: str, *, id: str | None = None) -> None:  # noqa: A002 (Textual's)
        super().__init__(title, id=id)
        self.overview: SuccessionOverview | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="su-days")
        yield SuccessionTable(id="su-vacations", cursor_type="row", zebra_stripes=True)
        yield Static("", id="su-cover")

    def on_mount(self) -> None:
        """Name the columns."""
        self.table.add_columns("From", "To", "Days", "Pledge", "Handed over")

    @property
    def table(self) -> DataTable[Text | str]:
        """The vacations."""
        return self.query_one("#su-vacations", DataTable)

    def show(self, overview: SuccessionOverview, width: int) -> None:
        """Show ``overview``'s vacations; the days bar fits ``width`` columns. The first
        time, the cursor is on the next vacation (or the one under way)."""
        rows: list[Row] = []
        for v in overview.vacations:
            handed = f"{len(v.covers) - len(v.uncovered)}/{len(v.covers)}"
            pledge = "no chiming in" if v.no_chiming_in else ""
            days = [
                short_day_label(v.starts_on, overview.today),
                short_day_label(v.ends_on, overview.today),
            ]
            rows.append((str(v.id), [*days, str(v.days), pledge, handed]))
        first = self.overview is None or not self.table.row_count
        self.overview = overview
        refill(self.table, rows)
        if first:
            # The one coming up (or under way) is the one to hand over for, not the first
            # one ever planned.
            upcoming = next(
                (i for i, v in enumerate(overview.vacations) if v.ends_on >= overview.today),
                None,
            )
            if upcoming is not None:
                self.table.move_cursor(row=upcoming)
        self.query_one("#su-days", Static).update(days_text(overview, width))
        self._show_cover()

    @property
    def vacation(self) -> Vacation | None:
        """The highlighted vacation."""
        vacations = self.overview.vacations if self.overview else []
        index = chosen(self.table, len(vacations))
        return None if index is None else vacations[index]

    def _show_cover(self) -> None:
        o, vacation = self.overview, self.vacation
        self.query_one("#su-cover", Static).update(
            vacation_text(vacation, o, {k: _key(self, k) for k in ("cover", "edit", "remove")})
            if vacation and o
            else Text(" v plans a vacation: START END", style="italic")
        )

    @on(DataTable.RowHighlighted, "#su-vacations")
    def _moved(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self._show_cover()
