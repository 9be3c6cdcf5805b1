from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from leadtui.export.markdown import block, cell, inline


def test_block_keeps_lists_and_emphasis_but_not_headings() -> None:
    text = "# Title\n- a *point*\n===\n> quote\n```\ncode\n--\n<!-- hidden"
    assert block(text) == (
        "\\# Title\n- a *point*\n\\===\n\\> quote\n\\```\ncode\n\\--\n\\<!-- hidden"
    )


@given(st.text())
def test_no_user_text_can_open_a_section_or_fence(text: str) -> None:
    for line in block(text).splitlines():
        assert not re.match(r"^\s{0,3}(#{1,6}(\s|$)|```|~~~|>|<|-+\s*$|=+\s*$)", line)
        assert "\x1b" not in line
    assert "\n" not in inline(text)
    assert "|" not in cell(text).replace("\\|", "")
