"""One rule for when two names are one name, and which characters no name may hold."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leadtui.domain.people_input import PersonDraft
from leadtui.domain.rotations_input import CapacityDraft, HostTeamDraft
from leadtui.domain.text import has_control_characters, literal, name_key
from leadtui.domain.validation import build
from leadtui.errors import InputError
from tests.helpers import TODAY


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Émile Roy", "émile roy"),
        ("STRASSE", "straße"),
        ("Ｓａｍ Okafor", "sam okafor"),  # full-width letters read as the same name
        ("E\u0301mile", "Émile"),  # decomposed and composed accents
        ("Sam  Okafor", "sam okafor"),
        ("ΣΊΣΥΦΟΣ", "σίσυφος"),  # final sigma
    ],
)
def test_names_that_read_alike_are_one_name(first: str, second: str) -> None:
    assert name_key(first) == name_key(second)


def test_different_names_stay_different() -> None:
    assert name_key("Emile Roy") != name_key("Émile Roy")
    assert name_key("Sam") != name_key("Sam O")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", "Sam\x1b[31m Okafor"),
        ("name", "Sam\u202eOkafor"),  # a right-to-left override prints the rest backwards
        ("title", "Staff\x07 Engineer"),
        ("team", "Pay\x1bments"),
        ("level", "L\x7f4"),
        ("name", "Sam\x9bOkafor"),  # a C1 control: the 8-bit escape sequence start
    ],
)
def test_a_person_field_with_a_control_character_is_refused_in_one_line(
    field: str, value: str
) -> None:
    fields = {"name": "Sam", field: value}
    with pytest.raises(InputError) as info:
        build(PersonDraft, today=TODAY, **fields)
    message = info.value.message
    assert message.startswith(f"{field} contains a control character")
    assert "remove it" in message
    assert not has_control_characters(message) and "\n" not in message


def test_capacity_and_host_names_refuse_control_characters() -> None:
    with pytest.raises(InputError, match="name contains a control character"):
        build(CapacityDraft, today=TODAY, name="Incident\x1b Review")
    with pytest.raises(InputError, match="description contains a control character"):
        build(CapacityDraft, today=TODAY, name="Incident Review", description="a\x1bb")
    with pytest.raises(InputError, match="hosts contains a control character"):
        build(HostTeamDraft, people="Ana, Bo\x1b")


def test_names_keep_what_people_really_write() -> None:
    # The zero-width joiner builds emoji and the non-joiner belongs to Persian names.
    for name in ("Ana 👩‍💻", "مهر\u200cداد", "Zoë O'Brien-Łukasz"):
        assert build(PersonDraft, today=TODAY, name=name).name == name


@given(st.text())
def test_literal_never_leaves_a_bidi_override(text: str) -> None:
    shown = literal(text)
    assert not has_control_characters(shown)
    assert not any(c in shown for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
