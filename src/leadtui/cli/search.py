"""`leadtui search QUERY`: every text a person wrote, newest or best match first.

Local and for the user alone: private hits are shown and marked. Matched words are bold
in a terminal, plain with ``--json``, when the output is not a terminal (a pipe, a file)
or when ``NO_COLOR`` is set. No match is not a failure: exit 0, and one line on stderr says so.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from leadtui.cli.common import echo, echo_json, open_store, styled_output, today_from_env
from leadtui.domain.text import literal, quoted

if TYPE_CHECKING:
    import argparse

    from leadtui.services.search import SearchHit

_BOLD, _PLAIN = "\x1b[1m", "\x1b[22m"


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

    query = " ".join(args.query)
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
