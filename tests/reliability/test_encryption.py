"""The encrypted database under stress: killed conversions, text left in the clear, hostile keys.

- ``kill -9`` at random moments of ``encrypt``, ``decrypt`` and ``rekey``: afterwards the
  database opens with the old key or the new one (exactly one), passes SQLite's integrity
  check and holds every row it held before. Seeded (LEADTUI_CRASH_SEED).
- A random token written into every text column of every table (the sample rows), a
  plain backup made, then the database encrypted and used: the token is in no file under
  the data folder (database, WAL and shared memory while open, backups, leftovers).
- Hostile passphrases and files: one line, exit 2, the folder byte-for-byte as it was.
"""

from __future__ import annotations

import os
import random
import secrets
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from leadtui.store import encryption, keys
from leadtui.store.database import open_database, write_transaction

from .helpers import cli_env, data_files, fingerprint, is_one_line_refusal, user_tables
from .sample_db import build_current

if TYPE_CHECKING:
    from .conftest import Figures

pytestmark = pytest.mark.reliability

SEED = int(os.environ.get("LEADTUI_CRASH_SEED", "20261208"))
KILLS = 24
PASSPHRASES = (b"first passphrase", b"second passphrase")


@pytest.fixture(autouse=True)
def fresh_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LEADTUI_PASSPHRASE", raising=False)
    monkeypatch.delenv("LEADTUI_NEW_PASSPHRASE", raising=False)
    keys.forget_all()


def _leadtui(db: Path, *argv: str, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "leadtui.cli", "--db", str(db), *argv],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=cli_env(**(env or {})),
    )


def _state(db: Path) -> bytes | None:
    """Which passphrase opens ``db`` (None: it is plain); fails when neither does."""
    if not keys.looks_encrypted(db):
        return None
    salt = db.read_bytes()[:16]
    opening = [p for p in PASSPHRASES if keys.opens(db, keys.derive(p, salt))]
    assert len(opening) == 1, f"opened by {len(opening)} of the passphrases"
    return opening[0]


def _rows(db: Path, passphrase: bytes | None) -> dict[str, int]:
    key = None if passphrase is None else keys.derive(passphrase, db.read_bytes()[:16])
    conn = keys.keyed_connection(str(db), key)
    try:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        return {
            table: conn.execute(f'select count(*) from "{table}"').fetchone()[0]
            for table in user_tables(conn)
        }
    finally:
        conn.close()


def test_killed_conversions_leave_the_old_file_or_the_new_one_with_every_row(
    tmp_path: Path, figures: Figures
) -> None:
    db = tmp_path / "data" / "leadtui.db"
    build_current(db, bulk=3000)
    expected = _rows(db, None)
    rng = random.Random(SEED)
    # How long an uninterrupted conversion takes here, so the kills land all through it.
    started = time.monotonic()
    done = _leadtui(db, "encrypt", "--yes", "--no-keyring", env={"LEADTUI_PASSPHRASE": "x" * 8})
    assert done.wait(timeout=120) == 0, done.communicate()[1]
    span = time.monotonic() - started
    keys.forget_all()
    subprocess.run(
        [sys.executable, "-m", "leadtui.cli", "--db", str(db), "decrypt", "--yes"],
        env=cli_env(LEADTUI_PASSPHRASE="x" * 8),
        check=True,
        capture_output=True,
        timeout=120,
    )
    landed = failed = finished = 0
    seen: dict[str, int] = {"encrypt": 0, "decrypt": 0, "rekey": 0}
    while landed < KILLS:
        current = _state(db)
        if current is None:
            command, target = "encrypt", PASSPHRASES[0]
            env = {"LEADTUI_PASSPHRASE": target.decode()}
        elif rng.random() < 0.5:
            command, target = "decrypt", None
            env = {"LEADTUI_PASSPHRASE": current.decode()}
        else:
            command = "rekey"
            target = PASSPHRASES[1] if current == PASSPHRASES[0] else PASSPHRASES[0]
            env = {
                "LEADTUI_PASSPHRASE": current.decode(),
                "LEADTUI_NEW_PASSPHRASE": target.decode(),
            }
        extra = ["--no-keyring"] if command != "decrypt" else []
        process = _leadtui(db, command, "--yes", *extra, env=env)
        time.sleep(rng.uniform(0.05, span * 1.2))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            landed += 1
            seen[command] += 1
        else:
            finished += 1
        process.communicate(timeout=60)
        keys.forget_all()
        try:
            after = _state(db)
            if after not in (current, target) or _rows(db, after) != expected:
                failed += 1
        except (AssertionError, sqlite3.Error):
            failed += 1
            after = current
        if after == current and rng.random() < 0.5:
            # Move on to another state now and then, so decrypt and rekey are killed too.
            finish = _leadtui(db, command, "--yes", *extra, env=env)
            assert finish.wait(timeout=120) == 0, finish.communicate()[1]
            keys.forget_all()
    leftovers = [p.name for p in db.parent.iterdir() if p.name.startswith(".leadtui.db.conv")]
    figures.trial(
        "encryption kill -9",
        landed,
        failed,
        f"{seen['encrypt']} encrypt, {seen['decrypt']} decrypt, {seen['rekey']} rekey killed; "
        f"{finished} finished first; one conversion {span:.1f}s; "
        f"{len(leftovers)} half-made copy left for the next run to remove",
    )
    assert failed == 0


