"""The demo team's feedback log and T3B3s over the previous and the current half.

Mostly words: specific, dated observations of behaviour and their effect, and the T3B3
lists they lead to. It draws from its own random generator, so adding to it never
changes the rest of the demo.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, NamedTuple

from leadtui.domain.dates import half_of
from leadtui.domain.oneonones import Visibility
from leadtui.domain.people import Person, Relation
from leadtui.domain.reviews import (
    T3B3,
    Evidence,
    EvidenceKind,
    Feedback,
    FeedbackKind,
    T3B3Item,
    T3B3Side,
)
from leadtui.services.reviews import QUIET_DAYS
from leadtui.store.oneonones import OneOnOneRepository
from leadtui.store.people import PeopleRepository
from leadtui.store.reviews import FeedbackRepository, T3B3Repository

if TYPE_CHECKING:
    from leadtui.domain.dates import Half
    from leadtui.store.database import Store


class Growth(NamedTuple):
    """An area to grow: its words on last half's Bottom list and on this half's when it
    persists (they share words, so the two halves are matched), what was observed, and
    the 1:1 talking point that raised it, if the demo's 1:1s have one."""

    earlier: str
    persisting: str
    observed: tuple[str, ...]
    topic: str | None = None


class Strength(NamedTuple):
    """A strength as it reads on the Top list, and what was observed."""

    item: str
    observed: tuple[str, ...]


# Each area's Bottom words are its own: no content word is shared between two areas, so
# "persists" and "closed" between halves come out as intended (a test checks).
GROWTH = (
    Growth(
        "Delegate design decisions instead of taking them back",
        "Delegate design decisions; coach rather than rewrite",
        (
            "Rewrote the {team} caching proposal the night before its review instead of "
            "coaching its author; she has not volunteered for a design since.",
            "Took the schema decision back from the tech lead in the {team} sync; the team "
            "waited two days for your answer.",
            "Reviewed every {team} design yourself this month; three sat in your queue for "
            "over a week.",
        ),
    ),
    Growth(
        "Lead status updates with the ask, then the detail",
        "Status updates: put the ask up top",
        (
            "The {team} weekly update buried the request for two more engineers in paragraph "
            "four; nobody in the staff meeting noticed it.",
            "Your launch update ran to two pages; product asked me what the actual risk was.",
            "The migration status email listed twelve tasks but not the decision you needed "
            "from me, so it slipped a week.",
        ),
    ),
    Growth(
        "Keep meetings to time and close with owners and dates",
        "Close every meeting with owners and dates",
        (
            "The {team} planning meeting ran 40 minutes over and ended without owners; two "
            "items came back unchanged the following week.",
            "The incident follow-up ended with 'we should look into it' and no name against "
            "any action; nothing happened for a fortnight.",
            "Architecture forum overran again; the last two presenters were cut and one "
            "escalated to me.",
        ),
    ),
    Growth(
        "Estimate with ranges and flag slips early",
        "Flag schedule slips as soon as they appear",
        (
            "The {team} search migration date moved three times, each time in the week it was "
            "due; sales had already told two customers.",
            "Estimated the API rewrite at two weeks as a single number; it took seven and two "
            "dependent teams replanned twice.",
            "Knew on Monday the billing export would miss Friday and said so on Thursday.",
        ),
    ),
    Growth(
        "Execution: complete what is started before picking up new threads",
        "Execution: fewer threads, each one finished",
        (
            "Started three {team} initiatives this quarter and none reached its milestone; the "
            "team asked me which one matters.",
            "Picked up the observability spike while the on-call runbook was half written; "
            "on-call used the old one during Tuesday's page.",
        ),
        "Execution focus for this half",
    ),
    Growth(
        "Raise cross-team dependencies during planning, not mid-sprint",
        "Surface cross-team dependencies at planning",
        (
            "The {team} release needed a Platform change that surfaced mid-sprint; Platform "
            "pulled an engineer off their own goal to unblock it.",
            "Found out in the demo that Identity had to ship first; we lost the launch slot.",
        ),
        "Cross-team dependency on Platform",
    ),
    Growth(
        "Hand off incidents with a clear timeline",
        "Incident handoffs: always a written timeline",
        (
            "Handed the {team} outage to the next on-call with 'see the channel'; they spent "
            "forty minutes reconstructing what had been tried.",
            "The checkout postmortem had no timeline, so the review argued about the order of "
            "events instead of the causes.",
        ),
        "On-call load after the incident",
    ),
    Growth(
        "Listen fully before answering in reviews",
        "Listen first in reviews; ask before answering",
        (
            "In the architecture review you answered a junior engineer's question before she "
            "finished asking it; she did not speak again.",
            "Interrupted the {team} retro twice to explain the root cause; the quieter half of "
            "the team stopped contributing.",
        ),
    ),
    Growth(
        "Give juniors direct, timely feedback",
        "Direct feedback to juniors within days",
        (
            "Told me, not the new engineer, that his pull requests were too large; he heard it "
            "first in his review a month later.",
            "Sat on the intern's missed deadlines for three weeks; by the time it came up the "
            "project had run out of runway.",
        ),
    ),
    Growth(
        "Challenge roadmap scope with data",
        "Roadmap scope: negotiate with usage data",
        (
            "Accepted the third roadmap addition for {team} without pushing back; the team is "
            "now committed past its capacity.",
            "Argued against the reporting feature from instinct in the product review; the "
            "usage numbers you had would have settled it.",
        ),
        "Roadmap trade-offs with product",
    ),
    Growth(
        "Share wins beyond the immediate group",
        "Share wins with the wider org",
        (
            "The {team} latency win never left the team channel; the directors heard about it "
            "from me, months later.",
            "Declined to demo the new tooling at the engineering all-hands; another team built "
            "the same thing in parallel.",
        ),
        "Career: what is the skill gap between your job and the next level?",
    ),
)

