"""Feedback and T3B3 repositories."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from leadtui.domain.feedback import (
    T3B3,
    Evidence,
    Feedback,
    FeedbackKind,
    T3B3Item,
    T3B3Side,
    check_deliverable,
    check_room,
    empty_t3b3,
)
from leadtui.domain.oneonones import Visibility
from leadtui.domain.text import quoted
from leadtui.errors import InputError, NotFoundError
from leadtui.store.database import write_transaction

if TYPE_CHECKING:
    from leadtui.domain.feedback_input import FeedbackDraft
    from leadtui.store.database import Store

_FEEDBACK = "id, person_id, given_on, kind, text, visibility, series_id, session_id"
_T3B3 = "id, person_id, half, delivered_on, in_person, remove_text, text_removed"
_ITEM = "id, side, rank, text, feedback_id, point_id"
_Slot = tuple[str, int | None, int | None]  # text, feedback id, point id


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


def _feedback(row: tuple[Any, ...]) -> Feedback:
    fid, person_id, given_on, kind, text, visibility, series_id, session_id = row
    return Feedback(
        int(fid),
        int(person_id),
        date.fromisoformat(given_on),
        FeedbackKind(kind),
        text,
        Visibility(visibility),
        series_id,
        session_id,
    )


def _item(row: tuple[Any, ...]) -> T3B3Item:
    iid, side, rank, text, feedback_id, point_id = row
    return T3B3Item(int(iid), T3B3Side(side), int(rank), text, feedback_id, point_id)


class FeedbackRepository:
    """The feedback log."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def add(self, person_id: int, draft: FeedbackDraft, series_id: int | None = None) -> Feedback:
        """Record feedback; ``series_id`` when it was given during that person's 1:1 (the
        entry is filed under the session when the session is held)."""
        with write_transaction(self.store):
            cursor = self.store.execute(
                "insert into feedback (person_id, given_on, kind, text, visibility, series_id, "
                "created_at) values (?, ?, ?, ?, ?, ?, ?)",
                [
                    person_id,
                    draft.day.isoformat(),
                    draft.kind.value,
                    draft.text,
                    draft.visibility.value,
                    series_id,
                    _now(),
                ],
            )
        return self.get(int(cursor.lastrowid or 0))

    def get(self, feedback_id: int) -> Feedback:
        """One entry, or NotFoundError."""
        row = self.store.execute(
            f"select {_FEEDBACK} from feedback where id = ?", [feedback_id]
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no feedback with id {feedback_id}")
        return _feedback(row)

    def for_person(
        self, person_id: int, since: date | None = None, until: date | None = None
    ) -> list[Feedback]:
        """A person's entries between two days (inclusive), oldest first."""
        rows = self.store.execute(
            f"select {_FEEDBACK} from feedback where person_id = ? and given_on >= ? "
            "and given_on <= ? order by given_on, id",
            [
                person_id,
                (since or date.min).isoformat(),
                (until or date.max).isoformat(),
            ],
        ).fetchall()
        return [_feedback(row) for row in rows]

    def pending_in_series(self, series_id: int) -> list[Feedback]:
        """Feedback given during the upcoming session (not held yet)."""
        rows = self.store.execute(
            f"select {_FEEDBACK} from feedback where series_id = ? and session_id is null "
            "order by id",
            [series_id],
        ).fetchall()
        return [_feedback(row) for row in rows]

    def in_series(self, series_id: int, session_ids: list[int]) -> list[Feedback]:
        """Feedback given in a 1:1: still pending for the upcoming session, or filed under
        one of ``session_ids``."""
        marks = ", ".join("?" for _ in session_ids) or "null"
        rows = self.store.execute(
            f"select {_FEEDBACK} from feedback where series_id = ? and "
            f"(session_id is null or session_id in ({marks})) order by given_on, id",
            [series_id, *session_ids],
        ).fetchall()
        return [_feedback(row) for row in rows]

    def last_given(self) -> dict[int, date]:
        """The newest feedback date per person."""
        rows = self.store.execute(
            "select person_id, max(given_on) from feedback group by person_id"
        ).fetchall()
        return {int(pid): date.fromisoformat(day) for pid, day in rows}

    def insert(self, entry: Feedback, created_at: datetime) -> Feedback:
        """Store an entry as given, its day and 1:1 session included, with when it was
        written down; its id is the table's to give, so the one passed in is ignored."""
        with write_transaction(self.store):
            cursor = self.store.execute(
                "insert into feedback (person_id, given_on, kind, text, visibility, series_id, "
                "session_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    entry.person_id,
                    entry.given_on.isoformat(),
                    entry.kind.value,
                    entry.text,
                    entry.visibility.value,
                    entry.series_id,
                    entry.session_id,
                    created_at.isoformat(timespec="seconds"),
                ],
            )
        return entry._replace(id=int(cursor.lastrowid or 0))


