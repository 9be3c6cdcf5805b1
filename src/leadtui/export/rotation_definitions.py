"""A capacity's definition as TOML: what `rotation export-definition` writes.

The file is the mirror of :mod:`leadtui.imports.rotation_definitions`: a ``[capacity]``
table, a ``[[roster]]`` table per person and an ``[[exception]]`` table per exception,
with the keys that module reads back. Values are written by ``tomli-w``; this module only
chooses the tables and the keys, so no TOML escaping is written by hand.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from leadtui.domain.text import control_character

if TYPE_CHECKING:
    from leadtui.services.rotation_definitions import Definition

_HEADER = (
    "# A leadtui rotation: import it with `leadtui rotation import-definition FILE`.\n"
    "# Terms are computed from starts_on; only the exceptions below are stored.\n"
)
# Tabs and everything past ASCII: what tomli-w may leave raw inside a string.
_MAYBE_RAW = re.compile(r"[^\x00-\x08\x0a-\x7f]")


def _escaped(char: str) -> str:
    # tomli-w escapes C0 controls and DEL itself but writes tabs, C1 controls and the
    # bidi and line-separator characters as they are.
    return f"\\u{ord(char):04x}" if control_character(char) is not None else char


def toml_keys(table: Mapping[str, Any]) -> str:
    """``table``'s keys and values as TOML lines that tomllib reads back unchanged.

    tomli-w writes every string as a basic string ("..."), where ``\\uXXXX`` means the
    character itself, so the invisible and control characters it would leave raw are
    escaped too: the file stays plain text on a terminal or in a diff.
    """
    import tomli_w  # only an export of a definition writes TOML: start-up never pays

    text = tomli_w.dumps({k: v for k, v in table.items() if v is not None})
    return _MAYBE_RAW.sub(lambda m: _escaped(m.group()), text)


def definition_toml(definition: Definition) -> str:
    """A capacity, its roster and its exceptions, by people's names, as TOML."""
    c = definition.capacity
    capacity: dict[str, object] = {
        # The capacity's own id: every teammate who imports this file computes the same
        # calendar UIDs for its terms, whatever the capacity is called.
        "id": c.uid or None,
        "name": c.name,
        "description": c.description or None,
        "term_months": c.term_months,
        "seats": c.seats,
        "offset_months": c.offset_months,
        "starts_on": c.starts_on,
        "exposure": c.exposure or None,
        "active": c.active,
    }
    parts = [_HEADER, "[capacity]\n" + toml_keys(capacity)]
    for name, member in definition.members:
        entry: dict[str, object] = {
            "person": name,
            "joined_on": member.joined_on,
            "leaves_on": member.leaves_on,
            "out_of_rotation": member.out_of_rotation or None,
        }
        parts.append("[[roster]]\n" + toml_keys(entry))
    for e, person, other in definition.exceptions:
        exception: dict[str, object] = {
            "kind": e.kind.value,
            "on": e.on_date,
            "seat": e.seat,
            "person": person or None,
            "other_person": other or None,
        }
        parts.append("[[exception]]\n" + toml_keys(exception))
    return "\n".join(parts)
