"""User settings from config.toml.

A missing file means defaults. A file that cannot be read or has a bad value
also means defaults, with a notice naming the problem, so a typo never stops
the app from opening.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from leadtui.domain.validation import first_error_line

DEFAULT_THEME = "leadtui-dark"


class Settings(BaseModel):
    """Everything config.toml can set."""

    model_config = ConfigDict(extra="forbid")

    theme: str = Field(default=DEFAULT_THEME, description="Theme name: a built-in or a user TOML.")
    """Theme name: leadtui-dark, leadtui-light, a Textual built-in, or a user theme's name."""

    keymap: dict[str, str] = Field(default_factory=dict)
    """Binding id -> keys, e.g. ``"go.people" = "f3"`` or ``"people.add" = "a,n"``."""

    @field_validator("keymap")
    @classmethod
    def _keys_not_empty(cls, value: dict[str, str]) -> dict[str, str]:
        for binding_id, keys in value.items():
            if not keys.strip():
                raise ValueError(f"keymap: {binding_id!r} has no keys; give e.g. \"f3\"")
        return value


def load_settings(path: Path) -> tuple[Settings, list[str]]:
    """Read ``path``; return the settings and any problems found (each one line)."""
    if not path.exists():
        return Settings(), []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return Settings(), [f"{path}: cannot be read ({exc}); using defaults"]
    try:
        return Settings.model_validate(data), []
    except ValidationError as exc:
        return Settings(), [f"{path}: {first_error_line(exc)}; using defaults"]
