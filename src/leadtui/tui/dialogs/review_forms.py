"""Dialogs for feedback and T3B3: a feedback entry, a Top or Bottom item's words, asking
before one goes, delivering a T3B3, choosing what a Bottom item was raised in before; and
what the Reviews screen says when there is nothing to choose or once a T3B3 is delivered."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.markup import escape
from textual.notifications import SeverityLevel
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from leadtui.domain.dates import day_label
from leadtui.domain.oneonones import Visibility
from leadtui.domain.reviews import (
    Evidence,
    EvidenceKind,
    Feedback,
    FeedbackKind,
    T3B3Item,
    T3B3Side,
    side_name,
)
from leadtui.domain.reviews_input import DeliveryDraft, FeedbackDraft, FeedbackEditDraft
from leadtui.domain.text import literal
from leadtui.tui.dialogs.confirm import ConfirmScreen
from leadtui.tui.dialogs.forms import FieldSpec, Kind, Save, SaveDraftForm, SaveForm
from leadtui.tui.dialogs.text_prompt import TextPrompt
from leadtui.tui.widgets.footer import Footer
from leadtui.tui.widgets.slot_detail import RAISED_MEANS
from leadtui.tui.widgets.t3b3_heading import delivery_note
from leadtui.tui.widgets.t3b3_slots import link_choices

if TYPE_CHECKING:
    from leadtui.domain.people import Person
    from leadtui.services.reviews import FeedbackChanged, T3B3Delivered, T3B3View


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


class FeedbackEditForm(SaveDraftForm[FeedbackEditDraft, "FeedbackChanged"]):
    """A feedback entry put right: its words, kind, visibility, day and the person it is
    about (feedback typed against the wrong person moves to the right one)."""

    FORM_ID = "feedback-form"
    DRAFT = FeedbackEditDraft
    SPEC: ClassVar[Mapping[str, FieldSpec]] = {
        name: FeedbackForm.SPEC[name] for name in ("text", "kind", "visibility")
    } | {"day": FieldSpec("Date", placeholder="today, 2026-11-20 …")}

    def __init__(
        self,
        entry: Feedback,
        people: list[Person],
        save: Callable[[FeedbackEditDraft, int], FeedbackChanged],
    ) -> None:
        values = {
            "text": entry.text,
            "kind": entry.kind,
            "visibility": entry.visibility,
            "day": entry.given_on,
            "person": str(entry.person_id),
        }
        super().__init__(
            "Edit feedback", lambda draft: save(draft, self.person_id()), values=values
        )
        self.people = people

    @property
    def spec(self) -> Mapping[str, FieldSpec]:
        """The draft's fields and the person, chosen among ``people``."""
        choices = tuple((literal(p.display_name), str(p.id)) for p in self.people)
        return {**self.SPEC, "person": FieldSpec("About", Kind.SELECT, choices=choices)}

    def person_id(self) -> int:
        """The person chosen in the form."""
        return int(str(self.typed()["person"]))


def confirm_feedback_removal(entry: Feedback, name: str) -> ConfirmScreen:
    """Asking before a feedback entry goes: whose, when, and its words."""
    return ConfirmScreen(
        f"Remove this feedback for {literal(name)}?",
        f"{entry.given_on.isoformat()} · {entry.kind} · “{literal(entry.text)}” — it leaves "
        "their feedback log and every review packet.",
        yes="Remove",
    )


def feedback_label(entry: Feedback) -> Text:
    """One entry in the list to put right: day, kind, words, private marked."""
    mark = "+" if entry.kind is FeedbackKind.STRENGTH else "△"
    label = Text(f"{entry.given_on.isoformat()}  {mark} ")
    label.append(literal(entry.text))
    if entry.visibility is Visibility.PRIVATE:
        label.append(" (private)", style="italic dim")
    return label


