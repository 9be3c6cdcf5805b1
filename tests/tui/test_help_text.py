"""F1's text for every screen is a Markdown file in tui/help/, named after the screen."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from leadtui.tui.screens import SCREENS, ScreenEntry

TUI = Path(__file__).parents[2] / "src" / "leadtui" / "tui"


@pytest.mark.parametrize("entry", SCREENS, ids=lambda e: e.mode)
def test_every_screen_reads_its_help_from_its_markdown_file(entry: ScreenEntry) -> None:
    text = (TUI / "help" / f"{entry.mode}.md").read_text(encoding="utf-8")
    assert text.startswith("# ")
    assert getattr(entry.load(), "HELP", None) == text


def test_no_module_of_the_app_writes_help_text_inline() -> None:
    for module in TUI.rglob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "HELP" for t in node.targets
            ):
                assert not isinstance(node.value, ast.Constant), module
