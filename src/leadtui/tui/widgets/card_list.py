"""A card: a bordered list of one-row lines; enter on a line posts where it leads.

A line that leads somewhere carries the message to post (``OpenPerson``,
``OpenScreen``); a line without one is a heading the cursor skips. Subclasses say what
the lines are, from the data they were given; the card never reads the database.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, ClassVar, NamedTuple

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Offset, Region
from textual.message import Message
from textual.widget import Widget

from leadtui.domain.text import literal
from leadtui.tui.widgets.themed import Themed

if TYPE_CHECKING:
    from leadtui.domain.people import Person
    from leadtui.services.today import TodayOverview

# A card names this many people per list, then "+N more" (cards stay compact).
CARD_NAMES = 3


class OpenScreen(Message):
    """Go to a top-level screen, by its mode ("energy", "reviews" …)."""

    def __init__(self, mode: str) -> None:
        self.mode = mode
        super().__init__()


class OpenPerson(Message):
    """Go to a screen with one person selected: their running 1:1 document
    ("oneonones") or their T3B3 ("reviews")."""

    def __init__(self, mode: str, person_id: int) -> None:
        self.mode = mode
        self.person_id = person_id
        super().__init__()


class CardLine(NamedTuple):
    """One line of a card: its words, a detail kept whole at the right (a status, a
    date), and, when the line leads somewhere, the message enter posts."""

    text: Text
    detail: Text | None = None
    opens: Callable[[], Message] | None = None


class CardList(Themed, can_focus=True):
    """A bordered card of one-row lines; up/down (or j/k) move, enter or a click opens.

    The whole card is one Text, drawn in one go: Today is the first screen, and a list
    widget drawing each line apart made start-up measurably slower. The lines are built
    when the card is given an overview, and again on a theme change (see Themed); a
    drawing is kept until the width, the cursor or the focus changes.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        # Not in the footer, which keeps its room for the screens' keys at 80 columns;
        # Today's heading says "enter: open" and F1 lists it.
        Binding("enter", "open", "Open", show=False, tooltip="Open the line", id="card.open"),
        Binding("down,j", "move(1)", "Down", show=False, id="card.down"),
        Binding("up,k", "move(-1)", "Up", show=False, id="card.up"),
        Binding("home", "move(-1000)", "First", show=False, id="card.first"),
        Binding("end", "move(1000)", "Last", show=False, id="card.last"),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "card--heading",
        "card--muted",
        "card--alert",
        "card--good",
        "card--bad",
        "card--cursor",
    }
    TITLE: ClassVar[str] = ""

    def __init__(self, *, title: str | None = None, classes: str | None = None) -> None:
        super().__init__(classes=classes)
        self.border_title = self.TITLE if title is None else title
        self.overview: TodayOverview | None = None
        self.cursor: int | None = None
        self._card_lines: list[CardLine] = []
        self._moods: dict[str, Style] = {}
        self._drawn: tuple[tuple[int, int | None, bool], Text] | None = None

    def show(self, overview: TodayOverview) -> None:
        """Draw this card's part of ``overview``."""
        self.overview = overview
        self.build()

    def rebuild(self) -> None:
        """Build the lines from the overview held, in this moment's theme."""
        if self.overview is None:
            return
        self._moods.clear()
        self._card_lines = self.lines(self.overview)
        self._drawn = None
        if self.cursor is not None or self.has_focus:
            self.cursor = self._openable(self.cursor or 0, 1)
        self.refresh(layout=True)

    def lines(self, overview: TodayOverview) -> list[CardLine]:
        """The card's lines (subclasses say what they are)."""
        return []

    def styled(self, mood: str) -> Style:
        """The colour and text style of a mood (heading, muted, alert, good, bad).

        No background, so the cursor's shows under coloured words; the colour comes
        from the full style, which blends a translucent theme colour (``$text-muted``)
        over the card's background.
        """
        if mood not in self._moods:
            self._moods[mood] = super().styled(f"card--{mood}")
        return self._moods[mood]

    def text(self, text: str, mood: str = "") -> Text:
        """``text`` in one of the card's moods."""
        return Text(text, style=self.styled(mood) if mood else "")

    def person(self, person: Person, mode: str, detail: str = "") -> CardLine:
        """A person's line, opening them on ``mode``'s screen, with a muted detail."""
        return CardLine(
            Text(literal(person.name)),
            self.text(detail, "muted") if detail else None,
            partial(OpenPerson, mode, person.id),
        )

    def more(self, count: int, mode: str) -> list[CardLine]:
        """A "+N more" line when a list was cut, leading to the screen with all of it."""
        if count <= CARD_NAMES:
            return []
        more = self.text(f"+{count - CARD_NAMES} more", "muted")
        return [CardLine(more, opens=partial(OpenScreen, mode))]

    def render(self) -> Text:
        """The lines, a detail at the right edge, the cursor's line tinted when focused."""
        width = max(self.content_region.width, 1)
        # Textual asks for the drawing more than once per frame (to measure, to paint).
        key = (width, self.cursor, self.has_focus)
        if self._drawn is not None and self._drawn[0] == key:
            return self._drawn[1]
        # The tint is blended over the card's background (the full style); the words
        # keep their own colours on it.
        tint = self.get_component_rich_style("card--cursor")
        cursor = Style(bgcolor=tint.bgcolor, bold=tint.bold)
        rows = Text(no_wrap=True, overflow="ellipsis", end="")
        for index, line in enumerate(self._card_lines):
            row = line.text.copy()
            if line.detail is not None:
                room = width - line.detail.cell_len - 1
                row.truncate(max(room, 1), overflow="ellipsis", pad=True)
                row.append(" ")
                row.append_text(line.detail)
            if index == self.cursor and self.has_focus:
                row.truncate(width, pad=True)
                row.stylize(cursor)
            if index:
                rows.append("\n")
            rows.append_text(row)
        self._drawn = (key, rows)
        return rows

    def _openable(self, start: int, step: int) -> int | None:
        """The first line from ``start`` in direction ``step`` that leads somewhere, else
        the nearest one the other way, else None."""
        openable = [i for i, line in enumerate(self._card_lines) if line.opens is not None]
        if not openable:
            return None
        ahead = [i for i in openable if (i - start) * step >= 0]
        if ahead:
            return min(ahead, key=lambda i: abs(i - start))
        return min(openable, key=lambda i: abs(i - start))

    def action_move(self, step: int) -> None:
        """Move the cursor to the next (or previous) line that leads somewhere."""
        if self.cursor is None:
            self.cursor = self._openable(0, 1)
        else:
            direction = 1 if step > 0 else -1
            target = min(max(self.cursor + step, 0), max(len(self._card_lines) - 1, 0))
            self.cursor = self._openable(target, direction)
        self.refresh()
        self._scroll_to_cursor()

    def action_open(self) -> None:
        """Post where the cursor's line leads."""
        if self.cursor is not None and self.cursor < len(self._card_lines):
            opens = self._card_lines[self.cursor].opens
            if opens is not None:
                self.post_message(opens())

    def on_focus(self) -> None:
        """Coming into a card puts the cursor on its first line that leads somewhere."""
        if self.cursor is None:
            self.cursor = self._openable(0, 1)
        self._scroll_to_cursor()

    def on_click(self, event: events.Click) -> None:
        """A click on a line that leads somewhere opens it."""
        offset = event.get_content_offset(self)
        if offset is not None and offset.y < len(self._card_lines):
            if self._card_lines[offset.y].opens is not None:
                self.cursor = offset.y
                self.refresh()
                self.action_open()

    def _scroll_to_cursor(self) -> None:
        """Scroll whatever holds the card so the cursor's line is in view (the People
        card is taller than an 80x24 screen); as Textual's scroll_to_widget, for a line."""
        if self.cursor is None or not self.is_mounted:
            return
        widget: Widget = self
        region = self.virtual_region.translate((0, self.gutter.top + self.cursor))
        region = Region(region.x, region.y, region.width, 1)
        while isinstance(widget.parent, Widget) and region:
            container = widget.parent
            offset = Offset(0, 0)
            if widget.styles.dock == "none":
                offset = container.scroll_to_region(region, animate=False, immediate=True)
            region = (
                region.translate(-offset)
                .translate(container.styles.margin.top_left)
                .translate(container.styles.border.spacing.top_left)
                .translate(container.virtual_region_with_margin.offset)
                .intersection(container.virtual_region_with_margin)
            )
            widget = container
