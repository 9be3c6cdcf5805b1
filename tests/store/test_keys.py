"""Where an encrypted database's key comes from: the environment, the keyring, the prompt."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from leadtui.errors import DatabaseRefusedError
from leadtui.store import encryption, keys
from leadtui.store.database import open_database

PASSPHRASE = b"the right words"


@pytest.fixture(autouse=True)
def fresh(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv("LEADTUI_PASSPHRASE", raising=False)
    keys.forget_all()
    yield
    keys.set_prompt(None)
    keys.forget_all()


@pytest.fixture
def encrypted(db_path: Path) -> Path:
    open_database(db_path).close()
    encryption.convert(db_path, None, keys.new_key(PASSPHRASE))
    keys.forget_all()
    return db_path


def test_the_prompt_gets_a_limited_number_of_tries(encrypted: Path) -> None:
    asked: list[int] = []

    def wrong(prompt: str, attempt: int) -> bytes | None:
        asked.append(attempt)
        return b"not it"

    keys.set_prompt(wrong)
    with pytest.raises(DatabaseRefusedError, match="passphrase does not open"):
        open_database(encrypted)
    assert asked == list(range(1, keys.PROMPT_TRIES + 1))


def test_a_right_passphrase_on_the_second_try_opens_it(encrypted: Path) -> None:
    answers = iter([b"not it", PASSPHRASE])
    keys.set_prompt(lambda prompt, attempt: next(answers))
    store = open_database(encrypted)
    try:
        assert store.execute("select count(*) from person").fetchone()[0] == 0
    finally:
        store.close()


def test_the_environment_comes_before_the_prompt(
    encrypted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEADTUI_PASSPHRASE", PASSPHRASE.decode())
    keys.set_prompt(lambda prompt, attempt: pytest.fail("asked despite the environment"))
    open_database(encrypted).close()


def test_without_a_terminal_or_a_source_it_says_where_a_key_can_come_from(
    encrypted: Path,
) -> None:
    # Tests run without a terminal on stdin: getpass cannot ask.
    with pytest.raises(DatabaseRefusedError, match="set LEADTUI_PASSPHRASE"):
        open_database(encrypted)


def test_the_derived_key_is_raw_and_salted_per_file() -> None:
    first, second = keys.new_key(PASSPHRASE), keys.new_key(PASSPHRASE)
    assert len(first.key) == 32 and len(first.salt) == 16
    assert first.salt != second.salt and first.key != second.key
    assert keys.derive(PASSPHRASE, first.salt) == first
    assert keys.RawKey.from_stored(first.stored()) == first
    assert keys.KDF_ITERATIONS >= 600_000


def test_an_interrupted_conversion_leaves_the_old_file_and_its_leftover_is_removed(
    db_path: Path,
) -> None:
    open_database(db_path).close()
    before = db_path.read_bytes()

    def crash() -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        encryption.convert(db_path, None, keys.new_key(PASSPHRASE), before_rename=crash)
    assert db_path.read_bytes()[:16] == before[:16]
    assert not encryption.converting_path(db_path).exists()
    open_database(db_path).close()


def test_the_copy_before_migrating_an_encrypted_database_is_encrypted(
    db_path: Path, tmp_path: Path
) -> None:
    import shutil

    from leadtui.store.database import default_migrations_dir, migration_files

    older = tmp_path / "older-migrations"
    older.mkdir()
    for file in migration_files()[:-1]:
        shutil.copy(file.path, older / file.path.name)
    open_database(db_path, migrations_dir=older).close()
    key = keys.new_key(PASSPHRASE)
    encryption.convert(db_path, None, key)
    store = open_database(db_path, migrations_dir=default_migrations_dir())
    store.close()
    (copy,) = (db_path.parent / "backups").iterdir()
    assert copy.read_bytes()[:16] == key.salt  # SQLCipher's salt, not SQLite's header
    assert keys.opens(copy, key)
    assert not keys.opens(copy, None)


@pytest.mark.parametrize("answers", [[None], [b"", None], [b"", b"", b""]], ids=str)
def test_no_passphrase_given_at_the_prompt_is_not_called_a_wrong_one(
    encrypted: Path, answers: list[bytes | None]
) -> None:
    given = iter(answers)
    keys.set_prompt(lambda prompt, attempt: next(given))
    with pytest.raises(DatabaseRefusedError, match="no passphrase given") as refused:
        open_database(encrypted)
    assert "does not open" not in str(refused.value)


def test_a_wrong_passphrase_then_giving_up_still_says_it_does_not_open(encrypted: Path) -> None:
    given = iter([b"not it", None])
    keys.set_prompt(lambda prompt, attempt: next(given))
    with pytest.raises(DatabaseRefusedError, match="passphrase does not open"):
        open_database(encrypted)


def test_the_passphrase_leaves_the_environment_once_read_and_no_child_inherits_it(
    encrypted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os
    import subprocess
    import sys

    monkeypatch.setenv("LEADTUI_PASSPHRASE", PASSPHRASE.decode())
    open_database(encrypted).close()
    assert "LEADTUI_PASSPHRASE" not in os.environ
    assert b"LEADTUI_PASSPHRASE" not in os.environb
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.environ.get('LEADTUI_PASSPHRASE'))"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert child.stdout.strip() == "None"
    # Kept in memory for this process: the next open still needs no prompt.
    keys.forget_all()
    keys.set_prompt(lambda prompt, attempt: pytest.fail("asked despite the environment"))
    open_database(encrypted).close()


def test_a_short_new_passphrase_is_warned_about_and_a_long_one_is_not() -> None:
    warning = keys.short_passphrase_warning(b"abc")
    assert warning is not None and "3 characters" in warning
    # Characters, not bytes: eleven accented letters are still short.
    assert keys.short_passphrase_warning(("é" * 11).encode()) is not None
    assert keys.short_passphrase_warning(b"correct horse") is None
    keys.check_new_passphrase(b"abc")  # still accepted: the user decides
