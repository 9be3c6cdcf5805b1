"""Today's Succession card: the reports without a focus area this half, the meeting
audit still due this quarter, the bench (a warning when nobody is on it, or more
than two are), and a vacation coming up with something not handed over. A person's
line opens Succession at them; every other line opens Succession."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from leadtui.domain.succession import BENCH_AIM
from leadtui.domain.text import plural
from leadtui.services.today import TodayOverview
from leadtui.tui.widgets.today_cards import CARD_NAMES, CardLine, CardList, OpenScreen

if TYPE_CHECKING:
    from leadtui.services.succession import SuccessionCard as SuccessionFigures


class SuccessionCard(CardList):
    """The Succession part of the Today overview."""

    TITLE = "Succession"

    def lines(self, overview: TodayOverview) -> list[CardLine]:
        """The half and quarter, focus areas, the audit, the bench."""
        card = overview.succession
        screen = partial(OpenScreen, "succession")
        if card is None or not card.reports:
            return [
                CardLine(self.text("No reports yet.", "muted"), opens=screen),
                CardLine(self.text("Succession is about reports.", "muted"), opens=screen),
            ]
        heading = self.text(f"{card.half.label} · {card.quarter}", "heading")
        lines = [CardLine(heading, opens=screen)]
        if card.missing_focus:
            missing = f"No focus area this half: {len(card.missing_focus)}"
            lines.append(CardLine(self.text(missing, "heading")))
            lines += [self.person(p, "succession") for p in card.missing_focus[:CARD_NAMES]]
            lines += self.more(len(card.missing_focus), "succession")
        else:
            lines.append(CardLine(self.text("Every focus area set ✓", "good"), opens=screen))
        lines.append(self.audit(card))
        lines += self.bench(card)
        screen_ = partial(OpenScreen, "succession")
        for warning in card.uncovered:
            # The check's own words ("vacation from Sun 13 Dec: no delegate for …"), on two
            # lines: a card is narrow, and what is not covered must not be cut off.
            when, _, what = warning.words.as_shown(overview.today).partition(": ")
            lines.append(CardLine(self.text(f"! {when}:", "alert"), opens=screen_))
            lines.append(CardLine(self.text(f"  {what}", "alert"), opens=screen_))
        return lines

    def audit(self, card: SuccessionFigures) -> CardLine:
        """One line: the meetings still to audit this quarter, or that none are."""
        screen = partial(OpenScreen, "succession")
        due, meetings, quarter = card.audit_due, card.meetings, card.quarter
        if not meetings:
            return CardLine(self.text("No meetings to audit yet", "muted"), opens=screen)
        if due:
            # The quarter is in the card's first line; this one stays short enough for 80x24.
            said = f"Audit due: {due} of {plural(meetings, 'meeting')}"
            return CardLine(self.text(said, "alert"), opens=screen)
        return CardLine(self.text(f"Meeting audit done for {quarter} ✓", "good"), opens=screen)

    def bench(self, card: SuccessionFigures) -> list[CardLine]:
        """The bench heading, warned when empty or past the aim, then its candidates
        with their readiness (★ for who covers if I leave tomorrow)."""
        screen = partial(OpenScreen, "succession")
        if not card.bench:
            return [CardLine(self.text("! Nobody on the bench", "alert"), opens=screen)]
        count = len(card.bench)
        if count > BENCH_AIM:
            said = f"! Bench: {count} candidates, aim for {BENCH_AIM}"
            lines = [CardLine(self.text(said, "alert"), opens=screen)]
        else:
            lines = [CardLine(self.text(f"Bench: {plural(count, 'candidate')}", "heading"))]
        for person, candidate in card.bench[:CARD_NAMES]:
            ready = candidate.readiness.value + (" ★" if candidate.interim else "")
            lines.append(self.person(person, "succession", ready))
        lines += self.more(count, "succession")
        return lines
