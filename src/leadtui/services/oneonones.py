"""One-on-one use cases, read and write, for both front ends.

Set up or change a series (and pause, resume or end it); add, edit, discuss, drop,
reorder, make private and remove the talking points; add, edit, complete and remove
action items; write the next session's notes or fix any held one's; hold the session
and take the last one back; move or skip an occurrence and undo it; read the running
document and the overview. Each takes the store and ``today`` where a date matters
(never the clock), validates what was typed through the drafts in
domain.oneonones_input, runs its rules (domain.oneonones) in one transaction and
returns a typed result carrying what to tell the user, such as an archived person's
notice. The repository only reads and writes rows.

Every person has a running document. Someone without a recurring series (a peer, a
skip-level met now and then) reads as an ad-hoc one, and the first point, action, note,
piece of feedback or hold saves it: what is written waits for whenever you next meet.

Refusals are front-end neutral; :class:`OneOnOneRefusal` says what a refusal is about
so the command line and the app can each add how to fix it in their own terms.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple

from leadtui.domain.dates import day_label
from leadtui.domain.oneonones import (
    CARRIED_TOO_LONG,
    Action,
    CommitmentsKept,
    HoldRefusal,
    Point,
    PointStatus,
    Series,
    SeriesStatus,
    Session,
    Side,
    Visibility,
    carried_too_long,
    changes_survive,
    commitments_kept,
    depth_warning,
    first_open_day,
    hold_refusal,
    next_session_date,
    original_occurrence,
    plan_hold,
    reordered,
    series_overdue,
    session_dates,
    toggled,
    unsaved_ad_hoc,
)
from leadtui.errors import InputError
from leadtui.services.people import archived_notice, list_people
from leadtui.store.context import ContextRepository
from leadtui.store.database import write_transaction
from leadtui.store.oneonones import OneOnOneRepository
from leadtui.store.reviews import FeedbackRepository

if TYPE_CHECKING:
    from leadtui.domain.context_input import PersonContext
    from leadtui.domain.oneonones import HoldPlan
    from leadtui.domain.oneonones_input import NotesDraft
    from leadtui.domain.people import Person
    from leadtui.domain.reviews import Feedback
    from leadtui.domain.reviews_input import FeedbackDraft
    from leadtui.store.database import Store


# The drafts (and pydantic behind them) are imported where a use case writes, never at
# import: the Today screen reads through this module on start-up and needs none of them.

# Exports carry the whole history; no series reaches this many sessions.
ALL_HISTORY = 100_000


class Refusal(StrEnum):
    """What a one-on-one refusal is about, so each front end can say how to fix it."""

    NO_SERIES = "no-series"
    NOT_ACTIVE = "not-active"
    ALREADY_HELD = "already-held"
    NO_SUCH_POINT = "no-such-point"
    NO_SUCH_ACTION = "no-such-action"
    NOT_HELD_ON = "not-held-on"


class OneOnOneRefusal(InputError):
    """A refused one-on-one request: a neutral message, what it is about, whose 1:1 and
    the day it names (if any)."""

    def __init__(
        self, message: str, reason: Refusal, person: Person, day: date | None = None
    ) -> None:
        super().__init__(message)
        self.reason = reason
        self.person = person
        self.day = day


class RunningDocument(NamedTuple):
    """A person's 1:1 document: the upcoming session on top, then held sessions."""

    person: Person
    series: Series
    next_on: date | None
    overdue: bool
    points: list[Point]
    actions: list[Action]
    sessions: list[tuple[Session, list[Point], list[Action]]]
    changes: dict[date, date | None]
    feedback: list[Feedback]  # given in this 1:1: pending, or filed under a shown session
    # Suggested talking points from the other rituals (a rotation term starting or ending
    # within four weeks); computed each time, never stored, and left out once taken (see
    # :func:`untaken`).
    suggested: tuple[str, ...] = ()
    # The agenda template to offer (a new report's first one-on-one), or None.
    offer: str | None = None
    # The manager's private context note on the person (empty when none is written).
    context: PersonContext | None = None

    @property
    def ratings(self) -> list[int]:
        """The ratings of the sessions shown, oldest first (unrated ones left out)."""
        return [s.rating for s, _, _ in reversed(self.sessions) if s.rating is not None]

    @property
    def rating_advice(self) -> str | None:
        """The suggestion when ratings fell three sessions in a row, else None."""
        from leadtui.domain.oneonones import RATING_ADVICE, ratings_falling

        return RATING_ADVICE if ratings_falling(self.ratings) else None

    @property
    def depth_warning(self) -> str | None:
        """ "An hour is enough time to dig deep into two or three meaningful problems":
        the warning when the upcoming session has more than three deep points, or none."""
        return depth_warning(self.points)

    @property
    def carried_too_long(self) -> list[Point]:
        """Upcoming points carried over three or more times (put off, not discussed)."""
        return [p for p in self.points if carried_too_long(p)]

    def hold_plan(self) -> HoldPlan:
        """What holding the upcoming session would file and carry over."""
        return plan_hold(self.points, self.actions)

    def pending_feedback(self) -> list[Feedback]:
        """Feedback given in the upcoming session (filed when it is held)."""
        return [f for f in self.feedback if f.session_id is None]

    def feedback_in(self, session_id: int) -> list[Feedback]:
        """Feedback filed under a held session."""
        return [f for f in self.feedback if f.session_id == session_id]

    def restorable(self, today: date) -> list[date]:
        """Skipped or moved sessions still ahead, each as :func:`restore_occurrence`
        takes it: its rule date, or where it was moved to once the rule date has passed."""
        return sorted(
            original if original >= today else moved or original
            for original, moved in self.changes.items()
            if max(original, moved or original) >= today
        )

    def upcoming_sessions(self, until: date) -> list[date]:
        """The sessions from the next one to ``until``, moves and skips applied: the dates
        a calendar that imported the series shows (none for a paused, ended or ad-hoc
        series)."""
        if self.next_on is None:
            return []
        return session_dates(self.series, self.changes, self.next_on, until)

    def upcoming_changes(self, today: date) -> list[str]:
        """Moves and skips still ahead, e.g. "24 Nov skipped", "1 Dec moved to 3 Dec"."""
        notes = []
        for original, moved in sorted(self.changes.items()):
            if max(original, moved or original) < today:
                continue
            what = "skipped" if moved is None else f"moved to {_day(moved)}"
            notes.append(f"{_day(original)} {what}")
        return notes


