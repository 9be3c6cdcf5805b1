"""Dialogs for feedback and T3B3: a feedback entry, delivering a T3B3, choosing what a
Bottom item was raised in before."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.markup import escape
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from leadtui.domain.feedback import Evidence, EvidenceKind, FeedbackKind
from leadtui.domain.feedback_input import DeliveryDraft, FeedbackDraft
from leadtui.domain.oneonones import Visibility
from leadtui.domain.text import literal
from leadtui.tui.screens.forms import FieldSpec, Kind, Save, SaveForm
from leadtui.tui.widgets.footer import Footer


class FeedbackForm(SaveForm[FeedbackDraft]):
    """One feedback entry: what was observed, strength or growth, shared or private, when."""

    FORM_ID = "feedback-form"
    DRAFT = FeedbackDraft
    SPEC: ClassVar[Mapping[str, FieldSpec]] = {
        "text": FieldSpec("Feedback", placeholder="what you saw and its effect"),
        "kind": FieldSpec(
            "Kind",
            Kind.SELECT,
            choices=(
                ("strength", FeedbackKind.STRENGTH.value),
                ("growth", FeedbackKind.GROWTH.value),
            ),
        ),
        "visibility": FieldSpec(
            "Shared",
            Kind.SELECT,
            choices=(
                ("shared (they may read it)", Visibility.SHARED.value),
                ("private (only you)", Visibility.PRIVATE.value),
            ),
        ),
        # Blank is today.
        "day": FieldSpec(
            "Date", placeholder="today, 2026-11-20 …", default="today", when_blank=None
        ),
    }

    def __init__(
        self, title: str, save: Save, kind: FeedbackKind = FeedbackKind.STRENGTH, note: str = ""
    ) -> None:
        super().__init__(title, save, values={"kind": kind}, note=note)
        self.kind = kind


class DeliverForm(SaveForm[DeliveryDraft]):
    """Delivering a T3B3: in person (the ritual) or not, and the day."""

    FORM_ID = "deliver-form"
    DRAFT = DeliveryDraft
    SAVE_LABEL = "Deliver"
    SPEC: ClassVar[Mapping[str, FieldSpec]] = {
        # The draft reads "yes" and "no" as a bool.
        "in_person": FieldSpec(
            "In person?",
            Kind.SELECT,
            choices=(("yes, in person", "yes"), ("no (call, message …)", "no")),
        ),
        "day": FieldSpec(
            "Date", placeholder="today, yesterday, 2026-11-20 …", default="today", when_blank=None
        ),
    }

    def __init__(self, title: str, save: Save, detail: str) -> None:
        super().__init__(title, save, note=detail)
        self.detail = detail


def evidence_label(evidence: Evidence, suggested: bool) -> Table:
    """One choice: when, where it was raised, and the words (wrapped under themselves)."""
    where = "feedback" if evidence.kind is EvidenceKind.FEEDBACK else "1:1 point"
    words = Text(literal(evidence.text))
    if evidence.visibility is Visibility.PRIVATE:
        words.append(" (private)", style="italic dim")
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=1, no_wrap=True)
    grid.add_column(no_wrap=True, style="dim")
    grid.add_column(width=9, no_wrap=True)
    grid.add_column()
    grid.add_row(
        Text("★" if suggested else " ", style="bold"), evidence.on.isoformat(), where, words
    )
    return grid


class EvidenceChooser(ModalScreen[Evidence | None]):
    """Pick the feedback entry or 1:1 point a Bottom item was raised in before."""

    CSS_PATH = "../styles/dialogs.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="choose.cancel"),
    ]

    def __init__(
        self, title: str, suggested: list[Evidence], others: list[Evidence], since: date
    ) -> None:
        super().__init__()
        self.chooser_title = title
        self.choices = [*suggested, *others]
        self.suggested = len(suggested)
        self.since = since

    def compose(self) -> ComposeResult:
        with Vertical(id="evidence-box", classes="dialog") as box:
            box.border_title = escape(self.chooser_title)
            box.border_subtitle = "enter links · esc cancels"
            hint = (
                "★ shares words with the item. "
                if self.suggested
                else "Nothing shares words with the item; pick one on the same theme. "
            )
            yield Static(
                Text(hint + f"Feedback and 1:1 points since {self.since.isoformat()}."),
                classes="muted",
            )
            yield OptionList(
                *(
                    Option(evidence_label(e, i < self.suggested), id=str(i))
                    for i, e in enumerate(self.choices)
                ),
                id="evidence-list",
            )
        yield Footer()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter (or a click) links the chosen one."""
        event.stop()
        self.dismiss(self.choices[int(event.option.id or 0)])

    def action_cancel(self) -> None:
        """Close without linking."""
        self.dismiss(None)
