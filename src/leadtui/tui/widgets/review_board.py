"""The T3B3 board: a row per report, a column per half, and when they last heard feedback."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.message import Message
from textual.widgets import DataTable

from leadtui.domain.dates import Half, short_day_label
from leadtui.domain.reviews import T3B3, T3B3Status
from leadtui.domain.text import plural
from leadtui.services.reviews import ReviewBoard
from leadtui.tui.widgets.key_table import KeyTable, name_cell
from leadtui.tui.widgets.styled_text import Part, StyledCell


def last_given(day: date | None, today: date) -> str:
    """The day feedback was last given as every screen writes a day ("23 Oct", with the
    year when it is not this year's), or ``never``."""
    return short_day_label(day, today) if day is not None else "never"


def no_reports(anyone: bool, go_people: str, add: str) -> Text:
    """What the screen shows instead of the board when there is nobody to review;
    ``go_people`` and ``add`` are the keys that open People and add a person there."""
    first = "Nobody here has the relation 'report' yet." if anyone else "Nobody here yet."
    return Text.assemble(
        ("No reports to review\n\n", "bold"),
        first,
        " T3B3 is written twice a year for each direct report: their top three strengths "
        "and bottom three areas to grow.\n\n",
        f"Add a report on the People screen ({go_people}, then {add}, relation report), "
        "or from the shell:\n",
        ('  leadtui people add "Sam Okafor" --relation report\n', "bold"),
        "Try it all on a sample team with ",
        ("leadtui demo --db demo.db", "bold"),
        ".",
    )


class T3B3Board(KeyTable):
    """Reports by half: given a :class:`~leadtui.services.reviews.ReviewBoard`, it shows
    each report's T3B3 state in the half being looked at and the two before it.

    When all three halves do not fit its width it shows the last two, with the delivery
    without the word "delivered", and goes back to three when they fit again: its own
    layout, redrawn from what it holds.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "t3b3-board--none",
        "t3b3-board--draft",
        "t3b3-board--draft-other",
        "t3b3-board--ready",
        "t3b3-board--delivered",
        "t3b3-board--surprise",
        "t3b3-board--quiet",
    }

    class PersonHighlighted(Message):
        """The cursor moved to a report's row."""

        def __init__(self, person_id: int) -> None:
            super().__init__()
            self.person_id = person_id

    class PersonSelected(Message):
        """Enter (or a click) on a report's row."""

        def __init__(self, person_id: int) -> None:
            super().__init__()
            self.person_id = person_id

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        super().__init__(id=id, cursor_type="row")
        self.board: ReviewBoard | None = None
        self.half: Half | None = None
        self._compact: bool | None = None

    def show(self, board: ReviewBoard, half: Half, person_id: int | None) -> int:
        """Show ``board`` with ``half`` as the half being looked at and the cursor on
        ``person_id`` (or the first report, when they are not on it); return who the
        cursor is on. The board has at least one report."""
        self.board, self.half = board, half
        self.border_title = f"T3B3 by half · {plural(len(board.reports), 'report')}"
        self.border_subtitle = "enter: edit · < > half"
        return self._build(person_id, self._too_narrow())

    @property
    def person_id(self) -> int | None:
        """The report under the cursor."""
        if self.row_count == 0:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return None if key is None else int(key)

    def _columns(self, compact: bool) -> list[tuple[str, Text, list[StyledCell]]]:
        """Each column's key, header and cells."""
        board, half = self.board, self.half
        assert board is not None and half is not None
        halves = board.halves[-2:] if compact else board.halves
        columns = [
            ("person", Text("Report"), [self._cell(name_cell(p.name).plain) for p in board.reports])
        ]
        for h in halves:
            title = h.label + (" · now" if h == board.this_half else "")
            cells = [
                self._record(board.record(p, h), h == half, compact, board.overdue(p, h))
                for p in board.reports
            ]
            columns.append((h.label, Text(title), cells))
        last = [
            self._cell(
                (
                    last_given(board.last_given.get(p.id), board.today),
                    "t3b3-board--quiet" if board.quiet(p) else "",
                )
            )
            for p in board.reports
        ]
        columns.append(("last", Text("Feedback" if compact else "Last feedback"), last))
        return columns

    def _cell(self, *parts: Part | str) -> StyledCell:
        return StyledCell(self, *parts)

    def _record(
        self, record: T3B3 | None, looking: bool, compact: bool, overdue: bool = False
    ) -> StyledCell:
        if overdue:  # the half ended without a delivery: overdue until delivered or dismissed
            words = "overdue" if record is None else f"overdue {record.filled}/6"
            return self._cell((words, "t3b3-board--surprise"))
        if record is not None and record.dismissed_on is not None:
            return self._cell(("dismissed", "t3b3-board--none"))
        if record is None or (record.filled == 0 and record.delivered_on is None):
            return self._cell(("—", "t3b3-board--none"))
        if record.delivery is not None:
            words = f"✓ {record.delivery}" if compact else record.status_text()
            return self._cell((words, "t3b3-board--delivered"))
        ready = record.status is T3B3Status.READY
        state = (
            "t3b3-board--ready"
            if ready
            else "t3b3-board--draft"
            if looking
            else "t3b3-board--draft-other"
        )
        parts: list[Part] = [(record.status_text(), state)]
        surprises = len(record.surprises())
        if surprises:
            parts.append((f" ⚠{surprises}", "t3b3-board--surprise"))
        return self._cell(*parts)

    def _width(self, compact: bool) -> int:
        """The cells the columns take, with a cell of padding either side of each."""
        return sum(
            max([header.cell_len, *(c.cell_len for c in cells)]) + 2 * self.cell_padding
            for _, header, cells in self._columns(compact)
        )

    def _too_narrow(self) -> bool:
        # Before the first layout the board has no size yet; the screen's width is near it.
        room = self.size.width or self.app.size.width - 4
        return self.board is not None and self._width(False) > room

    def _build(self, person_id: int | None, compact: bool) -> int:
        board = self.board
        assert board is not None
        self._compact = compact
        self.clear(columns=True)
        columns = self._columns(compact)
        for key, header, cells in columns:
            # Widths are measured here: auto widths settle only after the first paint,
            # which can leave the first frame's cells cut to the header's width.
            width = max([header.cell_len, *(c.cell_len for c in cells)])
            self.add_column(header, key=key, width=width)
        for index, person in enumerate(board.reports):
            self.add_row(*(cells[index] for _, _, cells in columns), key=str(person.id))
        ids = [p.id for p in board.reports]
        row = ids.index(person_id) if person_id in ids else 0
        self.move_cursor(row=row)
        return ids[row]

    def on_resize(self, event: events.Resize) -> None:
        """Switch between two and three halves when the width calls for it."""
        if self.board is not None and self._too_narrow() != self._compact:
            self._build(self.person_id, not self._compact)  # the same report stays

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.post_message(self.PersonHighlighted(int(event.row_key.value)))

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.post_message(self.PersonSelected(int(event.row_key.value)))
