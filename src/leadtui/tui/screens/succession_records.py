"""What can be put right on each Succession tab: the records of the row under the cursor
(a report's gaps, focus areas, candidacy, CEO log entries and milestones; a meeting and
its decision; a vacation and its hand-overs), each with how to edit it and how to remove
it. The screen asks which one (straight to it when there is one), opens the edit's
prompt or asks before the removal; every write goes through services.succession.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, NamedTuple, Protocol

from leadtui.domain.dates import short_day_label
from leadtui.domain.text import literal, plural
from leadtui.services import succession as su
from leadtui.services.succession import Removed

if TYPE_CHECKING:
    from textual.screen import ModalScreen

    from leadtui.domain.people import Person
    from leadtui.domain.succession import Meeting, Vacation
    from leadtui.domain.succession_input import (
        CareerDraft,
        CeoDraft,
        FocusDraft,
        GapDraft,
        MeetingDraft,
        MilestoneDraft,
        VacationDraft,
    )
    from leadtui.services.succession import PersonSuccession, SuccessionOverview
    from leadtui.store.database import Store
    from leadtui.tui.dialogs.succession_prompts import Handover


class RecordsScreen(Protocol):
    """What the records ask of the Succession screen (typed here, not imported: the screen
    imports this module)."""

    overview: SuccessionOverview | None

    @property
    def db(self) -> Store:
        """The open database."""
        ...

    @property
    def today(self) -> date:
        """The app's today."""
        ...

    def ask_prompt(
        self, prompt: ModalScreen[bool | None], then: Callable[[bool], None] | None = None
    ) -> None:
        """Open ``prompt``; reload once saved (or run ``then``)."""
        ...

    def show_notice(self, notice: str | None) -> None:
        """Say what a change also did, if anything."""
        ...

    def resolve_name(self, name: str) -> Person:
        """The person a typed name means."""
        ...

    def active_names(self) -> list[str]:
        """The active people's names."""
        ...

    def audit_one(self, meeting: Meeting) -> None:
        """Audit ``meeting``."""
        ...

    def action_candidate(self) -> None:
        """Edit the selected report's candidacy."""
        ...


class Record(NamedTuple):
    """One record on a tab: its label in the chooser, how to edit it (opens a prompt)
    and how to remove it (None: it cannot be), and what else a removal takes."""

    label: str
    edit: Callable[[], None] | None
    remove: Callable[[], Removed] | None
    detail: str = ""


def _one_line(text: str, width: int = 60) -> str:
    shown = literal(text)
    return shown if len(shown) <= width else shown[: width - 1] + "…"


def bench_records(screen: RecordsScreen, row: PersonSuccession) -> list[Record]:
    """The report's gaps, this half's focus areas, candidacy, CEO log entries and career
    milestones."""
    from leadtui.domain.succession_input import (
        CareerDraft,
        CeoDraft,
        FocusDraft,
        GapDraft,
        MilestoneDraft,
        split_slash,
    )
    from leadtui.domain.validation import build
    from leadtui.tui.dialogs.succession_prompts import EditPrompt

    db, person, today = screen.db, row.person, screen.today
    name = person.display_name
    records: list[Record] = []
    for g in row.gaps:

        def edit_gap(number: int = g.number, text: str = g.text, vis: str = g.visibility) -> None:
            def read(line: str) -> GapDraft:
                return build(GapDraft, text=line, visibility=vis)

            def save(draft: GapDraft) -> None:
                su.edit_gap(db, person, number, draft)

            screen.ask_prompt(EditPrompt(f"Gap {number} for {name}", text, "the gap", read, save))

        def remove_gap(number: int = g.number) -> Removed:
            return su.remove_gap(db, person, number)

        records.append(
            Record(
                f"Gap {g.number} ({g.status.value}): {_one_line(g.text)}",
                edit_gap,
                remove_gap,
                "Its dated changes go with it; a focus area taken from it keeps its words.",
            )
        )
    for f in row.focus:

        def edit_focus(focus_id: int = f.id, text: str = f.text, half: str = f.half) -> None:
            def read(line: str) -> FocusDraft:
                return build(FocusDraft, text=line)

            def save(draft: FocusDraft) -> None:
                su.edit_focus(db, focus_id, draft)

            title = f"Focus for {name}, {half}"
            screen.ask_prompt(EditPrompt(title, text, "the area agreed", read, save))

        def remove_focus(focus_id: int = f.id) -> Removed:
            return su.remove_focus(db, focus_id)

        records.append(Record(f"Focus {f.half}: {_one_line(f.text)}", edit_focus, remove_focus))
    c = row.candidate
    if c is not None:
        pending = f", ready pending {literal(c.pending)}" if c.pending else ""

        def clear() -> Removed:
            su.clear_candidate(db, person)
            return Removed(f"{name}'s candidacy: off the bench")

        records.append(
            Record(f"Candidacy: {c.readiness.value}{pending}", screen.action_candidate, clear)
        )
    overview = screen.overview
    notes = [n for n in overview.ceo_log if n.person_id == person.id] if overview else []
    for n in reversed(notes):

        def edit_note(
            note_id: int = n.id, text: str = n.text, day: object = n.noted_on, kind: str = n.kind,
            vis: str = n.visibility,
        ) -> None:  # fmt: skip
            def read(line: str) -> CeoDraft:
                return build(CeoDraft, today=today, text=line, day=day, kind=kind, visibility=vis)

            def save(draft: CeoDraft) -> None:
                su.edit_ceo_note(db, note_id, draft)

            screen.ask_prompt(EditPrompt(f"CEO log: {name}", text, "what was raised", read, save))

        def remove_note(note_id: int = n.id) -> Removed:
            return su.remove_ceo_note(db, note_id)

        said = short_day_label(n.noted_on, today)
        records.append(Record(f"CEO log {said}: {_one_line(n.text)}", edit_note, remove_note))
    plan = row.plan
    if plan is not None:

        def edit_goal(goal: str = plan.goal or "") -> None:
            def read(line: str) -> CareerDraft:
                return build(CareerDraft, today=today, goal=line)

            def save(draft: CareerDraft) -> None:
                screen.show_notice(su.update_career(db, person, draft, today).notice)

            screen.ask_prompt(EditPrompt(f"Career goal for {name}", goal, "the goal", read, save))

        def remove_plan() -> Removed:
            return su.remove_career_plan(db, person)

        goal = f": {_one_line(plan.goal, 40)}" if plan.goal else ""
        records.append(
            Record(
                f"Career path ({plan.status.value}){goal}",
                edit_goal,
                remove_plan,
                "Its goal, steps and milestones go with it.",
            )
        )
    milestones = plan.milestones if plan else ()
    for m in milestones:
        target = f" / {m.target_on.isoformat()}" if m.target_on else ""

        def edit_milestone(number: int = m.number, value: str = m.text + target) -> None:
            def read(line: str) -> MilestoneDraft:
                text, day = split_slash(line)
                return build(MilestoneDraft, today=today, text=text, target_on=day)

            def save(draft: MilestoneDraft) -> None:
                su.edit_milestone(db, person, number, draft)

            title = f"Milestone {number} for {name}"
            screen.ask_prompt(
                EditPrompt(title, value, "the milestone / its target date", read, save)
            )

        def remove_milestone(number: int = m.number) -> Removed:
            return su.remove_milestone(db, person, number)

        records.append(
            Record(f"Milestone {m.number}: {_one_line(m.text)}", edit_milestone, remove_milestone)
        )
    return records


