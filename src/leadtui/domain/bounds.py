"""Limits on a dataclass's fields that pydantic checks when it validates the dataclass
(config.toml), written as ``Annotated[int, Between(1, 12)]``.

Plain construction checks nothing and imports nothing: pydantic reads these only while
it builds a validator, so a start without a config file never loads it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class Check:
    """Annotated metadata: pydantic runs ``check`` on the field's value once its type is
    right; ``check`` returns the value or raises ValueError with the words to show."""

    def __init__(self, check: Callable[[Any], Any]) -> None:
        self.check = check

    def __get_pydantic_core_schema__(self, source: Any, handler: Callable[[Any], Any]) -> Any:
        """The field's own schema, then the check (pydantic's hook)."""
        from pydantic_core import core_schema

        return core_schema.no_info_after_validator_function(self.check, handler(source))


class Between(Check):
    """A whole number from ``low`` to ``high``, both included."""

    def __init__(self, low: int, high: int) -> None:
        def within(value: int) -> int:
            if not low <= value <= high:
                raise ValueError(f"must be {low}–{high}, got {value}")
            return value

        super().__init__(within)
        self.low, self.high = low, high
