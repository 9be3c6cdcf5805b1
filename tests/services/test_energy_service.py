"""Every energy use case on a real database with today pinned."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from leadtui.domain.energy import DayKind, EnergyEntry, EnergyState, EnergyThresholds, WorkKind
from leadtui.domain.energy_input import EnergyLogDraft, EnergyNoteDraft, WorkDraft
from leadtui.domain.validation import build
from leadtui.errors import InputError
from leadtui.services.energy import (
    CREATES_WORK_WARNING,
    add_work,
    check_energy,
    chosen_quarter,
    energy_overview,
    entry_on,
    entry_to_annotate,
    list_work,
    log_energy,
    quarter_review,
    recent_entries,
    set_note,
)
from leadtui.store.database import Store
from leadtui.store.energy import EnergyRepository
from tests.helpers import TODAY

T = EnergyThresholds()
YESTERDAY = TODAY - timedelta(days=1)


def log(db: Store, level: int, day: date = TODAY, **fields: Any) -> Any:
    return log_energy(db, build(EnergyLogDraft, today=TODAY, level=level, day=day, **fields), T)


def work(db: Store, title: str, day: date = TODAY, **fields: Any) -> Any:
    return add_work(db, build(WorkDraft, today=TODAY, title=title, day=day, **fields))


# --- log -------------------------------------------------------------------------------


def test_logging_a_new_day_stores_it_and_says_its_kind(db: Store) -> None:
    result = log(db, 4, note="design review", energized_by=["pairing"])
    assert result.previous is None and not result.replaced
    assert result.kind is DayKind.GOOD
    assert result.entry == EnergyEntry(TODAY, 4, "design review", ("pairing",), ())
    assert entry_on(db, TODAY) == result.entry


def test_kind_follows_the_users_definitions(db: Store) -> None:
    strict = EnergyThresholds(good_day=5, drained_day=3)
    draft = build(EnergyLogDraft, today=TODAY, level=3, day=None)
    assert log_energy(db, draft, strict).kind is DayKind.DRAINED
    assert log(db, 3).kind is DayKind.MIDDLING


def test_relogging_a_day_replaces_it_and_reports_the_previous_level(db: Store) -> None:
    first = log(db, 4, note="design review", energized_by=["pairing"], drained_by=["1:1s"])
    again = log(db, 2)
    assert again.replaced and again.previous == first.entry
    assert again.kind is DayKind.DRAINED
    # One entry per day: the level is replaced, what was not given again is kept.
    assert again.entry == EnergyEntry(TODAY, 2, "design review", ("pairing",), ("1:1s",))
    assert EnergyRepository(db).entries() == [again.entry]


def test_relogging_with_a_note_and_phrases_replaces_them(db: Store) -> None:
    log(db, 4, note="old", energized_by=["pairing"])
    again = log(db, 3, note="new", energized_by=["writing"], drained_by=["incident"])
    assert again.entry == EnergyEntry(TODAY, 3, "new", ("writing",), ("incident",))
    assert entry_on(db, TODAY) == again.entry


def test_days_are_logged_apart(db: Store) -> None:
    log(db, 5, YESTERDAY)
    assert log(db, 1).previous is None
    assert [e.level for e in EnergyRepository(db).entries()] == [5, 1]


def test_the_repository_writes_rows_as_given_and_holds_no_relog_rule(db: Store) -> None:
    repo = EnergyRepository(db)
    repo.insert(EnergyEntry(TODAY, 4, "kept?", ("pairing",)))
    repo.update(EnergyEntry(TODAY, 2))
    assert repo.get(TODAY) == EnergyEntry(TODAY, 2)


# --- notes -----------------------------------------------------------------------------


def test_set_note_replaces_the_note_and_an_empty_one_clears_it(db: Store) -> None:
    log(db, 3, note="first", energized_by=["pairing"])
    noted = set_note(db, build(EnergyNoteDraft, today=TODAY, day=None, note=" shipped "), TODAY)
    assert noted == EnergyEntry(TODAY, 3, "shipped", ("pairing",), ())
    assert entry_on(db, TODAY) == noted
    cleared = set_note(db, build(EnergyNoteDraft, today=TODAY, day=TODAY, note="  "), TODAY)
    assert cleared.note is None and entry_on(db, TODAY) == cleared


def test_a_note_needs_its_days_entry(db: Store) -> None:
    with pytest.raises(InputError, match=r"^Log today's number first \(1–5\), then add a note\.$"):
        set_note(db, build(EnergyNoteDraft, today=TODAY, day=None, note="x"), TODAY)
    with pytest.raises(InputError, match="Log the number for 2026-11-21 first"):
        entry_to_annotate(db, YESTERDAY, TODAY)
    assert EnergyRepository(db).count() == 0
    logged = log(db, 2, YESTERDAY).entry
    assert entry_to_annotate(db, YESTERDAY, TODAY) == logged


def test_a_note_is_checked_like_any_typed_note() -> None:
    with pytest.raises(InputError, match="keep it to 2000"):
        build(EnergyNoteDraft, today=TODAY, day=None, note="x" * 2001)
    with pytest.raises(InputError, match="in the future"):
        build(EnergyNoteDraft, today=TODAY, day="tomorrow", note="x")


# --- energizing work --------------------------------------------------------------------


def test_add_work_returns_it_without_warnings(db: Store) -> None:
    result = work(db, "prototype", hours="2", kind="coding")
    assert result.warnings == ()
    assert (result.work.title, result.work.hours, result.work.kind) == (
        "prototype",
        2.0,
        WorkKind.CODING,
    )
    assert list_work(db) == [result.work]


def test_work_that_creates_work_for_other_teams_is_logged_with_a_warning(db: Store) -> None:
    result = work(db, "tune CI", creates_work_for_other_teams=True)
    assert result.warnings == (CREATES_WORK_WARNING,)
    assert result.work.creates_work_for_other_teams
    assert "energizing work should not" in CREATES_WORK_WARNING


def test_list_work_is_newest_first_and_can_start_at_a_day(db: Store) -> None:
    old = work(db, "old", date(2026, 9, 1)).work
    first = work(db, "first", TODAY).work
    second = work(db, "second", TODAY).work
    assert list_work(db) == [second, first, old]
    assert list_work(db, since=date(2026, 10, 1)) == [second, first]


# --- reads -----------------------------------------------------------------------------


def test_recent_entries_cover_the_last_n_days_up_to_today(db: Store) -> None:
    for back in (0, 13, 14):
        log(db, 3, TODAY - timedelta(days=back))
    assert [e.day for e in recent_entries(db, TODAY, 14)] == [
        TODAY - timedelta(days=13),
        TODAY,
    ]
    assert len(recent_entries(db, TODAY, 15)) == 3
    assert recent_entries(db, TODAY, 1) == [entry_on(db, TODAY)]


@pytest.mark.parametrize("days", [0, -1, 3661])
def test_recent_entries_refuse_a_window_out_of_range_in_neutral_words(db: Store, days: int) -> None:
    with pytest.raises(InputError) as info:
        recent_entries(db, TODAY, days)
    assert info.value.message == f"days must be 1–3660, got {days}"
    assert info.value.field == "days"


def test_check_energy_judges_the_journal(db: Store) -> None:
    assert check_energy(db, TODAY, T).state is EnergyState.NOT_ENOUGH_DATA
    for back in range(20):
        log(db, 2 if back % 2 else 1, TODAY - timedelta(days=back))
    work(db, "prototype", hours="2", kind="coding")
    verdict = check_energy(db, TODAY, T)
    assert verdict.state is EnergyState.DEENERGIZED
    assert (verdict.window.entries, verdict.window.drained_days) == (20, 20)
    assert verdict.balance is not None and verdict.balance.hours_this_month == 2


def test_overview_has_today_the_verdict_the_quarter_and_a_year(db: Store) -> None:
    log(db, 4, date(2025, 11, 1))  # the first day of the year of charts
    log(db, 4, date(2025, 10, 31))  # before it
    log(db, 5)
    work(db, "talk", kind="speaking")
    overview = energy_overview(db, TODAY, T)
    assert overview.today_entry == entry_on(db, TODAY)
    assert [e.day for e in overview.entries] == [date(2025, 11, 1), TODAY]
    assert [w.title for w in overview.work] == ["talk"]
    assert overview.verdict.state is EnergyState.NOT_ENOUGH_DATA
    assert overview.quarter.label == "2026-Q4"


def test_overview_without_todays_entry(db: Store) -> None:
    log(db, 4, YESTERDAY)
    assert energy_overview(db, TODAY, T).today_entry is None


# --- the quarter review -------------------------------------------------------------------


def test_quarter_review_reads_the_quarter_up_to_today(db: Store) -> None:
    log(db, 3, date(2026, 9, 30))
    inside = log(db, 4, date(2026, 10, 1)).entry
    work(db, "before", date(2026, 9, 30))
    talk = work(db, "talk", date(2026, 10, 2)).work
    review = quarter_review(db, " 2026-q4", TODAY, T)
    assert review.quarter.label == "2026-Q4"
    assert (review.quarter.start, review.quarter.end) == (date(2026, 10, 1), TODAY)
    assert review.entries == [inside] and review.work == [talk]
    assert review.verdict == check_energy(db, TODAY, T)
    assert quarter_review(db, None, TODAY, T) == review


def test_an_earlier_quarter_is_reviewed_whole(db: Store) -> None:
    review = quarter_review(db, "2026-Q2", TODAY, T)
    assert (review.quarter.start, review.quarter.end) == (date(2026, 4, 1), date(2026, 6, 30))


@pytest.mark.parametrize(
    ("label", "message"),
    [
        ("2026-Q5", "quarter must look like 2026-Q4, got '2026-Q5'"),
        ("1800-Q1", "is out of range"),
        ("2027-Q1", "2027-Q1 has not started yet; pick 2026-Q4 or an earlier quarter"),
    ],
)
def test_a_quarter_that_is_not_one_or_has_not_started_is_refused(
    db: Store, label: str, message: str
) -> None:
    for refuse in (
        lambda: chosen_quarter(label, TODAY),
        lambda: quarter_review(db, label, TODAY, T),
    ):
        with pytest.raises(InputError) as info:
            refuse()
        assert message in info.value.message and info.value.field == "quarter"
        assert "--" not in info.value.message  # neutral: the command line adds its flag


def test_chosen_quarter_defaults_to_this_one_and_starts_today() -> None:
    assert chosen_quarter(None, TODAY) == "2026-Q4"
    assert chosen_quarter("2026-q4", date(2026, 10, 1)) == "2026-Q4"
