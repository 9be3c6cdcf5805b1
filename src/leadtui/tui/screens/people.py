"""People: everyone the rituals are about. Sort, filter as you type, add, edit, archive."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Header, Input, Static

from leadtui.domain.people import Person
from leadtui.domain.people_input import PersonDraft
from leadtui.domain.text import literal, quoted
from leadtui.services import people as people_service
from leadtui.services.people import PersonOrder
from leadtui.tui.screens.base import LeadtuiScreen
from leadtui.tui.widgets.footer import Footer
from leadtui.tui.widgets.key_table import KeyTable

COLUMNS = ("Name", "Relation", "Title", "Level", "Team", "Started")


def _matches(person: Person, needle: str) -> bool:
    haystack = " ".join(
        part or ""
        for part in (person.name, person.relation.value, person.title, person.level, person.team)
    )
    return needle in haystack.casefold()


class PeopleScreen(LeadtuiScreen):
    """A table of people with a filter box; a modal form adds and edits."""

    # Each screen brings its own styles, so start-up parses only what Today needs.
    CSS_PATH = "../styles/people.tcss"
    AREA = "People"
    HELP = """\
# People

Everyone the rituals are about: your reports, peers, manager, skip-levels and others.
People are never deleted. **Archive** someone who left and their history stays;
unarchive them if they come back.

