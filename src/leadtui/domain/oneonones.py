"""One-on-ones: a running document per person. Records and pure rules, no I/O.

A series recurs weekly or every N weeks on one weekday (python-dateutil's rrule
reading, computed with plain date arithmetic where no occurrence was changed);
one occurrence can be moved or skipped. An ad-hoc series (a peer or a skip-level met
now and then) has no rule: its points and actions wait for whenever you next meet, and
nothing about it is ever overdue. The upcoming session is the open talking points and
open action items; closing it files what was discussed under a session and carries the
rest over.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from enum import StrEnum
from itertools import pairwise
from typing import NamedTuple

from leadtui.domain.dates import FIRST_DAY, LAST_DAY, weekday_name
from leadtui.domain.people import Person, Relation

# Visibility lives with the privacy rule; re-exported for the modules that import it here.
from leadtui.domain.privacy import Visibility as Visibility

OVERDUE_GRACE_DAYS = 3


class Side(StrEnum):
    """Who raised a point or owns an action."""

    ME = "me"
    THEM = "them"


class PointStatus(StrEnum):
    """Where a talking point stands."""

    OPEN = "open"
    DISCUSSED = "discussed"
    DROPPED = "dropped"


class SeriesStatus(StrEnum):
    """Whether a series produces sessions."""

    ACTIVE = "active"
    PAUSED = "paused"
    ENDED = "ended"


class Cadence(StrEnum):
    """Whether a series recurs on a rule or meets when it meets."""

    RECURRING = "recurring"
    AD_HOC = "ad-hoc"


# The id of a person's ad-hoc document before anything was written to it: every person
# without a series can be read as one, and the first write saves it (ids start at 1).
UNSAVED = 0


class Series(NamedTuple):
    """A one-on-one with one person: recurring on a rule, or ad hoc (``cadence``).

    An ad-hoc series keeps the day it was started in ``weekday`` and ``starts_on`` (the
    table needs them) but they decide no dates.
    """

    id: int
    person_id: int
    every_weeks: int
    weekday: int
    at_time: str
    minutes: int
    starts_on: date
    status: SeriesStatus
    draft_shared_notes: str = ""
    draft_private_notes: str = ""
    cadence: Cadence = Cadence.RECURRING

    @property
    def ad_hoc(self) -> bool:
        """No recurring rule: you meet when you meet."""
        return self.cadence is Cadence.AD_HOC

    @property
    def saved(self) -> bool:
        """Stored, as opposed to a person's ad-hoc document nothing was written to yet."""
        return self.id != UNSAVED

    def describe(self) -> str:
        """E.g. "weekly on Tuesday at 10:00, 60 min", or "ad hoc, no recurring series"."""
        if self.ad_hoc:
            return "ad hoc, no recurring series"
        every = "weekly" if self.every_weeks == 1 else f"every {self.every_weeks} weeks"
        return f"{every} on {weekday_name(self.weekday)} at {self.at_time}, {self.minutes} min"

    @property
    def rule(self) -> Rule:
        """What decides the dates: every N weeks on a weekday, from the first day."""
        return Rule(self.every_weeks, self.weekday, self.starts_on)


def unsaved_ad_hoc(person_id: int, today: date) -> Series:
    """The ad-hoc document of a person who has no series yet, as read before any write."""
    return Series(
        UNSAVED,
        person_id,
        1,
        today.weekday(),
        "10:00",
        60,
        today,
        SeriesStatus.ACTIVE,
        cadence=Cadence.AD_HOC,
    )


class Rule(NamedTuple):
    """What decides a series' dates (its time and length do not)."""

    every_weeks: int
    weekday: int
    starts_on: date


def changes_survive(old: Series | None, new: Rule) -> bool:
    """Whether the moves and skips of ``old`` still hold once its rule becomes ``new``.

    Only while the rule stays the same: a new rule has other occurrences, so the old
    moves and skips would name dates it no longer has. A new time or length keeps them.
    """
    return old is None or old.rule == new


class PointKind(StrEnum):
    """Where a point came from in the prompt tray (None for a point written freely)."""

    SKILL_GAP = "skill_gap"
    EXECUTION_FOCUS = "execution_focus"
    FEEDBACK_ASKED = "feedback_asked"
    KERNEL_CHECK = "kernel_check"


class Prompt(NamedTuple):
    """A question the sources ask a manager to bring back to one-on-ones."""

    kind: PointKind
    mark: str  # shown beside a point taken from the tray
    text: str  # the talking point it becomes, to keep or change
    quote: str  # the source's words


