"""`leadtui feedback` and `leadtui t3b3`: the feedback log and the top and bottom three."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from leadtui.cli.common import archived_note, echo, person_and_store, review_half, today_from_env
from leadtui.errors import InputError

if TYPE_CHECKING:
    import argparse


def feedback_add(args: argparse.Namespace) -> int:
    from leadtui.domain.feedback_input import FeedbackDraft
    from leadtui.domain.text import literal
    from leadtui.domain.validation import build
    from leadtui.store.feedback import FeedbackRepository

    draft = build(
        FeedbackDraft,
        today=today_from_env(),
        text=args.text,
        kind=args.kind,
        day=args.date,
        visibility="private" if args.private else "shared",
    )
    person, store = person_and_store(args)
    entry = FeedbackRepository(store).add(person.id, draft)
    archived_note(person)
    echo(
        f"feedback {entry.id} for {person.display_name} ({entry.kind.value}, "
        f"{entry.visibility.value}, {entry.given_on.isoformat()}): {literal(entry.text)}"
    )
    return 0


def feedback_list(args: argparse.Namespace) -> int:
    from leadtui.domain.text import literal
    from leadtui.store.feedback import FeedbackRepository

    half, start_month = review_half(args) if args.half is not None else (None, 1)
    person, store = person_and_store(args)
    first, last = half.bounds(start_month) if half else (None, None)
    entries = FeedbackRepository(store).for_person(person.id, first, last)
    if args.json:
        from leadtui.export.json import dumps, feedback_json

        echo(dumps(feedback_json(entries)))
        return 0
    if not entries:
        echo(
            f"no feedback for {person.display_name} yet; add some with `leadtui feedback add "
            f'{person.id} "what you saw" --kind strength`'
        )
    for f in entries:
        private = "  (private)" if f.visibility.value == "private" else ""
        day = f.given_on.isoformat()
        echo(f"{f.id:>5}  {day}  {f.kind.value:<8}  {literal(f.text)}{private}")
    return 0


def _print_t3b3(view: Any) -> None:
    from leadtui.domain.feedback import T3B3Side
    from leadtui.domain.text import literal

    t = view.t3b3
    removal = "yes" if t.remove_text else "no"
    delivered = f" on {t.delivered_on.isoformat()}" if t.delivered_on else ""
    echo(
        f"T3B3 for {view.person.display_name}, {view.half.label}: {t.status_text()}{delivered} "
        f"(remove the text after delivery: {removal})"
    )
    if t.text_removed:
        echo("  the text was removed after delivery; only the fact is kept")
    for side, title in ((T3B3Side.TOP, "Top"), (T3B3Side.BOTTOM, "Bottom")):
        items = t.side(side)
        echo(f"{title} ({len(items)}/3)")
        for item in items:
            line = f"  {item.rank}. {literal(item.text)}"
            if side is T3B3Side.BOTTOM:
                link = view.linked.get(item.id)
                if link:
                    line += f"  [raised before: {link.kind} {link.id}, {link.on.isoformat()}]"
                else:
                    line += "  [would be a surprise]"
                    for e in view.suggestions.get(item.id, []):
                        line += (
                            f"\n       maybe: --{e.kind} {e.id} ({e.on.isoformat()}) "
                            f"{literal(e.text)[:60]}"
                        )
            echo(line)
    if view.carried:
        echo(f"Last half ({view.previous.half}): {view.previous.status_text()}")
        for c in view.carried:
            echo(f"  - {literal(c.previous.text)}: {'persists' if c.persists else 'closed'}")


def t3b3_show(args: argparse.Namespace) -> int:
    from leadtui.services.review import t3b3_view

    half, start_month = review_half(args)
    person, store = person_and_store(args)
    view = t3b3_view(store, person, half, start_month)
    if args.json:
        from leadtui.export.json import dumps, t3b3_json

        echo(dumps(t3b3_json(view)))
    else:
        _print_t3b3(view)
    return 0


def t3b3_set(args: argparse.Namespace) -> int:
    from leadtui.domain.feedback_input import T3B3ListsDraft
    from leadtui.domain.validation import build
    from leadtui.services.review import t3b3_view
    from leadtui.store.feedback import T3B3Repository

    if args.top is None and args.bottom is None and args.remove_text is None:
        raise InputError(
            'give --top TEXT and/or --bottom TEXT (up to three each), e.g. --top "Clear writing"'
        )
    half, start_month = review_half(args)
    lists = build(T3B3ListsDraft, top=args.top, bottom=args.bottom)
    person, store = person_and_store(args)
    repo = T3B3Repository(store)
    if lists.top is not None or lists.bottom is not None:
        repo.set_lists(person.id, half.label, lists.top, lists.bottom)
    if args.remove_text is not None:
        repo.set_remove_text(person.id, half.label, args.remove_text)
    archived_note(person)
    _print_t3b3(t3b3_view(store, person, half, start_month))
    return 0


def t3b3_deliver(args: argparse.Namespace) -> int:
    from leadtui.domain.feedback_input import DeliveryDraft
    from leadtui.domain.validation import build
    from leadtui.services.review import deliver_t3b3
    from leadtui.store.feedback import T3B3Repository

    today = today_from_env()
    draft = build(DeliveryDraft, today=today, day=args.date, in_person=not args.not_in_person)
    half, start_month = review_half(args)
    person, store = person_and_store(args)
    surprises = T3B3Repository(store).get(person.id, half.label).surprises()
    t3b3 = deliver_t3b3(store, person, half, draft.day, draft.in_person, start_month)
    echo(
        f"T3B3 for {person.display_name}, {half.label}: delivered "
        f"{'in person' if t3b3.in_person else 'not in person'} on {draft.day.isoformat()}"
        + ("; the text was removed, the fact is kept" if t3b3.text_removed else "")
    )
    if surprises:
        ranks = ", ".join(str(i.rank) for i in surprises)
        sys.stderr.write(
            f"leadtui: note: Bottom {ranks} had not been raised with them before "
            "(no linked feedback or 1:1 point): they came as a surprise\n"
        )
    if args.not_in_person:
        sys.stderr.write(
            "leadtui: note: T3B3 is meant to be delivered in person; recorded as not in person\n"
        )
    return 0


def t3b3_link(args: argparse.Namespace) -> int:
    from leadtui.domain.feedback import T3B3Side
    from leadtui.services.review import t3b3_view
    from leadtui.store.feedback import T3B3Repository

    half, start_month = review_half(args)
    person, store = person_and_store(args)
    view = t3b3_view(store, person, half, start_month)
    bottoms = view.t3b3.side(T3B3Side.BOTTOM)
    if not 1 <= args.rank <= len(bottoms):
        raise InputError(
            f"Bottom item {args.rank} does not exist; the {half.label} T3B3 has "
            f"{len(bottoms)} Bottom item(s)"
        )
    item = bottoms[args.rank - 1]
    evidence = None
    if args.unlink and (args.feedback is not None or args.point is not None):
        raise InputError("--unlink takes no --feedback or --point")
    if not args.unlink:
        if (args.feedback is None) == (args.point is None):
            raise InputError(
                "give one of --feedback ID or --point ID (see `t3b3 show`), or --unlink"
            )
        kind, wanted = (
            ("feedback", args.feedback) if args.feedback is not None else ("point", args.point)
        )
        evidence = view.candidate(kind, wanted)
        if evidence is None:
            raise InputError(
                f"no {kind} {wanted} about {person.display_name} in {half.previous().label} "
                f"or {half.label}; see `leadtui t3b3 show {person.id}` for candidates"
            )
    T3B3Repository(store).link_item(item.id, evidence)
    _print_t3b3(t3b3_view(store, person, half, start_month))
    return 0
