"""The personal context form: the named fields on one line each, the notes in a text area
that ctrl+e opens in $EDITOR. Opened from People and One-on-ones (i)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, ClassVar

from leadtui.domain.context_input import FIELDS, ContextDraft
from leadtui.domain.text import literal
from leadtui.tui.dialogs.forms import FieldSpec, Kind, Save, SaveForm

if TYPE_CHECKING:
    from leadtui.domain.context_input import PersonContext
    from leadtui.domain.people import Person


class ContextForm(SaveForm[ContextDraft]):
    """A person's private context: what they care about, how they like feedback, goals,
    time off and hours, and free notes."""

    FORM_ID = "context-form"
    DRAFT = ContextDraft
    SPEC: ClassVar[Mapping[str, FieldSpec]] = {
        "cares_about": FieldSpec(FIELDS["cares_about"], placeholder="the roadmap, their team"),
        "feedback_style": FieldSpec(FIELDS["feedback_style"], placeholder="in writing first"),
        "goals": FieldSpec(FIELDS["goals"], placeholder="lead the migration"),
        "time_off": FieldSpec(FIELDS["time_off"], placeholder="school run until 9"),
        "notes": FieldSpec("Notes · ctrl+e: $EDITOR", Kind.TEXTAREA, classes="private"),
    }

    @classmethod
    def for_person(cls, person: Person, context: PersonContext, save: Save) -> ContextForm:
        """The form filled with ``context`` as stored."""
        values = {name: getattr(context, name) for name in FIELDS}
        note = "Private: only you see it, in the app, search and your private 1:1 copy."
        return cls(f"🔒 Personal context: {literal(person.name)}", save, values=values, note=note)
