"""The privacy matrix, pinned: every visibility, topic and audience, written out by hand."""

from __future__ import annotations

import itertools

import pytest

from leadtui.domain.privacy import Audience, Topic, Visibility, reaches

# Who *shared* text of each topic reaches, as the design says it (P = private/me,
# S = the person, U = upward, T = team). Written out, not derived from the code.
SHARED = {
    Topic.ONE_ON_ONE: "PS",
    Topic.FEEDBACK: "PS",
    Topic.T3B3_ITEM: "P",
    Topic.ENERGY: "P",
    Topic.FOCUS_AREA: "PSU",
    Topic.SUCCESSION_GAP: "PU",
    Topic.CANDIDACY: "PU",
    Topic.CEO_LOG: "PU",
    Topic.CAREER_PLAN: "PSU",
    Topic.MEETING_AUDIT: "PUT",
    Topic.ROTATION: "PSUT",
    Topic.VACATION_COVER: "PSUT",
    Topic.PERSON: "PSUT",
    Topic.PERSONAL_CONTEXT: "P",
    Topic.TEAM_ENERGY: "P",
}
LETTER = {Audience.PRIVATE: "P", Audience.PERSON: "S", Audience.UPWARD: "U", Audience.TEAM: "T"}


def expected(visibility: Visibility, topic: Topic, audience: Audience) -> bool:
    if visibility is Visibility.PRIVATE:
        return audience is Audience.PRIVATE  # private text reaches only me, whatever it is
    return LETTER[audience] in SHARED[topic]


def test_every_topic_has_a_row() -> None:
    assert set(SHARED) == set(Topic)


@pytest.mark.parametrize(
    ("visibility", "topic", "audience"),
    list(itertools.product(Visibility, Topic, Audience)),
    ids=lambda v: str(v),
)
def test_matrix(visibility: Visibility, topic: Topic, audience: Audience) -> None:
    assert reaches(visibility, topic, audience) is expected(visibility, topic, audience)


def test_the_private_audience_reads_everything() -> None:
    assert all(reaches(v, t, Audience.PRIVATE) for v in Visibility for t in Topic)


@pytest.mark.parametrize("topic", [Topic.ROTATION, Topic.VACATION_COVER])
def test_what_the_team_sees_never_carries_private_text(topic: Topic) -> None:
    assert reaches(Visibility.SHARED, topic, Audience.TEAM)
    assert not reaches(Visibility.PRIVATE, topic, Audience.TEAM)


def test_shared_is_the_older_name_of_the_persons_copy() -> None:
    assert Audience("shared") is Audience.PERSON
    assert Audience("person") is Audience.PERSON
    with pytest.raises(ValueError):
        Audience("everyone")


def test_an_unexpected_visibility_fails_closed() -> None:
    odd = "shared "  # not a Visibility member: never treated as shared
    assert not reaches(odd, Topic.ROTATION, Audience.TEAM)  # type: ignore[arg-type]
