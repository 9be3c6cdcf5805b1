"""Energy use cases, read and write, for both front ends: log a day, note a day, add
energizing work, list the journal, the verdict, the screen's overview and the quarter
review.

Writes take a draft the front end built with ``build(Draft, today=...)``, so what was
typed is checked once, in domain/energy_input.py, against the same today. Reads take
``today``; nothing here reads the clock. The rules the repository used to hold as SQL
(one entry a day, what a relog keeps, a note needs its day's entry) are named here and
in domain/energy.py; the repository only reads and writes rows.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, NamedTuple

from leadtui.domain.energy import (
    DayKind,
    EnergizingWork,
    EnergyEntry,
    EnergyThresholds,
    EnergyVerdict,
    QuarterView,
    energy_verdict,
    level_kind,
    month_start,
    quarter_bounds,
    quarter_label,
    quarter_view,
    relogged,
)
from leadtui.errors import InputError, NotFoundError
from leadtui.store.database import write_transaction
from leadtui.store.energy import EnergyRepository

if TYPE_CHECKING:
    from leadtui.domain.energy_input import (
        EnergyEditDraft,
        EnergyLogDraft,
        EnergyNoteDraft,
        WorkDraft,
        WorkEditDraft,
    )
    from leadtui.store.database import Store

# `energy show` looks back at most ten years: further is no one's recent history.
RECENT_DAYS_MAX = 3660
# The verdict judges the last 12 complete months; work a little further back still
# counts for the guardrails ("speaking gigs in the last 12 months").
_WORK_LOOKBACK = timedelta(days=400)
CREATES_WORK_WARNING = "this creates work for other teams; energizing work should not"


class LogResult(NamedTuple):
    """A logged day: what it holds now, what it held before (None: a new day), and its
    kind under the user's definitions."""

    entry: EnergyEntry
    previous: EnergyEntry | None
    kind: DayKind

    @property
    def replaced(self) -> bool:
        """The day had an entry already; one entry per day, so this one replaced it."""
        return self.previous is not None


class WorkResult(NamedTuple):
    """Logged energizing work and the guardrails it trips, as sentences."""

    work: EnergizingWork
    warnings: tuple[str, ...]


class EnergyOverview(NamedTuple):
    """Everything the Energy screen shows."""

    today: date
    thresholds: EnergyThresholds
    entries: list[EnergyEntry]
    work: list[EnergizingWork]
    verdict: EnergyVerdict
    quarter: QuarterView

    @property
    def today_entry(self) -> EnergyEntry | None:
        """Today's entry, if logged."""
        return next((e for e in reversed(self.entries) if e.day == self.today), None)


class QuarterReview(NamedTuple):
    """What the energy quarter review is written from."""

    quarter: QuarterView
    verdict: EnergyVerdict  # as of today, whatever the quarter
    entries: list[EnergyEntry]  # from the quarter's first day to today
    work: list[EnergizingWork]  # likewise


# --- writes ---------------------------------------------------------------------------


def log_energy(store: Store, draft: EnergyLogDraft, thresholds: EnergyThresholds) -> LogResult:
    """Log the draft's day. One entry per day: logging a day again replaces its level,
    and keeps the note and phrases it had when none are given (see ``relogged``)."""
    repo = EnergyRepository(store)
    logged = EnergyEntry(
        day=draft.day,
        level=draft.level,
        note=draft.note,
        energized_by=draft.energized_by,
        drained_by=draft.drained_by,
    )
    with write_transaction(store, f"logged energy for {draft.day.isoformat()}"):
        previous = repo.get(draft.day)
        entry = relogged(previous, logged)
        if previous is None:
            repo.insert(entry)
        else:
            repo.update(entry)
    return LogResult(entry, previous, level_kind(entry.level, thresholds))


def entry_to_annotate(store: Store, day: date, today: date) -> EnergyEntry:
    """The entry a note for ``day`` goes on; a day without its number is refused, since a
    note belongs to a logged day."""
    entry = entry_on(store, day)
    if entry is None:
        which = "today's number" if day == today else f"the number for {day.isoformat()}"
        raise InputError(f"Log {which} first (1–5), then add a note.", field="note")
    return entry