def meeting_records(
    screen: RecordsScreen, meeting: Meeting, overview: SuccessionOverview
) -> list[Record]:
    """The meeting itself and this quarter's decision on it."""
    from leadtui.domain.succession_input import MeetingDraft, split_slash
    from leadtui.domain.validation import build
    from leadtui.tui.dialogs.succession_prompts import EditPrompt

    db = screen.db

    def edit_meeting() -> None:
        def read(line: str) -> MeetingDraft:
            name, kind = split_slash(line)
            return build(
                MeetingDraft,
                name=name,
                kind=kind or meeting.kind.value,
                cadence=meeting.cadence,
                role=meeting.role.value,
            )

        def save(draft: MeetingDraft) -> None:
            su.edit_meeting(db, meeting.name, draft)

        value = f"{meeting.name} / {meeting.kind.value}"
        screen.ask_prompt(
            EditPrompt("Recurring meeting", value, "Eng staff / leadership", read, save)
        )

    def remove_meeting() -> Removed:
        return su.remove_meeting(db, meeting.name)

    name = _one_line(meeting.name)
    records = [
        Record(
            f"Meeting: {name} ({meeting.kind.value})",
            edit_meeting,
            remove_meeting,
            "Every audit decision on it goes with it.",
        )
    ]
    audit = overview.audits.get(meeting.id)
    if audit is not None:

        def edit_audit() -> None:
            screen.audit_one(meeting)

        def clear_audit() -> Removed:
            return su.clear_audit(db, meeting.name, overview.quarter)

        records.append(
            Record(
                f"Decision {overview.quarter}: {audit.decision.value}",
                edit_audit,
                clear_audit,
                "The meeting is to audit again this quarter.",
            )
        )
    return records


def vacation_records(
    screen: RecordsScreen, vacation: Vacation, overview: SuccessionOverview
) -> list[Record]:
    """The vacation's days and each hand-over."""
    from leadtui.domain.succession_input import VacationDraft
    from leadtui.domain.validation import build
    from leadtui.tui.dialogs.succession_prompts import CoverPrompt, EditPrompt

    db, today, start = screen.db, screen.today, vacation.starts_on

    def edit_days() -> None:
        def read(line: str) -> VacationDraft:
            first, _, last = line.strip().partition(" ")
            return build(
                VacationDraft,
                today=today,
                starts_on=first,
                ends_on=last.strip() or None,
                no_chiming_in=vacation.no_chiming_in,
            )

        def save(draft: VacationDraft) -> None:
            screen.show_notice(su.edit_vacation(db, start, draft).notice)

        value = f"{start.isoformat()} {vacation.ends_on.isoformat()}"
        screen.ask_prompt(
            EditPrompt("Vacation: first and last day", value, "START END", read, save)
        )

    def remove_vacation() -> Removed:
        return su.remove_vacation(db, start)

    handed = len(vacation.covers)
    records = [
        Record(
            f"Vacation {start.isoformat()} to {vacation.ends_on.isoformat()}",
            edit_days,
            remove_vacation,
            f"Its {plural(handed, 'hand-over')} go with it." if handed else "",
        )
    ]
    for c in vacation.covers:
        who = overview.people[c.person_id].name if c.person_id else None

        def edit_cover(responsibility: str = c.responsibility, who: str | None = who) -> None:
            def save(handover: Handover) -> None:
                su.edit_cover(db, start, responsibility, handover.draft, handover.person)

            value = literal(responsibility) + (f" / {literal(who)}" if who else "")
            names = screen.active_names()
            prompt = CoverPrompt(vacation, screen.resolve_name, save, value=value, names=names)
            screen.ask_prompt(prompt)

        def remove_cover(responsibility: str = c.responsibility) -> Removed:
            return su.remove_cover(db, start, responsibility)

        shown = f"{_one_line(c.responsibility, 40)} → {literal(who) if who else 'nobody yet'}"
        records.append(Record(f"Hand-over: {shown}", edit_cover, remove_cover))
    return records
