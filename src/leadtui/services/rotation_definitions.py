"""A capacity's shared definition: its roster and exceptions by people's names.

A team keeps the definition in a shared repository so every member computes the same
schedule: :func:`definition` reads it out of the database for
:mod:`leadtui.export.rotation_definitions` to write as TOML, and
:func:`import_definition` stores one that :mod:`leadtui.imports.rotation_definitions`
read and validated through :class:`~leadtui.domain.rotations_input.DefinitionDraft`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from leadtui.domain.rotations import Capacity, Member, RotationException
from leadtui.domain.text import name_key, quoted
from leadtui.errors import InputError, NotFoundError
from leadtui.services.people import list_people
from leadtui.services.rotations import capacity_named
from leadtui.store.database import write_transaction
from leadtui.store.rotations import RotationRepository

if TYPE_CHECKING:
    from leadtui.domain.rotations_input import DefinitionDraft
    from leadtui.store.database import Store


def _names(store: Store) -> dict[int, str]:
    return {p.id: p.name for p in list_people(store, include_archived=True)}


class Definition(NamedTuple):
    """A capacity with its roster and exceptions, by people's names: what a team keeps in
    a shared repository so every member computes the same schedule."""

    capacity: Capacity
    members: list[tuple[str, Member]]
    exceptions: list[tuple[RotationException, str | None, str | None]]


def definition(store: Store, capacity: Capacity) -> Definition:
    """The capacity's definition with names in place of ids."""
    repo = RotationRepository(store)
    names = _names(store)
    return Definition(
        capacity,
        [(names[m.person_id], m) for m in repo.members(capacity.id)],
        [
            (e, names.get(e.person_id or 0), names.get(e.other_person_id or 0))
            for e in repo.exceptions(capacity.id)
        ],
    )


def import_definition(store: Store, draft: DefinitionDraft) -> Definition:
    """Store a definition read from a file (see :mod:`leadtui.imports.rotation_definitions`):
    the capacity is created or replaced with its roster and exceptions, in the file's
    order (a swap exchanges the places given before it). People are matched by name;
    unknown ones are refused, every name listed, and nothing is written."""
    people = {name_key(p.name): p for p in list_people(store)}
    wanted = [r.person for r in draft.roster]
    unknown = sorted({w for w in wanted if name_key(w) not in people}, key=name_key)
    if unknown:
        listed = ", ".join(quoted(u) for u in unknown)
        raise NotFoundError(
            f"the definition names people who are not here: {listed}; add them with "
            "people add (same names) and import again"
        )

    def who(name: str | None) -> int | None:
        return people[name_key(name)].id if name is not None else None

    c = draft.capacity
    repo = RotationRepository(store)
    with write_transaction(store):
        # The definition's id names the capacity wherever it was renamed; without one, its
        # name does (and the capacity keeps, or is given, an id of its own).
        named = capacity_named(store, c.name)
        existing = (repo.capacity_with_uid(c.id) if c.id else None) or named
        if existing is not None and named is not None and named.id != existing.id:
            raise InputError(
                f"the definition's id belongs to {quoted(existing.name)} here, but its name "
                f"{quoted(named.name)} is another capacity's; rename one and import again"
            )
        capacity = Capacity(
            existing.id if existing else 0, c.name, c.description, c.term_months, c.seats,
            c.offset_months, c.starts_on, c.exposure, c.active, c.id or "",
        )  # fmt: skip
        if existing is None:
            capacity = capacity._replace(id=repo.insert_capacity(capacity))
        else:
            repo.update_capacity(capacity)
            repo.clear_capacity(capacity.id)
        for r in draft.roster:
            repo.put_member(
                Member(capacity.id, people[name_key(r.person)].id, r.joined_on, r.leaves_on,
                       r.out_of_rotation)
            )  # fmt: skip
        repo.insert_exceptions(
            RotationException(
                0, capacity.id, e.kind, e.on, e.seat, who(e.person), who(e.other_person)
            )
            for e in draft.exceptions
        )
        capacity = repo.capacity(capacity.id) or capacity  # with the uid it now has
    return definition(store, capacity)
