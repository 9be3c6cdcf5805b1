"""Succession's P: the selected report's career path exported for them, byte for byte
what `leadtui export career PERSON` writes; their copy never holds the align-up."""

from __future__ import annotations

from pathlib import Path

import pytest

from leadtui.tui.widgets.succession_tabs import BenchTab
from tests.helpers import SIZE, make_app
from tests.tui.test_exports_everywhere import demo, export_from, from_the_shell, notices

__all__ = ["demo"]  # the demo team fixture, shared with the other export tests


@pytest.mark.parametrize(("choice", "audience"), [(0, "shared"), (1, "private")])
async def test_p_exports_the_selected_reports_career_path(
    demo: Path, isolated_home: Path, tmp_path: Path, choice: int, audience: str
) -> None:
    app, target = make_app(demo, isolated_home), tmp_path / "career.md"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("S")
        await pilot.pause()
        person = app.screen.query_one(BenchTab).person
        assert person is not None
        await export_from(app, pilot, ("P",), choice, target)
        assert "career path" in notices(app)
    shell = from_the_shell(
        demo, tmp_path / "shell.md", "career", person.name, "--audience", audience
    )
    assert target.read_bytes() == shell
    assert target.read_text().startswith("# Private:") is (audience == "private")
