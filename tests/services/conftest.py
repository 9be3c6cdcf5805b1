"""Every service test runs on a plain database and on an encrypted one.

The encrypted one is the same freshly migrated database turned into a SQLCipher file by
the conversion ``leadtui encrypt`` uses: every ritual and search must read and write it
alike. The key is derived once per test process (a derivation takes about half a second).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from leadtui.store import encryption, keys
from leadtui.store.database import Store, open_database

_KEY: list[keys.RawKey] = []


def _test_key() -> keys.RawKey:
    if not _KEY:
        _KEY.append(keys.new_key(b"service tests passphrase"))
    return _KEY[0]


@pytest.fixture(params=["plain", "encrypted"])
def db(db_path: Path, request: pytest.FixtureRequest) -> Iterator[Store]:
    """A freshly migrated database in a temporary folder, plain or encrypted."""
    if request.param == "encrypted":
        if keys.cipher_module() is None:
            pytest.skip("encryption support (sqlcipher3) is not installed")
        open_database(db_path).close()
        encryption.convert(db_path, None, _test_key())
        assert db_path.read_bytes()[:16] != b"SQLite format 3\x00"
    database = open_database(db_path)
    yield database
    database.close()
