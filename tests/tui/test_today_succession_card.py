"""The Succession card on Today: reports without a focus area this half, the meeting
audit still due, the bench with its warnings; enter opens Succession at the person."""

from __future__ import annotations

from pathlib import Path

from leadtui.domain.people import Relation
from leadtui.domain.people_input import PersonDraft
from leadtui.store.database import open_database
from leadtui.store.people import PeopleRepository
from leadtui.tui.app import LeadtuiApp
from leadtui.tui.screens.succession import SuccessionScreen
from leadtui.tui.screens.today import TodayScreen
from leadtui.tui.widgets.succession_card import SuccessionCard
from tests.helpers import SIZE, SMALL, card_lines, demo_database, make_app
from tests.tui.test_today_screen import focus_line


def card_text(app: LeadtuiApp) -> str:
    return "\n".join(card_lines(app.screen.query_one(SuccessionCard)))


async def test_card_names_missing_focus_and_warns_on_an_empty_bench(
    app: LeadtuiApp, db_path: Path
) -> None:
    """Two reports, no focus areas, no candidates: both named, the bench warned."""
    db = open_database(db_path)
    people = PeopleRepository(db)
    for name in ("Ana Ruiz", "Ben Osei"):
        people.add(PersonDraft(name=name, relation=Relation.REPORT))
    db.close()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = card_text(app)
        assert "2026-H2 · 2026-Q4" in text
        assert "No focus area this half: 2" in text
        assert "Ana Ruiz" in text and "Ben Osei" in text
        assert "! Nobody on the bench" in text
        titles = [str(c.border_title) for c in app.screen.query(".card")]
        assert "Succession · S" in titles and not any("More" in t for t in titles)


async def test_enter_on_a_person_opens_succession_at_them(
    db_path: Path, isolated_home: Path
) -> None:
    """On the demo team, enter on a bench candidate opens Succession with the bench
    cursor on that person; the card stays readable at 80x24."""
    demo_database(db_path, people=12, years=3)
    app = make_app(db_path, isolated_home)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        card = app.screen.query_one(SuccessionCard)
        assert isinstance(app.screen, TodayScreen)
        assert card.region.width >= 30
        figures = card.overview.succession if card.overview else None
        assert figures is not None and figures.bench
        candidate = figures.bench[0][0]
        name = candidate.name
        assert any(line.startswith(name) for line in card_lines(card))
        await focus_line(pilot, card, name)
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SuccessionScreen)
        chosen = screen._selected_person()
        assert chosen is not None and chosen.id == candidate.id


async def test_the_card_warns_of_a_vacation_not_handed_over(
    db_path: Path, isolated_home: Path
) -> None:
    """The checks warn that December's vacation has no delegate for one responsibility;
    the card says so too, in the same words."""
    demo_database(db_path, people=12, years=3)
    app = make_app(db_path, isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = card_text(app)
        assert "! vacation from Sun 13 Dec:\nno delegate for Exec staff" in text
