"""Rotations: every capacity's seats as staggered bars, the terms around today, the next
eight weekly hosts with skip and swap, the bench and the checks."""

from __future__ import annotations

from datetime import date, timedelta
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Header, Static

from leadtui.domain.dates import day_label, parse_date, short_day_label
from leadtui.domain.rotations import LEAD_DAYS, Segment
from leadtui.services.rotations import (
    CapacitySchedule,
    HostSchedule,
    bench,
    horizon_until,
    host_schedule,
    schedules,
)
from leadtui.tui.screens.base import LeadtuiScreen
from leadtui.tui.widgets.footer import Footer
from leadtui.tui.widgets.key_table import KeyTable
from leadtui.tui.widgets.rotation_timeline import TimelineColors, timeline

# The timeline shows three months back and nine ahead: the current terms whole, the
# next turnovers, and enough past to see the stagger.
MONTHS_BACK = 3
MONTHS_AHEAD = 9
HOSTS_SHOWN = 8


class RotationsScreen(LeadtuiScreen):
    """Who serves which process when, and who hosts the leadership meeting."""

    CSS_PATH = "../styles/rotations.tcss"
    AREA = "Rotations"
    # Below 110 columns the hosts and the bench go under the terms table, which then
    # keeps every column.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]  # noqa: RUF012 (Textual's)
    HELP = """\
# Rotations

People serve a process (Incident Review, Tech Spec Review) for a term — six months by
default — in two seats whose terms overlap but are offset, so continuity never breaks.
Terms are computed from each capacity's start; only your changes are stored.

- The **timeline** shows each capacity's seats as staggered bars; ▶ marks a turnover
  in the next four weeks, a dashed stretch is a seat with nobody in it, ▲ is today.
- **Terms** lists the stretches around today; pick one (↑/↓, j/k) and act on it:
  **n** plans the capacity's next terms (never-served people first, then the least
  recently served; nobody in two capacities at once), **a** assigns someone to the
  seat from that stretch's first day, **w** swaps its person with another roster
  member from that day, **c** records a call-out (All-Hands, Q&A or other), **x**
  records the exposure that makes the term interesting, **h** writes a hand-off note.
- **Next hosts**: the weekly leadership meeting, hosted in turn (never by you).
  **s** skips the selected week (nobody loses their turn) or holds it again; **m**
  swaps its host with another week's.
- The **bench** lists people who have never served; **Checks** lists what needs you.

From the shell: `leadtui rotation add`, `rotation roster`, `rotation plan`,
`host set`, `export rotations [--ics]`.
"""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(key, action, short, tooltip=long, id=f"rotations.{action}")
        for key, action, short, long in (
            ("n", "plan", "Plan", "Plan the next terms"),
            ("a", "assign", "Assign", "Assign someone to the seat"),
            ("w", "swap", "Swap", "Swap the selected person with another"),
            ("c", "recognize", "Call-out", "Record recognition of the term"),
            ("x", "exposure", "Exposure", "Record the exposure given"),
            ("h", "handoff", "Hand-off", "Write a hand-off note"),
            ("s", "skip_host", "Skip week", "Skip the selected leadership meeting"),
            ("m", "swap_host", "Swap host", "Swap the selected meeting's host"),
        )
    ]

    def __init__(self) -> None:
        super().__init__()
        self.schedules: list[CapacitySchedule] = []
        self.rows: list[tuple[CapacitySchedule, Segment]] = []
        self.hosts: HostSchedule | None = None

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with VerticalScroll(id="rot-body"):
            yield Static("", id="rot-timelines", classes="rot-panel")
            with Horizontal(id="rot-lower"):
                yield KeyTable(id="rot-terms", classes="rot-panel", cursor_type="row")
                with Vertical(id="rot-side"):
                    yield KeyTable(id="rot-hosts", classes="rot-panel", cursor_type="row")
                    yield Static("", id="rot-bench", classes="rot-panel")
            yield Static("", id="rot-checks", classes="rot-panel")
        yield Footer()

    def on_mount(self) -> None:
        """Name the screen and its panels, and the tables' columns."""
        self.sub_title = "Rotations"
        titles = {
            "rot-timelines": "Seats",
            "rot-terms": "Terms around today",
            "rot-hosts": "Next hosts",
            "rot-bench": "Bench: never served",
            "rot-checks": "Checks",
        }
        for widget_id, title in titles.items():
            self.query_one(f"#{widget_id}").border_title = title
        terms = self.query_one("#rot-terms", KeyTable)
        terms.add_columns("Capacity", "Seat", "From", "To", "Who")
        self.query_one("#rot-hosts", KeyTable).add_columns("Week", "Host")

    # --- data ------------------------------------------------------------------------

    def refresh_data(self) -> None:
        """Recompute every schedule and redraw the panels."""
        today = self.today
        self.schedules = [s for s in schedules(self.db, today) if s.capacity.active]
        self.hosts = host_schedule(self.db, today, HOSTS_SHOWN)
        self._draw_timelines()
        self._fill_terms()
        self._fill_hosts()
        self._draw_bench()
        self._draw_checks()

    def _colors(self) -> TimelineColors:
        variables = self.app.theme_variables
        return TimelineColors(
            first=variables.get("primary", "blue"),
            second=variables.get("accent", "magenta"),
            gap=variables.get("error", "red"),
            soon=variables.get("warning", "yellow"),
            today=variables.get("success", "green"),
            text=variables.get("foreground", "white"),
        )

    def _draw_timelines(self) -> None:
        panel = self.query_one("#rot-timelines", Static)
        # The hint for an empty database wraps; the timelines are drawn to the width.
        panel.set_class(not self.schedules, "-empty")
        if not self.schedules:
            panel.update(
                Text.from_markup(
                    "[b]No rotations yet.[/b]\n"
                    'Add one from the shell: [i]leadtui rotation add "Incident Review"[/i], '
                    "then [i]rotation roster[/i] and [i]rotation plan[/i]."
                )
            )
            return
        today = self.today
        first = horizon_until(today, -MONTHS_BACK)
        last = horizon_until(today, MONTHS_AHEAD)
        width = max(40, self.app.size.width - 8)
        text = Text()
        colors = self._colors()
        for i, schedule in enumerate(self.schedules):
            c = schedule.capacity
            if i:
                text.append("\n\n")
            text.append(c.name, style="bold")
            text.append(
                f"  {c.term_months}-month terms, {c.seats} seats, offset {c.offset_months}",
                style="dim",
            )
            text.append("\n")
            text.append_text(timeline(schedule, today, first, last, width, colors))
        panel.update(text)

    def _fill_terms(self) -> None:
        table = self.query_one("#rot-terms", KeyTable)
        table.clear()
        today = self.today
        soon = today + timedelta(days=LEAD_DAYS)
        self.rows = []
        for schedule in self.schedules:
            # The stretch in each seat now, the one before it (for recognition) and the
            # next two.
            window = [
                s
                for s in schedule.segments
                if s.ends >= today - timedelta(days=120) and s.starts <= horizon_until(today, 12)
            ]
            for seg in window[:8]:
                self.rows.append((schedule, seg))
        self.rows.sort(key=lambda row: (row[1].starts, row[0].capacity.name, row[1].seat))
        for schedule, seg in self.rows:
            who = Text(schedule.name_of(seg.person_id))
            if seg.person_id is None:
                who.stylize("italic")
            if seg.covers(today):
                who.append(" (now)", style="bold")
            elif today <= seg.starts <= soon:
                who.append(" (soon)", style="bold")
            elif seg.ends < today:
                who.stylize("dim")
            table.add_row(
                Text(schedule.capacity.name),
                str(seg.seat),
                short_day_label(seg.starts, today),
                short_day_label(seg.ends, today),
                who,
            )
        current = next((i for i, (_, s) in enumerate(self.rows) if s.ends >= today), 0)
        if self.rows:
            table.move_cursor(row=current)

    def _fill_hosts(self) -> None:
        table = self.query_one("#rot-hosts", KeyTable)
        table.clear()
        hosts = self.hosts
        if hosts is None:
            return
        for m in hosts.meetings:
            name = (
                Text("skipped", style="italic dim")
                if m.skipped
                else Text(hosts.name_of(m.person_id))
            )
            if m.swapped:
                name.append(" ⇄", style="bold")
            table.add_row(day_label(m.on, self.today), name)

    def _draw_bench(self) -> None:
        people = bench(self.db, self.today)
        if people:
            text = ", ".join(p.display_name for p in people)
        else:
            text = "Everyone has served." if self.schedules else "Nobody on a roster yet."
        self.query_one("#rot-bench", Static).update(Text(text))

    def _draw_checks(self) -> None:
        warnings = [w for s in self.schedules for w in s.warnings]
        panel = self.query_one("#rot-checks", Static)
        if not warnings:
            panel.update(Text("All checks pass.", style="bold"))
            return
        text = Text()
        for i, w in enumerate(warnings):
            if i:
                text.append("\n")
            text.append("! ", style="bold")
            text.append(w.text)
        panel.update(text)

    # --- actions ---------------------------------------------------------------------

    def _selected(self) -> tuple[CapacitySchedule, Segment] | None:
        table = self.query_one("#rot-terms", KeyTable)
        if not self.rows:
            self.notify("No terms yet; add a rotation from the shell", title=self.AREA)
            return None
        return self.rows[min(table.cursor_row, len(self.rows) - 1)]

    def _prompt(self, title: str, save: object, placeholder: str = "") -> None:
        from leadtui.tui.screens.text_prompt import TextPrompt

        def done(saved: bool | None) -> None:
            if saved:
                self.refresh_data()

        self.app.push_screen(TextPrompt(title, save, placeholder=placeholder), done)  # type: ignore[arg-type]

    def action_plan(self) -> None:
        """Plan the selected capacity's next terms."""
        from leadtui.services.rotations import plan

        selected = self._selected()
        if selected is None:
            return
        schedule = selected[0]
        planned = self.guarded(lambda: plan(self.db, schedule.capacity, self.today))
        if planned is None:
            return
        count = len(planned.assigned)
        message = f"Planned {count} term{'s' if count != 1 else ''}" if count else "Nothing to plan"
        if planned.unfilled:
            message += f"; {len(planned.unfilled)} left open (nobody free)"
        self.notify(message, title=self.AREA)
        self.refresh_data()

    def action_assign(self) -> None:
        """Assign someone to the selected stretch's seat from its first day."""
        from leadtui.services.rotations import assign

        selected = self._selected()
        if selected is None:
            return
        schedule, seg = selected
        start = max(seg.starts, self.today) if seg.covers(self.today) else seg.starts

        def save(text: str) -> None:
            assign(self.db, schedule.capacity, seg.seat, text, self.today, start)

        self._prompt(
            f"{schedule.capacity.name} seat {seg.seat} from {day_label(start, self.today)}: who?",
            save,
            "a name on the roster",
        )

    def action_swap(self) -> None:
        """Swap the selected stretch's person with another roster member from its day."""
        from leadtui.services.rotations import swap

        selected = self._selected()
        if selected is None or selected[1].person_id is None:
            self.notify("Pick a term with someone in it", title=self.AREA)
            return
        schedule, seg = selected
        start = max(seg.starts, self.today)
        name = schedule.name_of(seg.person_id)

        def save(text: str) -> None:
            swap(self.db, schedule.capacity, name, text, start)

        self._prompt(
            f"Swap {name} in {schedule.capacity.name} from {day_label(start, self.today)} with",
            save,
        )

    def _person_action(self, title: str, save_for: object, placeholder: str = "") -> None:
        selected = self._selected()
        if selected is None or selected[1].person_id is None:
            self.notify("Pick a term with someone in it", title=self.AREA)
            return
        schedule, seg = selected
        name = schedule.name_of(seg.person_id)
        self._prompt(
            title.format(name=name, capacity=schedule.capacity.name),
            lambda text: save_for(schedule, name, text),  # type: ignore[operator]
            placeholder,
        )

    def action_recognize(self) -> None:
        """Record that the selected person's term was called out."""
        from leadtui.domain.rotations_input import RecognitionDraft
        from leadtui.domain.validation import build
        from leadtui.services.rotations import recognize

        def save(schedule: CapacitySchedule, name: str, text: str) -> None:
            draft = build(RecognitionDraft, today=self.today, day=None, recognized_in=text or None)
            recognize(self.db, schedule.capacity, name, draft)

        self._person_action(
            "Recognize {name} ({capacity}) today in", save, "all-hands, qa or other"
        )

    def action_exposure(self) -> None:
        """Record that the selected person got the exposure (today)."""
        from leadtui.services.rotations import record_exposure

        selected = self._selected()
        if selected is None or selected[1].person_id is None:
            self.notify("Pick a term with someone in it", title=self.AREA)
            return
        schedule, seg = selected
        name = schedule.name_of(seg.person_id)
        done = self.guarded(lambda: record_exposure(self.db, schedule.capacity, name, self.today))
        if done is not None:
            self.notify(f"Exposure recorded for {name}", title=self.AREA, markup=False)
            self.refresh_data()

    def action_handoff(self) -> None:
        """Write the selected person's hand-off note (shared with the team's copy)."""
        from leadtui.domain.rotations_input import HandoffDraft
        from leadtui.domain.validation import build
        from leadtui.services.rotations import write_handoff

        def save(schedule: CapacitySchedule, name: str, text: str) -> None:
            write_handoff(
                self.db, schedule.capacity, name, build(HandoffDraft, text=text), self.today
            )

        self._person_action(
            "Hand-off note from {name} ({capacity})", save, "what the next person needs"
        )

    def _selected_meeting(self) -> date | None:
        hosts = self.hosts
        table = self.query_one("#rot-hosts", KeyTable)
        if hosts is None or not hosts.meetings:
            self.notify("No host rotation yet; set one with `leadtui host set`", title=self.AREA)
            return None
        return hosts.meetings[min(table.cursor_row, len(hosts.meetings) - 1)].on

    def action_skip_host(self) -> None:
        """Skip the selected week's meeting, or hold a skipped one again."""
        from leadtui.services.rotations import skip_meeting

        day = self._selected_meeting()
        if day is None or self.hosts is None:
            return
        skipped = next(m.skipped for m in self.hosts.meetings if m.on == day)
        if self.guarded(lambda: skip_meeting(self.db, day, undo=skipped)) is not None:
            what = "held again" if skipped else "skipped; nobody loses their turn"
            self.notify(f"{day_label(day, self.today)} {what}", title=self.AREA)
            self.refresh_data()

    def action_swap_host(self) -> None:
        """Swap the selected meeting's host with another week's."""
        from leadtui.services.rotations import swap_hosts

        day = self._selected_meeting()
        if day is None:
            return

        def save(text: str) -> None:
            other = parse_date(text, self.today, field="date", future=True)
            swap_hosts(self.db, day, other)

        self._prompt(
            f"Swap the host of {day_label(day, self.today)} with the week of", save, "a date"
        )
