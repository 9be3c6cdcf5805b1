"""A keyring kept in one JSON file, for the encrypted-database bench only.

The bench runs where no desktop keyring (Secret Service, Keychain) answers; this backend
stands in for one, chosen with ``PYTHON_KEYRING_BACKEND=file_keyring.FileKeyring`` and
``LEADTUI_BENCH_KEYRING=<file>``. It costs what a keyring lookup costs leadtui: importing
keyring and reading one entry.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend


class FileKeyring(KeyringBackend):
    """Passwords in the JSON file named by LEADTUI_BENCH_KEYRING."""

    priority = 1

    def _file(self) -> Path:
        return Path(os.environ["LEADTUI_BENCH_KEYRING"])

    def _all(self) -> dict[str, str]:
        try:
            found: dict[str, str] = json.loads(self._file().read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        return found

    def get_password(self, service: str, username: str) -> str | None:
        """The password kept for (service, username)."""
        return self._all().get(f"{service}\0{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        """Keep a password."""
        kept = self._all()
        kept[f"{service}\0{username}"] = password
        self._file().write_text(json.dumps(kept), encoding="utf-8")

    def delete_password(self, service: str, username: str) -> None:
        """Forget a password."""
        kept = self._all()
        kept.pop(f"{service}\0{username}", None)
        self._file().write_text(json.dumps(kept), encoding="utf-8")
