"""The One-on-ones people list: everyone and when you next meet them.

It renders the listing it is given (:meth:`OneOnOneList.show`) and says which person
the cursor is on with :class:`OneOnOneList.PersonHighlighted`; enter posts
:class:`OneOnOneList.PersonSelected`. The colours are its component classes, styled in
oneonones.tcss from theme variables.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.events import Resize
from textual.message import Message
from textual.theme import Theme

from leadtui.domain.dates import day_label, short_day_label
from leadtui.domain.text import literal
from leadtui.services.oneonones import ListedOneOnOne, Standing
from leadtui.tui.widgets.key_table import KeyTable, cropped
from leadtui.tui.widgets.styled_text import component_style

# Short words for a standing without a date: the column stays narrow. Someone with
# nothing written yet has an (empty) ad-hoc document like any other.
_WORDS = {
    Standing.OVERDUE: "overdue",
    Standing.AD_HOC: "ad hoc",
    Standing.NOT_SCHEDULED: "not scheduled",
    Standing.PAUSED: "paused",
    Standing.ENDED: "ended",
    Standing.NO_SERIES: "ad hoc",
}
# Below this many cells for names, the day loses its weekday ("7 Dec", not "Mon 7 Dec").
_ROOMY_NAMES = 16


class OneOnOneList(KeyTable):
    """A table of people and their next 1:1, in the order given."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "oneonone-list--overdue",
        "oneonone-list--muted",
    }

    class PersonHighlighted(Message):
        """The cursor is on a person (after moving, or when the list is shown)."""

        def __init__(self, person_id: int) -> None:
            super().__init__()
            self.person_id = person_id

    class PersonSelected(Message):
        """Enter on a person: open their document."""

        def __init__(self, person_id: int) -> None:
            super().__init__()
            self.person_id = person_id

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        super().__init__(id=id, cursor_type="row")
        self._listing: tuple[ListedOneOnOne, ...] = ()
        self._today: date | None = None

    def on_mount(self) -> None:
        """Build the rows again when the theme changes: their colours come from it."""
        self.app.theme_changed_signal.subscribe(self, self._restyle)

    def _restyle(self, _theme: Theme) -> None:
        self.refresh()  # drops the cached component styles
        self._fill()

    def show(self, listing: Sequence[ListedOneOnOne], today: date, person_id: int | None) -> None:
        """Show ``listing`` with the cursor on ``person_id`` (or the first person)."""
        self._listing = tuple(listing)
        self._today = today
        self._fill(person_id)

    @property
    def person_id(self) -> int | None:
        """The person under the cursor, if any."""
        if not self._listing:
            return None
        return self._listing[min(self.cursor_row, len(self._listing) - 1)].person.id

    def _next(self, row: ListedOneOnOne, short: bool) -> Text:
        if row.standing is Standing.SCHEDULED and row.next_on is not None:
            label = short_day_label if short else day_label
            return Text(label(row.next_on, self._today))
        style = "overdue" if row.standing is Standing.OVERDUE else "muted"
        return Text(_WORDS[row.standing], component_style(self, f"oneonone-list--{style}"))

    def _fill(self, person_id: int | None = None) -> None:
        keep = self.person_id if person_id is None else person_id
        # The columns are sized to this listing and this width: a long name is cut with
        # an ellipsis rather than pushing the next date out of view.
        room = max(self.size.width, 24) - 2 * self.cell_padding * 2
        if len(self._listing) + 1 > self.size.height:  # the header and rows overflow
            room -= self.styles.scrollbar_size_vertical
        short = False
        nexts = [self._next(row, short) for row in self._listing]
        next_width = max([cell_len("Next"), *(n.cell_len for n in nexts)])
        if room - next_width < _ROOMY_NAMES:
            short = True
            nexts = [self._next(row, short) for row in self._listing]
            next_width = max([cell_len("Next"), *(n.cell_len for n in nexts)])
        name_width = max(room - next_width, 6)
        # Filling moves the cursor through the first row: only a person's move is news.
        with self.prevent(KeyTable.RowHighlighted):
            self.clear(columns=True)
            self.add_column("Person", width=name_width)
            self.add_column("Next", width=next_width)
            for row, next_text in zip(self._listing, nexts, strict=True):
                name = cropped(Text(literal(row.person.name)), name_width)
                self.add_row(name, next_text, key=str(row.person.id))
            if keep is not None and str(keep) in self.rows:
                self.move_cursor(row=self.get_row_index(str(keep)), animate=False)

    def on_resize(self, _event: Resize) -> None:
        """Size the columns to the new width."""
        self._fill()

    @on(KeyTable.RowHighlighted)
    def _highlighted(self, event: KeyTable.RowHighlighted) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.post_message(self.PersonHighlighted(int(event.row_key.value)))

    @on(KeyTable.RowSelected)
    def _selected(self, event: KeyTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.post_message(self.PersonSelected(int(event.row_key.value)))
