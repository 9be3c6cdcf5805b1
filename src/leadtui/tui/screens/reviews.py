"""Reviews: the T3B3 board (reports by half) above the editor for one person and half."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, ClassVar

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.markup import escape
from textual.widgets import Header, Static

from leadtui.domain.dates import Half, half_of
from leadtui.domain.feedback import (
    SLOTS,
    T3B3,
    Evidence,
    EvidenceKind,
    FeedbackKind,
    T3B3Item,
    T3B3Side,
    T3B3Status,
    side_name,
)
from leadtui.domain.oneonones import Visibility
from leadtui.domain.people import Person
from leadtui.domain.text import literal, plural
from leadtui.services.review import T3B3Changed, T3B3View, t3b3_view
from leadtui.tui.screens.base import LeadtuiScreen
from leadtui.tui.widgets.footer import Footer
from leadtui.tui.widgets.key_table import KeyTable

SIDES = ((T3B3Side.TOP, "Top"), (T3B3Side.BOTTOM, "Bottom"))
FEEDBACK_SHOWN = 12


def half_span(half: Half, start_month: int) -> str:
    """``Jul–Dec 2026`` (or ``Oct 2026–Mar 2027`` for a year that starts in October)."""
    first, last = half.bounds(start_month)
    if first.year == last.year:
        return f"{first:%b}–{last:%b %Y}"
    return f"{first:%b %Y}–{last:%b %Y}"


def days_ago(day: date | None, today: date) -> str:
    """``today``, ``yesterday``, ``12 days ago`` or ``never``."""
    if day is None:
        return "never"
    days = (today - day).days
    if days <= 0:
        return "today"
    return "yesterday" if days == 1 else f"{days} days ago"


def evidence_text(evidence: Evidence) -> str:
    """``feedback of 2026-09-10: “…”`` for a linked or suggested item."""
    where = "feedback" if evidence.kind is EvidenceKind.FEEDBACK else "a 1:1 point"
    return f"{where} of {evidence.on.isoformat()}: “{literal(evidence.text)}”"


def distinct(evidence: Iterable[Evidence]) -> list[Evidence]:
    """Keep the first of each wording: a point asked every session ("How is your
    energy?") or copied into several is one candidate, not a dozen."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for e in evidence:
        mark = (e.kind, e.text.casefold())
        if mark not in seen:
            seen.add(mark)
            kept.append(e)
    return kept


class ReviewsScreen(LeadtuiScreen):
    """Twice a year: three Top and three Bottom items per report, delivered in person."""

    CSS_PATH = "../styles/reviews.tcss"
    AREA = "Reviews"
    HELP = """\
# Reviews

T3B3 per report and half: their **top three** strengths and **bottom three** areas to
grow, delivered in person. Fewer than 3 + 3 is a draft, 3 + 3 is ready, a fourth item
is refused. Feedback in a review should never be a surprise, so every Bottom item
shows what it was raised in before (earlier feedback or a 1:1 point); one with no link
is flagged **⚠ would be a surprise**.

The **board** at the top has one row per report and a column per half (the half being
edited is the last one; *now* marks this half) and when you last gave them feedback.
Pick a person there; **enter** or **tab** goes to their six slots below.

- **T** adds a Top item, **B** a Bottom item; **enter** (or **i**) fills the selected
  empty slot or edits the selected item; **x** removes it; **[** and **]** reorder.
- **l** links the selected Bottom item to what raised it before: growth feedback they
  heard or a shared 1:1 point discussed in a held session (★ marks candidates sharing
  words with it, from this half and the last); **u** unlinks.
- **f** records feedback for the person (strength or growth, shared or private, dated).
- **D** records the delivery: in person or not, and the day. It needs 3 + 3; after that
  the T3B3 is read-only.
- **X** switches "remove the text after delivery": when on, delivering deletes the six
  texts and keeps only the fact that it was delivered.
- **<** and **>** go to the previous and the next half (planning reaches no further).
- **e** exports the review packet as Markdown: shared by default (the person's copy: the
  fact of delivery, shared feedback and 1:1 highlights); type `private:` before the
  path for your full copy with the T3B3 text.

On the right: last half's Bottom areas (which persist, which closed) and the person's
feedback this half. From the shell: `leadtui feedback add sam "Clear design doc"`,
`leadtui t3b3 show sam`, `leadtui export review sam`.
"""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "T",
            "add('top')",
            "Top",
            show=False,
            tooltip="Add a Top item (a strength)",
            id="reviews.top",
        ),
        Binding(
            "B",
            "add('bottom')",
            "Bottom",
            show=False,
            tooltip="Add a Bottom item (an area to grow)",
            id="reviews.bottom",
        ),
        Binding(
            "i",
            "edit",
            "Edit",
            show=False,
            tooltip="Fill the selected slot or edit its item",
            id="reviews.edit",
        ),
        Binding(
            "x",
            "remove",
            "Remove",
            show=False,
            tooltip="Remove the selected item",
            id="reviews.remove",
        ),
        Binding(
            "left_square_bracket",
            "move(-1)",
            "Up",
            show=False,
            tooltip="Move the selected item up",
            id="reviews.up",
        ),
        Binding(
            "right_square_bracket",
            "move(1)",
            "Down",
            show=False,
            tooltip="Move the selected item down",
            id="reviews.down",
        ),
        Binding(
            "l",
            "link",
            "Link",
            show=False,
            tooltip="Link the selected Bottom item to earlier feedback or a 1:1 point",
            id="reviews.link",
        ),
        Binding(
            "u",
            "unlink",
            "Unlink",
            show=False,
            tooltip="Unlink the selected Bottom item",
            id="reviews.unlink",
        ),
        Binding("f", "feedback", "Feedback", tooltip="Record feedback", id="reviews.feedback"),
        Binding(
            "D", "deliver", "Deliver", tooltip="Record the T3B3 as delivered", id="reviews.deliver"
        ),
        Binding(
            "X",
            "toggle_remove_text",
            "Remove text",
            show=False,
            tooltip="Remove the text after delivery (on or off)",
            id="reviews.remove_text",
        ),
        Binding(
            "less_than_sign",
            "half(-1)",
            "Prev half",
            show=False,
            tooltip="Go to the previous half",
            id="reviews.previous_half",
        ),
        Binding(
            "greater_than_sign",
            "half(1)",
            "Next half",
            show=False,
            tooltip="Go to the next half",
            id="reviews.next_half",
        ),
        Binding("e", "export", "Export", tooltip="Export the review packet", id="reviews.export"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.person_id: int | None = None
        self.half: Half | None = None
        self.view: T3B3View | None = None

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        with Vertical(id="rv-body"):
            yield Static("", id="rv-empty")
            yield KeyTable(id="rv-board", cursor_type="row")
            with Horizontal(id="rv-editor"):
                with Vertical(id="rv-left", classes="rv-panel"):
                    yield Static("", id="rv-heading")
                    yield KeyTable(id="rv-slots", cursor_type="row")
                    yield Static("", id="rv-detail")
                with VerticalScroll(id="rv-right"):
                    yield Static("", id="rv-previous", classes="rv-panel")
                    yield Static("", id="rv-feedback", classes="rv-panel")
        yield Footer()

    def on_mount(self) -> None:
        """Start on the board."""
        self.sub_title = "Reviews"
        self.query_one("#rv-board", KeyTable).focus()

    # --- data ---------------------------------------------------------------------------

    @property
    def start_month(self) -> int:
        """The month the review year starts in (config.toml [review])."""
        return self.leadtui.settings.review.half_start_month

    def _colour(self, name: str, fallback: str) -> str:
        return self.app.theme_variables.get(name, fallback)

    def refresh_data(self) -> None:
        """Reload the board and the selected person's T3B3."""
        from leadtui.services.review import review_board

        if self.half is None:
            self.half = half_of(self.today, self.start_month)
        half = self.half
        board_data = review_board(self.db, self.today, half, self.start_month)
        reports = board_data.reports
        board = self.query_one("#rv-board", KeyTable)
        empty = self.query_one("#rv-empty", Static)
        has_reports = bool(reports)
        empty.display = not has_reports
        board.display = has_reports
        self.query_one("#rv-editor").display = has_reports
        if not has_reports:
            self.person_id = None
            self.view = None
            empty.update(self._empty_text(board_data.anyone))
            return
        # The default theme's accent is its warning colour, so "ready" uses primary.
        accent = self._colour("primary", "cyan")
        labels: list[tuple[str, Text]] = [("person", Text("Report", style="bold"))]
        for h in board_data.halves:
            title = h.label + (" · now" if h == board_data.this_half else "")
            labels.append((h.label, Text(title, style=f"bold {accent}" if h == half else "bold")))
        labels.append(("last", Text("Last feedback", style="bold")))
        rows: list[list[Text]] = []
        for person in reports:
            cells: list[Text] = [Text(literal(person.name))]
            for h in board_data.halves:
                cells.append(self._board_cell(board_data.record(person, h), h == half))
            cells.append(
                Text(
                    days_ago(board_data.last_given.get(person.id), self.today),
                    style=self._colour("warning", "yellow") if board_data.quiet(person) else "",
                )
            )
            rows.append(cells)
        board.clear(columns=True)
        for index, (key, header) in enumerate(labels):
            # Widths are measured here: auto widths settle only after the first paint,
            # which can leave the first frame's cells cut to the header's width.
            width = max(header.cell_len, *(row[index].cell_len for row in rows))
            board.add_column(header, key=key, width=width)
        for person, cells in zip(reports, rows, strict=True):
            board.add_row(*cells, key=str(person.id))
        board.border_title = f"T3B3 by half · {plural(len(reports), 'report')}"
        board.border_subtitle = "enter: edit · < > half"
        ids = [p.id for p in reports]
        if self.person_id not in ids:
            self.person_id = ids[0]
        board.move_cursor(row=ids.index(self.person_id))
        self.show_editor()

    def _empty_text(self, anyone: bool) -> Text:
        first = "Nobody here has the relation 'report' yet." if anyone else "Nobody here yet."
        return Text.assemble(
            ("No reports to review\n\n", "bold"),
            first,
            " T3B3 is written twice a year for each direct report: their top three strengths "
            "and bottom three areas to grow.\n\n",
            "Add a report on the People screen (p, then a, relation report), or from the shell:\n",
            ('  leadtui people add "Sam Okafor" --relation report\n', "bold"),
            "Try it all on a sample team with ",
            ("leadtui demo --db try.db", "bold"),
            ".",
        )

    def _board_cell(self, record: T3B3 | None, editing: bool) -> Text:
        if record is None or (record.filled == 0 and record.delivered_on is None):
            return Text("—", style="dim")
        status = record.status
        if status is T3B3Status.DELIVERED:
            style = self._colour("success", "green")
        elif status is T3B3Status.READY:
            style = f"bold {self._colour('primary', 'cyan')}"
        else:
            style = "" if editing else "dim"
        text = Text(record.status_text(), style=style)
        surprises = len(record.surprises())
        if surprises and status is not T3B3Status.DELIVERED:
            text.append(f" ⚠{surprises}", style=self._colour("warning", "yellow"))
        return text

    def select_person(self, person_id: int) -> None:
        """Show this report's T3B3 for this half (Today opens a report here); the refresh
        that comes with showing the screen puts the cursor on them."""
        self.person_id = person_id
        self.half = None

    def on_data_table_row_highlighted(self, event: KeyTable.RowHighlighted) -> None:
        """Moving on the board shows that person; moving in the slots shows the detail."""
        if event.data_table.id == "rv-board" and event.row_key.value is not None:
            person_id = int(event.row_key.value)
            if person_id != self.person_id:
                self.person_id = person_id
                self.show_editor()
        elif event.data_table.id == "rv-slots":
            self.show_detail()

    def on_data_table_row_selected(self, event: KeyTable.RowSelected) -> None:
        """Enter on the board goes to the slots; enter on a slot fills or edits it."""
        if event.data_table.id == "rv-board":
            self.query_one("#rv-slots", KeyTable).focus()
        elif event.data_table.id == "rv-slots":
            self.action_edit()

    # --- the editor -----------------------------------------------------------------------

    def show_editor(self) -> None:
        """Render the selected person's T3B3 for the selected half."""
        from leadtui.services.people import get_person

        if self.person_id is None or self.half is None:
            return
        person = get_person(self.db, self.person_id)
        self.view = view = t3b3_view(self.db, person, self.half, self.start_month)
        t = view.t3b3
        left = self.query_one("#rv-left")
        left.border_title = escape(
            f"{literal(person.name)} · {self.half.label} ({half_span(self.half, self.start_month)})"
        )
        left.border_subtitle = (
            "read-only"
            if t.delivered_on is not None
            else "T/B add · enter edit · x remove · [ ] order · l link"
        )
        self.query_one("#rv-heading", Static).update(self._heading(view))

        slots = self.query_one("#rv-slots", KeyTable)
        keep = self._slot_key()
        width = self._item_width()
        slots.clear(columns=True)
        slots.add_column("Slot", width=8, key="slot")
        slots.add_column("Item", width=width, key="item")
        warning = self._colour("warning", "yellow")
        success = self._colour("success", "green")
        for side, name in SIDES:
            items = t.side(side)
            for rank in range(1, SLOTS + 1):
                item = items[rank - 1] if rank <= len(items) else None
                label = Text(f"{name} {rank}", style="bold" if item else "dim")
                if item is None:
                    if t.text_removed:
                        cell = Text("text removed after delivery", style="dim italic")
                    elif t.delivered_on is not None:
                        cell = Text("—", style="dim")
                    else:
                        key = "T" if side is T3B3Side.TOP else "B"
                        cell = Text(f"empty · enter or {key} fills it", style="dim italic")
                else:
                    cell = Text(literal(item.text))
                    if side is T3B3Side.BOTTOM:
                        link = view.linked.get(item.id)
                        if link is not None:
                            # One line here; the panel below has the whole text.
                            line = Text.assemble(
                                ("✓ raised before in ", success), (evidence_text(link), "dim")
                            )
                            line.truncate(width, overflow="ellipsis")
                            cell.append("\n")
                            cell.append_text(line)
                        elif item.linked:
                            cell.append("\n✓ raised before", style=success)
                        else:
                            cell.append("\n⚠ would be a surprise", style=f"bold {warning}")
                            if view.suggestions.get(item.id):
                                cell.append(" · l links a candidate", style="dim")
                slots.add_row(label, cell, key=f"{side.value}:{rank}", height=None)
        if keep is not None and keep in slots.rows:
            slots.move_cursor(row=slots.get_row_index(keep))
        self.show_detail()
        self.query_one("#rv-previous", Static).update(self._previous(view))
        self._show_feedback(person)

    def _item_width(self) -> int:
        # The slots pane takes 3/5 of the editor; the slot label column is 8 wide and
        # each column has one cell of padding either side.
        pane = (self.app.size.width - 2) * 3 // 5
        return max(24, pane - 2 - 2 - 10 - 2 - 2)

    def on_resize(self) -> None:
        """Re-wrap the items to the new width."""
        if self.view is not None:
            self.show_editor()

    def _heading(self, view: T3B3View) -> Text:
        t = view.t3b3
        person = view.person
        about = " · ".join(part for part in (person.title, person.team, person.level) if part)
        text = Text()
        if about:
            text.append(literal(about) + "\n", style="dim")
        if t.delivered_on is not None:
            text.append(
                f"{t.status_text()} on {t.delivered_on.isoformat()}",
                style=f"bold {self._colour('success', 'green')}",
            )
            text.append(" · read-only")
            if t.text_removed:
                text.append(" · the text was removed; only the fact is kept", style="dim")
            return text
        ready = t.status is T3B3Status.READY
        text.append(
            t.status_text(),
            style=f"bold {self._colour('primary', 'cyan')}" if ready else "bold",
        )
        text.append(" · D delivers" if ready else " · 3 Top + 3 Bottom to deliver", style="dim")
        surprises = len(t.surprises())
        if surprises:
            text.append(
                f" · ⚠ {surprises} would be a surprise",
                style=self._colour("warning", "yellow"),
            )
        text.append("\nAfter delivery: ", style="dim")
        text.append(
            "remove the text, keep the fact" if t.remove_text else "keep the text (private)",
        )
        text.append(" (X switches)", style="dim")
        return text

    def _slot_key(self) -> str | None:
        slots = self.query_one("#rv-slots", KeyTable)
        if slots.row_count == 0:
            return None
        return slots.coordinate_to_cell_key(slots.cursor_coordinate).row_key.value

    def _selected(self) -> tuple[T3B3Side, int, T3B3Item | None] | None:
        """The side, rank and item (None for an empty slot) under the slots cursor."""
        key = self._slot_key()
        if key is None or self.view is None:
            return None
        side_text, _, rank_text = key.partition(":")
        side, rank = T3B3Side(side_text), int(rank_text)
        items = self.view.t3b3.side(side)
        return side, rank, items[rank - 1] if rank <= len(items) else None

    def show_detail(self) -> None:
        """What the selected slot holds, and for a Bottom item its no-surprise evidence."""
        detail = self.query_one("#rv-detail", Static)
        selected = self._selected()
        view = self.view
        if selected is None or view is None:
            detail.update("")
            return
        side, rank, item = selected
        name = "Top" if side is T3B3Side.TOP else "Bottom"
        warning = self._colour("warning", "yellow")
        success = self._colour("success", "green")
        lines: list[RenderableType] = []
        if view.t3b3.text_removed:
            lines.append(
                Text(
                    "The text was removed after delivery, as chosen; only the fact of the "
                    "delivery is kept.",
                    style="dim",
                )
            )
        elif item is None:
            what = (
                "a strength: something they do that you want more of"
                if side is T3B3Side.TOP
                else "an area to grow: raise it in a 1:1 or as feedback first, so it is no surprise"
            )
            lines.append(Text(f"{name} {rank} is empty. Write {what}.", style="dim"))
        elif side is T3B3Side.TOP:
            lines.append(Text("A strength; Top items need no link.", style="dim"))
        else:
            link = view.linked.get(item.id)
            delivered = view.t3b3.delivered_on is not None
            if link is not None:
                lines.append(
                    Text.assemble(
                        ("✓ Raised before in ", success),
                        evidence_text(link),
                        ("" if delivered else " · u unlinks", "dim"),
                    )
                )
            elif delivered:
                lines.append(
                    Text("⚠ Delivered without a link to anything raised before.", style=warning)
                )
            else:
                lines.append(
                    Text.assemble(
                        ("⚠ Would be a surprise: ", f"bold {warning}"),
                        "nothing raised before is linked. Raise it in the next 1:1 or give "
                        "feedback (f) before the review.",
                    )
                )
            candidates = distinct(e for e in view.suggestions.get(item.id, []) if e != link)
            if candidates and not delivered:
                lines.append(Text("Candidates sharing words (l links one):", style="bold"))
                grid = Table.grid(padding=(0, 1))
                grid.add_column(no_wrap=True, style="dim")
                grid.add_column(no_wrap=True)
                grid.add_column()
                for e in candidates:
                    where = "feedback" if e.kind is EvidenceKind.FEEDBACK else "1:1 point"
                    words = Text(literal(e.text))
                    if e.visibility is Visibility.PRIVATE:
                        words.append(" (private)", style="italic dim")
                    grid.add_row(e.on.isoformat(), where, words)
                lines.append(grid)
            elif link is None and not delivered:
                first = view.half.previous().label
                lines.append(
                    Text(
                        f"No feedback or 1:1 point since {first} shares words with it; "
                        "l lists them all.",
                        style="dim",
                    )
                )
        detail.update(Group(*lines))

    def _previous(self, view: T3B3View) -> RenderableType:
        previous = view.previous
        widget = self.query_one("#rv-previous", Static)
        widget.border_title = f"Half over half · {previous.half}"
        if previous.id == 0:
            return Text(f"No T3B3 for {previous.half}.", style="dim")
        state = previous.status_text()
        if previous.delivered_on:
            state += f" on {previous.delivered_on.isoformat()}"
        lines: list[RenderableType] = [Text(state, style="bold")]
        if previous.text_removed:
            lines.append(Text("Text removed after delivery; only the fact is kept.", style="dim"))
            return Group(*lines)
        if not view.carried:
            lines.append(Text("No Bottom areas last half.", style="dim"))
            return Group(*lines)
        warning = self._colour("warning", "yellow")
        success = self._colour("success", "green")
        lines.append(Text("Last half's areas to grow:", style="dim"))
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column()
        for carried in view.carried:
            line = Text(literal(carried.previous.text))
            if carried.now is not None:
                line.append("\npersists", style=f"bold {warning}")
                # A no-break space: wrapping must not swallow the gap after the label.
                line.append(f"\u00a0as “{literal(carried.now.text)}”", style="dim")
                grid.add_row(Text("●", style=warning), line)
            else:
                line.append("\nclosed", style=f"bold {success}")
                grid.add_row(Text("✓", style=success), line)
        lines.append(grid)
        return Group(*lines)

    def _show_feedback(self, person: Person) -> None:
        widget = self.query_one("#rv-feedback", Static)
        from leadtui.services.review import list_feedback

        assert self.half is not None
        entries = list_feedback(self.db, person, self.half, self.start_month)
        widget.border_title = f"Feedback in {self.half.label} · {len(entries)}"
        widget.border_subtitle = "+ strength · △ growth · f adds"
        if not entries:
            widget.update(
                Text(
                    "None yet. f records what you saw (a strength or something to grow); "
                    "in a 1:1, f on the One-on-ones screen files it under the session.",
                    style="dim",
                )
            )
            return
        success = self._colour("success", "green")
        warning = self._colour("warning", "yellow")
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True, style="dim")
        grid.add_column(no_wrap=True)
        grid.add_column()
        newest = list(reversed(entries))
        for entry in newest[:FEEDBACK_SHOWN]:
            strength = entry.kind is FeedbackKind.STRENGTH
            mark = Text("+" if strength else "△", style=f"bold {success if strength else warning}")
            words = Text(literal(entry.text))
            notes = []
            if entry.visibility is Visibility.PRIVATE:
                notes.append("private")
            if entry.series_id is not None:
                notes.append("in a 1:1")
            if notes:
                words.append(f" ({', '.join(notes)})", style="italic dim")
            grid.add_row(f"{entry.given_on:%b %d}", mark, words)
        parts: list[RenderableType] = [grid]
        if len(newest) > FEEDBACK_SHOWN:
            parts.append(
                Text(
                    f"… {len(newest) - FEEDBACK_SHOWN} earlier; the review packet (e) has all",
                    style="dim",
                )
            )
        widget.update(Group(*parts))

    # --- actions --------------------------------------------------------------------------

    def _person(self) -> Person | None:
        if self.view is None:
            self.notify(
                "Add a report on the People screen (p) first.", severity="warning", markup=False
            )
            return None
        return self.view.person

    def _editable(self) -> T3B3View | None:
        """The view when its T3B3 can still change; otherwise say why not."""
        from leadtui.domain.feedback import check_editable
        from leadtui.errors import InputError

        view = self.view
        if view is None:
            self._person()
            return None
        try:
            check_editable(view.t3b3)  # say so before a dialog opens
        except InputError as exc:
            self.notify(exc.message, severity="warning", title=self.AREA, markup=False)
            return None
        return view

    def _tell(self, notice: str | None) -> None:
        """Show what the service says the user should know (an archived person's notice)."""
        if notice:
            self.notify(notice, severity="warning", title=self.AREA, markup=False)

    def _after(self, changed: T3B3Changed | None, key: str | None = None) -> None:
        """Reload after a change and put the cursor on the slot it landed on (``key``, or
        the changed item's slot)."""
        if changed is None:
            return
        self._tell(changed.notice)
        if key is None and changed.item is not None:
            key = f"{changed.item.side.value}:{changed.item.rank}"
        self.refresh_data()
        slots = self.query_one("#rv-slots", KeyTable)
        if key is not None and key in slots.rows:
            slots.move_cursor(row=slots.get_row_index(key))

    def action_add(self, side: str) -> None:
        """Add an item to the Top or Bottom side (a fourth is refused in the prompt)."""
        from leadtui.domain.feedback import check_room
        from leadtui.errors import InputError

        view = self._editable()
        if view is None:
            return
        try:
            check_room(view.t3b3, T3B3Side(side))  # say so before anything is typed
        except InputError as exc:
            self.notify(exc.message, severity="warning", title=self.AREA, markup=False)
            return
        self._prompt_item(view, T3B3Side(side), None)

    def _prompt_item(self, view: T3B3View, side: T3B3Side, item: T3B3Item | None) -> None:
        from leadtui.domain.feedback_input import T3B3ItemDraft
        from leadtui.domain.validation import build
        from leadtui.services.review import add_t3b3_item, edit_t3b3_item
        from leadtui.tui.screens.text_prompt import TextPrompt

        person, half = view.person, view.half
        name = side_name(side)
        landed: list[T3B3Changed] = []
        today, start_month = self.today, self.start_month

        def save(text: str) -> None:
            draft = build(T3B3ItemDraft, text=text)
            if item is None:
                changed = add_t3b3_item(
                    self.db, person, half, side, draft, today=today, start_month=start_month
                )
            else:
                changed = edit_t3b3_item(
                    self.db,
                    person,
                    half,
                    side,
                    item.rank,
                    draft,
                    today=today,
                    start_month=start_month,
                )
            landed.append(changed)

        if item is None:
            what = "a strength" if side is T3B3Side.TOP else "an area to grow"
            title = f"{name} item for {literal(person.name)}, {half.label} ({what})"
        else:
            title = f"{name} {item.rank} for {literal(person.name)}, {half.label}"
        self.app.push_screen(
            TextPrompt(
                title,
                save,
                value=item.text if item else "",
                placeholder="a few words, e.g. Clear, well-argued design docs"
                if side is T3B3Side.TOP
                else "a few words, e.g. Lets code reviews wait for days",
            ),
            lambda saved: self._after(landed[0]) if saved and landed else None,
        )

    def action_edit(self) -> None:
        """Fill the selected empty slot, or edit the selected item."""
        view = self._editable()
        selected = self._selected()
        if view is None or selected is None:
            return
        side, _, item = selected
        self._prompt_item(view, side, item)

    def action_remove(self) -> None:
        """Remove the selected item after asking."""
        from leadtui.services.review import remove_t3b3_item
        from leadtui.tui.screens.confirm import ConfirmScreen

        view = self._editable()
        selected = self._selected()
        if view is None or selected is None:
            return
        side, rank, item = selected
        if item is None:
            return
        person, half = view.person, view.half

        def answered(yes: bool | None) -> None:
            if yes:
                removed = self.guarded(
                    lambda: remove_t3b3_item(
                        self.db,
                        person,
                        half,
                        side,
                        rank,
                        today=self.today,
                        start_month=self.start_month,
                    )
                )
                self._after(removed, f"{side.value}:{rank}")

        self.app.push_screen(
            ConfirmScreen(
                f"Remove {side_name(side)} {rank}?",
                f"“{literal(item.text)}” — the items below move up.",
                yes="Remove",
            ),
            answered,
        )

    def action_move(self, offset: int) -> None:
        """Move the selected item up or down within its side."""
        from leadtui.services.review import move_t3b3_item

        view = self._editable()
        selected = self._selected()
        if view is None or selected is None:
            return
        side, rank, item = selected
        if item is None:
            return
        self._after(
            self.guarded(
                lambda: move_t3b3_item(
                    self.db,
                    view.person,
                    view.half,
                    side,
                    rank,
                    offset,
                    today=self.today,
                    start_month=self.start_month,
                )
            )
        )

    def _bottom_item(self) -> tuple[T3B3View, T3B3Item] | None:
        view = self._editable()
        selected = self._selected()
        if view is None or selected is None:
            return None
        side, _, item = selected
        if side is not T3B3Side.BOTTOM or item is None:
            self.notify(
                "Links are for Bottom items: pick a filled Bottom slot.",
                severity="warning",
                markup=False,
            )
            return None
        return view, item

    def action_link(self) -> None:
        """Link the selected Bottom item to earlier feedback or a 1:1 point."""
        from leadtui.services.review import link_t3b3_item
        from leadtui.tui.screens.review_forms import EvidenceChooser

        chosen = self._bottom_item()
        if chosen is None:
            return
        view, item = chosen
        since = view.since
        suggested = distinct(view.suggestions.get(item.id, []))
        newest = sorted(view.candidates, key=lambda e: (e.on, e.id), reverse=True)
        others = distinct([*suggested, *newest])[len(suggested) :]
        if not suggested and not others:
            self.notify(
                f"Nothing about {literal(view.person.name)} was raised since {since.isoformat()}: "
                "give growth feedback (f) or discuss a 1:1 point first.",
                severity="warning",
                markup=False,
            )
            return

        def picked(evidence: Evidence | None) -> None:
            if evidence is None:
                return
            linked = self.guarded(
                lambda: link_t3b3_item(
                    self.db,
                    view.person,
                    view.half,
                    item.rank,
                    evidence.kind,
                    evidence.id,
                    today=self.today,
                    start_month=self.start_month,
                )
            )
            if linked is not None:
                self.notify(
                    f"Bottom {item.rank} linked to {evidence_text(evidence)}",
                    title=self.AREA,
                    markup=False,
                )
            self._after(linked)

        self.app.push_screen(
            EvidenceChooser(f"Bottom {item.rank}: raised before in …", suggested, others, since),
            picked,
        )

    def action_unlink(self) -> None:
        """Unlink the selected Bottom item (it would be a surprise again)."""
        from leadtui.services.review import unlink_t3b3_item

        chosen = self._bottom_item()
        if chosen is None:
            return
        view, item = chosen
        if not item.linked:
            return
        self._after(
            self.guarded(
                lambda: unlink_t3b3_item(
                    self.db,
                    view.person,
                    view.half,
                    item.rank,
                    today=self.today,
                    start_month=self.start_month,
                )
            )
        )

    def action_feedback(self) -> None:
        """Record feedback for the selected person."""
        from leadtui.domain.feedback_input import FeedbackDraft
        from leadtui.domain.validation import build
        from leadtui.services.review import FeedbackAdded, add_feedback
        from leadtui.tui.screens.review_forms import FeedbackForm

        person = self._person()
        if person is None:
            return
        selected = self._selected()
        kind = (
            FeedbackKind.GROWTH
            if selected is not None and selected[0] is T3B3Side.BOTTOM
            else FeedbackKind.STRENGTH
        )
        added: list[FeedbackAdded] = []

        def save(values: dict[str, Any]) -> None:
            draft = build(FeedbackDraft, today=self.today, **values)
            added.append(add_feedback(self.db, person, draft))

        def saved(done: bool | None) -> None:
            if done:
                self.refresh_data()
                self.notify(f"Feedback recorded for {literal(person.name)}", markup=False)
                self._tell(added[0].notice if added else None)

        self.app.push_screen(
            FeedbackForm(f"Feedback for {literal(person.name)}", save, kind=kind), saved
        )

    def action_deliver(self) -> None:
        """Record the T3B3 as delivered: in person or not, and the day."""
        from leadtui.domain.feedback import check_deliverable
        from leadtui.domain.feedback_input import DeliveryDraft
        from leadtui.domain.validation import build
        from leadtui.errors import InputError
        from leadtui.services.review import T3B3Delivered, deliver_t3b3
        from leadtui.tui.screens.review_forms import DeliverForm

        view = self.view
        if view is None:
            self._person()
            return
        try:
            check_deliverable(view.t3b3)  # say so before the dialog opens
        except InputError as exc:
            self.notify(exc.message, severity="error", title=self.AREA, markup=False)
            return
        person, half = view.person, view.half
        outcome: list[T3B3Delivered] = []

        def save(values: dict[str, Any]) -> None:
            draft = build(DeliveryDraft, today=self.today, **values)
            outcome.append(deliver_t3b3(self.db, person, half, draft, start_month=self.start_month))

        def saved(done: bool | None) -> None:
            if not done or not outcome:
                return
            self.refresh_data()
            if not outcome[0].t3b3.in_person:
                self.notify(
                    "Delivered, recorded as not in person. T3B3 is meant to be delivered in "
                    "person, face to face.",
                    severity="warning",
                    title=self.AREA,
                    markup=False,
                )
            else:
                self.notify(
                    f"Delivered in person to {literal(person.name)}", title=self.AREA, markup=False
                )
            self._tell(outcome[0].notice)

        surprises = view.t3b3.surprises()
        surprise = (
            f"\n⚠ Bottom {', '.join(str(i.rank) for i in surprises)} "
            f"{'has' if len(surprises) == 1 else 'have'} not been raised with them before: "
            "it will come as a surprise. Consider raising it in a 1:1 first."
            if surprises
            else ""
        )
        removal = (
            "The six texts are then removed; only the fact of the delivery is kept."
            if view.t3b3.remove_text
            else "The text is kept, private to you (X before delivering removes it instead)."
        )
        self.app.push_screen(
            DeliverForm(
                f"Deliver the {half.label} T3B3 to {literal(person.name)}",
                save,
                "Top three and bottom three, told in person. " + removal + surprise,
            ),
            saved,
        )

    def action_toggle_remove_text(self) -> None:
        """Switch whether delivering removes the six texts and keeps only the fact."""
        from leadtui.services.review import set_remove_text

        view = self._editable()
        if view is None:
            return
        remove = not view.t3b3.remove_text
        changed = self.guarded(
            lambda: set_remove_text(
                self.db,
                view.person,
                view.half,
                remove,
                today=self.today,
                start_month=self.start_month,
            )
        )
        if changed is not None:
            self.notify(
                "After delivery the text is removed; only the fact is kept"
                if remove
                else "After delivery the text is kept, private to you",
                title=self.AREA,
                markup=False,
            )
        self._after(changed, self._slot_key())

    def action_half(self, offset: int) -> None:
        """Go to the previous (-1) or the next (1) half."""
        from leadtui.domain.feedback import last_plannable_half

        if self.half is None:
            return
        target = self.half.previous() if offset < 0 else self.half.next()
        if target > last_plannable_half(self.today, self.start_month):
            self.notify("Next half is as far ahead as T3B3 planning goes.", markup=False)
            return
        self.half = target
        self.refresh_data()

    def action_export(self) -> None:
        """Export the review packet as Markdown (shared by default) to a file."""
        from leadtui.export.markdown import Audience
        from leadtui.export.review import review_document
        from leadtui.services.review import review_packet
        from leadtui.tui.screens.export_prompt import ask_export, slug

        person = self._person()
        if person is None or self.half is None:
            return
        half = self.half

        def render(audience: Audience) -> str:
            packet = review_packet(self.db, person, half, self.today, self.start_month)
            return review_document(packet, audience, self.today)

        ask_export(
            self,
            f"{half.label} review packet",
            f"{slug(person.name)}-review-{half.label}-shared.md",
            render,
        )
