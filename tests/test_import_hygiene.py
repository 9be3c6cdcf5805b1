"""The core and every CLI subcommand stay free of Textual, so shell capture is quick."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

CORE = [
    "leadtui.cli",
    "leadtui.cli.common",
    "leadtui.cli.parser",
    "leadtui.cli.people",
    "leadtui.cli.energy",
    "leadtui.cli.oneonones",
    "leadtui.cli.reviews",
    "leadtui.cli.exports",
    "leadtui.cli.maintenance",
    "leadtui.config",
    "leadtui.paths",
    "leadtui.errors",
    "leadtui.domain.people",
    "leadtui.domain.dates",
    "leadtui.domain.text",
    "leadtui.domain.validation",
    "leadtui.store.database",
    "leadtui.store.people",
    "leadtui.demo",
    "leadtui.services.today",
]


def test_core_modules_do_not_import_textual() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in CORE)
        + ("assert 'textual' not in sys.modules, sorted(m for m in sys.modules if 'textual' in m)")
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def test_opening_the_app_builds_no_parser() -> None:
    # `leadtui` and `leadtui --db PATH` skip argparse and every command module.
    code = (
        "import sys\nfrom leadtui.cli import _plain_tui_args, open_app\n"
        "for argv in ([], ['--db', 'x.db'], ['--db=x.db']):\n"
        "    assert _plain_tui_args(argv).handler is open_app, argv\n"
        "loaded = sorted(m for m in sys.modules\n"
        "                if m == 'argparse' or m.startswith('leadtui.cli.'))\n"
        "assert loaded == ['leadtui.cli.common'], loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


@pytest.mark.parametrize(
    "argv",
    [
        ["people", "add", "Ana"],
        ["people", "list"],
        ["people", "list", "--json"],
        ["people", "archive", "Sam"],
        ["energy", "log", "4", "good day"],
        ["energy", "show"],
        ["energy", "check", "--json"],
        ["energy", "work", "add", "prototype", "--kind", "coding"],
        ["export", "energy"],
        ["1on1", "series", "Sam", "--weekday", "tue"],
        ["export", "1on1", "Sam", "--audience", "shared"],
        ["demo", "--people", "3"],
        ["backup"],
    ],
)
def test_cli_subcommands_do_not_import_textual(argv: list[str], tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    # The demo fills only an empty database, so it gets one; the rest need Sam's series.
    setup = (
        ""
        if argv[0] == "demo"
        else f"assert main(['people', 'add', 'Sam', '--db', {str(db)!r}]) == 0\n"
        f"assert main(['1on1', 'series', 'Sam', '--weekday', 'tue', '--db', {str(db)!r}]) == 0\n"
    )
    code = (
        "import sys\nfrom leadtui.cli import main\n"
        + setup
        + f"code = main({[*argv, '--db', str(db)]!r})\n"
        "assert code == 0, code\n"
        "assert 'textual' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
