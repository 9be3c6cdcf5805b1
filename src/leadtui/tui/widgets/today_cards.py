"""Today's cards: focusable lists of lines; enter on a line posts where it leads.

Each card is given the whole Today overview and draws its part; it never reads the
database. A line that leads somewhere carries the message to post (``OpenPerson``,
``OpenScreen``); a line without one is a heading the cursor skips.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import ClassVar, NamedTuple

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Offset, Region
from textual.message import Message
from textual.widget import Widget

from leadtui.domain.dates import short_day_label
from leadtui.domain.energy import level_kind
from leadtui.domain.oneonones import Side
from leadtui.domain.people import Person, Relation
from leadtui.domain.text import literal, plural
from leadtui.services.today import TodayOverview
from leadtui.tui.widgets.energy_words import STATE_MOOD, verdict_headline

RELATION_HEADINGS = {
    Relation.REPORT: "Reports",
    Relation.PEER: "Peers",
    Relation.MANAGER: "Manager",
    Relation.SKIP: "Skip-levels",
    Relation.OTHER: "Others",
}
# Names in the People card are cut to this many columns (as many as a long full name).
NAME_WIDTH = 22
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


class CardList(Widget, can_focus=True):
    """A bordered card of one-row lines; up/down (or j/k) move, enter or a click opens.

    The whole card is one Text, drawn in one go: Today is the first screen, and a list
    widget drawing each line apart made start-up measurably slower. Lines are built
    when drawn, from the overview held and the component classes' current styles, so a
    theme change restyles them.
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

    def show(self, overview: TodayOverview) -> None:
        """Draw this card's part of ``overview``."""
        self.overview = overview
        self._card_lines = self.lines(overview)
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
        component = f"card--{mood}"
        partial = self.get_component_rich_style(component, partial=True)
        colour = self.get_component_rich_style(component).color if partial.color else None
        return Style(color=colour, bold=partial.bold, italic=partial.italic)

    def text(self, text: str, mood: str = "") -> Text:
        """``text`` in one of the card's moods."""
        return Text(text, style=self.styled(mood) if mood else "")

    def person(self, person: Person, mode: str, detail: str = "") -> CardLine:
        """A person's line, opening them on ``mode``'s screen, with a muted detail."""
        return CardLine(
            Text(literal(person.name)),
            self.text(detail, "muted") if detail else None,
            _open_person(mode, person),
        )

    def more(self, count: int, mode: str) -> list[CardLine]:
        """A "+N more" line when a list was cut, leading to the screen with all of it."""
        if count <= CARD_NAMES:
            return []
        more = self.text(f"+{count - CARD_NAMES} more", "muted")
        return [CardLine(more, opens=partial(OpenScreen, mode))]

    def render(self) -> Text:
        """The lines, a detail at the right edge, the cursor's line tinted when focused."""
        if self.overview is not None:
            # Built again here so the component styles are the theme's of this moment.
            self._card_lines = self.lines(self.overview)
        width = max(self.content_region.width, 1)
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


def _open_person(mode: str, person: Person) -> Callable[[], Message]:
    return partial(OpenPerson, mode, person.id)


class OneOnOneCard(CardList):
    """Today's and this week's 1:1s, overdue series, overdue actions, commitments kept."""

    TITLE = "One-on-ones"

    def lines(self, overview: TodayOverview) -> list[CardLine]:
        """Each person line opens their running document."""
        card = overview.oneonones
        screen = partial(OpenScreen, "oneonones")
        if card is None or not (
            card.this_week or card.overdue_series or any(k.due for k in card.kept.values())
        ):
            return [
                CardLine(self.text("No 1:1 series yet.", "muted"), opens=screen),
                CardLine(self.text("o, then s sets one up", "muted"), opens=screen),
            ]
        lines: list[CardLine] = []
        today = overview.today
        todays = [(p, s) for p, s, d in card.this_week if d == today]
        if todays:
            lines.append(CardLine(self.text("Today", "heading")))
            lines += [self.person(p, "oneonones", s.at_time) for p, s in todays[:CARD_NAMES]]
            lines += self.more(len(todays), "oneonones")
        else:
            lines.append(CardLine(self.text("No 1:1 today", "muted")))
        later = [(p, d) for p, _, d in card.this_week if d != today]
        if later:
            lines.append(CardLine(self.text("Later this week", "heading")))
            lines += [
                self.person(p, "oneonones", short_day_label(d, today))
                for p, d in later[:CARD_NAMES]
            ]
            lines += self.more(len(later), "oneonones")
        if card.overdue_series:
            lines.append(CardLine(self.text("Overdue", "alert")))
            lines += [self.person(p, "oneonones") for p in card.overdue_series[:CARD_NAMES]]
            lines += self.more(len(card.overdue_series), "oneonones")
        mine, theirs = card.overdue_actions[Side.ME], card.overdue_actions[Side.THEM]
        if mine or theirs:
            actions = f"Actions overdue: mine {mine} · theirs {theirs}"
            lines.append(CardLine(self.text(actions, "alert" if mine else ""), opens=screen))
        kept = [
            f"{side.value} {card.kept[side].kept}/{card.kept[side].due}"
            for side in (Side.ME, Side.THEM)
            if card.kept[side].due
        ]
        if kept:
            kept_text = self.text(f"Kept: {' · '.join(kept)}", "muted")
            lines.append(CardLine(kept_text, opens=screen))
        return lines


