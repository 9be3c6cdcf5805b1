"""The One-on-ones screen with Pilot: keys pressed, what landed in the database and on
screen, and the messages its panels post."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.message import Message
from textual.widgets import Input, Select, Static, TextArea
from textual.widgets._footer import FooterKey

from leadtui.domain.oneonones import Point, PointStatus
from leadtui.domain.oneonones_input import SeriesDraft
from leadtui.domain.people_input import PersonDraft
from leadtui.domain.rotations_input import CapacityDraft
from leadtui.domain.validation import build
from leadtui.services import rotations
from leadtui.services.oneonones import (
    add_action,
    add_point,
    hold_session,
    reschedule,
    running_document,
    set_series,
)
from leadtui.services.people import add_person, archive_person, get_person
from leadtui.store.database import open_database
from leadtui.store.oneonones import OneOnOneRepository
from leadtui.store.people import PeopleRepository
from leadtui.tui.app import LeadtuiApp
from leadtui.tui.dialogs.confirm import ConfirmScreen
from leadtui.tui.dialogs.oneonone_forms import ActionForm, NotesForm, PointForm, SeriesForm
from leadtui.tui.dialogs.text_prompt import TextPrompt
from leadtui.tui.screens.oneonones import OneOnOnesScreen
from leadtui.tui.widgets.key_table import KeyTable
from leadtui.tui.widgets.oneonone_list import OneOnOneList
from leadtui.tui.widgets.running_document import RunningDocumentView
from tests.helpers import SIZE, SMALL, TODAY, make_app, plain_text


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
        assert isinstance(app.screen, PointForm)
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
        assert "s sets up a recurring series" in plain_text(app.screen.query_one("#oo-draft"))
        await pilot.press("s")
        form = app.screen
        assert isinstance(form, SeriesForm)
        form.query_one("#field-at_time", Input).value = "9:30"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, OneOnOnesScreen)
        assert "09:30" in plain_text(app.screen.query_one("#oo-heading"))


async def test_changing_a_series_starts_from_what_it_has_and_unchanged_keeps_its_moves(
    app: LeadtuiApp, db_path: Path
) -> None:
    db = open_database(db_path)
    sam = PeopleRepository(db).add(PersonDraft(name="Sam Okafor"))
    set_series(db, sam, TODAY, weekday="thursday", at_time="15:30", minutes=45, every_weeks=2)
    before = running_document(db, sam, TODAY)
    assert before.next_on is not None
    reschedule(db, sam, TODAY, on=before.next_on, to=before.next_on + timedelta(days=1))
    moved = running_document(db, sam, TODAY)
    db.close()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o", "s")
        form = app.screen
        assert isinstance(form, SeriesForm)
        assert form.query_one("#field-weekday", Select).value == "thursday"
        assert form.query_one("#field-at_time", Input).value == "15:30"
        assert form.query_one("#field-minutes", Input).value == "45"
        assert form.query_one("#field-every_weeks", Input).value == "2"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, OneOnOnesScreen)
    db = open_database(db_path)
    after = running_document(db, get_person(db, sam.id), TODAY)
    db.close()
    assert after.series[1:6] == moved.series[1:6]
    assert after.next_on == moved.next_on != before.next_on


async def test_shift_x_opens_the_export_dialog(app: LeadtuiApp, db_path: Path) -> None:
    # e edits now. The export's own behaviour (audience, file, overwrite) is the dialog's
    # tests'; the document's is tests/export's.
    from leadtui.tui.dialogs.export_prompt import ExportDialog

    seed(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o", "X")
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
        assert "Next session: Thu 26 Nov" in plain_text(app.screen.query_one("#oo-heading"))
        await pilot.press("r")
        app.screen.query_one(Input).value = "skip"
        await pilot.press("enter")
        await pilot.pause()
        heading = plain_text(app.screen.query_one("#oo-heading"))
        assert "Next session: Tue 1 Dec" in heading and "(Tue 24 Nov skipped)" in heading
    db = open_database(db_path)
    assert OneOnOneRepository(db).changes(1) == {date(2026, 11, 24): None}
    db.close()


async def test_feedback_given_in_the_session_is_filed_under_it_when_held(
    app: LeadtuiApp, db_path: Path
) -> None:
    from leadtui.store.reviews import FeedbackRepository
    from leadtui.tui.dialogs.review_forms import FeedbackForm

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
        assert isinstance(confirm, ConfirmScreen)
        assert "0 points and 1 feedback entry filed under today" in confirm.detail
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


async def test_esc_asks_before_it_drops_notes_written_in_the_form(
    app: LeadtuiApp, db_path: Path
) -> None:
    seed(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o", "n")
        assert isinstance(app.screen, NotesForm)
        await pilot.press("escape")  # nothing written: closes at once
        await pilot.pause()
        assert isinstance(app.screen, OneOnOnesScreen)
        await pilot.press("n")
        form = app.screen
        assert isinstance(form, NotesForm)
        await pilot.press(*"Talked")
        await pilot.press("escape")
        await pilot.pause()
        asked: object = app.screen
        assert isinstance(asked, ConfirmScreen)
        await pilot.press("n")  # keep writing
        await pilot.pause()
        back: object = app.screen
        assert back is form
        assert form.query_one("#field-shared", TextArea).text == "Talked"
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, OneOnOnesScreen)
    db = open_database(db_path)
    assert OneOnOneRepository(db).series_for(1).draft_shared_notes == ""
    db.close()


def notices(app: LeadtuiApp) -> str:
    return " ".join(str(n.message) for n in app._notifications)


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
        table = app.screen.query_one(OneOnOneList)
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
    assert rows == [
        ["Zoe", "overdue"],
        ["Bob", "Tue 24 Nov"],
        ["Ann", "Thu 26 Nov"],
        ["Abe", "ad hoc"],
    ]


# --- the panels: attributes down, messages up ----------------------------------------------


def seed_points(db_path: Path, *texts: str, private: tuple[str, ...] = ()) -> None:
    db = open_database(db_path)
    sam = get_person(db, 1)
    for text in texts:
        add_point(db, sam, TODAY, text=text, visibility="private" if text in private else "shared")
    db.close()


def doc_view(app: LeadtuiApp) -> RunningDocumentView:
    return app.screen.query_one(RunningDocumentView)


def items_table(app: LeadtuiApp) -> KeyTable:
    return doc_view(app).query_one("#oo-items", KeyTable)


async def test_the_panels_post_messages_that_the_screen_handles(
    db_path: Path, isolated_home: Path
) -> None:
    seed(db_path)
    db = open_database(db_path)
    add_person(db, PersonDraft(name="Ann Lee"))
    db.close()
    seed_points(db_path, "Career growth")
    seen: list[Message] = []
    app = make_app(db_path, isolated_home)
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        await pilot.press("o")
        await pilot.pause()
        first = doc_view(app).selected
        await pilot.press("down")
        await pilot.pause()
        # The hook sees a message at each node it bubbles through: count each once.
        moved = {id(m): m for m in seen if isinstance(m, OneOnOneList.PersonHighlighted)}
        assert [m.person_id for m in moved.values()] == [2]  # a fill posts none; a move does
        assert doc_view(app).selected is None  # Ann's document: nothing upcoming yet
        await pilot.press("up", "enter")  # enter on a person goes to their items
        await pilot.pause()
        assert app.screen.focused is items_table(app)
        await pilot.press("enter")  # enter on an item edits it
        await pilot.pause()
        [selected] = {
            id(m): m for m in seen if isinstance(m, RunningDocumentView.ItemSelected)
        }.values()
        assert isinstance(app.screen, TextPrompt)
        assert app.screen.query_one(Input).value == "Career growth"
    assert isinstance(first, Point) and selected.item == first


def test_the_screen_and_its_panels_name_no_colour_in_python() -> None:
    from leadtui.tui.screens import oneonones
    from leadtui.tui.widgets import oneonone_list, running_document

    colour = re.compile(
        r"#[0-9a-fA-F]{6}\b|\b(red|green|blue|yellow|magenta|cyan|white|black|grey\d*)\b"
    )
    for module in (oneonones, oneonone_list, running_document):
        source = Path(str(module.__file__)).read_text(encoding="utf-8")
        code = "\n".join(line for line in source.splitlines() if not line.strip().startswith("#"))
        assert not colour.search(code), (module.__name__, colour.search(code))


async def test_an_overdue_1on1_says_when_one_was_last_held(
    app: LeadtuiApp, db_path: Path, isolated_home: Path
) -> None:
    seed(db_path)  # weekly since 2026-11-03, never held: overdue
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        await pilot.pause()
        heading = plain_text(doc_view(app).query_one("#oo-heading", Static))
        assert "overdue (never held)" in heading
    db = open_database(db_path)
    sam = get_person(db, 1)
    hold_session(db, sam, TODAY, held_on=date(2026, 11, 10))
    db.close()
    again = make_app(db_path, isolated_home)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        await pilot.pause()
        heading = plain_text(doc_view(again).query_one("#oo-heading", Static))
        assert "overdue (last 10 Nov)" in heading


async def test_switching_theme_restyles_the_screen_at_once(app: LeadtuiApp, db_path: Path) -> None:
    seed(db_path)  # weekly since 2026-11-03, never held: overdue
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        await pilot.pause()
        people = app.screen.query_one(OneOnOneList)

        def overdue() -> tuple[object, object]:
            cell = people.get_cell_at(Coordinate(0, 1))
            assert isinstance(cell, Text) and cell.plain == "overdue"
            heading = doc_view(app).query_one("#oo-heading", Static).content
            assert isinstance(heading, Text)
            [span] = [s for s in heading.spans if "overdue" in heading.plain[s.start : s.end]]
            return Style.parse(str(cell.style)).color, Style.parse(str(span.style)).color

        before = overdue()
        app.theme = "leadtui-light" if app.theme != "leadtui-light" else "leadtui-dark"
        await pilot.pause()
        await pilot.pause()
        after = overdue()
        wanted = people.get_component_rich_style("oneonone-list--overdue").color
    assert before != after and after[0] == wanted


# --- the cursor stays on the item acted on --------------------------------------------------


async def test_the_cursor_stays_on_the_item_acted_on(app: LeadtuiApp, db_path: Path) -> None:
    seed(db_path)
    seed_points(db_path, "First", "Second", "Third")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o", "tab", "down")
        await pilot.pause()
        for key in ("d", "v", "x", "d"):
            await pilot.press(key)
            await pilot.pause()
            selected = doc_view(app).selected
            assert isinstance(selected, Point) and selected.text == "Second", key
            assert items_table(app).cursor_row == 1, key
        await pilot.press("right_square_bracket")  # the point moves down: the cursor too
        await pilot.pause()
        assert items_table(app).cursor_row == 2
        selected = doc_view(app).selected
        assert isinstance(selected, Point) and selected.text == "Second"
    assert [text for text, _, _ in points(db_path)] == ["First", "Second", "Third"]
    assert [status for _, status, _ in points(db_path)] == ["open", "discussed", "open"]


# --- a long talking point ------------------------------------------------------------------

LONG = (
    "Whether the platform reorganisation changes who owns the on-call rota, how the "
    "handover to the new team works in the first quarter, and what we tell the two people "
    "who asked to move with it before the announcement on Friday"
)


def column_widths(table: KeyTable) -> list[int]:
    return [column.get_render_width(table) for column in table.ordered_columns]


async def test_a_long_point_is_cut_in_its_row_and_shown_in_full_below(
    app: LeadtuiApp, db_path: Path
) -> None:
    seed(db_path)
    db = open_database(db_path)
    ann = add_person(db, PersonDraft(name="Ann Lee"))
    add_point(db, ann, TODAY, text="Short one", visibility="private")
    add_action(db, ann, TODAY, text="Send the doc", due_on="2026-11-20")
    db.close()
    seed_points(db_path, LONG, "Career growth")
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("o")  # Sam first: overdue
        await pilot.pause()
        table = items_table(app)
        # Every column, Who and the flags included, fits the table's width.
        assert sum(column_widths(table)) <= table.size.width
        cut = str(table.get_cell_at(Coordinate(0, 1)))
        assert cut.endswith("…") and len(cut) < len(LONG)
        assert [str(table.get_cell_at(Coordinate(0, 2)))] == ["me"]
        detail = " ".join(plain_text(doc_view(app).query_one("#oo-detail")).split())
        assert LONG in detail and "raised by me" in detail
        await pilot.press("down")  # Ann: her document's columns, not the long point's
        await pilot.pause()
        table = items_table(app)
        assert sum(column_widths(table)) <= table.size.width
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert rows == [
            ["·", "🔒 Short one", "me", ""],
            ["☐", "Action: Send the doc", "me", "due 20 Nov"],
        ]


# --- smaller ones --------------------------------------------------------------------------


async def test_the_next_column_shows_whole_days_beside_long_names(
    app: LeadtuiApp, db_path: Path
) -> None:
    db = open_database(db_path)
    for name, weekday in (("Maximiliane Oyelaran-Bergström", "tuesday"), ("Bo", "thursday")):
        person = add_person(db, PersonDraft(name=name))
        set_series(db, person, TODAY, weekday=weekday)
    db.close()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("o")
        await pilot.pause()
        table = app.screen.query_one(OneOnOneList)
        assert sum(column_widths(table)) <= table.size.width
        rows = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert rows[0][0].endswith("…") and rows[0][1] == "24 Nov"
        assert rows[1] == ["Bo", "26 Nov"]
    async with make_app(db_path, app.locations.config_dir).run_test(size=SIZE) as pilot:
        await pilot.press("o")
        await pilot.pause()
        table = pilot.app.screen.query_one(OneOnOneList)
        assert [str(c) for c in table.get_row_at(1)] == ["Bo", "Thu 26 Nov"]


async def test_with_nobody_the_screen_says_how_to_add_someone(app: LeadtuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        await pilot.pause()
        heading = plain_text(doc_view(app).query_one("#oo-heading"))
        assert "Add a person first: People (p), then a." in heading
        keys = {b.binding.key: b.enabled for b in app.screen.active_bindings.values()}
        assert not keys["s"] and not keys["a"] and not keys["H"]
        await pilot.press("s", "a", "H")
        await pilot.pause()
        assert isinstance(app.screen, OneOnOnesScreen)


async def test_a_second_hold_today_is_refused_before_anything_is_asked(
    app: LeadtuiApp, db_path: Path
) -> None:
    seed(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o", "H", "y")
        await pilot.pause()
        assert "Held today: 0 filed, 0 carried over" in notices(app)
        await pilot.press("H")
        await pilot.pause()
        assert isinstance(app.screen, OneOnOnesScreen)  # no question first
        assert (
            "a session on 2026-11-22 is already held; add to the next one, "
            "or fix that session's notes (N)"
        ) in notices(app)
    db = open_database(db_path)
    assert db.execute("select count(*) from oo_session").fetchone()[0] == 1
    db.close()


async def test_private_items_carry_a_lock_not_only_a_style(app: LeadtuiApp, db_path: Path) -> None:
    seed(db_path)
    seed_points(db_path, "Seems tired", "Roadmap", private=("Seems tired",))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        await pilot.pause()
        assert str(items_table(app).get_cell_at(Coordinate(0, 1))) == "🔒 Seems tired"
        assert str(items_table(app).get_cell_at(Coordinate(1, 1))) == "Roadmap"
        await pilot.press("tab", "d", "H", "y")
        await pilot.pause()
        history = plain_text(doc_view(app).query_one("#oo-history"))
        assert "✓ 🔒 Seems tired" in history


async def test_the_footer_keeps_the_meeting_keys_at_80_columns(
    app: LeadtuiApp, db_path: Path
) -> None:
    seed(db_path)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("o")
        await pilot.pause()
        shown = {
            key.description
            for key in app.screen.query(FooterKey)
            if key.region.width and key.region.right <= SMALL[0] - len("^p palette")
        }
        await pilot.press("ctrl+r")  # kept out of the footer here, but it works
        await pilot.pause()
        assert "Refreshed" in notices(app)
    assert {"Point", "Done", "Action", "Notes", "Hold", "Help"} <= shown


def footer_line(app: LeadtuiApp) -> str:
    """The footer's row as drawn."""
    strips = app.screen._compositor.render_strips()
    return strips[-1].text


