"""Reading a typed search: AND by default, OR, -word, "phrases", prefixes; whatever is
typed becomes a valid FTS5 query (or nothing to look for), never an error."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leadtui.domain.search import MARK_CLOSE, MARK_OPEN, parse_query, read_snippet

TEXTS = [
    "Delegation plan for the on-call rotation",
    "Review prep: promotion case",
    "on call again this weekend",
    "Café culture and naïve résumé",
    "Pair on the pager runbook",
]


@pytest.fixture(scope="module")
def index() -> Iterator[sqlite3.Connection]:
    """An FTS5 table tokenized like leadtui's index, one text per rowid (1-based)."""
    conn = sqlite3.connect(":memory:")
    conn.execute(
        "create virtual table t using fts5(text, tokenize='unicode61 remove_diacritics 2')"
    )
    conn.executemany("insert into t (rowid, text) values (?, ?)", enumerate(TEXTS, start=1))
    yield conn
    conn.close()


def found(conn: sqlite3.Connection, typed: str) -> set[int]:
    match = parse_query(typed).match
    if match is None:
        return set()
    return {row[0] for row in conn.execute("select rowid from t where t match ?", [match])}


@pytest.mark.parametrize(
    ("typed", "rows"),
    [
        ("deleg", {1}),  # a word is a prefix
        ("DELEGATION", {1}),  # case-insensitive
        ("on call", {1, 3}),  # AND: both words, anywhere
        ('"on call"', {3, 1}),  # "on-call" is the phrase "on call" to the tokenizer
        ('"call again"', {3}),
        ('"again call"', set()),
        ("review OR pager", {2, 5}),
        ("on -weekend", {1, 5}),  # on-call and "on the pager", not the weekend one
        ("on NOT weekend", {1, 5}),
        ('on -"call again"', {1, 5}),
        ("resume cafe", {4}),  # accents folded
        ("-weekend", set()),  # only exclusions: nothing to look for
        ("review AND prep", {2}),
        ("delegation OR", {1}),
    ],
)
def test_operators(index: sqlite3.Connection, typed: str, rows: set[int]) -> None:
    assert found(index, typed) == rows


@pytest.mark.parametrize(
    "typed",
    [
        "0\x00",
        "\udcff review",
        '\x00"',
        '"',
        "review.",
        "*",
        "NEAR(",
        "NEAR(a b)",
        "a:b",
        "^start",
        "(",
        ")",
        "-",
        "--",
        "OR",
        '""',
        "'",
        "a OR OR b",
        "col:review",
        "+",
        "review*",
        '"unclosed phrase',
        "AND NOT OR",
    ],
)
def test_hostile_queries_are_read_not_run(index: sqlite3.Connection, typed: str) -> None:
    found(index, typed)  # no error is the assertion


def test_punctuation_inside_a_word_is_kept_as_the_tokenizer_splits_it(
    index: sqlite3.Connection,
) -> None:
    assert found(index, "review.") == {2}
    # A hyphenated word is the phrase of its parts, the last one a prefix.
    assert found(index, "on-call") == {1, 3}
    assert found(index, "on-cal") == {1, 3}


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(codec=None, exclude_categories=())))
def test_any_string_is_a_valid_query_or_nothing(typed: str) -> None:
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("create virtual table t using fts5(text)")
        conn.execute("insert into t (text) values ('some words')")
        match = parse_query(typed).match
        if match is not None:
            conn.execute("select rowid from t where t match ?", [match]).fetchall()
    finally:
        conn.close()


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ['"', "-", "OR", "NOT", "AND", "*", "(", ")", "NEAR", "a", "b", " ", ":", "^", "+"]
        )
    ).map("".join)
)
def test_any_mix_of_operators_is_a_valid_query_or_nothing(typed: str) -> None:
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("create virtual table t using fts5(text)")
        match = parse_query(typed).match
        if match is not None:
            conn.execute("select rowid from t where t match ?", [match]).fetchall()
    finally:
        conn.close()


def test_snippet_marks_become_positions() -> None:
    snippet = read_snippet(f"the {MARK_OPEN}on{MARK_CLOSE}-{MARK_OPEN}call{MARK_CLOSE}\nweek")
    assert snippet.text == "the on-call week"
    assert snippet.parts() == [
        ("the ", False),
        ("on", True),
        ("-", False),
        ("call", True),
        (" week", False),
    ]


def test_a_stray_mark_is_dropped() -> None:
    assert read_snippet(f"a{MARK_CLOSE}b{MARK_OPEN}").text == "ab"


def test_a_snippet_cut_to_a_width_keeps_its_first_match_in_view() -> None:
    text = "the quarterly plan we wrote last spring and then the whole "
    marked = read_snippet(f"{text}{MARK_OPEN}delegation{MARK_CLOSE} of the pager rotation")
    for width in (12, 20, 30, 40):
        parts = marked.around_match(width)
        shown = "".join(piece for piece, _ in parts)
        assert len(shown) == width, shown
        assert [piece for piece, matched in parts if matched] == ["delegation"]
        assert shown.startswith("…") and shown.endswith("…")
    assert marked.around_match(200) == marked.parts()
    start = read_snippet(f"{MARK_OPEN}pager{MARK_CLOSE} rotation for the whole team this year")
    assert "".join(p for p, _ in start.around_match(20)) == "pager rotation for …"
