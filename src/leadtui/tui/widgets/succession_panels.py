"""What the Succession screen's panels show, as Rich text built from the overview.

Text styles only (bold, italic, dim); colours come from succession.tcss and the theme.
"""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text

from leadtui.domain.dates import short_day_label
from leadtui.domain.succession import VACATION_AIM_DAYS, GapStatus, Vacation
from leadtui.domain.text import literal, plural
from leadtui.services.succession import PersonSuccession, SuccessionOverview

_GAP_MARK = {GapStatus.OPEN: "○", GapStatus.IMPROVING: "◐", GapStatus.CLOSED: "●"}


def person_text(row: PersonSuccession, overview: SuccessionOverview, gap_key: str) -> Text:
    """The selected report: gaps with their status, this half's focus, candidacy, the last
    CEO mention and the career path."""
    today = overview.today
    text = Text()
    text.append(literal(row.person.name), style="bold")
    if row.person.title:
        text.append(f" · {literal(row.person.title)}", style="dim")
    text.append("\nGaps\n", style="bold")
    for g in row.gaps:
        text.append(f" {_GAP_MARK[g.status]} {g.number}. {literal(g.text)} ")
        text.append(f"· {g.status.value}\n", style="dim")
    if not row.gaps:
        text.append(f" none noted: {gap_key} adds one\n", style="italic")
    text.append(f"Focus {overview.half.label}\n", style="bold")
    for f in row.focus:
        text.append(f" ▸ {literal(f.text)}\n")
    if not row.focus:
        text.append(" none agreed: f agrees one\n", style="italic")
    c = row.candidate
    if c is not None:
        interim = ", interim" if c.interim else ""
        text.append("Candidate ", style="bold")
        text.append(
            f"{c.readiness.value}{interim}, reviewed {short_day_label(c.reviewed_on, today)}\n"
        )
        if c.pending:
            text.append(f" ready pending {literal(c.pending)}\n", style="dim")
    if row.last_ceo:
        text.append(f"Last CEO mention {short_day_label(row.last_ceo, today)}\n", style="dim")
    plan = row.plan
    if plan is not None:
        text.append("Career path ", style="bold")
        text.append(f"{plan.status.value}, {len(plan.met)}/{len(plan.milestones)} milestones met\n")
    text.rstrip()
    return text


def checks_text(overview: SuccessionOverview) -> Text:
    """Every check that fails, one line each, or that all is in order."""
    if not overview.warnings:
        return Text("All in order ✓", style="bold")
    text = Text()
    for w in overview.warnings:
        text.append("! ", style="bold")
        text.append(f"{w.words.as_shown(overview.today)}\n")
    text.rstrip()
    return text


def days_text(overview: SuccessionOverview, width: int) -> Text:
    """Days away this year against the aim, as a bar."""
    days = overview.days_this_year
    longest = max((v.days for v in overview.vacations if v.days_in(overview.today.year)), default=0)
    cells = max(10, min(28, width - 52))
    filled = min(cells, round(cells * min(longest, VACATION_AIM_DAYS) / VACATION_AIM_DAYS))
    text = Text(f" {overview.today.year}: longest ")
    text.append("█" * filled, style="bold")
    text.append("░" * (cells - filled), style="dim")
    text.append(f" {longest}/{VACATION_AIM_DAYS} days · {plural(days, 'day')} away in all")
    return text


def vacation_text(
    vacation: Vacation, overview: SuccessionOverview, keys: Mapping[str, str]
) -> Text:
    """The highlighted vacation's responsibilities and who covers each; ``keys`` are the
    keys of the cover, edit and remove bindings, by the end of their ids."""
    text = Text()
    text.append("Handed over", style="bold")
    text.append(
        f" ({keys['cover']} hands one over · {keys['edit']} edits · {keys['remove']} removes)\n",
        style="dim",
    )
    for c in vacation.covers:
        who = literal(overview.people[c.person_id].name) if c.person_id else "nobody yet"
        style = "" if c.person_id else "bold"
        text.append(f"  {literal(c.responsibility)} → ")
        text.append(f"{who}\n", style=style)
    if not vacation.covers:
        text.append("  nothing yet\n", style="italic")
    text.rstrip()
    return text