def whole_keys(app: LeadtuiApp) -> list[str]:
    """The footer's keys, each as "key Description", that the footer's row shows whole."""
    line = footer_line(app)
    labels = [
        f"{app.get_key_display(Binding(key.key, key.action))} {key.description}"
        for key in app.screen.query(FooterKey)
    ]
    assert labels
    return [label for label in labels if label in line]


async def test_every_key_in_the_footer_is_shown_in_full(app: LeadtuiApp, db_path: Path) -> None:
    """At 80 columns the keys of every meeting fit whole and nothing is cut ("e Edi…");
    from ALL_KEYS_WIDTH Edit, Drop and Feedback join them; a resize follows."""
    seed(db_path)
    seed_points(db_path, "Career growth")
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("o")
        await pilot.pause()
        keys = app.screen.query(FooterKey)
        assert len(whole_keys(app)) == len(keys), footer_line(app)
        assert [k.description for k in keys][2:7] == ["Point", "Done", "Action", "Notes", "Hold"]
        assert "Edit" not in [k.description for k in keys]
        await pilot.press("tab", "e")  # left out of the footer here, but it works
        assert isinstance(app.screen, TextPrompt)
        await pilot.press("escape")
        await pilot.resize_terminal(*SIZE)
        for _ in range(3):
            await pilot.pause()
        described = [k.description for k in app.screen.query(FooterKey)]
        assert {"Edit", "Drop", "Feedback"} <= set(described)
        assert len(whole_keys(app)) == len(described), footer_line(app)
        for width in (80, 100, 103, 104, 110):
            await pilot.resize_terminal(width, 40)
            for _ in range(3):
                await pilot.pause()
            shown = len(app.screen.query(FooterKey))
            assert len(whole_keys(app)) == shown, (width, footer_line(app))


