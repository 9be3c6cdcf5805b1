from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Input, Select, Static, TextArea

from leadtui.domain.oneonones import PointStatus
from leadtui.domain.oneonones_input import SeriesDraft
from leadtui.domain.people_input import PersonDraft
from leadtui.services.oneonones import hold_session
from leadtui.services.people import archive_person, get_person
from leadtui.store.database import open_database
from leadtui.store.oneonones import OneOnOneRepository
from leadtui.store.people import PeopleRepository
from leadtui.tui.app import LeadtuiApp
from leadtui.tui.screens.confirm import ConfirmScreen
from leadtui.tui.screens.oneonone_forms import ActionForm, NotesForm, SeriesForm
from leadtui.tui.screens.oneonones import OneOnOnesScreen
from leadtui.tui.screens.text_prompt import TextPrompt
from leadtui.tui.widgets.key_table import KeyTable
from tests.helpers import SIZE, TODAY, plain_text


def seed(db_path: Path, with_series: bool = True) -> None:
    db = open_database(db_path)
    person = PeopleRepository(db).add(PersonDraft(name="Sam Okafor"))
    if with_series:
        OneOnOneRepository(db).save_series(
            person.id, SeriesDraft(weekday=1, starts_on=date(2026, 11, 3))
        )
    db.close()


def points(db_path: Path) -> list[tuple[str, str, bool]]:
    db = open_database(db_path)
    try:
        rows = db.execute(
            "select text, status, session_id is not null from oo_point order by id"
        ).fetchall()
        return [(t, s, bool(filed)) for t, s, filed in rows]
    finally:
        db.close()


