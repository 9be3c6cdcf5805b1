"""Widgets that draw Rich Text in the theme's colours, taken from their component classes."""

from __future__ import annotations

from rich.style import Style
from textual.widget import Widget

from leadtui.tui.widgets.styled_text import component_style


class Themed(Widget):
    """A panel that renders what it was given with styles from its COMPONENT_CLASSES.

    Colours live in the .tcss, against theme variables; the Python side only names the
    component ("card--alert"). Rich Text keeps the colours it was built with, so the
    panel builds itself again when the theme changes, from the data it already holds.

    Put it after the Textual widget it extends (``class Card(OptionList, Themed)``):
    Textual takes CSS type names and component classes along the first base.
    """

    _built_theme: str | None = None

    def rebuild(self) -> None:
        """Render the panel's data again (subclasses draw here)."""

    def build(self) -> None:
        """Render now, and remember the theme it was rendered in."""
        self._built_theme = self.app.theme
        self.rebuild()

    def styled(self, component: str) -> Style:
        """The colour and text style of one of this widget's component classes.

        No background, so a highlighted line keeps its own under coloured words. The
        colour is read from the full style, which blends a translucent theme colour
        (``$text-muted``) over the widget's background.
        """
        return component_style(self, component)

    def notify_style_update(self) -> None:
        """Build again after a theme change; later, since Textual styles the component
        classes just after this call."""
        super().notify_style_update()
        built = self._built_theme
        if built is not None and self.is_attached and built != self.app.theme:
            self._built_theme = self.app.theme
            self.call_later(self.rebuild)
