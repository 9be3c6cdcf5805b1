"""The one form every dialog is built from: its fields are a domain draft's fields.

A form names its draft (``DRAFT``, a pydantic model from ``domain/*_input.py``) and a
small spec per field (``SPEC``: label, widget kind, placeholder, choices) keyed by the
draft's field names. Every widget's id is ``field-<name>``, so the field an
:class:`~leadtui.errors.InputError` names is the field the form outlines and focuses.

Saving may be refused (a LeadtuiError, or a busy database): the reason shows below the
fields, the refused field is outlined and focused, and everything typed stays.
enter in a one-line field moves to the next field and saves only from the last one-line
field (a half-filled form is never saved by a stray enter); ctrl+s saves from anywhere; esc
cancels, asking first when anything was typed or changed; ctrl+e edits the focused
long-text field in $EDITOR (tui/dialogs/form_long_text.py). A field that takes a person's
name completes it from the names the screen hands in (:class:`NameSuggester`).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import Suggester, SuggestFromList
from textual.widget import Widget
from textual.widgets import (
    Button,
    Checkbox,
    Input,
    Label,
    RadioButton,
    RadioSet,
    Select,
    Static,
    TextArea,
)

from leadtui.errors import LeadtuiError
from leadtui.tui.dialogs.form_long_text import LongTextFields
from leadtui.tui.screens.base import busy_message
from leadtui.tui.widgets.footer import Footer

if TYPE_CHECKING:
    from pydantic import BaseModel

D = TypeVar("D")
R = TypeVar("R")
Save = Callable[[dict[str, Any]], object]


class Kind(Enum):
    """Which widget a field is typed into."""

    INPUT = "input"
    SELECT = "select"
    TEXTAREA = "textarea"
    CHECKBOX = "checkbox"
    RADIO = "radio"


@dataclass(frozen=True)
class FieldSpec:
    """How one draft field is shown.

    ``choices`` are (shown, value) pairs for a Select or a RadioSet; for a Checkbox, the
    draft's value when it is off, then when it is on (none: the draft takes a bool).
    ``when_blank`` is what an empty one-line field hands to the draft ("" or None, e.g.
    None for a day that defaults to today). ``default`` is the value a new form starts
    with. ``names`` are offered as completions in a one-line field, after the last match
    of ``names_after`` when given (a list of names, ``delegate NAME``).
    """

    label: str
    kind: Kind = Kind.INPUT
    placeholder: str = ""
    choices: tuple[tuple[str, str], ...] = ()
    default: str | bool = ""
    when_blank: object = ""
    classes: str = ""
    names: tuple[str, ...] = ()
    names_after: str | None = None


class NameSuggester(Suggester):
    """Completes the person's name being typed, whatever its case, from ``names``.

    The whole line is a name, or (with ``after``, a regular expression) the name is what
    follows its last match: ``,\\s*`` for a list of names, ``^delegate\\s+`` for a
    decision naming someone. Where ``after`` never matches, nothing is offered. What was
    typed before the name is kept as typed: the line completes, it is not rewritten.
    """

    def __init__(self, names: Iterable[str], after: str | None = None) -> None:
        # Case-sensitive here so the words before the name keep their case; the name
        # itself is matched case-insensitively by Textual's own list suggester.
        super().__init__(case_sensitive=True)
        self.names = SuggestFromList(names, case_sensitive=False)
        self.after = re.compile(after, re.IGNORECASE) if after is not None else None

    async def get_suggestion(self, value: str) -> str | None:
        """The line with the name being typed completed, or None."""
        cut = 0
        if self.after is not None:
            ends = [match.end() for match in self.after.finditer(value)]
            if not ends:
                return None
            cut = ends[-1]
        # Spaces before the name belong to what comes before it.
        cut += len(value[cut:]) - len(value[cut:].lstrip())
        head, name = value[:cut], value[cut:]
        if not name:
            return None
        found = await self.names.get_suggestion(name.casefold())
        return head + found if found is not None else None


def weekly_slot_fields(default_time: str) -> dict[str, FieldSpec]:
    """The weekday, time and length of a weekly meeting (a 1:1 series, the leadership
    meeting), shown alike wherever one is set (the draft side is ``WeeklySlot``)."""
    from leadtui.domain.dates import WEEKDAYS, weekday_name

    return {
        "weekday": FieldSpec(
            "Weekday", Kind.SELECT, choices=tuple((weekday_name(i), WEEKDAYS[i]) for i in range(7))
        ),
        "at_time": FieldSpec(
            "Time", placeholder=f"HH:MM, e.g. {default_time}", default=default_time
        ),
        "minutes": FieldSpec("Minutes", placeholder="5–480", default="60"),
    }


def shown_value(value: object) -> str | bool:
    """A stored or default value as a widget holds it (dates as ISO, enums by value)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return str(value.value)
    return str(value)


