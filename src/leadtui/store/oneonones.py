"""One-on-one repository: series, occurrence changes, points, actions, sessions."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from leadtui.domain.oneonones import (
    Action,
    Point,
    PointStatus,
    Series,
    SeriesStatus,
    Session,
    Side,
    Visibility,
)
from leadtui.errors import InputError, NotFoundError
from leadtui.store.database import write_transaction

if TYPE_CHECKING:
    from leadtui.domain.oneonones_input import ActionDraft, NotesDraft, PointDraft, SeriesDraft
    from leadtui.store.database import Store

_SERIES = (
    "id, person_id, every_weeks, weekday, at_time, minutes, starts_on, status, "
    "draft_shared_notes, draft_private_notes"
)
_POINT = (
    "id, series_id, text, raised_by, visibility, status, recurring, position, carried, "
    "session_id, created_on"
)
_ACTION = "id, series_id, text, owner, due_on, done_on, carried, session_id, created_on"
_SESSION = "id, series_id, held_on, shared_notes, private_notes"


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _series(row: tuple[Any, ...]) -> Series:
    sid, pid, every, weekday, at_time, minutes, starts, status, shared, private = row
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
    )


def _point(row: tuple[Any, ...]) -> Point:
    pid, sid, text, by, vis, status, recurring, position, carried, session, created = row
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
    sid, series_id, held, shared, private = row
    return Session(sid, series_id, date.fromisoformat(held), shared, private)


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
        """Create the person's series or change its rule.

        A new rule drops the moves and skips of the old one: they name occurrences the
        new rule no longer has.
        """
        with write_transaction(self.store):
            old = self.series_for(person_id)
            new_rule = (draft.every_weeks, draft.weekday, draft.starts_on)
            if old is not None and (old.every_weeks, old.weekday, old.starts_on) != new_rule:
                self.store.execute("delete from oo_occurrence_change where series_id = ?", [old.id])
            self.store.execute(
                "insert into oo_series (person_id, every_weeks, weekday, at_time, minutes, "
                "starts_on, created_at) values (?, ?, ?, ?, ?, ?, ?) on conflict(person_id) do "
                "update set every_weeks = excluded.every_weeks, weekday = excluded.weekday, "
                "at_time = excluded.at_time, minutes = excluded.minutes, "
                "starts_on = excluded.starts_on",
                [
                    person_id,
                    draft.every_weeks,
                    draft.weekday,
                    draft.at_time,
                    draft.minutes,
                    draft.starts_on.isoformat(),
                    datetime.now().isoformat(timespec="seconds"),
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
                "position, created_on) values (?, ?, ?, ?, ?, ?, ?)",
                [
                    series_id,
                    draft.text,
                    draft.raised_by.value,
                    draft.visibility.value,
                    int(draft.recurring),
                    position,
                    today.isoformat(),
                ],
            )
        return self.point(int(cursor.lastrowid or 0))

    def point(self, point_id: int) -> Point:
        """One talking point."""
        row = self.store.execute(
            f"select {_POINT} from oo_point where id = ?", [point_id]
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no talking point with id {point_id}; see `leadtui 1on1 show`")
        return _point(row)

    def set_point_status(self, point_id: int, status: PointStatus) -> Point:
        """Mark an open point discussed or dropped (or open again) in the upcoming session."""
        with write_transaction(self.store):
            point = self.point(point_id)
            if point.session_id is not None:
                raise InputError(f"talking point {point_id} is filed under a held session")
            self.store.execute(
                "update oo_point set status = ? where id = ?", [status.value, point_id]
            )
        return self.point(point_id)

    def set_point_visibility(self, point_id: int, visibility: Visibility) -> Point:
        """Make an upcoming point shared or private."""
        with write_transaction(self.store):
            self.point(point_id)
            self.store.execute(
                "update oo_point set visibility = ? where id = ?", [visibility.value, point_id]
            )
        return self.point(point_id)

    def open_points(self, series_id: int) -> list[Point]:
        """Points of the upcoming session (open, or marked but not yet filed)."""
        rows = self.store.execute(
            f"select {_POINT} from oo_point where series_id = ? and session_id is null "
            "order by position, id",
            [series_id],
        ).fetchall()
        return [_point(row) for row in rows]

    def move_point(self, point_id: int, offset: int) -> None:
        """Reorder: swap with the neighbour ``offset`` places away among upcoming points."""
        with write_transaction(self.store):
            point = self.point(point_id)
            points = self.open_points(point.series_id)
            index = next(i for i, p in enumerate(points) if p.id == point_id)
            other = index + offset
            if not 0 <= other < len(points):
                return
            order = [p.id for p in points]
            order[index], order[other] = order[other], order[index]
            for position, pid in enumerate(order, start=1):
                self.store.execute("update oo_point set position = ? where id = ?", [position, pid])

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

    def action(self, action_id: int) -> Action:
        """One action item."""
        row = self.store.execute(
            f"select {_ACTION} from oo_action where id = ?", [action_id]
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no action item with id {action_id}; see `leadtui 1on1 show`")
        return _action(row)

    def complete_action(self, action_id: int, done_on: date | None) -> Action:
        """Mark an action done (or open again with ``done_on`` None)."""
        with write_transaction(self.store):
            self.action(action_id)
            self.store.execute(
                "update oo_action set done_on = ? where id = ?",
                [done_on.isoformat() if done_on else None, action_id],
            )
        return self.action(action_id)

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

    def close_session(self, series: Series, held_on: date) -> Session:
        """Hold the upcoming session: file discussed points, carry the rest over.

        Discussed and dropped points are filed under the new session; a recurring point
        that was discussed is filed as a copy and stays open for next time. Open points
        and open actions carry over (their carried count goes up); actions done and
        feedback given since the last session are filed under this one. The draft notes
        become its notes.
        """
        with write_transaction(self.store):
            if self.store.execute(
                "select 1 from oo_session where series_id = ? and held_on = ?",
                [series.id, held_on.isoformat()],
            ).fetchone():
                raise InputError(
                    f"a session on {held_on.isoformat()} is already held; add to the next one, "
                    "or fix that session's notes (N on the One-on-ones screen)"
                )
            cursor = self.store.execute(
                "insert into oo_session (series_id, held_on, shared_notes, private_notes, "
                "closed_at) values (?, ?, ?, ?, ?)",
                [
                    series.id,
                    held_on.isoformat(),
                    series.draft_shared_notes,
                    series.draft_private_notes,
                    datetime.now().isoformat(timespec="seconds"),
                ],
            )
            session_id = int(cursor.lastrowid or 0)
            sid = series.id
            self.store.execute(
                "insert into oo_point (series_id, text, raised_by, visibility, status, "
                "recurring, position, carried, session_id, created_on) "
                "select series_id, text, raised_by, visibility, status, 0, position, carried, "
                "?, created_on from oo_point where series_id = ? and session_id is null "
                "and recurring = 1 and status = 'discussed'",
                [session_id, sid],
            )
            self.store.execute(
                "update oo_point set status = 'open' where series_id = ? and session_id is null "
                "and recurring = 1",
                [sid],
            )
            self.store.execute(
                "update oo_point set session_id = ? where series_id = ? and session_id is null "
                "and status in ('discussed', 'dropped')",
                [session_id, sid],
            )
            self.store.execute(
                "update oo_point set carried = carried + 1 where series_id = ? "
                "and session_id is null and recurring = 0",
                [sid],
            )
            self.store.execute(
                "update oo_action set session_id = ? where series_id = ? and session_id is null "
                "and done_on is not null",
                [session_id, sid],
            )
            self.store.execute(
                "update oo_action set carried = carried + 1 where series_id = ? "
                "and done_on is null",
                [sid],
            )
            # Feedback given during this session is filed under it, like its points.
            self.store.execute(
                "update feedback set session_id = ? where series_id = ? and session_id is null",
                [session_id, sid],
            )
            self.store.execute(
                "update oo_series set draft_shared_notes = '', draft_private_notes = '' "
                "where id = ?",
                [sid],
            )
        return self.session(session_id)

    def update_session_notes(self, session_id: int, notes: NotesDraft) -> Session:
        """Reopen a held session's notes to fix them; the rest of the session stays."""
        with write_transaction(self.store):
            self.session(session_id)
            self.store.execute(
                "update oo_session set shared_notes = ?, private_notes = ? where id = ?",
                [notes.shared, notes.private, session_id],
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
