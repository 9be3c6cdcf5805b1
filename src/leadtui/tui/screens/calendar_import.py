"""The calendar import dialog: the proposals a calendar file makes, a check box each.

What `leadtui calendar import FILE` proposes (services.calendar_import), listed with a
box per proposal, all ticked; Apply writes the ticked ones in one transaction, as
`--apply` does; esc (or Cancel) writes nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Static

from leadtui.tui.widgets.footer import Footer

if TYPE_CHECKING:
    from leadtui.services.calendar_import import ImportPlan


class CalendarImportDialog(ModalScreen[list[str] | None]):
    """Which proposals to write: the keys of the ticked ones, None when cancelled."""

    CSS_PATH = "../styles/dialogs.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "apply", "Apply", id="calendar-import.apply"),
        Binding("escape", "cancel", "Cancel", id="calendar-import.cancel"),
    ]

    def __init__(self, plan: ImportPlan, skipped: str) -> None:
        super().__init__()
        self.plan = plan
        self.skipped = skipped

    def compose(self) -> ComposeResult:
        with Vertical(id="calendar-import", classes="dialog") as box:
            box.border_title = "Import a calendar"
            box.border_subtitle = "space ticks · ctrl+s applies · esc cancels"
            with VerticalScroll(classes="form-fields"):
                for n, proposal in enumerate(self.plan.proposals):
                    yield Checkbox(Text(proposal.describe()), True, id=f"proposal-{n}")
                if not self.plan.proposals:
                    yield Static("Nothing to change: leadtui already has what this file says.")
            if self.plan.unmatched:
                names = ", ".join(self.plan.unmatched[:5])
                more = len(self.plan.unmatched) - 5
                yield Static(Text(f"No one matches {names}{f' and {more} more' if more > 0 else ''}"
                                  ": add them (with their email) first."),
                             classes="muted")  # fmt: skip
            if self.skipped:
                yield Static(Text(f"Skipped: {self.skipped}"), classes="muted")
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="calendar-import-cancel")
                yield Button("Apply", variant="primary", id="calendar-import-apply")
        yield Footer()

    def chosen(self) -> list[str]:
        """The keys of the ticked proposals."""
        return [
            proposal.key
            for n, proposal in enumerate(self.plan.proposals)
            if self.query_one(f"#proposal-{n}", Checkbox).value
        ]

    @on(Button.Pressed, "#calendar-import-apply")
    def action_apply(self) -> None:
        """Write the ticked proposals."""
        self.dismiss(self.chosen())

    @on(Button.Pressed, "#calendar-import-cancel")
    def action_cancel(self) -> None:
        """Close without writing."""
        self.dismiss(None)
