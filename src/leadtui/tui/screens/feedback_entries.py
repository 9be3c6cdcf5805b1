"""Putting feedback right from the Reviews screen: the half's entries for the person in
a list, enter to edit one (its words, kind, visibility, day or the person it is about),
x to remove one after asking. The review service does the change and holds the rules."""

from __future__ import annotations

from typing import TYPE_CHECKING

from leadtui.services import reviews as review
from leadtui.services.people import get_person, list_people
from leadtui.tui.keys import key_for

if TYPE_CHECKING:
    from leadtui.domain.reviews_input import FeedbackEditDraft
    from leadtui.services.reviews import T3B3View
    from leadtui.tui.dialogs.record_chooser import Choice
    from leadtui.tui.screens.base import LeadtuiScreen


def show_feedback_entries(screen: LeadtuiScreen, view: T3B3View, start_month: int) -> None:
    """List ``view``'s person's feedback in its half (of a year starting in ``start_month``),
    newest first, to edit or remove."""
    from leadtui.tui.dialogs.record_chooser import RecordChooser
    from leadtui.tui.dialogs.review_forms import feedback_label

    person, half = view.person, view.half
    entries = review.list_feedback(screen.db, person, half, start_month)
    if not entries:
        screen.notify(
            f"No feedback for {person.name} in {half.label} yet; "
            f"{key_for(screen, 'reviews.feedback')} adds some.",
            title=screen.AREA,
            markup=False,
        )
        return

    def chosen(choice: Choice | None) -> None:
        if choice is not None:
            what, feedback_id = choice
            (edit_feedback if what == "edit" else remove_feedback)(screen, feedback_id)

    records = [(e.id, feedback_label(e)) for e in reversed(entries)]
    title = f"Feedback for {person.name} in {half.label}"
    hint = "Newest first. Feedback typed against the wrong person moves to the right one."
    screen.app.push_screen(RecordChooser(title, hint, records), chosen)


def edit_feedback(screen: LeadtuiScreen, feedback_id: int) -> None:
    """Open the entry in a form; saving changes it through the review service."""
    from leadtui.tui.dialogs.review_forms import FeedbackEditForm

    db = screen.db
    entry = screen.guarded(lambda: review.get_feedback(db, feedback_id))
    if entry is None:
        return
    people = list_people(db)
    if all(p.id != entry.person_id for p in people):
        people.append(get_person(db, entry.person_id))  # archived since

    def save(draft: FeedbackEditDraft, person_id: int) -> review.FeedbackChanged:
        return review.edit_feedback(db, feedback_id, draft, get_person(db, person_id))

    def saved(changed: review.FeedbackChanged | None) -> None:
        if changed is None:
            return
        screen.refresh_data()
        moved = changed.before.person_id != changed.entry.person_id
        said = f"Feedback moved to {changed.person.name}" if moved else "Feedback changed"
        screen.notify(said, title=screen.AREA, markup=False)
        if changed.notice:
            screen.notify(changed.notice, severity="warning", title=screen.AREA, markup=False)

    screen.app.push_screen(FeedbackEditForm(entry, people, save), saved)


def remove_feedback(screen: LeadtuiScreen, feedback_id: int) -> None:
    """Ask, then remove the entry through the review service."""
    from leadtui.tui.dialogs.review_forms import confirm_feedback_removal

    db = screen.db
    entry = screen.guarded(lambda: review.get_feedback(db, feedback_id))
    if entry is None:
        return
    name = get_person(db, entry.person_id).name

    def answered(yes: bool | None) -> None:
        if yes and screen.guarded(lambda: review.remove_feedback(db, feedback_id)):
            screen.refresh_data()
            screen.notify(f"Feedback removed from {name}'s log", title=screen.AREA, markup=False)

    screen.app.push_screen(confirm_feedback_removal(entry, name), answered)
