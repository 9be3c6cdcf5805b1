"""The unlock screen: the passphrase of an encrypted database, asked for before the app opens it.

Shown only when neither ``LEADTUI_PASSPHRASE`` nor the system keyring gives the key. What
is typed is never shown (the input masks it) and never kept beyond the one try; after
:data:`leadtui.store.keys.PROMPT_TRIES` wrong tries the app stops with one line.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Middle, Vertical
from textual.content import Content
from textual.widgets import Input, Static

from leadtui.tui.widgets.footer import Footer


class UnlockApp(App[bytes | None]):
    """Asks for the passphrase once; returns it as bytes, or None when given up."""

    DEFAULT_CSS = """
    #unlock-box { width: 64; height: auto; border: round $primary; padding: 1 2; }
    #unlock-box Input { margin-top: 1; }
    .unlock-wrong { color: $error; }
    .unlock-hint { color: $text-muted; margin-top: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "give_up", "Quit", id="unlock.quit"),
    ]
    ENABLE_COMMAND_PALETTE = False

    def __init__(self, prompt: str, attempt: int, tries: int) -> None:
        super().__init__()
        self.prompt_text = prompt
        self.attempt = attempt
        self.tries = tries

    def compose(self) -> ComposeResult:
        with Middle(), Center(), Vertical(id="unlock-box"):
            yield Static(Content("This database is encrypted"), classes="message-title")
            if self.attempt > 1:
                yield Static(
                    Content(
                        f"That passphrase does not open it (try {self.attempt} of {self.tries})."
                    ),
                    classes="unlock-wrong",
                )
            yield Static(Content(self.prompt_text.rstrip(": ")))
            yield Input(password=True, id="unlock-passphrase")
            yield Static(
                "Enter unlocks; Escape quits. A lost passphrase cannot be recovered.",
                classes="unlock-hint",
            )
        yield Footer()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Hand the passphrase back; the store tries it."""
        self.exit(event.value.encode("utf-8", "surrogateescape"))

    def action_give_up(self) -> None:
        """Quit without a passphrase."""
        self.exit(None)


def ask_passphrase(prompt: str, attempt: int) -> bytes | None:
    """The app's passphrase prompt (installed with ``set_passphrase_prompt``)."""
    from leadtui.store.database import PROMPT_TRIES

    return UnlockApp(prompt, attempt, PROMPT_TRIES).run()
