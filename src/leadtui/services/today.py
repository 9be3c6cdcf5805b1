"""The Today overview: what needs the manager's attention, across rituals.

Each ritual adds its part here as it arrives: the people the rituals are
about, grouped by relation, and whether today's energy is logged and the
verdict when it is not "energized"; the week's one-on-ones; the T3B3s still to
deliver this half and the reports without feedback for a month; the reports without a
focus area this half, the meeting audit still due and the bench; the next leadership
meeting's host, terms changing in the next four weeks and the rotation checks that fail.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from leadtui.domain.energy import EnergyEntry, EnergyThresholds, EnergyVerdict
from leadtui.domain.people import Person, Relation
from leadtui.services.energy import check_energy, entry_on
from leadtui.services.oneonones import OneOnOneOverview, oneonone_overview
from leadtui.services.reviews import ReviewOverview, review_overview
from leadtui.services.rotation_feeds import RotationsToday, rotations_today
from leadtui.services.succession import SuccessionCard, succession_card
from leadtui.store.people import PeopleRepository

if TYPE_CHECKING:
    from leadtui.store.database import Store


class TodayOverview(NamedTuple):
    """Everything the Today screen shows."""

    today: date
    people_by_relation: dict[Relation, list[Person]]
    archived_count: int = 0
    energy_today: EnergyEntry | None = None
    energy_verdict: EnergyVerdict | None = None
    oneonones: OneOnOneOverview | None = None
    reviews: ReviewOverview | None = None
    succession: SuccessionCard | None = None
    rotations: RotationsToday | None = None

    @property
    def people_count(self) -> int:
        """Active people."""
        return sum(len(group) for group in self.people_by_relation.values())

    @property
    def is_first_run(self) -> bool:
        """Nobody added yet: the screen welcomes instead of reporting."""
        return self.people_count == 0 and self.archived_count == 0


def today_overview(
    db: Store,
    today: date,
    thresholds: EnergyThresholds | None = None,
    half_start_month: int = 1,
) -> TodayOverview:
    """Gather the Today screen's content; ``half_start_month`` is when the review year
    starts (the halves T3B3s are due in)."""
    repo = PeopleRepository(db)
    groups: dict[Relation, list[Person]] = {relation: [] for relation in Relation}
    # Read once; every card is about these people.
    people = repo.list(order="relation")
    for person in people:
        groups[person.relation].append(person)
    archived = repo.count(include_archived=True) - sum(len(g) for g in groups.values())
    return TodayOverview(
        today=today,
        people_by_relation={r: g for r, g in groups.items() if g},
        archived_count=archived,
        energy_today=entry_on(db, today),
        energy_verdict=check_energy(db, today, thresholds or EnergyThresholds()),
        oneonones=oneonone_overview(db, today, people),
        reviews=review_overview(db, today, half_start_month, people),
        succession=succession_card(db, today, half_start_month),
        rotations=rotations_today(db, today),
    )
