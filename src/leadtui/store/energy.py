"""Energy repository: daily entries and energizing work."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from leadtui.domain.energy import EnergizingWork, EnergyEntry, WorkKind
from leadtui.store.database import write_transaction

if TYPE_CHECKING:
    from leadtui.domain.energy_input import EnergyLogDraft, WorkDraft
    from leadtui.store.database import Store

_ENTRY = "day, level, note, energized_by, drained_by"
_WORK = "id, title, day, hours, kind, creates_work_for_other_teams"


def _entry(row: tuple[Any, ...]) -> EnergyEntry:
    day, level, note, energized, drained = row
    return EnergyEntry(
        day=date.fromisoformat(day),
        level=int(level),
        note=note,
        energized_by=tuple(json.loads(energized or "[]")),
        drained_by=tuple(json.loads(drained or "[]")),
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


class EnergyRepository:
    """All reads and writes of the energy tables."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def log(self, draft: EnergyLogDraft) -> tuple[EnergyEntry, EnergyEntry | None]:
        """Store the day's entry, replacing an earlier one. Returns (new, previous)."""
        with write_transaction(self.store):
            previous = self.get(draft.day)
            self.store.execute(
                "insert into energy_entry (day, level, note, energized_by, drained_by, logged_at) "
                "values (?, ?, ?, ?, ?, ?) on conflict(day) do update set level = excluded.level, "
                "note = coalesce(excluded.note, energy_entry.note), "
                # A relog without phrases keeps the ones already recorded, like the note.
                "energized_by = case when excluded.energized_by = '[]' "
                "then energy_entry.energized_by else excluded.energized_by end, "
                "drained_by = case when excluded.drained_by = '[]' "
                "then energy_entry.drained_by else excluded.drained_by end, "
                "logged_at = excluded.logged_at",
                [
                    draft.day.isoformat(),
                    draft.level,
                    draft.note,
                    json.dumps(list(draft.energized_by), ensure_ascii=False),
                    json.dumps(list(draft.drained_by), ensure_ascii=False),
                    datetime.now().isoformat(timespec="seconds"),
                ],
            )
        entry = self.get(draft.day)
        assert entry is not None
        return entry, previous

    def set_note(self, day: date, note: str | None) -> None:
        """Replace the note of an existing entry."""
        with write_transaction(self.store):
            self.store.execute(
                "update energy_entry set note = ? where day = ?", [note, day.isoformat()]
            )

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

    def add_work(self, draft: WorkDraft) -> EnergizingWork:
        """Store a piece of energizing work."""
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
                    datetime.now().isoformat(timespec="seconds"),
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
        rows = [
            (
                entry.day.isoformat(),
                entry.level,
                entry.note,
                json.dumps(list(entry.energized_by), ensure_ascii=False),
                json.dumps(list(entry.drained_by), ensure_ascii=False),
                logged_at.isoformat(timespec="seconds"),
            )
            for entry, logged_at in entries
        ]
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
                created_at.isoformat(timespec="seconds"),
            )
            for piece, created_at in work
        ]
        with write_transaction(self.store):
            self.store.conn.executemany(
                "insert into energizing_work (title, day, hours, kind, "
                "creates_work_for_other_teams, created_at) values (?, ?, ?, ?, ?, ?)",
                rows,
            )