def _day(day: date) -> str:
    """E.g. "Tue 24 Nov": the screens' one day style."""
    return day_label(day)


# --- reading -----------------------------------------------------------------------------


def find_series(store: Store, person: Person) -> Series | None:
    """The person's series, or None when there is none yet."""
    return OneOnOneRepository(store).series_for(person.id)


def require_series(store: Store, person: Person) -> Series:
    """The person's series, or a refusal saying there is none yet."""
    series = find_series(store, person)
    if series is None:
        raise OneOnOneRefusal(
            f"{person.display_name} has no 1:1 series yet", Refusal.NO_SERIES, person
        )
    return series


_YEAR = re.compile(r"\s\d{4}\b", re.ASCII)


def untaken(suggested: list[str], points: list[Point]) -> tuple[str, ...]:
    """The suggestions no talking point already says (upcoming, or filed under a session
    shown): a suggestion added as a point is on the list, and is not suggested beside it.
    Compared without case or spacing, as the words were offered, and without years: a
    suggestion taken in December names January's day with its year, and on 1 January the
    same day is offered without it."""

    def words(text: str) -> str:
        return " ".join(_YEAR.sub("", text).split()).casefold()

    said = {words(point.text) for point in points}
    return tuple(text for text in suggested if words(text) not in said)


def _document_series(store: Store, person: Person, today: date) -> Series:
    """The person's series, saving an ad-hoc one first when there is none: a write to
    someone's document never waits for a recurring series. Call inside a transaction."""
    repo = OneOnOneRepository(store)
    return repo.series_for(person.id) or repo.add_ad_hoc_series(person.id, today)


def running_document(
    store: Store, person: Person, today: date, history: int = 10
) -> RunningDocument:
    """The upcoming session and the newest ``history`` held sessions.

    Reads only what is shown: upcoming points and actions, and one page of history
    (its filed points and actions in one query each), so a person with years of
    sessions opens as fast as a new one. A person without a series reads as an empty
    ad-hoc document (nothing is written).
    """
    # Imported here: the quick captures from the shell (1on1 add) never load rotations.
    from leadtui.services.rotation_feeds import talking_points

    repo = OneOnOneRepository(store)
    series = find_series(store, person)
    if series is None:
        unsaved = unsaved_ad_hoc(person.id, today)
        suggested = untaken(talking_points(store, person.id, today), [])
        return RunningDocument(
            person,
            unsaved,
            None,
            False,
            [],
            [],
            [],
            {},
            [],
            suggested,
            offered_template(person),
            ContextRepository(store).for_person(person.id),
        )
    changes = repo.changes(series.id)
    sessions = repo.sessions(series.id, limit=history)
    ids = [s.id for s in sessions]
    filed = repo.points_in_sessions(ids)
    done = repo.actions_in_sessions(ids)
    last_held = repo.last_held(series.id)
    points = repo.open_points(series.id)
    return RunningDocument(
        person=person,
        series=series,
        next_on=next_session_date(series, changes, today, last_held),
        overdue=series_overdue(series, last_held, today),
        points=points,
        actions=repo.upcoming_actions(series.id),
        sessions=[
            (
                s,
                [p for p in filed if p.session_id == s.id],
                [a for a in done if a.session_id == s.id],
            )
            for s in sessions
        ],
        changes=changes,
        feedback=FeedbackRepository(store).in_series(series.id, ids),
        suggested=untaken(talking_points(store, person.id, today), [*points, *filed]),
        offer=offered_template(person) if last_held is None else None,
        context=ContextRepository(store).for_person(person.id),
    )


def offered_template(person: Person) -> str | None:
    """The agenda template a first session offers: the first one-on-one's, for an active
    report (call only while no session is held)."""
    from leadtui.domain.people import Relation
    from leadtui.domain.templates_input import FIRST_ONE_ON_ONE

    return FIRST_ONE_ON_ONE if person.relation is Relation.REPORT and person.active else None


# Sessions read at a time while counting back to a day.
_COUNT_PAGE = 100


def history_reaching(store: Store, person: Person, day: date) -> int:
    """How many held sessions, newest first, reach back to the one held on ``day`` (all
    of them when none was held that day): the ``history`` a running document needs to
    show that session."""
    series = find_series(store, person)
    if series is None:
        return 0
    repo = OneOnOneRepository(store)
    counted = 0
    while True:
        page = repo.sessions(series.id, limit=_COUNT_PAGE, offset=counted)
        for session in page:
            counted += 1
            if session.held_on <= day:
                return counted
        if len(page) < _COUNT_PAGE:
            return counted


class Standing(StrEnum):
    """Where a person's 1:1 stands on a day."""

    OVERDUE = "overdue"
    SCHEDULED = "scheduled"
    # Active, but the rule gives no date the app can compute (a start stored by an older
    # version beyond the years a date may be typed).
    NOT_SCHEDULED = "not scheduled"
    PAUSED = "paused"
    ENDED = "ended"
    # No rule: the next session is whenever you next meet.
    AD_HOC = "ad hoc"
    # Nothing written yet: read as an empty ad-hoc document.
    NO_SERIES = "no series"


# Overdue first, then by the next session; ad-hoc documents, then series without a date,
# then people with nothing written yet.
_STANDING_ORDER = {
    Standing.OVERDUE: 0,
    Standing.SCHEDULED: 1,
    Standing.AD_HOC: 2,
    Standing.NOT_SCHEDULED: 3,
    Standing.PAUSED: 3,
    Standing.ENDED: 3,
    Standing.NO_SERIES: 4,
}


