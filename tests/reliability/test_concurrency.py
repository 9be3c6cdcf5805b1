"""Eight leadtui processes writing at the same moment all succeed and lose nothing.

Each process imports leadtui first, then waits for a start file, so the eight writes
begin within a millisecond or two of each other instead of being spread out by
Python's start-up. Run against a database that exists and against one that does not
exist yet (nor its folder), several rounds each.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from ..helpers import TODAY
from .helpers import (
    cli_env,
    column_values,
    data_files,
    fingerprint,
    integrity,
    is_one_line_refusal,
    run_main,
)

pytestmark = pytest.mark.reliability

WRITERS = 8
ROUNDS_EXISTING = 2
ROUNDS_NEW = 3  # the first-run race is the rarer one, so it gets more tries

# Imports what the commands need, waits for the start file, then runs each command.
WRITER = r"""
import os, sys, time
from pathlib import Path
import leadtui.cli, leadtui.store.database, leadtui.store.people, leadtui.store.energy
import leadtui.domain.validation, leadtui.domain.people_input, leadtui.domain.energy_input
import leadtui.config, sqlite_utils, sqlite_utils.migrations
start = Path(sys.argv[1])
Path(sys.argv[2]).touch()
while not start.exists():
    time.sleep(0.0005)
codes = []
for command in sys.argv[3:]:
    codes.append(leadtui.cli.main(command.split("\x1f")))
sys.exit(max(codes))
"""


def writer_commands(db: Path, n: int) -> list[list[str]]:
    """Writer ``n``'s commands: a person, a day of energy, another person."""
    day = (TODAY - timedelta(days=n + 1)).isoformat()
    return [
        ["--db", str(db), "people", "add", f"Writer {n} first"],
        ["--db", str(db), "energy", "log", str(n % 5 + 1), f"from writer {n}", "--date", day],
        ["--db", str(db), "people", "add", f"Writer {n} second"],
    ]


def race(db: Path, workdir: Path) -> list[tuple[int, str, str]]:
    """Start the writers together; their exit codes, stdout and stderr."""
    start = workdir / "start"
    processes = []
    for n in range(WRITERS):
        ready = workdir / f"ready-{n}"
        commands = ["\x1f".join(c) for c in writer_commands(db, n)]
        processes.append(
            (
                ready,
                subprocess.Popen(
                    [sys.executable, "-c", WRITER, str(start), str(ready), *commands],
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                    env=cli_env(),
                ),
            )
        )
    deadline = time.monotonic() + 60
    while not all(ready.exists() for ready, _ in processes):
        assert time.monotonic() < deadline, "writers did not start"
        assert all(p.poll() is None for _, p in processes), "a writer ended before the start"
        time.sleep(0.005)
    start.touch()
    results = []
    for _, process in processes:
        out, err = process.communicate(timeout=120)
        results.append((process.returncode, out, err))
    return results


def assert_all_written(
    db: Path,
    results: list[tuple[int, str, str]],
    existing: int,
    label: str,
    record: Callable[[str], None],
) -> None:
    failures = [(n, code, err.strip()) for n, (code, _, err) in enumerate(results) if code != 0]
    record(
        f"{label}: {WRITERS} writers, {3 * WRITERS} writes tried, {len(failures)} writers failed"
    )
    assert not failures, f"{len(failures)} of {WRITERS} writers failed: {failures}"
    assert integrity(db) == ["ok"]
    names = column_values(db, "select name from person")
    days = column_values(db, "select day from energy_entry")
    for n in range(WRITERS):
        assert {f"Writer {n} first", f"Writer {n} second"} <= names, f"writer {n}'s people"
        assert (TODAY - timedelta(days=n + 1)).isoformat() in days, f"writer {n}'s energy"
    assert len(names) == existing + 2 * WRITERS


@pytest.mark.parametrize("round_", range(ROUNDS_EXISTING))
def test_eight_writers_on_an_existing_database(
    round_: int, tmp_path: Path, figures: Callable[[str], None]
) -> None:
    db = tmp_path / "data" / "leadtui.db"
    seeded = run_main(["--db", str(db), "people", "add", "Sam Okafor"])
    assert seeded.code == 0, seeded.describe()
    results = race(db, tmp_path)
    assert_all_written(db, results, 1, f"concurrency, existing database, round {round_}", figures)


@pytest.mark.parametrize("round_", range(ROUNDS_NEW))
def test_eight_writers_create_a_new_database_together(
    round_: int, tmp_path: Path, figures: Callable[[str], None]
) -> None:
    db = tmp_path / "not" / "there" / "yet" / "leadtui.db"
    results = race(db, tmp_path)
    assert_all_written(db, results, 0, f"concurrency, new database, round {round_}", figures)
    backups = list(db.parent.glob("backups/*"))
    assert backups == [], f"a new database needs no backup, found {backups}"


HOLDER = r"""
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("begin immediate")
print("holding", flush=True)
time.sleep(120)
"""


def test_a_database_busy_past_the_timeout_refuses_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, figures: Callable[[str], None]
) -> None:
    """Another program holds the write lock longer than leadtui waits: exit 2, one line.

    The wait is shortened to one second here (the shipped wait is longer) to keep the
    suite quick; what is checked is what happens when it runs out.
    """
    db = tmp_path / "data" / "leadtui.db"
    seeded = run_main(["--db", str(db), "people", "add", "Sam Okafor"])
    assert seeded.code == 0, seeded.describe()
    monkeypatch.setattr("leadtui.store.database.BUSY_TIMEOUT_SECONDS", 1.0)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db)], stdout=subprocess.PIPE, text=True
    )
    tried = refused = 0
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "holding\n"
        before = data_files(fingerprint(db.parent))
        for argv in (
            ["people", "add", "Ana Ruiz"],
            ["energy", "log", "3", "--date", "2026-11-20"],
            ["feedback", "add", "Sam", "Clear writing"],
        ):
            tried += 1
            outcome = run_main(["--db", str(db), *argv])
            assert outcome.code == 2, outcome.describe()
            assert is_one_line_refusal(outcome.err), outcome.describe()
            assert data_files(fingerprint(db.parent)) == before, outcome.describe()
            refused += 1
        reading = run_main(["--db", str(db), "people", "list", "--json"])
        assert reading.code == 0, f"reading while another writes: {reading.describe()}"
    finally:
        holder.kill()
        holder.wait(timeout=30)
        figures(f"busy database: {tried} writes tried, {refused} refused untouched")
    after = run_main(["--db", str(db), "people", "add", "Ana Ruiz"])
    assert after.code == 0, f"once the lock is gone: {after.describe()}"
