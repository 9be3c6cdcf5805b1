"""The Rotations screen: timelines and tables from the database, its keys writing
through the rotation use cases, and setting rotations up (a capacity, its roster, the
hosts) without the shell."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Input, Select, Static

from leadtui.config import Settings
from leadtui.demo import seed_demo
from leadtui.domain.people_input import PersonDraft
from leadtui.domain.rotations_input import CapacityDraft
from leadtui.services.hosts import host_schedule
from leadtui.services.people import add_person
from leadtui.services.rotations import (
    add_capacity,
    change_roster,
    list_capacities,
    roster,
    schedule_of,
)
from leadtui.store.database import open_database
from leadtui.tui.app import LeadtuiApp
from leadtui.tui.dialogs.confirm import ConfirmScreen
from leadtui.tui.dialogs.rotation_forms import CapacityForm, HostsForm, RosterEntryForm
from leadtui.tui.dialogs.rotation_roster import RosterDialog
from leadtui.tui.screens import SCREENS
from leadtui.tui.screens.rotations import RotationsScreen
from leadtui.tui.widgets.key_table import KeyTable
from leadtui.tui.widgets.rotation_panels import HostsTable, TermsTable
from tests.helpers import (
    DAY_LABEL,
    ISO_DATE,
    SIZE,
    SMALL,
    TODAY,
    card_lines,
    files_digest,
    make_app,
    plain_text,
)


def _demo(db_path: Path, home: Path) -> LeadtuiApp:
    db = open_database(db_path)
    seed_demo(db, today=TODAY, people=12, years=3)
    db.close()
    return make_app(db_path, home)


async def test_the_screen_shows_seats_terms_hosts_and_checks(
    db_path: Path, isolated_home: Path
) -> None:
    app = _demo(db_path, isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("W")
        assert isinstance(app.screen, RotationsScreen)
        seats = plain_text(app.screen.query_one("#rot-timelines", Static))
        assert "Incident Review" in seats and "Tech Spec Review" in seats
        assert "Seat 1" in seats and "Seat 2" in seats and "▲ today" in seats
        assert app.screen.query_one("#rot-hosts", KeyTable).row_count == 8
        checks = plain_text(app.screen.query_one("#rot-checks", Static))
        assert "exposure" in checks
        # Days in the checks read as everywhere on screens, not as ISO dates.
        assert DAY_LABEL.search(checks) and not ISO_DATE.search(checks)
        await pilot.press("f1")
        await pilot.pause()
        assert "Rotations" in str(app.screen.query("Markdown").first().source)  # type: ignore[attr-defined]


async def test_skip_a_week_from_the_hosts_table(db_path: Path, isolated_home: Path) -> None:
    app = _demo(db_path, isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("W")
        app.screen.query_one("#rot-hosts", KeyTable).focus()
        # The third week: the second is swapped in the demo, and a swapped week is
        # refused until the swap is undone.
        await pilot.press("j", "j", "s")
        await pilot.pause()
    db = open_database(db_path)
    try:
        hosts = host_schedule(db, TODAY, 3)
    finally:
        db.close()
    assert hosts.meetings[2].skipped and not hosts.meetings[0].skipped


async def test_plan_from_the_screen_records_the_next_terms(
    db_path: Path, isolated_home: Path
) -> None:
    app = _demo(db_path, isolated_home)
    db = open_database(db_path)
    capacity = next(c for c in list_capacities(db) if c.name == "Incident Review")
    open_before = sum(1 for s in schedule_of(db, capacity, TODAY).segments if s.person_id is None)
    db.close()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("W")
        table = app.screen.query_one("#rot-terms", KeyTable)
        screen = app.screen
        assert isinstance(screen, RotationsScreen)
        terms = app.screen.query_one(TermsTable).terms
        row = next(i for i, (s, _) in enumerate(terms) if s.capacity.id == capacity.id)
        table.move_cursor(row=row)
        await pilot.press("n")
        await pilot.pause()
    db = open_database(db_path)
    try:
        open_after = sum(
            1 for s in schedule_of(db, capacity, TODAY).segments if s.person_id is None
        )
    finally:
        db.close()
    assert open_after < open_before


def test_the_screen_has_its_own_go_key_and_palette_entry() -> None:
    entry = next(e for e in SCREENS if e.mode == "rotations")
    assert (entry.title, entry.key) == ("Rotations", "W")
    keys = [e.key for e in SCREENS]
    assert len(keys) == len(set(keys))


async def test_todays_rotations_card_names_the_host_and_opens_rotations(
    db_path: Path, isolated_home: Path
) -> None:
    from leadtui.tui.widgets.rotations_card import RotationsCard

    app = _demo(db_path, isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        card = app.screen.query_one(RotationsCard)
        shown = card.render().plain
        assert "Host: Jonas Haddad" in shown and "Mon 23 Nov" in shown
        assert "Kofi Mensah starts" in shown
        card.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RotationsScreen)


async def test_todays_rotations_card_warns_of_a_seat_held_by_someone_archived(
    db_path: Path, isolated_home: Path
) -> None:
    from leadtui.services.people import archive_person, resolve_person
    from leadtui.tui.widgets.rotations_card import RotationsCard

    app = _demo(db_path, isolated_home)
    db = open_database(db_path)
    archive_person(db, resolve_person(db, "Jonas Haddad").id, TODAY)
    db.close()
    async with app.run_test(size=SIZE):
        lines = card_lines(app.screen.query_one(RotationsCard))
        checks = [x for x in lines if x.startswith("! ")]
        # His seat and his host turns, first among the checks, each led by what it is.
        assert checks[0].startswith("! Incident Review seat 1: Jonas Haddad was archived")
        assert checks[1].startswith("! Leadership meeting: Jonas Haddad was archived")


async def test_a_stored_control_character_in_a_name_is_shown_escaped(
    db_path: Path, isolated_home: Path
) -> None:
    import re
    import sqlite3

    from leadtui.tui.widgets.rotations_card import RotationsCard

    app = _demo(db_path, isolated_home)
    # As an earlier version stored them, past today's refusal.
    with sqlite3.connect(db_path) as con:
        con.execute("update person set name = ? where name = 'Diego Ibarra'", ["Die\x1bgo\u202e"])
        con.execute(
            "update rotation_capacity set name = ? where name = 'Incident Review'",
            ["Incident\x1b[31m Review"],
        )
    con.close()
    raw = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
    async with app.run_test(size=SIZE) as pilot:
        card = "\n".join(card_lines(app.screen.query_one(RotationsCard)))
        assert "Die\\x1bgo\\u202e" in card and not raw.search(card)
        await pilot.press("W")
        await pilot.pause()
        screen = app.screen
        shown = [
            plain_text(screen.query_one("#rot-timelines", Static)),
            plain_text(screen.query_one("#rot-checks", Static)),
            *(str(c) for t in screen.query(KeyTable) for r in range(t.row_count)
              for c in t.get_row_at(r)),
        ]  # fmt: skip
        text = "\n".join(shown)
        assert "Incident\\x1b[31m Review" in text and "Die\\x1bgo\\u202e" in text
        assert not raw.search(text), raw.findall(text)


# --- setting rotations up from the screen ---------------------------------------------------


def _team(
    db_path: Path, home: Path, *, capacity: bool = True, settings: Settings | None = None
) -> LeadtuiApp:
    """A database with three people and, unless told otherwise, one empty capacity."""
    db = open_database(db_path)
    for name in ("Ada Obi", "Ben Lund", "Cleo Park"):
        add_person(db, PersonDraft(name=name, relation="report"))
    if capacity:
        add_capacity(db, CapacityDraft(name="Incident Review"), TODAY)
    db.close()
    return make_app(db_path, home, settings)


async def test_the_empty_screen_names_the_keys_not_shell_commands(
    db_path: Path, isolated_home: Path
) -> None:
    app = make_app(db_path, isolated_home)
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await pilot.press("W")
        shown = plain_text(app.screen.query_one("#rot-timelines", Static))
        assert "N  add a capacity" in shown and "r  put people on its roster" in shown
        assert "H  set who hosts" in shown
        assert "leadtui" not in shown
        assert app.screen.query_one(HostsTable).border_subtitle == "H sets who hosts"
        await pilot.press("n")
        await pilot.pause()
        assert [n.message for n in app._notifications] == [
            "No rotations yet; press N to add a capacity"
        ]


async def test_the_empty_screen_names_a_remapped_key(db_path: Path, isolated_home: Path) -> None:
    app = make_app(db_path, isolated_home, Settings(keymap={"rotations.new_capacity": "f6"}))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("W")
        assert "f6  add a capacity" in plain_text(app.screen.query_one("#rot-timelines", Static))
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app.screen, CapacityForm)


async def test_a_new_capacity_from_the_screen_appears_with_its_terms(
    db_path: Path, isolated_home: Path
) -> None:
    app = make_app(db_path, isolated_home)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("W", "N")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, CapacityForm)
        await pilot.press(*"Tech Spec Review", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RotationsScreen)
        assert "Tech Spec Review" in plain_text(app.screen.query_one("#rot-timelines", Static))
        selected = app.screen.query_one(TermsTable).selected
        assert selected is not None and selected.schedule.capacity.name == "Tech Spec Review"
    db = open_database(db_path)
    try:
        (capacity,) = list_capacities(db)
    finally:
        db.close()
    assert (capacity.name, capacity.term_months, capacity.seats) == ("Tech Spec Review", 6, 2)
    assert (capacity.offset_months, capacity.starts_on) == (3, TODAY)


async def test_a_term_of_zero_months_is_refused_on_its_field_and_nothing_is_written(
    db_path: Path, isolated_home: Path
) -> None:
    app = make_app(db_path, isolated_home)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("W", "N")
        await pilot.pause()
        before = files_digest(db_path)
        form = app.screen
        assert isinstance(form, CapacityForm)
        await pilot.press(*"Tech Spec Review", "tab", "tab", "backspace", "0", "ctrl+s")
        await pilot.pause()
        assert app.screen is form
        term = form.query_one("#field-term_months", Input)
        assert term.has_class("-invalid") and term.has_focus and term.value == "0"
        assert form.query_one("#field-name", Input).value == "Tech Spec Review"
        error = form.query_one("#form-error", Static)
        assert "term must be 1–36 months" in plain_text(error)
        # Seven fields outgrow 80x24: the fields scroll, the refusal stays in view.
        dialog = form.query_one("#capacity-form").content_region
        assert error.region.height and dialog.contains_region(error.region), error.region
        assert files_digest(db_path) == before
        # Fixed, it saves.
        await pilot.press("backspace", "4", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RotationsScreen)
    db = open_database(db_path)
    try:
        assert [(c.name, c.term_months) for c in list_capacities(db)] == [("Tech Spec Review", 4)]
    finally:
        db.close()


async def test_a_taken_name_is_refused_on_the_name_field(
    db_path: Path, isolated_home: Path
) -> None:
    app = _team(db_path, isolated_home)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("W", "N")
        await pilot.pause()
        await pilot.press(*"incident review", "ctrl+s")
        await pilot.pause()
        name = app.screen.query_one("#field-name", Input)
        assert name.has_class("-invalid") and name.value == "incident review"


async def test_a_person_added_to_the_roster_is_on_it(db_path: Path, isolated_home: Path) -> None:
    app = _team(db_path, isolated_home)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("W", "r")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, RosterDialog)
        assert "Nobody on the roster yet" in plain_text(dialog.query_one("#roster-summary", Static))
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, RosterEntryForm)
        form.query_one("#field-person", Select).value = "2"  # Ben Lund
        form.query_one("#field-leaves_on", Input).value = "2027-06-30"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog
        assert dialog.query_one(KeyTable).row_count == 1
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RotationsScreen)
        assert "Nobody on a roster" not in plain_text(app.screen.query_one("#rot-bench", Static))
    db = open_database(db_path)
    try:
        (entry,) = roster(db, list_capacities(db)[0])
    finally:
        db.close()
    assert entry.person.name == "Ben Lund"
    assert entry.member.leaves_on == date(2027, 6, 30) and not entry.member.out_of_rotation


async def test_out_of_rotation_and_back_then_off_the_roster_after_asking(
    db_path: Path, isolated_home: Path
) -> None:
    app = _team(db_path, isolated_home)
    db = open_database(db_path)
    capacity = list_capacities(db)[0]
    change_roster(db, capacity, ["Ada Obi", "Cleo Park"])
    db.close()

    def members() -> list[tuple[str, bool]]:
        return [(e.person.name, e.member.out_of_rotation) for e in roster(app.db, capacity)]

    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("W", "r")
        await pilot.pause()
        await pilot.press("j", "o")
        await pilot.pause()
        assert members() == [("Ada Obi", False), ("Cleo Park", True)]
        await pilot.press("o")
        await pilot.pause()
        assert members() == [("Ada Obi", False), ("Cleo Park", False)]
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert len(members()) == 2
        await pilot.press("d", "y")
        await pilot.pause()
        assert members() == [("Ada Obi", False)]


async def test_the_hosts_from_the_screen_and_a_refusal_kept_on_the_field(
    db_path: Path, isolated_home: Path
) -> None:
    app = _team(db_path, isolated_home, capacity=False)
    async with app.run_test(size=SMALL, notifications=True) as pilot:
        await pilot.press("W", "H")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, HostsForm)
        await pilot.press(*"Cleo, me", "ctrl+s")
        await pilot.pause()
        hosts = form.query_one("#field-people", Input)
        assert hosts.has_class("-invalid") and hosts.value == "Cleo, me"
        hosts.value = "Cleo, Ada"
        form.query_one("#field-weekday", Select).value = "tuesday"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RotationsScreen)
        table = app.screen.query_one(HostsTable)
        assert table.row_count == 8 and table.border_subtitle == "Tuesdays 09:00 · H changes"
        notices = [n.message for n in app._notifications]
        assert notices == ["Hosts set; Cleo Park hosts next, Tue 24 Nov"]
    db = open_database(db_path)
    try:
        schedule = host_schedule(db, TODAY, 2)
    finally:
        db.close()
    assert [schedule.name_of(m.person_id) for m in schedule.meetings] == ["Cleo Park", "Ada Obi"]
    assert schedule.meetings[0].on == date(2026, 11, 24)


def test_the_bench_parts_names_so_one_with_a_comma_reads_whole() -> None:
    from leadtui.domain.people import Person, Relation
    from leadtui.tui.widgets.rotation_panels import bench_text

    people = [Person(1, "Okafor, Sam", Relation.REPORT), Person(2, "Ana Lima", Relation.REPORT)]
    text = bench_text(people, any_capacity=True)
    assert text.plain == "Okafor, Sam · Ana Lima"


async def test_a_seat_holder_who_left_is_in_the_checks_and_R_hands_the_seat_over(
    db_path: Path, isolated_home: Path
) -> None:
    from leadtui.services.people import archive_person

    app = _demo(db_path, isolated_home)
    db = open_database(db_path)
    capacity = next(c for c in list_capacities(db) if c.name == "Incident Review")
    holder = next(
        s.person_id
        for s in schedule_of(db, capacity, TODAY).segments
        if s.seat == 1 and s.covers(TODAY)
    )
    assert holder is not None
    leaver = archive_person(db, holder, TODAY)
    db.close()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("W")
        await pilot.pause()
        checks = plain_text(app.screen.query_one("#rot-checks", Static))
        seat = f"Incident Review seat 1: {leaver.name} was archived on Sun 22 Nov but holds it"
        line = next(x for x in checks.splitlines() if seat in x)
        assert "next in line: " in line and "R hands it over" in line
        # Jonas hosts the weekly meeting too: the seat is handed over first, then the turns.
        hosts = f"Leadership meeting: {leaver.name} was archived on Sun 22 Nov but hosts it"
        assert hosts in checks
        await pilot.press("R")
        await pilot.pause()
        checks = plain_text(app.screen.query_one("#rot-checks", Static))
        assert seat not in checks and hosts in checks
        await pilot.press("R")
        await pilot.pause()
        checks = plain_text(app.screen.query_one("#rot-checks", Static))
        assert "was archived" not in checks
        meetings = app.screen.query_one(HostsTable).meetings
        assert holder not in {m.person_id for m in meetings}
    db = open_database(db_path)
    now = next(
        s.person_id
        for s in schedule_of(db, capacity, TODAY).segments
        if s.seat == 1 and s.covers(TODAY)
    )
    db.close()
    assert now is not None and now != holder


async def test_the_hand_over_is_in_the_palette_and_help(db_path: Path, isolated_home: Path) -> None:
    from leadtui.tui.keys import screen_actions

    actions = {b.action: b for _, b in screen_actions(RotationsScreen)}
    assert actions["hand_over"].key == "R"
    assert "who left" in (actions["hand_over"].tooltip or "")
    assert "**R** hands it over" in RotationsScreen.HELP


async def test_a_long_name_in_the_terms_table_is_cut_with_an_ellipsis_at_80x24(
    db_path: Path, isolated_home: Path
) -> None:
    from leadtui.domain.people_input import draft_from
    from leadtui.services.people import resolve_person, update_person

    db = open_database(db_path)
    seed_demo(db, today=TODAY, people=12, years=3)
    freya = resolve_person(db, "Freya")
    long_name = "Freya Adeyemi-Bergström"
    update_person(db, freya.id, draft_from(freya).model_copy(update={"name": long_name}))
    db.close()
    app = make_app(db_path, isolated_home)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("W")
        await pilot.pause()
        table = app.screen.query_one(TermsTable)
        # The table is no wider than the room it has: nothing is cut off at its edge.
        assert table.virtual_size.width <= table.scrollable_content_region.width
        cells = [str(table.get_row_at(i)[4]) for i in range(table.row_count)]
        cut = [c for c in cells if c.startswith("Freya Adeyemi") and "(now)" not in c]
        assert cut and all(c.endswith("…") for c in cut), cells
