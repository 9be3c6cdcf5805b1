"""Long text in $EDITOR: the text goes out to a private file, the editor runs in the
terminal the app hands over, and the file is gone afterwards.

Private notes are edited this way too, so the file lives in a folder only its owner can
enter: ``.leadtui-edits`` (0700) beside the database, where the text already lives, one
folder per edit inside it and the file 0600. Each edit's folder is removed when the editor
returns, and when the terminal closes or the app is told to end while it is open; one
left by an app killed outright (SIGKILL, a power cut) is removed the next time the app
starts. Private text must not linger, least of all in a shared temporary folder.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from textual.app import App, SuspendNotSupported

EDITS_FOLDER = ".leadtui-edits"
# Where a process id cannot be asked about (Windows), a leftover is one this old.
_STALE_SECONDS = 24 * 3600


class EditorFailed(Exception):
    """The editor exited with an error; the text is unchanged."""


def edits_folder(db_path: Path) -> Path:
    """The private folder holding the files being edited for the database at ``db_path``."""
    return db_path.parent / EDITS_FOLDER


def edit_text(app: App[Any], text: str) -> str:
    """``text`` after $VISUAL or $EDITOR (else vi) edited it.

    Raises :class:`EditorFailed` when $EDITOR cannot be read, the editor exits with an
    error or saves text that is not UTF-8, and ``OSError`` when it cannot be started or
    the file cannot be written.
    """
    import shlex
    import subprocess

    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    try:
        editor_words = shlex.split(editor)
    except ValueError:  # shlex's only refusal: a quote that is never closed
        raise EditorFailed(
            "$EDITOR cannot be read: unbalanced quote; the text is unchanged"
        ) from None
    root = _private_root(app)
    # Named after this process, so a later start can tell a leftover from an edit that
    # another leadtui on the same database has open.
    folder = Path(tempfile.mkdtemp(prefix=f"{os.getpid()}-", dir=root))
    path = folder / "notes.md"
    ended: int | None = None
    try:
        with _ending_removes_the_edit():
            os.chmod(folder, 0o700)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            command = [*editor_words, str(path)]
            try:
                with app.suspend():
                    done = subprocess.run(command, check=False)
            except SuspendNotSupported:
                # No terminal to hand over (a headless run): the editor runs as it is.
                done = subprocess.run(command, check=False, capture_output=True)
            if done.returncode != 0:
                raise EditorFailed(f"$EDITOR exited with {done.returncode}; the text is unchanged")
            try:
                return path.read_text(encoding="utf-8").rstrip("\n")
            except UnicodeDecodeError:
                raise EditorFailed(
                    "the editor saved text that is not UTF-8; the text is unchanged"
                ) from None
    except _Ended as stop:
        ended = stop.signum
    finally:
        # The whole folder: editors leave backups and swap files (notes.md~, .swp)
        # beside the file, holding the same private text.
        shutil.rmtree(folder, ignore_errors=True)
    # The terminal closed or the app was told to end while the editor was open: the edit
    # is gone, and the signal now does what it did before (by default, end the app).
    if ended is not None:
        os.kill(os.getpid(), ended)
    raise EditorFailed("the editor was stopped; the text is unchanged")


class _Ended(BaseException):
    """A hang-up or a termination arrived while the editor was open."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextmanager
def _ending_removes_the_edit() -> Iterator[None]:
    """While the editor is open, SIGHUP (the terminal closed) and SIGTERM (a kill) unwind
    :func:`edit_text` first, so its folder is removed before the signal ends the app."""
    import signal
    import threading

    def ended(signum: int, _frame: object) -> None:
        raise _Ended(signum)

    previous: dict[int, Any] = {}
    if threading.current_thread() is threading.main_thread():  # where handlers can be set
        for name in ("SIGHUP", "SIGTERM"):
            number = getattr(signal, name, None)
            if number is not None:
                previous[number] = signal.signal(number, ended)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def remove_leftover_edits(db_path: Path) -> int:
    """Remove what edits of apps that are no longer running left beside ``db_path``;
    return how many were removed.

    An edit belongs to the process named in its folder: while that process runs (another
    leadtui with an editor open on the same database) its edit stays.
    """
    root = edits_folder(db_path)
    try:
        entries = list(os.scandir(root))
    except OSError:
        return 0  # no edit was ever left here (the usual case)
    removed = 0
    for entry in entries:
        if _still_editing(entry):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path)
            else:
                os.unlink(entry.path)
        except OSError:
            continue  # tried again at the next start; never a reason not to start
        removed += 1
    return removed


def _still_editing(entry: os.DirEntry[str]) -> bool:
    owner, _, _ = entry.name.partition("-")
    if not owner.isdigit() or int(owner) == os.getpid():
        return False  # not an edit's folder, or this process's before it edited anything
    if os.name != "posix":
        # os.kill would end the process there, not ask about it.
        try:
            return time.time() - entry.stat(follow_symlinks=False).st_mtime < _STALE_SECONDS
        except OSError:
            return False
    try:
        os.kill(int(owner), 0)
    except (ProcessLookupError, OverflowError):
        return False
    except OSError:
        return True  # a process by that number runs as someone else: leave it be
    return True


def _private_root(app: App[Any]) -> Path:
    """The edits folder beside the app's database, made (0700) when missing."""
    locations = getattr(app, "locations", None)
    db_path = getattr(locations, "db_path", None)
    if not isinstance(db_path, Path):
        raise OSError("no database folder to keep the edited text in")
    root = edits_folder(db_path)
    root.mkdir(mode=0o700, parents=True, exist_ok=True)
    # mkdir's mode is masked by the umask, and an older folder may have been loosened.
    os.chmod(root, 0o700)
    return root
