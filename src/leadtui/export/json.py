"""Every ``--json`` document the command line prints, shaped in one place.

Each document and each record in it is a TypedDict here (``*Doc`` and the records
inside them): the functions take typed records and return plain dicts and lists of
those types, dates as ISO text, enums as their values, a number field always a float
(``2.0``) and an id always an int. TypedDicts cost nothing at run time (a --json
command starts as fast as before); pydantic reads the same types to give the JSON Schema
of each document (:data:`DOCUMENTS`, shipped in docs/schemas/). The keys and their order
are a contract with scripts; tests check every output against its schema with a
validator that tells 2 from 2.0.

Conventions every document keeps:

- a person named in a document is ``{"id": 3, "name": "Sam Lee"}`` (:class:`PersonRef`),
  or null where nobody is (an open seat, a skipped meeting, a note about no one);
- a command's document has one shape whatever its arguments (``rotation show NAME``
  is the list of all capacities narrowed to one);
- dates are ISO text (``YYYY-MM-DD``); nothing is omitted, an absent value is null.

Documents with shared and private parts take an
:class:`~leadtui.domain.privacy.Audience` (the user's own terminal: private, the
default) and keep only what :func:`~leadtui.domain.privacy.reaches` it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated, Any, Literal, overload

# pydantic builds schemas only from typing_extensions' TypedDict on Python 3.11.
from typing_extensions import TypedDict

from leadtui.domain.oneonones import carried_too_long
from leadtui.domain.privacy import Audience, Topic, Visibility, reaches
from leadtui.domain.reviews import T3B3Side

if TYPE_CHECKING:
    from datetime import date

    from leadtui.domain.calendar import CalendarRead
    from leadtui.domain.context_input import PersonContext
    from leadtui.domain.energy import EnergizingWork, EnergyEntry, EnergyThresholds, EnergyVerdict
    from leadtui.domain.people import Person
    from leadtui.domain.reviews import Evidence, Feedback, T3B3Item
    from leadtui.domain.team_energy_input import Observation
    from leadtui.domain.templates_input import TemplateDraft
    from leadtui.services.calendar_import import ImportPlan
    from leadtui.services.hosts import HostSchedule
    from leadtui.services.oneonones import RunningDocument
    from leadtui.services.reviews import T3B3View
    from leadtui.services.rotations import CapacitySchedule
    from leadtui.services.search import SearchHit
    from leadtui.services.succession import PersonSuccession, SuccessionOverview
    from leadtui.services.team_energy import TeamEnergy
    from leadtui.services.today import TodayDigest
    from leadtui.services.undo import Change


class _Format:
    """A JSON Schema ``format`` for a text field, read by pydantic when it writes the
    schemas (``__get_pydantic_json_schema__``); nothing at run time."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> Any:
        schema = handler(core_schema)
        schema["format"] = self.name
        return schema


# A day as ISO text, YYYY-MM-DD.
IsoDate = Annotated[str, _Format("date")]


class _OneOf:
    """The values an enumerated text field takes, listed in its JSON Schema (``enum``)
    from the domain's enum named ``module:Class``; imported only when the schemas are
    written, so a --json command loads no more of the domain than it uses."""

    def __init__(self, where: str) -> None:
        self.where = where

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> Any:
        import importlib

        module, name = self.where.split(":")
        schema = handler(core_schema)
        schema["enum"] = [member.value for member in getattr(importlib.import_module(module), name)]
        return schema


# Enumerated fields: the domain enum's value, as text.
RelationText = Annotated[str, _OneOf("leadtui.domain.people:Relation")]
VisibilityText = Annotated[str, _OneOf("leadtui.domain.privacy:Visibility")]
EnergyStateText = Annotated[str, _OneOf("leadtui.domain.energy:EnergyState")]
DayKindText = Annotated[str, _OneOf("leadtui.domain.energy:DayKind")]
WorkKindText = Annotated[str, _OneOf("leadtui.domain.energy:WorkKind")]
SideText = Annotated[str, _OneOf("leadtui.domain.oneonones:Side")]
PointStatusText = Annotated[str, _OneOf("leadtui.domain.oneonones:PointStatus")]
PointKindText = Annotated[str, _OneOf("leadtui.domain.oneonones:PointKind")]
SeriesStatusText = Annotated[str, _OneOf("leadtui.domain.oneonones:SeriesStatus")]
FeedbackKindText = Annotated[str, _OneOf("leadtui.domain.reviews:FeedbackKind")]
EvidenceKindText = Annotated[str, _OneOf("leadtui.domain.reviews:EvidenceKind")]
T3B3StatusText = Annotated[str, _OneOf("leadtui.domain.reviews:T3B3Status")]
RotationCheckText = Annotated[str, _OneOf("leadtui.domain.rotations:Check")]
GapStatusText = Annotated[str, _OneOf("leadtui.domain.succession:GapStatus")]
ReadinessText = Annotated[str, _OneOf("leadtui.domain.succession:Readiness")]
CareerStatusText = Annotated[str, _OneOf("leadtui.domain.succession:CareerStatus")]
SuccessionCheckText = Annotated[str, _OneOf("leadtui.domain.succession:CheckCode")]
CeoKindText = Annotated[str, _OneOf("leadtui.domain.succession:CeoKind")]
MeetingKindText = Annotated[str, _OneOf("leadtui.domain.succession:MeetingKind")]
MeetingRoleText = Annotated[str, _OneOf("leadtui.domain.succession:MeetingRole")]
DecisionText = Annotated[str, _OneOf("leadtui.domain.succession:AuditDecision")]
SearchKindText = Annotated[str, _OneOf("leadtui.domain.search:SearchKind")]


