"""Reviews' Focus and Dismiss keys.

Focus: the highlighted Bottom item becomes the person's succession focus, in one step.
"In performance reviews, think about what your direct reports are missing to thrive in
your role, and give them at least one of those areas to focus on in each review."
The rule (which half, who may have one) is the succession service's.

Dismiss: an overdue T3B3 (the half ended without a delivery: "every active direct
report who was employed during the half has a delivered T3B3 by the half's end. After
that it is overdue.") is set aside, after asking; ctrl+z brings it back.

This module only asks the services and says what happened."""

from __future__ import annotations

from typing import TYPE_CHECKING

from leadtui.domain.reviews import T3B3Side
from leadtui.domain.text import literal
from leadtui.services.reviews import dismiss_t3b3
from leadtui.services.succession import focus_on_bottom
from leadtui.tui.dialogs.confirm import ConfirmScreen
from leadtui.tui.widgets.t3b3_editor import T3B3Editor

if TYPE_CHECKING:
    from leadtui.services.reviews import T3B3View
    from leadtui.tui.screens.base import LeadtuiScreen


def take_focus(screen: LeadtuiScreen, view: T3B3View | None, start_month: int) -> None:
    """Make the Bottom item highlighted on ``screen`` the succession focus of the person
    ``view`` shows (a Top item or an empty slot is refused with the reason)."""
    slot = screen.query_one(T3B3Editor).slot
    if view is None:
        return
    if slot is None or slot.item is None or slot.side is not T3B3Side.BOTTOM:
        screen.notify(
            "Highlight a filled Bottom item to take it as the succession focus.",
            severity="warning",
            title=screen.AREA,
            markup=False,
        )
        return
    rank = slot.item.rank
    taken = screen.guarded(
        lambda: focus_on_bottom(
            screen.db,
            view.person,
            view.half,
            rank,
            today=screen.today,
            start_month=start_month,
        )
    )
    if taken is None:
        return
    said = f"Succession focus for {taken.focus.half}: {literal(taken.focus.text)}"
    screen.notify(said, title=screen.AREA, markup=False)
    if taken.notice:
        screen.notify(taken.notice, severity="warning", title=screen.AREA, markup=False)


def dismiss_overdue(screen: LeadtuiScreen, view: T3B3View | None, start_month: int) -> None:
    """Set aside the shown overdue T3B3 after asking: it is no longer overdue."""
    if view is None or not view.overdue:
        return
    person, half, today = view.person, view.half, screen.today

    def answered(yes: bool | None) -> None:
        if not yes:
            return
        done = screen.guarded(lambda: dismiss_t3b3(screen.db, person, half, today, start_month))
        if done is None:
            return
        screen.refresh_data()
        said = f"{half.label} T3B3 for {literal(person.name)} dismissed; no longer overdue"
        screen.notify(said, title=screen.AREA, markup=False)
        if done.notice:
            screen.notify(done.notice, severity="warning", title=screen.AREA, markup=False)

    question = f"Dismiss the overdue {half.label} T3B3 for {literal(person.name)}?"
    detail = "It is no longer overdue; ctrl+z brings it back."
    screen.app.push_screen(ConfirmScreen(question, detail, "Dismiss"), answered)


def ritual_key(screen: LeadtuiScreen, name: str, view: T3B3View | None, start_month: int) -> None:
    """Run Reviews' ``focus`` or ``dismiss`` key."""
    if name == "dismiss":
        dismiss_overdue(screen, view, start_month)
    else:
        take_focus(screen, view, start_month)
