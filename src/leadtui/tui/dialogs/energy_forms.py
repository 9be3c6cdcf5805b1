"""The Energy screen's dialogs for putting a day right: the log form (any day, with a
note and what energized or drained it), asking before a note is replaced or a day
removed, and the list of energizing work to edit or remove."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import ClassVar

from rich.text import Text

from leadtui.domain.energy import EnergizingWork, EnergyEntry
from leadtui.domain.energy_input import EnergyLogDraft
from leadtui.domain.text import literal
from leadtui.tui.dialogs.confirm import ConfirmScreen
from leadtui.tui.dialogs.forms import FieldSpec, SaveDraftForm


class EnergyLogForm(SaveDraftForm[EnergyLogDraft, EnergyLogDraft]):
    """One day as it is to be stored: level, day (typed as on the command line: an ISO
    date, yesterday, monday …), note, and what energized or drained it. Saving hands the
    checked draft back to the screen, which asks before a note is replaced."""

    FORM_ID = "energy-log-form"
    DRAFT = EnergyLogDraft
    SAVE_LABEL = "Log"
    SPEC: ClassVar[Mapping[str, FieldSpec]] = {
        "level": FieldSpec("Level", placeholder="1 (drained) to 5 (energized)"),
        "day": FieldSpec("Date", placeholder="today, yesterday, monday, 2026-11-20 …"),
        "note": FieldSpec("Note", placeholder="what made the day", when_blank=None),
        "energized_by": FieldSpec(
            "Energized by", placeholder="pairing, design review …", when_blank=()
        ),
        "drained_by": FieldSpec("Drained by", placeholder="back-to-back meetings …", when_blank=()),
    }

    def __init__(self, day: date, entry: EnergyEntry | None, today: date) -> None:
        values: dict[str, object] = {"day": day}
        if entry is not None:
            values |= {
                "level": entry.level,
                "note": entry.note,
                "energized_by": ", ".join(entry.energized_by),
                "drained_by": ", ".join(entry.drained_by),
            }
        super().__init__("Log a day", lambda draft: draft, today=today, values=values)


def confirm_note_replaced(previous: EnergyEntry, note: str | None) -> ConfirmScreen:
    """Asking before a day's note is replaced (or cleared) by the log form."""
    said = f"“{literal(note)}”" if note else "no note"
    return ConfirmScreen(
        f"Replace the note of {previous.day.isoformat()}?",
        f"It says “{literal(previous.note or '')}”; it would become {said}.",
        yes="Replace",
    )


def confirm_day_removal(entry: EnergyEntry) -> ConfirmScreen:
    """Asking before a logged day goes."""
    note = f" “{literal(entry.note)}”" if entry.note else ""
    return ConfirmScreen(
        f"Remove the entry for {entry.day.isoformat()}?",
        f"Level {entry.level}{note} and what energized or drained the day.",
        yes="Remove",
    )


def confirm_work_removal(work: EnergizingWork) -> ConfirmScreen:
    """Asking before a piece of energizing work goes."""
    return ConfirmScreen(
        "Remove this energizing work?",
        f"{work.day.isoformat()} · {work.hours:g} h {work.kind.value} · “{literal(work.title)}”",
        yes="Remove",
    )


def work_label(work: EnergizingWork) -> Text:
    """One piece of work in the list to put right."""
    label = Text(f"{work.day.isoformat()}  {work.hours:>4g} h  {work.kind.value:<10} ")
    label.append(literal(work.title))
    if work.creates_work_for_other_teams:
        label.append(" (creates work for other teams)", style="italic dim")
    return label


def work_values(work: EnergizingWork) -> dict[str, object]:
    """A piece of work as the work form shows it, to edit."""
    return {
        "title": work.title,
        "hours": f"{work.hours:g}",
        "kind": work.kind,
        "day": work.day,
        "creates_work_for_other_teams": work.creates_work_for_other_teams,
    }
