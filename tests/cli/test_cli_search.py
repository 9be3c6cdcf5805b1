"""`leadtui search`: one line per hit (bold matches only in a terminal), the --json shape,
filters and sort from the shell, no match is exit 0 with a line on stderr, and a hostile
query or stored escape sequence never reaches the terminal as one."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from leadtui.cli import search as search_cli
from tests.helpers import cli


@pytest.fixture
def db(db_path: Path) -> list[str]:
    """A small team; the --db arguments."""
    args = ["--db", str(db_path)]
    for argv in (
        ["people", "add", "Sam Okafor"],
        ["people", "add", "Ana Lima"],
        ["1on1", "add", "Sam Okafor", "Delegation of on-call"],
        ["1on1", "add", "Sam Okafor", "Worried about delegation", "--private"],
        ["feedback", "add", "Ana Lima", "Delegation done well", "--date", "2026-10-01"],
        ["energy", "log", "3", "delegation day \x1b[31mred", "--date", "2026-11-02"],
    ):
        ran = cli(*argv, *args)
        assert ran.returncode == 0, ran.stderr
    return args


def test_lines_newest_first_private_marked(db: list[str]) -> None:
    ran = cli("search", "deleg", *db)
    assert ran.returncode == 0 and ran.stderr == ""
    lines = ran.stdout.splitlines()
    assert len(lines) == 4
    # The same day: the later one first.
    assert lines[0].startswith("2026-11-22  point 2") and "Sam Okafor  private" in lines[0]
    assert "Worried about delegation" in lines[0]
    assert lines[1].startswith("2026-11-22  point 1") and "private" not in lines[1]
    assert lines[2].startswith("2026-11-02  energy") and "private" in lines[2]
    assert lines[3].startswith("2026-10-01  feedback") and "Ana Lima" in lines[3]
    assert "\x1b" not in ran.stdout  # not a terminal: plain, and the stored escape is shown
    assert "\\x1b[31mred" in lines[2]


def test_bold_in_a_terminal(db: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    from leadtui.domain.search import MARK_CLOSE, MARK_OPEN, SearchKind, Snippet
    from leadtui.services.search import SearchHit

    snippet = Snippet(f"on {MARK_OPEN}call{MARK_CLOSE}")
    hit = SearchHit(SearchKind.POINT, 1, 1, "Sam", None, False, snippet)
    line = search_cli.hit_line(hit, bold=True)
    assert line.endswith("on \x1b[1mcall\x1b[22m")
    assert line.startswith("current")


def test_json_shape(db: list[str]) -> None:
    ran = cli("search", "delegation", "--json", "--kind", "feedback,point", "--sort", "rank", *db)
    hits = json.loads(ran.stdout)
    assert [list(h) for h in hits] == [["kind", "id", "person", "date", "private", "snippet"]] * 3
    feedback = next(h for h in hits if h["kind"] == "feedback")
    assert feedback == {
        "kind": "feedback",
        "id": 1,
        "person": {"id": 2, "name": "Ana Lima"},
        "date": "2026-10-01",
        "private": False,
        "snippet": "Delegation done well",
    }


def test_filters(db: list[str]) -> None:
    ran = cli("search", "delegation", "--person", "Ana", "--json", *db)
    assert [h["person"]["name"] for h in json.loads(ran.stdout)] == ["Ana Lima"]
    ran = cli("search", "delegation", "--since", "2026-10-15", "--until", "2026-11-10", *db)
    assert len(ran.stdout.splitlines()) == 1 and "energy" in ran.stdout
    ran = cli("search", "delegation", "--limit", "1", *db)
    assert len(ran.stdout.splitlines()) == 1


def test_no_match_is_exit_zero_with_a_line_on_stderr(db: list[str]) -> None:
    ran = cli("search", "nothing", "here", *db)
    assert (ran.returncode, ran.stdout) == (0, "")
    assert ran.stderr == "leadtui: no matches for 'nothing here'\n"
    ran = cli("search", "nothing", "--json", *db)
    assert (ran.returncode, ran.stdout.strip()) == (0, "[]")
    assert "no matches" in ran.stderr


@pytest.mark.parametrize("typed", ['"', "review.", "*", "NEAR(", "--", "-delegation", "\x1b[2J"])
def test_hostile_queries(db: list[str], typed: str) -> None:
    ran = cli("search", *db, "--", typed)
    assert ran.returncode == 0, ran.stderr
    assert "\x1b" not in ran.stderr


def test_refusals(db: list[str]) -> None:
    assert cli("search", "x", "--kind", "bogus", *db).returncode == 2
    assert cli("search", "x", "--limit", "0", *db).returncode == 2
    assert cli("search", "x", "--since", "someday", *db).returncode == 2
    assert cli("search", "x", "--person", "Nobody", *db).returncode == 2
    # Both days are named by the flags typed; the app names the fields.
    ran = cli("search", "x", "--since", "2026-11-01", "--until", "2026-10-01", *db)
    assert ran.returncode == 2
    assert ran.stderr == ("leadtui: --since 2026-11-01 comes after --until 2026-10-01; swap them\n")


def test_no_database_yet(db_path: Path) -> None:
    ran = cli("search", "x", "--db", str(db_path))
    assert ran.returncode == 2 and "no database" in ran.stderr
