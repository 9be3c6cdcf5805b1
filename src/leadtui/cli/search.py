"""`leadtui search QUERY`: every text a person wrote, newest or best match first.

Local and for the user alone: private hits are shown and marked. Matched words are bold
in a terminal, plain with ``--json``, when the output is not a terminal (a pipe, a file)
or when ``NO_COLOR`` is set. No match is not a failure: exit 0, and one line on stderr says so.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from leadtui.cli.common import echo, echo_json, open_store, styled_output, today_from_env
from leadtui.domain.text import literal, quoted

if TYPE_CHECKING:
    import argparse

    from leadtui.services.search import SearchHit

_BOLD, _PLAIN = "\x1b[1m", "\x1b[22m"

# argparse takes every "-word" for an option it does not know; a word left out of the
# query ("pepper -salt") is marked with this private-use character before parsing, so
# argparse reads it as part of QUERY, and unmarked when the query is read.
_EXCLUDED_MARK = "\ue000"
# The search options that take a value: the word after them is that value, not a query word.
_VALUE_OPTIONS = ("--db", "--person", "--kind", "--since", "--until", "--limit", "--sort")


def mark_excluded_words(argv: Sequence[str]) -> list[str]:
    """``argv`` of a search with each ``-word`` after the first query word marked as a word.

    Options keep working wherever they are: a token that is a search option (or its
    value), ``-h``, a negative number or anything after ``--`` is left as it is.
    """
    marked: list[str] = []
    rest = list(argv)
    seen_command = seen_word = False
    while rest:
        token = rest.pop(0)
        marked.append(token)
        if token == "--":
            marked.extend(rest)
            break
        if token.startswith("--"):
            name = token.split("=", 1)[0]
            # argparse also takes an unambiguous abbreviation (--pers for --person).
            takes_value = "=" not in token and any(o.startswith(name) for o in _VALUE_OPTIONS)
            if takes_value and rest:
                marked.append(rest.pop(0))
            continue
        if token.startswith("-") and len(token) > 1:
            if seen_word and token != "-h" and not token[1].isdigit():
                marked[-1] = _EXCLUDED_MARK + token
            continue
        if not seen_command:
            seen_command = token == "search"
        else:
            seen_word = True
    return marked


def query_text(words: Sequence[str]) -> str:
    """The query as typed, from QUERY's words (see :func:`mark_excluded_words`)."""
    return " ".join(word.removeprefix(_EXCLUDED_MARK) for word in words)


def hit_line(hit: SearchHit, *, bold: bool) -> str:
    """One hit on one line: date, kind and id, person, private, then the snippet."""
    day = hit.date.isoformat() if hit.date else "current"
    where = f"{hit.kind.value} {hit.id}"
    who = literal(hit.person) if hit.person else "—"
    private = "  private" if hit.private else ""
    # Stored text is shown literally: an escape sequence in a note must not drive the
    # terminal; only our own bold is emitted.
    snippet = "".join(
        f"{_BOLD}{literal(piece)}{_PLAIN}" if matched and bold else literal(piece)
        for piece, matched in hit.snippet.parts()
    )
    return f"{day:<10}  {where:<14}  {who}{private}  {snippet}"


def search_command(args: argparse.Namespace) -> int:
    """`search QUERY [--person P] [--kind K] [--since D] [--until D] [--limit N]
    [--sort date|rank] [--json]`."""
    from leadtui.domain.dates import parse_date
    from leadtui.domain.search import SearchSort
    from leadtui.services.people import resolve_person
    from leadtui.services.search import parse_kinds, search

    query = query_text(args.query)
    today = today_from_env()
    kinds = parse_kinds(args.kind)
    since = parse_date(args.since, today, field="--since") if args.since else None
    until = parse_date(args.until, today, field="--until", future=True) if args.until else None
    store = open_store(args, create=False)
    person_id = resolve_person(store, args.person).id if args.person else None
    hits = search(
        store,
        query,
        person_id=person_id,
        kinds=kinds,
        since=since,
        until=until,
        limit=args.limit,
        sort=SearchSort(args.sort),
    )
    if args.json:
        from leadtui.export.json import search_hits_json

        echo_json(search_hits_json(hits))
    else:
        bold = styled_output()
        for hit in hits:
            echo(hit_line(hit, bold=bold))
    if not hits:
        sys.stderr.write(f"leadtui: no matches for {quoted(query)}\n")
    return 0


def register_search(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    """`leadtui search QUERY`: its filters and sort."""
    parser.description = (
        "Search names, talking points, actions, session notes, feedback, T3B3 "
        "items and the energy journal. Every word must match (a word matches as a prefix); "
        'OR between words, -word to leave out, "quoted words" for a phrase. A query that '
        "starts with - goes after --."
    )
    parser.add_argument("query", metavar="QUERY", nargs="+", help="words to find")
    parser.add_argument("--person", metavar="P", help="only texts about this person")
    parser.add_argument(
        "--kind",
        metavar="K",
        help="only these kinds, comma-separated: person, point, action, note, draft, "
        "feedback, t3b3, energy, work, succession, rotation, context",
    )
    parser.add_argument(
        "--since", metavar="DATE", help="from this day (undated texts count as current)"
    )
    parser.add_argument("--until", metavar="DATE", help="up to this day")
    parser.add_argument("--limit", type=int, default=50, metavar="N", help="at most N hits (50)")
    parser.add_argument(
        "--sort",
        choices=("date", "rank"),
        default="date",
        help="newest first (date) or best match first",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    parser.set_defaults(handler=search_command)