@overload
def _iso(day: date) -> str: ...
@overload
def _iso(day: date | None) -> str | None: ...
def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def dumps(document: object, *, ascii_only: bool = False) -> str:
    """The document as one line of JSON, non-ASCII text kept as typed (or, with
    ``ascii_only``, written as ``\\u`` escapes for an output that cannot carry it)."""
    return json.dumps(document, ensure_ascii=ascii_only)


class PersonRef(TypedDict):
    """A person a document names: the id the command line accepts as PERSON, and the name."""

    id: int
    name: str


def _ref(person_id: int | None, names: dict[int, str]) -> PersonRef | None:
    """The person ``person_id`` names in ``names``, or None for nobody."""
    if person_id is None:
        return None
    return PersonRef(id=person_id, name=names.get(person_id, "?"))


# --- people ---------------------------------------------------------------------------


class PersonRecord(TypedDict):
    """One person: every field (``people list --json`` items)."""

    id: int
    name: str
    relation: RelationText
    title: str | None
    level: str | None
    team: str | None
    started_on: IsoDate | None
    archived_on: IsoDate | None
    email: str | None


def person_json(person: Person) -> PersonRecord:
    """One person: every field, dates as ISO text (``people list --json`` items)."""
    return PersonRecord(
        id=person.id,
        name=person.name,
        relation=person.relation.value,
        title=person.title,
        level=person.level,
        team=person.team,
        started_on=_iso(person.started_on),
        archived_on=_iso(person.archived_on),
        email=person.email,
    )


def people_json(people: Sequence[Person]) -> list[PersonRecord]:
    """``leadtui people list --json``."""
    return [person_json(p) for p in people]


# --- energy (private by nature: the user's own terminal only) -------------------------


class EnergyDay(TypedDict):
    """One day of the energy journal and its kind under the user's thresholds."""

    day: IsoDate
    level: int
    kind: DayKindText
    note: str | None
    energized_by: list[str]
    drained_by: list[str]


def energy_entries_json(
    entries: Sequence[EnergyEntry], thresholds: EnergyThresholds
) -> list[EnergyDay]:
    """``leadtui energy show --json``: the days, each with its kind under the thresholds."""
    from leadtui.domain.energy import level_kind

    return [
        EnergyDay(
            day=_iso(e.day),
            level=e.level,
            kind=level_kind(e.level, thresholds).value,
            note=e.note,
            energized_by=list(e.energized_by),
            drained_by=list(e.drained_by),
        )
        for e in entries
    ]


class DayDefinitions(TypedDict):
    """The levels that make a good and a drained day."""

    good_day: int
    drained_day: int


class EnergyCheckDoc(TypedDict):
    """``energy check --json``: the verdict, the numbers behind it, the warnings."""

    state: EnergyStateText
    reason: str
    prescription: str
    today: IsoDate
    window_days: int
    window_start: IsoDate
    entries: int
    min_entries: int
    good_days: int
    drained_days: int
    mean: float | None
    months_deenergized: int
    months_judged: int
    definitions: DayDefinitions
    energizing_hours_this_month: float
    energizing_hours_last_month: float
    warnings: list[str]


def energy_verdict_json(verdict: EnergyVerdict) -> EnergyCheckDoc:
    """``leadtui energy check --json``: the verdict, the numbers behind it, the warnings."""
    balance = verdict.balance
    return EnergyCheckDoc(
        state=verdict.state.value,
        reason=verdict.reason,
        prescription=verdict.prescription,
        today=_iso(verdict.today),
        window_days=verdict.thresholds.window_days,
        window_start=_iso(verdict.window.start),
        entries=verdict.window.entries,
        min_entries=verdict.thresholds.min_entries,
        good_days=verdict.window.good_days,
        drained_days=verdict.window.drained_days,
        mean=None if verdict.window.mean is None else float(verdict.window.mean),
        months_deenergized=verdict.months_deenergized,
        months_judged=verdict.months_judged,
        definitions=DayDefinitions(
            good_day=verdict.thresholds.good_day,
            drained_day=verdict.thresholds.drained_day,
        ),
        energizing_hours_this_month=float(balance.hours_this_month) if balance else 0.0,
        energizing_hours_last_month=float(balance.hours_last_month) if balance else 0.0,
        warnings=list(balance.warnings) if balance else [],
    )


class EnergizingWorkItem(TypedDict):
    """One piece of energizing work."""

    id: int
    title: str
    day: IsoDate
    hours: float
    kind: WorkKindText
    creates_work_for_other_teams: bool


