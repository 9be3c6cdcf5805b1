"""Calendar repository: the database's own id and what each calendar last published.

Rows in, rows out (migration 0011). Which SEQUENCE an event gets and when it is
cancelled is decided in :mod:`leadtui.domain.calendar`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from leadtui.domain.calendar import CalendarEvent, Published, Recurrence
from leadtui.domain.dates import timestamp
from leadtui.store.database import write_transaction

if TYPE_CHECKING:
    from leadtui.store.database import Store

_EVENT = (
    "uid, starts, ends, time_zone, summary, description, transparent, sequence, cancelled, "
    "fingerprint, recurrence, alarm_minutes"
)


def _moment(text: str) -> date | datetime:
    # All-day events are stored as dates, timed ones as local date-times ("T" in them).
    return datetime.fromisoformat(text) if "T" in text else date.fromisoformat(text)


def _published(row: tuple[Any, ...]) -> Published:
    uid, starts, ends, zone, summary, description, transparent, sequence, cancelled = row[:9]
    recurrence, alarm_minutes = row[10:12]
    event = CalendarEvent(
        uid,
        _moment(starts),
        _moment(ends),
        summary,
        description,
        bool(transparent),
        zone,
        Recurrence.from_text(recurrence) if recurrence else None,
        alarm_minutes,
    )
    return Published(event, int(sequence), bool(cancelled))


class CalendarRepository:
    """Reads and writes of database_identity and calendar_event."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def database_uuid(self) -> str:
        """The random UUID this database was given once, when it was made or upgraded."""
        row = self.store.execute("select uuid from database_identity").fetchone()
        return str(row[0])

    def older_uids(self) -> bool:
        """Whether calendars may still hold events under an earlier build's UIDs."""
        row = self.store.execute("select older_uids from database_identity").fetchone()
        return bool(row[0])

    def older_uids_cancelled(self) -> None:
        """Note that an export has cancelled the earlier build's UIDs."""
        with write_transaction(self.store):
            self.store.execute("update database_identity set older_uids = 0")

    def published(self, calendar: str) -> dict[str, Published]:
        """What ``calendar`` last published, by UID."""
        rows = self.store.execute(
            f"select {_EVENT} from calendar_event where calendar = ?", [calendar]
        ).fetchall()
        return {row[0]: _published(row) for row in rows}

    def record(self, calendar: str, events: Iterable[Published], now: datetime) -> int:
        """Store each event as published; rows that did not change are left as they are.
        Returns how many rows were written."""
        stamp = timestamp(now)
        written = 0
        with write_transaction(self.store):
            for p in events:
                e = p.event
                cursor = self.store.execute(
                    "insert into calendar_event (uid, calendar, starts, ends, time_zone, "
                    "summary, description, transparent, fingerprint, sequence, cancelled, "
                    "changed_at, recurrence, alarm_minutes) "
                    "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    "on conflict (uid) do update set calendar = excluded.calendar, "
                    "starts = excluded.starts, ends = excluded.ends, "
                    "time_zone = excluded.time_zone, summary = excluded.summary, "
                    "description = excluded.description, transparent = excluded.transparent, "
                    "fingerprint = excluded.fingerprint, sequence = excluded.sequence, "
                    "cancelled = excluded.cancelled, changed_at = excluded.changed_at, "
                    "recurrence = excluded.recurrence, alarm_minutes = excluded.alarm_minutes "
                    "where calendar_event.fingerprint != excluded.fingerprint "
                    "or calendar_event.sequence != excluded.sequence",
                    [
                        e.uid, calendar, e.starts.isoformat(), e.ends.isoformat(), e.time_zone,
                        e.summary, e.description, int(e.transparent), p.fingerprint,
                        p.sequence, int(p.cancelled), stamp,
                        e.recurrence.as_text() if e.recurrence else None, e.alarm_minutes,
                    ],
                )  # fmt: skip
                written += cursor.rowcount
        return written

    def forget_ended_before(self, calendar: str, day: date) -> int:
        """Drop the records of events that ended before ``day``; how many. A recurring
        event (its ``ends`` is its first occurrence's) is kept while it is published."""
        with write_transaction(self.store):
            cursor = self.store.execute(
                "delete from calendar_event where calendar = ? and ends < ? "
                "and (recurrence is null or cancelled = 1)",
                [calendar, day.isoformat()],
            )
        return cursor.rowcount
