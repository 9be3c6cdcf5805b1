"""People use cases: add, edit, archive, unarchive, find and list.

Both front ends call these; the rules (names unique among active people, how a
typed PERSON is resolved, what an archived person means for a new record) live
here once. The repository only reads and writes rows.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

from leadtui.domain.people import Person
from leadtui.domain.text import name_key, quoted
from leadtui.errors import AmbiguousError, InputError, NotFoundError
from leadtui.store.database import write_transaction
from leadtui.store.people import PeopleRepository, PersonOrder

if TYPE_CHECKING:
    from leadtui.domain.people_input import PersonDraft
    from leadtui.store.database import Store

__all__ = [
    "Namesakes",
    "PersonOrder",
    "add_person",
    "archive_person",
    "archived_notice",
    "count_people",
    "edit_person",
    "get_person",
    "list_people",
    "namesake_notice",
    "namesakes",
    "resolve_person",
    "unarchive_person",
    "update_person",
]
# SQLite stores ids as 64-bit integers: a longer number cannot be anyone's id.
_ID_DIGITS = 18
# How many matches an ambiguous name lists before "and N more".
_LISTED = 10


def list_people(
    store: Store, *, include_archived: bool = False, order: PersonOrder = "name"
) -> list[Person]:
    """People, active only unless ``include_archived``, by name or by relation."""
    return PeopleRepository(store).list(include_archived=include_archived, order=order)


def count_people(store: Store, *, include_archived: bool = True) -> int:
    """How many people are stored."""
    return PeopleRepository(store).count(include_archived=include_archived)


def get_person(store: Store, person_id: int) -> Person:
    """The person with this id, or :class:`NotFoundError`."""
    return PeopleRepository(store).get(person_id)


def _active_namesake(store: Store, name: str, except_id: int | None = None) -> Person | None:
    """The active person (other than ``except_id``) whose name is ``name`` by
    :func:`leadtui.domain.text.name_key`: any case in any script, any Unicode form.

    Compared here rather than by the database's index, which folds ASCII letters only
    ("Émile" and "émile" pass it)."""
    key = name_key(name)
    return next(
        (p for p in list_people(store) if p.id != except_id and name_key(p.name) == key), None
    )


def _refuse_duplicate(store: Store, name: str, except_id: int | None = None) -> None:
    """Names are unique among active people, by :func:`leadtui.domain.text.name_key`."""
    taken = _active_namesake(store, name, except_id)
    if taken is not None:
        raise InputError(
            f"name: {quoted(taken.name)} is already an active person (id {taken.id}); "
            "use a distinct name, e.g. add a last initial",
            field="name",
        )


def add_person(store: Store, draft: PersonDraft) -> Person:
    """Store a new active person; a name or an address already in use by an active person
    is refused."""
    with write_transaction(store, f"added {draft.name}"):
        _refuse_duplicate(store, draft.name)
        if draft.email is not None:
            _refuse_taken_email(store, draft.email)
        new_id = PeopleRepository(store).insert(draft)
    return get_person(store, new_id)


def _refuse_taken_email(store: Store, address: str, except_id: int | None = None) -> None:
    """Addresses are unique among active people (case folded): calendar imports match
    attendees by them, so two people with one address would make a match ambiguous."""
    for other in PeopleRepository(store).with_email(address):
        if other.active and other.id != except_id:
            raise InputError(
                f"email: {quoted(address)} is already {other.display_name}'s (id {other.id})",
                field="email",
            )


def person_with_email(store: Store, address: str) -> Person | None:
    """The active person whose address is ``address`` (case folded), or None."""
    return next((p for p in PeopleRepository(store).with_email(address) if p.active), None)


def update_person(store: Store, person_id: int, draft: PersonDraft) -> Person:
    """Replace a person's editable fields (email included) with ``draft`` (a form's whole
    record)."""
    repo = PeopleRepository(store)
    with write_transaction(store):
        current = get_person(store, person_id)
        if current.active:
            _refuse_duplicate(store, draft.name, except_id=person_id)
            if draft.email is not None:
                _refuse_taken_email(store, draft.email, except_id=person_id)
        repo.update(person_id, draft)
    return get_person(store, person_id)


def edit_person(store: Store, person: Person, today: date, changes: dict[str, Any]) -> Person:
    """Change only the fields in ``changes`` (typed text or values; an empty email clears
    the address); the rest stay. All or nothing, in one transaction.

    Nothing to change is refused: there is nothing to do.
    """
    from leadtui.domain.people_input import PersonDraft, draft_from
    from leadtui.domain.validation import build

    if not changes:
        raise InputError(
            "nothing to change; give at least one of name, relation, title, level, team, "
            "start date, email"
        )
    fields = {**draft_from(person).model_dump(), **changes}
    return update_person(store, person.id, build(PersonDraft, today=today, **fields))


def archive_person(store: Store, person_id: int, today: date) -> Person:
    """Mark a person as gone on ``today``; their history stays."""
    with write_transaction(store):
        person = get_person(store, person_id)
        if not person.active:
            raise InputError(f"{person.display_name} is already archived")
        PeopleRepository(store).set_archived(person_id, today)
    return get_person(store, person_id)


def unarchive_person(store: Store, person_id: int) -> Person:
    """Bring an archived person back, unless an active person has taken the name since."""
    repo = PeopleRepository(store)
    with write_transaction(store):
        person = get_person(store, person_id)
        if person.active:
            raise InputError(f"{person.display_name} is not archived")
        taken = _active_namesake(store, person.name, except_id=person_id)
        if taken is not None:
            raise InputError(
                f"name: {quoted(taken.name)} is already an active person (id {taken.id}); "
                "rename one of them first"
            )
        repo.set_archived(person_id, None)
    return get_person(store, person_id)


def archived_notice(person: Person) -> str | None:
    """What to tell a person recording something about an archived colleague, or None.

    Recording stays allowed (history is kept), but both front ends say so.
    """
    if person.active or person.archived_on is None:
        return None
    return (
        f"{person.display_name} was archived on {person.archived_on.isoformat()}; "
        "recorded in their history"
    )


class Namesakes(NamedTuple):
    """Active people who share one name (by :func:`leadtui.domain.text.name_key`):
    stored by an earlier version that compared case in ASCII letters only. They are kept,
    and shown flagged until one is renamed."""

    name: str
    people: tuple[Person, ...]


def namesakes(people: Iterable[Person]) -> list[Namesakes]:
    """Every group of two or more active people among ``people`` who share a name."""
    groups: dict[str, list[Person]] = {}
    for person in people:
        if person.active:
            groups.setdefault(name_key(person.name), []).append(person)
    return [
        Namesakes(group[0].name, tuple(sorted(group, key=lambda p: p.id)))
        for group in groups.values()
        if len(group) > 1
    ]


_COUNT_WORDS = {2: "two", 3: "three", 4: "four"}


def namesake_notice(group: Namesakes, *, rename: str | None = None) -> str:
    """One line saying who shares a name and how to tell them apart again. ``rename``
    is how the front end renames someone; the default is the command line's."""
    listed = ", ".join(f"{p.display_name} (id {p.id})" for p in group.people)
    count = _COUNT_WORDS.get(len(group.people), str(len(group.people)))
    how = rename or f"`leadtui people edit {group.people[-1].id} --name …`"
    return f"{count} people share the name {quoted(group.name)}: {listed}; rename one ({how})"


