"""Markdown building blocks shared by every export.

Typed text stays text. Whatever a person types (a point, a name, a note) renders as
exactly that text in CommonMark, GFM and pandoc's Markdown: never as a heading, a list,
a quote, a link, an image, HTML or an HTML comment. There is one rule per context:

- :func:`inline`: text on one line, in a list item, a heading or a title. Runs of
  whitespace (newlines too) become one space; control characters are shown as
  ``\\x1b``; Markdown punctuation is backslash-escaped (see :func:`escape`).
- :func:`cell`: the same, inside a table cell (``|`` is among the escaped characters).
- :func:`block`: notes. Each line is written as inline text, lines are joined by hard
  line breaks and blank lines separate paragraphs, so the note keeps its lines; a
  line's leading and trailing whitespace is not kept.

Users' own Markdown in notes (``*emphasis*``, ``- lists``) is escaped too: a note reads
as it was typed, the same in the app, in the file and in any renderer.
"""

from __future__ import annotations

import re
from datetime import date

# Audience lives with the privacy rule; re-exported for the modules that import it here.
from leadtui.domain.privacy import Audience as Audience

# The private mark's rule lives with the privacy rule (search marks hits by it too);
# re-exported for the exporters that import it here.
from leadtui.domain.privacy import only_yours as only_yours
from leadtui.domain.text import literal

# Escaped wherever they stand: each opens an inline construct in CommonMark, GFM or pandoc's
# Markdown (code, emphasis, links and images, HTML and entities, headings' closing #s, table
# pipes, strikethrough and subscript ~, superscript ^, math $, attributes {}, citations @,
# smart quotes ' and ").
_ALWAYS = frozenset("\\`*_[]<>&#|~^${}@'\"")
# Escaped only doubled: "--" and "..." become dashes and ellipses (pandoc's smart typography),
# "==" and "++" marks in some renderers; a single one mid-line means nothing anywhere.
_DOUBLED = frozenset(".-=+")
# ":" opens an emoji shortcode (":tada:" in GFM; at the end of the text our own next word
# could close it) and a URL scheme GFM turns into a link; a colon before a space
# ("Note: ...") or in a time mid-text ("at 10:30 sharp") is left as typed, for readability.
# (A lookahead, so overlapping candidates like ":a:b:" are all found.)
_COLON_CONSTRUCT = re.compile(r"(?=(:(?://|[A-Za-z0-9_+-]+(?::|$))))")
# GFM links "www.example.com" by itself: escaping the dot after "www" keeps it text.
_WWW = re.compile(r"(?<![A-Za-z0-9])www\.", re.IGNORECASE)
# Autolinkers that know the top-level domains (markdown-it-py's linkify, linkify-it) link a
# bare "example.com" or "Dr.No" too: escaping the dot between a word character and two
# letters keeps it text. A dot before a digit or a single letter ("v1.2", "e.g.") is left.
_DOMAIN_DOT = re.compile(r"(?<=\w)\.(?=[^\W\d_]{2})")
# At the start of a line: a list marker ("1." "2)" and pandoc's "a)" "iv."), which the first
# character rule below does not catch because it starts with a letter or digit.
_LEADING_MARKER = re.compile(r"(?:\d+|[A-Za-z]|[ivxlcdmIVXLCDM]+)[.)]")
_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


def escape(text: str) -> str:
    """``text`` (one line, already free of control characters) with every character that
    could start Markdown syntax backslash-escaped, so it renders as exactly ``text``.

    Escaped: the characters in ``_ALWAYS``; ``.-=+`` when doubled; a colon that would open
    an emoji shortcode or a URL, the dot of a "www." and of a bare domain ("example.com",
    a dot between a word character and two letters); the first character when it is
    ASCII punctuation (a line opening ``#``, ``>``, ``-``, ``+``, ``:``, ``=`` …); the ``.``
    or ``)`` of a leading list marker. Everything else (letters, digits, spaces,
    ``, ; ? ! ( ) / %``, a single ``.`` or ``-``, emoji) is written as typed, so the file
    stays readable as plain text.
    """
    marked = {m.start() for m in _COLON_CONSTRUCT.finditer(text)}
    marked |= {m.start() + len(m.group(1)) - 1 for m in _COLON_CONSTRUCT.finditer(text)}
    marked = {i for i in marked if text[i] == ":"}
    marked |= {m.end() - 1 for m in _WWW.finditer(text)}
    marked |= {m.start() for m in _DOMAIN_DOT.finditer(text)}
    leading = _LEADING_MARKER.match(text)
    if leading:
        marked.add(leading.end() - 1)
    if text and text[0] in _PUNCTUATION:
        marked.add(0)
    out: list[str] = []
    for i, char in enumerate(text):
        doubled = char in _DOUBLED and (text[i - 1 : i] == char or text[i + 1 : i + 2] == char)
        if char in _ALWAYS or doubled or i in marked:
            out.append("\\")
        out.append(char)
    return "".join(out)


AUDIENCE_LINE = {
    Audience.PRIVATE: "private: for you only, never share",
    Audience.PERSON: "shared with the person it is about (person): nothing private is in it",
    Audience.UPWARD: "upward, for your manager or the CEO: nothing private is in it",
    Audience.TEAM: "team, for the leadership team: nothing private is in it",
}


def header(title: str, audience: Audience, today: date) -> str:
    """Document title plus a line naming the audience and the export date.

    ``title`` is plain text (a person's name in it is escaped with the rest). The private
    copy says so in its very first line, so a glance at the file (or a preview that shows
    only the title) tells it apart from a copy meant to be given.
    """
    first = f"Private: {title}" if audience is Audience.PRIVATE else title
    return (
        f"# {inline(first)}\n\n"
        f"_Audience: {AUDIENCE_LINE[audience]}. Exported {today.isoformat()} by leadtui._"
    )


def inline(text: str) -> str:
    """User text on one line (a list item, a heading, a title): runs of whitespace and
    newlines become one space, control characters show as ``\\x1b``, and Markdown
    punctuation is escaped, so it renders as exactly the text typed."""
    return escape(literal(" ".join(text.split()), one_line=True))


def cell(text: str) -> str:
    """User text inside a table cell: :func:`inline`, whose escaping covers ``|``."""
    return inline(text)


def block(text: str) -> str:
    """User text as Markdown paragraphs (notes): each line as :func:`inline` text, lines
    joined by hard line breaks (a trailing backslash, read by CommonMark, GFM and pandoc),
    blank lines between paragraphs. Nothing in it can open a heading, list, quote, fence,
    table or HTML; whitespace-only text gives an empty string."""
    paragraphs: list[list[str]] = [[]]
    for line in literal(text, one_line=False).splitlines():
        shown = inline(line)
        if shown:
            paragraphs[-1].append(shown)
        elif paragraphs[-1]:
            paragraphs.append([])
    return "\n\n".join("\\\n".join(lines) for lines in paragraphs if lines)


def table(headings: list[str], rows: list[list[str]]) -> str:
    """A Markdown table; cells must already be made safe with :func:`cell`."""
    lines = ["| " + " | ".join(headings) + " |", "|" + "|".join("---" for _ in headings) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)
