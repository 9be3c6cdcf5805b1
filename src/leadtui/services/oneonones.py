"""One-on-one use cases: what is on the table for the next session."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, NamedTuple

from leadtui.domain.oneonones import (
    Action,
    CommitmentsKept,
    Point,
    Series,
    SeriesStatus,
    Session,
    Side,
    commitments_kept,
    first_open_day,
    next_session_date,
    original_occurrence,
    series_overdue,
    session_dates,
)
from leadtui.errors import InputError
from leadtui.store.feedback import FeedbackRepository
from leadtui.store.oneonones import OneOnOneRepository

if TYPE_CHECKING:
    from leadtui.domain.feedback import Feedback
    from leadtui.domain.people import Person
    from leadtui.store.database import Store


# Exports carry the whole history; no series reaches this many sessions.
ALL_HISTORY = 100_000


class RunningDocument(NamedTuple):
    """A person's 1:1 document: the upcoming session on top, then held sessions."""

    person: Person
    series: Series
    next_on: date | None
    overdue: bool
    points: list[Point]
    actions: list[Action]
    sessions: list[tuple[Session, list[Point], list[Action]]]
    changes: dict[date, date | None]
    feedback: list[Feedback]  # given in this 1:1: pending, or filed under a shown session

    def pending_feedback(self) -> list[Feedback]:
        """Feedback given in the upcoming session (filed when it is held)."""
        return [f for f in self.feedback if f.session_id is None]

    def feedback_in(self, session_id: int) -> list[Feedback]:
        """Feedback filed under a held session."""
        return [f for f in self.feedback if f.session_id == session_id]

    def upcoming_changes(self, today: date) -> list[str]:
        """Moves and skips still ahead, e.g. "24 Nov skipped", "1 Dec moved to 3 Dec"."""
        notes = []
        for original, moved in sorted(self.changes.items()):
            if max(original, moved or original) < today:
                continue
            what = "skipped" if moved is None else f"moved to {_day(moved)}"
            notes.append(f"{_day(original)} {what}")
        return notes


def require_series(store: Store, person: Person) -> Series:
    """The person's series, or a refusal that says how to create one."""
    series = OneOnOneRepository(store).series_for(person.id)
    if series is None:
        raise InputError(
            f"{person.display_name} has no 1:1 series yet; create one with "
            f"`leadtui 1on1 series {person.id} --weekday tuesday --time 10:00`"
        )
    return series


def running_document(
    store: Store, person: Person, today: date, history: int = 10
) -> RunningDocument:
    """The upcoming session and the newest ``history`` held sessions.

    Reads only what is shown: upcoming points and actions, and one page of history
    (its filed points and actions in one query each), so a person with years of
    sessions opens as fast as a new one.
    """
    repo = OneOnOneRepository(store)
    series = require_series(store, person)
    changes = repo.changes(series.id)
    sessions = repo.sessions(series.id, limit=history)
    ids = [s.id for s in sessions]
    filed = repo.points_in_sessions(ids)
    done = repo.actions_in_sessions(ids)
    last_held = repo.last_held(series.id)
    return RunningDocument(
        person=person,
        series=series,
        next_on=next_session_date(series, changes, today, last_held),
        overdue=series_overdue(series, last_held, today),
        points=repo.open_points(series.id),
        actions=repo.upcoming_actions(series.id),
        sessions=[
            (
                s,
                [p for p in filed if p.session_id == s.id],
                [a for a in done if a.session_id == s.id],
            )
            for s in sessions
        ],
        changes=changes,
        feedback=FeedbackRepository(store).in_series(series.id, ids),
    )


def _day(day: date) -> str:
    """E.g. "Tue 24 Nov" (no platform-specific strftime flags)."""
    return f"{day:%a} {day.day} {day:%b}"


class Rescheduled(NamedTuple):
    """What a move or skip did: the session shown on ``was_on`` is now on ``now_on``."""

    series: Series
    was_on: date
    now_on: date | None  # None: skipped


def _upcoming_hint(series: Series, changes: dict[date, date | None], today: date) -> str:
    horizon = today + timedelta(weeks=series.every_weeks * 4)
    upcoming = session_dates(series, changes, today, horizon)
    if not upcoming:
        return "no sessions are coming up"
    return "upcoming: " + ", ".join(d.isoformat() for d in upcoming[:3])


