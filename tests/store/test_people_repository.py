from __future__ import annotations

import pytest

from leadtui.domain.people import Relation
from leadtui.domain.people_input import PersonDraft
from leadtui.errors import AmbiguousError, InputError, NotFoundError
from leadtui.store.database import Store
from leadtui.store.people import PeopleRepository
from tests.helpers import TODAY


def test_add_edit_archive_unarchive(db: Store) -> None:
    repo = PeopleRepository(db)
    sam = repo.add(PersonDraft(name="Sam Okafor", relation=Relation.REPORT, team="Payments"))
    edited = repo.update(sam.id, PersonDraft(name="Sam Okafor", title="Staff Engineer"))
    assert edited.title == "Staff Engineer"
    assert edited.team is None
    archived = repo.archive(sam.id, TODAY)
    assert archived.archived_on == TODAY
    assert repo.list() == []
    assert [p.id for p in repo.list(include_archived=True)] == [sam.id]
    assert repo.unarchive(sam.id).active


def test_duplicate_active_name_is_refused_case_insensitively(db: Store) -> None:
    repo = PeopleRepository(db)
    repo.add(PersonDraft(name="Sam Okafor"))
    with pytest.raises(InputError, match="already an active person"):
        repo.add(PersonDraft(name="sam okafor"))
    assert repo.count() == 1


def test_archived_namesake_allows_a_new_person_but_blocks_unarchive(db: Store) -> None:
    repo = PeopleRepository(db)
    old = repo.add(PersonDraft(name="Sam"))
    repo.archive(old.id, TODAY)
    repo.add(PersonDraft(name="Sam"))
    with pytest.raises(InputError, match="already an active person"):
        repo.unarchive(old.id)


def test_resolve_by_id_exact_prefix_and_ambiguity(db: Store) -> None:
    repo = PeopleRepository(db)
    sam = repo.add(PersonDraft(name="Sam"))
    samantha = repo.add(PersonDraft(name="Samantha Lee"))
    repo.add(PersonDraft(name="Priya Iyer"))
    assert repo.resolve(str(samantha.id)).id == samantha.id
    assert repo.resolve("SAM").id == sam.id  # exact beats prefix
    assert repo.resolve("pri").name == "Priya Iyer"
    with pytest.raises(AmbiguousError) as info:
        repo.resolve("sa")
    assert "Sam (id" in info.value.message and "Samantha Lee (id" in info.value.message
    with pytest.raises(NotFoundError):
        repo.resolve("nobody")


def test_sort_by_relation_puts_reports_first(db: Store) -> None:
    repo = PeopleRepository(db)
    repo.add(PersonDraft(name="Ana", relation=Relation.MANAGER))
    repo.add(PersonDraft(name="Zed", relation=Relation.REPORT))
    assert [p.name for p in repo.list(order="relation")] == ["Zed", "Ana"]
    assert [p.name for p in repo.list(order="name")] == ["Ana", "Zed"]
