"""Killing leadtui with SIGKILL mid-write never corrupts the database or loses a saved write.

Two writer processes at a time call ``leadtui.cli.main`` in a loop (a person, a day of
energy, a 1:1 talking point, a piece of feedback, in turn) and print one line after each
command that returned 0. Each is killed with SIGKILL at a random moment (after a random
number of saved writes, a random fraction of a write later) and replaced, until enough
kills have landed; the kills are seeded (LEADTUI_CRASH_SEED) for a reproducible run.
Then leadtui must open the database, SQLite's integrity check must pass and every
write a writer reported must be there.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

import pytest

from ..helpers import TODAY
from .helpers import cli_env, integrity, run_main, text_values

if TYPE_CHECKING:
    from .conftest import Figures

pytestmark = pytest.mark.reliability

KILLS = 60
PARALLEL = 2
SEED = int(os.environ.get("LEADTUI_CRASH_SEED", "20261122"))
DAYS_PER_LIFE = 300

WRITER = r"""
import contextlib, io, os, sys
from datetime import date, timedelta
import leadtui.cli
# What the commands import on first use, so the kills land in writes rather than imports.
import leadtui.store.database, leadtui.store.people, leadtui.store.energy
import leadtui.store.oneonones, leadtui.store.reviews, leadtui.services.oneonones
import leadtui.domain.validation, leadtui.domain.people_input, leadtui.domain.energy_input
import leadtui.domain.oneonones_input, leadtui.domain.reviews_input, leadtui.config
import sqlite_utils, sqlite_utils.migrations
leadtui.cli.build_parser()
db, life = sys.argv[1], int(sys.argv[2])
days_per_life, today = int(sys.argv[3]), date.fromisoformat(sys.argv[4])
os.write(1, b"ready\n")
for i in range(10**6):
    kind = ("person", "energy", "point", "feedback")[i % 4]
    token = f"{life}-{i}"
    if kind == "person":
        argv = ["people", "add", f"Crash {token}"]
    elif kind == "energy":
        if i // 4 >= days_per_life:
            continue
        token = (today - timedelta(days=life * days_per_life + i // 4 + 1)).isoformat()
        argv = ["energy", "log", str(i % 5 + 1), "--date", token]
    elif kind == "point":
        argv = ["1on1", "add", "Sam", f"crash point {token}"]
    else:
        argv = ["feedback", "add", "Sam", f"crash feedback {token}", "--kind", "growth"]
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = leadtui.cli.main(["--db", db, *argv])
    if code == 0:
        os.write(1, f"ok {kind} {token}\n".encode())
    else:
        os.write(1, f"fail {code} {kind} {token} {err.getvalue().strip()!r}\n".encode())
"""


@dataclass
class Writer:
    """One writer process between its start and its kill."""

    process: subprocess.Popen[bytes]
    output: Path
    handle: IO[bytes]
    writes_first: int  # saved writes to let through before the kill is timed
    delay: float  # then the kill comes this long after, somewhere inside a later write
    kill_at: float | None = None


def start_writer(db: Path, life: int, folder: Path, rng: random.Random) -> Writer:
    output = folder / f"writer-{life}.out"
    handle = output.open("wb")
    process = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db), str(life), str(DAYS_PER_LIFE), TODAY.isoformat()],
        stdout=handle,
        stderr=subprocess.STDOUT,
        env=cli_env(),
    )
    return Writer(process, output, handle, rng.randint(0, 4), rng.uniform(0.0, 0.15))


def complete_lines(path: Path) -> list[str]:
    """The lines a writer finished printing (a line cut by the kill does not count)."""
    text = path.read_bytes().decode("utf-8", "replace")
    return text.split("\n")[:-1]


def test_sigkill_at_random_moments_loses_no_reported_write(
    tmp_path: Path, figures: Figures
) -> None:
    rng = random.Random(SEED)
    db = tmp_path / "data" / "leadtui.db"
    for argv in (
        ["people", "add", "Sam Okafor"],
        ["1on1", "series", "Sam", "--weekday", "tuesday"],
    ):
        seeded = run_main(["--db", str(db), *argv])
        assert seeded.code == 0, seeded.describe()

    kills = lives = 0
    writers: list[Writer] = []
    outputs: list[Path] = []
    deadline = time.monotonic() + 240
    while kills < KILLS:
        assert time.monotonic() < deadline, f"only {kills} kills in time"
        while len(writers) < PARALLEL and kills + len(writers) < KILLS:
            writers.append(start_writer(db, lives, tmp_path, rng))
            outputs.append(writers[-1].output)
            lives += 1
        time.sleep(0.002)
        for writer in list(writers):
            if writer.kill_at is None:
                # Timed by progress rather than the clock, so a busy machine still sees
                # writes land between kills; the delay puts the kill inside a later write.
                lines = complete_lines(writer.output)
                if lines[:1] == ["ready"] and len(lines) > writer.writes_first:
                    writer.kill_at = time.monotonic() + writer.delay
                elif writer.process.poll() is not None:
                    pytest.fail(f"a writer ended on its own: {writer.output.read_text()[-2000:]}")
            elif time.monotonic() >= writer.kill_at:
                writer.process.send_signal(signal.SIGKILL)
                writer.process.wait(timeout=30)
                writer.handle.close()
                assert writer.process.returncode == -signal.SIGKILL, "the writer was not killed"
                writers.remove(writer)
                kills += 1

    reported: dict[str, set[str]] = {"person": set(), "energy": set(), "point": set()}
    reported["feedback"] = set()
    failed: list[str] = []
    for output in outputs:
        for line in complete_lines(output):
            if line.startswith("ok "):
                _, kind, token = line.split(" ", 2)
                reported[kind].add(token)
            elif line != "ready":
                failed.append(line)
    written = sum(len(tokens) for tokens in reported.values())
    summary = (
        f"crash trial (seed {SEED}): {lives} writers, {kills} SIGKILLs, "
        f"{written} writes reported saved, {len(failed)} refused or failed"
    )
    figures.trial(
        f"crash (seed {SEED})",
        written + len(failed),
        len(failed),
        f"{lives} writers, {kills} SIGKILLs, {written} writes reported saved",
    )

    assert not failed, f"{summary}; first: {failed[:3]}"
    assert written >= KILLS, f"{summary}: too few writes landed between kills to prove much"
    opened = run_main(["--db", str(db), "people", "list", "--json"])
    assert opened.code == 0, f"{summary}; {opened.describe()}"
    assert integrity(db) == ["ok"], summary
    present = {
        "person": {
            name.removeprefix("Crash ") for name in text_values(db, "select name from person")
        },
        "energy": text_values(db, "select day from energy_entry"),
        "point": {
            text.removeprefix("crash point ")
            for text in text_values(db, "select text from oo_point")
        },
        "feedback": {
            text.removeprefix("crash feedback ")
            for text in text_values(db, "select text from feedback")
        },
    }
    for kind, tokens in reported.items():
        missing = sorted(tokens - present[kind])
        assert not missing, f"{summary}; {len(missing)} saved {kind} writes lost: {missing[:5]}"
