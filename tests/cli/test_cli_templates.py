"""`leadtui template list|show` and `leadtui 1on1 template`: in process, real files."""

from __future__ import annotations

import json
from pathlib import Path

from leadtui.domain.templates_input import BUILTIN
from tests.helpers import cli


def test_template_list_shows_every_builtin_and_json_has_the_documented_keys(
    isolated_home: Path,
) -> None:
    ran = cli("template", "list")
    assert ran.returncode == 0, ran.stderr
    for template in BUILTIN:
        assert template.name in ran.stdout
    document = json.loads(cli("template", "list", "--json").stdout)
    assert [sorted(item) for item in document] == [["description", "name", "points"]] * len(BUILTIN)
    assert document[0]["points"] == list(BUILTIN[0].points)


def test_template_show_numbers_the_points(isolated_home: Path) -> None:
    ran = cli("template", "show", "new-peer")
    assert ran.returncode == 0
    assert "  1. Where to find real data" in ran.stdout
    assert "two weeks" in ran.stdout.splitlines()[0]


def test_a_bad_template_file_is_refused_in_one_line(isolated_home: Path) -> None:
    folder = isolated_home / "templates"
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_text('name = "mine"\ndescription = "x"\npoints = 3\n')
    ran = cli("template", "list")
    assert ran.returncode == 2 and ran.stdout == ""
    assert ran.stderr.count("\n") == 1
    assert "'mine.toml'" in ran.stderr and "fix or remove the file" in ran.stderr


def test_1on1_template_adds_points_skips_open_ones_and_undo_takes_them_back(
    isolated_home: Path, db_path: Path
) -> None:
    db = ["--db", str(db_path)]
    assert cli("people", "add", "Sam Lee", *db).returncode == 0
    assert cli("1on1", "add", "Sam", "Who you should meet in your first weeks", *db).returncode == 0
    ran = cli("1on1", "template", "Sam", "first-1on1", *db)
    assert ran.returncode == 0, ran.stderr
    assert "5 talking points added, 1 already open" in ran.stdout
    shown = json.loads(cli("1on1", "show", "Sam", "--json", *db).stdout)
    assert len(shown["points"]) == 6
    assert "first-1on1" in cli("undo", *db).stdout
    shown = json.loads(cli("1on1", "show", "Sam", "--json", *db).stdout)
    assert len(shown["points"]) == 1


def test_1on1_template_with_an_unknown_name_writes_nothing(
    isolated_home: Path, db_path: Path
) -> None:
    db = ["--db", str(db_path)]
    assert cli("people", "add", "Sam Lee", *db).returncode == 0
    ran = cli("1on1", "template", "Sam", "nope", *db)
    assert ran.returncode == 2 and "no agenda template 'nope'" in ran.stderr
    assert json.loads(cli("1on1", "show", "Sam", "--json", *db).stdout)["points"] == []
