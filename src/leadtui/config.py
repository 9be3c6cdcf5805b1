"""User settings from config.toml.

``Settings`` is a frozen dataclass so that starting without a config file
costs nothing; when a file exists pydantic validates it against the same
classes, whose fields carry their own limits (``Between``, ``Check``). A bad
setting falls back to its default on its own, and one notice names every such
problem: a typo never stops the app from opening, nor costs the rest of the file.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, is_dataclass
from pathlib import Path
from typing import Annotated, Any

from leadtui.domain.bounds import Between, Check
from leadtui.domain.energy import EnergyThresholds

DEFAULT_THEME = "leadtui-dark"


def _zone_name(value: str) -> str:
    zone = value.strip()
    if zone and not is_time_zone(zone):
        from leadtui.domain.text import quoted

        raise ValueError(f'must be an IANA zone name such as "Europe/Berlin", got {quoted(zone)}')
    return value


def _email(value: str) -> str:
    from leadtui.domain.people import email_address

    try:
        email_address(value)
    except ValueError as exc:
        raise ValueError(str(exc).removeprefix("email ")) from None
    return value


def _keys(value: str) -> str:
    if not value.strip():
        raise ValueError('has no keys; give e.g. "f3"')
    return value


@dataclass(frozen=True)
class ReviewSettings:
    """``[review]``: when the review year starts."""

    half_start_month: Annotated[int, Between(1, 12)] = 1
    """First month of H1 (1 = January, so H1 = Jan–Jun and H2 = Jul–Dec)."""


@dataclass(frozen=True)
class CalendarSettings:
    """``[calendar]``: the time zone of the meetings the calendar files carry."""

    time_zone: Annotated[str, Check(_zone_name)] = ""
    """An IANA zone name (``"Europe/Berlin"``); empty means this computer's zone (``TZ``,
    else /etc/localtime), else UTC."""

    my_email: Annotated[str, Check(_email)] = ""
    """Your own address, as your calendar names you among a meeting's attendees
    (``calendar import`` finds the meetings of you and one other person; ``--me`` wins)."""

    prep_minutes: Annotated[int, Between(0, 10080)] = 0
    """A reminder this many minutes before each 1:1 in ``export calendar`` (0: none)."""


@dataclass(frozen=True)
class UndoSettings:
    """``[undo]``: how long changes can be undone, and so how long removed text is kept."""

    days: Annotated[int, Between(0, 365)] = 7
    """The undo window in days (0–365): a change older than this can no longer be undone,
    and the text it removed or overwrote leaves the database. 0 keeps no change at all."""

    changes: Annotated[int, Between(1, 1000)] = 100
    """How many of the last changes can be undone (1–1000); older ones are dropped."""


@dataclass(frozen=True)
class Settings:
    """Everything config.toml can set."""

    theme: str = DEFAULT_THEME
    """Theme name: leadtui-dark, leadtui-light, a Textual built-in, or a user theme's name."""

    keymap: dict[str, Annotated[str, Check(_keys)]] = field(default_factory=dict)
    """Binding id -> keys, e.g. ``"go.people" = "f3"`` or ``"people.add" = "a,n"``."""

    energy: EnergyThresholds = field(default_factory=EnergyThresholds)
    """``[energy]``: good_day (default 4), drained_day (2), window_days (28)."""

    review: ReviewSettings = field(default_factory=ReviewSettings)
    """``[review]``: half_start_month (default 1)."""

    calendar: CalendarSettings = field(default_factory=CalendarSettings)
    """``[calendar]``: time_zone (default: this computer's zone), my_email, prep_minutes."""

    undo: UndoSettings = field(default_factory=UndoSettings)
    """``[undo]``: days (default 7, 0 allowed), changes (default 100)."""


# Enough rounds for a field's error, then its table's own rule once the field is reset.
_ROUNDS = 4


def validate_settings(data: dict[str, Any]) -> tuple[Settings, list[str]]:
    """``data`` (a parsed config.toml) as Settings: each setting the model refuses falls
    back to its default, the rest is kept; returns the problems, one line each."""
    from pydantic import ConfigDict, TypeAdapter, ValidationError, with_config

    adapter = TypeAdapter(with_config(ConfigDict(extra="forbid"))(Settings))
    data = dict(data)
    if isinstance(data.get("keymap"), dict):
        data["keymap"] = _flat(data["keymap"])
    problems: list[str] = []
    for _ in range(_ROUNDS):
        try:
            return adapter.validate_python(data), problems
        except ValidationError as exc:
            for error in exc.errors(include_url=False):
                loc = tuple(str(part) for part in error["loc"])
                problems.append(_problem_line(loc, error))
                data = _without(data, loc)
    return Settings(), problems  # pragma: no cover - each round removes what it named


