"""Whatever is typed, no private text reaches any export for any audience but you.

One hypothesis test per (exporter × audience): random unicode and markup typed into
private talking points, session and draft notes, feedback, T3B3 items, the energy
journal, a person's personal context and what you observe of their energy never
shows up in a copy for the person, upward or the team. Every exporter filters through
:func:`leadtui.domain.privacy.reaches`, so this also pins that none of them grew a
filter of its own that lets something through.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import NamedTuple

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leadtui.domain.dates import Half
from leadtui.domain.energy import EnergyThresholds
from leadtui.domain.energy_input import EnergyLogDraft, WorkDraft
from leadtui.domain.oneonones import PointStatus
from leadtui.domain.oneonones_input import NotesDraft, PointDraft, SeriesDraft
from leadtui.domain.people import Person
from leadtui.domain.people_input import PersonDraft
from leadtui.domain.privacy import Audience, Visibility
from leadtui.domain.reviews import Evidence, EvidenceKind, T3B3Side
from leadtui.domain.reviews_input import FeedbackDraft
from leadtui.domain.validation import build
from leadtui.export.energy import energy_review
from leadtui.export.json import (
    dumps,
    feedback_json,
    running_document_json,
    succession_json,
    t3b3_json,
)
from leadtui.export.oneonone import oneonone_document
from leadtui.export.reviews import review_document
from leadtui.export.succession import succession_brief, vacation_cover_plan
from leadtui.services.energy import add_work, log_energy, quarter_review
from leadtui.services.oneonones import ALL_HISTORY, hold_session, running_document
from leadtui.services.packet import review_packet
from leadtui.services.reviews import t3b3_view
from leadtui.services.succession import succession_overview
from leadtui.store.database import Store, open_database
from leadtui.store.oneonones import OneOnOneRepository
from leadtui.store.people import PeopleRepository
from leadtui.store.reviews import FeedbackRepository, T3B3Repository
from tests.helpers import PRIVATE_MARK, TODAY, shared_words, typed_words, valid_json_output

# Shared succession texts (gaps, candidacy, the CEO log) reach upward but never the
# person or the team: they carry a marker of their own.
BENCH = "BENCH-51c2"
HALF = Half(2026, 2)
QUARTER = "2026-Q4"
# One line: energizing work titles and phrases are refused with a newline in them.
private_words = typed_words.map(lambda t: f"{PRIVATE_MARK} {' '.join(t.split())}".strip())
bench_words = typed_words.map(lambda t: f"{BENCH} {' '.join(t.split())}".strip())


class World(NamedTuple):
    """A database holding one person's 1:1s, feedback, T3B3 and an energy journal."""

    db: Store
    person: Person


class Typed(NamedTuple):
    """What the user typed: shared texts are harmless, private ones carry the marker."""

    shared: list[str]
    private: list[str]
    tops: list[str]
    bottoms: list[str]
    energy: list[str]
    close: bool
    deliver: bool
    bench: list[str]


typed = st.builds(
    Typed,
    shared=st.lists(shared_words, max_size=3),
    private=st.lists(private_words, min_size=1, max_size=3),
    tops=st.lists(private_words, min_size=1, max_size=3),
    bottoms=st.lists(private_words, min_size=1, max_size=3),
    energy=st.lists(private_words, min_size=1, max_size=3),
    close=st.booleans(),
    deliver=st.booleans(),
    bench=st.lists(bench_words, min_size=1, max_size=3),
)


