"""User settings from config.toml.

``Settings`` is a frozen dataclass so that starting without a config file
costs nothing; when a file exists pydantic validates it against the same
class. A file that cannot be read or has a bad value means defaults, with a
notice naming the problem, so a typo never stops the app from opening.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from leadtui.domain.energy import EnergyThresholds

DEFAULT_THEME = "leadtui-dark"


@dataclass(frozen=True)
class ReviewSettings:
    """``[review]``: when the review year starts."""

    half_start_month: int = 1
    """First month of H1 (1 = January, so H1 = Jan–Jun and H2 = Jul–Dec)."""


@dataclass(frozen=True)
class CalendarSettings:
    """``[calendar]``: the time zone of the meetings the calendar files carry."""

    time_zone: str = ""
    """An IANA zone name (``"Europe/Berlin"``); empty means this computer's zone (``TZ``,
    else /etc/localtime), else UTC."""

    my_email: str = ""
    """Your own address, as your calendar names you among a meeting's attendees
    (``calendar import`` finds the meetings of you and one other person; ``--me`` wins)."""

    prep_minutes: int = 0
    """A reminder this many minutes before each 1:1 in ``export calendar`` (0: none)."""


@dataclass(frozen=True)
class UndoSettings:
    """``[undo]``: how long changes can be undone, and so how long removed text is kept."""

    days: int = 7
    """The undo window in days (0–365): a change older than this can no longer be undone,
    and the text it removed or overwrote leaves the database. 0 keeps no change at all."""

    changes: int = 100
    """How many of the last changes can be undone (1–1000); older ones are dropped."""


@dataclass(frozen=True)
class Settings:
    """Everything config.toml can set."""

    theme: str = DEFAULT_THEME
    """Theme name: leadtui-dark, leadtui-light, a Textual built-in, or a user theme's name."""

    keymap: dict[str, str] = field(default_factory=dict)
    """Binding id -> keys, e.g. ``"go.people" = "f3"`` or ``"people.add" = "a,n"``."""

    energy: EnergyThresholds = field(default_factory=EnergyThresholds)
    """``[energy]``: good_day (default 4), drained_day (2), window_days (28)."""

    review: ReviewSettings = field(default_factory=ReviewSettings)
    """``[review]``: half_start_month (default 1)."""

    calendar: CalendarSettings = field(default_factory=CalendarSettings)
    """``[calendar]``: time_zone (default: this computer's zone), my_email, prep_minutes."""

    undo: UndoSettings = field(default_factory=UndoSettings)
    """``[undo]``: days (default 7, 0 allowed), changes (default 100)."""


def _validate(data: dict[str, object]) -> Settings:
    """Validate TOML data into Settings; ValueError carries one line."""
    from pydantic import ConfigDict, TypeAdapter, ValidationError, with_config

    from leadtui.domain.text import quoted
    from leadtui.domain.validation import first_error_line

    unknown = sorted(set(data) - {"theme", "keymap", "energy", "review", "calendar", "undo"})
    if unknown:
        raise ValueError(
            f"unknown setting {quoted(unknown[0])}; "
            "known: theme, [keymap], [energy], [review], [calendar], [undo]"
        )
    undo = data.get("undo", {})
    if isinstance(undo, dict):
        extra = sorted(set(undo) - {"days", "changes"})
        if extra:
            raise ValueError(f"unknown [undo] setting {quoted(extra[0])}; known: days, changes")
    calendar = data.get("calendar", {})
    if isinstance(calendar, dict):
        extra = sorted(set(calendar) - {"time_zone", "my_email", "prep_minutes"})
        if extra:
            raise ValueError(
                f"unknown [calendar] setting {quoted(extra[0])}; "
                "known: time_zone, my_email, prep_minutes"
            )
    review = data.get("review", {})
    if isinstance(review, dict):
        extra = sorted(set(review) - {"half_start_month"})
        if extra:
            raise ValueError(
                f"unknown [review] setting {quoted(extra[0])}; known: half_start_month"
            )
    energy = data.get("energy", {})
    if isinstance(energy, dict):
        extra = sorted(set(energy) - {"good_day", "drained_day", "window_days"})
        if extra:
            raise ValueError(
                f"unknown [energy] setting {quoted(extra[0])}; "
                "known: good_day, drained_day, window_days"
            )
    strict = with_config(ConfigDict(extra="forbid"))(Settings)
    try:
        settings = TypeAdapter(strict).validate_python(data)
    except ValidationError as exc:
        raise ValueError(first_error_line(exc)) from None
    t = settings.energy
    if not 1 <= t.drained_day < t.good_day <= 5:
        raise ValueError(
            "[energy] needs 1 <= drained_day < good_day <= 5, "
            f"got drained_day = {t.drained_day}, good_day = {t.good_day}"
        )
    if not 7 <= t.window_days <= 366:
        raise ValueError(f"[energy] window_days must be 7–366, got {t.window_days}")
    if not 1 <= settings.review.half_start_month <= 12:
        raise ValueError(
            f"[review] half_start_month must be 1–12, got {settings.review.half_start_month}"
        )
    if not 0 <= settings.undo.days <= 365:
        raise ValueError(f"[undo] days must be 0–365, got {settings.undo.days}")
    if not 1 <= settings.undo.changes <= 1000:
        raise ValueError(f"[undo] changes must be 1–1000, got {settings.undo.changes}")
    zone = settings.calendar.time_zone.strip()
    if zone and not is_time_zone(zone):
        raise ValueError(
            f'[calendar] time_zone must be an IANA zone name such as "Europe/Berlin", '
            f"got {quoted(zone)}"
        )
    if not 0 <= settings.calendar.prep_minutes <= 10080:
        minutes = settings.calendar.prep_minutes
        raise ValueError(f"[calendar] prep_minutes must be 0–10080 (a week), got {minutes}")
    from leadtui.domain.people import email_address

    try:
        email_address(settings.calendar.my_email)
    except ValueError as exc:
        raise ValueError(f"[calendar] my_{exc}") from None
    for binding_id, keys in settings.keymap.items():
        if not keys.strip():
            raise ValueError(f'keymap: {quoted(binding_id)} has no keys; give e.g. "f3"')
    return settings