# The prompt tray, in the order it is offered.
PROMPTS: tuple[Prompt, ...] = (
    Prompt(
        PointKind.SKILL_GAP,
        "gap",
        "What are you missing to do my job? The skill gap between your role and the next",
        "what is the skill gap for me between the job I am doing right now and a director role?",
    ),
    Prompt(
        PointKind.EXECUTION_FOCUS,
        "focus",
        "Our execution focus: is it still the right one, and are we aligned on it?",
        "you should ask for it and ensure you are aligned with your manager. And as a "
        "manager, you need to communicate this to your team",
    ),
    Prompt(
        PointKind.FEEDBACK_ASKED,
        "ask",
        "Feedback on one thing: how did I do on …?",
        "ask narrow questions like, \u201cDid I ramble a bit when I shared my perspective "
        "about reducing bonuses?\u201d which are much easier to answer than open-ended "
        "requests for feedback.",
    ),
    Prompt(
        PointKind.KERNEL_CHECK,
        "kernel",
        "To make sure I understand: the most important part of this problem is …?",
        "\u201cTo make sure I\u2019m understanding, the most important feedback here is "
        "that we should figure out how to accelerate our timeline?\u201d",
    ),
)
PROMPT_BY_KIND = {prompt.kind: prompt for prompt in PROMPTS}


class Point(NamedTuple):
    """A talking point."""

    id: int
    series_id: int
    text: str
    raised_by: Side
    visibility: Visibility
    status: PointStatus
    recurring: bool
    position: int
    carried: int
    session_id: int | None
    created_on: date
    # "An hour is enough time to dig deep into two or three meaningful problems."
    deep: bool = False
    kind: PointKind | None = None  # taken from the prompt tray

    @property
    def prompt(self) -> Prompt | None:
        """The prompt this point was taken from, if any."""
        return PROMPT_BY_KIND[self.kind] if self.kind is not None else None

    @property
    def filed(self) -> bool:
        """Filed under a held session: part of the record, no longer changed."""
        return self.session_id is not None


class Action(NamedTuple):
    """An action item; actions of both sides are part of the shared document."""

    id: int
    series_id: int
    text: str
    owner: Side
    due_on: date | None
    done_on: date | None
    carried: int
    session_id: int | None
    created_on: date

    @property
    def filed(self) -> bool:
        """Filed under a held session (done by then)."""
        return self.session_id is not None

    @property
    def visibility(self) -> Visibility:
        """Shared: actions of both sides are part of the counterpart's copy (product.md)."""
        return Visibility.SHARED

    def overdue(self, today: date) -> bool:
        """Open and past its due date. A due date already past when added is overdue at once."""
        return self.done_on is None and self.due_on is not None and self.due_on < today


class Session(NamedTuple):
    """A held (closed) session with its notes."""

    id: int
    series_id: int
    held_on: date
    shared_notes: str
    private_notes: str
    rating: int | None = None  # was it useful? 1-5, yours alone


# "When ratings fall for three sessions": each of the last three rated sessions lower
# than the one rated before it.
RATING_FALLS = 3
RATING_ADVICE = (
    "Ratings fell three sessions in a row: change the agenda (T) or reduce the cadence (s); "
    "if the weekly hour is not productive, move to less time."
)


# "Repeated exposure has a magic to it, and an hour is enough time to dig deep into two
# or three meaningful problems." More than this many deep points cannot all get depth.
MOST_DEEP = 3


def depth_warning(points: list[Point]) -> str | None:
    """The warning for the upcoming session's open ``points``, or None when one to three
    are marked deep (or nothing is planned yet).

    "An hour is enough time to dig deep into two or three meaningful problems": more than
    three deep points will not all get the hour they need; none means the session has
    nothing to dig into. Recurring points count too, as they are on the agenda each time.
    """
    planned = [p for p in points if p.status is PointStatus.OPEN and not p.filed]
    deep = sum(1 for p in planned if p.deep)
    if deep > MOST_DEEP:
        return (
            f"{deep} deep points: an hour is enough to dig deep into two or three "
            "meaningful problems; mark the rest quick (D) or move them on."
        )
    # An empty agenda has nothing to mark yet: the warning waits for the first point.
    if deep == 0 and planned:
        return (
            "No deep point: an hour is enough to dig deep into two or three meaningful "
            "problems; mark one (D)."
        )
    return None


# Flag a point carried to this many sessions: it keeps being put off and needs a
# decision (give it time, make it an action, or drop it).
CARRIED_TOO_LONG = 3


