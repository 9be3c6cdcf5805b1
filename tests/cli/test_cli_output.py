"""What the command line prints, on any terminal: a stdout that is not UTF-8, a path with
undecodable bytes, NO_COLOR, the exit codes in --help, and the completion scripts."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from leadtui.cli.parser import build_parser
from tests.helpers import cli, run

NAME = "Zoë 王"  # ë is in cp1252, 王 in neither cp1252 nor ASCII


def _with(db: Path, encoding: str, *argv: str) -> subprocess.CompletedProcess[str]:
    """``leadtui --db DB ARGV`` with stdout and stderr in ``encoding`` (strict, as set)."""
    ran = subprocess.run(
        [sys.executable, "-m", "leadtui.cli", "--db", str(db), *argv],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": encoding},
        timeout=60,
    )
    # Read back in the encoding written: any byte it cannot decode fails the test.
    return subprocess.CompletedProcess(
        ran.args, ran.returncode, ran.stdout.decode(encoding), ran.stderr.decode(encoding)
    )


@pytest.mark.parametrize(
    ("encoding", "shown"), [("ascii", "Zo\\xeb \\u738b"), ("cp1252", "Zoë \\u738b")]
)
def test_a_terminal_that_is_not_utf8_gets_escapes_not_a_failure(
    db_path: Path, encoding: str, shown: str
) -> None:
    assert cli("people", "add", NAME, "--db", str(db_path)).returncode == 0
    listed = _with(db_path, encoding, "people", "list")
    assert listed.returncode == 0, listed.stderr
    assert shown in listed.stdout and listed.stderr == ""
    # A --json document stays valid JSON: what the stream cannot carry is a JSON escape.
    document = _with(db_path, encoding, "people", "list", "--json")
    assert document.returncode == 0, document.stderr
    assert json.loads(document.stdout)[0]["name"] == NAME
    # Help has non-ASCII text of its own (1–5, ÷); refusals quote what was typed.
    assert _with(db_path, encoding, "energy", "log", "--help").returncode == 0
    refused = _with(db_path, encoding, "people", "edit", "王 nobody", "--team", "x")
    assert refused.returncode == 2 and "\\u738b" in refused.stderr


@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
def test_a_document_printed_to_a_file_is_the_file_out_writes(
    db_path: Path, tmp_path: Path, encoding: str
) -> None:
    db = str(db_path)
    assert cli("people", "add", NAME, "--relation", "report", "--db", db).returncode == 0
    ran = cli("1on1", "notes", NAME, "--shared", f"Talked with {NAME} about ✓ and €", "--db", db)
    assert ran.returncode == 0, ran.stderr
    argv = ["export", "1on1", NAME, "--audience", "shared"]
    out = tmp_path / "out.md"
    assert cli(*argv, "--out", str(out), "--db", db).returncode == 0
    printed = tmp_path / "printed.md"
    with printed.open("wb") as stdout:  # `leadtui ... > printed.md`
        done = subprocess.run(
            [sys.executable, "-m", "leadtui.cli", *argv, "--db", db],
            stdout=stdout,
            stderr=subprocess.PIPE,
            env={**os.environ, "PYTHONIOENCODING": encoding},
            timeout=60,
        )
    assert done.returncode == 0, done.stderr
    assert NAME in printed.read_bytes().decode("utf-8")
    assert printed.read_bytes() == out.read_bytes()


def test_an_undecodable_out_path_is_written_and_confirmed_escaped(db_path: Path) -> None:
    assert cli("energy", "log", "4", "--db", str(db_path)).returncode == 0
    folder = db_path.parent
    # The bytes a shell passes for $'\xff.md': not UTF-8, so Python holds a surrogate escape.
    ran = subprocess.run(
        [sys.executable, "-m", "leadtui.cli", "--db", str(db_path), "export", "energy",
         "--out", os.fsencode(folder) + b"/\xff.md"],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},  # strict, as in a UTF-8 locale
        timeout=60,
    )  # fmt: skip
    assert ran.returncode == 0, ran.stderr
    assert b"\xff.md" in os.listdir(os.fsencode(folder))
    assert ran.stdout.decode("utf-8").rstrip().endswith("\\udcff.md")


def test_no_color_turns_the_bold_off(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = ["--db", str(db_path)]
    assert cli("people", "add", "Sam", *db).returncode == 0
    assert cli("1on1", "add", "Sam", "Delegation", *db).returncode == 0

    def searched() -> str:
        # The command's own stdout, made a terminal (cli() swaps in a StringIO).
        import contextlib
        import io

        out = io.StringIO()
        out.isatty = lambda: True  # type: ignore[method-assign]
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            from leadtui.cli import main

            assert main(["search", "deleg", *db]) == 0
        return out.getvalue()

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert "\x1b[1m" in searched()
    monkeypatch.setenv("NO_COLOR", "")  # set but empty: no-color.org says it does not count
    assert "\x1b[1m" in searched()
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b" not in searched() and "Delegation" in searched()
    # Not a terminal: plain whatever the environment says.
    monkeypatch.delenv("NO_COLOR")
    assert "\x1b" not in cli("search", "deleg", *db).stdout


@pytest.mark.parametrize("argv", [["--help"], ["energy", "log", "--help"], ["search", "--help"]])
def test_help_names_the_exit_codes(argv: list[str]) -> None:
    ran = run(*argv)
    assert ran.returncode == 0
    text = " ".join(ran.stdout.split())
    assert "exit codes: 0 done; 2 input refused" in text, text[-400:]
    assert "1 an unexpected failure" in text


def _names(parser: argparse.ArgumentParser) -> set[str]:
    """Every subcommand name at every level of ``parser``."""
    found: set[str] = set()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                found |= {name, *_names(child)}
    return found


@pytest.mark.parametrize("shell", ["bash", "zsh"])
def test_the_completion_script_names_every_command_and_parses(shell: str, tmp_path: Path) -> None:
    ran = cli("completion", shell)
    assert ran.returncode == 0 and ran.stderr == ""
    names = _names(build_parser())
    assert {"people", "1on1", "export-definition", "completion", "work"} <= names
    missing = {n for n in names if n not in ran.stdout}
    assert not missing
    for option in ("--json", "--out", "--audience", "--db"):
        assert option in ran.stdout
    script = tmp_path / f"leadtui.{shell}"
    script.write_text(ran.stdout)
    program = shutil.which(shell)
    if program is None:
        pytest.skip(f"{shell} is not installed: the syntax check needs it")
    checked = subprocess.run([program, "-n", str(script)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr


def test_bash_completes_commands_and_options(tmp_path: Path) -> None:
    if shutil.which("bash") is None:
        pytest.skip("bash is not installed")
    script = tmp_path / "leadtui.bash"
    script.write_text(cli("completion", "bash").stdout)
    probe = (
        f"source {script}\n"
        'COMP_WORDS=(leadtui rot); COMP_CWORD=1; _shtab_leadtui; echo "${COMPREPLY[*]}"\n'
        'COMP_WORDS=(leadtui energy ""); COMP_CWORD=2; _shtab_leadtui; echo "${COMPREPLY[*]}"\n'
    )
    ran = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, timeout=30)
    first, second = ran.stdout.splitlines()
    assert first == "rotation"
    # Every energy subcommand the parser has, read from the parser itself.
    import argparse

    from leadtui.cli import build_parser

    def subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
        groups = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        return {name: child for group in groups for name, child in group.choices.items()}

    energy = set(subcommands(subcommands(build_parser())["energy"]))
    assert {"log", "show", "check", "work"} <= energy
    assert set(second.split()) == energy


def test_completion_refuses_another_shell() -> None:
    ran = run("completion", "fish")
    assert ran.returncode == 2 and "invalid choice" in ran.stderr
