"""Encrypting a database at rest, decrypting it, and changing its passphrase.

The use cases behind ``leadtui encrypt``, ``decrypt`` and ``rekey``: each checks the
database first (opened, migrated and page-checked as any command would), then rewrites
it through :func:`leadtui.store.encryption.convert` (a checked copy renamed into place).
The front end asks for the passphrase and the confirmation; the rules about what a new
passphrase may be, and what happens to backups made before encryption, live here.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from leadtui.domain.privacy import Audience
from leadtui.errors import DatabaseRefusedError, InputError
from leadtui.store import encryption, keys
from leadtui.store.database import is_read_only, open_database

__all__ = [
    "EarlierBackups",
    "Outcome",
    "check_database",
    "check_new_passphrase",
    "decrypt",
    "encrypt",
    "encryption_available",
    "finish_backups",
    "is_encrypted",
    "plain_backups",
    "plaintext_export_note",
    "rekey",
    "short_passphrase_warning",
    "take_from_environment",
]

check_new_passphrase = keys.check_new_passphrase
short_passphrase_warning = keys.short_passphrase_warning
take_from_environment = keys.take_from_environment


class EarlierBackups(StrEnum):
    """What becomes of plain backups made before a database is encrypted."""

    ENCRYPT = "encrypt"
    REMOVE = "remove"
    KEEP = "keep"


@dataclass(frozen=True)
class Outcome:
    """What a conversion did, for the front end to say."""

    path: Path
    tables: int
    rows: int
    in_keyring: bool
    backups_encrypted: int = 0
    backups_removed: int = 0
    derive_seconds: float = 0.0
    # Backups left as they were, each with why (the database itself was converted).
    backups_failed: tuple[tuple[Path, str], ...] = ()


def encryption_available() -> bool:
    """Whether the encryption extra (``sqlcipher3``) is installed."""
    return keys.cipher_module() is not None


def _require_extra() -> None:
    if not encryption_available():
        raise InputError(f"encryption support is not installed; {keys.INSTALL_HINT}")


def check_database(path: Path) -> None:
    """Open, migrate and page-check the database, or refuse (nothing converted)."""
    if not path.exists():
        raise InputError(f"no database at {path}; check --db")
    # Converting replaces the file: a read-only one (an archived copy, say) is the
    # user's to keep as it is, whoever runs this (root may write anything).
    if is_read_only(path):
        raise InputError(
            f"{path} is read-only (the file or its folder); make it writable "
            "(chmod u+w) and run this again (nothing was changed)"
        )
    open_database(path, full_check=True).close()
    # Every open connection in WAL mode keeps the shared-memory file; the last to close
    # removes it. One still there is another leadtui (most often the app) with the file
    # open: it would go on writing to the old file after the rename.
    if path.with_name(path.name + "-shm").exists():
        raise InputError(
            f"{path} is open in another leadtui (the app, or a command still running); "
            "close it and run this again (nothing was changed)"
        )


def is_encrypted(path: Path) -> bool:
    """Whether the database at ``path`` is encrypted (without asking for its key)."""
    return path.exists() and keys.looks_encrypted(path) and keys.cipher_module() is not None


def plain_backups(path: Path) -> list[Path]:
    """The plain backups leadtui made of the database at ``path`` (before it was encrypted)."""
    return encryption.plain_backups(path)


def _failure(exc: BaseException) -> str:
    """Why a backup could not be converted or removed, in a few words."""
    if isinstance(exc, OSError):
        return str(exc.strerror or exc)
    if isinstance(exc, sqlite3.Error):
        return f"it is damaged or not a database ({exc})"
    return str(exc)


def _earlier_backups(
    path: Path, key: keys.RawKey, earlier_backups: EarlierBackups
) -> tuple[int, int, tuple[tuple[Path, str], ...]]:
    """Encrypt with ``key``, remove or keep each plain backup of ``path``, each on its own
    (one that fails leaves the others to be done): encrypted, removed, and the failures."""
    encrypted = removed = 0
    failed: list[tuple[Path, str]] = []
    if earlier_backups is EarlierBackups.KEEP:
        return 0, 0, ()
    for backup in plain_backups(path):
        if is_read_only(backup):
            # As the database itself: a read-only file is the user's to keep as it is.
            failed.append((backup, "it is read-only; make it writable (chmod u+w)"))
            continue
        try:
            if earlier_backups is EarlierBackups.ENCRYPT:
                # The same key and salt (SQLCipher gives every page its own random IV):
                # the backup opens with the same passphrase and costs no second derivation.
                encryption.convert(backup, None, key)
                encrypted += 1
            else:
                encryption.remove_file(backup)
                removed += 1
        except (OSError, sqlite3.Error, DatabaseRefusedError) as exc:
            failed.append((backup, _failure(exc)))
    return encrypted, removed, tuple(failed)


def encrypt(
    path: Path,
    passphrase: bytes,
    *,
    earlier_backups: EarlierBackups = EarlierBackups.ENCRYPT,
    use_keyring: bool = True,
    before_rename: Callable[[], None] | None = None,
) -> Outcome:
    """Encrypt the plain database at ``path`` with ``passphrase``."""
    _require_extra()
    keys.check_new_passphrase(passphrase)
    if path.exists() and keys.key_for(path) is not None:
        raise InputError(f"{path} is already encrypted; change its passphrase with `leadtui rekey`")
    check_database(path)
    started = time.perf_counter()
    key = keys.new_key(passphrase)
    derive_seconds = time.perf_counter() - started
    done = encryption.convert(path, None, key, before_rename=before_rename)
    # The key is kept before any backup is touched: whatever a backup does, the database
    # is encrypted now and must open as it is told to.
    in_keyring = use_keyring and keys.store_in_keyring(path, key)
    encrypted, removed, failed = _earlier_backups(path, key, earlier_backups)
    return Outcome(
        path, done.tables, done.rows, in_keyring, encrypted, removed, derive_seconds, failed
    )


def finish_backups(path: Path, earlier_backups: EarlierBackups) -> Outcome:
    """Encrypt (or remove) the plain backups left beside the already encrypted database
    at ``path``, with its own key (asked for as for any open)."""
    _require_extra()
    if not path.exists():
        raise InputError(f"no database at {path}; check --db")
    key = keys.key_for(path)
    if key is None:
        raise InputError(f"{path} is not encrypted; encrypt it with `leadtui encrypt`")
    encrypted, removed, failed = _earlier_backups(path, key, earlier_backups)
    in_keyring = keys.keyring_key(path) == key
    return Outcome(path, 0, 0, in_keyring, encrypted, removed, backups_failed=failed)


def decrypt(path: Path, *, before_rename: Callable[[], None] | None = None) -> Outcome:
    """Turn the encrypted database at ``path`` back into a plain one (its key is asked
    for as for any open)."""
    _require_extra()
    if not path.exists():
        raise InputError(f"no database at {path}; check --db")
    key = keys.key_for(path)
    if key is None:
        raise InputError(f"{path} is not encrypted; nothing to decrypt")
    check_database(path)
    done = encryption.convert(path, key, None, before_rename=before_rename)
    keys.forget_in_keyring(path)
    return Outcome(path, done.tables, done.rows, in_keyring=False)


def rekey(
    path: Path,
    passphrase: bytes,
    *,
    use_keyring: bool = True,
    before_rename: Callable[[], None] | None = None,
) -> Outcome:
    """Give the encrypted database at ``path`` a new passphrase (and a new salt)."""
    _require_extra()
    keys.check_new_passphrase(passphrase)
    if not path.exists():
        raise InputError(f"no database at {path}; check --db")
    old = keys.key_for(path)
    if old is None:
        raise InputError(f"{path} is not encrypted; encrypt it with `leadtui encrypt`")
    check_database(path)
    started = time.perf_counter()
    key = keys.new_key(passphrase)
    derive_seconds = time.perf_counter() - started
    done = encryption.convert(path, old, key, before_rename=before_rename)
    keys.forget_in_keyring(path)
    in_keyring = use_keyring and keys.store_in_keyring(path, key)
    return Outcome(path, done.tables, done.rows, in_keyring, derive_seconds=derive_seconds)


PLAINTEXT_EXPORT_NOTE = (
    "it is plain text: the database is encrypted, exports are not (they are made to be "
    "read); keep it somewhere private or delete it when done"
)


def plaintext_export_note(db_path: Path, audience: Audience) -> str | None:
    """What to add when a private copy is written from an encrypted database, else None.

    Exports stay plain text on purpose; the private copy of an encrypted database is the
    one whose owner may take it for protected too.
    """
    if audience is Audience.PRIVATE and is_encrypted(db_path):
        return PLAINTEXT_EXPORT_NOTE
    return None
