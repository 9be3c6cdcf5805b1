"""The Rotations screen's panels: what they show, built from the schedules they are given.

Rich text and table cells with text styles only (bold, italic, dim); the timelines'
colours are the theme's, handed in by the screen. The two tables keep the rows they show,
so the screen asks them which one is selected.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import NamedTuple

from rich.cells import cell_len
from rich.text import Text
from textual import events

from leadtui.domain.dates import day_label, short_day_label, weekday_name
from leadtui.domain.people import Person
from leadtui.domain.rotations import (
    LEAD_DAYS,
    Check,
    Handover,
    HostMeeting,
    HostReorder,
    RotationWarning,
    Segment,
)
from leadtui.domain.text import literal
from leadtui.services.hosts import HostSchedule
from leadtui.services.rotations import CapacitySchedule, horizon_until
from leadtui.tui.widgets.key_table import KeyTable, cropped
from leadtui.tui.widgets.rotation_timeline import TimelineColors, timeline

# The terms table shows stretches that ended up to four months ago (a term just over,
# still to be recognized) and those starting within a year.
_BACK_DAYS = 120
_AHEAD_MONTHS = 12
_PER_CAPACITY = 8


class TermRow(NamedTuple):
    """One stretch of one seat, as a row of the terms table."""

    schedule: CapacitySchedule
    segment: Segment


def empty_text(keys: Mapping[str, str]) -> Text:
    """The first-run hint: the keys that set rotations up, one a line. ``keys`` maps
    actions to the keys they answer to now (after the keymap)."""
    text = Text("No rotations yet. To start:", style="bold")
    steps = (
        ("new_capacity", "add a capacity: a process people serve in turns, e.g. Incident Review"),
        ("roster", "put people on its roster"),
        ("plan", "plan who serves its terms"),
        ("hosts", "set who hosts the weekly leadership meeting"),
    )
    width = max(len(keys.get(action, "?")) for action, _ in steps)
    for action, what in steps:
        text.append("\n")
        text.append(keys.get(action, "?").ljust(width + 2), style="bold")
        text.append(what)
    return text


def seats_text(
    schedules: Sequence[CapacitySchedule],
    today: date,
    window: tuple[date, date],
    width: int,
    colors: TimelineColors,
) -> Text:
    """Each capacity's name and shape, then its seats as bars over ``window``."""
    first, last = window
    text = Text()
    for i, schedule in enumerate(schedules):
        c = schedule.capacity
        if i:
            text.append("\n\n")
        text.append(literal(c.name), style="bold")
        text.append(
            f"  {c.term_months}-month terms, {c.seats} seats, offset {c.offset_months}",
            style="dim",
        )
        text.append("\n")
        text.append_text(timeline(schedule, today, first, last, width, colors))
    return text


def term_rows(schedules: Sequence[CapacitySchedule], today: date) -> list[TermRow]:
    """Per capacity the stretch in each seat now, the one before it (for recognition) and
    the next ones, in the order they start."""
    rows: list[TermRow] = []
    until = horizon_until(today, _AHEAD_MONTHS)
    for schedule in schedules:
        window = [
            s
            for s in schedule.segments
            if s.ends >= today - timedelta(days=_BACK_DAYS) and s.starts <= until
        ]
        rows.extend(TermRow(schedule, seg) for seg in window[:_PER_CAPACITY])
    rows.sort(key=lambda row: (row.segment.starts, row.schedule.capacity.name, row.segment.seat))
    return rows


def current_row(rows: Sequence[TermRow], today: date) -> int:
    """The first row not over yet: where the cursor starts."""
    return next((i for i, row in enumerate(rows) if row.segment.ends >= today), 0)


def term_cells(row: TermRow, today: date) -> tuple[Text, str, str, str, Text]:
    """Capacity, seat, from, to and who, with now / soon marked and the past dimmed."""
    schedule, seg = row
    who = Text(literal(schedule.name_of(seg.person_id)))
    if seg.person_id is None:
        who.stylize("italic")
    if seg.covers(today):
        who.append(" (now)", style="bold")
    elif today <= seg.starts <= today + timedelta(days=LEAD_DAYS):
        who.append(" (soon)", style="bold")
    elif seg.ends < today:
        who.stylize("dim")
    return (
        Text(literal(schedule.capacity.name)),
        str(seg.seat),
        short_day_label(seg.starts, today),
        short_day_label(seg.ends, today),
        who,
    )


def host_rows(hosts: HostSchedule, today: date) -> list[tuple[str, Text]]:
    """Week and host for each meeting shown; skipped weeks and swapped hosts marked."""
    rows: list[tuple[str, Text]] = []
    for m in hosts.meetings:
        name = (
            Text("skipped", style="italic dim")
            if m.skipped
            else Text(literal(hosts.name_of(m.person_id)))
        )
        if m.swapped:
            name.append(" ⇄", style="bold")
        rows.append((day_label(m.on, today), name))
    return rows


