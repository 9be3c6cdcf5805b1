"""Text overwritten or removed leaves no trace in the database file: not in its rows, the
search index's copy or its segments, free pages, or a write-ahead log left behind."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from leadtui.domain.people_input import PersonDraft
from leadtui.services.oneonones import write_notes
from leadtui.services.people import add_person
from leadtui.services.search import search
from leadtui.services.undo import configure
from leadtui.store.database import open_database
from tests.helpers import TODAY
from tests.reliability.deleted_text import KINDS, file_bytes, needle, new_token, trial


@pytest.mark.parametrize("kind", list(KINDS))
def test_an_overwritten_or_removed_text_is_gone_from_the_file(kind: str, db_path: Path) -> None:
    token = new_token(random.Random(kind))
    left = trial(db_path, {kind: token})
    assert left == {kind: False}, f"{token} is still in the file after overwriting {kind}"


def test_every_kind_at_once_leaves_nothing(db_path: Path) -> None:
    rng = random.Random(11)
    left = trial(db_path, {kind: new_token(rng) for kind in KINDS})
    assert [kind for kind, found in left.items() if found] == []


def test_an_overwritten_text_leaves_the_log_while_the_database_stays_open(
    db_path: Path,
) -> None:
    """The app keeps its connection open for hours: the write-ahead log holds the pages
    a change replaced, so the change empties it when no one else still reads it (with no
    undo window: the journal would keep the removed text for its window)."""
    token = new_token(random.Random("open"))
    store = open_database(db_path)
    configure(store, days=0, changes=100)
    try:
        person = add_person(store, PersonDraft(name="Ana Lima"))
        write_notes(store, person, TODAY, private=f"worried {token}")
        assert needle(token) in file_bytes(db_path)  # the check can see it
        write_notes(store, person, TODAY, private="nothing to add")
        assert needle(token) not in file_bytes(db_path)
        assert search(store, token) == []
    finally:
        store.close()