def _namesake_of(people: Iterable[Person], person: Person) -> Namesakes | None:
    """The group of active namesakes ``person`` belongs to, or None."""
    return next((g for g in namesakes(people) if person in g.people), None)


def resolve_person(store: Store, text: str, *, include_archived: bool = True) -> Person:
    """Find one person by id, exact name (any case) or unique name prefix.

    Active people win over archived namesakes; a numeric text is an id first and a
    name "42" only when no id 42 exists. Ambiguous input lists the matches.
    """
    query = text.strip()
    if not query:
        raise InputError("person is empty; give a name or an id")
    people = list_people(store, include_archived=include_archived)
    # ASCII digits only: "²" passes str.isdigit() but is no id, so it is read as a name.
    if query.isascii() and query.isdigit():
        fits = len(query) <= _ID_DIGITS
        by_id = [p for p in people if fits and p.id == int(query)]
        named = [p for p in people if p.name == query]
        # An id wins; a person literally named "42" is still reachable when no id 42 exists.
        if by_id or not named:
            if by_id:
                return by_id[0]
            if fits:
                return get_person(store, int(query))
            raise NotFoundError(f"no person with id {quoted(query)}; list everyone to find the id")
    folded = name_key(query)
    exact = [p for p in people if name_key(p.name) == folded]
    prefix = exact or [p for p in people if name_key(p.name).startswith(folded)]
    active = [p for p in prefix if p.active]
    matches = active or prefix
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise NotFoundError(f"no person matches {quoted(query)}; list everyone to find the name")
    shared = _namesake_of(matches, matches[0])
    if shared is not None and len(shared.people) == len(matches):
        # Two active people with one name: only an id tells them apart.
        raise AmbiguousError(f"{namesake_notice(shared)}; until then give the id", field="person")
    listed = ", ".join(f"{p.display_name} (id {p.id})" for p in matches[:_LISTED])
    more = f" and {len(matches) - _LISTED} more" if len(matches) > _LISTED else ""
    raise AmbiguousError(
        f"{quoted(query)} matches {len(matches)} people: {listed}{more}; "
        "type more of the name or an id"
    )
