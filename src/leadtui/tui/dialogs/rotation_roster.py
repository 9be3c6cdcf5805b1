"""One capacity's roster as a dialog: who is on it and whether they are in rotation.

Keys put someone on it (with the dates they join and leave), change those dates, take
someone out of rotation or back, and take someone off it (after asking). Every change
goes through the roster use case the command line calls too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar, TypeVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from leadtui.domain.dates import short_day_label
from leadtui.domain.rotations import Capacity, Member
from leadtui.domain.text import literal
from leadtui.services.rotations import (
    RosterChanged,
    RosterEntry,
    change_roster,
    not_on_roster,
    roster,
)
from leadtui.tui.host import host
from leadtui.tui.screens.base import guarded_write
from leadtui.tui.widgets.footer import Footer
from leadtui.tui.widgets.key_table import KeyTable

if TYPE_CHECKING:
    from datetime import date

    from leadtui.domain.rotations_input import RosterEntryDraft
    from leadtui.store.database import Store

T = TypeVar("T")


def member_status(member: Member, today: date) -> Text:
    """In rotation or not, and the dates that limit it."""
    if member.out_of_rotation:
        return Text("out of rotation", style="italic")
    if member.joined_on is not None and member.joined_on > today:
        return Text(f"joins {short_day_label(member.joined_on, today)}")
    if member.leaves_on is not None:
        if member.leaves_on < today:
            return Text(f"left {short_day_label(member.leaves_on, today)}", style="dim")
        return Text(f"in rotation until {short_day_label(member.leaves_on, today)}")
    return Text("in rotation")


class RosterDialog(ModalScreen[bool]):
    """The roster of ``capacity``; closes with True when anything changed."""

    CSS_PATH = ["../styles/dialogs.tcss", "../styles/rotations.tcss"]  # noqa: RUF012 (Textual's)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add", tooltip="Put someone on the roster", id="roster.add"),
        Binding(
            "o",
            "out_or_back",
            "Out / back",
            tooltip="Take the selected person out of rotation, or back in",
            id="roster.out",
        ),
        Binding("e", "dates", "Dates", tooltip="Change when they join or leave", id="roster.dates"),
        Binding(
            "d,delete", "remove", "Remove", tooltip="Take them off the roster", id="roster.remove"
        ),
        Binding("escape", "close", "Close", id="roster.close"),
    ]

    def __init__(self, capacity: Capacity) -> None:
        super().__init__()
        self.capacity = capacity
        self.entries: list[RosterEntry] = []
        self.changed = False

    @property
    def db(self) -> Store:
        """The app's open database."""
        return host(self.app).db

    @property
    def today(self) -> date:
        """The app's today (pinned in tests)."""
        return host(self.app).today

    def compose(self) -> ComposeResult:
        with Vertical(id="roster-box", classes="dialog") as box:
            # Content, not markup: a capacity's name may hold brackets.
            box.border_title = Content(f"Roster · {literal(self.capacity.name)}")
            box.border_subtitle = "a add · o out/back · e dates · d remove · esc close"
            yield Static("", id="roster-summary", classes="muted")
            yield KeyTable(id="roster-table", cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        """Columns, then the roster."""
        self.query_one(KeyTable).add_columns("Person", "Status")
        self.fill()
        self.query_one(KeyTable).focus()

    def fill(self) -> None:
        """Read the roster again and show it, keeping the cursor where it was."""
        table = self.query_one(KeyTable)
        row = table.cursor_row
        self.entries = roster(self.db, self.capacity)
        table.clear()
        for entry in self.entries:
            table.add_row(Text(entry.person.display_name), member_status(entry.member, self.today))
        if self.entries:
            table.move_cursor(row=min(row, len(self.entries) - 1))
        serving = sum(1 for e in self.entries if not e.member.out_of_rotation)
        summary = (
            f"{len(self.entries)} on the roster, {serving} in rotation. "
            "Plans pick the never-served first, then the least recently served."
            if self.entries
            else "Nobody on the roster yet: a puts someone on it."
        )
        self.query_one("#roster-summary", Static).update(Content(summary))

    def _guarded(self, change: Callable[[], T]) -> T | None:
        """Run a write; a refusal or a busy database becomes a notice; after a write the
        roster is shown again."""
        result = guarded_write(self, "Roster", change)
        if result is None:
            return None
        self.changed = True
        self.fill()
        return result

    def _selected(self) -> RosterEntry | None:
        if not self.entries:
            self.notify("Nobody on the roster yet: a puts someone on it", title="Roster")
            return None
        return self.entries[min(self.query_one(KeyTable).cursor_row, len(self.entries) - 1)]

    def _save_dates(self, draft: RosterEntryDraft) -> RosterChanged:
        return change_roster(self.db, self.capacity, [draft.person], dates=draft)

    def _form_closed(self, saved: object) -> None:
        if saved is not None:
            self.changed = True
            self.fill()

    def action_add(self) -> None:
        """Put someone on the roster, with the dates they join and leave (both optional)."""
        from leadtui.tui.dialogs.rotation_forms import RosterEntryForm

        people = not_on_roster(self.db, self.capacity)
        if not people:
            self.notify(
                "Everyone is on this roster" if self.entries else "Add people on People (p) first",
                title="Roster",
            )
            return
        title = f"Add to the {literal(self.capacity.name)} roster"
        form = RosterEntryForm(title, self._save_dates, people, self.today)
        self.app.push_screen(form, self._form_closed)

    def action_dates(self) -> None:
        """Change when the selected person joins or leaves the rotation."""
        from leadtui.tui.dialogs.rotation_forms import RosterEntryForm

        entry = self._selected()
        if entry is None:
            return
        title = f"{entry.person.display_name} on the {literal(self.capacity.name)} roster"
        form = RosterEntryForm(title, self._save_dates, [entry.person], self.today, entry.member)
        self.app.push_screen(form, self._form_closed)

    def action_out_or_back(self) -> None:
        """Take the selected person out of rotation (plans pass over them), or back in."""
        entry = self._selected()
        if entry is None:
            return
        out = not entry.member.out_of_rotation
        who = [str(entry.person.id)]
        if self._guarded(lambda: change_roster(self.db, self.capacity, who, out_of_rotation=out)):
            what = "out of rotation: plans pass over them" if out else "back in rotation"
            self.notify(f"{entry.person.display_name} is {what}", title="Roster", markup=False)

    def action_remove(self) -> None:
        """Take the selected person off the roster, after asking."""
        from leadtui.tui.dialogs.confirm import ConfirmScreen

        entry = self._selected()
        if entry is None:
            return
        name = entry.person.display_name

        def answered(yes: bool | None) -> None:
            who = [str(entry.person.id)]
            if yes and self._guarded(
                lambda: change_roster(self.db, self.capacity, who, remove=True)
            ):
                self.notify(f"{name} is off the roster", title="Roster", markup=False)

        question = f"Take {name} off the {literal(self.capacity.name)} roster?"
        detail = "Terms they served or were given stay as they are; plans no longer pick them."
        self.app.push_screen(ConfirmScreen(question, detail, yes="Remove"), answered)

    def action_close(self) -> None:
        """Back to the rotations, which redraw if anything changed."""
        self.dismiss(self.changed)
