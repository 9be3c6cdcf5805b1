"""The database encrypted at rest: encrypt, decrypt and rekey, and every command on it."""

from __future__ import annotations

import io
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from leadtui.store import keys
from tests.helpers import cli, files_digest, run

PASSPHRASE = "correct horse battery staple"
TOKEN = "ZEBRA-QUARTZ-7731"
PLAIN_HEADER = b"SQLite format 3\x00"


@pytest.fixture(autouse=True)
def no_keys_kept(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test finds its keys afresh, and no passphrase comes from the caller's shell."""
    monkeypatch.delenv("LEADTUI_PASSPHRASE", raising=False)
    monkeypatch.delenv("LEADTUI_NEW_PASSPHRASE", raising=False)
    keys.forget_all()
    yield
    keys.forget_all()


def _folder(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` and its digest."""
    return {str(p): files_digest(p) for p in sorted(folder.rglob("*")) if p.is_file()}


def _database(tmp_path: Path) -> Path:
    db = tmp_path / "data" / "leadtui.db"
    assert cli("--db", str(db), "people", "add", "Ana Ito", "--title", TOKEN).returncode == 0
    assert cli("--db", str(db), "energy", "log", "4", TOKEN).returncode == 0
    return db


def _encrypt(db: Path, monkeypatch: pytest.MonkeyPatch, *extra: str) -> Any:
    monkeypatch.setenv("LEADTUI_PASSPHRASE", PASSPHRASE)
    done = cli("--db", str(db), "encrypt", "--yes", "--no-keyring", *extra)
    assert done.returncode == 0, done.stderr
    keys.forget_all()
    return done


def test_encrypted_database_holds_no_plain_text_and_reads_with_the_passphrase(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _database(tmp_path)
    done = _encrypt(db, monkeypatch)
    assert "encrypted" in done.stdout and "rows" in done.stdout
    assert db.read_bytes()[:16] != PLAIN_HEADER
    for file in db.parent.rglob("*"):
        if file.is_file():
            assert TOKEN.encode() not in file.read_bytes(), file
    listed = cli("--db", str(db), "people", "list")
    assert listed.returncode == 0 and "Ana Ito" in listed.stdout
    assert cli("--db", str(db), "people", "add", "Bo Lund").returncode == 0
    found = cli("--db", str(db), "search", TOKEN)
    assert found.returncode == 0 and "Ana Ito" in found.stdout


def test_decrypt_gives_back_a_plain_database_with_every_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _database(tmp_path)
    _encrypt(db, monkeypatch)
    done = cli("--db", str(db), "decrypt", "--yes")
    assert done.returncode == 0, done.stderr
    assert db.read_bytes()[:16] == PLAIN_HEADER
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("select title from person").fetchall() == [(TOKEN,)]
    finally:
        conn.close()
    keys.forget_environment()
    assert "Ana Ito" in cli("--db", str(db), "people", "list").stdout


def test_rekey_opens_with_the_new_passphrase_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _database(tmp_path)
    _encrypt(db, monkeypatch)
    monkeypatch.setenv("LEADTUI_NEW_PASSPHRASE", "a new passphrase")
    done = cli("--db", str(db), "rekey", "--yes", "--no-keyring")
    assert done.returncode == 0, done.stderr
    keys.forget_all()
    refused = cli("--db", str(db), "people", "list")
    assert refused.returncode == 2 and "does not open" in refused.stderr
    keys.forget_all()
    monkeypatch.setenv("LEADTUI_PASSPHRASE", "a new passphrase")
    assert "Ana Ito" in cli("--db", str(db), "people", "list").stdout


def test_wrong_passphrase_is_one_line_and_exit_2_without_sqlcipher_noise(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _database(tmp_path)
    _encrypt(db, monkeypatch)
    before = _folder(db.parent)
    ran = run("--db", str(db), "people", "list", env={"LEADTUI_PASSPHRASE": "wrong"})
    assert ran.returncode == 2
    assert ran.stderr.count("\n") == 1, ran.stderr
    assert "LEADTUI_PASSPHRASE does not open this encrypted database" in ran.stderr
    assert _folder(db.parent) == before


def test_encrypted_database_without_the_extra_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _database(tmp_path)
    _encrypt(db, monkeypatch)
    # sqlcipher3 made unimportable, as in an install without the extra.
    code = (
        "import sys; sys.modules['sqlcipher3'] = None; sys.modules['sqlcipher3.dbapi2'] = None\n"
        "from leadtui.cli import main; sys.exit(main(['--db', sys.argv[1], 'people', 'list']))"
    )
    ran = subprocess.run(
        [sys.executable, "-c", code, str(db)], capture_output=True, text=True, timeout=60
    )
    assert ran.returncode == 2
    assert ran.stderr.count("\n") == 1
    assert "pip install 'leadtui[encryption]'" in ran.stderr


def test_encrypt_asks_to_confirm_and_changes_nothing_without_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _database(tmp_path)
    before = _folder(db.parent)
    monkeypatch.setenv("LEADTUI_PASSPHRASE", PASSPHRASE)
    refused = cli("--db", str(db), "encrypt")
    assert refused.returncode == 2
    assert "cannot be recovered" in refused.stderr and "add --yes" in refused.stderr
    assert refused.stderr.count("\n") == 1
    assert _folder(db.parent) == before


@pytest.mark.parametrize(
    ("passphrase", "said"),
    [("", "empty"), ("   ", "empty"), ("x" * 10_000, "longer than 1024 bytes")],
    ids=["empty", "blank", "10000 characters"],
)
def test_a_passphrase_that_cannot_be_one_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, passphrase: str, said: str
) -> None:
    db = _database(tmp_path)
    before = _folder(db.parent)
    monkeypatch.setenv("LEADTUI_PASSPHRASE", passphrase)
    refused = cli("--db", str(db), "encrypt", "--yes")
    assert refused.returncode == 2 and said in refused.stderr
    assert refused.stderr.count("\n") == 1
    assert _folder(db.parent) == before


def test_a_backup_of_an_encrypted_database_is_encrypted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _database(tmp_path)
    _encrypt(db, monkeypatch)
    target = tmp_path / "copy.db"
    assert cli("--db", str(db), "backup", "--out", str(target)).returncode == 0
    assert target.read_bytes()[:16] != PLAIN_HEADER
    assert TOKEN.encode() not in target.read_bytes()
    keys.forget_all()
    assert "Ana Ito" in cli("--db", str(target), "people", "list").stdout


@pytest.mark.parametrize("choice", ["encrypt", "remove", "keep"])
def test_backups_made_before_encrypting_are_encrypted_removed_or_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, choice: str
) -> None:
    db = _database(tmp_path)
    assert cli("--db", str(db), "backup").returncode == 0
    (earlier,) = (db.parent / "backups").iterdir()
    _encrypt(db, monkeypatch, "--earlier-backups", choice)
    if choice == "remove":
        assert not earlier.exists()
    elif choice == "keep":
        assert earlier.read_bytes()[:16] == PLAIN_HEADER
    else:
        assert TOKEN.encode() not in earlier.read_bytes()
        assert "Ana Ito" in cli("--db", str(earlier), "people", "list").stdout


def test_encrypt_twice_and_decrypt_a_plain_database_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _database(tmp_path)
    plain = cli("--db", str(db), "decrypt", "--yes")
    assert plain.returncode == 2 and "is not encrypted" in plain.stderr
    _encrypt(db, monkeypatch)
    again = cli("--db", str(db), "encrypt", "--yes")
    assert again.returncode == 2 and "already encrypted" in again.stderr


@pytest.fixture
def memory_keyring() -> Iterator[dict[tuple[str, str], str]]:
    """A keyring that keeps its passwords in a dict (the test's to look at)."""
    import keyring
    from keyring.backend import KeyringBackend

    kept: dict[tuple[str, str], str] = {}

    class MemoryKeyring(KeyringBackend):
        priority = 1

        def get_password(self, service: str, username: str) -> str | None:
            return kept.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            kept[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            kept.pop((service, username), None)

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())  # type: ignore[no-untyped-call]
    try:
        yield kept
    finally:
        keyring.set_keyring(previous)


def test_the_keyring_keeps_the_raw_key_so_opening_asks_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, memory_keyring: dict[tuple[str, str], str]
) -> None:
    kept = memory_keyring
    db = _database(tmp_path)
    monkeypatch.setenv("LEADTUI_PASSPHRASE", PASSPHRASE)
    done = cli("--db", str(db), "encrypt", "--yes")
    assert done.returncode == 0 and "system keyring" in done.stdout
    (stored,) = kept.values()
    # The raw 256-bit key and the file's salt, not the passphrase.
    assert PASSPHRASE not in stored and len(stored) == 2 * (32 + 16)
    assert bytes.fromhex(stored[64:]) == db.read_bytes()[:16]
    keys.forget_environment()
    keys.forget_all()
    assert "Ana Ito" in cli("--db", str(db), "people", "list").stdout
    assert cli("--db", str(db), "decrypt", "--yes").returncode == 0
    assert kept == {}


def test_a_private_export_from_an_encrypted_database_says_it_is_plain_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _database(tmp_path)
    plain_out = tmp_path / "before.md"
    before = cli(
        "--db",
        str(db),
        "export",
        "1on1",
        "Ana Ito",
        "--audience",
        "private",
        "--out",
        str(plain_out),
    )
    assert before.returncode == 0 and "plain text" not in before.stdout
    _encrypt(db, monkeypatch)
    private = cli(
        "--db",
        str(db),
        "export",
        "1on1",
        "Ana Ito",
        "--audience",
        "private",
        "--out",
        str(tmp_path / "p.md"),
    )
    assert private.returncode == 0, private.stderr
    assert "note: it is plain text: the database is encrypted" in private.stdout
    shared = cli(
        "--db",
        str(db),
        "export",
        "1on1",
        "Ana Ito",
        "--audience",
        "shared",
        "--out",
        str(tmp_path / "s.md"),
    )
    assert shared.returncode == 0 and "plain text" not in shared.stdout
    energy = cli("--db", str(db), "export", "energy", "--out", str(tmp_path / "e.md"))
    assert energy.returncode == 0 and "note: it is plain text" in energy.stdout


def test_encrypt_refuses_while_another_leadtui_has_the_database_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from leadtui.store.database import open_database

    db = _database(tmp_path)
    app = open_database(db)  # as the open app holds it
    try:
        before = db.read_bytes()
        monkeypatch.setenv("LEADTUI_PASSPHRASE", PASSPHRASE)
        refused = cli("--db", str(db), "encrypt", "--yes")
        assert refused.returncode == 2 and "is open in another leadtui" in refused.stderr
        assert refused.stderr.count("\n") == 1
        assert db.read_bytes() == before
    finally:
        app.close()


def _other_program_database(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    try:
        conn.execute("create table note (body text)")
        conn.execute("insert into note values ('not leadtui')")
        conn.commit()
    finally:
        conn.close()


def _strangers(db: Path) -> list[Path]:
    """Files in the backups folder that are not backups leadtui made of ``db``."""
    backups = db.parent / "backups"
    # Another leadtui database in the same folder, and its own backup.
    other = db.with_name("leadtui-old.db")
    assert cli("--db", str(other), "people", "add", "Cy Other").returncode == 0
    assert cli("--db", str(other), "backup").returncode == 0
    # Another program's databases: one with any name, one named as our backups are.
    _other_program_database(backups / "photos.db")
    _other_program_database(backups / f"{db.stem}-20260101-120000.db")
    strangers = sorted(p for p in backups.iterdir() if not p.name.startswith(f"{db.stem}-2"))
    strangers.append(backups / f"{db.stem}-20260101-120000.db")
    assert len(strangers) == 3
    return strangers


@pytest.mark.parametrize("choice", ["encrypt", "remove"])
def test_encrypt_touches_only_the_backups_leadtui_made_of_this_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, choice: str
) -> None:
    db = _database(tmp_path)
    assert cli("--db", str(db), "backup").returncode == 0
    (own,) = (db.parent / "backups").iterdir()
    strangers = _strangers(db)
    before = {p: p.read_bytes() for p in strangers}
    done = _encrypt(db, monkeypatch, "--earlier-backups", choice)
    assert "1 earlier backup " in done.stdout
    for stranger, content in before.items():
        assert stranger.read_bytes() == content, stranger
    if choice == "remove":
        assert not own.exists()
    else:
        assert own.read_bytes()[:16] != PLAIN_HEADER


def test_the_backups_question_lists_the_files_it_is_about(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from leadtui.cli import encryption as front

    db = _database(tmp_path)
    assert cli("--db", str(db), "backup").returncode == 0
    (own,) = (db.parent / "backups").iterdir()
    strangers = _strangers(db)
    shown_before: list[str] = []
    answers = iter(["y", "k"])

    def answer(question: str) -> str:
        shown_before.append(_said_so_far())
        return next(answers)

    monkeypatch.setattr(front, "_on_terminal", lambda: True)
    monkeypatch.setattr("builtins.input", answer)
    monkeypatch.setenv("LEADTUI_PASSPHRASE", PASSPHRASE)
    done = cli("--db", str(db), "encrypt", "--no-keyring")
    assert done.returncode == 0, done.stderr
    listed = shown_before[1]
    assert "1 backup of this database made before is not" in listed and own.name in listed
    assert not any(stranger.name in listed for stranger in strangers)


def _said_so_far() -> str:
    """What the command has written on stderr so far (``cli`` captures it)."""
    assert isinstance(sys.stderr, io.StringIO)
    return sys.stderr.getvalue()


def _damaged(backup: Path) -> None:
    """Keep SQLite's header (a backup by its looks) and overwrite its schema."""
    content = bytearray(backup.read_bytes())
    content[100:4096] = b"\xa5" * (4096 - 100)
    backup.write_bytes(bytes(content))


def test_a_backup_that_fails_is_named_and_the_key_and_the_other_backups_are_done(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, memory_keyring: dict[tuple[str, str], str]
) -> None:
    db = _database(tmp_path)
    assert cli("--db", str(db), "backup").returncode == 0
    assert cli("--db", str(db), "backup").returncode == 0
    first, second = sorted((db.parent / "backups").iterdir())
    _damaged(first)  # the first one done: the others come after it
    monkeypatch.setenv("LEADTUI_PASSPHRASE", PASSPHRASE)
    done = cli("--db", str(db), "encrypt", "--yes")
    assert done.returncode == 2
    (said,) = [line for line in done.stderr.splitlines() if "not converted" in line]
    assert said.startswith("database encrypted; backup ") and first.name in said
    assert "damaged or not a database" in said and second.name not in said
    assert "nothing was written" not in done.stderr
    assert "1 earlier backup encrypted" in done.stdout
    assert db.read_bytes()[:16] != PLAIN_HEADER
    assert second.read_bytes()[:16] != PLAIN_HEADER
    assert TOKEN.encode() not in second.read_bytes()
    (stored,) = memory_keyring.values()
    assert bytes.fromhex(stored[64:]) == db.read_bytes()[:16]
    # The key in the keyring opens it: no passphrase needed any more.
    keys.forget_environment()
    keys.forget_all()
    assert "Ana Ito" in cli("--db", str(db), "people", "list").stdout


def test_encrypt_again_finishes_the_plain_backups_left_of_an_encrypted_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _database(tmp_path)
    assert cli("--db", str(db), "backup").returncode == 0
    (earlier,) = (db.parent / "backups").iterdir()
    strangers = _strangers(db)
    before = {p: p.read_bytes() for p in strangers}
    _encrypt(db, monkeypatch, "--earlier-backups", "keep")
    assert earlier.read_bytes()[:16] == PLAIN_HEADER
    salt = db.read_bytes()[:16]
    again = cli("--db", str(db), "encrypt", "--yes")
    assert again.returncode == 0, again.stderr
    assert "already encrypted; 1 earlier backup encrypted" in again.stdout
    assert TOKEN.encode() not in earlier.read_bytes()
    assert db.read_bytes()[:16] == salt  # the database itself was not converted again
    for stranger, content in before.items():
        assert stranger.read_bytes() == content, stranger
    # With the database's own passphrase.
    keys.forget_all()
    assert "Ana Ito" in cli("--db", str(earlier), "people", "list").stdout
    # Nothing left to finish: refused as before.
    third = cli("--db", str(db), "encrypt", "--yes")
    assert third.returncode == 2 and "already encrypted" in third.stderr


@pytest.mark.parametrize("command", ["encrypt", "decrypt", "rekey"])
def test_a_read_only_database_is_refused_and_stays_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    import os
    import stat

    db = _database(tmp_path)
    if command != "encrypt":
        _encrypt(db, monkeypatch)
    monkeypatch.setenv("LEADTUI_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("LEADTUI_NEW_PASSPHRASE", "another long passphrase")
    os.chmod(db, 0o400)
    before = _folder(db.parent)
    refused = cli("--db", str(db), command, "--yes", *(["--no-keyring"] * (command != "decrypt")))
    assert refused.returncode == 2
    assert "read-only" in refused.stderr and refused.stderr.count("\n") == 1, refused.stderr
    assert stat.S_IMODE(db.stat().st_mode) == 0o400
    assert _folder(db.parent) == before


def test_ctrl_d_at_the_backups_question_refuses_and_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from leadtui.cli import encryption as front

    db = _database(tmp_path)
    assert cli("--db", str(db), "backup").returncode == 0
    before = _folder(db.parent)
    answers = iter(["y"])

    def answer(question: str) -> str:
        for given in answers:
            return given
        raise EOFError

    monkeypatch.setattr(front, "_on_terminal", lambda: True)
    monkeypatch.setattr("builtins.input", answer)
    monkeypatch.setenv("LEADTUI_PASSPHRASE", PASSPHRASE)
    refused = cli("--db", str(db), "encrypt", "--no-keyring")
    assert refused.returncode == 2
    assert refused.stderr.splitlines()[-1].endswith("no answer given (Ctrl-D); nothing was changed")
    assert _folder(db.parent) == before


def test_ctrl_d_at_the_decrypt_question_refuses_and_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from leadtui.cli import encryption as front

    db = _database(tmp_path)
    _encrypt(db, monkeypatch)
    # Opened once as any command does (the first open after encrypting goes back to WAL).
    assert cli("--db", str(db), "people", "list").returncode == 0
    before = _folder(db.parent)

    def answer(question: str) -> str:
        raise EOFError

    monkeypatch.setattr(front, "_on_terminal", lambda: True)
    monkeypatch.setattr("builtins.input", answer)
    refused = cli("--db", str(db), "decrypt")
    assert refused.returncode == 2
    assert refused.stderr.splitlines()[-1].endswith("no answer given (Ctrl-D); nothing was changed")
    assert _folder(db.parent) == before


def test_a_short_passphrase_is_warned_about_before_confirming_and_still_taken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import getpass

    from leadtui.cli import encryption as front

    db = _database(tmp_path)
    shown_before: list[str] = []

    def answer(question: str) -> str:
        shown_before.append(_said_so_far())
        return "y"

    monkeypatch.setattr(front, "_on_terminal", lambda: True)
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": "abc")
    monkeypatch.setattr("builtins.input", answer)
    done = cli("--db", str(db), "encrypt", "--no-keyring")
    assert done.returncode == 0, done.stderr
    assert "3 characters long" in shown_before[0]
    keys.forget_all()
    monkeypatch.setenv("LEADTUI_PASSPHRASE", "abc")
    assert "Ana Ito" in cli("--db", str(db), "people", "list").stdout


def test_the_passphrases_leave_the_environment_once_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    db = _database(tmp_path)
    _encrypt(db, monkeypatch)
    assert "LEADTUI_PASSPHRASE" not in os.environ
    monkeypatch.setenv("LEADTUI_NEW_PASSPHRASE", "a new passphrase")
    done = cli("--db", str(db), "rekey", "--yes", "--no-keyring")
    assert done.returncode == 0, done.stderr
    assert "LEADTUI_NEW_PASSPHRASE" not in os.environ
