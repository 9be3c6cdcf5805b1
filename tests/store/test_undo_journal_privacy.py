"""The undo journal keeps removed text for the undo window and not a moment longer: once
the window has passed, the next write drops it and its words are nowhere in the file. And
it journals every column of every table a person writes into, nothing else."""

from __future__ import annotations

import random
import re
from datetime import datetime, timedelta
from pathlib import Path

from leadtui.demo.safety import USER_TABLES
from leadtui.domain.people_input import PersonDraft
from leadtui.services.oneonones import add_point, edit_point, write_notes
from leadtui.services.people import add_person
from leadtui.services.undo import configure, undo, undoable
from leadtui.store.database import open_database
from leadtui.store.journal import JOURNALED_TABLES, JournalSettings
from tests.helpers import TODAY
from tests.reliability.deleted_text import file_bytes, needle, new_token


def test_removed_text_leaves_the_file_once_the_window_has_passed(db_path: Path) -> None:
    rng = random.Random("undo window")
    note, point = new_token(rng), new_token(rng)
    clock = [datetime(2026, 11, 22, 9, 0)]
    store = open_database(db_path)
    store.journal = JournalSettings(days=7, now=lambda: clock[0])
    try:
        ana = add_person(store, PersonDraft(name="Ana Lima"))
        write_notes(store, ana, TODAY, private=f"worried {note}")
        write_notes(store, ana, TODAY, private="nothing to add")
        saved = add_point(store, ana, TODAY, text=f"ask about {point}").point
        edit_point(store, ana, saved.id, text="ask about the move")
        # Within the window the journal keeps the words, so the change can be undone.
        assert needle(note) in file_bytes(db_path)
        undo(store)
        assert saved.id in [
            p[0] for p in store.execute("select id from oo_point where text like 'ask about %'")
        ]

        clock[0] += timedelta(days=7, minutes=1)
        add_person(store, PersonDraft(name="Ben Ode"))  # any write prunes the journal
        assert [c.label for c in undoable(store)] == ["added Ben Ode"]
        left = file_bytes(db_path)
        assert needle(note) not in left
    finally:
        store.close()
    left = file_bytes(db_path)
    assert needle(note) not in left
    # The point was put back by the undo: its words are the point's now, not the journal's.
    assert needle(point) in left


def test_a_zero_day_window_keeps_no_removed_text(db_path: Path) -> None:
    token = new_token(random.Random("zero"))
    store = open_database(db_path)
    store.journal = JournalSettings(days=0)
    try:
        ana = add_person(store, PersonDraft(name="Ana Lima"))
        write_notes(store, ana, TODAY, private=f"worried {token}")
        write_notes(store, ana, TODAY, private="nothing to add")
        assert needle(token) not in file_bytes(db_path)
    finally:
        store.close()


def test_every_column_of_every_table_a_person_writes_is_journaled(db_path: Path) -> None:
    """A migration that adds a column or a table must make its undo triggers too."""
    store = open_database(db_path)
    try:
        assert set(JOURNALED_TABLES) == {table for table, _, _ in USER_TABLES}
        triggers = dict(
            store.execute("select name, sql from sqlite_master where type = 'trigger'").fetchall()
        )
        for table in JOURNALED_TABLES:
            columns = [r[1] for r in store.execute(f'pragma table_info("{table}")')]
            for op, sides in (("ai", ["new"]), ("au", ["old", "new"]), ("ad", ["old"])):
                sql = triggers.get(f"undo_{table}_{op}")
                assert sql, f"no undo trigger {op} on {table}"
                for side in sides:
                    found = re.findall(rf"'(\w+)', {side}\.(\w+)", sql)
                    assert [key for key, column in found if key == column] == columns, (
                        table,
                        op,
                        side,
                    )
    finally:
        store.close()


def test_opening_drops_what_fell_out_of_the_window_without_waiting_for_a_write(
    db_path: Path,
) -> None:
    token = new_token(random.Random("opening"))
    store = open_database(db_path)
    # Written long ago: the journal dates each change by this clock.
    store.journal = JournalSettings(days=7, now=lambda: datetime(2026, 1, 5, 9, 0))
    ana = add_person(store, PersonDraft(name="Ana Lima"))
    write_notes(store, ana, TODAY, private=f"worried {token}")
    write_notes(store, ana, TODAY, private="nothing to add")
    store.close()
    assert needle(token) in file_bytes(db_path)

    store = open_database(db_path)
    try:
        configure(store, days=7, changes=100)
        assert undoable(store) == []
    finally:
        store.close()
    assert needle(token) not in file_bytes(db_path)
