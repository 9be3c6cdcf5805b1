"""The search index (migrations 0009 and 0012): rows in, rows out.

The index is kept current by triggers in the database; this runs a full-text query
already read by :mod:`leadtui.domain.search` and returns the matching documents with a
snippet each, marked private by the privacy rule. Nothing here writes (the purge of
removed texts runs as each write transaction commits: store/database.py).
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from leadtui.domain.privacy import Topic, Visibility, only_yours
from leadtui.domain.search import (
    MARK_CLOSE,
    MARK_OPEN,
    SearchHit,
    SearchKind,
    SearchSort,
    read_snippet,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from leadtui.store.database import Store

# Words of context around the best match in a snippet: about one line of a terminal.
SNIPPET_TOKENS = 14
# A document's rowid is (day number << 45) + its key (migration 0009): the day number
# counts from 1900-01-01 and undated documents take the largest, so rowid order is day
# order and a date range is a rowid range.
_DAY_SHIFT = 45
_EPOCH = date(1900, 1, 1).toordinal()
_UNDATED = (1 << 17) - 1
_ORDER = {
    # Undated documents (people, the upcoming session's notes, T3B3s not yet delivered)
    # are the current ones, so they lead the newest-first order.
    SearchSort.DATE: "rowid desc",
    SearchSort.RANK: "rank",
}


_KINDS = {kind.value: kind for kind in SearchKind}


@cache
def is_private(visibility: str, topic: str) -> bool:
    """A document's private mark: its text reaches no audience but you. A visibility or
    topic this build does not know is private (fail closed)."""
    try:
        return only_yours(Visibility(visibility), Topic(topic))
    except ValueError:
        return True


def day_number(day: date) -> int:
    """The day's part of a document's rowid (as the migration computes it)."""
    return min(max(day.toordinal() - _EPOCH, 0), _UNDATED)


class SearchRepository:
    """Full-text queries over the search index."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def search(
        self,
        match: str,
        *,
        person_id: int | None = None,
        kinds: Sequence[SearchKind] = (),
        since: date | None = None,
        until: date | None = None,
        limit: int = 50,
        sort: SearchSort = SearchSort.DATE,
    ) -> list[SearchHit]:
        """The first ``limit`` documents matching the FTS5 expression ``match``, newest
        or best first, filtered by person, kind and day (inclusive)."""
        where = ["search_index match ?"]
        params: list[object] = [match]
        if since is not None:
            # Undated documents are the current ones: a range up to today keeps them.
            where.append("rowid >= ?")
            params.append(day_number(since) << _DAY_SHIFT)
        if until is not None:
            where.append("rowid < ?")
            params.append((day_number(until) + 1) << _DAY_SHIFT)
        if person_id is not None:
            where.append("person_id = ?")
            params.append(person_id)
        if kinds:
            where.append(f"kind in ({', '.join('?' for _ in kinds)})")
            params.extend(k.value for k in kinds)
        # One statement: FTS5 walks the index in rowid (day) or rank order itself and
        # stops at the limit, so only the hits shown read their row and get a snippet.
        rows = self.store.execute(
            "select kind, source_id, person_id, "
            "(select name from person where id = person_id), day, visibility, topic, "
            f"snippet(search_index, 0, ?, ?, '…', {SNIPPET_TOKENS}) "
            f"from search_index where {' and '.join(where)} order by {_ORDER[sort]} limit ?",
            [MARK_OPEN, MARK_CLOSE, *params, max(limit, 0)],
        ).fetchall()
        found = [
            SearchHit(
                _KINDS[kind],
                int(source_id),
                None if person is None else int(person),
                name,
                None if day is None else date.fromisoformat(day),
                is_private(str(visibility), str(topic)),
                read_snippet(snippet or ""),
            )
            for kind, source_id, person, name, day, visibility, topic, snippet in rows
        ]
        return found

    def t3b3_half(self, item_id: int) -> str | None:
        """The half label of the T3B3 a Top or Bottom item belongs to (None: gone)."""
        row = self.store.execute(
            "select t.half from t3b3_item i join t3b3 t on t.id = i.t3b3_id where i.id = ?",
            [item_id],
        ).fetchone()
        return None if row is None else str(row[0])
