"""A database that does not exist is made by the first write that commits, never by a
refusal; `search` takes ``-word`` to leave a word out."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from tests.helpers import cli
from tests.new_database_refusals import REFUSING


@pytest.mark.parametrize("argv", REFUSING, ids=lambda argv: " ".join(argv[:3])[:40])
def test_a_refusal_on_a_new_database_creates_nothing(argv: list[str], tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    definition = tmp_path / "definition.toml"
    definition.write_text("name = [not toml\n")
    db = folder / "leadtui.db"
    args = [str(definition) if a == "DEFINITION" else a for a in argv]
    try:
        ran = cli("--db", str(db), *args)
    except SystemExit as refused:  # argparse's own refusal (a choice it does not know)
        assert refused.code == 2
    else:
        assert ran.returncode == 2, ran
        assert ran.stderr.count("\n") == 1, ran
    assert not db.exists()
    assert list(folder.iterdir()) == []


def test_a_refusal_makes_no_folder_for_the_new_database(tmp_path: Path) -> None:
    db = tmp_path / "not" / "there" / "leadtui.db"
    ran = cli("--db", str(db), "succession", "ceo", "Strategy talk", "--person", "Zed")
    assert ran.returncode == 2, ran
    assert not (tmp_path / "not").exists()


def test_the_first_write_makes_a_private_database(tmp_path: Path) -> None:
    db = tmp_path / "new" / "leadtui.db"
    assert cli("--db", str(db), "people", "add", "Ana Ruiz").returncode == 0
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    assert stat.S_IMODE(db.parent.stat().st_mode) == 0o700
    # Only the database and SQLite's side files: no temporary copy, no lock file left.
    assert {p.name for p in db.parent.iterdir()} <= {
        "leadtui.db",
        "leadtui.db-wal",
        "leadtui.db-shm",
    }
    listed = cli("--db", str(db), "people", "list", "--json")
    assert [p["name"] for p in json.loads(listed.stdout)] == ["Ana Ruiz"]


@pytest.fixture
def peppers(db_path: Path) -> Path:
    for name in ("Pepper Salt", "Pepper Jones"):
        assert cli("--db", str(db_path), "people", "add", name).returncode == 0
    return db_path


def test_search_leaves_out_a_word_typed_with_a_dash(peppers: Path) -> None:
    ran = cli("--db", str(peppers), "search", "pepper", "-salt", "--json")
    assert ran.returncode == 0, ran
    assert [hit["person"]["name"] for hit in json.loads(ran.stdout)] == ["Pepper Jones"]


def test_search_options_still_work_around_a_dash_word(peppers: Path) -> None:
    ran = cli("search", "--db", str(peppers), "pepper", "-jones", "--sort", "rank", "--json")
    assert ran.returncode == 0, ran
    assert [hit["person"]["name"] for hit in json.loads(ran.stdout)] == ["Pepper Salt"]
    limited = cli("--db", str(peppers), "search", "pepper", "-x", "--limit", "0")
    assert limited.returncode == 2
    assert "--limit" in limited.stderr


def test_every_subcommand_is_tried_on_a_new_database() -> None:
    """A new subcommand joins the list above, so its refusals are checked too."""
    import argparse

    from leadtui.cli import build_parser

    leaves: set[tuple[str, ...]] = set()

    def walk(parser: argparse.ArgumentParser, path: tuple[str, ...]) -> None:
        groups = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if not groups and path:
            leaves.add(path)
        for group in groups:
            for name, child in group.choices.items():
                walk(child, (*path, name))

    walk(build_parser(), ())
    tried = {next(p for p in leaves if tuple(argv[: len(p)]) == p) for argv in REFUSING}
    assert tried == leaves, sorted(leaves - tried)
