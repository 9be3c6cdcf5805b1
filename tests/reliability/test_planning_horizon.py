"""Planning as far ahead as a plan may reach: it finishes, it grows linearly with the
terms planned, and a writer in another process is never turned away meanwhile.

A plan is decided inside the write lock, so its cost is how long every other writer
waits. Deciding once over the schedule (not re-deriving the history for every term)
keeps that short; the horizon is bounded to PLAN_MONTHS_MAX besides. Times are compared
as ratios within one run, never against a fixed number of seconds.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from leadtui.domain.rotations import Capacity, Member, plan_terms
from leadtui.services.rotations import PLAN_MONTHS_MAX, horizon_until

from ..helpers import TODAY
from .helpers import cli_env, integrity, run_main, text_values

pytestmark = pytest.mark.reliability

# Writes people until the stop file appears (and at least MIN_WRITES), then reports.
WRITER = r"""
import contextlib, io, json, sys, time
from pathlib import Path
import leadtui.cli
db, work = sys.argv[1], Path(sys.argv[2])
(work / "writer-ready").touch()
while not (work / "start").exists():
    time.sleep(0.001)
failures, n = [], 0
while n < int(sys.argv[3]) or not (work / "stop").exists():
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = leadtui.cli.main(["--db", db, "people", "add", f"Writer {n}"])
    if code != 0:
        failures.append(err.getvalue().strip())
    n += 1
(work / "writer.json").write_text(json.dumps({"tried": n, "failures": failures}))
"""
MIN_WRITES = 20


def _best_of(runs: int, work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - started)
    return best


def test_planning_grows_linearly_with_the_terms(figures: Callable[[str], None]) -> None:
    """Four times the terms take well under twelve times as long: a quadratic planner takes
    sixteen times, a cubic one sixty-four (the margin is for a machine that is busy)."""
    start = date(1950, 1, 1)
    capacity = Capacity(1, "Incident Review", None, 1, 1, 0, start, None)
    roster = [Member(1, pid) for pid in range(1, 13)]
    names = {pid: f"Person {pid:02d}" for pid in range(1, 13)}
    small, large = 300, 1200

    def plan(terms: int) -> None:
        picks = plan_terms(capacity, [], roster, names, [], start, horizon_until(start, terms - 1))
        assert len(picks) == terms and all(p.person_id is not None for p in picks)

    once = _best_of(5, lambda: plan(small))
    four_times = _best_of(5, lambda: plan(large))
    ratio = four_times / once
    figures(
        f"planning {small} / {large} terms: {once:.3f} s / {four_times:.3f} s "
        f"(x{ratio:.1f} for x4 the terms)"
    )
    assert ratio < 12, f"{large} terms took {ratio:.1f} times as long as {small}"


def test_the_longest_plan_finishes_and_a_writer_meanwhile_is_not_refused(
    tmp_path: Path, figures: Callable[[str], None]
) -> None:
    db = tmp_path / "data" / "leadtui.db"
    people = [f"Person {n:02d}" for n in range(12)]
    for name in people:
        assert run_main(["--db", str(db), "people", "add", name]).code == 0
    # Monthly terms in six seats since 1990: decades of history to resolve, and a seat
    # to fill every month of the five years ahead.
    added = run_main(
        ["--db", str(db), "rotation", "add", "Incident Review", "--term-months", "6",
         "--seats", "6", "--offset-months", "1", "--start", "1990-01-01"]
    )  # fmt: skip
    assert added.code == 0, added.describe()
    assert run_main(["--db", str(db), "rotation", "roster", "inc", *people]).code == 0
    furthest = horizon_until(TODAY, PLAN_MONTHS_MAX)
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db), str(tmp_path), str(MIN_WRITES)],
        stderr=subprocess.PIPE,
        text=True,
        env=cli_env(),
    )
    try:
        deadline = time.monotonic() + 60
        while not (tmp_path / "writer-ready").exists():
            assert writer.poll() is None, writer.stderr.read() if writer.stderr else ""
            assert time.monotonic() < deadline, "the writer did not start"
            time.sleep(0.01)
        (tmp_path / "start").touch()
        started = time.perf_counter()
        planned = subprocess.run(
            [sys.executable, "-m", "leadtui.cli", "--db", str(db), "rotation", "plan", "inc",
             "--until", furthest.isoformat()],
            capture_output=True, text=True, env=cli_env(), timeout=300,
        )  # fmt: skip
        took = time.perf_counter() - started
    finally:
        (tmp_path / "stop").touch()
        writer.wait(timeout=120)
    assert planned.returncode == 0, planned.stderr
    terms = planned.stdout.count("\nplanned ") + planned.stdout.startswith("planned ")
    report = json.loads((tmp_path / "writer.json").read_text())
    figures(
        f"planning the longest horizon ({PLAN_MONTHS_MAX} months, {terms} terms): "
        f"{took:.2f} s; a writer beside it: {report['tried']} writes tried, "
        f"{len(report['failures'])} refused"
    )
    assert terms >= PLAN_MONTHS_MAX, planned.stdout[-500:]
    assert not report["failures"], report["failures"][:3]
    assert integrity(db) == ["ok"]
    names = text_values(db, "select name from person")
    assert {f"Writer {n}" for n in range(report["tried"])} <= names
    beyond = run_main(
        ["--db", str(db), "rotation", "plan", "inc", "--until",
         horizon_until(TODAY, PLAN_MONTHS_MAX + 1).isoformat()]
    )  # fmt: skip
    assert beyond.code == 2 and "more than 5 years ahead" in beyond.err, beyond.describe()
