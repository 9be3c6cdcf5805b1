"""Showing user text literally.

People type names and notes containing Rich markup (``[bold]``) or terminal
escape sequences. They are stored exactly as typed; on the way to a terminal
control characters are replaced by visible escapes so that nothing is
interpreted. Markup is handled by the caller (the TUI wraps text in
``rich.text.Text``; the CLI prints plain strings).
"""

from __future__ import annotations

import re
import unicodedata

# Characters that reorder or break the text around them without being seen: the bidi
# marks, embeddings, overrides and isolates (a name holding U+202E prints its end
# backwards) and the line and paragraph separators. Other format characters stay: the
# zero-width joiner builds emoji (👩‍💻) and the non-joiner is part of Persian names.
_INVISIBLE = "\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
# C0 controls except tab and newline, DEL, the C1 range and the invisible reorderers.
_CONTROL = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f{_INVISIBLE}]")
_CONTROL_ONE_LINE = re.compile(f"[\\x00-\\x1f\\x7f-\\x9f{_INVISIBLE}]")


def literal(text: str, *, one_line: bool = True) -> str:
    """Return ``text`` with control characters (and bidi overrides) made visible
    (``\\x1b``, ``\\u202e``).

    With ``one_line`` newlines and tabs become visible too, for table cells.
    """
    pattern = _CONTROL_ONE_LINE if one_line else _CONTROL
    return pattern.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def control_character(text: str) -> str | None:
    """The first character of ``text`` that may not be in a name, made visible
    (``\\x1b``), or None: any control character (Unicode category Cc, tab and newline
    included) and the invisible bidi and line-separator characters."""
    found = _CONTROL_ONE_LINE.search(text)
    return found.group().encode("unicode_escape").decode("ascii") if found else None


def name_key(text: str) -> str:
    """What two names must differ in to be two names: the text with runs of whitespace
    collapsed, NFKC-normalised and case-folded (and normalised again, as case folding
    may undo it).

    NFKC rather than NFC because the compatibility forms print like the letters they
    stand for: "Ｓａｍ" (full width) and "ﬁ" (a ligature) read as "Sam" and "fi" on a
    screen, so they are the same name to the person reading it. Case folding (not
    lower-casing) makes "STRASSE" and "straße", "Émile" and "émile" one name.
    """
    collapsed = " ".join(text.split())
    folded = unicodedata.normalize("NFKC", collapsed).casefold()
    return unicodedata.normalize("NFKC", folded)


# Quoted input in a refusal is a reminder of what was typed, not a copy of it.
QUOTE_LIMIT = 40
# A refusal is one line a person reads at a glance, prefix included under 300 characters.
MESSAGE_LIMIT = 280


def escaped(text: str, limit: int | None = None) -> str:
    """``text`` on one line with every character a terminal would not print as itself
    (controls, newlines, tabs, lone surrogates, line separators, format characters) made
    a visible escape (``\\n``, ``\\udcff``), cut to at most ``limit`` characters with
    "…" appended when something was left off."""
    pieces: list[str] = []
    length = 0
    for char in text:
        piece = char if char.isprintable() else repr(char)[1:-1]
        if limit is not None and length + len(piece) > limit:
            # Cut between escapes, never inside one, so what is shown stays readable.
            return "".join(pieces) + "…"
        pieces.append(piece)
        length += len(piece)
    return "".join(pieces)


def quoted(text: str, limit: int = QUOTE_LIMIT) -> str:
    """What a person typed, for a refusal message: in quotes, escaped onto one line and
    shortened to its first ``limit`` characters ("…" marks the cut), so a 100 KB paste
    or a stray escape sequence never floods or drives the terminal."""
    return f"'{escaped(text, limit)}'"


def has_control_characters(text: str) -> bool:
    """True when ``text`` holds a character a terminal could interpret."""
    return bool(_CONTROL.search(text))


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes: wide characters (emoji, CJK) count two,
    combining marks none."""
    width = 0
    for char in text:
        if unicodedata.combining(char) or char in "\u200b\u200d\ufe0f":
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def pad(text: str, width: int) -> str:
    """``text`` padded with spaces to ``width`` terminal columns."""
    return text + " " * max(0, width - display_width(text))


def plural(count: int, word: str, many: str | None = None) -> str:
    """``1 point``, ``2 points``; ``many`` for irregular plurals."""
    return f"{count} {word if count == 1 else (many or word + 's')}"
