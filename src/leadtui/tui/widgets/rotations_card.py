"""Today's Rotations card: the next leadership meeting's host, terms starting or ending
in the next four weeks, and every rotation check that fails. Each line opens Rotations."""

from __future__ import annotations

from functools import partial

from leadtui.domain.dates import day_label
from leadtui.domain.text import literal, plural
from leadtui.services.today import TodayOverview
from leadtui.tui.widgets.today_cards import CardLine, CardList, OpenScreen

# Checks beyond these are summed up in one line: the card stays a glance.
CHECKS_SHOWN = 3


class RotationsCard(CardList):
    """The Rotations part of the Today overview."""

    TITLE = "Rotations"

    def lines(self, overview: TodayOverview) -> list[CardLine]:
        """Host, changes, checks; a hint when nothing is set up."""
        card = overview.rotations
        opens = partial(OpenScreen, "rotations")
        if card is None or not card.configured:
            # A card line is one row: the key to press fits, a shell command does not.
            hint = self.text("No rotations yet · ", "muted")
            hint.append_text(self.text("W", "heading"))
            hint.append_text(self.text(" to start", "muted"))
            return [CardLine(hint, opens=opens)]
        lines: list[CardLine] = []
        if card.host is not None and card.host.skipped:
            line = self.text("Host: ", "heading")
            line.append_text(self.text("no meeting this week (skipped)", "muted"))
            day = self.text(day_label(card.host.on, overview.today), "muted")
            lines.append(CardLine(line, day, opens))
        elif card.host is not None and card.host_name is not None:
            # "Host" is the leadership meeting's: the card's one weekly meeting.
            line = self.text("Host: ", "heading")
            line.append_text(self.text(literal(card.host_name)))
            lines.append(
                CardLine(line, self.text(day_label(card.host.on, overview.today), "muted"), opens)
            )
        for change in card.changes:
            verb = "starts" if change.starts else "ends"
            line = self.text(
                f"{literal(change.person)} {verb} {literal(change.capacity)} (seat {change.seat})"
            )
            detail = self.text(day_label(change.on, overview.today), "muted")
            lines.append(CardLine(line, detail, opens))
        if not card.changes:
            lines.append(
                CardLine(self.text("No terms change in the next four weeks", "muted"), opens=opens)
            )
        for warning in card.warnings[:CHECKS_SHOWN]:
            lines.append(
                CardLine(
                    self.text(f"! {literal(warning.words.as_shown(overview.today))}", "alert"),
                    opens=opens,
                )
            )
        more = len(card.warnings) - CHECKS_SHOWN
        if more > 0:
            said = f"{plural(more, 'more check')} on Rotations"
            lines.append(CardLine(self.text(said, "alert"), opens=opens))
        if not card.warnings:
            lines.append(CardLine(self.text("All rotation checks pass", "good"), opens=opens))
        return lines
