"""Databases as earlier leadtui builds left them, with representative rows in every table."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from leadtui.store.database import MIGRATION_SET, open_database

from .helpers import user_tables

ROOT = Path(__file__).resolve().parents[2]
MIGRATIONS_DIR = ROOT / "migrations"
SHIPPED = sorted(p for p in MIGRATIONS_DIR.glob("*.sql"))
STAMP = "2026-11-01T09:30:00"

# One schema step: the migration files (name, SQL) a build shipped.
Steps = tuple[tuple[str, str], ...]


def current_steps() -> dict[str, Steps]:
    """The first 1, 2, ... N files of migrations/ as they are now."""
    files = tuple((p.stem, p.read_text(encoding="utf-8")) for p in SHIPPED)
    return {files[n - 1][0]: files[:n] for n in range(1, len(files) + 1)}


def historical_steps() -> dict[str, Steps]:
    """Migration sets as committed earlier, where a file has been edited since it shipped.

    Needs the checkout's git history; without it only the current files are tried.
    """

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=True, timeout=30
        ).stdout

    try:
        commits = git("log", "--format=%H", "--", "migrations").split()
        found: dict[str, Steps] = {}
        known = set(current_steps().values())
        for commit in commits:
            names = sorted(
                line.removeprefix("migrations/")
                for line in git("ls-tree", "--name-only", commit, "migrations/").split()
                if line.endswith(".sql")
            )
            steps = tuple(
                (Path(name).stem, git("show", f"{commit}:migrations/{name}")) for name in names
            )
            if steps and steps not in known:
                found[f"{steps[-1][0]}-as-of-{commit[:7]}"] = steps
                known.add(steps)
        return found
    except (OSError, subprocess.SubprocessError):
        return {}


STEPS = {**current_steps(), **historical_steps()}

# Rows an earlier build could have written, in an order that respects foreign keys.
# A new migration that adds a table needs sample rows here (the test says so).
SAMPLE_ROWS: dict[str, list[dict[str, Any]]] = {
    "person": [
        {
            "id": 1,
            "name": "Sam Okafor",
            "relation": "report",
            "title": "Engineer",
            "level": "L4",
            "team": "Payments",
            "started_on": "2024-03-01",
            "created_at": STAMP,
            "updated_at": STAMP,
            "email": "sam@example.com",
        },
        {
            "id": 2,
            "name": "Zoë 王 [bold]x[/]",
            "relation": "peer",
            "created_at": STAMP,
            "updated_at": STAMP,
        },
        {
            "id": 3,
            "name": "Priya Left",
            "relation": "report",
            "archived_on": "2025-06-30",
            "created_at": STAMP,
            "updated_at": STAMP,
        },
    ],
    "energy_entry": [
        {
            "day": "2026-11-20",
            "level": 4,
            "note": "shipped – ünïcode ✓",
            "energized_by": json.dumps(["coding"]),
            "drained_by": "[]",
            "logged_at": STAMP,
        },
        {
            "day": "2026-11-21",
            "level": 2,
            "note": None,
            "energized_by": "[]",
            "drained_by": json.dumps(["status meetings"]),
            "logged_at": STAMP,
        },
    ],
    "energizing_work": [
        {
            "id": 1,
            "title": "Prototype the importer",
            "day": "2026-11-19",
            "hours": 2.5,
            "kind": "coding",
            "creates_work_for_other_teams": 0,
            "created_at": STAMP,
        }
    ],
    "energy_quarter_answers": [
        {
            "id": 1,
            "quarter": "2026-Q3",
            "learning": "slower than last year",
            "deenergized": "most weeks",
            "closing": "yes, still",
            "leaving": "no, the team is ready",
            "decision_on": "2026-12-15",
            "changed_on": "2026-10-02",
        }
    ],
    "energy_observation": [
        {
            "id": 1,
            "person_id": 1,
            "day": "2026-11-19",
            "session_id": None,
            "level": 2,
            "note": "tired after the launch",
            "logged_at": STAMP,
        }
    ],
    "team_push": [{"id": 1, "day": "2026-11-10", "name": "Checkout launch"}],
    "person_context": [
        {
            "id": 1,
            "person_id": 1,
            "cares_about": "the payments roadmap",
            "feedback_style": "in writing first",
            "goals": "lead the migration",
            "time_off": "school run until 9",
            "notes": "quiet in big meetings",
            "changed_on": "2026-11-20",
        }
    ],
    "oo_series": [
        {
            "id": 1,
            "person_id": 1,
            "every_weeks": 1,
            "weekday": 1,
            "at_time": "10:00",
            "minutes": 45,
            "starts_on": "2026-01-06",
            "status": "active",
            "draft_shared_notes": "agenda so far",
            "draft_private_notes": "watch for overload",
            "created_at": STAMP,
        }
    ],
    "oo_occurrence_change": [
        {"series_id": 1, "original_on": "2026-11-24", "moved_to": "2026-11-25"},
        {"series_id": 1, "original_on": "2026-12-01", "moved_to": None},
    ],
    "oo_session": [
        {
            "id": 1,
            "series_id": 1,
            "held_on": "2026-11-17",
            "shared_notes": "Agreed on the Q1 plan",
            "private_notes": "Seemed tired",
            "closed_at": STAMP,
        }
    ],
    "oo_point": [
        {
            "id": 1,
            "series_id": 1,
            "text": "Career plan",
            "raised_by": "them",
            "visibility": "private",
            "status": "open",
            "recurring": 0,
            "position": 0,
            "carried": 1,
            "session_id": None,
            "created_on": "2026-11-10",
            "deep": 1,
            "kind": "feedback_asked",
        },
        {
            "id": 2,
            "series_id": 1,
            "text": "Release retro",
            "raised_by": "me",
            "visibility": "shared",
            "status": "discussed",
            "recurring": 0,
            "position": 1,
            "carried": 0,
            "session_id": 1,
            "created_on": "2026-11-10",
        },
    ],
    "oo_action": [
        {
            "id": 1,
            "series_id": 1,
            "text": "Send the design doc",
            "owner": "me",
            "due_on": "2026-11-30",
            "created_on": "2026-11-17",
        },
        {
            "id": 2,
            "series_id": 1,
            "text": "Book the training",
            "owner": "them",
            "done_on": "2026-11-18",
            "session_id": 1,
            "created_on": "2026-11-10",
        },
    ],
    "feedback": [
        {
            "id": 1,
            "person_id": 1,
            "given_on": "2026-10-02",
            "kind": "growth",
            "text": "Ask for help earlier",
            "visibility": "shared",
            "series_id": 1,
            "session_id": 1,
            "created_at": STAMP,
        },
        {
            "id": 2,
            "person_id": 2,
            "given_on": "2026-09-01",
            "kind": "strength",
            "text": "Clear writing",
            "visibility": "private",
            "created_at": STAMP,
        },
    ],
    "t3b3": [
        {
            "id": 1,
            "person_id": 1,
            "half": "2026-H2",
            "remove_text": 0,
            "text_removed": 0,
            "created_at": STAMP,
        },
        {
            "id": 2,
            "person_id": 1,
            "half": "2026-H1",
            "remove_text": 0,
            "text_removed": 0,
            "dismissed_on": "2026-07-10",
            "created_at": STAMP,
        },
    ],
    "t3b3_item": [
        {"id": 1, "t3b3_id": 1, "side": "top", "rank": 1, "text": "Clear writing"},
        {
            "id": 2,
            "t3b3_id": 1,
            "side": "bottom",
            "rank": 1,
            "text": "Ask for help",
            "feedback_id": 1,
            "point_id": 1,
        },
    ],
    "succession_gap": [
        {
            "id": 1,
            "person_id": 1,
            "text": "Board presence",
            "status": "improving",
            "noted_on": "2026-07-01",
            "feedback_id": 1,
            "visibility": "shared",
            "created_at": STAMP,
        }
    ],
    "succession_gap_change": [
        {"id": 1, "gap_id": 1, "changed_on": "2026-07-01", "status": "open"},
        {"id": 2, "gap_id": 1, "changed_on": "2026-10-01", "status": "improving"},
    ],
    "succession_focus": [
        {
            "id": 1,
            "person_id": 1,
            "half": "2026-H2",
            "text": "Board presence",
            "gap_id": 1,
            "agreed_on": "2026-07-02",
        }
    ],
    "succession_candidate": [
        {
            "person_id": 1,
            "readiness": "1y",
            "pending": "one budget cycle",
            "interim": 1,
            "reviewed_on": "2026-10-01",
            "designated_on": "2026-01-10",
        }
    ],
    "succession_ceo_note": [
        {
            "id": 1,
            "noted_on": "2026-10-05",
            "text": "Presented the plan at staff",
            "person_id": 1,
            "kind": "relationship",
            "visibility": "shared",
            "created_at": STAMP,
        }
    ],
    "recurring_meeting": [
        {
            "id": 1,
            "name": "Eng staff",
            "cadence": "weekly",
            "kind": "leadership",
            "my_role": "host",
            "active": 1,
            "created_at": STAMP,
        }
    ],
    "meeting_audit": [
        {
            "id": 1,
            "meeting_id": 1,
            "quarter": "2026-Q4",
            "decision": "partner",
            "missing": "Budget fluency",
            "plan": "Co-run two sessions",
            "decided_on": "2026-10-03",
        }
    ],
    "vacation": [
        {
            "id": 1,
            "starts_on": "2026-12-21",
            "ends_on": "2027-01-03",
            "no_chiming_in": 1,
            "created_at": STAMP,
        }
    ],
    "vacation_cover": [
        {"id": 1, "vacation_id": 1, "responsibility": "Hiring decisions", "person_id": 1}
    ],
    "career_plan": [
        {
            "id": 1,
            "person_id": 1,
            "goal": "Run this team",
            "aligned_up_on": "2026-09-01",
            "aligned_up_note": "CEO supports a test run",
            "status": "partnering",
            "created_at": STAMP,
        }
    ],
    "career_milestone": [
        {"id": 1, "plan_id": 1, "text": "Run staff for a month", "target_on": "2027-02-01"}
    ],
    "rotation_capacity": [
        {
            "id": 1,
            "name": "Incident Review",
            "description": "Runs the weekly incident review",
            "term_months": 6,
            "seats": 2,
            "offset_months": 3,
            "starts_on": "2026-01-01",
            "exposure": "joins the quarterly planning review",
            "active": 1,
            "created_at": STAMP,
        }
    ],
    "rotation_member": [
        {"capacity_id": 1, "person_id": 1, "joined_on": "2026-01-01", "out_of_rotation": 0},
        {"capacity_id": 1, "person_id": 2, "leaves_on": "2027-12-31", "out_of_rotation": 0},
    ],
    "rotation_exception": [
        {
            "id": 1,
            "capacity_id": 1,
            "kind": "assign",
            "on_date": "2026-01-01",
            "seat": 1,
            "person_id": 1,
            "created_at": STAMP,
        },
        {
            "id": 2,
            "capacity_id": 1,
            "kind": "swap",
            "on_date": "2026-05-01",
            "person_id": 1,
            "other_person_id": 2,
            "created_at": STAMP,
        },
    ],
    "rotation_term_record": [
        {
            "capacity_id": 1,
            "person_id": 1,
            "starts_on": "2026-01-01",
            "recognized_on": "2026-07-02",
            "recognized_in": "all-hands",
            "handoff_note": "Runbook is in the wiki",
            "handoff_visibility": "shared",
        }
    ],
    "host_rotation": [
        {
            "id": 1,
            "starts_on": "2026-10-05",
            "weekday": 0,
            "at_time": "09:00",
            "minutes": 60,
            "created_at": STAMP,
        }
    ],
    "host_member": [
        {"rotation_id": 1, "position": 0, "person_id": 1},
        {"rotation_id": 1, "position": 1, "person_id": 2},
    ],
    "host_change": [{"on_date": "2026-12-28", "kind": "skip", "created_at": STAMP}],
    "calendar_event": [
        {
            "uid": "leadership-meeting-3bbc5548-2f76-4a60-b558-8b619d632c35-20261124@leadtui",
            "calendar": "rotations",
            "starts": "2026-11-24T09:30:00",
            "ends": "2026-11-24T10:30:00",
            "time_zone": "Europe/Berlin",
            "summary": "Leadership meeting, hosted by Sam Okafor",
            "fingerprint": "0123456789abcdef0123456789abcdef",
            "sequence": 2,
            "cancelled": 1,
            "changed_at": STAMP,
        },
        {
            "uid": "oneonone-0123456789abcdef01234567@leadtui",
            "calendar": "mine",
            "starts": "2026-09-01T10:30:00",
            "ends": "2026-09-01T11:00:00",
            "time_zone": "Europe/Berlin",
            "summary": "1:1 with Sam Okafor",
            "description": "1:1 with Sam Okafor: 2 open talking points.",
            "fingerprint": "0123456789abcdef0123456789abcdef",
            "sequence": 0,
            "cancelled": 0,
            "changed_at": STAMP,
            "recurrence": '{"moved": [], "rule": "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;WKST=MO", '
            '"skipped": ["2026-12-08T10:30:00"]}',
            "alarm_minutes": 15,
        },
    ],
    "undo_group": [
        {"id": 1, "label": "added talking point for Sam Okafor", "made_at": STAMP, "undone": None}
    ],
    "undo_row": [
        {
            "group_id": 1,
            "tbl": "oo_point",
            "op": "insert",
            "row_id": 1,
            "old": None,
            "new": json.dumps({"id": 1, "text": "Career plan"}),
        }
    ],
}


def fill_sample_rows(conn: sqlite3.Connection, *, bulk: int = 0) -> None:
    """Insert SAMPLE_ROWS into every table present, plus ``bulk`` extra people and days."""
    present = set(user_tables(conn))
    conn.execute("pragma foreign_keys = on")
    conn.execute("begin")
    for table, rows in SAMPLE_ROWS.items():
        if table not in present:
            continue
        # An older schema lacks the columns added since (person.email): those are left out.
        known = {c[1] for c in conn.execute(f'pragma table_info("{table}")')}
        for full in rows:
            row = {column: value for column, value in full.items() if column in known}
            columns = ", ".join(row)
            marks = ", ".join("?" for _ in row)
            conn.execute(f"insert into {table} ({columns}) values ({marks})", list(row.values()))
    for n in range(bulk):
        conn.execute(
            "insert into person (name, relation, created_at, updated_at) values (?, 'peer', ?, ?)",
            [f"Colleague {n:04d}", STAMP, STAMP],
        )
        if "energy_entry" in present:
            conn.execute(
                "insert into energy_entry (day, level, note, logged_at) "
                "values (date('2026-11-01', ?), ?, ?, ?)",
                [f"-{n + 1} days", n % 5 + 1, f"day {n} " + "x" * 40, STAMP],
            )
    conn.execute("commit")
    empty = [
        t
        for t in present - {"_sqlite_migrations"}
        if conn.execute(f'select count(*) from "{t}"').fetchone()[0] == 0
    ]
    assert not empty, f"add sample rows to SAMPLE_ROWS for the tables {sorted(empty)}"


def build_at_step(path: Path, steps: Steps) -> None:
    """A database as the build that shipped ``steps`` left it, with sample rows."""
    migrations = Migrations(MIGRATION_SET)
    for name, sql in steps:

        def run(db: Database, sql: str = sql) -> None:
            db.executescript(sql)

        migrations(name=name)(run)
    conn = sqlite3.connect(str(path), isolation_level=None)
    try:
        conn.execute("pragma journal_mode = wal")
        migrations.apply(Database(conn))
        fill_sample_rows(conn)
    finally:
        conn.close()


def build_current(path: Path, *, bulk: int = 0) -> None:
    """A database made by this build's opener, with sample rows (and ``bulk`` more)."""
    open_database(path).close()
    conn = sqlite3.connect(str(path), isolation_level=None)
    try:
        fill_sample_rows(conn, bulk=bulk)
    finally:
        conn.close()
