"""What tests share: the pinned day, running the command line, comparing database files,
and reading what a widget shows. Tests import these from here, never from each other."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from hypothesis import strategies as st

if TYPE_CHECKING:
    from leadtui.config import Settings
    from leadtui.tui.app import LeadtuiApp

TODAY = date(2026, 11, 22)  # a Sunday
SIZE = (120, 40)
SMALL = (80, 24)


# The privacy property tests: private texts carry a marker no shared text can contain,
# so a leak is unambiguous. NUL is refused at input (SQLite would cut the text there), so
# it is not generated; nor are surrogates ("Cs"), which no UTF-8 text can hold.
PRIVATE_MARK = "PRIVATE-7f3a"
_SURROGATES: tuple[Literal["Cs"]] = ("Cs",)
typed_words = st.text(
    alphabet=st.characters(blacklist_categories=_SURROGATES, blacklist_characters="\x00"),
    min_size=1,
    max_size=40,
)
shared_words = typed_words.filter(lambda t: PRIVATE_MARK not in t and t.strip())


def without_undo_window() -> None:
    """Set ``[undo] days = 0`` in the test's config.toml: the undo journal keeps no change,
    so text removed or overwritten leaves the file at once rather than after the window."""
    home = Path(os.environ["LEADTUI_HOME"])
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text("[undo]\ndays = 0\n", encoding="utf-8")


class Ran(NamedTuple):
    """What a command printed and returned."""

    returncode: int
    stdout: str
    stderr: str


def cli(*argv: str) -> Ran:
    """Run the command line in this process (fast): exit code, stdout and stderr."""
    from leadtui.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return Ran(code, out.getvalue(), err.getvalue())


def run(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real console entry point in a subprocess (for exit codes and start-up)."""
    return subprocess.run(
        [sys.executable, "-m", "leadtui.cli", *argv],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=60,
    )


# A day as screens show it ("Sat 25 Jul", with the year when it is not this year), and an
# ISO date as the shell and files write it.
DAY_LABEL = re.compile(r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2}\b")
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")

# The demo team for each (people, years), seeded once per test process: a seed costs
# seconds, a copy milliseconds.
_DEMOS: dict[tuple[int, int], Path] = {}


def demo_database(db_path: Path, *, people: int = 12, years: int = 3) -> None:
    """Write the demo team (as ``seed_demo`` makes it on ``TODAY``) to ``db_path``."""
    import atexit
    import shutil
    import sqlite3
    import tempfile

    from leadtui.demo import seed_demo
    from leadtui.store.database import open_database

    key = (people, years)
    if key not in _DEMOS:
        folder = Path(tempfile.mkdtemp(prefix="leadtui-demo-"))
        atexit.register(shutil.rmtree, folder, True)
        template = folder / "demo.db"
        db = open_database(template)
        seed_demo(db, today=TODAY, people=people, years=years)
        db.close()
        _DEMOS[key] = template
    # The folder and file as the app makes them (modes, migrations), then the demo's pages.
    if db_path.exists():
        open_database(db_path).close()
    else:
        new_database_file(db_path)
    source, target = sqlite3.connect(_DEMOS[key]), sqlite3.connect(db_path)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()


# A new database, made once per test process and copied into each test that wants one:
# making it runs every migration and syncs the file to disk (about 40 ms of CPU and 100 ms
# in all); a copy takes a few milliseconds.
_NEW_DATABASE: list[Path] = []


def new_database_file(db_path: Path) -> None:
    """Put at ``db_path`` (which must not exist) the file ``open_database`` makes for a new
    database, in a private folder as it makes one, without making it again."""
    import atexit
    import shutil
    import tempfile

    from leadtui.store.database import open_database

    if not _NEW_DATABASE:
        folder = Path(tempfile.mkdtemp(prefix="leadtui-new-"))
        atexit.register(shutil.rmtree, folder, True)
        template = folder / "new.db"
        open_database(template).close()
        _NEW_DATABASE.append(template)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    db_path.parent.chmod(0o700)
    fd = os.open(db_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as copy:
        copy.write(_NEW_DATABASE[0].read_bytes())


def files_digest(path: Path) -> str:
    """The database file and its sidecars, hashed together."""
    digest = hashlib.sha256()
    for suffix in ("", "-wal", "-shm", "-journal"):
        sidecar = path.with_name(path.name + suffix)
        digest.update(suffix.encode())
        digest.update(sidecar.read_bytes() if sidecar.exists() else b"<none>")
    return digest.hexdigest()


def make_app(db_path: Path, home: Path, settings: Settings | None = None) -> LeadtuiApp:
    """The real app on ``db_path`` with config in ``home`` and today pinned."""
    from leadtui.paths import Locations
    from leadtui.tui.app import LeadtuiApp

    locations = Locations(data_dir=db_path.parent, config_dir=home, db_path=db_path)
    return LeadtuiApp(locations, today=TODAY, settings=settings)


def plain_text(widget: object) -> str:
    """The plain text a Static shows, whatever Rich renderable it holds."""
    from rich.console import Console

    console = Console(width=200, file=io.StringIO(), color_system=None)
    with console.capture() as capture:
        console.print(widget.content)  # type: ignore[attr-defined]
    return capture.get()


def card_lines(card: object) -> list[str]:
    """The lines a card on Today shows, runs of spaces made one."""
    text = card.render().plain  # type: ignore[attr-defined]
    return [" ".join(line.split()) for line in text.splitlines()]


# --- the --json documents' schemas ------------------------------------------------------

SCHEMA_FOLDER = Path(__file__).resolve().parents[1] / "docs" / "schemas"


def valid_json_output(command: tuple[str, ...], output: str) -> Any:
    """What ``leadtui COMMAND --json`` printed, parsed, after validating it against the
    schema shipped for ``command`` (docs/schemas/) with every JSON type held to one Python
    type: a "number" is a float (never an int that happens to be whole), an "integer" an
    int (never 2.0, never a bool). Raises ``jsonschema.ValidationError`` on a mismatch."""
    import json

    from jsonschema import Draft202012Validator, validators

    from leadtui.export.json import schema_name

    one_type = Draft202012Validator.TYPE_CHECKER.redefine_many(
        {
            "number": lambda _checker, value: isinstance(value, float),
            "integer": lambda _checker, value: (
                isinstance(value, int) and not isinstance(value, bool)
            ),
        }
    )
    strict = validators.extend(Draft202012Validator, type_checker=one_type)  # type: ignore[no-untyped-call]
    schema = json.loads((SCHEMA_FOLDER / schema_name(command)).read_text("utf-8"))
    document = json.loads(output)
    strict(schema, format_checker=Draft202012Validator.FORMAT_CHECKER).validate(document)
    return document
