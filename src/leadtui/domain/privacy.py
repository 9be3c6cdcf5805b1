"""Who may read what: the one rule that decides whether a text reaches an audience.

Every piece of text a manager writes carries a :class:`Visibility` (shared or
private) and is about a :class:`Topic` (a 1:1 point, a feedback entry, a T3B3
item, an energy note …). Every export is written for one :class:`Audience`.
:func:`reaches` answers, for those three, whether the text may appear; every
exporter asks it and none compares visibilities itself.

The matrix for *shared* text (private text reaches only you, whatever its topic):

================  =======  ======  ======  ====
topic             private  person  upward  team
================  =======  ======  ======  ====
ONE_ON_ONE        yes      yes     no      no
FEEDBACK          yes      yes     no      no
T3B3_ITEM         yes      no      no      no
ENERGY            yes      no      no      no
FOCUS_AREA        yes      yes     yes     no
SUCCESSION_GAP    yes      no      yes     no
CANDIDACY         yes      no      yes     no
CEO_LOG           yes      no      yes     no
CAREER_PLAN       yes      yes     yes     no
MEETING_AUDIT     yes      no      yes     yes
ROTATION          yes      yes     yes     yes
VACATION_COVER    yes      yes     yes     yes
PERSON            yes      yes     yes     yes
================  =======  ======  ======  ====

Where the design was silent:

- Shared 1:1 items and shared feedback do not reach *upward*. "Shared" means said
  to the person, not published about them: a 1:1 is a conversation between two
  people. Growth the manager wants the CEO to hear is written for that audience
  as a CEO log note (the seeds' "talk to the CEO about the growth you're seeing"),
  so the upward brief never quotes a 1:1 or a feedback entry by accident.
- T3B3 items reach only you even when shared: the six items are the manager's
  speaking aid for an in-person delivery; the person's packet records the fact
  of delivery, never the words.
- CEO log notes (growth reported upward) go with succession gaps and candidacy:
  manager and CEO only.
- Vacation cover reaches the person too: the delegate is told what they cover.
- A career plan reaches the person it is about (it is partnered on with them) and
  upward; what was said when aligning upwards is a CEO log note, not part of the plan.
- The meeting audit's decisions (keep, delegate to whom, cancel) reach upward and the
  leadership team, who see delegations; what a person is missing to run a meeting is a
  succession gap and goes only where gaps go.
- A person's name, title, level and team reach everyone: every copy names the people
  it is about or for, and what they do is no secret.
- There is no catch-all topic on purpose: a new kind of text must pick a row
  here (and a test must pin it) before any export can carry it.
"""

from __future__ import annotations

from enum import StrEnum


class Visibility(StrEnum):
    """Shared text may leave with an export for its audience; private text never leaves."""

    SHARED = "shared"
    PRIVATE = "private"


class Audience(StrEnum):
    """Who an export is for.

    ``shared`` is read as :attr:`PERSON`: it is the older name of the counterpart's
    copy, and scripts written against it keep working.
    """

    PRIVATE = "private"  # me: everything, private parts marked
    PERSON = "person"  # the counterpart of a 1:1 or the subject of a review
    UPWARD = "upward"  # my manager or the CEO: the succession brief
    TEAM = "team"  # the leadership team: rotations, the host rotation, vacation cover

    @classmethod
    def _missing_(cls, value: object) -> Audience | None:
        # Only the one historic synonym; anything else stays a ValueError.
        if isinstance(value, str) and value.strip().lower() == "shared":
            return cls.PERSON
        return None


class Topic(StrEnum):
    """What a piece of text is about; decides, with its visibility, who may read it."""

    ONE_ON_ONE = "one-on-one"  # talking points, actions, session notes
    FEEDBACK = "feedback"  # an entry in the ongoing feedback log
    T3B3_ITEM = "t3b3-item"  # the words of a Top or Bottom item (and last half's areas)
    ENERGY = "energy"  # the energy journal: levels, notes, what energized or drained
    FOCUS_AREA = "focus-area"  # the succession focus area agreed in a review
    SUCCESSION_GAP = "succession-gap"  # what a report is missing to thrive in my role
    CANDIDACY = "candidacy"  # who might succeed me, and why
    CEO_LOG = "ceo-log"  # growth I report to my manager or the CEO
    CAREER_PLAN = "career-plan"  # the path, milestones and test run for a report who wants my job
    MEETING_AUDIT = "meeting-audit"  # my recurring meetings and who runs them from now on
    ROTATION = "rotation"  # rotation terms and the leadership meeting host order
    VACATION_COVER = "vacation-cover"  # who covers which responsibility while I am away
    PERSON = "person"  # a person's name, title, level and team
    PERSONAL_CONTEXT = "personal-context"  # what I know of a person: cares, feedback, goals
    TEAM_ENERGY = "team-energy"  # what I observe of a report's energy, and the team's pushes


_EVERYONE = frozenset(Audience)

# Who shared text of each topic reaches. Private text is decided before this table.
_SHARED_REACH: dict[Topic, frozenset[Audience]] = {
    Topic.ONE_ON_ONE: frozenset({Audience.PRIVATE, Audience.PERSON}),
    Topic.FEEDBACK: frozenset({Audience.PRIVATE, Audience.PERSON}),
    Topic.T3B3_ITEM: frozenset({Audience.PRIVATE}),
    Topic.ENERGY: frozenset({Audience.PRIVATE}),
    Topic.FOCUS_AREA: frozenset({Audience.PRIVATE, Audience.PERSON, Audience.UPWARD}),
    Topic.SUCCESSION_GAP: frozenset({Audience.PRIVATE, Audience.UPWARD}),
    Topic.CANDIDACY: frozenset({Audience.PRIVATE, Audience.UPWARD}),
    Topic.CEO_LOG: frozenset({Audience.PRIVATE, Audience.UPWARD}),
    Topic.CAREER_PLAN: frozenset({Audience.PRIVATE, Audience.PERSON, Audience.UPWARD}),
    Topic.MEETING_AUDIT: frozenset({Audience.PRIVATE, Audience.UPWARD, Audience.TEAM}),
    Topic.ROTATION: _EVERYONE,
    Topic.VACATION_COVER: _EVERYONE,
    Topic.PERSON: _EVERYONE,
    # The manager's own knowledge of a person: whatever its visibility, only for me.
    Topic.PERSONAL_CONTEXT: frozenset({Audience.PRIVATE}),
    # My read of someone's energy is mine: never theirs, upward or the team's.
    Topic.TEAM_ENERGY: frozenset({Audience.PRIVATE}),
}


def reaches(text_visibility: Visibility, topic: Topic, audience: Audience) -> bool:
    """True when text of ``topic`` with ``text_visibility`` may appear in ``audience``'s copy.

    You (the private audience) read everything. Anything that is not plainly shared
    stays with you; shared text reaches the audiences its topic allows (see the
    module's table).
    """
    if audience is Audience.PRIVATE:
        return True
    # "is not SHARED" rather than "is PRIVATE": an unexpected value fails closed.
    if text_visibility is not Visibility.SHARED:
        return False
    return audience in _SHARED_REACH[topic]


def only_yours(text_visibility: Visibility, topic: Topic) -> bool:
    """True when no audience but you may read this text: what the private copy of an
    export and a search hit mark as private."""
    return not any(
        reaches(text_visibility, topic, audience)
        for audience in Audience
        if audience is not Audience.PRIVATE
    )