def energizing_work_json(work: Sequence[EnergizingWork]) -> list[EnergizingWorkItem]:
    """``leadtui energy work list --json``."""
    return [
        EnergizingWorkItem(
            id=w.id,
            title=w.title,
            day=_iso(w.day),
            hours=float(w.hours),
            kind=w.kind.value,
            creates_work_for_other_teams=w.creates_work_for_other_teams,
        )
        for w in work
    ]


# --- one-on-ones ----------------------------------------------------------------------


class TalkingPoint(TypedDict):
    """A talking point of the next session."""

    id: int
    text: str
    raised_by: SideText
    visibility: VisibilityText
    status: PointStatusText
    recurring: bool
    carried: int  # how many sessions it has been carried over
    # "An hour is enough time to dig deep into two or three meaningful problems."
    deep: bool
    carried_too_long: bool  # carried over three or more times: put off, not discussed
    # Taken from the prompt tray (null: written freely).
    kind: PointKindText | None


class ActionItem(TypedDict):
    """An action item of the 1:1."""

    id: int
    text: str
    owner: SideText
    due_on: IsoDate | None
    done_on: IsoDate | None
    carried: int  # how many sessions it has been carried over


class LastSession(TypedDict):
    """The last held session's notes; a note that does not reach the audience is null."""

    held_on: IsoDate
    shared_notes: str | None
    private_notes: str | None


class OneOnOneDoc(TypedDict):
    """``1on1 show --json``: the next session and the last one's notes."""

    person: PersonRef
    series: str
    status: SeriesStatusText
    next_session: IsoDate | None
    overdue: bool
    points: list[TalkingPoint]
    actions: list[ActionItem]
    last_session: LastSession | None
    # More than three deep points, or none: "an hour is enough time to dig deep into two
    # or three meaningful problems". Null when fine, and outside the private view (the
    # count would tell of private points).
    depth_warning: str | None


def running_document_json(
    doc: RunningDocument, audience: Audience = Audience.PRIVATE
) -> OneOnOneDoc:
    """``leadtui 1on1 show --json``: the next session and the last one's notes.

    The private view (the default) carries everything; another audience gets only
    the points, actions and notes that reach it (a note that does not is null).
    """
    last = doc.sessions[0][0] if doc.sessions else None

    def note(text: str, visibility: Visibility) -> str | None:
        return text if reaches(visibility, Topic.ONE_ON_ONE, audience) else None

    return OneOnOneDoc(
        person=PersonRef(id=doc.person.id, name=doc.person.name),
        series=doc.series.describe(),
        status=doc.series.status.value,
        next_session=_iso(doc.next_on),
        overdue=doc.overdue,
        points=[
            TalkingPoint(
                id=p.id,
                text=p.text,
                raised_by=p.raised_by.value,
                visibility=p.visibility.value,
                status=p.status.value,
                recurring=p.recurring,
                carried=p.carried,
                deep=p.deep,
                carried_too_long=carried_too_long(p),
                kind=p.kind.value if p.kind is not None else None,
            )
            for p in doc.points
            if reaches(p.visibility, Topic.ONE_ON_ONE, audience)
        ],
        actions=[
            ActionItem(
                id=a.id,
                text=a.text,
                owner=a.owner.value,
                due_on=_iso(a.due_on),
                done_on=_iso(a.done_on),
                carried=a.carried,
            )
            for a in doc.actions
            if reaches(a.visibility, Topic.ONE_ON_ONE, audience)
        ],
        last_session=LastSession(
            held_on=_iso(last.held_on),
            shared_notes=note(last.shared_notes, Visibility.SHARED),
            private_notes=note(last.private_notes, Visibility.PRIVATE),
        )
        if last
        else None,
        depth_warning=doc.depth_warning if audience is Audience.PRIVATE else None,
    )


# --- feedback and T3B3 ----------------------------------------------------------------


class FeedbackEntry(TypedDict):
    """One feedback entry."""

    id: int
    given_on: IsoDate
    kind: FeedbackKindText
    visibility: VisibilityText
    text: str
    session_id: int | None


def feedback_json(
    entries: Sequence[Feedback], audience: Audience = Audience.PRIVATE
) -> list[FeedbackEntry]:
    """``leadtui feedback list --json``: the entries that reach ``audience`` (all, privately)."""
    return [
        FeedbackEntry(
            id=f.id,
            given_on=_iso(f.given_on),
            kind=f.kind.value,
            visibility=f.visibility.value,
            text=f.text,
            session_id=f.session_id,
        )
        for f in entries
        if reaches(f.visibility, Topic.FEEDBACK, audience)
    ]


def _evidence_reaches(e: Evidence, audience: Audience) -> bool:
    topic = Topic.FEEDBACK if e.kind == "feedback" else Topic.ONE_ON_ONE
    return reaches(e.visibility, topic, audience)


class EvidenceLink(TypedDict):
    """What a Bottom item is linked to: feedback or a 1:1 point, and its day."""

    kind: EvidenceKindText
    id: int
    on: IsoDate


class EvidenceSuggestion(TypedDict):
    """Earlier feedback or a 1:1 point a Bottom item could link to."""

    kind: EvidenceKindText
    id: int
    on: IsoDate
    text: str