class ListedOneOnOne(NamedTuple):
    """One person in the list of 1:1s: their series (if any), next session and standing."""

    person: Person
    series: Series | None
    next_on: date | None
    standing: Standing


class _Schedules(NamedTuple):
    """Every series with its moves and skips and its last held day (three queries)."""

    series: dict[int, Series]  # by person id
    changes: dict[int, dict[date, date | None]]  # by series id
    last_held: dict[int, date]  # by series id


def _schedules(repo: OneOnOneRepository) -> _Schedules:
    return _Schedules(
        {s.person_id: s for s in repo.all_series()}, repo.all_changes(), repo.last_held_by_series()
    )


def _standing(series: Series | None, next_on: date | None, overdue: bool) -> Standing:
    if series is None:
        return Standing.NO_SERIES
    if overdue:
        return Standing.OVERDUE
    if next_on is not None:
        return Standing.SCHEDULED
    if series.ad_hoc and series.status is SeriesStatus.ACTIVE:
        return Standing.AD_HOC
    if series.status is SeriesStatus.ACTIVE:
        return Standing.NOT_SCHEDULED
    return Standing.PAUSED if series.status is SeriesStatus.PAUSED else Standing.ENDED


def oneonone_list(
    store: Store, today: date, people: list[Person] | None = None
) -> list[ListedOneOnOne]:
    """Everyone (active) and their 1:1: overdue first, then by the next session, then
    ad-hoc documents, then series without a date, then people with nothing written yet;
    by name within each (a handful of queries for everyone)."""
    known = list_people(store, order="relation") if people is None else people
    found = _schedules(OneOnOneRepository(store))
    listed: list[ListedOneOnOne] = []
    for person in known:
        series = found.series.get(person.id)
        next_on: date | None = None
        overdue = False
        if series is not None:
            held = found.last_held.get(series.id)
            next_on = next_session_date(series, found.changes.get(series.id, {}), today, held)
            overdue = series_overdue(series, held, today)
        listed.append(ListedOneOnOne(person, series, next_on, _standing(series, next_on, overdue)))
    listed.sort(
        key=lambda item: (
            _STANDING_ORDER[item.standing],
            item.next_on.isoformat()
            if item.standing is Standing.SCHEDULED and item.next_on
            else "",
            item.person.name.casefold(),
        )
    )
    return listed


class OneOnOneOverview(NamedTuple):
    """The Today screen's one-on-one card."""

    today_sessions: list[tuple[Person, Series]]
    this_week: list[tuple[Person, Series, date]]
    overdue_series: list[Person]
    overdue_actions: dict[Side, int]
    kept: dict[Side, CommitmentsKept]
    # (person, how many of their upcoming points were carried three or more times): put
    # off session after session, each needs time, an action, or to be dropped.
    carried_too_long: tuple[tuple[Person, int], ...] = ()


def oneonone_overview(
    store: Store, today: date, people: list[Person] | None = None
) -> OneOnOneOverview:
    """1:1s today and this week, overdue series, overdue actions by owner, and
    commitments kept on each side over the last 90 days (a handful of queries, however
    long the history)."""
    repo = OneOnOneRepository(store)
    active = list_people(store) if people is None else people
    by_id = {p.id: p for p in active}
    week_end = today + timedelta(days=6 - today.weekday())
    found = _schedules(repo)
    todays: list[tuple[Person, Series]] = []
    week: list[tuple[Person, Series, date]] = []
    overdue: list[Person] = []
    for series in sorted(found.series.values(), key=lambda s: s.id):
        person = by_id.get(series.person_id)
        if person is None:
            continue  # archived: their history stays, but they are not on today's agenda
        last_held = found.last_held.get(series.id)
        if series.status is SeriesStatus.ACTIVE:
            start = first_open_day(today, last_held)
            for day in session_dates(series, found.changes.get(series.id, {}), start, week_end):
                if day == today:
                    todays.append((person, series))
                week.append((person, series, day))
        if series_overdue(series, last_held, today):
            overdue.append(person)
    due = repo.actions_due_between(today - timedelta(days=90), today)
    kept = {side: commitments_kept(due, side, today) for side in Side}
    week.sort(key=lambda item: item[2])
    put_off = repo.carried_counts(CARRIED_TOO_LONG)
    too_long = tuple(
        (by_id[series.person_id], put_off[series.id])
        for series in sorted(found.series.values(), key=lambda s: s.id)
        if series.id in put_off
        and series.person_id in by_id
        and series.status is not SeriesStatus.ENDED
    )
    return OneOnOneOverview(todays, week, overdue, repo.overdue_counts(today), kept, too_long)


# --- the series --------------------------------------------------------------------------


class SeriesSaved(NamedTuple):
    """A series as saved, its next session, and what to tell the user (or None)."""

    series: Series
    next_on: date | None
    notice: str | None


def _next_on(repo: OneOnOneRepository, series: Series, today: date) -> date | None:
    return next_session_date(series, repo.changes(series.id), today, repo.last_held(series.id))


