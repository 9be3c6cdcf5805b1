"""Search: what a person types, read into a full-text query that cannot fail.

The words are matched case-insensitively, every word must match (AND) unless ``OR``
sits between them, ``-word`` (or ``NOT word``) leaves out what contains the word,
``"quoted words"`` match as a phrase, and a bare word matches as a prefix (``deleg``
finds "delegation").

SQLite's FTS5 query language has operators of its own (``*``, ``^``, ``:``, ``NEAR(``,
parentheses, a lone ``"``) that make a typed query an error or mean something the person
did not write. So the operators above are read here, and every word or phrase reaches
FTS5 as a double-quoted string (a quote inside doubled): FTS5 never sees an operator
it was not given by this module. Whatever the input, :func:`parse_query` returns a valid
FTS5 expression or ``None`` (nothing to look for).
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import NamedTuple


class SearchKind(StrEnum):
    """The kinds of text the index holds, as the command line and JSON name them."""

    PERSON = "person"  # a person's name, title, level and team
    POINT = "point"  # a 1:1 talking point
    ACTION = "action"  # a 1:1 action item
    NOTE = "note"  # a held session's notes, shared or private
    DRAFT = "draft"  # the upcoming session's notes (no date yet)
    FEEDBACK = "feedback"
    T3B3 = "t3b3"  # a Top or Bottom item
    ENERGY = "energy"  # an energy day: its note, what energized and what drained
    WORK = "work"  # energizing work
    # A gap, focus area, CEO log note, candidacy condition, career path or milestone,
    # recurring meeting, meeting audit or vacation cover.
    SUCCESSION = "succession"
    ROTATION = "rotation"  # a rotation capacity, or a term's hand-off note
    CONTEXT = "context"  # a person's personal context (private)
    OBSERVATION = "observation"  # what I observed of a report's energy (private)
    PUSH = "push"  # a launch or other push the team recharges after (private)
    REVIEW = "review"  # a quarter review's answers to the four questions (private)


class SearchSort(StrEnum):
    """How hits are ordered: newest first, or best match first."""

    DATE = "date"
    RANK = "rank"


# A paste of a whole page must not become a query of a thousand terms: the first ones
# say what is looked for.
MAX_TERMS = 32
# Marks the search index puts around a matched word in a snippet. Private-use
# characters: no keyboard types them, so they cannot be confused with the text.
MARK_OPEN = "\ue000"
MARK_CLOSE = "\ue001"


class Term(NamedTuple):
    """One word or quoted phrase as typed."""

    text: str
    phrase: bool

    @property
    def fts(self) -> str:
        """The term as an FTS5 string: quoted (so no operator leaks in); a word is a prefix."""
        quoted = '"' + self.text.replace('"', '""') + '"'
        return quoted if self.phrase else quoted + "*"


class ParsedQuery(NamedTuple):
    """A typed query read: the alternatives (each a list of terms that must all match)
    and the terms that must not match."""

    groups: tuple[tuple[Term, ...], ...]
    excluded: tuple[Term, ...]

    @property
    def is_empty(self) -> bool:
        """Nothing to look for (only exclusions, or no words at all)."""
        return not self.groups

    @property
    def match(self) -> str | None:
        """The FTS5 MATCH expression, or None when there is nothing to look for."""
        if not self.groups:
            return None
        alternatives = [
            "(" + " AND ".join(term.fts for term in group) + ")" for group in self.groups
        ]
        wanted = (
            alternatives[0] if len(alternatives) == 1 else "(" + " OR ".join(alternatives) + ")"
        )
        if not self.excluded:
            return wanted
        unwanted = " OR ".join(term.fts for term in self.excluded)
        return f"{wanted} NOT ({unwanted})"


def _has_word(text: str) -> bool:
    # FTS5's tokenizer keeps letters and digits; a term without any is an empty phrase,
    # which matches nothing and would empty an AND group.
    return any(char.isalnum() for char in text)


def _tokens(text: str) -> list[tuple[str, bool, bool]]:
    """(text, quoted, negated) for each word or quoted phrase; an unclosed quote runs
    to the end."""
    tokens: list[tuple[str, bool, bool]] = []
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        negated = False
        if text[i] == "-" and i + 1 < n and not text[i + 1].isspace():
            negated = True
            i += 1
        if text[i] == '"':
            end = text.find('"', i + 1)
            end = n if end == -1 else end
            tokens.append((text[i + 1 : end], True, negated))
            i = end + 1
            continue
        start = i
        while i < n and not text[i].isspace() and text[i] != '"':
            i += 1
        tokens.append((text[start:i], False, negated))
    return tokens


def parse_query(text: str) -> ParsedQuery:
    """Read what a person typed: AND by default, ``OR``, ``-word`` / ``NOT word``,
    ``"phrases"``, prefix words. Never raises; hostile input only loses its operators."""
    # FTS5 reads a NUL as the end of the query (an unterminated string), and a lone
    # surrogate (undecodable bytes in a shell argument) cannot reach SQLite at all.
    text = text.replace("\x00", " ").encode("utf-8", "replace").decode("utf-8")
    groups: list[list[Term]] = [[]]
    excluded: list[Term] = []
    negate_next = False
    count = 0
    for word, quoted, negated in _tokens(text):
        if not quoted and word == "OR":
            groups.append([])
            continue
        if not quoted and word == "AND":
            continue
        if not quoted and word == "NOT":
            negate_next = True
            continue
        negated, negate_next = negated or negate_next, False
        if not _has_word(word) or count >= MAX_TERMS:
            continue
        count += 1
        term = Term(" ".join(word.split()), phrase=quoted)
        (excluded if negated else groups[-1]).append(term)
    return ParsedQuery(tuple(tuple(g) for g in groups if g), tuple(excluded))


_MARKED = re.compile(f"{MARK_OPEN}([^{MARK_OPEN}{MARK_CLOSE}]+){MARK_CLOSE}")
_LINE_BREAKS = re.compile("[\r\n\t]")


class Snippet:
    """A piece of a matching text and where the matched words are in it.

    Built from the index's snippet (matches between MARK_OPEN and MARK_CLOSE) and read
    when first shown: a search returns a page of hits on every key press while typing,
    and the ones scrolled past never need their marks worked out.
    """

    __slots__ = ("_marked", "_read")

    def __init__(self, marked: str) -> None:
        self._marked = marked
        self._read: tuple[str, tuple[tuple[int, int], ...]] | None = None

    def _parsed(self) -> tuple[str, tuple[tuple[int, int], ...]]:
        if self._read is None:
            marked = _LINE_BREAKS.sub(" ", self._marked)  # a hit is one line
            marks: list[tuple[int, int]] = []
            shift = 0
            for found in _MARKED.finditer(marked):
                start = found.start() - shift
                marks.append((start, start + len(found.group(1))))
                shift += 2  # the two marks of this match are not in the text
            text = marked.replace(MARK_OPEN, "").replace(MARK_CLOSE, "")
            if len(text) != len(marked) - shift:
                # A stray mark (the index writes none, but a text may hold one) would
                # shift the positions: no highlight rather than a wrong one.
                marks = []
            self._read = (text, tuple(marks))
        return self._read

    @property
    def text(self) -> str:
        """The snippet as plain text, on one line."""
        return self._parsed()[0]

    @property
    def marks(self) -> tuple[tuple[int, int], ...]:
        """(start, end) of each matched word in :attr:`text`."""
        return self._parsed()[1]

    def parts(self) -> list[tuple[str, bool]]:
        """The text cut into (piece, is_match) runs, in order."""
        text, marks = self._parsed()
        parts: list[tuple[str, bool]] = []
        at = 0
        for start, end in marks:
            if start > at:
                parts.append((text[at:start], False))
            parts.append((text[start:end], True))
            at = end
        if at < len(text):
            parts.append((text[at:], False))
        return parts

    def around_match(self, width: int) -> list[tuple[str, bool]]:
        """:meth:`parts` cut to at most ``width`` characters around the first match.

        The index picks the words around the best match, but a narrow column would cut
        the line at its end, match and all: the window is centred on the first match
        (kept whole when it fits) and each cut end shows "…".
        """
        text, marks = self._parsed()
        if len(text) <= width or width < 3:
            return self.parts() if len(text) <= width else [(text[:width], False)]
        first_start, first_end = marks[0] if marks else (0, 0)
        centre = (first_start + first_end) // 2
        start = max(0, min(centre - width // 2, len(text) - width))
        if marks and first_end - first_start <= width - 2:
            # Keep the whole first match inside, between the two "…".
            start = min(start, first_start - (1 if first_start > 0 else 0))
            start = max(start, first_end - width + (1 if first_end < len(text) else 0))
            start = max(0, start)
        end = min(len(text), start + width)
        lead = start > 0
        trail = end < len(text)
        inner_start = start + lead
        inner_end = end - trail
        pieces: list[tuple[str, bool]] = [("…", False)] if lead else []
        at = inner_start
        for m_start, m_end in marks:
            lo, hi = max(m_start, inner_start), min(m_end, inner_end)
            if lo >= hi:
                continue
            if lo > at:
                pieces.append((text[at:lo], False))
            pieces.append((text[lo:hi], True))
            at = hi
        if at < inner_end:
            pieces.append((text[at:inner_end], False))
        if trail:
            pieces.append(("…", False))
        return pieces

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Snippet) and self._parsed() == other._parsed()

    def __hash__(self) -> int:
        return hash(self._parsed())

    def __repr__(self) -> str:
        return f"Snippet({self.text!r}, marks={self.marks!r})"


def read_snippet(marked: str) -> Snippet:
    """A snippet as the index returns it: matches between MARK_OPEN and MARK_CLOSE."""
    return Snippet(marked)


class SearchHit(NamedTuple):
    """One text that matched: its kind and row, who and when it is about, whether it is
    private, and a snippet of it."""

    kind: SearchKind
    id: int  # the row in its kind's table (the series for a draft, the day's row for energy)
    person_id: int | None
    person: str | None
    date: date | None  # None: current (a person, the next session's notes, an undelivered T3B3)
    private: bool  # reaches no audience but you (domain/privacy.py only_yours)
    snippet: Snippet
