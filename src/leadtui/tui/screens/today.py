"""Today: the home screen. A card per ritual and the people they are about; enter on a
line opens it where it lives (a person's running 1:1 document, their review, Energy)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Protocol, runtime_checkable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, VerticalScroll
from textual.widgets import Header, Static

from leadtui.domain.text import plural
from leadtui.services.today import today_overview
from leadtui.tui.screens import SCREENS
from leadtui.tui.screens.base import LeadtuiScreen, go_bindings
from leadtui.tui.widgets.footer import Footer
from leadtui.tui.widgets.rotations_card import RotationsCard
from leadtui.tui.widgets.succession_card import SuccessionCard
from leadtui.tui.widgets.today_cards import (
    CardList,
    EnergyCard,
    OneOnOneCard,
    OpenPerson,
    OpenScreen,
    PeopleCard,
    ReviewsCard,
)

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from leadtui.services.calendar_import import ImportPlan
    from leadtui.store.database import Store

# Textual markup: text styles only; colours come from today.tcss.
WELCOME = """\
[b]Welcome to leadtui[/b]

Your one-on-ones, feedback, energy journal, succession notes and rotations, kept in \
one private file on this machine.

[b]Start with the people you work with:[/b]
Press [b]p[/b] for People, then [b]a[/b] to add someone.

[b]Or look around a sample team first:[/b]
  [i]leadtui demo --db demo.db[/i]
  [i]leadtui --db demo.db[/i]

