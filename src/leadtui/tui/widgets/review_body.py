"""The Reviews screen's body: the board of reports by half above one person's T3B3, with
last half's areas and this half's feedback beside it; with nobody to review, what to do
about that instead. It shows what it is given; the panels in it post their messages on up
to the screen."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.containers import Container, VerticalScroll
from textual.widgets import Static

from leadtui.domain.dates import Half
from leadtui.domain.reviews import Feedback
from leadtui.services.reviews import ReviewBoard, T3B3View
from leadtui.tui.keys import key_for
from leadtui.tui.widgets.feedback_panel import FeedbackPanel
from leadtui.tui.widgets.half_over_half import HalfOverHalf
from leadtui.tui.widgets.review_board import T3B3Board, no_reports
from leadtui.tui.widgets.t3b3_editor import T3B3Editor


class ReviewsBody(VerticalScroll):
    """Everything between the header and the footer, scrolling as one."""

    def compose(self) -> ComposeResult:
        yield Static("", id="rv-empty")
        yield T3B3Board(id="rv-board")
        with Container(id="rv-editor"):
            yield T3B3Editor(id="rv-left", classes="rv-panel")
            with VerticalScroll(id="rv-right"):
                yield HalfOverHalf(id="rv-previous", classes="rv-panel")
                yield FeedbackPanel(id="rv-feedback", classes="rv-panel")

    def show_board(self, board: ReviewBoard, half: Half, person_id: int | None) -> int | None:
        """Show ``board`` with ``half`` looked at and the cursor on ``person_id`` (or the
        first report) and return who it is on; None when there is no report to show, and
        the body says what to add instead."""
        empty, table = self.query_one("#rv-empty", Static), self.query_one(T3B3Board)
        empty.display = not board.reports
        table.display = self.query_one("#rv-editor").display = bool(board.reports)
        if not board.reports:
            keys = key_for(self, "go.people"), key_for(self, "people.add", on="people")
            empty.update(no_reports(board.anyone, *keys))
            return None
        return table.show(board, half, person_id)

    def show_person(
        self,
        view: T3B3View,
        feedback: list[Feedback],
        today: date,
        start_month: int,
        marked: int | None = None,
    ) -> None:
        """Show one person's T3B3 in ``view``, last half's areas and ``feedback``, the
        entries given in the half (``marked``: the id of one a search led to)."""
        self.query_one(T3B3Editor).show(view, today, start_month)
        self.query_one(HalfOverHalf).show(view.previous, view.carried, today)
        self.query_one(FeedbackPanel).show(feedback, view.half.label, today, marked)
