"""Every service test runs on a plain database and on an encrypted one.

The encrypted one is the same freshly migrated database turned into a SQLCipher file by
the conversion ``leadtui encrypt`` uses: every ritual and search must read and write it
alike. The key is derived once per test process (a derivation takes about half a second).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from leadtui.store import encryption, keys
from leadtui.store.database import Store, open_database
from tests.helpers import new_database_file

_KEY: list[keys.RawKey] = []


def _test_key() -> keys.RawKey:
    if not _KEY:
        _KEY.append(keys.new_key(b"service tests passphrase"))
    return _KEY[0]


_ENCRYPTED: list[bytes] = []


def _new_encrypted_database(db_path: Path) -> None:
    """Put at ``db_path`` a new encrypted database: made for real once per test process
    (migrated, then converted as ``leadtui encrypt`` converts), then copied."""
    if not _ENCRYPTED:
        with tempfile.TemporaryDirectory() as folder:
            template = Path(folder) / "data" / "new.db"
            new_database_file(template)
            encryption.convert(template, None, _test_key())
            _ENCRYPTED.append(template.read_bytes())
    new_database_file(db_path)  # the private folder and file, as open_database makes them
    db_path.write_bytes(_ENCRYPTED[0])
    keys.remember(db_path, _test_key())


@pytest.fixture(params=["plain", "encrypted"])
def db(db_path: Path, request: pytest.FixtureRequest) -> Iterator[Store]:
    """A freshly migrated database in a temporary folder, plain or encrypted."""
    if request.param == "encrypted":
        if keys.cipher_module() is None:
            pytest.skip("encryption support (sqlcipher3) is not installed")
        _new_encrypted_database(db_path)
        assert db_path.read_bytes()[:16] != b"SQLite format 3\x00"
    else:
        new_database_file(db_path)
    database = open_database(db_path)
    yield database
    database.close()
