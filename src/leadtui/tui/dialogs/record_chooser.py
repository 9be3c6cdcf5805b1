"""Pick one of a list of records to put right: enter (or i) edits it, x removes it.

The Reviews screen lists a half's feedback this way and the Energy screen its energizing
work; the screen that opened the list does the edit or the removal (asking first).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Literal

from rich.console import RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.markup import escape
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from leadtui.tui.widgets.footer import Footer

Choice = tuple[Literal["edit", "remove"], int]


class RecordChooser(ModalScreen[Choice | None]):
    """A list of records (id, label); dismisses with what to do to the highlighted one."""

    CSS_PATH = "../styles/dialogs.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("i", "choose('edit')", "Edit", id="records.edit"),
        Binding("x", "choose('remove')", "Remove", id="records.remove"),
        Binding("escape", "cancel", "Cancel", id="records.cancel"),
    ]

    def __init__(
        self, title: str, hint: str, records: Sequence[tuple[int, RenderableType]]
    ) -> None:
        super().__init__()
        self.chooser_title = title
        self.hint = hint
        self.records = records

    def compose(self) -> ComposeResult:
        with Vertical(id="records-box", classes="dialog") as box:
            box.border_title = escape(self.chooser_title)
            box.border_subtitle = "enter edits · x removes · esc closes"
            yield Static(Text(self.hint), classes="muted")
            yield OptionList(
                *(Option(label, id=str(rid)) for rid, label in self.records), id="records-list"
            )
        yield Footer()

    def _highlighted(self) -> int | None:
        listing = self.query_one(OptionList)
        if listing.highlighted is None:
            return None
        return int(listing.get_option_at_index(listing.highlighted).id or 0)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter (or a click) edits the chosen record."""
        event.stop()
        self.dismiss(("edit", int(event.option.id or 0)))

    def action_choose(self, what: Literal["edit", "remove"]) -> None:
        """Edit or remove the highlighted record."""
        chosen = self._highlighted()
        if chosen is not None:
            self.dismiss((what, chosen))

    def action_cancel(self) -> None:
        """Close without a change."""
        self.dismiss(None)
