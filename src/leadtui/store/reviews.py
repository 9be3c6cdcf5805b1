"""Feedback and T3B3 repositories: rows in, rows out. The rules (3 + 3, read-only after
delivery, what counts as raised before) live in domain.feedback and services.review."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from leadtui.domain.dates import timestamp
from leadtui.domain.oneonones import Point, Visibility
from leadtui.domain.reviews import (
    T3B3,
    Evidence,
    EvidenceKind,
    Feedback,
    FeedbackKind,
    T3B3Item,
    T3B3Side,
    empty_t3b3,
)
from leadtui.errors import NotFoundError
from leadtui.store.database import write_transaction
from leadtui.store.oneonones import OneOnOneRepository

if TYPE_CHECKING:
    from collections.abc import Sequence

    from leadtui.domain.reviews_input import FeedbackDraft
    from leadtui.store.database import Store

_FEEDBACK = "id, person_id, given_on, kind, text, visibility, series_id, session_id"
_T3B3 = "id, person_id, half, delivered_on, in_person, remove_text, text_removed, dismissed_on"
_ITEM = "id, side, rank, text, feedback_id, point_id"


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


def _item(row: tuple[Any, ...], links: dict[tuple[str, int], Feedback | Point]) -> T3B3Item:
    iid, side, rank, text, feedback_id, point_id = row
    link = links.get(("feedback", feedback_id)) or links.get(("point", point_id))
    return T3B3Item(int(iid), T3B3Side(side), int(rank), text, feedback_id, point_id, link)


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
                    timestamp(),
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

    def update(self, entry: Feedback) -> Feedback:
        """Overwrite the stored entry with ``entry``: person, day, kind, text, visibility
        and its 1:1 filing, as given."""
        with write_transaction(self.store):
            self.store.execute(
                "update feedback set person_id = ?, given_on = ?, kind = ?, text = ?, "
                "visibility = ?, series_id = ?, session_id = ? where id = ?",
                [
                    entry.person_id,
                    entry.given_on.isoformat(),
                    entry.kind.value,
                    entry.text,
                    entry.visibility.value,
                    entry.series_id,
                    entry.session_id,
                    entry.id,
                ],
            )
        return self.get(entry.id)

    def delete(self, feedback_id: int) -> None:
        """Delete one entry (what links to it is the caller's to check first)."""
        with write_transaction(self.store):
            self.store.execute("delete from feedback where id = ?", [feedback_id])

    def linked_from(self, feedback_id: int) -> list[tuple[str, int, str, int]]:
        """What points at an entry as evidence: ``("t3b3", person id, half, Bottom rank)``
        for a T3B3 item and ``("gap", person id, "", gap number)`` for a succession gap
        (its number is its position among the person's gaps)."""
        items = self.store.execute(
            "select t.person_id, t.half, i.rank from t3b3_item i join t3b3 t on t.id = i.t3b3_id "
            "where i.feedback_id = ? order by t.half, i.rank",
            [feedback_id],
        ).fetchall()
        gaps = self.store.execute(
            "select g.person_id, (select count(*) from succession_gap o "
            "where o.person_id = g.person_id and o.id <= g.id) "
            "from succession_gap g where g.feedback_id = ? order by g.id",
            [feedback_id],
        ).fetchall()
        return [("t3b3", int(p), str(h), int(r)) for p, h, r in items] + [
            ("gap", int(p), "", int(n)) for p, n in gaps
        ]

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
                    timestamp(created_at),
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
        tid, person_id, half, delivered_on, in_person, remove_text, text_removed, dismissed = row
        items = self.store.execute(
            f"select {_ITEM} from t3b3_item where t3b3_id = ? order by side desc, rank", [tid]
        ).fetchall()
        # Each item is read with what it links to: whether the link counts as raised
        # before is domain.feedback's rule (raised_before), which needs the whole record.
        links: dict[tuple[str, int], Feedback | Point] = {}
        feedback_ids = [i[4] for i in items if i[4] is not None]
        point_ids = [i[5] for i in items if i[5] is not None]
        if feedback_ids:
            marks = ", ".join("?" for _ in feedback_ids)
            rows = self.store.execute(
                f"select {_FEEDBACK} from feedback where id in ({marks})", feedback_ids
            ).fetchall()
            links.update((("feedback", int(r[0])), _feedback(r)) for r in rows)
        if point_ids:
            found = OneOnOneRepository(self.store).points_by_id(point_ids)
            links.update((("point", pid), point) for pid, point in found.items())
        return T3B3(
            int(tid),
            int(person_id),
            half,
            tuple(_item(i, links) for i in items),
            date.fromisoformat(delivered_on) if delivered_on else None,
            None if in_person is None else bool(in_person),
            bool(remove_text),
            bool(text_removed),
            date.fromisoformat(dismissed) if dismissed else None,
        )

    def first_half(self) -> str | None:
        """The earliest half any T3B3 was begun in (when the ritual came into use)."""
        row = self.store.execute("select min(half) from t3b3").fetchone()
        return None if row is None or row[0] is None else str(row[0])

    def open_before(self, half: str) -> list[T3B3]:
        """Stored T3B3s of halves before ``half`` neither delivered nor dismissed."""
        rows = self.store.execute(
            f"select {_T3B3} from t3b3 where half < ? and delivered_on is null "
            "and dismissed_on is null order by half, person_id",
            [half],
        ).fetchall()
        return [self._with_items(row) for row in rows]

    def dismiss(self, t3b3_id: int, on: date | None) -> None:
        """Set aside an overdue T3B3 on ``on`` (None: overdue again)."""
        with write_transaction(self.store):
            self.store.execute(
                "update t3b3 set dismissed_on = ? where id = ?",
                [on.isoformat() if on else None, t3b3_id],
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

    def ensure(self, person_id: int, half: str) -> T3B3:
        """The person's T3B3 for ``half``, its row written first if there was none."""
        with write_transaction(self.store):
            self.store.execute(
                "insert into t3b3 (person_id, half, created_at) values (?, ?, ?) "
                "on conflict(person_id, half) do nothing",
                [person_id, half, timestamp()],
            )
        return self.get(person_id, half)

    def write_side(self, t3b3_id: int, side: T3B3Side, items: Sequence[T3B3Item]) -> None:
        """Rewrite one side's rows as ``items`` in order (ranks 1, 2, 3), with their texts
        and links; the ids and ranks passed in are not kept."""
        with write_transaction(self.store):
            # Delete and insert: UNIQUE (t3b3_id, side, rank) forbids shuffling ranks in place.
            self.store.execute(
                "delete from t3b3_item where t3b3_id = ? and side = ?", [t3b3_id, side.value]
            )
            self.store.conn.executemany(
                "insert into t3b3_item (t3b3_id, side, rank, text, feedback_id, point_id) "
                "values (?, ?, ?, ?, ?, ?)",
                [
                    (t3b3_id, side.value, rank, i.text, i.feedback_id, i.point_id)
                    for rank, i in enumerate(items, start=1)
                ],
            )

    def set_lists(
        self, person_id: int, half: str, top: tuple[str, ...] | None, bottom: tuple[str, ...] | None
    ) -> T3B3:
        """Write the Top and/or Bottom texts as given, unlinked (None leaves a side alone).
        Rows only: the T3B3 rules are :func:`leadtui.services.reviews.set_t3b3_lists`'s."""
        with write_transaction(self.store):
            t3b3 = self.ensure(person_id, half)
            for side, texts in ((T3B3Side.TOP, top), (T3B3Side.BOTTOM, bottom)):
                if texts is not None:
                    items = [T3B3Item(0, side, 0, text, None, None) for text in texts]
                    self.write_side(t3b3.id, side, items)
        return self.get(person_id, half)

    def set_item_text(self, item_id: int, text: str) -> None:
        """Change one item's words; its link stays."""
        with write_transaction(self.store):
            self.store.execute("update t3b3_item set text = ? where id = ?", [text, item_id])

    def link_item(self, item_id: int, evidence: Evidence | None) -> None:
        """Point an item at a feedback entry or a 1:1 point (None: at nothing)."""
        # ``==``, not ``is``: a kind read from elsewhere may be the plain string.
        kind = evidence.kind if evidence else None
        feedback_id = evidence.id if evidence and kind == EvidenceKind.FEEDBACK else None
        point_id = evidence.id if evidence and kind == EvidenceKind.POINT else None
        with write_transaction(self.store):
            self.store.execute(
                "update t3b3_item set feedback_id = ?, point_id = ? where id = ?",
                [feedback_id, point_id, item_id],
            )

    def set_remove_text(self, person_id: int, half: str, remove: bool) -> T3B3:
        """Store whether the six texts are to be removed on delivery."""
        with write_transaction(self.store):
            t3b3 = self.ensure(person_id, half)
            self.store.execute(
                "update t3b3 set remove_text = ? where id = ?", [int(remove), t3b3.id]
            )
        return self.get(person_id, half)

    def deliver(self, person_id: int, half: str, on: date, in_person: bool) -> T3B3:
        """Store the delivery date and whether it was in person. Rows only: the rules
        (3 + 3, once, not before the half, removing the text when asked) are
        :func:`leadtui.services.reviews.deliver_t3b3`'s."""
        with write_transaction(self.store):
            self.store.execute(
                "update t3b3 set delivered_on = ?, in_person = ? where person_id = ? and half = ?",
                [on.isoformat(), int(in_person), person_id, half],
            )
        return self.get(person_id, half)

    def undeliver(self, t3b3_id: int) -> None:
        """Clear the delivery (date and in person); the items are left as they are."""
        with write_transaction(self.store):
            self.store.execute(
                "update t3b3 set delivered_on = null, in_person = null where id = ?", [t3b3_id]
            )

    def set_text_removed(self, t3b3_id: int, removed: bool) -> None:
        """Note whether the record's text was removed at delivery."""
        with write_transaction(self.store):
            self.store.execute(
                "update t3b3 set text_removed = ? where id = ?", [int(removed), t3b3_id]
            )

    def remove_texts(self, t3b3_id: int) -> None:
        """Delete the record's items and note that their text was removed."""
        with write_transaction(self.store):
            self.store.execute("delete from t3b3_item where t3b3_id = ?", [t3b3_id])
            self.store.execute("update t3b3 set text_removed = 1 where id = ?", [t3b3_id])

    def linked_evidence(self, t3b3: T3B3) -> dict[int, Evidence]:
        """What each linked item points to, by item id."""
        found: dict[int, Evidence] = {}
        for item in t3b3.items:
            if item.feedback_id is not None:
                row = self.store.execute(
                    "select id, given_on, text, visibility from feedback where id = ?",
                    [item.feedback_id],
                ).fetchone()
                kind = EvidenceKind.FEEDBACK
            elif item.point_id is not None:
                row = self.store.execute(
                    "select p.id, coalesce(s.held_on, p.created_on), p.text, p.visibility "
                    "from oo_point p left join oo_session s on s.id = p.session_id "
                    "where p.id = ?",
                    [item.point_id],
                ).fetchone()
                kind = EvidenceKind.POINT
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
                "text_removed, dismissed_on, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    t3b3.person_id,
                    t3b3.half,
                    t3b3.delivered_on.isoformat() if t3b3.delivered_on else None,
                    None if t3b3.in_person is None else int(t3b3.in_person),
                    int(t3b3.remove_text),
                    int(t3b3.text_removed),
                    t3b3.dismissed_on.isoformat() if t3b3.dismissed_on else None,
                    timestamp(),
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
