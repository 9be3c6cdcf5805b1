"""The energy verdict in words, the same on Today and on the Energy screen.

The state ids (``not-enough-data`` …) are for JSON and scripts; a screen says what they
mean and which key moves things on, never a shell command.
"""

from __future__ import annotations

from leadtui.domain.energy import EnergyState, EnergyVerdict

# The component class (mood) each state is drawn in; the .tcss gives them colours.
STATE_MOOD = {
    EnergyState.ENERGIZED: "good",
    EnergyState.DEENERGIZED: "alert",
    EnergyState.IMBALANCED: "bad",
    EnergyState.NOT_ENOUGH_DATA: "muted",
}


def verdict_headline(verdict: EnergyVerdict, *, short: bool = False) -> str:
    """One line: "Energized", or "Not enough data yet: 3 of 14 days logged" (``short``,
    for a card: "Not enough data: 3 of 14 days") …"""
    state = verdict.state
    if state is EnergyState.NOT_ENOUGH_DATA:
        counted = f"{verdict.window.entries} of {verdict.thresholds.min_entries} days"
        return f"Not enough data: {counted}" if short else f"Not enough data yet: {counted} logged"
    if state is EnergyState.ENERGIZED:
        return "Energized"
    if state is EnergyState.DEENERGIZED:
        return "De-energized" if short else "De-energized: more drained than good lately"
    return "Out of balance for a year"


def verdict_advice(verdict: EnergyVerdict, work_key: str) -> str:
    """What to do next, with the Energy screen's keys (``work_key`` logs energizing work)."""
    state = verdict.state
    t = verdict.thresholds
    if state is EnergyState.NOT_ENOUGH_DATA:
        return (
            f"Press 1–5 once a day to log it; the verdict appears after {t.min_entries} "
            f"entries in {t.window_days} days."
        )
    if state is EnergyState.DEENERGIZED:
        return f"{verdict.prescription} Press {work_key} to log energizing work."
    return verdict.prescription