def _flat(table: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """``[keymap]`` with dotted ids written unquoted (``oneonones.hold = "h"``, which TOML
    reads as a table ``oneonones`` holding ``hold``) as the ids they spell."""
    flat: dict[str, Any] = {}
    for key, value in table.items():
        if isinstance(value, dict):
            flat.update(_flat(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def _without(data: dict[str, Any], loc: tuple[str, ...]) -> dict[str, Any]:
    """``data`` less the value at ``loc`` (so that setting takes its default)."""
    if len(loc) > 1 and isinstance(data.get(loc[0]), dict):
        return {**data, loc[0]: _without(data[loc[0]], loc[1:])}
    return {key: value for key, value in data.items() if key != loc[0]}


def _problem_line(loc: tuple[str, ...], error: Any) -> str:
    """One line naming the setting and what was wrong, in the file's own terms."""
    from leadtui.domain.text import quoted

    table, rest = loc[0], loc[1:]
    owner = _table_type(table)
    if error["type"] in ("extra_forbidden", "unexpected_keyword_argument"):
        if not rest:
            known = ", ".join(
                f"[{f.name}]" if _table_type(f.name) or f.name == "keymap" else f.name
                for f in fields(Settings)
            )
            return f"unknown setting {quoted(table)}; known: {known}"
        known = ", ".join(f.name for f in fields(owner)) if owner else ""
        return f"unknown [{table}] setting {quoted(rest[0])}; known: {known}"
    if owner is not None and not rest and error["type"] == "dataclass_type":
        return f"{table} must be a table: [{table}] with its settings on the lines below"
    if not rest and error["type"] == "dict_type":
        return (
            f"{table} must be a table: [{table}] with its settings on the lines below, "
            f"got {_as_written(error['input'])}"
        )
    message = str(error["msg"]).removeprefix("Value error, ")
    kind = _KINDS.get(error["type"])
    if kind is not None:
        example = _EXAMPLES.get(table if table == "keymap" or not rest else rest[-1])
        like = f" like {example}" if example else ""
        message = f"must be {kind}{like}, got {_as_written(error['input'])}"
    if table == "keymap" and rest:
        where = f"[keymap] {quoted('.'.join(rest))}"
    elif rest:
        where = f"[{table}] {'.'.join(rest)}"
    else:
        where = f"[{table}]" if owner else table
    said = error["type"] == "value_error" or kind is not None
    return f"{where} {message}" if said else f"{where}: {message}"


# The kinds of value pydantic's type errors ask for, in the words of a TOML file.
_KINDS = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "dict_type": "a table",
    "list_type": "a list",
}
# A value of the right kind, for the settings whose kind alone does not say what to write.
_EXAMPLES = {
    "keymap": '"f3"',
    "theme": '"leadtui-light"',
    "time_zone": '"Europe/Berlin"',
    "my_email": '"me@example.com"',
}


def _as_written(value: object) -> str:
    """A value read from config.toml as the file writes it (a table or list by its kind, as
    it may be long)."""
    from leadtui.domain.text import quoted

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return quoted(value)
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return quoted(str(value)) if not isinstance(value, int | float) else str(value)


def _table_type(name: str) -> type | None:
    """The dataclass a table of config.toml is read into, if ``name`` is such a table."""
    kind = {f.name: f.default_factory for f in fields(Settings)}.get(name)
    return kind if isinstance(kind, type) and is_dataclass(kind) else None


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
    """Read ``path``; return the settings and any problems found (in one notice)."""
    if not path.exists():
        return Settings(), []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return Settings(), [f"{path}: cannot be read ({exc}); using defaults"]
    settings, problems = validate_settings(data)
    if not problems:
        return settings, []
    kept = (
        "that setting uses its default"
        if len(problems) == 1
        else ("those settings use their defaults")
    )
    return settings, [f"{path}: {'; '.join(problems)}; {kept}, the rest of the file is used"]


def remember_theme(path: Path, theme: str) -> None:
    """Write ``theme`` into the config.toml at ``path``, keeping everything else.

    Written through tomlkit, which keeps the person's comments, order and layout. The
    file is replaced atomically (a temporary file beside it, renamed) with mode 0600. A
    file that cannot be read as TOML is left alone: ValueError says why. An OSError (a
    read-only folder) is the caller's to report.
    """
    import os
    import tempfile

    import tomlkit
    from tomlkit.exceptions import TOMLKitError

    text = path.read_text(encoding="utf-8") if path.exists() else ""
    try:
        tomllib.loads(text)
        document = tomlkit.parse(text)
    except (tomllib.TOMLDecodeError, TOMLKitError) as exc:
        raise ValueError(f"{path} cannot be read ({exc}); the theme was not remembered") from None
    document["theme"] = theme
    updated = tomlkit.dumps(document)
    if tomllib.loads(updated).get("theme") != theme:
        # A layout the writer does not understand: better to forget than to break the file.
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
