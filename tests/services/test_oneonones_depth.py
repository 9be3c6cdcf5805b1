"""The depth of a one-on-one and points put off: "an hour is enough time to dig deep into
two or three meaningful problems", and a point carried three or more times is flagged."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from leadtui.domain.people import Person
from leadtui.domain.people_input import PersonDraft
from leadtui.errors import InputError
from leadtui.services.oneonones import (
    add_point,
    hold_session,
    running_document,
    set_series,
    toggle_deep,
)
from leadtui.services.people import add_person
from leadtui.store.database import Store
from tests.helpers import TODAY


def _sam(db: Store) -> Person:
    sam = add_person(db, PersonDraft(name="Sam"))
    set_series(db, sam, TODAY, weekday="tuesday", starts_on=date(2026, 11, 3))
    return sam


def test_no_warning_while_nothing_is_planned(db: Store) -> None:
    sam = _sam(db)
    assert running_document(db, sam, TODAY).depth_warning is None


def test_a_session_with_points_but_none_deep_is_warned(db: Store) -> None:
    sam = _sam(db)
    add_point(db, sam, TODAY, text="Status")
    warning = running_document(db, sam, TODAY).depth_warning
    assert warning is not None and warning.startswith("No deep point")


@pytest.mark.parametrize("deep", [1, 2, 3])
def test_one_to_three_deep_points_are_fine(db: Store, deep: int) -> None:
    sam = _sam(db)
    for n in range(deep):
        add_point(db, sam, TODAY, text=f"Problem {n}", deep=True)
    add_point(db, sam, TODAY, text="Quick one")
    assert running_document(db, sam, TODAY).depth_warning is None


def test_more_than_three_deep_points_are_warned(db: Store) -> None:
    sam = _sam(db)
    for n in range(4):
        add_point(db, sam, TODAY, text=f"Problem {n}", deep=True)
    warning = running_document(db, sam, TODAY).depth_warning
    assert warning is not None and warning.startswith("4 deep points")


def test_discussed_deep_points_no_longer_count(db: Store) -> None:
    from leadtui.domain.oneonones import PointStatus
    from leadtui.services.oneonones import toggle_point

    sam = _sam(db)
    points = [add_point(db, sam, TODAY, text=f"P{n}", deep=True).point for n in range(4)]
    toggle_point(db, sam, points[0].id, PointStatus.DROPPED)
    assert running_document(db, sam, TODAY).depth_warning is None


def test_toggle_deep_marks_and_unmarks_and_is_undoable(db: Store) -> None:
    from leadtui.services.undo import undo

    sam = _sam(db)
    point = add_point(db, sam, TODAY, text="Career").point
    assert not point.deep
    assert toggle_deep(db, sam, point.id).point.deep
    assert not toggle_deep(db, sam, point.id).point.deep
    undo(db)
    assert running_document(db, sam, TODAY).points[0].deep


def test_a_filed_point_keeps_its_depth_and_cannot_be_toggled(db: Store) -> None:
    from leadtui.domain.oneonones import PointStatus
    from leadtui.services.oneonones import toggle_point

    sam = _sam(db)
    point = add_point(db, sam, TODAY, text="Career", deep=True).point
    toggle_point(db, sam, point.id, PointStatus.DISCUSSED)
    hold_session(db, sam, TODAY)
    doc = running_document(db, sam, TODAY)
    (filed,) = doc.sessions[0][1]
    assert filed.deep
    with pytest.raises(InputError, match="filed under a held session"):
        toggle_deep(db, sam, filed.id)


def test_a_point_carried_three_times_is_carried_too_long(db: Store) -> None:
    sam = _sam(db)
    add_point(db, sam, TODAY, text="Promotion case")
    for weeks in (3, 2, 1):
        doc = running_document(db, sam, TODAY)
        # Flagged only from the third carry on.
        assert doc.carried_too_long == []
        hold_session(db, sam, TODAY, held_on=TODAY - timedelta(weeks=weeks))
    doc = running_document(db, sam, TODAY)
    assert [(p.text, p.carried) for p in doc.carried_too_long] == [("Promotion case", 3)]


def test_the_overview_and_todays_digest_count_points_carried_too_long(db: Store) -> None:
    from leadtui.services.oneonones import oneonone_overview
    from leadtui.services.today import today_digest

    sam = _sam(db)
    add_point(db, sam, TODAY, text="Promotion case")
    for weeks in (3, 2):
        hold_session(db, sam, TODAY, held_on=TODAY - timedelta(weeks=weeks))
    assert oneonone_overview(db, TODAY).carried_too_long == ()
    hold_session(db, sam, TODAY, held_on=TODAY - timedelta(weeks=1))
    assert oneonone_overview(db, TODAY).carried_too_long == ((sam, 1),)
    assert "Points carried 3x or more: Sam (1)" in today_digest(db, TODAY).lines()


# --- departures ----------------------------------------------------------------------------


def test_archiving_a_person_with_a_series_proposes_ending_it(db: Store) -> None:
    from leadtui.services.oneonones import departure
    from leadtui.services.people import archive_person

    sam = _sam(db)
    gone = archive_person(db, sam.id, TODAY)
    found = departure(db, sam, gone)
    assert found is not None and found.why == "is archived"
    assert "prolonged departures" in found.message()


def test_a_report_who_becomes_a_peer_is_proposed_an_end(db: Store) -> None:
    from leadtui.domain.people import Relation
    from leadtui.services.oneonones import departure
    from leadtui.services.people import edit_person

    sam = _sam(db)
    assert sam.relation is Relation.REPORT
    peer = edit_person(db, sam, TODAY, {"relation": "peer"})
    found = departure(db, sam, peer)
    assert found is not None and found.why == "is no longer a report (peer now)"
    # Another change to a report is no departure.
    renamed = edit_person(db, sam, TODAY, {"title": "Staff engineer"})
    assert departure(db, sam, renamed) is None


def test_no_proposal_without_a_series_or_once_it_ended(db: Store) -> None:
    from leadtui.domain.oneonones import SeriesStatus
    from leadtui.services.oneonones import departure, set_series_status
    from leadtui.services.people import archive_person

    lone = add_person(db, PersonDraft(name="Lone"))
    assert departure(db, lone, archive_person(db, lone.id, TODAY)) is None
    sam = _sam(db)
    set_series_status(db, sam, TODAY, SeriesStatus.ENDED)
    assert departure(db, sam, archive_person(db, sam.id, TODAY)) is None


# --- the prompt tray -----------------------------------------------------------------------


def test_a_taken_prompt_is_a_point_of_its_kind_with_the_prompts_words(db: Store) -> None:
    from leadtui.domain.oneonones import PROMPT_BY_KIND, PointKind
    from leadtui.services.oneonones import take_prompt

    sam = _sam(db)
    point = take_prompt(db, sam, TODAY, "feedback-asked").point
    assert point.kind is PointKind.FEEDBACK_ASKED
    assert point.text == PROMPT_BY_KIND[PointKind.FEEDBACK_ASKED].text
    # Private by default rules stay: a prompt is a shared point like any other.
    assert point.visibility.value == "shared"
    assert running_document(db, sam, TODAY).points[0].kind is PointKind.FEEDBACK_ASKED


def test_an_unknown_prompt_is_refused_and_nothing_is_written(db: Store) -> None:
    from leadtui.services.oneonones import take_prompt

    sam = _sam(db)
    with pytest.raises(InputError, match="is not one of skill-gap, execution-focus"):
        take_prompt(db, sam, TODAY, "vibes")
    assert running_document(db, sam, TODAY).points == []


def test_the_packet_counts_feedback_asked_in_the_half_for_each_audience(db: Store) -> None:
    from leadtui.domain.dates import half_of
    from leadtui.domain.oneonones import PointStatus
    from leadtui.domain.privacy import Audience
    from leadtui.export.reviews import review_document
    from leadtui.services.oneonones import take_prompt, toggle_point, toggle_private
    from leadtui.services.packet import review_packet

    sam = _sam(db)
    shared = take_prompt(db, sam, TODAY, "feedback-asked").point
    private = take_prompt(db, sam, TODAY, "feedback-asked").point
    gap = take_prompt(db, sam, TODAY, "skill-gap").point
    toggle_private(db, sam, private.id)
    for point in (shared, private, gap):
        toggle_point(db, sam, point.id, PointStatus.DISCUSSED)
    hold_session(db, sam, TODAY)
    packet = review_packet(db, sam, half_of(TODAY), TODAY)
    assert "Feedback asked for: 2 times" in review_document(packet, Audience.PRIVATE, TODAY)
    # The private ask stays out of the copy for the person.
    assert "Feedback asked for: 1 time\n" in review_document(packet, Audience.PERSON, TODAY)
