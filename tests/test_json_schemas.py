"""Every ``--json`` document has one shape, shipped as a JSON Schema in docs/schemas/.

The shipped files are what the types write (they never drift); every command with a
``--json`` flag has one (a new flag without a schema fails here); and what each command
prints on the demo team validates against its file with a real JSON Schema validator
that also holds numbers to one type: a field declared a number is always written with a
fraction (``2.0``), an integer never is.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from leadtui.cli.parser import build_parser
from leadtui.export.json import DOCUMENTS, schema_name
from leadtui.export.schemas import schema_files, write_schemas
from tests.helpers import SCHEMA_FOLDER, cli, demo_database, valid_json_output

SCHEMAS = SCHEMA_FOLDER


def shipped(command: tuple[str, ...]) -> dict[str, Any]:
    """The schema file shipped for ``command``."""
    schema: dict[str, Any] = json.loads((SCHEMAS / schema_name(command)).read_text("utf-8"))
    return schema


def check(command: tuple[str, ...], output: str) -> Any:
    """``output`` parsed, after validating it against the shipped schema of ``command``."""
    Draft202012Validator.check_schema(shipped(command))
    return valid_json_output(command, output)


def json_commands() -> set[tuple[str, ...]]:
    """Every command path whose parser has a --json option."""
    found: set[tuple[str, ...]] = set()

    def walk(parser: argparse.ArgumentParser, path: tuple[str, ...]) -> None:
        if any("--json" in action.option_strings for action in parser._actions):
            found.add(path)
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, child in action.choices.items():
                    walk(child, (*path, name))

    walk(build_parser(), ())
    return found


def test_every_json_flag_has_a_document_and_a_schema() -> None:
    commands = json_commands()
    assert ("people", "list") in commands and ("search",) in commands, "the walk broke"
    assert commands == set(DOCUMENTS)
    assert {p.name for p in SCHEMAS.glob("*.json")} == {schema_name(c) for c in commands}


def test_the_shipped_schemas_are_the_ones_the_types_write(tmp_path: Path) -> None:
    for name, text in schema_files().items():
        assert (SCHEMAS / name).read_text("utf-8") == text, (
            f"docs/schemas/{name} is out of date: run `make schemas`"
        )
    # The writer writes the same files, and removes one no command prints any more.
    (tmp_path / "gone-command.json").write_text("{}")
    written = write_schemas(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in written)
    for path in written:
        assert path.read_text("utf-8") == (SCHEMAS / path.name).read_text("utf-8")


def test_every_schema_is_valid_and_names_people_one_way() -> None:
    for command in DOCUMENTS:
        schema = shipped(command)
        Draft202012Validator.check_schema(schema)
        # Every object is closed: a key the model lacks is a failure, not a surprise.
        for name, definition in schema.get("$defs", {}).items():
            if definition.get("type") == "object":
                assert definition.get("additionalProperties") is False, (command, name)
        refs = json.dumps(schema)
        # A person is {"id", "name"} wherever a document names one.
        assert '"person_id"' not in refs and '"host_id"' not in refs, command


def test_enumerated_fields_list_the_domain_values() -> None:
    from leadtui.domain.people import Relation
    from leadtui.domain.search import SearchKind

    person = shipped(("people", "list"))["$defs"]["PersonRecord"]["properties"]
    assert person["relation"]["enum"] == [r.value for r in Relation]
    hit = shipped(("search",))["$defs"]["SearchHitItem"]["properties"]
    assert hit["kind"]["enum"] == [k.value for k in SearchKind]
    # An unknown value is refused, as a script relying on the list would need.
    row = {"id": 1, "name": "A", "relation": "boss", "title": None, "level": None,
           "team": None, "started_on": None, "archived_on": None, "email": None}  # fmt: skip
    with pytest.raises(ValidationError):
        check(("people", "list"), json.dumps([row]))
    check(("people", "list"), json.dumps([{**row, "relation": "peer"}]))
    # The address calendar imports match by is part of the record, text or null.
    assert person["email"]["anyOf"] == [{"type": "string"}, {"type": "null"}]


# Arguments after the command, on the demo team (people by unique name prefix).
ARGUMENTS: dict[tuple[str, ...], list[str]] = {
    ("people", "list"): ["--all"],
    ("energy", "show"): ["--days", "60"],
    ("energy", "check"): [],
    ("energy", "work", "list"): [],
    ("1on1", "show"): ["Camille"],
    ("feedback", "list"): ["Camille"],
    ("t3b3", "show"): ["Camille"],
    ("succession", "show"): [],
    ("meeting", "list"): [],
    ("vacation", "list"): [],
    ("rotation", "show"): [],
    ("rotation", "list"): [],
    ("host", "show"): ["--weeks", "12"],
    ("search",): ["a"],
    ("undo",): [],
    ("redo",): [],
    ("today",): [],
    ("calendar", "import"): [
        str(Path(__file__).parent / "fixtures" / "camille-weekly.ics"),
        "--me",
        "me@example.com",
    ],
    ("template", "list"): [],
    ("people", "context"): ["Camille"],
    ("energy", "team"): [],
}
# Commands run first, so the one under test has something to act on.
BEFORE: dict[tuple[str, ...], list[str]] = {("redo",): ["undo"]}


@pytest.fixture
def demo(db_path: Path) -> list[str]:
    """The demo team, with a skipped and a swapped host week; the --db arguments."""
    demo_database(db_path, people=8, years=1)
    args = ["--db", str(db_path)]
    for argv in (["host", "skip", "2027-01-04"], ["host", "swap", "2027-01-11", "2027-01-18"]):
        ran = cli(*argv, *args)
        assert ran.returncode == 0, ran.stderr
    return args


def test_the_arguments_cover_every_document() -> None:
    assert set(ARGUMENTS) == set(DOCUMENTS)


@pytest.mark.parametrize("command", list(ARGUMENTS), ids=" ".join)
def test_every_json_output_validates_against_its_schema(
    command: tuple[str, ...], demo: list[str]
) -> None:
    if command in BEFORE:
        assert cli(*BEFORE[command], *demo).returncode == 0
    ran = cli(*command, *ARGUMENTS[command], "--json", *demo)
    assert ran.returncode == 0, ran.stderr
    document = check(command, ran.stdout)
    assert document, f"the demo team should give {' '.join(command)} something to show"


def test_rotation_show_has_one_shape_with_or_without_a_name(demo: list[str]) -> None:
    every = check(("rotation", "show"), cli("rotation", "show", "--json", *demo).stdout)
    assert isinstance(every, list) and len(every) > 1
    named = cli("rotation", "show", every[0]["name"], "--json", *demo)
    assert check(("rotation", "show"), named.stdout) == [every[0]]


def test_skipped_and_swapped_host_weeks_are_marked(demo: list[str]) -> None:
    ran = cli("host", "show", "--weeks", "12", "--json", *demo)
    meetings = {m["date"]: m for m in check(("host", "show"), ran.stdout)}
    assert meetings["2027-01-04"]["skipped"] and meetings["2027-01-04"]["host"] is None
    assert meetings["2027-01-11"]["swapped"] and meetings["2027-01-18"]["swapped"]
    assert not meetings["2027-01-11"]["skipped"]


def test_hours_are_numbers_with_a_fraction_even_when_whole(db_path: Path) -> None:
    db = ["--db", str(db_path)]
    # No energizing work at all: the month's hours are 0.0, as they are 2.0 with some.
    assert cli("energy", "log", "4", *db).returncode == 0
    verdict = check(("energy", "check"), cli("energy", "check", "--json", *db).stdout)
    assert verdict["energizing_hours_this_month"] == 0.0
    assert cli("energy", "work", "add", "Prototype", "--hours", "2", *db).returncode == 0
    ran = cli("energy", "work", "list", "--json", *db)
    assert '"hours": 2.0' in ran.stdout
    check(("energy", "work", "list"), ran.stdout)


def test_the_strict_validator_tells_an_int_from_a_float() -> None:
    # The check above is worth something only if 2 and 2.0 are told apart.
    with pytest.raises(ValidationError):
        check(("energy", "work", "list"), json.dumps([{
            "id": 1, "title": "t", "day": "2026-11-20", "hours": 2, "kind": "coding",
            "creates_work_for_other_teams": False,
        }]))  # fmt: skip