def set_series(
    store: Store,
    person: Person,
    today: date,
    *,
    every_weeks: object = None,
    weekday: object = None,
    at_time: object = None,
    minutes: object = None,
    starts_on: object = None,
) -> SeriesSaved:
    """Set up the person's series or change it. A value left out (None) keeps what the
    series has, or takes the default for a new one (weekly at 10:00 for 60 minutes from
    today); a new series needs a weekday. A new rule (cadence, weekday or first day) drops
    the moves and skips of the old one. An ad-hoc document becomes a recurring series as
    if new, keeping its points, actions, notes and history."""
    from leadtui.domain.oneonones_input import SeriesDraft
    from leadtui.domain.validation import build

    repo = OneOnOneRepository(store)
    with write_transaction(store):
        current = repo.series_for(person.id)
        # An ad-hoc row's weekday and first day decide nothing: it gets a new series' values.
        recurring = current if current is not None and not current.ad_hoc else None
        fields: dict[str, object] = (
            {
                "every_weeks": recurring.every_weeks,
                "weekday": recurring.weekday,
                "at_time": recurring.at_time,
                "minutes": recurring.minutes,
                "starts_on": recurring.starts_on,
            }
            if recurring is not None
            # No start date: the draft starts a new series today.
            else {
                "every_weeks": 1,
                "weekday": None,
                "at_time": "10:00",
                "minutes": 60,
                "starts_on": None,
            }
        )
        given = {
            "every_weeks": every_weeks,
            "weekday": weekday,
            "at_time": at_time,
            "minutes": minutes,
            "starts_on": starts_on,
        }
        fields.update({name: value for name, value in given.items() if value is not None})
        if fields.get("weekday") is None:
            raise InputError("weekday is required for a new series, e.g. tuesday", field="weekday")
        draft = build(SeriesDraft, today=today, **fields)
        if current is not None and not changes_survive(current, draft.rule):
            repo.clear_changes(current.id)
        series = repo.save_series(person.id, draft)
        return SeriesSaved(series, _next_on(repo, series, today), archived_notice(person))


_STATUS_VERB = {
    SeriesStatus.PAUSED: "pause",
    SeriesStatus.ACTIVE: "resume",
    SeriesStatus.ENDED: "end",
}


def set_series_status(
    store: Store, person: Person, today: date, status: SeriesStatus
) -> SeriesSaved:
    """Pause, resume or end the person's series."""
    repo = OneOnOneRepository(store)
    with write_transaction(store):
        current = repo.series_for(person.id)
        if current is None:
            raise InputError(f"{person.display_name} has no 1:1 series to {_STATUS_VERB[status]}")
        repo.set_status(current.id, status)
        series = current._replace(status=status)
        return SeriesSaved(series, _next_on(repo, series, today), archived_notice(person))


class Departure(NamedTuple):
    """A proposal to end the 1:1 series with someone who left the reporting line."""

    person: Person
    why: str  # "is archived", "is no longer a report (peer now)"

    def message(self) -> str:
        """The proposal in words, with the source's warning."""
        from leadtui.domain.oneonones import DEPARTURE_QUOTE

        return (
            f"{self.person.display_name} {self.why}: end your 1:1 series with them? "
            f'"{DEPARTURE_QUOTE}"'
        )


def departure(store: Store, before: Person, after: Person) -> Departure | None:
    """The proposal to end ``after``'s 1:1 series when they were archived or stopped being
    a report, if they still have a series that is not ended; else None.

    Only a proposal: ending stays the user's decision (``set_series_status``), as a former
    report may stay a peer worth meeting.
    """
    from leadtui.domain.oneonones import departed

    why = departed(before, after)
    if why is None:
        return None
    series = OneOnOneRepository(store).series_for(after.id)
    # An ad-hoc document is no recurring meeting: there is no series to end.
    if series is None or series.ad_hoc or series.status is SeriesStatus.ENDED:
        return None
    return Departure(after, why)


# --- talking points ----------------------------------------------------------------------


class PointSaved(NamedTuple):
    """A talking point as saved, and what to tell the user (or None)."""

    point: Point
    notice: str | None


def add_point(
    store: Store,
    person: Person,
    today: date,
    *,
    text: object,
    raised_by: object = Side.ME,
    visibility: object = Visibility.SHARED,
    recurring: object = False,
    deep: object = False,
    kind: object = None,
) -> PointSaved:
    """A talking point for the next session, at the end of the list (a person without a
    series gets an ad-hoc document). ``deep`` marks it one of the "two or three meaningful
    problems" the hour digs into."""
    from leadtui.domain.oneonones_input import PointDraft
    from leadtui.domain.validation import build

    draft = build(
        PointDraft,
        text=text,
        raised_by=raised_by,
        visibility=visibility,
        recurring=recurring,
        deep=deep,
        kind=kind,
    )
    with write_transaction(store, f"added talking point for {person.name}"):
        series = _document_series(store, person, today)
        point = OneOnOneRepository(store).add_point(series.id, draft, today)
    return PointSaved(point, archived_notice(person))


def _upcoming_point(store: Store, person: Person, point_id: int) -> Point:
    """The person's talking point ``point_id`` that is still upcoming, or a refusal."""
    series = find_series(store, person)
    point = OneOnOneRepository(store).find_point(point_id)
    if point is None:
        raise OneOnOneRefusal(f"no talking point with id {point_id}", Refusal.NO_SUCH_POINT, person)
    if series is None or point.series_id != series.id:
        raise InputError(f"talking point {point_id} belongs to someone else's 1:1")
    if point.filed:
        # Held sessions are the record of what was said; their points stay as filed.
        raise InputError(f"talking point {point_id} is filed under a held session")
    return point


def edit_point(
    store: Store,
    person: Person,
    point_id: int,
    *,
    text: object = None,
    visibility: object = None,
    deep: object = None,
) -> PointSaved:
    """Change an upcoming talking point's text, visibility and/or depth (deep: one of the
    "two or three meaningful problems"); what is not given (None) stays as it is."""
    from leadtui.domain.oneonones_input import PointDraft
    from leadtui.domain.validation import build

    repo = OneOnOneRepository(store)
    with write_transaction(store):
        point = _upcoming_point(store, person, point_id)
        draft = build(
            PointDraft,
            text=point.text if text is None else text,
            raised_by=point.raised_by,
            visibility=point.visibility if visibility is None else visibility,
            recurring=point.recurring,
            deep=point.deep if deep is None else deep,
        )
        if draft.text != point.text:
            repo.set_point_text(point.id, draft.text)
        if draft.visibility is not point.visibility:
            repo.set_point_visibility(point.id, draft.visibility)
        if draft.deep is not point.deep:
            repo.set_point_deep(point.id, draft.deep)
        saved = repo.point(point.id)
    return PointSaved(saved, archived_notice(person))


