"""Pilot tests: an app on a temporary database with a pinned today."""

from __future__ import annotations

from pathlib import Path

import pytest

from leadtui.tui.app import LeadtuiApp
from tests.helpers import make_app


@pytest.fixture
def app(db_path: Path, isolated_home: Path) -> LeadtuiApp:
    """The app on a fresh database."""
    return make_app(db_path, isolated_home)
