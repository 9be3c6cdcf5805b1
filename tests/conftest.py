"""Test isolation: every test gets its own LEADTUI_HOME, no LEADTUI_DB, a pinned today."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from leadtui.store.database import Store, open_database
from tests.helpers import TODAY, new_database_file


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """Two test processes per core for ``-n auto``.

    A screen test spends about a third of its time asleep: after each key the pilot waits,
    in 20 ms steps, for the app to go idle. A second process per core works meanwhile.
    Measured on two cores: the suite took 255 s with two processes and 224 s with four.
    """
    return 2 * (os.cpu_count() or 1)


def pytest_collection_finish(session: pytest.Session) -> None:
    """Keep Python's cyclic garbage collector off what lives as long as the test process.

    Once the tests are collected, every module, class and fixture definition is in place for
    good; frozen, no collection walks them again. Without this, the collector spent about
    28% of a screen test file's CPU time (a Textual app allocates hundreds of thousands of
    objects, so the default threshold of 700 allocations set it off every few keys, and
    each full pass walked everything imported). A higher first threshold makes those passes
    rare; garbage is still collected. Measured on six screen test files: 15-26% less CPU.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every leadtui location at a temporary folder."""
    home = tmp_path / "home"
    monkeypatch.setenv("LEADTUI_HOME", str(home))
    monkeypatch.setenv("LEADTUI_TODAY", TODAY.isoformat())
    monkeypatch.delenv("LEADTUI_DB", raising=False)
    monkeypatch.setenv("EDITOR", "true")
    # A passphrase taken from the environment is kept for the process: not across tests.
    from leadtui.store import keys

    keys.forget_environment()
    return home


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where the test database lives (not created yet)."""
    return tmp_path / "data" / "leadtui.db"


@pytest.fixture
def db(db_path: Path) -> Iterator[Store]:
    """A freshly migrated database in a temporary folder (a copy of one made for real)."""
    new_database_file(db_path)
    database = open_database(db_path)
    yield database
    database.close()