async def test_add_a_point_hold_the_session_and_it_is_filed_or_carried(
    app: LeadtuiApp, db_path: Path
) -> None:
    seed(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        assert isinstance(app.screen, OneOnOnesScreen)
        await pilot.press("a")
        assert isinstance(app.screen, TextPrompt)
        await pilot.press(*"Career growth", "enter")
        await pilot.press("A")
        await pilot.press(*"[bold]Their[/] point", "enter")
        await pilot.pause()
        assert points(db_path) == [
            ("Career growth", "open", False),
            ("[bold]Their[/] point", "open", False),
        ]
        await pilot.press("tab", "d")  # first upcoming item: discussed
        await pilot.pause()
        await pilot.press("H")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
    assert points(db_path) == [
        ("Career growth", "discussed", True),
        ("[bold]Their[/] point", "open", False),
    ]
    db = open_database(db_path)
    [carried] = OneOnOneRepository(db).open_points(1)
    assert carried.carried == 1 and carried.status is PointStatus.OPEN
    db.close()


async def test_action_form_refuses_a_bad_date_and_keeps_the_text(
    app: LeadtuiApp, db_path: Path
) -> None:
    seed(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o", "c")
        form = app.screen
        assert isinstance(form, ActionForm)
        form.query_one("#field-text", Input).value = "Send the doc"
        form.query_one("#field-due_on", Input).value = "31/02"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "is not a date" in str(form.query_one("#form-error").render())
        assert form.query_one("#field-text", Input).value == "Send the doc"
        form.query_one("#field-due_on", Input).value = "friday"
        form.query_one("#field-owner", Select).value = "them"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, OneOnOnesScreen)
    db = open_database(db_path)
    [action] = OneOnOneRepository(db).actions(1)
    assert (action.text, action.owner.value, action.due_on) == (
        "Send the doc",
        "them",
        date(2026, 11, 27),
    )
    db.close()


async def test_a_person_without_a_series_is_offered_one(app: LeadtuiApp, db_path: Path) -> None:
    seed(db_path, with_series=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        assert "Press s to set one up" in str(app.screen.query_one("#oo-heading").render())
        await pilot.press("s")
        form = app.screen
        assert isinstance(form, SeriesForm)
        form.query_one("#field-at_time", Input).value = "9:30"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, OneOnOnesScreen)
        assert "09:30" in str(app.screen.query_one("#oo-heading").render())


async def test_e_opens_the_export_dialog(app: LeadtuiApp, db_path: Path) -> None:
    # The export's own behaviour (audience, file, overwrite) is the dialog's tests'.
    from leadtui.tui.screens.export_prompt import ExportDialog

    seed(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o", "e")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, OneOnOnesScreen)


async def test_series_form_starts_in_its_first_field_and_keeps_refused_input(
    app: LeadtuiApp, db_path: Path
) -> None:
    seed(db_path, with_series=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o", "s")
        form = app.screen
        assert isinstance(form, SeriesForm)
        assert form.focused is form.query_one("#field-weekday", Select)
        await pilot.press("tab", *["backspace"] * 5, *"25:99", "ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "time must be HH:MM" in str(form.query_one("#form-error").render())
        assert form.query_one("#field-at_time", Input).value == "25:99"


async def test_move_then_skip_the_next_session(app: LeadtuiApp, db_path: Path) -> None:
    seed(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o", "r")
        prompt = app.screen
        assert isinstance(prompt, TextPrompt)
        prompt.query_one(Input).value = "2026-12-01"  # already a session: refused, kept
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is prompt
        assert "already a 1:1" in str(prompt.query_one("#form-error").render())
        prompt.query_one(Input).value = "thu"
        await pilot.press("enter")
        await pilot.pause()
        assert "Next session: 2026-11-26" in str(app.screen.query_one("#oo-heading").render())
        await pilot.press("r")
        app.screen.query_one(Input).value = "skip"
        await pilot.press("enter")
        await pilot.pause()
        heading = str(app.screen.query_one("#oo-heading").render())
        assert "Next session: 2026-12-01" in heading and "(Tue 24 Nov skipped)" in heading
    db = open_database(db_path)
    assert OneOnOneRepository(db).changes(1) == {date(2026, 11, 24): None}
    db.close()


async def test_feedback_given_in_the_session_is_filed_under_it_when_held(
    app: LeadtuiApp, db_path: Path
) -> None:
    from leadtui.store.feedback import FeedbackRepository
    from leadtui.tui.screens.review_forms import FeedbackForm

    seed(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o", "f")
        form = app.screen
        assert isinstance(form, FeedbackForm)
        await pilot.press(*"Ran the [b]retro[/b] well")
        form.query_one("#field-kind", Select).value = "strength"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, OneOnOnesScreen)
        draft = plain_text(app.screen.query_one("#oo-draft", Static))
        assert "Feedback given" in draft and "Ran the [b]retro[/b] well" in draft
        await pilot.press("H")
        confirm = app.screen
        assert isinstance(confirm, ConfirmScreen) and "1 feedback entry is filed" in confirm.detail
        await pilot.press("y")
        await pilot.pause()
        history = plain_text(app.screen.query_one("#oo-history", Static))
        assert "feedback (strength): Ran the [b]retro[/b] well" in history
    db = open_database(db_path)
    [entry] = FeedbackRepository(db).for_person(1)
    [session_id] = db.execute("select id from oo_session").fetchone()
    db.close()
    assert (entry.series_id, entry.session_id) == (1, session_id)


async def test_fix_the_notes_of_the_last_held_session(app: LeadtuiApp, db_path: Path) -> None:
    seed(db_path)
    db = open_database(db_path)
    sam = get_person(db, 1)
    held = hold_session(db, sam, TODAY, held_on=date(2026, 11, 17)).session
    db.close()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o", "N")
        form = app.screen
        assert isinstance(form, NotesForm)
        form.query_one("#field-shared", TextArea).text = "Agreed to [bold]ship[/] it"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, OneOnOnesScreen)
        assert "Agreed to [bold]ship[/] it" in plain_text(app.screen.query_one("#oo-history"))
    db = open_database(db_path)
    assert OneOnOneRepository(db).session(held.id).shared_notes == "Agreed to [bold]ship[/] it"
    db.close()


def notices(app: LeadtuiApp) -> str:
    return " ".join(str(n.message) for n in app._notifications)


async def test_a_second_hold_today_is_refused_with_the_key_that_fixes_the_notes(
    app: LeadtuiApp, db_path: Path
) -> None:
    seed(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o", "H", "y")
        await pilot.pause()
        assert "Held today: 0 filed, 0 carried over" in notices(app)
        await pilot.press("H", "y")
        await pilot.pause()
        assert (
            "a session on 2026-11-22 is already held; add to the next one, "
            "or fix that session's notes (N)"
        ) in notices(app)
    db = open_database(db_path)
    assert db.execute("select count(*) from oo_session").fetchone()[0] == 1
    db.close()


async def test_holding_goes_through_the_service_on_the_apps_today(
    app: LeadtuiApp, db_path: Path
) -> None:
    # The app holds on its today only, so it never asks for a day to come; the service
    # refuses those for both front ends (tests/services/test_oneonones_service.py).
    seed(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o", "H", "y")
        await pilot.pause()
    db = open_database(db_path)
    assert db.execute("select held_on from oo_session").fetchall() == [(TODAY.isoformat(),)]
    db.close()


async def test_an_archived_person_is_flagged_when_something_is_recorded(
    app: LeadtuiApp, db_path: Path
) -> None:
    seed(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        await pilot.pause()
        # Archived elsewhere (the People screen, or the shell) while this screen is open.
        db = open_database(db_path)
        archive_person(db, 1, TODAY)
        db.close()
        await pilot.press("a", *"Handover", "enter")
        await pilot.pause()
        assert "Sam Okafor was archived on 2026-11-22; recorded in their history" in notices(app)
    assert points(db_path) == [("Handover", "open", False)]


async def test_the_people_list_is_in_the_services_order_overdue_first(
    app: LeadtuiApp, db_path: Path
) -> None:
    db = open_database(db_path)
    people = PeopleRepository(db)
    repo = OneOnOneRepository(db)
    for name, weekday, start in (
        ("Ann", 3, TODAY),  # next Thursday 2026-11-26
        ("Bob", 1, TODAY),  # next Tuesday 2026-11-24
        ("Zoe", 0, date(2026, 10, 5)),  # weekly since October, never held: overdue
    ):
        person = people.add(PersonDraft(name=name))
        repo.save_series(person.id, SeriesDraft(weekday=weekday, starts_on=start))
    people.add(PersonDraft(name="Abe"))  # no series
    db.close()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        await pilot.pause()
        table = app.screen.query_one("#oo-people", KeyTable)
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
    assert rows == [
        ["Zoe", "overdue"],
        ["Bob", "2026-11-24"],
        ["Ann", "2026-11-26"],
        ["Abe", "no series"],
    ]
