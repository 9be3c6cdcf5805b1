"""People: everyone the rituals are about. Sort, filter as you type, add, edit, archive."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from rich.markup import escape
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Header, Input, Static

from leadtui.domain.people import Person
from leadtui.domain.people_input import PersonDraft
from leadtui.domain.text import literal, quoted
from leadtui.services import people as people_service
from leadtui.services.people import PersonOrder
from leadtui.tui.keys import key_for
from leadtui.tui.screens.base import LeadtuiScreen
from leadtui.tui.widgets.footer import Footer
from leadtui.tui.widgets.people_table import PeopleTable


def nobody(add: str) -> str:
    """The empty state of a new database; ``add`` is the key that adds a person.

    Textual markup: text styles only; colours come from people.tcss.
    """
    return f"""\
[b]Nobody here yet[/b]

The people you work with: reports, peers, your manager, skip-levels. Every ritual \
starts from them.

Press [b]{escape(add)}[/b] to add someone: a name, and how you work with them.

To look around a sample team first, from the shell:
  [i]leadtui demo --db demo.db[/i]
  [i]leadtui --db demo.db[/i]"""


def nobody_active(archived: int, keys: dict[str, str]) -> str:
    """The empty state when everyone is archived and archived people are hidden; ``keys``
    are the keys of the archived, archive and add bindings, by the end of their ids."""
    noun = "person" if archived == 1 else "people"
    shown, back, add = (escape(keys[name]) for name in ("archived", "archive", "add"))
    return (
        f"[b]Nobody active[/b]\n\n[b]{shown}[/b] shows the {archived} archived {noun}; "
        f"[b]{back}[/b] on one brings them back.\n\nPress [b]{add}[/b] to add someone."
    )


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
    HELP = (Path(__file__).parent.parent / "help" / "people.md").read_text(encoding="utf-8")
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
        # Out of the footer to keep it within 80 columns; the status line names the key.
        Binding(
            "s", "sort", "Sort", show=False, tooltip="Sort by name or by relation", id="people.sort"
        ),
        Binding(
            "h",
            "toggle_archived",
            "Archived",
            tooltip="Show or hide archived people",
            id="people.archived",
        ),
        Binding(
            "i",
            "context",
            "Context",
            show=False,
            tooltip="Edit the selected person's private context",
            id="people.context",
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
                placeholder="/ to filter by name, team, title …",
                id="people-filter",
            )
            # What was typed in the filter is shown as typed, never read as markup.
            yield Static("", id="people-status", markup=False)
        yield Static("", id="people-namesakes", markup=False)
        yield Static("", id="people-empty")
        yield PeopleTable(id="people-table")
        yield Footer()

    def on_mount(self) -> None:
        """Give the table focus so keys work at once (rows arrive on resume)."""
        self.sub_title = "People"
        self.query_one(PeopleTable).focus()

    def refresh_data(self) -> None:
        """Reload people from the database and redraw."""
        self.people = people_service.list_people(
            self.db, include_archived=self.show_archived, order=self.order
        )
        self._render_table()

    def _render_table(self, select_id: int | None = None) -> None:
        table = self.query_one(PeopleTable)
        needle = self.query_one("#people-filter", Input).value.strip().casefold()
        shown = [p for p in self.people if not needle or _matches(p, needle)]
        groups = people_service.namesakes(self.people)
        shared = frozenset(p.id for group in groups for p in group.people)
        table.show(shown, self.today, select_id, shared)
        total = len(self.people)
        self._show_empty(total == 0)
        noun = "person" if total == 1 else "people"
        count = f"{len(shown)} of {total} {noun}" if needle else f"{total} {noun}"
        if needle and not shown:
            count = f"no match for {quoted(needle)} among {total} {noun}"
        archived = " · with archived" if self.show_archived else ""
        self.query_one("#people-status", Static).update(f"{count} · by {self.order} (s){archived}")
        # Shown until one of them is renamed: a name on the command line reaches neither.
        self.set_class(bool(groups), "-namesakes")
        rename = f"select one and press {self._key('edit')}" if groups else ""
        self.query_one("#people-namesakes", Static).update(
            "\n".join(f"⚠ {people_service.namesake_notice(g, rename=rename)}" for g in groups)
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Edit and archive only with someone to act on: an empty list's footer offers
        what can be done (add), not keys that would do nothing."""
        if action in ("edit", "archive"):
            return bool(self.people)
        return True

    def _show_empty(self, empty: bool) -> None:
        """Nobody to list: say how to add someone instead of an empty table."""
        self.set_class(empty, "-empty")
        self.refresh_bindings()
        if empty:
            archived = people_service.count_people(self.db) if not self.show_archived else 0
            keys = {name: self._key(name) for name in ("archived", "archive", "add")}
            self.query_one("#people-empty", Static).update(
                nobody_active(archived, keys) if archived else nobody(keys["add"])
            )

    def _key(self, name: str) -> str:
        """The key of this screen's binding ``people.<name>`` now (the keymap may move it)."""
        return key_for(self, f"people.{name}")

    def selected_id(self) -> int | None:
        """The id of the person under the cursor."""
        return self.query_one(PeopleTable).selected_id()

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
            self.query_one(PeopleTable).focus()

    def on_data_table_row_selected(self, event: PeopleTable.RowSelected) -> None:
        """Enter or a click on a row opens it for editing."""
        self.action_edit()

    def action_filter(self) -> None:
        """Focus the filter box."""
        self.query_one("#people-filter", Input).focus()

    def action_clear_filter(self) -> None:
        """Empty the filter and return to the table."""
        self.query_one("#people-filter", Input).value = ""
        self.query_one(PeopleTable).focus()

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
        from leadtui.tui.dialogs.person_form import PersonForm

        def saved(person: Person | None) -> None:
            if person is not None:
                self.refresh_data()
                self._render_table(select_id=person.id)
                # The table was hidden behind the empty state when this was the first person,
                # so focus had fallen to the filter, where the next key would be typed.
                self.query_one(PeopleTable).focus()
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
        from leadtui.tui.dialogs.person_form import PersonForm

        person = self.selected()
        if person is None:
            self.notify(
                f"Nobody to edit yet: press {self._key('add')} to add a person.",
                severity="warning",
                markup=False,
            )
            return

        def save(draft: PersonDraft) -> Person:
            return people_service.update_person(self.db, person.id, draft)

        def saved(updated: Person | None) -> None:
            if updated is not None:
                self.refresh_data()
                self.notify(f"Saved {literal(updated.name)}", title="People", markup=False)
                self._propose_ending(person, updated)

        self.app.push_screen(
            PersonForm(
                title=f"Edit {literal(person.name)}", save=save, today=self.today, person=person
            ),
            saved,
        )

    def action_context(self) -> None:
        """Edit the selected person's private context."""
        from leadtui.services.context import person_context, set_context
        from leadtui.tui.dialogs.context_form import ContextForm

        person = self.selected()
        if person is None:
            self.notify(
                f"Nobody here yet: press {self._key('add')} to add a person.",
                severity="warning",
                markup=False,
            )
            return

        def save(values: dict[str, object]) -> None:
            notice = set_context(self.db, person, self.today, **values).notice
            if notice:
                self.notify(notice, title="People", severity="warning", markup=False)

        def saved(done: bool | None) -> None:
            if done:
                self.notify(
                    f"Saved the context of {literal(person.name)}", title="People", markup=False
                )

        self.app.push_screen(
            ContextForm.for_person(person, person_context(self.db, person), save), saved
        )

    def action_archive(self) -> None:
        """Archive the selected person after asking, or unarchive an archived one."""
        from leadtui.tui.dialogs.confirm import ConfirmScreen

        person = self.selected()
        if person is None:
            return
        if not person.active:
            self._apply(lambda: people_service.unarchive_person(self.db, person.id), "Unarchived")
            return

        def answered(yes: bool | None) -> None:
            if yes:
                archived = self._apply(
                    lambda: people_service.archive_person(self.db, person.id, self.today),
                    "Archived",
                )
                if archived is not None:
                    self._propose_ending(person, archived)

        self.app.push_screen(
            ConfirmScreen(
                f"Archive {literal(person.name)}?",
                f"They leave the lists; their history stays. Press {self._key('archived')} "
                f"to see archived people and {self._key('archive')} again to unarchive.",
                yes="Archive",
            ),
            answered,
        )

    def _apply(self, change: Callable[[], Person], verb: str) -> Person | None:
        person = self.guarded(change)
        if person is None:
            return None
        self.refresh_data()
        self.notify(f"{verb} {literal(person.name)}", title="People", markup=False)
        if not person.active:
            self._left_behind(person)
        return person

    def _propose_ending(self, before: Person, after: Person) -> None:
        """Ask whether to end the 1:1 series of someone just archived or no longer a
        report: "I strongly recommend against these sorts of prolonged departures."
        Nothing ends unless the user says yes."""
        from leadtui.domain.oneonones import SeriesStatus
        from leadtui.services.oneonones import departure, set_series_status
        from leadtui.tui.dialogs.confirm import ConfirmScreen

        found = departure(self.db, before, after)
        if found is None:
            return

        def answered(yes: bool | None) -> None:
            if yes and self.guarded(
                lambda: set_series_status(self.db, after, self.today, SeriesStatus.ENDED)
            ):
                self.notify(
                    f"Ended the 1:1 series with {literal(after.name)}; its history stays",
                    title="One-on-ones",
                    markup=False,
                )

        self.app.push_screen(
            ConfirmScreen(
                f"End the 1:1 series with {literal(after.name)}?",
                literal(found.message()),
                yes="End series",
            ),
            answered,
        )

    def _left_behind(self, person: Person) -> None:
        """Say which seats and host turns the person just archived still holds: leaving
        does not change the plan by itself."""
        from leadtui.services.rotation_feeds import left_behind

        for held in left_behind(self.db, person.id, self.today):
            self.notify(
                f"{literal(held.warning.words.as_shown(self.today))}; on Rotations (W), "
                "R hands it over",
                title="Rotations",
                severity="warning",
                markup=False,
            )
