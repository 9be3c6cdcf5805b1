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
from leadtui.domain.quarter_review_input import QuarterAnswers
from leadtui.domain.text import plural
from leadtui.services.energy import check_energy, entry_on
from leadtui.services.oneonones import OneOnOneOverview, oneonone_overview
from leadtui.services.quarter_review import decision_due
from leadtui.services.reviews import ReviewOverview, review_overview
from leadtui.services.rotation_feeds import RotationsToday, rotations_today
from leadtui.services.succession import SuccessionCard, succession_card
from leadtui.services.team_energy import TeamEnergy, team_energy
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
    team_energy: TeamEnergy | None = None
    decision: QuarterAnswers | None = None  # a quarter review's decision date that came

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
        team_energy=team_energy(db, today, half_start_month),
        decision=decision_due(db, today),
    )


# --- today in the shell ----------------------------------------------------------------------

DIGEST_LINES = 15
"""The most lines ``leadtui today`` prints: it has to fit a login message or a prompt."""


class TodayDigest(NamedTuple):
    """Today's facts for the shell, from the same overview the Today screen shows."""

    today: date
    oneonones_today: list[tuple[str, int]]
    """(person, open talking points) for each 1:1 today."""
    overdue_actions: dict[str, int]
    """Open actions past their due date, by owner ("me", "them")."""
    energy_logged: bool
    t3b3_due: list[str]
    """Reports whose T3B3 for this half is not delivered."""
    half: str
    weeks_left: int
    host: tuple[str, date] | None
    """Who hosts the leadership meeting this week, and when."""
    term_changes: list[tuple[date, str]]
    """Rotation terms starting or ending this week: (day, what)."""
    succession: list[str]
    """The succession checks that need something (focus areas, audit, vacation cover)."""
    carried_too_long: list[tuple[str, int]] = []  # noqa: RUF012 - a NamedTuple default, never mutated
    """(person, upcoming points carried three or more times) for each such 1:1."""
    t3b3_overdue: tuple[str, ...] = ()
    """Overdue T3B3s of ended halves: "Sam Okafor (2026-H1)"."""

    def lines(self) -> list[str]:
        """The digest in at most :data:`DIGEST_LINES` lines of plain text."""
        from leadtui.domain.dates import day_label
        from leadtui.domain.text import literal

        day = day_label(self.today, self.today)
        found = [f"Today, {day} {self.today.year}"]
        if self.oneonones_today:
            found.append(
                "1:1s today: "
                + ", ".join(
                    f"{literal(name)} ({n} open point{'s' if n != 1 else ''})"
                    for name, n in self.oneonones_today
                )
            )
        else:
            found.append("1:1s today: none")
        overdue = ", ".join(f"{owner} {n}" for owner, n in self.overdue_actions.items() if n)
        found.append(f"Overdue actions: {overdue or 'none'}")
        if self.carried_too_long:
            found.append(
                "Points carried 3x or more: "
                + ", ".join(f"{literal(name)} ({n})" for name, n in self.carried_too_long)
            )
        found.append("Energy: logged today" if self.energy_logged else "Energy: not logged today")
        if self.t3b3_due:
            found.append(
                f"T3B3s due in {self.half}: {len(self.t3b3_due)} "
                f"({', '.join(literal(n) for n in self.t3b3_due[:4])}"
                f"{', …' if len(self.t3b3_due) > 4 else ''}), "
                f"{plural(self.weeks_left, 'week')} left"
            )
        if self.t3b3_overdue:
            found.append(
                f"T3B3s overdue: {len(self.t3b3_overdue)} "
                f"({', '.join(literal(n) for n in self.t3b3_overdue[:4])}"
                f"{', …' if len(self.t3b3_overdue) > 4 else ''})"
            )
        if self.host is not None:
            found.append(f"Leadership meeting {day_label(self.host[1], self.today)}: "
                         f"hosted by {literal(self.host[0])}")  # fmt: skip
        for on, what in self.term_changes:
            found.append(f"Rotation {day_label(on, self.today)}: {literal(what)}")
        found += [f"Succession: {line}" for line in self.succession]
        if len(found) > DIGEST_LINES:
            more = len(found) - DIGEST_LINES + 1
            found = [*found[: DIGEST_LINES - 1], f"… and {more} more (open leadtui)"]
        return found


def today_digest(
    db: Store,
    today: date,
    thresholds: EnergyThresholds | None = None,
    half_start_month: int = 1,
) -> TodayDigest:
    """Today's facts for ``leadtui today``: the Today screen's overview, read once, plus
    each of today's 1:1s' count of open talking points."""
    from datetime import timedelta

    from leadtui.domain.oneonones import PointStatus
    from leadtui.store.oneonones import OneOnOneRepository

    overview = today_overview(db, today, thresholds, half_start_month)
    repo = OneOnOneRepository(db)
    todays: list[tuple[str, int]] = []
    overdue: dict[str, int] = {}
    put_off: list[tuple[str, int]] = []
    if overview.oneonones is not None:
        for person, series in overview.oneonones.today_sessions:
            points = repo.open_points(series.id)
            todays.append((person.name, sum(1 for p in points if p.status is PointStatus.OPEN)))
        overdue = {side.value: n for side, n in overview.oneonones.overdue_actions.items()}
        put_off = [(person.name, n) for person, n in overview.oneonones.carried_too_long]
    reviews = overview.reviews
    week_end = today + timedelta(days=6 - today.weekday())
    host = None
    changes: list[tuple[date, str]] = []
    rotations = overview.rotations
    if rotations is not None:
        if rotations.host is not None and rotations.host_name and rotations.host.on <= week_end:
            host = (rotations.host_name, rotations.host.on)
        for change in rotations.changes:
            if today <= change.on <= week_end:
                verb = "starts" if change.starts else "ends"
                changes.append(
                    (change.on, f"{change.person} {verb} {change.capacity}, seat {change.seat}")
                )
    succession: list[str] = []
    card = overview.succession
    if card is not None:
        if card.missing_focus:
            succession.append(
                f"{plural(len(card.missing_focus), 'report')} without a focus area this half"
            )
        if card.audit_due:
            succession.append(
                f"meeting audit due for {card.audit_due} of {plural(card.meetings, 'meeting')} "
                f"in {card.quarter}"
            )
        if card.uncovered:
            succession.append(f"{plural(len(card.uncovered), 'vacation hand-over')} missing")
    return TodayDigest(
        today,
        todays,
        overdue,
        overview.energy_today is not None,
        [person.name for person, _ in reviews.due] if reviews is not None else [],
        reviews.half.label if reviews is not None else "",
        reviews.weeks_left if reviews is not None else 0,
        host,
        changes,
        succession,
        put_off,
        tuple(f"{o.person.name} ({o.half.label})" for o in reviews.overdue) if reviews else (),
    )
