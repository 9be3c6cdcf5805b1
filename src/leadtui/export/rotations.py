"""Rotation schedules as Markdown for the team, and a capacity's definition as TOML.

The schedule is written for the team audience: every capacity's terms per seat over the
horizon, the weekly host schedule, and who has served. Hand-off notes appear when
:func:`~leadtui.domain.privacy.reaches` lets them (a private note never leaves you).
The definition (capacity, roster by name, exceptions) is the small TOML file a team
keeps in a shared repository; :func:`leadtui.services.rotations.import_definition`
reads it back.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from leadtui.domain.dates import WEEKDAYS
from leadtui.domain.privacy import Audience, Topic, Visibility, reaches
from leadtui.domain.rotations import Segment, TermRecord
from leadtui.domain.text import control_character
from leadtui.export.markdown import block, cell, header, inline, table
from leadtui.services.rotations import CapacitySchedule, Definition, HostSchedule

if TYPE_CHECKING:
    from leadtui.store.database import Store

# The host table covers a quarter: a longer list is what the calendar file is for.
HOST_WEEKS = 13


def _record_visible(record: TermRecord | None, audience: Audience) -> str | None:
    if record is None or not record.handoff_note:
        return None
    visibility = Visibility.PRIVATE if record.handoff_private else Visibility.SHARED
    return record.handoff_note if reaches(visibility, Topic.ROTATION, audience) else None


def _seat_rows(schedule: CapacitySchedule, seat: int, today: date, until: date) -> list[list[str]]:
    rows = []
    for s in schedule.upcoming(today, until):
        if s.seat != seat:
            continue
        who = schedule.name_of(s.person_id)
        now = " (now)" if s.covers(today) else ""
        rows.append([s.starts.isoformat(), s.ends.isoformat(), cell(who) + now])
    return rows


def _served(schedule: CapacitySchedule, today: date) -> list[list[str]]:
    rows = []
    for person_id, segments in sorted(
        schedule.served(today).items(), key=lambda item: schedule.name_of(item[0]).casefold()
    ):
        last: Segment = segments[-1]
        record = schedule.records.get((person_id, last.starts))
        recognized = (
            f"{record.recognized_in.value if record.recognized_in else 'yes'} "
            f"{record.recognized_on.isoformat()}"
            if record and record.recognized_on
            else "—"
        )
        rows.append(
            [
                cell(schedule.name_of(person_id)),
                str(len(segments)),
                f"{last.starts.isoformat()} to {last.ends.isoformat()}",
                recognized,
            ]
        )
    return rows


def rotations_document(
    schedules: Sequence[CapacitySchedule],
    hosts: HostSchedule,
    today: date,
    until: date,
    audience: Audience = Audience.TEAM,
) -> str:
    """The team's rotation schedule from ``today`` to ``until``."""
    parts = [
        header("Meeting rotations", audience, today),
        f"**Horizon:** {today.isoformat()} to {until.isoformat()}",
    ]
    active = [s for s in schedules if s.capacity.active]
    if not active:
        parts.append("_No rotations yet._")
    for schedule in active:
        c = schedule.capacity
        lines = [f"## {inline(c.name)}", ""]
        if c.description:
            lines += [block(c.description), ""]
        offset = f", offset by {c.offset_months} months" if c.seats > 1 else ""
        lines.append(
            f"Terms of {c.term_months} months, {c.seats} "
            f"{'seat' if c.seats == 1 else 'seats'}{offset}, from {c.starts_on.isoformat()}."
        )
        if c.exposure:
            lines.append(f"Serving brings: {inline(c.exposure)}.")
        for seat in range(1, c.seats + 1):
            rows = _seat_rows(schedule, seat, today, until)
            lines += ["", f"### Seat {seat}", ""]
            lines.append(table(["From", "To", "Who"], rows) if rows else "_No terms._")
        notes = [
            (s, _record_visible(schedule.records.get((s.person_id, s.starts)), audience))
            for s in schedule.segments
            if s.person_id is not None and s.starts <= today
        ]
        shown = [(s, n) for s, n in notes if n]
        if shown:
            lines += ["", "### Hand-off notes", ""]
            for s, note in shown[-6:]:
                lines.append(
                    f"- {inline(schedule.name_of(s.person_id))}, seat {s.seat}: {inline(note)}"
                )
        served = _served(schedule, today)
        lines += ["", "### Who has served", ""]
        lines.append(
            table(["Person", "Terms", "Latest", "Recognized"], served)
            if served
            else "_Nobody yet._"
        )
        parts.append("\n".join(lines))
    parts.append(_hosts_section(hosts))
    return "\n\n".join(parts) + "\n"


