"""Ask for one line of text (a talking point, a note, a date), keeping it when refused.

The generic form with one field: whatever field a refusal names, it is this one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import ClassVar

from leadtui.tui.dialogs.forms import DraftForm, FieldSpec


class TextPrompt(DraftForm[str, bool]):
    """One line of text; ``save`` does the write and may refuse with a LeadtuiError."""

    FORM_ID = "text-prompt"
    REFUSAL_FIELD = "text"
    SPEC: ClassVar[Mapping[str, FieldSpec]] = {"text": FieldSpec("")}

    def __init__(
        self,
        title: str,
        save: Callable[[str], object],
        value: str = "",
        placeholder: str = "",
        *,
        names: Sequence[str] = (),
    ) -> None:
        """``names``: the people a prompt for a name completes from (the screen's)."""
        super().__init__(title, values={"text": value})
        self.save = save
        self.placeholder = placeholder
        self.names = tuple(names)

    @property
    def spec(self) -> Mapping[str, FieldSpec]:
        """One unlabelled field with this prompt's placeholder (and names to complete)."""
        return {"text": FieldSpec("", placeholder=self.placeholder, names=self.names)}

    def draft(self) -> str:
        """The text as typed (``save`` validates it through its own draft)."""
        return str(self.typed()["text"])

    def hand_over(self, draft: str) -> bool:
        """Hand the text to ``save``."""
        self.save(draft)
        return True