def bench_text(people: Sequence[Person], any_capacity: bool) -> Text:
    """Who has never served, or why nobody is listed."""
    if people:
        return Text(" · ".join(p.display_name for p in people))
    return Text("Everyone has served." if any_capacity else "Nobody on a roster yet.")


def has_fix(warning: RotationWarning) -> bool:
    """True when one change fixes the warning: someone who left holds a seat and someone
    is free to take it, or holds host turns and others are left to host."""
    fix = warning.fix
    if isinstance(fix, Handover):
        return fix.replacement_id is not None
    return isinstance(fix, HostReorder) and bool(fix.people)


def checks_text(
    schedules: Sequence[CapacitySchedule],
    today: date,
    hosts: HostSchedule | None = None,
    hand_over_key: str = "",
) -> Text:
    """Every check that fails, one line each, or that all pass; a seat or host turn held
    by someone who left says which key hands it over."""
    # Seats and turns held by someone who left first, in the order the hand-over key
    # takes them: seats, then the meeting.
    warnings = [*(w for s in schedules for w in s.warnings), *(hosts.warnings if hosts else [])]
    warnings.sort(key=lambda w: w.check is not Check.LEFT)
    if not warnings:
        return Text("All checks pass.", style="bold")
    text = Text()
    for i, w in enumerate(warnings):
        if i:
            text.append("\n")
        text.append("! ", style="bold")
        text.append(literal(w.words.as_shown(today)))
        if hand_over_key and has_fix(w):
            text.append(f" · {hand_over_key} hands it over", style="bold")
    return text


class TermsTable(KeyTable):
    """The stretches around today; the cursor picks the one the screen's keys act on."""

    # Not `rows`: DataTable keeps its own under that name.
    terms: Sequence[TermRow] = ()
    _cells: Sequence[tuple[Text, str, str, str, Text]] = ()
    _HEADERS = ("Capacity", "Seat", "From", "To", "Who")

    def show(
        self, schedules: Sequence[CapacitySchedule], today: date, keep: int | None = None
    ) -> None:
        """Show the terms; the cursor goes to capacity ``keep``'s first stretch not over
        yet, or to the first stretch not over yet."""
        self.terms = term_rows(schedules, today)
        self._cells = [term_cells(row, today) for row in self.terms]
        self._fill()
        if not self.terms:
            return
        start = current_row(self.terms, today)
        kept = [i for i, r in enumerate(self.terms) if r.schedule.capacity.id == keep]
        self.move_cursor(row=next((i for i in kept if i >= start), kept[0]) if kept else start)

    def _fill(self) -> None:
        """Put the rows in, the Who cells cut with an ellipsis to the room the other
        columns leave: wider, the table would run past the panel's edge and a name (and
        its "(now)") would be cut off there with no sign of it."""
        # Columns too: a column keeps the width of the widest cell it ever held.
        self.clear(columns=True)
        self.add_columns(*self._HEADERS)
        room = self._who_room()
        for *first, who in self._cells:
            self.add_row(*first, who if room is None else cropped(who, room))

    def _who_room(self) -> int | None:
        """Cells the Who column's text may take, or None before the table has a size."""
        # The vertical scrollbar's columns are kept free whether or not it shows yet.
        width = self.size.width - self.styles.scrollbar_size_vertical
        if width <= 0 or not self._cells:
            return None
        padding = 2 * self.cell_padding
        others = sum(
            max(cell_len(self._HEADERS[i]), *(cell_len(str(row[i])) for row in self._cells))
            + padding
            for i in range(4)
        )
        return max(width - others - padding, cell_len(self._HEADERS[4]))

    def on_resize(self, event: events.Resize) -> None:
        """Cut the names again to the new width, the cursor staying on its row."""
        if self._cells:
            row = self.cursor_row
            self._fill()
            self.move_cursor(row=row)

    @property
    def selected(self) -> TermRow | None:
        """The row under the cursor, if there are any."""
        terms = self.terms
        return terms[min(self.cursor_row, len(terms) - 1)] if terms else None


class HostsTable(KeyTable):
    """The next leadership meetings and their hosts; the title says the day and time."""

    meetings: Sequence[HostMeeting] = ()

    def show(self, hosts: HostSchedule, today: date, hosts_key: str) -> None:
        """Show the meetings; ``hosts_key`` is the key that sets the hosts."""
        if not self.columns:
            self.add_columns("Week", "Host")
        self.clear()
        self.meetings = hosts.meetings
        for week, host in host_rows(hosts, today):
            self.add_row(week, host)
        current = hosts.rotation
        self.border_subtitle = (
            f"{weekday_name(current.weekday)}s {current.at_time} · {hosts_key} changes"
            if current is not None
            else f"{hosts_key} sets who hosts"
        )

    @property
    def selected(self) -> HostMeeting | None:
        """The meeting under the cursor, if there are any."""
        meetings = self.meetings
        return meetings[min(self.cursor_row, len(meetings) - 1)] if meetings else None
