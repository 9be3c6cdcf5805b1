"""Whatever is typed on the command line, leadtui answers 0 or 2 and a refusal writes nothing.

Every subcommand the parser knows is fuzzed in this process through
``leadtui.cli.main``: random Unicode, control characters, NUL, strings up to 100,000
characters, odd numbers and dates, unknown and ambiguous people ("sam" matches Sam Lee
and Sam Okafor). For each run:

- the exit code is 0 or 2, never 1, and no exception escapes;
- a refusal (2) is exactly one line on stderr, under 300 characters;
- a refusal leaves the folder of the database byte-for-byte as it was (the database,
  its -wal, exports and backups; the -shm index and an empty -wal hold no data);
- a ``--json`` document printed is valid against its schema in docs/schemas/.

The same holds on a terminal that is not UTF-8 (ASCII, cp1252: what the stream cannot
carry is printed as an escape) and for hostile ``--out`` paths (undecodable bytes, very
long names, a folder, a path under a file), on any of those terminals.

Runs are reproducible (derandomized); set LEADTUI_FUZZ_RANDOM=1 to explore new inputs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, Phase, Verbosity, example, given, settings
from hypothesis import strategies as st

from leadtui.cli import build_parser
from leadtui.export.json import DOCUMENTS
from tests.helpers import valid_json_output

from .helpers import Outcome, data_files, fingerprint, integrity, is_one_line_refusal, run_main

if TYPE_CHECKING:
    from .conftest import Figures

pytestmark = pytest.mark.reliability

EXAMPLES_PER_COMMAND = 18
DB_NAME = "leadtui.db"


def leaf_commands() -> dict[tuple[str, ...], argparse.ArgumentParser]:
    """Every runnable subcommand path (``("energy", "work", "add")``) and its parser."""
    found: dict[tuple[str, ...], argparse.ArgumentParser] = {}

    def walk(parser: argparse.ArgumentParser, path: tuple[str, ...]) -> None:
        subparsers = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if not subparsers and path:
            found[path] = parser
        for action in subparsers:
            for name, child in action.choices.items():
                walk(child, (*path, name))

    walk(build_parser(), ())
    return found


COMMANDS = leaf_commands()

# --- values -------------------------------------------------------------------------

HUGE = st.builds(
    lambda char, n: char * n,
    st.sampled_from(["x", "é", "😀", "\x00", "a b ", "\u202e", "\ud800", "9", "\n"]),
    st.integers(0, 100_000),
)
CONTROL = st.text(alphabet=st.characters(max_codepoint=0x9F, categories=["Cc"]), max_size=12)
UNICODE = st.text(max_size=40)
TEXT = st.one_of(
    UNICODE,
    CONTROL,
    HUGE,
    st.sampled_from(
        [
            "",
            " ",
            "[bold]x[/]",
            "\x1b[31mred",
            "line one\nline two",
            "tab\there",
            "a\r\nb",
            "\u2028",
            "NUL\x00inside",
            "'; drop table person; --",
            "%s %d {0}",
            "Zoë 王 😀",
            "\ud83d",
        ]
    ),
)
NUMBERS = st.one_of(
    st.sampled_from(
        [
            "-1",
            "0",
            "1",
            "3",
            "5",
            "6",
            "12",
            "13",
            str(10**30),
            str(2**63),
            str(2**63 - 1),
            "²",
            "٣",
            "1e9",
            "1.5",
            "nan",
            "inf",
            "-0",
            " 2 ",
            "0x10",
            "1_000",
            "",
        ]
    ),
    st.integers(-(10**40), 10**40).map(str),
    UNICODE,
)
DATES = st.one_of(
    st.sampled_from(
        [
            "31/02",
            "2026-02-31",
            "9999-12-31",
            "0000-01-01",
            "0001-01-01",
            "1899-12-31",
            "1900-01-01",
            "2200-12-31",
            "2201-01-01",
            "",
            "tomorrow",
            "today",
            "yesterday",
            "monday",
            "next friday",
            "2026-11-22T10:00",
            "22.11.2026",
            "11/22/26",
            "2026-13-01",
            "99999999",
            str(10**30),
            "١٩٩٩-٠١-٠١",
            "²⁰²⁶-01-01",
        ]
    ),
    UNICODE,
)
PEOPLE = st.one_of(
    st.sampled_from(
        [
            "sam",
            "Sam",
            "SAM LEE",
            "Sam Lee",
            "sam okafor",
            "Sam O",
            "ana",
            "Ana Ruiz",
            "1",
            "2",
            "3",
            "0",
            "-1",
            "99999",
            str(10**30),
            "²",
            "Nobody",
            "",
            " ",
            "%",
            "_",
        ]
    ),
    UNICODE,
)
HALVES = st.one_of(
    st.sampled_from(["2026-H2", "2026-H1", "2026-H3", "H2", "2026-h2", "0000-H1", "9999-H2", ""]),
    UNICODE,
)
QUARTERS = st.one_of(
    st.sampled_from(["2026-Q4", "2026-Q1", "2026-Q5", "2027-Q1", "0000-Q1", "9999-Q4", "Q4", ""]),
    UNICODE,
)
WORDS = st.one_of(
    st.sampled_from(
        [
            "tuesday",
            "Mon",
            "funday",
            "7",
            "10:00",
            "25:00",
            "9:60",
            "noon",
            "strength",
            "growth",
            "me",
            "them",
            "report",
            "peer",
            "manager",
            "skip",
            "other",
            "boss",
            "coding",
            "coaching",
            "shared",
            "private",
            "name",
            "relation",
        ]
    ),
    UNICODE,
)
DEMO_SIZES = st.sampled_from(["-1", "0", "1", "2", str(10**30), "²", "1e9", "nan", "21", "501"])

ODD_BY_DEST: dict[str, st.SearchStrategy[str]] = {
    **dict.fromkeys(("person",), PEOPLE),
    **dict.fromkeys(("date", "due", "started", "start", "session", "to"), DATES),
    **dict.fromkeys(
        ("level", "hours", "days", "every", "minutes", "rank", "item", "feedback", "point"),
        NUMBERS,
    ),
    **dict.fromkeys(("half",), HALVES),
    **dict.fromkeys(("quarter",), QUARTERS),
    **dict.fromkeys(("weekday", "time", "kind", "owner", "relation", "audience", "sort"), WORDS),
}

# Values a person would type, so that runs also reach the writes behind the checks.
# Each pool's first value is what Hypothesis starts from and shrinks towards.
VALID_PEOPLE = ("Sam Lee", "1", "Sam O", "ana", "2", "Sam Okafor")
VALID_DATES = ("2026-11-20", "yesterday", "today", "2026-10-01", "2026-11-26", "tuesday")
VALID_BY_DEST: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("person",), VALID_PEOPLE),
    **dict.fromkeys(("date", "due", "started", "start", "session", "to"), VALID_DATES),
    **dict.fromkeys(
        ("level", "hours", "days", "every", "minutes", "rank", "item", "feedback", "point"),
        ("3", "1", "2", "4", "5", "30"),
    ),
    "half": ("2026-H2", "2026-H1", "2025-H2"),
    "quarter": ("2026-Q4", "2026-Q3", "2025-Q1"),
    "weekday": ("tuesday", "friday", "Mon"),
    "time": ("10:00", "09:30", "16:45"),
    "kind": ("growth", "strength", "coding", "writing"),
    "owner": ("them", "me"),
    "relation": ("peer", "report", "manager", "skip", "other"),
    "audience": ("shared", "private"),
    "sort": ("relation", "name"),
    "shell": ("bash", "zsh"),
}
VALID_TEXT = st.one_of(
    st.sampled_from(["Clear writing", "Zoë 王 😀", "Agreed on the Q1 plan"]),
    st.text(alphabet=st.characters(categories=["L", "N", "Zs"]), min_size=1, max_size=30),
)


def not_an_option(value: str) -> bool:
    """Values never start with "--": a stray --db or --out could point outside tmp."""
    return not value.startswith("--")


def value_for(path: tuple[str, ...], action: argparse.Action) -> st.SearchStrategy[str]:
    """Two parts plausible to one part hostile (a wrong type, Unicode, huge, control...)."""
    if path == ("demo",):
        return DEMO_SIZES
    if action.dest == "out":
        return st.sampled_from(["new.md", "existing.md", "missing/x.md", ".", DB_NAME, "x" * 300])
    valid = st.sampled_from(VALID_BY_DEST[action.dest]) if action.dest in VALID_BY_DEST else None
    odd = st.one_of(ODD_BY_DEST.get(action.dest, TEXT), TEXT)
    plausible = valid if valid is not None else VALID_TEXT
    return st.one_of(plausible, plausible, odd).filter(not_an_option)


@st.composite
def arguments(draw: st.DrawFn, path: tuple[str, ...]) -> list[str]:
    """Arguments for one subcommand (without --db): positionals, options, stray tokens."""
    parser = COMMANDS[path]
    argv: list[str] = []
    for action in parser._actions:
        if action.option_strings or action.dest == "help":
            continue
        if draw(st.integers(0, 9)) == 9:
            continue  # a missing positional
        argv.append(draw(value_for(path, action)))
    options = [
        a for a in parser._actions if a.option_strings and a.dest not in ("help", "db", "debug")
    ]
    for action in draw(st.lists(st.sampled_from(options), max_size=5)) if options else []:
        flag = draw(st.sampled_from(action.option_strings))
        if action.nargs == 0:
            argv.append(flag)
        elif draw(st.booleans()):
            argv += [flag, draw(value_for(path, action))]
        else:
            argv.append(f"{flag}={draw(value_for(path, action))}")
    if draw(st.integers(0, 7)) == 7:
        argv.append(draw(TEXT.filter(not_an_option)))  # a stray token
    return argv


def check_json(path: tuple[str, ...], argv: list[str], outcome: Outcome) -> bool:
    """A --json document printed by ``outcome`` is valid against its shipped schema;
    False when the run printed none."""
    if outcome.code != 0 or "--json" not in argv or {"-h", "--help"} & set(argv):
        return False
    assert path in DOCUMENTS, f"--json without a schema: {outcome.describe()}"
    try:
        valid_json_output(path, outcome.out)
    except Exception as exc:  # a ValidationError or a JSONDecodeError: either breaks scripts
        raise AssertionError(f"{type(exc).__name__}: {exc!s:.300}; {outcome.describe()}") from None
    return True


# --- the database -------------------------------------------------------------------


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A small team: two Sams (so "sam" is ambiguous), a 1:1 series, feedback, a T3B3."""
    folder = tmp_path_factory.mktemp("fuzz-template")
    db = folder / DB_NAME
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LEADTUI_HOME", str(folder / "home"))
        patch.setenv("LEADTUI_TODAY", "2026-11-22")
        for argv in (
            ["people", "add", "Sam Lee"],
            ["people", "add", "Sam Okafor", "--team", "Payments"],
            ["people", "add", "Ana Ruiz", "--relation", "peer"],
            ["people", "add", "Old Timer"],
            ["people", "archive", "Old Timer"],
            ["1on1", "series", "Sam Lee", "--weekday", "tuesday"],
            ["1on1", "add", "Sam Lee", "Career plan"],
            ["1on1", "action", "Sam Lee", "Send the doc", "--due", "2026-11-30"],
            ["1on1", "close", "Sam Lee", "--date", "2026-11-17"],
            ["1on1", "add", "Sam Lee", "Next topic", "--private"],
            ["feedback", "add", "Sam Lee", "Ask for help earlier", "--kind", "growth"],
            ["t3b3", "set", "Sam Lee", "--top", "Writing", "--bottom", "Asking for help"],
            ["energy", "log", "4", "good day", "--date", "2026-11-20"],
            ["energy", "work", "add", "Prototype", "--hours", "2"],
        ):
            done = run_main(["--db", str(db), *argv])
            assert done.code == 0, done.describe()
    assert not db.with_name(DB_NAME + "-wal").exists(), "the template must be closed"
    yield db
    shutil.rmtree(folder, ignore_errors=True)


