"""Shared tools of the reliability suite: run the CLI, fingerprint files, read a database."""

from __future__ import annotations

import contextlib
import gc
import hashlib
import io
import os
import sqlite3
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from leadtui.cli import main

SRC = Path(__file__).resolve().parents[2] / "src"


@dataclass(frozen=True)
class Outcome:
    """What one run of the command line did."""

    argv: tuple[str, ...]
    code: int
    out: str
    err: str

    def describe(self) -> str:
        """The run for a failure message, long arguments shortened."""
        shown = [a if len(a) <= 80 else f"{a[:40]!r}...({len(a)} chars)" for a in self.argv]
        return f"leadtui {shown} -> exit {self.code}; stderr: {self.err[:600]!r}"


def run_main(argv: Sequence[str], *, collect: bool = True, encoding: str = "utf-8") -> Outcome:
    """Run ``leadtui.cli.main(argv)`` in this process, as a terminal would see it.

    stdout and stderr are text streams in ``encoding`` (UTF-8; "ascii" or "cp1252" for a
    terminal that is not) with strict errors, as Python opens a real terminal's, so text
    that cannot be printed fails here as it would there unless the command line sees to
    it. argparse's exit is turned into its exit code. With ``collect`` any connection the
    command left behind is collected, so the files are what a finished process leaves;
    the fuzz, which runs hundreds of commands and tolerates an empty -wal, skips that for
    speed.
    """
    out_bytes, err_bytes = io.BytesIO(), io.BytesIO()
    out = io.TextIOWrapper(out_bytes, encoding=encoding, errors="strict", write_through=True)
    err = io.TextIOWrapper(err_bytes, encoding=encoding, errors="strict", write_through=True)
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    if collect:
        gc.collect()
    return Outcome(
        argv=tuple(argv),
        code=code,
        out=out_bytes.getvalue().decode(encoding, "replace"),
        err=err_bytes.getvalue().decode(encoding, "replace"),
    )


def cli_env(**extra: str) -> dict[str, str]:
    """The environment for a leadtui subprocess (the test's LEADTUI_HOME and today)."""
    env = {**os.environ, **extra}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), env.get("PYTHONPATH", "")]))
    return env


def is_one_line_refusal(err: str) -> bool:
    """Exactly one line on stderr (one final newline, no other line break), under 300 chars."""
    return err.endswith("\n") and len(err.splitlines()) == 1 and len(err) - 1 < 300


def fingerprint(folder: Path) -> dict[str, tuple[str, int, str]]:
    """Every entry under ``folder``: kind, permission bits and a SHA-256 of the bytes.

    Equal fingerprints mean nothing was created, removed, rewritten or re-permissioned.
    """
    found: dict[str, tuple[str, int, str]] = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        mode = stat.S_IMODE(info.st_mode)
        if stat.S_ISDIR(info.st_mode):
            found[str(path.relative_to(folder))] = ("dir", mode, "")
        else:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            found[str(path.relative_to(folder))] = ("file", mode, digest)
    return found


EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()


def data_files(found: dict[str, tuple[str, int, str]]) -> dict[str, tuple[str, int, str]]:
    """A fingerprint without SQLite's side files that hold no data.

    The shared-memory index (-shm) is rebuilt by every open, and an empty -wal is what a
    read-only open of a WAL database leaves (it cannot remove it); SQLite reads a missing
    and an empty WAL alike. A -wal with frames in it is data and is compared.
    """
    return {
        name: entry
        for name, entry in found.items()
        if not name.endswith("-shm") and not (name.endswith("-wal") and entry[2] == EMPTY_SHA256)
    }


def integrity(db: Path) -> list[str]:
    """``pragma integrity_check`` rows plus any foreign-key violation, on a fresh connection."""
    conn = sqlite3.connect(str(db))
    try:
        rows = [r[0] for r in conn.execute("pragma integrity_check")]
        violations = conn.execute("pragma foreign_key_check").fetchall()
    finally:
        conn.close()
    return rows + [f"foreign key violation: {v}" for v in violations]


def user_tables(conn: sqlite3.Connection) -> list[str]:
    """The ordinary tables of a database (no SQLite internals, no FTS shadow tables)."""
    return [
        row[1]
        for row in conn.execute("pragma table_list")
        if row[0] == "main" and row[2] == "table" and not row[1].startswith("sqlite_")
    ]


def text_values(db: Path, sql: str) -> set[str]:
    """The first column of ``sql``'s rows, as text."""
    conn = sqlite3.connect(str(db))
    try:
        return {str(row[0]) for row in conn.execute(sql)}
    finally:
        conn.close()
