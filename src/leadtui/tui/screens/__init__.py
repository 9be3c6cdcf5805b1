"""One module per screen. ``SCREENS`` maps a mode name to its title, key and class."""

from __future__ import annotations

from typing import NamedTuple

from textual.screen import Screen


class ScreenEntry(NamedTuple):
    """A top-level screen the app can switch to."""

    mode: str
    title: str
    summary: str
    key: str
    where: str
    """``module:Class`` under leadtui.tui.screens. A name, not a loader that imports the
    screen: each screen's bindings are built from this registry (screens/base.py), and the
    registry importing the screens would make that a circle. Loading stays lazy."""

    def load(self) -> type[Screen[None]]:
        """The screen's class, imported on first use (start-up imports Today only)."""
        from importlib import import_module

        module, name = self.where.split(":")
        screen: type[Screen[None]] = getattr(import_module(f"{__name__}.{module}"), name)
        return screen

    def create(self) -> Screen[None]:
        """A new instance of the screen."""
        return self.load()()


SCREENS: tuple[ScreenEntry, ...] = (
    ScreenEntry(
        "today", "Today", "What needs you today across every ritual", "t", "today:TodayScreen"
    ),
    ScreenEntry(
        "oneonones",
        "One-on-ones",
        "The running 1:1 document per person",
        "o",
        "oneonones:OneOnOnesScreen",
    ),
    ScreenEntry(
        "people", "People", "Add, edit, archive and find people", "p", "people:PeopleScreen"
    ),
    ScreenEntry(
        "energy", "Energy", "Log today's energy and read the verdict", "E", "energy:EnergyScreen"
    ),
    ScreenEntry(
        "reviews",
        "Reviews",
        "T3B3 per report and half, feedback, review packets",
        "R",
        "reviews:ReviewsScreen",
    ),
    ScreenEntry(
        "succession",
        "Succession",
        "The bench, focus areas, the meeting audit and vacation cover",
        "S",
        "succession:SuccessionScreen",
    ),
    ScreenEntry(
        "rotations",
        "Rotations",
        "Who serves which process when, and the weekly leadership host",
        "W",
        "rotations:RotationsScreen",
    ),
)
