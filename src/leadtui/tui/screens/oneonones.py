"""One-on-ones: everyone on the left, the selected person's running document on the right.

The panels are widgets (:class:`~leadtui.tui.widgets.oneonone_list.OneOnOneList` and
:class:`~leadtui.tui.widgets.running_document.RunningDocumentView`) that render what
this screen gives them and post messages; the keys' table is in screens/oneonone_keys.py,
the prompts and forms in screens/oneonone_prompts.py and screens/oneonone_forms.py, F1's
text in help/oneonones.md. The screen binds the keys, handles the panels' messages and
calls services.oneonones for every read and write. Search opens a hit here with
:meth:`OneOnOnesScreen.show_hit`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Header

from leadtui.domain.dates import day_label
from leadtui.domain.oneonones import Point, PointStatus, Session, Side
from leadtui.domain.people import Person
from leadtui.domain.search import SearchHit
from leadtui.domain.text import literal, plural
from leadtui.services import oneonones as oo
from leadtui.services.people import get_person
from leadtui.tui.keys import key_for
from leadtui.tui.screens import oneonone_keys as keys
from leadtui.tui.screens.base import LeadtuiScreen
from leadtui.tui.widgets.footer import Footer
from leadtui.tui.widgets.oneonone_list import OneOnOneList
from leadtui.tui.widgets.running_document import Item, RunningDocumentView

if TYPE_CHECKING:
    from leadtui.domain.reviews_input import FeedbackDraft
    from leadtui.services.oneonones import ActionSaved, PointSaved
    from leadtui.store.database import Store

T = TypeVar("T")
HISTORY_PAGE = 10


class OneOnOnesScreen(LeadtuiScreen):
    """The screen a manager keeps open during a 1:1."""

    CSS_PATH = "../styles/oneonones.tcss"
    AREA = "1:1"
    # F1's text; a Markdown file beside the other screens' help.
    HELP = (Path(__file__).parent.parent / "help" / "oneonones.md").read_text(encoding="utf-8")
    BINDINGS: ClassVar[list[BindingType]] = [
        *keys.MEETING_KEYS,
        # ctrl+r works here as everywhere; its footer room goes to the meeting's keys.
        Binding("ctrl+r", "reload", "Refresh", show=False, id="app.refresh"),
    ]

    person_id: int | None = None  # whose document is shown
    history = HISTORY_PAGE  # how many past sessions it shows
    doc: oo.RunningDocument | None = None
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
            if hit.person_id == self.person_id:
                self._show_found(hit)
            else:  # only archived people are left off the list
                name = hit.person or "This person"
                self.notify(
                    f"{name} is archived, so not on this list; on People, Archived shows "
                    "them and Archive brings them back.",
                    title=self.AREA,
                    markup=False,
                )

    def select_person(self, person_id: int) -> None:
        """Show this person's running document (Today opens a person here)."""
        self.person_id, self.history = person_id, HISTORY_PAGE
        if self.is_mounted:
            self.refresh_data()

    def show_hit(self, hit: SearchHit) -> None:
        """Show a search hit where it lives in its person's document (see
        RunningDocumentView.show_hit); one about nobody (none reaches here) changes nothing."""
        if hit.person_id is None:
            return
        self.found = hit
        self.select_person(hit.person_id)  # shows it at once once the screen is up

    def _show_found(self, hit: SearchHit) -> None:
        view = self.query_one(RunningDocumentView)
        if (held_on := view.show_hit(hit)) is None:
            return
        # Filed under a held session: show as many sessions as it takes to reach it.
        reach = oo.history_reaching(self.db, self._person(), held_on)
        if reach > self.history:
            self.history = reach
            self.show_person()
        if not view.show_session(held_on):
            gone = f"No session held on {self._day(held_on)} any more."
            self.notify(gone, title=self.AREA, markup=False)

    def show_person(self) -> None:
        """Give the document panel the selected person's running document."""
        view = self.query_one(RunningDocumentView)
        if self.person_id is None:
            self.doc = None
            go, add = key_for(self, "go.people"), key_for(self, "people.add", on="people")
            view.show_empty(f"Nobody here yet. Add a person first: People ({go}), then {add}.")
            return
        self.doc = oo.running_document(self.db, self._person(), self.today, history=self.history)
        view.show(self.doc, self.today, more=len(self.doc.sessions) >= self.history)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """With nobody on the list, the document's keys show as disabled."""
        return None if action in keys.NEEDS_PERSON and self.person_id is None else True

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The keys in force, as the footer has room for them at this width."""
        return keys.fitted(super().active_bindings, self.app.size.width)

    def on_resize(self) -> None:
        """Across keys.ALL_KEYS_WIDTH, let the footer show or leave out the keys that need it."""
        wide = self.app.size.width >= keys.ALL_KEYS_WIDTH
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
        return super().guarded(lambda: keys.in_app_terms(change))

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
        from leadtui.tui.dialogs.oneonone_forms import PointForm

        def save(values: dict[str, Any]) -> None:
            saved = oo.add_point(
                self.db,
                self._person(),
                self.today,
                text=values["text"],
                raised_by=values["raised_by"],
                visibility=values["visibility"],
            )
            self._notice(saved.notice)

        self._ask(PointForm(side, save, words))

    def action_add_action(self) -> None:
        """Add an action item."""
        from leadtui.tui.dialogs.oneonone_forms import ActionForm

        def save(values: dict[str, Any]) -> None:
            self._notice(oo.add_action(self.db, self._person(), self.today, **values).notice)

        self._ask(ActionForm("Action item", save))

    def action_edit(self, item: Item | None = None) -> None:
        """Edit ``item`` (by default the selected point or action): a point's words, or
        an action's words, owner and due date."""
        from leadtui.tui.dialogs.oneonone_forms import ActionForm
        from leadtui.tui.dialogs.oneonone_prompts import EditPrompt

        view = self.query_one(RunningDocumentView)
        item = item or view.selected
        if item is None:
            # On a suggested point, the edit key adds it, as enter does.
            if view.suggestion is not None:
                self.action_add_point(Side.ME, view.suggestion)
            return
        if isinstance(item, Point):
            point = item

            def save(text: str) -> None:
                self._notice(oo.edit_point(self.db, self._person(), point.id, text=text).notice)

            self._ask(EditPrompt(point, save))
            return
        action = item

        def save_action(values: dict[str, Any]) -> None:
            person = self._person()
            saved = oo.edit_action(self.db, person, self.today, action.id, **values)
            self._notice(saved.notice)

        current = {"text": action.text, "owner": action.owner.value, "due_on": action.due_on}
        self._ask(ActionForm("Edit the action item", save_action, self.today, current))

    def action_remove(self) -> None:
        """Remove the selected point or action, after asking (drop files a point instead)."""
        from leadtui.tui.dialogs.oneonone_prompts import confirm_remove

        item = self.query_one(RunningDocumentView).selected
        if item is None:
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            person = self._person()
            removed = self.guarded(
                lambda: (
                    oo.remove_point(self.db, person, item.id)
                    if isinstance(item, Point)
                    else oo.remove_action(self.db, person, item.id)
                )
            )
            if removed is not None:
                self.refresh_data()
                self.notify(f"Removed: {literal(item.text)}", title=self.AREA, markup=False)
                self._notice(removed.notice)

        self.app.push_screen(confirm_remove(item), answered)

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

    def action_prompt(self) -> None:
        """Offer the prompt tray: the questions the sources ask a manager to bring back
        (the skill gap, the execution focus, a narrow ask for feedback, the kernel of a
        problem); the one chosen becomes a talking point of its kind."""
        from leadtui.domain.oneonones import PROMPTS
        from leadtui.services.oneonones import take_prompt
        from leadtui.tui.dialogs.choose import ChooseScreen

        person = self._person()
        labels = [f"[{p.mark}] {p.text}" for p in PROMPTS]

        def chosen(index: int | None) -> None:
            if index is None:
                return
            kind = PROMPTS[index].kind
            saved = self.guarded(lambda: take_prompt(self.db, person, self.today, kind))
            if saved is None:
                return
            self._notice(saved.notice)
            self.refresh_data()

        self.app.push_screen(ChooseScreen(f"Prompt tray for {person.name}", labels), chosen)

    def action_toggle_deep(self) -> None:
        """Mark the selected point deep or quick: "an hour is enough time to dig deep into
        two or three meaningful problems"."""
        self._change(lambda who, p: oo.toggle_deep(self.db, who, p.id), points=True)

    def action_move(self, offset: int) -> None:
        """Move the selected point up or down."""
        self._change(lambda who, p: oo.move_point(self.db, who, p.id, offset), points=True)

    def action_notes(self) -> None:
        """Write the upcoming session's shared and private notes."""
        from leadtui.tui.dialogs.oneonone_forms import NotesForm

        def save(values: dict[str, Any]) -> None:
            self._notice(oo.write_notes(self.db, self._person(), self.today, **values).notice)

        if self.doc is not None:
            self._ask(NotesForm.upcoming(self.doc.series, save))

    def action_fix_notes(self) -> None:
        """Reopen a held session to fix its shared and private notes: the one marked in
        the past sessions (a search hit) or the only one at once, else the one chosen
        from a list, newest first."""
        from leadtui.tui.dialogs.choose import ChooseScreen
        from leadtui.tui.dialogs.oneonone_prompts import session_label

        sessions = oo.held_sessions(self.db, self._person()) if self.doc is not None else []
        if not sessions:
            notes = key_for(self, "1on1.notes")
            self.notify(
                f"No session held yet: {notes} writes the upcoming one's notes.", markup=False
            )
            return
        marked = self.query_one(RunningDocumentView).marked_session
        at_once = [s for s in sessions if s.held_on == marked] or sessions[:1]
        if len(sessions) == 1 or marked is not None:
            self._fix_notes_of(at_once[-1])
            return

        def chosen(index: int | None) -> None:
            if index is not None:
                self._fix_notes_of(sessions[index])

        labels = [session_label(session, self.today) for session in sessions]
        self.app.push_screen(ChooseScreen("Fix the notes of which session?", labels), chosen)

    def _fix_notes_of(self, session: Session) -> None:
        from leadtui.tui.dialogs.oneonone_forms import NotesForm

        def save(values: dict[str, Any]) -> None:
            self._notice(oo.fix_notes(self.db, self._person(), session.held_on, **values).notice)

        self._ask(NotesForm.held(session, self.today, save))

    def action_unhold(self) -> None:
        """Take back the last held session, after asking: what was filed under it is
        upcoming again and the next date is as before the hold."""
        from leadtui.tui.dialogs.oneonone_prompts import confirm_unhold

        if self.doc is None or not self.doc.sessions:
            self.notify("No session held yet, so none to take back.", markup=False)
            return
        person = self._person()
        session, filed, done = self.doc.sessions[0]

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            unheld = self.guarded(lambda: oo.unhold_session(self.db, person, self.today))
            if unheld is not None:
                self.refresh_data()
                back = f"Took back {self._day(unheld.session.held_on)}: upcoming again"
                self.notify(back, title=self.AREA, markup=False)
                self._notice(unheld.notice)

        self.app.push_screen(confirm_unhold(person, session, len(filed), len(done)), answered)

    def action_hold(self) -> None:
        """Hold (close) today's session: refused at once when it cannot be, else asked."""
        from leadtui.tui.dialogs.oneonone_prompts import confirm_hold

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
                # The rating is optional: said, not asked, so holding stays one key.
                self.notify(f"{done}. Was it useful? * rates it.", title=self.AREA, markup=False)
                self._notice(held.notice)

        self.app.push_screen(confirm_hold(person, plan, self.doc.pending_feedback()), answered)

    def action_series(self) -> None:
        """Set up or change the selected person's recurring series."""
        from leadtui.tui.dialogs.oneonone_forms import SeriesForm

        def save(values: dict[str, Any]) -> None:
            self._notice(oo.set_series(self.db, self._person(), self.today, **values).notice)

        series = self.doc.series if self.doc is not None else None
        self._ask(SeriesForm.for_series(series, save, self.today))

    def action_reschedule(self) -> None:
        """Move the next session to another date, or skip it."""
        from leadtui.tui.dialogs.oneonone_prompts import MovePrompt, moved_words, nothing_to_move

        next_on = self.doc.next_on if self.doc is not None else None
        if next_on is None:
            self.notify(nothing_to_move(self.doc), markup=False)
            return

        def save(to: date | None) -> None:
            done = oo.reschedule(self.db, self._person(), self.today, on=next_on, to=to)
            self.notify(moved_words(done, self.today), title=self.AREA, markup=False)
            self._notice(done.notice)

        self._ask(MovePrompt(next_on, self.today, save))

    def action_bring_back(self) -> None:
        """Bring back a skipped or moved session (the first one still ahead, unless told)."""
        from leadtui.tui.dialogs.oneonone_prompts import BringBackPrompt

        changes = self.doc.upcoming_changes(self.today) if self.doc is not None else []
        if self.doc is None or not changes:
            self.notify("No skipped or moved session to bring back.", markup=False)
            return

        def save(day: date) -> None:
            back = oo.restore_occurrence(self.db, self._person(), day)
            self.notify(f"Back on {self._day(back.on)}", title=self.AREA, markup=False)
            self._notice(back.notice)

        first = self.doc.restorable(self.today)[0]
        self._ask(BringBackPrompt(changes, first, self.today, save))

    def action_feedback(self) -> None:
        """Record feedback given in the upcoming session (filed under it when held)."""
        from leadtui.tui.dialogs.oneonone_forms import session_feedback

        def save(draft: FeedbackDraft) -> None:
            self._notice(oo.give_feedback(self.db, self._person(), self.today, draft).notice)

        self._ask(session_feedback(self._person(), self.today, save))

    def action_context(self) -> None:
        """Edit the person's private context (what they care about, feedback, goals...)."""
        from leadtui.services.context import person_context, set_context
        from leadtui.tui.dialogs.context_form import ContextForm

        person = self._person()

        def save(values: dict[str, Any]) -> None:
            self._notice(set_context(self.db, person, self.today, **values).notice)

        self._ask(ContextForm.for_person(person, person_context(self.db, person), save))

    def action_rate(self) -> None:
        """Rate the last held session (asked right after holding one): was it useful, 1–5?
        Empty skips; yours alone."""
        from leadtui.tui.dialogs.text_prompt import TextPrompt

        person = self._person()

        def save(words: str) -> None:
            if words.strip():
                rated = oo.rate_session(self.db, person, words)
                self._notice(rated.notice)

        self._ask(TextPrompt("Was it useful? 1–5 (only you see it)", save, placeholder="4"))

    def action_observe(self) -> None:
        """Record the person's energy as you observe it (linked to today's session when
        it is held today); only you ever see it."""
        from leadtui.services.team_energy import observe
        from leadtui.tui.dialogs.observation_form import ObservationForm

        person = self._person()

        def save(values: dict[str, Any]) -> None:
            self._notice(observe(self.db, person, self.today, **values).notice)

        self._ask(ObservationForm.for_person(person, self.today, save))

    def action_template(self) -> None:
        """Choose an agenda template and add its points to the next session (those that
        suit the person first; the offered one, a new report's first, at the top)."""
        from leadtui.imports.agenda_templates import catalog
        from leadtui.services.templates import apply_template, suiting_first
        from leadtui.tui.dialogs.choose import ChooseScreen

        person = self._person()
        found = catalog(self.leadtui.locations.config_dir)
        for problem in found.problems:
            self.notify(problem, title=self.AREA, severity="warning", markup=False)
        offer = self.doc.offer if self.doc is not None else None
        choices = suiting_first(found.templates, person.relation)
        choices.sort(key=lambda t: t.name != offer)
        labels = [f"{t.name} — {t.description} ({plural(len(t.points), 'point')})" for t in choices]

        def chosen(index: int | None) -> None:
            if index is None:
                return
            template = choices[index]
            applied = self.guarded(lambda: apply_template(self.db, person, self.today, template))
            if applied is None:
                return
            skipped = f", {len(applied.skipped)} already open" if applied.skipped else ""
            self.notify(
                f"{template.name}: {plural(len(applied.added), 'point')} added{skipped}",
                title=self.AREA,
                markup=False,
            )
            self._notice(applied.notice)
            self.refresh_data()

        self.app.push_screen(ChooseScreen(f"Agenda for {person.name}", labels), chosen)

    def action_more(self) -> None:
        """Show another page of past sessions."""
        self.history += HISTORY_PAGE
        self.show_person()

    def action_export(self) -> None:
        """Export the document as Markdown, shared or private, to a file."""
        from leadtui.domain.privacy import Audience
        from leadtui.export.oneonone import oneonone_document
        from leadtui.tui.dialogs.export_prompt import ask_export, slug

        person, today = self._person(), self.today

        def render(store: Store, audience: Audience) -> str:
            # In the export's worker, on its own connection: the whole history can be long.
            doc = oo.running_document(store, person, today, history=oo.ALL_HISTORY)
            return oneonone_document(doc, audience, today)

        ask_export(self, "1:1 document", f"{slug(person.name)}-1on1-shared.md", render)

    def _day(self, day: date) -> str:
        return day_label(day, self.today)
