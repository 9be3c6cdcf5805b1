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
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual import events, on
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from leadtui.domain.dates import short_day_label
from leadtui.domain.energy import level_kind
from leadtui.domain.oneonones import Side
from leadtui.domain.people import Person, Relation
from leadtui.domain.text import literal, plural
from leadtui.services.today import TodayOverview
from leadtui.tui.widgets.energy_words import STATE_MOOD, verdict_headline
from leadtui.tui.widgets.themed import Themed

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
    """One line of a card and, when it leads somewhere, the message enter posts."""

    prompt: RenderableType
    opens: Callable[[], Message] | None = None


def person_row(name: str, detail: Text) -> Table:
    """A name and a short detail on one line: the name is cut first, the detail stays
    whole at the right."""
    row = Table.grid(padding=(0, 1), expand=True)
    row.add_column(no_wrap=True, overflow="ellipsis", ratio=1)
    row.add_column(no_wrap=True, justify="right")
    row.add_row(Text(literal(name)), detail)
    return row


class CardList(OptionList, Themed):
    """A bordered card of lines; up/down (or j/k) move, enter opens the line."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Not in the footer, which keeps its room for the screens' keys at 80 columns;
        # Today's heading says "enter: open" and F1 lists it.
        Binding("enter", "select", "Open", show=False, tooltip="Open the line", id="card.open"),
        Binding("j", "cursor_down", "Down", show=False, id="card.down"),
        Binding("k", "cursor_up", "Up", show=False, id="card.up"),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "card--heading",
        "card--muted",
        "card--alert",
        "card--good",
        "card--bad",
    }
    TITLE: ClassVar[str] = ""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, classes=classes)
        self.border_title = self.TITLE
        self.overview: TodayOverview | None = None
        self._card_lines: list[CardLine] = []

    def show(self, overview: TodayOverview) -> None:
        """Draw this card's part of ``overview``."""
        self.overview = overview
        self.build()

    def lines(self, overview: TodayOverview) -> list[CardLine]:
        """The card's lines (subclasses say what they are)."""
        return []

    def text(self, text: str, mood: str = "") -> Text:
        """``text`` in one of the card's moods (heading, muted, alert, good, bad)."""
        return Text(text, style=self.styled(f"card--{mood}") if mood else "")

    def more(self, count: int, shown: int, mode: str) -> list[CardLine]:
        """A "+N more" line when a list was cut, leading to the screen with all of it."""
        if count <= shown:
            return []
        return [CardLine(self.text(f"+{count - shown} more", "muted"), partial(OpenScreen, mode))]

    def rebuild(self) -> None:
        """Draw the lines again, keeping the cursor where it was."""
        if self.overview is None:
            return
        keep = self.highlighted
        self._card_lines = self.lines(self.overview)
        self.set_options(
            Option(line.prompt, disabled=line.opens is None) for line in self._card_lines
        )
        if keep is not None or self.has_focus:
            self._highlight_from(keep or 0)

    def _highlight_from(self, index: int) -> None:
        """Put the cursor on the first line at or after ``index`` that leads somewhere."""
        openable = [i for i, line in enumerate(self._card_lines) if line.opens is not None]
        after = [i for i in openable if i >= index]
        first = after or openable
        self.highlighted = first[0] if first else None

    def on_focus(self, event: events.Focus) -> None:
        """Coming into a card puts the cursor on its first line that leads somewhere."""
        if self.highlighted is None:
            self._highlight_from(0)

    @on(OptionList.OptionSelected)
    def _open(self, event: OptionList.OptionSelected) -> None:
        """Enter or a click: post where the line leads, instead of the list's own message."""
        event.stop()
        opens = self._card_lines[event.option_index].opens
        if opens is not None:
            self.post_message(opens())


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
                CardLine(self.text("No 1:1 series yet.", "muted"), screen),
                CardLine(self.text("o, pick a person, then s to set one up", "muted"), screen),
            ]
        muted = self.styled("card--muted")
        lines: list[CardLine] = []
        today = overview.today
        todays = [(p, s) for p, s, d in card.this_week if d == today]
        if todays:
            lines.append(CardLine(self.text("Today", "heading")))
            for person, series in todays[:CARD_NAMES]:
                row = person_row(person.name, Text(series.at_time, style=muted))
                lines.append(CardLine(row, _open_person("oneonones", person)))
            lines += self.more(len(todays), CARD_NAMES, "oneonones")
        else:
            lines.append(CardLine(self.text("No 1:1 today", "muted")))
        later = [(p, d) for p, _, d in card.this_week if d != today]
        if later:
            lines.append(CardLine(self.text("Later this week", "heading")))
            for person, day in later[:CARD_NAMES]:
                row = person_row(person.name, Text(short_day_label(day, today), style=muted))
                lines.append(CardLine(row, _open_person("oneonones", person)))
            lines += self.more(len(later), CARD_NAMES, "oneonones")
        if card.overdue_series:
            lines.append(CardLine(self.text("Overdue", "alert")))
            for person in card.overdue_series[:CARD_NAMES]:
                lines.append(
                    CardLine(Text(literal(person.name)), _open_person("oneonones", person))
                )
            lines += self.more(len(card.overdue_series), CARD_NAMES, "oneonones")
        mine, theirs = card.overdue_actions[Side.ME], card.overdue_actions[Side.THEM]
        if mine or theirs:
            actions = f"Actions overdue: mine {mine} · theirs {theirs}"
            lines.append(CardLine(self.text(actions, "alert" if mine else ""), screen))
        kept = [
            f"{side.value} {card.kept[side].kept}/{card.kept[side].due}"
            for side in (Side.ME, Side.THEM)
            if card.kept[side].due
        ]
        if kept:
            lines.append(CardLine(self.text(f"Kept: {' · '.join(kept)}", "muted"), screen))
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
                CardLine(self.text("No reports yet.", "muted"), screen),
                CardLine(self.text("T3B3 and feedback are kept for reports.", "muted"), screen),
            ]
        muted = self.styled("card--muted")
        weeks = plural(card.weeks_left, "week")
        lines = [CardLine(self.text(f"{card.half.label} · {weeks} left", "heading"), screen)]
        if card.due:
            lines.append(CardLine(self.text(f"T3B3 to deliver: {len(card.due)}", "heading")))
            for person, status in card.due[:CARD_NAMES]:
                row = person_row(person.name, Text(status, style=muted))
                lines.append(CardLine(row, _open_person("reviews", person)))
            lines += self.more(len(card.due), CARD_NAMES, "reviews")
        else:
            lines.append(CardLine(self.text("Every T3B3 delivered ✓", "good"), screen))
        if card.quiet:
            lines.append(CardLine(self.text("No feedback in 30 days:", "heading")))
            for person, last in card.quiet[:CARD_NAMES]:
                when = short_day_label(last, overview.today) if last else "never"
                row = person_row(person.name, Text(when, style=muted))
                lines.append(CardLine(row, _open_person("reviews", person)))
            lines += self.more(len(card.quiet), CARD_NAMES, "reviews")
        return lines


