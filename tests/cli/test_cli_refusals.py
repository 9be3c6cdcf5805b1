"""Whatever is typed, a refusal is exit 2 with one short printable line on stderr, and
nothing is written: far dates, ids too large or not ASCII, bytes that are not UTF-8,
NUL, newlines, escape sequences and 100 KB pastes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from leadtui.cli import main

BIG = "x" * 100_000
MULTILINE = "a\nb\x1b[31m" * 20_000


@pytest.fixture
def db(db_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """Pat with a weekly series on Mondays, a talking point and a T3B3 draft."""
    at = ["--db", str(db_path)]
    assert main(["people", "add", "Pat", *at]) == 0
    assert main(["1on1", "series", "Pat", "--weekday", "mon", *at]) == 0
    assert main(["1on1", "add", "Pat", "Career growth", *at]) == 0
    assert main(["energy", "log", "4", *at]) == 0
    capsys.readouterr()
    return db_path


def dump(db_path: Path) -> list[str]:
    connection = sqlite3.connect(db_path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def refused(argv: list[str], db_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """Run ``argv`` against ``db_path``; assert the refusal contract; return the line."""
    before = dump(db_path)
    try:
        code = main([*argv, "--db", str(db_path)])
    except SystemExit as exc:  # argparse refuses by exiting
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    assert code == 2, captured
    err = captured.err
    assert err.endswith("\n") and err.count("\n") == 1, err[:400]
    assert len(err) < 300, err
    assert all(char.isprintable() for char in err[:-1]), err
    assert len(err.splitlines()) == 1
    assert dump(db_path) == before
    return err


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["1on1", "series", "Pat", "--weekday", "mon", "--start", "9999-12-27"], "start date"),
        (["1on1", "series", "Pat", "--weekday", "mon", "--start", "Dec 27 9999"], "start date"),
        (["1on1", "series", "Pat", "--start", "1899-12-31"], "start date"),
        (["1on1", "move", "Pat", "9999-12-31"], "TO 9999-12-31"),
        (["1on1", "move", "Pat", "2026-12-01", "--date", "9999-12-27"], "--date"),
        (["1on1", "skip", "Pat", "--date", "2201-01-01"], "--date"),
        (["1on1", "action", "Pat", "Send", "--due", "9999-12-31"], "due date"),
        (["1on1", "close", "Pat", "--date", "1899-12-31"], "--date"),
        (["1on1", "notes", "Pat", "--shared", "x", "--session", "9999-01-01"], "--session"),
        (["people", "add", "Sam", "--started", "1899-12-31"], "start date"),
        (["people", "edit", "Pat", "--started", "Jan 1 2201"], "start date"),
        (["feedback", "add", "Pat", "Clear doc", "--date", "1899-12-31"], "date"),
        (["t3b3", "deliver", "Pat", "--date", "0001-01-01"], "date"),
        (["energy", "log", "3", "--date", "1899-12-31"], "date"),
        (["energy", "work", "add", "prototype", "--date", "1800-01-01"], "date"),
        (["export", "energy", "--quarter", "9999-Q1"], "quarter"),
        (["t3b3", "show", "Pat", "--half", "2201-H1"], "--half"),
    ],
)
def test_dates_outside_1900_to_2200_are_refused(
    db: Path, capsys: pytest.CaptureFixture[str], argv: list[str], says: str
) -> None:
    err = refused(argv, db, capsys)
    assert says in err and ("1900" in err and "2200" in err), err


@pytest.mark.parametrize(
    "argv",
    [
        ["1on1", "show", "99999999999999999999"],
        ["1on1", "show", "9" * 5000],
        ["t3b3", "show", "²"],
        ["1on1", "add", "٣", "x"],
        ["1on1", "done", "Pat", "99999999999999999999"],
        ["1on1", "discuss", "Pat", "²"],
        ["t3b3", "link", "Pat", "1", "--feedback", "99999999999999999999"],
        ["people", "archive", "99999999999999999999"],
        ["energy", "log", "²"],
        ["energy", "log", "--5"],
        ["energy", "log", "4" * 5000],
        ["1on1", "series", "Pat", "--every", "²"],
        ["1on1", "series", "Pat", "--minutes", "6" * 5000],
        ["1on1", "series", "Pat", "--time", "１０:００"],
        ["export", "energy", "--quarter", "²026-Q1"],
    ],
)
def test_ids_and_numbers_that_are_not_plain_ascii_digits_are_refused(
    db: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    refused(argv, db, capsys)


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["people", "add", "\udcff"], "name has bytes that are not UTF-8"),
        (["people", "add", "Sam", "--title", "Lead\udcff"], "title"),
        (["people", "add", "Sam", "--level", "\udcc3"], "level"),
        (["people", "add", "Sam", "--team", "a\x00b"], "team contains a NUL"),
        (["people", "add", "Sam\x00"], "name contains a NUL"),
        (["people", "edit", "Pat", "--name", "\udcff"], "name"),
        (["energy", "log", "4", "\udcff"], "note"),
        (["energy", "log", "4", "ok", "--energized-by", "a\x00b"], "--energized-by"),
        (["energy", "log", "4", "ok", "--drained-by", "\udcff"], "--drained-by"),
        (["energy", "work", "add", "\udcff"], "title"),
        (["1on1", "notes", "Pat", "--shared", "\udcff"], "--shared has bytes"),
        (["1on1", "notes", "Pat", "--private", "a\x00"], "--private contains a NUL"),
        (["1on1", "add", "Pat", "\udcff"], "talking point"),
        (["1on1", "action", "Pat", "\udcff"], "action item"),
        (["feedback", "add", "Pat", "\udcff"], "feedback"),
        (["t3b3", "set", "Pat", "--top", "\udcff"], "--top has bytes"),
        (["1on1", "show", "\udcff"], "no person matches '\\udcff'"),
    ],
)
def test_text_that_cannot_be_stored_is_refused(
    db: Path, capsys: pytest.CaptureFixture[str], argv: list[str], says: str
) -> None:
    assert says in refused(argv, db, capsys)


@pytest.mark.parametrize(
    "argv",
    [
        ["people", "add", BIG],
        ["people", "add", "Sam", "--relation", MULTILINE],
        ["1on1", "add", "Pat", BIG],
        ["1on1", "show", MULTILINE],
        ["1on1", "series", "Pat", "--weekday", MULTILINE],
        ["1on1", "action", "Pat", "x", "--owner", MULTILINE],
        ["1on1", "action", "Pat", "x", "--due", MULTILINE],
        ["feedback", "add", "Pat", "x", "--kind", MULTILINE],
        ["energy", "work", "add", "x", "--hours", MULTILINE],
        ["energy", "work", "add", "x", "--kind", MULTILINE],
        ["t3b3", "show", "Pat", "--half", MULTILINE],
        ["export", "1on1", "Pat", "--audience", MULTILINE],
        ["export", "1on1", "Pat", "--audience", "shared", "--out", f"/no/such/{BIG}"],
        ["people", "list", MULTILINE],
        ["1on1", MULTILINE],
        ["1on1", "show", "Pat", "--" + BIG],
        ["energy", "show", "--days", MULTILINE],
    ],
)
def test_long_or_multiline_input_is_quoted_short_and_escaped(
    db: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    refused(argv, db, capsys)


def test_a_refusal_quotes_the_start_of_what_was_typed(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = refused(["people", "add", "Sam", "--relation", "boss\nof\x1b[2Jall" * 10], db, capsys)
    assert "got 'boss\\nof\\x1b[2Jallboss\\nof\\x1b[2Jall" in err and "…'" in err


def test_a_stored_far_future_series_reads_as_not_scheduled(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    connection = sqlite3.connect(db)
    with connection:
        connection.execute("update oo_series set starts_on = '9999-12-27'")
    connection.close()
    at = ["--db", str(db)]
    assert main(["1on1", "show", "Pat", *at]) == 0
    assert "next session: not scheduled" in capsys.readouterr().out
    assert main(["export", "1on1", "Pat", "--audience", "shared", *at]) == 0
    assert "not scheduled" in capsys.readouterr().out
    err = refused(["1on1", "move", "Pat", "2026-12-01"], db, capsys)
    assert "no upcoming session" in err
    # A new start date puts it back on the calendar.
    assert main(["1on1", "series", "Pat", "--start", "2026-11-23", *at]) == 0
    assert "next 2026-11-23" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        # The refused field's words become the flag it was given as (the parser's dest).
        (["1on1", "series", "Pat", "--every", "13"], "leadtui: --every must be 1–12 weeks"),
        (["energy", "log", "3", "--date", "2100-01-01"], "leadtui: --date 2100-01-01 is in"),
        (["career", "Pat", "--on", "2027-01-01"], "leadtui: --on goes with a test run"),
        (["career", "Pat", "--met", "0"], "leadtui: --met must be 1 or more"),
        (["rotation", "add", "Spec", "--term-months", "37"], "leadtui: --term-months must be"),
        (
            ["succession", "gap", "add", "Pat", "gap", "--feedback", "1", "--point", "1"],
            "leadtui: --feedback or --point: a gap's evidence is one of them",
        ),
        # A field given as a positional argument has no flag: its words stay.
        (["energy", "edit", " "], "leadtui: date is empty"),
    ],
)
def test_a_refusal_names_the_flag_its_field_was_given_as(
    db: Path, capsys: pytest.CaptureFixture[str], argv: list[str], says: str
) -> None:
    assert refused(argv, db, capsys).startswith(says)
