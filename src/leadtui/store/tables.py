"""Questions about whole tables rather than one aggregate's rows."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from leadtui.store.database import Store


def row_counts(store: Store, tables: Iterable[str]) -> dict[str, int]:
    """How many rows each of ``tables`` holds, by table name."""
    counts: dict[str, int] = {}
    for table in tables:
        # Names come from the code, never from a person; quoted all the same, so a name
        # with an odd character is read as a table name and nothing else.
        quoted = '"' + table.replace('"', '""') + '"'
        counts[table] = int(store.execute(f"select count(*) from {quoted}").fetchone()[0])
    return counts
