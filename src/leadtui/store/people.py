"""People repository: add, edit, archive, unarchive, list and find by name."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Literal

from leadtui.domain.people import Person
from leadtui.domain.text import quoted
from leadtui.errors import AmbiguousError, InputError, NotFoundError
from leadtui.store.database import write_transaction

if TYPE_CHECKING:
    from leadtui.domain.people_input import PersonDraft
    from leadtui.store.database import Store

PersonOrder = Literal["name", "relation"]
# SQLite stores ids as 64-bit integers: a longer number cannot be anyone's id.
_ID_DIGITS = 18
_COLUMNS = "id, name, relation, title, level, team, started_on, archived_on"
_ORDER_SQL = {
    "name": "name COLLATE NOCASE, id",
    "relation": (
        "CASE relation WHEN 'report' THEN 0 WHEN 'peer' THEN 1 WHEN 'manager' THEN 2 "
        "WHEN 'skip' THEN 3 ELSE 4 END, name COLLATE NOCASE, id"
    ),
}


def _person(row: tuple[Any, ...]) -> Person:
    return Person.from_row(row)


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


class PeopleRepository:
    """All reads and writes of the person table."""

    def __init__(self, db: Store) -> None:
        self.db = db

    def _name_taken(self, name: str, except_id: int | None = None) -> Person | None:
        row = self.db.execute(
            f"select {_COLUMNS} from person where archived_on is null "
            "and name = ? collate nocase and id is not ?",
            [name, except_id],
        ).fetchone()
        return _person(row) if row else None

    def _refuse_duplicate(
        self, name: str, except_id: int | None = None, *, advice: str | None = None
    ) -> None:
        taken = self._name_taken(name, except_id)
        if taken:
            raise InputError(
                f"name: {quoted(taken.name)} is already an active person (id {taken.id}); "
                + (advice or "use a distinct name, e.g. add a last initial"),
                field="name",
            )

    def add(self, draft: PersonDraft) -> Person:
        """Store a new active person."""
        with write_transaction(self.db):
            self._refuse_duplicate(draft.name)
            stamp = _now()
            cursor = self.db.execute(
                "insert into person (name, relation, title, level, team, started_on, "
                "created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    draft.name,
                    draft.relation.value,
                    draft.title,
                    draft.level,
                    draft.team,
                    draft.started_on.isoformat() if draft.started_on else None,
                    stamp,
                    stamp,
                ],
            )
            new_id = cursor.lastrowid
        assert new_id is not None
        return self.get(new_id)

    def update(self, person_id: int, draft: PersonDraft) -> Person:
        """Replace the editable fields of a person."""
        with write_transaction(self.db):
            current = self.get(person_id)
            if current.active:
                self._refuse_duplicate(draft.name, except_id=person_id)
            self.db.execute(
                "update person set name = ?, relation = ?, title = ?, level = ?, team = ?, "
                "started_on = ?, updated_at = ? where id = ?",
                [
                    draft.name,
                    draft.relation.value,
                    draft.title,
                    draft.level,
                    draft.team,
                    draft.started_on.isoformat() if draft.started_on else None,
                    _now(),
                    person_id,
                ],
            )
        return self.get(person_id)

    def archive(self, person_id: int, today: date) -> Person:
        """Mark a person as gone; their history stays."""
        with write_transaction(self.db):
            person = self.get(person_id)
            if not person.active:
                raise InputError(f"{person.display_name} is already archived")
            self.db.execute(
                "update person set archived_on = ?, updated_at = ? where id = ?",
                [today.isoformat(), _now(), person_id],
            )
        return self.get(person_id)

    def unarchive(self, person_id: int) -> Person:
        """Bring an archived person back, unless an active person has taken the name."""
        with write_transaction(self.db):
            person = self.get(person_id)
            if person.active:
                raise InputError(f"{person.display_name} is not archived")
            self._refuse_duplicate(
                person.name,
                except_id=person_id,
                advice=f"rename one first, e.g. `leadtui people edit {person_id} --name ...`",
            )
            self.db.execute(
                "update person set archived_on = null, updated_at = ? where id = ?",
                [_now(), person_id],
            )
        return self.get(person_id)

    def get(self, person_id: int) -> Person:
        """The person with this id, or :class:`NotFoundError`."""
        row = self.db.execute(f"select {_COLUMNS} from person where id = ?", [person_id]).fetchone()
        if row is None:
            raise NotFoundError(f"no person with id {person_id}; see `leadtui people list --all`")
        return _person(row)

    def list(self, *, include_archived: bool = False, order: PersonOrder = "name") -> list[Person]:
        """People, active only unless ``include_archived``."""
        where = "" if include_archived else "where archived_on is null"
        rows = self.db.execute(
            f"select {_COLUMNS} from person {where} order by {_ORDER_SQL[order]}"
        ).fetchall()
        return [_person(row) for row in rows]

    def count(self, *, include_archived: bool = True) -> int:
        """How many people are stored."""
        where = "" if include_archived else "where archived_on is null"
        row = self.db.execute(f"select count(*) from person {where}").fetchone()
        return int(row[0])

    def resolve(self, text: str, *, include_archived: bool = True) -> Person:
        """Find one person by id, exact name (any case) or unique name prefix.

        Active people win over archived namesakes. Ambiguous input lists the matches.
        """
        query = text.strip()
        if not query:
            raise InputError("person is empty; give a name or an id (see `leadtui people list`)")
        people = self.list(include_archived=include_archived)
        # ASCII digits only: "²" passes str.isdigit() but is no id, so it is read as a name.
        if query.isascii() and query.isdigit():
            by_id = [p for p in people if len(query) <= _ID_DIGITS and p.id == int(query)]
            named = [p for p in people if p.name == query]
            # An id wins; a person literally named "42" is still reachable when no id 42 exists.
            if by_id or not named:
                if by_id:
                    return by_id[0]
                if len(query) <= _ID_DIGITS:
                    return self.get(int(query))
                raise NotFoundError(
                    f"no person with id {quoted(query)}; see `leadtui people list --all`"
                )
        folded = query.casefold()
        exact = [p for p in people if p.name.casefold() == folded]
        prefix = exact or [p for p in people if p.name.casefold().startswith(folded)]
        active = [p for p in prefix if p.active]
        matches = active or prefix
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise NotFoundError(
                f"no person matches {quoted(query)}; see `leadtui people list --all`"
            )
        listed = ", ".join(f"{p.display_name} (id {p.id})" for p in matches[:10])
        more = f" and {len(matches) - 10} more" if len(matches) > 10 else ""
        raise AmbiguousError(
            f"{quoted(query)} matches {len(matches)} people: {listed}{more}; "
            "type more of the name or an id"
        )
