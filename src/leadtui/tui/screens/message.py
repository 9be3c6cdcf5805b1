"""A full-screen message for a problem that stops the app, such as a refused database."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import Static


class MessageScreen(Screen[None]):
    """Shows one problem and how to fix it; any of the listed keys quits with code 2."""

    CSS_PATH = "../styles/dialogs.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q,escape,enter", "leave", "Quit", id="message.quit"),
    ]

    def __init__(self, title: str, message: str) -> None:
        super().__init__()
        self.title_text = title
        self.message = message

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            box = Static(
                Text.assemble(
                    (self.title_text, "bold"),
                    "\n\n",
                    self.message,
                    "\n\n",
                    ("Press q to quit.", "dim"),
                ),
                id="message-box",
            )
            yield box

    def action_leave(self) -> None:
        """Quit, reporting the problem on the terminal too."""
        self.app.exit(return_code=2, message=f"leadtui: {self.message}")
