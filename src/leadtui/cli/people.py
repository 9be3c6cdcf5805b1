"""`leadtui people`: add, edit, archive and list people."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from leadtui.cli.common import (
    echo,
    echo_json,
    hint,
    note,
    open_store,
    person_and_store,
    today_from_env,
    with_db,
)
from leadtui.errors import InputError

if TYPE_CHECKING:
    import argparse

    from leadtui.domain.people import Person
    from leadtui.store.database import Store


def _person_fields(args: argparse.Namespace) -> dict[str, Any]:
    fields = {
        "name": args.name,
        "relation": args.relation,
        "title": args.title,
        "level": args.level,
        "team": args.team,
        "started_on": args.started,
        "email": getattr(args, "email", None),
    }
    return {key: value for key, value in fields.items() if value is not None}


def people_add(args: argparse.Namespace) -> int:
    """`people add NAME ...`."""
    from leadtui.domain.people_input import PersonDraft
    from leadtui.domain.validation import build
    from leadtui.services.people import add_person

    draft = build(PersonDraft, today=today_from_env(), **_person_fields(args))
    person = add_person(open_store(args), draft)
    echo(f"added {person.display_name} (id {person.id}, {person.relation.value})")
    return 0


def people_edit(args: argparse.Namespace) -> int:
    """`people edit PERSON --field VALUE ...`: only the given fields change."""
    from leadtui.domain.people_input import PersonDraft
    from leadtui.domain.validation import build
    from leadtui.services.people import edit_person, resolve_person

    today = today_from_env()
    changes = _person_fields(args)
    if not changes:
        raise InputError(
            "nothing to change; give at least one of --name, --relation, --title, "
            "--level, --team, --started, --email"
        )
    # Check the typed values before touching the database; the name is checked for real below.
    build(PersonDraft, today=today, **{"name": "placeholder", **changes})
    store = open_store(args, create=False)
    before = resolve_person(store, args.person)
    updated = edit_person(store, before, today, changes)
    echo(f"updated {updated.display_name} (id {updated.id})")
    propose_ending(store, before, updated)
    return 0


def propose_ending(store: Store, before: Person, after: Person) -> None:
    """Propose ending the 1:1 series of someone archived or no longer a report, with the
    command that does it: "I strongly recommend against these sorts of prolonged
    departures." Nothing is ended without the user."""
    from leadtui.cli.common import person_word
    from leadtui.services.oneonones import departure

    found = departure(store, before, after)
    if found is not None:
        note(f"{found.message()} End it with `leadtui 1on1 series {person_word(after)} --end`")


def people_archive(args: argparse.Namespace) -> int:
    """`people archive PERSON [--undo]`."""
    from leadtui.services.people import archive_person, resolve_person, unarchive_person

    store = open_store(args, create=False)
    person = resolve_person(store, args.person)
    if args.undo:
        person = unarchive_person(store, person.id)
        echo(f"unarchived {person.display_name} (id {person.id})")
    else:
        today = today_from_env()
        before = person
        person = archive_person(store, person.id, today)
        echo(f"archived {person.display_name} (id {person.id}); history kept")
        propose_ending(store, before, person)
        from leadtui.cli.rotations import left_behind_notes

        left_behind_notes(store, person.id, today, args)
    return 0


