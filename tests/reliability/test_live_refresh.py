"""A write from the shell while a screen opens: the app never crashes and shows the write.

The app asks SQLite every two seconds whether another connection committed and reloads
the screen in view when one did. A screen opened for the first time builds its widgets
over several turns of the event loop, and a poll landing in between must not reload a
screen that has no widgets yet. For every screen (and search, opened over People) a write
from another connection (the command line, in this process, on the same file) is
committed and the poll forced at one moment of the opening:

- right after the switch, the screen on the stack and nothing of it built;
- inside its compose, before its first widget;
- while its widgets are being mounted;
- after a few turns of the event loop (3, 8, 20), wherever the opening has got to.

Then the screen must come up, and once the next poll has run the written text must be on
it. Figures: one line, "live-refresh race: N tried, M failed".
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from textual.screen import Screen

from leadtui.tui.app import LeadtuiApp
from leadtui.tui.screens import SCREENS, ScreenEntry
from leadtui.tui.screens.search import SearchScreen

from ..helpers import SIZE, demo_database, make_app
from .helpers import run_main

pytestmark = pytest.mark.reliability

# The turns of the event loop to let pass before the write, spread over an opening (the
# slowest, Succession with its tabs and tables, spans a few dozen). Each try costs about
# half a second, most of it building the screen.
TURNS = (3, 8, 20)
MOMENTS = ("switched", "composing", "mounting", *(f"turns {n}" for n in TURNS))


def screen_text(app: LeadtuiApp) -> str:
    """What the terminal shows, as text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


class Writer:
    """Commits a change from another connection that the screen being opened shows."""

    def __init__(self, db_path: Path, mode: str) -> None:
        self.db_path, self.mode, self.count = db_path, mode, 0

    def write(self) -> str:
        """Commit one change; return the text it puts on screen."""
        self.count += 1
        if self.mode == "energy":
            # Today's entry again with a new note: Energy's Today panel shows the note.
            marker = f"race note {self.count:02d}"
            argv = ["energy", "log", "3", marker]
        else:
            # A new report, named to sort before the earlier ones: every list that shows
            # reports (People, 1:1s, the board, the bench, Today's cards) shows it first.
            marker = f"A{99 - self.count:02d} Racer"
            argv = ["people", "add", marker, "--relation", "report"]
        outcome = run_main([*argv, "--db", str(self.db_path)], collect=False)
        assert outcome.code == 0, outcome.describe()
        return marker


@contextmanager
def hooked(cls: type[Screen[Any]], moment: str, fire: Callable[[], None]) -> Iterator[None]:
    """Call ``fire`` once, as ``cls``'s compose starts or as its widgets are mounted."""
    if moment not in ("composing", "mounting"):
        yield
        return
    fired = False

    def fire_once() -> None:
        nonlocal fired
        if not fired:
            fired = True
            fire()

    name = "mount_composed_widgets" if moment == "mounting" else "compose"
    had_own = name in cls.__dict__
    original = getattr(cls, name)
    if moment == "mounting":

        async def mount_composed_widgets(self: Screen[Any], widgets: list[Any]) -> None:
            fire_once()
            await original(self, widgets)

        setattr(cls, name, mount_composed_widgets)
    else:

        def compose(self: Screen[Any]) -> Iterator[Any]:
            fire_once()
            yield from original(self)

        setattr(cls, name, compose)
    try:
        yield
    finally:
        if had_own:
            setattr(cls, name, original)
        else:
            delattr(cls, name)


async def forget(app: LeadtuiApp, entry: ScreenEntry) -> None:
    """Leave ``entry``'s screen and drop it, so the next visit builds it anew."""
    if app.current_mode == entry.mode:
        await app.switch_mode("people" if entry.mode != "people" else "today")
    await app.remove_mode(entry.mode)
    app.add_mode(entry.mode, entry.create)


async def open_during_write(
    app: LeadtuiApp, entry: ScreenEntry | None, moment: str, writer: Writer
) -> str:
    """Open ``entry``'s screen (search when None) with a write landing at ``moment``;
    return the text the write put on screen."""
    written: list[str] = []

    def fire() -> None:
        written.append(writer.write())
        app.check_for_writes()  # the poll's timer, at this very moment

    cls: type[Screen[Any]] = SearchScreen if entry is None else entry.load()
    with hooked(cls, moment, fire):
        opening = app.push_screen(SearchScreen()) if entry is None else app.switch_mode(entry.mode)
        if moment == "switched":
            fire()
        elif moment.startswith("turns "):
            for _ in range(int(moment.removeprefix("turns "))):
                await asyncio.sleep(0)
            fire()
        await opening
    assert written, f"the write never landed at {moment}"
    return written[0]


async def shows_after_next_poll(app: LeadtuiApp, pilot: Any, marker: str) -> bool:
    """Whether ``marker`` is on screen once the screen is up and the next poll ran."""
    for _ in range(50):
        if app.screen.is_mounted:
            break
        await pilot.pause(0.01)
    await pilot.pause()
    app.check_for_writes()
    await pilot.pause()
    return marker in screen_text(app)


async def race_one_screen(
    folder: Path, home: Path, entry: ScreenEntry | None, failures: list[str]
) -> int:
    """Every moment for one screen in one app on its own copy of the demo; return how
    many were tried."""
    name = "search" if entry is None else entry.mode
    db_path = folder / name / "leadtui.db"
    demo_database(db_path, people=6, years=1)
    writer = Writer(db_path, "people" if entry is None else name)
    app = make_app(db_path, home)
    tried = 0
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            if entry is None:
                await app.switch_mode("people")
                await pilot.pause()
            for moment in MOMENTS:
                tried += 1
                if entry is not None:
                    await forget(app, entry)
                    await pilot.pause()
                try:
                    marker = await open_during_write(app, entry, moment, writer)
                    if entry is None:
                        # Search never reloads; the screen it was opened over does,
                        # once it is back in view.
                        app.pop_screen()
                    if not await shows_after_next_poll(app, pilot, marker):
                        failures.append(f"{name} at {moment}: {marker!r} not on screen")
                except Exception as exc:  # a crash in the test's own turn of the loop
                    failures.append(f"{name} at {moment}: {type(exc).__name__}: {exc}")
                if app._exception is not None:
                    break  # the app crashed and closed: nothing more to try with it
    except Exception as exc:  # the app's crash, raised again as run_test ends
        failures.append(f"{name}: the app stopped: {type(exc).__name__}: {exc}")
    return tried


async def test_a_write_while_each_screen_opens_never_crashes_and_is_shown(
    tmp_path: Path, isolated_home: Path, figures: Callable[[str], None]
) -> None:
    failures: list[str] = []
    tried = 0
    for entry in [*SCREENS, None]:
        tried += await race_one_screen(tmp_path / "data", isolated_home, entry, failures)
    figures(f"live-refresh race: {tried} tried, {len(failures)} failed")
    assert not failures, "\n".join(failures[:20])
