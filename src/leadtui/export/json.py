"""Every ``--json`` document the command line prints, shaped in one place.

One function per document: typed records in, plain dicts and lists out (dates as
ISO text, enums as their values). The keys and their order are a contract with
scripts; tests pin them. Documents with shared and private parts take an
:class:`~leadtui.domain.privacy.Audience` (the user's own terminal: private, the
default) and keep only what :func:`~leadtui.domain.privacy.reaches` it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from leadtui.domain.feedback import T3B3Side
from leadtui.domain.privacy import Audience, Topic, Visibility, reaches

if TYPE_CHECKING:
    from datetime import date

    from leadtui.domain.energy import EnergizingWork, EnergyEntry, EnergyThresholds, EnergyVerdict
    from leadtui.domain.feedback import Evidence, Feedback, T3B3Item
    from leadtui.domain.people import Person
    from leadtui.services.oneonones import RunningDocument
    from leadtui.services.review import T3B3View
    from leadtui.services.rotations import CapacitySchedule, HostSchedule
    from leadtui.services.search import SearchHit
    from leadtui.services.succession import PersonSuccession, SuccessionOverview


def dumps(document: object) -> str:
    """The document as one line of JSON, non-ASCII text kept as typed."""
    return json.dumps(document, ensure_ascii=False)


# --- people ---------------------------------------------------------------------------


def person_json(person: Person) -> dict[str, Any]:
    """One person: every field, dates as ISO text (``people list --json`` items)."""
    data = person._asdict()
    data["relation"] = person.relation.value
    for key in ("started_on", "archived_on"):
        data[key] = data[key].isoformat() if data[key] else None
    return data


def people_json(people: Sequence[Person]) -> list[dict[str, Any]]:
    """``leadtui people list --json``."""
    return [person_json(p) for p in people]


# --- energy (private by nature: the user's own terminal only) -------------------------


def energy_entries_json(
    entries: Sequence[EnergyEntry], thresholds: EnergyThresholds
) -> list[dict[str, object]]:
    """``leadtui energy show --json``: the days, each with its kind under the thresholds."""
    from leadtui.domain.energy import level_kind

    return [
        {
            "day": e.day.isoformat(),
            "level": e.level,
            "kind": level_kind(e.level, thresholds),
            "note": e.note,
            "energized_by": list(e.energized_by),
            "drained_by": list(e.drained_by),
        }
        for e in entries
    ]


def energy_verdict_json(verdict: EnergyVerdict) -> dict[str, object]:
    """``leadtui energy check --json``: the verdict, the numbers behind it, the warnings."""
    balance = verdict.balance
    return {
        "state": verdict.state.value,
        "reason": verdict.reason,
        "prescription": verdict.prescription,
        "today": verdict.today.isoformat(),
        "window_days": verdict.thresholds.window_days,
        "window_start": verdict.window.start.isoformat(),
        "entries": verdict.window.entries,
        "min_entries": verdict.thresholds.min_entries,
        "good_days": verdict.window.good_days,
        "drained_days": verdict.window.drained_days,
        "mean": verdict.window.mean,
        "months_deenergized": verdict.months_deenergized,
        "months_judged": verdict.months_judged,
        "definitions": {
            "good_day": verdict.thresholds.good_day,
            "drained_day": verdict.thresholds.drained_day,
        },
        "energizing_hours_this_month": balance.hours_this_month if balance else 0,
        "energizing_hours_last_month": balance.hours_last_month if balance else 0,
        "warnings": balance.warnings if balance else [],
    }


def energizing_work_json(work: Sequence[EnergizingWork]) -> list[dict[str, object]]:
    """``leadtui energy work list --json``."""
    return [
        {
            "id": w.id,
            "title": w.title,
            "day": w.day.isoformat(),
            "hours": w.hours,
            "kind": w.kind.value,
            "creates_work_for_other_teams": w.creates_work_for_other_teams,
        }
        for w in work
    ]


# --- one-on-ones ----------------------------------------------------------------------


def running_document_json(
    doc: RunningDocument, audience: Audience = Audience.PRIVATE
) -> dict[str, object]:
    """``leadtui 1on1 show --json``: the next session and the last one's notes.

    The private view (the default) carries everything; another audience gets only
    the points, actions and notes that reach it (a note that does not is null).
    """
    last = doc.sessions[0][0] if doc.sessions else None

    def note(text: str, visibility: Visibility) -> str | None:
        return text if reaches(visibility, Topic.ONE_ON_ONE, audience) else None

    return {
        "person": doc.person.name,
        "series": doc.series.describe(),
        "status": doc.series.status.value,
        "next_session": doc.next_on.isoformat() if doc.next_on else None,
        "overdue": doc.overdue,
        "points": [
            {
                "id": p.id,
                "text": p.text,
                "raised_by": p.raised_by.value,
                "visibility": p.visibility.value,
                "status": p.status.value,
                "recurring": p.recurring,
                "carried": p.carried,
            }
            for p in doc.points
            if reaches(p.visibility, Topic.ONE_ON_ONE, audience)
        ],
        "actions": [
            {
                "id": a.id,
                "text": a.text,
                "owner": a.owner.value,
                "due_on": a.due_on.isoformat() if a.due_on else None,
                "done_on": a.done_on.isoformat() if a.done_on else None,
                "carried": a.carried,
            }
            for a in doc.actions
            if reaches(a.visibility, Topic.ONE_ON_ONE, audience)
        ],
        "last_session": {
            "held_on": last.held_on.isoformat(),
            "shared_notes": note(last.shared_notes, Visibility.SHARED),
            "private_notes": note(last.private_notes, Visibility.PRIVATE),
        }
        if last
        else None,
    }


# --- feedback and T3B3 ----------------------------------------------------------------


def feedback_json(
    entries: Sequence[Feedback], audience: Audience = Audience.PRIVATE
) -> list[dict[str, object]]:
    """``leadtui feedback list --json``: the entries that reach ``audience`` (all, privately)."""
    return [
        {
            "id": f.id,
            "given_on": f.given_on.isoformat(),
            "kind": f.kind.value,
            "visibility": f.visibility.value,
            "text": f.text,
            "session_id": f.session_id,
        }
        for f in entries
        if reaches(f.visibility, Topic.FEEDBACK, audience)
    ]


def _evidence_reaches(e: Evidence, audience: Audience) -> bool:
    topic = Topic.FEEDBACK if e.kind == "feedback" else Topic.ONE_ON_ONE
    return reaches(e.visibility, topic, audience)


def t3b3_json(view: T3B3View, audience: Audience = Audience.PRIVATE) -> dict[str, object]:
    """``leadtui t3b3 show --json``: the six items, their evidence, last half's areas.

    The items reach only you; another audience gets the record's state and dates
    with empty lists.
    """

    def item(i: T3B3Item) -> dict[str, object]:
        link = view.linked.get(i.id)
        return {
            "id": i.id,
            "rank": i.rank,
            "text": i.text,
            "linked_to": {"kind": link.kind, "id": link.id, "on": link.on.isoformat()}
            if link
            else None,
            # The domain's one rule, as the board, the app and the packet read it.
            "surprise": i.side is T3B3Side.BOTTOM and not i.raised,
            "suggestions": [
                {"kind": e.kind, "id": e.id, "on": e.on.isoformat(), "text": e.text}
                for e in view.suggestions.get(i.id, [])
                if _evidence_reaches(e, audience)
            ],
        }

    def side(which: T3B3Side) -> list[dict[str, object]]:
        return [item(i) for i in t.side(which) if reaches(i.visibility, Topic.T3B3_ITEM, audience)]

    t = view.t3b3
    return {
        "person": view.person.name,
        "half": view.half.label,
        "status": t.status.value,
        "filled": t.filled,
        "top": side(T3B3Side.TOP),
        "bottom": side(T3B3Side.BOTTOM),
        "delivered_on": t.delivered_on.isoformat() if t.delivered_on else None,
        "in_person": t.in_person,
        "remove_text_after_delivery": t.remove_text,
        "text_removed": t.text_removed,
        "previous_half": {
            "half": view.previous.half,
            "status": view.previous.status.value,
            "areas": [
                {"text": c.previous.text, "persists": c.persists}
                for c in view.carried
                if reaches(c.previous.visibility, Topic.T3B3_ITEM, audience)
            ],
        },
    }


# --- rotations (team text: nothing private is in them) ---------------------------------


def capacities_json(found: Sequence[CapacitySchedule], today: date) -> list[dict[str, object]]:
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
                s.name_of(g.person_id) for g in s.segments if g.covers(today) and g.person_id
            ],
            "roster": [s.name_of(m.person_id) for m in s.members],
        }
        for s in found
    ]


def rotation_json(schedule: CapacitySchedule, today: date, until: date) -> dict[str, object]:
    """``leadtui rotation show --json`` (one capacity): its terms from today to ``until``
    (ISO dates, ``ends`` inclusive; ``person`` null for an open seat) and its warnings."""
    c = schedule.capacity
    return {
        "name": c.name,
        "term_months": c.term_months,
        "seats": c.seats,
        "offset_months": c.offset_months,
        "starts_on": c.starts_on.isoformat(),
        "exposure": c.exposure,
        "active": c.active,
        "terms": [
            {
                "seat": s.seat,
                "person": schedule.names.get(s.person_id) if s.person_id is not None else None,
                "starts": s.starts.isoformat(),
                "ends": s.ends.isoformat(),
            }
            for s in schedule.upcoming(today, until)
        ],
        "warnings": [
            {"check": w.check.value, "on": w.on.isoformat(), "text": w.text}
            for w in schedule.warnings
        ],
    }


def hosts_json(hosts: HostSchedule) -> list[dict[str, object]]:
    """``leadtui host show --json``: each meeting's ISO date and host (null when skipped)."""
    return [
        {"date": m.on.isoformat(), "host": hosts.names.get(m.person_id) if m.person_id else None}
        for m in hosts.meetings
    ]


