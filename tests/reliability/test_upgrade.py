"""A database made by any earlier leadtui opens on this build with every row kept.

For each shipped schema step the test builds a database the way that build did
(sqlite-utils Migrations, set "leadtui", the first N files of migrations/, and any
earlier committed shape of a file that has changed since), fills every table with
representative rows, opens it with ``open_database`` and compares: every row kept,
the copy taken before migrating holds the old state, the schema ends up as a new
database's, and the command line reads it.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from leadtui.demo.safety import DEMO_IGNORES
from leadtui.store.database import MIGRATION_SET, migration_files, open_database

from .helpers import integrity, run_main, user_tables
from .sample_db import SAMPLE_ROWS, SHIPPED, STEPS, build_at_step, current_steps

if TYPE_CHECKING:
    from .conftest import Figures

pytestmark = pytest.mark.reliability


def snapshot(path: Path, like: Path | None = None) -> dict[str, list[tuple[Any, ...]]]:
    """Each sample table's rows, as the sample columns, sorted: those the table has (in
    ``like`` too, when given: a column added by an upgrade is new, not changed)."""
    conn = sqlite3.connect(str(path))
    older = sqlite3.connect(str(like)) if like is not None else conn
    try:
        present = set(user_tables(conn))
        found: dict[str, list[tuple[Any, ...]]] = {}
        for table, rows in SAMPLE_ROWS.items():
            if table not in present:
                continue
            has = {c[1] for c in conn.execute(f'pragma table_info("{table}")')}
            had = {c[1] for c in older.execute(f'pragma table_info("{table}")')}
            has &= had or has  # a table the upgrade made is new, and compared whole
            columns = sorted({c for row in rows for c in row} & has)
            selected = ", ".join(f'"{c}"' for c in columns)
            found[table] = sorted(
                conn.execute(f'select {selected} from "{table}"').fetchall(), key=repr
            )
        found["*counts*"] = sorted(
            (t, conn.execute(f'select count(*) from "{t}"').fetchone()[0])
            # Bookkeeping (applied steps, the search index's map to its documents) may
            # grow when an upgrade indexes more; what a person wrote may not.
            for t in present - DEMO_IGNORES
        )
        return found
    finally:
        conn.close()
        older.close()


def test_the_shipped_steps_are_the_ones_the_app_applies() -> None:
    assert [p.stem for p in SHIPPED] == [f.name for f in migration_files()]
    assert SHIPPED, "no migrations found"


def schema(path: Path) -> set[tuple[str, str, str]]:
    """Tables, indexes, views and triggers with their SQL, whitespace collapsed."""
    conn = sqlite3.connect(str(path))
    try:
        return {
            (kind, name, " ".join((sql or "").split()))
            for kind, name, sql in conn.execute(
                "select type, name, sql from sqlite_master where name not like 'sqlite_%'"
            )
        }
    finally:
        conn.close()


@pytest.mark.parametrize("step", list(STEPS))
def test_database_of_every_schema_step_opens_with_every_row(
    step: str, tmp_path: Path, figures: Figures
) -> None:
    passed = False
    try:
        rows = _upgrade_keeps_every_row(step, tmp_path)
        passed = True
    finally:
        figures.trial(
            f"upgrade from {step}", 1, 0 if passed else 1, f"{rows} rows kept" if passed else ""
        )


def _upgrade_keeps_every_row(step: str, tmp_path: Path) -> int:
    path = tmp_path / "data" / "leadtui.db"
    path.parent.mkdir()
    steps = STEPS[step]
    build_at_step(path, steps)
    is_current = steps == current_steps()[SHIPPED[-1].stem]
    before = snapshot(path)
    as_built = tmp_path / "as-built.db"
    build_at_step(as_built, steps)  # the schema before the upgrade, to compare its columns
    tables_before = {name for name, _ in before["*counts*"]}

    store = open_database(path)
    try:
        applied = [
            row[0]
            for row in store.execute(
                "select name from _sqlite_migrations where migration_set = ? order by rowid",
                [MIGRATION_SET],
            )
        ]
    finally:
        store.close()

    # What the database had keeps its order; a step it lacks is applied after, in file
    # order (0006 was added after 0007-0009 had been committed).
    had = [name for name, _ in steps]
    assert applied == had + [p.stem for p in SHIPPED if p.stem not in had]
    assert integrity(path) == ["ok"]
    after = snapshot(path, like=as_built)
    counts_after = dict(after["*counts*"])
    for table, count in before["*counts*"]:
        assert counts_after.get(table) == count, f"{table}: {count} rows before, after {after}"
    for table, rows in before.items():
        if table != "*counts*":
            assert after[table] == rows, f"{table} changed in the upgrade"
    assert tables_before <= set(counts_after)

    backups = sorted((path.parent / "backups").glob("*.db"))
    if not is_current:
        # The copy taken before migrating holds the database exactly as it was.
        assert len(backups) == 1, backups
        assert backups[0].stat().st_size > 0
        assert snapshot(backups[0]) == before
    else:
        assert backups == [], "nothing to migrate, so nothing to back up"

    fresh = tmp_path / "fresh.db"
    open_database(fresh).close()
    assert schema(path) == schema(fresh), "an upgraded database differs from a new one"

    listed = run_main(["--db", str(path), "people", "list", "--all", "--json"])
    assert listed.code == 0, listed.describe()
    names = {p["name"] for p in json.loads(listed.out)}
    assert names == {row["name"] for row in SAMPLE_ROWS["person"]}
    return sum(count for _, count in before["*counts*"])