STRENGTHS = (
    Strength(
        "Calm, clear incident command",
        (
            "Ran the {team} outage bridge calmly: roles assigned in five minutes, customer "
            "updates every half hour; recovery beat our last two incidents.",
            "Your incident summary went out within the hour and support used it word for word "
            "with customers.",
        ),
    ),
    Strength(
        "Grows the engineers around them",
        (
            "Paired with the new hire through their first on-call week; they handled two pages "
            "alone by Friday.",
            "Your review comments on the {team} intern's pull requests explain the why; his "
            "second one needed no changes.",
        ),
    ),
    Strength(
        "Design docs that settle debates",
        (
            "The {team} storage doc laid out three options with their costs; the review took "
            "20 minutes instead of the usual two meetings.",
            "Your one-page decision record ended a month of back-and-forth on API versioning.",
        ),
    ),
    Strength(
        "Trusted partner to product",
        (
            "Product asked for you by name for the pricing discovery; your prototype killed a "
            "bad idea in a week.",
            "Brought the {team} trade-offs to the roadmap review as options, not objections; "
            "product took two of the three.",
        ),
    ),
    Strength(
        "Ships small, steady, reversible changes",
        (
            "Broke the {team} migration into twelve reversible steps; none needed a rollback.",
            "Forty small pull requests this month and not one Friday deploy scramble.",
        ),
    ),
    Strength(
        "Raises the hiring bar",
        (
            "Your interview write-ups are specific and kind; the hiring committee quotes them.",
            "Redesigned the {team} take-home; strong candidates now finish it and say so.",
        ),
    ),
    Strength(
        "Simplifies systems others avoid",
        (
            "Deleted the legacy job scheduler nobody dared touch; pages from it went to zero.",
            "Your rewrite of the {team} config loader cut build time by a third.",
        ),
    ),
    Strength(
        "Brings the customer into every decision",
        (
            "Joined three support calls before designing the export; the first version did what "
            "customers had asked for.",
            "Quoted real tickets in {team} planning; the team moved the error messages up the "
            "list and support volume dropped.",
        ),
    ),
    Strength(
        "Makes retros safe and useful",
        (
            "Your {team} retro format got the quiet engineers talking; two process fixes came "
            "out of it.",
            "Owned your own mistake first in the incident retro; others followed and the review "
            "stayed blameless.",
        ),
    ),
    Strength(
        "Deep expertise people seek out",
        (
            "Three teams asked for your review of their {team} integration this month; each "
            "review found a real bug.",
            "Explained the consistency model at the guild in plain words; the questions "
            "afterwards were good ones.",
        ),
    ),
)

