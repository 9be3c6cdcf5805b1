"""One-on-ones: everyone on the left, the selected person's running document on the right.

The panels are widgets (:class:`~leadtui.tui.widgets.oneonone_list.OneOnOneList` and
:class:`~leadtui.tui.widgets.running_document.RunningDocumentView`) that render what
this screen gives them and post messages; the screen handles those, keeps the keys and
their actions, and calls services.oneonones for every read and write.

Search opens a hit here with :meth:`OneOnOnesScreen.show_hit`: the person's document at
the upcoming point or action (the cursor on it), or at the held session it belongs to.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Header

from leadtui.domain.dates import day_label, parse_date
from leadtui.domain.oneonones import Action, Point, PointStatus, Side
from leadtui.domain.people import Person
from leadtui.domain.search import SearchHit, SearchKind
from leadtui.domain.text import literal, plural
from leadtui.errors import InputError
from leadtui.services import oneonones as oo
from leadtui.services.oneonones import OneOnOneRefusal, Refusal, RunningDocument
from leadtui.services.people import get_person
from leadtui.tui.screens.base import LeadtuiScreen
from leadtui.tui.widgets.footer import Footer
from leadtui.tui.widgets.oneonone_list import OneOnOneList
from leadtui.tui.widgets.running_document import Item, RunningDocumentView

if TYPE_CHECKING:
    from leadtui.services.oneonones import ActionSaved, PointSaved
    from leadtui.store.database import Store

T = TypeVar("T")
HISTORY_PAGE = 10
NOBODY = "Nobody here yet. Add a person first: People (p), then a."
# How the app fixes a refusal: the key to press (the command line names a command). The
# others cannot reach the app: it asks to move a session only when there is one.
APP_FIXES = {Refusal.ALREADY_HELD: " (N)"}


def in_app_terms(call: Callable[[], T]) -> T:
    """``call``, with a one-on-one refusal worded with the key that fixes it."""
    try:
        return call()
    except OneOnOneRefusal as refusal:
        raise InputError(refusal.message + APP_FIXES.get(refusal.reason, "")) from None


# (id, key, action, label, tooltip). The footer shows these in order of use in a meeting,
# so a narrow terminal keeps the first ones; config.toml remaps a key by its id.
SHOWN_KEYS = [
    ("point", "a", "add_point('me')", "Point", "Add a talking point"),
    ("done", "d", "toggle_done", "Done", "Mark the point discussed or the action done"),
    ("action", "c", "add_action", "Action", "Add an action item"),
    ("notes", "n", "notes", "Notes", "Write the session notes"),
    ("hold", "H", "hold", "Hold", "Hold the session: file and carry over"),
    ("edit", "e", "edit", "Edit", "Edit the selected point's or action's text"),
    ("drop", "x", "drop", "Drop", "Drop the selected talking point"),
    ("feedback", "f", "feedback", "Feedback", "Record feedback given in this session"),
]
# Less frequent: F1 and the command palette list them, the footer does not.
OTHER_KEYS = [
    ("their_point", "A", "add_point('them')", "Theirs", "Add a talking point they raised"),
    ("private", "v", "toggle_private", "Private", "Make the point private or shared"),
    ("up", "left_square_bracket", "move(-1)", "Up", "Move the point up"),
    ("down", "right_square_bracket", "move(1)", "Down", "Move the point down"),
    ("fix_notes", "N", "fix_notes", "Fix notes", "Fix the last held session's notes"),
    ("series", "s", "series", "Series", "Set up or change the recurring series"),
    ("reschedule", "r", "reschedule", "Move/skip", "Move or skip the next session"),
    ("bring_back", "b", "bring_back", "Bring back", "Bring back a skipped or moved session"),
    ("more", "m", "more", "More", "Show more past sessions"),
    ("export", "X", "export", "Export", "Export the document as Markdown"),
]


# Every key of this screen needs a person: with nobody on the list they show disabled.
NEEDS_PERSON = {action.split("(")[0] for *_, action, _, _ in SHOWN_KEYS + OTHER_KEYS}
# The footer's room: below this width it holds the keys of every meeting, Point to Hold,
# whole; Edit (enter edits too), Drop and Feedback join them from here. F1 and the
# palette list every key, and every key works, shown or not.
ALL_KEYS_WIDTH = 104
WIDE_ONLY = {f"1on1.{name}" for name in ("edit", "drop", "feedback")}


class OneOnOnesScreen(LeadtuiScreen):
    """The screen a manager keeps open during a 1:1."""

    CSS_PATH = "../styles/oneonones.tcss"
    AREA = "1:1"
    # F1's text; a Markdown file beside the other screens' help.
    HELP = (Path(__file__).parent.parent / "help" / "oneonones.md").read_text(encoding="utf-8")
    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(key, action, label, show=keys is SHOWN_KEYS, tooltip=tip, id=f"1on1.{name}")
            for keys in (SHOWN_KEYS, OTHER_KEYS)
            for name, key, action, label, tip in keys
        ),
        # ctrl+r works here as everywhere; its footer room goes to the meeting's keys.
        Binding("ctrl+r", "reload", "Refresh", show=False, id="app.refresh"),
    ]

    person_id: int | None = None  # whose document is shown
    history = HISTORY_PAGE  # how many past sessions it shows
    doc: RunningDocument | None = None
    found: SearchHit | None = None  # a search hit to show once the document is drawn
    _wide: bool | None = None  # whether the footer had room for every key

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with Horizontal(id="oo-body"):
            yield OneOnOneList(id="oo-people")
            yield RunningDocumentView(id="oo-doc")
        yield Footer()

    def on_mount(self) -> None:
        """Start in the people list."""
        self.sub_title = "One-on-ones"
        self.query_one(OneOnOneList).focus()

    def refresh_data(self) -> None:
        """Reload the people list (in the service's order: overdue first) and the
        selected person's document."""
        people = self.query_one(OneOnOneList)
        people.show(oo.oneonone_list(self.db, self.today), self.today, self.person_id)
        self.person_id = people.person_id
        self.show_person()
        self.refresh_bindings()
        if self.found is not None:
            hit, self.found = self.found, None
            self._show_found(hit)

    def select_person(self, person_id: int) -> None:
        """Show this person's running document (Today opens a person here)."""
        self.person_id, self.history = person_id, HISTORY_PAGE
        if self.is_mounted:
            self.refresh_data()

    def show_hit(self, hit: SearchHit) -> None:
        """Show a search hit where it lives in its person's document: an upcoming talking
        point or action under the cursor; a held session's notes, or a point or action
        filed under one, as that session, marked and scrolled to; the notes so far at the
        top of the past sessions. A hit about nobody (none reaches here) changes nothing."""
        if hit.person_id is None:
            return
        self.found = hit
        self.select_person(hit.person_id)  # shows it at once once the screen is up

    def _show_found(self, hit: SearchHit) -> None:
        view = self.query_one(RunningDocumentView)
        item = {SearchKind.POINT: Point, SearchKind.ACTION: Action}.get(hit.kind)
        if item is not None and view.select_item(item, hit.id):
            return
        if hit.kind is SearchKind.DRAFT:
            view.show_draft()
            return
        if hit.date is None or (item is None and hit.kind is not SearchKind.NOTE):
            return  # a person: their document is what there is to show
        # Filed under a held session (a point's or action's date is then the session's):
        # show as many sessions as it takes to reach it.
        reach = oo.history_reaching(self.db, self._person(), hit.date)
        if reach > self.history:
            self.history = reach
            self.show_person()
        if not view.show_session(hit.date):
            self.notify(
                f"No session held on {self._day(hit.date)} any more.", title=self.AREA, markup=False
            )

    def show_person(self) -> None:
        """Give the document panel the selected person's running document."""
        view = self.query_one(RunningDocumentView)
        if self.person_id is None:
            self.doc = None
            view.show_empty(NOBODY)
            return
        person = get_person(self.db, self.person_id)
        self.doc = oo.running_document(self.db, person, self.today, history=self.history)
        view.show(self.doc, self.today, more=len(self.doc.sessions) >= self.history)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """With nobody on the list, the document's keys show as disabled."""
        return None if action in NEEDS_PERSON and self.person_id is None else True

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The keys in force; below ALL_KEYS_WIDTH columns the footer leaves out Edit,
        Drop and Feedback (they still work), so no key in it is ever cut short."""
        active = super().active_bindings
        if self.app.size.width >= ALL_KEYS_WIDTH:
            return active
        return {
            key: (
                shown._replace(binding=replace(shown.binding, show=False))
                if shown.binding.id in WIDE_ONLY
                else shown
            )
            for key, shown in active.items()
        }

    def on_resize(self) -> None:
        """Across ALL_KEYS_WIDTH, let the footer show or leave out the keys that need it."""
        wide = self.app.size.width >= ALL_KEYS_WIDTH
        if wide != self._wide:
            self._wide = wide
            self.refresh_bindings()

    @on(OneOnOneList.PersonHighlighted)
    def _person_highlighted(self, event: OneOnOneList.PersonHighlighted) -> None:
        if event.person_id != self.person_id:
            self.person_id, self.history = event.person_id, HISTORY_PAGE
            self.show_person()

    @on(OneOnOneList.PersonSelected)
    def _person_selected(self, _event: OneOnOneList.PersonSelected) -> None:
        self.query_one(RunningDocumentView).focus_items()

    @on(RunningDocumentView.ItemSelected)
    def _item_selected(self, event: RunningDocumentView.ItemSelected) -> None:
        self.action_edit(event.item)

    @on(RunningDocumentView.SuggestionChosen)
    def _suggestion_chosen(self, event: RunningDocumentView.SuggestionChosen) -> None:
        self.action_add_point(Side.ME, event.text)

    # --- helpers --------------------------------------------------------------------------

    def _person(self) -> Person:
        """The selected person as stored now (archived since the screen opened, say)."""
        assert self.person_id is not None
        return get_person(self.db, self.person_id)

    def _notice(self, notice: str | None) -> None:
        """Say what the service said about what was recorded (an archived person's)."""
        if notice:
            self.notify(notice, title=self.AREA, severity="warning", markup=False)

    def guarded(self, change: Callable[[], T]) -> T | None:
        """Run a write; a refusal becomes a notice, worded with the key that fixes it."""
        return super().guarded(lambda: in_app_terms(change))

    def _ask(self, dialog: Screen[Any]) -> None:
        """Open ``dialog``; once it saved, show everything again (the list may change)."""
        self.app.push_screen(dialog, lambda saved: self.refresh_data() if saved else None)

    def _change(
        self, change: Callable[[Person, Item], PointSaved | ActionSaved], *, points: bool = False
    ) -> None:
        """Apply ``change`` to the selected item (only a point if ``points``); show the
        document again, its cursor on the same item."""
        item = self.query_one(RunningDocumentView).selected
        if item is not None and (isinstance(item, Point) or not points):
            person = self._person()
            saved = self.guarded(lambda: change(person, item))
            if saved is not None:
                self._notice(saved.notice)
                self.show_person()

    # --- actions --------------------------------------------------------------------------

    def action_add_point(self, side: str, words: str = "") -> None:
        """Add a talking point raised by ``side`` (a first one starts an ad-hoc document);
        ``words`` start the field (a suggested point's, to keep or change)."""
        from leadtui.tui.screens.text_prompt import TextPrompt

        def save(text: str) -> None:
            saved = oo.add_point(self.db, self._person(), self.today, text=text, raised_by=side)
            self._notice(saved.notice)

        whose = "yours" if side == Side.ME else "theirs"
        title = f"Talking point ({whose})"
        self._ask(TextPrompt(title, save, value=words, placeholder="what to talk about"))

    def action_add_action(self) -> None:
        """Add an action item."""
        from leadtui.tui.screens.oneonone_forms import ActionForm

        def save(values: dict[str, Any]) -> None:
            self._notice(oo.add_action(self.db, self._person(), self.today, **values).notice)

        self._ask(ActionForm("Action item", save))

    def action_edit(self, item: Item | None = None) -> None:
        """Edit the text of ``item`` (by default the selected point or action)."""
        from leadtui.tui.screens.text_prompt import TextPrompt

        view = self.query_one(RunningDocumentView)
        item = item or view.selected
        if item is None:
            # On a suggested point, the edit key adds it, as enter does.
            if view.suggestion is not None:
                self.action_add_point(Side.ME, view.suggestion)
            return

        def save(text: str) -> None:
            person = self._person()
            if isinstance(item, Point):
                self._notice(oo.edit_point(self.db, person, item.id, text=text).notice)
            else:
                saved = oo.edit_action_text(self.db, person, self.today, item.id, text=text)
                self._notice(saved.notice)

        what = "talking point" if isinstance(item, Point) else "action item"
        self._ask(TextPrompt(f"Edit the {what}", save, value=item.text))

    def action_toggle_done(self) -> None:
        """Mark the selected point discussed (or open again), or an action done."""
        self._change(
            lambda who, item: (
                oo.toggle_point(self.db, who, item.id, PointStatus.DISCUSSED)
                if isinstance(item, Point)
                else oo.toggle_action(self.db, who, self.today, item.id)
            )
        )

    def action_drop(self) -> None:
        """Drop the selected talking point (again to bring it back)."""
        drop = PointStatus.DROPPED
        self._change(lambda who, p: oo.toggle_point(self.db, who, p.id, drop), points=True)

    def action_toggle_private(self) -> None:
        """Make the selected point private or shared."""
        self._change(lambda who, p: oo.toggle_private(self.db, who, p.id), points=True)

    def action_move(self, offset: int) -> None:
        """Move the selected point up or down."""
        self._change(lambda who, p: oo.move_point(self.db, who, p.id, offset), points=True)

    def action_notes(self) -> None:
        """Write the upcoming session's shared and private notes."""
        from leadtui.tui.screens.oneonone_forms import NotesForm

        def save(values: dict[str, Any]) -> None:
            self._notice(oo.write_notes(self.db, self._person(), self.today, **values).notice)

        if self.doc is not None:
            series = self.doc.series
            shared, private = series.draft_shared_notes, series.draft_private_notes
            self._ask(NotesForm("Session notes", save, shared, private))

    def action_fix_notes(self) -> None:
        """Reopen the last held session to fix its shared and private notes."""
        from leadtui.tui.screens.oneonone_forms import NotesForm

        if self.doc is None or not self.doc.sessions:
            self.notify("No session held yet: n writes the upcoming one's notes.", markup=False)
            return
        session = self.doc.sessions[0][0]

        def save(values: dict[str, Any]) -> None:
            self._notice(oo.fix_notes(self.db, self._person(), session.held_on, **values).notice)

        title = f"Notes of the session held {day_label(session.held_on, self.today)}"
        self._ask(NotesForm(title, save, session.shared_notes, session.private_notes))

    def action_hold(self) -> None:
        """Hold (close) today's session: refused at once when it cannot be, else asked."""
        from leadtui.tui.screens.confirm import ConfirmScreen

        person = self._person()
        plan = self.guarded(lambda: oo.hold_preview(self.db, person, self.today))
        if plan is None or self.doc is None:
            return

        def answered(yes: bool | None) -> None:
            held = (
                self.guarded(lambda: oo.hold_session(self.db, person, self.today)) if yes else None
            )
            if held is not None:
                # The people list changes too: the next date moves past today.
                self.refresh_data()
                done = f"Held today: {held.filed} filed, {held.carried} carried over"
                self.notify(done, title=self.AREA, markup=False)
                self._notice(held.notice)

        given = len(self.doc.pending_feedback())
        filed = plural(plan.filed, "point")
        filed += f" and {plural(given, 'feedback entry', 'feedback entries')}" if given else ""
        detail = f"{filed} filed under today; {plan.carried} carry over to next time."
        question = f"Hold today's 1:1 with {literal(person.name)}?"
        self.app.push_screen(ConfirmScreen(question, detail, yes="Hold"), answered)

    def action_series(self) -> None:
        """Set up or change the selected person's recurring series."""
        from leadtui.tui.screens.oneonone_forms import SeriesForm

        def save(values: dict[str, Any]) -> None:
            self._notice(oo.set_series(self.db, self._person(), self.today, **values).notice)

        self._ask(SeriesForm("1:1 series", save, self.today))

    def action_reschedule(self) -> None:
        """Move the next session to another date, or skip it."""
        from leadtui.tui.screens.text_prompt import TextPrompt

        next_on = self.doc.next_on if self.doc is not None else None
        if next_on is None:
            ad_hoc = self.doc is not None and self.doc.series.ad_hoc
            why = "An ad-hoc 1:1 has no date to move" if ad_hoc else "No upcoming session"
            self.notify(f"{why}: s sets up or resumes the series.", markup=False)
            return

        def save(text: str) -> None:
            # Only upcoming sessions move, so a weekday name means the coming one.
            skip = text.strip().lower() == "skip"
            to = None if skip else parse_date(text, self.today, future=True)
            done = oo.reschedule(self.db, self._person(), self.today, on=next_on, to=to)
            what = "skipped" if done.now_on is None else f"moved to {self._day(done.now_on)}"
            self.notify(f"{self._day(done.was_on)}: {what}", title=self.AREA, markup=False)
            self._notice(done.notice)

        title = f"Move the session on {self._day(next_on)} to (a date, or 'skip')"
        self._ask(TextPrompt(title, save, placeholder="e.g. thursday, 2026-12-03, skip"))

    def action_bring_back(self) -> None:
        """Bring back a skipped or moved session (the first one still ahead, unless told)."""
        from leadtui.tui.screens.text_prompt import TextPrompt

        changes = self.doc.upcoming_changes(self.today) if self.doc is not None else []
        if self.doc is None or not changes:
            self.notify("No skipped or moved session to bring back.", markup=False)
            return
        first = self.doc.restorable(self.today)[0]

        def save(text: str) -> None:
            day = parse_date(text, self.today, future=True)
            back = oo.restore_occurrence(self.db, self._person(), day)
            self.notify(f"Back on {self._day(back.on)}", title=self.AREA, markup=False)
            self._notice(back.notice)

        title = f"Bring back the session of ({'; '.join(changes)})"
        self._ask(TextPrompt(title, save, value=first.isoformat()))

    def action_feedback(self) -> None:
        """Record feedback given in the upcoming session (filed under it when held)."""
        from leadtui.domain.feedback_input import FeedbackDraft
        from leadtui.domain.validation import build
        from leadtui.tui.screens.review_forms import FeedbackForm

        def save(values: dict[str, Any]) -> None:
            draft = build(FeedbackDraft, today=self.today, **values)
            self._notice(oo.give_feedback(self.db, self._person(), self.today, draft).notice)

        note = "Given in this 1:1: it is filed under the session when you hold it (H)."
        title = f"Feedback for {literal(self._person().name)}"
        self._ask(FeedbackForm(title, save, note=note))

    def action_more(self) -> None:
        """Show another page of past sessions."""
        self.history += HISTORY_PAGE
        self.show_person()

    def action_export(self) -> None:
        """Export the document as Markdown, shared or private, to a file."""
        from leadtui.domain.privacy import Audience
        from leadtui.export.oneonone import oneonone_document
        from leadtui.tui.screens.export_prompt import ask_export, slug

        person, today = self._person(), self.today

        def render(store: Store, audience: Audience) -> str:
            # In the export's worker, on its own connection: the whole history can be long.
            doc = oo.running_document(store, person, today, history=oo.ALL_HISTORY)
            return oneonone_document(doc, audience, today)

        ask_export(self, "1:1 document", f"{slug(person.name)}-1on1-shared.md", render)

    def _day(self, day: date) -> str:
        return day_label(day, self.today)
