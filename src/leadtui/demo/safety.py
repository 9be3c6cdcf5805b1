"""What keeps the demo's invented history away from real data: it fills only an empty
database, and only at a size it can make believable."""

from __future__ import annotations

from typing import TYPE_CHECKING

from leadtui.domain.text import plural
from leadtui.errors import InputError
from leadtui.store.tables import row_counts

if TYPE_CHECKING:
    from leadtui.store.database import Store

# Every table a person writes into, and how a refusal names its rows. The demo writes
# only where all of them are empty, so a ritual's new table belongs here (a test fails
# when a table is neither here nor in DEMO_IGNORES).
USER_TABLES: tuple[tuple[str, str, str], ...] = (
    ("person", "person", "people"),
    ("person_context", "personal context", "personal contexts"),
    ("energy_observation", "energy observation", "energy observations"),
    ("team_push", "team push", "team pushes"),
    ("energy_quarter_answers", "quarter review", "quarter reviews"),
    ("energy_entry", "energy day", "energy days"),
    ("energizing_work", "piece of energizing work", "pieces of energizing work"),
    ("oo_series", "one-on-one series", "one-on-one series"),
    ("oo_occurrence_change", "moved or skipped one-on-one", "moved or skipped one-on-ones"),
    ("oo_session", "one-on-one held", "one-on-ones held"),
    ("oo_point", "talking point", "talking points"),
    ("oo_action", "action item", "action items"),
    ("feedback", "feedback entry", "feedback entries"),
    ("t3b3", "T3B3", "T3B3s"),
    ("t3b3_item", "T3B3 item", "T3B3 items"),
    ("succession_gap", "succession gap", "succession gaps"),
    ("succession_gap_change", "gap change", "gap changes"),
    ("succession_focus", "focus area", "focus areas"),
    ("succession_candidate", "succession candidate", "succession candidates"),
    ("succession_ceo_note", "CEO log note", "CEO log notes"),
    ("recurring_meeting", "recurring meeting", "recurring meetings"),
    ("meeting_audit", "meeting audit decision", "meeting audit decisions"),
    ("vacation", "vacation", "vacations"),
    ("vacation_cover", "vacation cover", "vacation covers"),
    ("career_plan", "career plan", "career plans"),
    ("career_milestone", "career milestone", "career milestones"),
    ("rotation_capacity", "rotation capacity", "rotation capacities"),
    ("rotation_member", "rotation roster entry", "rotation roster entries"),
    ("rotation_exception", "rotation exception", "rotation exceptions"),
    ("rotation_term_record", "rotation term record", "rotation term records"),
    ("host_rotation", "host order", "host orders"),
    ("host_member", "host", "hosts"),
    ("host_change", "skipped or swapped meeting", "skipped or swapped meetings"),
)
# Tables that hold no one's words of their own: the schema's bookkeeping, and the search
# index (a copy of the tables above, kept by triggers) with its FTS5 shadow tables.
DEMO_IGNORES = frozenset(
    {
        "_sqlite_migrations",
        "search_index",
        "search_index_data",
        "search_index_idx",
        "search_index_content",
        "search_index_docsize",
        "search_index_config",
        "search_doc",
        # Marks that removed text still has to be merged out of the index.
        "search_purge",
        # The database's own id, and what its calendars last published (a copy of the
        # schedule, written by exporting it).
        "database_identity",
        "calendar_event",
        # The undo journal: copies of rows of the tables above, kept for the undo window.
        "undo_group",
        "undo_row",
        "undo_state",
    }
)


def user_data(db: Store) -> list[str]:
    """What a person has written into ``db``, one phrase per non-empty table
    ("3 people", "40 energy days"); an empty list for a database the demo may fill."""
    counts = row_counts(db, [table for table, _, _ in USER_TABLES])
    return [plural(counts[table], one, many) for table, one, many in USER_TABLES if counts[table]]


def refuse_unless_empty(db: Store) -> None:
    """Refuse, with one line naming what is there, a database that holds anything a
    person wrote: the demo's invented history must never land beside real people."""
    held = user_data(db)
    if not held:
        return
    # Three kinds are enough to recognise one's own data; the line stays readable.
    shown = ", ".join(held[:3]) + (" and more" if len(held) > 3 else "")
    raise InputError(
        f"demo writes only into an empty database and this one holds your data ({shown}); "
        f"try it in a new file: leadtui demo --db {new_demo_file()}"
    )


def new_demo_file() -> str:
    """A file name for the demo that nothing in the current folder has yet (``demo.db``,
    then ``demo-2.db``, ...): the refusal suggests it, and suggesting a file that exists
    (the refused one itself, when it is called demo.db) would only be refused again."""
    import os

    name, number = "demo.db", 1
    while os.path.lexists(name):
        number += 1
        name = f"demo-{number}.db"
    return name


def check_demo_size(*, years: int, people: int) -> None:
    """Refuse a demo size outside what the demo can make believable."""
    if not 1 <= people <= 500:
        raise InputError(f"--people must be 1–500, got {people}")
    if not 1 <= years <= 20:
        raise InputError(f"--years must be 1–20, got {years}")
