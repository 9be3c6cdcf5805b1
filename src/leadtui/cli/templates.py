"""`leadtui template`: agenda templates (`1on1 template` is in cli/oneonones.py).

The built-in templates and the user's TOML files in ``<config>/templates`` are listed
and shown by `template`; `1on1 template PERSON NAME` adds one's talking points to the
person's next session, skipping those already open. A template file that does not
pass is refused in one line that names it (exit 2), so a typo is never silently lost.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from leadtui.cli.common import (
    echo,
    echo_json,
    locations_for,
)
from leadtui.errors import InputError

if TYPE_CHECKING:
    import argparse

    from leadtui.imports.agenda_templates import Catalog


def template_catalog(args: argparse.Namespace) -> Catalog:
    """Every template; a refused template file stops the command with its one line."""
    from leadtui.imports.agenda_templates import catalog

    found = catalog(locations_for(args).config_dir)
    if found.problems:
        raise InputError(f"{found.problems[0]}; fix or remove the file")
    return found


def template_list(args: argparse.Namespace) -> int:
    """List the templates: name, relation and description (or one JSON document)."""
    from leadtui.domain.text import literal
    from leadtui.export.json import templates_document

    found = template_catalog(args)
    if args.json:
        echo_json(templates_document(found.templates))
        return 0
    width = max(len(t.name) for t in found.templates)
    for template in found.templates:
        relation = template.relation.value if template.relation else "any"
        echo(f"{template.name:<{width}}  {relation:<7}  {literal(template.description)}")
    return 0


def template_show(args: argparse.Namespace) -> int:
    """One template's description and talking points."""
    from leadtui.domain.text import literal

    template = template_catalog(args).named(args.name)
    relation = template.relation.value if template.relation else "any relation"
    echo(f"{template.name} ({relation}): {literal(template.description)}")
    for number, point in enumerate(template.points, start=1):
        echo(f"  {number}. {literal(point)}")
    return 0


def register_template(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    """The `template` group's parser."""
    template_sub = parser.add_subparsers(title="template commands", metavar="ACTION", required=True)
    listing = template_sub.add_parser(
        "list", help="the built-in templates and yours (config folder/templates)", parents=[common]
    )
    listing.add_argument("--json", action="store_true", help="print one JSON document")
    listing.set_defaults(handler=template_list)
    show = template_sub.add_parser("show", help="a template's talking points", parents=[common])
    show.add_argument("name", metavar="NAME")
    show.set_defaults(handler=template_show)