- Type in the filter box (press **/**) to narrow the list by name, team, title, level
  or relation. **Esc** clears it.
- **s** switches the sort between name and relation.
- **h** shows or hides archived people.
- Names appear exactly as typed, markup and all.

From the shell: `leadtui people add "Sam Okafor" --relation report --team Payments`.
"""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add", tooltip="Add a person", id="people.add"),
        Binding("e,enter", "edit", "Edit", tooltip="Edit the selected person", id="people.edit"),
        Binding(
            "x",
            "archive",
            "Archive",
            tooltip="Archive or unarchive the selected person",
            id="people.archive",
        ),
        Binding("s", "sort", "Sort", tooltip="Sort by name or by relation", id="people.sort"),
        Binding(
            "h",
            "toggle_archived",
            "Archived",
            tooltip="Show or hide archived people",
            id="people.archived",
        ),
        Binding("slash", "filter", "Filter", tooltip="Filter as you type", id="people.filter"),
        Binding("escape", "clear_filter", "Clear filter", show=False, id="people.clear"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.order: PersonOrder = "name"
        self.show_archived = False
        self.people: list[Person] = []

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with Horizontal(id="people-bar"):
            yield Input(
                placeholder="/ to filter by name, team, title, level or relation",
                id="people-filter",
            )
            yield Static("", id="people-status")
        table = KeyTable(id="people-table", cursor_type="row", zebra_stripes=True)
        table.add_columns(*COLUMNS)
        yield table
        yield Footer()

    def on_mount(self) -> None:
        """Give the table focus so keys work at once (rows arrive on resume)."""
        self.sub_title = "People"
        self.query_one(KeyTable).focus()

    def refresh_data(self) -> None:
        """Reload people from the database and redraw."""
        self.people = people_service.list_people(
            self.db, include_archived=self.show_archived, order=self.order
        )
        self._render_table()

    def _render_table(self, select_id: int | None = None) -> None:
        table = self.query_one(KeyTable)
        current = select_id if select_id is not None else self.selected_id()
        needle = self.query_one("#people-filter", Input).value.strip().casefold()
        shown = [p for p in self.people if not needle or _matches(p, needle)]
        table.clear()
        for person in shown:
            style = "dim" if not person.active else ""
            name = Text(literal(person.name), style=style)
            if not person.active:
                name.append(" (archived)", style="italic dim")
            table.add_row(
                name,
                Text(person.relation.value, style=style),
                Text(literal(person.title or ""), style=style),
                Text(literal(person.level or ""), style=style),
                Text(literal(person.team or ""), style=style),
                Text(person.started_on.isoformat() if person.started_on else "", style=style),
                key=str(person.id),
            )
        if current is not None and str(current) in table.rows:
            table.move_cursor(row=table.get_row_index(str(current)))
        total = len(self.people)
        noun = "person" if total == 1 else "people"
        count = f"{len(shown)} of {total} {noun}" if needle else f"{total} {noun}"
        if needle and not shown:
            count = f"no match for {quoted(needle)} among {total} {noun}"
        archived = "archived shown" if self.show_archived else "archived hidden"
        self.query_one("#people-status", Static).update(
            Text(f"{count} · by {self.order} · {archived}", style="dim")
        )

    def selected_id(self) -> int | None:
        """The id of the person under the cursor."""
        table = self.query_one(KeyTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return int(key) if key is not None else None

    def selected(self) -> Person | None:
        """The person under the cursor."""
        person_id = self.selected_id()
        return next((p for p in self.people if p.id == person_id), None)

    def on_input_changed(self, event: Input.Changed) -> None:
        """Filter as you type."""
        if event.input.id == "people-filter":
            self._render_table()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the filter goes to the table."""
        if event.input.id == "people-filter":
            self.query_one(KeyTable).focus()

    def on_data_table_row_selected(self, event: KeyTable.RowSelected) -> None:
        """Enter or a click on a row opens it for editing."""
        self.action_edit()

    def action_filter(self) -> None:
        """Focus the filter box."""
        self.query_one("#people-filter", Input).focus()

    def action_clear_filter(self) -> None:
        """Empty the filter and return to the table."""
        self.query_one("#people-filter", Input).value = ""
        self.query_one(KeyTable).focus()

    def action_sort(self) -> None:
        """Switch between sorting by name and by relation."""
        self.order = "relation" if self.order == "name" else "name"
        self.refresh_data()

    def action_toggle_archived(self) -> None:
        """Show or hide archived people."""
        self.show_archived = not self.show_archived
        self.refresh_data()

    def action_add(self) -> None:
        """Open the form for a new person."""
        from leadtui.tui.screens.person_form import PersonForm

        def saved(person: Person | None) -> None:
            if person is not None:
                self.refresh_data()
                self._render_table(select_id=person.id)
                self.notify(f"Added {literal(person.name)}", title="People", markup=False)

        self.app.push_screen(
            PersonForm(
                title="Add person",
                save=lambda draft: people_service.add_person(self.db, draft),
                today=self.today,
            ),
            saved,
        )

    def action_edit(self) -> None:
        """Open the form for the selected person."""
        from leadtui.tui.screens.person_form import PersonForm

        person = self.selected()
        if person is None:
            self.notify(
                "Nobody to edit yet: press a to add a person.", severity="warning", markup=False
            )
            return

        def save(draft: PersonDraft) -> Person:
            return people_service.update_person(self.db, person.id, draft)

        def saved(updated: Person | None) -> None:
            if updated is not None:
                self.refresh_data()
                self.notify(f"Saved {literal(updated.name)}", title="People", markup=False)

        self.app.push_screen(
            PersonForm(
                title=f"Edit {literal(person.name)}", save=save, today=self.today, person=person
            ),
            saved,
        )

    def action_archive(self) -> None:
        """Archive the selected person after asking, or unarchive an archived one."""
        from leadtui.tui.screens.confirm import ConfirmScreen

        person = self.selected()
        if person is None:
            return
        if not person.active:
            self._apply(lambda: people_service.unarchive_person(self.db, person.id), "Unarchived")
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._apply(
                    lambda: people_service.archive_person(self.db, person.id, self.today),
                    "Archived",
                )

        self.app.push_screen(
            ConfirmScreen(
                f"Archive {literal(person.name)}?",
                "They leave the lists; their history stays. Press h to see archived people "
                "and x again to unarchive.",
                yes="Archive",
            ),
            answered,
        )

    def _apply(self, change: Callable[[], Person], verb: str) -> None:
        person = self.guarded(change)
        if person is None:
            return
        self.refresh_data()
        self.notify(f"{verb} {literal(person.name)}", title="People", markup=False)
