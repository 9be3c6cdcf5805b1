"""A full-screen message for a problem that stops the app, such as a refused database."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Middle, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from leadtui.tui.keys import key_for
from leadtui.tui.widgets.footer import Footer


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
        with Middle(), Center(), Vertical(id="message-box"):
            yield Static(Content(self.title_text), classes="message-title")
            yield Static(Content(self.message))
            quit_key = key_for(self, "message.quit")
            yield Static(Content(f"Press {quit_key} to quit."), classes="message-hint")
        yield Footer()

    def action_leave(self) -> None:
        """Quit, reporting the problem on the terminal too."""
        self.app.exit(return_code=2, message=f"leadtui: {self.message}")
