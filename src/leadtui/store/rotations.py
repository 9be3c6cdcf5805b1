"""Rotations repository: capacities, rosters, exceptions, term records and the host order.

Rows in, rows out. The schedule is never stored: the rules that compute it and decide
what may be written live in :mod:`leadtui.domain.rotations` and
:mod:`leadtui.services.rotations`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from leadtui.domain.dates import timestamp
from leadtui.domain.rotations import (
    Capacity,
    ExceptionKind,
    HostChange,
    HostChangeKind,
    HostRotation,
    Member,
    RecognizedIn,
    RotationException,
    TermRecord,
)
from leadtui.store.database import write_transaction

if TYPE_CHECKING:
    from leadtui.store.database import Store

_CAPACITY = (
    "id, name, description, term_months, seats, offset_months, starts_on, exposure, active, uid"
)
_MEMBER = "capacity_id, person_id, joined_on, leaves_on, out_of_rotation"
_EXCEPTION = "id, capacity_id, kind, on_date, seat, person_id, other_person_id"
_RECORD = (
    "capacity_id, person_id, starts_on, recognized_on, recognized_in, exposure_on, "
    "handoff_note, handoff_visibility"
)


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _capacity(row: tuple[Any, ...]) -> Capacity:
    cid, name, description, term, seats, offset, starts, exposure, active, uid = row
    return Capacity(
        int(cid), name, description, int(term), int(seats), int(offset),
        date.fromisoformat(starts), exposure, bool(active), uid or "",
    )  # fmt: skip


def _member(row: tuple[Any, ...]) -> Member:
    cid, pid, joined, leaves, out = row
    return Member(int(cid), int(pid), _day(joined), _day(leaves), bool(out))


def _exception(row: tuple[Any, ...]) -> RotationException:
    eid, cid, kind, on, seat, pid, other = row
    return RotationException(
        int(eid), int(cid), ExceptionKind(kind), date.fromisoformat(on), seat, pid, other
    )


def _record(row: tuple[Any, ...]) -> TermRecord:
    cid, pid, starts, rec_on, rec_in, exposure, note, visibility = row
    return TermRecord(
        int(cid), int(pid), date.fromisoformat(starts), _day(rec_on),
        RecognizedIn(rec_in) if rec_in else None, _day(exposure), note, visibility == "private",
    )  # fmt: skip


class RotationRepository:
    """Reads and writes of the rotation tables."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # --- capacities ---------------------------------------------------------------------

    def capacities(self, *, include_inactive: bool = True) -> list[Capacity]:
        """Every capacity by name."""
        where = "" if include_inactive else "where active = 1"
        rows = self.store.execute(
            f"select {_CAPACITY} from rotation_capacity {where} order by name collate nocase, id"
        ).fetchall()
        return [_capacity(r) for r in rows]

    def capacity_named(self, name: str) -> Capacity | None:
        """The capacity with this name, any case."""
        row = self.store.execute(
            f"select {_CAPACITY} from rotation_capacity where name = ? collate nocase", [name]
        ).fetchone()
        return _capacity(row) if row else None

    def capacity(self, capacity_id: int) -> Capacity | None:
        """The capacity with this id."""
        row = self.store.execute(
            f"select {_CAPACITY} from rotation_capacity where id = ?", [capacity_id]
        ).fetchone()
        return _capacity(row) if row else None

    def insert_capacity(self, capacity: Capacity) -> int:
        """Store a capacity (its id is the table's to give); the new id. Without a uid the
        table gives it a random one (migration 0011)."""
        with write_transaction(self.store):
            cursor = self.store.execute(
                "insert into rotation_capacity (name, description, term_months, seats, "
                "offset_months, starts_on, exposure, active, created_at, uid) "
                "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [*self._capacity_values(capacity), timestamp(), capacity.uid or None],
            )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def update_capacity(self, capacity: Capacity) -> None:
        """Overwrite a capacity's fields (its uid too, unless the capacity has none)."""
        with write_transaction(self.store):
            self.store.execute(
                "update rotation_capacity set name = ?, description = ?, term_months = ?, "
                "seats = ?, offset_months = ?, starts_on = ?, exposure = ?, active = ?, "
                "uid = coalesce(?, uid) where id = ?",
                [*self._capacity_values(capacity), capacity.uid or None, capacity.id],
            )

    def capacity_with_uid(self, uid: str) -> Capacity | None:
        """The capacity with this uid."""
        row = self.store.execute(
            f"select {_CAPACITY} from rotation_capacity where uid = ?", [uid]
        ).fetchone()
        return _capacity(row) if row else None

    @staticmethod
    def _capacity_values(c: Capacity) -> list[object]:
        return [
            c.name, c.description, c.term_months, c.seats, c.offset_months,
            c.starts_on.isoformat(), c.exposure, int(c.active),
        ]  # fmt: skip

    # --- rosters ------------------------------------------------------------------------

    def members(self, capacity_id: int | None = None) -> list[Member]:
        """Roster entries of one capacity (or all), in the order they were added."""
        if capacity_id is None:
            rows = self.store.execute(f"select {_MEMBER} from rotation_member order by rowid")
        else:
            rows = self.store.execute(
                f"select {_MEMBER} from rotation_member where capacity_id = ? order by rowid",
                [capacity_id],
            )
        return [_member(r) for r in rows.fetchall()]

    def put_member(self, member: Member) -> None:
        """Add or replace a roster entry (a replaced one keeps its place)."""
        with write_transaction(self.store):
            values = [
                _iso(member.joined_on), _iso(member.leaves_on), int(member.out_of_rotation),
                member.capacity_id, member.person_id,
            ]  # fmt: skip
            cursor = self.store.execute(
                "update rotation_member set joined_on = ?, leaves_on = ?, out_of_rotation = ? "
                "where capacity_id = ? and person_id = ?",
                values,
            )
            if cursor.rowcount == 0:
                self.store.execute(
                    "insert into rotation_member (joined_on, leaves_on, out_of_rotation, "
                    "capacity_id, person_id) values (?, ?, ?, ?, ?)",
                    values,
                )

    def remove_member(self, capacity_id: int, person_id: int) -> None:
        """Take someone off a roster."""
        with write_transaction(self.store):
            self.store.execute(
                "delete from rotation_member where capacity_id = ? and person_id = ?",
                [capacity_id, person_id],
            )

    # --- exceptions -----------------------------------------------------------------------

    def exceptions(self, capacity_id: int | None = None) -> list[RotationException]:
        """Exceptions of one capacity (or all), in the order they were made."""
        if capacity_id is None:
            rows = self.store.execute(f"select {_EXCEPTION} from rotation_exception order by id")
        else:
            rows = self.store.execute(
                f"select {_EXCEPTION} from rotation_exception where capacity_id = ? order by id",
                [capacity_id],
            )
        return [_exception(r) for r in rows.fetchall()]

    def insert_exception(self, e: RotationException) -> int:
        """Store an exception; its id."""
        with write_transaction(self.store):
            cursor = self.store.execute(
                "insert into rotation_exception (capacity_id, kind, on_date, seat, person_id, "
                "other_person_id, created_at) values (?, ?, ?, ?, ?, ?, ?)",
                [
                    e.capacity_id, e.kind.value, e.on_date.isoformat(), e.seat, e.person_id,
                    e.other_person_id, timestamp(),
                ],
            )  # fmt: skip
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def insert_exceptions(self, rows: Iterable[RotationException]) -> None:
        """Store several exceptions in one statement (a plan records many at once)."""
        now = timestamp()
        with write_transaction(self.store):
            self.store.conn.executemany(
                "insert into rotation_exception (capacity_id, kind, on_date, seat, person_id, "
                "other_person_id, created_at) values (?, ?, ?, ?, ?, ?, ?)",
                [
                    (e.capacity_id, e.kind.value, e.on_date.isoformat(), e.seat, e.person_id,
                     e.other_person_id, now)
                    for e in rows
                ],
            )  # fmt: skip

    def delete_exceptions(self, ids: Iterable[int]) -> None:
        """Remove exceptions by id."""
        with write_transaction(self.store):
            self.store.conn.executemany(
                "delete from rotation_exception where id = ?", [(i,) for i in ids]
            )

    def clear_capacity(self, capacity_id: int) -> None:
        """Remove a capacity's roster and exceptions (an imported definition replaces them)."""
        with write_transaction(self.store):
            self.store.execute("delete from rotation_member where capacity_id = ?", [capacity_id])
            self.store.execute(
                "delete from rotation_exception where capacity_id = ?", [capacity_id]
            )

    # --- term records -------------------------------------------------------------------

    def records(self, capacity_id: int | None = None) -> list[TermRecord]:
        """Term records of one capacity (or all)."""
        if capacity_id is None:
            rows = self.store.execute(f"select {_RECORD} from rotation_term_record")
        else:
            rows = self.store.execute(
                f"select {_RECORD} from rotation_term_record where capacity_id = ?",
                [capacity_id],
            )
        return [_record(r) for r in rows.fetchall()]

    def put_record(self, record: TermRecord) -> None:
        """Add or replace the record of one person's term."""
        with write_transaction(self.store):
            self.store.execute(
                # An upsert, not "insert or replace": a replaced row's delete fires no
                # trigger, so neither the undo journal nor the search index would see it.
                "insert into rotation_term_record (capacity_id, person_id, "
                "starts_on, recognized_on, recognized_in, exposure_on, handoff_note, "
                "handoff_visibility) values (?, ?, ?, ?, ?, ?, ?, ?) "
                "on conflict (capacity_id, person_id, starts_on) do update set "
                "recognized_on = excluded.recognized_on, recognized_in = excluded.recognized_in, "
                "exposure_on = excluded.exposure_on, handoff_note = excluded.handoff_note, "
                "handoff_visibility = excluded.handoff_visibility",
                [
                    record.capacity_id, record.person_id, record.starts_on.isoformat(),
                    _iso(record.recognized_on),
                    record.recognized_in.value if record.recognized_in else None,
                    _iso(record.exposure_on), record.handoff_note,
                    "private" if record.handoff_private else "shared",
                ],
            )  # fmt: skip

    # --- the weekly host ----------------------------------------------------------------

    def host_rotations(self) -> list[HostRotation]:
        """Every host order, oldest first, with its members in order."""
        rows = self.store.execute(
            "select id, starts_on, weekday, at_time, minutes from host_rotation "
            "order by starts_on, id"
        ).fetchall()
        members: dict[int, list[int]] = {}
        for rid, pid in self.store.execute(
            "select rotation_id, person_id from host_member order by rotation_id, position"
        ):
            members.setdefault(int(rid), []).append(int(pid))
        return [
            HostRotation(
                int(rid), date.fromisoformat(starts), int(weekday), at, int(minutes),
                tuple(members.get(int(rid), [])),
            )
            for rid, starts, weekday, at, minutes in rows
        ]  # fmt: skip

    def replace_host_rotations_from(self, rotation: HostRotation) -> int:
        """Store a host order in force from its start, dropping orders that start on or
        after that day (the new one replaces them); its id."""
        with write_transaction(self.store):
            start = rotation.starts_on.isoformat()
            self.store.execute(
                "delete from host_member where rotation_id in "
                "(select id from host_rotation where starts_on >= ?)",
                [start],
            )
            self.store.execute("delete from host_rotation where starts_on >= ?", [start])
            cursor = self.store.execute(
                "insert into host_rotation (starts_on, weekday, at_time, minutes, created_at) "
                "values (?, ?, ?, ?, ?)",
                [start, rotation.weekday, rotation.at_time, rotation.minutes, timestamp()],
            )
            rid = cursor.lastrowid
            assert rid is not None
            self.store.conn.executemany(
                "insert into host_member (rotation_id, position, person_id) values (?, ?, ?)",
                [(rid, i, pid) for i, pid in enumerate(rotation.members)],
            )
        return rid

    def host_changes(self) -> list[HostChange]:
        """Skips and swaps, by day."""
        rows = self.store.execute(
            "select on_date, kind, other_on from host_change order by on_date"
        ).fetchall()
        return [
            HostChange(date.fromisoformat(on), HostChangeKind(kind), _day(other))
            for on, kind, other in rows
        ]

    def put_host_change(self, change: HostChange) -> None:
        """Store a skip or a swap on its day."""
        with write_transaction(self.store):
            self.store.execute(
                "insert into host_change (on_date, kind, other_on, created_at) values (?, ?, ?, ?)",
                [change.on_date.isoformat(), change.kind.value, _iso(change.other_on), timestamp()],
            )

    def delete_host_change(self, day: date) -> None:
        """Remove the skip or swap stored on ``day``."""
        with write_transaction(self.store):
            self.store.execute("delete from host_change where on_date = ?", [day.isoformat()])