class DraftForm(LongTextFields, ModalScreen[R | None], Generic[D, R]):
    """A modal form whose fields are ``DRAFT``'s fields, laid out from ``SPEC``.

    ``hand_over`` receives the validated draft and does the write; what it returns
    closes the form (cancelling returns None). A refusal it raises is shown on the
    field it names.
    """

    CSS_PATH = "../styles/dialogs.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="form.save", priority=True),
        Binding("escape", "cancel", "Cancel", id="form.cancel"),
        # A priority binding: TextArea and Input claim ctrl+e (end of line) for themselves.
        # check_action lets the key through to them where there is nothing to edit.
        Binding("ctrl+e", "editor", "$EDITOR", id="notes.editor", priority=True),
    ]
    DRAFT: ClassVar[type[BaseModel] | None] = None
    SPEC: ClassVar[Mapping[str, FieldSpec]] = {}
    # Below 30 rows the buttons give way to the fields: the footer shows the same keys,
    # and a click on them works as well.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]  # noqa: RUF012 (Textual reads it)
    FORM_ID: ClassVar[str | None] = None
    SAVE_LABEL: ClassVar[str] = "Save"
    # The field to mark when a refusal names none (a form with one field, an export path).
    REFUSAL_FIELD: ClassVar[str | None] = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.DRAFT is not None:
            unknown = set(cls.SPEC) - set(cls.DRAFT.model_fields)
            # A spec naming a field the draft lacks could never be marked when refused.
            assert not unknown, f"{cls.__name__}: {sorted(unknown)} not in {cls.DRAFT.__name__}"

    def __init__(
        self,
        title: str,
        *,
        today: date | None = None,
        values: Mapping[str, object] | None = None,
        note: str = "",
    ) -> None:
        super().__init__()
        self.form_title = title
        self.today = today
        self.initial = dict(values or {})
        self.note = note

    # What the form shows

    @property
    def spec(self) -> Mapping[str, FieldSpec]:
        """The fields, in the order shown (a form may vary them per instance)."""
        return self.SPEC

    def compose(self) -> ComposeResult:
        with Vertical(id=self.FORM_ID, classes="dialog form") as box:
            # Content, not markup: a title may hold a person's name with brackets in it.
            box.border_title = Content(self.form_title)
            box.border_subtitle = self.hint()
            # Only the fields scroll: a refusal and the buttons stay in view below them
            # however long the form is (seven fields outgrow an 80x24 terminal).
            with VerticalScroll(classes="form-fields"):
                if self.note:
                    yield Static(Content(self.note), classes="muted form-note")
                for name, field in self.spec.items():
                    yield from self._field(name, field)
            yield Static("", id="form-error")
            with Horizontal(classes="buttons"):
                yield Button(f"{self.SAVE_LABEL} (ctrl+s)", id="save", variant="primary")
                yield Button("Cancel (esc)", id="cancel")
        yield Footer()

    def _field(self, name: str, field: FieldSpec) -> Iterator[Widget]:
        value = shown_value(self.initial.get(name, field.default))
        widget_id = f"field-{name}"
        classes = field.classes
        if field.kind is Kind.TEXTAREA:
            yield Label(field.label, classes=f"field-label long {classes}")
            yield TextArea(str(value), id=widget_id, classes=f"long {classes}")
            return
        if field.kind is Kind.CHECKBOX:
            on = value == field.choices[1][1] if field.choices else bool(value)
            yield Checkbox(field.label, on, id=widget_id, classes=classes)
            return
        widget: Widget
        if field.kind is Kind.SELECT:
            widget = Select(
                field.choices,
                value=str(value) if value else field.choices[0][1],
                allow_blank=False,
                id=widget_id,
                classes=classes,
            )
        elif field.kind is Kind.RADIO:
            widget = RadioSet(
                *(RadioButton(shown, value == choice) for shown, choice in field.choices),
                id=widget_id,
                classes=classes,
            )
        else:
            suggester = NameSuggester(field.names, field.names_after) if field.names else None
            widget = Input(
                str(value),
                placeholder=field.placeholder,
                suggester=suggester,
                id=widget_id,
                classes=classes,
            )
        label = Label(field.label, classes="field-label") if field.label else None
        yield Horizontal(*([label] if label else []), widget, classes="field-row")

    def hint(self) -> str:
        """The keys the form answers, under its fields (enter moves on where there is
        another one-line field to move to)."""
        lines = len(self._line_fields())
        if lines > 1:
            return "enter: next field · ctrl+s: save · esc: cancel"
        # In a long-text field enter starts a new line.
        return "enter: save · esc: cancel" if lines else "ctrl+s: save · esc: cancel"

    def _line_fields(self) -> list[str]:
        return [name for name, field in self.spec.items() if field.kind is Kind.INPUT]

    def on_mount(self) -> None:
        """Start typing in the first field (the scrolling dialog itself is focusable)."""
        first = next(iter(self.spec), None)
        if first is not None:
            self.query_one(f"#field-{first}").focus()
        self.remember_typed()

    # What is typed

    def typed(self) -> dict[str, object]:
        """What is in the fields now, as the draft takes it."""
        values: dict[str, object] = {}
        for name, field in self.spec.items():
            widget = self.query_one(f"#field-{name}")
            if isinstance(widget, Input):
                values[name] = widget.value if widget.value.strip() else field.when_blank
            elif isinstance(widget, TextArea):
                values[name] = widget.text
            elif isinstance(widget, Checkbox):
                values[name] = (
                    field.choices[int(widget.value)][1] if field.choices else widget.value
                )
            elif isinstance(widget, Select):
                values[name] = str(widget.value)
            elif isinstance(widget, RadioSet):
                index = widget.pressed_index
                values[name] = field.choices[index][1] if index >= 0 else None
        return values

    def typed_now(self) -> Mapping[str, object]:
        """Every field as it is now: esc asks before dropping a change to any of them."""
        return self.typed()

    def draft(self) -> D:
        """The draft built from what is typed; an InputError names the refused field."""
        from leadtui.domain.validation import build

        assert self.DRAFT is not None, f"{type(self).__name__} has no DRAFT"
        # The app's today (pinned in tests) when the screen handed none.
        today = self.today or getattr(self.app, "today", None)
        return cast(D, build(self.DRAFT, today=today, **self.typed()))

    def hand_over(self, draft: D) -> R:
        """Write the validated draft; the result closes the form."""
        raise NotImplementedError

    def submit(self) -> R:
        """Validate what is typed and save it."""
        return self.hand_over(self.draft())

    # Saving and refusing

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Save or cancel from a click."""
        event.stop()
        if event.button.id == "save":
            self.action_save()
        elif event.button.id == "cancel":
            self.action_cancel()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in a one-line field moves to the next field; in the last one-line field it
        saves. A form is saved on purpose, never half-filled by enter in its first field."""
        event.stop()
        name = (event.input.id or "").removeprefix("field-")
        names = list(self.spec)
        lines = self._line_fields()
        if name not in names or name == (lines[-1] if lines else None):
            self.action_save()
            return
        self.query_one(f"#field-{names[names.index(name) + 1]}").focus()

    def action_save(self) -> None:
        """Save, or show why not, outline the refused field and keep what was typed."""
        try:
            result = self.submit()
        except LeadtuiError as exc:
            self.refuse(exc.message, getattr(exc, "field", None))
            return
        except sqlite3.OperationalError as exc:
            self.refuse(f"Not saved: {busy_message(exc)}", None)
            return
        self.dismiss(result)

    def refuse(self, message: str, field: str | None) -> None:
        """Show why saving was refused and put the cursor in the field at fault."""
        for widget in self.query(".-invalid"):
            widget.remove_class("-invalid")
        self.show_error(message)
        name = field if field in self.spec else self.REFUSAL_FIELD
        if name is None and len(self.spec) == 1:
            name = next(iter(self.spec))
        if name is not None:
            widget = self.query_one(f"#field-{name}")
            widget.add_class("-invalid")
            widget.focus()

    def show_error(self, message: str) -> None:
        """Show one line in the error colour below the fields."""
        error = self.query_one("#form-error", Static)
        error.update(Content(message))
        error.set_class(bool(message), "-shown")

    def _long_fields(self) -> list[str]:
        return [name for name, field in self.spec.items() if field.kind is Kind.TEXTAREA]


