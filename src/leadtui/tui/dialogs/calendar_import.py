"""Importing a calendar file: the prompt that reads it, and the proposals it makes with a
box each.

The prompt reads the file in a thread worker (a year of a busy calendar takes seconds),
on a connection of its own, and keeps what was typed when it is refused. The list is
what `leadtui calendar import FILE` proposes (one reading, :mod:`leadtui.imports.
calendar_plan`), every proposal ticked; Apply writes the ticked ones in one transaction,
as `--apply` does; esc (or Cancel) writes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from leadtui.errors import LeadtuiError
from leadtui.tui.dialogs.forms import DraftForm, FieldSpec
from leadtui.tui.widgets.footer import Footer

if TYPE_CHECKING:
    from datetime import date
    from pathlib import Path

    from leadtui.imports.calendar_plan import PlanRead
    from leadtui.services.calendar_import import ImportPlan


class CalendarFilePrompt(DraftForm[str, "PlanRead"]):
    """The path of an .ics file, read into proposals in a thread; the reading closes it."""

    FORM_ID = "calendar-file"
    SAVE_LABEL = "Read"
    BINDINGS: ClassVar[list[BindingType]] = [
        # The same keys as every form, named for what they do here (below 30 rows the
        # footer stands in for the buttons).
        Binding("ctrl+s", "save", "Read", id="form.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="form.cancel"),
    ]
    REFUSAL_FIELD = "text"
    SPEC: ClassVar[Mapping[str, FieldSpec]] = {"text": FieldSpec("")}

    def __init__(self, db_path: Path, me: str, today: date, zone: str) -> None:
        super().__init__("Import a calendar file (.ics)", today=today)
        self.db_path = db_path
        self.me = me
        self.zone = zone
        self.reading_on = today

    @property
    def spec(self) -> Mapping[str, FieldSpec]:
        """One unlabelled field for the path."""
        return {"text": FieldSpec("", placeholder="~/Downloads/me.ics")}

    def hint(self) -> str:
        """The keys the prompt answers."""
        return "enter: read · esc: cancel"

    def draft(self) -> str:
        """The path as typed."""
        return str(self.typed()["text"] or "")

    def action_save(self) -> None:
        """Check the address and the path, then read the file in a thread worker."""
        from leadtui.errors import InputError
        from leadtui.imports.calendar_plan import my_address

        read = self.query_one("#save", Button)
        if read.disabled:
            return  # already reading: a second enter must not start a second reading
        path = self.draft()
        try:
            my_address(self.me)
            if not path.strip():
                raise InputError("type the path of an .ics file", field="text")
        except LeadtuiError as exc:
            self.refuse(exc.message, None)
            return
        self.show_error("")
        read.disabled = True
        read.label = "Reading …"
        self.read_file(path)

    @work(thread=True, exclusive=True, group="calendar-read", exit_on_error=False)
    def read_file(self, path: str) -> PlanRead:
        """Read and propose in this thread, on a connection of its own."""
        from leadtui.imports.calendar_plan import read_plan
        from leadtui.store.database import connect

        store = connect(self.db_path)
        try:
            return read_plan(store, path, self.me, self.reading_on, self.zone)
        finally:
            store.close()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Close with what the file proposes, or show why it was not read."""
        from leadtui.imports.calendar_plan import PlanRead

        if event.worker.group != "calendar-read":
            return
        if event.state is WorkerState.SUCCESS:
            found = event.worker.result
            assert isinstance(found, PlanRead)
            self.dismiss(found)
        elif event.state in (WorkerState.ERROR, WorkerState.CANCELLED):
            read = self.query_one("#save", Button)
            read.disabled = False
            read.label = f"{self.SAVE_LABEL} (ctrl+s)"
            error = event.worker.error
            if isinstance(error, LeadtuiError):
                self.refuse(error.message, None)
            else:
                self.refuse(f"Not read: {error}", None)


class ProposalList(OptionList):
    """The proposals, one wrapped option each with a tick box; space (or enter) ticks and
    unticks the highlighted one. A list of check boxes that keeps long lines whole."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "tick", "Tick", id="calendar-import.tick"),
    ]

    def __init__(self, plan: ImportPlan, *, id: str | None = None) -> None:  # noqa: A002
        self.proposals = list(plan.proposals)
        self.ticked = {p.key for p in self.proposals}
        super().__init__(*(self._option(n) for n in range(len(self.proposals))), id=id)

    def _option(self, index: int) -> Option:
        proposal = self.proposals[index]
        box = "[x] " if proposal.key in self.ticked else "[ ] "
        return Option(Text.assemble((box, "bold"), proposal.describe()), id=proposal.key)

    def action_tick(self) -> None:
        """Tick the highlighted proposal, or untick it."""
        index = self.highlighted
        if index is None:
            return
        key = self.proposals[index].key
        self.ticked.symmetric_difference_update({key})
        self.replace_option_prompt_at_index(index, self._option(index).prompt)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_tick()


class CalendarImportDialog(ModalScreen[list[str] | None]):
    """Which proposals to write: the keys of the ticked ones, None when cancelled."""

    CSS_PATH = "../styles/dialogs.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "apply", "Apply", id="calendar-import.apply"),
        Binding("escape", "cancel", "Cancel", id="calendar-import.cancel"),
    ]

    def __init__(self, found: PlanRead) -> None:
        super().__init__()
        self.found = found
        self.plan = found.plan

    def compose(self) -> ComposeResult:
        with Vertical(id="calendar-import", classes="dialog") as box:
            box.border_title = "Import a calendar"
            box.border_subtitle = "space ticks · ctrl+s applies · esc cancels"
            if self.plan.proposals:
                # Each proposal in full, wrapped: what applying it changes, field by field.
                yield ProposalList(self.plan, id="proposals")
            else:
                yield Static("Nothing to change: leadtui already has what this file says.")
            if self.found.unmatched:
                yield Static(Text(f"No one matches {self.found.unmatched}: add them (with "
                                  "their email) first."), classes="muted")  # fmt: skip
            if self.plan.not_imported:
                refused = "; ".join(self.plan.not_imported)
                yield Static(Text(f"Coming sessions not imported: {refused}"), classes="muted")
            if self.found.skipped:
                yield Static(Text(f"Skipped: {self.found.skipped}"), classes="muted")
            with Horizontal(classes="buttons"):
                yield Button("Apply (ctrl+s)", variant="primary", id="calendar-import-apply")
                yield Button("Cancel (esc)", id="calendar-import-cancel")
        yield Footer()

    def on_mount(self) -> None:
        """Start on the first proposal, so space ticks or unticks it at once."""
        if self.plan.proposals:
            proposals = self.query_one("#proposals", ProposalList)
            proposals.highlighted = 0
            proposals.focus()

    def chosen(self) -> list[str]:
        """The keys of the ticked proposals, in the plan's order."""
        if not self.plan.proposals:
            return []
        ticked = self.query_one("#proposals", ProposalList).ticked
        return [p.key for p in self.plan.proposals if p.key in ticked]

    @on(Button.Pressed, "#calendar-import-apply")
    def action_apply(self) -> None:
        """Write the ticked proposals."""
        self.dismiss(self.chosen())

    @on(Button.Pressed, "#calendar-import-cancel")
    def action_cancel(self) -> None:
        """Close without writing."""
        self.dismiss(None)
