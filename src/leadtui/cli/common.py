"""What the command groups share: today, the database they open, printing, settings,
the person and half a command names, and how a refusal shows a path.

Every database a command opens is remembered here and closed by ``main`` when the
command ends.
"""

from __future__ import annotations

import os
import re
import sys
from datetime import date
from typing import TYPE_CHECKING, Any

from leadtui.domain.text import quoted
from leadtui.errors import InputError

# Export files quote paths the same way; the one helper lives with the paths.
from leadtui.paths import shown_path as shown_path

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Mapping

    from leadtui.config import Settings
    from leadtui.paths import Locations
    from leadtui.store.database import Store

    # Adds one `export` subcommand: its name, help line and, for a copy with a private
    # part, what the shared copy drops (which makes PERSON and --audience required).
    ExportCommand = Callable[[str, str, str | None], argparse.ArgumentParser]


def today_from_env() -> date:
    """Today, or the date in ``LEADTUI_TODAY`` (for reproducible demos and tests)."""
    pinned = os.environ.get("LEADTUI_TODAY")
    if pinned:
        from leadtui.domain.dates import in_range

        try:
            day = date.fromisoformat(pinned)
        except ValueError:
            raise InputError(f"LEADTUI_TODAY must be YYYY-MM-DD, got {quoted(pinned)}") from None
        # Every rule counts days from today, so it stays in the years typed dates may take.
        return in_range(day, "LEADTUI_TODAY")
    return date.today()


def shell_command(args: argparse.Namespace | None, command: str) -> str:
    """``leadtui COMMAND`` as the user would type it next: with ``--db PATH`` when this
    command was given one, so a copied hint works on the same database."""
    import shlex

    db = getattr(args, "db", None)
    if not db or " --db " in f" {command} ":
        return f"leadtui {command}"
    return f"leadtui {command} --db {shlex.quote(str(db))}"


def hint(args: argparse.Namespace | None, command: str) -> str:
    """A hint's command in backticks (see :func:`shell_command`)."""
    return f"`{shell_command(args, command)}`"


def person_word(person: Any) -> str:
    """A person as one shell word in a hint: their name, which reads as who is meant
    (an id does not), quoted for the shell with control characters made visible."""
    import shlex

    from leadtui.domain.text import literal

    return shlex.quote(literal(person.name))


_HINTED = re.compile(r"`leadtui ([^`]*)`")


def with_db(text: str, args: argparse.Namespace | None) -> str:
    """Every `` `leadtui …` `` hint in ``text`` with this command's ``--db``: refusals
    written below the front end (services) name commands without knowing the file."""
    return _HINTED.sub(lambda found: hint(args, found.group(1)), text)


def locations_for(args: argparse.Namespace) -> Locations:
    from leadtui.paths import locations

    return locations(args.db)


# Every database a command opened, closed when the command ends, so the WAL is
# checkpointed then (and a test calling main() twice sees a settled file).
_OPENED: list[Store] = []


def open_store(args: argparse.Namespace, *, create: bool = True, full_check: bool = False) -> Store:
    """Open the database; commands that only read refuse one that does not exist yet.

    A new database is created by the command's first write, not here: a command refused
    before it writes (a person not found, a definition that does not parse) leaves no
    file behind. ``full_check`` adds SQLite's page check, which reads the whole file (see
    :func:`leadtui.store.database.open_database`).
    """
    from leadtui.store.database import open_database

    loc = locations_for(args)
    if not create and not loc.db_path.exists():
        raise InputError(
            f"no database at {loc.db_path}; check --db, or start one with "
            f"{hint(args, 'people add NAME')} (or {hint(args, 'demo')})"
        )
    store = open_database(loc.db_path, full_check=full_check, create_on_write=True)
    _OPENED.append(store)
    from leadtui.config import load_settings
    from leadtui.services.undo import configure

    # The undo window in config.toml (defaults without the file, read at no cost); a
    # problem with the file is reported by the commands that read it for themselves.
    undo = load_settings(loc.config_file)[0].undo
    configure(store, days=undo.days, changes=undo.changes)
    return store


