"""Putting the energy journal right: editing and removing a logged day of any date,
what a relog's note replaces, and editing and removing energizing work. Real temporary
databases, today pinned."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from leadtui.domain.energy import EnergyEntry, EnergyThresholds, WorkKind
from leadtui.domain.energy_input import (
    EnergyEditDraft,
    EnergyLogDraft,
    WorkDraft,
    WorkEditDraft,
)
from leadtui.domain.validation import build
from leadtui.errors import InputError, NotFoundError
from leadtui.services.energy import (
    CREATES_WORK_WARNING,
    add_work,
    edit_energy,
    edit_work,
    entry_on,
    list_work,
    log_energy,
    remove_energy,
    remove_work,
    replaces_note,
)
from leadtui.store.database import Store
from tests.helpers import TODAY

LAST_WEEK = TODAY - timedelta(days=7)


def log(db: Store, level: int, day: date = TODAY, **fields: object) -> None:
    draft = build(EnergyLogDraft, today=TODAY, level=level, day=day, **fields)
    log_energy(db, draft, EnergyThresholds())


def edit(db: Store, day: object, **fields: object) -> EnergyEntry:
    return edit_energy(db, build(EnergyEditDraft, today=TODAY, day=day, **fields)).entry


def test_edit_a_past_day_changes_only_the_fields_given(db: Store) -> None:
    log(db, 2, LAST_WEEK, note="long week", energized_by=["pairing"], drained_by=["meetings"])
    entry = edit(db, LAST_WEEK.isoformat(), level="4", energized_by=["hiring", "demo"])
    assert entry == EnergyEntry(LAST_WEEK, 4, "long week", ("hiring", "demo"), ("meetings",))
    assert entry_on(db, LAST_WEEK) == entry


def test_edit_clears_a_note_and_a_list_with_empty_text(db: Store) -> None:
    log(db, 3, note="long week", drained_by=["meetings"])
    entry = edit(db, "today", note="", drained_by=[""])
    assert (entry.note, entry.drained_by, entry.level) == (None, (), 3)


def test_edit_refuses_a_day_not_logged_and_nothing_to_change(db: Store) -> None:
    with pytest.raises(InputError, match="nothing is logged on 2026-11-15"):
        edit(db, LAST_WEEK, level="3")
    log(db, 3)
    with pytest.raises(InputError, match="nothing to change"):
        edit(db, "today")
    with pytest.raises(InputError, match="energy level must be 1–5"):
        edit(db, "today", level="9")


def test_a_form_line_of_phrases_is_split_on_commas(db: Store) -> None:
    log(db, 4, energized_by="pairing, design review")
    assert entry_on(db, TODAY) == EnergyEntry(TODAY, 4, None, ("pairing", "design review"), ())


def test_remove_a_day_returns_what_it_held(db: Store) -> None:
    log(db, 2, LAST_WEEK, note="long week")
    assert remove_energy(db, LAST_WEEK) == EnergyEntry(LAST_WEEK, 2, "long week")
    assert entry_on(db, LAST_WEEK) is None
    with pytest.raises(InputError, match="nothing is logged"):
        remove_energy(db, LAST_WEEK)


def test_replaces_note_only_when_a_different_note_would_go() -> None:
    before = EnergyEntry(TODAY, 3, "long week")
    assert replaces_note(before, "great design review")
    assert not replaces_note(before, "long week")
    assert not replaces_note(before, None)
    assert not replaces_note(EnergyEntry(TODAY, 3), "new")
    assert not replaces_note(None, "new")


def test_edit_and_remove_energizing_work(db: Store) -> None:
    draft = build(WorkDraft, today=TODAY, title="prototype", day=TODAY, kind="coding")
    added = add_work(db, draft).work
    changes = build(
        WorkEditDraft, today=TODAY, hours="2.5", creates_work_for_other_teams=True, day="friday"
    )
    work, previous, warnings = edit_work(db, added.id, changes)
    assert (work.title, work.hours, work.kind, work.day) == (
        "prototype",
        2.5,
        WorkKind.CODING,
        date(2026, 11, 20),
    )
    assert previous == added and warnings == (CREATES_WORK_WARNING,)
    assert list_work(db) == [work]
    assert remove_work(db, added.id) == work
    assert list_work(db) == []
    with pytest.raises(NotFoundError, match="no energizing work with id"):
        remove_work(db, added.id)
    with pytest.raises(InputError, match="nothing to change"):
        edit_work(db, added.id, build(WorkEditDraft, today=TODAY))


def test_log_day_stores_the_day_as_the_form_holds_it(db: Store) -> None:
    from leadtui.services.energy import log_day, loses_note

    log(db, 3, LAST_WEEK, note="long week", drained_by=["meetings"])
    before = entry_on(db, LAST_WEEK)
    assert loses_note(before, None) and loses_note(before, "other")
    assert not loses_note(before, "long week") and not loses_note(None, "x")
    draft = build(EnergyLogDraft, today=TODAY, level="4", day=LAST_WEEK.isoformat())
    result = log_day(db, draft, EnergyThresholds())
    assert result.previous == before
    assert entry_on(db, LAST_WEEK) == EnergyEntry(LAST_WEEK, 4)
