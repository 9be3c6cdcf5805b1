"""A form's long-text fields, edited in $EDITOR with ctrl+e; and what was typed into any
field, never thrown away by esc without asking."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from textual import events
from textual.widgets import Input, TextArea

from leadtui.tui.editor import EditorFailed, edit_text

if TYPE_CHECKING:
    from textual.screen import Screen

    _Screen = Screen[Any]
else:
    # At run time a plain mixin: a Screen base here would bring Screen's default styles
    # in after ModalScreen's and undo a dialog's centring.
    _Screen = object


class LongTextFields(_Screen):
    """What a form does with its multi-line fields (the form names them); mixed into a
    modal screen."""

    _last_long_field: str | None = None
    # What the fields held when the form opened: what esc may drop without asking.
    _typed_at_start: dict[str, object] | None = None

    def _long_fields(self) -> list[str]:
        """The names of the form's multi-line fields."""
        raise NotImplementedError

    def show_error(self, message: str) -> None:
        """Show one line in the error colour below the fields."""
        raise NotImplementedError

    def _long_texts(self) -> dict[str, str]:
        return {
            name: self.query_one(f"#field-{name}", TextArea).text for name in self._long_fields()
        }

    def typed_now(self) -> Mapping[str, object]:
        """What the fields hold now (the form knows its fields; by default the long ones)."""
        return self._long_texts()

    def remember_typed(self) -> None:
        """Note what the fields hold as opened, to tell later whether anything changed."""
        self._typed_at_start = dict(self.typed_now())

    def action_cancel(self) -> None:
        """Close without saving; what was typed or changed is dropped only after a yes (a
        form left as it opened closes at once)."""
        if self._typed_at_start is None or dict(self.typed_now()) == self._typed_at_start:
            self.dismiss(None)
            return
        from leadtui.tui.dialogs.confirm import ConfirmScreen

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        question = ConfirmScreen(
            "Discard what you wrote?", "Nothing in this form is saved yet.", yes="Discard"
        )
        self.app.push_screen(question, answered)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Remember the long-text field last in focus: ctrl+e from the buttons edits it."""
        widget_id = event.widget.id or ""
        if isinstance(event.widget, TextArea) and widget_id.startswith("field-"):
            self._last_long_field = widget_id.removeprefix("field-")
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """$EDITOR only where there is long text to edit; in a one-line field ctrl+e keeps
        its usual meaning (end of line)."""
        if action == "editor":
            return bool(self._long_fields()) and not isinstance(self.focused, Input)
        return True

    def action_editor(self) -> None:
        """Edit the focused long-text field (or the one last focused) in $EDITOR."""
        fields = self._long_fields()
        if not fields:
            return
        focused = self.focused
        if isinstance(focused, TextArea) and (focused.id or "").removeprefix("field-") in fields:
            name = (focused.id or "").removeprefix("field-")
        else:
            name = self._last_long_field or fields[0]
        area = self.query_one(f"#field-{name}", TextArea)
        try:
            area.text = edit_text(self.app, area.text)
        except EditorFailed as exc:
            self.show_error(str(exc))
        except OSError as exc:
            self.show_error(f"$EDITOR failed: {exc}")
        area.focus()
