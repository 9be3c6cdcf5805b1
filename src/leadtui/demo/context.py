"""The demo team's personal context (what each person cares about, how they like
feedback, their goals, hours and notes) and the work addresses a calendar import
matches attendees by.

It draws from its own random generator and is written after the rest of the demo, so it
never changes the team or its history.
"""

from __future__ import annotations

import random
import unicodedata
from typing import TYPE_CHECKING

from leadtui.domain.context_input import ContextDraft
from leadtui.domain.people import Relation
from leadtui.domain.people_input import draft_from
from leadtui.store.context import ContextRepository
from leadtui.store.people import PeopleRepository

if TYPE_CHECKING:
    from datetime import date

    from leadtui.domain.people import Person
    from leadtui.store.database import Store

# Offset from the demo's seed: this module's own sequence of draws.
_SEED_OFFSET = 2203
# A reserved domain: the demo's addresses can never reach a real mailbox.
DOMAIN = "example.com"

CARES_ABOUT = (
    "Craft and code quality; wants the ledger migration to land cleanly.",
    "Growing into a staff role; being trusted with the API's direction.",
    "The new hires finding their feet, and the team's on-call load.",
    "Shipping things customers notice; hates work that gets shelved.",
    "Fairness in who gets the interesting projects.",
    "Learning the business side: pricing and the product trade-offs.",
    "Being recognised for the unglamorous work that keeps the lights on.",
)
FEEDBACK_STYLE = (
    "In writing first, then talk it through; give them a day to think.",
    "Direct and in the moment; skip the compliment sandwich.",
    "Privately, with one concrete example; never in a group channel.",
    "Three things to keep and three to change, like a T3B3.",
    "Asks for it often; take them up on it while it is fresh.",
)
GOALS = (
    "Next level by the end of the year: lead one cross-team project end to end.",
    "Give a meetup talk on the search rewrite.",
    "Hand off on-call ownership and spend more time on design.",
    "Hire and onboard two engineers this half.",
    "Run the incident review rotation well, then mentor the next person in it.",
)
TIME_OFF = (
    "Picks up the kids on Wednesdays: nothing after 16:00.",
    "Works from Lisbon in August; two weeks off around the new year.",
    "Starts early, 08:00–16:30; protects Friday afternoons for deep work.",
    "Parental leave planned for the spring; agree cover early.",
    "Takes the first week of every quarter light after planning.",
)
NOTES = (
    "Was passed over for the Payments lead role last year; it still stings a little.",
    "Prefers to raise hard topics in writing before the one-on-one.",
    "Caring for a parent; ask how it is going without prying.",
    "Thinking about management; let them run the next planning session.",
    "",
)
# The manager and the peers: what matters when working with them, not their growth.
UPWARD = ContextDraft(
    cares_about="The hiring plan and a planning cycle without surprises.",
    feedback_style=(
        "Bad news first: here is the context, here is where I went wrong, "
        "and this is what I plan to do about it. No surprises."
    ),
    goals="Headcount for two teams approved before the next quarter.",
    time_off="Board week each quarter: keep asks short then.",
)
PEER = (
    "Roadmap trade-offs settled early, before the teams commit.",
    "A hiring bar both orgs agree on.",
    "Fewer meetings that exist only to share status.",
)


def _address(person: Person) -> str:
    """``first.last@example.com`` in plain ASCII ("Tomás Bergström" gives
    tomas.bergstrom@example.com), unique because the demo's names are."""
    folded = unicodedata.normalize("NFKD", person.name).encode("ascii", "ignore").decode()
    return ".".join(folded.lower().split()) + "@" + DOMAIN


def seed_context(db: Store, today: date, seed: int) -> tuple[int, int]:
    """Context for every active report, peer and the manager, and an address for everyone
    active the manager meets in a ritual (not those related as "other"). Returns
    (contexts, addresses) written."""
    rng = random.Random(seed + _SEED_OFFSET)
    people_repo = PeopleRepository(db)
    repo = ContextRepository(db)
    contexts = addresses = 0
    for person in people_repo.list(order="relation"):
        if person.relation is Relation.REPORT:
            draft = ContextDraft(
                cares_about=rng.choice(CARES_ABOUT),
                feedback_style=rng.choice(FEEDBACK_STYLE),
                goals=rng.choice(GOALS),
                time_off=rng.choice(TIME_OFF),
                notes=rng.choice(NOTES),
            )
        elif person.relation is Relation.MANAGER:
            draft = UPWARD
        elif person.relation is Relation.PEER:
            draft = ContextDraft(cares_about=rng.choice(PEER))
        else:
            draft = None
        if draft is not None:
            repo.save(person.id, draft, today)
            contexts += 1
        # Those met outside the usual rituals have no address on file.
        if person.relation is not Relation.OTHER:
            with_address = draft_from(person).model_copy(update={"email": _address(person)})
            people_repo.update(person.id, with_address)
            addresses += 1
    return contexts, addresses
