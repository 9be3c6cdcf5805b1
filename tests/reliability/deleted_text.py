"""Writing a word into every kind of text that can be overwritten or removed, doing so
through the command line (the services underneath), and finding what is left of it in
the database file's raw bytes.

Shared by the store test (one token per kind) and the reliability trial (many tokens).
"""

from __future__ import annotations

import gc
import random
import re
import string
from collections.abc import Callable
from pathlib import Path

from tests.helpers import without_undo_window

from .helpers import run_main

HELD_ON = "2026-11-17"
CAPACITY = "Incident Review"
MEETING = "Staff sync"

Write = Callable[..., str]


def _held_notes(w: Write, token: str) -> None:
    w("1on1", "notes", "Ana Lima", "--private", f"seemed {token}")
    w("1on1", "close", "Ana Lima", "--date", HELD_ON)


def _reword_point(w: Write) -> None:
    found = re.search(r"^\s+(\d+)\s", w("1on1", "show", "Cy Park"), re.MULTILINE)
    assert found, "no talking point listed"
    w("1on1", "edit", "Cy Park", found.group(1), "ask about the move")


def _listed_id(w: Write, label: str) -> str:
    """The id `succession show` lists for a focus area or a CEO log entry."""
    shown = w("succession", "show")
    pattern = r"\(id (\d+)\)" if label == "focus" else r"^\s+(\d+)\s+\d{4}-"
    found = re.search(pattern, shown, re.MULTILINE)
    assert found, f"no {label} id listed"
    return found.group(1)


# Each kind: (write the token, then overwrite or remove it), through the command line.
# Another kind's steps never touch this kind's text, so any subset can run in one file.
KINDS: dict[str, tuple[Callable[[Write, str], object], Callable[[Write], object]]] = {
    "private notes of the upcoming 1:1": (
        lambda w, t: w("1on1", "notes", "Ben Ode", "--private", f"worried {t} today"),
        lambda w: w("1on1", "notes", "Ben Ode", "--private", "nothing to add"),
    ),
    "private notes of a held 1:1": (
        _held_notes,
        lambda w: w("1on1", "notes", "Ana Lima", "--session", HELD_ON, "--private", "fine"),
    ),
    "private talking point": (
        lambda w, t: w("1on1", "add", "Cy Park", f"ask about {t}", "--private"),
        _reword_point,
    ),
    "T3B3 item, reworded": (
        lambda w, t: w("t3b3", "set", "Ana Lima", "--top", t, "--top", "Docs", "--top", "Tests"),
        lambda w: w("t3b3", "set", "Ana Lima", "--top", "Mentoring", "--top", "Docs"),
    ),
    "T3B3 item, removed on delivery": (
        lambda w, t: w(
            "t3b3",
            "set",
            "Ben Ode",
            *("--top", t, "--top", "Docs", "--top", "Tests"),
            *("--bottom", "Estimates", "--bottom", "Focus", "--bottom", "Scope"),
            "--remove-text-after-delivery",
        ),
        lambda w: w("t3b3", "deliver", "Ben Ode"),
    ),
    "energy note": (
        lambda w, t: w("energy", "log", "3", f"a {t} day", "--date", "2026-11-20"),
        lambda w: w("energy", "log", "3", "a plain day", "--date", "2026-11-20"),
    ),
    "what drained an energy day": (
        lambda w, t: w("energy", "log", "2", "--date", "2026-11-19", "--drained-by", t),
        lambda w: w("energy", "log", "2", "--date", "2026-11-19", "--drained-by", "meetings"),
    ),
    "private hand-off note": (
        lambda w, t: w("rotation", "handoff", CAPACITY, "Ana Lima", f"watch {t}", "--private"),
        lambda w: w("rotation", "handoff", CAPACITY, "Ana Lima", "all quiet", "--private"),
    ),
    "candidacy condition": (
        lambda w, t: w(
            "succession", "candidate", "Cy Park", "--readiness", "1y", "--pending", f"a {t}"
        ),
        lambda w: w("succession", "candidate", "Cy Park", "--clear"),
    ),
    "career goal and test run": (
        lambda w, t: w(
            "career", "Ben Ode", "--goal", f"lead {t}", "--test-run", t, "--result", f"{t} went"
        ),
        lambda w: w(
            "career", "Ben Ode", "--goal", "lead", "--test-run", "a week", "--result", "well"
        ),
    ),
    "meeting audit: what is missing and the plan": (
        lambda w, t: w(
            "meeting", "audit", MEETING, "--decision", "partner", "--missing", t, "--plan", t
        ),
        lambda w: w(
            "meeting", "audit", MEETING, "--decision", "partner", "--missing", "x", "--plan", "y"
        ),
    ),
    "succession gap, removed": (
        lambda w, t: w("succession", "gap", "add", "Ben Ode", f"lacks {t}"),
        lambda w: w("succession", "gap", "remove", "Ben Ode", "1"),
    ),
    "succession gap, reworded": (
        lambda w, t: w("succession", "gap", "add", "Cy Park", f"lacks {t}"),
        lambda w: w("succession", "gap", "edit", "Cy Park", "1", "board presence"),
    ),
    "focus area, removed": (
        lambda w, t: w("succession", "focus", "Ana Lima", f"grow {t}"),
        lambda w: w("succession", "focus-remove", _listed_id(w, "focus")),
    ),
    "CEO log entry, reworded": (
        lambda w, t: w("succession", "ceo", f"raised {t}", "--person", "Ana Lima"),
        lambda w: w("succession", "ceo-edit", _listed_id(w, "ceo"), "raised growth"),
    ),
    "vacation hand-over, removed": (
        lambda w, t: (
            w("vacation", "add", "2027-07-05", "2027-07-18"),
            w("vacation", "cover", "2027-07-05", f"{t} decisions", "Ben Ode"),
        ),
        lambda w: w("vacation", "remove", "2027-07-05"),
    ),
}


