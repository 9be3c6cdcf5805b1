"""Parts of the docs written from the code (`make docs`): the text between two markers
is replaced, the rest of the page is kept as written by hand."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


def between(text: str, markers: tuple[str, str], generated: str, page: str) -> str:
    """``text`` with what lies between ``markers`` replaced by ``generated``; a page that
    lost its markers stops `make docs` with the page named."""
    begin, end = markers
    start = text.find(begin)
    stop = text.find(end, start)
    if start < 0 or stop < 0:
        raise SystemExit(f"{page} lacks the markers {begin} ... {end}")
    return f"{text[: start + len(begin)]}\n{generated}\n{text[stop:]}"


def rewrite(argv: list[str], updated: Callable[[str], str]) -> int:
    """Rewrite the page named in ``argv`` in place with ``updated``, saying so when it
    changed (the entry point of each generator)."""
    path = Path(argv[0])
    text = path.read_text(encoding="utf-8")
    new = updated(text)
    if new != text:
        path.write_text(new, encoding="utf-8")
        print(f"updated {path}")
    return 0