FUZZ_SETTINGS = settings(
    max_examples=EXAMPLES_PER_COMMAND,
    deadline=None,
    database=None,
    derandomize=not os.environ.get("LEADTUI_FUZZ_RANDOM"),
    # No shrinking: a failure is reported as found (long arguments shortened), which keeps
    # the suite within minutes even when many commands fail.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    # The assertion messages show each failing command line shortened; Hypothesis's own
    # report would print arguments of up to 100,000 characters in full.
    verbosity=Verbosity.quiet,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
        HealthCheck.large_base_example,
    ],
)


@pytest.mark.parametrize("path", list(COMMANDS), ids=" ".join)
def test_any_command_line_exits_0_or_2_and_a_refusal_writes_nothing(
    path: tuple[str, ...],
    template: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    figures: Figures,
) -> None:
    assert ("people", "add") in COMMANDS and ("backup",) in COMMANDS, "the parser walk broke"
    base = tmp_path / "runs"
    base.mkdir()
    counts = {"done": 0, "refused": 0, "failed": 0}
    validated = [0]

    @FUZZ_SETTINGS
    @given(arguments(path))
    def run(args: list[str]) -> None:
        folder = Path(tempfile.mkdtemp(dir=base))
        try:
            db = folder / DB_NAME
            shutil.copy2(template, db)  # keeps its 0600, which opening would otherwise set
            (folder / "existing.md").write_text("an export written earlier\n")
            monkeypatch.chdir(folder)  # --out paths are relative: they land here
            before = data_files(fingerprint(folder))
            outcome = run_main(["--db", str(db), *path, *args], collect=False)
            try:
                assert outcome.code in (0, 2), outcome.describe()
                if outcome.code == 2:
                    assert is_one_line_refusal(outcome.err), outcome.describe()
                    after = data_files(fingerprint(folder))
                    assert after == before, f"a refusal changed files: {outcome.describe()}"
                else:
                    assert integrity(db) == ["ok"], outcome.describe()
                    validated[0] += check_json(path, args, outcome)
            except AssertionError:
                counts["failed"] += 1
                raise
            counts["done" if outcome.code == 0 else "refused"] += 1
        finally:
            monkeypatch.chdir(tmp_path)
            shutil.rmtree(folder, ignore_errors=True)

    try:
        run()
    finally:
        figures.trial(
            f"fuzz {' '.join(path)}",
            sum(counts.values()),
            counts["failed"],
            f"{counts['done']} done, {counts['refused']} refused"
            + (f", {validated[0]} --json documents valid" if validated[0] else ""),
        )


