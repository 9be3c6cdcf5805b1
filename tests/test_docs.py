"""docs/cli.md carries every command's usage and --help as the parser has them, and
docs/design.md every binding id config.toml's [keymap] takes."""

from __future__ import annotations

from pathlib import Path

import pytest

from leadtui.cli.reference import HELP, USAGE, updated
from leadtui.tui import keymap_reference
from leadtui.tui.keymap import binding_ids

DOCS = Path(__file__).resolve().parent.parent / "docs"
CLI_MD = DOCS / "cli.md"
DESIGN_MD = DOCS / "design.md"


def test_the_command_reference_is_the_parsers_own() -> None:
    text = CLI_MD.read_text(encoding="utf-8")
    assert updated(text) == text, "docs/cli.md is stale: run `make docs`"


def test_every_command_is_in_the_reference() -> None:
    text = CLI_MD.read_text(encoding="utf-8")
    reference = text[text.index(HELP[0]) : text.index(HELP[1])]
    usage = text[text.index(USAGE[0]) : text.index(USAGE[1])]
    for command in ("people add", "energy log", "1on1 series", "succession gap add", "redo"):
        assert f"### leadtui {command}\n" in reference
        assert f"leadtui {command} " in usage or f"leadtui {command}\n" in usage


def test_a_changed_option_makes_the_reference_stale() -> None:
    text = CLI_MD.read_text(encoding="utf-8")
    stale = text.replace("every N weeks (1)", "every N weeks (2)")
    assert stale != text
    assert updated(stale) == text


def test_the_binding_ids_are_the_classes_own() -> None:
    text = DESIGN_MD.read_text(encoding="utf-8")
    assert keymap_reference.updated(text) == text, "docs/design.md is stale: run `make docs`"


def test_every_binding_id_is_listed() -> None:
    text = DESIGN_MD.read_text(encoding="utf-8")
    begin, end = keymap_reference.MARKERS
    listed = text[text.index(begin) : text.index(end)]
    for binding_id in binding_ids():
        assert f"| `{binding_id}` |" in listed, binding_id
    for binding_id in ("today.export-calendar", "energy.previous_day", "roster.add", "app.search"):
        assert f"| `{binding_id}` |" in listed, binding_id


def test_a_missing_binding_id_makes_the_list_stale() -> None:
    text = DESIGN_MD.read_text(encoding="utf-8")
    row = next(line for line in text.splitlines() if line.startswith("| `people.add` |"))
    stale = text.replace(row + "\n", "")
    assert stale != text
    assert keymap_reference.updated(stale) == text


def help_text(*argv: str) -> str:
    """What ``leadtui ARGV --help`` prints."""
    import contextlib
    import io

    from leadtui.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit):
        main([*argv, "--help"])
    return out.getvalue()


def test_help_lines_say_what_the_command_does() -> None:
    export_line = next(
        line for line in help_text().splitlines() if line.strip().startswith("export ")
    )
    assert "iCalendar" in export_line, "export writes calendar files as well as Markdown"
    # Only a new person takes the default relation; an edit keeps the stored one.
    assert "(default: report)" in help_text("people", "add")
    assert "(default: report)" not in help_text("people", "edit")