class T3B3Entry(TypedDict):
    """One Top or Bottom item; ``surprise`` when a Bottom item was never raised before."""

    id: int
    rank: int
    text: str
    linked_to: EvidenceLink | None
    surprise: bool
    suggestions: list[EvidenceSuggestion]


class CarriedArea(TypedDict):
    """Last half's area to grow and whether it is still on this half's list."""

    text: str
    persists: bool


class PreviousHalf(TypedDict):
    """Last half's T3B3 as this one carries it."""

    half: str
    status: T3B3StatusText
    areas: list[CarriedArea]


class T3B3Doc(TypedDict):
    """``t3b3 show --json``: the six items, their evidence, last half's areas."""

    person: PersonRef
    half: str
    status: T3B3StatusText
    filled: int
    top: list[T3B3Entry]
    bottom: list[T3B3Entry]
    delivered_on: IsoDate | None
    in_person: bool | None
    remove_text_after_delivery: bool
    text_removed: bool
    overdue: bool
    dismissed_on: IsoDate | None
    previous_half: PreviousHalf


def t3b3_json(view: T3B3View, audience: Audience = Audience.PRIVATE) -> T3B3Doc:
    """``leadtui t3b3 show --json``: the six items, their evidence, last half's areas.

    The items reach only you; another audience gets the record's state and dates
    with empty lists.
    """

    def item(i: T3B3Item) -> T3B3Entry:
        link = view.linked.get(i.id)
        return T3B3Entry(
            id=i.id,
            rank=i.rank,
            text=i.text,
            linked_to=EvidenceLink(kind=link.kind, id=link.id, on=_iso(link.on)) if link else None,
            # The domain's one rule, as the board, the app and the packet read it.
            surprise=i.side is T3B3Side.BOTTOM and not i.raised,
            suggestions=[
                EvidenceSuggestion(kind=e.kind, id=e.id, on=_iso(e.on), text=e.text)
                for e in view.suggestions.get(i.id, [])
                if _evidence_reaches(e, audience)
            ],
        )

    def side(which: T3B3Side) -> list[T3B3Entry]:
        return [item(i) for i in t.side(which) if reaches(i.visibility, Topic.T3B3_ITEM, audience)]

    t = view.t3b3
    return T3B3Doc(
        person=PersonRef(id=view.person.id, name=view.person.name),
        half=view.half.label,
        status=t.status.value,
        filled=t.filled,
        top=side(T3B3Side.TOP),
        bottom=side(T3B3Side.BOTTOM),
        delivered_on=_iso(t.delivered_on),
        in_person=t.in_person,
        remove_text_after_delivery=t.remove_text,
        text_removed=t.text_removed,
        overdue=view.overdue,
        dismissed_on=_iso(t.dismissed_on),
        previous_half=PreviousHalf(
            half=view.previous.half,
            status=view.previous.status.value,
            areas=[
                CarriedArea(text=c.previous.text, persists=c.persists)
                for c in view.carried
                if reaches(c.previous.visibility, Topic.T3B3_ITEM, audience)
            ],
        ),
    )


# --- rotations (team text: nothing private is in them) ---------------------------------


class CapacityItem(TypedDict):
    """One capacity in ``rotation list``: its settings, who serves it today (open seats
    left out) and its roster."""

    name: str
    active: bool
    term_months: int
    seats: int
    offset_months: int
    starts_on: IsoDate
    serving: list[PersonRef]
    roster: list[PersonRef]


def capacities_json(found: Sequence[CapacitySchedule], today: date) -> list[CapacityItem]:
    """``leadtui rotation list --json``: every capacity, who serves it today (open seats
    left out) and its roster."""
    return [
        {
            "name": s.capacity.name,
            "active": s.capacity.active,
            "term_months": s.capacity.term_months,
            "seats": s.capacity.seats,
            "offset_months": s.capacity.offset_months,
            "starts_on": s.capacity.starts_on.isoformat(),
            # Open seats are left out: only people serve.
            "serving": [
                PersonRef(id=g.person_id, name=s.name_of(g.person_id))
                for g in s.segments
                if g.covers(today) and g.person_id
            ],
            "roster": [PersonRef(id=m.person_id, name=s.name_of(m.person_id)) for m in s.members],
        }
        for s in found
    ]


class RotationStretch(TypedDict):
    """Who serves a seat from ``starts`` to ``ends`` (inclusive); ``person`` null for an
    open seat. A term an assignment, a cut or a swap changed is split into stretches;
    ``term_starts`` and ``term_ends`` are the whole term's days."""

    seat: int
    person: PersonRef | None
    starts: IsoDate
    ends: IsoDate
    term_starts: IsoDate
    term_ends: IsoDate


class RotationWarningItem(TypedDict):
    """One failed check of a capacity."""

    check: RotationCheckText
    on: IsoDate
    text: str


class RotationDoc(TypedDict):
    """One capacity: its settings, its stretches from today to the horizon, its warnings."""

    name: str
    term_months: int
    seats: int
    offset_months: int
    starts_on: IsoDate
    exposure: str | None
    active: bool
    terms: list[RotationStretch]
    warnings: list[RotationWarningItem]


