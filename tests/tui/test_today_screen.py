"""Today: readable at 80x24, every line leads somewhere, colours follow the theme."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets._footer import FooterKey

from leadtui.services.people import resolve_person
from leadtui.store.database import open_database
from leadtui.tui.app import LeadtuiApp
from leadtui.tui.screens.energy import EnergyScreen
from leadtui.tui.screens.oneonones import OneOnOnesScreen
from leadtui.tui.screens.reviews import ReviewsScreen
from leadtui.tui.screens.today import TodayScreen
from leadtui.tui.widgets.today_cards import (
    CardList,
    EnergyCard,
    OneOnOneCard,
    OpenPerson,
    PeopleCard,
    ReviewsCard,
)
from tests.helpers import SIZE, SMALL, card_lines, demo_database, make_app


@pytest.fixture
def demo(db_path: Path, isolated_home: Path) -> LeadtuiApp:
    """The app on the demo team (12 people, three years of history)."""
    demo_database(db_path, people=12, years=3)
    return make_app(db_path, isolated_home)


def person_id(db_path: Path, name: str) -> int:
    db = open_database(db_path)
    try:
        return resolve_person(db, name).id
    finally:
        db.close()


async def focus_line(pilot: Pilot[None], card: CardList, text: str) -> None:
    """Tab to ``card`` and move down it to the line starting with ``text``."""
    for _ in range(8):
        if pilot.app.focused is card:
            break
        await pilot.press("tab")
    assert pilot.app.focused is card
    for _ in range(len(card_lines(card))):
        if card.cursor is not None and card_lines(card)[card.cursor].startswith(text):
            return
        await pilot.press("down")
    raise AssertionError(f"no line {text!r} in {card_lines(card)}")


@pytest.mark.parametrize("size", [SMALL, SIZE], ids=["80x24", "120x40"])
async def test_every_card_is_readable_and_reachable(
    demo: LeadtuiApp, size: tuple[int, int]
) -> None:
    """No card is squeezed or gone: each is at least 30 columns wide, and tab brings each
    card's cursor line into view (the body scrolls at 80x24, People scrolls at 120x40).
    The footer keeps People and Help on screen."""
    async with demo.run_test(size=size) as pilot:
        await pilot.pause()
        screen = demo.screen
        assert isinstance(screen, TodayScreen)
        width = size[0]
        boxes = [*screen.query(".card"), screen.query_one("#today-people")]
        assert len(boxes) >= 6  # a card per ritual, People
        for box in boxes:
            assert box.display and box.region.width >= 30, (box, box.region)
        body = screen.query_one("#today-body").region
        for card in screen.query(CardList):
            card.focus()
            await pilot.pause()
            await pilot.press("end")  # the card's last line, which must come into view
            assert card.cursor is not None, card
            line_y = card.content_region.y + card.cursor
            assert body.y <= line_y < body.bottom, (card, line_y, body)
        keys = {key.description: key.region for key in screen.query(FooterKey)}
        for key in ("People", "Help"):
            assert keys[key].right <= width - 12, key  # clear of the palette key


async def test_at_80_columns_the_people_card_goes_under_the_cards(demo: LeadtuiApp) -> None:
    async with demo.run_test(size=SMALL) as pilot:
        await pilot.pause()
        screen = demo.screen
        people = screen.query_one("#today-people")
        one_on_ones = screen.query_one(OneOnOneCard)
        assert screen.has_class("-medium")
        assert people.virtual_region.y > one_on_ones.virtual_region.bottom
        # Wider again: People at the left, beside the cards, without a new query.
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        assert screen.has_class("-wide")
        assert people.region.right < one_on_ones.region.x


async def test_enter_on_an_overdue_person_opens_their_running_document(
    demo: LeadtuiApp, db_path: Path
) -> None:
    farah = person_id(db_path, "Farah Kowalski")
    async with demo.run_test(size=SMALL) as pilot:
        await pilot.pause()
        card = demo.screen.query_one(OneOnOneCard)
        assert "Overdue" in card_lines(card)
        await focus_line(pilot, card, "Farah Kowalski")
        await pilot.press("enter")
        await pilot.pause()
        screen = demo.screen
        assert isinstance(screen, OneOnOnesScreen)
        assert screen.person_id == farah
        assert screen.query_one("#oo-people").cursor_row == [  # type: ignore[attr-defined]
            row.value
            for row in screen.query_one("#oo-people").rows  # type: ignore[attr-defined]
        ].index(str(farah))


async def test_enter_on_a_t3b3_line_opens_that_report_in_reviews(
    demo: LeadtuiApp, db_path: Path
) -> None:
    jonas = person_id(db_path, "Jonas Haddad")
    posted: list[OpenPerson] = []
    async with demo.run_test(
        size=SIZE, message_hook=lambda m: posted.append(m) if isinstance(m, OpenPerson) else None
    ) as pilot:
        await pilot.pause()
        card = demo.screen.query_one(ReviewsCard)
        await focus_line(pilot, card, "Jonas Haddad draft 2/6")
        await pilot.press("enter")
        await pilot.pause()
        # The hook sees the message at each node it bubbles through: one message.
        assert {(m.mode, m.person_id) for m in posted} == {("reviews", jonas)}
        screen = demo.screen
        assert isinstance(screen, ReviewsScreen) and screen.person_id == jonas
        # Back on Today and again: the Reviews screen already exists and follows.
        await pilot.press("t")
        ade = person_id(db_path, "Ade Adeyemi")
        await focus_line(pilot, demo.screen.query_one(ReviewsCard), "Ade Adeyemi ready")
        await pilot.press("enter")
        await pilot.pause()
        assert demo.screen is screen
        assert isinstance(screen, ReviewsScreen) and screen.person_id == ade


async def test_enter_on_the_energy_card_opens_energy(demo: LeadtuiApp) -> None:
    async with demo.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await focus_line(pilot, demo.screen.query_one(EnergyCard), "Today: 5")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(demo.screen, EnergyScreen)


async def test_a_person_in_the_people_card_opens_their_document(
    demo: LeadtuiApp, db_path: Path
) -> None:
    yuki = person_id(db_path, "Yuki Lindqvist")
    async with demo.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await focus_line(pilot, demo.screen.query_one(PeopleCard), "Yuki Lindqvist")
        await pilot.press("enter")
        await pilot.pause()
        screen = demo.screen
        assert isinstance(screen, OneOnOnesScreen) and screen.person_id == yuki


async def test_cards_take_their_colours_from_the_theme(demo: LeadtuiApp) -> None:
    """Switching theme restyles the lines already on screen (no colour is fixed in code)."""

    def alert_colour() -> str:
        card = demo.screen.query_one(OneOnOneCard)
        rendered = card.render()
        start = rendered.plain.index("Overdue")
        colours = {
            str(span.style.color)
            for span in rendered.spans
            if span.start <= start < span.end and not isinstance(span.style, str)
        }
        return " ".join(sorted(colours))

    async with demo.run_test(size=SIZE) as pilot:
        await pilot.pause()
        dark = alert_colour()
        demo.theme = "leadtui-light"
        await pilot.pause()
        await pilot.pause()
        light = alert_colour()
        assert dark and light and dark != light
