"""Putting reviews right from the Reviews screen: F lists the half's feedback to edit
(moving it to the right person) or remove, U takes back a delivery, and delivering with
"remove the text after delivery" on asks first."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Input, OptionList, Select
from textual.widgets._footer import FooterKey

from leadtui.domain.people_input import PersonDraft
from leadtui.domain.reviews import FeedbackKind, T3B3Side
from leadtui.domain.reviews_input import FeedbackDraft
from leadtui.domain.validation import build
from leadtui.store.database import open_database
from leadtui.store.people import PeopleRepository
from leadtui.store.reviews import FeedbackRepository, T3B3Repository
from leadtui.tui.app import LeadtuiApp
from leadtui.tui.dialogs.confirm import ConfirmScreen
from leadtui.tui.dialogs.record_chooser import RecordChooser
from leadtui.tui.dialogs.review_forms import DeliverForm, FeedbackEditForm
from leadtui.tui.screens.reviews import ReviewsScreen
from tests.helpers import SIZE, TODAY

HALF = "2026-H2"


def seed(db_path: Path, *, delivered: bool = False, remove_text: bool = False) -> tuple[int, int]:
    """Two reports (Ana Ruiz first on the board, then Kofi Mensah) and feedback for Ana."""
    db = open_database(db_path)
    people = PeopleRepository(db)
    ana = people.add(PersonDraft(name="Ana Ruiz", relation="report"))
    kofi = people.add(PersonDraft(name="Kofi Mensah", relation="report"))
    feedback = FeedbackRepository(db)
    for text in ("Meant for Kofi", "Clear design doc"):
        feedback.add(ana.id, build(FeedbackDraft, today=TODAY, text=text, day="2026-11-20"))
    t3b3 = T3B3Repository(db)
    t3b3.set_lists(ana.id, HALF, ("One", "Two", "Three"), ("A", "B", "C"))
    if remove_text:
        t3b3.set_remove_text(ana.id, HALF, True)
    if delivered:
        t3b3.deliver(ana.id, HALF, date(2026, 11, 20), True)
        if remove_text:
            t3b3.remove_texts(t3b3.get(ana.id, HALF).id)
    db.close()
    return int(ana.id), int(kofi.id)


def feedback_of(db_path: Path, person_id: int) -> list[tuple[str, FeedbackKind]]:
    db = open_database(db_path)
    try:
        return [(f.text, f.kind) for f in FeedbackRepository(db).for_person(person_id)]
    finally:
        db.close()


def footer_keys(app: LeadtuiApp) -> set[str]:
    return {str(key.description) for key in app.screen.query(FooterKey)}


async def test_f_edits_feedback_and_moves_it_to_the_right_person(
    app: LeadtuiApp, db_path: Path
) -> None:
    ana, kofi = seed(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("R", "F")
        chooser = app.screen
        assert isinstance(chooser, RecordChooser)
        assert chooser.query_one(OptionList).option_count == 2
        await pilot.press("down", "enter")  # newest first: "Meant for Kofi" is second
        form = app.screen
        assert isinstance(form, FeedbackEditForm)
        assert form.query_one("#field-text", Input).value == "Meant for Kofi"
        form.query_one("#field-person", Select).value = str(kofi)
        form.query_one("#field-kind", Select).value = "growth"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReviewsScreen)
    assert feedback_of(db_path, ana) == [("Clear design doc", FeedbackKind.STRENGTH)]
    assert feedback_of(db_path, kofi) == [("Meant for Kofi", FeedbackKind.GROWTH)]


async def test_f_then_x_removes_feedback_after_asking(app: LeadtuiApp, db_path: Path) -> None:
    ana, _ = seed(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("R", "F", "x")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # no: nothing goes
        await pilot.pause()
        assert len(feedback_of(db_path, ana)) == 2
        await pilot.press("F", "x", "y")
        await pilot.pause()
        assert isinstance(app.screen, ReviewsScreen)
    assert feedback_of(db_path, ana) == [("Meant for Kofi", FeedbackKind.STRENGTH)]


async def test_u_takes_back_a_delivery_after_asking(app: LeadtuiApp, db_path: Path) -> None:
    ana, _ = seed(db_path, delivered=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("R")
        await pilot.pause()
        assert "Undeliver" in footer_keys(app) and "Deliver" not in footer_keys(app)
        await pilot.press("U")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert "Deliver" in footer_keys(app) and "Undeliver" not in footer_keys(app)
    db = open_database(db_path)
    t3b3 = T3B3Repository(db).get(ana, HALF)
    db.close()
    assert t3b3.delivered_on is None
    assert [i.text for i in t3b3.side(T3B3Side.TOP)] == ["One", "Two", "Three"]


async def test_undelivering_after_the_text_was_removed_says_the_items_come_back_empty(
    app: LeadtuiApp, db_path: Path
) -> None:
    ana, _ = seed(db_path, delivered=True, remove_text=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("R", "U")
        confirm = app.screen
        assert isinstance(confirm, ConfirmScreen)
        assert "come back empty" in confirm.detail and "ctrl+z" in confirm.detail
        await pilot.press("y")
        await pilot.pause()
        said = " ".join(str(n.message) for n in app._notifications)
        assert "items come back empty" in said
    db = open_database(db_path)
    t3b3 = T3B3Repository(db).get(ana, HALF)
    db.close()
    assert (t3b3.delivered_on, t3b3.items) == (None, ())


async def test_delivering_with_the_text_removal_on_asks_first(
    app: LeadtuiApp, db_path: Path
) -> None:
    ana, _ = seed(db_path, remove_text=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("R", "D")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ReviewsScreen)
        await pilot.press("D", "y")
        assert isinstance(app.screen, DeliverForm)
        await pilot.press("escape")
    db = open_database(db_path)
    assert T3B3Repository(db).get(ana, HALF).delivered_on is None
    db.close()
