"""An unexpected error never puts the user's words on the terminal: one short line names
the kind of error and a file beside the database, readable by its owner only, holds the
traceback. Textual's own report printed every frame's locals: the running document on
screen, private points included."""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.worker import WorkerFailed

from leadtui.store.database import open_database
from leadtui.tui.widgets.running_document import RunningDocumentView
from tests.helpers import PRIVATE_MARK, SIZE, cli, make_app

SECRET_POINT = f"{PRIVATE_MARK} thinking of leaving in spring"
SECRET_NAME = f"{PRIVATE_MARK} Quinn"


def seed_private_point(db_path: Path) -> None:
    cli("people", "add", "Sam Okafor", "--relation", "report", "--db", str(db_path))
    cli("1on1", "add", "Sam", SECRET_POINT, "--private", "--db", str(db_path))
    cli("1on1", "add", "Sam", "Roadmap review", "--db", str(db_path))


def crash_reports(folder: Path) -> list[Path]:
    return sorted(folder.glob("crash-*.txt"))


async def test_a_crash_in_a_screen_prints_no_user_text_and_keeps_the_details_private(
    db_path: Path,
    isolated_home: Path,
    capfd: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seed_private_point(db_path)

    def show_that_fails(self: RunningDocumentView, doc: Any, today: date, **_: Any) -> None:
        # The document shown and its private point, in locals as a real failure has them,
        # and quoted by the error's message.
        point = next(item.text for item in doc.points if PRIVATE_MARK in item.text)
        raise ValueError(f"cannot lay out {point!r}")

    monkeypatch.setattr(RunningDocumentView, "show", show_that_fails)
    app = make_app(db_path, isolated_home)
    with pytest.raises(ValueError):  # run_test hands the app's first error to the test
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("o")
            await pilot.pause()
    assert app.return_code == 1
    terminal = "".join(capfd.readouterr())
    assert PRIVATE_MARK not in terminal
    assert "Sam Okafor" not in terminal and "Roadmap" not in terminal
    [report] = crash_reports(db_path.parent)
    assert terminal.strip() == (
        f"leadtui: stopped on an unexpected error (ValueError); the details (readable only"
        f" by you) are in {report}"
    )
    assert stat.S_IMODE(report.stat().st_mode) == 0o600
    details = report.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in details
    assert "show_that_fails" in details and "ValueError: cannot lay out" in details


async def test_errors_after_the_first_go_to_the_same_file_and_the_terminal_hears_once(
    db_path: Path,
    isolated_home: Path,
    capfd: pytest.CaptureFixture[str],
) -> None:
    seed_private_point(db_path)
    app = make_app(db_path, isolated_home)
    with pytest.raises(RuntimeError):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            secret = SECRET_POINT  # noqa: F841 (in the frame's locals, as Textual printed them)
            app._handle_exception(RuntimeError("first"))
            app._handle_exception(KeyError("second"))
    terminal = "".join(capfd.readouterr())
    assert PRIVATE_MARK not in terminal
    assert terminal.count("leadtui: stopped on an unexpected error") == 1
    [report] = crash_reports(db_path.parent)
    details = report.read_text(encoding="utf-8")
    assert "RuntimeError: first" in details and "KeyError: 'second'" in details


async def test_a_failing_workers_details_are_its_own_error_and_traceback(
    db_path: Path,
    isolated_home: Path,
    capfd: pytest.CaptureFixture[str],
) -> None:
    seed_private_point(db_path)

    async def load_that_fails() -> None:
        raise LookupError("no such page")

    app = make_app(db_path, isolated_home)
    with pytest.raises(WorkerFailed):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            app.run_worker(load_that_fails())
            await pilot.pause()
    terminal = "".join(capfd.readouterr())
    [report] = crash_reports(db_path.parent)
    assert "stopped on an unexpected error (LookupError)" in terminal
    details = report.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in details
    assert "in load_that_fails" in details and "LookupError: no such page" in details


def test_the_command_lines_unexpected_failure_names_no_user_text(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import leadtui.services.people

    cli("people", "add", "Sam Okafor", "--db", str(db_path))

    def add_that_fails(db: Any, draft: Any, **details: Any) -> Any:
        raise KeyError(draft.name)  # an unforeseen bug whose message quotes what was typed

    monkeypatch.setattr(leadtui.services.people, "add_person", add_that_fails)
    ran = cli("people", "add", SECRET_NAME, "--db", str(db_path))
    assert ran.returncode == 1
    assert PRIVATE_MARK not in ran.stdout + ran.stderr
    [report] = crash_reports(db_path.parent)
    assert ran.stderr == (
        f"leadtui: stopped on an unexpected error (KeyError); the details (readable only by"
        f" you) are in {report}; --debug shows the traceback here\n"
    )
    assert stat.S_IMODE(report.stat().st_mode) == 0o600
    assert "add_that_fails" in report.read_text(encoding="utf-8")
    # --debug is asking for the traceback: it is raised as it is.
    with pytest.raises(KeyError):
        cli("people", "add", SECRET_NAME, "--db", str(db_path), "--debug")


def test_a_folder_that_cannot_take_the_details_is_named_and_nothing_else(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import leadtui.services.people

    db_path = tmp_path / "data" / "leadtui.db"
    open_database(db_path).close()

    def add_that_fails(db: Any, draft: Any, **details: Any) -> Any:
        db_path.parent.rename(tmp_path / "moved")  # the folder is gone when it fails
        raise KeyError(draft.name)

    monkeypatch.setattr(leadtui.services.people, "add_person", add_that_fails)
    ran = cli("people", "add", SECRET_NAME, "--db", str(db_path))
    assert ran.returncode == 1
    assert PRIVATE_MARK not in ran.stderr
    assert ran.stderr == (
        "leadtui: stopped on an unexpected error (KeyError); the details could not be saved"
        f" (No such file or directory: {db_path.parent}); --debug shows the traceback here\n"
    )
