"""Every form is the one draft form: a refused field is outlined, focused and named, what
was typed stays, and nothing is written. ctrl+e edits the focused notes in $EDITOR."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, RadioSet, TextArea

from leadtui.domain.dates import half_of
from leadtui.domain.people_input import PersonDraft
from leadtui.domain.reviews_input import DeliveryDraft
from leadtui.services import energy, oneonones, people, reviews, succession
from leadtui.store.database import open_database
from leadtui.tui.app import LeadtuiApp
from leadtui.tui.dialogs.export_prompt import ExportDialog
from leadtui.tui.dialogs.forms import DraftForm
from leadtui.tui.dialogs.oneonone_forms import ActionForm, NotesForm, SeriesForm
from leadtui.tui.dialogs.person_form import PersonForm
from leadtui.tui.dialogs.review_forms import DeliverForm, FeedbackForm
from leadtui.tui.dialogs.succession_prompts import CandidatePrompt
from leadtui.tui.dialogs.text_prompt import TextPrompt
from leadtui.tui.dialogs.work_form import WorkForm
from tests.helpers import SIZE, TODAY, files_digest


@pytest.fixture
def seeded(db_path: Path) -> Path:
    """A database with Sam, a report."""
    db = open_database(db_path)
    people.add_person(db, PersonDraft(name="Sam Okafor", relation="report"))
    db.close()
    return db_path


def sam(app: LeadtuiApp) -> Any:
    return people.get_person(app.db, 1)


@dataclass(frozen=True)
class Case:
    """One form, the field to refuse, what to type there and the words the refusal has."""

    open: Callable[[LeadtuiApp], DraftForm[Any, Any]]
    field: str
    typed: str
    words: str
    prefill: str = ""  # set before typing (a text at its length limit)
    valid: tuple[tuple[str, str], ...] = ()  # the other required fields, filled in

    def __str__(self) -> str:
        return self.open.__name__


def person_form(app: LeadtuiApp) -> DraftForm[Any, Any]:
    return PersonForm(title="Add person", save=lambda d: people.add_person(app.db, d), today=TODAY)


def work_form(app: LeadtuiApp) -> DraftForm[Any, Any]:
    return WorkForm(lambda d: energy.add_work(app.db, d), TODAY)


def action_form(app: LeadtuiApp) -> DraftForm[Any, Any]:
    return ActionForm("Action item", lambda v: oneonones.add_action(app.db, sam(app), TODAY, **v))


def series_form(app: LeadtuiApp) -> DraftForm[Any, Any]:
    return SeriesForm(
        "1:1 series", lambda v: oneonones.set_series(app.db, sam(app), TODAY, **v), TODAY
    )


def notes_form(app: LeadtuiApp) -> DraftForm[Any, Any]:
    return NotesForm(
        "Session notes",
        lambda v: oneonones.write_notes(app.db, sam(app), TODAY, **v),
        "shared so far",
        "",
    )


def feedback_form(app: LeadtuiApp) -> DraftForm[Any, Any]:
    def save(values: dict[str, Any]) -> None:
        from leadtui.domain.reviews_input import FeedbackDraft
        from leadtui.domain.validation import build

        reviews.add_feedback(app.db, sam(app), build(FeedbackDraft, today=TODAY, **values))

    return FeedbackForm("Feedback for Sam", save)


def deliver_form(app: LeadtuiApp) -> DraftForm[Any, Any]:
    def save(draft: DeliveryDraft) -> reviews.T3B3Delivered:
        return reviews.deliver_t3b3(app.db, sam(app), half_of(TODAY), draft)

    return DeliverForm("Deliver", save, "Top three and bottom three, told in person.", TODAY)


def point_prompt(app: LeadtuiApp) -> DraftForm[Any, Any]:
    return TextPrompt(
        "Talking point",
        lambda text: oneonones.add_point(app.db, sam(app), TODAY, text=text),
        placeholder="what to talk about",
    )


def candidate_prompt(app: LeadtuiApp) -> DraftForm[Any, Any]:
    def save(draft: Any) -> None:
        succession.set_candidate(app.db, sam(app), draft, TODAY)

    return CandidatePrompt(sam(app), None, save)


def export_dialog(app: LeadtuiApp) -> DraftForm[Any, Any]:
    dialog = ExportDialog(
        "1:1 document", "sam-okafor-1on1", lambda store, audience: "doc", app.db.path
    )
    return dialog


CASES = [
    Case(person_form, "started_on", "2026-02-31", "start date", valid=(("name", "Ana"),)),
    Case(work_form, "hours", "lots", "hours must be a number", valid=(("title", "CI"),)),
    Case(action_form, "due_on", "31/02", "due date", valid=(("text", "Send the doc"),)),
    Case(series_form, "every_weeks", "13", "every must be 1–12 weeks"),
    Case(notes_form, "private", "y", "private notes are 20001 characters", prefill="x" * 20000),
    Case(feedback_form, "day", "31/02", "date: '31/02'", valid=(("text", "Clear doc"),)),
    Case(deliver_form, "day", "2027-01-05", "date 2027-01-05 is in the future"),
    Case(point_prompt, "text", "y", "talking point is 2001 characters", prefill="x" * 2000),
    # The app names the field a refusal is about, never the command line's flag.
    Case(candidate_prompt, "text", "soon", "readiness must be now | 1y | 2y | later"),
    Case(export_dialog, "path", "/no/such/folder/sam.md", "folder /no/such/folder does not"),
]


def typed_in(form: DraftForm[Any, Any], field: str) -> str:
    widget = form.query_one(f"#field-{field}")
    if isinstance(widget, TextArea):
        return widget.text
    assert isinstance(widget, Input)
    return widget.value


@pytest.mark.parametrize("case", CASES, ids=str)
async def test_a_refused_field_is_outlined_focused_and_named_and_kept(
    seeded: Path, isolated_home: Path, case: Case
) -> None:
    from tests.helpers import make_app

    app = make_app(seeded, isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        form = case.open(app)
        await app.push_screen(form)
        await pilot.pause()
        if isinstance(form, ExportDialog):
            form.query_one(RadioSet).focus()
            await pilot.press("enter")  # Shared
        for name, value in case.valid:
            form.query_one(f"#field-{name}", Input).value = value
        widget = form.query_one(f"#field-{case.field}")
        if isinstance(widget, TextArea):
            widget.load_text(case.prefill)
            widget.move_cursor(widget.document.end)
        else:
            assert isinstance(widget, Input)
            widget.value = case.prefill
            widget.cursor_position = len(case.prefill)
        widget.focus()
        await pilot.press(*case.typed)
        before = files_digest(seeded)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        error = str(form.query_one("#form-error").render())
        assert case.words in error and "--" not in error
        assert widget.has_class("-invalid")
        assert form.focused is widget
        assert typed_in(form, case.field) == case.prefill + case.typed
        assert files_digest(seeded) == before
        assert not Path("/no/such/folder").exists()


def test_every_form_names_its_fields_as_its_draft_does() -> None:
    # A field id that is not the draft's field name could never be marked when refused.
    for form in (PersonForm, WorkForm, ActionForm, SeriesForm, NotesForm, FeedbackForm):
        assert form.DRAFT is not None
        assert set(form.SPEC) <= set(form.DRAFT.model_fields), form.__name__
    assert set(DeliverForm.SPEC) <= set(DeliverForm.DRAFT.model_fields)


EDITOR_SCRIPT = """\
import os, shutil, stat, sys
path = sys.argv[1]
folder = os.path.dirname(path)
with open(os.environ["EDITOR_LOG"], "w") as log:
    log.write(f"{folder}\\n{stat.S_IMODE(os.stat(folder).st_mode):o}\\n")
    log.write(f"{stat.S_IMODE(os.stat(path).st_mode):o}\\n")
    log.write(open(path).read())
