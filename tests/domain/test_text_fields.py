"""Every free-text field of every draft refuses text that cannot be stored as typed: bytes
that are not UTF-8 (a lone surrogate, as Python decodes ``$'\\xff'`` from the shell) and
NUL. The list of drafts is found, not written down, so a new draft cannot slip by."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import typing
from typing import Any

import pytest
from pydantic import BaseModel

import leadtui.domain
from leadtui.domain.validation import build
from leadtui.errors import InputError
from tests.helpers import TODAY

# A valid value for every field a draft requires, so one field at a time can be spoiled.
VALID: dict[str, dict[str, Any]] = {
    "EnergyLogDraft": {"level": "4", "day": None, "note": "ok", "energized_by": ["pairing"]},
    "WorkDraft": {"title": "prototype", "day": None},
    "FeedbackDraft": {"text": "Clear design doc"},
    "T3B3ItemDraft": {"text": "Clear writing"},
    "T3B3ListsDraft": {"top": ["Clear writing"], "bottom": ["Delegate"]},
    "DeliveryDraft": {},
    "SeriesDraft": {"weekday": "tue", "starts_on": None},
    "PointDraft": {"text": "Career growth", "deep": True, "kind": "skill_gap"},
    "ObservationDraft": {"level": "3", "day": None, "note": "quiet, tired"},
    "PushDraft": {"name": "Checkout launch", "day": None},
    "RatingDraft": {"rating": "4"},
    "AnswersDraft": {"learning": "slower", "leaving": "no", "decision_on": "2027-01-15"},
    "ContextDraft": {"cares_about": "the roadmap", "notes": "quiet in big meetings"},
    "TemplateDraft": {"name": "goals", "description": "Goals", "points": ["What went well"]},
    "ActionDraft": {"text": "Send the doc"},
    "NotesDraft": {"shared": "Agreed", "private": "Mine"},
    "PersonDraft": {
        "name": "Sam",
        "title": "Engineer",
        "level": "L4",
        "team": "Payments",
        "email": "sam@example.com",
    },
    "EnergyNoteDraft": {"day": "today", "note": "long week"},
    "EnergyEditDraft": {"day": "today", "note": "long week", "drained_by": ["meetings"]},
    "WorkEditDraft": {"title": "prototype"},
    "FeedbackEditDraft": {"text": "Clear design doc"},
    "AuditDraft": {
        "decision": "partner",
        "missing": "budget context",
        "plan": "shadow two sessions",
        "quarter": "2026-Q4",
    },
    "CandidateDraft": {"readiness": "1y", "pending": "after the launch"},
    "CareerDraft": {
        "goal": "Run the platform group",
        "aligned_up_on": "2026-10-01",
        "note": "aligned with the CEO",
        "milestone": "Lead the planning review",
        "test_run": "Run staff for two weeks",
        "result": "went well",
    },
    "CeoDraft": {"text": "Growth in planning"},
    "MilestoneDraft": {"text": "Lead the planning review"},
    "CoverDraft": {"responsibility": "Incident review"},
    "FocusDraft": {"text": "Write the strategy doc"},
    "GapDraft": {"text": "Budget ownership"},
    "GapStatusDraft": {"status": "improving"},
    "MeetingDraft": {"name": "Staff meeting", "cadence": "weekly"},
    "VacationDraft": {"starts_on": "2026-12-20", "ends_on": "2027-01-03"},
    "CapacityDraft": {
        "name": "Incident Review",
        "description": "Runs the weekly review",
        "exposure": "joins the quarterly planning review",
    },
    "HandoffDraft": {"text": "Open actions are in the doc"},
    "HorizonDraft": {},
    "HostDraft": {},
    "HostTeamDraft": {"people": "Sam, Ade"},
    "MemberDraft": {},
    "RecognitionDraft": {"day": "today"},
    "RosterEntryDraft": {"person": "Sam"},
    "DefinitionCapacityDraft": {
        "name": "Incident Review",
        "description": "Runs the weekly review",
        "exposure": "joins the quarterly planning review",
        "starts_on": "2026-07-01",
        "id": "6f1c2a4e-9b7d-4c1e-8a2f-3d5e7b9c1a0f",
    },
    "DefinitionRosterDraft": {"person": "Sam"},
    "DefinitionExceptionDraft": {
        "kind": "swap",
        "on": "2026-09-01",
        "person": "Sam",
        "other_person": "Ade",
    },
    "DefinitionDraft": {
        "capacity": {"name": "Incident Review", "starts_on": "2026-07-01"},
        "roster": [{"person": "Sam"}, {"person": "Ade"}],
    },
}
# Fields that take a choice or a format rather than free text: a bad byte there is just
# a wrong choice, refused by the field's own check.
NOT_FREE_TEXT = {
    ("SeriesDraft", "at_time"),
    ("HostDraft", "at_time"),
    ("HostTeamDraft", "at_time"),
    ("AuditDraft", "quarter"),
}


def drafts() -> list[type[BaseModel]]:
    found: dict[str, type[BaseModel]] = {}
    for module in pkgutil.iter_modules(leadtui.domain.__path__):
        if not module.name.endswith("_input"):
            continue
        loaded = importlib.import_module(f"leadtui.domain.{module.name}")
        for name, value in vars(loaded).items():
            if (
                inspect.isclass(value)
                and issubclass(value, BaseModel)
                and value.__module__ == loaded.__name__
                and not name.startswith("_")  # a shared base, not a form of its own
            ):
                found[name] = value
    return [found[name] for name in sorted(found)]


def text_fields(model: type[BaseModel]) -> list[str]:
    names = []
    for name, info in model.model_fields.items():
        annotation = info.annotation
        parts = {annotation, *typing.get_args(annotation)}
        nested = {arg for part in parts for arg in typing.get_args(part)}
        if str in parts | nested and (model.__name__, name) not in NOT_FREE_TEXT:
            names.append(name)
    return names


CASES = [(model, field) for model in drafts() for field in text_fields(model)]


def test_every_draft_has_valid_sample_data() -> None:
    assert {model.__name__ for model in drafts()} == set(VALID)
    for model in drafts():
        build(model, today=TODAY, **VALID[model.__name__])


@pytest.mark.parametrize("bad", ["\udcff", "a\x00b", "Sam\udcc3"])
@pytest.mark.parametrize(("model", "field"), CASES, ids=[f"{m.__name__}.{f}" for m, f in CASES])
def test_every_text_field_refuses_unstorable_text(
    model: type[BaseModel], field: str, bad: str
) -> None:
    data = dict(VALID[model.__name__])
    sequence = isinstance(data.get(field), list)
    data[field] = [bad] if sequence else bad
    with pytest.raises(InputError) as info:
        build(model, today=TODAY, **data)
    message = info.value.message
    assert "\n" not in message and len(message) < 300
    message.encode("utf-8")  # the refusal itself prints on any terminal


@pytest.mark.parametrize(
    ("draft", "said"),
    [("PointDraft", "write what to talk about"), ("ActionDraft", "write what will be done")],
)
def test_an_empty_point_or_action_says_what_to_write(draft: str, said: str) -> None:
    from leadtui.domain import oneonones_input

    with pytest.raises(InputError) as refused:
        build(getattr(oneonones_input, draft), today=TODAY, text="  ")
    assert said in refused.value.message