def _hosts_section(hosts: HostSchedule) -> str:
    lines = ["## Leadership meeting hosts", ""]
    if hosts.rotation is None:
        return "\n".join([*lines, "_No host rotation yet._"])
    r = hosts.rotation
    lines.append(
        f"Every {WEEKDAYS[r.weekday].capitalize()} at {r.at_time}; the leadership team hosts "
        "in turn, and a skipped week moves everyone along."
    )
    lines.append("")
    rows = [
        [m.on.isoformat(), "skipped" if m.skipped else cell(hosts.name_of(m.person_id))]
        for m in hosts.meetings[:HOST_WEEKS]
    ]
    lines.append(table(["Date", "Host"], rows) if rows else "_No meetings ahead._")
    return "\n".join(lines)


def host_horizon(today: date, until: date) -> int:
    """How many weeks of host meetings lie between ``today`` and ``until``."""
    return max(1, (until - today) // timedelta(weeks=1) + 1)


# --- the shared definition (TOML) ------------------------------------------------------------

# TOML basic strings: backslash, quote and every control character escaped (DEL too,
# which TOML refuses raw and JSON would leave as it is).
_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\b": "\\b",
    "\t": "\\t",
    "\n": "\\n",
    "\f": "\\f",
    "\r": "\\r",
}


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string that tomllib reads back unchanged."""
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif control_character(char) is not None:
            # Controls (C0, DEL, C1) and bidi overrides as escapes: the file stays plain
            # text on a terminal or in a diff, and reads back unchanged.
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def definition_toml(definition: Definition) -> str:
    """A capacity, its roster and its exceptions, by people's names, as TOML."""
    c = definition.capacity
    lines = [
        "# A leadtui rotation: import it with `leadtui rotation import-definition FILE`.",
        "# Terms are computed from starts_on; only the exceptions below are stored.",
        "",
        "[capacity]",
        # The capacity's own id: every teammate who imports this file computes the same
        # calendar UIDs for its terms, whatever the capacity is called.
        *([f"id = {toml_string(c.uid)}"] if c.uid else []),
        f"name = {toml_string(c.name)}",
    ]
    if c.description:
        lines.append(f"description = {toml_string(c.description)}")
    lines += [
        f"term_months = {c.term_months}",
        f"seats = {c.seats}",
        f"offset_months = {c.offset_months}",
        f"starts_on = {c.starts_on.isoformat()}",
    ]
    if c.exposure:
        lines.append(f"exposure = {toml_string(c.exposure)}")
    lines.append(f"active = {'true' if c.active else 'false'}")
    for name, member in definition.members:
        lines += ["", "[[roster]]", f"person = {toml_string(name)}"]
        if member.joined_on:
            lines.append(f"joined_on = {member.joined_on.isoformat()}")
        if member.leaves_on:
            lines.append(f"leaves_on = {member.leaves_on.isoformat()}")
        if member.out_of_rotation:
            lines.append("out_of_rotation = true")
    for e, person, other in definition.exceptions:
        lines += ["", "[[exception]]", f"kind = {toml_string(e.kind.value)}"]
        lines.append(f"on = {e.on_date.isoformat()}")
        if e.seat is not None:
            lines.append(f"seat = {e.seat}")
        if person:
            lines.append(f"person = {toml_string(person)}")
        if other:
            lines.append(f"other_person = {toml_string(other)}")
    return "\n".join(lines) + "\n"


def team_rotations_document(store: Store, today: date, months: int) -> str:
    """The team's rotation schedule for ``months`` ahead, as both front ends export it."""
    from leadtui.services.rotations import horizon_until, host_schedule, schedules

    hosts = host_schedule(store, today, HOST_WEEKS)
    until = horizon_until(today, months)
    return rotations_document(schedules(store, today, months), hosts, today, until)
