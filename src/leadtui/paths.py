"""Where leadtui keeps its files.

By default the database and its backups live in the platform's user data
directory and config.toml plus user themes in the user config directory.
``LEADTUI_HOME`` moves all of them under one folder; ``LEADTUI_DB`` or
``--db`` picks the database file alone. Backups always sit in a ``backups``
folder beside the database they copy, so a scratch database never mixes its
backups with the real one.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import NamedTuple

APP_NAME = "leadtui"
DB_FILENAME = "leadtui.db"


class Locations(NamedTuple):
    """The folders and files leadtui reads and writes."""

    data_dir: Path
    config_dir: Path
    db_path: Path

    @property
    def config_file(self) -> Path:
        """The user's config.toml (may not exist)."""
        return self.config_dir / "config.toml"

    @property
    def themes_dir(self) -> Path:
        """Folder for the user's own theme TOML files."""
        return self.config_dir / "themes"

    @property
    def backups_dir(self) -> Path:
        """Folder for copies made by `leadtui backup` and before migrations."""
        return backups_dir_for(self.db_path)


def backups_dir_for(db_path: Path) -> Path:
    """The backups folder that belongs to the database at ``db_path``."""
    return db_path.parent / "backups"


def backup_name(db_path: Path, stamp: str, counter: int = 1) -> str:
    """The name `leadtui backup` gives a backup of ``db_path`` made at ``stamp``
    (YYYYMMDD-HHMMSS); ``counter`` tells apart two made in the same second."""
    suffix = f"-{counter}" if counter > 1 else ""
    return f"{db_path.stem}-{stamp}{suffix}.db"


def migration_backup_name(db_path: Path, stamp: str, pid: int, migration: str) -> str:
    """The name of the copy taken before ``migration`` runs (stamp YYYYMMDD-HHMMSS-ffffff)."""
    return f"{db_path.stem}-{stamp}-{pid}-before-{migration}.db"


def is_backup_name(db_path: Path, name: str) -> bool:
    """Whether ``name`` is one leadtui gives a backup of the database at ``db_path``.

    The names :func:`backup_name` and :func:`migration_backup_name` give. The stem is matched
    whole, so ``work.db``'s backups are not taken for ``work-old.db``'s, nor theirs.
    """
    stem = re.escape(db_path.stem)
    made = rf"{stem}-\d{{8}}-\d{{6}}(?:-\d+)?\.db"
    migrating = rf"{stem}-\d{{8}}-\d{{6}}-\d{{6}}-\d+-before-[^/\\]+\.db"
    return re.fullmatch(made, name) is not None or re.fullmatch(migrating, name) is not None


def locations(db: str | os.PathLike[str] | None = None) -> Locations:
    """Resolve locations from ``--db``, ``LEADTUI_DB`` and ``LEADTUI_HOME``."""
    home = os.environ.get("LEADTUI_HOME")
    if home:
        root = Path(home).expanduser()
        data_dir, config_dir = root, root
    else:
        # Imported here so that paths that do not need the defaults stay cheap.
        import platformdirs

        data_dir = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
        config_dir = Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    chosen = db if db is not None else os.environ.get("LEADTUI_DB") or None
    db_path = Path(chosen).expanduser() if chosen is not None else data_dir / DB_FILENAME
    return Locations(data_dir=data_dir, config_dir=config_dir, db_path=db_path)


def protected_paths(db_path: Path) -> list[Path]:
    """The database file and its sidecars: never a target for a backup or an export."""
    return [db_path.with_name(db_path.name + suffix) for suffix in ("", "-wal", "-shm", "-journal")]


def is_database_file(db_path: Path, target: Path) -> bool:
    """True when writing ``target`` could touch the database at ``db_path`` or its sidecars.

    Compares resolved paths (symlinks followed), the same names ignoring case (on a
    case-insensitive file system ``LEADTUI.db`` is the database; elsewhere refusing it
    costs a user nothing but another name), and the same file by inode (hard links).
    Lives here, not in the store, so exports can ask it without opening a database.
    """
    resolved = Path(os.path.realpath(target))
    for protected in protected_paths(Path(os.path.realpath(db_path))):
        if resolved == protected or str(resolved).casefold() == str(protected).casefold():
            return True
        try:
            if os.path.lexists(target) and protected.exists() and resolved.samefile(protected):
                return True
        except OSError:
            continue
    return False


def shown_path(target: Path) -> str:
    """A path as a refusal quotes it: one line, at most a short tail of a long name."""
    from leadtui.domain.text import literal

    text = literal(str(target))
    return text if len(text) <= 80 else "…" + text[-79:]
