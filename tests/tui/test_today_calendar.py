"""Your calendar from the app, both ways: Today's X exports the very file `leadtui export
calendar` writes, through the one export dialog; I reads a calendar file and lists its
proposals with a check box each, and applies only the ticked ones."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from textual.widgets import Button, Input

from leadtui.config import CalendarSettings, Settings
from leadtui.tui.dialogs.calendar_import import (
    CalendarFilePrompt,
    CalendarImportDialog,
    ProposalList,
)
from leadtui.tui.dialogs.export_prompt import ExportDialog
from tests.helpers import SIZE, cli, make_app, plain_text
from tests.imports.test_calendar_import import GOOGLE, OUTLOOK

ME = "me@example.com"
SETTINGS = Settings(calendar=CalendarSettings(time_zone="Europe/Berlin", my_email=ME))


def _team(db_path: Path) -> None:
    db = ["--db", str(db_path)]
    for argv in (
        ["people", "add", "Sam Okafor", "--email", "sam@example.com"],
        ["people", "add", "Ana Lee", "--email", "ana@example.com"],
        ["1on1", "series", "Sam", "--weekday", "tuesday", "--start", "2026-06-02"],
    ):
        assert cli(*argv, *db).returncode == 0


def _series(db_path: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(
            "select p.name, s.every_weeks, s.at_time from oo_series s "
            "join person p on p.id = s.person_id order by p.name"
        ).fetchall()
    finally:
        conn.close()


async def test_x_on_today_writes_the_calendar_the_shell_writes(
    db_path: Path, isolated_home: Path, tmp_path: Path
) -> None:
    _team(db_path)
    target = tmp_path / "mine.ics"
    app = make_app(db_path, isolated_home, SETTINGS)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("X")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#field-path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is not dialog
    written = target.read_text(encoding="utf-8")
    assert "RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=TU;WKST=MO" in written
    assert "SUMMARY:1:1 with Sam Okafor" in written
    # The app recorded what went out: the shell's next export has nothing changed.
    isolated_home.mkdir(parents=True, exist_ok=True)
    (isolated_home / "config.toml").write_text(
        f'[calendar]\ntime_zone = "Europe/Berlin"\nmy_email = "{ME}"\n', encoding="utf-8"
    )
    shell = tmp_path / "shell.ics"
    assert cli("export", "calendar", "--out", str(shell), "--db", str(db_path)).returncode == 0

    def unstamped(text: str) -> str:
        return re.sub(r"DTSTAMP:\d{8}T\d{6}Z", "DTSTAMP:-", text)

    assert unstamped(shell.read_text(encoding="utf-8")) == unstamped(written)


async def test_i_on_today_lists_the_proposals_and_applies_only_the_ticked_ones(
    db_path: Path, isolated_home: Path, tmp_path: Path
) -> None:
    _team(db_path)
    path = tmp_path / "both.ics"
    # One calendar holding Sam's (Google's shape) and Ana's (Outlook's) meetings.
    google_events = GOOGLE.split("BEGIN:VEVENT", 1)[1].rsplit("END:VCALENDAR", 1)[0]
    path.write_text(OUTLOOK.replace("END:VCALENDAR", "BEGIN:VEVENT" + google_events
                                    + "END:VCALENDAR"), encoding="utf-8")  # fmt: skip
    before = _series(db_path)
    app = make_app(db_path, isolated_home, SETTINGS)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("I")
        await pilot.pause()
        app.screen.query_one("#field-text", Input).value = str(path)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, CalendarImportDialog)
        proposals = dialog.query_one(ProposalList)
        labels = [
            str(proposals.get_option_at_index(n).prompt) for n in range(proposals.option_count)
        ]
        assert len(labels) == 4 and len(proposals.ticked) == 4, labels
        # Untick everything about Sam: only Ana's series and sessions are written.
        for n, label in enumerate(labels):
            if "Sam Okafor" in label:
                proposals.highlighted = n
                proposals.action_tick()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, CalendarImportDialog)
        said = " ".join(str(n.message) for n in app._notifications)
        assert "Imported 2 proposals from the calendar" in said, said
    assert _series(db_path) == [("Ana Lee", 1, "14:00"), *before]


def _both(tmp_path: Path) -> Path:
    path = tmp_path / "both.ics"
    google_events = GOOGLE.split("BEGIN:VEVENT", 1)[1].rsplit("END:VCALENDAR", 1)[0]
    path.write_text(OUTLOOK.replace("END:VCALENDAR", "BEGIN:VEVENT" + google_events
                                    + "END:VCALENDAR"), encoding="utf-8")  # fmt: skip
    return path


async def test_the_app_refuses_an_address_that_is_not_one_as_the_command_line_does(
    db_path: Path, isolated_home: Path, tmp_path: Path
) -> None:
    _team(db_path)
    path = _both(tmp_path)
    wrong = Settings(calendar=CalendarSettings(time_zone="Europe/Berlin", my_email="me at work"))
    app = make_app(db_path, isolated_home, wrong)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("I")
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, CalendarFilePrompt)
        prompt.query_one("#field-text", Input).value = str(path)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is prompt, "a calendar read as nobody's"
        assert "email must be one address" in plain_text(prompt.query_one("#form-error"))
    cli_ran = cli("calendar", "import", str(path), "--me", "me at work", "--db", str(db_path))
    assert cli_ran.returncode == 2 and "email must be one address" in cli_ran.stderr


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_proposals_start_under_the_cursor_in_full_with_read_and_apply_buttons(
    db_path: Path, isolated_home: Path, tmp_path: Path, size: tuple[int, int]
) -> None:
    _team(db_path)
    path = _both(tmp_path)
    app = make_app(db_path, isolated_home, SETTINGS)
    async with app.run_test(size=size) as pilot:
        await pilot.press("I")
        await pilot.pause()
        prompt = app.screen
        assert str(prompt.query_one("#save", Button).label) == "Read (ctrl+s)"
        prompt.query_one("#field-text", Input).value = str(path)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, CalendarImportDialog)
        proposals = dialog.query_one(ProposalList)
        assert app.focused is proposals and proposals.highlighted == 0
        # Sam's change in full, every field of it, wrapped within the dialog.
        shown = " ".join(str(proposals.get_option_at_index(n).prompt)
                         for n in range(proposals.option_count))  # fmt: skip
        assert "cadence weekly -> every 2 weeks; time 10:00 -> 09:30; minutes 60 -> 45" in shown
        # No empty gutter on the left of the list.
        assert proposals.region.x - dialog.query_one("#calendar-import").region.x <= 2
        assert [b.id for b in dialog.query(Button)] == [
            "calendar-import-apply",
            "calendar-import-cancel",
        ]
        first = proposals.get_option_at_index(0).id
        await pilot.press("space")
        await pilot.pause()
        assert first not in proposals.ticked and len(proposals.ticked) == 3
        assert str(proposals.get_option_at_index(0).prompt).startswith("[ ] Ana Lee")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, CalendarImportDialog)
