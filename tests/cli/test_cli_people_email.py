"""People carry an optional email address (how calendar files name them): typed with
`people add/edit --email`, checked, unique among active people, cleared with ""."""

from __future__ import annotations

from pathlib import Path

import pytest

from leadtui.services.people import list_people
from leadtui.store.database import open_database
from tests.helpers import cli


def _emails(db_path: Path) -> dict[str, str | None]:
    store = open_database(db_path)
    try:
        return {p.name: p.email for p in list_people(store)}
    finally:
        store.close()


def test_an_email_is_added_changed_refused_when_taken_or_malformed_and_cleared(
    db_path: Path,
) -> None:
    db = ["--db", str(db_path)]
    assert cli("people", "add", "Sam Okafor", "--email", " sam@example.com ", *db).returncode == 0
    assert _emails(db_path) == {"Sam Okafor": "sam@example.com"}
    bad = cli("people", "add", "Ana Lee", "--email", "ana at example", *db)
    assert bad.returncode == 2 and "email must be one address" in bad.stderr
    taken = cli("people", "add", "Ana Lee", "--email", "SAM@example.com", *db)
    assert taken.returncode == 2 and "already Sam Okafor's" in taken.stderr
    assert _emails(db_path) == {"Sam Okafor": "sam@example.com"}, "a refusal writes nothing"
    assert cli("people", "edit", "Sam", "--email", "s.okafor@example.com", *db).returncode == 0
    assert _emails(db_path) == {"Sam Okafor": "s.okafor@example.com"}
    assert cli("people", "edit", "Sam", "--email", "", *db).returncode == 0
    assert _emails(db_path) == {"Sam Okafor": None}
    # A name and an address in one edit: neither is written when the address is taken.
    assert cli("people", "add", "Ana Lee", "--email", "ana@example.com", *db).returncode == 0
    both = cli("people", "edit", "Sam", "--name", "Sam O.", "--email", "ana@example.com", *db)
    assert both.returncode == 2 and "already Ana Lee's" in both.stderr
    assert _emails(db_path) == {"Ana Lee": "ana@example.com", "Sam Okafor": None}


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("a@b.c\udcff", "email has bytes that are not UTF-8"),  # the shell's $'\xff'
        ("sam@exa\x1b[31mmple.com", "email contains a control character (\\x1b)"),
        ("sam\x07@example.com", "email contains a control character (\\x07)"),
        ("sam@example.com\u202e", "email contains a control character (\\u202e)"),
    ],
)
def test_an_email_that_cannot_be_stored_or_shown_is_refused_in_one_line(
    db_path: Path, typed: str, said: str
) -> None:
    db = ["--db", str(db_path)]
    added = cli("people", "add", "Sam Okafor", "--email", typed, *db)
    assert added.returncode == 2, added.stderr
    assert said in added.stderr and added.stderr.count("\n") == 1
    assert not db_path.exists() or _emails(db_path) == {}, "a refused add writes nothing"
    assert cli("people", "add", "Sam Okafor", "--email", "sam@example.com", *db).returncode == 0
    edited = cli("people", "edit", "Sam", "--email", typed, *db)
    assert edited.returncode == 2 and said in edited.stderr
    assert edited.stderr.count("\n") == 1
    assert _emails(db_path) == {"Sam Okafor": "sam@example.com"}


def test_email_is_a_field_of_the_person_draft_like_every_other() -> None:
    from leadtui.domain.people_input import PersonDraft
    from leadtui.domain.validation import build
    from tests.helpers import TODAY

    draft = build(PersonDraft, today=TODAY, name="Sam", email=" mailto:Sam@Example.com ")
    assert draft.email == "Sam@Example.com"
    assert build(PersonDraft, today=TODAY, name="Sam", email="").email is None


def test_people_list_shows_the_email_column_only_when_someone_has_one(db_path: Path) -> None:
    import json

    db = ["--db", str(db_path)]
    assert cli("people", "add", "Sam Okafor", *db).returncode == 0
    assert "EMAIL" not in cli("people", "list", *db).stdout
    assert json.loads(cli("people", "list", "--json", *db).stdout)[0]["email"] is None
    assert cli("people", "add", "Ana Lee", "--email", "mailto:ana@example.com", *db).returncode == 0
    lines = cli("people", "list", *db).stdout.splitlines()
    assert lines[0].split()[-1] == "EMAIL"
    ana = next(line for line in lines if "Ana Lee" in line)
    assert ana.endswith("ana@example.com"), "the prefix mailto: is dropped on save"
    listed = json.loads(cli("people", "list", "--json", *db).stdout)
    assert {p["name"]: p["email"] for p in listed} == {
        "Ana Lee": "ana@example.com",
        "Sam Okafor": None,
    }
