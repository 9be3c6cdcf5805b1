"""Succession as Markdown: the plan (yours, private) or the transition brief (upward),
and the vacation cover plan for the people covering.

The private copy carries everything and the checks. The upward brief, for my manager
or the CEO ("who replaces you won't be your decision, it's the CEO's"), carries the
recommended transition plan, the candidates with readiness and evidence of growth,
the CEO log, career paths, the delegation state from the meeting audit and the
vacation plan, and never a text marked private. What reaches which audience is
decided by :func:`leadtui.domain.privacy.reaches`; this module only asks it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING

from leadtui.domain.people import Person
from leadtui.domain.privacy import Audience, Topic, Visibility, reaches
from leadtui.domain.succession import (
    VACATION_AIM_DAYS,
    AuditDecision,
    CareerPlan,
    GapStatus,
    Readiness,
    Vacation,
)
from leadtui.domain.text import plural
from leadtui.export.markdown import cell, header, inline, only_yours, table
from leadtui.services.succession import PersonSuccession, SuccessionOverview

if TYPE_CHECKING:
    from leadtui.store.database import Store

READINESS_WORDS = {
    Readiness.NOW: "ready now",
    Readiness.ONE_YEAR: "ready in about a year",
    Readiness.TWO_YEARS: "ready in about two years",
    Readiness.LATER: "ready later",
}
_SHARED = Visibility.SHARED


def _name(people: Mapping[int, Person], person_id: int | None) -> str:
    """The person's name as plain text: the caller escapes it for its context."""
    person = people.get(person_id) if person_id is not None else None
    return person.name if person else "nobody yet"


def _flag(visibility: Visibility, topic: Topic) -> str:
    return " _(private)_" if only_yours(visibility, topic) else ""


def succession_brief(overview: SuccessionOverview, audience: Audience, today: date) -> str:
    """The succession plan for ``audience``: everything privately, the transition brief
    upward; a section whose kind of text cannot reach ``audience`` is left out."""
    title = "Transition brief" if audience is Audience.UPWARD else "Succession plan"
    parts = [
        header(title, audience, today),
        f"**Half:** {overview.half.label} · **Quarter:** {overview.quarter}",
    ]
    if reaches(_SHARED, Topic.CANDIDACY, audience):
        parts.append(_recommendation(overview))
        parts.append(_candidates(overview, audience))
    if reaches(_SHARED, Topic.SUCCESSION_GAP, audience) or reaches(
        _SHARED, Topic.FOCUS_AREA, audience
    ):
        parts.append(_reports(overview, audience))
    if reaches(_SHARED, Topic.CEO_LOG, audience):
        parts.append(_ceo_log(overview, audience))
    if reaches(_SHARED, Topic.CAREER_PLAN, audience):
        careers = _careers(overview)
        if careers:
            parts.append(careers)
    if reaches(_SHARED, Topic.MEETING_AUDIT, audience):
        parts.append(_audit(overview, audience))
    if reaches(_SHARED, Topic.VACATION_COVER, audience):
        parts.append(_vacations(overview))
    # The checks are my to-do list; they name gaps and the bench, so they stay mine.
    if reaches(Visibility.PRIVATE, Topic.SUCCESSION_GAP, audience):
        lines = ["## Checks", ""]
        lines += [f"- {inline(w.text)}" for w in overview.warnings] or ["_None: all in order._"]
        parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"


def _recommendation(overview: SuccessionOverview) -> str:
    lines = ["## Recommended transition plan", ""]
    bench = overview.bench
    interim = next((r for r in bench if r.candidate and r.candidate.interim), None)
    if interim is not None:
        lines.append(
            f"- If I left tomorrow, **{inline(interim.person.name)}** would cover (interim)."
        )
    for row in bench:
        c = row.candidate
        assert c is not None
        pending = f", pending {inline(c.pending)}" if c.pending else ""
        lines.append(f"- {inline(row.person.name)}: {READINESS_WORDS[c.readiness]}{pending}.")
    if not bench:
        lines.append("_No internal candidate yet: an external search would be needed._")
    return "\n".join(lines)


def _evidence(row: PersonSuccession, audience: Audience) -> list[str]:
    """Growth shown by gaps that moved, with the day they moved."""
    lines: list[str] = []
    for g in row.gaps:
        if g.status is GapStatus.OPEN or not reaches(g.visibility, Topic.SUCCESSION_GAP, audience):
            continue
        moved = [c.changed_on for c in row.changes if c.gap_id == g.id and c.status is g.status]
        when = f" since {moved[-1].isoformat()}" if moved else ""
        flag = _flag(g.visibility, Topic.SUCCESSION_GAP)
        lines.append(f"  - {inline(g.text)}: {g.status.value}{when}{flag}")
    return lines


