"""`leadtui encrypt`, `decrypt` and `rekey`: the database encrypted at rest, or not.

Each asks for the new passphrase twice on a terminal (or reads it from
``LEADTUI_PASSPHRASE``; ``rekey``'s new one from ``LEADTUI_NEW_PASSPHRASE``), warns that
a lost passphrase cannot be recovered and asks to confirm (``--yes`` for scripts).
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from leadtui.cli.common import echo, locations_for
from leadtui.errors import InputError

if TYPE_CHECKING:
    import argparse

    from leadtui.services.encryption import Outcome

NEW_PASSPHRASE_VARIABLE = "LEADTUI_NEW_PASSPHRASE"
LOSS_WARNING = (
    "A lost passphrase cannot be recovered: without it no one, leadtui included, can "
    "read this database or its encrypted backups again."
)


def register_encrypt(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    """`leadtui encrypt [--yes] [--earlier-backups ...] [--no-keyring]`."""
    _confirm_option(parser)
    parser.add_argument(
        "--earlier-backups",
        choices=("encrypt", "remove", "keep"),
        default=None,
        help="plain backups made before: encrypt them too (the default with --yes), "
        "remove them, or keep them as they are",
    )
    _keyring_option(parser)
    parser.set_defaults(handler=encrypt_command)


def register_decrypt(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    """`leadtui decrypt [--yes]`."""
    _confirm_option(parser)
    parser.set_defaults(handler=decrypt_command)


def register_rekey(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    """`leadtui rekey [--yes] [--no-keyring]`."""
    _confirm_option(parser)
    _keyring_option(parser)
    parser.set_defaults(handler=rekey_command)


def _confirm_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--yes", action="store_true", help="do not ask to confirm (scripts)")


def _keyring_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--no-keyring",
        action="store_true",
        help="do not keep the key in the system keyring (the passphrase is asked at each start)",
    )


def _on_terminal() -> bool:
    return sys.stdin.isatty() and sys.stderr.isatty()


def _new_passphrase(variable: str) -> bytes:
    """The new passphrase: from ``variable``, else typed twice on the terminal."""
    from leadtui.services.encryption import check_new_passphrase

    if os.name == "posix":
        given = os.environb.get(variable.encode())
    else:
        text = os.environ.get(variable)
        given = None if text is None else text.encode("utf-8", "surrogateescape")
    if given is not None:
        check_new_passphrase(given)
        return given
    if not _on_terminal():
        raise InputError(
            f"no passphrase given; set {variable} or run the command in a terminal to type it"
        )
    import getpass

    try:
        first = getpass.getpass("New passphrase: ").encode("utf-8", "surrogateescape")
        check_new_passphrase(first)
        second = getpass.getpass("The same passphrase again: ").encode("utf-8", "surrogateescape")
    except EOFError:
        raise InputError("no passphrase typed; nothing was changed") from None
    if first != second:
        raise InputError("the two passphrases differ; nothing was changed, run it again")
    return first


def _confirm(args: argparse.Namespace, question: str) -> None:
    """Warn, then ask; refuse unless confirmed (``--yes`` confirms without asking)."""
    if not args.yes and not _on_terminal():
        raise InputError(
            "this needs confirming (a lost passphrase cannot be recovered); add --yes to go ahead"
        )
    sys.stderr.write(LOSS_WARNING + "\n")
    if args.yes:
        return
    try:
        answer = input(f"{question} [y/N] ")
    except EOFError:
        answer = ""
    if answer.strip().lower() not in ("y", "yes"):
        raise InputError("not confirmed; nothing was changed")


def _earlier_backups(args: argparse.Namespace, count: int) -> str:
    if args.earlier_backups is not None or count == 0:
        return str(args.earlier_backups or "encrypt")
    if args.yes or not _on_terminal():
        return "encrypt"
    answer = input(
        f"{count} backup(s) made before are not encrypted: encrypt them (e), remove them (r) "
        "or keep them as they are (k)? [E/r/k] "
    )
    return {"r": "remove", "k": "keep"}.get(answer.strip().lower()[:1], "encrypt")


def _key_note(outcome: Outcome, variable: str) -> str:
    if outcome.in_keyring:
        return "the key is kept in the system keyring, so opening it asks for nothing"
    return f"the passphrase is asked for at each start (or read from {variable})"


def encrypt_command(args: argparse.Namespace) -> int:
    from leadtui.services import encryption

    path = locations_for(args).db_path
    if not encryption.encryption_available():
        raise InputError("encryption support is not installed; pip install 'leadtui[encryption]'")
    if not path.exists():
        raise InputError(f"no database at {path}; check --db")
    if encryption.is_encrypted(path):
        raise InputError(f"{path} is already encrypted; change its passphrase with `leadtui rekey`")
    # Refusals first, before anything is asked or warned about.
    encryption.check_database(path)
    passphrase = _new_passphrase("LEADTUI_PASSPHRASE")
    _confirm(args, f"Encrypt {path}?")
    choice = encryption.EarlierBackups(_earlier_backups(args, len(encryption.plain_backups(path))))
    outcome = encryption.encrypt(
        path, passphrase, earlier_backups=choice, use_keyring=not args.no_keyring
    )
    backups = ""
    if outcome.backups_encrypted:
        backups = f"; {outcome.backups_encrypted} earlier backup(s) encrypted"
    elif outcome.backups_removed:
        backups = f"; {outcome.backups_removed} earlier backup(s) removed"
    echo(
        f"encrypted {path} ({outcome.rows} rows in {outcome.tables} tables checked){backups}; "
        f"{_key_note(outcome, 'LEADTUI_PASSPHRASE')}"
    )
    return 0


def decrypt_command(args: argparse.Namespace) -> int:
    from leadtui.services import encryption

    path = locations_for(args).db_path
    if not path.exists():
        raise InputError(f"no database at {path}; check --db")
    if not encryption.is_encrypted(path):
        if not encryption.encryption_available():
            raise InputError(
                "encryption support is not installed; pip install 'leadtui[encryption]'"
            )
        raise InputError(f"{path} is not encrypted; nothing to decrypt")
    # The passphrase first (environment, keyring or prompt): a wrong one is refused alone.
    encryption.check_database(path)
    sys.stderr.write(
        "The database will be stored as plain text, readable by anyone with the file.\n"
    )
    if not args.yes:
        if not _on_terminal():
            raise InputError("decrypting needs confirming; add --yes to go ahead")
        answer = input(f"Decrypt {path}? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            raise InputError("not confirmed; nothing was changed")
    outcome = encryption.decrypt(path)
    echo(
        f"decrypted {path} ({outcome.rows} rows in {outcome.tables} tables checked); "
        "its backups made while it was encrypted stay encrypted"
    )
    return 0


def rekey_command(args: argparse.Namespace) -> int:
    from leadtui.services import encryption

    path = locations_for(args).db_path
    if not path.exists():
        raise InputError(f"no database at {path}; check --db")
    if not encryption.is_encrypted(path):
        raise InputError(f"{path} is not encrypted; encrypt it with `leadtui encrypt`")
    # The current passphrase first (environment, keyring or prompt), so a wrong one is
    # refused before the new one is asked for.
    encryption.check_database(path)
    passphrase = _new_passphrase(NEW_PASSPHRASE_VARIABLE)
    _confirm(args, f"Change the passphrase of {path}?")
    outcome = encryption.rekey(path, passphrase, use_keyring=not args.no_keyring)
    echo(
        f"changed the passphrase of {path} ({outcome.rows} rows in {outcome.tables} tables "
        f"checked); backups made before keep the old passphrase; "
        f"{_key_note(outcome, 'LEADTUI_PASSPHRASE')}"
    )
    return 0
