"""People carry an optional email address (how calendar files name them): typed with
`people add/edit --email`, checked, unique among active people, cleared with ""."""

from __future__ import annotations

from pathlib import Path

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