def new_token(rng: random.Random) -> str:
    """A word nobody writes: 14 random letters."""
    return "".join(rng.choice(string.ascii_lowercase) for _ in range(14))


def needle(token: str) -> bytes:
    """What to look for in the file. The search index stores a word after the letters it
    shares with the word before it (prefix compression), so the whole word may be absent
    where its tail is present: the last ten random letters are looked for."""
    return token[4:].encode()


def file_bytes(db_path: Path) -> bytes:
    """The database file and its write-ahead log, if one is left, as they are on disk."""
    gc.collect()  # no connection left open by a collected store
    wal = db_path.with_name(db_path.name + "-wal")
    return db_path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def writer(db_path: Path) -> Write:
    """Run one command against ``db_path``; a failure fails the test with its stderr."""

    def w(*argv: str) -> str:
        ran = run_main(["--db", str(db_path), *argv])
        assert ran.code == 0, ran.describe()
        return ran.out

    return w


def set_up(w: Write) -> None:
    """Three reports with 1:1s, a rotation term served and a recurring meeting."""
    for name in ("Ana Lima", "Ben Ode", "Cy Park"):
        w("people", "add", name)
    w("1on1", "series", "Ana Lima", "--weekday", "tuesday", "--start", "2026-10-01")
    w("rotation", "add", CAPACITY, "--start", "2026-01-01")
    w("rotation", "roster", CAPACITY, "Ana Lima", "Ben Ode")
    w("rotation", "assign", CAPACITY, "--seat", "1", "--person", "Ana Lima", "--from", "2026-01-01")
    w("meeting", "add", MEETING)


def trial(db_path: Path, tokens: dict[str, str]) -> dict[str, bool]:
    """Write ``tokens`` (kind -> token), check each reached the file, overwrite or remove
    them all, and say for each kind whether its token is still somewhere in the file.

    With no undo window: the undo journal keeps removed text for its window, and
    test_undo_journal_privacy shows it leaves once the window has passed."""
    without_undo_window()
    w = writer(db_path)
    set_up(w)
    for kind, token in tokens.items():
        KINDS[kind][0](w, token)
    written = file_bytes(db_path)
    missing = [kind for kind, token in tokens.items() if needle(token) not in written]
    assert not missing, f"never reached the file, so the check proves nothing: {missing}"
    for kind in tokens:
        KINDS[kind][1](w)
    left = file_bytes(db_path)
    return {kind: needle(token) in left for kind, token in tokens.items()}