# --- suggested talking points: the rotations' terms ------------------------------------------


def seed_rotation(db_path: Path) -> None:
    """Sam (with a series) starts the one seat of Incident Review on Tue 1 Dec."""
    seed(db_path)
    db = open_database(db_path)
    draft = build(
        CapacityDraft, today=TODAY, name="Incident Review", starts_on="2026-12-01", seats=1
    )
    capacity = rotations.add_capacity(db, draft, TODAY)
    rotations.change_roster(db, capacity, ["Sam Okafor"])
    rotations.plan(db, capacity, TODAY)
    db.close()


SUGGESTION = "starts Incident Review on Tue 1 Dec"


async def test_a_suggested_point_shows_marked_and_enter_adds_it(
    app: LeadtuiApp, db_path: Path
) -> None:
    seed_rotation(db_path)
    seed_points(db_path, "Career growth")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o", "tab")
        await pilot.pause()
        table = items_table(app)
        assert [str(table.get_cell_at(Coordinate(1, c))) for c in range(4)] == [
            "+",
            SUGGESTION,
            "",
            "suggested",
        ]
        await pilot.press("down")
        await pilot.pause()
        view = doc_view(app)
        assert view.selected is None and view.suggestion == SUGGESTION
        detail = plain_text(view.query_one("#oo-detail", Static))
        assert "suggested, not on the list yet: enter adds it" in detail
        await pilot.press("d", "x")  # the keys that change a stored item pass it by
        await pilot.pause()
        assert points(db_path) == [("Career growth", "open", False)]
        await pilot.press("enter")
        prompt = app.screen
        assert isinstance(prompt, PointForm)
        assert prompt.query_one(Input).value == SUGGESTION
        await pilot.press("enter")
        await pilot.pause()
        assert points(db_path) == [("Career growth", "open", False), (SUGGESTION, "open", False)]
        # Taken: a talking point now, no longer suggested beside it.
        assert view.suggestion is None and view.selected is not None
        assert table.row_count == 2
    assert "**enter** (or\n  **e**) on it opens it as your talking point" in OneOnOnesScreen.HELP


