"""The running 1:1 document: the upcoming session on top, then past sessions.

:class:`RunningDocumentView` renders the :class:`~leadtui.services.oneonones.RunningDocument`
it is given (:meth:`~RunningDocumentView.show`): a heading, the upcoming talking points
and action items as a table, the highlighted item in full under it (a long point is
cut in the table, never hidden), then the notes so far and the held sessions in a
scrolling part. Enter on an item posts :class:`RunningDocumentView.ItemSelected`.
Showing a document again keeps the cursor on the item it was on.

Points the other rituals suggest (a rotation term starting or ending soon) are rows of
the table too, marked "+" and "suggested": they are not stored, so the keys that change
an item pass them by, and enter on one posts :class:`RunningDocumentView.SuggestionChosen`.
A search hit is shown in place (:meth:`~RunningDocumentView.show_hit`): the cursor on an
upcoming item, or the notes so far at the top of the past sessions;
:meth:`~RunningDocumentView.show_session` marks a held session and scrolls to it.

Colours are component classes styled in oneonones.tcss from theme variables; private
text carries a lock as well as its style, so it shows in any theme and without colour.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.events import Resize
from textual.message import Message
from textual.theme import Theme
from textual.widgets import Static

from leadtui.domain.dates import day_label, short_day_label
from leadtui.domain.oneonones import Action, Point, PointStatus, Visibility, carried_too_long
from leadtui.domain.reviews import Feedback, FeedbackKind
from leadtui.domain.search import SearchHit, SearchKind
from leadtui.domain.text import literal
from leadtui.services.oneonones import RunningDocument
from leadtui.tui.keys import key_for
from leadtui.tui.widgets.key_table import KeyTable, cropped
from leadtui.tui.widgets.styled_text import component_style

LOCK = "🔒"
MARKS = {PointStatus.OPEN: "·", PointStatus.DISCUSSED: "✓", PointStatus.DROPPED: "✗"}
PROMPT_MARK = "?"  # before the kind of a point taken from the prompt tray
TOO_LONG = "⚑"  # a point carried three or more times
SUGGESTED = "+"  # the mark of a suggested point: one to add, not one on the list yet
FOUND = "▸ "  # before the heading of a session shown from search
Item = Point | Action
_C = "running-document--"
_SUGGESTION = "s:"  # row keys of suggested points: "s:0", "s:1" …


def _key(item: Item) -> str:
    return f"{'p' if isinstance(item, Point) else 'a'}:{item.id}"


def _private(item: Item) -> bool:
    return item.visibility is Visibility.PRIVATE


class RunningDocumentView(Vertical):
    """One person's document, or what to do when there is nobody to show."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        f"{_C}name",
        f"{_C}label",
        f"{_C}overdue",
        f"{_C}muted",
        f"{_C}private",
        f"{_C}done",
        f"{_C}dropped",
        f"{_C}session",
        f"{_C}suggested",
        f"{_C}found",
    }

    class ItemSelected(Message):
        """Enter on an upcoming talking point or action item."""

        def __init__(self, item: Item) -> None:
            super().__init__()
            self.item = item

    class SuggestionChosen(Message):
        """Enter (or the edit key) on a suggested talking point: add it as one."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        super().__init__(id=id)
        self._doc: RunningDocument | None = None
        self._today = date.min
        self._more = False
        self._empty = ""
        self._items: dict[str, Item] = {}
        self._items_of: int | None = None  # whose items the table holds
        self._found: date | None = None  # the held session shown from search
        self._found_at: int | None = None  # its heading's place among the history's parts
        self._history_parts: list[Text] = []

    def compose(self) -> ComposeResult:
        yield Static(id="oo-heading")
        yield KeyTable(id="oo-items", cursor_type="row")
        yield Static(id="oo-detail")
        with VerticalScroll(id="oo-past"):
            yield Static(id="oo-draft")
            yield Static(id="oo-history")

    def on_mount(self) -> None:
        """Build again when the theme changes: the Rich Text holds the old colours."""
        self.app.theme_changed_signal.subscribe(self, self._restyle)

    def _restyle(self, _theme: Theme) -> None:
        self.refresh()  # drops the cached component styles
        self._render_all()

    # --- what the screen gives ------------------------------------------------------------

    def show(self, doc: RunningDocument, today: date, *, more: bool = False) -> None:
        """Show ``doc`` as of ``today``; ``more``: older sessions exist than those shown."""
        if self._doc is None or self._doc.person.id != doc.person.id:
            self._found = None  # a session marked is someone else's
        self._doc, self._today, self._more, self._empty = doc, today, more, ""
        self._render_all()

    def show_empty(self, message: str) -> None:
        """Nobody to show: ``message`` says what to do first."""
        self._doc, self._empty = None, message
        self._render_all()

    def focus_items(self) -> None:
        """Put the keyboard in the upcoming items."""
        self.query_one("#oo-items", KeyTable).focus()

    def select_item(self, item: type[Item], item_id: int) -> bool:
        """Put the cursor on the upcoming talking point or action item ``item_id`` and
        the keyboard in the items; False when it is not among them (filed, or gone)."""
        key = f"{'p' if item is Point else 'a'}:{item_id}"
        if key not in self._items:
            return False
        table = self.query_one("#oo-items", KeyTable)
        table.move_cursor(row=table.get_row_index(key), animate=False)
        table.focus()
        return True

    def show_hit(self, hit: SearchHit) -> date | None:
        """Show a search hit in this document: an upcoming talking point or action under
        the cursor, the notes so far at the top of the past sessions. For a held session's
        notes, or a point or action filed under one, the day of that session, to show with
        :meth:`show_session` once the history reaches it; None when nothing is left to do
        (a person's hit: their document is what there is to show)."""
        item = {SearchKind.POINT: Point, SearchKind.ACTION: Action}.get(hit.kind)
        if item is not None and self.select_item(item, hit.id):
            return None
        if hit.kind in (SearchKind.DRAFT, SearchKind.CONTEXT):
            self.show_draft()
            return None
        # A point's or action's date is, once filed, that of the session it is filed under.
        return hit.date if item is not None or hit.kind is SearchKind.NOTE else None

    def show_session(self, held_on: date) -> bool:
        """Mark the held session of ``held_on`` and scroll the past sessions to it, the
        keyboard there; False when no session of that day is shown."""
        if self._doc is None or not any(s.held_on == held_on for s, _, _ in self._doc.sessions):
            return False
        self._found = held_on
        self.query_one("#oo-history", Static).update(self._history(self._doc))
        past = self.query_one("#oo-past", VerticalScroll)
        past.focus()
        # Where the heading is depends on the layout, known after the next refresh.
        self.call_after_refresh(self._scroll_to_found)
        return True

    @property
    def marked_session(self) -> date | None:
        """The day of the held session marked by :meth:`show_session`, if one is."""
        return self._found

    def show_draft(self) -> None:
        """Scroll the past sessions back to the notes so far, the keyboard there."""
        past = self.query_one("#oo-past", VerticalScroll)
        past.focus()
        past.scroll_home(animate=False)

    @property
    def suggestion(self) -> str | None:
        """The suggested talking point under the cursor, if the cursor is on one."""
        table = self.query_one("#oo-items", KeyTable)
        if table.row_count == 0:
            return None
        return self._suggestion_at(
            table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        )

    def _suggestion_at(self, key: str | None) -> str | None:
        """The suggested point of the row ``key``, if it is a suggestion's row."""
        if self._doc is None or key is None or not key.startswith(_SUGGESTION):
            return None
        return self._doc.suggested[int(key.removeprefix(_SUGGESTION))]

    @property
    def selected(self) -> Item | None:
        """The upcoming item under the cursor, if there is one."""
        table = self.query_one("#oo-items", KeyTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self._items.get(key or "")

    # --- drawing --------------------------------------------------------------------------

    def _words(self, *parts: tuple[str, str] | str | Text) -> Text:
        """Text of plain strings, Text, and (words, component) pairs."""
        text = Text()
        for part in parts:
            if isinstance(part, Text):
                text.append_text(part)
                continue
            words, name = (part, "") if isinstance(part, str) else part
            text.append(words, component_style(self, _C + name) if name else None)
        return text

    def _render_all(self) -> None:
        doc = self._doc
        self.query_one("#oo-items").display = doc is not None
        self.query_one("#oo-past").display = doc is not None
        if doc is None:
            self.query_one("#oo-heading", Static).update(self._words((self._empty, "muted")))
            self.query_one("#oo-detail", Static).update("")
            self.query_one("#oo-items", KeyTable).clear()
            self._items = {}
            return
        self.query_one("#oo-heading", Static).update(self._heading(doc))
        self._fill_items()
        self.query_one("#oo-draft", Static).update(self._draft(doc))
        self.query_one("#oo-history", Static).update(self._history(doc))

    def _heading(self, doc: RunningDocument) -> Text:
        if doc.next_on is not None:
            next_on = day_label(doc.next_on, self._today)
        else:
            next_on = "when you next meet" if doc.series.ad_hoc else "not scheduled"
        changes = doc.upcoming_changes(self._today)
        return self._words(
            (literal(doc.person.name), "name"),
            (f"  ·  {doc.series.describe()}\n", "muted"),
            ("Next session: ", "label"),
            next_on,
            (self._overdue(doc), "overdue"),
            (f"  ({'; '.join(changes)})" if changes else "", "muted"),
        )

    def _overdue(self, doc: RunningDocument) -> str:
        """Why the 1:1 is overdue though its next date is ahead: none held lately."""
        if not doc.overdue:
            return ""
        # Short, so the heading stays two lines at 80 columns.
        if not doc.sessions:
            return " · overdue (never held)"
        return f" · overdue (last {short_day_label(doc.sessions[0][0].held_on, self._today)})"

    def _flags(self, item: Item, *, short: bool) -> Text:
        """What the table shows beside an item: carried, every session, due and done."""
        label = short_day_label if short else day_label
        flags: list[tuple[str, str]] = []
        if isinstance(item, Point):
            if item.prompt is not None:
                flags.append((f"{PROMPT_MARK}{item.prompt.mark}", "label"))
            if item.deep:
                flags.append(("deep", "label"))
            if carried_too_long(item):
                # Put off session after session: give it time, make it an action, or drop it.
                flags.append((f"{TOO_LONG} carried {item.carried}×", "overdue"))
            elif item.carried:
                flags.append((f"carried {item.carried}×", "muted"))
            if item.recurring:
                flags.append(("every session", "muted"))
        else:
            if item.due_on:
                late = "overdue" if item.overdue(self._today) else "muted"
                flags.append((f"due {label(item.due_on, self._today)}", late))
            if item.done_on:
                flags.append((f"done {label(item.done_on, self._today)}", "muted"))
            elif item.carried:
                flags.append((f"carried {item.carried}×", "muted"))
        text = Text()
        for index, flag in enumerate(flags):
            text.append_text(self._words((", " if index else "", "muted"), flag))
        return text

    def _text(self, item: Item) -> Text:
        """The item's words: a lock and the private style on private points."""
        if isinstance(item, Action):
            return self._words("Action: " + literal(item.text))
        if _private(item):
            return self._words((f"{LOCK} {literal(item.text)}", "private"))
        dropped = item.status is PointStatus.DROPPED
        return self._words((literal(item.text), "dropped" if dropped else ""))

    def _mark(self, item: Item) -> Text:
        if isinstance(item, Action):
            return self._words(("✓", "done") if item.done_on else "☐")
        style = {PointStatus.DISCUSSED: "done", PointStatus.DROPPED: "dropped"}
        return self._words((MARKS[item.status], style.get(item.status, "")))

    def _fill_items(self) -> None:
        """The upcoming items, columns sized to this document and this width."""
        assert self._doc is not None
        doc = self._doc
        table = self.query_one("#oo-items", KeyTable)
        items: list[Item] = [*doc.points, *(a for a in doc.actions if a.session_id is None)]
        same_person = self._items_of == doc.person.id
        keep = self.selected if same_person else None
        keep_row = table.cursor_row if same_person else 0
        self._items_of = doc.person.id
        self._items = {_key(item): item for item in items}
        # Rows: the points, then the suggested ones (talking points to be), then actions.
        rows: list[tuple[str, Text, Text, str, Text]] = [
            (_key(i), self._mark(i), self._text(i), _who(i), self._flags(i, short=True))
            for i in doc.points
        ]
        rows += [
            (
                f"{_SUGGESTION}{index}",
                self._words((SUGGESTED, "suggested")),
                self._words((literal(words), "suggested")),
                "",
                self._words(("suggested", "muted")),
            )
            for index, words in enumerate(doc.suggested)
        ]
        rows += [
            (_key(i), self._mark(i), self._text(i), _who(i), self._flags(i, short=True))
            for i in items[len(doc.points) :]
        ]
        pad = 2 * table.cell_padding
        # This panel's width, not the table's: on a resize the table is laid out after it.
        width = self.content_region.width or 60
        who_width = max([3, *(len(who) for *_, who, _ in rows)])
        flags = [flag for *_, flag in rows]
        texts = [text for _, _, text, _, _ in rows]
        flags_width = min(max([0, *(f.cell_len for f in flags)]), max(12, width // 3))
        room = width - (1 + pad) - (who_width + pad) - (flags_width + pad) - pad
        # As wide as this document's longest item needs, so Who sits beside the words; a
        # longer one is cut here and shown in full under the table.
        text_width = max(min(room, max([len("Upcoming"), *(t.cell_len for t in texts)])), 8)
        # Filling the table moves its cursor through the first row: only the user's moves
        # are news (they show the item in full below).
        with table.prevent(KeyTable.RowHighlighted):
            table.clear(columns=True)
            table.add_column("", width=1)
            table.add_column("Upcoming", width=text_width)
            table.add_column("Who", width=who_width)
            table.add_column("", width=flags_width)
            for key, mark, text, who, flag in rows:
                table.add_row(
                    mark, cropped(text, text_width), who, cropped(flag, flags_width), key=key
                )
            if keep is not None and _key(keep) in self._items:
                table.move_cursor(row=table.get_row_index(_key(keep)), animate=False)
            elif rows:
                # The item acted on left the list (filed, or a suggestion taken): stay at
                # its place.
                table.move_cursor(row=min(keep_row, len(rows) - 1), animate=False)
        self._show_detail()

    def _show_detail(self) -> None:
        """The highlighted item in full, wrapped, with everything the table had to cut."""
        detail = self.query_one("#oo-detail", Static)
        item = self.selected
        suggestion = self.suggestion
        if suggestion is not None:
            detail.update(
                self._words(
                    "▸ ",
                    (literal(suggestion), "suggested"),
                    ("  — suggested, not on the list yet: enter adds it as your point", "muted"),
                )
            )
            return
        if item is None:
            point, theirs, action = (self._key(n) for n in ("point", "their_point", "action"))
            detail.update(
                self._words(
                    (
                        f"Nothing for next time yet: {point} adds a talking point, "
                        f"{theirs} one they raised, {action} an action item.",
                        "muted",
                    ),
                )
            )
            return
        facts = []
        if isinstance(item, Point):
            facts.append(f"raised by {item.raised_by.value}")
            if _private(item):
                facts.append("private")
            if item.status is not PointStatus.OPEN:
                facts.append(item.status.value)
        else:
            facts.append(f"owner {item.owner.value}")
        flags = self._flags(item, short=False)
        text = self._words("▸ ", self._text(item), ("  — " + " · ".join(facts), "muted"))
        if flags:
            text.append_text(self._words((" · ", "muted"), flags))
        detail.update(text)

    def _key(self, name: str) -> str:
        """The key of the One-on-ones binding ``1on1.<name>`` now (the keymap may move it)."""
        return key_for(self, f"1on1.{name}")

    def _feedback(self, entry: Feedback) -> Text:
        private = entry.visibility is Visibility.PRIVATE
        kind = "strength" if entry.kind is FeedbackKind.STRENGTH else "to grow"
        return self._words(
            (f"feedback ({kind}{f', {LOCK} private' if private else ''}): ", "muted"),
            (literal(entry.text), "private" if private else ""),
        )

    def _draft(self, doc: RunningDocument) -> RenderableType:
        notes: list[RenderableType] = []
        if doc.depth_warning:
            notes.append(self._words(("Depth: ", "label"), (doc.depth_warning, "overdue")))
        if doc.offer is not None:
            notes.append(
                self._words(
                    ("First session: ", "label"),
                    (f"{self._key('template')} adds the {doc.offer} agenda", "muted"),
                )
            )
        if doc.ratings:
            trend = " ".join(str(r) for r in doc.ratings[-8:])
            notes.append(
                self._words(
                    (f"{LOCK} Was it useful? ", "label"), (f"{trend} (oldest first, *)", "muted")
                )
            )
        if doc.rating_advice:
            notes.append(self._words((doc.rating_advice, "overdue")))
        context = doc.context
        if context is not None and not context.empty:
            notes.append(
                self._words((f"{LOCK} Personal context ({self._key('context')})", "label"))
            )
            notes += [
                self._words((f"{words}: ", "muted"), (literal(text, one_line=False), "private"))
                for words, text in context.filled()
            ]
        pending = doc.pending_feedback()
        if pending:
            notes += [self._words(("Feedback given", "label"))]
            notes += [self._feedback(f) for f in pending]
        if doc.series.draft_shared_notes:
            notes += [
                self._words(("Notes so far", "label")),
                Text(literal(doc.series.draft_shared_notes, one_line=False)),
            ]
        if doc.series.draft_private_notes:
            notes += [
                self._words((f"{LOCK} Private notes so far", "label")),
                self._words((literal(doc.series.draft_private_notes, one_line=False), "private")),
            ]
        if not doc.series.draft_shared_notes and not doc.series.draft_private_notes:
            held = self._key("hold")
            hold = (
                f"{held} records a session on the day you meet; "
                f"{self._key('series')} sets up a recurring series."
                if doc.series.ad_hoc
                else f"{held} holds the session."
            )
            notes.append(self._words((f"No notes yet ({self._key('notes')}). {hold}", "muted")))
        return Group(*notes)

    def _history(self, doc: RunningDocument) -> RenderableType:
        parts: list[Text] = []
        self._found_at = None
        for session, filed, done in doc.sessions:
            day = day_label(session.held_on, self._today)
            if session.held_on == self._found:
                self._found_at = len(parts)
                parts.append(self._words("\n", (FOUND + day, "found")))
            else:
                parts.append(self._words("\n", (day, "session")))
            for point in filed:
                lock = f"{LOCK} " if _private(point) else ""
                parts.append(
                    self._words(
                        "  ",
                        self._mark(point),
                        (f" {lock}{literal(point.text)}", "private" if lock else ""),
                    )
                )
            for action in done:
                parts.append(
                    self._words(
                        "  ",
                        self._mark(action),
                        f" done: {literal(action.text)} ({action.owner.value})",
                    )
                )
            for entry in doc.feedback_in(session.id):
                parts.append(self._words("  ", self._feedback(entry)))
            if session.shared_notes:
                parts.append(Text("  " + literal(session.shared_notes, one_line=False)))
            if session.private_notes:
                parts.append(
                    self._words(
                        (
                            f"  {LOCK} private: {literal(session.private_notes, one_line=False)}",
                            "private",
                        )
                    )
                )
            notes = session.shared_notes or session.private_notes
            if not (filed or done or notes or doc.feedback_in(session.id)):
                parts.append(self._words(("  nothing filed, no notes", "muted")))
        if self._more:
            parts.append(self._words(("\nm shows more", "muted")))
        self._history_parts = parts
        if not parts:
            return self._words(("No sessions held yet.", "muted"))
        return Group(*parts)

    def _scroll_to_found(self, tries: int = 5) -> None:
        """Scroll the past sessions so the marked session's heading is at the top, once
        the layout has caught up with the history drawn (a screen opening for the first
        time lays it out over a few refreshes): until then, try again after the next."""
        history = self.query_one("#oo-history", Static)
        width = history.content_region.width
        if self._found_at is None:
            return
        console = self.app.console
        lines = [len(part.wrap(console, width)) for part in self._history_parts] if width else []
        if (not width or history.size.height != sum(lines)) and tries:
            self.call_after_refresh(self._scroll_to_found, tries - 1)
            return
        # The lines the history draws above the heading, and the blank line that opens
        # the heading's own part.
        above = sum(lines[: self._found_at]) + 1
        past = self.query_one("#oo-past", VerticalScroll)
        past.scroll_to(y=history.virtual_region.y + above, animate=False)

    # --- events ---------------------------------------------------------------------------

    def on_resize(self, _event: Resize) -> None:
        """Size the columns to the new width."""
        if self._doc is not None:
            self._fill_items()

    @on(KeyTable.RowHighlighted, "#oo-items")
    def _highlighted(self, event: KeyTable.RowHighlighted) -> None:
        event.stop()
        self._show_detail()

    @on(KeyTable.RowSelected, "#oo-items")
    def _selected(self, event: KeyTable.RowSelected) -> None:
        event.stop()
        item = self._items.get(event.row_key.value or "")
        if item is not None:
            self.post_message(self.ItemSelected(item))
        elif (suggestion := self._suggestion_at(event.row_key.value)) is not None:
            self.post_message(self.SuggestionChosen(suggestion))


def _who(item: Item) -> str:
    return (item.raised_by if isinstance(item, Point) else item.owner).value
