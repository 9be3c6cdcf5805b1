"""Today: the home screen. People by relation and a place per ritual."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Grid, Horizontal, VerticalScroll
from textual.widgets import Header, Static

from leadtui.domain.energy import EnergyState
from leadtui.domain.oneonones import Side
from leadtui.domain.people import Relation
from leadtui.domain.text import literal
from leadtui.services.today import TodayOverview, today_overview
from leadtui.tui.screens.base import LeadtuiScreen, go_bindings
from leadtui.tui.widgets.footer import Footer

RELATION_HEADINGS = {
    Relation.REPORT: "Reports",
    Relation.PEER: "Peers",
    Relation.MANAGER: "Manager",
    Relation.SKIP: "Skip-levels",
    Relation.OTHER: "Others",
}

# One card per ritual; each ritual's issue replaces its placeholder with live content.
RITUALS = (
    ("oneonones", "One-on-ones", "Running 1:1 documents, open talking points and actions."),
    ("reviews", "Reviews", "Feedback log, top and bottom three per half, review packets."),
    ("energy", "Energy", "One number a day and an honest verdict on balance."),
    ("succession", "Succession", "Gaps, focus areas, meeting audit and vacation cover."),
    ("rotations", "Rotations", "Six-month, two-seat duties and the leadership host."),
)


# Rituals whose card already shows live content; the others say they are still to come.
LIVE_RITUALS = {"energy", "oneonones", "reviews"}

# Names in the People panel are cut to this many columns (as many as a long full name).
NAME_WIDTH = 28

# The Reviews card names this many people per list, then "+N more" (it stays compact).
CARD_NAMES = 3


def welcome_text() -> Text:
    """The first-run message on an empty database."""
    return Text.assemble(
        ("Welcome to leadtui\n\n", "bold"),
        "Your one-on-ones, feedback, energy journal, succession notes and rotations, "
        "kept in one private file on this machine.\n\n",
        ("Start with the people you work with:\n", "bold"),
        "Press p for People, then a to add someone. From the shell:\n",
        ('  leadtui people add "Sam Okafor" --relation report\n\n', "italic"),
        ("Or look around a sample team first:\n", "bold"),
        ("  leadtui demo --db demo.db\n  leadtui --db demo.db\n\n", "italic"),
        "F1 explains any screen; ctrl+p finds every screen and action by name.",
    )


def _cell(text: str, width: int) -> Text:
    """``text`` cut with an ellipsis or padded to exactly ``width`` columns."""
    cell = Text(literal(text))
    cell.truncate(width, overflow="ellipsis", pad=True)
    return cell


def people_panel(overview: TodayOverview) -> Text:
    """People grouped by relation, one line each, names exactly as typed.

    One Text rather than a Rich table per group: Textual draws Text on its own fast
    path, and this panel is on the first screen at start-up. Names take the width of
    the longest (at most NAME_WIDTH); lines longer than the panel end in an ellipsis.
    """
    text = Text(no_wrap=True, overflow="ellipsis", end="")
    for relation, people in overview.people_by_relation.items():
        text.append(f"{RELATION_HEADINGS[relation]} · {len(people)}\n", style="bold")
        width = min(NAME_WIDTH, max(cell_len(literal(p.name)) for p in people))
        for person in people:
            text.append_text(_cell(person.name, width))
            detail = " · ".join(literal(x) for x in (person.title, person.team) if x)
            if detail:
                text.append("  ")
                text.append(detail, style="dim")
            text.append("\n")
        text.append("\n")
    if overview.archived_count:
        text.append(f"{overview.archived_count} archived (People, h)", style="dim")
    else:
        text.rstrip()
    return text


def energy_card(overview: TodayOverview) -> Text:
    """Today's energy: a nudge when not logged, the verdict when it is not 'energized'."""
    text = Text()
    entry = overview.energy_today
    if entry is None:
        text.append("Energy not logged today.", style="bold")
        text.append("\nE then 1–5, or `leadtui energy log 4`", style="dim")
    else:
        text.append(f"Today: {entry.level}", style="bold")
    verdict = overview.energy_verdict
    if verdict is not None and verdict.state is not EnergyState.ENERGIZED:
        text.append(f"\n{verdict.state.value}: ", style="bold")
        text.append(verdict.reason)
    elif verdict is not None:
        text.append("\nenergized", style="dim")
    return text


def oneonone_card(overview: TodayOverview) -> Text:
    """Today's and this week's 1:1s, overdue series and actions, commitments kept."""
    card = overview.oneonones
    text = Text()
    if card is None or not (card.this_week or card.overdue_series or any(card.kept.values())):
        text.append("No 1:1 series yet.", style="dim")
        text.append("\n`leadtui 1on1 series NAME --weekday tue`", style="dim")
        return text
    today_names = ", ".join(literal(p.name) for p, _ in card.today_sessions) or "none"
    text.append("Today: ", style="bold")
    text.append(today_names)
    later = [(p, s, d) for p, s, d in card.this_week if d != overview.today]
    text.append(f"\nLater this week: {len(later)}")
    if card.overdue_series:
        names = ", ".join(literal(p.name) for p in card.overdue_series[:3])
        more = f" +{len(card.overdue_series) - 3}" if len(card.overdue_series) > 3 else ""
        text.append(f"\nOverdue: {names}{more}", style="bold")
    mine, theirs = card.overdue_actions[Side.ME], card.overdue_actions[Side.THEM]
    if mine or theirs:
        text.append(f"\nOverdue actions: mine {mine}, theirs {theirs}")
    kept = []
    for side in (Side.ME, Side.THEM):
        figures = card.kept[side]
        if figures.due:
            kept.append(f"{side.value} {figures.kept}/{figures.due}")
    if kept:
        text.append(f"\nKept (90 days): {', '.join(kept)}", style="dim")
    return text


