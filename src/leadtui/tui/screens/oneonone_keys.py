"""The One-on-ones screen's keys: the table of them in the order a meeting uses them,
which of them the footer has room for at a width, and the key a refusal names.

The screen binds :data:`MEETING_KEYS` and keeps their actions. Every key works whether
the footer shows it or not, and F1 and the command palette list them all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar

from textual.binding import ActiveBinding, Binding

from leadtui.errors import InputError
from leadtui.services.oneonones import OneOnOneRefusal, Refusal

T = TypeVar("T")

# (id, key, action, label, tooltip). The footer shows these in order of use in a meeting,
# so a narrow terminal keeps the first ones; config.toml remaps a key by its id.
SHOWN_KEYS = [
    ("point", "a", "add_point('me')", "Point", "Add a talking point"),
    ("done", "d", "toggle_done", "Done", "Mark the point discussed or the action done"),
    ("action", "c", "add_action", "Action", "Add an action item"),
    ("notes", "n", "notes", "Notes", "Write the session notes"),
    ("hold", "H", "hold", "Hold", "Hold the session: file and carry over"),
    ("edit", "e", "edit", "Edit", "Edit the selected point's or action's text"),
    ("drop", "x", "drop", "Drop", "Drop the selected talking point"),
    ("feedback", "f", "feedback", "Feedback", "Record feedback given in this session"),
]
# Less frequent: F1 and the command palette list them, the footer does not.
OTHER_KEYS = [
    ("their_point", "A", "add_point('them')", "Theirs", "Add a talking point they raised"),
    ("private", "v", "toggle_private", "Private", "Make the point private or shared"),
    ("prompt", "P", "prompt", "Prompt", "Take a question from the prompt tray as a point"),
    ("deep", "D", "toggle_deep", "Deep", "Mark the point deep (two or three a session) or quick"),
    ("up", "left_square_bracket", "move(-1)", "Up", "Move the point up"),
    ("down", "right_square_bracket", "move(1)", "Down", "Move the point down"),
    ("fix_notes", "N", "fix_notes", "Fix notes", "Fix a held session's notes"),
    ("remove", "delete", "remove", "Remove", "Remove the selected point or action (asks first)"),
    ("unhold", "U", "unhold", "Un-hold", "Take back the last held session (asks first)"),
    ("series", "s", "series", "Series", "Set up or change the recurring series"),
    ("reschedule", "r", "reschedule", "Move/skip", "Move or skip the next session"),
    ("bring_back", "b", "bring_back", "Bring back", "Bring back a skipped or moved session"),
    ("context", "i", "context", "Context", "Edit the person's private context"),
    ("observe", "O", "observe", "Energy", "Note the person's energy as you observe it"),
    ("rate", "asterisk", "rate", "Rate", "Rate the last held session: was it useful? (1–5)"),
    ("template", "T", "template", "Template", "Add an agenda template's talking points"),
    ("more", "m", "more", "More", "Show more past sessions"),
    ("export", "X", "export", "Export", "Export the document as Markdown"),
]
MEETING_KEYS = [
    Binding(key, action, label, show=keys is SHOWN_KEYS, tooltip=tip, id=f"1on1.{name}")
    for keys in (SHOWN_KEYS, OTHER_KEYS)
    for name, key, action, label, tip in keys
]

# Every key of the screen needs a person: with nobody on the list they show disabled.
NEEDS_PERSON = {action.split("(")[0] for *_, action, _, _ in SHOWN_KEYS + OTHER_KEYS}

# The footer's room: below this width it holds the keys of every meeting, Point to Hold,
# whole; Edit (enter edits too), Drop and Feedback join them from here.
ALL_KEYS_WIDTH = 104
WIDE_ONLY = {f"1on1.{name}" for name in ("edit", "drop", "feedback")}


def fitted(active: dict[str, ActiveBinding], width: int) -> dict[str, ActiveBinding]:
    """The keys in force, as a footer ``width`` columns wide shows them: below
    ALL_KEYS_WIDTH without Edit, Drop and Feedback (they still work), so that no key in
    it is ever cut short."""
    if width >= ALL_KEYS_WIDTH:
        return active
    return {
        key: (
            shown._replace(binding=replace(shown.binding, show=False))
            if shown.binding.id in WIDE_ONLY
            else shown
        )
        for key, shown in active.items()
    }


# How the app fixes a refusal: the key to press (the command line names a command). The
# others cannot reach the app: it asks to move a session only when there is one.
APP_FIXES = {Refusal.ALREADY_HELD: " (N)"}


def in_app_terms(call: Callable[[], T]) -> T:
    """``call``, with a one-on-one refusal worded with the key that fixes it."""
    try:
        return call()
    except OneOnOneRefusal as refusal:
        raise InputError(refusal.message + APP_FIXES.get(refusal.reason, "")) from None
