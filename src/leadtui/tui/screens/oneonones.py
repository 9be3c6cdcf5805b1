"""One-on-ones: people with a series on the left, the running document on the right."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Header, Static

from leadtui.domain.feedback import Feedback, FeedbackKind
from leadtui.domain.oneonones import PointStatus, Side, Visibility
from leadtui.domain.people import Person
from leadtui.domain.text import literal, plural
from leadtui.errors import InputError
from leadtui.services.oneonones import (
    ALL_HISTORY,
    OneOnOneRefusal,
    Refusal,
    RunningDocument,
    Standing,
    find_series,
    oneonone_list,
    running_document,
)
from leadtui.services.people import get_person
from leadtui.tui.screens.base import LeadtuiScreen
from leadtui.tui.widgets.footer import Footer
from leadtui.tui.widgets.key_table import KeyTable

if TYPE_CHECKING:
    from leadtui.services.oneonones import ActionSaved, Held, PointSaved

HISTORY_PAGE = 10
MARKS = {PointStatus.OPEN: "·", PointStatus.DISCUSSED: "✓", PointStatus.DROPPED: "✗"}


def feedback_line(entry: Feedback) -> Text:
    """``feedback (strength): …`` for the running document; private in italics."""
    private = entry.visibility is Visibility.PRIVATE
    kind = "strength" if entry.kind is FeedbackKind.STRENGTH else "to grow"
    return Text.assemble(
        (f"feedback ({kind}{', private' if private else ''}): ", "dim"),
        Text(literal(entry.text), style="italic" if private else ""),
    )


class OneOnOnesScreen(LeadtuiScreen):
    """The screen a manager opens ten minutes before a 1:1."""

    CSS_PATH = "../styles/oneonones.tcss"
    AREA = "1:1"
    HELP = """\
# One-on-ones

One running document per person. On the left, everyone you have a 1:1 with,
overdue first, then by next session. On the right, the person's document: the
upcoming session (talking points from both sides, open action items, notes so
far), then past sessions, newest first.

- **tab** moves between the people list and the upcoming items.
- **a** adds a talking point of yours, **A** one they raised; **v** makes the
  selected point private or shared (private text never reaches a shared export).
- **c** adds an action item (owner me or them, optional due date; a date in the
  past is accepted and shows as overdue at once).
- **d** marks the selected point discussed (or an action done), again to undo;
  **x** drops a point; **[** and **]** reorder points.
- **n** writes the session notes, shared and private (**ctrl+e** in the form opens
  $EDITOR).
- **N** reopens the last held session to fix its notes; nothing else changes.
- **H** holds the session: discussed points are filed under it, the rest carry
  over with a count, open actions carry over.
- **s** sets up or changes the series; **r** moves the next session to another
  date or skips it (type `skip`); the rest of the series keeps its dates.
- **f** records feedback you give during the session (strength or growth, shared or
  private): it is filed under the session when you hold it, and a T3B3 Bottom item on
  the Reviews screen (R) can show it was raised before.
- **m** shows more history; **e** exports.