# The manager's own notes: kept private, never linked from a T3B3.
PRIVATE_NOTES = (
    (
        FeedbackKind.GROWTH,
        "Held back in the architecture forum again; find out whether it is confidence or "
        "missing context before saying anything.",
    ),
    (
        FeedbackKind.GROWTH,
        "A skip-level said they come across as curt in cross-team threads; read a few myself "
        "before raising it.",
    ),
    (
        FeedbackKind.STRENGTH,
        "The product director praised their judgement to me unprompted; pass it on once I have "
        "a concrete example.",
    ),
    (
        FeedbackKind.STRENGTH,
        "Calibration note: the strongest case in the group for the next level this cycle.",
    ),
)

# Feedback is written up at the end of the day it was seen.
WRITTEN_AT = time(17, 30)

# T3B3 fill for a current-half draft: (Top items, Bottom items).
DRAFT_FILLS = ((2, 2), (3, 1), (2, 2), (3, 2), (1, 1))


class _Held(NamedTuple):
    session_id: int
    series_id: int
    held_on: date


class _Given(NamedTuple):
    """A feedback entry written by the demo: its id and what a link needs."""

    id: int
    on: date
    text: str


class _Plan(NamedTuple):
    """What the demo writes for one report."""

    previous: str  # "in person", "not in person", "text removed" or "none"
    current: str  # "delivered", "ready", "draft" or "not started"
    quiet: bool
    surprise: bool  # one Bottom item left unlinked this half


def _plans(rng: random.Random, reports: list[Person], previous_last: date) -> dict[int, _Plan]:
    """Spread the T3B3 states over the reports so every state shows."""
    order = list(reports)
    rng.shuffle(order)
    # Last half's T3B3 needs a couple of months in that half to be believable.
    eligible = [
        p for p in order if (p.started_on or date.min) <= previous_last - timedelta(days=60)
    ]
    previous = {p.id: "in person" for p in eligible}
    for person, how in zip(eligible, ("not in person", "text removed"), strict=False):
        previous[person.id] = how
    plans: dict[int, _Plan] = {}
    drafts = ready = 0
    quiet_count = 1 if len(order) < 6 else 2
    for index, person in enumerate(order):
        if index == 0:
            current = "delivered"
        elif index == 1:
            current = "not started"
        else:
            current = "ready" if index % 2 == 0 else "draft"
        # The quiet ones come last in the shuffled order; the delivered one is never quiet.
        quiet = index > 0 and index >= len(order) - quiet_count
        surprise = (current == "ready" and ready == 0) or (current == "draft" and drafts == 0)
        ready += current == "ready"
        drafts += current == "draft"
        plans[person.id] = _Plan(previous.get(person.id, "none"), current, quiet, surprise)
    return plans


def seed_feedback(db: Store, today: date, seed: int, start_month: int = 1) -> tuple[int, int]:
    """Feedback over the previous and the current half and a T3B3 for each, for every
    active report of the demo team. Returns (feedback entries, T3B3s) written."""
    rng = random.Random(f"feedback-{seed}")
    reports = [p for p in PeopleRepository(db).list() if p.relation is Relation.REPORT]
    if not reports:
        return 0, 0
    current = half_of(today, start_month)
    previous = current.previous()
    first, previous_last = previous.bounds(start_month)
    held, points = _held_sessions(db, first, today)
    writer = _Writer(db, rng, held, points)
    plans = _plans(rng, reports, previous_last)
    t3b3s = 0
    for person in reports:
        t3b3s += writer.person(person, plans[person.id], previous, current, today, start_month)
    return writer.written, t3b3s


def _held_sessions(
    db: Store, first: date, today: date
) -> tuple[dict[int, list[_Held]], dict[tuple[int, str], list[_Given]]]:
    """Each person's 1:1s held between two days, oldest first, and the talking points
    raised in them that name an area to grow, by (person id, text)."""
    topics = {g.topic for g in GROWTH if g.topic}
    repo = OneOnOneRepository(db)
    held: dict[int, list[_Held]] = {}
    points: dict[tuple[int, str], list[_Given]] = {}
    for series in repo.all_series():
        sessions = repo.held_between(series.id, first, today)
        if not sessions:
            continue
        held[series.person_id] = [_Held(s.id, s.series_id, s.held_on) for s in sessions]
        held_on = {s.id: s.held_on for s in sessions}
        raised = [
            _Given(p.id, held_on[p.session_id], p.text)
            for p in repo.points_in_sessions(list(held_on))
            if p.text in topics and p.session_id is not None
        ]
        for point in sorted(raised, key=lambda given: (given.on, given.id)):
            points.setdefault((series.person_id, point.text), []).append(point)
    return held, points