def close_opened() -> None:
    while _OPENED:
        _OPENED.pop().close()


def echo(text: str = "") -> None:
    """Print one line on stdout (what the stream cannot encode is escaped: see ``main``)."""
    sys.stdout.write(text + "\n")


def for_stream(text: str, limit: int | None = None, stream: object = None) -> str:
    """``text`` on one line as ``stream`` (stderr by default) can show it, at most
    ``limit`` characters as printed.

    Like :func:`leadtui.domain.text.escaped` (controls, line breaks and lone surrogates
    as visible escapes), and a character the stream's encoding lacks (王 on an ASCII or
    cp1252 terminal) as its backslash escape, counted at the length it prints: a refusal
    quoting forty emoji stays one short line there too. The cut falls between escapes.
    """
    encoding = getattr(stream if stream is not None else sys.stderr, "encoding", None) or "utf-8"

    def shown(char: str) -> str:
        if not char.isprintable():
            return repr(char)[1:-1]
        try:
            char.encode(encoding)
        except UnicodeEncodeError:
            return char.encode(encoding, "backslashreplace").decode(encoding)
        except LookupError:
            pass  # an encoding Python does not know: the stream's own errors decide
        return char

    ellipsis = shown("…")
    pieces: list[str] = []
    length = 0
    for char in text:
        piece = shown(char)
        if limit is not None and length + len(piece) > limit:
            return "".join(pieces) + ellipsis
        pieces.append(piece)
        length += len(piece)
    return "".join(pieces)


def echo_json(document: object) -> None:
    """Print a --json document on one line.

    Text is kept as typed where stdout can carry it; an output that cannot (an ASCII or
    cp1252 terminal) gets ``\\u`` escapes instead, so the document stays valid JSON there
    rather than holding the stream's own escapes.
    """
    from leadtui.export.json import dumps

    text = dumps(document)
    try:
        text.encode(getattr(sys.stdout, "encoding", None) or "utf-8")
    except (UnicodeEncodeError, LookupError):
        text = dumps(document, ascii_only=True)
    echo(text)


def styled_output() -> bool:
    """True when stdout may carry styles (bold): a terminal, and ``NO_COLOR`` not set.

    https://no-color.org: any non-empty ``NO_COLOR`` turns styling off; a pipe or a file
    gets plain text whatever the environment says.
    """
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(sys.stdout, "isatty", None)
    return bool(isatty and isatty())


def settings_for(args: argparse.Namespace) -> Settings:
    """config.toml; a problem is reported on stderr and defaults are used."""
    from leadtui.config import load_settings

    settings, problems = load_settings(locations_for(args).config_file)
    for problem in problems:
        sys.stderr.write(f"leadtui: warning: {problem}\n")
    return settings


def person_and_store(args: argparse.Namespace, *, create: bool = False) -> tuple[Any, Store]:
    """The PERSON argument resolved (id, name or unique prefix) and the open database."""
    from leadtui.services.people import resolve_person

    store = open_store(args, create=create)
    return resolve_person(store, args.person), store


def review_half(args: argparse.Namespace) -> tuple[Any, int]:
    """The --half asked for (default: this half) and the configured half start month."""
    from leadtui.domain.dates import parse_half

    start_month = settings_for(args).review.half_start_month
    return parse_half(args.half, today_from_env(), start_month, field="--half"), start_month


# The command being run (set by ``main``): a service's notice names commands without
# knowing the database, and ``note`` gives its hints this command's --db.
_COMMAND: list[argparse.Namespace] = []


def running(args: argparse.Namespace) -> None:
    """Remember the command being run, for the hints in notices (see :func:`note`)."""
    _COMMAND[:] = [args]


def note(notice: str | None) -> None:
    """A service's notice about what was recorded (an archived person, say) on stderr,
    leaving stdout to the command's own output; its hints carry this command's --db."""
    if notice:
        notice = with_db(notice, _COMMAND[-1] if _COMMAND else None)
        sys.stderr.write(f"leadtui: note: {notice}\n")


