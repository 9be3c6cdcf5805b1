"""Rich Text in a widget's theme colours, for widgets that draw Text themselves.

A widget names a component class for each coloured part ("running-document--overdue")
and the screen's stylesheet gives it a theme variable (``color: $text-error``), so no
colour is written in Python and a new theme restyles the widget when it builds again.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.widget import Widget


def rich_style(widget: Widget, component: str) -> Style:
    """The colour and text style the stylesheet gives ``widget``'s ``component`` class.

    No background, so a highlighted table row keeps its own under coloured words. The
    colour comes from the full style, which blends a translucent theme colour (such as
    ``$text-muted``) over the widget's background; a rule without one leaves it unset.
    """
    partial = widget.get_component_rich_style(component, partial=True)
    colour = widget.get_component_rich_style(component).color if partial.color else None
    return Style(
        color=colour,
        bold=partial.bold,
        dim=partial.dim,
        italic=partial.italic,
        underline=partial.underline,
        strike=partial.strike,
    )


def cropped(text: Text, width: int) -> Text:
    """``text`` on one line of at most ``width`` cells, an ellipsis where it was cut."""
    one_line = text.copy()
    one_line.no_wrap = True
    one_line.overflow = "ellipsis"
    one_line.truncate(max(width, 1), overflow="ellipsis")
    return one_line
