"""Energy use cases: the verdict and the quarter view from the stored journal."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, NamedTuple

from leadtui.domain.energy import (
    EnergizingWork,
    EnergyEntry,
    EnergyThresholds,
    EnergyVerdict,
    QuarterView,
    energy_verdict,
    month_start,
    quarter_label,
    quarter_view,
)
from leadtui.store.energy import EnergyRepository

if TYPE_CHECKING:
    from leadtui.store.database import Store


class EnergyOverview(NamedTuple):
    """Everything the Energy screen shows."""

    today: date
    thresholds: EnergyThresholds
    entries: list[EnergyEntry]
    work: list[EnergizingWork]
    verdict: EnergyVerdict
    quarter: QuarterView

    @property
    def today_entry(self) -> EnergyEntry | None:
        """Today's entry, if logged."""
        return next((e for e in reversed(self.entries) if e.day == self.today), None)


def check_energy(store: Store, today: date, thresholds: EnergyThresholds) -> EnergyVerdict:
    """The verdict as of ``today`` (reads the last 12 months of entries)."""
    repo = EnergyRepository(store)
    since = month_start(today, 12)
    return energy_verdict(
        repo.entries(since, today), repo.work(today - timedelta(days=400)), today, thresholds
    )


def energy_overview(store: Store, today: date, thresholds: EnergyThresholds) -> EnergyOverview:
    """The verdict, the quarter view and a year of entries for charts."""
    repo = EnergyRepository(store)
    since = month_start(today, 12)
    entries = repo.entries(since, today)
    work = repo.work(today - timedelta(days=400))
    return EnergyOverview(
        today=today,
        thresholds=thresholds,
        entries=entries,
        work=work,
        verdict=energy_verdict(entries, work, today, thresholds),
        quarter=quarter_view(entries, quarter_label(today), today, thresholds),
    )