# What a shell completes after an option that names a file (read by the completion
# generator, shtab, which takes the value as it is: no import of shtab is needed here).
FILE_COMPLETION = {"bash": "_shtab_compgen_files", "zsh": "_files"}


def completes_files(action: argparse.Action) -> None:
    """Mark ``action``'s value as a file name for the completion scripts."""
    action.complete = FILE_COMPLETION  # type: ignore[attr-defined]


def record_id(text: str) -> int:
    """An id typed on the command line: a whole number that can be a stored id."""
    import argparse

    # ASCII digits ("²" is no id) and at most 18 of them (SQLite ids are 64-bit).
    if not re.fullmatch(r"[0-9]{1,18}", text.strip()):
        raise argparse.ArgumentTypeError(f"must be an id like 12, got {quoted(text)}")
    return int(text)


# Refusals are worded for any front end ("every must be 1–12 weeks"): the app has no flags.
# The command line names the flag the refused field was given as, read from the parser
# (each field's option has the field's name as its ``dest``); a field given as a
# positional argument (a gap's STATUS, a vacation's START) has no flag: its words stay.


def flag_worded(error: InputError, option_of: Mapping[str, str]) -> str:
    """``error``'s message with the refused field's words replaced by its flag ("every must
    be 1–12 weeks" -> "--every must be 1–12 weeks", "aligned-up date: “x” is not a date"
    -> "--aligned-up: “x” is not a date"), and the words of the other fields it names by
    theirs ("… and alignment note go together" -> "… and --note …"); ``option_of`` maps a
    field to its flag."""
    message = error.message
    flag = option_of.get(error.field or "")
    words = error.words
    # A date's refusal puts a colon after the field's words.
    if flag and words and message.startswith((words + " ", words + ":")):
        message = flag + message[len(words) :]
    for field, other_words in error.also.items():
        other_flag = option_of.get(field)
        if other_flag:
            message = _replaced_once(message, other_words, other_flag)
    return message


def _replaced_once(text: str, words: str, flag: str) -> str:
    """``text`` with the first whole occurrence of ``words`` (not inside a longer word or
    a flag) replaced by ``flag``."""
    start = text.find(words)
    while start >= 0:
        end = start + len(words)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before in "-_" or after.isalnum() or after in "-_"):
            return text[:start] + flag + text[end:]
        start = text.find(words, start + 1)
    return text


def print_or_write(text: str, args: argparse.Namespace) -> str | None:
    """Print ``text``, or write it to ``--out`` (mode 0600, never over the database);
    the path written as a confirmation shows it (on one line, undecodable bytes and
    control characters escaped), or None when printed."""
    if args.out is None:
        _print_document(text)
        return None
    from pathlib import Path

    from leadtui.export.files import TargetExistsError, write_export

    target = Path(args.out).expanduser()
    db_path = locations_for(args).db_path
    try:
        written = write_export(text, target, force=args.force, db_path=db_path)
    except TargetExistsError as exc:
        raise InputError(f"--out {exc} or add --force") from None
    except InputError as exc:
        raise InputError(f"--out {exc}") from None
    from leadtui.domain.text import escaped

    return escaped(str(written))


def _print_document(text: str) -> None:
    """Print a whole document to stdout as the bytes ``--out`` would write (UTF-8).

    A message to a person may escape what their terminal cannot show, but a document
    redirected to a file must be that file: escaped characters in it would silently
    corrupt it (``Zoë \\u738b`` in mixed encodings). Only a stream of text alone (no
    byte layer beneath it) is given the text as it is.
    """
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
        return
    sys.stdout.flush()  # what was printed before the document goes out before it
    # The line ends a file written in text mode has on this platform, as ``--out`` has.
    buffer.write(text.replace("\n", os.linesep).encode("utf-8"))
    buffer.flush()