class EnergyCard(CardList):
    """Whether today's energy is logged, and the verdict in words; every line opens the
    Energy screen."""

    TITLE = "Energy"

    def lines(self, overview: TodayOverview) -> list[CardLine]:
        """Today's number (or a nudge to log it) and the verdict."""
        screen = partial(OpenScreen, "energy")
        entry = overview.energy_today
        lines: list[CardLine] = []
        if entry is None:
            lines.append(CardLine(self.text("Energy not logged today.", "alert"), screen))
            lines.append(CardLine(self.text("E, then 1–5 to log it", "muted"), screen))
        else:
            verdict = overview.energy_verdict
            kind = level_kind(entry.level, verdict.thresholds) if verdict else None
            said = f"Today: {entry.level}" + (f" · {kind}" if kind else "")
            lines.append(CardLine(self.text(said, "heading"), screen))
        verdict = overview.energy_verdict
        if verdict is not None:
            mood = STATE_MOOD[verdict.state]
            lines.append(CardLine(self.text(verdict_headline(verdict), mood), screen))
        return lines


class PeopleCard(CardList):
    """People grouped by relation, one line each, names exactly as typed; enter on a
    person opens their running 1:1 document."""

    TITLE = "People"

    def show(self, overview: TodayOverview) -> None:
        """Draw the people and count them in the title."""
        self.border_title = f"People · {overview.people_count}"
        super().show(overview)

    def lines(self, overview: TodayOverview) -> list[CardLine]:
        """A heading per relation, then a line per person: name, title · team.

        Names take the width of the longest (at most NAME_WIDTH), so details line up;
        the card's CSS cuts a line too long for it with an ellipsis.
        """
        muted = self.styled("card--muted")
        lines: list[CardLine] = []
        for relation, people in overview.people_by_relation.items():
            if lines:
                lines.append(CardLine(Text("")))
            heading = f"{RELATION_HEADINGS[relation]} · {len(people)}"
            lines.append(CardLine(self.text(heading, "heading")))
            width = min(NAME_WIDTH, max(cell_len(literal(p.name)) for p in people))
            for person in people:
                line = Text(literal(person.name), no_wrap=True, end="")
                line.truncate(width, overflow="ellipsis", pad=True)
                detail = " · ".join(literal(x) for x in (person.title, person.team) if x)
                if detail:
                    line.append("  ")
                    line.append(detail, style=muted)
                lines.append(CardLine(line, _open_person("oneonones", person)))
        if overview.archived_count:
            archived = f"{overview.archived_count} archived: p, then h shows them"
            lines.append(CardLine(Text("")))
            lines.append(CardLine(self.text(archived, "muted"), partial(OpenScreen, "people")))
        return lines
