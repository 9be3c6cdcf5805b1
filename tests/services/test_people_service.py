"""People use cases: the rules both front ends rely on."""

from __future__ import annotations

from datetime import timedelta

import pytest

from leadtui.domain.people import Relation
from leadtui.domain.people_input import PersonDraft
from leadtui.errors import AmbiguousError, InputError, NotFoundError
from leadtui.services.people import (
    add_person,
    archive_person,
    archived_notice,
    count_people,
    edit_person,
    get_person,
    list_people,
    resolve_person,
    unarchive_person,
    update_person,
)
from leadtui.store.database import Store
from leadtui.store.people import PeopleRepository
from tests.helpers import TODAY


def test_add_edit_archive_unarchive(db: Store) -> None:
    sam = add_person(db, PersonDraft(name="Sam Okafor", relation=Relation.REPORT, team="Payments"))
    edited = update_person(db, sam.id, PersonDraft(name="Sam Okafor", title="Staff Engineer"))
    assert edited.title == "Staff Engineer"
    assert edited.team is None
    archived = archive_person(db, sam.id, TODAY)
    assert archived.archived_on == TODAY
    assert list_people(db) == []
    assert [p.id for p in list_people(db, include_archived=True)] == [sam.id]
    assert unarchive_person(db, sam.id).active
    with pytest.raises(InputError, match="not archived"):
        unarchive_person(db, sam.id)
    archive_person(db, sam.id, TODAY)
    with pytest.raises(InputError, match="already archived"):
        archive_person(db, sam.id, TODAY)


def test_edit_changes_only_the_given_fields(db: Store) -> None:
    sam = add_person(db, PersonDraft(name="Sam", team="Payments", level="L4"))
    edited = edit_person(db, sam, TODAY, {"title": "Staff Engineer", "started_on": "yesterday"})
    assert (edited.team, edited.level, edited.title) == ("Payments", "L4", "Staff Engineer")
    assert edited.started_on == TODAY - timedelta(days=1)
    with pytest.raises(InputError, match="nothing to change"):
        edit_person(db, sam, TODAY, {})
    with pytest.raises(InputError) as info:
        edit_person(db, sam, TODAY, {"relation": "boss"})
    assert info.value.field == "relation"
    assert get_person(db, sam.id).relation is Relation.REPORT


def test_duplicate_active_name_is_refused_case_insensitively(db: Store) -> None:
    add_person(db, PersonDraft(name="Sam Okafor"))
    with pytest.raises(InputError, match="already an active person") as info:
        add_person(db, PersonDraft(name="sam okafor"))
    assert info.value.field == "name"
    assert count_people(db) == 1
    other = add_person(db, PersonDraft(name="Ana"))
    with pytest.raises(InputError, match="already an active person"):
        update_person(db, other.id, PersonDraft(name="SAM OKAFOR"))
    assert get_person(db, other.id).name == "Ana"


def test_archived_namesake_allows_a_new_person_but_blocks_unarchive(db: Store) -> None:
    old = add_person(db, PersonDraft(name="Sam"))
    archive_person(db, old.id, TODAY)
    add_person(db, PersonDraft(name="Sam"))
    with pytest.raises(InputError, match="already an active person"):
        unarchive_person(db, old.id)
    assert not get_person(db, old.id).active


def test_resolve_by_id_exact_prefix_and_ambiguity(db: Store) -> None:
    sam = add_person(db, PersonDraft(name="Sam"))
    samantha = add_person(db, PersonDraft(name="Samantha Lee"))
    add_person(db, PersonDraft(name="Priya Iyer"))
    assert resolve_person(db, str(samantha.id)).id == samantha.id
    assert resolve_person(db, "SAM").id == sam.id  # exact beats prefix
    assert resolve_person(db, "pri").name == "Priya Iyer"
    with pytest.raises(AmbiguousError) as info:
        resolve_person(db, "sa")
    assert "Sam (id" in info.value.message and "Samantha Lee (id" in info.value.message
    with pytest.raises(NotFoundError):
        resolve_person(db, "nobody")
    with pytest.raises(NotFoundError):
        resolve_person(db, "9" * 30)  # longer than any id SQLite can hold
    with pytest.raises(InputError, match="empty"):
        resolve_person(db, "  ")


def test_a_person_named_like_a_number_is_reachable_when_no_such_id(db: Store) -> None:
    named = add_person(db, PersonDraft(name="42"))
    assert resolve_person(db, "42").id == named.id
    assert resolve_person(db, str(named.id)).id == named.id


def test_active_people_win_over_archived_namesakes(db: Store) -> None:
    old = add_person(db, PersonDraft(name="Sam"))
    archive_person(db, old.id, TODAY)
    new = add_person(db, PersonDraft(name="Sam"))
    assert resolve_person(db, "sam").id == new.id
    assert resolve_person(db, "sam", include_archived=True).id == new.id


def test_archived_notice_only_for_archived_people(db: Store) -> None:
    sam = add_person(db, PersonDraft(name="Sam"))
    assert archived_notice(sam) is None
    gone = archive_person(db, sam.id, TODAY)
    notice = archived_notice(gone)
    assert notice is not None and "archived on 2026-11-22" in notice


def test_sort_by_relation_puts_reports_first(db: Store) -> None:
    add_person(db, PersonDraft(name="Ana", relation=Relation.MANAGER))
    add_person(db, PersonDraft(name="Zed", relation=Relation.REPORT))
    assert [p.name for p in list_people(db, order="relation")] == ["Zed", "Ana"]
    assert [p.name for p in list_people(db, order="name")] == ["Ana", "Zed"]


def test_the_schema_backs_the_unique_name_rule(db: Store) -> None:
    """Even a write that skips the service cannot make two active namesakes."""
    import sqlite3

    repo = PeopleRepository(db)
    repo.add(PersonDraft(name="Sam"))
    with pytest.raises(sqlite3.IntegrityError):
        repo.add(PersonDraft(name="SAM"))
    assert repo.count() == 1
