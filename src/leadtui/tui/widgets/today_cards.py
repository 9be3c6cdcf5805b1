"""Today's cards: each is given the whole Today overview and draws its part as lines;
enter on a person opens them where they live (see card_list.py)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text

from leadtui.domain.dates import day_label, short_day_label
from leadtui.domain.energy import level_kind
from leadtui.domain.oneonones import Side
from leadtui.domain.people import Relation
from leadtui.domain.team_energy_input import Flag
from leadtui.domain.text import literal, plural
from leadtui.tui.widgets.card_list import CARD_NAMES, CardLine, CardList, OpenPerson, OpenScreen
from leadtui.tui.widgets.energy_words import STATE_MOOD, verdict_headline

if TYPE_CHECKING:
    from leadtui.services.today import TodayOverview

# The card machinery lives in card_list.py; the names stay importable from here.
__all__ = [
    "CARD_NAMES",
    "CardLine",
    "CardList",
    "EnergyCard",
    "OneOnOneCard",
    "OpenPerson",
    "OpenScreen",
    "PeopleCard",
    "ReviewsCard",
]

RELATION_HEADINGS = {
    Relation.REPORT: "Reports",
    Relation.PEER: "Peers",
    Relation.MANAGER: "Manager",
    Relation.SKIP: "Skip-levels",
    Relation.OTHER: "Others",
}
# Names in the People card are cut to this many columns (as many as a long full name).
NAME_WIDTH = 22


class OneOnOneCard(CardList):
    """Today's and this week's 1:1s, overdue series, overdue actions, commitments kept."""

    TITLE = "One-on-ones"

    def lines(self, overview: TodayOverview) -> list[CardLine]:
        """Each person line opens their running document."""
        card = overview.oneonones
        screen = partial(OpenScreen, "oneonones")
        if card is None or not (
            card.this_week
            or card.overdue_series
            or card.carried_too_long
            or any(k.due for k in card.kept.values())
        ):
            return [
                CardLine(self.text("No 1:1 series yet.", "muted"), opens=screen),
                CardLine(self.text("o, then s sets one up", "muted"), opens=screen),
            ]
        lines: list[CardLine] = []
        today = overview.today
        todays = [(p, s) for p, s, d in card.this_week if d == today]
        if todays:
            lines.append(CardLine(self.text("Today", "heading")))
            lines += [self.person(p, "oneonones", s.at_time) for p, s in todays[:CARD_NAMES]]
            lines += self.more(len(todays), "oneonones")
        else:
            lines.append(CardLine(self.text("No 1:1 today", "muted")))
        later = [(p, d) for p, _, d in card.this_week if d != today]
        if later:
            lines.append(CardLine(self.text("Later this week", "heading")))
            lines += [
                self.person(p, "oneonones", day_label(d, today)) for p, d in later[:CARD_NAMES]
            ]
            lines += self.more(len(later), "oneonones")
        if card.overdue_series:
            lines.append(CardLine(self.text("Overdue", "alert")))
            lines += [self.person(p, "oneonones") for p in card.overdue_series[:CARD_NAMES]]
            lines += self.more(len(card.overdue_series), "oneonones")
        mine, theirs = card.overdue_actions[Side.ME], card.overdue_actions[Side.THEM]
        if mine or theirs:
            actions = f"Actions overdue: mine {mine} · theirs {theirs}"
            lines.append(CardLine(self.text(actions, "alert" if mine else ""), opens=screen))
        kept = [
            f"{side.value} {card.kept[side].kept}/{card.kept[side].due}"
            for side in (Side.ME, Side.THEM)
            if card.kept[side].due
        ]
        if kept:
            kept_text = self.text(f"Kept: {' · '.join(kept)}", "muted")
            lines.append(CardLine(kept_text, opens=screen))
        if card.carried_too_long:
            # Points carried three or more times: put off, not discussed.
            lines.append(CardLine(self.text("Carried 3× or more", "alert")))
            lines += [
                self.person(p, "oneonones", f"{n} point{'s' if n != 1 else ''}")
                for p, n in card.carried_too_long[:CARD_NAMES]
            ]
            lines += self.more(len(card.carried_too_long), "oneonones")
        return lines


class ReviewsCard(CardList):
    """T3B3s overdue from ended halves; T3B3s not delivered this half with the weeks
    left; reports without feedback for 30 days. Each person line opens their review."""

    TITLE = "Reviews"

    def lines(self, overview: TodayOverview) -> list[CardLine]:
        """The half, then the two lists of people."""
        card = overview.reviews
        screen = partial(OpenScreen, "reviews")
        if card is None or not overview.people_by_relation.get(Relation.REPORT):
            return [
                CardLine(self.text("No reports yet.", "muted"), opens=screen),
                CardLine(self.text("T3B3s are for reports.", "muted"), opens=screen),
            ]
        weeks = plural(card.weeks_left, "week")
        half = self.text(f"{card.half.label} · {weeks} left", "heading")
        lines = [CardLine(half, opens=screen)]
        if card.overdue:
            # "a delivered T3B3 by the half's end. After that it is overdue."
            lines.append(CardLine(self.text(f"T3B3 overdue: {len(card.overdue)}", "bad")))
            lines += [
                self.person(o.person, "reviews", o.half.label) for o in card.overdue[:CARD_NAMES]
            ]
            lines += self.more(len(card.overdue), "reviews")
        if card.due:
            lines.append(CardLine(self.text(f"T3B3 to deliver: {len(card.due)}", "heading")))
            lines += [self.person(p, "reviews", status) for p, status in card.due[:CARD_NAMES]]
            lines += self.more(len(card.due), "reviews")
        else:
            lines.append(CardLine(self.text("Every T3B3 delivered ✓", "good"), opens=screen))
        if card.quiet:
            lines.append(CardLine(self.text("No feedback in 30 days:", "heading")))
            lines += [
                self.person(
                    p, "reviews", short_day_label(last, overview.today) if last else "never"
                )
                for p, last in card.quiet[:CARD_NAMES]
            ]
            lines += self.more(len(card.quiet), "reviews")
        return lines


class EnergyCard(CardList):
    """Whether today's energy is logged, and the verdict in words; every line opens the
    Energy screen."""

    TITLE = "Energy"

    def lines(self, overview: TodayOverview) -> list[CardLine]:
        """Today's number (or a nudge to log it) and the verdict."""
        screen = partial(OpenScreen, "energy")
        entry = overview.energy_today
        verdict = overview.energy_verdict
        lines: list[CardLine] = []
        if entry is None:
            lines.append(CardLine(self.text("Energy not logged today.", "alert"), opens=screen))
            lines.append(CardLine(self.text("E, then 1–5 to log it", "muted"), opens=screen))
        else:
            kind = level_kind(entry.level, verdict.thresholds) if verdict else None
            said = f"Today: {entry.level}" + (f" · {kind}" if kind else "")
            lines.append(CardLine(self.text(said, "heading"), opens=screen))
        if verdict is not None:
            headline = self.text(verdict_headline(verdict, short=True), STATE_MOOD[verdict.state])
            lines.append(CardLine(headline, opens=screen))
        decision = overview.decision
        if decision is not None and decision.decision_on is not None:
            said = (
                f"Decision date {short_day_label(decision.decision_on, overview.today)} "
                f"({decision.quarter}): stay or change? (E, then Q)"
            )
            lines.append(CardLine(self.text(said, "alert"), opens=screen))
        # The team's energy as observed: who is flagged, and slack time after a push.
        team = overview.team_energy
        if team is not None:
            for report in team.flagged:
                why = "falling" if report.flag is Flag.FALLING else "at 2 or below"
                said = f"⚑ {literal(report.person.name)}'s energy: {why}"
                lines.append(CardLine(self.text(said, "alert"), opens=screen))
            if team.slack:
                lines.append(
                    CardLine(self.text(f"Slack time: {team.slack}", "muted"), opens=screen)
                )
        return lines


