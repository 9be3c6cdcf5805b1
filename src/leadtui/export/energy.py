"""The energy quarter review: a private Markdown document. Energy is never shared.

It takes an audience like every export, and asks :func:`leadtui.domain.privacy.reaches`
like every export: the journal reaches only you, so any other copy is a title and a
line saying nothing here is for its reader.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from leadtui.domain.energy import (
    EnergizingWork,
    EnergyEntry,
    EnergyThresholds,
    EnergyVerdict,
    QuarterView,
    level_kind,
)
from leadtui.domain.privacy import Audience, Topic, Visibility, reaches
from leadtui.domain.quarter_review_input import QuarterAnswers
from leadtui.domain.text import plural
from leadtui.export.markdown import block, cell, header, inline, table

if TYPE_CHECKING:
    from leadtui.store.database import Store

BAR_WIDTH = 20


def text_chart(entries: list[EnergyEntry], start: date, end: date) -> str:
    """Weekly mean levels as bars, one line per week (Monday first)."""
    monday = start - timedelta(days=start.weekday())
    lines = []
    while monday <= end:
        week = [e.level for e in entries if monday <= e.day < monday + timedelta(days=7)]
        if week:
            mean = sum(week) / len(week)
            bar = "█" * round(mean / 5 * BAR_WIDTH)
            lines.append(f"{monday.isoformat()}  {bar:<{BAR_WIDTH}}  {mean:.1f} ({len(week)}d)")
        else:
            lines.append(f"{monday.isoformat()}  {'·' * 3:<{BAR_WIDTH}}  no entries")
        monday += timedelta(days=7)
    return "```text\n" + "\n".join(lines) + "\n```"


def energy_review(
    *,
    quarter: QuarterView,
    verdict: EnergyVerdict,
    entries: list[EnergyEntry],
    work: list[EnergizingWork],
    thresholds: EnergyThresholds,
    today: date,
    audience: Audience = Audience.PRIVATE,
    answers: QuarterAnswers | None = None,
) -> str:
    """The Markdown review of one quarter: definitions, answer, verdict, chart, entries,
    and your answers to the four questions with the decision date (when written).

    Everything in it comes from the journal, so for an audience the journal does not
    reach the document is its title and one line.
    """
    title = header(f"Energy review {quarter.label}", audience, today)
    if not reaches(Visibility.SHARED, Topic.ENERGY, audience):
        # The verdict, chart and numbers are the journal too: none of it is shown.
        return f"{title}\n\n_Nothing in the energy journal is for this audience._\n"
    inside = [
        e
        for e in entries
        if quarter.start <= e.day <= quarter.end and reaches(e.visibility, Topic.ENERGY, audience)
    ]
    quarter_work = [
        w
        for w in work
        if quarter.start <= w.day <= quarter.end and reaches(w.visibility, Topic.ENERGY, audience)
    ]
    answer = quarter.trend_answer.value
    parts = [
        title,
        "## Your definitions\n\n"
        f"- good day: level {thresholds.good_day} or more\n"
        f"- drained day: level {thresholds.drained_day} or less\n"
        f"- verdict window: the last {thresholds.window_days} days",
        "## Is there a trend of good days?\n\n"
        f"**{answer}.** {quarter.start.isoformat()} to {quarter.end.isoformat()}: "
        f"{plural(quarter.stats.entries, 'entry', 'entries')} ({quarter.coverage:.0%} of days), "
        f"{quarter.good_share:.0%} good, {quarter.stats.drained_days} drained, "
        f"mean {quarter.stats.mean}, direction {quarter.direction} "
        f"({quarter.slope_per_month:+.2f} a month).",
        f"## Verdict today: {verdict.state.value}\n\n"
        f"{inline(verdict.reason)}.\n\n{inline(verdict.prescription)}"
        + "".join(
            f"\n\n- ⚠ {inline(w)}" for w in (verdict.balance.warnings if verdict.balance else [])
        ),
        _answers(answers),
        "## Weekly chart\n\n" + text_chart(entries, quarter.start, quarter.end),
        "## Entries\n\n"
        + (
            table(
                ["Date", "Level", "Day", "Note", "Energized by", "Drained by"],
                [
                    [
                        e.day.isoformat(),
                        str(e.level),
                        level_kind(e.level, thresholds),
                        cell(e.note or ""),
                        cell(", ".join(e.energized_by)),
                        cell(", ".join(e.drained_by)),
                    ]
                    for e in inside
                ],
            )
            if inside
            else "_No entries this quarter._"
        ),
        "## Energizing work\n\n"
        + (
            table(
                ["Date", "Work", "Kind", "Hours", "Creates work for other teams"],
                [
                    [
                        w.day.isoformat(),
                        cell(w.title),
                        w.kind.value,
                        f"{w.hours:g}",
                        "yes" if w.creates_work_for_other_teams else "",
                    ]
                    for w in quarter_work
                ],
            )
            if quarter_work
            else "_None logged this quarter._"
        ),
    ]
    return "\n\n".join(parts) + "\n"


def _answers(answers: QuarterAnswers | None) -> str:
    """The four questions and your answers, and the decision date."""
    lines = ["## The four questions"]
    for question, answer in (answers or QuarterAnswers("")).answered():
        lines += ["", f"**{inline(question)}**", "", block(answer) if answer else "_Not answered._"]
    if answers is not None and answers.decision_on is not None:
        lines += ["", f"**Decision date:** {answers.decision_on.isoformat()}"]
    return "\n".join(lines)


def quarter_review_document(
    store: Store, quarter: str, today: date, thresholds: EnergyThresholds
) -> str:
    """The private review of ``quarter`` (``2026-Q4``) as both front ends export it."""
    from leadtui.services.energy import quarter_review
    from leadtui.services.quarter_review import quarter_answers

    review = quarter_review(store, quarter, today, thresholds)
    return energy_review(
        answers=quarter_answers(store, review.quarter.label),
        quarter=review.quarter,
        verdict=review.verdict,
        entries=review.entries,
        work=review.work,
        thresholds=thresholds,
        today=today,
        audience=Audience.PRIVATE,  # energy is private by nature: no other copy is offered
    )