def carried_too_long(point: Point) -> bool:
    """True when an open point was carried over :data:`CARRIED_TOO_LONG` or more times.

    A point that comes back session after session is put off rather than discussed; the
    running document flags it so it gets time, becomes an action, or is dropped.
    """
    open_point = not point.filed and point.status is PointStatus.OPEN
    return open_point and point.carried >= CARRIED_TOO_LONG


# "They might keep one-on-one meetings, serve as an explicit mentor to team members they
# managed, or attend social work functions. ... I strongly recommend against these sorts
# of prolonged departures."
DEPARTURE_QUOTE = "I strongly recommend against these sorts of prolonged departures."


def departed(before: Person, after: Person) -> str | None:
    """Why the 1:1 series with ``after`` should end, or None: they were archived, or they
    were a report and no longer are.

    The source warns against keeping one-on-ones going once the reporting line has ended:
    "I strongly recommend against these sorts of prolonged departures."
    """
    if before.active and not after.active:
        return "is archived"
    if before.relation is Relation.REPORT and after.relation is not Relation.REPORT:
        return f"is no longer a report ({after.relation.value} now)"
    return None


def ratings_falling(ratings: list[int]) -> bool:
    """True when the last :data:`RATING_FALLS` of ``ratings`` (oldest first) each fell."""
    last = ratings[-(RATING_FALLS + 1) :]
    return len(last) == RATING_FALLS + 1 and all(b < a for a, b in pairwise(last))


def session_dates(
    series: Series, changes: dict[date, date | None], start: date, end: date
) -> list[date]:
    """Dates of sessions between ``start`` and ``end`` (inclusive), moves and skips applied.

    Sessions exist only in the years a date may be typed (FIRST_DAY to LAST_DAY): the
    window is clipped to them, so a far date stored by an older version (a series from
    9999-12-27) yields no sessions instead of overflowing the calendar.
    """
    start, end = max(start, FIRST_DAY), min(end, LAST_DAY)
    if start > end:
        return []
    # Look a little outside the window: an occurrence moved into it may come from outside.
    margin = timedelta(weeks=series.every_weeks + 4)
    low, high = start - margin, end + margin
    if any(low <= day <= high for day in changes):
        occurrences = rule_dates_by_rrule(series, low, high)
    else:
        # The common case (Today asks for every series at start-up): no move or skip near
        # the window, so whole weeks of plain date arithmetic give the rule's dates.
        occurrences = rule_dates(series, low, high)
    found: set[date] = set()
    for day in occurrences:
        moved = changes[day] if day in changes else day
        if moved is not None and start <= moved <= end:
            found.add(moved)
    for original, moved in changes.items():
        # A session moved in from further away than the margin still shows.
        if (
            moved is not None
            and start <= moved <= end
            and not low <= original <= high
            and is_rule_date(series, original)
        ):
            found.add(moved)
    return sorted(found)


def is_rule_date(series: Series, day: date) -> bool:
    """Whether the rule (without moves or skips) has an occurrence on ``day``."""
    return rule_dates(series, day, day) == [day]


