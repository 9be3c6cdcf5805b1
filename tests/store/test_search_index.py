"""The search index as stored (migration 0009): an existing database gains it on upgrade
with its rows searchable, T3B3 text removed after delivery leaves the file itself, and
the rowid's day part is computed alike in SQL and Python."""

from __future__ import annotations

import gc
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from leadtui.domain.search import SearchKind
from leadtui.services.search import search
from leadtui.store.database import open_database
from leadtui.store.search import day_number
from tests.helpers import cli, without_undo_window
from tests.reliability.sample_db import STEPS, build_at_step


def file_bytes(db_path: Path) -> bytes:
    """The database and its log after every connection closed and a full checkpoint."""
    gc.collect()
    conn = sqlite3.connect(db_path)
    try:
        conn.execute("pragma wal_checkpoint(truncate)")
    finally:
        conn.close()
    wal = db_path.with_name(db_path.name + "-wal")
    return db_path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def test_an_existing_database_gains_the_index_with_its_rows_searchable(tmp_path: Path) -> None:
    path = tmp_path / "data" / "leadtui.db"
    path.parent.mkdir()
    build_at_step(path, STEPS["0005_indexes_and_application_id"])
    store = open_database(path)
    try:
        found = {
            word: {(h.kind, h.person, h.private) for h in search(store, word)}
            for word in (
                "okafor",
                "career",
                "design",
                "tired",
                "overload",
                "help",
                "tests",
                "coding",
                "status",
                "importer",
                "agenda",
            )
        }
    finally:
        store.close()
    sam = "Sam Okafor"
    assert found["okafor"] == {(SearchKind.PERSON, sam, False)}
    assert found["career"] == {(SearchKind.POINT, sam, True)}
    assert found["design"] == {(SearchKind.ACTION, sam, False)}
    assert found["tired"] == {(SearchKind.NOTE, sam, True)}
    assert found["overload"] == {(SearchKind.DRAFT, sam, True)}
    assert found["help"] == {(SearchKind.FEEDBACK, sam, False), (SearchKind.T3B3, sam, True)}
    assert found["coding"] == {(SearchKind.ENERGY, None, True)}
    assert found["status"] == {(SearchKind.ENERGY, None, True)}
    assert found["importer"] == {(SearchKind.WORK, None, True)}
    assert found["agenda"] == {(SearchKind.DRAFT, sam, False)}


def test_t3b3_text_removed_after_delivery_is_gone_from_the_file(db_path: Path) -> None:
    """The words are in the file before delivery (so the check can see them) and nowhere
    in the database or its log after: not in the item rows, the index's copy of the
    text, nor its segments. With no undo window, which would keep the removed words
    for its length (test_undo_journal_privacy)."""
    without_undo_window()
    db = ["--db", str(db_path)]
    assert cli("people", "add", "Ana Lima", *db).returncode == 0
    tops = ["Quixoticmentoring", "Zygomorphdocs", "Tests"]
    bottoms = ["Estimates", "Focus", "Scope"]
    ran = cli(
        "t3b3",
        "set",
        "Ana Lima",
        *[a for t in tops for a in ("--top", t)],
        *[a for b in bottoms for a in ("--bottom", b)],
        "--remove-text-after-delivery",
        *db,
    )
    assert ran.returncode == 0, ran.stderr
    assert cli("1on1", "add", "Ana Lima", "Zygomorph unrelated point", *db).returncode == 0
    before = file_bytes(db_path).lower()
    assert before.count(b"quixoticmentoring") >= 2  # the item and the index's copy

    assert cli("t3b3", "deliver", "Ana Lima", *db).returncode == 0
    after = file_bytes(db_path).lower()
    assert after.count(b"quixoticmentoring") == 0
    assert after.count(b"zygomorphdocs") == 0
    store = open_database(db_path)
    try:
        assert search(store, "quixoticmentoring") == []
        assert [h.kind for h in search(store, "zygomorph")] == [SearchKind.POINT]
        check = store.execute(
            "insert into search_index (search_index, rank) values ('integrity-check', 1)"
        )
        assert check.rowcount in (-1, 1)
    finally:
        store.close()


def test_the_day_in_a_rowid_is_the_same_in_sql_and_python(db_path: Path) -> None:
    store = open_database(db_path)
    try:
        for day in (date(1900, 1, 1), date(2026, 11, 22), date(2200, 12, 31)):
            sql = store.execute(
                "select CAST(julianday(?) AS INTEGER) - 2415020", [day.isoformat()]
            ).fetchone()[0]
            assert sql == day_number(day)
    finally:
        store.close()


def test_succession_and_rotation_texts_are_indexed_on_upgrade_and_kept_current(
    tmp_path: Path,
) -> None:
    """A database from before 0010 gains its succession and rotation texts in the index;
    later edits follow through the triggers."""
    path = tmp_path / "data" / "leadtui.db"
    path.parent.mkdir()
    build_at_step(path, STEPS["0009_search"])
    store = open_database(path)
    try:
        found = {
            word: {(h.kind, h.person, h.private, h.date) for h in search(store, word)}
            for word in ("board", "presented", "budget", "hiring", "runbook")
        }
        sam, succession = "Sam Okafor", SearchKind.SUCCESSION
        # Private marks follow the privacy rule: a shared gap and what an audit says is
        # missing reach upward, so neither is private.
        assert found["board"] == {
            (succession, sam, False, date(2026, 7, 1)),  # the gap, shared: upward
            (succession, sam, False, date(2026, 7, 2)),  # the focus area: agreed with them
        }
        assert found["presented"] == {(succession, sam, False, date(2026, 10, 5))}
        assert found["budget"] == {
            (succession, None, False, date(2026, 10, 3)),  # the audit's missing skill
            (succession, sam, False, date(2026, 10, 1)),  # the candidacy's condition
        }
        assert found["hiring"] == {(succession, sam, False, date(2026, 12, 21))}
        assert found["runbook"] == {(SearchKind.ROTATION, sam, False, date(2026, 1, 1))}
        store.execute(
            "update succession_gap set text = 'Crisp updates', visibility = 'private' where id = 1"
        )
        store.execute(
            "update rotation_term_record set handoff_note = '', handoff_visibility = 'private'"
        )
        assert [h.private for h in search(store, "crisp")] == [True]
        assert [h.private for h in search(store, "board")] == [False]
        assert search(store, "runbook") == []
    finally:
        store.close()


@pytest.mark.parametrize("step", list(STEPS))
def test_an_upgraded_index_holds_exactly_the_texts_there_are(step: str, tmp_path: Path) -> None:
    """From every earlier schema: one document per searchable text (what the source
    views list), none left over from an older index, and FTS5 finds its index sound."""
    path = tmp_path / "data" / "leadtui.db"
    path.parent.mkdir()
    build_at_step(path, STEPS[step])
    store = open_database(path)
    try:
        views = [
            name
            for (name,) in store.execute(
                "select name from sqlite_master where type = 'view' and name like 'search_source_%'"
            )
        ]
        listed = sorted(
            key for view in views for (key,) in store.execute(f"select key from {view}")
        )
        indexed = sorted(key for (key,) in store.execute("select key from search_doc"))
        assert indexed == listed
        assert store.execute("select count(*) from search_index").fetchone()[0] == len(listed)
        store.execute("insert into search_index (search_index, rank) values ('integrity-check', 1)")
    finally:
        store.close()