def make_world(t: Typed) -> World:
    """Everything typed, stored through the same repositories the front ends use."""
    db = open_database(Path(tempfile.mkdtemp()) / "t.db")
    person = PeopleRepository(db).add(PersonDraft(name="Sam"))
    oo = OneOnOneRepository(db)
    series = oo.save_series(person.id, SeriesDraft(weekday=1, starts_on=date(2026, 7, 7)))
    feedback = FeedbackRepository(db)

    def points_and_notes() -> None:
        for text in t.shared:
            oo.add_point(series.id, PointDraft(text=text), TODAY)
        for text in t.private:
            point = oo.add_point(series.id, PointDraft(text=text, visibility="private"), TODAY)
            oo.set_point_status(point.id, PointStatus.DISCUSSED)
        oo.set_draft_notes(series.id, NotesDraft(shared="shared notes", private=t.private[0]))

    points_and_notes()
    for text in t.shared:
        feedback.add(person.id, build(FeedbackDraft, today=TODAY, text=text), series_id=series.id)
    private_ids = [
        feedback.add(
            person.id,
            build(FeedbackDraft, today=TODAY, text=text, kind="growth", visibility="private"),
            series_id=series.id if i % 2 else None,
        ).id
        for i, text in enumerate(t.private)
    ]
    if t.close:
        # Files the discussed private points and the private notes under a held session,
        # then a fresh upcoming session gets its own private points and notes.
        # Rated: was it useful? Yours alone, like the private text.
        hold_session(db, person, TODAY, rating=3)
        points_and_notes()

    t3b3 = T3B3Repository(db)
    record = t3b3.set_lists(person.id, HALF.label, tuple(t.tops), tuple(t.bottoms))
    # The screens offer only what was raised with the person; a link to a private entry
    # is still possible in the data (kept from before), and must not leak.
    private_entry = Evidence(EvidenceKind.FEEDBACK, private_ids[0], TODAY, "", Visibility.PRIVATE)
    t3b3.link_item(record.side(T3B3Side.BOTTOM)[0].id, private_entry)
    if t.deliver and len(t.tops) == len(t.bottoms) == 3:
        t3b3.deliver(person.id, HALF.label, TODAY, True)

    for back, text in enumerate(t.energy):
        day = TODAY - timedelta(days=back)
        log_energy(
            db,
            build(
                EnergyLogDraft,
                today=TODAY,
                level=1 + back % 5,
                day=day,
                note=text,
                energized_by=[text],
                drained_by=[text],
            ),
            EnergyThresholds(),
        )
        add_work(db, build(WorkDraft, today=TODAY, title=text, day=day, hours=1))
    add_succession(db, person, t)
    add_rotations(db, person, t)
    add_context(db, person, t)
    add_observations(db, person, t)
    add_quarter_answers(db, t)
    return World(db, person)


def add_quarter_answers(db: Store, t: Typed) -> None:
    """The quarter review's four answers: the journal's own, private by nature."""
    from leadtui.services.quarter_review import answer_quarter

    answer_quarter(db, QUARTER, TODAY, learning=t.private[0], leaving=t.private[-1])


def add_observations(db: Store, person: Person, t: Typed) -> None:
    """What you observed of the person's energy, and a push: private by nature."""
    from leadtui.services.team_energy import mark_push, observe

    for back, text in enumerate(t.private):
        observe(db, person, TODAY, level=1 + back % 5, note=text, day=TODAY - timedelta(days=back))
    mark_push(db, TODAY, name=t.private[0])


def add_context(db: Store, person: Person, t: Typed) -> None:
    """The person's private context: every field typed (private by nature, whatever it
    says)."""
    from leadtui.services.context import set_context

    fields = ("cares_about", "feedback_style", "goals", "time_off", "notes")
    set_context(
        db, person, TODAY, **{f: t.private[i % len(t.private)] for i, f in enumerate(fields)}
    )


def add_rotations(db: Store, person: Person, t: Typed) -> None:
    """A capacity the person serves, a host rotation, and a private hand-off note on
    their term (the only private text a rotation can hold)."""
    from leadtui.domain.rotations_input import CapacityDraft, HandoffDraft, HostDraft
    from leadtui.services import hosts as ho
    from leadtui.services import rotations as ro

    draft = build(CapacityDraft, today=TODAY, name="Incident Review", seats=1, starts_on=TODAY)
    capacity = ro.add_capacity(db, draft, TODAY)
    ro.change_roster(db, capacity, [str(person.id)])
    ro.plan(db, capacity, TODAY)
    note = HandoffDraft(text=t.private[0], private=True)
    ro.write_handoff(db, capacity, str(person.id), note, TODAY)
    ho.set_hosts(db, [str(person.id)], HostDraft(), TODAY)


