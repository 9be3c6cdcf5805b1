"""The demo team and its history, for first-time users and the benchmark dataset.

Seed data is not a use case: it writes rows through the repositories in
:mod:`leadtui.store`, and only into an empty database.
"""

from __future__ import annotations

from leadtui.demo.safety import (
    DEMO_IGNORES,
    USER_TABLES,
    check_demo_size,
    refuse_unless_empty,
    user_data,
)
from leadtui.demo.seed import DemoSummary, seed_demo

__all__ = [
    "DEMO_IGNORES",
    "USER_TABLES",
    "DemoSummary",
    "check_demo_size",
    "refuse_unless_empty",
    "seed_demo",
    "user_data",
]