def reschedule(
    store: Store, person: Person, today: date, *, on: date | None, to: date | None
) -> Rescheduled:
    """Move the session on ``on`` (default: the next one) to ``to``; skip it if ``to`` is None.

    Only upcoming sessions change; the rule itself is untouched, so the following
    occurrences keep their dates. Moving a session back to its rule date undoes the move.
    """
    repo = OneOnOneRepository(store)
    series = require_series(store, person)
    if series.status is not SeriesStatus.ACTIVE:
        raise InputError(
            f"the 1:1 with {person.display_name} is {series.status.value}; resume it first "
            f"with `leadtui 1on1 series {person.id} --resume`"
        )
    changes = repo.changes(series.id)
    shown = on or next_session_date(series, changes, today, repo.last_held(series.id))
    if shown is None:
        raise InputError(f"the 1:1 with {person.display_name} has no upcoming session")
    if shown < today:
        raise InputError(
            f"{shown.isoformat()} is in the past; only upcoming sessions can be moved or skipped"
        )
    original = original_occurrence(series, changes, shown)
    if original is None:
        raise InputError(
            f"there is no 1:1 with {person.display_name} on {shown.isoformat()}; "
            f"{_upcoming_hint(series, changes, today)}"
        )
    if to is not None:
        if to == shown:
            raise InputError(f"the session is already on {shown.isoformat()}; give another date")
        if to < today:
            raise InputError(f"cannot move a session to {to.isoformat()}, which is in the past")
        if to != shown and to in session_dates(series, changes, to, to):
            raise InputError(
                f"there is already a 1:1 with {person.display_name} on {to.isoformat()}; "
                "skip this one instead"
            )
    if to == original:
        repo.restore_occurrence(series.id, original)
    else:
        repo.change_occurrence(series.id, original, to)
    return Rescheduled(series, shown, to)


def restore_occurrence(store: Store, person: Person, day: date) -> date:
    """Undo the skip or move of the occurrence on ``day`` (its rule date or where it
    was moved to); returns the rule date it is back on."""
    repo = OneOnOneRepository(store)
    series = require_series(store, person)
    changes = repo.changes(series.id)
    # The session shown on ``day`` (moved there) first, then the occurrence whose rule
    # date is ``day``.
    moved_here = [orig for orig, moved in changes.items() if moved == day]
    original = moved_here[0] if moved_here else (day if day in changes else None)
    if original is None:
        raise InputError(
            f"the 1:1 with {person.display_name} on {day.isoformat()} was not moved or skipped"
        )
    if any(moved == original for moved in changes.values()):
        raise InputError(
            f"another session was moved to {original.isoformat()}; bringing this one back "
            "would put two sessions on one day, so move it instead"
        )
    repo.restore_occurrence(series.id, original)
    return original


class OneOnOneOverview(NamedTuple):
    """The Today screen's one-on-one card."""

    today_sessions: list[tuple[Person, Series]]
    this_week: list[tuple[Person, Series, date]]
    overdue_series: list[Person]
    overdue_actions: dict[Side, int]
    kept: dict[Side, CommitmentsKept]


def oneonone_overview(
    store: Store, today: date, people: list[Person] | None = None
) -> OneOnOneOverview:
    """1:1s today and this week, overdue series, overdue actions by owner, and
    commitments kept on each side over the last 90 days (a handful of queries, however
    long the history)."""
    from leadtui.store.people import PeopleRepository

    repo = OneOnOneRepository(store)
    active = PeopleRepository(store).list() if people is None else people
    by_id = {p.id: p for p in active}
    week_end = today + timedelta(days=6 - today.weekday())
    last_held = repo.last_held_by_series()
    changes = repo.all_changes()
    todays: list[tuple[Person, Series]] = []
    week: list[tuple[Person, Series, date]] = []
    overdue: list[Person] = []
    for series in repo.all_series():
        person = by_id.get(series.person_id)
        if person is None:
            continue  # archived: their history stays, but they are not on today's agenda
        if series.status is SeriesStatus.ACTIVE:
            start = first_open_day(today, last_held.get(series.id))
            for day in session_dates(series, changes.get(series.id, {}), start, week_end):
                if day == today:
                    todays.append((person, series))
                week.append((person, series, day))
        if series_overdue(series, last_held.get(series.id), today):
            overdue.append(person)
    due = repo.actions_due_between(today - timedelta(days=90), today)
    kept = {side: commitments_kept(due, side, today) for side in Side}
    week.sort(key=lambda item: item[2])
    return OneOnOneOverview(todays, week, overdue, repo.overdue_counts(today), kept)
