"""``leadtui`` with no subcommand: open the app (its own module, so the parser and the
front door both name it without importing each other)."""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

from leadtui.cli.common import locations_for, today_from_env

if TYPE_CHECKING:
    import argparse


def open_app(args: argparse.Namespace) -> int:
    """Check the database file, import Textual meanwhile, and run the app."""
    from leadtui.store.database import Preflight, looks_encrypted

    locations = locations_for(args)
    if looks_encrypted(locations.db_path):
        # The key first, on this thread and before the check that needs it: the unlock
        # screen, when neither the environment nor the keyring has it.
        from leadtui.store.database import set_passphrase_prompt, unlock

        set_passphrase_prompt(_unlock_screen)
        unlock(locations.db_path)
    # Check the database file while Textual imports (see Preflight).
    preflight = Preflight(locations.db_path)
    from leadtui.tui.app import run_app

    return run_app(
        locations,
        today=today_from_env(),
        preflight=preflight,
        collector_paused=not gc.isenabled(),
    )


def _unlock_screen(prompt: str, attempt: int) -> bytes | None:
    """The app's unlock screen (Textual is imported only when it must be shown)."""
    from leadtui.tui.app import ask_passphrase

    return ask_passphrase(prompt, attempt)
