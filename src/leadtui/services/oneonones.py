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
    next_session_date,
    series_overdue,
    session_dates,
)
from leadtui.errors import InputError
from leadtui.store.oneonones import OneOnOneRepository

if TYPE_CHECKING:
    from leadtui.domain.people import Person
    from leadtui.store.database import Store


class RunningDocument(NamedTuple):
    """A person's 1:1 document: the upcoming session on top, then held sessions."""

    person: Person
    series: Series
    next_on: date | None
    overdue: bool
    points: list[Point]
    actions: list[Action]
    sessions: list[tuple[Session, list[Point], list[Action]]]

    def to_json(self) -> dict[str, object]:
        """What `leadtui 1on1 show --json` prints (the private view: everything)."""
        last = self.sessions[0][0] if self.sessions else None
        return {
            "person": self.person.name,
            "series": self.series.describe(),
            "status": self.series.status.value,
            "next_session": self.next_on.isoformat() if self.next_on else None,
            "overdue": self.overdue,
            "points": [
                {
                    "id": p.id,
                    "text": p.text,
                    "raised_by": p.raised_by.value,
                    "visibility": p.visibility.value,
                    "status": p.status.value,
                    "recurring": p.recurring,
                    "carried": p.carried,
                }
                for p in self.points
            ],
            "actions": [
                {
                    "id": a.id,
                    "text": a.text,
                    "owner": a.owner.value,
                    "due_on": a.due_on.isoformat() if a.due_on else None,
                    "done_on": a.done_on.isoformat() if a.done_on else None,
                    "carried": a.carried,
                }
                for a in self.actions
            ],
            "last_session": {
                "held_on": last.held_on.isoformat(),
                "shared_notes": last.shared_notes,
                "private_notes": last.private_notes,
            }
            if last
            else None,
        }


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
    """The upcoming session and the newest ``history`` held sessions."""
    repo = OneOnOneRepository(store)
    series = require_series(store, person)
    sessions = repo.sessions(series.id, limit=history)
    done = [a for a in repo.actions(series.id) if a.session_id is not None]
    return RunningDocument(
        person=person,
        series=series,
        next_on=next_session_date(series, repo.changes(series.id), today),
        overdue=series_overdue(series, repo.last_held(series.id), today),
        points=repo.open_points(series.id),
        actions=repo.actions(series.id, open_only=False),
        sessions=[
            (s, repo.filed_points(s.id), [a for a in done if a.session_id == s.id])
            for s in sessions
        ],
    )


class OneOnOneOverview(NamedTuple):
    """The Today screen's one-on-one card."""

    today_sessions: list[tuple[Person, Series]]
    this_week: list[tuple[Person, Series, date]]
    overdue_series: list[Person]
    overdue_actions: dict[Side, int]
    kept: dict[Side, CommitmentsKept]


def oneonone_overview(store: Store, today: date) -> OneOnOneOverview:
    """1:1s today and this week, overdue series, overdue actions by owner, and
    commitments kept on each side over the last 90 days."""
    from leadtui.store.people import PeopleRepository

    repo = OneOnOneRepository(store)
    people = {p.id: p for p in PeopleRepository(store).list()}
    week_end = today + timedelta(days=6 - today.weekday())
    todays: list[tuple[Person, Series]] = []
    week: list[tuple[Person, Series, date]] = []
    overdue: list[Person] = []
    actions: list[Action] = []
    for series in repo.all_series():
        person = people.get(series.person_id)
        if person is None:
            continue  # archived: their history stays, but they are not on today's agenda
        changes = repo.changes(series.id)
        for day in (
            session_dates(series, changes, today, week_end)
            if (series.status is SeriesStatus.ACTIVE)
            else []
        ):
            if day == today:
                todays.append((person, series))
            week.append((person, series, day))
        if series_overdue(series, repo.last_held(series.id), today):
            overdue.append(person)
        actions += repo.actions(series.id)
    late = {side: sum(1 for a in actions if a.owner is side and a.overdue(today)) for side in Side}
    kept = {side: commitments_kept(actions, side, today) for side in Side}
    week.sort(key=lambda item: item[2])
    return OneOnOneOverview(todays, week, overdue, late, kept)