# As Emacs and Vim (with backup on) do: the text as it was, kept beside the file.
shutil.copy(path, path + "~")
with open(path, "w") as note:
    note.write("written in the editor\\n")
"""


@pytest.mark.parametrize("field", ["shared", "private"])
async def test_ctrl_e_edits_the_focused_notes_in_a_private_folder_that_is_removed(
    seeded: Path,
    isolated_home: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    field: str,
) -> None:
    from tests.helpers import make_app

    script = tmp_path / "editor.py"
    script.write_text(EDITOR_SCRIPT)
    log = tmp_path / "editor.log"
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    monkeypatch.setenv("EDITOR_LOG", str(log))
    app = make_app(seeded, isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        form = notes_form(app)
        await app.push_screen(form)
        await pilot.pause()
        form.query_one("#field-shared", TextArea).load_text("SHARED")
        form.query_one("#field-private", TextArea).load_text("PRIVATE")
        form.query_one(f"#field-{field}", TextArea).focus()
        await pilot.press("ctrl+e")
        await pilot.pause()
        folder, folder_mode, file_mode, handed = log.read_text().split("\n", 3)
        assert handed == field.upper()  # the focused field, not always the shared one
        assert (folder_mode, file_mode) == ("700", "600")
        assert not Path(folder).exists()  # nothing of the notes is left on disk
        # In the private edits folder beside the database, not in /tmp.
        assert Path(folder).parent == seeded.parent / ".leadtui-edits"
        assert stat.S_IMODE(os.stat(Path(folder).parent).st_mode) == 0o700
        edited = form.query_one(f"#field-{field}", TextArea)
        assert edited.text == "written in the editor"
        other = "private" if field == "shared" else "shared"
        assert form.query_one(f"#field-{other}", TextArea).text == other.upper()
        # From the buttons, ctrl+e edits the notes field last in focus.
        form.query_one("#save").focus()
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert log.read_text().split("\n", 3)[3] == "written in the editor"
    assert stat.S_ISDIR(os.stat(seeded.parent).st_mode)


LATIN1_EDITOR = """\
import sys
with open(sys.argv[1], "wb") as note:
    note.write("caf\\u00e9 in Latin-1\\n".encode("latin-1"))
"""


@pytest.mark.parametrize("case", ["not utf-8", "unbalanced quote"])
async def test_an_editor_that_cannot_be_used_is_one_line_and_keeps_what_was_typed(
    seeded: Path,
    isolated_home: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    case: str,
) -> None:
    from tests.helpers import make_app

    script = tmp_path / "editor.py"
    script.write_text(LATIN1_EDITOR)
    monkeypatch.delenv("VISUAL", raising=False)
    if case == "not utf-8":
        monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
        words = "not UTF-8"
    else:
        monkeypatch.setenv("EDITOR", f"{sys.executable} '{script}")
        words = "unbalanced quote"
    app = make_app(seeded, isolated_home)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        form = notes_form(app)
        await app.push_screen(form)
        await pilot.pause()
        form.query_one("#field-shared", TextArea).load_text("typed in the form")
        form.query_one("#field-shared", TextArea).focus()
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert app.screen is form  # the app is still running, the form still open
        error = str(form.query_one("#form-error").render())
        assert words in error and "\n" not in error
        assert form.query_one("#field-shared", TextArea).text == "typed in the form"
    edits = seeded.parent / ".leadtui-edits"
    assert not edits.exists() or not any(edits.iterdir())  # no copy of the text is left