def rotation_json(schedule: CapacitySchedule, today: date, until: date) -> RotationDoc:
    """One capacity of ``leadtui rotation show --json``: its terms from today to ``until``
    (ISO dates, ``ends`` inclusive; ``person`` null for an open seat) and its warnings."""
    c = schedule.capacity
    return RotationDoc(
        name=c.name,
        term_months=c.term_months,
        seats=c.seats,
        offset_months=c.offset_months,
        starts_on=_iso(c.starts_on),
        exposure=c.exposure,
        active=c.active,
        terms=[
            RotationStretch(
                seat=s.seat,
                person=_ref(s.person_id, schedule.names),
                starts=_iso(s.starts),
                ends=_iso(s.ends),
                term_starts=_iso(s.term.starts),
                term_ends=_iso(s.term.ends),
            )
            for s in schedule.upcoming(today, until)
        ],
        warnings=[
            RotationWarningItem(check=w.check.value, on=_iso(w.on), text=w.text)
            for w in schedule.warnings
        ],
    )


def rotations_json(
    schedules: Sequence[CapacitySchedule], today: date, until: date
) -> list[RotationDoc]:
    """``leadtui rotation show [NAME] --json``: every capacity shown (one when named)."""
    return [rotation_json(s, today, until) for s in schedules]


class HostMeetingItem(TypedDict):
    """One weekly leadership meeting: its day and time, its host (null when skipped), and
    whether the week is skipped or its host swapped with another week's."""

    date: IsoDate
    time: str
    minutes: int
    host: PersonRef | None
    skipped: bool
    swapped: bool


def hosts_json(hosts: HostSchedule) -> list[HostMeetingItem]:
    """``leadtui host show --json``: each meeting's ISO date and host, skips and swaps marked."""
    return [
        HostMeetingItem(
            date=_iso(m.on),
            time=m.at_time,
            minutes=m.minutes,
            host=_ref(m.person_id, hosts.names),
            skipped=m.skipped,
            swapped=m.swapped,
        )
        for m in hosts.meetings
    ]


# --- succession -----------------------------------------------------------------------


class GapChangeItem(TypedDict):
    """A gap's status from a day."""

    on: IsoDate
    status: GapStatusText


class GapItem(TypedDict):
    """What a report is missing to thrive in your role, with its evidence and history."""

    number: int
    text: str
    status: GapStatusText
    noted_on: IsoDate
    visibility: VisibilityText
    feedback_id: int | None
    point_id: int | None
    changes: list[GapChangeItem]


class FocusItem(TypedDict):
    """A focus area agreed for a half (``gap_id``: the gap it was taken from)."""

    id: int
    half: str
    text: str
    gap_id: int | None
    agreed_on: IsoDate


class CandidateItem(TypedDict):
    """A report on the bench."""

    readiness: ReadinessText
    pending: str | None
    interim: bool
    reviewed_on: IsoDate
    designated_on: IsoDate


class MilestoneItem(TypedDict):
    """A step of a career path."""

    text: str
    target_on: IsoDate | None
    met_on: IsoDate | None


class CareerItem(TypedDict):
    """A career path for a report who wants your job."""

    goal: str | None
    status: CareerStatusText
    aligned_up_on: IsoDate | None
    milestones: list[MilestoneItem]
    test_run: str | None
    test_result: str | None


class SuccessionPerson(TypedDict):
    """One report's succession record (``candidate`` null when not on the bench)."""

    person: PersonRef
    gaps: list[GapItem]
    focus: list[FocusItem]
    candidate: CandidateItem | None
    last_ceo_mention: IsoDate | None
    career: CareerItem | None


class SuccessionWarningItem(TypedDict):
    """One succession check that failed, and whom it is about (null: the whole bench)."""

    code: SuccessionCheckText
    text: str
    person: PersonRef | None


class CeoNoteItem(TypedDict):
    """Growth raised with your manager or CEO (``person`` null: about no one in particular)."""

    id: int
    on: IsoDate
    person: PersonRef | None
    kind: CeoKindText
    visibility: VisibilityText
    text: str


class SuccessionDoc(TypedDict):
    """``succession show --json``: the checks, each report's record, the CEO log."""

    today: IsoDate
    half: str
    quarter: str
    warnings: list[SuccessionWarningItem]
    people: list[SuccessionPerson]
    ceo_log: list[CeoNoteItem]