class T3B3Repository:
    """T3B3 records and their six slots."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self, person_id: int, half: str) -> T3B3:
        """The person's T3B3 for ``half``; an empty draft (id 0) if not started."""
        row = self.store.execute(
            f"select {_T3B3} from t3b3 where person_id = ? and half = ?", [person_id, half]
        ).fetchone()
        return empty_t3b3(person_id, half) if row is None else self._with_items(row)

    def _with_items(self, row: tuple[Any, ...]) -> T3B3:
        tid, person_id, half, delivered_on, in_person, remove_text, text_removed = row
        items = self.store.execute(
            f"select {_ITEM} from t3b3_item where t3b3_id = ? order by side desc, rank", [tid]
        ).fetchall()
        return T3B3(
            int(tid),
            int(person_id),
            half,
            tuple(_item(i) for i in items),
            date.fromisoformat(delivered_on) if delivered_on else None,
            None if in_person is None else bool(in_person),
            bool(remove_text),
            bool(text_removed),
        )

    def for_halves(self, halves: list[str]) -> dict[tuple[int, str], T3B3]:
        """Every stored T3B3 of these halves, by (person id, half)."""
        if not halves:
            return {}
        marks = ", ".join("?" for _ in halves)
        rows = self.store.execute(
            f"select {_T3B3} from t3b3 where half in ({marks})", halves
        ).fetchall()
        found = [self._with_items(row) for row in rows]
        return {(t.person_id, t.half): t for t in found}

    def _ensure(self, person_id: int, half: str) -> T3B3:
        self.store.execute(
            "insert into t3b3 (person_id, half, created_at) values (?, ?, ?) "
            "on conflict(person_id, half) do nothing",
            [person_id, half, _now()],
        )
        return self.get(person_id, half)

    @staticmethod
    def _editable(t3b3: T3B3) -> None:
        if t3b3.delivered_on is not None:
            raise InputError(
                f"the {t3b3.half} T3B3 was delivered on {t3b3.delivered_on.isoformat()}; "
                "it is kept as delivered"
            )

    def _write_side(self, t3b3: T3B3, side: T3B3Side, items: list[_Slot]) -> None:
        # Rewrite the side's slots in order; UNIQUE (t3b3_id, side, rank) forbids shuffling
        # ranks in place.
        self.store.execute(
            "delete from t3b3_item where t3b3_id = ? and side = ?", [t3b3.id, side.value]
        )
        for rank, (text, feedback_id, point_id) in enumerate(items, start=1):
            self.store.execute(
                "insert into t3b3_item (t3b3_id, side, rank, text, feedback_id, point_id) "
                "values (?, ?, ?, ?, ?, ?)",
                [t3b3.id, side.value, rank, text, feedback_id, point_id],
            )

    def set_lists(
        self, person_id: int, half: str, top: tuple[str, ...] | None, bottom: tuple[str, ...] | None
    ) -> T3B3:
        """Replace the Top and/or Bottom list. An item whose text is unchanged keeps its link."""
        with write_transaction(self.store):
            t3b3 = self._ensure(person_id, half)
            self._editable(t3b3)
            for side, texts in ((T3B3Side.TOP, top), (T3B3Side.BOTTOM, bottom)):
                if texts is None:
                    continue
                old = {i.text.casefold(): i for i in t3b3.side(side)}
                rows: list[_Slot] = []
                for text in texts:
                    kept = old.get(text.casefold())
                    links = (kept.feedback_id, kept.point_id) if kept else (None, None)
                    rows.append((text, *links))
                self._write_side(t3b3, side, rows)
        return self.get(person_id, half)

    def add_item(self, person_id: int, half: str, side: T3B3Side, text: str) -> T3B3:
        """Put ``text`` in the next free slot of ``side``; a fourth item is refused."""
        with write_transaction(self.store):
            t3b3 = self._ensure(person_id, half)
            self._editable(t3b3)
            check_room(t3b3, side)
            if any(i.text.casefold() == text.casefold() for i in t3b3.side(side)):
                raise InputError(f"{side.value.capitalize()} already has {quoted(text)}")
            rank = len(t3b3.side(side)) + 1
            self.store.execute(
                "insert into t3b3_item (t3b3_id, side, rank, text) values (?, ?, ?, ?)",
                [t3b3.id, side.value, rank, text],
            )
        return self.get(person_id, half)

    def _owner(self, item_id: int) -> T3B3:
        row = self.store.execute(
            f"select {', '.join('t.' + c.strip() for c in _T3B3.split(','))} from t3b3 t "
            "join t3b3_item i on i.t3b3_id = t.id where i.id = ?",
            [item_id],
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no T3B3 item with id {item_id}")
        return self._with_items(row)

    def edit_item(self, item_id: int, text: str) -> T3B3:
        """Change an item's words; a changed text keeps its link (the editor shows it)."""
        with write_transaction(self.store):
            t3b3 = self._owner(item_id)
            self._editable(t3b3)
            self.store.execute("update t3b3_item set text = ? where id = ?", [text, item_id])
        return self._owner(item_id)

    def remove_item(self, item_id: int) -> T3B3:
        """Take an item out; the ones below move up."""
        with write_transaction(self.store):
            t3b3 = self._owner(item_id)
            self._editable(t3b3)
            [item] = [i for i in t3b3.items if i.id == item_id]
            rest = [i for i in t3b3.side(item.side) if i.id != item_id]
            self._write_side(t3b3, item.side, [(i.text, i.feedback_id, i.point_id) for i in rest])
        return self.get(t3b3.person_id, t3b3.half)

    def move_item(self, item_id: int, offset: int) -> T3B3:
        """Move an item up (-1) or down (+1) within its side."""
        with write_transaction(self.store):
            t3b3 = self._owner(item_id)
            self._editable(t3b3)
            [item] = [i for i in t3b3.items if i.id == item_id]
            items = t3b3.side(item.side)
            index = items.index(item)
            target = index + offset
            if 0 <= target < len(items):
                items[index], items[target] = items[target], items[index]
                self._write_side(
                    t3b3, item.side, [(i.text, i.feedback_id, i.point_id) for i in items]
                )
        return self.get(t3b3.person_id, t3b3.half)

    def link_item(self, item_id: int, evidence: Evidence | None) -> T3B3:
        """Link a Bottom item to earlier feedback or a 1:1 point (None unlinks)."""
        with write_transaction(self.store):
            t3b3 = self._owner(item_id)
            self._editable(t3b3)
            feedback_id = evidence.id if evidence and evidence.kind == "feedback" else None
            point_id = evidence.id if evidence and evidence.kind == "point" else None
            self.store.execute(
                "update t3b3_item set feedback_id = ?, point_id = ? where id = ?",
                [feedback_id, point_id, item_id],
            )
        return self._owner(item_id)

    def set_remove_text(self, person_id: int, half: str, remove: bool) -> T3B3:
        """Choose whether delivering wipes the six texts and keeps only the fact."""
        with write_transaction(self.store):
            t3b3 = self._ensure(person_id, half)
            self._editable(t3b3)
            self.store.execute(
                "update t3b3 set remove_text = ? where id = ?", [int(remove), t3b3.id]
            )
        return self.get(person_id, half)

    def deliver(self, person_id: int, half: str, on: date, in_person: bool) -> T3B3:
        """Record delivery (needs 3 + 3). With remove_text the items' words are deleted."""
        with write_transaction(self.store):
            t3b3 = self.get(person_id, half)
            check_deliverable(t3b3)
            self.store.execute(
                "update t3b3 set delivered_on = ?, in_person = ? where id = ?",
                [on.isoformat(), int(in_person), t3b3.id],
            )
            if t3b3.remove_text:
                self.store.execute("delete from t3b3_item where t3b3_id = ?", [t3b3.id])
                self.store.execute("update t3b3 set text_removed = 1 where id = ?", [t3b3.id])
        return self.get(person_id, half)

    def evidence(self, person_id: int, since: date, until: date) -> list[Evidence]:
        """What a Bottom item can show was raised with the person between two days: shared
        feedback or feedback given in a held 1:1, and shared talking points discussed in
        a held 1:1 (a point only planned for the next one was not raised yet). Private
        notes are the manager's own and were not necessarily told, so they do not count."""
        rows = self.store.execute(
            "select 'feedback', id, given_on, text, visibility from feedback "
            "where person_id = ? and given_on between ? and ? "
            "and (visibility = 'shared' or session_id is not null) "
            "union all "
            "select 'point', p.id, coalesce(s.held_on, p.created_on), p.text, p.visibility "
            "from oo_point p join oo_series r on r.id = p.series_id "
            "left join oo_session s on s.id = p.session_id "
            "where r.person_id = ? and p.status = 'discussed' and p.session_id is not null "
            "and p.visibility = 'shared' "
            "and coalesce(s.held_on, p.created_on) between ? and ?",
            [person_id, since.isoformat(), until.isoformat()] * 2,
        ).fetchall()
        return [
            Evidence(kind, int(eid), date.fromisoformat(on), text, Visibility(vis))
            for kind, eid, on, text, vis in rows
        ]

    def linked_evidence(self, t3b3: T3B3) -> dict[int, Evidence]:
        """What each linked item points to, by item id."""
        found: dict[int, Evidence] = {}
        for item in t3b3.items:
            if item.feedback_id is not None:
                row = self.store.execute(
                    "select id, given_on, text, visibility from feedback where id = ?",
                    [item.feedback_id],
                ).fetchone()
                kind = "feedback"
            elif item.point_id is not None:
                row = self.store.execute(
                    "select p.id, coalesce(s.held_on, p.created_on), p.text, p.visibility "
                    "from oo_point p left join oo_session s on s.id = p.session_id "
                    "where p.id = ?",
                    [item.point_id],
                ).fetchone()
                kind = "point"
            else:
                continue
            if row is not None:
                eid, on, text, vis = row
                found[item.id] = Evidence(
                    kind, int(eid), date.fromisoformat(on), text, Visibility(vis)
                )
        return found

    def insert(self, t3b3: T3B3) -> T3B3:
        """Store a T3B3 as given: its items in the order given, their links, its delivery
        and whether its text was removed. The ids are the tables' to give, so the ones
        passed in are ignored. Nothing is checked: the record is taken as already whole."""
        with write_transaction(self.store):
            cursor = self.store.execute(
                "insert into t3b3 (person_id, half, delivered_on, in_person, remove_text, "
                "text_removed, created_at) values (?, ?, ?, ?, ?, ?, ?)",
                [
                    t3b3.person_id,
                    t3b3.half,
                    t3b3.delivered_on.isoformat() if t3b3.delivered_on else None,
                    None if t3b3.in_person is None else int(t3b3.in_person),
                    int(t3b3.remove_text),
                    int(t3b3.text_removed),
                    _now(),
                ],
            )
            t3b3_id = int(cursor.lastrowid or 0)
            self.store.conn.executemany(
                "insert into t3b3_item (t3b3_id, side, rank, text, feedback_id, point_id) "
                "values (?, ?, ?, ?, ?, ?)",
                [
                    (t3b3_id, i.side.value, i.rank, i.text, i.feedback_id, i.point_id)
                    for i in t3b3.items
                ],
            )
        return self.get(t3b3.person_id, t3b3.half)
