"""`feedback edit|remove`, `t3b3 undeliver`, `energy edit|remove`, `energy work
edit|remove` and what `feedback add` and a relog say, run in-process through main()."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import cli


@pytest.fixture
def db(db_path: Path) -> list[str]:
    db = ["--db", str(db_path)]
    for name in ("Kofi Mensah", "Ana Ruiz"):
        assert cli("people", "add", name, "--relation", "report", *db).returncode == 0
    return db


def feedback(db: list[str], person: str) -> list[dict[str, object]]:
    listed = cli("feedback", "list", person, "--json", *db)
    assert listed.returncode == 0, listed.stderr
    return list(json.loads(listed.stdout))


def test_feedback_add_by_prefix_says_who_it_went_to(db: list[str]) -> None:
    added = cli("feedback", "add", "k", "Clear design doc", *db)
    assert added.returncode == 0
    assert "added to Kofi Mensah's feedback (matched 'k')" in added.stdout
    whole = cli("feedback", "add", "Kofi Mensah", "Calm in incidents", *db)
    assert whole.returncode == 0 and "matched" not in whole.stdout


def test_feedback_edit_moves_and_changes_an_entry(db: list[str]) -> None:
    assert cli("feedback", "add", "k", "Meant for Ana", *db).returncode == 0
    [entry] = feedback(db, "kofi")
    edited = cli(
        "feedback",
        "edit",
        str(entry["id"]),
        "--person",
        "ana",
        "--kind",
        "growth",
        "--private",
        "--date",
        "yesterday",
        *db,
    )
    assert edited.returncode == 0, edited.stderr
    assert "moved to Ana Ruiz's feedback" in edited.stdout
    assert feedback(db, "kofi") == []
    [moved] = feedback(db, "ana")
    assert (moved["kind"], moved["visibility"], moved["given_on"], moved["text"]) == (
        "growth",
        "private",
        "2026-11-21",
        "Meant for Ana",
    )
    shared = cli("feedback", "edit", str(entry["id"]), "--shared", "--text", "Clearer", *db)
    assert shared.returncode == 0
    assert feedback(db, "ana")[0]["visibility"] == "shared"


def test_feedback_remove_prints_what_it_removed(db: list[str]) -> None:
    assert cli("feedback", "add", "kofi", "Wrong person", *db).returncode == 0
    [entry] = feedback(db, "kofi")
    removed = cli("feedback", "remove", str(entry["id"]), *db)
    assert removed.returncode == 0
    assert f"removed feedback {entry['id']} for Kofi Mensah" in removed.stdout
    assert "Wrong person" in removed.stdout
    assert feedback(db, "kofi") == []


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["feedback", "edit", "1"], "nothing to change"),
        (["feedback", "edit", "99", "--text", "x"], "no feedback with id 99"),
        (["feedback", "edit", "1", "--kind", "praise"], "kind must be strength or growth"),
        (["feedback", "edit", "1", "--date", "tomorrow"], "in the future"),
        (["feedback", "edit", "1", "--person", "Zed"], "no person matches 'Zed'"),
        (["feedback", "remove", "99"], "no feedback with id 99"),
    ],
)
def test_feedback_edit_and_remove_refuse_bad_input_and_write_nothing(
    db: list[str], argv: list[str], message: str
) -> None:
    assert cli("feedback", "add", "kofi", "Kept", *db).returncode == 0
    refused = cli(*argv, *db)
    assert refused.returncode == 2 and message in refused.stderr
    [kept] = feedback(db, "kofi")
    assert (kept["text"], kept["kind"]) == ("Kept", "strength")


def test_t3b3_undeliver_takes_back_a_delivery(db: list[str]) -> None:
    lists = ["--top", "a", "--top", "b", "--top", "c"]
    lists += ["--bottom", "d", "--bottom", "e", "--bottom", "f"]
    assert cli("t3b3", "set", "kofi", *lists, *db).returncode == 0
    assert cli("t3b3", "deliver", "kofi", *db).returncode == 0
    back = cli("t3b3", "undeliver", "kofi", *db)
    assert back.returncode == 0, back.stderr
    assert "no longer delivered; now ready" in back.stdout
    shown = json.loads(cli("t3b3", "show", "kofi", "--json", *db).stdout)
    assert (shown["status"], shown["filled"]) == ("ready", 6)
    again = cli("t3b3", "undeliver", "kofi", *db)
    assert again.returncode == 2 and "has not been delivered" in again.stderr


def test_t3b3_undeliver_after_the_text_was_removed_says_the_items_are_empty(
    db: list[str],
) -> None:
    lists = ["--top", "a", "--top", "b", "--top", "c"]
    lists += ["--bottom", "d", "--bottom", "e", "--bottom", "f"]
    assert cli("t3b3", "set", "kofi", *lists, "--remove-text-after-delivery", *db).returncode == 0
    delivered = cli("t3b3", "deliver", "kofi", *db)
    assert delivered.returncode == 0
    assert "the six texts were removed with the delivery" in delivered.stderr
    back = cli("t3b3", "undeliver", "kofi", *db)
    assert back.returncode == 0
    assert "now draft 0/6" in back.stdout
    assert "items come back empty" in back.stderr and "undo the delivery" in back.stderr


def test_energy_relog_with_a_new_note_says_what_it_replaced(db: list[str]) -> None:
    assert cli("energy", "log", "3", "long week", *db).returncode == 0
    relogged = cli("energy", "log", "4", "great design review", *db)
    assert relogged.returncode == 0
    assert "replaced 2026-11-22: 3 'long week' → 4 'great design review'" in relogged.stderr
    quiet = cli("energy", "log", "2", *db)
    assert quiet.returncode == 0 and "replaced" not in quiet.stderr


def test_energy_edit_and_remove_any_day(db: list[str]) -> None:
    log = ["energy", "log", "2", "tired", "--date", "2026-11-15", "--drained-by", "meetings"]
    assert cli(*log, *db).returncode == 0
    edited = cli(
        "energy",
        "edit",
        "2026-11-15",
        "--level",
        "4",
        "--note",
        "",
        "--energized-by",
        "pairing",
        *db,
    )
    assert edited.returncode == 0, edited.stderr
    assert "edited 2026-11-15: 2 'tired' → 4" in edited.stdout
    [entry] = json.loads(cli("energy", "show", "--days", "30", "--json", *db).stdout)
    assert (entry["level"], entry["note"], entry["energized_by"], entry["drained_by"]) == (
        4,
        None,
        ["pairing"],
        ["meetings"],
    )
    removed = cli("energy", "remove", "2026-11-15", *db)
    assert removed.returncode == 0 and "removed 2026-11-15: 4" in removed.stdout
    assert json.loads(cli("energy", "show", "--days", "30", "--json", *db).stdout) == []
    gone = cli("energy", "remove", "2026-11-15", *db)
    assert gone.returncode == 2 and "nothing is logged on 2026-11-15" in gone.stderr


def test_energy_work_edit_and_remove_by_the_id_the_list_shows(db: list[str]) -> None:
    assert cli("energy", "work", "add", "prototype", "--kind", "coding", *db).returncode == 0
    listed = cli("energy", "work", "list", *db)
    assert listed.stdout.split()[0] == "1"
    edited = cli("energy", "work", "edit", "1", "--hours", "3", "--title", "spike", *db)
    assert edited.returncode == 0, edited.stderr
    assert "edited work 1: 3 h of coding: spike" in edited.stdout
    [work] = json.loads(cli("energy", "work", "list", "--json", *db).stdout)
    assert (work["hours"], work["title"]) == (3, "spike")
    refused = cli("energy", "work", "edit", "1", "--hours", "30", *db)
    assert refused.returncode == 2 and "hours must be" in refused.stderr
    removed = cli("energy", "work", "remove", "1", *db)
    assert removed.returncode == 0 and "removed work 1: 3 h of coding: spike" in removed.stdout
    assert json.loads(cli("energy", "work", "list", "--json", *db).stdout) == []