def succession_json(
    overview: SuccessionOverview,
    rows: Sequence[PersonSuccession] | None = None,
    audience: Audience = Audience.PRIVATE,
) -> SuccessionDoc:
    """``leadtui succession show --json``: the checks as "warnings" and, per report,
    "gaps", "focus" and "candidate" (null when not on the bench), with what reaches
    ``audience`` (everything on your own terminal)."""
    shown = overview.rows if rows is None else rows
    names = {pid: p.name for pid, p in overview.people.items()}

    def person(row: PersonSuccession) -> SuccessionPerson:
        c = row.candidate
        plan = row.plan
        return SuccessionPerson(
            person=PersonRef(id=row.person.id, name=row.person.name),
            gaps=[
                GapItem(
                    number=g.number,
                    text=g.text,
                    status=g.status.value,
                    noted_on=_iso(g.noted_on),
                    visibility=g.visibility.value,
                    feedback_id=g.feedback_id,
                    point_id=g.point_id,
                    changes=[
                        GapChangeItem(on=_iso(ch.changed_on), status=ch.status.value)
                        for ch in row.changes
                        if ch.gap_id == g.id
                    ],
                )
                for g in row.gaps
                if reaches(g.visibility, Topic.SUCCESSION_GAP, audience)
            ],
            focus=[
                FocusItem(
                    id=f.id, half=f.half, text=f.text, gap_id=f.gap_id, agreed_on=_iso(f.agreed_on)
                )
                for f in row.focus
                if reaches(f.visibility, Topic.FOCUS_AREA, audience)
            ],
            candidate=CandidateItem(
                readiness=c.readiness.value,
                pending=c.pending,
                interim=c.interim,
                reviewed_on=_iso(c.reviewed_on),
                designated_on=_iso(c.designated_on),
            )
            if c is not None and reaches(Visibility.SHARED, Topic.CANDIDACY, audience)
            else None,
            last_ceo_mention=_iso(row.last_ceo)
            if row.last_ceo and reaches(Visibility.SHARED, Topic.CEO_LOG, audience)
            else None,
            career=CareerItem(
                goal=plan.goal,
                status=plan.status.value,
                aligned_up_on=_iso(plan.aligned_up_on),
                milestones=[
                    MilestoneItem(text=m.text, target_on=_iso(m.target_on), met_on=_iso(m.met_on))
                    for m in plan.milestones
                ],
                test_run=plan.test_run,
                test_result=plan.test_result,
            )
            if plan is not None and reaches(Visibility.SHARED, Topic.CAREER_PLAN, audience)
            else None,
        )

    private = reaches(Visibility.PRIVATE, Topic.SUCCESSION_GAP, audience)
    return SuccessionDoc(
        today=_iso(overview.today),
        half=overview.half.label,
        quarter=overview.quarter,
        # The checks are the manager's own to-do list: they name gaps and the bench.
        warnings=[
            SuccessionWarningItem(code=w.code.value, text=w.text, person=_ref(w.person_id, names))
            for w in overview.warnings
        ]
        if private
        else [],
        people=[person(r) for r in shown],
        ceo_log=[
            CeoNoteItem(
                id=n.id,
                on=_iso(n.noted_on),
                person=_ref(n.person_id, names),
                kind=n.kind.value,
                visibility=n.visibility.value,
                text=n.text,
            )
            for n in overview.ceo_log
            if reaches(n.visibility, Topic.CEO_LOG, audience)
        ],
    )


class MeetingItem(TypedDict):
    """A recurring meeting and this quarter's decision on it (null: not audited yet)."""

    id: int
    name: str
    cadence: str | None
    kind: MeetingKindText
    role: MeetingRoleText
    hard_to_displace: bool
    quarter: str
    decision: DecisionText | None
    to: PersonRef | None
    missing: str | None
    plan: str | None
    decided_on: IsoDate | None


def meetings_json(overview: SuccessionOverview) -> list[MeetingItem]:
    """``leadtui meeting list --json``: the meetings this quarter's audit walks and each
    one's decision (null when not audited yet)."""
    names = {pid: p.name for pid, p in overview.people.items()}
    found: list[MeetingItem] = []
    for m in overview.meetings:
        audit = overview.audits.get(m.id)
        found.append(
            MeetingItem(
                id=m.id,
                name=m.name,
                cadence=m.cadence,
                kind=m.kind.value,
                role=m.role.value,
                hard_to_displace=m.kind.hard_to_displace,
                quarter=overview.quarter,
                decision=audit.decision.value if audit else None,
                to=_ref(audit.delegate_id, names) if audit else None,
                missing=audit.missing if audit else None,
                plan=audit.plan if audit else None,
                decided_on=_iso(audit.decided_on) if audit else None,
            )
        )
    return found


class CoverItem(TypedDict):
    """A responsibility handed to someone while away (``person`` null: nobody yet)."""

    responsibility: str
    person: PersonRef | None


class VacationItem(TypedDict):
    """A vacation, its length in days and who covers what."""

    start: IsoDate
    end: IsoDate
    days: int
    no_chiming_in: bool
    covers: list[CoverItem]


class VacationsDoc(TypedDict):
    """``vacation list --json``: days away this year against the aim, and every vacation."""

    year: int
    days_this_year: int
    aim_days: int
    vacations: list[VacationItem]


def vacations_json(overview: SuccessionOverview) -> VacationsDoc:
    """``leadtui vacation list --json``: days away this year against the aim, and every
    vacation with who covers what."""
    from leadtui.domain.succession import VACATION_AIM_DAYS

    names = {pid: p.name for pid, p in overview.people.items()}
    return VacationsDoc(
        year=overview.today.year,
        days_this_year=overview.days_this_year,
        aim_days=VACATION_AIM_DAYS,
        vacations=[
            VacationItem(
                start=_iso(v.starts_on),
                end=_iso(v.ends_on),
                days=v.days,
                no_chiming_in=v.no_chiming_in,
                covers=[
                    CoverItem(responsibility=c.responsibility, person=_ref(c.person_id, names))
                    for c in v.covers
                ],
            )
            for v in overview.vacations
        ],
    )