def confirm_undelivery(view: T3B3View) -> ConfirmScreen:
    """Asking before a delivery is taken back, saying what the T3B3 comes back as."""
    t3b3 = view.t3b3
    delivered = t3b3.delivered_on.isoformat() if t3b3.delivered_on else ""
    if t3b3.text_removed:
        detail = (
            f"It was delivered on {delivered} and its text was removed then, so the items "
            "come back empty. To have the text back, undo the delivery itself instead "
            "(ctrl+z) while it can still be undone."
        )
    else:
        detail = f"It was delivered on {delivered}; it returns to ready and may change again."
    return ConfirmScreen(
        f"Take back the {view.half.label} delivery to {literal(view.person.name)}?",
        detail,
        yes="Take back",
    )


def confirm_text_removal(view: T3B3View) -> ConfirmScreen:
    """Asking before a delivery that removes the six texts."""
    return ConfirmScreen(
        "Deliver and remove the text?",
        "“Remove the text after delivery” is on: delivering deletes the six items and "
        "keeps only the fact it was delivered (r switches it off).",
        yes="Go on",
    )


class ItemPrompt(TextPrompt):
    """A Top or Bottom item's words: a new item for an empty slot, or the item reworded."""

    def __init__(
        self, view: T3B3View, side: T3B3Side, item: T3B3Item | None, save: Callable[[str], object]
    ) -> None:
        person, half, name = literal(view.person.name), view.half.label, side_name(side)
        if item is None:
            what = "a strength" if side is T3B3Side.TOP else "an area to grow"
            title = f"{name} item for {person}, {half} ({what})"
        else:
            title = f"{name} {item.rank} for {person}, {half}"
        top = side is T3B3Side.TOP
        example = "Clear, well-argued design docs" if top else "Lets code reviews wait for days"
        placeholder = f"a few words, e.g. {example}"
        super().__init__(title, save, value=item.text if item else "", placeholder=placeholder)


def confirm_removal(side: T3B3Side, rank: int, item: T3B3Item) -> ConfirmScreen:
    """Asking before an item goes: which one, its words, and that the ones below move up."""
    question = f"Remove {side_name(side)} {rank}?"
    return ConfirmScreen(
        question, f"“{literal(item.text)}” — the items below move up.", yes="Remove"
    )


class DeliverForm(SaveDraftForm[DeliveryDraft, "T3B3Delivered"]):
    """Delivering a T3B3: in person (the ritual) or not, and the day. ``save`` records the
    delivery; what it returns closes the form."""

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

    def __init__(
        self,
        title: str,
        save: Callable[[DeliveryDraft], T3B3Delivered],
        detail: str,
        today: date | None = None,
    ) -> None:
        super().__init__(title, save, today=today, note=detail)
        self.detail = detail

    @classmethod
    def for_view(
        cls, view: T3B3View, save: Callable[[DeliveryDraft], T3B3Delivered], today: date
    ) -> DeliverForm:
        """Delivering ``view``'s T3B3, saying first what delivery keeps and which Bottom
        items would come as a surprise."""
        title = f"Deliver the {view.half.label} T3B3 to {literal(view.person.name)}"
        return cls(title, save, delivery_note(view), today)


def delivered_words(delivered: T3B3Delivered, name: str) -> tuple[str, SeverityLevel]:
    """What is said once a T3B3 is delivered to ``name``: in person is the ritual; any
    other way is recorded as such, with a reminder."""
    if delivered.t3b3.in_person:
        return f"Delivered in person to {literal(name)}", "information"
    return (
        "Delivered, recorded as not in person. T3B3 is meant to be delivered in person, face "
        "to face.",
        "warning",
    )


def nothing_to_link(view: T3B3View, today: date) -> str:
    """What is said instead of the chooser when nothing about the person counts as raised
    before since the evidence window opened."""
    return (
        f"Nothing to link: since {day_label(view.since, today)}, nothing about "
        f"{literal(view.person.name)} counts as raised before ({RAISED_MEANS}). "
        "Give growth feedback (f) or discuss a 1:1 point first."
    )


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

    @classmethod
    def for_item(cls, view: T3B3View, item: T3B3Item) -> EvidenceChooser | None:
        """The choice for Bottom ``item`` of ``view`` (see
        :func:`~leadtui.tui.widgets.t3b3_slots.link_choices`); None when nothing counts
        as raised before."""
        suggested, others = link_choices(view, item)
        if not suggested and not others:
            return None
        return cls(f"Bottom {item.rank}: raised before in …", suggested, others, view.since)

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
