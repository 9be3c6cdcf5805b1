"""`leadtui encrypt`, `decrypt` and `rekey`: the database encrypted at rest, or not.

Each asks for the new passphrase twice on a terminal (or reads it from
``LEADTUI_PASSPHRASE``; ``rekey``'s new one from ``LEADTUI_NEW_PASSPHRASE``), warns that
a lost passphrase cannot be recovered and asks to confirm (``--yes`` for scripts).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from leadtui.cli.common import echo, locations_for, shown_path
from leadtui.domain.text import plural
from leadtui.errors import InputError

if TYPE_CHECKING:
    import argparse
    from pathlib import Path

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
    """The new passphrase: from ``variable``, else typed twice on the terminal.

    A short one is warned about (before the confirmation) and still taken.
    """
    from leadtui.services.encryption import check_new_passphrase, take_from_environment

    given = take_from_environment(variable)
    if given is not None:
        check_new_passphrase(given)
        _warn_if_short(given)
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
    _warn_if_short(first)
    return first


def _warn_if_short(passphrase: bytes) -> None:
    from leadtui.services.encryption import short_passphrase_warning

    warning = short_passphrase_warning(passphrase)
    if warning is not None:
        sys.stderr.write(warning + "\n")


def _ask(question: str) -> str:
    """The answer typed to ``question``; Ctrl-D refuses (nothing was changed)."""
    try:
        return input(question)
    except EOFError:
        raise InputError("no answer given (Ctrl-D); nothing was changed") from None


def _confirm(args: argparse.Namespace, question: str) -> None:
    """Warn, then ask; refuse unless confirmed (``--yes`` confirms without asking)."""
    if not args.yes and not _on_terminal():
        raise InputError(
            "this needs confirming (a lost passphrase cannot be recovered); add --yes to go ahead"
        )
    sys.stderr.write(LOSS_WARNING + "\n")
    if args.yes:
        return
    answer = _ask(f"{question} [y/N] ")
    if answer.strip().lower() not in ("y", "yes"):
        raise InputError("not confirmed; nothing was changed")


def _earlier_backups(args: argparse.Namespace, backups: list[Path]) -> str:
    if args.earlier_backups is not None or not backups:
        return str(args.earlier_backups or "encrypt")
    if args.yes or not _on_terminal():
        return "encrypt"
    # Which files, before the question: the answer may remove them.
    sys.stderr.write(
        f"{plural(len(backups), 'backup')} of this database made before "
        f"{'is' if len(backups) == 1 else 'are'} not encrypted:\n"
    )
    for backup in backups:
        sys.stderr.write(f"  {shown_path(backup)}\n")
    answer = _ask("Encrypt them (e), remove them (r) or keep them as they are (k)? [E/r/k] ")
    return {"r": "remove", "k": "keep"}.get(answer.strip().lower()[:1], "encrypt")


def _backups_said(outcome: Outcome) -> str:
    if outcome.backups_encrypted:
        return f"; {plural(outcome.backups_encrypted, 'earlier backup')} encrypted"
    if outcome.backups_removed:
        return f"; {plural(outcome.backups_removed, 'earlier backup')} removed"
    return ""


def _failed_backups(outcome: Outcome) -> int:
    """Say which backups were left as they were and why; the exit code (2 when any)."""
    for backup, why in outcome.backups_failed:
        sys.stderr.write(
            f"database encrypted; backup {shown_path(backup)} not converted: {why} "
            "(run `leadtui encrypt` again to finish it)\n"
        )
    return 2 if outcome.backups_failed else 0


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
        if not encryption.plain_backups(path):
            raise InputError(
                f"{path} is already encrypted; change its passphrase with `leadtui rekey`"
            )
        return _finish_backups(args, path)
    # Refusals first, before anything is asked or warned about.
    encryption.check_database(path)
    passphrase = _new_passphrase("LEADTUI_PASSPHRASE")
    _confirm(args, f"Encrypt {path}?")
    choice = encryption.EarlierBackups(_earlier_backups(args, encryption.plain_backups(path)))
    outcome = encryption.encrypt(
        path, passphrase, earlier_backups=choice, use_keyring=not args.no_keyring
    )
    echo(
        f"encrypted {path} ({outcome.rows} rows in {outcome.tables} tables checked)"
        f"{_backups_said(outcome)}; {_key_note(outcome, 'LEADTUI_PASSPHRASE')}"
    )
    return _failed_backups(outcome)


def _finish_backups(args: argparse.Namespace, path: Path) -> int:
    """An encrypted database with plain backups of it left (kept, or one that failed):
    encrypt or remove them with the database's own key."""
    from leadtui.services import encryption

    # The database's passphrase first (environment, keyring or prompt): a wrong one is
    # refused before anything is asked.
    encryption.check_database(path)
    _confirm(args, f"Encrypt the plain backups of {path} with its passphrase?")
    choice = encryption.EarlierBackups(_earlier_backups(args, encryption.plain_backups(path)))
    if choice is encryption.EarlierBackups.KEEP:
        echo(f"{path} is already encrypted; its plain backups were kept as they are")
        return 0
    outcome = encryption.finish_backups(path, choice)
    echo(f"{path} is already encrypted{_backups_said(outcome)}")
    return _failed_backups(outcome)


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
        answer = _ask(f"Decrypt {path}? [y/N] ")
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
