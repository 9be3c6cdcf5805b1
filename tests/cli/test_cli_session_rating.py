"""`leadtui 1on1 rate`: rate the last held session, refused in one line when bad."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import cli


def test_rate_the_last_session_and_clear_it(db_path: Path) -> None:
    db = ["--db", str(db_path)]
    cli("people", "add", "Sam Lee", *db)
    ran = cli("1on1", "rate", "Sam", "4", *db)
    assert ran.returncode == 2 and "no session with Sam Lee was held yet" in ran.stderr
    assert cli("1on1", "close", "Sam", *db).returncode == 0
    ran = cli("1on1", "rate", "Sam", "4", *db)
    assert ran.returncode == 0, ran.stderr
    assert "/5" in ran.stdout and "ratings, oldest first: 4" in ran.stdout
    assert "cleared the rating" in cli("1on1", "rate", "Sam", "-", *db).stdout
    bad = cli("1on1", "rate", "Sam", "six", *db)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1
    assert "rating must be 1–5" in bad.stderr


def test_close_rates_the_session_it_holds_and_a_bad_rating_holds_nothing(db_path: Path) -> None:
    db = ["--db", str(db_path)]
    cli("people", "add", "Sam Lee", *db)
    cli("1on1", "add", "Sam", "Roadmap", *db)
    bad = cli("1on1", "close", "Sam", "--rating", "9", *db)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1
    assert "rating must be 1–5" in bad.stderr
    # Nothing was held.
    assert "was held yet" in cli("1on1", "rate", "Sam", "4", *db).stderr
    held = cli("1on1", "close", "Sam", "--rating", "4", *db)
    assert held.returncode == 0, held.stderr
    assert "rated 4/5" in held.stdout
    assert "ratings, oldest first: 4" in cli("1on1", "rate", "Sam", "4", *db).stdout