# --- terminals that are not UTF-8, hostile --out paths -------------------------------

NARROW_ENCODINGS = ("ascii", "cp1252")
NARROW_EXAMPLES = 240
HOSTILE_EXAMPLES = 150
EVERY_PATH = sorted(COMMANDS)


@pytest.fixture(scope="module")
def wide_template(template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The fuzz team plus names and texts no ASCII or cp1252 terminal can print whole."""
    folder = tmp_path_factory.mktemp("fuzz-wide")
    db = folder / DB_NAME
    shutil.copy2(template, db)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LEADTUI_HOME", str(folder / "home"))
        patch.setenv("LEADTUI_TODAY", "2026-11-22")
        for argv in (
            ["people", "add", "Zoë 王 😀"],
            ["1on1", "add", "Sam Lee", "Café ☕ with 王 — “quotes”"],
            ["feedback", "add", "Zoë", "Ωmega work ✓"],
            ["energy", "log", "5", "über 😀 day", "--date", "2026-11-21"],
        ):
            done = run_main(["--db", str(db), *argv])
            assert done.code == 0, done.describe()
    yield db
    shutil.rmtree(folder, ignore_errors=True)


def check_run(
    template: Path,
    base: Path,
    monkeypatch: pytest.MonkeyPatch,
    argv: list[str],
    encoding: str,
    prepare: Callable[[Path], None] = lambda folder: None,
) -> int:
    """Run ``leadtui --db COPY ARGV`` on a stream in ``encoding`` in a fresh folder and
    check the rules of this module; the exit code."""
    folder = Path(tempfile.mkdtemp(dir=base))
    try:
        db = folder / DB_NAME
        shutil.copy2(template, db)
        (folder / "existing.md").write_text("an export written earlier\n")
        (folder / "a-folder").mkdir()
        prepare(folder)
        monkeypatch.chdir(folder)
        before = data_files(fingerprint(folder))
        outcome = run_main(["--db", str(db), *argv], collect=False, encoding=encoding)
        assert outcome.code in (0, 2), f"[{encoding}] {outcome.describe()}"
        if outcome.code == 2:
            assert is_one_line_refusal(outcome.err), f"[{encoding}] {outcome.describe()}"
            after = data_files(fingerprint(folder))
            assert after == before, f"a refusal changed files: {outcome.describe()}"
        else:
            assert integrity(db) == ["ok"], outcome.describe()
            path = next((tuple(argv[:n]) for n in (3, 2, 1) if tuple(argv[:n]) in COMMANDS), ())
            check_json(path, argv, outcome)
        return outcome.code
    finally:
        monkeypatch.chdir(base)
        shutil.rmtree(folder, ignore_errors=True)


@st.composite
def any_command(draw: st.DrawFn) -> list[str]:
    """Any subcommand with arguments, sometimes asking for its --help."""
    path = draw(st.sampled_from(EVERY_PATH))
    argv = [*path, *draw(arguments(path))]
    if draw(st.integers(0, 11)) == 11:
        argv.append("--help")
    return argv


@pytest.mark.parametrize("encoding", NARROW_ENCODINGS)
def test_a_terminal_that_is_not_utf8_never_gets_exit_1(
    encoding: str,
    wide_template: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    figures: Figures,
) -> None:
    counts = {"tried": 0, "exit-1": 0}

    @settings(FUZZ_SETTINGS, max_examples=NARROW_EXAMPLES)
    @given(any_command())
    def run(argv: list[str]) -> None:
        counts["tried"] += 1
        try:
            check_run(wide_template, tmp_path, monkeypatch, argv, encoding)
        except AssertionError:
            counts["exit-1"] += 1
            raise

    # The runs must print what the stream cannot carry, or they prove nothing.
    shown = run_main(["--db", str(wide_template), "people", "list"], encoding=encoding)
    assert shown.code == 0 and "\\u738b" in shown.out, shown.describe()
    try:
        run()
    finally:
        figures(
            f"fuzz, non-UTF-8 output ({encoding}): {counts['tried']} tried, "
            f"{counts['exit-1']} exit-1 or broken rule"
        )


def _long_path(folder: Path) -> None:
    """Make the folders of a deep path whose full name is longer than PATH_MAX allows."""
    (folder / "deep").mkdir()


HOSTILE_OUT = [
    "NUL\x00inside.md",
    os.fsdecode(b"\xff\xfe.md"),  # undecodable bytes, as a shell passes $'\xff\xfe.md'
    os.fsdecode(b"caf\xe9.md"),  # Latin-1 bytes in a UTF-8 world
    os.fsdecode(b"a-folder/\x80x.md"),
    "x" * 255 + ".md",  # one name over the file system's limit
    "x" * 251 + ".md",  # exactly at it
    "/".join(["deep", *["y" * 200] * 30, "z.md"]),  # past PATH_MAX
    "a-folder",  # a folder
    "a-folder/",
    ".",
    "existing.md/x.md",  # a path under a file
    "missing/x.md",
    "new\nline.md",
    "\x1b[31mred.md",
    "王 ☕.md",
    "\ud800.md",  # a lone surrogate that no file system name encodes
    DB_NAME,
]
OUT_COMMANDS = sorted(
    path for path, parser in COMMANDS.items() if any(a.dest == "out" for a in parser._actions)
)


@st.composite
def with_hostile_out(draw: st.DrawFn) -> tuple[list[str], str]:
    """A command with --out and its other arguments, the --out a hostile path."""
    path = draw(st.sampled_from(OUT_COMMANDS))
    argv = [a for a in draw(arguments(path)) if not a.startswith("--out")]
    # Drop a value the generated --out may have left behind ("--out", VALUE pairs).
    cleaned: list[str] = []
    skip = False
    for token in argv:
        if skip:
            skip = False
            continue
        if token == "--out":
            skip = True
            continue
        cleaned.append(token)
    out = draw(st.sampled_from(HOSTILE_OUT))
    force = ["--force"] if draw(st.booleans()) else []
    encoding = draw(st.sampled_from(("utf-8", *NARROW_ENCODINGS)))
    return [*path, *cleaned, "--out", out, *force], encoding


def test_hostile_out_paths_never_get_exit_1(
    template: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    figures: Figures,
) -> None:
    assert ("backup",) in OUT_COMMANDS and ("export", "1on1") in OUT_COMMANDS
    counts = {"tried": 0, "written": 0, "refused": 0, "exit-1": 0}

    def attempt(case: tuple[list[str], str]) -> None:
        argv, encoding = case
        counts["tried"] += 1
        try:
            code = check_run(template, tmp_path, monkeypatch, argv, encoding, _long_path)
        except AssertionError:
            counts["exit-1"] += 1
            raise
        counts["written" if code == 0 else "refused"] += 1

    run = given(with_hostile_out())(attempt)
    # Each hostile path at least once on each terminal, with commands that reach the
    # write: the plain exports of the fuzz team and a backup.
    for out in HOSTILE_OUT:
        for encoding in ("utf-8", *NARROW_ENCODINGS):
            run = example((["export", "energy", "--out", out], encoding))(run)
        run = example((["backup", "--out", out], "ascii"))(run)
        # A file read rather than written: the same names, the same rule.
        run = example((["rotation", "import-definition", out], "cp1252"))(run)
        run = example(
            (["export", "1on1", "Sam Lee", "--audience", "private", "--out", out], "cp1252")
        )(run)
    run = settings(FUZZ_SETTINGS, max_examples=HOSTILE_EXAMPLES)(run)
    try:
        run()
    finally:
        figures(
            f"fuzz, hostile --out and FILE paths: {counts['tried']} tried, "
            f"{counts['written']} written, {counts['refused']} refused, "
            f"{counts['exit-1']} exit-1 or broken rule"
        )
    assert counts["written"] > 0 and counts["refused"] > 0
