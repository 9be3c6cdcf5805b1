"""An unexpected failure, told without the user's words.

A traceback can carry whatever a person typed: Textual's crash report prints every
frame's local variables (the 1:1 document being shown, a private note being saved), and an
exception's message may quote a name or a note. So the terminal gets one short line that
names the kind of error and the file holding the details; the details (the traceback
without locals) go to a file only its owner can read (0600), beside the database, where the
same text already lives. Both front ends use this; it imports nothing of Textual.
"""

from __future__ import annotations

import os
import platform
import sys
import traceback
from datetime import datetime
from pathlib import Path

from leadtui import __version__
from leadtui.domain.text import literal

REPORT_PREFIX = "crash-"


def crash_folder(db_path: Path) -> Path:
    """Where the details of a failure with the database at ``db_path`` are written."""
    return db_path.parent


def write_crash_report(error: BaseException, folder: Path, *, when: datetime | None = None) -> Path:
    """Write ``error``'s traceback (no locals) to a new 0600 file in ``folder``; return it.

    The file is ``crash-YYYYMMDD-HHMMSS.txt`` (a number is added when two failures share
    a second). Raises ``OSError`` when nothing could be written (a folder that does not
    exist is not made for it).
    """
    moment = when or datetime.now()
    stamp = moment.strftime("%Y%m%d-%H%M%S")
    for attempt in range(1, 100):
        name = (
            f"{REPORT_PREFIX}{stamp}.txt"
            if attempt == 1
            else f"{REPORT_PREFIX}{stamp}-{attempt}.txt"
        )
        path = folder / name
        try:
            # O_EXCL: never write through a file (or a link) that is already there; a
            # umask can only take bits away from 0600.
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace") as handle:
            handle.write(_header(moment))
            handle.write(_details(error))
        return path
    raise FileExistsError(f"too many crash reports for {stamp} in {folder}")


def append_crash_report(error: BaseException, report: Path) -> None:
    """Add a further failure of the same run to ``report`` (an error while closing after
    the first, say). Raises ``OSError`` when the file cannot be written."""
    with report.open("a", encoding="utf-8", errors="backslashreplace") as handle:
        handle.write("\nThen:\n")
        handle.write(_details(error))


def crash_message(error: BaseException, report: Path | None, problem: str | None = None) -> str:
    """The short notice for the terminal, after ``leadtui: ``: the kind of error and where
    its details are (``problem``: why they could not be saved).

    Never the exception's message: it may quote what the person typed.
    """
    kind = type(error).__name__
    if report is not None:
        where = f"the details (readable only by you) are in {literal(str(report))}"
    else:
        where = f"the details could not be saved ({problem or 'no folder for them'})"
    return f"stopped on an unexpected error ({kind}); {where}"


def report_crash(error: BaseException, db_path: Path) -> tuple[str, Path | None]:
    """Write ``error``'s details beside the database at ``db_path``; return the notice for
    the terminal (see :func:`crash_message`) and the file (None when it could not be
    written)."""
    folder = crash_folder(db_path)
    try:
        report: Path | None = write_crash_report(error, folder)
        problem = None
    except OSError as exc:
        report, problem = None, f"{exc.strerror or type(exc).__name__}: {literal(str(folder))}"
    return crash_message(error, report, problem), report


def _header(moment: datetime) -> str:
    return (
        f"leadtui {__version__} stopped on an unexpected error at {moment.isoformat()}\n"
        f"Python {platform.python_version()} on {platform.platform()}\n"
        f"Textual {_textual_version()}\n"
        "The traceback below names the code that failed. An error's message can quote\n"
        "text from your notes: read it before you share this file.\n\n"
    )


def _details(error: BaseException) -> str:
    return "".join(traceback.format_exception(error))


def _textual_version() -> str:
    textual = sys.modules.get("textual")
    return str(getattr(textual, "__version__", "not loaded"))
