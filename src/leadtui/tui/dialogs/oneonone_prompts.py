"""The One-on-ones screen's prompts: an item's new words, where the next
session moves, which skipped or moved session comes back; the questions before a hold,
a removal and taking a held session back; a held session as a list shows it; and what
a move did, or why there is none to make.

Each prompt is the one-line text prompt, worded from what it is given; the date prompts
read the line into the day their service takes and hand it to ``save``, which does the
write. A refusal from either stays in the prompt with what was typed. No prompt touches
the database itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from leadtui.domain.dates import day_label, parse_date
from leadtui.domain.oneonones import Action, HoldPlan, Point, Session
from leadtui.domain.people import Person
from leadtui.domain.reviews import Feedback
from leadtui.domain.text import literal, plural
from leadtui.services.oneonones import Rescheduled, RunningDocument
from leadtui.tui.dialogs.confirm import ConfirmScreen
from leadtui.tui.dialogs.text_prompt import TextPrompt


class EditPrompt(TextPrompt):
    """The words of an upcoming talking point or action item, to change."""

    def __init__(self, item: Point | Action, save: Callable[[str], object]) -> None:
        what = "talking point" if isinstance(item, Point) else "action item"
        super().__init__(f"Edit the {what}", save, value=item.text)


class MovePrompt(TextPrompt):
    """Where the session on ``next_on`` moves: a date, or ``skip``. ``save`` gets the day
    (None: skipped)."""

    def __init__(self, next_on: date, today: date, save: Callable[[date | None], object]) -> None:
        def read(text: str) -> object:
            # Only upcoming sessions move, so a weekday name means the coming one.
            skip = text.strip().lower() == "skip"
            return save(None if skip else parse_date(text, today, future=True))

        title = f"Move the session on {day_label(next_on, today)} to (a date, or 'skip')"
        super().__init__(title, read, placeholder="e.g. thursday, 2026-12-03, skip")


class BringBackPrompt(TextPrompt):
    """Which skipped or moved session comes back, of those ``changes`` lists; the field
    starts at ``first``. ``save`` gets the day typed."""

    def __init__(
        self, changes: Sequence[str], first: date, today: date, save: Callable[[date], object]
    ) -> None:
        def read(text: str) -> object:
            return save(parse_date(text, today, future=True))

        title = f"Bring back the session of ({'; '.join(changes)})"
        super().__init__(title, read, value=first.isoformat())


def confirm_hold(person: Person, plan: HoldPlan, given: Sequence[Feedback]) -> ConfirmScreen:
    """Asking before today's session is held: what is filed under it (``given``: the
    feedback given in it) and how many points carry over."""
    filed = plural(plan.filed, "point")
    entries = plural(len(given), "feedback entry", "feedback entries")
    filed += f" and {entries}" if given else ""
    detail = f"{filed} filed under today; {plan.carried} carry over to next time."
    question = f"Hold today's 1:1 with {literal(person.name)}?"
    return ConfirmScreen(question, detail, yes="Hold")


def confirm_remove(item: Point | Action) -> ConfirmScreen:
    """Asking before an upcoming point or action is deleted (not dropped)."""
    what = "talking point" if isinstance(item, Point) else "action item"
    question = f"Remove the {what} “{literal(item.text)}”?"
    keep = " (x drops it instead: filed as dropped)" if isinstance(item, Point) else ""
    detail = f"It leaves the document and every export{keep}; ctrl+z brings it back."
    return ConfirmScreen(question, detail, yes="Remove")


def confirm_unhold(person: Person, session: Session, points: int, actions: int) -> ConfirmScreen:
    """Asking before the last held session is taken back: what goes back to upcoming."""
    back = f"{plural(points, 'point')} and {plural(actions, 'done action')}"
    question = f"Take back the 1:1 with {literal(person.name)} held {day_label(session.held_on)}?"
    detail = (
        f"{back} filed under it are upcoming again, carried counts go back down, its notes "
        "become the upcoming notes and the next date is as before the hold."
    )
    return ConfirmScreen(question, detail, yes="Take back")


def session_label(session: Session, today: date) -> str:
    """A held session in a list to choose from: its day and the start of its notes."""
    notes = literal(session.shared_notes or session.private_notes)
    return f"{day_label(session.held_on, today)}  {notes[:60] or '(no notes)'}"


def moved_words(done: Rescheduled, today: date) -> str:
    """What a move or skip did, e.g. "Tue 1 Dec: moved to Thu 3 Dec"."""
    what = "skipped" if done.now_on is None else f"moved to {day_label(done.now_on, today)}"
    return f"{day_label(done.was_on, today)}: {what}"


def nothing_to_move(doc: RunningDocument | None) -> str:
    """Why there is no session to move or skip, and the key that gives one."""
    ad_hoc = doc is not None and doc.series.ad_hoc
    why = "An ad-hoc 1:1 has no date to move" if ad_hoc else "No upcoming session"
    return f"{why}: s sets up or resumes the series."
