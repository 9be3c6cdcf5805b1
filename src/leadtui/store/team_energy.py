"""Team energy repository: observations of reports' energy, and the team's pushes."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from leadtui.domain.dates import timestamp
from leadtui.domain.team_energy_input import Observation, Push
from leadtui.errors import NotFoundError
from leadtui.store.database import write_transaction

if TYPE_CHECKING:
    from leadtui.domain.team_energy_input import ObservationDraft, PushDraft
    from leadtui.store.database import Store

_OBS = "id, person_id, day, level, note, session_id"


def _observation(row: tuple[Any, ...]) -> Observation:
    oid, person_id, day, level, note, session_id = row
    return Observation(oid, person_id, date.fromisoformat(day), level, note, session_id)


class TeamEnergyRepository:
    """Reads and writes energy_observation and team_push."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def observe(
        self,
        person_id: int,
        draft: ObservationDraft,
        session_id: int | None,
        logged_at: datetime | None = None,
    ) -> Observation:
        """Store the observation; one that day already is replaced. ``logged_at`` is now
        unless given (the demo gives it, so the same seed writes the same rows)."""
        with write_transaction(self.store):
            self.store.execute(
                "insert into energy_observation (person_id, day, session_id, level, note, "
                "logged_at) values (?, ?, ?, ?, ?, ?) on conflict (person_id, day) do update "
                "set level = excluded.level, note = excluded.note, "
                "session_id = coalesce(excluded.session_id, session_id)",
                [
                    person_id,
                    draft.day.isoformat(),
                    session_id,
                    draft.level,
                    draft.note,
                    timestamp(logged_at),
                ],
            )
        row = self.store.execute(
            f"select {_OBS} from energy_observation where person_id = ? and day = ?",
            [person_id, draft.day.isoformat()],
        ).fetchone()
        return _observation(tuple(row))

    def remove(self, person_id: int, day: date) -> Observation:
        """Remove the person's observation of ``day``; refused when there is none."""
        row = self.store.execute(
            f"select {_OBS} from energy_observation where person_id = ? and day = ?",
            [person_id, day.isoformat()],
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no energy observation on {day.isoformat()}")
        with write_transaction(self.store):
            self.store.execute("delete from energy_observation where id = ?", [row[0]])
        return _observation(tuple(row))

    def since(self, day: date) -> list[Observation]:
        """Every observation from ``day`` on, oldest first."""
        rows = self.store.execute(
            f"select {_OBS} from energy_observation where day >= ? order by day, id",
            [day.isoformat()],
        ).fetchall()
        return [_observation(tuple(r)) for r in rows]

    def latest_per_person(self) -> dict[int, Observation]:
        """Each person's newest observation."""
        rows = self.store.execute(
            f"select {_OBS} from energy_observation o where day = "
            "(select max(day) from energy_observation where person_id = o.person_id)"
        ).fetchall()
        return {r[1]: _observation(tuple(r)) for r in rows}

    def add_push(self, draft: PushDraft) -> Push:
        """Mark a push."""
        with write_transaction(self.store):
            cursor = self.store.execute(
                "insert into team_push (day, name) values (?, ?)",
                [draft.day.isoformat(), draft.name],
            )
        return Push(int(cursor.lastrowid or 0), draft.day, draft.name)

    def pushes(self) -> list[Push]:
        """Every push marked, oldest first."""
        rows = self.store.execute("select id, day, name from team_push order by day, id")
        return [Push(i, date.fromisoformat(d), n) for i, d, n in rows.fetchall()]
