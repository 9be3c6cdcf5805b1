"""Where an encrypted database's key comes from, and the connections that use it.

An encrypted database is a SQLCipher 4 file (``sqlcipher3``, the optional
``leadtui[encryption]`` extra). Its first 16 bytes are a random salt; the rest is
encrypted pages. leadtui derives the 256-bit key itself (PBKDF2-HMAC-SHA512,
600,000 iterations, more than OWASP asks for either hash) and hands SQLCipher the raw
key with its salt (``x'<key><salt>'``), so SQLCipher runs no derivation of its own and
a key kept in the system keyring opens the file without any.

Key sources, in order: ``LEADTUI_PASSPHRASE``, the system keyring (optional
``keyring`` package: the raw key, stored by ``leadtui encrypt`` and ``rekey``), then a
prompt (getpass on a terminal; the app installs its unlock screen as the prompt). A
key is found once per process and file and kept in memory for every later connection.
Nothing outside the store knows any of this: the opener asks :func:`connect` for a
connection, plain or keyed.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any, NamedTuple, cast

from leadtui.errors import DatabaseRefusedError, InputError

PASSPHRASE_VARIABLE = "LEADTUI_PASSPHRASE"
NEW_PASSPHRASE_VARIABLE = "LEADTUI_NEW_PASSPHRASE"
KEYRING_SERVICE = "leadtui"
INSTALL_HINT = "pip install 'leadtui[encryption]'"
# OWASP (2023) asks for 210,000 iterations of PBKDF2-HMAC-SHA512 and 600,000 of -SHA256;
# SHA-512 at the larger count leaves room as machines get faster.
KDF_ITERATIONS = 600_000
KDF_HASH = "sha512"
SALT_BYTES = 16
KEY_BYTES = 32
# A passphrase is typed by a person: beyond this it is a file pasted by mistake.
MAX_PASSPHRASE_BYTES = 1024
# Shorter than this a passphrase is warned about (a few words are longer); still taken.
SHORT_PASSPHRASE_CHARACTERS = 12
PROMPT_TRIES = 3
_PLAIN_HEADER = b"SQLite format 3\x00"
# SQLCipher writes whole pages; the smallest page SQLite knows is 512 bytes.
_SMALLEST_PAGE = 512


class RawKey(NamedTuple):
    """A derived key and the salt it was derived with (the file's first 16 bytes)."""

    key: bytes
    salt: bytes

    def pragma_value(self) -> str:
        """SQLCipher's raw key form with an explicit salt: no derivation on open."""
        return f"x'{self.key.hex()}{self.salt.hex()}'"

    def stored(self) -> str:
        """How the keyring keeps it (hex of key then salt)."""
        return self.key.hex() + self.salt.hex()

    @classmethod
    def from_stored(cls, text: str) -> RawKey | None:
        """The key the keyring kept, or None when it is not one of ours."""
        try:
            raw = bytes.fromhex(text)
        except ValueError:
            return None
        if len(raw) != KEY_BYTES + SALT_BYTES:
            return None
        return cls(raw[:KEY_BYTES], raw[KEY_BYTES:])


# Found keys, by file (resolved path, device and inode: a file replaced by encrypt,
# decrypt or rekey is a new inode and is looked at again).
_KEYS: dict[tuple[str, int, int], RawKey | None] = {}
# Asks for a passphrase (the prompt text, the try number); returns it or None (gave up).
Prompt = Callable[[str, int], "bytes | None"]
_prompt: Prompt | None = None


def set_prompt(prompt: Prompt | None) -> None:
    """Install the passphrase prompt (the app's unlock screen); None for the terminal."""
    global _prompt
    _prompt = prompt


def cipher_module() -> ModuleType | None:
    """``sqlcipher3``, made to raise sqlite3's errors; None without the extra."""
    try:
        import sqlcipher3.dbapi2 as cipher
    except ImportError:
        return None
    if not getattr(cipher, "_leadtui_shared", False):
        _share_errors(cipher)
        # Process-wide: a wrong key must not print SQLCipher's log lines on stderr.
        cipher.connect(":memory:").execute("pragma cipher_log_level = NONE").fetchall()
        cipher._leadtui_shared = True
    return cast(ModuleType, cipher)


def _share_errors(cipher: Any) -> None:
    """Make each sqlcipher3 error also the sqlite3 error of the same name.

    Every ``except sqlite3.Error`` in leadtui (a locked database, a full disk, a damaged
    page) then handles a SQLCipher connection's failure the same way, without a second
    set of handlers. The classes are made by the extension at import, so adding a base
    is allowed; done once.
    """
    for name in (
        "InterfaceError",
        "DatabaseError",
        "DataError",
        "OperationalError",
        "IntegrityError",
        "InternalError",
        "ProgrammingError",
        "NotSupportedError",
    ):
        theirs, ours = getattr(cipher, name), getattr(sqlite3, name)
        if ours not in theirs.__mro__:
            theirs.__bases__ = (*theirs.__bases__, ours)


def _refuse(path: Path, why: str) -> DatabaseRefusedError:
    return DatabaseRefusedError(f"{path}: {why}")


def _file_id(path: Path) -> tuple[str, int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (os.path.abspath(path), info.st_dev, info.st_ino)


def looks_encrypted(path: Path) -> bool:
    """Whether ``path`` is a file that may be a SQLCipher database (not plain SQLite).

    A plain database begins with SQLite's header; an encrypted one with its salt and is
    whole pages long. Anything else (empty, cut short, another program's file) is left to
    the opener's usual refusals.
    """
    try:
        size = os.stat(path).st_size
        if size == 0 or size % _SMALLEST_PAGE:
            return False
        with open(path, "rb") as file:
            head = file.read(len(_PLAIN_HEADER))
    except OSError:
        return False
    return head != _PLAIN_HEADER


def derive(passphrase: bytes, salt: bytes) -> RawKey:
    """The key for ``passphrase`` with ``salt`` (the one slow step: about half a second)."""
    import hashlib  # here: a plain database's commands never derive a key

    return RawKey(hashlib.pbkdf2_hmac(KDF_HASH, passphrase, salt, KDF_ITERATIONS, KEY_BYTES), salt)


def new_key(passphrase: bytes) -> RawKey:
    """A key for a new encrypted file: ``passphrase`` with a fresh random salt."""
    return derive(passphrase, os.urandom(SALT_BYTES))


def check_new_passphrase(passphrase: bytes) -> None:
    """Refuse a passphrase a new encrypted file must not get (one line, nothing written)."""
    if not passphrase.strip():
        raise InputError("the passphrase is empty; choose one of several words")
    if len(passphrase) > MAX_PASSPHRASE_BYTES:
        raise InputError(
            f"the passphrase is longer than {MAX_PASSPHRASE_BYTES} bytes; choose a shorter one"
        )
    try:
        passphrase.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(
            "the passphrase is not UTF-8 text; choose one you can type in the app as well"
        ) from None


def short_passphrase_warning(passphrase: bytes) -> str | None:
    """What to say about a new passphrase that is short (it is still accepted), or None."""
    characters = len(passphrase.decode("utf-8", "surrogateescape"))
    if characters >= SHORT_PASSPHRASE_CHARACTERS:
        return None
    return (
        f"warning: this passphrase is {characters} characters long; one shorter than "
        f"{SHORT_PASSPHRASE_CHARACTERS} is easy to guess, a few words are better"
    )


# Passphrases taken out of the environment, kept for this process only.
_FROM_ENVIRONMENT: dict[str, bytes] = {}


def take_from_environment(variable: str) -> bytes | None:
    """``variable`` as bytes (as set, whatever its encoding), or None.

    Once read it is removed from the environment, so no child process (``$EDITOR``, a
    hook, a shell) inherits the passphrase; this process keeps it in memory for every
    later open.
    """
    if os.name == "posix":
        value = os.environb.get(variable.encode())
    else:
        text = os.environ.get(variable)
        value = None if text is None else text.encode("utf-8", "surrogateescape")
    if value is None:
        return _FROM_ENVIRONMENT.get(variable)
    # environ and environb share one mapping: removing it from one removes it from both.
    os.environ.pop(variable, None)
    _FROM_ENVIRONMENT[variable] = value
    return value


def forget_environment() -> None:
    """Drop the passphrases taken from the environment (tests run many commands in one
    process)."""
    _FROM_ENVIRONMENT.clear()


def passphrase_from_environment() -> bytes | None:
    """``LEADTUI_PASSPHRASE`` as bytes (as set, whatever its encoding), or None."""
    return take_from_environment(PASSPHRASE_VARIABLE)


def _salt_of(path: Path) -> bytes:
    with open(path, "rb") as file:
        return file.read(SALT_BYTES)


def opens(path: Path, key: RawKey | None, *, target: str | None = None) -> bool:
    """Whether ``key`` (None: no key) reads the database at ``path``."""
    cipher = cipher_module()
    if cipher is None:
        return False
    conn = cipher.connect(target or str(path), uri=target is not None)
    try:
        if key is not None:
            conn.execute(f'pragma key = "{key.pragma_value()}"')
        conn.execute("select count(*) from sqlite_master").fetchall()
        return True
    except cipher.DatabaseError:
        return False
    finally:
        conn.close()


def remember(path: Path, key: RawKey | None) -> None:
    """Keep ``key`` (None: the file is plain) for every later connection to ``path``."""
    found = _file_id(path)
    if found is not None:
        _KEYS[found] = key


def forget_all() -> None:
    """Drop every key kept in memory (tests, and an app that locks)."""
    _KEYS.clear()


def key_for(path: Path) -> RawKey | None:
    """The key of the database at ``path``: None for a plain one (or none there yet).

    Found once per file: the environment, the keyring, then the prompt. Refuses in one
    line without the encryption extra, with a wrong passphrase, or with no way to ask.
    """
    found = _file_id(path)
    if found is None:
        return None
    if found in _KEYS:
        return _KEYS[found]
    if not looks_encrypted(path):
        _KEYS[found] = None
        return None
    cipher = cipher_module()
    if cipher is None:
        raise _refuse(
            path,
            "is encrypted (or not a SQLite database); to open an encrypted database "
            f"install encryption support: {INSTALL_HINT}",
        )
    key = _unlock(path)
    _KEYS[found] = key
    return key


def _unlock(path: Path) -> RawKey:
    salt = _salt_of(path)
    passphrase = passphrase_from_environment()
    if passphrase is not None:
        key = derive(passphrase, salt) if passphrase else None
        if key is not None and opens(path, key):
            return key
        raise _refuse(
            path,
            f"{PASSPHRASE_VARIABLE} does not open this encrypted database (or it is not a "
            "leadtui database); set the right passphrase, or unset it to be asked",
        )
    stored = keyring_key(path)
    if stored is not None and stored.salt == salt and opens(path, stored):
        return stored
    prompt = _prompt or _terminal_prompt()
    if prompt is None:
        raise _refuse(
            path,
            f"is encrypted (or not a SQLite database); set {PASSPHRASE_VARIABLE} or run "
            "leadtui in a terminal to type the passphrase",
        )
    tried = False
    for attempt in range(1, PROMPT_TRIES + 1):
        typed = prompt(f"Passphrase for {path.name}: ", attempt)
        if typed is None:
            break
        if typed and len(typed) <= MAX_PASSPHRASE_BYTES * 4:
            tried = True
            key = derive(typed, salt)
            if opens(path, key):
                return key
    if not tried:
        # Given up (Escape, Ctrl-C, Ctrl-D) or only empty tries: no passphrase was wrong.
        raise _refuse(path, "no passphrase given; nothing was read or written")
    raise _refuse(
        path,
        "the passphrase does not open this encrypted database (or it is not a leadtui "
        "database); nothing was read or written",
    )


def _terminal_prompt() -> Prompt | None:
    """getpass on the terminal, or None when there is none to ask on."""
    if not (sys.stdin.isatty() and sys.stderr.isatty()):
        return None

    def ask(text: str, attempt: int) -> bytes | None:
        import getpass

        if attempt > 1:
            sys.stderr.write("That passphrase does not open it; try again.\n")
        try:
            return getpass.getpass(text).encode("utf-8", "surrogateescape")
        except (EOFError, KeyboardInterrupt):
            return None

    return ask


def connect(db_path: Path, target: str, **options: Any) -> sqlite3.Connection:
    """A connection to ``target`` (``db_path`` or a URI of it), keyed when it is encrypted."""
    key = key_for(db_path)
    if key is None:
        return cast(sqlite3.Connection, sqlite3.connect(target, **options))
    return keyed_connection(target, key, **options)


def keyed_connection(target: str, key: RawKey | None, **options: Any) -> sqlite3.Connection:
    """A SQLCipher connection to ``target`` with ``key`` (None: a plain file)."""
    cipher = cipher_module()
    if cipher is None:
        raise InputError(f"encryption support is not installed; {INSTALL_HINT}")
    conn = cipher.connect(target, **options)
    try:
        if key is not None:
            conn.execute(f'pragma key = "{key.pragma_value()}"')
    except BaseException:
        conn.close()
        raise
    # The same DB-API surface as sqlite3's connection; leadtui types it as that one.
    return cast(sqlite3.Connection, conn)


def copy_connection(
    db_path: Path, source: sqlite3.Connection, target: str, **options: Any
) -> sqlite3.Connection:
    """A connection to a new file ``target`` keyed like ``source``, the open connection to
    ``db_path`` (a backup's copy): the backup of an encrypted database is encrypted with
    the same key and salt."""
    if isinstance(source, sqlite3.Connection):
        # A plain connection: its file is plain, and is not opened again here (a second
        # descriptor closed would drop the locks this process holds on it).
        return cast(sqlite3.Connection, sqlite3.connect(target, **options))
    key = key_for(db_path)
    if key is None:
        return cast(sqlite3.Connection, sqlite3.connect(target, **options))
    return keyed_connection(target, key, **options)


def _keyring() -> Any | None:
    """The keyring package with a usable backend, or None."""
    try:
        import keyring
        from keyring.backends import fail
    except Exception:  # not installed, or broken in ways that are not ours to report
        return None
    try:
        if isinstance(keyring.get_keyring(), fail.Keyring):
            return None
    except Exception:
        return None
    return keyring


def keyring_key(path: Path) -> RawKey | None:
    """The raw key the keyring keeps for ``path``, or None."""
    ring = _keyring()
    if ring is None:
        return None
    try:
        text = ring.get_password(KEYRING_SERVICE, os.path.abspath(path))
    except Exception:  # a locked or unreachable keyring: the prompt asks instead
        return None
    return RawKey.from_stored(text) if text else None


def store_in_keyring(path: Path, key: RawKey) -> bool:
    """Keep ``key`` for ``path`` in the keyring; True when there is one that took it."""
    ring = _keyring()
    if ring is None:
        return False
    try:
        ring.set_password(KEYRING_SERVICE, os.path.abspath(path), key.stored())
    except Exception:
        return False
    return True


def forget_in_keyring(path: Path) -> None:
    """Remove the key the keyring keeps for ``path`` (decrypted, or rekeyed without it)."""
    ring = _keyring()
    if ring is None:
        return
    try:
        ring.delete_password(KEYRING_SERVICE, os.path.abspath(path))
    except Exception:
        pass  # nothing kept, or a keyring that cannot be reached: nothing to forget
