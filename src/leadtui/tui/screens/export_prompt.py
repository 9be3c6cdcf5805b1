"""Export a document from a screen: choose Shared or Private, then the file.

The audience is always chosen, never assumed (the command line asks the same with
``--audience``). The suggested file sits in the working folder and says which copy it is
(``sam-okafor-1on1-shared.md``). The document is read and written in a thread worker
with its own database connection, so a large export leaves the app responsive; the file
is written by :mod:`leadtui.export.files`, as the command line writes it.
"""

from __future__ import annotations

import inspect
import re
import unicodedata
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, NamedTuple, cast

from textual import on, work
from textual.widgets import Button, Input, RadioSet
from textual.worker import Worker, WorkerState

from leadtui.domain.privacy import Audience
from leadtui.errors import InputError, LeadtuiError
from leadtui.tui.screens.forms import DraftForm, FieldSpec, Kind

if TYPE_CHECKING:
    from leadtui.store.database import Store
    from leadtui.tui.screens.base import LeadtuiScreen

Render = Callable[["Store", Audience], str]
# A render reading through the screen's connection: it runs before the worker starts.
ScreenRender = Callable[[Audience], str]

# The copies a person chooses between, as the dialog and the file name say them.
COPIES: tuple[tuple[str, str], ...] = (
    ("Shared: their copy, nothing private", "shared"),
    ("Private: everything, only for you", "private"),
)
AUDIENCE_OF = {"shared": Audience.PERSON, "private": Audience.PRIVATE}
SLUG_MAX = 60
_MARKUP = re.compile(r"\[[^\]]*\]")


def slug(name: str) -> str:
    """A file-name-safe form of a person's name: ``Sam Okafor`` -> ``sam-okafor``.

    Markup-like tags (``[bold]``) are dropped, accents are folded (``Zoë`` -> ``zoe``)
    and every run of other characters becomes one hyphen, so a name can never steer the
    file into another folder or hide a suffix.
    """
    text = _MARKUP.sub(" ", name)
    folded = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in folded if not unicodedata.combining(ch)).lower()
    words = re.findall(r"[^\W_]+", plain)
    joined = "-".join(words)[:SLUG_MAX].strip("-")
    return joined or "person"


def takes_store(render: Render | ScreenRender) -> bool:
    """True for a render taking (store, audience): it can run in the export's thread."""
    return len(inspect.signature(render).parameters) >= 2


def export_stem(default_name: str) -> str:
    """The name without the copy and extension: ``sam-1on1-shared.md`` -> ``sam-1on1``."""
    stem = default_name.removesuffix(".md")
    for copy in ("-shared", "-private"):
        stem = stem.removesuffix(copy)
    return stem


class ExportChoice(NamedTuple):
    """What the dialog was asked to write."""

    audience: Audience
    copy: str
    target: Path