def _every_text_holds(conn: sqlite3.Connection, token: str) -> int:
    """Append ``token`` to every text column that takes it; the number of columns that did."""
    took = 0
    for table in user_tables(conn):
        if table == "_sqlite_migrations":
            continue  # the schema's own bookkeeping, not text a person wrote
        for column in conn.execute(f'pragma table_info("{table}")').fetchall():
            name, kind = column[1], (column[2] or "").upper()
            if "TEXT" not in kind and kind:
                continue
            conn.execute("savepoint token")
            try:
                changed = conn.execute(
                    f'update "{table}" set "{name}" = "{name}" || ? where "{name}" is not null',
                    [f" {token}"],
                ).rowcount
                conn.execute("release token")
                took += changed > 0
            except sqlite3.Error:
                conn.execute("rollback to token")
                conn.execute("release token")
    return took


def test_a_token_in_every_kind_of_text_is_in_no_file_once_encrypted(
    tmp_path: Path, figures: Figures, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "data" / "leadtui.db"
    build_current(db)
    token = "TOKEN" + secrets.token_hex(8)
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        conn.execute("begin")
        columns = _every_text_holds(conn, token)
        conn.execute("commit")
    finally:
        conn.close()
    assert token.encode() in db.read_bytes()
    # A backup made while it was plain, then encrypted with the database.
    assert (
        subprocess.run(
            [sys.executable, "-m", "leadtui.cli", "--db", str(db), "backup"],
            env=cli_env(),
            capture_output=True,
            timeout=120,
        ).returncode
        == 0
    )
    monkeypatch.setenv("LEADTUI_PASSPHRASE", PASSPHRASES[0].decode())
    outcome = subprocess.run(
        [sys.executable, "-m", "leadtui.cli", "--db", str(db), "encrypt", "--yes", "--no-keyring"],
        env=cli_env(),
        capture_output=True,
        timeout=120,
    )
    assert outcome.returncode == 0, outcome.stderr
    # Used while encrypted: a write with the token, the WAL and shared memory checked while
    # the connection is still open, then a backup of the encrypted database.
    store = open_database(db)
    try:
        with write_transaction(store):
            store.execute(
                "update person set title = ? where id = (select min(id) from person)", [token]
            )
        side = [db.with_name(db.name + s) for s in ("-wal", "-shm")]
        open_files = [p for p in side if p.exists()]
        assert all(token.encode() not in p.read_bytes() for p in open_files)
    finally:
        store.close()
    # Opening took the passphrase out of this process's environment: given to the child.
    assert (
        subprocess.run(
            [sys.executable, "-m", "leadtui.cli", "--db", str(db), "backup"],
            env=cli_env(LEADTUI_PASSPHRASE=PASSPHRASES[0].decode()),
            capture_output=True,
            timeout=120,
        ).returncode
        == 0
    )
    files = [p for p in db.parent.rglob("*") if p.is_file()]
    holding = [str(p) for p in files if token.encode() in p.read_bytes()]
    figures.trial(
        "encryption token in no file",
        len(files) + len(open_files),
        len(holding),
        f"token in {columns} text columns; {len(files)} files after, "
        f"{len(open_files)} side files while open",
    )
    assert not holding


def _hostile_cases(
    plain: Path, locked: Path
) -> list[tuple[str, Path, list[str], dict[bytes, bytes]]]:
    wrong = {b"LEADTUI_PASSPHRASE": b"not the passphrase"}
    return [
        ("wrong key", locked, ["people", "list"], wrong),
        (
            "wrong key, rekey",
            locked,
            ["rekey", "--yes"],
            {**wrong, b"LEADTUI_NEW_PASSPHRASE": b"n"},
        ),
        ("wrong key, decrypt", locked, ["decrypt", "--yes"], wrong),
        ("empty passphrase", locked, ["energy", "log", "3"], {b"LEADTUI_PASSPHRASE": b""}),
        ("10,000 characters", locked, ["people", "list"], {b"LEADTUI_PASSPHRASE": b"y" * 10_000}),
        ("non-UTF-8 bytes", locked, ["people", "list"], {b"LEADTUI_PASSPHRASE": b"\xff\xfe\x80"}),
        ("no key, no terminal", locked, ["people", "list"], {}),
        ("encrypt: empty", plain, ["encrypt", "--yes"], {b"LEADTUI_PASSPHRASE": b""}),
        (
            "encrypt: 10,000 characters",
            plain,
            ["encrypt", "--yes"],
            {b"LEADTUI_PASSPHRASE": b"z" * 10_000},
        ),
        ("encrypt: non-UTF-8", plain, ["encrypt", "--yes"], {b"LEADTUI_PASSPHRASE": b"\xc3\x28ab"}),
        ("plain where encrypted expected: decrypt", plain, ["decrypt", "--yes"], wrong),
        ("plain where encrypted expected: rekey", plain, ["rekey", "--yes"], wrong),
        ("encrypted where plain expected: encrypt", locked, ["encrypt", "--yes"], wrong),
        (
            "encrypted where plain expected: encrypt with its key",
            locked,
            ["encrypt", "--yes"],
            {b"LEADTUI_PASSPHRASE": PASSPHRASES[0]},
        ),
    ]


def test_hostile_passphrases_and_files_are_one_line_exit_2_and_change_nothing(
    tmp_path: Path, figures: Figures
) -> None:
    plain = tmp_path / "plain" / "leadtui.db"
    locked = tmp_path / "locked" / "leadtui.db"
    build_current(plain)
    build_current(locked)
    encryption.convert(locked, None, keys.new_key(PASSPHRASES[0]))
    failures: list[str] = []
    cases = _hostile_cases(plain, locked)
    base = {k: v for k, v in os.environb.items() if not k.startswith(b"LEADTUI_PASS")}
    base.update({k.encode(): v.encode() for k, v in cli_env().items() if k == "PYTHONPATH"})
    for name, db, argv, extra in cases:
        before = data_files(fingerprint(db.parent))
        ran = subprocess.run(
            [sys.executable, "-m", "leadtui.cli", "--db", str(db), *argv],
            env={**base, **extra},
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=120,
        )
        err = ran.stderr.decode("utf-8", "replace")
        if ran.returncode != 2 or not is_one_line_refusal(err):
            failures.append(f"{name}: exit {ran.returncode}, {err!r}")
        elif data_files(fingerprint(db.parent)) != before:
            failures.append(f"{name}: the folder changed")
    figures.trial(
        "encryption hostile keys and files", len(cases), len(failures), "; ".join(failures)
    )
    assert not failures