From the shell: `leadtui 1on1 add sam "Career growth" --theirs`.
"""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add_point('me')", "Point", tooltip="Add a talking point", id="1on1.point"),
        Binding(
            "A",
            "add_point('them')",
            "Theirs",
            tooltip="Add a talking point they raised",
            id="1on1.their_point",
        ),
        Binding("c", "add_action", "Action", tooltip="Add an action item", id="1on1.action"),
        Binding(
            "d",
            "toggle_done",
            "Done",
            tooltip="Mark the selected point discussed or action done",
            id="1on1.done",
        ),
        Binding("x", "drop", "Drop", tooltip="Drop the selected talking point", id="1on1.drop"),
        Binding(
            "v",
            "toggle_private",
            "Private",
            show=False,
            tooltip="Make the selected point private or shared",
            id="1on1.private",
        ),
        Binding(
            "left_square_bracket",
            "move(-1)",
            "Up",
            show=False,
            tooltip="Move the selected point up",
            id="1on1.up",
        ),
        Binding(
            "right_square_bracket",
            "move(1)",
            "Down",
            show=False,
            tooltip="Move the selected point down",
            id="1on1.down",
        ),
        Binding("n", "notes", "Notes", tooltip="Write the session notes", id="1on1.notes"),
        Binding(
            "H", "hold", "Hold", tooltip="Hold the session: file and carry over", id="1on1.hold"
        ),
        Binding(
            "N",
            "fix_notes",
            "Fix notes",
            show=False,
            tooltip="Fix the notes of the last held session",
            id="1on1.fix_notes",
        ),
        # Series and Move/skip are occasional: F1 and the palette list them, the footer does not.
        Binding(
            "s",
            "series",
            "Series",
            show=False,
            tooltip="Set up or change the series",
            id="1on1.series",
        ),
        Binding(
            "r",
            "reschedule",
            "Move/skip",
            show=False,
            tooltip="Move or skip the next session",
            id="1on1.reschedule",
        ),
        Binding(
            "f",
            "feedback",
            "Feedback",
            tooltip="Record feedback given in this session",
            id="1on1.feedback",
        ),
        Binding("m", "more", "More", show=False, tooltip="Show more past sessions", id="1on1.more"),
        Binding(
            "e", "export", "Export", tooltip="Export the document as Markdown", id="1on1.export"
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.person_id: int | None = None
        self.history = HISTORY_PAGE
        self.doc: RunningDocument | None = None

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with Horizontal(id="oo-body"):
            people = KeyTable(id="oo-people", cursor_type="row")
            people.add_columns("Person", "Next")
            yield people
            with VerticalScroll(id="oo-doc"):
                yield Static("", id="oo-heading")
                items = KeyTable(id="oo-items", cursor_type="row")
                items.add_columns("", "Upcoming", "Who", "")
                yield items
                yield Static("", id="oo-draft")
                yield Static("", id="oo-history")
        yield Footer()

    def on_mount(self) -> None:
        """Start in the people list."""
        self.sub_title = "One-on-ones"
        self.query_one("#oo-people", KeyTable).focus()

    def refresh_data(self) -> None:
        """Reload the people list (in the service's order: overdue first) and the
        selected person's document."""
        rows = oneonone_list(self.db, self.today)
        table = self.query_one("#oo-people", KeyTable)
        keep = self.person_id
        table.clear()
        for row in rows:
            if row.standing is Standing.OVERDUE:
                next_text = Text("overdue", style="bold red")
            elif row.standing is Standing.SCHEDULED and row.next_on is not None:
                next_text = Text(row.next_on.isoformat())
            else:
                next_text = Text(row.standing.value, style="dim")
            table.add_row(Text(literal(row.person.name)), next_text, key=str(row.person.id))
        if keep is not None and str(keep) in table.rows:
            table.move_cursor(row=table.get_row_index(str(keep)))
        elif rows:
            self.person_id = rows[0].person.id
        self.show_person()

    def select_person(self, person_id: int) -> None:
        """Show this person's running document (Today opens a person here); the refresh
        that comes with showing the screen puts the cursor on them."""
        self.person_id = person_id
        self.history = HISTORY_PAGE

    def on_data_table_row_highlighted(self, event: KeyTable.RowHighlighted) -> None:
        """Moving in the people list shows that person's document."""
        if event.data_table.id == "oo-people" and event.row_key.value is not None:
            person_id = int(event.row_key.value)
            if person_id != self.person_id:
                self.person_id = person_id
                self.history = HISTORY_PAGE
                self.show_person()

    def show_person(self) -> None:
        """Render the selected person's running document."""
        heading = self.query_one("#oo-heading", Static)
        items = self.query_one("#oo-items", KeyTable)
        draft = self.query_one("#oo-draft", Static)
        history = self.query_one("#oo-history", Static)
        items.clear()
        self.doc = None
        if self.person_id is None:
            heading.update(Text("Nobody yet. Add people on the People screen (p).", style="dim"))
            draft.update("")
            history.update("")
            return
        person = get_person(self.db, self.person_id)
        if find_series(self.db, person) is None:
            heading.update(
                Text.assemble(
                    (literal(person.name), "bold"),
                    "\n",
                    (
                        "No 1:1 series yet. Press s to set one up (weekday, time, every N weeks).",
                        "dim",
                    ),
                )
            )
            draft.update("")
            history.update("")
            return
        self.doc = doc = running_document(self.db, person, self.today, history=self.history)
        next_on = doc.next_on.isoformat() if doc.next_on else "not scheduled"
        heading.update(
            Text.assemble(
                (literal(person.name), "bold"),
                f"  ·  {doc.series.describe()}\n",
                ("Next session: ", "bold"),
                next_on,
                (" · overdue" if doc.overdue else "", "bold red"),
                (
                    "  (" + "; ".join(doc.upcoming_changes(self.today)) + ")"
                    if doc.upcoming_changes(self.today)
                    else "",
                    "dim",
                ),
            )
        )
        for point in doc.points:
            flags = []
            if point.visibility is Visibility.PRIVATE:
                flags.append("private")
            if point.carried:
                flags.append(f"carried {point.carried}×")
            if point.recurring:
                flags.append("every session")
            items.add_row(
                Text(MARKS[point.status]),
                Text(
                    literal(point.text),
                    style="italic" if point.visibility is Visibility.PRIVATE else "",
                ),
                Text(point.raised_by.value),
                Text(", ".join(flags), style="dim"),
                key=f"p:{point.id}",
            )
        for action in (a for a in doc.actions if a.session_id is None):
            due = f"due {action.due_on.isoformat()}" if action.due_on else ""
            late = action.overdue(self.today)
            flags = [due] if due else []
            if action.carried and not action.done_on:
                flags.append(f"carried {action.carried}×")
            items.add_row(
                Text("✓" if action.done_on else "☐"),
                Text("Action: " + literal(action.text)),
                Text(action.owner.value),
                Text(", ".join(flags), style="bold red" if late else "dim"),
                key=f"a:{action.id}",
            )
        notes: list[RenderableType] = []
        pending = doc.pending_feedback()
        if pending:
            notes += [Text("Feedback given", style="bold")]
            notes += [feedback_line(f) for f in pending]
        if doc.series.draft_shared_notes:
            notes += [Text("Notes so far", style="bold"), Text(doc.series.draft_shared_notes)]
        if doc.series.draft_private_notes:
            notes += [
                Text("Private notes so far", style="bold italic"),
                Text(doc.series.draft_private_notes, style="italic"),
            ]
        if not doc.series.draft_shared_notes and not doc.series.draft_private_notes:
            notes.append(
                Text(
                    "No notes yet (n). a/A add points, c adds an action, H holds the session.",
                    style="dim",
                )
            )
        draft.update(Group(*notes))
        parts: list[RenderableType] = []
        for session, points_filed, done in doc.sessions:
            parts.append(Text(f"\n{session.held_on.isoformat()}", style="bold underline"))
            for point in points_filed:
                style = "italic" if point.visibility is Visibility.PRIVATE else ""
                parts.append(Text(f"  {MARKS[point.status]} {literal(point.text)}", style=style))
            for action in done:
                parts.append(Text(f"  ✓ done: {literal(action.text)} ({action.owner.value})"))
            for entry in doc.feedback_in(session.id):
                parts.append(Text.assemble("  ", feedback_line(entry)))
            if session.shared_notes:
                parts.append(Text("  " + session.shared_notes))
            if session.private_notes:
                parts.append(Text("  private: " + session.private_notes, style="italic dim"))
        if len(doc.sessions) >= self.history:
            parts.append(Text("\nm shows more", style="dim"))
        history.update(Group(*parts) if parts else Text("No sessions held yet.", style="dim"))

    # --- actions ------------------------------------------------------------------------

    def _selected_item(self) -> tuple[str, int] | None:
        items = self.query_one("#oo-items", KeyTable)
        if items.row_count == 0:
            return None
        key = items.coordinate_to_cell_key(items.cursor_coordinate).row_key.value or ""
        kind, _, item_id = key.partition(":")
        return kind, int(item_id)

    def _need_series(self) -> int | None:
        if self.doc is None:
            self.notify("Set up a series first: press s.", severity="warning", markup=False)
            return None
        return self.doc.series.id

    def _person(self) -> Person:
        """The selected person as stored now (archived since the screen opened, say)."""
        assert self.person_id is not None
        return get_person(self.db, self.person_id)

    def _notice(self, notice: str | None) -> None:
        """Tell the user what the service said about what was recorded (an archived
        person's notice)."""
        if notice:
            self.notify(notice, title="1:1", severity="warning", markup=False)

    def _changed(self, saved: PointSaved | ActionSaved | None) -> None:
        """After a quick change: say its notice and show the document again."""
        if saved is not None:
            self._notice(saved.notice)
            self.show_person()

    def action_add_point(self, side: str) -> None:
        """Add a talking point raised by ``side``."""
        from leadtui.services.oneonones import add_point
        from leadtui.tui.screens.text_prompt import TextPrompt

        if self._need_series() is None:
            return

        raised_by = Side(side)

        def save(text: str) -> None:
            saved = add_point(self.db, self._person(), self.today, text=text, raised_by=raised_by)
            self._notice(saved.notice)

        title = "Talking point (yours)" if raised_by is Side.ME else "Talking point (theirs)"
        self.app.push_screen(
            TextPrompt(title, save, placeholder="what to talk about"),
            lambda saved: self.show_person() if saved else None,
        )

    def action_add_action(self) -> None:
        """Add an action item."""
        from leadtui.services.oneonones import add_action
        from leadtui.tui.screens.oneonone_forms import ActionForm

        if self._need_series() is None:
            return

        def save(values: dict[str, Any]) -> None:
            saved = add_action(self.db, self._person(), self.today, **values)
            self._notice(saved.notice)

        self.app.push_screen(
            ActionForm("Action item", save), lambda saved: self.show_person() if saved else None
        )

    def action_toggle_done(self) -> None:
        """Mark the selected point discussed (or open again), or an action done."""
        from leadtui.services.oneonones import toggle_action, toggle_point

        selected = self._selected_item()
        if selected is None:
            return
        kind, item_id = selected
        person = self._person()
        if kind == "p":
            self._changed(
                self.guarded(lambda: toggle_point(self.db, person, item_id, PointStatus.DISCUSSED))
            )
        else:
            self._changed(self.guarded(lambda: toggle_action(self.db, person, self.today, item_id)))

    def action_drop(self) -> None:
        """Drop the selected talking point (again to bring it back)."""
        from leadtui.services.oneonones import toggle_point

        selected = self._selected_item()
        if selected is None or selected[0] != "p":
            return
        person, point_id = self._person(), selected[1]
        self._changed(
            self.guarded(lambda: toggle_point(self.db, person, point_id, PointStatus.DROPPED))
        )

    def action_toggle_private(self) -> None:
        """Make the selected point private or shared."""
        from leadtui.services.oneonones import toggle_private

        selected = self._selected_item()
        if selected is None or selected[0] != "p":
            return
        person, point_id = self._person(), selected[1]
        self._changed(self.guarded(lambda: toggle_private(self.db, person, point_id)))

    def action_move(self, offset: int) -> None:
        """Move the selected point up or down."""
        from leadtui.services.oneonones import move_point

        selected = self._selected_item()
        if selected is None or selected[0] != "p":
            return
        person, point_id = self._person(), selected[1]
        moved = self.guarded(lambda: move_point(self.db, person, point_id, offset))
        if moved is not None:
            self._notice(moved.notice)
        self.show_person()
        items = self.query_one("#oo-items", KeyTable)
        key = f"p:{point_id}"
        if key in items.rows:
            items.move_cursor(row=items.get_row_index(key))

    def action_notes(self) -> None:
        """Write the upcoming session's shared and private notes."""
        from leadtui.services.oneonones import write_notes
        from leadtui.tui.screens.oneonone_forms import NotesForm

        if self.doc is None:
            self._need_series()
            return
        series = self.doc.series

        def save(values: dict[str, Any]) -> None:
            saved = write_notes(self.db, self._person(), self.today, **values)
            self._notice(saved.notice)

        self.app.push_screen(
            NotesForm("Session notes", save, series.draft_shared_notes, series.draft_private_notes),
            lambda saved: self.show_person() if saved else None,
        )

    def action_fix_notes(self) -> None:
        """Reopen the last held session to fix its shared and private notes."""
        from leadtui.services.oneonones import fix_notes
        from leadtui.tui.screens.oneonone_forms import NotesForm

        if self.doc is None:
            self._need_series()
            return
        if not self.doc.sessions:
            self.notify("No session held yet: n writes the upcoming one's notes.", markup=False)
            return
        session = self.doc.sessions[0][0]

        def save(values: dict[str, Any]) -> None:
            fixed = fix_notes(self.db, self._person(), session.held_on, **values)
            self._notice(fixed.notice)

        self.app.push_screen(
            NotesForm(
                f"Notes of the session held {session.held_on.isoformat()}",
                save,
                session.shared_notes,
                session.private_notes,
            ),
            lambda saved: self.show_person() if saved else None,
        )

    def action_hold(self) -> None:
        """Hold (close) the upcoming session after asking."""
        from leadtui.tui.screens.confirm import ConfirmScreen

        if self.doc is None:
            self._need_series()
            return
        doc = self.doc
        plan = doc.hold_plan()
        pending = doc.pending_feedback()

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            held = self.guarded(self._hold_today)
            if held is not None:
                # The people list changes too: the next date moves past today.
                self.refresh_data()
                self.notify(
                    f"Held today: {held.filed} filed, {held.carried} carried over",
                    title="1:1",
                    markup=False,
                )
                self._notice(held.notice)

        feedback_note = (
            f" {plural(len(pending), 'feedback entry', 'feedback entries')} "
            f"{'is' if len(pending) == 1 else 'are'} filed under today too."
            if pending
            else ""
        )
        self.app.push_screen(
            ConfirmScreen(
                f"Hold today's 1:1 with {literal(doc.person.name)}?",
                f"{plural(plan.filed, 'point')} filed under today; "
                f"{plan.carried} carry over to next time.{feedback_note}",
                yes="Hold",
            ),
            answered,
        )

    def _hold_today(self) -> Held:
        """Hold today's session; a second hold today is refused with the key that fixes
        that session's notes instead."""
        from leadtui.services.oneonones import hold_session

        try:
            return hold_session(self.db, self._person(), self.today)
        except OneOnOneRefusal as refusal:
            if refusal.reason is Refusal.ALREADY_HELD:
                raise InputError(f"{refusal.message} (N)") from None
            raise

    def action_series(self) -> None:
        """Set up or change the selected person's series."""
        from leadtui.services.oneonones import set_series
        from leadtui.tui.screens.oneonone_forms import SeriesForm

        if self.person_id is None:
            return

        def save(values: dict[str, Any]) -> None:
            saved = set_series(self.db, self._person(), self.today, **values)
            self._notice(saved.notice)

        self.app.push_screen(
            SeriesForm("1:1 series", save, self.today),
            lambda saved: self.refresh_data() if saved else None,
        )

    def action_reschedule(self) -> None:
        """Move the next session to another date, or skip it."""
        from leadtui.domain.dates import parse_date
        from leadtui.services.oneonones import reschedule
        from leadtui.tui.screens.text_prompt import TextPrompt

        if self.doc is None:
            self._need_series()
            return
        next_on = self.doc.next_on
        if next_on is None:
            self.notify("No upcoming session: resume the series first (s).", markup=False)
            return

        def save(text: str) -> None:
            word = text.strip().lower()
            # Only upcoming sessions move, so a weekday name means the coming one.
            to = None if word == "skip" else parse_date(text, self.today, future=True)
            done = reschedule(self.db, self._person(), self.today, on=next_on, to=to)
            what = "skipped" if done.now_on is None else f"moved to {done.now_on:%a %d %b}"
            self.notify(f"{done.was_on:%a %d %b}: {what}", title="1:1", markup=False)
            self._notice(done.notice)

        self.app.push_screen(
            TextPrompt(
                f"Move the session on {next_on:%a %d %b} to (a date, or 'skip')",
                save,
                placeholder="e.g. thursday, 2026-12-03, skip",
            ),
            lambda saved: self.refresh_data() if saved else None,
        )

    def action_feedback(self) -> None:
        """Record feedback given in the upcoming session (filed under it when held)."""
        from leadtui.domain.feedback_input import FeedbackDraft
        from leadtui.domain.validation import build
        from leadtui.services.review import add_feedback
        from leadtui.tui.screens.review_forms import FeedbackForm

        series_id = self._need_series()
        if series_id is None or self.doc is None:
            return
        person = self.doc.person

        def save(values: dict[str, Any]) -> None:
            draft = build(FeedbackDraft, today=self.today, **values)
            added = add_feedback(self.db, self._person(), draft, series_id=series_id)
            self._notice(added.notice)

        self.app.push_screen(
            FeedbackForm(
                f"Feedback for {literal(person.name)}",
                save,
                note="Given in this 1:1: it is filed under the session when you hold it (H).",
            ),
            lambda saved: self.show_person() if saved else None,
        )

    def action_more(self) -> None:
        """Show another page of past sessions."""
        self.history += HISTORY_PAGE
        self.show_person()

    def action_export(self) -> None:
        """Export the document as Markdown for the counterpart (shared) to a file."""
        from leadtui.export.markdown import Audience
        from leadtui.export.oneonone import oneonone_document
        from leadtui.tui.screens.export_prompt import ask_export, slug

        if self.doc is None:
            self._need_series()
            return
        person = self.doc.person

        def render(audience: Audience) -> str:
            doc = running_document(self.db, person, self.today, history=ALL_HISTORY)
            return oneonone_document(doc, audience, self.today)

        ask_export(self, "1:1 document", f"{slug(person.name)}-1on1-shared.md", render)