def add_succession(db: Store, person: Person, t: Typed) -> None:
    """Gaps, candidacy, CEO log notes and a partner decision: shared ones carry the bench
    marker, private ones the private marker; focus areas and cover are plain."""
    from leadtui.domain.succession_input import (
        AuditDraft,
        CandidateDraft,
        CeoDraft,
        CoverDraft,
        FocusDraft,
        GapDraft,
        MeetingDraft,
        VacationDraft,
    )
    from leadtui.services import succession as su

    for text in t.bench:
        su.add_gap(db, person, build(GapDraft, text=text), TODAY)
        su.add_ceo_note(db, build(CeoDraft, today=TODAY, text=text), person)
    for text in t.private:
        su.add_gap(db, person, build(GapDraft, text=text, visibility="private"), TODAY)
        note = build(CeoDraft, today=TODAY, text=text, visibility="private", kind="relationship")
        su.add_ceo_note(db, note, person)
    su.set_candidate(db, person, build(CandidateDraft, readiness="1y", pending=t.bench[0]), TODAY)
    su.add_focus(
        db, person, TODAY, half=HALF, draft=build(FocusDraft, text="Run the staff meeting")
    )
    su.add_meeting(db, build(MeetingDraft, name="Eng staff", kind="leadership"))
    audit = build(
        AuditDraft, decision="partner", missing=t.bench[0], plan="Co-run", quarter=QUARTER
    )
    su.audit_meeting(db, "Eng staff", audit, TODAY)
    start = TODAY + timedelta(days=7)
    su.add_vacation(db, build(VacationDraft, today=TODAY, starts_on=start, ends_on=start))
    su.cover_vacation(db, start, build(CoverDraft, responsibility="Hiring decisions"), person)


def _oneonone(w: World, audience: Audience) -> str:
    doc = running_document(w.db, w.person, TODAY, history=ALL_HISTORY)
    return oneonone_document(doc, audience, TODAY)


def _review(w: World, audience: Audience) -> str:
    return review_document(review_packet(w.db, w.person, HALF, TODAY), audience, TODAY)


def _energy(w: World, audience: Audience) -> str:
    from leadtui.services.quarter_review import quarter_answers

    thresholds = EnergyThresholds()
    review = quarter_review(w.db, QUARTER, TODAY, thresholds)
    return energy_review(
        answers=quarter_answers(w.db, QUARTER),
        quarter=review.quarter,
        verdict=review.verdict,
        entries=review.entries,
        work=review.work,
        thresholds=thresholds,
        today=TODAY,
        audience=audience,
    )


def _shaped(command: tuple[str, ...], document: object) -> str:
    """The document as printed, after checking that every audience's copy has the one
    shape its schema gives (what is left out is emptied or null, never a missing key)."""
    text = dumps(document)
    valid_json_output(command, text)
    return text


def _oneonone_json(w: World, audience: Audience) -> str:
    doc = running_document(w.db, w.person, TODAY, history=1)
    return _shaped(("1on1", "show"), running_document_json(doc, audience))


def _feedback_json(w: World, audience: Audience) -> str:
    entries = FeedbackRepository(w.db).for_person(w.person.id, None, None)
    return _shaped(("feedback", "list"), feedback_json(entries, audience))


def _t3b3_json(w: World, audience: Audience) -> str:
    return _shaped(("t3b3", "show"), t3b3_json(t3b3_view(w.db, w.person, HALF), audience))


def _succession(w: World, audience: Audience) -> str:
    return succession_brief(succession_overview(w.db, TODAY), audience, TODAY)


def _succession_json(w: World, audience: Audience) -> str:
    overview = succession_overview(w.db, TODAY)
    return _shaped(("succession", "show"), succession_json(overview, audience=audience))


