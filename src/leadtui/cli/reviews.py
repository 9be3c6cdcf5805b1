"""`leadtui feedback` and `leadtui t3b3`: the feedback log and the top and bottom three."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from leadtui.cli.common import (
    echo,
    echo_json,
    hint,
    note,
    open_store,
    person_and_store,
    person_word,
    record_id,
    review_half,
    today_from_env,
)
from leadtui.errors import InputError

if TYPE_CHECKING:
    import argparse

    from leadtui.domain.reviews import Feedback
    from leadtui.services.reviews import T3B3View


def feedback_add(args: argparse.Namespace) -> int:
    from leadtui.domain.reviews_input import FeedbackDraft
    from leadtui.domain.text import literal, quoted
    from leadtui.domain.validation import build
    from leadtui.services.reviews import add_feedback, prefix_matched

    draft = build(
        FeedbackDraft,
        today=today_from_env(),
        text=args.text,
        kind=args.kind,
        day=args.day,
        visibility="private" if args.private else "shared",
    )
    person, store = person_and_store(args)
    entry, notice = add_feedback(store, person, draft)
    note(notice)
    echo(
        f"feedback {entry.id} for {person.display_name} ({entry.kind}, "
        f"{entry.visibility}, {entry.given_on.isoformat()}): {literal(entry.text)}"
    )
    if prefix_matched(args.person, person):
        # A few letters picked this person: say who, so a slip is caught now.
        echo(
            f"added to {person.display_name}'s feedback (matched {quoted(args.person.strip())}); "
            f"not them? {hint(args, f'feedback edit {entry.id} --person NAME')} moves it"
        )
    return 0


def _feedback_line(entry: Feedback, name: str) -> str:
    from leadtui.domain.text import literal

    return (
        f"feedback {entry.id} for {name} ({entry.kind}, {entry.visibility}, "
        f"{entry.given_on.isoformat()}): {literal(entry.text)}"
    )


def feedback_edit(args: argparse.Namespace) -> int:
    from leadtui.domain.reviews_input import FeedbackEditDraft
    from leadtui.domain.validation import build
    from leadtui.services.people import resolve_person
    from leadtui.services.reviews import edit_feedback

    visibility = None if args.visibility is None else args.visibility
    draft = build(
        FeedbackEditDraft,
        today=today_from_env(),
        text=args.text,
        kind=args.kind,
        day=args.day,
        visibility=visibility,
    )
    store = open_store(args, create=False)
    person = None if args.person is None else resolve_person(store, args.person)
    changed = edit_feedback(store, args.id, draft, person)
    note(changed.notice)
    if changed.before.person_id != changed.entry.person_id:
        echo(f"moved to {changed.person.display_name}'s feedback")
    echo(_feedback_line(changed.entry, changed.person.display_name))
    return 0


def feedback_remove(args: argparse.Namespace) -> int:
    from leadtui.services.reviews import remove_feedback

    removed = remove_feedback(open_store(args, create=False), args.id)
    echo("removed " + _feedback_line(removed.entry, removed.person.display_name))
    return 0


def feedback_list(args: argparse.Namespace) -> int:
    from leadtui.domain.privacy import Visibility
    from leadtui.domain.text import literal
    from leadtui.services.reviews import list_feedback

    half, start_month = review_half(args) if args.half is not None else (None, 1)
    person, store = person_and_store(args)
    entries = list_feedback(store, person, half, start_month)
    if args.json:
        from leadtui.export.json import feedback_json

        echo_json(feedback_json(entries))
        return 0
    if not entries:
        add = hint(args, f'feedback add {person_word(person)} "what you saw" --kind strength')
        echo(f"no feedback for {person.display_name} yet; add some with {add}")
    for f in entries:
        private = "  (private)" if f.visibility is Visibility.PRIVATE else ""
        day = f.given_on.isoformat()
        echo(f"{f.id:>5}  {day}  {f.kind:<8}  {literal(f.text)}{private}")
    return 0


def _print_t3b3(view: T3B3View) -> None:
    from leadtui.domain.reviews import SLOTS, T3B3Side, side_name
    from leadtui.domain.text import literal

    t = view.t3b3
    if view.overdue:
        # "has a delivered T3B3 by the half's end. After that it is overdue."
        echo(f"OVERDUE: {view.half.label} has ended and this T3B3 was not delivered")
    elif t.dismissed_on is not None:
        echo(f"dismissed on {t.dismissed_on.isoformat()}: no longer overdue")
    removal = "yes" if t.remove_text else "no"
    delivered = f" on {t.delivered_on.isoformat()}" if t.delivered_on else ""
    echo(
        f"T3B3 for {view.person.display_name}, {view.half.label}: {t.status_text()}{delivered} "
        f"(remove the text after delivery: {removal})"
    )
    if t.text_removed:
        echo("  the text was removed after delivery; only the fact is kept")
    for side in (T3B3Side.TOP, T3B3Side.BOTTOM):
        items = t.side(side)
        echo(f"{side_name(side)} ({len(items)}/{SLOTS})")
        for item in items:
            line = f"  {item.rank}. {literal(item.text)}"
            if side is T3B3Side.BOTTOM:
                link = view.linked.get(item.id)
                if link and item.raised:
                    line += f"  [raised before: {link.kind} {link.id}, {link.on.isoformat()}]"
                elif link:
                    # Linked, but by the one rule the board and the exports read it is
                    # not raised before: praise, a note never told, a point not discussed.
                    line += (
                        f"  [would be a surprise: linked to {link.kind} {link.id}, "
                        f"{link.on.isoformat()}, which does not count as raised before]"
                    )
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
            echo(f"  - {literal(c.previous.text)}: {c.outcome}")


def t3b3_show(args: argparse.Namespace) -> int:
    from leadtui.services.reviews import t3b3_view

    half, start_month = review_half(args)
    person, store = person_and_store(args)
    view = t3b3_view(store, person, half, start_month, today_from_env())
    if args.json:
        from leadtui.export.json import t3b3_json

        echo_json(t3b3_json(view))
    else:
        _print_t3b3(view)
    return 0


def t3b3_set(args: argparse.Namespace) -> int:
    from leadtui.domain.reviews_input import T3B3ListsDraft
    from leadtui.domain.validation import build
    from leadtui.services.reviews import set_remove_text, set_t3b3_lists, t3b3_view

    if args.top is None and args.bottom is None and args.remove_text is None:
        raise InputError(
            'give --top TEXT and/or --bottom TEXT (up to three each), e.g. --top "Clear writing"'
        )
    today = today_from_env()
    half, start_month = review_half(args)
    lists = build(T3B3ListsDraft, top=args.top, bottom=args.bottom)
    person, store = person_and_store(args)
    notices = set()
    if lists.top is not None or lists.bottom is not None:
        changed = set_t3b3_lists(store, person, half, lists, today=today, start_month=start_month)
        notices.add(changed.notice)
    if args.remove_text is not None:
        changed = set_remove_text(
            store, person, half, args.remove_text, today=today, start_month=start_month
        )
        notices.add(changed.notice)
    for notice in notices:
        note(notice)
    _print_t3b3(t3b3_view(store, person, half, start_month))
    return 0


def t3b3_deliver(args: argparse.Namespace) -> int:
    from leadtui.domain.reviews_input import DeliveryDraft
    from leadtui.domain.validation import build
    from leadtui.services.reviews import deliver_t3b3

    today = today_from_env()
    draft = build(DeliveryDraft, today=today, day=args.day, in_person=not args.not_in_person)
    half, start_month = review_half(args)
    person, store = person_and_store(args)
    t3b3, surprises, notice = deliver_t3b3(store, person, half, draft, start_month=start_month)
    note(notice)
    echo(
        f"T3B3 for {person.display_name}, {half.label}: delivered {t3b3.delivery} "
        f"on {draft.day.isoformat()}"
        + ("; the text was removed, the fact is kept" if t3b3.text_removed else "")
    )
    if surprises:
        ranks = ", ".join(str(i.rank) for i in surprises)
        sys.stderr.write(
            f"leadtui: note: Bottom {ranks} had not been raised with them before "
            "(no linked growth feedback or discussed 1:1 point): they came as a surprise\n"
        )
    if not t3b3.in_person:
        sys.stderr.write(
            "leadtui: note: T3B3 is meant to be delivered in person; recorded as not in person\n"
        )
    if t3b3.text_removed:
        # The command line does not ask; it says what cannot be taken back.
        note(
            "the six texts were removed with the delivery; "
            f"{hint(args, f't3b3 undeliver {person_word(person)} --half {half.label}')} "
            "brings the T3B3 back with empty items"
        )
    return 0


def t3b3_undeliver(args: argparse.Namespace) -> int:
    from leadtui.services.reviews import TEXT_GONE, undeliver_t3b3

    half, _ = review_half(args)
    person, store = person_and_store(args)
    t3b3, text_was_removed, notice = undeliver_t3b3(store, person, half)
    note(notice)
    echo(
        f"T3B3 for {person.display_name}, {half.label}: no longer delivered; "
        f"now {t3b3.status_text()}"
    )
    if text_was_removed:
        note(TEXT_GONE)
    return 0


def t3b3_link(args: argparse.Namespace) -> int:
    from leadtui.domain.reviews import EvidenceKind
    from leadtui.services.reviews import link_t3b3_item, t3b3_view, unlink_t3b3_item

    if args.unlink and (args.feedback is not None or args.point is not None):
        raise InputError("--unlink takes no --feedback or --point")
    if not args.unlink and (args.feedback is None) == (args.point is None):
        raise InputError("give one of --feedback ID or --point ID (see `t3b3 show`), or --unlink")
    today = today_from_env()
    half, start_month = review_half(args)
    person, store = person_and_store(args)
    if args.unlink:
        changed = unlink_t3b3_item(
            store, person, half, args.rank, today=today, start_month=start_month
        )
    else:
        kind, wanted = (
            (EvidenceKind.FEEDBACK, args.feedback)
            if args.feedback is not None
            else (EvidenceKind.POINT, args.point)
        )
        try:
            changed = link_t3b3_item(
                store, person, half, args.rank, kind, wanted, today=today, start_month=start_month
            )
        except InputError as exc:
            if exc.field != "evidence":
                raise
            # The command that lists what may be linked: a hint for the shell only.
            raise InputError(
                f"{exc.message}; see {hint(args, f't3b3 show {person_word(person)}')} "
                "for candidates",
                exc.field,
                also=exc.also,
                words=exc.words,
            ) from None
    note(changed.notice)
    _print_t3b3(t3b3_view(store, person, half, start_month))
    return 0


def t3b3_focus(args: argparse.Namespace) -> int:
    """Bottom item N becomes the person's succession focus: "give them at least one of
    those areas to focus on in each review"."""
    from leadtui.domain.dates import parse_half
    from leadtui.domain.text import literal
    from leadtui.services.succession import focus_on_bottom

    today = today_from_env()
    half, start_month = review_half(args)
    for_half = (
        parse_half(args.for_half, today, start_month, field="--for")
        if args.for_half is not None
        else None
    )
    person, store = person_and_store(args)
    result = focus_on_bottom(
        store, person, half, args.rank, today=today, start_month=start_month, for_half=for_half
    )
    note(result.notice)
    echo(
        f"focus for {person.display_name}, {result.focus.half} "
        f"(id {result.focus.id}): {literal(result.focus.text)}"
    )
    return 0


