"""A search hit is marked private by the privacy rule the exports use, never by its kind:
private means the text reaches no audience but you (domain/privacy.py). A shared
succession gap or meeting audit reaches the upward brief, so its hit is not private; a
T3B3 item or the energy journal reaches only you, so its hit is, whatever it says."""

from __future__ import annotations

import json
from pathlib import Path
from typing import NamedTuple

import pytest

from leadtui.domain.privacy import Audience, Topic, Visibility, only_yours, reaches
from leadtui.domain.search import SearchKind
from leadtui.services.search import search
from leadtui.store.database import open_database
from tests.helpers import cli

SHARED, PRIVATE = Visibility.SHARED, Visibility.PRIVATE


class Written(NamedTuple):
    """A text written with a word found nowhere else, and what the privacy rule knows of it."""

    word: str
    argv: tuple[str, ...]
    visibility: Visibility  # as written (or as the domain model says for its kind)
    topic: Topic
    kind: SearchKind


SAM = "Sam Okafor"
ANA = "Ana Lima"
TEXTS = [
    Written(
        "tapirhood",
        ("energy", "review", "--learning", "tapirhood slow"),
        PRIVATE,
        Topic.ENERGY,
        SearchKind.REVIEW,
    ),
    Written(
        "quaggish",
        ("energy", "observe", SAM, "2", "quaggish and tired"),
        PRIVATE,
        Topic.TEAM_ENERGY,
        SearchKind.OBSERVATION,
    ),
    Written(
        "gnuparade",
        ("energy", "push", "gnuparade launch"),
        PRIVATE,
        Topic.TEAM_ENERGY,
        SearchKind.PUSH,
    ),
    Written(
        "ibexfan",
        ("people", "context", SAM, "--cares", "ibexfan things"),
        PRIVATE,
        Topic.PERSONAL_CONTEXT,
        SearchKind.CONTEXT,
    ),
    Written(
        "zebrologist",
        ("people", "edit", SAM, "--title", "Zebrologist"),
        SHARED,
        Topic.PERSON,
        SearchKind.PERSON,
    ),
    Written(
        "pagerduty",
        ("1on1", "add", SAM, "pagerduty rota"),
        SHARED,
        Topic.ONE_ON_ONE,
        SearchKind.POINT,
    ),
    Written(
        "burnout",
        ("1on1", "add", SAM, "burnout", "--private"),
        PRIVATE,
        Topic.ONE_ON_ONE,
        SearchKind.POINT,
    ),
    Written(
        "kumquat",
        ("1on1", "action", SAM, "kumquat memo"),
        SHARED,
        Topic.ONE_ON_ONE,
        SearchKind.ACTION,
    ),
    Written(
        "marmalade",
        ("1on1", "notes", SAM, "--shared", "marmalade"),
        SHARED,
        Topic.ONE_ON_ONE,
        SearchKind.DRAFT,
    ),
    Written(
        "wistful",
        ("1on1", "notes", SAM, "--private", "wistful"),
        PRIVATE,
        Topic.ONE_ON_ONE,
        SearchKind.DRAFT,
    ),
    # Ana's notes are filed under the session held below.
    Written(
        "gazpacho",
        ("1on1", "notes", ANA, "--shared", "gazpacho"),
        SHARED,
        Topic.ONE_ON_ONE,
        SearchKind.NOTE,
    ),
    Written(
        "tuba",
        ("1on1", "notes", ANA, "--private", "tuba lessons"),
        PRIVATE,
        Topic.ONE_ON_ONE,
        SearchKind.NOTE,
    ),
    Written(
        "xylophone",
        ("feedback", "add", SAM, "xylophone demo"),
        SHARED,
        Topic.FEEDBACK,
        SearchKind.FEEDBACK,
    ),
    Written(
        "ocelot",
        ("feedback", "add", SAM, "ocelot review", "--private"),
        PRIVATE,
        Topic.FEEDBACK,
        SearchKind.FEEDBACK,
    ),
    # A T3B3 item's visibility is private by nature (domain/reviews.py, T3B3Item).
    Written(
        "narwhal",
        ("t3b3", "set", SAM, "--top", "narwhal mentoring"),
        PRIVATE,
        Topic.T3B3_ITEM,
        SearchKind.T3B3,
    ),
    # The energy journal is private by nature (domain/energy.py).
    Written(
        "walrus", ("energy", "log", "4", "walrus day"), PRIVATE, Topic.ENERGY, SearchKind.ENERGY
    ),
    Written(
        "flamingo",
        ("energy", "work", "add", "flamingo importer"),
        PRIVATE,
        Topic.ENERGY,
        SearchKind.WORK,
    ),
    Written(
        "boardroom",
        ("succession", "gap", "add", SAM, "boardroom presence"),
        SHARED,
        Topic.SUCCESSION_GAP,
        SearchKind.SUCCESSION,
    ),
    Written(
        "temper",
        ("succession", "gap", "add", SAM, "temper", "--private"),
        PRIVATE,
        Topic.SUCCESSION_GAP,
        SearchKind.SUCCESSION,
    ),
    Written(
        "roadmaps",
        ("succession", "focus", SAM, "roadmaps"),
        SHARED,
        Topic.FOCUS_AREA,
        SearchKind.SUCCESSION,
    ),
    Written(
        "keynote",
        ("succession", "ceo", "keynote went well", "--person", SAM),
        SHARED,
        Topic.CEO_LOG,
        SearchKind.SUCCESSION,
    ),
    Written(
        "grumbles",
        ("succession", "ceo", "grumbles", "--private"),
        PRIVATE,
        Topic.CEO_LOG,
        SearchKind.SUCCESSION,
    ),
    Written(
        "fortnightly",
        ("meeting", "add", "Quorum council", "--cadence", "fortnightly"),
        SHARED,
        Topic.MEETING_AUDIT,
        SearchKind.SUCCESSION,
    ),
    # What someone is missing to run a meeting (and the plan) goes where gaps go.
    Written(
        "forecasting",
        (
            "meeting",
            "audit",
            "Quorum council",
            "--decision",
            "partner",
            "--missing",
            "forecasting",
            "--plan",
            "co-run it",
        ),
        SHARED,
        Topic.SUCCESSION_GAP,
        SearchKind.SUCCESSION,
    ),
    Written(
        "payroll",
        ("vacation", "cover", "2026-12-21", "payroll approvals", SAM),
        SHARED,
        Topic.VACATION_COVER,
        SearchKind.SUCCESSION,
    ),
    Written(
        "directorship",
        ("career", SAM, "--goal", "directorship"),
        SHARED,
        Topic.CAREER_PLAN,
        SearchKind.SUCCESSION,
    ),
    # What was said when aligning upward is a CEO log note (domain/privacy.py).
    Written(
        "greenlit",
        ("career", SAM, "--aligned-up", "2026-11-02", "--note", "greenlit"),
        SHARED,
        Topic.CEO_LOG,
        SearchKind.SUCCESSION,
    ),
    Written(
        "offsite",
        ("career", SAM, "--milestone", "run the offsite"),
        SHARED,
        Topic.CAREER_PLAN,
        SearchKind.SUCCESSION,
    ),
    Written(
        "budgeting",
        ("succession", "candidate", SAM, "--readiness", "1y", "--pending", "one budgeting cycle"),
        SHARED,
        Topic.CANDIDACY,
        SearchKind.SUCCESSION,
    ),
    Written(
        "triage",
        ("rotation", "add", "Triage desk", "--exposure", "customers", "--start", "2026-01-01"),
        SHARED,
        Topic.ROTATION,
        SearchKind.ROTATION,
    ),
    Written(
        "runbook",
        ("rotation", "handoff", "Triage desk", SAM, "runbook in wiki"),
        SHARED,
        Topic.ROTATION,
        SearchKind.ROTATION,
    ),
]


