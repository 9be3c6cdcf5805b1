"""One-on-one repository: series, occurrence changes, points, actions, sessions.

Rows in, rows out. The rules (a new rule drops the old moves and skips, one hold per
day, what holding files and carries over, the order of points) live in
domain.oneonones and services.oneonones; this module only reads and writes the rows
they decide on.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from leadtui.domain.dates import timestamp
from leadtui.domain.oneonones import (
    Action,
    Cadence,
    Point,
    PointKind,
    PointStatus,
    Series,
    SeriesStatus,
    Session,
    Side,
    Visibility,
)
from leadtui.errors import NotFoundError
from leadtui.store.database import write_transaction

if TYPE_CHECKING:
    from leadtui.domain.oneonones_input import ActionDraft, NotesDraft, PointDraft, SeriesDraft
    from leadtui.store.database import Store

_SERIES = (
    "id, person_id, every_weeks, weekday, at_time, minutes, starts_on, status, "
    "draft_shared_notes, draft_private_notes, cadence"
)
_POINT = (
    "id, series_id, text, raised_by, visibility, status, recurring, position, carried, "
    "session_id, created_on, deep, kind"
)
_ACTION = "id, series_id, text, owner, due_on, done_on, carried, session_id, created_on"
_SESSION = "id, series_id, held_on, shared_notes, private_notes, rating"


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _series(row: tuple[Any, ...]) -> Series:
    sid, pid, every, weekday, at_time, minutes, starts, status, shared, private, cadence = row
    return Series(
        sid,
        pid,
        every,
        weekday,
        at_time,
        minutes,
        date.fromisoformat(starts),
        SeriesStatus(status),
        shared,
        private,
        Cadence(cadence),
    )


def _point(row: tuple[Any, ...]) -> Point:
    pid, sid, text, by, vis, status, recurring, position, carried, session, created = row[:11]
    deep, kind = row[11:]
    return Point(
        pid,
        sid,
        text,
        Side(by),
        Visibility(vis),
        PointStatus(status),
        bool(recurring),
        position,
        carried,
        session,
        date.fromisoformat(created),
        bool(deep),
        PointKind(kind) if kind is not None else None,
    )


def _action(row: tuple[Any, ...]) -> Action:
    aid, sid, text, owner, due, done, carried, session, created = row
    return Action(
        aid,
        sid,
        text,
        Side(owner),
        _day(due),
        _day(done),
        carried,
        session,
        date.fromisoformat(created),
    )


def _session(row: tuple[Any, ...]) -> Session:
    sid, series_id, held, shared, private, rating = row
    return Session(sid, series_id, date.fromisoformat(held), shared, private, rating)


class OneOnOneRepository:
    """All reads and writes of the one-on-one tables."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # --- series -----------------------------------------------------------------------

    def series_for(self, person_id: int) -> Series | None:
        """The person's series, if any."""
        row = self.store.execute(
            f"select {_SERIES} from oo_series where person_id = ?", [person_id]
        ).fetchone()
        return _series(row) if row else None

    def all_series(self) -> list[Series]:
        """Every series."""
        rows = self.store.execute(f"select {_SERIES} from oo_series order by id").fetchall()
        return [_series(row) for row in rows]

    def save_series(self, person_id: int, draft: SeriesDraft) -> Series:
        """Write the person's recurring series row: a new one, or its rule, time and length
        changed (an ad-hoc row becomes recurring)."""
        with write_transaction(self.store):
            self.store.execute(
                "insert into oo_series (person_id, every_weeks, weekday, at_time, minutes, "
                "starts_on, created_at) values (?, ?, ?, ?, ?, ?, ?) on conflict(person_id) do "
                "update set every_weeks = excluded.every_weeks, weekday = excluded.weekday, "
                "at_time = excluded.at_time, minutes = excluded.minutes, "
                "starts_on = excluded.starts_on, cadence = 'recurring'",
                [
                    person_id,
                    draft.every_weeks,
                    draft.weekday,
                    draft.at_time,
                    draft.minutes,
                    draft.starts_on.isoformat(),
                    timestamp(),
                ],
            )
        series = self.series_for(person_id)
        assert series is not None
        return series

    def add_ad_hoc_series(self, person_id: int, today: date) -> Series:
        """Write a new ad-hoc series row for the person (started ``today``)."""
        with write_transaction(self.store):
            self.store.execute(
                "insert into oo_series (person_id, weekday, starts_on, cadence, created_at) "
                "values (?, ?, ?, ?, ?)",
                [
                    person_id,
                    today.weekday(),
                    today.isoformat(),
                    Cadence.AD_HOC.value,
                    timestamp(),
                ],
            )
        series = self.series_for(person_id)
        assert series is not None
        return series

    def set_status(self, series_id: int, status: SeriesStatus) -> None:
        """Pause, resume or end a series."""
        with write_transaction(self.store):
            self.store.execute(
                "update oo_series set status = ? where id = ?", [status.value, series_id]
            )

    def clear_changes(self, series_id: int) -> None:
        """Forget every moved and skipped occurrence of a series."""
        with write_transaction(self.store):
            self.store.execute("delete from oo_occurrence_change where series_id = ?", [series_id])

    def changes(self, series_id: int) -> dict[date, date | None]:
        """Moved (to a date) and skipped (None) occurrences."""
        rows = self.store.execute(
            "select original_on, moved_to from oo_occurrence_change where series_id = ?",
            [series_id],
        ).fetchall()
        return {date.fromisoformat(orig): _day(moved) for orig, moved in rows}

    def change_occurrence(self, series_id: int, original: date, moved_to: date | None) -> None:
        """Move one occurrence, or skip it (``moved_to`` None)."""
        with write_transaction(self.store):
            self.store.execute(
                "insert into oo_occurrence_change (series_id, original_on, moved_to) "
                "values (?, ?, ?) on conflict(series_id, original_on) do update set "
                "moved_to = excluded.moved_to",
                [series_id, original.isoformat(), moved_to.isoformat() if moved_to else None],
            )

    def restore_occurrence(self, series_id: int, original: date) -> bool:
        """Undo a move or skip of one occurrence; False if it was not changed."""
        with write_transaction(self.store):
            cursor = self.store.execute(
                "delete from oo_occurrence_change where series_id = ? and original_on = ?",
                [series_id, original.isoformat()],
            )
        return cursor.rowcount > 0

    def set_draft_notes(self, series_id: int, notes: NotesDraft) -> None:
        """Notes written for the upcoming session."""
        with write_transaction(self.store):
            self.store.execute(
                "update oo_series set draft_shared_notes = ?, draft_private_notes = ? where id = ?",
                [notes.shared, notes.private, series_id],
            )

    # --- points and actions -------------------------------------------------------------

    def add_point(self, series_id: int, draft: PointDraft, today: date) -> Point:
        """A new open talking point at the end of the list."""
        with write_transaction(self.store):
            position = self.store.execute(
                "select coalesce(max(position), 0) + 1 from oo_point where series_id = ?",
                [series_id],
            ).fetchone()[0]
            cursor = self.store.execute(
                "insert into oo_point (series_id, text, raised_by, visibility, recurring, "
                "position, created_on, deep, kind) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    series_id,
                    draft.text,
                    draft.raised_by.value,
                    draft.visibility.value,
                    int(draft.recurring),
                    position,
                    today.isoformat(),
                    int(draft.deep),
                    draft.kind.value if draft.kind is not None else None,
                ],
            )
        return self.point(int(cursor.lastrowid or 0))

    def find_point(self, point_id: int) -> Point | None:
        """One talking point, or None."""
        row = self.store.execute(
            f"select {_POINT} from oo_point where id = ?", [point_id]
        ).fetchone()
        return _point(row) if row else None

    def points_by_id(self, point_ids: Sequence[int]) -> dict[int, Point]:
        """The talking points with these ids that exist, by id."""
        if not point_ids:
            return {}
        marks = ", ".join("?" for _ in point_ids)
        rows = self.store.execute(
            f"select {_POINT} from oo_point where id in ({marks})", list(point_ids)
        ).fetchall()
        return {int(row[0]): _point(row) for row in rows}

    def point(self, point_id: int) -> Point:
        """One talking point that exists."""
        point = self.find_point(point_id)
        if point is None:
            raise NotFoundError(f"no talking point with id {point_id}")
        return point

    def set_point_status(self, point_id: int, status: PointStatus) -> Point:
        """Write a point's status."""
        with write_transaction(self.store):
            self.store.execute(
                "update oo_point set status = ? where id = ?", [status.value, point_id]
            )
        return self.point(point_id)

    def set_point_visibility(self, point_id: int, visibility: Visibility) -> Point:
        """Write a point's visibility."""
        with write_transaction(self.store):
            self.store.execute(
                "update oo_point set visibility = ? where id = ?", [visibility.value, point_id]
            )
        return self.point(point_id)

    def set_point_deep(self, point_id: int, deep: bool) -> Point:
        """Mark a point deep (one of the two or three problems to dig into) or not."""
        with write_transaction(self.store):
            self.store.execute("update oo_point set deep = ? where id = ?", [int(deep), point_id])
        return self.point(point_id)

    def set_point_text(self, point_id: int, text: str) -> Point:
        """Write a point's text."""
        with write_transaction(self.store):
            self.store.execute("update oo_point set text = ? where id = ?", [text, point_id])
        return self.point(point_id)

    def delete_point(self, point_id: int) -> None:
        """Delete a talking point's row."""
        with write_transaction(self.store):
            self.store.execute("delete from oo_point where id = ?", [point_id])

    def point_evidence(self, point_id: int) -> int:
        """How many T3B3 items and succession gaps name the point as evidence."""
        row = self.store.execute(
            "select (select count(*) from t3b3_item where point_id = :id) + "
            "(select count(*) from succession_gap where point_id = :id)",
            {"id": point_id},
        ).fetchone()
        return int(row[0])

    def open_points(self, series_id: int) -> list[Point]:
        """Points of the upcoming session (open, or marked but not yet filed)."""
        rows = self.store.execute(
            f"select {_POINT} from oo_point where series_id = ? and session_id is null "
            "order by position, id",
            [series_id],
        ).fetchall()
        return [_point(row) for row in rows]

    def carried_counts(self, at_least: int) -> dict[int, int]:
        """Per series, its upcoming open points carried over ``at_least`` times or more."""
        rows = self.store.execute(
            "select series_id, count(*) from oo_point where session_id is null "
            "and status = 'open' and carried >= ? group by series_id",
            [at_least],
        ).fetchall()
        return {series_id: count for series_id, count in rows}

    def set_positions(self, point_ids: Sequence[int]) -> None:
        """Number the points 1, 2, 3 … in the order given."""
        with write_transaction(self.store):
            self.store.conn.executemany(
                "update oo_point set position = ? where id = ?",
                [(position, pid) for position, pid in enumerate(point_ids, start=1)],
            )

    def add_action(self, series_id: int, draft: ActionDraft, today: date) -> Action:
        """A new open action item."""
        with write_transaction(self.store):
            cursor = self.store.execute(
                "insert into oo_action (series_id, text, owner, due_on, created_on) "
                "values (?, ?, ?, ?, ?)",
                [
                    series_id,
                    draft.text,
                    draft.owner.value,
                    draft.due_on.isoformat() if draft.due_on else None,
                    today.isoformat(),
                ],
            )
        return self.action(int(cursor.lastrowid or 0))

    def find_action(self, action_id: int) -> Action | None:
        """One action item, or None."""
        row = self.store.execute(
            f"select {_ACTION} from oo_action where id = ?", [action_id]
        ).fetchone()
        return _action(row) if row else None

    def action(self, action_id: int) -> Action:
        """One action item that exists."""
        action = self.find_action(action_id)
        if action is None:
            raise NotFoundError(f"no action item with id {action_id}")
        return action

    def complete_action(self, action_id: int, done_on: date | None) -> Action:
        """Write the day an action was done (None: open)."""
        with write_transaction(self.store):
            self.store.execute(
                "update oo_action set done_on = ? where id = ?",
                [done_on.isoformat() if done_on else None, action_id],
            )
        return self.action(action_id)

    def update_action(self, action_id: int, draft: ActionDraft) -> Action:
        """Write an action's text, owner and due date."""
        with write_transaction(self.store):
            self.store.execute(
                "update oo_action set text = ?, owner = ?, due_on = ? where id = ?",
                [
                    draft.text,
                    draft.owner.value,
                    draft.due_on.isoformat() if draft.due_on else None,
                    action_id,
                ],
            )
        return self.action(action_id)

    def delete_action(self, action_id: int) -> None:
        """Delete an action item's row."""
        with write_transaction(self.store):
            self.store.execute("delete from oo_action where id = ?", [action_id])

    def upcoming_actions(self, series_id: int) -> list[Action]:
        """Actions of the upcoming session: open, or done since the last held session."""
        rows = self.store.execute(
            f"select {_ACTION} from oo_action where series_id = ? and session_id is null "
            "order by done_on is not null, due_on is null, due_on, id",
            [series_id],
        ).fetchall()
        return [_action(row) for row in rows]

    def actions_in_sessions(self, session_ids: list[int]) -> list[Action]:
        """Actions filed (done) under the given held sessions."""
        if not session_ids:
            return []
        marks = ", ".join("?" for _ in session_ids)
        rows = self.store.execute(
            f"select {_ACTION} from oo_action where session_id in ({marks}) order by id",
            session_ids,
        ).fetchall()
        return [_action(row) for row in rows]

    def points_in_sessions(self, session_ids: list[int]) -> list[Point]:
        """Points filed under the given held sessions."""
        if not session_ids:
            return []
        marks = ", ".join("?" for _ in session_ids)
        rows = self.store.execute(
            f"select {_POINT} from oo_point where session_id in ({marks}) order by position, id",
            session_ids,
        ).fetchall()
        return [_point(row) for row in rows]

    def actions_due_between(self, since: date, until: date) -> list[Action]:
        """Every series' actions due in a window (for commitments kept)."""
        rows = self.store.execute(
            f"select {_ACTION} from oo_action where due_on > ? and due_on <= ?",
            [since.isoformat(), until.isoformat()],
        ).fetchall()
        return [_action(row) for row in rows]

    def overdue_counts(self, today: date) -> dict[Side, int]:
        """Open actions past their due date, per owner, across every series."""
        rows = self.store.execute(
            "select owner, count(*) from oo_action where done_on is null and due_on < ? "
            "group by owner",
            [today.isoformat()],
        ).fetchall()
        counts = {side: 0 for side in Side}
        counts.update({Side(owner): n for owner, n in rows})
        return counts

    def last_held_by_series(self) -> dict[int, date]:
        """The newest held session of every series."""
        rows = self.store.execute(
            "select series_id, max(held_on) from oo_session group by series_id"
        ).fetchall()
        return {sid: date.fromisoformat(day) for sid, day in rows}

    def all_changes(self) -> dict[int, dict[date, date | None]]:
        """Moved and skipped occurrences of every series."""
        found: dict[int, dict[date, date | None]] = {}
        for sid, orig, moved in self.store.execute(
            "select series_id, original_on, moved_to from oo_occurrence_change"
        ).fetchall():
            found.setdefault(sid, {})[date.fromisoformat(orig)] = _day(moved)
        return found

    def actions(self, series_id: int, *, open_only: bool = False) -> list[Action]:
        """Action items, open ones first, then by due date."""
        where = "and done_on is null" if open_only else ""
        rows = self.store.execute(
            f"select {_ACTION} from oo_action where series_id = ? {where} "
            "order by done_on is not null, due_on is null, due_on, id",
            [series_id],
        ).fetchall()
        return [_action(row) for row in rows]

    # --- sessions -----------------------------------------------------------------------

    def sessions(self, series_id: int, limit: int = 20, offset: int = 0) -> list[Session]:
        """Held sessions, newest first, a page at a time."""
        rows = self.store.execute(
            f"select {_SESSION} from oo_session where series_id = ? "
            "order by held_on desc, id desc limit ? offset ?",
            [series_id, limit, offset],
        ).fetchall()
        return [_session(row) for row in rows]

    def session(self, session_id: int) -> Session:
        """One held session."""
        row = self.store.execute(
            f"select {_SESSION} from oo_session where id = ?", [session_id]
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no session with id {session_id}")
        return _session(row)

    def filed_points(self, session_id: int) -> list[Point]:
        """Points discussed or dropped in a held session."""
        rows = self.store.execute(
            f"select {_POINT} from oo_point where session_id = ? order by position, id",
            [session_id],
        ).fetchall()
        return [_point(row) for row in rows]

    def insert_session(
        self, series_id: int, held_on: date, shared_notes: str, private_notes: str
    ) -> Session:
        """A held session's row with its notes."""
        with write_transaction(self.store):
            cursor = self.store.execute(
                "insert into oo_session (series_id, held_on, shared_notes, private_notes, "
                "closed_at) values (?, ?, ?, ?, ?)",
                [
                    series_id,
                    held_on.isoformat(),
                    shared_notes,
                    private_notes,
                    timestamp(),
                ],
            )
        return self.session(int(cursor.lastrowid or 0))

    def insert_filed_copies(self, points: Sequence[Point], session_id: int) -> None:
        """Copies of ``points`` filed under a session (not recurring), as they stand."""
        with write_transaction(self.store):
            self.store.conn.executemany(
                "insert into oo_point (series_id, text, raised_by, visibility, status, "
                "recurring, position, carried, session_id, created_on, deep, kind) "
                "values (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        p.series_id,
                        p.text,
                        p.raised_by.value,
                        p.visibility.value,
                        p.status.value,
                        p.position,
                        p.carried,
                        session_id,
                        p.created_on.isoformat(),
                        int(p.deep),
                        p.kind.value if p.kind is not None else None,
                    )
                    for p in points
                ],
            )

    def set_points_status(self, point_ids: Sequence[int], status: PointStatus) -> None:
        """Write one status to several points."""
        with write_transaction(self.store):
            self.store.conn.executemany(
                "update oo_point set status = ? where id = ?",
                [(status.value, pid) for pid in point_ids],
            )

    def file_points(self, point_ids: Sequence[int], session_id: int) -> None:
        """File points under a held session."""
        with write_transaction(self.store):
            self.store.conn.executemany(
                "update oo_point set session_id = ? where id = ?",
                [(session_id, pid) for pid in point_ids],
            )

    def set_points_carried(self, counts: Sequence[tuple[int, int]]) -> None:
        """Write how many sessions each point was carried over: (point id, count) pairs."""
        with write_transaction(self.store):
            self.store.conn.executemany(
                "update oo_point set carried = ? where id = ?",
                [(count, pid) for pid, count in counts],
            )

    def file_actions(self, action_ids: Sequence[int], session_id: int) -> None:
        """File actions under a held session."""
        with write_transaction(self.store):
            self.store.conn.executemany(
                "update oo_action set session_id = ? where id = ?",
                [(session_id, aid) for aid in action_ids],
            )

    def set_actions_carried(self, counts: Sequence[tuple[int, int]]) -> None:
        """Write how many sessions each action was carried over: (action id, count) pairs."""
        with write_transaction(self.store):
            self.store.conn.executemany(
                "update oo_action set carried = ? where id = ?",
                [(count, aid) for aid, count in counts],
            )

    def file_pending_feedback(self, series_id: int, session_id: int) -> int:
        """File the feedback given in a series' upcoming session under a held session;
        returns how many entries were filed."""
        with write_transaction(self.store):
            cursor = self.store.execute(
                "update feedback set session_id = ? where series_id = ? and session_id is null",
                [session_id, series_id],
            )
        return cursor.rowcount

    def update_session_notes(self, session_id: int, notes: NotesDraft) -> Session:
        """Write a held session's notes."""
        with write_transaction(self.store):
            self.store.execute(
                "update oo_session set shared_notes = ?, private_notes = ? where id = ?",
                [notes.shared, notes.private, session_id],
            )
        return self.session(session_id)

    def set_rating(self, session_id: int, rating: int | None) -> Session:
        """Rate a held session (None clears the rating)."""
        with write_transaction(self.store):
            self.store.execute(
                "update oo_session set rating = ? where id = ?", [rating, session_id]
            )
        return self.session(session_id)

    def held_between(self, series_id: int, since: date, until: date) -> list[Session]:
        """Sessions held between two days (inclusive), oldest first."""
        rows = self.store.execute(
            f"select {_SESSION} from oo_session where series_id = ? and held_on between ? and ? "
            "order by held_on, id",
            [series_id, since.isoformat(), until.isoformat()],
        ).fetchall()
        return [_session(row) for row in rows]

    def actions_touching(self, series_id: int, since: date, until: date) -> list[Action]:
        """Actions due or done between two days: the half's commitments."""
        rows = self.store.execute(
            f"select {_ACTION} from oo_action where series_id = :series and "
            "(due_on between :since and :until or done_on between :since and :until) "
            "order by due_on, id",
            {"series": series_id, "since": since.isoformat(), "until": until.isoformat()},
        ).fetchall()
        return [_action(row) for row in rows]

    def last_held(self, series_id: int) -> date | None:
        """Date of the newest held session."""
        row = self.store.execute(
            "select max(held_on) from oo_session where series_id = ?", [series_id]
        ).fetchone()
        return _day(row[0]) if row else None

    def unfile_session(self, session_id: int) -> None:
        """Take the points, actions and feedback filed under a session back out of it."""
        with write_transaction(self.store):
            for table in ("oo_point", "oo_action", "feedback"):
                self.store.execute(
                    f"update {table} set session_id = null where session_id = ?", [session_id]
                )

    def delete_session(self, session_id: int) -> None:
        """Delete a held session's row (nothing may be filed under it any more)."""
        with write_transaction(self.store):
            self.store.execute("delete from oo_session where id = ?", [session_id])
