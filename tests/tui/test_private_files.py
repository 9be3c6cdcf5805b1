"""Files the app writes from private screens stay private: the text handed to $EDITOR
lives beside the database (never in the system's temporary folder) and what a killed app
left there is removed at the next start; screenshots are readable by their owner only."""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from leadtui.paths import Locations
from leadtui.tui.app import LeadtuiApp
from leadtui.tui.editor import EDITS_FOLDER
from tests.helpers import PRIVATE_MARK, SIZE, cli, make_app

SECRET = f"{PRIVATE_MARK} not ready for the staff role"


@pytest.fixture
def loose_umask() -> Iterator[None]:
    """The common umask, under which a file made without care is readable by all."""
    before = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(before)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


LOGGING_EDITOR = """\
import os, sys
with open(os.environ["EDITOR_LOG"], "w") as log:
    log.write(sys.argv[1])
"""


async def test_the_edited_text_lives_beside_the_database_when_the_data_folder_is_missing(
    tmp_path: Path, isolated_home: Path, monkeypatch: pytest.MonkeyPatch, loose_umask: None
) -> None:
    from leadtui.tui.dialogs.oneonone_forms import NotesForm

    db_path = tmp_path / "elsewhere" / "try.db"  # leadtui --db elsewhere/try.db
    cli("people", "add", "Sam Okafor", "--db", str(db_path))
    script, log = tmp_path / "editor.py", tmp_path / "editor.log"
    script.write_text(LOGGING_EDITOR)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    monkeypatch.setenv("EDITOR_LOG", str(log))
    missing = tmp_path / "no-data-folder-yet"
    app = LeadtuiApp(Locations(data_dir=missing, config_dir=isolated_home, db_path=db_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await app.push_screen(NotesForm("Session notes", lambda values: None, "", SECRET))
        await pilot.pause()
        app.screen.query_one("#field-private").focus()
        await pilot.press("ctrl+e")
        await pilot.pause()
    handed = Path(log.read_text())
    assert handed.parent.parent == db_path.parent / EDITS_FOLDER
    assert mode(db_path.parent / EDITS_FOLDER) == 0o700
    assert not handed.parent.exists()  # removed once the editor returned
    assert not missing.exists()


# An app killed while $EDITOR is open: the editor has the private text on disk.
KILLED_APP = """\
import sys, types
from pathlib import Path
from textual.app import SuspendNotSupported
from leadtui.tui.editor import edit_text

class App:
    locations = types.SimpleNamespace(db_path=Path(sys.argv[1]))

    def suspend(self):
        raise SuspendNotSupported("no terminal")

edit_text(App(), sys.argv[2])
"""

WAITING_EDITOR = """\
import os, sys, time
with open(os.environ["EDITOR_LOG"], "w") as log:
    log.write(sys.argv[1])
time.sleep(60)
"""


def edit_until_signalled(
    tmp_path: Path, db_path: Path, signum: int, *, whole_group: bool
) -> tuple[Path, int]:
    """Run an edit in a process sent ``signum`` while its editor is open (``whole_group``:
    the editor too, as a closed terminal does); return the file handed to the editor and
    the process's exit status."""
    script, editor, log = tmp_path / "app.py", tmp_path / "editor.py", tmp_path / "editor.log"
    script.write_text(KILLED_APP)
    editor.write_text(WAITING_EDITOR)
    env = {**os.environ, "EDITOR": f"{sys.executable} {editor}", "EDITOR_LOG": str(log)}
    env.pop("VISUAL", None)
    process = subprocess.Popen(
        [sys.executable, str(script), str(db_path), SECRET], env=env, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 30
        while not log.exists() or not log.read_text():
            assert time.monotonic() < deadline, "the editor never started"
            time.sleep(0.05)
    finally:
        if whole_group:
            os.killpg(process.pid, signum)
        else:
            os.kill(process.pid, signum)
        status = process.wait(timeout=30)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)  # whatever of it is left (the editor)
    return Path(log.read_text()), status


async def test_an_edit_left_by_a_killed_app_is_removed_when_the_app_next_starts(
    tmp_path: Path, db_path: Path, isolated_home: Path
) -> None:
    cli("people", "add", "Sam Okafor", "--db", str(db_path))
    left, _ = edit_until_signalled(tmp_path, db_path, signal.SIGKILL, whole_group=True)
    assert left.read_text() == SECRET
    assert mode(left) == 0o600 and mode(left.parent.parent) == 0o700
    # Another leadtui with its editor open on the same database keeps its edit.
    running = db_path.parent / EDITS_FOLDER / f"{os.getppid()}-open"
    running.mkdir()
    app = make_app(db_path, isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
    assert not left.parent.exists()
    assert running.exists()


@pytest.mark.parametrize(
    ("signum", "whole_group"),
    [(signal.SIGHUP, True), (signal.SIGTERM, False)],
    ids=["terminal closed", "app told to end"],
)
def test_an_app_ended_while_the_editor_is_open_removes_the_edit_first(
    tmp_path: Path, db_path: Path, signum: int, whole_group: bool
) -> None:
    cli("people", "add", "Sam Okafor", "--db", str(db_path))
    handed, status = edit_until_signalled(tmp_path, db_path, signum, whole_group=whole_group)
    assert status == -signum  # it still ends as that signal ends a program
    assert not handed.parent.exists()
    assert list((db_path.parent / EDITS_FOLDER).iterdir()) == []


async def test_screenshots_are_readable_by_their_owner_only(
    tmp_path: Path, db_path: Path, isolated_home: Path, loose_umask: None
) -> None:
    cli("people", "add", "Sam Okafor", "--db", str(db_path))
    app = make_app(db_path, isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        await pilot.pause()
        saved = Path(app.save_screenshot(path=str(tmp_path)))
        # The palette's Screenshot and the screenshot action deliver through here.
        app.action_screenshot("palette.svg", str(tmp_path))
        await pilot.pause(0.2)
    delivered = tmp_path / "palette.svg"
    assert saved.parent == tmp_path and saved.suffix == ".svg"
    assert "Sam" in saved.read_text(encoding="utf-8")
    assert delivered.read_text(encoding="utf-8").startswith("<svg")
    assert (mode(saved), mode(delivered)) == (0o600, 0o600)


async def test_a_screenshot_never_overwrites_the_database(
    db_path: Path, isolated_home: Path
) -> None:
    cli("people", "add", "Sam Okafor", "--db", str(db_path))
    before = db_path.read_bytes()
    app = make_app(db_path, isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.action_screenshot(db_path.name, str(db_path.parent))
        await pilot.pause()
    assert db_path.read_bytes()[:16] == before[:16] == b"SQLite format 3\x00"