def _candidates(overview: SuccessionOverview, audience: Audience) -> str:
    lines = ["## Candidates", ""]
    for row in overview.bench:
        c = row.candidate
        assert c is not None
        interim = " · interim" if c.interim else ""
        lines += [
            f"### {inline(row.person.name)} — {c.readiness.value}{interim}",
            "",
            f"Candidate since {c.designated_on.isoformat()}, readiness reviewed "
            f"{c.reviewed_on.isoformat()}.",
        ]
        if c.pending:
            lines.append(f"Ready pending: {inline(c.pending)}.")
        items: list[str] = []
        growth = _evidence(row, audience)
        if growth:
            items += ["- Evidence of growth:", *growth]
        notes = [
            n
            for n in overview.ceo_log
            if n.person_id == row.person.id and reaches(n.visibility, Topic.CEO_LOG, audience)
        ]
        if notes:
            items.append("- With the CEO:")
            items += [
                f"  - {n.noted_on.isoformat()} ({n.kind.value}): {inline(n.text)}"
                f"{_flag(n.visibility, Topic.CEO_LOG)}"
                for n in notes
            ]
        # A blank line before the list: pandoc's Markdown (unlike CommonMark) never lets a
        # list interrupt a paragraph, so without it the list would read as more sentence.
        if items:
            lines += ["", *items]
        lines.append("")
    if not overview.bench:
        lines.append("_Nobody is marked yet._")
    return "\n".join(lines).rstrip()


def _reports(overview: SuccessionOverview, audience: Audience) -> str:
    lines = ["## Reports: gaps and this half's focus", ""]
    for row in overview.rows:
        lines.append(f"### {inline(row.person.name)}")
        lines.append("")
        gaps = [g for g in row.gaps if reaches(g.visibility, Topic.SUCCESSION_GAP, audience)]
        for g in gaps:
            lines.append(
                f"- Gap {g.number}: {inline(g.text)} — {g.status.value}"
                f"{_flag(g.visibility, Topic.SUCCESSION_GAP)}"
            )
        focus = [f for f in row.focus if reaches(f.visibility, Topic.FOCUS_AREA, audience)]
        for f in focus:
            lines.append(f"- Focus {f.half}: {inline(f.text)}")
        if not focus:
            lines.append(f"- _No focus area agreed for {overview.half.label}._")
        lines.append("")
    if not overview.rows:
        lines.append("_No direct reports._")
    return "\n".join(lines).rstrip()


def _ceo_log(overview: SuccessionOverview, audience: Audience) -> str:
    lines = ["## CEO log", ""]
    notes = [n for n in overview.ceo_log if reaches(n.visibility, Topic.CEO_LOG, audience)]
    for n in reversed(notes):
        about = f" ({inline(_name(overview.people, n.person_id))})" if n.person_id else ""
        flag = _flag(n.visibility, Topic.CEO_LOG)
        lines.append(f"- {n.noted_on.isoformat()}{about}: {inline(n.text)}{flag}")
    if not notes:
        lines.append("_Nothing logged yet._")
    return "\n".join(lines)


def _careers(overview: SuccessionOverview) -> str:
    rows = [r for r in overview.rows if r.plan is not None]
    if not rows:
        return ""
    lines = ["## Career paths", ""]
    for row in rows:
        plan = row.plan
        assert plan is not None
        goal = f": {inline(plan.goal)}" if plan.goal else ""
        lines.append(f"- {inline(row.person.name)}{goal} — {plan.status.value}")
        for m in plan.milestones:
            met = f", met {m.met_on.isoformat()}" if m.met_on else ""
            target = (
                f" (target {m.target_on.isoformat()}{met})"
                if m.target_on
                else (f" ({met[2:]})" if met else "")
            )
            lines.append(f"  - {inline(m.text)}{target}")
        if plan.test_run:
            result = f": {inline(plan.test_result)}" if plan.test_result else ""
            lines.append(f"  - Test run: {inline(plan.test_run)}{result}")
    return "\n".join(lines)


def _audit(overview: SuccessionOverview, audience: Audience) -> str:
    lines = [f"## Meeting audit, {overview.quarter}", ""]
    rows = []
    for m in overview.meetings:
        audit = overview.audits.get(m.id)
        decision = audit.decision.value if audit else "not audited yet"
        detail = ""
        if audit is not None and audit.decision.needs_delegate:
            detail = _name(overview.people, audit.delegate_id)
        elif audit is not None and audit.decision is AuditDecision.PARTNER:
            # What someone is missing is a gap: it goes where gaps go.
            if reaches(_SHARED, Topic.SUCCESSION_GAP, audience):
                detail = f"missing: {audit.missing or ''}; plan: {audit.plan or ''}"
            else:
                detail = "partnering to close what is missing"
        rows.append([cell(m.name), m.kind.value, decision, cell(detail)])
    if rows:
        lines.append(table(["Meeting", "Kind", "Decision", "To / what is missing"], rows))
    else:
        lines.append("_No recurring meetings recorded._")
    return "\n".join(lines)


