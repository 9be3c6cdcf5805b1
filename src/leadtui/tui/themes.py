"""Themes from TOML files, loaded into Textual's Theme API.

Built-in themes ship in the wheel's ``themes/`` folder; a person adds their
own by dropping ``NAME.toml`` into the config folder's ``themes/``. A file
that cannot be read or names a bad colour is skipped with a notice.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from textual.color import Color, ColorParseError
from textual.theme import Theme

from leadtui.domain.text import quoted

_COLOR_KEYS = (
    "primary",
    "secondary",
    "warning",
    "error",
    "success",
    "accent",
    "foreground",
    "background",
    "surface",
    "panel",
    "boost",
)


@dataclass
class LoadedThemes:
    """Themes read from files, and one line per file that was skipped."""

    themes: list[Theme] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def builtin_themes_dir() -> Path:
    """The themes shipped inside the wheel, or the checkout's in a dev install."""
    packaged = Path(__file__).resolve().parent.parent / "themes"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "themes"


def theme_from_toml(path: Path) -> Theme:
    """Build one Theme from a TOML file; ValueError says what is wrong."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ValueError(f"cannot be read ({exc})") from None
    name = data.get("name", path.stem)
    if not isinstance(name, str) or not name.strip():
        raise ValueError("name must be a non-empty string")
    if "primary" not in data:
        raise ValueError("primary colour is required")
    colors: dict[str, str] = {}
    for key in _COLOR_KEYS:
        if key in data:
            value = data[key]
            try:
                Color.parse(str(value))
            except ColorParseError:
                raise ValueError(
                    f'{key} = {quoted(str(value))} is not a colour (use e.g. "#7AA2F7")'
                ) from None
            colors[key] = str(value)
    unknown = set(data) - set(_COLOR_KEYS) - {"name", "dark", "variables"}
    if unknown:
        raise ValueError(f"unknown keys {', '.join(sorted(unknown))}")
    variables = data.get("variables", {})
    if not isinstance(variables, dict):
        raise ValueError("[variables] must be a table")
    return Theme(
        name=name.strip(),
        dark=bool(data.get("dark", True)),
        variables={str(k): str(v) for k, v in variables.items()},
        **colors,  # type: ignore[arg-type]
    )


def load_themes(*folders: Path) -> LoadedThemes:
    """Every ``*.toml`` theme in ``folders``, later folders overriding earlier names."""
    loaded = LoadedThemes()
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            try:
                loaded.themes.append(theme_from_toml(path))
            except ValueError as exc:
                loaded.problems.append(f"theme {path.name} skipped: {exc}")
    return loaded
