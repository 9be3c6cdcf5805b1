"""The hits of a search as a table: day, kind, person, private mark and the snippet with
its matched words in bold. Renders what it is given; choosing a row posts a message."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from rich.text import Text
from textual.message import Message
from textual.widgets import DataTable

from leadtui.domain.dates import day_label
from leadtui.domain.text import literal
from leadtui.tui.widgets.key_table import name_cell

if TYPE_CHECKING:
    from leadtui.services.search import SearchHit

PRIVATE_MARK = "private"
# Before the table has a size (or when it is very narrow), the snippet still shows this much.
MIN_SNIPPET = 20


def snippet_text(hit: SearchHit, width: int | None = None) -> Text:
    """The snippet on one line, matched words bold (stored text shown literally); with a
    ``width``, cut around the first match so the match is in view."""
    text = Text(no_wrap=True, overflow="ellipsis")
    parts = hit.snippet.parts() if width is None else hit.snippet.around_match(width)
    for piece, matched in parts:
        text.append(literal(piece), style="bold" if matched else "")
    return text


class SearchResults(DataTable[object]):
    """One row per hit, newest (or best) first."""

    class HitChosen(Message):
        """Enter (or a click) on a hit."""

        def __init__(self, hit: SearchHit) -> None:
            super().__init__()
            self.hit = hit

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self.hits: list[SearchHit] = []
        self.today: date | None = None

    def on_mount(self) -> None:
        """The columns, once."""
        self.add_column("When", key="when", width=10)
        self.add_column("Kind", key="kind", width=8)
        self.add_column("Person", key="person", width=16)
        self.add_column("", key="private", width=7)
        self.add_column("Text", key="text")

    def snippet_width(self) -> int | None:
        """What is left of the table's width for the snippet (None: not laid out yet)."""
        # The scrollbar is kept out of it even before it shows: the first page of hits
        # is what brings it, and a resize of the content does not redraw the rows.
        width = self.content_region.width - self.styles.scrollbar_size_vertical
        if self.show_vertical_scrollbar:
            width = self.scrollable_content_region.width
        if width <= 0:
            return None
        others = sum(
            column.get_render_width(self)
            for key, column in self.columns.items()
            if key.value != "text"
        )
        return max(MIN_SNIPPET, width - others - 2 * self.cell_padding)

    def on_resize(self) -> None:
        """Cut the snippets again for the new width."""
        if self.hits and self.today is not None:
            cursor = self.cursor_row
            self.show(self.hits, self.today)
            self.move_cursor(row=cursor)

    def show(self, hits: Sequence[SearchHit], today: date) -> None:
        """Replace the rows with ``hits``."""
        self.hits = list(hits)
        self.today = today
        self.clear()
        width = self.snippet_width()
        for n, hit in enumerate(self.hits):
            self.add_row(
                Text(day_label(hit.date, today) if hit.date else "current", style="dim"),
                hit.kind.value,
                name_cell(hit.person or "—"),
                Text(PRIVATE_MARK, style="italic") if hit.private else "",
                snippet_text(hit, width),
                key=str(n),
            )

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a row: say which hit."""
        event.stop()
        row = event.cursor_row
        if 0 <= row < len(self.hits):
            self.post_message(self.HitChosen(self.hits[row]))