F1 explains any screen; ctrl+p finds every screen and action by name."""

# Today's own key, and the screens whose card here opens them, stay out of its footer.
CARDS_OPEN = {
    "go.today",
    "go.oneonones",
    "go.reviews",
    "go.energy",
    "go.rotations",
    "go.succession",
}

# Width classes: below 64 columns the cards stack in one column; below 110 the People
# card moves under the cards; from 110 it sits at the left, beside them.
WIDTHS = [(0, "-narrow"), (64, "-medium"), (110, "-wide")]


@runtime_checkable
class PersonSelecting(Protocol):
    """A screen that can be told which person to show (One-on-ones, Reviews)."""

    def select_person(self, person_id: int) -> None:
        """Show ``person_id`` when the screen is next drawn."""


def width_class(width: int) -> str:
    """The width class for a terminal ``width`` columns wide."""
    return [name for least, name in WIDTHS if width >= least][-1]


class TodayScreen(LeadtuiScreen):
    """The home screen a manager opens before a day of one-on-ones."""

    # Its styles (today.tcss) load with the app's, as the first screen shown.
    AREA = "Today"
    HORIZONTAL_BREAKPOINTS = WIDTHS
    # The footer lists the screens without a card here, and Help: a card names its
    # screen's key in its title and opens it, and the room keeps Help on screen at 80
    # columns. Every key works whether shown or not.
    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(b.key, b.action, b.description, show=b.id not in CARDS_OPEN, id=b.id)
            for b in go_bindings(show_all=True)
            if isinstance(b, Binding)
        ),
        # Your own calendar, out and in: F1 and the palette list them; the footer keeps
        # its room for the screens the cards lead to.
        Binding("X", "export_calendar", "Calendar", show=False,
                tooltip="Export your calendar (1:1s, leadership meeting, terms)",
                id="today.export-calendar"),
        Binding("I", "import_calendar", "Import", show=False,
                tooltip="Import a calendar file into 1:1s", id="today.import-calendar"),
    ]  # fmt: skip
    HELP = (Path(__file__).parent.parent / "help" / "today.md").read_text(encoding="utf-8")

    def __init__(self) -> None:
        super().__init__()
        # The width class is known before the first frame, so the first frame is styled
        # once, in its final layout (the breakpoints keep it right on resize).
        self.add_class(width_class(self.app.size.width))

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with Horizontal(id="today-heading"):
            yield Static("", id="today-date")
            yield Static("tab: next card · enter: open", id="today-hint")
        # The cards take focus, not the body: tab goes from card to card, and the body
        # scrolls to show the one with focus.
        with VerticalScroll(id="today-body", can_focus=False):
            welcome = Static(WELCOME, id="today-welcome", classes="today-side")
            welcome.border_title = "Getting started"
            yield welcome
            with Grid(id="today-cards"):
                keys = {entry.mode: entry.key for entry in SCREENS}
                yield OneOnOneCard(title=f"One-on-ones · {keys['oneonones']}", classes="card")
                yield ReviewsCard(title=f"Reviews · {keys['reviews']}", classes="card")
                yield EnergyCard(title=f"Energy · {keys['energy']}", classes="card")
                yield RotationsCard(title=f"Rotations · {keys['rotations']}", classes="card")
                yield SuccessionCard(title=f"Succession · {keys['succession']}", classes="card")
            # Its own scroll: beside the cards, the list may be taller than the screen.
            with VerticalScroll(id="today-people", classes="today-side", can_focus=False):
                yield PeopleCard()
        yield Footer()

    def on_mount(self) -> None:
        """Name the screen; the data arrives on mount (see LeadtuiScreen)."""
        self.sub_title = "Today"

    def refresh_data(self) -> None:
        """Recompute the overview from the database and hand it to every card."""
        settings = self.leadtui.settings
        overview = today_overview(
            self.db, self.today, settings.energy, settings.review.half_start_month
        )
        self.query_one("#today-date", Static).update(f"{self.today:%A %-d %B %Y}")
        self.set_class(overview.is_first_run, "-first-run")
        self.query_one("#today-people").border_title = f"People · {overview.people_count}"
        for card in self.query(CardList):
            card.show(overview)

    @on(OpenScreen)
    def open_screen(self, message: OpenScreen) -> None:
        """A line that leads to a screen: go there."""
        self.leadtui.action_go(message.mode)

    @on(OpenPerson)
    def open_person(self, message: OpenPerson) -> None:
        """A line about a person: go to the screen with that person selected."""
        self.leadtui.action_go(message.mode)
        screen = self.app.screen
        if isinstance(screen, PersonSelecting):
            screen.select_person(message.person_id)

    def action_export_calendar(self) -> None:
        """Export my own calendar through the one export dialog, as `leadtui export
        calendar` writes it; what went out is recorded, so the next one numbers its
        changes from it."""
        from datetime import UTC, datetime

        from leadtui.config import calendar_time_zone
        from leadtui.export.ics import my_calendar_ics
        from leadtui.services.calendar import MyCalendarSettings, TeamCalendar, publish_my_calendar
        from leadtui.services.rotations import DEFAULT_MONTHS
        from leadtui.tui.dialogs.export_prompt import MY_CALENDAR, Copy, ask_export

        settings = self.leadtui.settings
        mine = MyCalendarSettings(
            calendar_time_zone(settings),
            settings.calendar.my_email.strip(),
            settings.calendar.prep_minutes,
        )
        today = self.today

        def deliver(store: Store, copy: Copy, write: Callable[[str], Path]) -> Path:
            def write_calendar(calendar: TeamCalendar) -> Path:
                return write(my_calendar_ics(calendar, datetime.now(UTC)))

            return publish_my_calendar(store, today, mine, DEFAULT_MONTHS, write_calendar)

        ask_export(self, "calendar", "my-calendar-private.ics", copies=MY_CALENDAR,
                   deliver=deliver)  # fmt: skip

    def action_import_calendar(self) -> None:
        """Ask for a calendar file, then list what it proposes with a box each."""
        from leadtui.tui.dialogs.text_prompt import TextPrompt

        read: list[tuple[ImportPlan, str]] = []

        def listed(done: bool | None) -> None:
            # Once the prompt has closed: the proposals in their own dialog.
            from leadtui.tui.screens.calendar_import import CalendarImportDialog

            if done and read:
                plan, skipped = read[0]
                self.app.push_screen(
                    CalendarImportDialog(plan, skipped), lambda keys: self._apply(plan, keys)
                )

        self.app.push_screen(
            TextPrompt(
                "Import a calendar file (.ics)",
                lambda typed: read.append(self._read_calendar(typed)),
                placeholder="~/Downloads/me.ics",
            ),
            listed,
        )

    def _read_calendar(self, typed: str) -> tuple[ImportPlan, str]:
        from pathlib import Path

        from leadtui.config import calendar_time_zone
        from leadtui.errors import InputError
        from leadtui.imports.ics import read_calendar, zone_named
        from leadtui.services.calendar_import import known_attendee, propose

        settings = self.leadtui.settings
        me = settings.calendar.my_email.strip()
        if not me:
            raise InputError(
                "set your address first: my_email under [calendar] in config.toml", field="text"
            )
        if not typed.strip():
            raise InputError("type the path of an .ics file", field="text")
        read = read_calendar(
            Path(typed.strip()).expanduser(), me, self.today,
            zone_named(calendar_time_zone(settings)), known_attendee(self.db),
        )  # fmt: skip
        skipped = ", ".join(f"{n} {why.value}" for why, n in sorted(read.skipped.items()))
        plan = propose(self.db, read.meetings, self.today)
        return plan._replace(unmatched=sorted({*read.unmatched, *plan.unmatched})), skipped

    def _apply(self, plan: ImportPlan, keys: list[str] | None) -> None:
        from leadtui.services.calendar_import import apply_proposals
        from leadtui.tui.screens.base import guarded_write

        if not keys:
            return
        written = guarded_write(
            self, "Calendar", lambda: apply_proposals(self.db, plan.proposals, self.today, keys)
        )
        if written is not None:
            self.notify(
                f"Imported {plural(written, 'proposal')} from the calendar", title="Calendar"
            )
            self.refresh_data()
