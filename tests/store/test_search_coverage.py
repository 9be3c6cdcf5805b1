"""Every text a person writes is searchable. The columns are read from the schema itself,
so a text column added later fails here until search covers it (or it is named below as
not being words a person writes)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from leadtui.services.search import search
from leadtui.store.database import Store, open_database
from tests.reliability.sample_db import build_current

# Text columns that hold no words a person writes: days, times and labels in a fixed form.
# Dates and stamps (a name ending _on or _at) and choices (CHECK (column IN (...))) are
# recognised from the schema.
NOT_WORDS = {
    ("energy_entry", "day"): "the day, ISO",
    ("energizing_work", "day"): "the day, ISO",
    ("energy_observation", "day"): "the day, ISO",
    ("team_push", "day"): "the day, ISO",
    ("oo_series", "at_time"): "HH:MM",
    ("oo_occurrence_change", "moved_to"): "a day, ISO",
    ("t3b3", "half"): "a half label (2026-H2)",
    ("succession_focus", "half"): "a half label (2026-H2)",
    ("meeting_audit", "quarter"): "a quarter label (2026-Q4)",
    ("energy_quarter_answers", "quarter"): "a quarter label (2026-Q4)",
    ("rotation_exception", "on_date"): "a day, ISO",
    ("host_rotation", "at_time"): "HH:MM",
    ("host_change", "on_date"): "a day, ISO",
    ("rotation_capacity", "uid"): "a random id, for calendar UIDs",
    ("database_identity", "uuid"): "a random id, for calendar UIDs",
    ("person", "email"): "an address, to match calendar attendees",
}
# Not what a person writes: the schema's bookkeeping, the index itself, and what calendars
# last published (a copy of team text, kept to send updates and cancellations).
# The undo journal holds copies of rows (searched where they live) for the undo window.
_BOOKKEEPING = re.compile(
    r"^(_sqlite_migrations|search_.*|sqlite_.*|calendar_event|undo_group|undo_row|undo_state)$"
)


def written_columns(db_path: Path) -> list[tuple[str, str, bool]]:
    """(table, column, holds a JSON list) for every column a person writes words into."""
    store = open_database(db_path)
    try:
        found: list[tuple[str, str, bool]] = []
        tables = store.execute("select name, sql from sqlite_master where type = 'table'")
        for table, sql in tables.fetchall():
            if _BOOKKEEPING.match(table):
                continue
            for _, column, kind, _, default, _ in store.execute(f'pragma table_info("{table}")'):
                if kind.upper() not in ("TEXT", ""):
                    continue
                choice = re.search(rf"CHECK\s*\(\s*{column}\s+IN\s*\(", sql, re.IGNORECASE)
                if column.endswith(("_on", "_at")) or choice or (table, column) in NOT_WORDS:
                    continue
                found.append((table, column, default == "'[]'"))
        return found
    finally:
        store.close()


def test_every_text_column_a_person_writes_is_searchable(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    build_current(db_path)  # a row in every table
    columns = written_columns(db_path)
    # The schema as read holds the texts this test was written against (and any since).
    assert {("career_plan", "goal"), ("rotation_capacity", "exposure")} <= {
        (t, c) for t, c, _ in columns
    }
    store = open_database(db_path)
    try:
        unfound = []
        for n, (table, column, listed) in enumerate(columns):
            word = f"qzvword{n:03d}"
            value = json.dumps([word]) if listed else f"about {word} here"
            store.execute(
                f'update "{table}" set "{column}" = ? '
                f'where rowid = (select min(rowid) from "{table}")',
                [value],
            )
            hits = search(store, word)
            if not any(word in hit.snippet.text for hit in hits):
                unfound.append(f"{table}.{column}")
        assert unfound == [], f"text no search finds: {unfound}"
        assert not set(NOT_WORDS) - {(t, c) for t, c, _ in _all_columns(store)}, (
            "NOT_WORDS names a column the schema no longer has"
        )
    finally:
        store.close()


def _all_columns(store: Store) -> list[tuple[str, str, str]]:
    return [
        (table, column, kind)
        for (table,) in store.execute("select name from sqlite_master where type = 'table'")
        for _, column, kind, _, _, _ in store.execute(f'pragma table_info("{table}")')
    ]
