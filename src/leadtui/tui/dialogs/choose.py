"""Choose one of a few records (which gap to edit, which exception to remove): a list,
enter chooses, esc cancels."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from leadtui.tui.widgets.footer import Footer


class ChooseScreen(ModalScreen[int | None]):
    """Which of a few records to act on: the index of the one chosen, None when
    cancelled."""

    CSS_PATH = "../styles/dialogs.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="choose.cancel"),
    ]

    def __init__(self, title: str, labels: list[str]) -> None:
        super().__init__()
        self.picker_title = title
        self.labels = labels

    def compose(self) -> ComposeResult:
        with Vertical(id="evidence-box", classes="dialog") as box:
            box.border_title = self.picker_title
            box.border_subtitle = "enter chooses · esc cancels"
            yield OptionList(
                *(Option(Text(label), id=str(i)) for i, label in enumerate(self.labels)),
                id="evidence-list",
            )
        yield Footer()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter (or a click) chooses the highlighted record."""
        event.stop()
        self.dismiss(int(event.option.id or 0))

    def action_cancel(self) -> None:
        """Close without choosing."""
        self.dismiss(None)