def is_time_zone(name: str) -> bool:
    """Whether ``name`` is a zone this computer knows (its tz database, or tzdata)."""
    from zoneinfo import ZoneInfo

    try:
        ZoneInfo(name)
    except (KeyError, ValueError, OSError):  # not found is a KeyError; a bad key a ValueError
        return False
    return True


def system_time_zone(
    environ: Mapping[str, str] | None = None, localtime: Path = Path("/etc/localtime")
) -> str:
    """This computer's zone name: ``TZ`` when it names a zone, else where /etc/localtime
    links to (``.../zoneinfo/Europe/Berlin``), else /etc/timezone, else UTC."""
    import os

    env = os.environ if environ is None else environ
    candidates: list[str] = []
    tz = env.get("TZ", "").strip().removeprefix(":")
    if tz:
        # TZ may be a zone name or a path into the zone database.
        candidates.append(tz.split("/zoneinfo/", 1)[-1])
    try:
        # The link's own target, not its resolved path: some zone files are links to
        # another name for the same zone, and the name the system was given is the one.
        target = os.readlink(localtime) if localtime.is_symlink() else ""
    except OSError:
        target = ""
    if "/zoneinfo/" in target:
        candidates.append(target.split("/zoneinfo/", 1)[1])
    try:
        candidates.append(localtime.with_name("timezone").read_text(encoding="utf-8").strip())
    except (OSError, UnicodeDecodeError):
        pass
    return next((c for c in candidates if c and is_time_zone(c)), "UTC")


def calendar_time_zone(settings: Settings) -> str:
    """The zone the calendar files write meetings in: config.toml's, else the system's."""
    return settings.calendar.time_zone.strip() or system_time_zone()


def load_settings(path: Path) -> tuple[Settings, list[str]]:
    """Read ``path``; return the settings and any problems found (each one line)."""
    if not path.exists():
        return Settings(), []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return Settings(), [f"{path}: cannot be read ({exc}); using defaults"]
    try:
        return _validate(data), []
    except ValueError as exc:
        return Settings(), [f"{path}: {exc}; using defaults"]


_THEME_LINE = re.compile(r"^\s*theme\s*=")
_TABLE_LINE = re.compile(r"^\s*\[")


def with_theme(text: str, theme: str) -> str:
    """``text`` (a config.toml) with its top-level ``theme = "..."`` line set to ``theme``.

    Only that one line changes (or is added before the first table): the person's
    other settings, comments and layout stay as they wrote them.
    """
    import json

    # A TOML basic string: JSON's escapes without ASCII-only surrogate pairs.
    line = f"theme = {json.dumps(theme, ensure_ascii=False)}"
    lines = text.splitlines()
    first_table = next((i for i, raw in enumerate(lines) if _TABLE_LINE.match(raw)), len(lines))
    for i in range(first_table):
        if _THEME_LINE.match(lines[i]):
            lines[i] = line
            break
    else:
        # Before the first table, after a blank line if the top has other settings.
        head = lines[:first_table]
        while head and not head[-1].strip():
            head.pop()
        lines = [*head, line, *([""] if first_table < len(lines) else []), *lines[first_table:]]
    return "\n".join(lines) + "\n"


def remember_theme(path: Path, theme: str) -> None:
    """Write ``theme`` into the config.toml at ``path``, keeping everything else.

    The file is replaced atomically (a temporary file beside it, renamed) with mode
    0600. A file that cannot be read as TOML is left alone: ValueError says why. An
    OSError (a read-only folder) is the caller's to report.
    """
    import os
    import tempfile

    text = path.read_text(encoding="utf-8") if path.exists() else ""
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{path} cannot be read ({exc}); the theme was not remembered") from None
    updated = with_theme(text, theme)
    if tomllib.loads(updated).get("theme") != theme:
        # A layout this edit does not understand: better to forget than to break the file.
        raise ValueError(f"{path}: the theme line could not be written; set theme there")
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=".config-", suffix=".toml", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(updated)
        os.replace(temp, path)  # mkstemp made it 0600; the rename keeps that
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