def set_note(store: Store, draft: EnergyNoteDraft, today: date) -> EnergyEntry:
    """Replace the note of the draft's day (an empty note clears it); the day must be
    logged already. ``today`` words the refusal."""
    with write_transaction(store):
        entry = entry_to_annotate(store, draft.day, today)._replace(note=draft.note)
        EnergyRepository(store).update(entry)
    return entry


def add_work(store: Store, draft: WorkDraft) -> WorkResult:
    """Log a piece of energizing work; work that creates work for other teams is logged
    with a warning, since energizing work should not cost others."""
    work = EnergyRepository(store).insert_work(draft)
    warnings = (CREATES_WORK_WARNING,) if work.creates_work_for_other_teams else ()
    return WorkResult(work, warnings)


def replaces_note(previous: EnergyEntry | None, note: str | None) -> bool:
    """Whether logging ``note`` over the day's ``previous`` entry would replace a note it
    holds with different words (the app asks first; the command line says so)."""
    return bool(previous and previous.note and note and note != previous.note)


def loses_note(previous: EnergyEntry | None, note: str | None) -> bool:
    """Whether saving a day as ``note`` (the app's log form, which holds the whole day)
    would replace or clear the note the day holds: the app asks first then."""
    return bool(previous and previous.note and note != previous.note)


def log_day(store: Store, draft: EnergyLogDraft, thresholds: EnergyThresholds) -> LogResult:
    """Log a day as the app's form holds it: the level, the note and both lists exactly
    as given, so clearing a field clears it (unlike ``log_energy``'s quick relog, which
    keeps what is not given)."""
    repo = EnergyRepository(store)
    entry = EnergyEntry(
        day=draft.day,
        level=draft.level,
        note=draft.note,
        energized_by=draft.energized_by,
        drained_by=draft.drained_by,
    )
    with write_transaction(store):
        previous = repo.get(draft.day)
        if previous is None:
            repo.insert(entry)
        else:
            repo.update(entry)
    return LogResult(entry, previous, level_kind(entry.level, thresholds))


class EnergyEdited(NamedTuple):
    """A logged day after an edit, and what it held before."""

    entry: EnergyEntry
    previous: EnergyEntry


def _logged(store: Store, day: date) -> EnergyEntry:
    """The day's entry, or a refusal saying the day was never logged."""
    entry = EnergyRepository(store).get(day)
    if entry is None:
        raise InputError(
            f"nothing is logged on {day.isoformat()}; log the day first (1–5)", field="day"
        )
    return entry


def edit_energy(store: Store, draft: EnergyEditDraft) -> EnergyEdited:
    """Change a logged day: its level, note (empty clears it) and what energized or
    drained it (an empty list clears one); a field not given stays."""
    if draft.empty:
        raise InputError("nothing to change; give the new level, note, energized by or drained by")
    repo = EnergyRepository(store)
    with write_transaction(store):
        previous = _logged(store, draft.day)
        note = previous.note if draft.note is None else (draft.note or None)
        entry = previous._replace(
            level=previous.level if draft.level is None else draft.level,
            note=note,
            energized_by=(
                previous.energized_by if draft.energized_by is None else draft.energized_by
            ),
            drained_by=previous.drained_by if draft.drained_by is None else draft.drained_by,
        )
        repo.update(entry)
    return EnergyEdited(entry, previous)


def remove_energy(store: Store, day: date) -> EnergyEntry:
    """Delete a logged day (its level, note and phrases); returns what it held."""
    with write_transaction(store):
        entry = _logged(store, day)
        EnergyRepository(store).delete(day)
    return entry


def _work(store: Store, work_id: int) -> EnergizingWork:
    """One piece of energizing work, or a refusal naming the id."""
    work = EnergyRepository(store).find_work(work_id)
    if work is None:
        raise NotFoundError(
            f"no energizing work with id {work_id}; `energy work list` shows the ids"
        )
    return work


class WorkEdited(NamedTuple):
    """A piece of energizing work after an edit, what it was, and the guardrails it
    trips now."""

    work: EnergizingWork
    previous: EnergizingWork
    warnings: tuple[str, ...]


