"""Agenda templates from the config folder: one TOML file each, beside the built-in ones.

A file in ``<config>/templates/*.toml`` holds::

    name = "quarterly-goals"
    description = "Goals for the coming quarter"
    relation = "report"          # optional: report, peer, manager, skip or other
    points = ["What went well", "What to change"]

Each file passes :class:`~leadtui.domain.templates_input.TemplateDraft`; a file that does not is
refused in one line naming the file and what to fix, and the other templates stay usable.
A user template with a built-in's name replaces it, so a built-in can be reworded.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import NamedTuple

from leadtui.domain.templates_input import BUILTIN, TemplateDraft
from leadtui.domain.text import quoted
from leadtui.errors import InputError, NotFoundError

# A template is a few lines; a bigger file is not one.
MAX_BYTES = 64 * 1024


class Catalog(NamedTuple):
    """Every usable template, built-in ones first, and one line per refused file."""

    templates: tuple[TemplateDraft, ...]
    problems: tuple[str, ...]

    def named(self, name: str) -> TemplateDraft:
        """The template called ``name``, or a refusal listing the names there are."""
        wanted = name.strip().lower()
        for template in self.templates:
            if template.name == wanted:
                return template
        names = ", ".join(t.name for t in self.templates)
        raise NotFoundError(f"no agenda template {quoted(name)}; templates: {names}")


def templates_dir(config_dir: Path) -> Path:
    """The folder a user's own templates live in."""
    return config_dir / "templates"


def read_template(path: Path) -> TemplateDraft:
    """One template file, or :class:`InputError` with one line naming the file."""
    from pydantic import ValidationError

    from leadtui.domain.validation import first_error_line

    where = f"template file {quoted(path.name)}"
    try:
        if not path.is_file():
            raise InputError(f"{where} is not a regular file; keep only .toml files there")
        if path.stat().st_size > MAX_BYTES:
            raise InputError(f"{where} is over {MAX_BYTES // 1024} KB; a template is a few lines")
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(
            f"{where} cannot be read ({exc.__class__.__name__}); check the file"
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{where} is not valid TOML: {exc}") from None
    unknown = sorted(set(data) - {"name", "description", "points", "relation"})
    if unknown:
        raise InputError(
            f"{where}: unknown key {quoted(unknown[0])}; known: name, description, points, relation"
        )
    try:
        return TemplateDraft.model_validate(data)
    except ValidationError as exc:
        raise InputError(f"{where}: {first_error_line(exc)}") from None


def catalog(config_dir: Path) -> Catalog:
    """The built-in templates and the user's, sorted by name after the built-in ones."""
    found: dict[str, TemplateDraft] = {t.name: t for t in BUILTIN}
    problems: list[str] = []
    folder = templates_dir(config_dir)
    user_names: set[str] = set()
    paths = sorted(folder.glob("*.toml")) if folder.is_dir() else []
    for path in paths:
        try:
            template = read_template(path)
        except InputError as refusal:
            problems.append(str(refusal))
            continue
        if template.name in user_names:
            problems.append(
                f"template file {quoted(path.name)}: another file is already called "
                f"{quoted(template.name)}; give it another name"
            )
            continue
        user_names.add(template.name)
        found[template.name] = template
    builtin = [found[t.name] for t in BUILTIN]
    own = sorted(
        (t for n, t in found.items() if n not in {b.name for b in BUILTIN}), key=lambda t: t.name
    )
    return Catalog((*builtin, *own), tuple(problems))
