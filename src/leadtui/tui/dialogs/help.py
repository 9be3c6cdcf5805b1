"""F1: the current screen's help text and its keys."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Markdown, Static

from leadtui.tui.keys import key_reader, screen_actions
from leadtui.tui.widgets.footer import Footer


class HelpScreen(ModalScreen[None]):
    """Help for one screen: what it is for, then every key it answers to."""

    CSS_PATH = "../styles/dialogs.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,q", "dismiss", "Close", id="help.close"),
    ]

    def __init__(self, screen: Screen[Any]) -> None:
        super().__init__()
        self.for_screen = screen
        # A leadtui screen's AREA and HELP (see screens/base.py), read without importing
        # it: the base opens this dialog.
        self.area = str(getattr(screen, "AREA", "App"))
        self.help_text = str(getattr(screen, "HELP", "")) or "No help for this screen yet."
        self.keys = self._key_table(screen)

    def _key_table(self, screen: Screen[Any]) -> Table:
        keys_of = key_reader(self.app, screen)
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        actions = screen_actions(screen)
        own = [b for area, b in actions if area != "App"]
        shared = [b for area, b in actions if area == "App"]
        # Every screen's keys to the others, whichever class in its line declares them.
        go = {
            b.id: b
            for cls in reversed(type(screen).__mro__)
            for b in vars(cls).get("BINDINGS", [])
            if isinstance(b, Binding) and b.id and b.id.startswith("go.")
        }
        sections = ((self.area, own), ("Everywhere", [*go.values(), *shared]))
        for title, bindings in sections:
            if not bindings:
                continue
            table.add_row(Text(title, style="underline"), Text(""))
            for binding in bindings:
                table.add_row(
                    Text(keys_of(binding)),
                    Text(binding.tooltip or binding.description),
                )
        search = " or ".join(
            keys_of(b)
            for b in type(self.app).BINDINGS
            if isinstance(b, Binding) and b.action == "search"
        )
        table.add_row(Text(search), Text("Search every text you wrote"))
        for action, words in (
            ("undo", "Undo the last change (made here or from the shell)"),
            ("redo", "Redo the change undone last"),
        ):
            keys = " or ".join(
                keys_of(b)
                for b in type(self.app).BINDINGS
                if isinstance(b, Binding) and b.action == action
            )
            table.add_row(Text(keys), Text(words))
        table.add_row(Text("ctrl+p"), Text("Command palette: every screen and action by name"))
        table.add_row(Text("j / k"), Text("Down / up in tables"))
        return table

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box") as box:
            box.border_title = f"Help · {self.area}"
            box.border_subtitle = "esc to close"
            yield Markdown(self.help_text)
            yield Static("Keys", classes="help-heading")
            yield Static(self.keys, id="help-keys")
        yield Footer()