# --- search (the user's own terminal: private hits included, marked) ------------------


class SearchHitItem(TypedDict):
    """One hit: its kind and id, whom it is about, its day (null: current), whether it is
    private, and its snippet as plain text (the match is not marked)."""

    kind: SearchKindText
    id: int
    person: PersonRef | None
    date: IsoDate | None
    private: bool
    snippet: str


def search_hits_json(hits: Sequence[SearchHit]) -> list[SearchHitItem]:
    """``leadtui search --json``: each hit's kind, id, person, date, whether it is private
    and its snippet as plain text (the match is not marked)."""
    return [
        SearchHitItem(
            kind=hit.kind.value,
            id=hit.id,
            person=PersonRef(id=hit.person_id, name=hit.person)
            if hit.person_id is not None and hit.person is not None
            else None,
            date=_iso(hit.date),
            private=hit.private,
            snippet=hit.snippet.text,
        )
        for hit in hits
    ]


# --- undo -----------------------------------------------------------------------------

# A moment as ISO text, YYYY-MM-DDTHH:MM:SS.
IsoMoment = Annotated[str, _Format("date-time")]


class ChangeItem(TypedDict):
    """One change in the undo journal: what it was (never the text itself), when, and how
    many records it touched."""

    id: int
    label: str
    made_at: IsoMoment
    rows: int


class UndoDoc(TypedDict):
    """``leadtui undo --json`` and ``redo --json``: the change just undone (``undid``) or
    redone (``redid``), null with ``--list``; then what can be undone, newest first, and
    redone, the next redo first."""

    undid: ChangeItem | None
    redid: ChangeItem | None
    undo: list[ChangeItem]
    redo: list[ChangeItem]


def change_json(change: Change) -> ChangeItem:
    """One change in the undo journal."""
    return {
        "id": change.id,
        "label": change.label,
        "made_at": change.made_at.isoformat(),
        "rows": change.rows,
    }


def undo_json(
    undoable: Sequence[Change],
    redoable: Sequence[Change],
    *,
    undid: Change | None = None,
    redid: Change | None = None,
) -> UndoDoc:
    """The one shape ``undo`` and ``redo`` print with --json. Labels name what changed,
    never the text itself."""
    return {
        "undid": change_json(undid) if undid else None,
        "redid": change_json(redid) if redid else None,
        "undo": [change_json(c) for c in undoable],
        "redo": [change_json(c) for c in redoable],
    }


# --- today in the shell --------------------------------------------------------------------


class TodayOneOnOne(TypedDict):
    """A 1:1 today and how many talking points are open for it."""

    person: str
    open_points: int


class TodayChange(TypedDict):
    """A rotation term starting or ending this week."""

    on: IsoDate
    what: str


class TodayHost(TypedDict):
    """This week's leadership meeting and its host."""

    on: IsoDate
    host: str


class TodayCarried(TypedDict):
    """A 1:1 whose upcoming points include some carried three or more times."""

    person: str
    points: int


class TodayDoc(TypedDict):
    """`today --json`: the facts `leadtui today` prints (names and counts, no text)."""

    today: IsoDate
    oneonones_today: list[TodayOneOnOne]
    overdue_actions: dict[str, int]
    energy_logged: bool
    t3b3_due: list[str]
    t3b3_overdue: list[str]
    half: str
    weeks_left: int
    host: TodayHost | None
    rotation_changes: list[TodayChange]
    succession: list[str]
    carried_too_long: list[TodayCarried]
    lines: list[str]


def today_digest_json(digest: TodayDigest) -> TodayDoc:
    """`today --json`."""
    return {
        "today": digest.today.isoformat(),
        "oneonones_today": [{"person": n, "open_points": c} for n, c in digest.oneonones_today],
        "overdue_actions": dict(digest.overdue_actions),
        "energy_logged": digest.energy_logged,
        "t3b3_due": list(digest.t3b3_due),
        "t3b3_overdue": list(digest.t3b3_overdue),
        "half": digest.half,
        "weeks_left": digest.weeks_left,
        "host": {"on": digest.host[1].isoformat(), "host": digest.host[0]} if digest.host else None,
        "rotation_changes": [{"on": on.isoformat(), "what": w} for on, w in digest.term_changes],
        "succession": list(digest.succession),
        "carried_too_long": [{"person": n, "points": c} for n, c in digest.carried_too_long],
        "lines": digest.lines(),
    }


# --- a calendar read in ----------------------------------------------------------------------


class ProposalChange(TypedDict):
    """One field of a series: what leadtui has (empty: nothing) and what the calendar has."""

    field: str
    before: str
    after: str


class ProposalItem(TypedDict):
    """What `calendar import` would write (or wrote) for one person."""

    key: str
    kind: Annotated[str, _OneOf("leadtui.services.calendar_import:ProposalKind")]
    person: PersonRef
    meeting: str
    changes: list[ProposalChange]
    held: list[IsoDate]


class CalendarImportDoc(TypedDict):
    """`calendar import --json`: the proposals, whether they were applied, what was skipped."""

    events: int
    meetings: int
    applied: bool
    proposals: list[ProposalItem]
    unmatched: list[str]
    skipped: dict[str, int]


