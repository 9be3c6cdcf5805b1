"""People repository: person rows in and out (the rules are in ``services.people``)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, Literal

from leadtui.domain.dates import timestamp
from leadtui.domain.people import Person
from leadtui.errors import NotFoundError
from leadtui.store.database import write_transaction

if TYPE_CHECKING:
    from leadtui.domain.people_input import PersonDraft
    from leadtui.store.database import Store

PersonOrder = Literal["name", "relation"]
_COLUMNS = "id, name, relation, title, level, team, started_on, archived_on, email"
_ORDER_SQL = {
    "name": "name COLLATE NOCASE, id",
    "relation": (
        "CASE relation WHEN 'report' THEN 0 WHEN 'peer' THEN 1 WHEN 'manager' THEN 2 "
        "WHEN 'skip' THEN 3 ELSE 4 END, name COLLATE NOCASE, id"
    ),
}


def _person(row: tuple[Any, ...]) -> Person:
    return Person.from_row(row)


class PeopleRepository:
    """Rows of the person table, in and out. The rules live in ``services.people``."""

    def __init__(self, db: Store) -> None:
        self.db = db

    def insert(self, draft: PersonDraft) -> int:
        """Write a new person row; its id."""
        stamp = timestamp()
        cursor = self.db.execute(
            "insert into person (name, relation, title, level, team, started_on, email, "
            "created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [*_editable(draft), stamp, stamp],
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def add(self, draft: PersonDraft) -> Person:
        """Write a new person row and read it back (test and demo set-up; no checks)."""
        with write_transaction(self.db):
            new_id = self.insert(draft)
        return self.get(new_id)

    def update(self, person_id: int, draft: PersonDraft) -> None:
        """Replace the editable fields of a person row."""
        with write_transaction(self.db):
            self.db.execute(
                "update person set name = ?, relation = ?, title = ?, level = ?, team = ?, "
                "started_on = ?, email = ?, updated_at = ? where id = ?",
                [*_editable(draft), timestamp(), person_id],
            )

    def with_email(self, email: str) -> list[Person]:
        """People (archived ones too) whose address is ``email``, case folded."""
        rows = self.db.execute(
            f"select {_COLUMNS} from person where email = ? collate nocase order by id",
            [email],
        ).fetchall()
        return [_person(row) for row in rows]

    def set_archived(self, person_id: int, day: date | None) -> None:
        """Set (or with None clear) the day a person was archived."""
        with write_transaction(self.db):
            self.db.execute(
                "update person set archived_on = ?, updated_at = ? where id = ?",
                [day.isoformat() if day else None, timestamp(), person_id],
            )

    def find(self, person_id: int) -> Person | None:
        """The person row with this id, or None."""
        row = self.db.execute(f"select {_COLUMNS} from person where id = ?", [person_id]).fetchone()
        return _person(row) if row else None

    def get(self, person_id: int) -> Person:
        """The person row with this id, or :class:`NotFoundError`."""
        person = self.find(person_id)
        if person is None:
            raise NotFoundError(f"no person with id {person_id}; list everyone to find the id")
        return person

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


def _editable(draft: PersonDraft) -> list[object]:
    """A draft's values for the columns a person edits, in the order both writes name
    them (name, relation, title, level, team, started_on, email)."""
    return [
        draft.name,
        draft.relation.value,
        draft.title,
        draft.level,
        draft.team,
        draft.started_on.isoformat() if draft.started_on else None,
        draft.email,
    ]