def t3b3_dismiss(args: argparse.Namespace) -> int:
    """Set aside an overdue T3B3 (a half that will not be reviewed): "every active
    direct report ... has a delivered T3B3 by the half's end. After that it is overdue."
    """
    from leadtui.domain.dates import half_of, parse_half
    from leadtui.services.reviews import dismiss_t3b3

    today = today_from_env()
    _, start_month = review_half(args)
    # The default is the half that ended last: the one a T3B3 can be overdue for.
    half = (
        parse_half(args.half, today, start_month, field="--half")
        if args.half is not None
        else half_of(today, start_month).previous()
    )
    person, store = person_and_store(args)
    dismissed = dismiss_t3b3(store, person, half, today, start_month)
    note(dismissed.notice)
    echo(f"T3B3 for {person.display_name}, {half.label}: dismissed; no longer overdue")
    return 0


def register_feedback(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    """`leadtui feedback ...`: the feedback log."""
    fb_sub = parser.add_subparsers(title="feedback commands", metavar="ACTION", required=True)
    fb_add = fb_sub.add_parser("add", help="record feedback about a person", parents=[common])
    fb_add.add_argument("person", metavar="PERSON")
    fb_add.add_argument("text", metavar="TEXT")
    fb_add.add_argument("--kind", default="strength", help="strength | growth (strength)")
    fb_add.add_argument("--date", dest="day", metavar="DATE", help="given on (today)")
    fb_add.add_argument("--private", action="store_true", help="never in a shared export")
    fb_add.set_defaults(handler=feedback_add)
    fb_list = fb_sub.add_parser("list", help="a person's feedback log", parents=[common])
    fb_list.add_argument("person", metavar="PERSON")
    fb_list.add_argument("--half", metavar="H", help="only this half, e.g. 2026-H2")
    fb_list.add_argument("--json", action="store_true")
    fb_list.set_defaults(handler=feedback_list)
    fb_edit = fb_sub.add_parser(
        "edit", help="change a feedback entry (see `feedback list` for ids)", parents=[common]
    )
    fb_edit.add_argument("id", metavar="ID", type=record_id)
    fb_edit.add_argument("--text", metavar="TEXT")
    fb_edit.add_argument("--kind", help="strength | growth")
    fb_edit.add_argument("--date", dest="day", metavar="DATE", help="given on")
    fb_edit.add_argument("--private", dest="visibility", action="store_const", const="private")
    fb_edit.add_argument("--shared", dest="visibility", action="store_const", const="shared")
    fb_edit.add_argument("--person", metavar="PERSON", help="move it to another person")
    fb_edit.set_defaults(handler=feedback_edit, visibility=None)
    fb_remove = fb_sub.add_parser("remove", help="remove a feedback entry", parents=[common])
    fb_remove.add_argument("id", metavar="ID", type=record_id)
    fb_remove.set_defaults(handler=feedback_remove)


def register_t3b3(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    """`leadtui t3b3 ...`: a half's Top and Bottom lists and their delivery."""
    t3_sub = parser.add_subparsers(title="t3b3 commands", metavar="ACTION", required=True)
    t3_set = t3_sub.add_parser("set", help="replace the Top and/or Bottom list", parents=[common])
    t3_set.add_argument("person", metavar="PERSON")
    t3_set.add_argument("--half", metavar="H", help="e.g. 2026-H2 (this half)")
    t3_set.add_argument("--top", action="append", metavar="TEXT", help="a strength (repeat: 3)")
    t3_set.add_argument(
        "--bottom", action="append", metavar="TEXT", help="an area to grow (repeat: 3)"
    )
    t3_set.add_argument(
        "--remove-text-after-delivery",
        dest="remove_text",
        action="store_const",
        const=True,
        help="delivering deletes the six texts and keeps only the fact",
    )
    t3_set.add_argument(
        "--keep-text", dest="remove_text", action="store_const", const=False, help="(default)"
    )
    t3_set.set_defaults(handler=t3b3_set, remove_text=None)
    t3_deliver = t3_sub.add_parser(
        "deliver", help="record delivery (needs 3 + 3)", parents=[common]
    )
    t3_deliver.add_argument("person", metavar="PERSON")
    t3_deliver.add_argument("--half", metavar="H", help="e.g. 2026-H2 (this half)")
    t3_deliver.add_argument("--date", dest="day", metavar="DATE", help="delivered on (today)")
    t3_deliver.add_argument("--not-in-person", action="store_true")
    t3_deliver.set_defaults(handler=t3b3_deliver)
    t3_undeliver = t3_sub.add_parser(
        "undeliver", help="take back a delivery recorded by mistake", parents=[common]
    )
    t3_undeliver.add_argument("person", metavar="PERSON")
    t3_undeliver.add_argument("--half", metavar="H", help="e.g. 2026-H2 (this half)")
    t3_undeliver.set_defaults(handler=t3b3_undeliver)
    t3_show = t3_sub.add_parser(
        "show", help="the T3B3 with surprise flags and last half", parents=[common]
    )
    t3_show.add_argument("person", metavar="PERSON")
    t3_show.add_argument("--half", metavar="H", help="e.g. 2026-H2 (this half)")
    t3_show.add_argument("--json", action="store_true")
    t3_show.set_defaults(handler=t3b3_show)
    t3_link = t3_sub.add_parser(
        "link", help="link a Bottom item to earlier feedback or a 1:1 point", parents=[common]
    )
    t3_link.add_argument("person", metavar="PERSON")
    t3_link.add_argument("rank", metavar="N", type=int, help="Bottom item 1–3")
    t3_link.add_argument("--half", metavar="H", help="e.g. 2026-H2 (this half)")
    t3_link.add_argument("--feedback", type=record_id, metavar="ID")
    t3_link.add_argument("--point", type=record_id, metavar="ID")
    t3_link.add_argument("--unlink", action="store_true")
    t3_link.set_defaults(handler=t3b3_link)

    t3_focus = t3_sub.add_parser(
        "focus",
        help="make a Bottom item the person's succession focus",
        parents=[common],
    )
    t3_focus.add_argument("person", metavar="PERSON")
    t3_focus.add_argument("rank", metavar="N", type=int, help="Bottom item 1–3")
    t3_focus.add_argument("--half", metavar="H", help="the T3B3's half, e.g. 2026-H2 (this half)")
    t3_focus.add_argument(
        "--for", dest="for_half", metavar="H", help="the focus's half (this half, or the T3B3's)"
    )
    t3_focus.set_defaults(handler=t3b3_focus)

    t3_dismiss = t3_sub.add_parser(
        "dismiss",
        help="set aside an overdue T3B3 (an ended half's, not delivered)",
        parents=[common],
    )
    t3_dismiss.add_argument("person", metavar="PERSON")
    t3_dismiss.add_argument("--half", metavar="H", help="e.g. 2026-H1 (the half that ended last)")
    t3_dismiss.set_defaults(handler=t3b3_dismiss)
