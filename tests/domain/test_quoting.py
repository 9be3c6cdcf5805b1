"""Refusals quote what was typed as a short, escaped, single-line reminder."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from leadtui.domain.text import MESSAGE_LIMIT, QUOTE_LIMIT, escaped, quoted

# Every code point, lone surrogates and line separators included.
ANY_TEXT = st.text(st.characters(blacklist_categories=()), max_size=400)


@given(ANY_TEXT)
def test_quoted_is_one_printable_line_of_bounded_length(text: str) -> None:
    shown = quoted(text)
    assert len(shown) <= QUOTE_LIMIT + 3  # the two quotes and "…"
    assert len(shown.splitlines()) == 1
    assert all(char.isprintable() for char in shown)
    shown.encode("utf-8")  # no lone surrogate reaches the terminal


@given(ANY_TEXT)
def test_escaped_message_is_one_printable_line_of_bounded_length(text: str) -> None:
    line = escaped(text * 50, MESSAGE_LIMIT)
    assert len(line) <= MESSAGE_LIMIT + 1
    assert "\n" not in line and len(line.splitlines()) <= 1
    assert all(char.isprintable() for char in line)


@given(st.text(st.characters(categories=["L", "N", "P", "S"]), max_size=QUOTE_LIMIT))
def test_short_printable_text_is_quoted_as_typed(text: str) -> None:
    assert quoted(text) == f"'{text}'"


def test_control_characters_and_surrogates_show_as_escapes() -> None:
    assert quoted("a\nb\tc\x1b[31m") == "'a\\nb\\tc\\x1b[31m'"
    assert quoted("\udcff") == "'\\udcff'"
    assert quoted("line\u2028break") == "'line\\u2028break'"


def test_long_text_is_cut_with_an_ellipsis_between_escapes() -> None:
    assert quoted("x" * 100_000) == "'" + "x" * QUOTE_LIMIT + "…'"
    shown = quoted("\x00" * 20)
    assert shown == "'" + "\\x00" * 10 + "…'"
