"""The team's energy in the app: O on One-on-ones records an observation, the Energy
screen's team panel shows the trend and the flag, Today shows the flag, P marks a push."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import Input

from leadtui.domain.people_input import PersonDraft
from leadtui.services.people import add_person
from leadtui.services.team_energy import observe, team_energy
from leadtui.store.database import open_database
from leadtui.tui.app import LeadtuiApp
from leadtui.tui.dialogs.observation_form import ObservationForm
from leadtui.tui.dialogs.text_prompt import TextPrompt
from leadtui.tui.keys import screen_actions
from leadtui.tui.screens.energy import EnergyScreen
from leadtui.tui.screens.oneonones import OneOnOnesScreen
from leadtui.tui.widgets.card_list import CardList
from tests.helpers import SMALL, TODAY, card_lines, plain_text


def seed(db_path: Path, levels: tuple[int, ...] = ()) -> None:
    db = open_database(db_path)
    try:
        sam = add_person(db, PersonDraft(name="Sam Okafor", relation="report"))
        for back, level in enumerate(reversed(levels)):
            observe(db, sam, TODAY, level=level, day=TODAY - timedelta(days=back * 7 + 1))
    finally:
        db.close()


async def test_o_on_one_on_ones_records_what_you_observe(app: LeadtuiApp, db_path: Path) -> None:
    seed(db_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, OneOnOnesScreen)
        await pilot.press("O")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ObservationForm)
        form.query_one("#field-level", Input).value = "2"
        form.query_one("#field-note", Input).value = "quiet, tired"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, OneOnOnesScreen)
    db = open_database(db_path)
    try:
        (report,) = team_energy(db, TODAY).reports
        assert report.last is not None and (report.last.level, report.last.note) == (
            2,
            "quiet, tired",
        )
    finally:
        db.close()


async def test_the_energy_screen_and_today_show_the_flag(app: LeadtuiApp, db_path: Path) -> None:
    seed(db_path, (5, 4, 3, 2))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        today_text = " ".join(" ".join(card_lines(c)) for c in app.screen.query(CardList))
        assert "Sam Okafor's energy: falling" in today_text
        await pilot.press("E")
        await pilot.pause()
        assert isinstance(app.screen, EnergyScreen)
        shown = plain_text(app.screen.query_one("#energy-team"))
        assert "Sam Okafor" in shown and "5 4 3 2" in shown and "falling" in shown
        await pilot.press("P")
        await pilot.pause()
        assert isinstance(app.screen, TextPrompt)
        await pilot.press(*"Checkout launch", "enter")
        await pilot.pause()
        assert "Let the team charge" in plain_text(app.screen.query_one("#energy-team"))


async def test_the_new_keys_are_in_the_palette_and_help(app: LeadtuiApp) -> None:
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("o")
        await pilot.pause()
        assert "1on1.observe" in {b.id for _a, b in screen_actions(app.screen)}
        assert "**O** notes the person's energy" in OneOnOnesScreen.HELP
        await pilot.press("E")
        await pilot.pause()
        assert "energy.push" in {b.id for _a, b in screen_actions(app.screen)}
        assert "**P** marks a launch" in EnergyScreen.HELP


async def test_q_answers_the_quarter_review_and_today_brings_back_the_date(
    app: LeadtuiApp, db_path: Path
) -> None:
    from textual.widgets import TextArea

    from leadtui.services.quarter_review import quarter_answers
    from leadtui.tui.dialogs.answers_form import AnswersForm

    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("E")
        await pilot.pause()
        await pilot.press("Q")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, AnswersForm)
        form.query_one("#field-learning", TextArea).load_text("slower than last year")
        form.query_one("#field-decision_on", Input).value = TODAY.isoformat()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, EnergyScreen)
        assert "1/4 answered" in plain_text(app.screen.query_one("#energy-quarter"))
        assert "**Q** answers this quarter's review" in EnergyScreen.HELP
        await pilot.press("t")
        await pilot.pause()
        today_text = " ".join(" ".join(card_lines(c)) for c in app.screen.query(CardList))
        assert "stay or change?" in today_text
    db = open_database(db_path)
    try:
        answers = quarter_answers(db, "2026-Q4")
        assert (answers.learning, answers.decision_on) == ("slower than last year", TODAY)
    finally:
        db.close()
