"""Deleted text leaves the file: random words written into every kind of text that can be
overwritten or removed, then overwritten or removed, are looked for in the raw bytes of
the database (and any write-ahead log left) once every connection is closed."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest

from .deleted_text import KINDS, new_token, trial

pytestmark = pytest.mark.reliability

TRIALS = 10


def test_deleted_text_is_nowhere_in_the_file(
    tmp_path: Path, figures: Callable[[str], None]
) -> None:
    rng = random.Random(20261122)
    found: list[str] = []
    tried = 0
    for n in range(TRIALS):
        tokens = {kind: new_token(rng) for kind in KINDS}
        left = trial(tmp_path / f"trial-{n}" / "leadtui.db", tokens)
        tried += len(tokens)
        found += [f"{kind} ({tokens[kind]})" for kind, there in left.items() if there]
    figures(
        f"deleted-text grep: {tried} tried ({TRIALS} trials × {len(KINDS)} kinds), "
        f"{len(found)} found"
    )
    assert found == []
