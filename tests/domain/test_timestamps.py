"""One way to stamp when something was written: :func:`leadtui.domain.dates.timestamp`."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import leadtui
from leadtui.domain.dates import timestamp

SOURCE = Path(leadtui.__file__).parent
# Building an ISO stamp by hand: a second way to format what timestamp() formats.
HAND_MADE = re.compile(r"isoformat\(\s*timespec=|def _now\(\) -> str")


def test_a_stamp_is_iso_text_to_the_second() -> None:
    assert timestamp(datetime(2026, 3, 4, 5, 6, 7, 891011)) == "2026-03-04T05:06:07"


def test_a_stamp_without_a_moment_reads_the_clock() -> None:
    before = datetime.now().replace(microsecond=0)
    stamped = datetime.fromisoformat(timestamp())
    assert before <= stamped <= datetime.now()


def test_no_module_formats_its_own_stamp() -> None:
    own = SOURCE / "domain" / "dates.py"
    found = [
        f"{path.relative_to(SOURCE)}:{n}"
        for path in sorted(SOURCE.rglob("*.py"))
        if path != own
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if HAND_MADE.search(line)
    ]
    assert found == []