def calendar_import_json(
    read: CalendarRead, plan: ImportPlan, *, applied: bool
) -> CalendarImportDoc:
    """`calendar import --json`."""
    return {
        "events": read.events,
        "meetings": len(read.meetings),
        "applied": applied,
        "proposals": [
            {
                "key": p.key,
                "kind": p.kind.value,
                "person": {"id": p.person.id, "name": p.person.name},
                "meeting": p.meeting.summary,
                "changes": [{"field": f, "before": b, "after": a} for f, b, a in p.changes],
                "held": [d.isoformat() for d in p.held],
            }
            for p in plan.proposals
        ],
        "unmatched": sorted({*read.unmatched, *plan.unmatched}),
        "skipped": {why.value: n for why, n in sorted(read.skipped.items())},
    }


# --- personal context ------------------------------------------------------------------


class ContextDoc(TypedDict):
    """A person's private context: the named fields and the notes ("" when not written)."""

    person: PersonRef
    cares_about: str
    feedback_style: str
    goals: str
    time_off: str
    notes: str


def context_json(person: Person, context: PersonContext) -> ContextDoc:
    """``leadtui people context PERSON --json`` (the user's own terminal: private)."""
    return ContextDoc(
        person=PersonRef(id=person.id, name=person.name),
        cares_about=context.cares_about,
        feedback_style=context.feedback_style,
        goals=context.goals,
        time_off=context.time_off,
        notes=context.notes,
    )


# --- the team's energy ------------------------------------------------------------------


class ObservationItem(TypedDict):
    """One observation of a report's energy (private: the user's own terminal)."""

    date: IsoDate
    level: int
    note: str


class ReportEnergyItem(TypedDict):
    """A report in the team view."""

    person: PersonRef
    last: ObservationItem | None
    trend: list[ObservationItem]
    flag: Literal["falling", "low"] | None


class TeamEnergyDoc(TypedDict):
    """``leadtui energy team --json``."""

    reports: list[ReportEnergyItem]
    slack: str | None


def _observation(o: Observation) -> ObservationItem:
    return ObservationItem(date=_iso(o.day), level=o.level, note=o.note)


def team_energy_json(view: TeamEnergy) -> TeamEnergyDoc:
    """``leadtui energy team --json``."""
    return TeamEnergyDoc(
        reports=[
            ReportEnergyItem(
                person=PersonRef(id=r.person.id, name=r.person.name),
                last=_observation(r.last) if r.last else None,
                trend=[_observation(o) for o in r.trend],
                flag=r.flag.value if r.flag else None,
            )
            for r in view.reports
        ],
        slack=view.advice,
    )


# --- agenda templates ------------------------------------------------------------------


class TemplateItem(TypedDict):
    """An agenda template: its name, when it fits, and the talking points it adds."""

    name: str
    description: str
    points: list[str]


def templates_document(templates: Sequence[TemplateDraft]) -> list[TemplateItem]:
    """``leadtui template list --json``."""
    return [
        TemplateItem(name=t.name, description=t.description, points=list(t.points))
        for t in templates
    ]


# --- the documents and their schemas ----------------------------------------------------

# Every command with --json and the shape of what it prints. A new --json flag without an
# entry here fails the test that walks the parser.
DOCUMENTS: dict[tuple[str, ...], Any] = {
    ("people", "list"): list[PersonRecord],
    ("energy", "show"): list[EnergyDay],
    ("energy", "check"): EnergyCheckDoc,
    ("energy", "work", "list"): list[EnergizingWorkItem],
    ("1on1", "show"): OneOnOneDoc,
    ("feedback", "list"): list[FeedbackEntry],
    ("t3b3", "show"): T3B3Doc,
    ("succession", "show"): SuccessionDoc,
    ("meeting", "list"): list[MeetingItem],
    ("vacation", "list"): VacationsDoc,
    ("rotation", "show"): list[RotationDoc],
    ("rotation", "list"): list[CapacityItem],
    ("host", "show"): list[HostMeetingItem],
    ("search",): list[SearchHitItem],
    ("undo",): UndoDoc,
    ("redo",): UndoDoc,
    ("today",): TodayDoc,
    ("calendar", "import"): CalendarImportDoc,
    ("template", "list"): list[TemplateItem],
    ("people", "context"): ContextDoc,
    ("energy", "team"): TeamEnergyDoc,
}


def schema_name(command: tuple[str, ...]) -> str:
    """The file name of a command's schema: ``("energy", "work", "list")`` ->
    ``energy-work-list.json``."""
    return "-".join(command) + ".json"


def _closed(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with every object closed (``additionalProperties: false``): a key a
    document's type does not declare fails validation instead of passing unnoticed."""
    for definition in [schema, *schema.get("$defs", {}).values()]:
        if definition.get("type") == "object":
            definition["additionalProperties"] = False
    return schema


def json_schema(command: tuple[str, ...]) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of what ``leadtui COMMAND --json`` prints."""
    from pydantic import TypeAdapter

    schema = _closed(TypeAdapter(DOCUMENTS[command]).json_schema(mode="serialization"))
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"leadtui {' '.join(command)} --json",
        **{key: value for key, value in schema.items() if key != "title"},
    }