# --- succession -----------------------------------------------------------------------


def succession_json(
    overview: SuccessionOverview,
    rows: Sequence[PersonSuccession] | None = None,
    audience: Audience = Audience.PRIVATE,
) -> dict[str, object]:
    """``leadtui succession show --json``: the checks as "warnings" and, per report,
    "gaps", "focus" and "candidate" (null when not on the bench), with what reaches
    ``audience`` (everything on your own terminal)."""
    shown = overview.rows if rows is None else rows

    def person(row: PersonSuccession) -> dict[str, object]:
        c = row.candidate
        plan = row.plan
        return {
            "id": row.person.id,
            "name": row.person.name,
            "gaps": [
                {
                    "number": g.number,
                    "text": g.text,
                    "status": g.status.value,
                    "noted_on": g.noted_on.isoformat(),
                    "visibility": g.visibility.value,
                    "feedback_id": g.feedback_id,
                    "point_id": g.point_id,
                    "changes": [
                        {"on": ch.changed_on.isoformat(), "status": ch.status.value}
                        for ch in row.changes
                        if ch.gap_id == g.id
                    ],
                }
                for g in row.gaps
                if reaches(g.visibility, Topic.SUCCESSION_GAP, audience)
            ],
            "focus": [
                {
                    "id": f.id,
                    "half": f.half,
                    "text": f.text,
                    "gap_id": f.gap_id,
                    "agreed_on": f.agreed_on.isoformat(),
                }
                for f in row.focus
                if reaches(f.visibility, Topic.FOCUS_AREA, audience)
            ],
            "candidate": {
                "readiness": c.readiness.value,
                "pending": c.pending,
                "interim": c.interim,
                "reviewed_on": c.reviewed_on.isoformat(),
                "designated_on": c.designated_on.isoformat(),
            }
            if c is not None and reaches(Visibility.SHARED, Topic.CANDIDACY, audience)
            else None,
            "last_ceo_mention": row.last_ceo.isoformat()
            if row.last_ceo and reaches(Visibility.SHARED, Topic.CEO_LOG, audience)
            else None,
            "career": {
                "goal": plan.goal,
                "status": plan.status.value,
                "aligned_up_on": plan.aligned_up_on.isoformat() if plan.aligned_up_on else None,
                "milestones": [
                    {
                        "text": m.text,
                        "target_on": m.target_on.isoformat() if m.target_on else None,
                        "met_on": m.met_on.isoformat() if m.met_on else None,
                    }
                    for m in plan.milestones
                ],
                "test_run": plan.test_run,
                "test_result": plan.test_result,
            }
            if plan is not None and reaches(Visibility.SHARED, Topic.CAREER_PLAN, audience)
            else None,
        }

    private = reaches(Visibility.PRIVATE, Topic.SUCCESSION_GAP, audience)
    return {
        "today": overview.today.isoformat(),
        "half": overview.half.label,
        "quarter": overview.quarter,
        # The checks are the manager's own to-do list: they name gaps and the bench.
        "warnings": [
            {"code": w.code.value, "text": w.text, "person_id": w.person_id}
            for w in overview.warnings
        ]
        if private
        else [],
        "people": [person(r) for r in shown],
        "ceo_log": [
            {
                "id": n.id,
                "on": n.noted_on.isoformat(),
                "person_id": n.person_id,
                "kind": n.kind.value,
                "visibility": n.visibility.value,
                "text": n.text,
            }
            for n in overview.ceo_log
            if reaches(n.visibility, Topic.CEO_LOG, audience)
        ],
    }


