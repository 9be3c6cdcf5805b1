"""leadtui benchmarks: ratios against baselines measured side by side in one run.

    python bench/run.py [--runs N] [--keep DIR] [--only a,b,c,d]

Seeds the large dataset (`leadtui demo --years 5 --people 40`), then times, alternating
each leadtui run with its baseline so machine noise hits both alike:

  (a) TUI start to a full first screen, under a pseudo-terminal (120x40), vs a bare
      Textual app with Header + DataTable + Footer. Goal <= 1.3x.
  (b) `leadtui people list` whole-process time vs `python -c "import sqlite_utils, pydantic"`.
      Goal <= 1.5x.
  (c) `leadtui energy log 4` (a write, validated input), `leadtui 1on1 add` and
      `leadtui today` (the day's digest, read) vs the same import baseline.
      Goal <= 1.5x.
  (d) showing a person on the One-on-ones screen (load the upcoming session and the first
      page of history) on the large database vs a small demo (--years 1 --people 8),
      in-process, for the person with the longest history. Goal <= 1.2x.
  (e) `leadtui search WORD` whole-process time on the large database vs the small demo.
      Goal <= 1.3x (the cost follows the hits shown, not the years of history).
  (f) the same search in process (services.search) on the large database vs a bare
      sqlite3 FTS5 query of the same word on the same file, newest first, same limit.
      Goal <= 1.5x.
  (h) the same database encrypted (SQLCipher, the key from the keyring) vs plain:
      (h1) TUI start, (h2) `leadtui energy log 4`, (h3) search in process. Goal each
      <= 1.2x. The one-off key derivation (what `encrypt` and a typed passphrase cost)
      is printed on its own.

Prints medians and ratios of wall time (the goals), and beside them the ratio of CPU time
(user + system of the measured process), which a busy machine disturbs far less.
Exits 0 whatever the figures (benchmarks inform, tests decide).
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import re
import resource
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
LEADTUI = str(BIN / "leadtui")
ANSI = re.compile(rb"\x1b\[[0-9;?<>=$]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b[=>]|\x1b\][^\x07]*\x07")


Timing = tuple[float, float]  # (wall seconds, CPU seconds)
WINDOW = struct.pack("HHHH", 40, 120, 0, 0)  # rows, columns: the size the snapshots use


def time_until_screen(argv: list[str], sentinels: list[bytes], env: dict[str, str]) -> Timing:
    """Seconds from spawn until every sentinel is drawn on a 120x40 pseudo-terminal.

    A screen is full when its data and its footer are both on screen: Textual may draw
    the footer a frame after the body, so waiting for one text alone would stop early.
    """
    pid, fd = pty.fork()
    if pid == 0:  # child
        # Size the terminal before the program starts, as a real terminal is. Set from the
        # parent after the fork, the program could start at 80x24 and then draw every
        # frame again for the resize, which no user sees.
        fcntl.ioctl(0, termios.TIOCSWINSZ, WINDOW)
        os.execvpe(argv[0], argv, env)
    start = time.perf_counter()
    seen = b""
    wall = 0.0
    try:
        while True:
            ready, _, _ = select.select([fd], [], [], 20)
            if not ready:
                raise TimeoutError(f"{argv} never drew {sentinels!r}")
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                raise RuntimeError(f"{argv} exited before drawing {sentinels!r}") from None
            seen += chunk
            text = ANSI.sub(b"", seen)
            if all(sentinel in text for sentinel in sentinels):
                wall = time.perf_counter() - start
                break
    finally:
        os.kill(pid, signal.SIGKILL)
        _, _, usage = os.wait4(pid, 0)
        os.close(fd)
    return wall, usage.ru_utime + usage.ru_stime


def time_process(argv: list[str], env: dict[str, str]) -> Timing:
    """Whole-process wall and CPU time of a command, output discarded."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def show_person(db: Path) -> Callable[[], Timing]:
    """Time loading the running document of the person with the most sessions."""
    from datetime import date

    from leadtui.services.oneonones import running_document
    from leadtui.store.database import open_database
    from leadtui.store.people import PeopleRepository

    store = open_database(db)
    row = store.execute(
        "select person_id from oo_series s join oo_session x on x.series_id = s.id "
        "group by person_id order by count(*) desc limit 1"
    ).fetchone()
    person = PeopleRepository(store).get(row[0])
    today = date(2026, 11, 22)

    def run() -> Timing:
        wall, cpu = time.perf_counter(), time.process_time()
        for _ in range(20):
            running_document(store, person, today, history=10)
        return (time.perf_counter() - wall) / 20, (time.process_time() - cpu) / 20

    return run