def people_list(args: argparse.Namespace) -> int:
    """`people list [--all] [--sort ...] [--json]`."""
    from leadtui.services.people import list_people, namesake_notice, namesakes

    people = list_people(open_store(args, create=False), include_archived=args.all, order=args.sort)
    if args.json:
        from leadtui.export.json import people_json

        echo_json(people_json(people))
        return 0
    if not people:
        add, demo = hint(args, "people add NAME"), hint(args, "demo")
        echo(f"no people yet; add one with {add} or try {demo}")
        return 0
    from leadtui.domain.text import display_width, literal, pad

    shared = namesakes(people)
    # Each of two people stored with one name is marked with the other's id.
    also = {
        p.id: ", ".join(str(o.id) for o in group.people if o.id != p.id)
        for group in shared
        for p in group.people
    }
    # The email column only when someone has an address: most lists have none to show.
    with_email = any(p.email for p in people)
    header = ("ID", "NAME", "RELATION", "TITLE", "LEVEL", "TEAM", "STARTED") + (
        ("EMAIL",) if with_email else ()
    )
    rows = [
        (
            str(p.id),
            literal(p.name)
            + ("" if p.active else " (archived)")
            + (f" ⚠ same name as id {also[p.id]}" if p.id in also else ""),
            p.relation.value,
            literal(p.title or ""),
            literal(p.level or ""),
            literal(p.team or ""),
            p.started_on.isoformat() if p.started_on else "",
        )
        + ((literal(p.email or ""),) if with_email else ())
        for p in people
    ]
    # Columns by terminal width, so names with emoji or CJK characters stay aligned.
    widths = [max(display_width(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        echo("  ".join(pad(cell, width) for cell, width in zip(row, widths, strict=True)).rstrip())
    for group in shared:
        echo(f"⚠ {with_db(namesake_notice(group), args)}")
    return 0


def register_people(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    """`leadtui people ...`: add, edit, archive and list people."""
    people_sub = parser.add_subparsers(title="people commands", metavar="ACTION", required=True)

    def person_options(p: argparse.ArgumentParser, *, name_flag: bool) -> None:
        if name_flag:
            p.add_argument("--name", help="new name")
        # Only a new person has a default relation; an edit keeps the one stored.
        choices = "report | peer | manager | skip | other"
        p.add_argument(
            "--relation",
            metavar="R",
            help=choices if name_flag else f"{choices} (default: report)",
        )
        p.add_argument("--title", metavar="T")
        p.add_argument("--level", metavar="L")
        p.add_argument("--team", metavar="T")
        p.add_argument("--started", metavar="DATE", help="start date (YYYY-MM-DD, today, ...)")

    add = people_sub.add_parser("add", help="add a person", parents=[common])
    add.add_argument("name", metavar="NAME")
    person_options(add, name_flag=False)
    add.set_defaults(handler=people_add)

    edit = people_sub.add_parser("edit", help="change a person's details", parents=[common])
    edit.add_argument("person", metavar="PERSON", help="id, name or unique name prefix")
    person_options(edit, name_flag=True)
    edit.set_defaults(handler=people_edit)

    # An optional address, matched against the attendees of an imported calendar.
    for with_email in (add, edit):
        with_email.add_argument(
            "--email", metavar="ADDRESS", help='e.g. sam@example.com ("" clears it)'
        )

    archive = people_sub.add_parser(
        "archive", help="archive someone who left (history kept)", parents=[common]
    )
    archive.add_argument("person", metavar="PERSON")
    archive.set_defaults(handler=people_archive, undo=False)
    unarchive = people_sub.add_parser(
        "unarchive", help="bring an archived person back", parents=[common]
    )
    unarchive.add_argument("person", metavar="PERSON")
    unarchive.set_defaults(handler=people_archive, undo=True)

    listing = people_sub.add_parser("list", help="list people", parents=[common])
    listing.add_argument("--all", action="store_true", help="include archived people")
    listing.add_argument("--sort", choices=("name", "relation"), default="name")
    listing.add_argument("--json", action="store_true", help="print one JSON document")
    listing.set_defaults(handler=people_list)

    # A person's private context (what they care about, feedback, goals, hours).
    context = people_sub.add_parser(
        "context",
        help="a person's private context: what they care about, feedback, goals, hours",
        parents=[common],
    )
    context.add_argument("person", metavar="PERSON")
    context.add_argument("--cares", metavar="TEXT", help="what they care about")
    context.add_argument("--feedback", metavar="TEXT", help="how they like to hear feedback")
    context.add_argument("--goals", metavar="TEXT", help="their goals")
    context.add_argument("--time-off", metavar="TEXT", help="time off and working hours")
    context.add_argument("--notes", metavar="TEXT", help="free notes ('' clears a field)")
    context.add_argument("--json", action="store_true", help="print one JSON document")
    context.set_defaults(handler=people_context)


# ----------------------------------------------------------------------
# `leadtui people context`: a person's private context, shown or set.


# flag destination -> context field
_FLAGS = {
    "cares": "cares_about",
    "feedback": "feedback_style",
    "goals": "goals",
    "time_off": "time_off",
    "notes": "notes",
}


def people_context(args: argparse.Namespace) -> int:
    """Show or set a person's private context."""
    from leadtui.domain.context_input import FIELDS
    from leadtui.domain.text import literal
    from leadtui.export.json import context_json
    from leadtui.services.context import person_context, set_context

    given = {field: getattr(args, flag) for flag, field in _FLAGS.items()}
    given = {field: value for field, value in given.items() if value is not None}
    person, store = person_and_store(args)
    if given:
        saved = set_context(store, person, today_from_env(), **given)
        note(saved.notice)
        context = saved.context
    else:
        context = person_context(store, person)
    if args.json:
        echo_json(context_json(person, context))
        return 0
    if given:
        echo(f"saved the private context of {person.display_name}")
    if context.empty:
        if not given:
            echo(f"no context written for {person.display_name}; set a field with --goals TEXT")
        return 0
    for name, words in FIELDS.items():
        text = getattr(context, name)
        if text:
            echo(f"{words}: {literal(text)}")
    return 0