class ExportDialog(DraftForm[ExportChoice, Path]):
    """Shared or Private, and the file; the export runs in a thread worker."""

    FORM_ID = "export-form"
    SAVE_LABEL = "Export"
    # A refused target (missing folder, an existing file) is the path's fault.
    REFUSAL_FIELD = "path"
    SPEC: ClassVar[Mapping[str, FieldSpec]] = {
        "audience": FieldSpec("For", Kind.RADIO, choices=COPIES),
        "path": FieldSpec("File", placeholder="choose Shared or Private first"),
    }

    def __init__(
        self,
        what: str,
        stem: str,
        render: Render | ScreenRender,
        db_path: Path,
        folder: Path | None = None,
    ) -> None:
        super().__init__(f"Export the {what}")
        self.what = what
        self.stem = stem
        self.render_document = render
        self.db_path = db_path
        self.folder = folder if folder is not None else Path.cwd()
        self._confirmed: set[Path] = set()
        self.chosen_copy = ""

    def suggested(self, copy: str) -> str:
        """The suggested file for ``copy``: in the working folder, named for the copy."""
        return str(self.folder / f"{self.stem}-{copy}.md")

    @on(RadioSet.Changed, "#field-audience")
    def _copy_chosen(self, event: RadioSet.Changed) -> None:
        """Suggest the file for the chosen copy, unless another file was typed."""
        path = self.query_one("#field-path", Input)
        copy = COPIES[event.index][1]
        if path.value.strip() in ("", *(self.suggested(c) for _, c in COPIES)):
            path.value = self.suggested(copy)

    def draft(self) -> ExportChoice:
        """The chosen copy and file, or a refusal naming the field to fix."""
        typed = self.typed()
        copy = typed["audience"]
        if not isinstance(copy, str):
            raise InputError(
                "choose who the copy is for: Shared (their copy) or Private (only you)",
                field="audience",
            )
        text = str(typed["path"] or "").strip()
        if not text:
            raise InputError(f"give a file path, e.g. {self.suggested(copy)}", field="path")
        target = Path(text).expanduser()
        if copy == "private" and "-shared" in target.name:
            # A private copy must never be mistaken for the shared one by its name.
            target = target.with_name(target.name.replace("-shared", "-private"))
        return ExportChoice(AUDIENCE_OF[copy], copy, target)

    def action_save(self) -> None:
        """Check the choice and the target, then write in a thread worker."""
        from leadtui.export.files import TargetExistsError, check_target
        from leadtui.paths import shown_path

        if self.query_one("#save", Button).disabled:
            return  # already writing: a second ctrl+s must not start a second export
        try:
            choice = self.draft()
            force = choice.target in self._confirmed
            try:
                # Checked before rendering: a refused target costs no document.
                check_target(choice.target, force=force, db_path=self.db_path)
            except TargetExistsError:
                # Saving the same path again means yes.
                self._confirmed.add(choice.target)
                raise InputError(
                    f"{shown_path(choice.target)} exists; press enter again to overwrite it",
                    field="path",
                ) from None
        except LeadtuiError as exc:
            self.refuse(exc.message, getattr(exc, "field", None))
            return
        self.show_error("")
        self.chosen_copy = choice.copy
        self.query_one("#save", Button).disabled = True
        self.query_one("#save", Button).label = "Writing …"
        text = None
        if not takes_store(self.render_document):
            # Reads through the screen's connection, which belongs to this thread.
            text = cast(ScreenRender, self.render_document)(choice.audience)
        self.export(choice, force, text)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def export(self, choice: ExportChoice, force: bool, text: str | None) -> Path:
        """Read and render (unless done already) and write, in this thread, on a
        connection of its own."""
        from leadtui.export.files import write_export
        from leadtui.store.database import connect

        if text is None:
            store = connect(self.db_path)
            try:
                text = cast(Render, self.render_document)(store, choice.audience)
            finally:
                store.close()
        return write_export(text, choice.target, force=force, db_path=self.db_path)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Close with the file written, or show why it was not."""
        if event.worker.group != "export":
            return
        if event.state is WorkerState.SUCCESS:
            written = event.worker.result
            assert isinstance(written, Path)
            self.dismiss(written)
        elif event.state in (WorkerState.ERROR, WorkerState.CANCELLED):
            save = self.query_one("#save", Button)
            save.disabled = False
            save.label = f"{self.SAVE_LABEL} (ctrl+s)"
            error = event.worker.error
            if isinstance(error, LeadtuiError):
                self.refuse(error.message, getattr(error, "field", None))
            else:
                self.refuse(f"Not exported: {error}", None)


def ask_export(
    screen: LeadtuiScreen, what: str, default_name: str, render: Render | ScreenRender
) -> None:
    """Ask Shared or Private and where to write ``what``; ``render(store, audience)``
    makes the document in the export's thread, on a connection of the export's own
    (a ``render(audience)`` reading the screen's connection runs before it, on the
    screen's thread).

    ``default_name`` is the suggested file's name (its ``-shared``/``-private`` part
    follows the chosen copy); the file goes to the working folder unless another path
    is typed. An existing file is overwritten only when the same path is saved twice.
    """
    dialog = ExportDialog(what, export_stem(default_name), render, screen.leadtui.locations.db_path)

    def done(written: Path | None) -> None:
        if written is not None:
            screen.notify(
                f"Wrote the {dialog.chosen_copy} {what} to {written}",
                title=screen.AREA,
                markup=False,
            )

    screen.app.push_screen(dialog, done)
