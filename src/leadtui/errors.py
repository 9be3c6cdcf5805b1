"""Errors a person can act on.

Every error carries one line saying what was wrong and how to fix it. The CLI
prints it on stderr and exits with ``exit_code``; the TUI shows it beside the
field or on a message screen.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping


class LeadtuiError(Exception):
    """Base of all errors leadtui reports to a person rather than as a traceback."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(LeadtuiError):
    """What was typed was refused (a field, a date, a level ...). Nothing was written.

    ``field`` names the refused field when there is one, so a form can mark it. ``words``
    are what the message begins with for that field when they are not its name with
    spaces ("every" for ``every_weeks``); ``also`` names other fields the message speaks of,
    or maps each to its words. The command line puts each field's flag in their place.
    """

    def __init__(
        self,
        message: str,
        field: str | None = None,
        also: Mapping[str, str] | Iterable[str] = (),
        words: str | None = None,
    ) -> None:
        super().__init__(message)
        self.field = field
        self.words = words if words is not None else _spoken(field or "")
        self.also = dict(also) if isinstance(also, Mapping) else {f: _spoken(f) for f in also}


def _spoken(field: str) -> str:
    """A field's name as a message says it: ``energized_by`` -> "energized by"."""
    return field.replace("_", " ")


class NotFoundError(InputError):
    """A person, session or other record named on the command line does not exist."""


class AmbiguousError(InputError):
    """A name matched several records; the message lists them."""


class DatabaseRefusedError(LeadtuiError):
    """The database file cannot be used as it is: corrupt, not SQLite, newer, or unwritable.

    The file is left exactly as it was.
    """