class _Writer:
    """Writes one report's two halves: dated feedback, then the T3B3 that draws on it."""

    def __init__(
        self,
        db: Store,
        rng: random.Random,
        held: dict[int, list[_Held]],
        points: dict[tuple[int, str], list[_Given]],
    ) -> None:
        self.rng = rng
        self.held = held
        self.points = points
        self.feedback = FeedbackRepository(db)
        self.t3b3s = T3B3Repository(db)
        self.written = 0
        self.used: set[tuple[int, str]] = set()

    def person(
        self, person: Person, plan: _Plan, previous: Half, current: Half, today: date, start: int
    ) -> int:
        """Both halves for one report; returns how many T3B3s were written."""
        rng = self.rng
        first, last = previous.bounds(start)
        joined = (person.started_on or first) + timedelta(days=7)
        t3b3s = 0
        earlier_areas = rng.sample(GROWTH, 3)
        earlier_given: dict[Growth, _Given] = {}
        if plan.previous != "none":
            handed = self._delivery_day(person, last - timedelta(days=28), last)
            tops = rng.sample(STRENGTHS, 3)
            earlier_given = self._observe(
                person, max(first, joined), handed - timedelta(days=3), tops, earlier_areas
            )
            bottoms = [
                (g.earlier, self._link(person, g, earlier_given, handed)) for g in earlier_areas
            ]
            self._t3b3(
                person,
                previous,
                [s.item for s in tops],
                bottoms,
                handed,
                in_person=plan.previous != "not in person",
                remove_text=plan.previous == "text removed",
            )
            t3b3s += 1
        elif joined <= last:
            # Joined late in the half: a first impression, no T3B3 yet.
            self._observe(person, joined, last, rng.sample(STRENGTHS, 1), [])

        # This half: one or two of last half's areas persist (their words carry over),
        # the rest closed and new ones took their place.
        carried = rng.choice((1, 1, 2)) if plan.previous in ("in person", "not in person") else 0
        fresh = rng.sample([g for g in GROWTH if g not in earlier_areas], 3 - carried)
        areas = earlier_areas[:carried] + fresh
        tops = rng.sample(STRENGTHS, 3)
        unlinked = fresh[-1] if plan.surprise else None
        lo = max(current.bounds(start)[0], joined)
        delivered: date | None = None
        if plan.current == "delivered":
            delivered = self._delivery_day(person, today - timedelta(days=28), today)
            hi = delivered - timedelta(days=3)
        elif plan.quiet:
            hi = today - timedelta(days=QUIET_DAYS + 1 + rng.randint(0, 20))
        else:
            hi = today
        given = self._observe(person, lo, hi, tops, [g for g in areas if g is not unlinked])
        if not plan.quiet:
            # Something noticed in the last few weeks, so only the quiet ones show as quiet.
            recent = today - timedelta(days=rng.randint(1, 21))
            strength = rng.choice(tops)
            self._give(person, FeedbackKind.STRENGTH, strength.observed, recent, recent)
        if plan.current == "not started":
            return t3b3s
        top_count, bottom_count = (3, 3) if plan.current != "draft" else rng.choice(DRAFT_FILLS)
        listed = areas[:bottom_count]
        if unlinked is not None and unlinked not in listed:
            listed[-1] = unlinked  # a short draft still shows its surprise
        evidence = {**earlier_given, **given}
        by = delivered or today
        bottoms = [
            (
                g.persisting if g in earlier_areas[:carried] else g.earlier,
                None if g is unlinked else self._link(person, g, evidence, by),
            )
            for g in listed
        ]
        self._t3b3(
            person,
            current,
            [s.item for s in tops[:top_count]],
            bottoms,
            delivered,
            in_person=True,
            remove_text=False,
        )
        return t3b3s + 1

    def _observe(
        self,
        person: Person,
        lo: date,
        hi: date,
        strengths: list[Strength],
        areas: list[Growth],
    ) -> dict[Growth, _Given]:
        """Feedback between two days: each strength and each area to grow observed once,
        and now and then a private note of the manager's own. Nothing if the window is
        empty (someone who joined only lately)."""
        if hi < lo:
            return {}
        for strength in strengths:
            self._give(person, FeedbackKind.STRENGTH, strength.observed, lo, hi)
        given = {
            area: self._give(person, FeedbackKind.GROWTH, area.observed, lo, hi) for area in areas
        }
        if self.rng.random() < 0.5:
            kind = self.rng.choice(list(FeedbackKind))
            notes = tuple(text for k, text in PRIVATE_NOTES if k is kind)
            self._give(person, kind, notes, lo, hi, Visibility.PRIVATE)
        return given

    def _day(self, person: Person, lo: date, hi: date) -> tuple[date, _Held | None]:
        """A day between ``lo`` and ``hi``; often one of the person's held 1:1s."""
        sessions = [h for h in self.held.get(person.id, []) if lo <= h.held_on <= hi]
        if sessions and self.rng.random() < 0.45:
            session = self.rng.choice(sessions)
            return session.held_on, session
        day = lo + timedelta(days=self.rng.randint(0, max(0, (hi - lo).days)))
        if day.weekday() > 4 and day - timedelta(days=day.weekday() - 4) >= lo:
            day -= timedelta(days=day.weekday() - 4)  # observed at work: the Friday before
        return day, None

    def _give(
        self,
        person: Person,
        kind: FeedbackKind,
        texts: tuple[str, ...],
        lo: date,
        hi: date,
        visibility: Visibility = Visibility.SHARED,
    ) -> _Given:
        """One entry, in words this person has not had from the demo yet where possible."""
        team = person.team or "team"
        options = [t.format(team=team) for t in texts]
        unused = [t for t in options if (person.id, t) not in self.used]
        text = self.rng.choice(unused or options)
        self.used.add((person.id, text))
        on, session = self._day(person, lo, hi)
        entry = self.feedback.insert(
            Feedback(
                0,
                person.id,
                on,
                kind,
                text,
                visibility,
                session.series_id if session else None,
                session.session_id if session else None,
            ),
            datetime.combine(on, WRITTEN_AT),
        )
        self.written += 1
        return _Given(entry.id, on, text)

    def _delivery_day(self, person: Person, lo: date, hi: date) -> date:
        """Delivered in person, so on a held 1:1 when there is one."""
        sessions = [h.held_on for h in self.held.get(person.id, []) if lo <= h.held_on <= hi]
        if sessions:
            return self.rng.choice(sessions)
        return hi - timedelta(days=self.rng.randint(1, 6))

    def _link(
        self, person: Person, area: Growth, given: dict[Growth, _Given], by: date
    ) -> Evidence | None:
        """What a Bottom item points to: the 1:1 point that raised it, or the feedback."""
        if area.topic and self.rng.random() < 0.4:
            raised = [p for p in self.points.get((person.id, area.topic), []) if p.on <= by]
            if raised:
                point = raised[-1]
                shared = Visibility.SHARED
                return Evidence(EvidenceKind.POINT, point.id, point.on, point.text, shared)
        entry = given.get(area)
        if entry is None or entry.on > by:
            return None
        return Evidence(EvidenceKind.FEEDBACK, entry.id, entry.on, entry.text, Visibility.SHARED)

    def _t3b3(
        self,
        person: Person,
        half: Half,
        tops: list[str],
        bottoms: list[tuple[str, Evidence | None]],
        delivered: date | None,
        *,
        in_person: bool,
        remove_text: bool,
    ) -> None:
        """The lists with their Bottom items linked, delivered when the plan says so; a
        T3B3 delivered with "remove text" keeps only the fact, as delivery leaves it."""
        text_removed = remove_text and delivered is not None
        items = [
            T3B3Item(0, T3B3Side.TOP, rank, text, None, None)
            for rank, text in enumerate(tops, start=1)
        ] + [
            T3B3Item(0, T3B3Side.BOTTOM, rank, text, *_link_ids(evidence))
            for rank, (text, evidence) in enumerate(bottoms, start=1)
        ]
        self.t3b3s.insert(
            T3B3(
                0,
                person.id,
                half.label,
                () if text_removed else tuple(items),
                delivered,
                None if delivered is None else in_person,
                remove_text,
                text_removed,
            )
        )


def _link_ids(evidence: Evidence | None) -> tuple[int | None, int | None]:
    """A Bottom item's (feedback id, point id) for what it links to."""
    if evidence is None:
        return None, None
    if evidence.kind is EvidenceKind.FEEDBACK:
        return evidence.id, None
    return None, evidence.id
