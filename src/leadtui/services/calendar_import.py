"""A calendar's 1:1 meetings proposed as series and sessions, and written when chosen.

For each weekly meeting of me and one other person (read by :mod:`leadtui.imports.ics`)
the person is found by address, else by name; then it proposes

- a new series (weekday, time, cadence, length, first day) for someone without one;
- the differences for someone whose series disagrees with the calendar;
- the sessions held in the past weeks after the last one recorded (notes left empty,
  nothing filed under them: the upcoming points stay upcoming);
- the coming sessions the calendar cancels or moves, as skips and moves of the series.

Nothing is written until :func:`apply_proposals`, which writes the chosen ones in one
transaction. What it writes is what the calendar says, so proposals made again
afterwards are none: applying twice changes nothing the second time. A plan read a while
ago (a dialog left open while the command line applied the same file) is checked again
inside that transaction: what is recorded by then is not written twice.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple

from leadtui.domain.dates import weekday_name
from leadtui.domain.oneonones import (
    Cadence,
    Series,
    SeriesStatus,
    is_rule_date,
    session_dates,
)
from leadtui.domain.text import literal, name_key, plural
from leadtui.services.people import list_people, person_with_email
from leadtui.store.database import write_transaction
from leadtui.store.oneonones import OneOnOneRepository

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from leadtui.domain.calendar import Attendee, ImportedMeeting
    from leadtui.domain.people import Person
    from leadtui.store.database import Store


class ProposalKind(StrEnum):
    """What a proposal would write."""

    NEW_SERIES = "new-series"
    CHANGE_SERIES = "change-series"
    HELD_SESSIONS = "held-sessions"
    UPCOMING_SESSIONS = "upcoming-sessions"


# Written in this order: a series before the sessions held in it, and its rule before
# the skips and moves of its coming sessions (a new rule drops the old ones).
_ORDER = [ProposalKind.NEW_SERIES, ProposalKind.CHANGE_SERIES, ProposalKind.HELD_SESSIONS,
          ProposalKind.UPCOMING_SESSIONS]  # fmt: skip


class Proposal(NamedTuple):
    """One thing the calendar says that leadtui does not have yet."""

    key: str
    """Stable within one reading: what a front end's check box stands for."""
    kind: ProposalKind
    person: Person
    meeting: ImportedMeeting
    changes: tuple[tuple[str, str, str], ...] = ()
    """(field, leadtui has, the calendar has) for a new or changed series; for coming
    sessions ("skip", rule date, "") or ("move", rule date, new date)."""
    held: tuple[date, ...] = ()

    def describe(self) -> str:
        """One line saying what applying it writes."""
        who = self.person.display_name
        if self.kind is ProposalKind.HELD_SESSIONS:
            days = ", ".join(d.isoformat() for d in self.held)
            return f"{who}: record {plural(len(self.held), 'held session')}: {days}"
        if self.kind is ProposalKind.UPCOMING_SESSIONS:
            parts = "; ".join(
                f"skip {before}" if field == "skip" else f"move {before} -> {after}"
                for field, before, after in self.changes
            )
            return f"{who}: coming sessions: {parts}"
        parts = "; ".join(
            f"{field} {before} -> {after}" if before else f"{field} {after}"
            for field, before, after in self.changes
        )
        verb = "new series" if self.kind is ProposalKind.NEW_SERIES else "change series"
        return f"{who}: {verb}: {parts}"


class ImportPlan(NamedTuple):
    """Every proposal for a calendar, and the meetings whose person was not found."""

    proposals: list[Proposal]
    unmatched: list[str]
    """The other attendee of each meeting nobody in leadtui matched (name or address)."""
    not_imported: tuple[str, ...] = ()
    """The calendar's cancelled or moved coming sessions no skip or move can say, each
    with why (e.g. "Sam Okafor: 2026-12-02 moved to 2026-11-20, which is past")."""


def _every(weeks: int) -> str:
    return "weekly" if weeks == 1 else f"every {weeks} weeks"


def _match(store: Store, other: Attendee, people: Sequence[Person]) -> Person | None:
    found = person_with_email(store, other.email)
    if found is not None:
        return found
    if not other.name:
        return None
    key = name_key(other.name)
    named = [p for p in people if name_key(p.name) == key]
    return named[0] if len(named) == 1 else None


def known_attendee(store: Store) -> Callable[[Attendee], bool]:
    """Whether an attendee is someone active in leadtui (by address, else by name): what a
    calendar reader asks before it expands a meeting."""
    people = list_people(store)
    return lambda other: _match(store, other, people) is not None


