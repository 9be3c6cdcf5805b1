"""A rotation definition from TOML: what `rotation export-definition` writes, read back.

Reading is in three steps, each refusing with one line that names where in the file the
problem is and the form accepted:

1. the file: a regular file (not a FIFO, a device or a folder) of at most
   :data:`MAX_BYTES`, checked with ``stat`` before it is opened and again on the open
   descriptor (opened non-blocking, so a FIFO swapped in between never hangs the read);
2. the TOML types: each table holds only the keys of :data:`KEYS`, each of its type
   (a whole number is not a flag, a flag is not the text "false", a day has no time);
3. the values: :class:`~leadtui.domain.rotations_input.DefinitionDraft`, built from the
   command line's drafts, with its rules (dates 1900–2200, seats that exist, people on
   the roster, a swap of two different people).

A new optional key is one line in :data:`KEYS` (and its field in the draft).
"""

from __future__ import annotations

import os
import stat
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from leadtui.domain.text import quoted
from leadtui.errors import InputError

if TYPE_CHECKING:
    from leadtui.domain.rotations_input import DefinitionDraft

# A definition of a capacity that has run for decades, with every planned term as an
# exception, is well under 1 MB (about 90 bytes an exception); more is not a definition.
MAX_BYTES = 1024 * 1024

TEXT, WHOLE, FLAG, DAY = "text", "whole", "flag", "day"
_FORMS = {
    TEXT: 'text in quotes, like "Ana"',
    WHOLE: "a whole number without quotes, like 2",
    FLAG: "true or false, without quotes",
    DAY: "a date without quotes or time, like 2026-07-01",
}
# Every key a definition may hold, by table, with its type. The draft's field of the same
# name (``on`` and the rest as they are) receives the value.
KEYS: dict[str, dict[str, str]] = {
    "capacity": {
        "id": TEXT,
        "name": TEXT,
        "description": TEXT,
        "term_months": WHOLE,
        "seats": WHOLE,
        "offset_months": WHOLE,
        "starts_on": DAY,
        "exposure": TEXT,
        "active": FLAG,
    },
    "roster": {"person": TEXT, "joined_on": DAY, "leaves_on": DAY, "out_of_rotation": FLAG},
    "exception": {"kind": TEXT, "on": DAY, "seat": WHOLE, "person": TEXT, "other_person": TEXT},
}
_HINT = "export a definition with `leadtui rotation export-definition` to see the form"


# --- 1. the file ----------------------------------------------------------------------------


def _kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _check(info: os.stat_result) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise InputError(
            f"not a regular file ({_kind_of(info.st_mode)}); give a .toml definition file"
        )
    if info.st_size > MAX_BYTES:
        raise InputError(
            f"the file is {info.st_size:,} bytes; a definition is at most "
            f"{MAX_BYTES:,} bytes (1 MB), so this is not one"
        )


def read_definition_text(path: Path) -> str:
    """The text of the definition file at ``path``, or a refusal (one line, no path: the
    caller names the file)."""
    try:
        _check(os.stat(path))
        # Non-blocking: a FIFO put in place after the stat opens at once instead of
        # waiting for a writer; fstat then sees it for what it is.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror or 'unreadable'})") from None
    except ValueError:
        # A NUL or a lone surrogate in the name, which no file can have.
        raise InputError("cannot be read (no file can have that name)") from None
    try:
        _check(os.fstat(fd))
        chunks, size = [], 0
        while size <= MAX_BYTES:
            chunk = os.read(fd, 65536)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror or 'unreadable'})") from None
    finally:
        os.close(fd)
    if size > MAX_BYTES:
        raise InputError(f"the file grew past {MAX_BYTES:,} bytes (1 MB) while being read")
    try:
        return b"".join(chunks).decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        raise InputError("the file is not UTF-8 text; save it as UTF-8") from None


# --- 2. the TOML types ----------------------------------------------------------------------


