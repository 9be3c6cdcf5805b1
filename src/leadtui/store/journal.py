"""The undo/redo journal: what each change did to each row, kept for the undo window.

Migration 0013 puts three triggers on every table a person writes into; while a change
is being recorded (``undo_state.recording`` holds its id) they copy each inserted,
updated or deleted row, before and after, as JSON into ``undo_row``. A change is one
outermost write transaction (:func:`leadtui.store.database.write_transaction` calls
:func:`begin` and :func:`finish`), so a 1:1 hold that touches many rows is one change.

The journal is the only place removed text lives on after its row is gone, so it is
pruned on every write: changes older than the undo window, and all but the newest N
(config.toml ``[undo]``). A window of 0 days records nothing. The rules of undoing
(what may be undone, in what order) live in :mod:`leadtui.services.undo`; here are the
rows in and out.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, NamedTuple, Protocol

from leadtui.domain.dates import timestamp


class Store(Protocol):
    """The open database as the journal reads it (database.Store; typed here, not
    imported, as the database module applies the journal's settings when it opens)."""

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> sqlite3.Cursor:
        """Run one statement on the connection."""
        ...


DEFAULT_DAYS = 7
DEFAULT_CHANGES = 100

# Every journaled table, and what one of its rows is called in a change's label.
NOUNS: dict[str, str] = {
    "career_milestone": "career milestone",
    "career_plan": "career plan",
    "energizing_work": "energizing work",
    "energy_entry": "energy day",
    "energy_observation": "energy observation",
    "energy_quarter_answers": "quarter review answers",
    "feedback": "feedback",
    "host_change": "skipped or swapped meeting",
    "host_member": "host",
    "host_rotation": "host order",
    "meeting_audit": "meeting audit",
    "oo_action": "action item",
    "oo_occurrence_change": "moved or skipped 1:1",
    "oo_point": "talking point",
    "oo_series": "1:1 series",
    "oo_session": "1:1 held",
    "person": "person",
    "person_context": "personal context",
    "recurring_meeting": "recurring meeting",
    "rotation_capacity": "rotation capacity",
    "rotation_exception": "rotation exception",
    "rotation_member": "rotation roster entry",
    "rotation_term_record": "rotation term record",
    "succession_candidate": "succession candidate",
    "succession_ceo_note": "CEO log note",
    "succession_focus": "focus area",
    "succession_gap": "succession gap",
    "succession_gap_change": "gap change",
    "t3b3": "T3B3",
    "team_push": "team push",
    "t3b3_item": "T3B3 item",
    "vacation": "vacation",
    "vacation_cover": "vacation cover",
}
JOURNALED_TABLES: tuple[str, ...] = tuple(NOUNS)
_VERBS = {"insert": "added", "update": "changed", "delete": "removed"}


def _now() -> datetime:
    return datetime.now()


@dataclass(frozen=True)
class JournalSettings:
    """How long the journal keeps changes; ``now`` is the clock (tests pin it)."""

    days: int = DEFAULT_DAYS
    changes: int = DEFAULT_CHANGES
    now: Callable[[], datetime] = field(default=_now, compare=False)

    @property
    def records(self) -> bool:
        """Whether changes are journaled at all (a window of 0 days keeps nothing)."""
        return self.days > 0 and self.changes > 0


class Change(NamedTuple):
    """One journaled change: a write transaction's rows, undone or in effect."""

    id: int
    label: str
    made_at: datetime
    undone: bool
    rows: int


class RowChange(NamedTuple):
    """One row a change inserted, updated or deleted (``old``/``new`` as JSON text)."""

    table: str
    op: str
    row_id: int
    old: str | None
    new: str | None


def begin(conn: sqlite3.Connection) -> None:
    """Start recording a change (called inside the outermost write transaction)."""
    conn.execute(
        "update undo_state set recording = coalesce((select max(id) from undo_group), 0) + 1"
    )


def finish(conn: sqlite3.Connection, settings: JournalSettings, label: str | None) -> bool:
    """Stop recording; keep the change if it changed a row, and prune.

    A new change ends the redo stack: what was undone before it can no longer be redone
    (and its rows, removed text among them, leave the journal). True when rows left the
    journal, so the caller empties the write-ahead log of their pages.
    """
    group = conn.execute("select recording from undo_state").fetchone()[0]
    conn.execute("update undo_state set recording = null")
    count = conn.execute("select count(*) from undo_row where group_id = ?", [group]).fetchone()[0]
    removed = False
    if count:
        conn.execute(
            "insert into undo_group (id, label, made_at, undone) values (?, ?, ?, null)",
            [group, label or fallback_label(conn, group), timestamp(settings.now())],
        )
        redo = [r[0] for r in conn.execute("select id from undo_group where undone is not null")]
        removed = _forget(conn, redo)
    return prune(conn, settings) or removed


def fallback_label(conn: sqlite3.Connection, group: int) -> str:
    """A label from the rows a change touched, for a write that gave none."""
    first = conn.execute(
        "select tbl, op from undo_row where group_id = ? order by id limit 1", [group]
    ).fetchone()
    count = conn.execute("select count(*) from undo_row where group_id = ?", [group]).fetchone()[0]
    label = f"{_VERBS.get(first[1], 'changed')} {NOUNS.get(first[0], first[0])}"
    if count > 1:
        more = count - 1
        label += f" and {more} more record{'s' if more != 1 else ''}"
    return label


def prune(conn: sqlite3.Connection, settings: JournalSettings) -> bool:
    """Drop changes outside the window or beyond the newest ``changes``; True if any went."""
    if not settings.records:
        ids = [r[0] for r in conn.execute("select id from undo_group")]
        stray = conn.execute("select 1 from undo_row limit 1").fetchone() is not None
        if stray:
            conn.execute("delete from undo_row")
        return _forget(conn, ids) or stray
    cutoff = timestamp(settings.now() - timedelta(days=settings.days))
    ids = [
        r[0]
        for r in conn.execute(
            "select id from undo_group where made_at < ? union "
            "select id from (select id from undo_group order by id desc limit -1 offset ?)",
            [cutoff, settings.changes],
        )
    ]
    return _forget(conn, ids)


def has_expired(store: Store, settings: JournalSettings) -> bool:
    """Whether the journal holds changes :func:`prune` would drop."""
    if not settings.records:
        return store.execute("select 1 from undo_row limit 1").fetchone() is not None
    cutoff = timestamp(settings.now() - timedelta(days=settings.days))
    row = store.execute(
        "select count(*), coalesce(min(made_at) < ?, 0) from undo_group", [cutoff]
    ).fetchone()
    return bool(row[0] > settings.changes or row[1])


def _forget(conn: sqlite3.Connection, ids: Sequence[int]) -> bool:
    for group in ids:
        conn.execute("delete from undo_row where group_id = ?", [group])
        conn.execute("delete from undo_group where id = ?", [group])
    return bool(ids)


def _change(row: sqlite3.Row | tuple[Any, ...]) -> Change:
    return Change(
        id=int(row[0]),
        label=str(row[1]),
        made_at=datetime.fromisoformat(row[2]),
        undone=row[3] is not None,
        rows=int(row[4]),
    )


_CHANGE_COLUMNS = (
    "select g.id, g.label, g.made_at, g.undone, "
    "(select count(*) from undo_row r where r.group_id = g.id) from undo_group g "
)


def done_changes(store: Store, limit: int | None = None) -> list[Change]:
    """Changes in effect, newest first."""
    rows = store.execute(
        _CHANGE_COLUMNS + "where g.undone is null order by g.id desc limit ?",
        [-1 if limit is None else limit],
    )
    return [_change(r) for r in rows.fetchall()]


def undone_changes(store: Store) -> list[Change]:
    """Changes undone and not yet redone, the next to redo first."""
    rows = store.execute(_CHANGE_COLUMNS + "where g.undone is not null order by g.undone desc")
    return [_change(r) for r in rows.fetchall()]


def change(store: Store, change_id: int) -> Change | None:
    """One change by id, or None when the journal no longer holds it."""
    row = store.execute(_CHANGE_COLUMNS + "where g.id = ?", [change_id]).fetchone()
    return _change(row) if row else None


def row_changes(store: Store, change_id: int) -> list[RowChange]:
    """The rows a change touched, in the order it touched them."""
    rows = store.execute(
        "select tbl, op, row_id, old, new from undo_row where group_id = ? order by id",
        [change_id],
    )
    return [RowChange(*r) for r in rows.fetchall()]


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def current_row(store: Store, table: str, row_id: int, like: str) -> str | None:
    """Row ``row_id`` of ``table`` now, as JSON with the keys of ``like`` (a journaled row),
    serialised as the triggers serialise it; None when there is no such row."""
    if table not in NOUNS:
        raise ValueError(f"{table} is not journaled")
    keys = list(json.loads(like))
    pairs = ", ".join(f"'{k}', {_quoted(k)}" for k in keys)
    row = store.execute(
        f"select json_object({pairs}) from {_quoted(table)} where rowid = ?", [row_id]
    ).fetchone()
    return None if row is None else str(row[0])


def later_change_touching(store: Store, table: str, row_id: int, after: int) -> Change | None:
    """The newest change in effect, later than ``after``, that touched this row."""
    row = store.execute(
        _CHANGE_COLUMNS + "where g.undone is null and g.id > ? and exists (select 1 from "
        "undo_row r where r.group_id = g.id and r.tbl = ? and r.row_id = ?) "
        "order by g.id desc limit 1",
        [after, table, row_id],
    ).fetchone()
    return _change(row) if row else None


def put_row(store: Store, table: str, row_id: int, values: str | None) -> None:
    """Make row ``row_id`` of ``table`` hold ``values`` (JSON), or remove it for None.

    Written through the table itself, so its other triggers (the search index) follow.
    """
    if table not in NOUNS:
        raise ValueError(f"{table} is not journaled")
    exists = store.execute(f"select 1 from {_quoted(table)} where rowid = ?", [row_id]).fetchone()
    if values is None:
        store.execute(f"delete from {_quoted(table)} where rowid = ?", [row_id])
        return
    data: dict[str, Any] = json.loads(values)
    columns = list(data)
    if exists:
        assignments = ", ".join(f"{_quoted(c)} = ?" for c in columns)
        store.execute(
            f"update {_quoted(table)} set {assignments} where rowid = ?",
            [*data.values(), row_id],
        )
    else:
        names = ", ".join(["rowid", *(_quoted(c) for c in columns)])
        marks = ", ".join("?" for _ in range(len(columns) + 1))
        store.execute(
            f"insert into {_quoted(table)} ({names}) values ({marks})", [row_id, *data.values()]
        )


def mark_undone(store: Store, change_id: int) -> None:
    """Put a change on top of the redo stack."""
    store.execute(
        "update undo_group set undone = coalesce((select max(undone) from undo_group), 0) + 1 "
        "where id = ?",
        [change_id],
    )


def mark_redone(store: Store, change_id: int) -> None:
    """Take a change off the redo stack: it is in effect again."""
    store.execute("update undo_group set undone = null where id = ?", [change_id])
