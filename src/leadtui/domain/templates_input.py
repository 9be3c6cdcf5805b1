"""Agenda templates: conversations with a known shape, as talking points to add.

A template is a name, a line saying when it fits, the talking points it adds and,
optionally, the relation it suits (a skip-level template is offered first for a skip).
The built-in ones are written from the product's sources; a user's own live as TOML files
in the config folder and pass through the same draft, :class:`TemplateDraft`.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, field_validator

from leadtui.domain.people import RELATION_CHOICES, Relation
from leadtui.domain.text import quoted
from leadtui.domain.validation import checked_text

NAME_MAX = 40
DESCRIPTION_MAX = 200
POINT_MAX = 2000
POINTS_MAX = 30
# A name is typed on the command line: lower-case words joined by hyphens.
_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*", re.ASCII)

FIRST_ONE_ON_ONE = "first-1on1"


class TemplateDraft(BaseModel):
    """An agenda template as written: the built-in ones and each user TOML file."""

    model_config = ConfigDict(frozen=True, defer_build=True, extra="forbid")

    name: str
    description: str
    points: tuple[str, ...]
    relation: Relation | None = None

    @field_validator("name", mode="before")
    @classmethod
    def _name(cls, value: object) -> str:
        text = checked_text(value, "template name", 'write a name like "quarterly-goals"', NAME_MAX)
        if not _NAME.fullmatch(text):
            raise ValueError(
                f"template name must be lower-case words joined by hyphens, like "
                f'"quarterly-goals", got {quoted(text)}'
            )
        return text

    @field_validator("description", mode="before")
    @classmethod
    def _description(cls, value: object) -> str:
        return checked_text(
            value,
            "template description",
            "say in a line when it fits",
            DESCRIPTION_MAX,
            one_line=True,
        )

    @field_validator("points", mode="before")
    @classmethod
    def _points(cls, value: object) -> tuple[str, ...]:
        if isinstance(value, str) or not isinstance(value, list | tuple):
            raise ValueError('template points must be a list of texts, like ["First", "Second"]')
        if not value:
            raise ValueError("template points are empty; write at least one talking point")
        if len(value) > POINTS_MAX:
            raise ValueError(f"template has {len(value)} points; keep it to {POINTS_MAX}")
        return tuple(
            checked_text(point, f"template point {n}", "write what to talk about", POINT_MAX)
            for n, point in enumerate(value, start=1)
        )

    @field_validator("relation", mode="before")
    @classmethod
    def _relation(cls, value: object) -> object:
        if value is None or value == "":
            return None
        word = str(value).strip().lower()
        if word not in {r.value for r in Relation}:
            raise ValueError(
                f"template relation must be one of {RELATION_CHOICES}, got {quoted(str(value))}"
            )
        return word

    def suits(self, relation: Relation) -> bool:
        """True when the template names no relation or names ``relation``."""
        return self.relation is None or self.relation is relation


def _builtin(name: str, description: str, relation: Relation | None, *points: str) -> TemplateDraft:
    return TemplateDraft(name=name, description=description, points=points, relation=relation)


# Written from the sources in the product's words: the first 1:1 sets the weekly hour
# around the shared document; the career conversation aligns upward before a plan is
# promised; the peer's first weeks cover the mental-framework topics in two weeks.
BUILTIN: tuple[TemplateDraft, ...] = (
    _builtin(
        FIRST_ONE_ON_ONE,
        "The first one-on-one with a new report",
        Relation.REPORT,
        "How we use this hour: weekly, around this shared document, two or three "
        "meaningful problems each time",
        "What you expect of me as your manager, and what I expect of you",
        "How you like to get feedback: in the moment, in writing, in this hour",
        "Your first two or three projects, and what ramped up will look like",
        "What you care about at work, and where you want to be in a year",
        "Who you should meet in your first weeks",
    ),
    _builtin(
        "career-wants-your-job",
        "A career conversation with a report who wants your job",
        Relation.REPORT,
        "Before this talk: align with my own manager on what is possible (private prep)",
        "The role you want: what it asks that your role does not",
        "The skills to build, and how we work on each of them together",
        "A milestone that shows the skills are there, and a date to check it",
        "A test run once the milestone is met: a real piece of the role, for a while",
        "Are you willing to do this work? What you commit to, and what I commit to",
    ),
    _builtin(
        "skip-level",
        "A skip-level with someone on a report's team",
        Relation.SKIP,
        "What is going well on your team that I may not see",
        "What gets in your way that your manager and I could remove",
        "What are we working on that seems unimportant to you",
        "What you would like to learn or do next",
        "Anything you would like me to know, or to ask me",
    ),
    _builtin(
        "new-peer",
        "A new peer executive's first weeks (cover all of it in two weeks)",
        Relation.PEER,
        "Where to find real data rather than the existing narratives",
        "The top two or three problems to spend time on right away",
        "My advice on budget and headcount requests",
        "What goes well here that many companies struggle with",
        "An honest but optimistic read on your new team",
        "Who to spend time with to understand how things really work",
        "What is going to surprise you",
        "The key company processes: how long they have run and how they work",
        "Our roles, how we handle public conflict, and how we escalate when we disagree",
        "This weekly hour around the shared document: keep it, or make it shorter if it "
        "does not help",
    ),
    _builtin(
        "t3b3-prep",
        "Preparing a report's top three and bottom three for the half",
        Relation.REPORT,
        "Your top three areas this half, as you see them",
        "Your bottom three areas this half, as you see them",
        "Feedback I gave this half that you want to talk through again",
        "Which gap we pick as the focus for next half",
        "Nothing in the review should be a surprise: what would be?",
    ),
)


def builtin_named(name: str) -> TemplateDraft | None:
    """The built-in template called ``name``, or None."""
    return next((t for t in BUILTIN if t.name == name), None)
