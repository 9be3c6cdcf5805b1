"""Someone who left a roster or the team while holding a seat or host turns, on the
command line: every command that shows the seat says so with the command that hands it
over, and the moment they leave says it too."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from tests.helpers import cli


@pytest.fixture
def team(db_path: Path) -> Path:
    """Four people on the roster of Incident Review, which started in July."""
    db = str(db_path)
    for name in ("Ana", "Ben", "Cy", "Di"):
        assert cli("people", "add", name, "--db", db).returncode == 0
    ran = cli("rotation", "add", "Incident Review", "--start", "2026-07-01", "--db", db)
    assert ran.returncode == 0, ran.stderr
    assert cli("rotation", "roster", "inc", "Ana", "Ben", "Cy", "Di", "--db", db).returncode == 0
    return db_path


def test_a_seat_holder_archived_mid_term_is_warned_with_a_ready_command(team: Path) -> None:
    db = str(team)
    assert cli("rotation", "plan", "Incident Review", "--until", "2027-06-01", "--db", db)[0] == 0
    assert "archived" not in cli("rotation", "show", "--db", db).stdout
    assert cli("people", "archive", "Ana", "--db", db).returncode == 0
    for argv in (("rotation", "show"), ("rotation", "plan", "Incident Review")):
        shown = cli(*argv, "--db", db)
        assert shown.returncode == 0, shown.stderr
        line = next(x for x in shown.stdout.splitlines() if "Ana was archived" in x)
        assert "Incident Review seat 1: Ana was archived on 2026-11-22 but holds it until" in line
        assert "next in line: " in line
        command = line.split("hand it over: leadtui ", 1)[1]
        assert command.startswith("rotation assign 'Incident Review' --seat 1 --person ")
    # The command as printed hands the seat over; the warning is gone.
    assert cli(*shlex.split(command), "--db", db).returncode == 0
    assert "Ana was archived" not in cli("rotation", "show", "--db", db).stdout


def test_a_host_archived_is_warned_with_the_order_without_them(team: Path) -> None:
    db = str(team)
    hosts = cli(
        "host", "set", "Ana", "Ben", "Cy", "--weekday", "tue", "--time", "10:15", "--db", db
    )
    assert hosts.returncode == 0, hosts.stderr
    assert cli("people", "archive", "Ben", "--db", db).returncode == 0
    shown = cli("host", "show", "--db", db)
    line = next(x for x in shown.stdout.splitlines() if "warning:" in x)
    assert "Leadership meeting: Ben was archived on 2026-11-22 but hosts it on" in line
    command = line.split(": leadtui ", 1)[1]
    # The command as printed works on this database: it carries its --db.
    assert command == f"host set Ana Cy --weekday tuesday --time 10:15 --minutes 60 --db {db}"
    assert cli(*shlex.split(command)).returncode == 0
    after = cli("host", "show", "--db", db).stdout
    assert "Ben" not in after and "warning" not in after


@pytest.mark.parametrize("flags", [(), ("--ics",)], ids=["markdown", "calendar"])
def test_an_export_notes_seats_and_turns_held_by_someone_who_left(
    team: Path, flags: tuple[str, ...]
) -> None:
    db = str(team)
    assert cli("rotation", "plan", "Incident Review", "--db", db).returncode == 0
    assert cli("host", "set", "Ana", "Ben", "--db", db).returncode == 0
    clean = cli("export", "rotations", *flags, "--db", db)
    assert clean.returncode == 0 and clean.stderr == ""
    assert cli("people", "archive", "Ana", "--db", db).returncode == 0
    ran = cli("export", "rotations", *flags, "--db", db)
    assert ran.returncode == 0
    notes = ran.stderr.splitlines()
    assert any(
        n.startswith("leadtui: note: Incident Review seat 1: Ana was archived") for n in notes
    )
    assert any(n.startswith("leadtui: note: Leadership meeting: Ana was archived") for n in notes)
    assert "rotation assign" in ran.stderr and "host set Ben" in ran.stderr


def test_archiving_or_a_leave_date_says_at_once_which_seats_are_still_held(team: Path) -> None:
    db = str(team)
    assert cli("rotation", "plan", "Incident Review", "--until", "2027-06-01", "--db", db)[0] == 0
    left = cli("rotation", "roster", "inc", "Ben", "--leave", "2026-12-01", "--db", db)
    assert left.returncode == 0
    assert "leadtui: note: Incident Review seat 2: Ben leaves the roster on 2026-12-01" in (
        left.stderr
    )
    assert "hand it over: leadtui rotation assign" in left.stderr
    archived = cli("people", "archive", "Ana", "--db", db)
    assert archived.returncode == 0 and archived.stdout.startswith("archived Ana")
    assert "leadtui: note: Incident Review seat 1: Ana was archived on 2026-11-22" in (
        archived.stderr
    )
    # Someone who holds nothing leaves quietly.
    assert cli("people", "add", "Eve", "--db", db).returncode == 0
    quiet = cli("people", "archive", "Eve", "--db", db)
    assert quiet.returncode == 0 and quiet.stderr == ""
