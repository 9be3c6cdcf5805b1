"""Helpers for Pilot tests: an app on a temporary database with a pinned today."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console
from textual.widgets import Static

from leadtui.config import Settings
from leadtui.paths import Locations
from leadtui.tui.app import LeadtuiApp
from tests.conftest import TODAY

SIZE = (120, 40)


def make_app(db_path: Path, home: Path, settings: Settings | None = None) -> LeadtuiApp:
    """The real app on ``db_path`` with config in ``home``."""
    locations = Locations(data_dir=db_path.parent, config_dir=home, db_path=db_path)
    return LeadtuiApp(locations, today=TODAY, settings=settings)


@pytest.fixture
def app(db_path: Path, isolated_home: Path) -> LeadtuiApp:
    """The app on a fresh database."""
    return make_app(db_path, isolated_home)


def plain_text(widget: Static) -> str:
    """The plain text a Static shows, whatever Rich renderable it holds."""
    console = Console(width=200, file=io.StringIO(), color_system=None)
    with console.capture() as capture:
        console.print(widget.content)
    return capture.get()