def remove_point(store: Store, person: Person, point_id: int) -> PointSaved:
    """Delete an upcoming talking point: it leaves the document and every export (unlike
    dropping, which files it as dropped when the session is held). A point a T3B3 item or
    a succession gap names as evidence is refused. The result is the point as it was."""
    repo = OneOnOneRepository(store)
    with write_transaction(store, f"removed a talking point for {person.name}"):
        point = _upcoming_point(store, person, point_id)
        if repo.point_evidence(point.id):
            raise InputError(
                f"talking point {point_id} is evidence for a T3B3 item or a succession gap; "
                "unlink it there before removing it"
            )
        repo.delete_point(point.id)
    return PointSaved(point, archived_notice(person))


def mark_point(store: Store, person: Person, point_id: int, status: PointStatus) -> PointSaved:
    """Mark an upcoming point discussed or dropped, or open again."""
    with write_transaction(store):
        point = _upcoming_point(store, person, point_id)
        saved = OneOnOneRepository(store).set_point_status(point.id, status)
    return PointSaved(saved, archived_notice(person))


def toggle_point(store: Store, person: Person, point_id: int, status: PointStatus) -> PointSaved:
    """Mark an upcoming point ``status`` (discussed or dropped), or open again if it
    already is."""
    with write_transaction(store):
        point = _upcoming_point(store, person, point_id)
        saved = OneOnOneRepository(store).set_point_status(point.id, toggled(point.status, status))
    return PointSaved(saved, archived_notice(person))


def toggle_private(store: Store, person: Person, point_id: int) -> PointSaved:
    """Make an upcoming point private, or shared again."""
    with write_transaction(store):
        point = _upcoming_point(store, person, point_id)
        visibility = (
            Visibility.SHARED if point.visibility is Visibility.PRIVATE else Visibility.PRIVATE
        )
        saved = OneOnOneRepository(store).set_point_visibility(point.id, visibility)
    return PointSaved(saved, archived_notice(person))


def take_prompt(store: Store, person: Person, today: date, kind: object) -> PointSaved:
    """Take a question from the prompt tray as a talking point of its kind, with the
    prompt's words (the point can be edited afterwards).

    The tray holds what the sources ask a manager to bring back: the skill gap ("what is
    the skill gap for me between the job I am doing right now and a director role?"),
    the execution focus ("ensure you are aligned"), a narrow ask for feedback ("ask
    narrow questions ... much easier to answer than open-ended requests for feedback"),
    and confirming the kernel ("To make sure I'm understanding, the most important
    feedback here is ...?"). Like any point it is shared unless made private.
    """
    from leadtui.domain.oneonones import PROMPT_BY_KIND, PointKind

    try:
        chosen = PointKind(str(kind).strip().replace("-", "_"))
    except ValueError:
        kinds = ", ".join(k.value.replace("_", "-") for k in PointKind)
        raise InputError(f"prompt: {kind!s} is not one of {kinds}") from None
    return add_point(store, person, today, text=PROMPT_BY_KIND[chosen].text, kind=chosen)


def toggle_deep(store: Store, person: Person, point_id: int) -> PointSaved:
    """Mark an upcoming point deep, or quick again.

    "An hour is enough time to dig deep into two or three meaningful problems": the deep
    points are the ones the session is for (see domain ``depth_warning``).
    """
    with write_transaction(store, f"marked talking point depth for {person.name}"):
        point = _upcoming_point(store, person, point_id)
        saved = OneOnOneRepository(store).set_point_deep(point.id, not point.deep)
    return PointSaved(saved, archived_notice(person))


def move_point(store: Store, person: Person, point_id: int, offset: int) -> PointSaved:
    """Move an upcoming point ``offset`` places (-1 up, 1 down) by swapping it with that
    neighbour; at either end of the list it stays where it is."""
    repo = OneOnOneRepository(store)
    with write_transaction(store):
        point = _upcoming_point(store, person, point_id)
        order = reordered([p.id for p in repo.open_points(point.series_id)], point.id, offset)
        if order is not None:
            repo.set_positions(order)
        saved = repo.point(point.id)
    return PointSaved(saved, archived_notice(person))


# --- action items ------------------------------------------------------------------------


class ActionSaved(NamedTuple):
    """An action item as saved, and what to tell the user (or None)."""

    action: Action
    notice: str | None


def add_action(
    store: Store,
    person: Person,
    today: date,
    *,
    text: object,
    owner: object = Side.ME,
    due_on: object = None,
) -> ActionSaved:
    """An action item for ``owner`` (me or them), optionally due on a day; a day already
    past is accepted and the action is overdue at once (a person without a series gets an
    ad-hoc document)."""
    from leadtui.domain.oneonones_input import ActionDraft
    from leadtui.domain.validation import build

    draft = build(ActionDraft, today=today, text=text, owner=owner, due_on=due_on)
    with write_transaction(store, f"added action item for {person.name}"):
        series = _document_series(store, person, today)
        action = OneOnOneRepository(store).add_action(series.id, draft, today)
    return ActionSaved(action, archived_notice(person))


def _own_action(store: Store, person: Person, action_id: int) -> Action:
    """The person's action item ``action_id``, or a refusal."""
    series = find_series(store, person)
    action = OneOnOneRepository(store).find_action(action_id)
    if action is None:
        raise OneOnOneRefusal(f"no action item with id {action_id}", Refusal.NO_SUCH_ACTION, person)
    if series is None or action.series_id != series.id:
        raise InputError(f"action {action_id} belongs to someone else's 1:1")
    return action


def edit_action(
    store: Store,
    person: Person,
    today: date,
    action_id: int,
    *,
    text: object,
    owner: object = Side.ME,
    due_on: object = None,
) -> ActionSaved:
    """Change an open action item's text, owner and due date (None: no due date)."""
    from leadtui.domain.oneonones_input import ActionDraft
    from leadtui.domain.validation import build

    draft = build(ActionDraft, today=today, text=text, owner=owner, due_on=due_on)
    with write_transaction(store):
        action = _own_action(store, person, action_id)
        if action.filed:
            raise InputError(f"action {action_id} is filed under a held session")
        saved = OneOnOneRepository(store).update_action(action.id, draft)
    return ActionSaved(saved, archived_notice(person))