@pytest.fixture
def written(db_path: Path) -> Path:
    db = ("--db", str(db_path))
    setup = [
        ("people", "add", SAM),
        ("people", "add", ANA),
        ("1on1", "series", ANA, "--weekday", "monday", "--start", "2026-10-01"),
        ("vacation", "add", "2026-12-21", "2027-01-04"),
        ("rotation", "add", "Other desk", "--start", "2026-01-01"),
    ]
    texts = TEXTS[:-1]  # the hand-off needs a term served, below
    for argv in [*setup, *(t.argv for t in texts)]:
        ran = cli(*argv, *db)
        assert ran.returncode == 0, (argv, ran.stderr)
    for argv in [
        ("1on1", "close", ANA, "--date", "2026-11-16"),
        ("rotation", "roster", "Triage desk", SAM),
        (
            "rotation",
            "assign",
            "Triage desk",
            "--seat",
            "1",
            "--person",
            SAM,
            "--from",
            "2026-01-01",
        ),
        TEXTS[-1].argv,
    ]:
        ran = cli(*argv, *db)
        assert ran.returncode == 0, (argv, ran.stderr)
    return db_path


def test_every_kind_of_text_is_written_here() -> None:
    assert {t.kind for t in TEXTS} == set(SearchKind)
    assert {t.topic for t in TEXTS} == set(Topic)


def test_a_hit_is_private_exactly_when_its_text_reaches_no_one_but_you(written: Path) -> None:
    store = open_database(written)
    try:
        for text in TEXTS:
            hits = search(store, text.word)
            assert [h.kind for h in hits] == [text.kind], text.word
            private = not any(
                reaches(text.visibility, text.topic, a)
                for a in Audience
                if a is not Audience.PRIVATE
            )
            assert hits[0].private is private, (text.word, text.visibility, text.topic)
            assert private is only_yours(text.visibility, text.topic)
    finally:
        store.close()


def test_shared_succession_texts_are_not_marked_private_in_json(written: Path) -> None:
    """The upward brief carries a shared gap and the meeting audit's plan, so the command
    line's JSON does not call them private; a private gap stays private."""
    found = {}
    for word in ("boardroom", "forecasting", "temper"):
        ran = cli("search", word, "--json", "--db", str(written))
        assert ran.returncode == 0, ran.stderr
        found[word] = [hit["private"] for hit in json.loads(ran.stdout)]
    assert found == {"boardroom": [False], "forecasting": [False], "temper": [True]}
