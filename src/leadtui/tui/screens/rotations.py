"""Rotations: every capacity's seats as staggered bars, the terms around today, the next
eight weekly hosts with skip and swap, the bench and the checks; and setting them up (a
new capacity, its roster, the hosts) in forms of their own modules."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Header, Static

from leadtui.domain.dates import day_label, parse_date
from leadtui.domain.rotations import Handover, HostMeeting, RotationWarning
from leadtui.domain.text import literal
from leadtui.services.hosts import HostSchedule, host_schedule
from leadtui.services.rotations import CapacitySchedule, bench, horizon_until, schedules
from leadtui.tui.screens.base import LeadtuiScreen
from leadtui.tui.widgets.footer import Footer
from leadtui.tui.widgets.rotation_panels import (
    HostsTable,
    TermRow,
    TermsTable,
    bench_text,
    checks_text,
    empty_text,
    seats_text,
)
from leadtui.tui.widgets.rotation_timeline import TimelineColors

if TYPE_CHECKING:
    from collections.abc import Callable

    from leadtui.store.database import Store

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
    # F1's text; a Markdown file beside the other screens' help.
    HELP = (Path(__file__).parent.parent / "help" / "rotations.md").read_text(encoding="utf-8")
    BINDINGS: ClassVar[list[BindingType]] = [
        # Setting up is rare and the footer is full of the keys used every week, so these
        # are in F1, the palette and the panels' titles (the empty screen names them too).
        *(
            Binding(key, action, short, show=False, tooltip=long, id=f"rotations.{action}")
            for key, action, short, long in (
                ("N", "new_capacity", "New capacity", "Add a capacity (a rotating role)"),
                ("r", "roster", "Roster", "Change the selected capacity's roster"),
                ("H", "hosts", "Hosts", "Set who hosts the leadership meeting, and when"),
                # Once a term, not once a week: kept out of the footer so the weekly keys
                # (skip, swap host) fit whole at 120 columns.
                ("x", "exposure", "Exposure", "Record the exposure given"),
                ("h", "handoff", "Hand-off", "Write a hand-off note"),
                # Shown beside the check it fixes, which is where a person looks for it.
                (
                    "R",
                    "hand_over",
                    "Hand over",
                    "Hand a seat or host turn of someone who left to the next in line",
                ),
                # Putting a mistake right is rare too; F1 and the palette name it.
                (
                    "u",
                    "remove_exception",
                    "Remove exception",
                    "Remove an assignment, cut or swap behind the selected term or week",
                ),
            )
        ),
        *(
            Binding(key, action, short, tooltip=long, id=f"rotations.{action}")
            for key, action, short, long in (
                ("n", "plan", "Plan", "Plan the next terms"),
                ("a", "assign", "Assign", "Assign someone to the seat"),
                ("w", "swap", "Swap", "Swap the selected person with another"),
                ("c", "recognize", "Call-out", "Record recognition of the term"),
                ("s", "skip_host", "Skip week", "Skip the selected leadership meeting"),
                ("m", "swap_host", "Swap host", "Swap the selected meeting's host"),
            )
        ),
        # X exports, as on every screen; monthly at most, so F1 and the palette name it.
        Binding(
            "X",
            "export",
            "Export",
            show=False,
            tooltip="Export the team's rotation schedule (Markdown or .ics)",
            id="rotations.export",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.schedules: list[CapacitySchedule] = []
        self.hosts: HostSchedule | None = None

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with VerticalScroll(id="rot-body"):
            yield Static("", id="rot-timelines", classes="rot-panel")
            with Horizontal(id="rot-lower"):
                yield TermsTable(id="rot-terms", classes="rot-panel", cursor_type="row")
                with Vertical(id="rot-side"):
                    yield HostsTable(id="rot-hosts", classes="rot-panel", cursor_type="row")
                    yield Static("", id="rot-bench", classes="rot-panel")
            yield Static("", id="rot-checks", classes="rot-panel")
        yield Footer()

    def on_mount(self) -> None:
        """Name the screen and its panels."""
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

    # --- data ------------------------------------------------------------------------

    def refresh_data(self, keep: int | None = None) -> None:
        """Recompute every schedule and redraw the panels; the terms' cursor goes to
        capacity ``keep`` when given."""
        today = self.today
        self.schedules = [s for s in schedules(self.db, today) if s.capacity.active]
        self.hosts = host_schedule(self.db, today, HOSTS_SHOWN)
        self._draw_timelines()
        self.query_one(TermsTable).show(self.schedules, today, keep)
        self.query_one(HostsTable).show(self.hosts, today, self._key("hosts"))
        self.query_one("#rot-bench", Static).update(
            bench_text(bench(self.db, today), bool(self.schedules))
        )
        self.query_one("#rot-checks", Static).update(
            checks_text(self.schedules, self.today, self.hosts, self._key("hand_over"))
        )

    def _key(self, action: str) -> str:
        """The key an action of this screen answers to now (the keymap may move it)."""
        from leadtui.tui.keys import key_display

        binding = next(
            b for b in self.BINDINGS if isinstance(b, Binding) and b.id == f"rotations.{action}"
        )
        return key_display(self.app, self, binding)

    def _draw_timelines(self) -> None:
        panel = self.query_one("#rot-timelines", Static)
        # The hint for an empty database wraps; the timelines are drawn to the width.
        panel.set_class(not self.schedules, "-empty")
        if not self.schedules:
            keys = {a: self._key(a) for a in ("new_capacity", "roster", "plan", "hosts")}
            panel.update(empty_text(keys))
            panel.border_subtitle = ""
            return
        window = (horizon_until(self.today, -MONTHS_BACK), horizon_until(self.today, MONTHS_AHEAD))
        width = max(40, self.app.size.width - 8)
        colors = TimelineColors.from_theme(self.app.theme_variables)
        panel.update(seats_text(self.schedules, self.today, window, width, colors))
        panel.border_subtitle = f"{self._key('new_capacity')} new · {self._key('roster')} roster"

    # --- actions ---------------------------------------------------------------------

    def _selected(self, *, served: bool = False) -> TermRow | None:
        """The selected stretch; with ``served``, only one with someone in it."""
        row = self.query_one(TermsTable).selected
        if row is None:
            key = self._key("new_capacity")
            self.notify(f"No rotations yet; press {key} to add a capacity", title=self.AREA)
        elif served and row.segment.person_id is None:
            self.notify("Pick a term with someone in it", title=self.AREA)
            return None
        return row

    def action_new_capacity(self) -> None:
        """Add a capacity; its terms show at once, ready for a roster."""
        from leadtui.domain.rotations import Capacity
        from leadtui.services.rotations import add_capacity
        from leadtui.tui.dialogs.rotation_forms import CapacityForm

        def added(capacity: Capacity | None) -> None:
            if capacity is not None:
                self.refresh_data(keep=capacity.id)
                self.query_one(TermsTable).focus()
                roster = self._key("roster")
                message = f"Added {literal(capacity.name)}; {roster} puts people on its roster"
                self.notify(message, title=self.AREA, markup=False)

        form = CapacityForm(lambda draft: add_capacity(self.db, draft, self.today), self.today)
        self.app.push_screen(form, added)

    def action_roster(self) -> None:
        """Open the roster of the selected term's capacity."""
        from leadtui.tui.dialogs.rotation_roster import RosterDialog

        selected = self._selected()
        if selected is None:
            return
        capacity = selected.schedule.capacity

        def closed(changed: bool | None) -> None:
            if changed:
                self.refresh_data(capacity.id)

        self.app.push_screen(RosterDialog(capacity), closed)

    def action_hosts(self) -> None:
        """Set who hosts the weekly leadership meeting in turn, and when it is."""
        from leadtui.services.hosts import set_host_team
        from leadtui.tui.dialogs.rotation_forms import HostsForm

        def done(hosts: HostSchedule | None) -> None:
            if hosts is not None and hosts.meetings:
                self.refresh_data()
                first = next((m for m in hosts.meetings if not m.skipped), hosts.meetings[0])
                who, day = literal(hosts.name_of(first.person_id)), day_label(first.on, self.today)
                self.notify(f"Hosts set; {who} hosts next, {day}", title=self.AREA, markup=False)

        hosts = self.hosts or host_schedule(self.db, self.today, HOSTS_SHOWN)
        save = lambda draft: set_host_team(self.db, draft, self.today)  # noqa: E731
        self.app.push_screen(HostsForm(save, self.today, hosts, self._names()), done)

    def _names(self) -> list[str]:
        # The active people's names, which a prompt naming a person completes from.
        from leadtui.services.people import list_people

        return [p.name for p in list_people(self.db)]

    def _prompt(
        self,
        title: str,
        save: object,
        placeholder: str = "",
        keep: int = 0,
        names: Sequence[str] = (),
    ) -> None:
        from leadtui.tui.dialogs.text_prompt import TextPrompt

        def done(saved: bool | None) -> None:
            if saved:
                self.refresh_data(keep)

        prompt = TextPrompt(title, save, placeholder=placeholder, names=names)  # type: ignore[arg-type]
        self.app.push_screen(prompt, done)

    def action_plan(self) -> None:
        """Plan the selected capacity's next terms."""
        from leadtui.services.rotations import plan

        selected = self._selected()
        if selected is None:
            return
        capacity = selected.schedule.capacity
        planned = self.guarded(lambda: plan(self.db, capacity, self.today))
        if planned is None:
            return
        count = len(planned.assigned)
        message = f"Planned {count} term{'s' if count != 1 else ''}" if count else "Nothing to plan"
        if planned.unfilled:
            message += f"; {len(planned.unfilled)} left open (nobody free)"
        self.notify(message, title=self.AREA)
        self.refresh_data(capacity.id)

    def action_assign(self) -> None:
        """Assign someone to the selected stretch's seat from its first day."""
        from leadtui.services.rotations import assign

        selected = self._selected()
        if selected is None:
            return
        capacity, seg = selected.schedule.capacity, selected.segment
        start = max(seg.starts, self.today) if seg.covers(self.today) else seg.starts

        def save(text: str) -> None:
            assign(self.db, capacity, seg.seat, text, self.today, start)

        self._prompt(
            f"{literal(capacity.name)} seat {seg.seat} from {day_label(start, self.today)}: who?",
            save,
            "a name on the roster",
            capacity.id,
            self._names(),
        )

    def action_swap(self) -> None:
        """Swap the selected stretch's person with another roster member from its day."""
        from leadtui.services.rotations import swap

        selected = self._selected(served=True)
        if selected is None:
            return
        schedule, seg = selected
        start = max(seg.starts, self.today)
        name = schedule.name_of(seg.person_id)

        def save(text: str) -> None:
            swap(self.db, schedule.capacity, name, text, start)

        self._prompt(
            f"Swap {literal(name)} in {literal(schedule.capacity.name)} from "
            f"{day_label(start, self.today)} with",
            save,
            keep=schedule.capacity.id,
            names=self._names(),
        )

    def action_remove_exception(self) -> None:
        """Remove an exception (an assignment, a cut, a swap) behind the selected stretch,
        asking first: the computed schedule is back for it."""
        from leadtui.services.rotations import stretch_exceptions, undo_exception
        from leadtui.tui.dialogs.choose import ChooseScreen
        from leadtui.tui.dialogs.confirm import ConfirmScreen

        if isinstance(self.focused, HostsTable):
            self._remove_host_swap()
            return
        selected = self._selected()
        if selected is None:
            return
        capacity, seg = selected.schedule.capacity, selected.segment
        found = stretch_exceptions(self.db, capacity, seg)
        if not found:
            self.notify(
                "Nothing to remove: this term follows the plan (no assignment, cut or swap)",
                title=self.AREA,
            )
            return

        def ask(index: int | None) -> None:
            if index is None:
                return
            shaping = found[index]

            def answered(yes: bool | None) -> None:
                if not yes:
                    return
                removed = self.guarded(lambda: undo_exception(self.db, capacity, shaping.exception))
                if removed is not None:
                    self.notify(f"Removed {removed}", title=self.AREA, markup=False)
                    self.refresh_data(capacity.id)

            question = f"Remove the {shaping.text} in {capacity.name}?"
            detail = "The seat goes back to the computed schedule for it."
            self.app.push_screen(ConfirmScreen(question, detail, yes="Remove"), answered)

        if len(found) == 1:
            ask(0)
            return
        labels = [f.text for f in found]
        self.app.push_screen(ChooseScreen(f"Remove from {capacity.name}", labels), ask)

    def _remove_host_swap(self) -> None:
        """The hosts table's exception: the selected week's host swap, asking first (a
        skipped week is held again with s)."""
        from leadtui.services.hosts import swap_hosts, swapped_with
        from leadtui.tui.dialogs.confirm import ConfirmScreen

        meeting = self._selected_meeting()
        if meeting is None:
            return
        other = swapped_with(self.db, meeting.on)
        if other is None:
            key = self._key("skip_host")
            self.notify(
                f"Nothing to remove: this week's host is not swapped ({key} skips or holds it)",
                title=self.AREA,
            )
            return
        first, second = meeting.on, other

        def answered(yes: bool | None) -> None:
            if yes and self.guarded(lambda: swap_hosts(self.db, first, second, undo=True)):
                days = f"{day_label(first, self.today)} and {day_label(second, self.today)}"
                self.notify(f"Removed the host swap of {days}", title=self.AREA, markup=False)
                self.refresh_data()

        question = (
            f"Remove the host swap of {day_label(first, self.today)} and "
            f"{day_label(second, self.today)}?"
        )
        detail = "Both weeks get their hosts in turn back."
        self.app.push_screen(ConfirmScreen(question, detail, yes="Remove"), answered)

    def _person_action(self, title: str, save_for: object, placeholder: str = "") -> None:
        selected = self._selected(served=True)
        if selected is None:
            return
        schedule, seg = selected
        name = schedule.name_of(seg.person_id)
        self._prompt(
            title.format(name=literal(name), capacity=literal(schedule.capacity.name)),
            lambda text: save_for(schedule, name, text),  # type: ignore[operator]
            placeholder,
            schedule.capacity.id,
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

        selected = self._selected(served=True)
        if selected is None:
            return
        capacity = selected.schedule.capacity
        name = selected.schedule.name_of(selected.segment.person_id)
        done = self.guarded(lambda: record_exposure(self.db, capacity, name, self.today))
        if done is not None:
            self.notify(f"Exposure recorded for {literal(name)}", title=self.AREA, markup=False)
            self.refresh_data(capacity.id)

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

    def _selected_meeting(self) -> HostMeeting | None:
        meeting = self.query_one(HostsTable).selected
        if meeting is None:
            key = self._key("hosts")
            self.notify(f"No hosts yet; press {key} to set who hosts", title=self.AREA)
        return meeting

    def action_skip_host(self) -> None:
        """Skip the selected week's meeting, or hold a skipped one again."""
        from leadtui.services.hosts import skip_meeting

        meeting = self._selected_meeting()
        if meeting is None:
            return
        day, skipped = meeting.on, meeting.skipped
        if self.guarded(lambda: skip_meeting(self.db, day, undo=skipped)) is not None:
            what = "held again" if skipped else "skipped; nobody loses their turn"
            self.notify(f"{day_label(day, self.today)} {what}", title=self.AREA)
            self.refresh_data()

    def action_swap_host(self) -> None:
        """Swap the selected meeting's host with another week's."""
        from leadtui.services.hosts import swap_hosts

        meeting = self._selected_meeting()
        if meeting is None:
            return
        day = meeting.on

        def save(text: str) -> None:
            other = parse_date(text, self.today, field="date", future=True)
            swap_hosts(self.db, day, other)

        self._prompt(
            f"Swap the host of {day_label(day, self.today)} with the week of", save, "a date"
        )

    def _fixable(self) -> list[RotationWarning]:
        """Seats and host turns held by someone who left that one change fixes: the
        selected term's first, then the other seats in order, then host turns."""
        from leadtui.tui.widgets.rotation_panels import has_fix

        hosts = self.hosts.warnings if self.hosts else []
        found = [
            w for w in [*(w for s in self.schedules for w in s.warnings), *hosts] if has_fix(w)
        ]
        row = self.query_one(TermsTable).selected
        if row is None:
            return found

        def selected_first(w: RotationWarning) -> bool:
            fix = w.fix
            return not (
                isinstance(fix, Handover)
                and fix.capacity_id == row.schedule.capacity.id
                and fix.seat == row.segment.seat
                and row.segment.covers(fix.from_date)
            )

        return sorted(found, key=selected_first)

    def action_hand_over(self) -> None:
        """Hand the seat (or host turns) of someone who left to the planner's next pick:
        the selected term's when its holder left, else the first such check."""
        from leadtui.services.rotation_feeds import hand_over
        from leadtui.services.rotations import Assigned

        fixable = self._fixable()
        if not fixable:
            self.notify("Nobody who left holds a seat or a host turn", title=self.AREA)
            return
        fix = fixable[0].fix
        assert fix is not None
        done = self.guarded(lambda: hand_over(self.db, fix, self.today))
        if done is None:
            return
        if isinstance(done, Assigned) and done.person is not None:
            message = (
                f"{done.person.display_name} serves {literal(done.capacity.name)} seat "
                f"{done.seat} from {day_label(done.starts, self.today)}"
            )
        else:
            message = "Hosts set again without who left"
        self.notify(message, title=self.AREA, markup=False)
        self.refresh_data(fix.capacity_id if isinstance(fix, Handover) else None)

    def action_export(self) -> None:
        """Export the team's rotation schedule for the next twelve months, as Markdown or
        as an iCalendar file, as `leadtui export rotations [--ics]` writes it. The .ics
        records what it published, so the next one numbers its changes from it."""
        from datetime import UTC, datetime

        from leadtui.config import calendar_time_zone
        from leadtui.export.ics import rotations_ics
        from leadtui.export.rotations import team_rotations_document
        from leadtui.services.calendar import TeamCalendar, publish_rotation_calendar
        from leadtui.services.rotations import DEFAULT_MONTHS
        from leadtui.tui.dialogs.export_prompt import MARKDOWN_OR_ICS, Copy, ask_export

        today, months = self.today, DEFAULT_MONTHS
        zone = calendar_time_zone(self.leadtui.settings)

        def deliver(store: Store, copy: Copy, write: Callable[[str], Path]) -> Path:
            if copy.extension != "ics":
                return write(team_rotations_document(store, today, months))

            def write_calendar(calendar: TeamCalendar) -> Path:
                return write(rotations_ics(calendar, datetime.now(UTC)))

            return publish_rotation_calendar(store, today, zone, months, write_calendar)

        ask_export(
            self,
            "team's rotation schedule",
            "rotations-team.md",
            copies=MARKDOWN_OR_ICS,
            deliver=deliver,
            named={"markdown": "team's rotation schedule", "ics": "team's rotation calendar"},
        )
