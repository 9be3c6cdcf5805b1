"""Undo and redo the last changes, for both front ends.

Every write through leadtui is one change in the journal (:mod:`leadtui.store.journal`).
Undoing writes each row back as it was before the change, newest row first; redoing
writes it as the change left it. Both go through the tables themselves, so the search
index follows, and neither is journaled as a new change: an undone change moves to the
redo stack, and a new change ends that stack.

A change is undone only when its rows are still as it left them; otherwise the change
that touched them since is named, to be undone first. The journal keeps changes for the
undo window only (config.toml ``[undo]``).
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from leadtui.errors import InputError
from leadtui.store import journal
from leadtui.store.database import write_transaction
from leadtui.store.journal import Change, JournalSettings

__all__ = ["Change", "configure", "redo", "redoable", "undo", "undoable"]

if TYPE_CHECKING:
    from leadtui.store.database import Store


def configure(store: Store, *, days: int, changes: int) -> None:
    """Use config.toml's undo window for the changes written through ``store``, and drop
    what has fallen out of it already.

    Every write prunes the journal; this also prunes when the database is opened, so the
    text of a change made before a week without writing does not wait for the next one.
    """
    settings = JournalSettings(days=days, changes=changes)
    store.journal = settings
    if store.read_only or store.not_created or not journal.has_expired(store, settings):
        return
    try:
        with write_transaction(store, journal=False):
            pass  # the commit prunes
    except sqlite3.OperationalError:
        pass  # another writer holds the lock: its own write prunes, or the next one does


def undoable(store: Store, limit: int | None = None) -> list[Change]:
    """The changes that can be undone, newest first."""
    return journal.done_changes(store, limit)


def redoable(store: Store) -> list[Change]:
    """The changes that can be redone, the next redo first."""
    return journal.undone_changes(store)


def _nothing(what: str, store: Store) -> InputError:
    settings = store.journal
    if settings is not None and not settings.records:
        return InputError(
            f"nothing to {what}: the undo window is 0 days (config.toml [undo] days), "
            "so no change is kept"
        )
    return InputError(f"nothing to {what}: no change made through leadtui is kept to {what}")


def _check_unchanged(store: Store, target: Change, *, undoing: bool) -> None:
    """Refuse when a row of ``target`` is no longer as the change (or its undo) left it."""
    rows = journal.row_changes(store, target.id)
    expected: dict[tuple[str, int], str | None] = {}
    shape: dict[tuple[str, int], str] = {}
    # Undoing starts from the state after the change (each row's last entry); redoing
    # from the state before it (each row's first entry).
    for row in rows if undoing else reversed(rows):
        key = (row.table, row.row_id)
        expected[key] = row.new if undoing else row.old
        shape[key] = row.old or row.new or "{}"
    for (table, row_id), wanted in expected.items():
        now = journal.current_row(store, table, row_id, wanted or shape[(table, row_id)])
        if now == wanted:
            continue
        noun = journal.NOUNS.get(table, table)
        if undoing:
            later = journal.later_change_touching(store, table, row_id, target.id)
            by = f"by “{later.label}”" if later else "outside leadtui's journal"
            raise InputError(
                f"cannot undo “{target.label}”: its {noun} was changed since {by}; undo that first"
            )
        raise InputError(
            f"cannot redo “{target.label}”: its {noun} was changed since it was undone"
        )


def undo(store: Store, change_id: int | None = None) -> Change:
    """Undo the newest change in effect (or the one with ``change_id``); return it.

    Refused with one line when there is nothing to undo, when the change is not in the
    journal (any more), or when its rows were changed since by a later change.
    """
    if change_id is None:
        newest = journal.done_changes(store, 1)
        if not newest:
            raise _nothing("undo", store)
        target = newest[0]
    else:
        found = journal.change(store, change_id)
        if found is None or found.undone:
            raise InputError(
                f"change {change_id} cannot be undone: it is not among the changes kept "
                "(see `leadtui undo --list`)"
            )
        target = found
    try:
        with write_transaction(store, journal=False):
            _check_unchanged(store, target, undoing=True)
            # Rows come back before what refers to them is checked: a removed person's
            # notes are written back one at a time.
            store.execute("pragma defer_foreign_keys = on")
            for row in reversed(journal.row_changes(store, target.id)):
                journal.put_row(store, row.table, row.row_id, row.old)
            journal.mark_undone(store, target.id)
    except sqlite3.IntegrityError:
        # Records added since refer to what this change added (a talking point for a
        # person added by it): the transaction rolled back, nothing was written.
        later = [c for c in journal.done_changes(store) if c.id > target.id]
        by = f" (“{later[-1].label}”)" if later else ""
        raise InputError(
            f"cannot undo “{target.label}”: later changes{by} build on it; undo those first"
        ) from None
    return target


def redo(store: Store) -> Change:
    """Redo the change undone last; return it."""
    waiting = journal.undone_changes(store)
    if not waiting:
        raise _nothing("redo", store)
    target = waiting[0]
    with write_transaction(store, journal=False):
        _check_unchanged(store, target, undoing=False)
        store.execute("pragma defer_foreign_keys = on")
        for row in journal.row_changes(store, target.id):
            journal.put_row(store, row.table, row.row_id, row.new)
        journal.mark_redone(store, target.id)
    return target
