"""Rotation schedules as Markdown for the team.

The schedule is written for the team audience: every capacity's terms per seat over the
horizon, the weekly host schedule, and who has served. Hand-off notes appear when
:func:`~leadtui.domain.privacy.reaches` lets them (a private note never leaves you).
A capacity's shared definition file is :mod:`leadtui.export.rotation_definitions`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from leadtui.domain.dates import WEEKDAYS
from leadtui.domain.privacy import Audience, Topic, Visibility, reaches
from leadtui.domain.rotations import Segment, TermRecord
from leadtui.export.markdown import block, cell, header, inline, table
from leadtui.services.hosts import HostSchedule
from leadtui.services.rotations import CapacitySchedule

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


def team_rotations_document(store: Store, today: date, months: int) -> str:
    """The team's rotation schedule for ``months`` ahead, as both front ends export it."""
    from leadtui.services.hosts import host_schedule
    from leadtui.services.rotations import horizon_until, schedules

    hosts = host_schedule(store, today, HOST_WEEKS)
    until = horizon_until(today, months)
    return rotations_document(schedules(store, today, months), hosts, today, until)
