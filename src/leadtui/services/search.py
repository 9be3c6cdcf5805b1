"""Search every text a person wrote: the use case both front ends call.

Local and for the user alone: hits include private text (marked as such), and nothing
here writes or exports anything. The query is read by :func:`~leadtui.domain.search.parse_query`
(so whatever is typed is safe), the index is searched by the repository, and each hit
comes back typed with a snippet whose matched words are marked.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

# The hit is a domain record; front ends import it from here with the use case.
from leadtui.domain.search import SearchHit as SearchHit
from leadtui.domain.search import SearchKind, SearchSort, parse_query
from leadtui.errors import InputError
from leadtui.store.search import SearchRepository

if TYPE_CHECKING:
    from collections.abc import Sequence

    from leadtui.domain.dates import Half
    from leadtui.store.database import Store

DEFAULT_LIMIT = 50
MAX_LIMIT = 10_000


def parse_kinds(text: str | None) -> tuple[SearchKind, ...]:
    """``--kind point,note``: the kinds named, or all of them for None / empty."""
    if not text:
        return ()
    kinds: list[SearchKind] = []
    for word in text.replace(",", " ").split():
        try:
            kinds.append(SearchKind(word.strip().lower()))
        except ValueError:
            names = " | ".join(k.value for k in SearchKind)
            raise InputError(
                f"kind must be one or more of {names}, got {word!r}", field="kind"
            ) from None
    return tuple(kinds)


def search(
    store: Store,
    query: str,
    *,
    person_id: int | None = None,
    kinds: Sequence[SearchKind] = (),
    since: date | None = None,
    until: date | None = None,
    limit: int = DEFAULT_LIMIT,
    sort: SearchSort = SearchSort.DATE,
) -> list[SearchHit]:
    """The texts matching ``query``, newest first (or best match first with
    ``sort=RANK``), at most ``limit``. A query with nothing to look for finds nothing."""
    if not 1 <= limit <= MAX_LIMIT:
        raise InputError(f"limit must be 1–{MAX_LIMIT}, got {limit}", field="limit")
    if since is not None and until is not None and since > until:
        raise InputError(
            f"since {since.isoformat()} comes after until {until.isoformat()}; swap them",
            field="since",
            also=("until",),
        )
    match = parse_query(query).match
    if match is None:
        return []
    return SearchRepository(store).search(
        match,
        person_id=person_id,
        kinds=kinds,
        since=since,
        until=until,
        limit=limit,
        sort=sort,
    )


def review_half(store: Store, hit: SearchHit, start_month: int = 1) -> Half | None:
    """The half Reviews shows a hit in: feedback by the day it was given, a T3B3 item by
    its T3B3's half; None for other kinds, or an item since removed."""
    from leadtui.domain.dates import half_of, parse_half

    if hit.kind is SearchKind.FEEDBACK and hit.date is not None:
        return half_of(hit.date, start_month)
    if hit.kind is SearchKind.T3B3:
        label = SearchRepository(store).t3b3_half(hit.id)
        return None if label is None else parse_half(label, date.min, start_month)
    return None
