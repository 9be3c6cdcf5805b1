"""`leadtui undo` and `leadtui redo` from the shell: the last change taken back and put
back, the list of changes (text and JSON), and one line with exit 2 when there is nothing
to undo or a change is touched since."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import cli


def test_undo_and_redo_the_last_change(db_path: Path) -> None:
    db = ("--db", str(db_path))
    assert cli("people", "add", "Sam Okafor", *db).returncode == 0
    assert cli("1on1", "add", "Sam Okafor", "Quokka migration", *db).returncode == 0

    ran = cli("undo", *db)
    assert (ran.returncode, ran.stdout, ran.stderr) == (
        0,
        "Undid: added talking point for Sam Okafor\n",
        "",
    )
    assert "Quokka" not in cli("1on1", "show", "Sam Okafor", *db).stdout

    ran = cli("redo", *db)
    assert (ran.returncode, ran.stdout) == (0, "Redid: added talking point for Sam Okafor\n")
    assert "Quokka migration" in cli("1on1", "show", "Sam Okafor", *db).stdout


def test_the_list_newest_first_as_text_and_json(db_path: Path) -> None:
    db = ("--db", str(db_path))
    cli("people", "add", "Sam Okafor", *db)
    cli("1on1", "add", "Sam Okafor", "Quokka migration", "--private", *db)
    cli("1on1", "add", "Sam Okafor", "Second point", *db)
    cli("undo", *db)

    listed = cli("undo", "--list", *db)
    assert listed.returncode == 0
    lines = listed.stdout.splitlines()
    assert [line.strip().split("  ", 2)[-1] for line in lines[:2]] == [
        "added talking point for Sam Okafor",
        "added Sam Okafor",
    ]
    assert lines[2] == "1 undone change can be redone."

    document = json.loads(cli("undo", "--list", "--json", *db).stdout)
    assert list(document) == ["undid", "redid", "undo", "redo"] and document["undid"] is None
    assert [c["label"] for c in document["undo"]] == [
        "added talking point for Sam Okafor",
        "added Sam Okafor",
    ]
    assert [c["label"] for c in document["redo"]] == ["added talking point for Sam Okafor"]
    first = document["undo"][0]
    assert list(first) == ["id", "label", "made_at", "rows"]
    assert isinstance(first["id"], int) and first["rows"] >= 1
    # The labels say what changed, never the words themselves.
    assert "Quokka" not in json.dumps(document)


def test_nothing_to_undo_is_one_line_and_exit_2(db_path: Path) -> None:
    db = ("--db", str(db_path))
    cli("people", "add", "Sam Okafor", *db)
    assert cli("undo", *db).returncode == 0
    ran = cli("undo", *db)
    assert ran.returncode == 2
    assert ran.stdout == ""
    assert ran.stderr.startswith("leadtui: nothing to undo")
    assert ran.stderr.count("\n") == 1


def test_nothing_to_redo_is_one_line_and_exit_2(db_path: Path) -> None:
    db = ("--db", str(db_path))
    cli("people", "add", "Sam Okafor", *db)
    ran = cli("redo", *db)
    assert (ran.returncode, ran.stdout) == (2, "")
    assert ran.stderr.startswith("leadtui: nothing to redo")
    assert ran.stderr.count("\n") == 1


def test_a_change_touched_since_is_refused_and_nothing_written(db_path: Path) -> None:
    db = ("--db", str(db_path))
    cli("people", "add", "Sam Okafor", *db)
    cli("1on1", "add", "Sam Okafor", "Ask about the move", *db)
    added = json.loads(cli("undo", "--list", "--json", *db).stdout)["undo"][0]["id"]
    cli("1on1", "edit", "Sam Okafor", "1", "Ask about the offsite", *db)

    ran = cli("undo", str(added), *db)
    assert ran.returncode == 2
    assert "was changed since by “changed talking point”; undo that first" in ran.stderr
    assert "Ask about the offsite" in cli("1on1", "show", "Sam Okafor", *db).stdout


def test_a_zero_day_window_in_config_keeps_nothing(db_path: Path, isolated_home: Path) -> None:
    isolated_home.mkdir(parents=True, exist_ok=True)
    (isolated_home / "config.toml").write_text("[undo]\ndays = 0\n", encoding="utf-8")
    db = ("--db", str(db_path))
    cli("people", "add", "Sam Okafor", *db)
    ran = cli("undo", *db)
    assert ran.returncode == 2
    assert "undo window is 0 days" in ran.stderr


def test_the_undo_window_is_read_from_config_and_checked(tmp_path: Path) -> None:
    from leadtui.config import Settings, UndoSettings, load_settings

    path = tmp_path / "config.toml"
    path.write_text("[undo]\ndays = 0\nchanges = 20\n")
    assert load_settings(path) == (Settings(undo=UndoSettings(days=0, changes=20)), [])
    for text, problem in (
        ("[undo]\ndays = -1\n", "[undo] days must be 0–365, got -1"),
        ("[undo]\nchanges = 0\n", "[undo] changes must be 1–1000, got 0"),
        ("[undo]\nhours = 3\n", "unknown [undo] setting 'hours'; known: days, changes"),
    ):
        path.write_text(text)
        settings, problems = load_settings(path)
        assert settings == Settings()
        assert problem in problems[0]


def test_a_redo_whose_records_changed_since_is_refused(db_path: Path) -> None:
    import sqlite3

    db = ("--db", str(db_path))
    cli("people", "add", "Sam Okafor", *db)
    cli("1on1", "series", "Sam Okafor", "--weekday", "tuesday", "--start", "2026-10-01", *db)
    cli("1on1", "add", "Sam Okafor", "Ask about the move", *db)
    cli("undo", *db)
    # Another program (not leadtui, so not journaled) writes the same row back.
    conn = sqlite3.connect(db_path)
    conn.execute(
        "insert into oo_point (id, series_id, text, raised_by, visibility, status, recurring, "
        "position, carried, created_on) select 1, id, 'Other words', 'me', 'shared', 'open', "
        "0, 0, 0, '2026-11-22' from oo_series"
    )
    conn.commit()
    conn.close()
    ran = cli("redo", *db)
    assert ran.returncode == 2
    assert "its talking point was changed since it was undone" in ran.stderr
    assert "Other words" in cli("1on1", "show", "Sam Okafor", *db).stdout
