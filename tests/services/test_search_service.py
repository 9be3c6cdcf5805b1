"""Search finds a word in every kind of text a person writes (a private one marked), keeps
up with edits through the triggers, filters by person, kind and day, sorts by date or
rank, and survives whatever is typed. The team is written through the command line, as
a user would."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leadtui.domain.search import SearchKind, SearchSort
from leadtui.errors import InputError
from leadtui.services.search import SearchHit, parse_kinds, search
from leadtui.store.database import Store, open_database
from tests.helpers import cli


def write(db_path: Path, *argv: str) -> None:
    ran = cli(*argv, "--db", str(db_path))
    assert ran.returncode == 0, ran.stderr


@pytest.fixture
def team(db_path: Path) -> Iterator[Store]:
    """Two people with one distinctive word in each kind of text."""

    def w(*argv: str) -> None:
        write(db_path, *argv)

    w("people", "add", "Sam Okafor", "--title", "Staff Zebrologist", "--team", "Quokkas")
    w("people", "add", "Ana Lima", "--started", "2024-01-10")
    w("1on1", "series", "Sam Okafor", "--weekday", "tuesday", "--start", "2026-10-01")
    w("1on1", "series", "Ana Lima", "--weekday", "monday", "--start", "2026-10-01")
    w("1on1", "add", "Sam Okafor", "Delegation of the pagerduty rotation")
    w("1on1", "add", "Sam Okafor", "Burnout worries", "--private")
    w("1on1", "action", "Sam Okafor", "Send the kumquat proposal")
    w("1on1", "notes", "Sam Okafor", "--shared", "talked marmalade", "--private", "seemed wistful")
    w("1on1", "discuss", "Sam Okafor", "1")
    w("1on1", "close", "Sam Okafor", "--date", "2026-11-17")
    w("1on1", "notes", "Sam Okafor", "--shared", "next time: gazpacho", "--private", "ask tuba")
    w("1on1", "add", "Ana Lima", "Delegation of hiring loops")
    w("feedback", "add", "Sam Okafor", "Great xylophone demo", "--date", "2026-09-03")
    w("feedback", "add", "Ana Lima", "Sharp ocelot review", "--private", "--date", "2026-10-01")
    w(
        "t3b3",
        "set",
        "Ana Lima",
        "--top",
        "Narwhal mentoring",
        "--top",
        "Docs",
        "--top",
        "Tests",
        "--bottom",
        "Estimates",
        "--bottom",
        "Focus",
        "--bottom",
        "Scope",
    )
    w(
        "energy",
        "log",
        "4",
        "walrus planning day",
        "--date",
        "2026-11-20",
        "--energized-by",
        "pairing on lemurs",
        "--drained-by",
        "budget spreadsheets",
    )
    w("energy", "work", "add", "Prototype the flamingo importer", "--date", "2026-11-19")
    store = open_database(db_path)
    yield store
    store.close()


def one(hits: list[SearchHit]) -> SearchHit:
    assert len(hits) == 1, hits
    return hits[0]


@pytest.mark.parametrize(
    ("word", "kind", "person", "private"),
    [
        ("okafor", SearchKind.PERSON, "Sam Okafor", False),
        ("zebrolog", SearchKind.PERSON, "Sam Okafor", False),  # title, a prefix
        ("quokkas", SearchKind.PERSON, "Sam Okafor", False),  # team
        ("pagerduty", SearchKind.POINT, "Sam Okafor", False),
        ("burnout", SearchKind.POINT, "Sam Okafor", True),
        ("kumquat", SearchKind.ACTION, "Sam Okafor", False),
        ("marmalade", SearchKind.NOTE, "Sam Okafor", False),
        ("wistful", SearchKind.NOTE, "Sam Okafor", True),
        ("gazpacho", SearchKind.DRAFT, "Sam Okafor", False),
        ("tuba", SearchKind.DRAFT, "Sam Okafor", True),
        ("xylophone", SearchKind.FEEDBACK, "Sam Okafor", False),
        ("ocelot", SearchKind.FEEDBACK, "Ana Lima", True),
        ("narwhal", SearchKind.T3B3, "Ana Lima", True),
        ("walrus", SearchKind.ENERGY, None, True),  # the day's note
        ("lemurs", SearchKind.ENERGY, None, True),  # what energized
        ("spreadsheets", SearchKind.ENERGY, None, True),  # what drained
        ("flamingo", SearchKind.WORK, None, True),
    ],
)
def test_each_kind_of_text_is_found(
    team: Store, word: str, kind: SearchKind, person: str | None, private: bool
) -> None:
    hit = one(search(team, word))
    assert (hit.kind, hit.person, hit.private) == (kind, person, private)
    assert any(matched and word in piece.lower() for piece, matched in hit.snippet.parts())


def test_hits_are_dated_where_they_happened(team: Store) -> None:
    assert one(search(team, "marmalade")).date == date(2026, 11, 17)  # the session
    assert one(search(team, "pagerduty")).date == date(2026, 11, 17)  # discussed there
    assert one(search(team, "xylophone")).date == date(2026, 9, 3)
    assert one(search(team, "walrus")).date == date(2026, 11, 20)
    assert one(search(team, "gazpacho")).date is None  # the upcoming session


def test_case_accents_and_operators(team: Store) -> None:
    assert len(search(team, "DELEGATION")) == 2
    assert one(search(team, "delegation hiring")).person == "Ana Lima"
    assert one(search(team, "delegation -hiring")).person == "Sam Okafor"
    assert {h.kind for h in search(team, "walrus OR flamingo")} == {
        SearchKind.ENERGY,
        SearchKind.WORK,
    }
    assert one(search(team, '"pairing on lemurs"')).kind is SearchKind.ENERGY
    assert search(team, '"lemurs on pairing"') == []


def test_filters(team: Store) -> None:
    sam = one(search(team, "okafor")).person_id
    assert one(search(team, "delegation", person_id=sam)).person == "Sam Okafor"
    assert {h.kind for h in search(team, "okafor OR xylophone", kinds=[SearchKind.FEEDBACK])} == {
        SearchKind.FEEDBACK
    }
    autumn = search(team, "walrus OR flamingo OR xylophone", since=date(2026, 11, 1))
    assert {h.kind for h in autumn} == {SearchKind.ENERGY, SearchKind.WORK}
    early = search(team, "walrus OR flamingo OR xylophone", until=date(2026, 11, 19))
    assert {h.kind for h in early} == {SearchKind.WORK, SearchKind.FEEDBACK}
    assert len(search(team, "walrus OR flamingo OR xylophone", limit=1)) == 1


def test_newest_first_or_best_first(team: Store) -> None:
    by_date = search(team, "walrus OR flamingo OR xylophone OR gazpacho")
    assert [h.kind for h in by_date] == [
        SearchKind.DRAFT,  # undated: the current one
        SearchKind.ENERGY,
        SearchKind.WORK,
        SearchKind.FEEDBACK,
    ]
    ranked = search(team, "delegation OR hiring", sort=SearchSort.RANK)
    assert ranked[0].person == "Ana Lima"  # both words


def test_edits_and_deletions_follow(team: Store, db_path: Path) -> None:
    write(db_path, "people", "edit", "Sam Okafor", "--name", "Sam Okoro")
    assert one(search(team, "okoro")).person == "Sam Okoro"
    assert search(team, "okafor") == []
    assert one(search(team, "kumquat")).person == "Sam Okoro"  # names are read at search time
    write(db_path, "1on1", "notes", "Sam Okoro", "--shared", "")
    assert search(team, "gazpacho") == []


def test_only_exclusions_or_no_words_find_nothing(team: Store) -> None:
    assert search(team, "-walrus") == []
    assert search(team, "   ") == []
    assert search(team, '"') == []


def test_refusals(team: Store) -> None:
    with pytest.raises(InputError, match=r"^limit must be"):
        search(team, "walrus", limit=0)
    with pytest.raises(InputError, match="after"):
        search(team, "walrus", since=date(2026, 2, 1), until=date(2026, 1, 1))
    with pytest.raises(InputError, match=r"^kind must be"):
        parse_kinds("point,bogus")
    assert parse_kinds("point, NOTE") == (SearchKind.POINT, SearchKind.NOTE)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(st.characters(codec=None, exclude_categories=())))
def test_whatever_is_typed_never_fails(team: Store, typed: str) -> None:
    for sort in SearchSort:
        search(team, typed, sort=sort)