def _series_changes(series: Series | None, meeting: ImportedMeeting) -> list[tuple[str, str, str]]:
    """What differs between ``series`` (None: no series) and the meeting."""
    wanted = [
        ("cadence", _every(meeting.every_weeks)),
        ("weekday", weekday_name(meeting.weekday)),
        ("time", meeting.at_time),
        ("minutes", str(meeting.minutes)),
    ]
    if series is None or series.cadence is Cadence.AD_HOC:
        return [(f, "", v) for f, v in wanted] + [("first day", "", meeting.starts_on.isoformat())]
    has = {
        "cadence": _every(series.every_weeks),
        "weekday": weekday_name(series.weekday),
        "time": series.at_time,
        "minutes": str(series.minutes),
    }
    found = [(f, has[f], v) for f, v in wanted if has[f] != v]
    same_rule = series.every_weeks == meeting.every_weeks and series.weekday == meeting.weekday
    # Every other week on the same day may still fall on the other weeks.
    in_phase = meeting.next_on is None or is_rule_date(series, meeting.next_on)
    if not same_rule or not in_phase:
        found.append(("first day", series.starts_on.isoformat(), meeting.starts_on.isoformat()))
    if series.status is not SeriesStatus.ACTIVE:
        found.append(("status", series.status.value, SeriesStatus.ACTIVE.value))
    return found


_RULE_FIELDS = ("cadence", "weekday", "first day")


def _upcoming_changes(
    repo: OneOnOneRepository,
    series: Series | None,
    meeting: ImportedMeeting,
    changes: Sequence[tuple[str, str, str]],
    today: date,
) -> tuple[tuple[tuple[str, str, str], ...], list[str]]:
    """The skips and moves of coming sessions the calendar has and leadtui does not, on
    the rule the series has once the calendar's changes are written."""
    same_rule = (
        series is not None
        and series.cadence is Cadence.RECURRING
        and not any(field in _RULE_FIELDS for field, _, _ in changes)
    )
    if same_rule:
        assert series is not None
        rule, recorded = series, repo.changes(series.id)
    else:
        # A new rule drops the moves and skips of the old one.
        rule = Series(0, 0, meeting.every_weeks, meeting.weekday, meeting.at_time,
                      meeting.minutes, meeting.starts_on, SeriesStatus.ACTIVE)  # fmt: skip
        recorded = {}
    return _still_to_write(rule, recorded, meeting, today)


def _still_to_write(
    series: Series, recorded: dict[date, date | None], meeting: ImportedMeeting, today: date
) -> tuple[tuple[tuple[str, str, str], ...], list[str]]:
    """The skips and moves to write, and the calendar's changes that none can say."""
    found: list[tuple[str, str, str]] = []
    refused: list[str] = []
    for day in meeting.cancelled:
        if recorded.get(day, day) is None:
            continue  # skipped already
        if not is_rule_date(series, day):
            refused.append(f"{day.isoformat()} cancelled (not a date of the series)")
        else:
            found.append(("skip", day.isoformat(), ""))
    for day, to in meeting.moved:
        if recorded.get(day) == to:
            continue  # moved already
        if not is_rule_date(series, day):
            refused.append(f"{day.isoformat()} moved to {to} (not a date of the series)")
        elif to < today:
            refused.append(f"{day.isoformat()} moved to {to}, which is past")
        else:
            found.append(("move", day.isoformat(), to.isoformat()))
    return tuple(found), refused


