"""A DataTable that also moves with j/k and jumps with g/G, as terminal users expect."""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import DataTable

from leadtui.domain.text import literal

# A person's name in a table is cut after this many cells, so one long name never takes
# the other columns' room (at 80 columns it had left People with its Name column only).
NAME_CELLS = 20


def cropped(text: Text, width: int) -> Text:
    """``text`` on one line of at most ``width`` cells, an ellipsis where it was cut."""
    one_line = text.copy()
    one_line.no_wrap = True
    one_line.overflow = "ellipsis"
    one_line.truncate(max(width, 1), overflow="ellipsis")
    return one_line


def name_cell(name: str, style: str | Style = "") -> Text:
    """A person's name as a table cell: shown literally, cut after ``NAME_CELLS`` cells."""
    return cropped(Text(literal(name), style=style), NAME_CELLS)


class KeyTable(DataTable[object]):
    """DataTable with vi-style movement keys."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="table.down"),
        Binding("k", "cursor_up", "Up", show=False, id="table.up"),
        Binding("g", "scroll_top", "First", show=False, id="table.first"),
        Binding("G", "scroll_bottom", "Last", show=False, id="table.last"),
    ]
