from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Select, Static
from textual.widgets._footer import FooterKey

from leadtui.domain.oneonones import PointStatus, Visibility
from leadtui.domain.people_input import PersonDraft
from leadtui.domain.reviews import T3B3, Evidence, EvidenceKind, T3B3Side
from leadtui.domain.reviews_input import FeedbackDraft
from leadtui.services import oneonones
from leadtui.services.people import archive_person, get_person
from leadtui.store.database import open_database
from leadtui.store.people import PeopleRepository
from leadtui.store.reviews import FeedbackRepository, T3B3Repository
from leadtui.tui.app import LeadtuiApp
from leadtui.tui.dialogs.confirm import ConfirmScreen
from leadtui.tui.dialogs.review_forms import DeliverForm, EvidenceChooser, FeedbackForm
from leadtui.tui.dialogs.text_prompt import TextPrompt
from leadtui.tui.screens.reviews import ReviewsScreen
from leadtui.tui.widgets.key_table import KeyTable
from leadtui.tui.widgets.review_board import T3B3Board
from leadtui.tui.widgets.t3b3_slots import T3B3Slots
from tests.helpers import SIZE, SMALL, make_app, plain_text

HALF = "2026-H2"  # LEADTUI_TODAY is pinned to 2026-11-22


def seed(
    db_path: Path,
    top: tuple[str, ...] = (),
    bottom: tuple[str, ...] = (),
    name: str = "Sam Okafor",
) -> int:
    db = open_database(db_path)
    person = PeopleRepository(db).add(PersonDraft(name=name, relation="report"))
    PeopleRepository(db).add(PersonDraft(name="Priya Peer", relation="peer"))
    if top or bottom:
        T3B3Repository(db).set_lists(person.id, HALF, top or None, bottom or None)
    db.close()
    return int(person.id)


def seed_second(db_path: Path, name: str, bottom: tuple[str, ...] = ()) -> int:
    db = open_database(db_path)
    person = PeopleRepository(db).add(PersonDraft(name=name, relation="report"))
    if bottom:
        T3B3Repository(db).set_lists(person.id, HALF, None, bottom)
    db.close()
    return int(person.id)


def delivered_before(db_path: Path, person_id: int) -> None:
    """Two earlier halves delivered not in person: the board's widest cells."""
    db = open_database(db_path)
    repo = T3B3Repository(db)
    for half in ("2025-H2", "2026-H1"):
        repo.set_lists(person_id, half, ("One", "Two", "Three"), ("A", "B", "C"))
        repo.deliver(person_id, half, date(2026, 1, 5), False)
    db.close()


def stored(db_path: Path, person_id: int = 1, half: str = HALF) -> T3B3:
    db = open_database(db_path)
    try:
        return T3B3Repository(db).get(person_id, half)
    finally:
        db.close()


def notices(app: LeadtuiApp) -> str:
    return " ".join(str(n.message) for n in app._notifications)


def shown(widget: Widget) -> str:
    """The plain text a panel draws (the panels render what they hold, when drawn)."""
    console = Console(width=1000, file=io.StringIO(), color_system=None)
    with console.capture() as capture:
        console.print(widget.render())
    return capture.get()


def board_cell(screen: Screen[Any], person_id: int, column: str) -> str:
    """The text of one board cell; ``screen`` is the Reviews screen (or a dialog over it)."""
    board = screen.query_one("#rv-board", KeyTable)
    return str(board.get_cell(str(person_id), column))