def propose(store: Store, meetings: Iterable[ImportedMeeting], today: date) -> ImportPlan:
    """What the calendar's ``meetings`` would change; nothing is written."""
    repo = OneOnOneRepository(store)
    people = list_people(store)
    last_held = repo.last_held_by_series()
    proposals: list[Proposal] = []
    unmatched: list[str] = []
    not_imported: list[str] = []
    seen: set[int] = set()
    # The newest meeting per person decides (an older series moved to a new slot).
    for meeting in sorted(meetings, key=lambda m: m.starts_on, reverse=True):
        person = _match(store, meeting.other, people)
        if person is None:
            unmatched.append(literal(meeting.other.name or meeting.other.email))
            continue
        if person.id in seen:
            continue
        seen.add(person.id)
        series = repo.series_for(person.id)
        changes = _series_changes(series, meeting)
        new = series is None or series.cadence is Cadence.AD_HOC
        if changes:
            kind = ProposalKind.NEW_SERIES if new else ProposalKind.CHANGE_SERIES
            proposals.append(Proposal(f"{kind.value}:{person.id}", kind, person, meeting,
                                      tuple(changes)))  # fmt: skip
        upcoming, refused = _upcoming_changes(repo, series, meeting, changes, today)
        not_imported.extend(f"{person.display_name}: {why}" for why in refused)
        if upcoming:
            kind = ProposalKind.UPCOMING_SESSIONS
            proposals.append(Proposal(f"{kind.value}:{person.id}", kind, person, meeting,
                                      upcoming))  # fmt: skip
        last = last_held.get(series.id) if series is not None and series.saved else None
        held = tuple(d for d in meeting.held if (last is None or d > last) and d < today)
        if held:
            kind = ProposalKind.HELD_SESSIONS
            proposals.append(
                Proposal(f"{kind.value}:{person.id}", kind, person, meeting, held=held)
            )
    return ImportPlan(proposals, sorted(set(unmatched)), tuple(not_imported))


def apply_proposals(
    store: Store, proposals: Sequence[Proposal], today: date, chosen: Iterable[str] | None = None
) -> int:
    """Write the proposals whose key is in ``chosen`` (all when None) in one transaction;
    how many were written.

    Each is checked against what is recorded by then: held sessions already there are not
    written again, a series that changed since the plan was made is left as it is, and a
    skip or move that no longer fits the series is dropped (a proposal left with nothing
    to write is not counted)."""
    keys = None if chosen is None else set(chosen)
    picked = [p for p in proposals if keys is None or p.key in keys]
    picked.sort(key=lambda p: _ORDER.index(p.kind))
    repo = OneOnOneRepository(store)
    written = 0
    with write_transaction(store, f"imported {plural(len(picked), 'calendar proposal')}"):
        for proposal in picked:
            if proposal.kind is ProposalKind.HELD_SESSIONS:
                written += _write_held(repo, proposal, today)
            elif proposal.kind is ProposalKind.UPCOMING_SESSIONS:
                written += _write_upcoming(repo, proposal, today)
            else:
                written += _write_series(store, repo, proposal, today)
    return written


def _write_held(repo: OneOnOneRepository, proposal: Proposal, today: date) -> int:
    series = repo.series_for(proposal.person.id)
    if series is None:
        series = repo.add_ad_hoc_series(proposal.person.id, today)
    recorded = {
        s.held_on for s in repo.held_between(series.id, min(proposal.held), max(proposal.held))
    }
    new = [day for day in proposal.held if day not in recorded]
    for day in new:
        repo.insert_session(series.id, day, "", "")
    return 1 if new else 0


def _write_series(store: Store, repo: OneOnOneRepository, proposal: Proposal, today: date) -> int:
    from leadtui.services.oneonones import set_series, set_series_status

    m, person = proposal.meeting, proposal.person
    # The differences found again now: none when it was written meanwhile, others when
    # the series was changed by hand since; either way the plan no longer says what to do.
    if tuple(_series_changes(repo.series_for(person.id), m)) != proposal.changes:
        return 0
    # A new first day only when the rule moves: the same rule keeps its moves.
    new_rule = any(field == "first day" for field, _, _ in proposal.changes)
    set_series(store, person, today, every_weeks=m.every_weeks,
               weekday=weekday_name(m.weekday), at_time=m.at_time, minutes=m.minutes,
               starts_on=m.starts_on if new_rule else None)  # fmt: skip
    current = repo.series_for(person.id)
    if current is not None and current.status is not SeriesStatus.ACTIVE:
        set_series_status(store, person, today, SeriesStatus.ACTIVE)
    return 1


def _write_upcoming(repo: OneOnOneRepository, proposal: Proposal, today: date) -> int:
    series = repo.series_for(proposal.person.id)
    if series is None or series.cadence is not Cadence.RECURRING:
        return 0
    if series.status is not SeriesStatus.ACTIVE:
        return 0
    recorded = repo.changes(series.id)
    wanted, _ = _still_to_write(series, recorded, proposal.meeting, today)
    done = 0
    for field, before, after in proposal.changes:
        if (field, before, after) not in wanted:
            continue  # written meanwhile, or no longer a date of the series
        day = date.fromisoformat(before)
        to = date.fromisoformat(after) if after else None
        if to is not None and to in session_dates(series, recorded, to, to):
            continue  # a session is already on that day
        repo.change_occurrence(series.id, day, to)
        recorded[day] = to
        done += 1
    return 1 if done else 0
