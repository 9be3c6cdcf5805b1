"""Search: every text you wrote, from any screen (``/`` or ``ctrl+f``).

Results follow the typing: each change waits a moment (typing on resets the wait), then
the search runs in a thread worker on a connection of its own, so a keystroke never waits
for the database. Filter by person and kind, order newest or best first; enter (in the
query: the first hit, in the list: the highlighted one) opens a hit where it lives:
One-on-ones at the person's running document (an upcoming point or
action under the cursor, a held session's notes or what was filed under it at that
session), Reviews at the person (feedback, T3B3 items), Energy at the day (the journal
and energizing work). Private hits are marked; search is local and shows them to you
alone.

``/`` opens search from every screen except People, where ``/`` filters the list in place
(its own search, kept where people expect it); ``ctrl+f`` opens search there too. A
text field keeps ``/`` as a character, so typing a slash in a form never opens search.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, runtime_checkable

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header, Input, Select, Static

from leadtui.domain.dates import day_label
from leadtui.domain.search import SearchKind, SearchSort
from leadtui.domain.text import quoted
from leadtui.errors import LeadtuiError
from leadtui.services.people import list_people
from leadtui.services.search import SearchHit, search
from leadtui.tui.host import Host, host
from leadtui.tui.widgets.footer import Footer
from leadtui.tui.widgets.search_results import SearchResults

if TYPE_CHECKING:
    from leadtui.store.database import Store

# How long typing may pause before the search runs: under the pause between words, over
# the gap between keystrokes.
DEBOUNCE_SECONDS = 0.15
PAGE = 200  # hits shown; a narrower query finds the rest
# Where each kind of text lives in the app.
HOME = {
    SearchKind.PERSON: "oneonones",
    SearchKind.POINT: "oneonones",
    SearchKind.ACTION: "oneonones",
    SearchKind.NOTE: "oneonones",
    SearchKind.DRAFT: "oneonones",
    SearchKind.FEEDBACK: "reviews",
    SearchKind.T3B3: "reviews",
    SearchKind.ENERGY: "energy",
    SearchKind.WORK: "energy",
    SearchKind.SUCCESSION: "succession",
    SearchKind.ROTATION: "rotations",
    SearchKind.CONTEXT: "oneonones",
    SearchKind.OBSERVATION: "energy",
    SearchKind.PUSH: "energy",
    SearchKind.REVIEW: "energy",
}
HINT = 'words match as prefixes · OR · -word leaves out · "a phrase" · private hits are yours alone'


@runtime_checkable
class HitShowing(Protocol):
    """A screen that shows a hit in place, not only its person (One-on-ones)."""

    def show_hit(self, hit: SearchHit) -> None:
        """Show ``hit`` where it sits on this screen."""


@runtime_checkable
class DaySelecting(Protocol):
    """A screen that can be told which day to show (Energy)."""

    def select_day(self, day: date) -> None:
        """Show ``day``."""


class SearchScreen(Screen[None]):
    """Search everything, results as you type."""

    CSS_PATH = "../styles/search.tcss"
    AREA = "Search"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="search.close"),
        Binding("ctrl+f", "focus_query", "Query", id="search.query"),
        Binding("down", "results", "Results", show=False, id="search.results"),
    ]

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.initial_query = query
        self.generation = 0
        self._timer: Timer | None = None
        self._reader: Store | None = None
        self.hits: list[SearchHit] = []
        self.to_results = False  # enter was pressed in the query: open the first hit next
        self.shown_generation = -1  # the search whose hits are shown

    @property
    def leadtui(self) -> Host:
        """The app, typed."""
        return host(self.app)

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield Input(
            value=self.initial_query,
            placeholder="Search everything you wrote",
            id="search-query",
        )
        with Horizontal(id="search-filters"):
            yield Select[int](
                [], prompt="Anyone", id="search-person", compact=True, type_to_search=True
            )
            yield Select[str](
                [(kind.value, kind.value) for kind in SearchKind],
                prompt="Any kind",
                id="search-kind",
                compact=True,
            )
            yield Select[str](
                [("newest first", SearchSort.DATE.value), ("best match first", "rank")],
                value=SearchSort.DATE.value,
                allow_blank=False,
                id="search-sort",
                compact=True,
            )
        yield Static(HINT, id="search-status")
        yield SearchResults(id="search-results")
        yield Footer()

    def on_mount(self) -> None:
        """People for the filter; the query field ready to type into."""
        self.sub_title = "Search"
        people = list_people(self.leadtui.db, include_archived=True)
        self.query_one("#search-person", Select).set_options(
            (person.display_name, person.id) for person in people
        )
        self.query_one("#search-query", Input).focus()
        if self.initial_query:
            self.search_now()

    def on_unmount(self) -> None:
        """Close the worker's connection."""
        if self._reader is not None:
            self._reader.close()

    # Typing and filters

    @property
    def waiting(self) -> bool:
        """True while a search waits for a pause in the typing."""
        return self._timer is not None

    @on(Input.Changed, "#search-query")
    def query_changed(self) -> None:
        """Wait for a pause in the typing, then search."""
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE_SECONDS, self.search_now)

    @on(Input.Submitted, "#search-query")
    def query_submitted(self) -> None:
        """Enter in the query opens the highlighted hit (the first, unless the cursor was
        moved): at once when the hits shown are for what is typed, else as soon as the
        search for it is done. With no hit, the query keeps the focus."""
        if not self.waiting and self.shown_generation == self.generation and self.hits:
            self.open_highlighted()
            return
        self.to_results = True
        self.search_now()

    def open_highlighted(self) -> None:
        """Open the hit under the results' cursor."""
        results = self.query_one(SearchResults)
        row = results.cursor_row if 0 <= results.cursor_row < len(self.hits) else 0
        self.post_message(SearchResults.HitChosen(self.hits[row]))

    @on(Select.Changed)
    def filter_changed(self) -> None:
        """A filter or the order changed: search again at once."""
        if self.is_mounted:
            self.search_now()

    def search_now(self) -> None:
        """Search for what is typed now, with the filters set now."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.generation += 1
        query = self.query_one("#search-query", Input).value
        person = self.query_one("#search-person", Select).value
        kind = self.query_one("#search-kind", Select).value
        sort = self.query_one("#search-sort", Select).value
        if not query.strip():
            self.show_hits(self.generation, query, [])
            return
        self.run_search(
            self.generation,
            query,
            person if isinstance(person, int) else None,
            (SearchKind(kind),) if isinstance(kind, str) else (),
            SearchSort(sort) if isinstance(sort, str) else SearchSort.DATE,
        )

    @work(thread=True, exclusive=True, group="search")
    def run_search(
        self,
        generation: int,
        query: str,
        person_id: int | None,
        kinds: tuple[SearchKind, ...],
        sort: SearchSort,
    ) -> None:
        """Run the search off the event loop, on a connection of its own."""
        from leadtui.store.database import connect

        try:
            if self._reader is None:
                self._reader = connect(self.leadtui.db.path)
            hits = search(
                self._reader, query, person_id=person_id, kinds=kinds, limit=PAGE, sort=sort
            )
        except (LeadtuiError, sqlite3.Error) as exc:
            message = exc.message if isinstance(exc, LeadtuiError) else f"database error: {exc}"
            self.app.call_from_thread(self.show_problem, generation, message)
            return
        self.app.call_from_thread(self.show_hits, generation, query, hits)

    def show_hits(self, generation: int, query: str, hits: list[SearchHit]) -> None:
        """Show the hits of search ``generation`` (an older one's are dropped)."""
        if generation != self.generation or not self.is_mounted:
            return
        self.hits = hits
        self.shown_generation = generation
        self.query_one(SearchResults).show(hits, self.leadtui.today)
        if self.to_results:
            self.to_results = False
            if hits:
                self.open_highlighted()
        status = self.query_one("#search-status", Static)
        if not query.strip():
            status.update(HINT)
        elif not hits:
            status.update(f"no matches for {quoted(query)}")
        else:
            private = sum(hit.private for hit in hits)
            shown = f"{len(hits)}+" if len(hits) >= PAGE else str(len(hits))
            status.update(
                f"{shown} hit{'s' if len(hits) != 1 else ''}"
                + (f" · {private} private" if private else "")
                + " · enter opens"
            )

    def show_problem(self, generation: int, message: str) -> None:
        """A search that could not run: say why, keep the last hits."""
        if generation == self.generation and self.is_mounted:
            self.query_one("#search-status", Static).update(message)

    # Keys

    def action_close(self) -> None:
        """Back to the screen search was opened from."""
        self.app.pop_screen()

    def action_focus_query(self) -> None:
        """Back to the query field."""
        self.query_one("#search-query", Input).focus()

    def action_results(self) -> None:
        """Into the list of hits."""
        results = self.query_one(SearchResults)
        if results.row_count:
            results.focus()

    @on(SearchResults.HitChosen)
    def open_hit(self, event: SearchResults.HitChosen) -> None:
        """Close search and open the hit where it lives. The app does it once this screen
        is gone: a screen awaiting its own removal would wait for ever."""
        self.app.pop_screen()
        self.app.call_later(open_where_it_lives, self.app, event.hit)


async def open_where_it_lives(app: App[Any], hit: SearchHit) -> None:
    """Switch to the screen a hit lives on and show it there: in place where the screen
    can (One-on-ones), else at its person (Reviews) or its day (Energy); a screen with
    neither is told nothing, and the hit is named in a notice."""
    from leadtui.tui.screens.today import PersonSelecting

    await app.switch_mode(HOME[hit.kind])
    target = app.screen
    if isinstance(target, HitShowing):
        target.show_hit(hit)
    elif hit.person_id is not None and isinstance(target, PersonSelecting):
        target.select_person(hit.person_id)
    elif hit.date is not None and isinstance(target, DaySelecting):
        target.select_day(hit.date)
    elif hit.date is not None:
        app.notify(
            f"{hit.kind.value} on {day_label(hit.date, host(app).today)}: {hit.snippet.text}",
            title="Search",
            markup=False,
        )