def edit_action_text(
    store: Store, person: Person, today: date, action_id: int, *, text: object
) -> ActionSaved:
    """Change an open action item's text, keeping its owner and due date."""
    from leadtui.domain.oneonones_input import ActionDraft
    from leadtui.domain.validation import build

    with write_transaction(store):
        action = _own_action(store, person, action_id)
        if action.filed:
            raise InputError(f"action {action_id} is filed under a held session")
        # A due date already past stays: the draft accepts it (overdue at once).
        draft = build(ActionDraft, today=today, text=text, owner=action.owner, due_on=action.due_on)
        saved = OneOnOneRepository(store).update_action(action.id, draft)
    return ActionSaved(saved, archived_notice(person))


def revise_action(
    store: Store,
    person: Person,
    today: date,
    action_id: int,
    *,
    text: object = None,
    owner: object = None,
    due_on: object = None,
    no_due: bool = False,
) -> ActionSaved:
    """Change an upcoming action item's text, owner and/or due date; what is not given
    (None) stays as it is, and ``no_due`` takes its due date away."""
    if no_due and due_on is not None:
        raise InputError("give a due date or take it away, not both")
    with write_transaction(store):
        action = _own_action(store, person, action_id)
        return edit_action(
            store,
            person,
            today,
            action.id,
            text=action.text if text is None else text,
            owner=action.owner if owner is None else owner,
            due_on=None if no_due else (action.due_on if due_on is None else due_on),
        )


def remove_action(store: Store, person: Person, action_id: int) -> ActionSaved:
    """Delete an upcoming action item (open, or done since the last session): it leaves
    the document and every export. The result is the action as it was."""
    with write_transaction(store, f"removed an action item for {person.name}"):
        action = _own_action(store, person, action_id)
        if action.filed:
            raise InputError(
                f"action {action_id} is filed under a held session; take that session back "
                "first if it is the last one"
            )
        OneOnOneRepository(store).delete_action(action.id)
    return ActionSaved(action, archived_notice(person))


def mark_action(
    store: Store, person: Person, today: date, action_id: int, *, done: bool
) -> ActionSaved:
    """Mark an action item done today, or open again."""
    with write_transaction(store):
        action = _own_action(store, person, action_id)
        saved = OneOnOneRepository(store).complete_action(action.id, today if done else None)
    return ActionSaved(saved, archived_notice(person))


def toggle_action(store: Store, person: Person, today: date, action_id: int) -> ActionSaved:
    """Mark an open action item done today, or a done one open again."""
    with write_transaction(store):
        action = _own_action(store, person, action_id)
        return mark_action(store, person, today, action.id, done=action.done_on is None)


# --- notes -------------------------------------------------------------------------------


class NotesSaved(NamedTuple):
    """Notes as saved: under a held session, or for the next one (``session`` None)."""

    series: Series
    session: Session | None
    notice: str | None


def _notes(current: tuple[str, str], shared: object, private: object) -> NotesDraft:
    from leadtui.domain.oneonones_input import NotesDraft
    from leadtui.domain.validation import build

    # Only the side given changes; the other keeps what was written.
    return build(
        NotesDraft,
        shared=current[0] if shared is None else shared,
        private=current[1] if private is None else private,
    )


def write_notes(
    store: Store,
    person: Person,
    today: date,
    *,
    shared: object = None,
    private: object = None,
) -> NotesSaved:
    """Write the next session's shared and/or private notes; a side not given keeps
    what it has (a person without a series gets an ad-hoc document)."""
    repo = OneOnOneRepository(store)
    with write_transaction(store, f"wrote 1:1 notes for {person.name}"):
        series = _document_series(store, person, today)
        notes = _notes((series.draft_shared_notes, series.draft_private_notes), shared, private)
        repo.set_draft_notes(series.id, notes)
        saved = series._replace(draft_shared_notes=notes.shared, draft_private_notes=notes.private)
    return NotesSaved(saved, None, archived_notice(person))


def fix_notes(
    store: Store,
    person: Person,
    held_on: date | None,
    *,
    shared: object = None,
    private: object = None,
) -> NotesSaved:
    """Fix the notes of the session held on ``held_on`` (None: the newest held session);
    a side not given keeps what it has, and nothing else of the session changes."""
    repo = OneOnOneRepository(store)
    with write_transaction(store):
        series = find_series(store, person)
        if held_on is None:
            found = repo.sessions(series.id, limit=1) if series else []
            if not found or series is None:
                raise OneOnOneRefusal(
                    f"no session with {person.display_name} was held yet",
                    Refusal.NOT_HELD_ON,
                    person,
                )
        else:
            found = repo.held_between(series.id, held_on, held_on)[-1:] if series else []
            if not found or series is None:
                raise OneOnOneRefusal(
                    f"no session with {person.display_name} was held on {held_on.isoformat()}",
                    Refusal.NOT_HELD_ON,
                    person,
                    held_on,
                )
        session = found[0]
        notes = _notes((session.shared_notes, session.private_notes), shared, private)
        fixed = repo.update_session_notes(session.id, notes)
    return NotesSaved(series, fixed, archived_notice(person))


# --- feedback given in the session -------------------------------------------------------


class FeedbackGiven(NamedTuple):
    """Feedback given in the upcoming session, and what to tell the user (or None)."""

    feedback: Feedback
    notice: str | None


def give_feedback(store: Store, person: Person, today: date, draft: FeedbackDraft) -> FeedbackGiven:
    """Feedback given in the person's upcoming 1:1: filed under the session when it is
    held (a person without a series gets an ad-hoc document)."""
    from leadtui.services.reviews import add_feedback

    with write_transaction(store):
        series = _document_series(store, person, today)
        added = add_feedback(store, person, draft, series_id=series.id)
    return FeedbackGiven(added.entry, added.notice)


