"""Markdown building blocks shared by every export.

User text keeps its own Markdown (lists, emphasis) but can never break the
document: a line that would start a heading, a setext underline or a
blockquote is escaped, control characters are shown as ``\\x1b``, and text in
a table cell has its pipes and newlines neutralised.
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

# Line starts that would open a heading, a setext underline ("--" under text makes the line
# above a heading), a blockquote, a fence or an HTML block that swallows what follows.
_BLOCK_BREAKERS = re.compile(r"^(\s{0,3})(#{1,6}(?=\s|$)|=+\s*$|-+\s*$|>|```|~~~|<)")


AUDIENCE_LINE = {
    Audience.PRIVATE: "private: for you only, never share",
    Audience.PERSON: "shared with the person it is about (person): nothing private is in it",
    Audience.UPWARD: "upward, for your manager or the CEO: nothing private is in it",
    Audience.TEAM: "team, for the leadership team: nothing private is in it",
}


def header(title: str, audience: Audience, today: date) -> str:
    """Document title plus a line naming the audience and the export date.

    The private copy says so in its very first line, so a glance at the file (or a
    preview that shows only the title) tells it apart from a copy meant to be given.
    """
    first = f"Private: {title}" if audience is Audience.PRIVATE else title
    return (
        f"# {inline(first)}\n\n"
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
