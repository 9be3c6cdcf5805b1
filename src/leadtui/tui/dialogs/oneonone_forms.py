"""Forms of the One-on-ones screen: a talking point, an action item, a series, the session
notes, the feedback given in a session.

Each is the generic draft form (:mod:`leadtui.tui.dialogs.forms`) over its draft, so a
refused field is the one outlined; ctrl+e edits the focused notes field in $EDITOR.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any, ClassVar

from leadtui.domain.dates import WEEKDAYS, day_label
from leadtui.domain.oneonones import Series, Session, Side, Visibility
from leadtui.domain.oneonones_input import ActionDraft, NotesDraft, PointDraft, SeriesDraft
from leadtui.domain.people import Person
from leadtui.domain.reviews_input import FeedbackDraft
from leadtui.domain.text import literal
from leadtui.domain.validation import build
from leadtui.tui.dialogs.forms import FieldSpec, Kind, Save, SaveForm, weekly_slot_fields
from leadtui.tui.dialogs.review_forms import FeedbackForm


class PointForm(SaveForm[PointDraft]):
    """A new talking point raised by ``side``: its words, and whether it is private (kept
    out of the counterpart's copy from the start, as ``v`` makes it afterwards). ``words``
    start the field (a suggested point's, to keep or change). ``save`` gets the draft's
    values, ``raised_by`` among them."""

    FORM_ID = "point-form"
    DRAFT = PointDraft
    SPEC: ClassVar[Mapping[str, FieldSpec]] = {
        "text": FieldSpec("Point", placeholder="what to talk about"),
        # Off: shared, the draft's default; on: private.
        "visibility": FieldSpec(
            "Private (only in your copy)",
            Kind.CHECKBOX,
            choices=(("shared", Visibility.SHARED.value), ("private", Visibility.PRIVATE.value)),
            default=Visibility.SHARED.value,
        ),
    }

    def __init__(self, side: str, save: Save, words: str = "") -> None:
        whose = "yours" if side == Side.ME else "theirs"

        def raised(values: dict[str, Any]) -> object:
            return save(values | {"raised_by": side})

        super().__init__(f"Talking point ({whose})", raised, values={"text": words})


class ActionForm(SaveForm[ActionDraft]):
    """An action item: text, owner, optional due date."""

    FORM_ID = "action-form"
    DRAFT = ActionDraft
    SPEC: ClassVar[Mapping[str, FieldSpec]] = {
        "text": FieldSpec("Action", placeholder="what will be done"),
        "owner": FieldSpec(
            "Owner",
            Kind.SELECT,
            choices=tuple((side.value, side.value) for side in Side),
            default=Side.ME.value,
        ),
        "due_on": FieldSpec("Due", placeholder="optional: friday, 2026-12-01 …", when_blank=None),
    }

    def __init__(
        self,
        title: str,
        save: Save,
        today: date | None = None,
        values: Mapping[str, object] | None = None,
    ) -> None:
        super().__init__(title, save, today=today, values=values)


class SeriesForm(SaveForm[SeriesDraft]):
    """A recurring 1:1: weekday, time, every N weeks, length, first date."""

    FORM_ID = "series-form"
    DRAFT = SeriesDraft
    SPEC: ClassVar[Mapping[str, FieldSpec]] = {
        **weekly_slot_fields("10:00"),
        "every_weeks": FieldSpec("Every N weeks", placeholder="1–12", default="1"),
        "starts_on": FieldSpec(
            "Starting", placeholder="today, 2026-12-01 …", default="today", when_blank=None
        ),
    }

    def __init__(
        self, title: str, save: Save, today: date, values: Mapping[str, object] | None = None
    ) -> None:
        """``values`` are the series' current ones when changing it (weekday as 0–6)."""
        shown = dict(values or {})
        weekday = shown.get("weekday", today.weekday())
        if isinstance(weekday, int):
            shown["weekday"] = WEEKDAYS[weekday]
        super().__init__(title, save, today=today, values=shown)

    @classmethod
    def for_series(cls, series: Series | None, save: Save, today: date) -> SeriesForm:
        """The form for a person's series: a recurring one opens with what it has, so
        saving it unchanged changes nothing (its moves and skips stay); an ad-hoc
        document, or none, starts from a new series' values."""
        if series is None or series.ad_hoc:
            return cls("1:1 series", save, today)
        current = {
            "weekday": series.weekday,
            "at_time": series.at_time,
            "minutes": series.minutes,
            "every_weeks": series.every_weeks,
            "starts_on": series.starts_on,
        }
        return cls("Change the 1:1 series", save, today, current)


class NotesForm(SaveForm[NotesDraft]):
    """Shared and private notes for a session; ctrl+e edits the focused one in $EDITOR."""

    FORM_ID = "notes-form"
    DRAFT = NotesDraft
    SPEC: ClassVar[Mapping[str, FieldSpec]] = {
        "shared": FieldSpec(
            "Shared notes (in the counterpart's copy) · ctrl+e: $EDITOR", Kind.TEXTAREA
        ),
        "private": FieldSpec(
            "Private notes (only in your private copy)", Kind.TEXTAREA, classes="private"
        ),
    }

    def __init__(self, title: str, save: Save, shared: str, private: str) -> None:
        super().__init__(title, save, values={"shared": shared, "private": private})

    @classmethod
    def upcoming(cls, series: Series, save: Save) -> NotesForm:
        """The upcoming session's notes so far."""
        shared, private = series.draft_shared_notes, series.draft_private_notes
        return cls("Session notes", save, shared, private)

    @classmethod
    def held(cls, session: Session, today: date, save: Save) -> NotesForm:
        """A held session's notes, reopened to fix them."""
        title = f"Notes of the session held {day_label(session.held_on, today)}"
        return cls(title, save, session.shared_notes, session.private_notes)


def session_feedback(
    person: Person, today: date, save: Callable[[FeedbackDraft], object]
) -> FeedbackForm:
    """Feedback given to ``person`` in the upcoming session (filed under it when held);
    ``save`` gets the draft as of ``today``."""

    def given(values: dict[str, Any]) -> None:
        save(build(FeedbackDraft, today=today, **values))

    note = "Given in this 1:1: it is filed under the session when you hold it (H)."
    return FeedbackForm(f"Feedback for {literal(person.name)}", given, note=note)