def _shown(value: object) -> str:
    """A TOML value for a refusal: its kind, or the value quoted short and on one line."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, datetime):
        return f"the date and time {value.isoformat()}"
    if isinstance(value, time):
        return f"the time {value.isoformat()}"
    if isinstance(value, str):
        return quoted(value)
    return quoted(str(value))


def _is(kind: str, value: object) -> bool:
    if kind == TEXT:
        return isinstance(value, str)
    if kind == WHOLE:
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == FLAG:
        return isinstance(value, bool)
    return isinstance(value, date) and not isinstance(value, datetime)


def _typed(table: object, name: str, where: str) -> dict[str, Any]:
    """``table``'s keys and values, each of its type, or a refusal naming ``where``."""
    if not isinstance(table, dict):
        header = f"[[{name}]]" if name != "capacity" else "[capacity]"
        raise InputError(f"{where} must be a table ({header} and its keys), got {_shown(table)}")
    known = KEYS[name]
    for key, value in table.items():
        kind = known.get(key)
        if kind is None:
            listed = ", ".join(known)
            raise InputError(f"{where}: unknown key {quoted(key)}; the keys are {listed}")
        if not _is(kind, value):
            raise InputError(f"{where}: {key} must be {_FORMS[kind]}, got {_shown(value)}")
    return dict(table)


def _entries(data: dict[str, Any], name: str) -> list[dict[str, Any]]:
    found = data.get(name, [])
    if not isinstance(found, list):
        raise InputError(
            f"{name} must be an array of tables, each written [[{name}]], got {_shown(found)}"
        )
    return [_typed(entry, name, f"[[{name}]] {n}") for n, entry in enumerate(found, 1)]


def typed_tables(text: str) -> dict[str, Any]:
    """The TOML ``text`` parsed, every table and value of the type its key takes."""
    import tomllib  # only an import reads TOML: start-up never pays for the parser

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"not a TOML file ({exc}); {_HINT}") from None
    except RecursionError:
        raise InputError("arrays or tables nested too deeply for a definition") from None
    except ValueError:
        # Not a TOMLDecodeError (a subclass, caught above): Python's own limit on turning
        # digits into an integer, reached by a number thousands of digits long.
        raise InputError(
            f"a number in the file has too many digits (over 4300) for a definition; {_HINT}"
        ) from None
    for key in data:
        if key not in KEYS:
            raise InputError(
                f"unknown table {quoted(key)}; a definition has [capacity], [[roster]] "
                "and [[exception]]"
            )
    if "capacity" not in data:
        raise InputError(f"the file has no [capacity] table; {_HINT}")
    return {
        "capacity": _typed(data["capacity"], "capacity", "[capacity]"),
        "roster": _entries(data, "roster"),
        "exceptions": _entries(data, "exception"),
    }


# --- 3. the values ------------------------------------------------------------------------------


def _location(loc: tuple[int | str, ...]) -> str:
    if not loc:
        return ""
    if loc[0] == "capacity":
        return "[capacity]: "
    table = "exception" if loc[0] == "exceptions" else str(loc[0])
    if len(loc) > 1 and isinstance(loc[1], int):
        return f"[[{table}]] {loc[1] + 1}: "
    return f"[[{table}]]: "


def parse_definition(text: str, today: date) -> DefinitionDraft:
    """A definition's TOML ``text`` as a draft the rotation service imports, or one line
    saying where the file is wrong and what it should hold."""
    from pydantic import ValidationError

    from leadtui.domain.rotations_input import DefinitionDraft
    from leadtui.domain.validation import first_error_line

    tables = typed_tables(text)
    try:
        return DefinitionDraft.model_validate(tables, context={"today": today})
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        loc = tuple(error.get("loc", ()))
        message = first_error_line(exc)
        if error["type"] in ("value_error", "assertion_error"):
            message = _location(loc) + message
        elif error["type"] == "too_long" and loc:
            most = error.get("ctx", {}).get("max_length")
            message = f"a definition holds at most {most} {loc[0]} entries"
        elif error["type"] == "missing" and loc:
            message = f"{_location(loc[:-1])}{loc[-1]} is missing; {_HINT}"
        raise InputError(message) from None


def read_definition(path: Path, today: date) -> DefinitionDraft:
    """The definition in the file at ``path`` (see the module's three steps)."""
    return parse_definition(read_definition_text(path), today)