class PeopleCard(CardList):
    """People grouped by relation, one line each, names exactly as typed; enter on a
    person opens their running 1:1 document. Its container carries the title."""

    def lines(self, overview: TodayOverview) -> list[CardLine]:
        """A heading per relation, then a line per person: name, title · team.

        Names take the width of the longest (at most NAME_WIDTH), so details line up;
        a line too long for the card ends in an ellipsis.
        """
        muted = self.styled("muted")
        lines: list[CardLine] = []
        for relation, people in overview.people_by_relation.items():
            if lines:
                lines.append(CardLine(Text("")))
            heading = f"{RELATION_HEADINGS[relation]} · {len(people)}"
            lines.append(CardLine(self.text(heading, "heading")))
            width = min(NAME_WIDTH, max(cell_len(literal(p.name)) for p in people))
            for person in people:
                line = Text(literal(person.name), end="")
                line.truncate(width, overflow="ellipsis", pad=True)
                detail = " · ".join(literal(x) for x in (person.title, person.team) if x)
                if detail:
                    line.append("  ")
                    line.append(detail, style=muted)
                lines.append(CardLine(line, opens=partial(OpenPerson, "oneonones", person.id)))
        if overview.archived_count:
            archived = f"{overview.archived_count} archived: p, then h shows them"
            lines.append(CardLine(Text("")))
            lines.append(
                CardLine(self.text(archived, "muted"), opens=partial(OpenScreen, "people"))
            )
        return lines
