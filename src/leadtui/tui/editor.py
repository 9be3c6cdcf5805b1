"""Long text in $EDITOR: the text goes out to a private file, the editor runs in the
terminal the app hands over, and the file is gone afterwards.

Private notes are edited this way too, so the file lives in a folder only its owner can
enter (0700, the file 0600), made beside the database where the text already lives, and
both are removed whatever happens: private text must not linger in a shared temporary
folder.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from textual.app import App, SuspendNotSupported


class EditorFailed(Exception):
    """The editor exited with an error; the text is unchanged."""


def edit_text(app: App[Any], text: str) -> str:
    """``text`` after $VISUAL or $EDITOR (else vi) edited it.

    Raises :class:`EditorFailed` when the editor exits with an error and ``OSError`` when
    it cannot be started or the file cannot be written.
    """
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    folder = Path(tempfile.mkdtemp(prefix=".leadtui-edit-", dir=_private_parent(app)))
    path = folder / "notes.md"
    try:
        os.chmod(folder, 0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        command = [*shlex.split(editor), str(path)]
        try:
            with app.suspend():
                done = subprocess.run(command, check=False)
        except SuspendNotSupported:
            # No terminal to hand over (a headless run): the editor runs as it is.
            done = subprocess.run(command, check=False, capture_output=True)
        if done.returncode != 0:
            raise EditorFailed(f"$EDITOR exited with {done.returncode}; the text is unchanged")
        return path.read_text(encoding="utf-8").rstrip("\n")
    finally:
        # The whole folder: editors leave backups and swap files (notes.md~, .swp)
        # beside the file, holding the same private text.
        shutil.rmtree(folder, ignore_errors=True)


def _private_parent(app: App[Any]) -> Path | None:
    """The data folder (private already) when it exists, else the system's temp."""
    locations = getattr(app, "locations", None)
    data_dir = getattr(locations, "data_dir", None)
    if isinstance(data_dir, Path) and data_dir.is_dir() and os.access(data_dir, os.W_OK):
        return data_dir
    return None