class SaveDraftForm(DraftForm[D, R]):
    """A form handing its draft to ``save``; what ``save`` returns closes the form."""

    def __init__(
        self,
        title: str,
        save: Callable[[D], R],
        *,
        today: date | None = None,
        values: Mapping[str, object] | None = None,
        note: str = "",
    ) -> None:
        super().__init__(title, today=today, values=values, note=note)
        self.save = save

    def hand_over(self, draft: D) -> R:
        """Hand the draft to ``save``."""
        return self.save(draft)


class SaveForm(SaveDraftForm[D, bool]):
    """A form handing the draft's validated values to ``save`` as keywords; True when
    saved, None when cancelled."""

    def __init__(
        self,
        title: str,
        save: Save,
        *,
        today: date | None = None,
        values: Mapping[str, object] | None = None,
        note: str = "",
    ) -> None:
        # The draft was checked first, so a refusal of what was typed comes before
        # anything is written.
        def save_values(draft: D) -> bool:
            save(dict(cast("BaseModel", draft)))
            return True

        super().__init__(title, save_values, today=today, values=values, note=note)


__all__ = [
    "DraftForm",
    "FieldSpec",
    "Kind",
    "NameSuggester",
    "Save",
    "SaveDraftForm",
    "SaveForm",
    "shown_value",
]
