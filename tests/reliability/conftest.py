"""The reliability suite's figures: each trial records what it tried, shown after the run."""

from __future__ import annotations

import pytest

_FIGURES: list[str] = []


class Figures:
    """Records lines for the "reliability figures" summary.

    Call it with a line, or use :meth:`trial`, which words every trial alike:
    ``<trial>: N tried, M failed`` and, in brackets, what else is worth knowing.
    """

    def __call__(self, line: str) -> None:
        _FIGURES.append(line)

    def trial(self, name: str, tried: int, failed: int, detail: str = "") -> None:
        """Record one trial's counts (``failed`` counts what did not behave as it must)."""
        line = f"{name}: {tried} tried, {failed} failed"
        self(f"{line} ({detail})" if detail else line)


@pytest.fixture
def figures() -> Figures:
    """Record one line of figures (tried / failed) for the terminal summary."""
    return Figures()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _FIGURES:
        terminalreporter.section("reliability figures")
        for line in _FIGURES:
            terminalreporter.write_line(line)
