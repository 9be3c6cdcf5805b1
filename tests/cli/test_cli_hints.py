"""The commands a hint suggests work as printed: they carry the ``--db`` this command was
given and name the person, not their id."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from tests.helpers import cli


def hinted(text: str) -> list[str]:
    """The commands between backticks in ``text`` that start with ``leadtui``."""
    parts = text.split("`")[1::2]
    return [part for part in parts if part.startswith("leadtui ")]


def test_every_hint_carries_the_db_it_was_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # a short path: a refusal is one short line
    db = "my team.db"
    flag = f"--db {shlex.quote(db)}"
    missing = cli("people", "list", "--db", db)
    assert missing.returncode == 2
    ran = cli("people", "add", "Ana Lima", "--db", db)
    assert ran.returncode == 0, ran.stderr
    printed = [
        missing.stderr,
        cli("rotation", "list", "--db", db).stdout,
        cli("energy", "show", "--db", db).stdout,
        cli("feedback", "list", "Ana Lima", "--db", db).stdout,
        cli("1on1", "done", "Ana Lima", "99", "--db", db).stderr,
        cli("undo", "99", "--db", db).stderr,
    ]
    commands = [command for text in printed for command in hinted(text)]
    assert len(commands) >= 6, printed
    for command in commands:
        assert command.endswith(flag), command


def test_a_hint_names_the_person_and_runs_as_printed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    db = "team.db"
    for argv in (["people", "add", "Ana Lima"], ["t3b3", "set", "Ana Lima", "--bottom", "Calm"]):
        ran = cli(*argv, "--db", db)
        assert ran.returncode == 0, ran.stderr
    refused = cli("t3b3", "link", "Ana Lima", "1", "--feedback", "42", "--db", db)
    assert refused.returncode == 2
    [command] = hinted(refused.stderr)
    assert command == f"leadtui t3b3 show 'Ana Lima' --db {db}"
    shown = cli(*shlex.split(command)[1:])
    assert shown.returncode == 0 and "Calm" in shown.stdout, shown.stderr
    listed = cli("feedback", "list", "Ana Lima", "--db", db)
    [add] = hinted(listed.stdout)
    assert "'Ana Lima'" in add and " 1 " not in add
    assert cli(*shlex.split(add)[1:]).returncode == 0


def test_a_hint_written_below_the_command_line_gets_the_db_once() -> None:
    """Services word hints without knowing the file; the command line adds its --db,
    once, and leaves a hint that already names a database alone."""
    import argparse

    from leadtui.cli.common import hint, with_db

    given = argparse.Namespace(db="team b.db")
    text = "rename one (`leadtui people edit 2 --name …`)"
    assert with_db(text, given) == "rename one (`leadtui people edit 2 --name … --db 'team b.db'`)"
    assert with_db(with_db(text, given), given) == with_db(text, given)
    assert with_db(text, argparse.Namespace(db=None)) == text
    assert hint(given, "demo") == "`leadtui demo --db 'team b.db'`"
