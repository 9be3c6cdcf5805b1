from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leadtui.domain.people import Relation
from leadtui.domain.people_input import PersonDraft
from leadtui.domain.text import has_control_characters, literal
from leadtui.domain.validation import build
from leadtui.errors import InputError
from tests.helpers import TODAY


def test_draft_strips_and_keeps_markup_as_typed() -> None:
    draft = build(PersonDraft, today=TODAY, name="  [bold]Sam[/]  ", relation="Peer")
    assert draft.name == "[bold]Sam[/]"
    assert draft.relation is Relation.PEER


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"name": ""}, "name must not be empty"),
        ({"name": "   "}, "name must not be empty"),
        ({"name": "x" * 10_000}, "keep it to 120"),
        ({"name": "Sam", "relation": "boss"}, "relation must be one of report, peer"),
        ({"name": "Sam", "started_on": "2026-02-31"}, "not a real date"),
        ({"name": "Sam", "started_on": "not a date"}, "is not a date"),
        ({"name": "two\nlines"}, "one line"),
    ],
)
def test_draft_refuses_with_one_line_naming_the_field(
    fields: dict[str, str], expected: str
) -> None:
    with pytest.raises(InputError) as info:
        build(PersonDraft, today=TODAY, **fields)
    assert expected in info.value.message
    assert "\n" not in info.value.message


def test_relative_start_date_uses_the_given_today() -> None:
    draft = build(PersonDraft, today=TODAY, name="Sam", started_on="yesterday")
    assert draft.started_on is not None and draft.started_on.isoformat() == "2026-11-21"


def test_emoji_names_are_fine() -> None:
    assert build(PersonDraft, name="Ana 🚀").name == "Ana 🚀"


@given(st.text())
def test_literal_never_leaves_a_control_character(text: str) -> None:
    shown = literal(text)
    assert not has_control_characters(shown)
    assert "\n" not in shown


def test_literal_shows_escapes_visibly() -> None:
    assert literal("\x1b[31mred") == "\\x1b[31mred"