def side_by_side(
    runs: int, ours: Callable[[], Timing], baseline: Callable[[], Timing]
) -> tuple[Timing, Timing]:
    """Medians (wall, CPU) of each, alternating runs after one warm-up of both."""
    ours(), baseline()
    mine: list[Timing] = []
    base: list[Timing] = []
    for _ in range(runs):
        mine.append(ours())
        base.append(baseline())

    def medians(samples: list[Timing]) -> Timing:
        return statistics.median(s[0] for s in samples), statistics.median(s[1] for s in samples)

    return medians(mine), medians(base)


def report(label: str, mine: Timing, base: Timing, goal: float) -> None:
    """One result line: wall medians and ratio against the goal, then the CPU ratio."""
    ratio = mine[0] / base[0]
    verdict = "ok" if ratio <= goal else "OVER GOAL"
    print(
        f"{label:<46} {mine[0] * 1000:8.1f} ms  {base[0] * 1000:8.1f} ms  {ratio:5.2f}x  "
        f"(goal <= {goal}x, {verdict})  cpu {mine[1] / base[1]:4.2f}x"
    )


def main() -> int:
    """Seed, measure, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--keep", type=Path, help="keep the seeded database in this folder")
    parser.add_argument(
        "--only", default="abcdefh", help="which measures to run, e.g. --only a (default: all)"
    )
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="leadtui-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "bench.db"
    env = {
        **os.environ,
        "LEADTUI_HOME": str(folder / "home"),
        "TERM": "xterm-256color",
        "LEADTUI_TODAY": "2026-11-22",
    }
    env.pop("LEADTUI_DB", None)
    # Measure as installed software runs: with bytecode cached (pip compiles it for a real
    # install). Without this, a checkout's modules would be recompiled on every start.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not db.exists():
        subprocess.run(
            [LEADTUI, "demo", "--years", "5", "--people", "40", "--db", str(db)],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    size = db.stat().st_size
    print(f"dataset: demo --years 5 --people 40 ({size / 1024:.0f} KiB) · {args.runs} runs each")
    print(f"search index: {index_share(db)}")
    print(f"{'measure':<46} {'leadtui':>11}  {'baseline':>11}  ratio")

    if "a" in args.only:
        measure_start(args.runs, db, env)
    if "b" in args.only:
        cli = side_by_side(
            args.runs,
            lambda: time_process([LEADTUI, "people", "list", "--db", str(db)], env),
            lambda: time_process([sys.executable, "-c", "import sqlite_utils, pydantic"], env),
        )
        report("(b) `leadtui people list` vs import baseline", *cli, goal=1.5)
    if "c" in args.only:
        # The captures write: they go to a copy, so the large file the other measures read
        # (and a later run kept with --keep) never gains the points added here.
        capture = copy_of(db, folder / "capture.db")
        log = side_by_side(
            args.runs,
            lambda: time_process([LEADTUI, "energy", "log", "4", "--db", str(capture)], env),
            lambda: time_process([sys.executable, "-c", "import sqlite_utils, pydantic"], env),
        )
        report("(c) `leadtui energy log 4` vs import baseline", *log, goal=1.5)
        point = side_by_side(
            args.runs,
            lambda: time_process(
                [LEADTUI, "1on1", "add", busiest_person(db), "bench point", "--db", str(capture)],
                env,
            ),
            lambda: time_process([sys.executable, "-c", "import sqlite_utils, pydantic"], env),
        )
        report("(c) `leadtui 1on1 add` vs import baseline", *point, goal=1.5)
        # Today's digest reads every ritual's card: it must start as quickly as a capture
        # to fit a shell prompt or a login message.
        today = side_by_side(
            args.runs,
            lambda: time_process([LEADTUI, "today", "--db", str(db)], env),
            lambda: time_process([sys.executable, "-c", "import sqlite_utils, pydantic"], env),
        )
        report("(c) `leadtui today` vs import baseline", *today, goal=1.5)
    if "d" in args.only:
        small = small_demo(folder, env)
        show = side_by_side(args.runs, show_person(db), show_person(small))
        report("(d) show a person's 1:1, large vs small demo", *show, goal=1.2)
    if "e" in args.only:
        small = small_demo(folder, env)
        found = side_by_side(
            args.runs,
            lambda: time_process([LEADTUI, "search", SEARCH_WORD, "--db", str(db)], env),
            lambda: time_process([LEADTUI, "search", SEARCH_WORD, "--db", str(small)], env),
        )
        report(f"(e) `leadtui search {SEARCH_WORD}`, large vs small demo", *found, goal=1.3)
    if "f" in args.only:
        ours, bare = search_in_process(db)
        query = side_by_side(args.runs, ours, bare)
        report(f"(f) search {SEARCH_WORD!r} in process vs bare FTS5", *query, goal=1.5)
    if "h" in args.only:
        measure_encrypted(args.runs, db, folder, env)
    return 0


def measure_encrypted(runs: int, db: Path, folder: Path, env: dict[str, str]) -> None:
    """(h): the encrypted database vs the plain one, the key from a keyring."""
    from leadtui.store import keys

    if keys.cipher_module() is None:
        print("(h) skipped: encryption support (sqlcipher3) is not installed")
        return
    ring_env = {
        **env,
        "PYTHON_KEYRING_BACKEND": "file_keyring.FileKeyring",
        "LEADTUI_BENCH_KEYRING": str(folder / "keyring.json"),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(HERE), env.get("PYTHONPATH", "")])),
    }
    # This process reads the keyring too (h3), so it is chosen here as well.
    os.environ.update({k: ring_env[k] for k in ("PYTHON_KEYRING_BACKEND", "LEADTUI_BENCH_KEYRING")})
    sys.path.insert(0, str(HERE))
    plain = copy_of(db, folder / "plain.db")
    locked = copy_of(db, folder / "encrypted.db")
    started = time.perf_counter()
    subprocess.run(
        [LEADTUI, "encrypt", "--yes", "--db", str(locked)],
        env={**ring_env, "LEADTUI_PASSPHRASE": "bench passphrase"},
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    converted = time.perf_counter() - started
    derivations = []
    for _ in range(3):
        begun = time.perf_counter()
        keys.new_key(b"bench passphrase")
        derivations.append(time.perf_counter() - begun)
    print(
        f"(h) one-off key derivation (PBKDF2-HMAC-SHA512, {keys.KDF_ITERATIONS:,} iterations): "
        f"{statistics.median(derivations) * 1000:.0f} ms; `leadtui encrypt` of the large "
        f"database {converted:.1f} s"
    )
    tui = side_by_side(
        runs,
        lambda: time_until_screen(
            [LEADTUI, "--db", str(locked)], [b"People \xc2\xb7 ", b"palette"], ring_env
        ),
        lambda: time_until_screen(
            [LEADTUI, "--db", str(plain)], [b"People \xc2\xb7 ", b"palette"], ring_env
        ),
    )
    report("(h1) TUI start, encrypted vs plain", *tui, goal=1.2)
    log = side_by_side(
        runs,
        lambda: time_process([LEADTUI, "energy", "log", "4", "--db", str(locked)], ring_env),
        lambda: time_process([LEADTUI, "energy", "log", "4", "--db", str(plain)], ring_env),
    )
    report("(h2) `leadtui energy log 4`, encrypted vs plain", *log, goal=1.2)
    found_locked, _ = search_in_process(locked)
    found_plain, _ = search_in_process(plain)
    query = side_by_side(runs, found_locked, found_plain)
    report(f"(h3) search {SEARCH_WORD!r} in process, encrypted vs plain", *query, goal=1.2)


# A word the demo writes across the years (in talking points, notes and feedback), so
# both databases have many more matches than one screen of hits.
SEARCH_WORD = "feedback"


def small_demo(folder: Path, env: dict[str, str]) -> Path:
    """The small demo database (--years 1 --people 8), seeded on first use."""
    small = folder / "small.db"
    if not small.exists():
        subprocess.run(
            [LEADTUI, "demo", "--years", "1", "--people", "8", "--db", str(small)],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return small


def copy_of(db: Path, target: Path) -> Path:
    """A fresh copy of ``db`` at ``target`` (SQLite's backup API: a consistent file)."""
    import sqlite3

    target.unlink(missing_ok=True)
    source, copy = sqlite3.connect(db), sqlite3.connect(target)
    try:
        source.backup(copy)
    finally:
        source.close()
        copy.close()
    os.chmod(target, 0o600)
    return target


def busiest_person(db: Path) -> str:
    """The name of the person with the most sessions (the largest index neighbourhood)."""
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        row = conn.execute(
            "select p.name from person p join oo_series s on s.person_id = p.id "
            "join oo_session x on x.series_id = s.id where p.archived_on is null "
            "group by p.id order by count(*) desc limit 1"
        ).fetchone()
    finally:
        conn.close()
    return str(row[0])


def index_share(db: Path) -> str:
    """How much of the file the search index takes (its tables and their pages)."""
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        total = conn.execute("select sum(pgsize) from dbstat").fetchone()[0]
        index = conn.execute("select sum(pgsize) from dbstat where name like 'search%'").fetchone()[
            0
        ]
    except sqlite3.Error:
        return "size unknown (this SQLite has no dbstat)"
    finally:
        conn.close()
    return (
        f"{index / 1024:.0f} KiB of {total / 1024:.0f} KiB; the file grew "
        f"{index / (total - index) * 100:.0f}% over the {(total - index) / 1024:.0f} KiB "
        "without it"
    )


def search_in_process(db: Path) -> tuple[Callable[[], Timing], Callable[[], Timing]]:
    """(f): services.search against the bare FTS5 query it runs, on the same file."""
    import sqlite3

    from leadtui.domain.search import parse_query
    from leadtui.services.search import DEFAULT_LIMIT, search
    from leadtui.store.database import open_database

    store = open_database(db)
    bare = sqlite3.connect(db) if db.read_bytes()[:6] == b"SQLite" else store.conn
    match = parse_query(SEARCH_WORD).match
    sql = (
        "select rowid, snippet(search_index, 0, '[', ']', '…', 14) from search_index "
        "where search_index match ? order by rowid desc limit ?"
    )

    def timed(call: Callable[[], object]) -> Timing:
        wall, cpu = time.perf_counter(), time.process_time()
        for _ in range(20):
            call()
        return (time.perf_counter() - wall) / 20, (time.process_time() - cpu) / 20

    return (
        lambda: timed(lambda: search(store, SEARCH_WORD)),
        lambda: timed(lambda: bare.execute(sql, [match, DEFAULT_LIMIT]).fetchall()),
    )


def measure_start(runs: int, db: Path, env: dict[str, str]) -> None:
    """(a): the TUI on the large database vs the bare Textual app, both to a full screen."""
    tui = side_by_side(
        runs,
        lambda: time_until_screen(
            [LEADTUI, "--db", str(db)], [b"People \xc2\xb7 ", b"palette"], env
        ),
        lambda: time_until_screen(
            [sys.executable, str(HERE / "bare_app.py")], [b"row 0", b"palette"], env
        ),
    )
    report("(a) TUI start to full first screen", *tui, goal=1.3)


if __name__ == "__main__":
    sys.exit(main())
