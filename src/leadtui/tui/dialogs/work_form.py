"""Log a piece of energizing work: WorkDraft's fields. Keeps what was typed when refused."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import ClassVar

from leadtui.domain.energy import WorkKind
from leadtui.domain.energy_input import WorkDraft
from leadtui.services.energy import WorkResult
from leadtui.tui.dialogs.forms import FieldSpec, Kind, SaveDraftForm


class WorkForm(SaveDraftForm[WorkDraft, WorkResult]):
    """Title, hours, kind, date and the "creates work for other teams" flag."""

    FORM_ID = "work-form"
    DRAFT = WorkDraft
    SPEC: ClassVar[Mapping[str, FieldSpec]] = {
        "title": FieldSpec("What", placeholder="e.g. prototype a ranking idea"),
        "hours": FieldSpec("Hours", placeholder="1.5", default="1"),
        "kind": FieldSpec(
            "Kind",
            Kind.SELECT,
            choices=tuple((k.value, k.value) for k in WorkKind),
            default=WorkKind.CODING.value,
        ),
        # Blank is today.
        "day": FieldSpec("Date", placeholder="today", when_blank=None),
        "creates_work_for_other_teams": FieldSpec("Creates work for other teams", Kind.CHECKBOX),
    }

    def __init__(
        self,
        save: Callable[[WorkDraft], WorkResult],
        today: date,
        values: Mapping[str, object] | None = None,
    ) -> None:
        super().__init__("Energizing work", save, today=today, values=values)
