"""A subcommand's parser builds only its command group, and parses exactly as the full one."""

from __future__ import annotations

import argparse
import contextlib
import io
import subprocess
import sys

import pytest

from leadtui.cli.parser import build_parser, chosen_group


@pytest.mark.parametrize(
    ("argv", "group"),
    [
        (["energy", "log", "4"], "energy"),
        (["--db", "x.db", "1on1", "add", "Ann", "p"], "1on1"),
        (["--db=x.db", "--debug", "people", "list"], "people"),
        (["--help"], None),
        (["--db", "--help", "energy"], None),
        (["--de", "energy"], None),
        ([], None),
    ],
)
def test_the_group_is_read_only_when_certain(argv: list[str], group: str | None) -> None:
    assert chosen_group(argv) == group


def _outcome(parser: argparse.ArgumentParser, argv: list[str]) -> tuple[object, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            result: object = sorted(vars(parser.parse_args(argv)).items(), key=str)
        except SystemExit as exc:
            result = ("exit", exc.code)
    return result, out.getvalue(), err.getvalue()


def _commands(parser: argparse.ArgumentParser, prefix: list[str]) -> list[list[str]]:
    found = [prefix]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                found += _commands(child, [*prefix, name])
    return found


def test_every_command_parses_and_helps_as_with_the_full_parser() -> None:
    full = build_parser()
    for command in _commands(full, []):
        for tail in (["--help"], [], ["x", "--db", "f"], ["--bogus"], ["1", "--json"]):
            argv = [*command, *tail]
            assert _outcome(build_parser(chosen_group(argv)), argv) == _outcome(full, argv), argv


@pytest.mark.parametrize(
    ("argv", "module"),
    [
        (["energy", "log", "4"], "energy"),
        (["--db", "x.db", "1on1", "add", "Ann", "a point"], "oneonones"),
        (["people", "list"], "people"),
        (["undo", "--list"], "undo"),
    ],
)
def test_a_command_imports_only_its_own_group(argv: list[str], module: str) -> None:
    # A quick capture pays for its own group's options and handlers, not every group's.
    code = (
        "import sys\nfrom leadtui.cli import _parse\n"
        f"_parse({argv!r})\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('leadtui.cli.'))))\n"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, timeout=60
    ).stdout.split()
    expected = [
        "leadtui.cli.app",
        "leadtui.cli.common",
        "leadtui.cli.parser",
        f"leadtui.cli.{module}",
    ]
    assert loaded == sorted(expected)