def _vacations(overview: SuccessionOverview) -> str:
    year = overview.today.year
    lines = [
        "## Vacation plan",
        "",
        f"{plural(overview.days_this_year, 'day')} away in {year} "
        f"(aim: one of {VACATION_AIM_DAYS} days or more).",
        "",
    ]
    coming = [
        v for v in overview.vacations if v.ends_on >= overview.today or v.starts_on.year == year
    ]
    for v in coming:
        pledge = ", no chiming in" if v.no_chiming_in else ""
        span = f"{v.starts_on.isoformat()} to {v.ends_on.isoformat()}"
        lines.append(f"- {span} ({plural(v.days, 'day')}{pledge})")
        for c in v.covers:
            who = inline(_name(overview.people, c.person_id))
            lines.append(f"  - {inline(c.responsibility)} → {who}")
    if not coming:
        lines.append("_No vacation planned._")
    return "\n".join(lines).rstrip()


def vacation_cover_plan(vacation: Vacation, people: Mapping[int, Person], today: date) -> str:
    """The cover plan for the people covering (the team): who covers what, from when to
    when, and the pledge not to chime in."""
    audience = Audience.TEAM
    span = f"{vacation.starts_on.isoformat()} to {vacation.ends_on.isoformat()}"
    parts = [header(f"Vacation cover, {span}", audience, today)]
    intro = f"I am away from {span} ({plural(vacation.days, 'day')})."
    if vacation.no_chiming_in:
        intro += (
            " I will not chime in on email or chat: decide as you would with me away for good; "
            "mistakes made are learning mistakes."
        )
    parts.append(intro)
    if reaches(_SHARED, Topic.VACATION_COVER, audience):
        rows = [[cell(c.responsibility), cell(_name(people, c.person_id))] for c in vacation.covers]
        parts.append(
            table(["Responsibility", "Covered by"], rows) if rows else "_Nothing handed over yet._"
        )
    return "\n\n".join(parts) + "\n"


def succession_document(store: Store, audience: Audience, today: date, start_month: int) -> str:
    """The plan (private) or the transition brief (upward), as both front ends export it."""
    from leadtui.services.succession import succession_overview

    return succession_brief(succession_overview(store, today, start_month), audience, today)


def vacation_cover_document(store: Store, start: date, today: date, start_month: int) -> str:
    """The cover plan of the vacation starting ``start``, for the people covering, as both
    front ends export it (a day no vacation starts on is refused)."""
    from leadtui.domain.succession import vacation_starting
    from leadtui.services.succession import succession_overview

    overview = succession_overview(store, today, start_month)
    return vacation_cover_plan(vacation_starting(overview.vacations, start), overview.people, today)


def career_document(person: Person, plan: CareerPlan, audience: Audience, today: date) -> str:
    """A report's career path as Markdown: "the career plan reaches the report it is
    about": the goal, the milestones and the test run. The align-up with your manager
    (when and what was agreed) is a CEO log note, as search reads it: it stays in your
    copy and the upward one; the filter is :func:`reaches`."""
    title = f"Career path: {person.name}"
    parts = [header(title, audience, today), ""]
    if not reaches(_SHARED, Topic.CAREER_PLAN, audience):
        return "\n".join([*parts, "_Not for this audience._", ""])
    if plan.id == 0:
        return "\n".join([*parts, "_No career path yet._", ""])
    parts += [f"**Goal:** {inline(plan.goal) if plan.goal else '_not written yet_'}", ""]
    parts.append(f"**Status:** {plan.status.value}")
    parts += ["", "## Milestones", ""]
    for m in plan.milestones or ():
        target = f" (target {m.target_on.isoformat()})" if m.target_on else ""
        met = f" ✓ met {m.met_on.isoformat()}" if m.met_on else ""
        parts.append(f"- {inline(m.text)}{target}{met}")
    if not plan.milestones:
        parts.append("_None yet._")
    parts += ["", "## Test run", ""]
    if plan.test_run:
        when = f" ({plan.test_run_on.isoformat()})" if plan.test_run_on else ""
        parts.append(f"{inline(plan.test_run)}{when}")
        if plan.test_result:
            parts.append(f"\nResult: {inline(plan.test_result)}")
    else:
        parts.append("_Not planned yet._")
    if reaches(_SHARED, Topic.CEO_LOG, audience) and (plan.aligned_up_on or plan.aligned_up_note):
        on = plan.aligned_up_on.isoformat() if plan.aligned_up_on else "not dated"
        note = f": {inline(plan.aligned_up_note)}" if plan.aligned_up_note else ""
        parts += ["", "## Aligned up with my manager", "", f"{on}{note}"]
    return "\n".join([*parts, ""])
