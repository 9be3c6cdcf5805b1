"""The opener never hurts a database: locks kept, foreign files untouched, folders
respected, migrations whole, and failures explained with what to do."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from leadtui.domain.people_input import PersonDraft
from leadtui.errors import DatabaseRefusedError
from leadtui.store import database
from leadtui.store.database import (
    APPLICATION_ID,
    default_migrations_dir,
    explain_sqlite_error,
    migration_files,
    open_database,
    sql_statements,
)
from leadtui.store.people import PeopleRepository
from tests.helpers import files_digest

# The bytes of every migration as it shipped. A shipped migration is never edited:
# databases that already ran it would never see the change. Add a new file instead.
SHIPPED_DIGESTS = {
    "0001_initial.sql": "4fa90f732d876a42724e2d08a67f3ad1cfa36faa6c5f5ba56b8a4268b3ca3979",
    "0002_energy.sql": "9aaf10ec260009e9b1be69b926e4f6e9037392699f71a488ce9d04a2457425e2",
    "0003_oneonones.sql": "ae697167794fab9756caf62e94718fd96b2ba57ec0475677630483e511a39701",
    "0004_feedback.sql": "bfbf0243affbb6eaff5bd02fda0bc79d80a9d10f046508775bcb572335141568",
    "0005_indexes_and_application_id.sql": (
        "3db734bd29f4306de0fb4ba91279148b1a54a24b0f7c4162a03e6097c13dc1f9"
    ),
    "0007_succession.sql": "d12af0a7fbc6017492ce2c4c335ad88c19a099034fd2f202066b0b50b732912e",
    "0008_rotations.sql": "01a62270528b09d076a44fab37ae3637c3f66599688f540f49e9177ecd893296",
    "0009_search.sql": "0a5151b070a91efbf6af06e30ce1c8e26ab46686591cef40e639edcf8885ccc7",
    "0010_search_succession_rotations.sql": (
        "ff97813864227f1b6e8b5754c724278ca21a106b41b8ba2f275aff3f5d11ce42"
    ),
    "0006_ad_hoc_oneonones.sql": (
        "e1170f9495d8bd5d66b12812695499ce623364c2d8478d88ff7ac39a4fc0b75b"
    ),
    "0011_calendar_identity.sql": (
        "16a3a39b88a25d87ccc7f2e32b2e8e4a26ffd769b161a645bc52d13cfba41918"
    ),
    "0012_search_every_text.sql": (
        "39233545964ced7a8c793529122e27dbd0a9ddd833bb7cc5e053dcfa7146df70"
    ),
    "0013_undo_journal.sql": ("f907124556f363eb954170f53679c4cac5cf7647cff8d54babdcba48862a3bbc"),
    "0014_email_and_recurring_events.sql": (
        "e0800b5bc5a6b21290d21db62d37ce23ac87a778d4d8e1284690c41be391cb9c"
    ),
    "0015_personal_context.sql": (
        "1cb02055bbc6a0a63ce0e97e3cd3fb77b2183c53f0a9248e66cead92d519526b"
    ),
    "0016_team_energy.sql": ("558a1a3b84d887b493c6ca6241d4d9ede7ea2348570920d9ea7c957e1f3a58d4"),
    "0017_session_rating.sql": ("5d44e9dcbeba7ba275699fbd4ba16bf64d0555ace9032a8cb871ba96cc1f87c6"),
    "0018_quarter_answers.sql": (
        "a9aa831414d2dd5e7873b2ebd3766e03b0c9f3a4bbf55c025458ef400e279861"
    ),
    "0019_deep_points_and_prompts.sql": (
        "498bb8c993f753ab37637012fe130c62646b896fad73a948e8739de5cded25c3"
    ),
    "0020_t3b3_dismissed.sql": ("d212ec726eaa1b27e0fc8681409bb4b6b806e2d672ee8ca9546bd0f94ef9c608"),
}


def test_shipped_migrations_are_never_edited() -> None:
    digests = {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(default_migrations_dir().glob("*.sql"))
    }
    assert {name: digests.get(name) for name in SHIPPED_DIGESTS} == SHIPPED_DIGESTS
    new = sorted(set(digests) - set(SHIPPED_DIGESTS))
    assert not new, f"pin the digest of each new migration here once it ships: {new}"


def test_a_second_open_in_one_process_keeps_the_first_connections_locks(db_path: Path) -> None:
    """Closing a stray descriptor of the file would drop this process's POSIX locks; another
    process could then checkpoint and delete the WAL under the live connection and a row it
    wrote afterwards would be lost."""
    first = open_database(db_path)
    first.execute("pragma wal_autocheckpoint = 0")
    repo = PeopleRepository(first)
    repo.add(PersonDraft(name="Ada"))
    open_database(db_path).close()  # the TUI's preflight and the CLI both open it again

    def other_process(sql: str) -> None:
        code = (
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
            f"c.execute({sql!r}); c.close()"
        )
        subprocess.run([sys.executable, "-c", code, str(db_path)], check=True)

    other_process("select count(*) from person")
    assert db_path.with_name(db_path.name + "-wal").exists(), "the WAL was deleted under us"
    repo.add(PersonDraft(name="Bo"))
    other_process(
        "insert into person (name, relation, created_at, updated_at)"
        " values ('Cy', 'report', '2026-11-22', '2026-11-22')"
    )
    repo.add(PersonDraft(name="Di"))
    first.close()
    check = sqlite3.connect(db_path)
    names = sorted(row[0] for row in check.execute("select name from person"))
    check.close()
    assert names == ["Ada", "Bo", "Cy", "Di"]


def _foreign(path: Path, *statements: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in statements:
        conn.execute(statement)
    conn.close()
    return path


@pytest.mark.parametrize(
    ("statements", "why"),
    [
        (["create view v as select 1 as x"], "not a leadtui one"),
        (["pragma application_id = 42"], "another program"),
        (["pragma user_version = 7"], "another program"),
        (
            [
                "create table _sqlite_migrations (id integer primary key, migration_set text,"
                " name text, applied_at text)",
                "insert into _sqlite_migrations (migration_set, name, applied_at)"
                " values ('notes-app', '0001_init', '2026-01-01')",
            ],
            "not a leadtui one",
        ),
        (["create table notes (body text)"], "not a leadtui one"),
        (["create table t (x)", "drop table t", "create view v as select 2"], "not a leadtui one"),
    ],
    ids=[
        "view",
        "application-id",
        "user-version",
        "other-migrations",
        "other-table",
        "view-after-drop",
    ],
)
def test_another_programs_sqlite_file_is_refused_untouched(
    tmp_path: Path, statements: list[str], why: str
) -> None:
    path = _foreign(tmp_path / "other.db", *statements)
    os.chmod(path, 0o644)
    before = files_digest(path)
    with pytest.raises(DatabaseRefusedError, match=why):
        open_database(path)
    assert files_digest(path) == before
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_a_new_database_carries_leadtuis_application_id(db_path: Path) -> None:
    open_database(db_path).close()
    conn = sqlite3.connect(db_path)
    assert conn.execute("pragma application_id").fetchone()[0] == APPLICATION_ID
    conn.close()


def test_an_older_database_gets_the_application_id_and_every_index(
    db_path: Path, tmp_path: Path
) -> None:
    """Databases made before 0003 reached its final form lack three indexes and carry an
    older shape of two; the next migration gives every database the same set."""
    old = tmp_path / "old"
    old.mkdir()
    for file in migration_files():
        if file.name >= "0005":
            continue
        text = file.path.read_text()
        if file.name.startswith("0003"):
            text = (
                text.replace(
                    "CREATE INDEX oo_point_series ON oo_point (series_id, session_id, position);",
                    "CREATE INDEX oo_point_series ON oo_point (series_id, status, session_id);",
                )
                .replace("CREATE INDEX oo_point_session ON oo_point (session_id);", "")
                .replace(
                    "CREATE INDEX oo_action_series ON oo_action (series_id, session_id, done_on);",
                    "CREATE INDEX oo_action_series ON oo_action (series_id, done_on);",
                )
                .replace("CREATE INDEX oo_action_session ON oo_action (session_id);", "")
                .replace("CREATE INDEX oo_action_due ON oo_action (due_on);", "")
            )
        (old / file.path.name).write_text(text)
    store = open_database(db_path, migrations_dir=old)
    # A row as that schema holds it (the repository reads today's columns).
    with store.conn:
        store.execute("insert into person (name, created_at, updated_at) values ('Ada', 'x', 'x')")
    store.close()

    fresh_path = tmp_path / "fresh.db"
    open_database(fresh_path).close()
    upgraded = open_database(db_path)
    assert [p.name for p in PeopleRepository(upgraded).list()] == ["Ada"]
    upgraded.close()

    def indexes(path: Path) -> set[tuple[str, str]]:
        conn = sqlite3.connect(path)
        rows = conn.execute(
            "select name, sql from sqlite_master where type = 'index' and sql is not null"
        ).fetchall()
        app_id = conn.execute("pragma application_id").fetchone()[0]
        conn.close()
        assert app_id == APPLICATION_ID
        return {(name, " ".join(sql.split())) for name, sql in rows}

    assert indexes(db_path) == indexes(fresh_path)
    assert {"oo_point_session", "oo_action_session", "oo_action_due"} <= {
        name for name, _ in indexes(db_path)
    }


def test_statements_are_split_whole_with_triggers() -> None:
    script = (
        "-- a comment; with a semicolon\n"
        "CREATE TABLE a (x TEXT DEFAULT 'x;y');\n"
        "CREATE TRIGGER t AFTER INSERT ON a BEGIN\n  UPDATE a SET x = 'z';\nEND;\n"
        "PRAGMA application_id = 5;\n"
    )
    statements = list(sql_statements(script))
    assert len(statements) == 3
    assert "END;" in statements[1]
    conn = sqlite3.connect(":memory:")
    for statement in statements:
        conn.execute(statement)
    conn.close()


def test_every_pending_step_commits_together_or_not_at_all(db_path: Path, tmp_path: Path) -> None:
    """A step that fails part-way leaves nothing of itself or of the steps before it."""
    steps = tmp_path / "steps"
    steps.mkdir()
    for file in migration_files():
        (steps / file.path.name).write_text(file.path.read_text())
    (steps / "9998_first.sql").write_text("CREATE TABLE first_step (id INTEGER);")
    (steps / "9999_second.sql").write_text(
        "CREATE TABLE second_step (id INTEGER);\nINSERT INTO missing_table VALUES (1);"
    )
    with pytest.raises(DatabaseRefusedError):
        open_database(db_path, migrations_dir=steps)
    assert not db_path.exists(), "a new database that failed to open is removed"
    open_database(db_path).close()
    with pytest.raises(DatabaseRefusedError):
        open_database(db_path, migrations_dir=steps)
    conn = sqlite3.connect(db_path)
    tables = {row[0] for row in conn.execute("select name from sqlite_master")}
    steps_done = {row[0] for row in conn.execute("select name from _sqlite_migrations")}
    conn.close()
    assert not {"first_step", "second_step"} & tables
    assert not {"9998_first", "9999_second"} & steps_done


def test_a_folder_the_user_chose_keeps_its_mode(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o1777)
    open_database(shared / "leadtui.db").close()
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777


def test_folders_leadtui_creates_are_private_parents_included(tmp_path: Path) -> None:
    old_umask = os.umask(0o022)
    try:
        open_database(tmp_path / "a" / "b" / "leadtui.db").close()
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE((tmp_path / "a").stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "a" / "b").stat().st_mode) == 0o700


def test_a_refused_new_database_leaves_no_stub(tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "0001_initial.sql").write_text("CREATE TABLE x (id INTEGER);\nSELECT nope();")
    target = tmp_path / "new" / "leadtui.db"
    with pytest.raises(DatabaseRefusedError):
        open_database(target, migrations_dir=broken)
    assert not target.exists()
    assert not (tmp_path / "new").exists()


def test_a_full_disk_is_explained_not_blamed_on_the_data(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "small.db")
    conn.execute("create table t (x)")
    conn.execute("pragma max_page_count = 2")
    with pytest.raises(sqlite3.Error) as caught:
        conn.executemany("insert into t values (?)", [("x" * 4000,)] * 10)
    conn.close()
    advice = explain_sqlite_error(caught.value)
    assert advice is not None and "disk is full" in advice
    assert "restore" not in advice


def test_a_read_only_database_is_explained(db_path: Path) -> None:
    open_database(db_path).close()
    conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    with pytest.raises(sqlite3.Error) as caught:
        conn.execute("insert into person (name) values ('x')")
    conn.close()
    advice = explain_sqlite_error(caught.value)
    assert advice is not None and "read-only" in advice
    assert "restore" not in advice


def test_a_busy_database_is_a_refusal_with_exit_2(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from leadtui.cli import main

    open_database(db_path).close()
    monkeypatch.setattr(database, "BUSY_TIMEOUT_SECONDS", 0.2)
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("begin immediate")
    try:
        code = main(["people", "add", "Sam", "--db", str(db_path)])
    finally:
        holder.execute("rollback")
        holder.close()
    err = capsys.readouterr().err
    assert code == 2
    assert err == (
        "leadtui: another leadtui command or the app is writing to this database; "
        "try again in a moment\n"
    )