def _name_rows(rows: list[tuple[str, str]], total: int) -> Table:
    """Name and detail, one person a line, names cut before details."""
    table = Table.grid(padding=(0, 1), expand=True)
    table.add_column(no_wrap=True, overflow="ellipsis", ratio=1)
    table.add_column(no_wrap=True, style="dim", justify="right")
    for name, detail in rows:
        table.add_row(Text(literal(name)), Text(detail))
    if total > len(rows):
        table.add_row(Text(f"+{total - len(rows)} more", style="dim"), Text(""))
    return table


def reviews_card(overview: TodayOverview) -> RenderableType:
    """T3B3s not delivered this half with the weeks left, and reports with no feedback in
    the last 30 days."""
    card = overview.reviews
    if card is None or not overview.people_by_relation.get(Relation.REPORT):
        return Text.assemble(
            ("No reports yet.", "dim"),
            ("\nT3B3 and feedback are kept for reports.", "dim"),
        )
    weeks = "1 week" if card.weeks_left == 1 else f"{card.weeks_left} weeks"
    parts: list[RenderableType] = [
        Text.assemble((f"{card.half.label} ", "bold"), f"· {weeks} left")
    ]
    if card.due:
        parts.append(Text(f"T3B3 to deliver: {len(card.due)}", style="bold"))
        shown = card.due[:CARD_NAMES]
        parts.append(_name_rows([(p.name, status) for p, status in shown], len(card.due)))
    else:
        parts.append(Text("Every T3B3 delivered ✓", style="dim"))
    if card.quiet:
        parts.append(Text("No feedback in 30 days:", style="bold"))
        shown_quiet = card.quiet[:CARD_NAMES]
        rows = [(p.name, f"{last:%-d %b}" if last else "never") for p, last in shown_quiet]
        parts.append(_name_rows(rows, len(card.quiet)))
    parts.append(Text("R for Reviews", style="dim"))
    return Group(*parts)


class TodayScreen(LeadtuiScreen):
    """The home screen a manager opens before a day of one-on-ones."""

    # Its styles (today.tcss) load with the app's, as the first screen shown.
    AREA = "Today"
    # Home lists every screen's key in its footer; the ritual screens keep theirs short.
    BINDINGS: ClassVar[list[BindingType]] = go_bindings(show_all=True)
    HELP = """\
# Today

The home screen: what needs you today across every ritual.

- **People** lists who the rituals are about, grouped by relation.
- Each ritual has a card here: one-on-ones, feedback and T3B3, energy, succession
  and rotations. As each ritual is set up its card shows what is due.
- **Reviews** shows the half, the weeks left in it, the reports whose T3B3 is not
  delivered yet (not started and drafts first) and the reports who have had no
  feedback in the last 30 days. **R** opens the Reviews screen.
- **Energy** says when today's number is not logged yet, and shows the verdict
  with its reason whenever it is not "energized".

Press **p** for People, **ctrl+p** to find any screen or action by name.
"""

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Static("", id="today-date")
        with Horizontal(id="today-body"):
            with VerticalScroll(id="today-people") as people:
                people.border_title = "People"
                yield Static("", id="today-people-list")
            with Grid(id="today-rituals"):
                for key, title, blurb in RITUALS:
                    body = Text(blurb, style="dim")
                    if key not in LIVE_RITUALS:
                        body.append("\nNot in this version yet.", style="italic dim")
                    card = Static(body, id=f"ritual-{key}", classes="ritual")
                    card.border_title = title
                    yield card
        yield Footer()

    def on_mount(self) -> None:
        """Name the screen; the data arrives on resume, which also fires on first show."""
        self.sub_title = "Today"

    def refresh_data(self) -> None:
        """Recompute the overview from the database."""
        settings = self.leadtui.settings
        overview = today_overview(
            self.db, self.today, settings.energy, settings.review.half_start_month
        )
        self.query_one("#ritual-energy", Static).update(energy_card(overview))
        self.query_one("#ritual-oneonones", Static).update(oneonone_card(overview))
        self.query_one("#ritual-reviews", Static).update(reviews_card(overview))
        self.query_one("#today-date", Static).update(
            Text(self.today.strftime("%A %-d %B %Y"), style="bold")
        )
        people_list = self.query_one("#today-people-list", Static)
        if overview.is_first_run:
            people_list.update(welcome_text())
            self.query_one("#today-people").border_title = "Getting started"
            self.add_class("-first-run")
        else:
            people_list.update(people_panel(overview))
            self.query_one("#today-people").border_title = f"People · {overview.people_count}"
            self.remove_class("-first-run")
