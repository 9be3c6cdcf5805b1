"""Names are one name by Unicode case folding, for people and capacities alike; people
an earlier version stored with one name are kept, flagged, and told apart by id."""

from __future__ import annotations

from datetime import date

import pytest

from leadtui.domain.people_input import PersonDraft
from leadtui.domain.rotations_input import CapacityDraft
from leadtui.errors import AmbiguousError, InputError
from leadtui.services.people import (
    add_person,
    archive_person,
    list_people,
    namesake_notice,
    namesakes,
    resolve_person,
    unarchive_person,
    update_person,
)
from leadtui.services.rotations import add_capacity, find_capacity
from leadtui.store.database import Store, write_transaction
from tests.helpers import TODAY


def stored_as_before(db: Store, name: str) -> int:
    """A person row as an earlier version wrote it, past the rules of today's."""
    with write_transaction(db):
        cursor = db.execute(
            "insert into person (name, relation, created_at, updated_at) "
            "values (?, 'report', '2026-01-01T00:00:00', '2026-01-01T00:00:00')",
            [name],
        )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


@pytest.mark.parametrize(
    ("first", "second"),
    [("Émile Roy", "émile roy"), ("Strasse", "STRAßE"), ("Ｓａｍ", "sam")],
)
def test_a_name_differing_only_in_case_or_form_is_refused(
    db: Store, first: str, second: str
) -> None:
    kept = add_person(db, PersonDraft(name=first))
    with pytest.raises(InputError, match="already an active person") as info:
        add_person(db, PersonDraft(name=second))
    assert f"id {kept.id}" in info.value.message
    other = add_person(db, PersonDraft(name="Someone Else"))
    with pytest.raises(InputError, match="already an active person"):
        update_person(db, other.id, PersonDraft(name=second))
    assert sorted(p.name for p in list_people(db)) == sorted([first, "Someone Else"])


def test_unarchive_refuses_when_a_folded_namesake_took_the_name(db: Store) -> None:
    old = add_person(db, PersonDraft(name="Émile Roy"))
    archive_person(db, old.id, TODAY)
    add_person(db, PersonDraft(name="ÉMILE ROY"))
    with pytest.raises(InputError, match="rename one of them first"):
        unarchive_person(db, old.id)


def test_a_capacity_name_differing_only_by_case_folding_is_refused(db: Store) -> None:
    add_capacity(db, CapacityDraft(name="STRASSE", starts_on=date(2026, 1, 1)), TODAY)
    with pytest.raises(InputError, match="a capacity named 'STRASSE' exists"):
        add_capacity(db, CapacityDraft(name="straße", starts_on=date(2026, 1, 1)), TODAY)
    assert find_capacity(db, "Straße").name == "STRASSE"


def test_the_matcher_folds_like_the_rule(db: Store) -> None:
    strasse = add_person(db, PersonDraft(name="Anna Straße"))
    assert resolve_person(db, "anna strasse") == strasse
    assert resolve_person(db, "ANNA STRAS") == strasse  # a prefix, folded
    assert resolve_person(db, "ａｎｎａ") == strasse


def test_stored_namesakes_are_kept_flagged_and_named_only_by_id(db: Store) -> None:
    first = stored_as_before(db, "Émile Roy")
    second = stored_as_before(db, "émile roy")
    groups = namesakes(list_people(db))
    assert [[p.id for p in g.people] for g in groups] == [[first, second]]
    notice = namesake_notice(groups[0])
    assert notice.startswith("two people share the name 'Émile Roy'")
    assert f"(id {first})" in notice and f"(id {second})" in notice
    assert f"leadtui people edit {second} --name" in notice
    for typed in ("Émile Roy", "émile roy", "EMILE"[:0] + "émile"):
        with pytest.raises(AmbiguousError) as info:
            resolve_person(db, typed)
        assert f"(id {first})" in info.value.message and f"(id {second})" in info.value.message
        assert "give the id" in info.value.message
    assert resolve_person(db, str(second)).name == "émile roy"


def test_an_archived_namesake_is_no_clash(db: Store) -> None:
    first = stored_as_before(db, "Émile Roy")
    stored_as_before(db, "émile roy")
    archive_person(db, first, TODAY)
    assert namesakes(list_people(db, include_archived=True)) == []
    assert resolve_person(db, "Émile Roy").name == "émile roy"