def rule_dates(series: Series, start: date, end: date) -> list[date]:
    """The rule's occurrences between ``start`` and ``end`` (inclusive), by date arithmetic.

    The same dates as :func:`rule_dates_by_rrule` (a test compares them over many series):
    weeks run Monday to Sunday, counted from the week that holds ``starts_on``; every
    ``every_weeks``-th of them has a session on ``weekday``, none before ``starts_on``.
    The rule runs no further than LAST_DAY, the last day a date may be typed for. An
    ad-hoc series has no rule, so no dates.
    """
    end = min(end, LAST_DAY)
    if series.ad_hoc or start > end or series.starts_on > end:
        # Nothing to find; also keeps the arithmetic below away from 9999-12-31.
        return []
    step = 7 * series.every_weeks
    first_week = series.starts_on - timedelta(days=series.starts_on.weekday())
    first = first_week + timedelta(days=series.weekday)
    if first < series.starts_on:
        first += timedelta(days=step)  # that week's day has passed: the next period's
    if start > first:
        first += timedelta(days=-(-(start - first).days // step) * step)
    days = []
    day = first
    while day <= end:
        days.append(day)
        day += timedelta(days=step)
    return days


def rule_dates_by_rrule(series: Series, start: date, end: date) -> list[date]:
    """The rule's occurrences between ``start`` and ``end`` (inclusive) from
    python-dateutil's rrule: the reference for :func:`rule_dates`, and the path taken
    when moves or skips are near. Like :func:`rule_dates`, it stops at LAST_DAY."""
    from dateutil.rrule import WEEKLY, rrule

    end = min(end, LAST_DAY)
    if series.ad_hoc or start > end or series.starts_on > end:
        return []
    # Start the rule near the window, a whole number of intervals after the series began,
    # so the phase of "every N weeks" is kept without walking years of occurrences.
    dtstart = series.starts_on
    if start > dtstart:
        periods = (start - dtstart).days // (7 * series.every_weeks)
        dtstart += timedelta(weeks=periods * series.every_weeks)
    rule = rrule(
        WEEKLY,
        interval=series.every_weeks,
        byweekday=series.weekday,
        dtstart=datetime.combine(dtstart, datetime.min.time()),
    )
    return [
        occurrence.date()
        for occurrence in rule.between(
            datetime.combine(start, datetime.min.time()),
            datetime.combine(end, datetime.min.time()),
            inc=True,
        )
    ]


def first_open_day(today: date, last_held: date | None) -> date:
    """The first day the upcoming session can be on: today, or tomorrow once a session
    has been held today (holding it consumes today's occurrence)."""
    return today + timedelta(days=1) if last_held is not None and last_held >= today else today


def next_session_date(
    series: Series, changes: dict[date, date | None], today: date, last_held: date | None = None
) -> date | None:
    """The upcoming session: the first on or after ``today``, or after today once a
    session was held today (``last_held``); None for a paused or ended series.

    A series stored as starting after LAST_DAY (older versions let 9999-12-27 through)
    is not scheduled: None, like a paused one, so every screen and command shows "not
    scheduled" and the person can set a new start date. An ad-hoc series has no date
    either: its next session is whenever you next meet.
    """
    if series.status is not SeriesStatus.ACTIVE or series.ad_hoc:
        return None
    start = max(first_open_day(today, last_held), series.starts_on)
    if start > LAST_DAY:
        return None
    horizon = start + timedelta(weeks=series.every_weeks * 8 + 8)
    upcoming = session_dates(series, changes, start, horizon)
    return upcoming[0] if upcoming else None


def original_occurrence(
    series: Series, changes: dict[date, date | None], shown: date
) -> date | None:
    """The rule date behind the session shown on ``shown``, or None if there is none.

    A session shown on a day is either an unchanged occurrence of the rule or one moved
    there; moving or skipping it again changes that original occurrence.
    """
    for original, moved in changes.items():
        if moved == shown and is_rule_date(series, original):
            return original
    if shown in changes:
        return None  # that occurrence was moved away or skipped
    return shown if is_rule_date(series, shown) else None


def series_overdue(series: Series, last_held: date | None, today: date) -> bool:
    """No session held within the cadence plus a three-day grace; an ad-hoc series has no
    cadence and is never overdue."""
    if series.status is not SeriesStatus.ACTIVE or series.ad_hoc:
        return False
    since = last_held or series.starts_on
    return (today - since).days > series.every_weeks * 7 + OVERDUE_GRACE_DAYS


class CommitmentsKept(NamedTuple):
    """Actions due in a window and how many were done by their due date, per side."""

    due: int
    kept: int

    @property
    def share(self) -> float | None:
        """Kept / due, or None when nothing was due."""
        return self.kept / self.due if self.due else None


def commitments_kept(
    actions: list[Action], owner: Side, today: date, days: int = 90
) -> CommitmentsKept:
    """Of ``owner``'s actions due in the last ``days`` days, how many were done on time."""
    return commitments_kept_between(
        actions, owner, today - timedelta(days=days) + timedelta(days=1), today
    )


def commitments_kept_between(
    actions: list[Action], owner: Side, since: date, until: date
) -> CommitmentsKept:
    """Of ``owner``'s actions due between two days (inclusive), how many were done by
    their due date."""
    due = [a for a in actions if a.owner is owner and a.due_on and since <= a.due_on <= until]
    kept = [a for a in due if a.done_on is not None and a.due_on and a.done_on <= a.due_on]
    return CommitmentsKept(len(due), len(kept))


def toggled(current: PointStatus, status: PointStatus) -> PointStatus:
    """Marking a point as it already is opens it again: discussing twice undoes it."""
    return PointStatus.OPEN if current is status else status


def reordered(ids: list[int], moved: int, offset: int) -> list[int] | None:
    """The order of ``ids`` once ``moved`` swaps with its neighbour ``offset`` places away;
    None when there is no such neighbour (the first point cannot go further up)."""
    index = ids.index(moved)
    other = index + offset
    if not 0 <= other < len(ids):
        return None
    order = list(ids)
    order[index], order[other] = order[other], order[index]
    return order


# --- holding a session ------------------------------------------------------------------


class HoldRefusal(StrEnum):
    """Why a session cannot be held on a day."""

    FUTURE = "future"
    ALREADY_HELD = "already-held"


def hold_refusal(held_on: date, today: date, held_that_day: bool) -> HoldRefusal | None:
    """Why the upcoming session cannot be held on ``held_on``, or None when it can.

    Holding records a session that took place, so a day still to come is refused. And one
    hold per day: holding uses up the day's occurrence and files the points, so a second
    hold the same day would only file an empty session (``held_that_day``: this series
    already has a session on that day).
    """
    if held_on > today:
        return HoldRefusal.FUTURE
    if held_that_day:
        return HoldRefusal.ALREADY_HELD
    return None


class HoldPlan(NamedTuple):
    """What holding the upcoming session does to its talking points and action items.

    The carry-over rule: discussed and dropped points are filed under the session; open
    points carry over with their count up by one. A recurring point stays on the list
    (open again, its count unchanged); once discussed, a copy is filed under the session.
    Actions done since the last session are filed; open ones carry over with their count
    up by one.
    """

    filed_points: list[Point]
    recurring_copies: list[Point]
    reopened: list[Point]
    carried_points: list[Point]
    kept_recurring: list[Point]
    filed_actions: list[Action]
    carried_actions: list[Action]

    @property
    def filed(self) -> int:
        """Points filed under the session (copies of recurring ones included)."""
        return len(self.filed_points) + len(self.recurring_copies)

    @property
    def carried(self) -> int:
        """Points on the list for next time (recurring ones included)."""
        return len(self.carried_points) + len(self.kept_recurring)


def plan_hold(points: list[Point], actions: list[Action]) -> HoldPlan:
    """Apply the carry-over rule to the upcoming ``points`` and the series' ``actions``
    (upcoming ones and any open one)."""
    upcoming = [p for p in points if not p.filed]
    recurring = [p for p in upcoming if p.recurring]
    once = [p for p in upcoming if not p.recurring]
    return HoldPlan(
        filed_points=[p for p in once if p.status is not PointStatus.OPEN],
        recurring_copies=[p for p in recurring if p.status is PointStatus.DISCUSSED],
        # Dropping a recurring point only leaves it out this time.
        reopened=[p for p in recurring if p.status is not PointStatus.OPEN],
        carried_points=[p for p in once if p.status is PointStatus.OPEN],
        kept_recurring=recurring,
        filed_actions=[a for a in actions if a.session_id is None and a.done_on is not None],
        carried_actions=[a for a in actions if a.done_on is None],
    )


class UnholdPlan(NamedTuple):
    """What taking back the last held session undoes (the carry-over rule in reverse).

    Points and actions filed under it go back to the upcoming session as they stand
    (discussed, dropped, done). A copy filed for a recurring point is removed and the
    point is discussed again. Every point and action that carried over at that hold
    (still upcoming, or open, with a count above zero) has its count go down by one: a
    count only grows at a hold, and the last hold carried everything upcoming and open.
    A dropped recurring point was only left out that time, so it stays open.
    """

    copies: list[Point]  # filed copies of recurring points, to remove
    rediscussed: list[Point]  # the recurring points those copies came from
    uncarried_points: list[Point]
    uncarried_actions: list[Action]


def _same_point(copy: Point, original: Point) -> bool:
    return (copy.text, copy.raised_by, copy.visibility, copy.created_on) == (
        original.text,
        original.raised_by,
        original.visibility,
        original.created_on,
    )


def plan_unhold(
    session_id: int, filed: list[Point], upcoming: list[Point], actions: list[Action]
) -> UnholdPlan:
    """What taking back the held session ``session_id`` undoes, given the points
    ``filed`` under it, the ``upcoming`` points and every action of the series."""
    copies: list[Point] = []
    rediscussed: list[Point] = []
    recurring = [p for p in upcoming if p.recurring]
    for point in filed:
        original = next(
            (r for r in recurring if r not in rediscussed and _same_point(point, r)), None
        )
        if original is not None and not point.recurring:
            copies.append(point)
            rediscussed.append(original)
    return UnholdPlan(
        copies=copies,
        rediscussed=rediscussed,
        uncarried_points=[p for p in upcoming if not p.recurring and not p.filed and p.carried > 0],
        uncarried_actions=[
            a
            for a in actions
            if a.carried > 0
            and a.session_id != session_id
            and (a.session_id is None or a.done_on is None)
        ],
    )
