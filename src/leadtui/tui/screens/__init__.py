"""One module per screen. ``SCREENS`` maps a mode name to its title and loader."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from textual.screen import Screen


class ScreenEntry(NamedTuple):
    """A top-level screen the app can switch to."""

    mode: str
    title: str
    summary: str
    key: str
    load: Callable[[], type[Screen[None]]]

    def create(self) -> Screen[None]:
        """A new instance of the screen."""
        return self.load()()


def _today() -> type[Screen[None]]:
    from leadtui.tui.screens.today import TodayScreen

    return TodayScreen


def _people() -> type[Screen[None]]:
    from leadtui.tui.screens.people import PeopleScreen

    return PeopleScreen


def _energy() -> type[Screen[None]]:
    from leadtui.tui.screens.energy import EnergyScreen

    return EnergyScreen


def _oneonones() -> type[Screen[None]]:
    from leadtui.tui.screens.oneonones import OneOnOnesScreen

    return OneOnOnesScreen


def _reviews() -> type[Screen[None]]:
    from leadtui.tui.screens.reviews import ReviewsScreen

    return ReviewsScreen


def _succession() -> type[Screen[None]]:
    from leadtui.tui.screens.succession import SuccessionScreen

    return SuccessionScreen


def _rotations() -> type[Screen[None]]:
    from leadtui.tui.screens.rotations import RotationsScreen

    return RotationsScreen


SCREENS: tuple[ScreenEntry, ...] = (
    ScreenEntry("today", "Today", "What needs you today across every ritual", "t", _today),
    ScreenEntry("oneonones", "One-on-ones", "The running 1:1 document per person", "o", _oneonones),
    ScreenEntry("people", "People", "Add, edit, archive and find people", "p", _people),
    ScreenEntry("energy", "Energy", "Log today's energy and read the verdict", "E", _energy),
    ScreenEntry(
        "reviews", "Reviews", "T3B3 per report and half, feedback, review packets", "R", _reviews
    ),
    ScreenEntry(
        "succession",
        "Succession",
        "The bench, focus areas, the meeting audit and vacation cover",
        "S",
        _succession,
    ),
    ScreenEntry(
        "rotations",
        "Rotations",
        "Who serves which process when, and the weekly leadership host",
        "W",
        _rotations,
    ),
)
