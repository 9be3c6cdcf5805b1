"""The core and every CLI subcommand stay free of Textual, so shell capture is quick.

The import-linter contracts (``make imports``) check the same from the source; these
tests check what actually loads, in fresh interpreters.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# Every module under these is imported: a new module is covered without being listed.
CORE_PACKAGES = [
    "leadtui.domain",
    "leadtui.store",
    "leadtui.services",
    "leadtui.export",
    "leadtui.imports",
    "leadtui.demo",
    "leadtui.cli",
]
CORE_MODULES = [
    "leadtui.config",
    "leadtui.paths",
    "leadtui.errors",
    "leadtui.crash",
    "leadtui.__main__",
]


def test_every_core_module_loads_without_textual() -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        f"names = {CORE_MODULES!r}\n"
        f"for package in {CORE_PACKAGES!r}:\n"
        "    module = importlib.import_module(package)\n"
        "    names.append(package)\n"
        "    names += [m.name for m in pkgutil.walk_packages(module.__path__, package + '.')]\n"
        "for name in names:\n"
        "    if name == 'leadtui.__main__' or name.endswith('.__main__'):\n"
        "        importlib.util.find_spec(name)  # running it would start the program\n"
        "        continue\n"
        "    importlib.import_module(name)\n"
        "    assert 'textual' not in sys.modules, (name, sorted(m for m in sys.modules\n"
        "                                               if m.startswith('textual')))\n"
        "assert len(names) > 30, names\n"
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
        "assert loaded == ['leadtui.cli.app', 'leadtui.cli.common'], loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


COMMANDS = [
    ["people", "add", "Ana"],
    ["people", "list"],
    ["people", "list", "--json"],
    ["people", "archive", "Ana"],
    ["energy", "log", "4", "good day"],
    ["energy", "show"],
    ["energy", "check", "--json"],
    ["energy", "work", "add", "prototype", "--kind", "coding"],
    ["export", "energy"],
    ["1on1", "series", "Sam", "--weekday", "tue"],
    ["1on1", "add", "Sam", "on-call rota"],
    ["1on1", "show", "Sam", "--json"],
    ["feedback", "add", "Sam", "Clear design doc"],
    ["t3b3", "show", "Sam"],
    ["export", "1on1", "Sam", "--audience", "shared"],
    ["export", "review", "Sam", "--audience", "shared"],
    ["export", "calendar"],
    ["today"],
    ["today", "--json"],
    ["backup"],
]


def test_cli_subcommands_do_not_import_textual(tmp_path: Path) -> None:
    """Every command runs in one interpreter; Textual must not load after any of them."""
    db = str(tmp_path / "x.db")
    demo = str(tmp_path / "demo.db")
    code = (
        "import sys\nfrom leadtui.cli import main\n"
        f"assert main(['demo', '--people', '3', '--db', {demo!r}]) == 0\n"
        f"assert main(['people', 'add', 'Sam', '--db', {db!r}]) == 0\n"
        f"for argv in {COMMANDS!r}:\n"
        f"    code = main([*argv, '--db', {db!r}])\n"
        "    assert code == 0, (argv, code)\n"
        "    assert 'textual' not in sys.modules, argv\n"
        # The completion generator loads for `leadtui completion` only.
        "    assert 'shtab' not in sys.modules, argv\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)
