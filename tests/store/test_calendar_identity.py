"""The ids calendar UIDs are made from (migration 0011): one random UUID per database, made
once, and one per rotation capacity, given on upgrade and on every insert that brings none."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

from leadtui.store.calendar import CalendarRepository
from leadtui.store.database import open_database
from tests.reliability.sample_db import STEPS, build_at_step


def _is_random_uuid(text: str) -> bool:
    value = uuid.UUID(text)
    return value.version == 4 and value.variant == uuid.RFC_4122 and str(value) == text


def test_every_database_gets_its_own_id_once(tmp_path: Path) -> None:
    first = open_database(tmp_path / "a.db")
    second = open_database(tmp_path / "b.db")
    ids = [CalendarRepository(db).database_uuid() for db in (first, second)]
    assert all(_is_random_uuid(i) for i in ids) and ids[0] != ids[1]
    first.close()
    again = open_database(tmp_path / "a.db")
    assert CalendarRepository(again).database_uuid() == ids[0]
    again.close()
    second.close()


def test_an_upgraded_database_gets_an_id_and_every_capacity_one_of_its_own(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    build_at_step(path, STEPS["0010_search_succession_rotations"])
    conn = sqlite3.connect(path)
    conn.execute(
        "insert into rotation_capacity (name, term_months, seats, offset_months, starts_on, "
        "created_at) values ('STRASSE', 6, 1, 0, '2026-01-01', '2026-01-01T00:00:00'), "
        "('straße', 6, 1, 0, '2026-01-01', '2026-01-01T00:00:00')"
    )
    conn.commit()
    conn.close()
    db = open_database(path)
    assert _is_random_uuid(CalendarRepository(db).database_uuid())
    uids = [row[0] for row in db.execute("select uid from rotation_capacity")]
    assert len(uids) == 3 and all(_is_random_uuid(u) for u in uids)
    assert len(set(uids)) == len(uids)
    # A capacity stored without an id is given one; one that brings its own keeps it.
    brought = str(uuid.uuid4())
    db.execute(
        "insert into rotation_capacity (name, term_months, seats, offset_months, starts_on, "
        "created_at, uid) values ('Shared', 6, 1, 0, '2026-01-01', '2026-01-01T00:00:00', ?), "
        "('Fresh', 6, 1, 0, '2026-01-01', '2026-01-01T00:00:00', null)",
        [brought],
    )
    rows = dict(db.execute("select name, uid from rotation_capacity").fetchall())
    assert rows["Shared"] == brought and _is_random_uuid(rows["Fresh"])
    db.close()