# --- holding a session -------------------------------------------------------------------


class Held(NamedTuple):
    """A held session: how many points were filed under it and carried over, how much
    feedback given in it was filed, and what to tell the user (or None)."""

    session: Session
    filed: int
    carried: int
    feedback: int
    notice: str | None


def _refuse_hold(
    store: Store, person: Person, series: Series | None, day: date, today: date
) -> None:
    """Raise the reason the upcoming session cannot be held on ``day``, if there is one
    (domain ``hold_refusal``: not on a day to come, one hold per day)."""
    held = series is not None and bool(OneOnOneRepository(store).held_between(series.id, day, day))
    refusal = hold_refusal(day, today, held)
    if refusal is HoldRefusal.FUTURE:
        raise InputError(
            f"{day.isoformat()} is in the future; a session is held on the day it took place"
        )
    if refusal is HoldRefusal.ALREADY_HELD:
        raise OneOnOneRefusal(
            f"a session on {day.isoformat()} is already held; add to the next one, "
            "or fix that session's notes",
            Refusal.ALREADY_HELD,
            person,
            day,
        )


def hold_preview(
    store: Store, person: Person, today: date, *, held_on: date | None = None
) -> HoldPlan:
    """What holding the upcoming session would file and carry over, or now the refusal
    :func:`hold_session` would give: a front end asks to confirm only a hold it can do."""
    repo = OneOnOneRepository(store)
    series = find_series(store, person)
    _refuse_hold(store, person, series, held_on or today, today)
    if series is None:
        return plan_hold([], [])
    reopened = [a for a in repo.actions(series.id, open_only=True) if a.filed]
    return plan_hold(repo.open_points(series.id), repo.upcoming_actions(series.id) + reopened)


def hold_session(
    store: Store,
    person: Person,
    today: date,
    *,
    held_on: date | None = None,
    rating: object = None,
) -> Held:
    """Hold (close) the upcoming session on ``held_on`` (default today).

    Refused on a day still to come, and on a day this series already held a session
    (one hold per day). The carry-over rule (domain ``plan_hold``) decides what is filed
    under the session and what carries over; feedback given in the session is filed
    under it; the notes written so far become its notes. A person without a series gets
    an ad-hoc document, so meeting someone now and then records the session on the day.
    """
    from leadtui.domain.oneonones_input import NotesDraft, RatingDraft
    from leadtui.domain.validation import build

    useful = build(RatingDraft, rating=rating).rating
    day = held_on or today
    repo = OneOnOneRepository(store)
    with write_transaction(store, f"held the 1:1 with {person.name}"):
        _refuse_hold(store, person, find_series(store, person), day, today)
        series = _document_series(store, person, today)
        upcoming = repo.upcoming_actions(series.id)
        # An action reopened after it was filed (older versions allowed it) still carries.
        reopened = [a for a in repo.actions(series.id, open_only=True) if a.filed]
        plan = plan_hold(repo.open_points(series.id), upcoming + reopened)
        session = repo.insert_session(
            series.id, day, series.draft_shared_notes, series.draft_private_notes
        )
        _apply(repo, plan, session.id)
        feedback = repo.file_pending_feedback(series.id, session.id)
        repo.set_draft_notes(series.id, NotesDraft())
        if useful is not None:
            session = repo.set_rating(session.id, useful)
    return Held(session, plan.filed, plan.carried, feedback, archived_notice(person))


class Rated(NamedTuple):
    """A held session as rated, and what to tell the user (or None)."""

    session: Session
    notice: str | None


def rate_session(
    store: Store, person: Person, rating: object, *, held_on: date | None = None
) -> Rated:
    """Rate the session held on ``held_on`` (the last one held by default): was it
    useful, 1–5; None clears the rating. Yours alone."""
    from leadtui.domain.oneonones_input import RatingDraft
    from leadtui.domain.validation import build

    useful = build(RatingDraft, rating=rating).rating
    series = find_series(store, person)
    repo = OneOnOneRepository(store)
    if held_on is None:
        found = repo.sessions(series.id, limit=1) if series else []
        missing = f"no session with {person.display_name} was held yet"
    else:
        found = repo.held_between(series.id, held_on, held_on)[-1:] if series else []
        missing = f"no session with {person.display_name} was held on {held_on.isoformat()}"
    if not found:
        raise OneOnOneRefusal(missing, Refusal.NOT_HELD_ON, person, held_on)
    sessions = found
    with write_transaction(store, f"rated the 1:1 with {person.name}"):
        session = repo.set_rating(sessions[0].id, useful)
    return Rated(session, archived_notice(person))


def _apply(repo: OneOnOneRepository, plan: HoldPlan, session_id: int) -> None:
    """Write what the carry-over rule decided."""
    repo.insert_filed_copies(plan.recurring_copies, session_id)
    repo.set_points_status([p.id for p in plan.reopened], PointStatus.OPEN)
    repo.file_points([p.id for p in plan.filed_points], session_id)
    repo.set_points_carried([(p.id, p.carried + 1) for p in plan.carried_points])
    repo.file_actions([a.id for a in plan.filed_actions], session_id)
    repo.set_actions_carried([(a.id, a.carried + 1) for a in plan.carried_actions])


def held_sessions(store: Store, person: Person) -> list[Session]:
    """Every session held with the person, newest first (their notes can be fixed)."""
    series = find_series(store, person)
    if series is None:
        return []
    return OneOnOneRepository(store).sessions(series.id, limit=ALL_HISTORY)


class Unheld(NamedTuple):
    """A held session taken back: how many points and actions went back to the upcoming
    session, the next session's date now, and what to tell the user (or None)."""

    session: Session
    points: int
    actions: int
    next_on: date | None
    series: Series
    notice: str | None