# --- edit what you wrote; bring back a skipped session -------------------------------------


async def test_edit_a_point_and_an_actions_text(app: LeadtuiApp, db_path: Path) -> None:
    seed(db_path)
    seed_points(db_path, "Carer growth")
    db = open_database(db_path)
    add_action(db, get_person(db, 1), TODAY, text="Send teh doc", owner="them", due_on="friday")
    db.close()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o", "tab", "e")
        prompt = app.screen
        assert isinstance(prompt, TextPrompt)
        assert prompt.query_one(Input).value == "Carer growth"
        prompt.query_one(Input).value = "Career growth"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("down", "enter")  # enter edits too: an action's whole form
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ActionForm)
        assert form.query_one("#field-due_on", Input).value == "2026-11-27"
        form.query_one("#field-text", Input).value = "Send the doc"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert items_table(app).cursor_row == 1  # still on the action
    assert points(db_path) == [("Career growth", "open", False)]
    db = open_database(db_path)
    [action] = OneOnOneRepository(db).actions(1)
    db.close()
    assert (action.text, action.owner.value, action.due_on) == (
        "Send the doc",
        "them",
        date(2026, 11, 27),
    )


async def test_a_skipped_session_can_be_brought_back(app: LeadtuiApp, db_path: Path) -> None:
    seed(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o", "r")
        app.screen.query_one(Input).value = "skip"
        await pilot.press("enter")
        await pilot.pause()
        assert "(Tue 24 Nov skipped)" in plain_text(doc_view(app).query_one("#oo-heading"))
        await pilot.press("b")
        prompt = app.screen
        assert isinstance(prompt, TextPrompt)
        assert prompt.query_one(Input).value == "2026-11-24"
        await pilot.press("enter")
        await pilot.pause()
        assert "Back on Tue 24 Nov" in notices(app)
        heading = plain_text(doc_view(app).query_one("#oo-heading"))
        assert "Next session: Tue 24 Nov" in heading and "skipped" not in heading
    db = open_database(db_path)
    assert OneOnOneRepository(db).changes(1) == {}
    db.close()


# --- ad-hoc one-on-ones --------------------------------------------------------------------


async def test_someone_without_a_series_has_an_ad_hoc_document(
    app: LeadtuiApp, db_path: Path
) -> None:
    seed(db_path, with_series=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        await pilot.pause()
        heading = plain_text(doc_view(app).query_one("#oo-heading"))
        assert "ad hoc, no recurring series" in heading
        assert "Next session: when you next meet" in heading
        await pilot.press("a", *"Shared on-call rota", "enter")
        await pilot.pause()
        people = app.screen.query_one(OneOnOneList)
        assert [str(c) for c in people.get_row_at(0)] == ["Sam Okafor", "ad hoc"]
        await pilot.press("tab", "d", "H")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        history = plain_text(doc_view(app).query_one("#oo-history"))
        assert "Sun 22 Nov" in history and "✓ Shared on-call rota" in history
        heading = plain_text(doc_view(app).query_one("#oo-heading"))
        assert "when you next meet" in heading and "overdue" not in heading
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, OneOnOnesScreen)
        assert "An ad-hoc 1:1 has no date to move" in notices(app)
    assert points(db_path) == [("Shared on-call rota", "discussed", True)]