def _vacation(w: World, audience: Audience) -> str:
    overview = succession_overview(w.db, TODAY)
    # The cover plan is written for the people covering, whoever asks for it.
    return vacation_cover_plan(overview.vacations[0], overview.people, TODAY)


def _rotations(w: World, audience: Audience) -> str:
    from leadtui.export.rotations import rotations_document
    from leadtui.services.hosts import host_schedule
    from leadtui.services.rotations import horizon_until, schedules

    until = horizon_until(TODAY, 12)
    found = schedules(w.db, TODAY, 12)
    return rotations_document(found, host_schedule(w.db, TODAY, 13), TODAY, until, audience)


def _rotations_ics(w: World, audience: Audience) -> str:
    from datetime import UTC, datetime

    from leadtui.export.ics import rotations_ics
    from leadtui.services.calendar import rotation_calendar

    stamp = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
    return rotations_ics(rotation_calendar(w.db, TODAY, "Europe/Berlin", 12), stamp, audience)


EXPORTERS: dict[str, Callable[[World, Audience], str]] = {
    "1:1 document": _oneonone,
    "review packet": _review,
    "energy review": _energy,
    "1:1 show --json": _oneonone_json,
    "feedback list --json": _feedback_json,
    "t3b3 show --json": _t3b3_json,
    "succession plan / brief": _succession,
    "succession show --json": _succession_json,
    "rotations (Markdown)": _rotations,
}
# Exporters with no private text at all: what they carry reaches every audience.
PLAIN: dict[str, Callable[[World, Audience], str]] = {
    "vacation cover": _vacation,
    # A calendar never carries a hand-off note, shared or private: only who, what, when.
    "rotations (iCalendar)": _rotations_ics,
}
OTHERS = [a for a in Audience if a is not Audience.PRIVATE]


@pytest.mark.parametrize("audience", OTHERS, ids=str)
@pytest.mark.parametrize("exporter", EXPORTERS, ids=str)
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(t=typed)
def test_no_private_text_leaves_with_any_export(
    exporter: str, audience: Audience, t: Typed
) -> None:
    world = make_world(t)
    try:
        copy = EXPORTERS[exporter](world, audience)
        mine = EXPORTERS[exporter](world, Audience.PRIVATE)
    finally:
        world.db.close()
    assert PRIVATE_MARK not in copy
    assert PRIVATE_MARK in mine  # the private copy does carry them: the world has private text
    if audience is not Audience.PRIVATE:
        # A held session's rating is yours alone.
        assert "Was it useful?" not in copy
    if audience in (Audience.PERSON, Audience.TEAM):
        # Gaps, candidacy and the CEO log never reach the person (or the team).
        assert BENCH not in copy


@pytest.mark.parametrize("audience", list(Audience), ids=str)
@pytest.mark.parametrize("exporter", PLAIN, ids=str)
@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(t=typed)
def test_documents_without_private_parts_carry_nothing_private(
    exporter: str, audience: Audience, t: Typed
) -> None:
    world = make_world(t)
    try:
        copy = PLAIN[exporter](world, audience)
    finally:
        world.db.close()
    assert PRIVATE_MARK not in copy and BENCH not in copy


def test_the_upward_brief_carries_the_bench() -> None:
    t = Typed(
        ["s"],
        [f"{PRIVATE_MARK} x"],
        [f"{PRIVATE_MARK} t"],
        [f"{PRIVATE_MARK} b"],
        [f"{PRIVATE_MARK} e"],
        False,
        False,
        [f"{BENCH} gap"],
    )
    world = make_world(t)
    try:
        brief = _succession(world, Audience.UPWARD)
        person_copy = _review(world, Audience.PERSON)
    finally:
        world.db.close()
    assert BENCH in brief and PRIVATE_MARK not in brief
    assert "Run the staff meeting" in person_copy and BENCH not in person_copy


def test_every_audience_but_private_is_covered() -> None:
    assert set(OTHERS) | {Audience.PRIVATE} == set(Audience)
