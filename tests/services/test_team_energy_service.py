"""The team's energy on a real database: observations (one per person and day, linked to
the session held that day), the flags, slack time after a push or a T3B3 half, undo."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from leadtui.domain.people_input import PersonDraft
from leadtui.domain.team_energy_input import Flag, Push, flag, slack_reason
from leadtui.errors import InputError
from leadtui.services.oneonones import hold_session
from leadtui.services.people import add_person
from leadtui.services.team_energy import mark_push, observe, remove_observation, team_energy
from leadtui.services.undo import undo
from leadtui.store.database import Store
from tests.helpers import TODAY


@pytest.mark.parametrize(
    ("levels", "expected"),
    [
        ([], None),
        ([1], None),  # one bad day is not a pattern
        ([5, 4, 3, 2], Flag.FALLING),
        ([9, 4, 3, 2, 1], Flag.LOW),  # falling too, but staying low says more
        ([5, 4, 3, 3], None),
        ([5, 4, 3], None),  # two falls only
        ([5, 5, 4, 3, 3], None),
        ([5, 5, 4, 3, 3, 5, 4, 3, 2], Flag.FALLING),
        ([5, 4, 3, 2, 5], None),
        ([2, 5, 4, 3, 3], None),
        ([4, 2, 2], Flag.LOW),
        ([2, 3], None),
    ],
)
def test_the_flag_is_three_falls_in_a_row_or_staying_at_two_or_below(
    levels: list[int], expected: Flag | None
) -> None:
    assert flag(levels) is expected


def test_slack_is_suggested_for_two_weeks_after_a_push_or_a_half() -> None:
    launch = Push(1, TODAY - timedelta(days=3), "Checkout launch")
    assert slack_reason(TODAY, [launch], []) == f"after Checkout launch ({launch.day})"
    assert slack_reason(TODAY + timedelta(days=11), [launch], []) is not None  # day 14
    assert slack_reason(TODAY + timedelta(days=12), [launch], []) is None  # day 15
    assert slack_reason(TODAY + timedelta(days=30), [launch], []) is None
    half_end = date(2026, 6, 30)
    assert "T3B3 half" in (slack_reason(date(2026, 7, 5), [], [half_end]) or "")
    assert slack_reason(date(2026, 8, 5), [], [half_end]) is None


def test_observing_again_that_day_replaces_and_links_the_session(db: Store) -> None:
    sam = add_person(db, PersonDraft(name="Sam", relation="report"))
    first = observe(db, sam, TODAY, level=3, note="fine").observation
    assert first.session_id is None
    held = hold_session(db, sam, TODAY)
    again = observe(db, sam, TODAY, level="2", note="tired").observation
    assert (again.id, again.level, again.note) == (first.id, 2, "tired")
    assert again.session_id == held.session.id


def test_bad_levels_and_future_days_are_refused(db: Store) -> None:
    sam = add_person(db, PersonDraft(name="Sam", relation="report"))
    with pytest.raises(InputError, match="energy level must be 1–5"):
        observe(db, sam, TODAY, level=7)
    with pytest.raises(InputError):
        observe(db, sam, TODAY, level=3, day=TODAY + timedelta(days=1))
    assert team_energy(db, TODAY).reports[0].last is None


def test_the_team_view_reads_each_report_and_flags(db: Store) -> None:
    sam = add_person(db, PersonDraft(name="Sam", relation="report"))
    ade = add_person(db, PersonDraft(name="Ade", relation="report"))
    add_person(db, PersonDraft(name="Pat", relation="peer"))
    for back, level in ((30, 5), (20, 4), (10, 3), (1, 2)):
        observe(db, sam, TODAY, level=level, day=TODAY - timedelta(days=back))
    observe(db, sam, TODAY, level=5, day=TODAY - timedelta(days=200))  # outside the trend
    observe(db, ade, TODAY, level=4)
    view = team_energy(db, TODAY)
    by_name = {r.person.name: r for r in view.reports}
    assert set(by_name) == {"Sam", "Ade"}
    assert [o.level for o in by_name["Sam"].trend] == [5, 4, 3, 2]
    assert by_name["Sam"].flag is Flag.FALLING
    assert by_name["Ade"].flag is None and by_name["Ade"].last is not None
    assert [r.person.name for r in view.flagged] == ["Sam"]


def test_a_push_suggests_slack_and_undo_takes_it_back(db: Store) -> None:
    assert team_energy(db, TODAY).slack is None
    mark_push(db, TODAY, name="Checkout launch", day=TODAY - timedelta(days=2))
    view = team_energy(db, TODAY)
    assert view.advice is not None and "Checkout launch" in view.advice
    undo(db)
    assert team_energy(db, TODAY).slack is None


def test_an_observation_is_removed_and_undo_brings_it_back(db: Store) -> None:
    sam = add_person(db, PersonDraft(name="Sam", relation="report"))
    observe(db, sam, TODAY, level=2, note="tired")
    remove_observation(db, sam, TODAY, None)
    assert team_energy(db, TODAY).reports[0].last is None
    with pytest.raises(InputError, match="no energy observation"):
        remove_observation(db, sam, TODAY, None)
    undo(db)
    assert team_energy(db, TODAY).reports[0].last is not None
