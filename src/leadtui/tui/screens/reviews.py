"""Reviews: the T3B3 board (reports by half) above the editor for one person and half.

The panels are widgets that render what they are given and post messages; this screen
handles those, keeps the keys and their actions, and calls the review service.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel
from textual.widgets import Header

from leadtui.domain.dates import Half, half_of
from leadtui.domain.reviews import (
    Evidence,
    FeedbackKind,
    T3B3Item,
    T3B3Side,
    check_deliverable,
    check_editable,
    check_room,
    last_plannable_half,
)
from leadtui.domain.reviews_input import DeliveryDraft, FeedbackDraft, T3B3ItemDraft
from leadtui.domain.search import SearchKind
from leadtui.domain.text import literal
from leadtui.domain.validation import build
from leadtui.errors import InputError
from leadtui.services import reviews as review
from leadtui.services import search
from leadtui.services.people import get_person
from leadtui.services.reviews import FeedbackAdded, T3B3Changed, T3B3Delivered, T3B3View
from leadtui.tui.screens.base import LeadtuiScreen
from leadtui.tui.screens.review_focus import ritual_key
from leadtui.tui.widgets.footer import Footer
from leadtui.tui.widgets.review_board import T3B3Board
from leadtui.tui.widgets.review_body import ReviewsBody
from leadtui.tui.widgets.t3b3_editor import T3B3Editor
from leadtui.tui.widgets.t3b3_slots import T3B3Slots, evidence_text

if TYPE_CHECKING:
    from leadtui.domain.search import SearchHit
    from leadtui.store.database import Store


def _key(key: str, action: str, label: str, tooltip: str, name: str, show: bool = False) -> Binding:
    return Binding(key, action, label, show=show, tooltip=tooltip, id=f"reviews.{name}")


# The actions this screen offers only when they apply (see ReviewsScreen.check_action).
OWN_ACTIONS = frozenset(
    "add edit remove move link unlink feedback feedback_entries deliver undeliver "
    "toggle_remove_text half export ritual".split()
)


class ReviewsScreen(LeadtuiScreen):
    """Twice a year: three Top and three Bottom items per report, delivered in person."""

    CSS_PATH = "../styles/reviews.tcss"
    AREA = "Reviews"
    # Below these the editor stacks under the board and the side panels under the slots.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012 (Textual's)
    VERTICAL_BREAKPOINTS = [(0, "-short"), (32, "-tall")]  # noqa: RUF012
    HELP = (Path(__file__).parent.parent / "help" / "reviews.md").read_text(encoding="utf-8")
    BINDINGS: ClassVar[list[BindingType]] = [
        _key("T", "add('top')", "Top", "Add a Top item (a strength)", "top"),
        _key("B", "add('bottom')", "Bottom", "Add a Bottom item (an area to grow)", "bottom"),
        _key("i", "edit", "Edit", "Fill the selected slot or edit its item", "edit"),
        _key("x", "remove", "Remove", "Remove the selected item", "remove"),
        _key("left_square_bracket", "move(-1)", "Up", "Move the selected item up", "up"),
        _key("right_square_bracket", "move(1)", "Down", "Move the selected item down", "down"),
        _key("l", "link", "Link", "Link the Bottom item to what raised it before", "link", True),
        _key("u", "unlink", "Unlink", "Unlink the selected Bottom item", "unlink"),
        _key("S", "ritual('focus')", "Focus", "Make the Bottom item the succession focus", "focus"),
        _key("Z", "ritual('dismiss')", "Dismiss", "Dismiss the overdue T3B3", "dismiss"),
        _key("f", "feedback", "Feedback", "Record feedback", "feedback", True),
        _key("F", "feedback_entries", "Fix feedback", "Edit or remove feedback", "fix_feedback"),
        _key("D", "deliver", "Deliver", "Record the T3B3 as delivered", "deliver", True),
        # Offered once delivered, in Deliver's place in the footer.
        _key("U", "undeliver", "Undeliver", "Take back the T3B3's delivery", "undeliver", True),
        _key("r", "toggle_remove_text", "Remove text", "Remove text after delivery", "remove_text"),
        _key("less_than_sign", "half(-1)", "Prev half", "Go to the previous half", "previous_half"),
        _key("greater_than_sign", "half(1)", "Next half", "Go to the next half", "next_half"),
        _key("X", "export", "Export", "Export the review packet", "export", True),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.person_id: int | None = None
        self.half: Half | None = None
        self.view: T3B3View | None = None
        self.found: SearchHit | None = None  # a search hit to show once the editor is drawn
        self._narrow: bool | None = None

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False)
        yield ReviewsBody(id="rv-body")
        yield Footer()

    def on_mount(self) -> None:
        """Start on the board."""
        self.sub_title = "Reviews"
        self.query_one(T3B3Board).focus()

    @property
    def start_month(self) -> int:
        """The month the review year starts in (config.toml [review])."""
        return self.leadtui.settings.review.half_start_month

    # --- showing ----------------------------------------------------------------------------

    def refresh_data(self) -> None:
        """Reload the board and the selected person's T3B3."""
        if self.half is None:
            self.half = half_of(self.today, self.start_month)
        data = review.review_board(self.db, self.today, self.half, self.start_month)
        self.person_id = self.query_one(ReviewsBody).show_board(data, self.half, self.person_id)
        if (hit := self.found) is not None and hit.person_id != self.person_id:
            self.found = None  # search led to someone the board leaves out: a peer, archived
            self._say(f"{hit.person or 'This person'} is not among your current reports here.")
        if self.person_id is None:
            self.view = None  # nobody to review: the body says what to add
            self.refresh_bindings()
            return
        self.show_editor()

    def select_person(self, person_id: int) -> None:
        """Show this report's T3B3 for this half (Today opens a report here); the refresh
        that comes with showing the screen puts the cursor on them."""
        self.person_id = person_id
        self.half = None

    def show_hit(self, hit: SearchHit) -> None:
        """Show a search hit in its half: feedback marked in the feedback panel, a Top or
        Bottom item under the cursor of the T3B3's slots."""
        self.person_id, self.found = hit.person_id, hit
        self.half = search.review_half(self.db, hit, self.start_month)
        if self.is_mounted:
            self.refresh_data()

    def show_editor(self) -> None:
        """Load the selected person's T3B3 and half and hand them to the panels."""
        if self.person_id is None or self.half is None:
            return
        person, half, start = get_person(self.db, self.person_id), self.half, self.start_month
        self.view = view = review.t3b3_view(self.db, person, half, start, self.today)
        entries = review.list_feedback(self.db, person, half, start)
        hit, self.found = self.found, None
        marked = hit.id if hit is not None and hit.kind is SearchKind.FEEDBACK else None
        body = self.query_one(ReviewsBody)
        body.show_person(view, entries, self.today, self.start_month, marked)
        if hit is not None and hit.kind is SearchKind.T3B3:
            self.query_one(T3B3Slots).select_item(hit.id)
        self.refresh_bindings()

    def on_resize(self) -> None:
        """Across the narrow breakpoint, build the footer's keys again: their tighter
        spacing there (reviews.tcss) is measured when they are made. Nothing is read."""
        narrow = self.has_class("-narrow")
        if narrow != self._narrow:
            self._narrow = narrow
            self.query_one(Footer).refresh(recompose=True)

    @on(T3B3Board.PersonHighlighted)
    def _person_highlighted(self, message: T3B3Board.PersonHighlighted) -> None:
        if message.person_id != self.person_id:
            self.person_id = message.person_id
            self.show_editor()

    @on(T3B3Board.PersonSelected)
    def _person_selected(self) -> None:
        self.query_one(T3B3Slots).focus()

    @on(T3B3Slots.SlotHighlighted)
    def _slot_highlighted(self) -> None:
        self.refresh_bindings()  # Link and Unlink follow the slot

    @on(T3B3Slots.SlotSelected)
    def _slot_selected(self) -> None:
        self.action_edit()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer only what applies, so the footer shows it: nothing without a report, and
        otherwise what the editor says applies to its T3B3 and slot (T3B3Editor.offers)."""
        if action not in OWN_ACTIONS:
            return True
        found = self.query(T3B3Editor)
        return self.view is not None and bool(found) and found.first().offers(action, *parameters)

    # --- actions ------------------------------------------------------------------------------

    def _allowed(self, check: Callable[[], object], severity: SeverityLevel = "warning") -> bool:
        """Run a domain check before a dialog opens; a refusal is said, not typed into."""
        try:
            check()
        except InputError as exc:
            self._say(exc.message, severity)
            return False
        return True

    def _editable(self) -> T3B3View | None:
        """The view when its T3B3 can still change; otherwise say why not."""
        view = self.view
        return view if view and self._allowed(lambda: check_editable(view.t3b3)) else None

    def _say(self, message: str | None, severity: SeverityLevel = "warning") -> None:
        """Say a refusal or a service's notice as written; nothing when there is none."""
        if message:
            self.notify(message, severity=severity, title=self.AREA, markup=False)

    def _after(self, changed: T3B3Changed | None, key: str | None = None) -> None:
        """Reload after a change and highlight its slot (``key``, or the changed item's)."""
        if changed is None:
            return
        self._say(changed.notice)
        if key is None and changed.item is not None:
            key = f"{changed.item.side.value}:{changed.item.rank}"
        self.refresh_data()
        if key is not None:
            self.query_one(T3B3Editor).select(key)

    def _write(
        self, change: Callable[..., T3B3Changed], *args: object, key: str | None = None
    ) -> T3B3Changed | None:
        """Run one T3B3 change of the review service on the shown person and half."""
        view = self.view
        assert view is not None
        when = {"today": self.today, "start_month": self.start_month}
        changed = self.guarded(lambda: change(self.db, view.person, view.half, *args, **when))
        self._after(changed, key)
        return changed

    def action_add(self, side: str) -> None:
        """Add an item to the Top or Bottom side (a fourth is refused before typing)."""
        view = self._editable()
        if view is not None and self._allowed(lambda: check_room(view.t3b3, T3B3Side(side))):
            self._prompt_item(view, T3B3Side(side), None)

    def _prompt_item(self, view: T3B3View, side: T3B3Side, item: T3B3Item | None) -> None:
        from leadtui.tui.dialogs.review_forms import ItemPrompt

        landed: list[T3B3Changed] = []
        when = {"today": self.today, "start_month": self.start_month}

        def save(text: str) -> None:
            draft = build(T3B3ItemDraft, text=text)
            change: Callable[..., T3B3Changed] = (
                review.add_t3b3_item if item is None else review.edit_t3b3_item
            )
            where = (side,) if item is None else (side, item.rank)
            landed.append(change(self.db, view.person, view.half, *where, draft, **when))

        self.app.push_screen(
            ItemPrompt(view, side, item, save),
            lambda saved: self._after(landed[0]) if saved and landed else None,
        )

    def action_edit(self) -> None:
        """Fill the highlighted empty slot, or edit its item."""
        view, slot = self._editable(), self.query_one(T3B3Editor).slot
        if view is not None and slot is not None:
            self._prompt_item(view, slot.side, slot.item)

    def action_remove(self) -> None:
        """Remove the highlighted item after asking."""
        from leadtui.tui.dialogs.review_forms import confirm_removal

        view, slot = self._editable(), self.query_one(T3B3Editor).slot
        if view is None or slot is None or slot.item is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._write(review.remove_t3b3_item, slot.side, slot.rank, key=slot.key)

        self.app.push_screen(confirm_removal(slot.side, slot.rank, slot.item), answered)

    def action_move(self, offset: int) -> None:
        """Move the highlighted item up or down within its side."""
        view, slot = self._editable(), self.query_one(T3B3Editor).slot
        if view is not None and slot is not None and slot.item is not None:
            self._write(review.move_t3b3_item, slot.side, slot.rank, offset)

    def action_link(self) -> None:
        """Link the highlighted Bottom item to growth evidence raised before: the ones
        sharing words first, then the rest, newest first. Praise is never offered."""
        from leadtui.tui.dialogs.review_forms import EvidenceChooser, nothing_to_link

        view, slot = self._editable(), self.query_one(T3B3Editor).slot
        if view is None or slot is None or slot.item is None or slot.side is not T3B3Side.BOTTOM:
            return
        item = slot.item
        chooser = EvidenceChooser.for_item(view, item)
        if chooser is None:
            return self._say(nothing_to_link(view, self.today))

        def picked(evidence: Evidence | None) -> None:
            if evidence is None:
                return
            linked = self._write(review.link_t3b3_item, item.rank, evidence.kind, evidence.id)
            if linked is not None:
                said = f"Bottom {item.rank} linked to {evidence_text(evidence, self.today)}"
                self._say(said, "information")

        self.app.push_screen(chooser, picked)

    def action_unlink(self) -> None:
        """Unlink the highlighted Bottom item (it would be a surprise again)."""
        view, slot = self._editable(), self.query_one(T3B3Editor).slot
        if view is not None and slot is not None and slot.item is not None and slot.item.linked:
            self._write(review.unlink_t3b3_item, slot.rank)

    def action_feedback(self) -> None:
        """Record feedback for the person: growth from a Bottom slot, else a strength."""
        from leadtui.tui.dialogs.review_forms import FeedbackForm

        if self.view is None:
            return
        person, slot = self.view.person, self.query_one(T3B3Editor).slot
        bottom = slot is not None and slot.side is T3B3Side.BOTTOM
        kind = FeedbackKind.GROWTH if bottom else FeedbackKind.STRENGTH
        added: list[FeedbackAdded] = []

        def save(values: dict[str, Any]) -> None:
            draft = build(FeedbackDraft, today=self.today, **values)
            added.append(review.add_feedback(self.db, person, draft))

        def saved(done: bool | None) -> None:
            if done:
                self.refresh_data()
                self.notify(f"Feedback recorded for {literal(person.name)}", markup=False)
                self._say(added[0].notice if added else None)

        title = f"Feedback for {literal(person.name)}"
        self.app.push_screen(FeedbackForm(title, save, kind=kind), saved)

    def action_feedback_entries(self) -> None:
        """The half's feedback for the person, to edit (enter) or remove (x)."""
        from leadtui.tui.screens.feedback_entries import show_feedback_entries

        if self.view is not None:
            show_feedback_entries(self, self.view, self.start_month)

    def action_undeliver(self) -> None:
        """Take back a delivery recorded by mistake, after asking: the T3B3 returns to
        ready (empty, when its text was removed at delivery)."""
        from leadtui.tui.dialogs.review_forms import confirm_undelivery

        view = self.view
        if view is None or view.t3b3.delivered_on is None:
            return
        person, half = view.person, view.half

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            back = self.guarded(lambda: review.undeliver_t3b3(self.db, person, half))
            if back is None:
                return
            self.refresh_data()
            if back.text_was_removed:
                self._say(f"No longer delivered; {review.TEXT_GONE}.")
            else:
                self._say(f"No longer delivered; now {back.t3b3.status_text()}", "information")
            self._say(back.notice)

        self.app.push_screen(confirm_undelivery(view), answered)

    def action_deliver(self) -> None:
        """Record the T3B3 as delivered: in person or not, and the day. With "remove the
        text after delivery" on, asks first: the six texts go with the delivery."""
        from leadtui.tui.dialogs.review_forms import confirm_text_removal

        view = self.view
        if view is None or not self._allowed(lambda: check_deliverable(view.t3b3), "error"):
            return
        if not view.t3b3.remove_text:
            return self._deliver(view)
        self.app.push_screen(
            confirm_text_removal(view), lambda yes: self._deliver(view) if yes else None
        )

    def _deliver(self, view: T3B3View) -> None:
        from leadtui.tui.dialogs.review_forms import DeliverForm, delivered_words

        person, half = view.person, view.half

        def save(draft: DeliveryDraft) -> T3B3Delivered:
            return review.deliver_t3b3(self.db, person, half, draft, start_month=self.start_month)

        def saved(delivered: T3B3Delivered | None) -> None:
            if delivered is not None:
                self.refresh_data()
                self._say(*delivered_words(delivered, person.name))
                self._say(delivered.notice)

        self.app.push_screen(DeliverForm.for_view(view, save, self.today), saved)

    def action_toggle_remove_text(self) -> None:
        """Switch whether delivering removes the six texts and keeps only the fact,
        after asking (tui/screens/review_switch.py)."""
        from leadtui.tui.screens.review_switch import ask_remove_text

        view, slot = self._editable(), self.query_one(T3B3Editor).slot
        if view is None:
            return
        remove, key = not view.t3b3.remove_text, slot.key if slot else None
        ask_remove_text(self, remove, lambda: self._write(review.set_remove_text, remove, key=key))

    def action_half(self, offset: int) -> None:
        """Go to the previous (-1) or the next (1) half."""
        if self.half is None:
            return
        target = self.half.previous() if offset < 0 else self.half.next()
        if target > last_plannable_half(self.today, self.start_month):
            self.notify("Next half is as far ahead as T3B3 planning goes.", markup=False)
            return
        self.half = target
        self.refresh_data()

    def action_ritual(self, name: str) -> None:
        """Focus (S) or dismiss (Z): tui/screens/review_focus.py."""
        ritual_key(self, name, self.view, self.start_month)

    def action_export(self) -> None:
        """Export the review packet as Markdown, shared or private, to a file."""
        from leadtui.domain.privacy import Audience
        from leadtui.export.reviews import review_document
        from leadtui.tui.dialogs.export_prompt import ask_export, slug

        if self.view is None or self.half is None:
            return
        person, half, today, start_month = self.view.person, self.half, self.today, self.start_month

        def render(store: Store, audience: Audience) -> str:
            # In the export's worker, on its own connection: a half of 1:1s can be long.
            from leadtui.services.packet import review_packet

            packet = review_packet(store, person, half, today, start_month)
            return review_document(packet, audience, today)

        name = f"{slug(person.name)}-review-{half.label}-shared.md"
        ask_export(self, f"{half.label} review packet", name, render)
