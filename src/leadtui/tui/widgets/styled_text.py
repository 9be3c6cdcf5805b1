"""Words coloured by a widget's component classes, looked up when they are drawn.

A widget that shows Rich text names a component class for each coloured part
(``t3b3-board--ready``) and the app's stylesheet gives it a theme variable
(``color: $text-primary``). The style is read at draw time, never baked in when the
data arrives, so switching theme restyles what is on screen at once.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.widget import Widget

# A part of a line: its words and the component class that styles them ("" for none).
Part = tuple[str, str]


def component_style(widget: Widget, name: str) -> Style:
    """The colour and text style the stylesheet gives ``widget``'s component ``name``.

    The background is left out so a highlighted row keeps its own under coloured words,
    and so is the colour when the rule sets none (the row's own colour then shows). The
    colour comes from the full style, which blends a translucent theme colour such as
    ``$text-muted`` over the widget's background.
    """
    partial = widget.get_component_rich_style(name, partial=True)
    colour = widget.get_component_rich_style(name).color if partial.color else None
    return Style(
        color=colour,
        bold=partial.bold,
        dim=partial.dim,
        italic=partial.italic,
        underline=partial.underline,
        strike=partial.strike,
    )


def styled(widget: Widget, *parts: Part | str, end: str = "\n") -> Text:
    """A Text of ``parts`` (plain strings, or words and a component class) styled now."""
    text = Text(end=end)
    for part in parts:
        words, name = (part, "") if isinstance(part, str) else part
        text.append(words, component_style(widget, name) if name else None)
    return text


class StyledCell:
    """A table cell that is styled when drawn (see the module docstring).

    ``str()`` is the plain text, which is what a table's ``get_cell`` shows in tests and
    what its column width is measured from.
    """

    __slots__ = ("parts", "widget")

    def __init__(self, widget: Widget, *parts: Part | str) -> None:
        self.widget = widget
        self.parts = parts

    @property
    def plain(self) -> str:
        """The words without styles."""
        return "".join(p if isinstance(p, str) else p[0] for p in self.parts)

    @property
    def cell_len(self) -> int:
        """How many terminal cells the words take."""
        return cell_len(self.plain)

    def __str__(self) -> str:
        return self.plain

    def __rich__(self) -> Text:
        # No line end: a table cell is exactly its words.
        return styled(self.widget, *self.parts, end="")