async def test_fill_three_top_and_three_bottom_then_deliver(app: LeadtuiApp, db_path: Path) -> None:
    person_id = seed(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("R")
        screen = app.screen
        assert isinstance(screen, ReviewsScreen)
        assert board_cell(screen, person_id, HALF) == "—"
        for key, texts in (("T", ("Clear docs", "Calm lead", "Mentors")), ("B", ("A", "B", "C"))):
            for text in texts:
                await pilot.press(key)
                assert isinstance(app.screen, TextPrompt)
                await pilot.press(*text, "enter")
                await pilot.pause()
        assert board_cell(screen, person_id, HALF) == "ready ⚠3"  # 3 would be a surprise
        await pilot.press("D")
        form = app.screen
        assert isinstance(form, DeliverForm)
        assert form.query_one("#field-in_person", Select).value == "yes"
        assert form.query_one("#field-day", Input).value == "today"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert board_cell(screen, person_id, HALF) == "delivered ✓ in person"
        assert "read-only" in shown(screen.query_one("#rv-heading"))
        await pilot.press("T")  # delivered: read-only, no prompt
        await pilot.pause()
        assert app.screen is screen
        assert "kept as delivered" in notices(app)
    t3b3 = stored(db_path, person_id)
    assert (t3b3.delivered_on, t3b3.in_person) == (date(2026, 11, 22), True)
    assert [i.text for i in t3b3.side(T3B3Side.TOP)] == ["Clear docs", "Calm lead", "Mentors"]
    assert [i.text for i in t3b3.side(T3B3Side.BOTTOM)] == ["A", "B", "C"]


async def test_a_fourth_top_item_is_refused_before_typing_and_nothing_is_written(
    app: LeadtuiApp, db_path: Path
) -> None:
    seed(db_path, top=("One", "Two", "Three"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("R", "T")
        await pilot.pause()
        assert isinstance(app.screen, ReviewsScreen)  # no prompt to type into
        assert "Top already has 3 of 3 items" in notices(app)
        await pilot.press("B", *"Grow", "enter")  # Bottom still has room
        await pilot.pause()
    record = stored(db_path)
    assert [i.text for i in record.side(T3B3Side.TOP)] == ["One", "Two", "Three"]
    assert [i.text for i in record.side(T3B3Side.BOTTOM)] == ["Grow"]


async def test_delivering_two_plus_three_is_refused_with_the_reason(
    app: LeadtuiApp, db_path: Path
) -> None:
    seed(db_path, top=("One", "Two"), bottom=("A", "B", "C"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("R", "D")
        await pilot.pause()
        assert isinstance(app.screen, ReviewsScreen)
        assert "this one has 2 + 3" in notices(app)
        assert board_cell(app.screen, 1, HALF) == "draft 5/6 ⚠3"
    assert stored(db_path).delivered_on is None


async def test_linking_a_bottom_item_to_earlier_feedback_clears_its_surprise(
    app: LeadtuiApp, db_path: Path
) -> None:
    person_id = seed(db_path, top=("Writing",), bottom=("Code reviews wait for days",))
    db = open_database(db_path)
    entry = FeedbackRepository(db).add(
        person_id,
        FeedbackDraft(text="Two code reviews waited a week", kind="growth", day=date(2026, 9, 10)),
    )
    FeedbackRepository(db).add(
        person_id, FeedbackDraft(text="Lovely demo", kind="strength", day=date(2026, 10, 1))
    )
    FeedbackRepository(db).add(
        person_id,
        FeedbackDraft(text="Missed the sprint goal", kind="growth", day=date(2026, 10, 2)),
    )
    db.close()
    assert len(stored(db_path).surprises()) == 1
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("R", "tab", "down", "down", "down")  # Bottom 1
        screen = app.screen
        detail = shown(screen.query_one("#rv-detail"))
        assert "Would be a surprise" in detail and "Two code reviews waited a week" in detail
        await pilot.press("l")
        chooser = app.screen
        assert isinstance(chooser, EvidenceChooser)
        assert (chooser.choices[0].kind, chooser.choices[0].id) == ("feedback", entry.id)
        assert len(chooser.choices) == 2  # the suggestion first, then everything else
        # "Raised before" means growth: the strength is not offered.
        assert "Lovely demo" not in [e.text for e in chooser.choices]
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert "Raised before in feedback of Thu 10 Sep" in shown(screen.query_one("#rv-detail"))
    t3b3 = stored(db_path, person_id)
    assert t3b3.surprises() == []
    assert t3b3.side(T3B3Side.BOTTOM)[0].feedback_id == entry.id


async def test_feedback_form_refusals_keep_what_was_typed(app: LeadtuiApp, db_path: Path) -> None:
    person_id = seed(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("R", "f")
        form = app.screen
        assert isinstance(form, FeedbackForm)
        assert form.focused is form.query_one("#field-text", Input)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "feedback is empty" in str(form.query_one("#form-error").render())
        await pilot.press(*"Clear design doc")
        form.query_one("#field-day", Input).value = "31/02"
        form.query_one("#field-visibility", Select).value = "private"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "31/02" in str(form.query_one("#form-error").render())
        assert form.query_one("#field-text", Input).value == "Clear design doc"
        assert form.query_one("#field-day", Input).value == "31/02"
        assert form.query_one("#field-day", Input).has_class("-invalid")
        form.query_one("#field-day", Input).value = "yesterday"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReviewsScreen)
        assert "Clear design doc" in shown(app.screen.query_one("#rv-feedback"))
        # The day, written as Today's card and every table write it.
        assert board_cell(app.screen, person_id, "last") == "21 Nov"
    db = open_database(db_path)
    [entry] = FeedbackRepository(db).for_person(person_id)
    db.close()
    assert (entry.text, entry.given_on, entry.visibility.value, entry.series_id) == (
        "Clear design doc",
        date(2026, 11, 21),
        "private",
        None,
    )


async def test_markup_in_items_and_names_is_stored_and_shown_literally(
    app: LeadtuiApp, db_path: Path
) -> None:
    seed(db_path, name="[red]Sam[/]")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("R", "B", *"[bold]x[/]", "enter")
        await pilot.pause()
        screen = app.screen
        assert board_cell(screen, 1, "person") == "[red]Sam[/]"
        slots = screen.query_one("#rv-slots", T3B3Slots)
        assert slots.item_text("bottom:1").startswith("[bold]x[/]\n⚠ would be a surprise")
        title = Content.from_markup(str(screen.query_one("#rv-left").border_title))
        assert title.plain.startswith("[red]Sam[/] · 2026-H2")
    assert stored(db_path).side(T3B3Side.BOTTOM)[0].text == "[bold]x[/]"


async def test_edit_reorder_remove_and_remove_text_after_delivery(
    app: LeadtuiApp, db_path: Path
) -> None:
    seed(db_path, top=("One", "Two", "Three"), bottom=("A", "B", "C"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("R", "enter")  # to the slots, Top 1
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert [i.text for i in stored(db_path).side(T3B3Side.TOP)] == ["Two", "One", "Three"]
        await pilot.press("enter")  # the cursor followed "One" to Top 2
        prompt = app.screen
        assert isinstance(prompt, TextPrompt) and prompt.query_one(Input).value == "One"
        prompt.query_one(Input).value = "Uno"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("x")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert [i.text for i in stored(db_path).side(T3B3Side.TOP)] == ["Two", "Three"]
        await pilot.press("T", *"Four", "enter", "r")
        await pilot.pause()
        # The switch decides whether the words outlive the delivery: it asks first.
        assert isinstance(app.screen, ConfirmScreen)
        assert "Remove the six texts" in plain_text(app.screen.query_one(".question"))
        assert not stored(db_path).remove_text
        await pilot.press("y")
        await pilot.pause()
        assert stored(db_path).remove_text
        assert "remove the text, keep the fact" in shown(app.screen.query_one("#rv-heading"))
        await pilot.press("D")  # asks first: the six texts go with the delivery
        assert isinstance(app.screen, ConfirmScreen)
        assert "Deliver and remove the text?" in plain_text(app.screen.query_one(".question"))
        await pilot.press("y")
        assert "texts are then removed" in plain_text(app.screen.query_one(".form-note", Static))
        app.screen.query_one("#field-in_person", Select).value = "no"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "not in person" in notices(app)
        assert board_cell(app.screen, 1, HALF) == "delivered ✓ not in person"
    t3b3 = stored(db_path)
    assert t3b3.text_removed and t3b3.items == () and t3b3.in_person is False


async def test_halves_move_and_the_board_follows(app: LeadtuiApp, db_path: Path) -> None:
    seed(db_path, top=("Writing",))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("R", "greater_than_sign")
        await pilot.pause()
        screen = app.screen
        assert "2027-H1" in str(screen.query_one("#rv-left").border_title)
        assert board_cell(screen, 1, HALF) == "draft 1/6"
        await pilot.press("greater_than_sign")  # planning reaches the next half, no further
        await pilot.pause()
        assert "2027-H1" in str(screen.query_one("#rv-left").border_title)
        assert "as far ahead as T3B3 planning goes" in notices(app)
        await pilot.press("less_than_sign", "less_than_sign")
        await pilot.pause()
        assert "2026-H1" in str(screen.query_one("#rv-left").border_title)
        assert "Half over half · 2025-H2" in str(screen.query_one("#rv-previous").border_title)


async def test_export_writes_the_shared_packet_without_the_t3b3_text(
    app: LeadtuiApp, db_path: Path, tmp_path: Path
) -> None:
    seed(db_path, top=("SECRET strength",))
    target = tmp_path / "sam-review.md"
    async with app.run_test(size=SIZE) as pilot:
        from textual.widgets import RadioSet

        from leadtui.tui.dialogs.export_prompt import ExportDialog

        await pilot.press("R", "X")
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one(RadioSet).focus()
        await pilot.press("enter")  # Shared: the dialog never assumes a copy
        path = dialog.query_one("#field-path", Input)
        assert path.value.endswith("sam-okafor-review-2026-H2-shared.md")
        path.value = str(target)
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ReviewsScreen)
    text = target.read_text()
    assert "Review packet — Sam Okafor, 2026-H2" in text and "SECRET" not in text
    assert target.stat().st_mode & 0o777 == 0o600


async def test_no_reports_says_how_to_add_one(app: LeadtuiApp, db_path: Path) -> None:
    db = open_database(db_path)
    PeopleRepository(db).add(PersonDraft(name="Priya Peer", relation="peer"))
    db.close()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("R", "T")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewsScreen)
        empty = plain_text(screen.query_one("#rv-empty", Static))
        assert "No reports to review" in empty and "--relation report" in empty
        assert not screen.query_one("#rv-board").display


async def test_rewording_an_item_into_another_on_its_side_is_refused(
    app: LeadtuiApp, db_path: Path
) -> None:
    """The same words twice on a side are refused when set, added or edited."""
    seed(db_path, top=("One", "Two"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("R", "enter", "down", "enter")  # edit Top 2
        prompt = app.screen
        assert isinstance(prompt, TextPrompt)
        prompt.query_one(Input).value = "one"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is prompt  # refused, what was typed stays
        assert "Top already has 'one'" in str(prompt.query_one("#form-error").render())
        assert prompt.query_one(Input).value == "one"
        prompt.query_one(Input).value = "Two, reworded"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewsScreen)
    assert [i.text for i in stored(db_path).side(T3B3Side.TOP)] == ["One", "Two, reworded"]


@pytest.mark.parametrize(
    "keys", [("T", *"Calm", "enter"), ("f", *"Sharp review", "ctrl+s")], ids=["t3b3", "feedback"]
)
async def test_recording_for_a_person_archived_meanwhile_says_so(
    app: LeadtuiApp, db_path: Path, keys: tuple[str, ...]
) -> None:
    """An archived person is flagged on the screen as on the command line; what was
    typed is recorded all the same (and they leave the board, which lists active reports)."""
    person_id = seed(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("R")
        await pilot.pause()
        db = open_database(db_path)
        archive_person(db, person_id, date(2026, 11, 22))
        db.close()
        await pilot.press(*keys)
        await pilot.pause()
        assert "Sam Okafor was archived on 2026-11-22; recorded in their history" in notices(app)
    db = open_database(db_path)
    try:
        recorded = T3B3Repository(db).get(person_id, HALF).filled + len(
            FeedbackRepository(db).for_person(person_id)
        )
    finally:
        db.close()
    assert recorded == 1


# --- panels are widgets: attributes down, messages up ----------------------------------


async def test_the_panels_post_messages_and_the_screen_follows_them(
    db_path: Path, isolated_home: Path
) -> None:
    """Moving on the board posts PersonHighlighted and the editor shows that person;
    moving in the slots posts SlotHighlighted and the detail follows; enter on the board
    posts PersonSelected and the slots take the focus."""
    seed(db_path, top=("Writing",), bottom=("Code reviews wait",))
    seed_second(db_path, "Ada Lovelace", bottom=("Speak up in planning",))
    seen: list[Message] = []
    app = make_app(db_path, isolated_home)
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        await pilot.press("R")
        await pilot.pause()
        screen = app.screen
        assert "Ada Lovelace" in str(screen.query_one("#rv-left").border_title)
        await pilot.press("down")
        await pilot.pause()
        moved = [m.person_id for m in seen if isinstance(m, T3B3Board.PersonHighlighted)]
        assert moved[-1] == 1
        assert "Sam Okafor" in str(screen.query_one("#rv-left").border_title)
        await pilot.press("enter")
        await pilot.pause()
        assert any(isinstance(m, T3B3Board.PersonSelected) for m in seen)
        assert app.focused is screen.query_one(T3B3Slots)
        await pilot.press("down", "down", "down")
        await pilot.pause()
        slots = [m.slot for m in seen if isinstance(m, T3B3Slots.SlotHighlighted)]
        assert (slots[-1].side, slots[-1].rank) == (T3B3Side.BOTTOM, 1)
        assert "Would be a surprise" in shown(screen.query_one("#rv-detail"))


def test_the_screen_names_no_colour_and_branches_on_no_widget_id() -> None:
    """Colours live in reviews.tcss as theme variables; handlers are per message type."""
    root = Path(__file__).parents[2] / "src" / "leadtui" / "tui"
    modules = [root / "screens" / "reviews.py"] + [
        root / "widgets" / f"{name}.py"
        for name in (
            "review_board",
            "t3b3_slots",
            "t3b3_editor",
            "t3b3_heading",
            "slot_detail",
            "half_over_half",
            "feedback_panel",
            "styled_text",
        )
    ]
    colour = re.compile(r"#[0-9a-fA-F]{6}\b|[\"' ](yellow|green|cyan|red|blue|magenta)[\"' ]")
    for module in modules:
        source = module.read_text()
        assert not colour.search(source), module.name
        assert not re.search(r"(data_table|control|widget|option_list)\.id\b", source), module
        assert "theme_variables" not in source, module.name
    assert len((root / "screens" / "reviews.py").read_text().splitlines()) <= 450


async def test_switching_theme_restyles_the_board_at_once(app: LeadtuiApp, db_path: Path) -> None:
    """The board's colours are read from the theme when drawn, not baked in on load."""
    seed(db_path, top=("One", "Two", "Three"), bottom=("A", "B", "C"))

    def drawn(cell: object) -> str:
        console = Console(color_system="truecolor", file=io.StringIO(), width=80)
        with console.capture() as capture:
            console.print(cell)
        return capture.get()

    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("R")
        await pilot.pause()
        board = app.screen.query_one("#rv-board", KeyTable)
        dark = drawn(board.get_cell("1", HALF))
        app.theme = "leadtui-light"
        await pilot.pause()
        await pilot.pause()
        light = drawn(board.get_cell("1", HALF))
        assert light != dark and "ready" in light
        app.theme = "leadtui-dark"
        await pilot.pause()
        await pilot.pause()
        assert drawn(board.get_cell("1", HALF)) == dark


# --- "raised before" means growth: praise never satisfies no surprises ----------------


async def test_a_strength_sharing_words_with_a_bottom_item_is_never_offered(
    app: LeadtuiApp, db_path: Path
) -> None:
    person_id = seed(db_path, bottom=("Code reviews wait for days",))
    db = open_database(db_path)
    feedback = FeedbackRepository(db)
    feedback.add(
        person_id,
        FeedbackDraft(
            text="Superb code reviews, days ahead", kind="strength", day=date(2026, 10, 1)
        ),
    )
    growth = feedback.add(
        person_id,
        FeedbackDraft(text="Missed the sprint goal", kind="growth", day=date(2026, 10, 2)),
    )
    db.close()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("R", "tab", "down", "down", "down")  # Bottom 1
        screen = app.screen
        detail = shown(screen.query_one("#rv-detail"))
        assert "Superb" not in detail and "Would be a surprise" in detail
        await pilot.press("l")
        chooser = app.screen
        assert isinstance(chooser, EvidenceChooser)
        assert [(e.kind, e.id) for e in chooser.choices] == [("feedback", growth.id)]
        assert chooser.suggested == 0  # the strength shares two words, yet is no candidate


async def test_a_bottom_item_linked_to_praise_is_still_a_surprise(
    app: LeadtuiApp, db_path: Path
) -> None:
    """A link to a strength (stored before the rule) does not count as raised before."""
    person_id = seed(db_path, bottom=("Code reviews wait for days",))
    db = open_database(db_path)
    praise = FeedbackRepository(db).add(
        person_id,
        FeedbackDraft(text="Superb code reviews", kind="strength", day=date(2026, 10, 1)),
    )
    repo = T3B3Repository(db)
    [item] = repo.get(person_id, HALF).side(T3B3Side.BOTTOM)
    repo.link_item(
        item.id,
        Evidence(EvidenceKind.FEEDBACK, praise.id, praise.given_on, praise.text, praise.visibility),
    )
    db.close()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("R", "tab", "down", "down", "down")  # Bottom 1
        screen = app.screen
        slot = screen.query_one(T3B3Slots).item_text("bottom:1")
        assert "✓" not in slot and "⚠ linked to what was not raised as growth" in slot
        assert "⚠ 1 would be a surprise" in shown(screen.query_one("#rv-heading"))
        detail = shown(screen.query_one("#rv-detail"))
        assert "Not raised before" in detail and "never praise" in detail


async def test_a_refused_link_says_why(app: LeadtuiApp, db_path: Path) -> None:
    """What was offered may stop counting before it is picked; the service's reason shows."""
    person_id = seed(db_path, bottom=("Code reviews wait for days",))
    db = open_database(db_path)
    entry = FeedbackRepository(db).add(
        person_id,
        FeedbackDraft(text="Two code reviews waited", kind="growth", day=date(2026, 9, 10)),
    )
    db.close()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("R", "tab", "down", "down", "down", "l")
        assert isinstance(app.screen, EvidenceChooser)
        db = open_database(db_path)
        db.execute("update feedback set visibility = 'private' where id = ?", [entry.id])
        db.close()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewsScreen)
        assert "is private and was not given in a held 1:1" in notices(app)
    assert stored(db_path, person_id).surprises() != []


async def test_nothing_to_link_says_what_counts(app: LeadtuiApp, db_path: Path) -> None:
    person_id = seed(db_path, bottom=("Code reviews wait for days",))
    db = open_database(db_path)
    FeedbackRepository(db).add(
        person_id, FeedbackDraft(text="Superb code reviews", kind="strength", day=date(2026, 10, 1))
    )
    db.close()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("R", "tab", "down", "down", "down", "l")
        await pilot.pause()
        assert isinstance(app.screen, ReviewsScreen)
        assert "only growth feedback they heard" in notices(app)
        assert "never praise" in notices(app)


async def test_the_board_and_the_editor_count_the_same_surprises(
    app: LeadtuiApp, db_path: Path
) -> None:
    """Links a database from before the rules may hold: to a private note given outside a
    1:1, and to a point discussed in a held 1:1 and made private since. Neither was
    raised with them, so the board's ⚠ count is the editor's."""
    bottoms = ("Code reviews wait for days", "Design docs ramble", "Estimates slip")
    person_id = seed(db_path, bottom=bottoms)
    db = open_database(db_path)
    sam = get_person(db, person_id)
    feedback = FeedbackRepository(db)
    note = feedback.add(
        person_id,
        FeedbackDraft(text="Reviews sat for days", kind="growth", visibility="private"),
    )
    told = feedback.add(person_id, FeedbackDraft(text="Estimates slipped twice", kind="growth"))
    held_on = date(2026, 11, 20)
    point = oneonones.add_point(db, sam, held_on, text="Design docs ramble").point
    oneonones.mark_point(db, sam, point.id, PointStatus.DISCUSSED)
    oneonones.hold_session(db, sam, held_on)
    repo = T3B3Repository(db)
    reviews, docs, estimates = repo.get(person_id, HALF).side(T3B3Side.BOTTOM)
    for item, kind, evidence_id in (
        (reviews, EvidenceKind.FEEDBACK, note.id),
        (docs, EvidenceKind.POINT, point.id),
        (estimates, EvidenceKind.FEEDBACK, told.id),
    ):
        repo.link_item(item.id, Evidence(kind, evidence_id, held_on, "", Visibility.SHARED))
    db.execute("update oo_point set visibility = 'private' where id = ?", [point.id])
    db.close()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("R", "tab")
        screen = app.screen
        assert board_cell(screen, person_id, HALF) == "draft 3/6 ⚠2"
        assert "⚠ 2 would be a surprise" in shown(screen.query_one("#rv-heading"))
        slots = screen.query_one(T3B3Slots)
        for key in ("bottom:1", "bottom:2"):
            assert "⚠ linked to what was not raised as growth" in slots.item_text(key)
        assert "✓ raised before" in slots.item_text("bottom:3")
    assert [i.rank for i in stored(db_path, person_id).surprises()] == [1, 2]


# --- the footer offers what applies ------------------------------------------------------


def footer_keys(app: LeadtuiApp) -> dict[str, FooterKey]:
    return {key.description: key for key in app.screen.query(FooterKey)}


async def test_the_footer_never_offers_deliver_on_a_delivered_t3b3(
    app: LeadtuiApp, db_path: Path
) -> None:
    seed(db_path, top=("One", "Two", "Three"), bottom=("A", "B", "C"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("R")
        await pilot.pause()
        assert "Deliver" in footer_keys(app)
        assert "Link" not in footer_keys(app)  # Top 1 is highlighted: nothing to link
        await pilot.press("tab", "down", "down", "down")
        await pilot.pause()
        assert "Link" in footer_keys(app)  # a Bottom item
        await pilot.press("D", "ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert stored(db_path).delivered_on is not None
        keys = footer_keys(app)
        assert "Deliver" not in keys and "Link" not in keys
        assert {"Feedback", "Export"} <= set(keys)
        await pilot.press("D")  # not offered, and nothing happens
        await pilot.pause()
        assert isinstance(app.screen, ReviewsScreen)


async def test_the_footer_keeps_the_essential_keys_at_80x24(app: LeadtuiApp, db_path: Path) -> None:
    seed(db_path, top=("One",), bottom=("A",))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("R", "tab", "down", "down", "down")
        await pilot.pause()
        keys = footer_keys(app)
        room = keys["palette"].region.x  # the command palette's key sits at the right
        for name in ("Link", "Feedback", "Deliver", "Export", "Help"):
            assert name in keys and keys[name].region.right <= room, name


async def test_no_report_offers_no_review_keys(app: LeadtuiApp, db_path: Path) -> None:
    db = open_database(db_path)
    PeopleRepository(db).add(PersonDraft(name="Priya Peer", relation="peer"))
    db.close()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("R")
        await pilot.pause()
        assert not {"Feedback", "Deliver", "Export", "Link"} & set(footer_keys(app))


# --- small and large terminals -------------------------------------------------------------


def inside(widget: Widget, screen: Widget) -> bool:
    region = widget.region
    return region.height > 0 and screen.region.contains_region(region)


async def test_80x24_stacks_the_editor_under_the_board_with_the_six_slots_in_view(
    app: LeadtuiApp, db_path: Path
) -> None:
    person_id = seed(db_path, top=("One", "Two", "Three"), bottom=("A long area to grow", "B", "C"))
    delivered_before(db_path, person_id)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("R", "tab")
        await pilot.pause()
        screen = app.screen
        assert {"-narrow", "-short"} <= screen.classes
        board, slots = screen.query_one("#rv-board", KeyTable), screen.query_one(T3B3Slots)
        right = screen.query_one("#rv-right")
        assert inside(board, screen) and inside(slots, screen)
        assert slots.region.y > board.region.bottom - 1
        assert right.region.y >= slots.region.bottom  # the side panels follow the slots
        assert len(board.columns) == 4  # three halves do not fit 80 columns; the last two do
        assert board_cell(screen, person_id, "2026-H1") == "✓ not in person"


async def test_120x40_puts_the_side_panels_beside_the_slots(app: LeadtuiApp, db_path: Path) -> None:
    seed(db_path, top=("One", "Two", "Three"), bottom=("A", "B", "C"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("R")
        await pilot.pause()
        screen = app.screen
        assert {"-wide", "-tall"} <= screen.classes
        left, right = screen.query_one("#rv-left"), screen.query_one("#rv-right")
        assert right.region.x >= left.region.right
        for panel in ("#rv-board", "#rv-slots", "#rv-detail", "#rv-previous", "#rv-feedback"):
            assert inside(screen.query_one(panel), screen), panel
        assert len(screen.query_one("#rv-board", KeyTable).columns) == 5


async def test_resizing_reflows_without_reading_the_database(
    app: LeadtuiApp, db_path: Path
) -> None:
    person_id = seed(db_path, top=("One", "Two", "Three"), bottom=("A", "B", "C"))
    delivered_before(db_path, person_id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("R")
        await pilot.pause()
        statements: list[str] = []
        app.db.conn.set_trace_callback(statements.append)
        try:
            await pilot.resize_terminal(*SMALL)
            await pilot.pause()
            await pilot.pause()
            assert "-narrow" in app.screen.classes
            assert len(app.screen.query_one("#rv-board", KeyTable).columns) == 4
            keys = footer_keys(app)
            assert keys["Export"].region.right <= keys["palette"].region.x
            await pilot.resize_terminal(*SIZE)
            await pilot.pause()
            assert "-wide" in app.screen.classes
            assert len(app.screen.query_one("#rv-board", KeyTable).columns) == 5
        finally:
            app.db.conn.set_trace_callback(None)
        # The app's own check for writes by other processes may tick meanwhile; no
        # table was read.
        assert [s for s in statements if s != "pragma data_version"] == []


async def test_dates_read_as_days(app: LeadtuiApp, db_path: Path) -> None:
    """Feedback, links and deliveries are dated the one way screens date a day."""
    person_id = seed(db_path, top=("One", "Two", "Three"), bottom=("Code reviews wait",))
    db = open_database(db_path)
    FeedbackRepository(db).add(
        person_id,
        FeedbackDraft(text="Two code reviews waited", kind="growth", day=date(2026, 9, 10)),
    )
    db.close()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("R")
        await pilot.pause()
        screen = app.screen
        feedback = shown(screen.query_one("#rv-feedback"))
        assert "10 Sep" in feedback and "Sep 10" not in feedback
        await pilot.press("tab", "down", "down", "down")
        await pilot.pause()
        assert "10 Sep" in shown(screen.query_one("#rv-detail"))
        await pilot.press("l", "enter")
        await pilot.pause()
        assert "feedback of Thu 10 Sep" in screen.query_one(T3B3Slots).item_text("bottom:1")
        assert "feedback of Thu 10 Sep" in notices(app)
