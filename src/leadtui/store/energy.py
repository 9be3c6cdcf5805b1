"""Energy repository: daily entries and energizing work."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from leadtui.domain.dates import timestamp
from leadtui.domain.energy import EnergizingWork, EnergyEntry, WorkKind
from leadtui.store.database import write_transaction

if TYPE_CHECKING:
    from leadtui.domain.energy_input import WorkDraft
    from leadtui.store.database import Store

_ENTRY = "day, level, note, energized_by, drained_by"
_WORK = "id, title, day, hours, kind, creates_work_for_other_teams"


def _phrases(stored: str | None) -> tuple[str, ...]:
    # Most days name nothing: skip the JSON decoder for them (Today reads a year of days).
    if not stored or stored == "[]":
        return ()
    return tuple(json.loads(stored))


def _entry(row: tuple[Any, ...]) -> EnergyEntry:
    day, level, note, energized, drained = row
    return EnergyEntry(
        day=date.fromisoformat(day),
        level=int(level),
        note=note,
        energized_by=_phrases(energized),
        drained_by=_phrases(drained),
    )


def _work(row: tuple[Any, ...]) -> EnergizingWork:
    wid, title, day, hours, kind, creates = row
    return EnergizingWork(
        id=int(wid),
        title=title,
        day=date.fromisoformat(day),
        hours=float(hours),
        kind=WorkKind(kind),
        creates_work_for_other_teams=bool(creates),
    )


def _entry_values(entry: EnergyEntry) -> tuple[str, int, str | None, str, str]:
    return (
        entry.day.isoformat(),
        entry.level,
        entry.note,
        json.dumps(list(entry.energized_by), ensure_ascii=False),
        json.dumps(list(entry.drained_by), ensure_ascii=False),
    )


class EnergyRepository:
    """All reads and writes of the energy tables: rows in, rows out. The rules (one
    entry a day, what a relog keeps) live in :mod:`leadtui.services.energy`."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def insert(self, entry: EnergyEntry) -> None:
        """Store a day that has no entry yet (the table refuses a second one)."""
        with write_transaction(self.store):
            self.store.execute(
                "insert into energy_entry (day, level, note, energized_by, drained_by, logged_at) "
                "values (?, ?, ?, ?, ?, ?)",
                [*_entry_values(entry), timestamp()],
            )

    def update(self, entry: EnergyEntry) -> None:
        """Overwrite the stored day with ``entry``, every field as given."""
        day, *values = _entry_values(entry)
        with write_transaction(self.store):
            self.store.execute(
                "update energy_entry set level = ?, note = ?, energized_by = ?, drained_by = ?, "
                "logged_at = ? where day = ?",
                [*values, timestamp(), day],
            )

    def delete(self, day: date) -> None:
        """Delete the day's entry."""
        with write_transaction(self.store):
            self.store.execute("delete from energy_entry where day = ?", [day.isoformat()])

    def get(self, day: date) -> EnergyEntry | None:
        """The entry for ``day``, if any."""
        row = self.store.execute(
            f"select {_ENTRY} from energy_entry where day = ?", [day.isoformat()]
        ).fetchone()
        return _entry(row) if row else None

    def entries(self, since: date | None = None, until: date | None = None) -> list[EnergyEntry]:
        """Entries oldest first, optionally between two days (inclusive)."""
        rows = self.store.execute(
            f"select {_ENTRY} from energy_entry where day >= ? and day <= ? order by day",
            [(since or date.min).isoformat(), (until or date.max).isoformat()],
        ).fetchall()
        return [_entry(row) for row in rows]

    def insert_work(self, draft: WorkDraft) -> EnergizingWork:
        """Store a piece of energizing work; the table gives its id."""
        with write_transaction(self.store):
            cursor = self.store.execute(
                "insert into energizing_work (title, day, hours, kind, "
                "creates_work_for_other_teams, created_at) values (?, ?, ?, ?, ?, ?)",
                [
                    draft.title,
                    draft.day.isoformat(),
                    draft.hours,
                    draft.kind.value,
                    int(draft.creates_work_for_other_teams),
                    timestamp(),
                ],
            )
            work_id = cursor.lastrowid
        return self.work_by_id(int(work_id or 0))

    def work_by_id(self, work_id: int) -> EnergizingWork:
        """One piece of energizing work."""
        row = self.store.execute(
            f"select {_WORK} from energizing_work where id = ?", [work_id]
        ).fetchone()
        return _work(row)

    def find_work(self, work_id: int) -> EnergizingWork | None:
        """One piece of energizing work, or None when there is no such id."""
        row = self.store.execute(
            f"select {_WORK} from energizing_work where id = ?", [work_id]
        ).fetchone()
        return _work(row) if row else None

    def update_work(self, work: EnergizingWork) -> None:
        """Overwrite a piece of work with ``work``, every field as given."""
        with write_transaction(self.store):
            self.store.execute(
                "update energizing_work set title = ?, day = ?, hours = ?, kind = ?, "
                "creates_work_for_other_teams = ? where id = ?",
                [
                    work.title,
                    work.day.isoformat(),
                    work.hours,
                    work.kind.value,
                    int(work.creates_work_for_other_teams),
                    work.id,
                ],
            )

    def delete_work(self, work_id: int) -> None:
        """Delete a piece of work."""
        with write_transaction(self.store):
            self.store.execute("delete from energizing_work where id = ?", [work_id])

    def work(self, since: date | None = None) -> list[EnergizingWork]:
        """Energizing work, newest first."""
        rows = self.store.execute(
            f"select {_WORK} from energizing_work where day >= ? order by day desc, id desc",
            [(since or date.min).isoformat()],
        ).fetchall()
        return [_work(row) for row in rows]

    def count(self) -> int:
        """Entries stored."""
        return int(self.store.execute("select count(*) from energy_entry").fetchone()[0])

    def insert_many(self, entries: Iterable[tuple[EnergyEntry, datetime]]) -> None:
        """Store whole days at once, each with when it was logged. A day already stored
        is refused by the table, and nothing is written then."""
        rows = [(*_entry_values(entry), timestamp(logged_at)) for entry, logged_at in entries]
        with write_transaction(self.store):
            self.store.conn.executemany(
                "insert into energy_entry (day, level, note, energized_by, drained_by, "
                "logged_at) values (?, ?, ?, ?, ?, ?)",
                rows,
            )

    def insert_work_many(self, work: Iterable[tuple[EnergizingWork, datetime]]) -> None:
        """Store pieces of energizing work at once, each with when it was written down;
        their ids are the table's to give, so the ones passed in are ignored."""
        rows = [
            (
                piece.title,
                piece.day.isoformat(),
                piece.hours,
                piece.kind.value,
                int(piece.creates_work_for_other_teams),
                timestamp(created_at),
            )
            for piece, created_at in work
        ]
        with write_transaction(self.store):
            self.store.conn.executemany(
                "insert into energizing_work (title, day, hours, kind, "
                "creates_work_for_other_teams, created_at) values (?, ?, ?, ?, ?, ?)",
                rows,
            )