def edit_work(store: Store, work_id: int, draft: WorkEditDraft) -> WorkEdited:
    """Change a piece of energizing work: the draft's fields given; the rest stays."""
    if draft.empty:
        raise InputError(
            "nothing to change; give the new title, date, hours, kind or whether it "
            "creates work for other teams"
        )
    with write_transaction(store):
        previous = _work(store, work_id)
        work = previous._replace(
            title=draft.title if draft.title is not None else previous.title,
            day=draft.day if draft.day is not None else previous.day,
            hours=draft.hours if draft.hours is not None else previous.hours,
            kind=draft.kind if draft.kind is not None else previous.kind,
            creates_work_for_other_teams=(
                previous.creates_work_for_other_teams
                if draft.creates_work_for_other_teams is None
                else draft.creates_work_for_other_teams
            ),
        )
        EnergyRepository(store).update_work(work)
    warnings = (CREATES_WORK_WARNING,) if work.creates_work_for_other_teams else ()
    return WorkEdited(work, previous, warnings)


def remove_work(store: Store, work_id: int) -> EnergizingWork:
    """Delete a piece of energizing work; returns what it was."""
    with write_transaction(store):
        work = _work(store, work_id)
        EnergyRepository(store).delete_work(work_id)
    return work


def get_work(store: Store, work_id: int) -> EnergizingWork:
    """One piece of energizing work by id, or a refusal naming the id."""
    return _work(store, work_id)


# --- reads ----------------------------------------------------------------------------


def entry_on(store: Store, day: date) -> EnergyEntry | None:
    """The entry for ``day``, if logged."""
    return EnergyRepository(store).get(day)


def check_recent_days(days: int) -> None:
    """Refuse a look-back outside 1–3660 days."""
    if not 1 <= days <= RECENT_DAYS_MAX:
        raise InputError(f"days must be 1–{RECENT_DAYS_MAX}, got {days}", field="days")


def recent_entries(store: Store, today: date, days: int) -> list[EnergyEntry]:
    """Entries of the last ``days`` days up to today, oldest first; ``days`` is 1–3660."""
    check_recent_days(days)
    return EnergyRepository(store).entries(today - timedelta(days=days - 1), today)


def list_work(store: Store, since: date | None = None) -> list[EnergizingWork]:
    """Energizing work, newest first; all of it unless ``since`` is given."""
    return EnergyRepository(store).work(since)


def check_energy(store: Store, today: date, thresholds: EnergyThresholds) -> EnergyVerdict:
    """The verdict as of ``today`` (reads the last 12 months of entries)."""
    repo = EnergyRepository(store)
    since = month_start(today, 12)
    return energy_verdict(
        repo.entries(since, today), repo.work(today - _WORK_LOOKBACK), today, thresholds
    )


def energy_overview(store: Store, today: date, thresholds: EnergyThresholds) -> EnergyOverview:
    """The verdict, the quarter view and a year of entries for charts."""
    repo = EnergyRepository(store)
    since = month_start(today, 12)
    entries = repo.entries(since, today)
    work = repo.work(today - _WORK_LOOKBACK)
    return EnergyOverview(
        today=today,
        thresholds=thresholds,
        entries=entries,
        work=work,
        verdict=energy_verdict(entries, work, today, thresholds),
        quarter=quarter_view(entries, quarter_label(today), today, thresholds),
    )


def chosen_quarter(label: str | None, today: date) -> str:
    """The quarter asked for (``2026-Q4``; None: this quarter), refused when it is not
    a quarter or has not started yet: a review of days to come would be empty."""
    if label is None:
        return quarter_label(today)
    try:
        first, _ = quarter_bounds(label)
    except ValueError as exc:
        raise InputError(str(exc), field="quarter") from None
    chosen = label.strip().upper()
    if first > today:
        raise InputError(
            f"{chosen} has not started yet; pick {quarter_label(today)} or an earlier quarter",
            field="quarter",
        )
    return chosen


def quarter_review(
    store: Store, label: str | None, today: date, thresholds: EnergyThresholds
) -> QuarterReview:
    """The quarter ``label`` (e.g. ``2026-Q4``; None: this quarter) with today's verdict.
    A quarter that has not started is refused (see ``chosen_quarter``)."""
    chosen = chosen_quarter(label, today)
    first, _ = quarter_bounds(chosen)
    repo = EnergyRepository(store)
    entries = repo.entries(first, today)
    return QuarterReview(
        quarter=quarter_view(entries, chosen, today, thresholds),
        verdict=check_energy(store, today, thresholds),
        entries=entries,
        work=repo.work(first),
    )
