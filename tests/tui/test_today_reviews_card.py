"""The Reviews card on Today: T3B3s due this half with the weeks left, quiet reports,
and the card catching up after a delivery or new feedback."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from leadtui.domain.people import Relation
from leadtui.domain.people_input import PersonDraft
from leadtui.domain.reviews_input import FeedbackDraft
from leadtui.domain.validation import build
from leadtui.services.people import resolve_person
from leadtui.store.database import open_database
from leadtui.store.people import PeopleRepository
from leadtui.store.reviews import FeedbackRepository, T3B3Repository
from leadtui.tui.app import LeadtuiApp
from leadtui.tui.widgets.today_cards import PeopleCard, ReviewsCard
from tests.helpers import SIZE, TODAY, card_lines

HALF = "2026-H2"
SIX = (("Clear docs", "Calm on call", "Mentors"), ("Delegate", "Estimate", "Listen"))


def card_text(app: LeadtuiApp) -> str:
    return "\n".join(card_lines(app.screen.query_one(ReviewsCard)))


def seed(db_path: Path, names: tuple[str, ...] = ("Ana Ruiz", "Ben Osei", "Cy Park")) -> None:
    """Ana's T3B3 is ready and she heard feedback last week; Ben's is a 2/6 draft and his
    last feedback was 40 days ago; Cy has neither."""
    db = open_database(db_path)
    people = PeopleRepository(db)
    ids = [people.add(PersonDraft(name=n, relation=Relation.REPORT)).id for n in names]
    people.add(PersonDraft(name="Pia Peer", relation=Relation.PEER))
    if not ids:
        db.close()
        return
    t3b3 = T3B3Repository(db)
    t3b3.set_lists(ids[0], HALF, *SIX)
    t3b3.set_lists(ids[1], HALF, SIX[0][:1], SIX[1][:1])
    feedback = FeedbackRepository(db)
    for person_id, days_ago in ((ids[0], 7), (ids[1], 40)):
        day = TODAY - timedelta(days=days_ago)
        feedback.add(person_id, build(FeedbackDraft, today=TODAY, text="Good call", day=day))
    db.close()


async def test_card_lists_due_t3b3s_with_weeks_left_and_quiet_reports(
    app: LeadtuiApp, db_path: Path
) -> None:
    seed(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = card_text(app)
        assert "2026-H2 · 5 weeks left" in text
        assert "T3B3 to deliver: 3" in text
        due, quiet = text.split("No feedback in 30 days:")
        lines = due.splitlines()
        assert lines.index("Cy Park not started") < lines.index("Ben Osei draft 2/6")
        assert lines.index("Ben Osei draft 2/6") < lines.index("Ana Ruiz ready")
        quiet_lines = quiet.splitlines()
        assert "Cy Park never" in quiet_lines and "Ben Osei 13 Oct" in quiet_lines
        assert "Ana" not in quiet and "Pia" not in text
        await pilot.press("R")
        assert type(app.screen).__name__ == "ReviewsScreen"


async def test_a_delivery_and_new_feedback_take_people_off_the_card(
    app: LeadtuiApp, db_path: Path
) -> None:
    seed(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Ana Ruiz" in card_text(app)
        db = open_database(db_path)
        ana, cy = resolve_person(db, "Ana").id, resolve_person(db, "Cy").id
        T3B3Repository(db).deliver(ana, HALF, TODAY, in_person=True)
        draft = build(FeedbackDraft, today=TODAY, text="Sharp review", day=TODAY)
        FeedbackRepository(db).add(cy, draft)
        db.close()
        await pilot.press("p", "t")  # Today reloads when it comes back into view
        await pilot.pause()
        text = card_text(app)
        assert "T3B3 to deliver: 2" in text and "Ana Ruiz" not in text
        quiet = text.split("No feedback in 30 days:")[1]
        assert "Ben Osei" in quiet and "Cy Park" not in quiet


async def test_a_long_list_stays_compact_and_everything_fits_at_120x40(
    app: LeadtuiApp, db_path: Path
) -> None:
    names = tuple(f"Report {n:02}" for n in range(12))
    seed(db_path, names)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = card_text(app)
        assert "T3B3 to deliver: 12" in text and "+9 more" in text and "+8 more" in text
        # Every card is fully on screen at 120x40.
        height = app.screen.size.height
        for card in app.screen.query(".card"):
            assert card.region.bottom <= height - 1, card.id


async def test_without_reports_the_card_says_so(app: LeadtuiApp, db_path: Path) -> None:
    seed(db_path, ())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "No reports yet." in card_text(app)


async def test_people_panel_is_one_line_per_person_with_names_aligned(
    app: LeadtuiApp, db_path: Path
) -> None:
    """A long title is cut with an ellipsis rather than wrapped, a very long name is cut
    at 22 columns, and a wide-character name keeps the details aligned."""
    db = open_database(db_path)
    people = PeopleRepository(db)
    long_title = "Principal Engineer for Developer Productivity and Platform Reliability"
    people.add(PersonDraft(name="Ana Ruiz", relation=Relation.REPORT, title=long_title))
    people.add(PersonDraft(name="李小龍", relation=Relation.REPORT, title="Engineer"))
    people.add(PersonDraft(name="Bartholomew Montgomery-Fitzwilliam", relation=Relation.REPORT))
    db.close()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        panel = app.screen.query_one(PeopleCard)
        strips = panel.render_lines(panel.region.reset_offset)
        text = [strip.text.rstrip() for strip in strips if strip.text.strip()]
        assert app.screen.query_one("#today-people").border_title == "People · 3"
        assert text[0] == "Reports · 3"
        assert text[1].startswith("Ana Ruiz") and text[1].endswith("…")
        assert "Principal" in text[1] and "Reliability" not in "".join(text)
        assert text[2].startswith("Bartholomew Montgomer…")
        assert text[3].startswith("李小龍")
        assert text[1].index("Principal") == 24  # 22 columns of name, two of gap
        assert len(text) == 4
