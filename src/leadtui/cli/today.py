"""`leadtui today [--json]`: Today's facts in a few lines, for a shell prompt or cron.

It never imports Textual (a test checks it) and reads what the Today screen reads
(:func:`leadtui.services.today.today_digest`), so it is as quick as a capture.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from leadtui.cli.common import echo, echo_json, open_store, settings_for, today_from_env

if TYPE_CHECKING:
    import argparse


def register_today(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    """The `today` command."""
    parser.description = (
        "Today's facts for a shell prompt, cron or a login message: today's "
        "1:1s with their open points, overdue actions by owner, energy not logged, T3B3s "
        "due, rotation and host changes this week, succession checks."
    )
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    parser.set_defaults(handler=today_command)


def today_command(args: argparse.Namespace) -> int:
    """`today`: the digest, or its facts as JSON."""
    from leadtui.services.today import today_digest

    settings = settings_for(args)
    store = open_store(args, create=False)
    digest = today_digest(
        store, today_from_env(), settings.energy, settings.review.half_start_month
    )
    if args.json:
        from leadtui.export.json import today_digest_json

        echo_json(today_digest_json(digest))
        return 0
    for line in digest.lines():
        echo(line)
    return 0
