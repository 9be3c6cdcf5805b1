"""The career path reaches the report it is about, never the align-up with your manager:
whatever is typed into the align-up note, no copy but yours and the upward one holds
it, and the goal, the milestones and the test run always reach the report."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from leadtui.domain.people import Person, Relation
from leadtui.domain.privacy import Audience
from leadtui.domain.succession import CareerPlan, CareerStatus, Milestone
from leadtui.export.succession import career_document
from tests.helpers import PRIVATE_MARK, TODAY

ANA = Person(1, "Ana Ruiz", Relation.REPORT)
words = st.text(min_size=1, max_size=40).filter(lambda s: s.strip() != "")


def plan(note: str, goal: str, step: str) -> CareerPlan:
    return CareerPlan(
        1,
        ANA.id,
        f"GOAL {goal}",
        date(2026, 11, 1),
        f"{PRIVATE_MARK} {note}",
        CareerStatus.TEST_RUN,
        "TESTRUN a month leading the team",
        date(2026, 12, 1),
        None,
        (Milestone(1, 1, f"STEP {step}", date(2027, 1, 1), None),),
    )


@settings(max_examples=40, deadline=None)
@given(note=words, goal=words, step=words)
def test_the_align_up_never_reaches_the_report_or_the_team(note: str, goal: str, step: str) -> None:
    drawn = plan(note, goal, step)
    for audience in (Audience.PERSON, Audience.TEAM):
        copy = career_document(ANA, drawn, audience, TODAY)
        assert PRIVATE_MARK not in copy
    theirs = career_document(ANA, drawn, Audience.PERSON, TODAY)
    assert "GOAL" in theirs and "STEP" in theirs and "TESTRUN" in theirs
    assert PRIVATE_MARK in career_document(ANA, drawn, Audience.PRIVATE, TODAY)
    assert PRIVATE_MARK in career_document(ANA, drawn, Audience.UPWARD, TODAY)
