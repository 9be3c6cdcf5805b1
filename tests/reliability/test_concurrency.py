"""Eight leadtui processes writing at the same moment all succeed and lose nothing.

Eight processes import leadtui, then run round after round: before each round they
wait for its start file, so their writes begin within a millisecond or two of each
other instead of being spread out by Python's start-up. Each writer adds a person,
logs a day of energy and adds another person (names and days distinct per writer and
round). Against a database that exists, and against one that does not exist yet (nor
its folder: a new one every round, as on a first run).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from ..helpers import TODAY
from .helpers import (
    cli_env,
    data_files,
    fingerprint,
    integrity,
    is_one_line_refusal,
    run_main,
    text_values,
)

if TYPE_CHECKING:
    from .conftest import Figures

pytestmark = pytest.mark.reliability

WRITERS = 8
ROUNDS_EXISTING = 3
ROUNDS_NEW = 8  # a first-run race is a narrow window, so it gets more tries

# Runs its rounds: signals ready, waits for the round's start file, runs the round's
# commands through leadtui.cli.main, then writes the failures (if any) to a done file.
WRITER = r"""
import contextlib, io, json, sys, time
from pathlib import Path
import leadtui.cli, leadtui.store.database, leadtui.store.people, leadtui.store.energy
import leadtui.domain.validation, leadtui.domain.people_input, leadtui.domain.energy_input
import leadtui.config, sqlite_utils, sqlite_utils.migrations
work, n, rounds = Path(sys.argv[1]), int(sys.argv[2]), json.loads(sys.argv[3])
for r, commands in enumerate(rounds):
    (work / f"ready-{r}-{n}").touch()
    start = work / f"start-{r}"
    while not start.exists():
        time.sleep(0.0005)
    failures = []
    for argv in commands:
        err = io.StringIO()
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
            code = leadtui.cli.main(argv)
        if code != 0:
            failures.append(f"exit {code} for {argv[2:4]}: {err.getvalue().strip()}")
    (work / f"result-{r}-{n}").write_text(json.dumps(failures))
    (work / f"result-{r}-{n}").rename(work / f"done-{r}-{n}")
"""


def day_for(round_: int, n: int) -> str:
    return (TODAY - timedelta(days=round_ * WRITERS + n + 1)).isoformat()


def writer_commands(db: Path, round_: int, n: int) -> list[list[str]]:
    """Writer ``n``'s commands in a round: a person, a day of energy, another person."""
    return [
        ["--db", str(db), "people", "add", f"Writer {n} first {round_}"],
        ["--db", str(db), "energy", "log", str(n % 5 + 1), "--date", day_for(round_, n)],
        ["--db", str(db), "people", "add", f"Writer {n} second {round_}"],
    ]


def race(dbs: list[Path], work: Path) -> list[list[str]]:
    """Run one round per database with all writers starting together; failures per round."""
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                WRITER,
                str(work),
                str(n),
                json.dumps([writer_commands(db, r, n) for r, db in enumerate(dbs)]),
            ],
            stderr=subprocess.PIPE,
            text=True,
            env=cli_env(),
        )
        for n in range(WRITERS)
    ]
    try:
        failures: list[list[str]] = []
        for r in range(len(dbs)):
            for step in ("ready", "done"):
                deadline = time.monotonic() + 120
                while not all((work / f"{step}-{r}-{n}").exists() for n in range(WRITERS)):
                    assert time.monotonic() < deadline, f"writers not {step} in round {r}"
                    ended = [
                        p
                        for n, p in enumerate(processes)
                        if p.poll() is not None and not (work / f"{step}-{r}-{n}").exists()
                    ]
                    if ended:
                        output = ended[0].stderr.read() if ended[0].stderr else ""
                        pytest.fail(f"a writer ended early: {output[-2000:]}")
                    time.sleep(0.002)
                if step == "ready":
                    (work / f"start-{r}").touch()
            failures.append(
                [
                    line
                    for n in range(WRITERS)
                    for line in json.loads((work / f"done-{r}-{n}").read_text())
                ]
            )
        return failures
    finally:
        for process in processes:
            process.wait(timeout=60)


def assert_all_written(
    dbs: list[Path],
    failures: list[list[str]],
    label: str,
    record: Figures,
) -> None:
    failed = sum(len(f) for f in failures)
    record.trial(
        f"concurrency, {label}",
        len(dbs) * 3 * WRITERS,
        failed,
        f"{len(dbs)} rounds of {WRITERS} writers",
    )
    assert not failed, f"{failed} writes failed: {[f for f in failures if f][:3]}"
    for r, db in enumerate(dbs):
        assert integrity(db) == ["ok"], f"round {r}"
        names = text_values(db, "select name from person")
        days = text_values(db, "select day from energy_entry")
        for n in range(WRITERS):
            wanted = {f"Writer {n} first {r}", f"Writer {n} second {r}"}
            assert wanted <= names, f"round {r}: writer {n}'s people"
            assert day_for(r, n) in days, f"round {r}: writer {n}'s energy"


def test_eight_writers_on_an_existing_database(tmp_path: Path, figures: Figures) -> None:
    db = tmp_path / "data" / "leadtui.db"
    seeded = run_main(["--db", str(db), "people", "add", "Sam Okafor"])
    assert seeded.code == 0, seeded.describe()
    dbs = [db] * ROUNDS_EXISTING
    failures = race(dbs, tmp_path)
    assert_all_written(dbs, failures, "existing database", figures)
    assert len(text_values(db, "select name from person")) == 1 + 2 * WRITERS * ROUNDS_EXISTING


def test_eight_writers_create_a_new_database_together(tmp_path: Path, figures: Figures) -> None:
    dbs = [tmp_path / f"round-{r}" / "not" / "there" / "leadtui.db" for r in range(ROUNDS_NEW)]
    failures = race(dbs, tmp_path)
    assert_all_written(dbs, failures, "new database", figures)
    for db in dbs:
        assert len(text_values(db, "select name from person")) == 2 * WRITERS
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
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, figures: Figures
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
        figures.trial("busy database", tried, tried - refused, f"{refused} refused untouched")
    after = run_main(["--db", str(db), "people", "add", "Ana Ruiz"])
    assert after.code == 0, f"once the lock is gone: {after.describe()}"
