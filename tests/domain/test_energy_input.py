from __future__ import annotations

from datetime import date

import pytest

from leadtui.domain.energy_input import EnergyLogDraft, WorkDraft
from leadtui.domain.validation import build
from leadtui.errors import InputError
from tests.helpers import TODAY


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"level": "0"}, "energy level must be 1–5"),
        ({"level": "6"}, "energy level must be 1–5"),
        ({"level": "high"}, "got 'high'"),
        ({"level": "³"}, "energy level must be 1–5"),
        ({"level": "4", "day": "tomorrow"}, "is in the future"),
        ({"level": "4", "day": "2026-02-31"}, "not a real date"),
        ({"level": "4", "energized_by": [""]}, "energized by must not be empty"),
        ({"level": "4", "drained_by": ["  "]}, "drained by must not be empty"),
        ({"level": "4", "drained_by": ["x" * 121]}, "drained by is 121 characters"),
        ({"level": "4", "note": "x" * 2001}, "keep it to 2000"),
    ],
)
def test_bad_energy_input_is_refused(fields: dict[str, object], expected: str) -> None:
    data = {"day": None, **fields}
    with pytest.raises(InputError) as info:
        build(EnergyLogDraft, today=TODAY, **data)
    assert expected in info.value.message
    # Worded for any front end: the command line names its own flags.
    assert "--" not in info.value.message


def test_notes_keep_markup_and_control_characters() -> None:
    draft = build(EnergyLogDraft, today=TODAY, level=3, day=None, note="[bold]x[/] \x1b[31m")
    assert draft.note == "[bold]x[/] \x1b[31m"
    assert draft.day == TODAY


def test_work_draft() -> None:
    draft = build(
        WorkDraft, today=TODAY, title="talk", day="2026-11-01", hours="1.5", kind="Speaking"
    )
    assert (draft.day, draft.hours, draft.kind.value) == (date(2026, 11, 1), 1.5, "speaking")
    for fields, expected in [
        ({"title": " "}, "title must not be empty"),
        ({"title": "x", "hours": "lots"}, "hours must be a number"),
        ({"title": "x", "hours": "0"}, "more than 0"),
        ({"title": "x", "kind": "napping"}, "kind must be one of"),
    ]:
        with pytest.raises(InputError, match=expected):
            build(WorkDraft, today=TODAY, day=None, **fields)
