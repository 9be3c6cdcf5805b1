"""The People screen's table: one row per person, drawn from the people it is given."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import events

from leadtui.domain.dates import short_day_label
from leadtui.domain.people import Person
from leadtui.domain.text import literal
from leadtui.tui.widgets.key_table import KeyTable, name_cell
from leadtui.tui.widgets.themed import Themed

# Below this many columns the table leaves out Level (the form still shows it), so the
# other columns fit an 80-column terminal whole.
NARROW = 90
TITLE_WIDTH = 18


class PeopleTable(KeyTable, Themed):
    """People with relation, title, level, team and start date; archived people muted."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"people-table--archived"}

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.people: list[Person] = []
        # People who share a name with someone else (stored so by an earlier version).
        self.shared: frozenset[int] = frozenset()
        self.today: date | None = None
        self._narrow: bool | None = None

    def show(
        self,
        people: list[Person],
        today: date,
        select_id: int | None = None,
        shared: frozenset[int] = frozenset(),
    ) -> None:
        """Draw ``people``, keeping the cursor on ``select_id`` (or on the person it was
        on) when they are still shown; those in ``shared`` are marked as sharing a name."""
        keep = select_id if select_id is not None else self.selected_id()
        self.people, self.today, self.shared = people, today, shared
        self.build()
        if keep is not None and str(keep) in self.rows:
            self.move_cursor(row=self.get_row_index(str(keep)))

    def selected_id(self) -> int | None:
        """The id of the person under the cursor."""
        if self.row_count == 0:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return int(key) if key is not None else None

    def rebuild(self) -> None:
        """Lay out the columns for the width and draw a row per person."""
        narrow = self.size.width < NARROW if self.size.width else self.app.size.width < NARROW
        if narrow != self._narrow:
            self._narrow = narrow
            self.clear(columns=True)
            names = ("Name", "Relation", "Title", "Team", "Started")
            if narrow:
                # Titles are the longest column: cut at a width that fits 80 columns.
                for heading in names:
                    width = TITLE_WIDTH if heading == "Title" else None
                    self.add_column(heading, key=heading, width=width)
            else:
                self.add_columns(*names[:3], "Level", *names[3:])
        else:
            self.clear()
        archived = self.styled("people-table--archived")
        for person in self.people:
            style = archived if not person.active else ""
            name = name_cell(person.name, style)
            if not person.active:
                name.append(" (archived)")
            if person.id in self.shared:
                name.append(" ⚠ same name", style="bold")
            started = short_day_label(person.started_on, self.today) if person.started_on else ""
            cells = [
                name,
                Text(person.relation.value, style=style),
                Text(literal(person.title or ""), style=style, overflow="ellipsis", no_wrap=True),
                Text(literal(person.level or ""), style=style),
                Text(literal(person.team or ""), style=style),
                Text(started, style=style),
            ]
            if narrow:
                del cells[3]
            self.add_row(*cells, key=str(person.id))

    def on_resize(self, event: events.Resize) -> None:
        """Across the narrow width, lay the columns out again from the people held."""
        if self._narrow is not None and (event.size.width < NARROW) != self._narrow:
            keep = self.selected_id()
            self.rebuild()
            if keep is not None and str(keep) in self.rows:
                self.move_cursor(row=self.get_row_index(str(keep)))