class ReviewsCard(CardList):
    """T3B3s not delivered this half with the weeks left; reports without feedback for
    30 days. Each person line opens their review."""

    TITLE = "Reviews"

    def lines(self, overview: TodayOverview) -> list[CardLine]:
        """The half, then the two lists of people."""
        card = overview.reviews
        screen = partial(OpenScreen, "reviews")
        if card is None or not overview.people_by_relation.get(Relation.REPORT):
            return [
                CardLine(self.text("No reports yet.", "muted"), opens=screen),
                CardLine(self.text("T3B3s are for reports.", "muted"), opens=screen),
            ]
        weeks = plural(card.weeks_left, "week")
        half = self.text(f"{card.half.label} · {weeks} left", "heading")
        lines = [CardLine(half, opens=screen)]
        if card.due:
            lines.append(CardLine(self.text(f"T3B3 to deliver: {len(card.due)}", "heading")))
            lines += [self.person(p, "reviews", status) for p, status in card.due[:CARD_NAMES]]
            lines += self.more(len(card.due), "reviews")
        else:
            lines.append(CardLine(self.text("Every T3B3 delivered ✓", "good"), opens=screen))
        if card.quiet:
            lines.append(CardLine(self.text("No feedback in 30 days:", "heading")))
            lines += [
                self.person(
                    p, "reviews", short_day_label(last, overview.today) if last else "never"
                )
                for p, last in card.quiet[:CARD_NAMES]
            ]
            lines += self.more(len(card.quiet), "reviews")
        return lines


class EnergyCard(CardList):
    """Whether today's energy is logged, and the verdict in words; every line opens the
    Energy screen."""

    TITLE = "Energy"

    def lines(self, overview: TodayOverview) -> list[CardLine]:
        """Today's number (or a nudge to log it) and the verdict."""
        screen = partial(OpenScreen, "energy")
        entry = overview.energy_today
        verdict = overview.energy_verdict
        lines: list[CardLine] = []
        if entry is None:
            lines.append(CardLine(self.text("Energy not logged today.", "alert"), opens=screen))
            lines.append(CardLine(self.text("E, then 1–5 to log it", "muted"), opens=screen))
        else:
            kind = level_kind(entry.level, verdict.thresholds) if verdict else None
            said = f"Today: {entry.level}" + (f" · {kind}" if kind else "")
            lines.append(CardLine(self.text(said, "heading"), opens=screen))
        if verdict is not None:
            headline = self.text(verdict_headline(verdict, short=True), STATE_MOOD[verdict.state])
            lines.append(CardLine(headline, opens=screen))
        return lines


class PeopleCard(CardList):
    """People grouped by relation, one line each, names exactly as typed; enter on a
    person opens their running 1:1 document. Its container carries the title."""

    def lines(self, overview: TodayOverview) -> list[CardLine]:
        """A heading per relation, then a line per person: name, title · team.

        Names take the width of the longest (at most NAME_WIDTH), so details line up;
        a line too long for the card ends in an ellipsis.
        """
        muted = self.styled("muted")
        lines: list[CardLine] = []
        for relation, people in overview.people_by_relation.items():
            if lines:
                lines.append(CardLine(Text("")))
            heading = f"{RELATION_HEADINGS[relation]} · {len(people)}"
            lines.append(CardLine(self.text(heading, "heading")))
            width = min(NAME_WIDTH, max(cell_len(literal(p.name)) for p in people))
            for person in people:
                line = Text(literal(person.name), end="")
                line.truncate(width, overflow="ellipsis", pad=True)
                detail = " · ".join(literal(x) for x in (person.title, person.team) if x)
                if detail:
                    line.append("  ")
                    line.append(detail, style=muted)
                lines.append(CardLine(line, opens=_open_person("oneonones", person)))
        if overview.archived_count:
            archived = f"{overview.archived_count} archived: p, then h shows them"
            lines.append(CardLine(Text("")))
            lines.append(
                CardLine(self.text(archived, "muted"), opens=partial(OpenScreen, "people"))
            )
        return lines


class Ritual(NamedTuple):
    """A ritual without a card on Today yet: its screen's mode, name and what it holds."""

    mode: str
    name: str
    blurb: str


class MoreCard(CardList):
    """The rituals without a card of their own: a line each with its screen's key,
    opening the screen (``keys``: the app's screens by mode)."""

    TITLE = "More rituals"

    def __init__(self, rituals: tuple[Ritual, ...], keys: dict[str, str]) -> None:
        super().__init__(classes="card")
        self.rituals = rituals
        self.keys = keys

    def lines(self, overview: TodayOverview) -> list[CardLine]:
        """A line per ritual; one still to come says so."""
        lines: list[CardLine] = []
        for ritual in self.rituals:
            line = self.text(ritual.name, "heading")
            line.append_text(self.text(f": {ritual.blurb}", "muted"))
            key = self.keys.get(ritual.mode)
            if key is None:
                lines.append(CardLine(line, self.text("later", "muted")))
            else:
                detail = self.text(key, "heading")
                lines.append(CardLine(line, detail, partial(OpenScreen, ritual.mode)))
        return lines