def meetings_json(overview: SuccessionOverview) -> list[dict[str, object]]:
    """``leadtui meeting list --json``: the meetings this quarter's audit walks and each
    one's decision (null when not audited yet)."""
    found: list[dict[str, object]] = []
    for m in overview.meetings:
        audit = overview.audits.get(m.id)
        found.append(
            {
                "id": m.id,
                "name": m.name,
                "cadence": m.cadence,
                "kind": m.kind.value,
                "role": m.role.value,
                "hard_to_displace": m.kind.hard_to_displace,
                "quarter": overview.quarter,
                "decision": audit.decision.value if audit else None,
                "to": overview.people[audit.delegate_id].name
                if audit and audit.delegate_id is not None
                else None,
                "missing": audit.missing if audit else None,
                "plan": audit.plan if audit else None,
                "decided_on": audit.decided_on.isoformat() if audit else None,
            }
        )
    return found


def vacations_json(overview: SuccessionOverview) -> dict[str, object]:
    """``leadtui vacation list --json``: days away this year against the aim, and every
    vacation with who covers what."""
    from leadtui.domain.succession import VACATION_AIM_DAYS

    return {
        "year": overview.today.year,
        "days_this_year": overview.days_this_year,
        "aim_days": VACATION_AIM_DAYS,
        "vacations": [
            {
                "start": v.starts_on.isoformat(),
                "end": v.ends_on.isoformat(),
                "days": v.days,
                "no_chiming_in": v.no_chiming_in,
                "covers": [
                    {
                        "responsibility": c.responsibility,
                        "person": overview.people[c.person_id].name
                        if c.person_id is not None
                        else None,
                    }
                    for c in v.covers
                ],
            }
            for v in overview.vacations
        ],
    }


# --- search (the user's own terminal: private hits included, marked) ------------------


def search_hits_json(hits: Sequence[SearchHit]) -> list[dict[str, object]]:
    """``leadtui search --json``: each hit's kind, id, person, date, whether it is private
    and its snippet as plain text (the match is not marked)."""
    return [
        {
            "kind": hit.kind.value,
            "id": hit.id,
            "person": hit.person,
            "date": hit.date.isoformat() if hit.date else None,
            "private": hit.private,
            "snippet": hit.snippet.text,
        }
        for hit in hits
    ]
