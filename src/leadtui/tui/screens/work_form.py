"""Log a piece of energizing work. Keeps what was typed when refused."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual.app import ComposeResult
from textual.widgets import Checkbox, Input, Select

from leadtui.domain.energy import WorkKind
from leadtui.domain.energy_input import WorkDraft
from leadtui.domain.validation import build
from leadtui.services.energy import WorkResult
from leadtui.tui.screens.forms import DialogForm, form_row

FIELDS = (
    ("title", "What", "e.g. prototype a ranking idea"),
    ("hours", "Hours", "1.5"),
    ("day", "Date", "today"),
)


class WorkForm(DialogForm[WorkResult | None]):
    """Title, hours, kind, date and the "creates work for other teams" flag."""

    FORM_ID = "work-form"

    def __init__(self, save: Callable[[WorkDraft], WorkResult], today: date) -> None:
        super().__init__("Energizing work")
        self.save = save
        self.today = today

    def fields(self) -> ComposeResult:
        for field, label, placeholder in FIELDS:
            value = "1" if field == "hours" else ""
            yield form_row(label, Input(placeholder=placeholder, id=f"field-{field}", value=value))
        kinds = [(k.value, k.value) for k in WorkKind]
        yield form_row(
            "Kind", Select(kinds, value=WorkKind.CODING.value, allow_blank=False, id="field-kind")
        )
        yield Checkbox("Creates work for other teams", id="field-creates")

    def submit(self) -> WorkResult | None:
        """Validate and log the work."""
        values = {f: self.query_one(f"#field-{f}", Input).value for f, _, _ in FIELDS}
        draft = build(
            WorkDraft,
            today=self.today,
            title=values["title"],
            hours=values["hours"],
            day=values["day"] or None,
            kind=str(self.query_one("#field-kind", Select).value),
            creates_work_for_other_teams=self.query_one("#field-creates", Checkbox).value,
        )
        return self.save(draft)

    def cancelled(self) -> WorkResult | None:
        """Nothing logged."""
        return None