def unhold_session(store: Store, person: Person, today: date) -> Unheld:
    """Take back the last held session, as if it had not been held: what was filed under
    it (discussed and dropped points, done actions, feedback given in it) is upcoming
    again, carried counts go back down (domain ``plan_unhold``), its notes become the
    upcoming notes again (before any written since), and the next date is what it was
    before the hold. Only the newest session can be taken back."""
    from leadtui.domain.oneonones import plan_unhold

    repo = OneOnOneRepository(store)
    with write_transaction(store, f"took back the last 1:1 with {person.name}"):
        series = find_series(store, person)
        last = repo.sessions(series.id, limit=1) if series is not None else []
        if series is None or not last:
            raise InputError(f"no session with {person.display_name} was held yet")
        session = last[0]
        filed = repo.filed_points(session.id)
        if any(repo.point_evidence(p.id) for p in filed):
            raise InputError(
                f"a talking point filed under the {session.held_on.isoformat()} session is "
                "evidence for a T3B3 item or a succession gap; unlink it there first"
            )
        plan = plan_unhold(session.id, filed, repo.open_points(series.id), repo.actions(series.id))
        back_actions = len(repo.actions_in_sessions([session.id]))
        repo.set_points_carried([(p.id, p.carried - 1) for p in plan.uncarried_points])
        repo.set_actions_carried([(a.id, a.carried - 1) for a in plan.uncarried_actions])
        for copy in plan.copies:
            repo.delete_point(copy.id)
        repo.set_points_status([p.id for p in plan.rediscussed], PointStatus.DISCUSSED)
        repo.unfile_session(session.id)
        repo.delete_session(session.id)
        current = repo.series_for(person.id) or series
        repo.set_draft_notes(
            series.id,
            _notes(
                (
                    _joined(session.shared_notes, current.draft_shared_notes),
                    _joined(session.private_notes, current.draft_private_notes),
                ),
                None,
                None,
            ),
        )
        next_on = _next_on(repo, current, today)
    return Unheld(session, len(filed), back_actions, next_on, current, archived_notice(person))


def _joined(first: str, then: str) -> str:
    """Two notes as one: the held session's, then what was written since."""
    return "\n\n".join(part for part in (first.strip("\n"), then.strip("\n")) if part)


# --- moving and skipping -----------------------------------------------------------------


class Rescheduled(NamedTuple):
    """What a move or skip did: the session shown on ``was_on`` is now on ``now_on``."""

    series: Series
    was_on: date
    now_on: date | None  # None: skipped
    notice: str | None = None


def _upcoming_hint(series: Series, changes: dict[date, date | None], today: date) -> str:
    horizon = today + timedelta(weeks=series.every_weeks * 4)
    upcoming = session_dates(series, changes, today, horizon)
    if not upcoming:
        return "no sessions are coming up"
    return "upcoming: " + ", ".join(d.isoformat() for d in upcoming[:3])


def reschedule(
    store: Store, person: Person, today: date, *, on: date | None, to: date | None
) -> Rescheduled:
    """Move the session on ``on`` (default: the next one) to ``to``; skip it if ``to`` is None.

    Only upcoming sessions change; the rule itself is untouched, so the following
    occurrences keep their dates. Moving a session back to its rule date undoes the move.
    """
    repo = OneOnOneRepository(store)
    with write_transaction(store):
        series = find_series(store, person)
        if series is None or series.ad_hoc:
            raise OneOnOneRefusal(
                f"the 1:1 with {person.display_name} is ad hoc, with no dates to move or skip; "
                "it needs a recurring series",
                Refusal.NO_SERIES,
                person,
            )
        if series.status is not SeriesStatus.ACTIVE:
            raise OneOnOneRefusal(
                f"the 1:1 with {person.display_name} is {series.status.value}; resume it first",
                Refusal.NOT_ACTIVE,
                person,
            )
        changes = repo.changes(series.id)
        shown = on or next_session_date(series, changes, today, repo.last_held(series.id))
        if shown is None:
            raise InputError(f"the 1:1 with {person.display_name} has no upcoming session")
        if shown < today:
            raise InputError(
                f"{shown.isoformat()} is in the past; only upcoming sessions can be moved "
                "or skipped"
            )
        original = original_occurrence(series, changes, shown)
        if original is None:
            raise InputError(
                f"there is no 1:1 with {person.display_name} on {shown.isoformat()}; "
                f"{_upcoming_hint(series, changes, today)}"
            )
        if to is not None:
            if to == shown:
                raise InputError(
                    f"the session is already on {shown.isoformat()}; give another date"
                )
            if to < today:
                raise InputError(f"cannot move a session to {to.isoformat()}, which is in the past")
            if to in session_dates(series, changes, to, to):
                raise InputError(
                    f"there is already a 1:1 with {person.display_name} on {to.isoformat()}; "
                    "skip this one instead"
                )
        if to == original:
            repo.restore_occurrence(series.id, original)
        else:
            repo.change_occurrence(series.id, original, to)
    return Rescheduled(series, shown, to, archived_notice(person))


class Restored(NamedTuple):
    """An occurrence back on its rule date, and what to tell the user (or None)."""

    series: Series
    on: date
    notice: str | None


def restore_occurrence(store: Store, person: Person, day: date) -> Restored:
    """Undo the skip or move of the occurrence on ``day`` (its rule date or where it
    was moved to); the result says the rule date it is back on."""
    repo = OneOnOneRepository(store)
    with write_transaction(store):
        series = find_series(store, person)
        changes = repo.changes(series.id) if series is not None else {}
        # The session shown on ``day`` (moved there) first, then the occurrence whose rule
        # date is ``day``.
        moved_here = [orig for orig, moved in changes.items() if moved == day]
        original = moved_here[0] if moved_here else (day if day in changes else None)
        if original is None or series is None:
            raise InputError(
                f"the 1:1 with {person.display_name} on {day.isoformat()} was not moved or skipped"
            )
        if any(moved == original for moved in changes.values()):
            raise InputError(
                f"another session was moved to {original.isoformat()}; bringing this one "
                "back would put two sessions on one day, so move it instead"
            )
        repo.restore_occurrence(series.id, original)
    return Restored(series, original, archived_notice(person))
