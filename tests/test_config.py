"""config.toml: validated by its model alone, a bad setting falls back on its own with
one notice, and the file is written back with the person's comments kept."""

from __future__ import annotations

import stat
import tomllib
from pathlib import Path

import pytest

from leadtui.config import (
    CalendarSettings,
    Settings,
    UndoSettings,
    load_settings,
    remember_theme,
)
from leadtui.domain.energy import EnergyThresholds


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_an_unquoted_dotted_id_in_the_keymap_is_that_id(tmp_path: Path) -> None:
    """TOML reads ``oneonones.hold = "h"`` as a table: it still means the binding id, and
    the rest of the file is kept."""
    path = write(
        tmp_path,
        'theme = "leadtui-light"\n[keymap]\noneonones.hold = "h"\n"go.people" = "f3"\n'
        "[undo]\ndays = 3\n",
    )
    settings, problems = load_settings(path)
    assert problems == []
    assert settings.keymap == {"oneonones.hold": "h", "go.people": "f3"}
    assert (settings.theme, settings.undo.days) == ("leadtui-light", 3)


def test_one_bad_setting_falls_back_alone_with_one_notice(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        'theme = "leadtui-light"\n[keymap]\n"go.people" = "f3"\n[undo]\ndays = -1\nchanges = 20\n',
    )
    settings, problems = load_settings(path)
    assert settings == Settings(
        theme="leadtui-light", keymap={"go.people": "f3"}, undo=UndoSettings(changes=20)
    )
    (notice,) = problems
    assert "[undo] days must be 0–365, got -1" in notice
    assert "that setting uses its default" in notice and str(path) in notice


def test_several_bad_settings_are_named_in_one_notice(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        'colour = "blue"\ntheme = "leadtui-light"\n'
        '[keymap]\n"go.people" = ""\n"people.add" = "n"\n'
        '[calendar]\ntime_zone = "Mars/Olympus"\n'
        "[review]\nhalf_start_month = 13\n"
        "[energy]\nwindow_days = 30\nmood = 1\n",
    )
    settings, problems = load_settings(path)
    assert settings == Settings(
        theme="leadtui-light",
        keymap={"people.add": "n"},
        energy=EnergyThresholds(window_days=30),
    )
    (notice,) = problems
    for words in (
        "unknown setting 'colour'; known: theme, [keymap], [energy], [review], [calendar], [undo]",
        "[keymap] 'go.people' has no keys",
        '[calendar] time_zone must be an IANA zone name such as "Europe/Berlin"',
        "[review] half_start_month must be 1–12, got 13",
        "unknown [energy] setting 'mood'; known: good_day, drained_day, window_days",
        "those settings use their defaults",
    ):
        assert words in notice


def test_a_rule_between_two_settings_resets_their_table(tmp_path: Path) -> None:
    """The domain's own rule (a drained day below a good one) refuses the pair."""
    path = write(tmp_path, 'theme = "leadtui-light"\n[energy]\ngood_day = 3\ndrained_day = 3\n')
    settings, problems = load_settings(path)
    assert settings == Settings(theme="leadtui-light")
    assert "[energy] needs drained_day < good_day" in problems[0]
    with pytest.raises(ValueError, match="drained_day < good_day"):
        EnergyThresholds(good_day=3, drained_day=3)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("theme = 5\n", 'theme must be text like "leadtui-light", got 5'),
        ("undo = 3\n", "undo must be a table"),
        ('[keymap]\n"go.people" = 3\n', "[keymap] 'go.people' must be text like \"f3\", got 3"),
        (
            '[keymap]\n"go.people" = ["p"]\n',
            "[keymap] 'go.people' must be text like \"f3\", got a list",
        ),
        ("keymap = 5\n", "keymap must be a table: [keymap] with its settings on the lines below"),
        ('[undo]\ndays = "seven"\n', "[undo] days must be a whole number, got 'seven'"),
        ("[undo]\ndays = 1.5\n", "[undo] days must be a whole number, got 1.5"),
        ("[undo]\nchanges = [1]\n", "[undo] changes must be a whole number, got a list"),
        (
            "[calendar]\nmy_email = true\n",
            '[calendar] my_email must be text like "me@example.com", got true',
        ),
    ],
)
def test_a_value_of_the_wrong_kind_falls_back(tmp_path: Path, text: str, words: str) -> None:
    """Said in the file's own words: what kind of value the setting takes, and what it got."""
    settings, problems = load_settings(write(tmp_path, text))
    assert settings == Settings() and words in problems[0]
    assert "Input should be" not in problems[0]


def test_a_file_that_is_not_toml_still_means_defaults(tmp_path: Path) -> None:
    settings, problems = load_settings(write(tmp_path, "theme = [1, 2\n"))
    assert settings == Settings() and "cannot be read" in problems[0]


def test_good_settings_load_without_a_notice(tmp_path: Path) -> None:
    path = write(tmp_path, '[calendar]\ntime_zone = "Europe/Berlin"\n[undo]\ndays = 0\n')
    assert load_settings(path) == (
        Settings(calendar=CalendarSettings("Europe/Berlin"), undo=UndoSettings(days=0)),
        [],
    )


def test_remembering_a_theme_keeps_every_comment(tmp_path: Path) -> None:
    original = (
        "# My settings.\n"
        'theme = "leadtui-dark"  # the old favourite\n'
        "\n"
        "[keymap]\n"
        'oneonones.hold = "h"  # unquoted, as I like it\n'
        "\n"
        "# Undo for a fortnight.\n"
        "[undo]\n"
        "days = 14\n"
    )
    path = write(tmp_path, original)
    remember_theme(path, "leadtui-light")
    text = path.read_text(encoding="utf-8")
    assert text == original.replace('"leadtui-dark"', '"leadtui-light"')
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert tomllib.loads(text)["theme"] == "leadtui-light"


def test_remembering_a_theme_adds_it_above_the_tables(tmp_path: Path) -> None:
    path = write(tmp_path, '# Keys.\n[keymap]\n"go.people" = "f3"\n')
    remember_theme(path, "nord")
    settings, problems = load_settings(path)
    assert (settings.theme, settings.keymap, problems) == ("nord", {"go.people": "f3"}, [])
    assert path.read_text(encoding="utf-8").startswith("# Keys.\n")


def test_a_file_that_is_not_toml_is_not_written(tmp_path: Path) -> None:
    path = write(tmp_path, "theme = [1, 2\n")
    with pytest.raises(ValueError, match="cannot be read"):
        remember_theme(path, "nord")
    assert path.read_text(encoding="utf-8") == "theme = [1, 2\n"
