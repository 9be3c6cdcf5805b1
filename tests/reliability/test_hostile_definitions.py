"""Hostile and mistaken rotation definition files: each is refused with one line, quickly,
and the database is left exactly as it was.

A definition file is what a teammate (or a script, or a slip) hands `rotation
import-definition`. Whatever it is, a FIFO nobody writes to, a device that never ends, a
file far too large, TOML nested past any parser's patience, or values the command line
would refuse, the import must answer with one line and exit 2, write nothing, and never
hang. The FIFO and the devices run in a subprocess with a time limit, so a regression
fails the trial instead of hanging the suite.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from .helpers import cli_env, data_files, fingerprint, is_one_line_refusal, run_main

pytestmark = pytest.mark.reliability

GOOD = """\
[capacity]
name = "Incident Review"
term_months = 6
seats = 2
offset_months = 3
starts_on = 2026-07-01
active = true

[[roster]]
person = "Ana"

[[roster]]
person = "Ben"
joined_on = 2026-07-01

[[roster]]
person = "Cy"
out_of_rotation = false

[[exception]]
kind = "assign"
on = 2026-07-01
seat = 1
person = "Ana"

[[exception]]
kind = "swap"
on = 2026-08-01
person = "Ana"
other_person = "Ben"
"""


def _changed(old: str, new: str) -> str:
    assert old in GOOD, old
    return GOOD.replace(old, new, 1)


# (what it is, the file's text) for files whose text is the hostile part.
TEXTS: list[tuple[str, str]] = [
    ("capacity is a number", GOOD.replace("[capacity]\n", "capacity = 5\n[other]\n", 1)),
    ("capacity is a number alone", "capacity = 5\n"),
    ("capacity is an array", "capacity = [1, 2]\n"),
    (
        "roster entries are numbers",
        _changed('[[roster]]\nperson = "Ana"\n', "").replace(
            "[capacity]", "roster = [1, 2]\n[capacity]"
        ),
    ),
    ("roster is text", "roster = 'everyone'\n" + GOOD),
    ("an exception is text", "exception = ['assign Ana']\n" + GOOD.split("[[roster]]")[0]),
    ("an unknown table", GOOD + "\n[extra]\nx = 1\n"),
    ("an unknown key", _changed("seats = 2", "seats = 2\nterm_month = 6")),
    ("an escape sequence as a key", _changed("seats = 2", 'seats = 2\n"\\u001b[31m" = 1')),
    ("arrays nested 100,000 deep", "x = " + "[" * 100_000 + "]" * 100_000 + "\n"),
    ("inline tables nested 50,000 deep", "x = " + "{a=" * 50_000 + "1" + "}" * 50_000 + "\n"),
    ("arrays nested 200 deep in the roster", "roster = " + "[" * 200 + "]" * 200 + "\n"),
    (
        "a date and time as the start",
        _changed("starts_on = 2026-07-01", "starts_on = 2026-07-01T09:00:00"),
    ),
    ("an offset date and time", _changed("on = 2026-08-01", "on = 2026-08-01T09:00:00+02:00")),
    ("a time of day as a date", _changed("joined_on = 2026-07-01", "joined_on = 09:30:00")),
    ("a start in year 1", _changed("starts_on = 2026-07-01", "starts_on = 0001-01-01")),
    ("a start in 9999", _changed("starts_on = 2026-07-01", "starts_on = 9999-12-31")),
    ("an exception in year 1", _changed("\non = 2026-07-01", "\non = 0001-01-01")),
    ("a join date in 9999", _changed("joined_on = 2026-07-01", "joined_on = 9999-12-31")),
    (
        "an assignment to someone off the roster",
        _changed('person = "Ana"\n\n[[exc', 'person = "Di"\n\n[[exc'),
    ),
    ("an assignment to nobody", _changed('seat = 1\nperson = "Ana"\n', "seat = 1\n")),
    ("a swap of a person with themself", _changed('other_person = "Ben"', 'other_person = "ANA"')),
    ("a swap with nobody", _changed('other_person = "Ben"\n', "")),
    ("a name that is a number", _changed('name = "Incident Review"', "name = 1")),
    ("active as the text false", _changed("active = true", 'active = "false"')),
    ("active as a number", _changed("active = true", "active = 0")),
    (
        "out of rotation as the text no",
        _changed("out_of_rotation = false", 'out_of_rotation = "no"'),
    ),
    ("a seat that is true", _changed("seat = 1", "seat = true")),
    ("a seat that is a float", _changed("seat = 1", "seat = 1.0")),
    ("a seat that does not exist", _changed("seat = 1", "seat = 3")),
    ("a term as text", _changed("term_months = 6", 'term_months = "6"')),
    ("a term of 37 months", _changed("term_months = 6", "term_months = 37")),
    ("no start", _changed("starts_on = 2026-07-01\n", "")),
    ("an unknown kind", _changed('kind = "assign"', 'kind = "reassign"')),
    (
        "a name 200,000 characters long",
        _changed('name = "Incident Review"', f'name = "{"x" * 200_000}"'),
    ),
    (
        "someone twice on the roster",
        _changed('[[roster]]\nperson = "Ben"', '[[roster]]\nperson = "ana"'),
    ),
    (
        "6,000 exceptions",
        GOOD + '\n[[exception]]\nkind = "cut"\non = 2026-09-01\nseat = 1\n' * 6000,
    ),
    ("a seat 5,000 digits long", _changed("seat = 1", f"seat = {'9' * 5000}")),
    ("an empty file", ""),
    ("a NUL byte", "\x00" + GOOD),
    ("not TOML at all", '{\n  "capacity": {"name": "Incident Review"}\n}\n'),
]


def _text_file(text: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / "definition.toml"
        path.write_text(text, encoding="utf-8")
        return path

    return make


def _bytes_file(data: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / "definition.toml"
        path.write_bytes(data)
        return path

    return make


def _fifo(folder: Path) -> Path:
    path = folder / "definition.toml"
    os.mkfifo(path)
    return path


def _sparse(folder: Path) -> Path:
    # Ten gigabytes by its size, nothing on disk: refused by its size, never read.
    path = folder / "definition.toml"
    with path.open("wb") as f:
        f.truncate(10 * 1024**3)
    return path


def _too_large(folder: Path) -> Path:
    path = folder / "definition.toml"
    path.write_text(GOOD + "# padding\n" * 150_000, encoding="utf-8")
    return path


def _folder(folder: Path) -> Path:
    path = folder / "definition.toml"
    path.mkdir()
    return path


def _link_to(target: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / "definition.toml"
        path.symlink_to(target)
        return path

    return make


# (what it is, how to make it, run in a subprocess with a time limit)
FILES: list[tuple[str, Callable[[Path], Path], bool]] = [
    *((label, _text_file(text), False) for label, text in TEXTS),
    ("not UTF-8", _bytes_file(b"\xff\xfe[capacity]\n"), False),
    ("a FIFO nobody writes to", _fifo, True),
    ("/dev/zero", lambda _folder: Path("/dev/zero"), True),
    ("a link to /dev/zero", _link_to("/dev/zero"), True),
    ("/dev/urandom", lambda _folder: Path("/dev/urandom"), True),
    ("a 10 GB sparse file", _sparse, False),
    ("a file of 1.5 MB", _too_large, False),
    ("a folder", _folder, False),
    ("a file that is not there", lambda folder: folder / "missing.toml", False),
]


def _in_subprocess(argv: list[str]) -> tuple[int, str]:
    try:
        ran = subprocess.run(
            [sys.executable, "-m", "leadtui.cli", *argv],
            capture_output=True,
            text=True,
            env=cli_env(),
            timeout=60,
        )
    except subprocess.TimeoutExpired:
        return -1, "did not finish within 60 s (hung)\n"
    return ran.returncode, ran.stderr


def test_hostile_definition_files_are_refused_in_one_line_and_write_nothing(
    tmp_path: Path, figures: Callable[[str], None]
) -> None:
    data = tmp_path / "data"
    db = data / "leadtui.db"
    for name in ("Ana", "Ben", "Cy", "Di"):
        assert run_main(["--db", str(db), "people", "add", name]).code == 0
    good = tmp_path / "good.toml"
    good.write_text(GOOD, encoding="utf-8")
    imported = run_main(["--db", str(db), "rotation", "import-definition", str(good)])
    assert imported.code == 0, imported.describe()
    before = data_files(fingerprint(data))
    failures: list[str] = []
    slowest = ("", 0.0)
    for n, (label, make, isolated) in enumerate(FILES):
        folder = tmp_path / f"case-{n}"
        folder.mkdir()
        path = make(folder)
        argv = ["--db", str(db), "rotation", "import-definition", str(path)]
        started = time.perf_counter()
        if isolated:
            code, err = _in_subprocess(argv)
        else:
            outcome = run_main(argv)
            code, err = outcome.code, outcome.err
        took = time.perf_counter() - started
        slowest = max(slowest, (label, took), key=lambda s: s[1])
        if code != 2 or not is_one_line_refusal(err):
            failures.append(f"{label}: exit {code}, stderr {err[:300]!r}")
        elif data_files(fingerprint(data)) != before:
            failures.append(f"{label}: the database folder changed")
    figures(
        f"hostile definition files: {len(FILES)} tried, {len(failures)} failed "
        f"(slowest: {slowest[0]}, {slowest[1]:.2f} s)"
    )
    assert not failures, "\n".join(failures)
