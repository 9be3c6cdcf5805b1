"""Rotation use cases on a real database: capacities, rosters, the plan, exceptions,
records, the weekly host, the links to 1:1s and reviews, and shared definitions."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from leadtui.domain.people_input import PersonDraft
from leadtui.domain.rotations import Capacity, Check, RecognizedIn
from leadtui.domain.rotations_input import (
    CapacityDraft,
    HandoffDraft,
    HostDraft,
    HostTeamDraft,
    MemberDraft,
    RecognitionDraft,
    RosterEntryDraft,
)
from leadtui.domain.validation import build
from leadtui.errors import InputError, NotFoundError
from leadtui.services import hosts as ho
from leadtui.services import rotation_definitions as defs
from leadtui.services import rotation_feeds as feeds
from leadtui.services import rotations as svc
from leadtui.services.people import add_person, list_people
from leadtui.store.database import Store
from tests.helpers import TODAY

NAMES = ("Ana", "Ben", "Cy", "Di", "Eve")


@pytest.fixture
def team(db: Store) -> Store:
    for name in NAMES:
        add_person(db, PersonDraft(name=name))
    return db


def _capacity(db: Store, name: str = "Incident Review", **fields: object) -> Capacity:
    draft = build(CapacityDraft, today=TODAY, name=name, starts_on="2026-07-01", **fields)
    capacity = svc.add_capacity(db, draft, TODAY)
    svc.change_roster(db, capacity, list(NAMES[:4]))
    return capacity


def test_a_term_of_37_months_or_more_seats_than_can_be_offset_is_refused() -> None:
    with pytest.raises(InputError, match="term must be 1–36 months, got '37'"):
        build(CapacityDraft, today=TODAY, name="X", term_months="37")
    with pytest.raises(InputError, match="term must be 1–36"):
        build(CapacityDraft, today=TODAY, name="X", term_months="0")
    with pytest.raises(InputError, match="turn over together"):
        build(CapacityDraft, today=TODAY, name="X", term_months=6, seats=2, offset_months=6)
    draft = build(CapacityDraft, today=TODAY, name="X")
    assert (draft.term_months, draft.seats, draft.offset_months) == (6, 2, 3)


def test_plan_fills_never_served_first_and_records_assignments(team: Store) -> None:
    capacity = _capacity(team)
    planned = svc.plan(team, capacity, TODAY, date(2027, 6, 30))
    people = [svc.schedule_of(team, capacity, TODAY).name_of(s.person_id) for s in planned.assigned]
    # The terms open now (from today) and the next ones: four people, never served first.
    assert len(set(people[:4])) == 4
    schedule = svc.schedule_of(team, capacity, TODAY)
    now = [s for s in schedule.segments if s.covers(TODAY)]
    assert len(now) == 2 and all(s.person_id is not None for s in now)
    assert not [w for w in schedule.warnings if w.check is Check.GAP]
    # Planning again proposes nothing new: the stored assignments stand.
    assert svc.plan(team, capacity, TODAY, date(2027, 6, 30)).assigned == []


def test_plan_refuses_more_seats_than_roster_people(db: Store) -> None:
    add_person(db, PersonDraft(name="Ana"))
    capacity = svc.add_capacity(db, build(CapacityDraft, today=TODAY, name="Spec"), TODAY)
    svc.change_roster(db, capacity, ["Ana"])
    with pytest.raises(InputError, match="2 seats and 1 person in rotation"):
        svc.plan(db, capacity, TODAY)


def test_nobody_serves_two_capacities_at_once_and_out_of_rotation_is_skipped(team: Store) -> None:
    first = _capacity(team)
    second = _capacity(team, "Tech Spec Review")
    svc.change_roster(team, second, ["Eve"])
    svc.change_roster(team, second, ["Ana"], out_of_rotation=True)
    svc.plan(team, first, TODAY, date(2027, 1, 31))
    svc.plan(team, second, TODAY, date(2027, 1, 31))
    by_capacity = {s.capacity.name: s for s in svc.schedules(team, TODAY)}
    ana = next(p for p in list_people(team) if p.name == "Ana")
    spec = by_capacity["Tech Spec Review"].segments
    assert all(s.person_id != ana.id for s in spec)
    warnings = [w for s in by_capacity.values() for w in s.warnings]
    assert not [w for w in warnings if w.check is Check.DOUBLE_DUTY]


def test_leave_date_keeps_someone_out_of_a_term_they_cannot_finish(team: Store) -> None:
    capacity = _capacity(team)
    svc.change_roster(
        team,
        capacity,
        ["Ana"],
        dates=build(MemberDraft, today=TODAY, leaves_on="2026-12-01"),
    )
    svc.plan(team, capacity, TODAY, date(2027, 3, 1))
    schedule = svc.schedule_of(team, capacity, TODAY)
    ana = next(p.id for p in list_people(team) if p.name == "Ana")
    assert all(s.ends <= date(2026, 12, 1) for s in schedule.segments if s.person_id == ana)


def test_assign_swap_cut_and_their_removal_restore_the_schedule(team: Store) -> None:
    capacity = _capacity(team)
    svc.plan(team, capacity, TODAY, date(2027, 1, 31))
    before = svc.schedule_of(team, capacity, TODAY).segments
    holder = next(s for s in before if s.seat == 1 and s.covers(TODAY))
    names = svc.schedule_of(team, capacity, TODAY).names
    other = next(s for s in before if s.seat == 2 and s.covers(TODAY))
    svc.swap(team, capacity, names[holder.person_id or 0], names[other.person_id or 0], TODAY)
    swapped = svc.schedule_of(team, capacity, TODAY).segments
    assert next(s for s in swapped if s.seat == 1 and s.covers(TODAY)).person_id == other.person_id
    svc.swap(
        team, capacity, names[holder.person_id or 0], names[other.person_id or 0], TODAY, undo=True
    )
    svc.cut_short(team, capacity, 1, TODAY + timedelta(days=10))
    cut = svc.schedule_of(team, capacity, TODAY)
    assert any(w.check is Check.GAP for w in cut.warnings)
    svc.assign(team, capacity, 1, "Di", TODAY, TODAY + timedelta(days=11))
    svc.unassign(team, capacity, 1, TODAY + timedelta(days=11))
    svc.cut_short(team, capacity, 1, TODAY + timedelta(days=10), undo=True)
    assert svc.schedule_of(team, capacity, TODAY).segments == before


def test_swap_with_someone_off_the_roster_is_refused(team: Store) -> None:
    capacity = _capacity(team)
    with pytest.raises(InputError, match="Eve is not on the Incident Review roster"):
        svc.swap(team, capacity, "Ana", "Eve", TODAY)


def test_unknown_people_are_refused_together(team: Store) -> None:
    capacity = _capacity(team)
    with pytest.raises(NotFoundError, match="'Zed', 'Quin'"):
        svc.change_roster(team, capacity, ["Zed", "Ana", "Quin"])


def test_the_roster_in_order_and_who_could_join_it(team: Store) -> None:
    capacity = _capacity(team)
    svc.change_roster(team, capacity, ["Cy"], out_of_rotation=True)
    listed = [(e.person.name, e.member.out_of_rotation) for e in svc.roster(team, capacity)]
    assert listed == [("Ana", False), ("Ben", False), ("Cy", True), ("Di", False)]
    assert [p.name for p in svc.not_on_roster(team, capacity)] == ["Eve"]
    entry = build(RosterEntryDraft, today=TODAY, person="Eve", joined_on="2027-01-04")
    svc.change_roster(team, capacity, [entry.person], dates=entry)
    assert svc.roster(team, capacity)[-1].member.joined_on == date(2027, 1, 4)
    assert svc.not_on_roster(team, capacity) == []


def test_a_roster_entry_and_the_host_team_as_typed_in_a_form() -> None:
    with pytest.raises(InputError, match="person is empty") as refused:
        build(RosterEntryDraft, today=TODAY, person=" ")
    assert refused.value.field == "person"
    with pytest.raises(InputError, match="leave date 2027-01-01 is before the join date"):
        build(
            RosterEntryDraft,
            today=TODAY,
            person="Ana",
            joined_on="2027-02-01",
            leaves_on="2027-01-01",
        )
    draft = build(HostTeamDraft, people=" Ana ,, Ben  Lund, ", weekday="tue", at_time="10:00")
    assert (draft.people, draft.weekday, draft.at_time) == (("Ana", "Ben Lund"), 1, "10:00")
    with pytest.raises(InputError, match="hosts is empty") as refused:
        build(HostTeamDraft, people=" , ")
    assert refused.value.field == "people"


def test_recognition_exposure_and_handoff_are_recorded_on_the_latest_term(team: Store) -> None:
    capacity = _capacity(team, exposure="joins the quarterly planning review")
    svc.plan(team, capacity, TODAY)
    schedule = svc.schedule_of(team, capacity, TODAY)
    assert any(w.check is Check.EXPOSURE for w in schedule.warnings)
    serving = next(s for s in schedule.segments if s.covers(TODAY) and s.seat == 1)
    name = schedule.names[serving.person_id or 0]
    draft = build(RecognitionDraft, today=TODAY, day=None, recognized_in="qa")
    record = svc.recognize(team, capacity, name, draft)
    assert (record.recognized_on, record.recognized_in) == (TODAY, RecognizedIn.QA)
    svc.record_exposure(team, capacity, name, TODAY)
    svc.write_handoff(team, capacity, name, HandoffDraft(text="Runbook is in the wiki"), TODAY)
    records = svc.schedule_of(team, capacity, TODAY).records
    kept = records[(serving.person_id or 0, serving.starts)]
    assert kept.exposure_on == TODAY and kept.handoff_note == "Runbook is in the wiki"


def test_hosts_round_robin_skip_swap_and_never_you(team: Store) -> None:
    with pytest.raises(InputError, match="never by you"):
        ho.set_hosts(team, ["Ana", "me"], HostDraft(), TODAY)
    ho.set_hosts(team, ["Ana", "Ben", "Cy"], build(HostDraft, weekday="tue"), TODAY)
    hosts = ho.host_schedule(team, TODAY, 6)
    first = hosts.meetings[0].on
    assert first.weekday() == 1
    assert [hosts.name_of(m.person_id) for m in hosts.meetings[:4]] == ["Ana", "Ben", "Cy", "Ana"]
    ho.skip_meeting(team, first + timedelta(weeks=1))
    after = ho.host_schedule(team, TODAY, 6)
    assert [after.name_of(m.person_id) for m in after.meetings[:4]] == [
        "Ana",
        "(skipped)",
        "Ben",
        "Cy",
    ]
    with pytest.raises(InputError, match="no leadership meeting on"):
        ho.skip_meeting(team, first + timedelta(days=1))
    ho.swap_hosts(team, first, first + timedelta(weeks=2))
    swapped = ho.host_schedule(team, TODAY, 6)
    assert swapped.name_of(swapped.meetings[0].person_id) == "Ben"
    ho.skip_meeting(team, first + timedelta(weeks=1), undo=True)


def test_talking_points_and_review_terms(team: Store) -> None:
    capacity = _capacity(team)
    svc.plan(team, capacity, TODAY, date(2027, 6, 30))
    schedule = svc.schedule_of(team, capacity, TODAY)
    # Seat 1's term ends on 31 Dec 2026: within four weeks of 22 Dec.
    later = date(2026, 12, 10)
    ending = next(s for s in schedule.segments if s.seat == 1 and s.covers(later))
    points = feeds.talking_points(team, ending.person_id or 0, later)
    assert any(p.startswith("ends Incident Review on Thu 31 Dec") for p in points)
    served = feeds.terms_served(
        team, ending.person_id or 0, date(2026, 7, 1), date(2026, 12, 31), later
    )
    assert served and served[0].capacity == "Incident Review"


def test_definition_round_trip_and_unknown_people(team: Store, db: Store) -> None:
    from leadtui.export.rotation_definitions import definition_toml
    from leadtui.imports.rotation_definitions import parse_definition

    capacity = _capacity(team, description='Runs "the" review\\ weekly')
    svc.plan(team, capacity, TODAY)
    svc.swap(team, capacity, "Ana", "Ben", TODAY + timedelta(days=3))
    svc.plan(team, capacity, TODAY, date(2028, 1, 1))
    text = definition_toml(defs.definition(team, capacity))
    before = svc.schedule_of(team, capacity, TODAY, 24).segments
    imported = defs.import_definition(team, parse_definition(text, TODAY))
    assert svc.schedule_of(team, imported.capacity, TODAY, 24).segments == before
    with pytest.raises(NotFoundError, match="'Zed'"):
        defs.import_definition(team, parse_definition(text.replace('"Ana"', '"Zed"'), TODAY))


def test_today_card_data(team: Store) -> None:
    capacity = _capacity(team)
    svc.plan(team, capacity, TODAY)
    ho.set_hosts(team, ["Ana", "Ben"], HostDraft(), TODAY)
    card = feeds.rotations_today(team, TODAY)
    assert card.configured and card.host is not None
    assert card.host_name in ("Ana", "Ben")


def test_the_running_document_and_the_review_packet_carry_the_terms(team: Store) -> None:
    from leadtui.domain.dates import Half
    from leadtui.domain.privacy import Audience
    from leadtui.export.reviews import review_document
    from leadtui.services.oneonones import running_document
    from leadtui.services.packet import review_packet

    capacity = _capacity(team)
    svc.plan(team, capacity, TODAY, date(2027, 6, 30))
    later = date(2026, 12, 10)
    schedule = svc.schedule_of(team, capacity, later)
    ending = next(s for s in schedule.segments if s.seat == 1 and s.covers(later))
    person = next(p for p in list_people(team) if p.id == ending.person_id)
    doc = running_document(team, person, later)
    assert any(s.startswith("ends Incident Review on Thu 31 Dec") for s in doc.suggested)
    packet = review_packet(team, person, Half(2026, 2), later)
    assert packet.rotation_terms and packet.rotation_terms[0].capacity == "Incident Review"
    for audience in (Audience.PRIVATE, Audience.PERSON):
        text = review_document(packet, audience, later)
        assert "## Rotation terms served" in text and "- Incident Review, seat 1:" in text


def test_serving_on_in_the_same_seat_is_no_change_on_today(db: Store) -> None:
    """Two people for two seats: each serves term after term; Today lists no turnover."""
    add_person(db, PersonDraft(name="Ana"))
    add_person(db, PersonDraft(name="Ben"))
    draft = build(CapacityDraft, today=TODAY, name="Spec", starts_on="2026-06-01")
    capacity = svc.add_capacity(db, draft, TODAY)
    svc.change_roster(db, capacity, ["Ana", "Ben"])
    svc.plan(db, capacity, TODAY, date(2027, 6, 1))
    card = feeds.rotations_today(db, date(2026, 11, 25))
    assert card.changes == []


def test_a_second_term_in_the_same_seat_is_no_turnover(team: Store) -> None:
    capacity = _capacity(team)
    svc.plan(team, capacity, TODAY, date(2027, 6, 30))
    later = date(2026, 12, 10)
    schedule = svc.schedule_of(team, capacity, later)
    ending = next(s for s in schedule.segments if s.seat == 1 and s.covers(later))
    name = schedule.name_of(ending.person_id or 0)
    # The same person serves seat 1's next term too: nothing is handed over.
    svc.assign(team, capacity, 1, name, later, date(2027, 1, 1))
    assert feeds.talking_points(team, ending.person_id or 0, later) == []
    changes = feeds.rotations_today(team, later).changes
    assert not [c for c in changes if c.seat == 1 and c.person == name], changes


def test_refusals_name_the_field_never_a_flag(team: Store) -> None:
    capacity = _capacity(team)
    with pytest.raises(InputError, match=r"^until 2026-01-01 is in the past") as until:
        svc.plan(team, capacity, TODAY, date(2026, 1, 1))
    with pytest.raises(InputError, match=r"^seat must be 1–2") as seat:
        svc.assign(team, capacity, 3, "Ana", TODAY)
    with pytest.raises(InputError, match=r"^first day 2020-01-01 is before") as start:
        svc.assign(team, capacity, 1, "Ana", TODAY, date(2020, 1, 1))
    fields = [refusal.value.field for refusal in (until, seat, start)]
    assert fields == ["until", "seat", "from_date"]


def test_the_hosts_form_keeps_a_name_with_a_comma_whole(db: Store) -> None:
    for name in ("Okafor, Sam", "Sam Lee", "Ana Lima"):
        add_person(db, PersonDraft(name=name))
    # What the form shows for these hosts, saved unchanged: the same two hosts.
    draft = build(HostTeamDraft, today=TODAY, people="Okafor, Sam, Ana Lima", weekday="tue")
    hosts = ho.set_host_team(db, draft, TODAY)
    assert hosts.rotation is not None
    assert [hosts.name_of(p) for p in hosts.rotation.members] == ["Okafor, Sam", "Ana Lima"]
