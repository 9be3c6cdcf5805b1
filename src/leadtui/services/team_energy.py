"""The team's energy: observe a report's energy, mark a push, read the team view.

Observations are the manager's own: private by nature (domain/privacy.py), never in an
export for the person, upward or the team. One per person and day: observing again that
day replaces it. An observation made on a day a 1:1 was held is linked to that session.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, NamedTuple

from leadtui.domain.people import Relation
from leadtui.domain.team_energy_input import (
    SLACK_ADVICE,
    TREND_DAYS,
    Flag,
    Observation,
    ObservationDraft,
    Push,
    PushDraft,
    flag,
    slack_reason,
)
from leadtui.store.database import write_transaction
from leadtui.store.oneonones import OneOnOneRepository
from leadtui.store.team_energy import TeamEnergyRepository

if TYPE_CHECKING:
    from leadtui.domain.people import Person
    from leadtui.store.database import Store


class Observed(NamedTuple):
    """An observation as saved, and what to tell the user (an archived person's notice)."""

    observation: Observation
    notice: str | None


class ReportEnergy(NamedTuple):
    """One report in the team view."""

    person: Person
    last: Observation | None
    trend: tuple[Observation, ...]  # the last TREND_DAYS days, oldest first
    flag: Flag | None


class TeamEnergy(NamedTuple):
    """The team view: each active report, and slack time to suggest (or None)."""

    reports: tuple[ReportEnergy, ...]
    slack: str | None  # why slack time is suggested now, or None

    @property
    def flagged(self) -> tuple[ReportEnergy, ...]:
        """The reports whose energy asks for attention."""
        return tuple(r for r in self.reports if r.flag is not None)

    @property
    def advice(self) -> str | None:
        """The slack-time suggestion, with its reason."""
        return f"{SLACK_ADVICE} ({self.slack})" if self.slack else None


def _session_on(store: Store, person: Person, day: date) -> int | None:
    repo = OneOnOneRepository(store)
    series = repo.series_for(person.id)
    if series is None:
        return None
    sessions = repo.sessions(series.id, limit=1)
    return sessions[0].id if sessions and sessions[0].held_on == day else None


def observe(
    store: Store,
    person: Person,
    today: date,
    *,
    level: object,
    note: object = "",
    day: object = None,
) -> Observed:
    """Record what you observe of ``person``'s energy on ``day`` (today by default)."""
    from leadtui.domain.validation import build
    from leadtui.services.people import archived_notice

    draft = build(ObservationDraft, today=today, level=level, note=note, day=day)
    with write_transaction(store, f"observed the energy of {person.name}"):
        saved = TeamEnergyRepository(store).observe(
            person.id, draft, _session_on(store, person, draft.day)
        )
    return Observed(saved, archived_notice(person))


def remove_observation(store: Store, person: Person, today: date, day: object) -> Observation:
    """Remove ``person``'s observation of ``day``."""
    from leadtui.domain.validation import build

    draft = build(ObservationDraft, today=today, level=1, day=day)
    with write_transaction(store, f"removed an energy observation of {person.name}"):
        return TeamEnergyRepository(store).remove(person.id, draft.day)


def mark_push(store: Store, today: date, *, name: object, day: object = None) -> Push:
    """Mark a launch or other push: the team view suggests slack time after it."""
    from leadtui.domain.validation import build

    draft = build(PushDraft, today=today, name=name, day=day)
    with write_transaction(store, f"marked the push {draft.name}"):
        return TeamEnergyRepository(store).add_push(draft)


def team_energy(store: Store, today: date, half_start_month: int = 1) -> TeamEnergy:
    """Every active report's last observation, 90-day trend and flag; slack time after a
    push or a T3B3 half that ended lately."""
    from leadtui.domain.dates import half_of
    from leadtui.services.people import list_people

    repo = TeamEnergyRepository(store)
    recent = repo.since(today - timedelta(days=TREND_DAYS))
    latest = repo.latest_per_person()
    reports = []
    for person in list_people(store):
        if person.relation is not Relation.REPORT:
            continue
        trend = tuple(o for o in recent if o.person_id == person.id)
        levels = [o.level for o in trend]
        reports.append(ReportEnergy(person, latest.get(person.id), trend, flag(levels)))
    # The half that ended last: the day before the current half began.
    current = half_of(today, half_start_month)
    last_end = current.bounds(half_start_month)[0] - timedelta(days=1)
    slack = slack_reason(today, repo.pushes(), [last_end])
    return TeamEnergy(tuple(reports), slack)
