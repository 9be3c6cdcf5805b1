"""Encrypting a database at rest, decrypting it, and changing its passphrase.

The use cases behind ``leadtui encrypt``, ``decrypt`` and ``rekey``: each checks the
database first (opened, migrated and page-checked as any command would), then rewrites
it through :func:`leadtui.store.encryption.convert` (a checked copy renamed into place).
The front end asks for the passphrase and the confirmation; the rules about what a new
passphrase may be, and what happens to backups made before encryption, live here.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from leadtui.domain.privacy import Audience
from leadtui.errors import InputError
from leadtui.paths import backups_dir_for
from leadtui.store import encryption, keys
from leadtui.store.database import open_database

__all__ = [
    "EarlierBackups",
    "Outcome",
    "check_database",
    "check_new_passphrase",
    "decrypt",
    "encrypt",
    "encryption_available",
    "is_encrypted",
    "plain_backups",
    "plaintext_export_note",
    "rekey",
]

check_new_passphrase = keys.check_new_passphrase


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
    """The plain backups beside the database at ``path`` (made before it was encrypted)."""
    return encryption.plain_backups(backups_dir_for(path))


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
    encrypted = removed = 0
    for backup in plain_backups(path):
        if earlier_backups is EarlierBackups.ENCRYPT:
            # The same key and salt (SQLCipher gives every page its own random IV): the
            # backup opens with the same passphrase and costs no second derivation.
            encryption.convert(backup, None, key)
            encrypted += 1
        elif earlier_backups is EarlierBackups.REMOVE:
            encryption.remove_file(backup)
            removed += 1
    in_keyring = use_keyring and keys.store_in_keyring(path, key)
    return Outcome(path, done.tables, done.rows, in_keyring, encrypted, removed, derive_seconds)


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
