"""Markdown building blocks shared by every export.

User text keeps its own Markdown (lists, emphasis) but can never break the
document: a line that would start a heading, a setext underline or a
blockquote is escaped, control characters are shown as ``\\x1b``, and text in
a table cell has its pipes and newlines neutralised.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum

from leadtui.domain.text import literal

# Line starts that would open a heading, a setext underline ("--" under text makes the line
# above a heading), a blockquote, a fence or an HTML block that swallows what follows.
_BLOCK_BREAKERS = re.compile(r"^(\s{0,3})(#{1,6}(?=\s|$)|=+\s*$|-+\s*$|>|```|~~~|<)")


class Audience(StrEnum):
    """Who a document is for. Shared exports drop everything private."""

    PRIVATE = "private"
    SHARED = "shared"


AUDIENCE_LINE = {
    Audience.PRIVATE: "private: for you only, never share",
    Audience.SHARED: "shared: safe to give to the person it is about",
}


def header(title: str, audience: Audience, today: date) -> str:
    """Document title plus a line naming the audience and the export date."""
    return (
        f"# {inline(title)}\n\n"
        f"_Audience: {AUDIENCE_LINE[audience]}. Exported {today.isoformat()} by leadtui._"
    )


def block(text: str) -> str:
    """User text as a Markdown block that cannot open sections or fences."""
    lines = literal(text, one_line=False).splitlines() or [""]
    return "\n".join(
        _BLOCK_BREAKERS.sub(lambda m: m.group(1) + "\\" + m.group(2), line) for line in lines
    )


def inline(text: str) -> str:
    """User text on one line (a list item or heading): newlines become spaces."""
    return literal(" ".join(text.split()), one_line=True)


def cell(text: str) -> str:
    """User text inside a table cell."""
    return inline(text).replace("|", "\\|")


def table(headings: list[str], rows: list[list[str]]) -> str:
    """A Markdown table; cells must already be made safe with :func:`cell`."""
    lines = ["| " + " | ".join(headings) + " |", "|" + "|".join("---" for _ in headings) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)
