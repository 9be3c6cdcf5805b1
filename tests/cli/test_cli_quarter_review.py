"""`leadtui energy review`: the quarter's verdict, the four answers, a decision date."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import TODAY, cli


def test_review_sets_and_shows_answers(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEADTUI_TODAY", TODAY.isoformat())
    db = ["--db", str(db_path)]
    ran = cli("energy", "review", "--learning", "slower", "--decide", "2027-01-15", *db)
    assert ran.returncode == 0, ran.stderr
    assert "quarter review 2026-Q4" in ran.stdout
    assert "Is your rate of learning still high? slower" in ran.stdout
    assert "decision date: 2027-01-15" in ran.stdout
    assert "(not answered)" in cli("energy", "review", *db).stdout
    assert "decision date" not in cli("energy", "review", "--decide", "-", *db).stdout
    bad = cli("energy", "review", "--quarter", "2026-Q9", *db)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1
