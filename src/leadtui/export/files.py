"""Writing an export to a file, for the command line and the app alike.

Every refusal is an :class:`~leadtui.errors.InputError` whose text starts with the
target (or its folder) and says what to do without naming a flag or a key, so the
command line can put ``--out`` in front and the app can show it as it is. An
existing file is refused with :class:`TargetExistsError`, which each front end
words its own way (``--force``; press enter again).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from leadtui.errors import InputError
from leadtui.paths import is_database_file, shown_path


class TargetExistsError(InputError):
    """The target file exists and overwriting was not asked for."""

    def __init__(self, target: Path) -> None:
        super().__init__(f"{shown_path(target)} exists; choose a new file")
        self.target = target


def check_target(target: Path, *, force: bool, db_path: Path) -> None:
    """Refuse a target that is the database (or one of its files), an existing file
    without ``force``, a folder, or a file in a folder that does not exist."""
    try:
        _check(target, force, db_path)
    except OSError as exc:
        raise _unwritable(target, exc) from None


def _check(target: Path, force: bool, db_path: Path) -> None:
    if "\x00" in str(target):
        # No file system takes a NUL; the path functions would raise ValueError on it.
        raise InputError(f"{shown_path(target)} holds a NUL character (\\x00); give a file name")
    if not _encodable(target):
        raise InputError(f"{shown_path(target)} is no name a file can have; give another")
    if is_database_file(db_path, target):
        raise InputError(
            f"{shown_path(target)} is the database or one of its files; choose another"
        )
    if target.is_dir():
        raise InputError(f"{shown_path(target)} is a folder; give a file name")
    if os.path.lexists(target) and not force:
        raise TargetExistsError(target)
    if not target.parent.is_dir():
        raise InputError(f"folder {shown_path(target.parent)} does not exist; create it first")


def _encodable(target: Path) -> bool:
    """True when the file system can be given ``target``'s name: undecodable bytes typed in
    a shell come back as they were, but a lone surrogate (pasted, or from a script) has no
    bytes at all."""
    try:
        os.fsencode(target)
    except UnicodeEncodeError:
        return False
    return True


def write_export(text: str, target: Path, *, force: bool, db_path: Path) -> Path:
    """Write ``text`` to ``target`` readable by its owner only (mode 0600); return the path.

    Checks the target first (:func:`check_target`). The text is written to a temporary
    file beside the target and renamed into place, so a failure never leaves half a
    document, and an existing file with looser permissions (or a symlink) is replaced,
    not written through.
    """
    check_target(target, force=force, db_path=db_path)
    try:
        fd, temp = tempfile.mkstemp(prefix=".leadtui-", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise _unwritable(target, exc) from None
    try:
        # mkstemp made it 0600; the rename keeps that mode on the target.
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temp, target)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise _unwritable(target, exc) from None
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return target


def _unwritable(target: Path, exc: OSError) -> InputError:
    # A name too long, a read-only folder, a full disk: the user picks another target.
    return InputError(
        f"{shown_path(target)} cannot be written ({exc.strerror or exc}); choose another"
    )
