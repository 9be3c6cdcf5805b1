"""config.toml's [calendar]: your address (calendar import) and the prep reminder's
minutes (export calendar), each checked with one line naming the setting."""

from __future__ import annotations

from pathlib import Path

import pytest

from leadtui.config import Settings, load_settings


def _load(tmp_path: Path, text: str) -> tuple[Settings, list[str]]:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return load_settings(path)


def test_my_email_and_prep_minutes_are_read(tmp_path: Path) -> None:
    settings, problems = _load(
        tmp_path, '[calendar]\nmy_email = "me@example.com"\nprep_minutes = 10\n'
    )
    assert problems == []
    calendar = settings.calendar
    assert (calendar.my_email, calendar.prep_minutes) == ("me@example.com", 10)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ('my_email = "me at example"', "[calendar] my_email must be one address"),
        ("prep_minutes = -5", "[calendar] prep_minutes must be 0–10080"),
        ("prep_minutes = 20000", "[calendar] prep_minutes must be 0–10080"),
        ('reminder = "yes"', "known: time_zone, my_email, prep_minutes"),
    ],
)
def test_a_bad_calendar_setting_is_named_and_defaults_are_used(
    tmp_path: Path, text: str, said: str
) -> None:
    settings, problems = _load(tmp_path, f"[calendar]\n{text}\n")
    assert len(problems) == 1 and said in problems[0], problems
    assert settings.calendar.prep_minutes == 0
