"""The escaping rules themselves, read back by a CommonMark parser (markdown-it-py).

Each context has one rule: :func:`inline` (list items, headings, titles), :func:`cell`
(table cells) and :func:`block` (notes). Whatever the text, it renders as itself."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from leadtui.domain.text import literal
from leadtui.export.markdown import block, cell, inline, table

PARSER = MarkdownIt("commonmark").enable("table")


def shown(markdown: str) -> tuple[list[str], str]:
    """The block token types and the rendered text (hard breaks as newlines)."""
    tokens = PARSER.parse(markdown)
    blocks = [t.type for t in tokens if t.type != "inline"]
    text = []
    for token in tokens:
        for child in token.children or []:
            text.append({"hardbreak": "\n", "softbreak": " "}.get(child.type, child.content))
        if token.type == "inline":
            text.append("\n\n")
    return blocks, "".join(text).strip("\n")


def inline_types(markdown: str) -> set[str]:
    found: set[str] = set()

    def walk(tokens: list[Token]) -> None:
        for t in tokens:
            found.add(t.type)
            walk(t.children or [])

    walk(PARSER.parse(markdown))
    return found


def test_notes_keep_their_lines_and_show_their_markdown_as_typed() -> None:
    """A note's own Markdown is shown, not applied: the note reads as typed everywhere."""
    text = "# Title\n- a *point*\n===\n> quote\n```\ncode\n--\n<!-- hidden\n\n1. next"
    blocks, rendered = shown(block(text))
    assert blocks == ["paragraph_open", "paragraph_close"] * 2
    assert rendered == "# Title\n- a *point*\n===\n> quote\n```\ncode\n--\n<!-- hidden\n\n1. next"


def test_list_item_text_cannot_open_a_block_of_its_own() -> None:
    for typed in ("# Promotion", "> quote", "- nested", "1. one", "2) two", "<!-- draft"):
        blocks, rendered = shown(f"- {inline(typed)} — me\n- after")
        assert blocks.count("paragraph_open") == 2 and "heading_open" not in blocks
        assert "blockquote_open" not in blocks and "html_block" not in blocks
        assert blocks.count("bullet_list_open") == 1 and "ordered_list_open" not in blocks
        assert rendered == f"{typed} — me\n\nafter"


def test_plain_punctuation_stays_readable_in_the_file() -> None:
    """Only what could start Markdown is escaped: a sentence reads as typed in the file."""
    assert inline("Note: ship v2.0 today, (maybe) at 10:30 sharp; ok? 50% done!") == (
        "Note: ship v2.0 today, (maybe) at 10:30 sharp; ok? 50% done!"
    )
    assert inline("don't -- wait... :tada: https://x.y www.x.y") == (
        "don\\'t \\-\\- wait\\.\\.\\. \\:tada\\: https\\://x.y www\\.x.y"
    )
    # A bare domain's dot is escaped (autolinkers would link it); a version, a number or
    # an abbreviation keeps its dot as typed.
    assert inline("see example.com, e.g. v1.2 or 3.14, a 2.5h talk") == (
        "see example\\.com, e.g. v1.2 or 3.14, a 2.5h talk"
    )


def test_a_cell_keeps_its_row() -> None:
    markdown = table(["A", "B"], [[cell("x | y\nz"), cell("`|`")]])
    tokens = PARSER.parse(markdown)
    cells = [t.children[0].content for t in tokens if t.type == "inline" and t.children]
    assert cells == ["A", "B", "x | y z", "`|`"]


@given(st.text())
def test_any_one_line_text_is_one_paragraph_of_itself(text: str) -> None:
    markdown = inline(text)
    expected = literal(" ".join(text.split()), one_line=True)
    blocks, rendered = shown(f"- {markdown}")
    if expected:
        assert blocks == [
            "bullet_list_open",
            "list_item_open",
            "paragraph_open",
            "paragraph_close",
            "list_item_close",
            "bullet_list_close",
        ]
    assert rendered == expected
    assert not inline_types(markdown) & {"html_inline", "html_block", "link_open", "image"}
    assert "\n" not in markdown and "\x1b" not in markdown


@given(st.text())
def test_any_note_is_paragraphs_of_its_own_lines(text: str) -> None:
    markdown = block(text)
    blocks, rendered = shown(markdown)
    assert set(blocks) <= {"paragraph_open", "paragraph_close"}
    paragraphs: list[list[str]] = [[]]
    for line in literal(text, one_line=False).splitlines():
        one = literal(" ".join(line.split()))
        if one:
            paragraphs[-1].append(one)
        elif paragraphs[-1]:
            paragraphs.append([])
    assert rendered == "\n\n".join("\n".join(p) for p in paragraphs if p)
    assert not inline_types(markdown) & {"html_inline", "html_block", "link_open", "image"}
