"""Export a document from a screen: choose its copy (audience or format), then the file.

The one export dialog of the app. Where a document has more than one audience the copy
is always chosen, never assumed (the command line asks the same with ``--audience``):
Shared or Private for a 1:1 document and a review packet, Upward or Private for the
succession plan, Markdown or iCalendar for the team's rotations. A document with one
audience (the vacation cover plan is for the team, the energy review is private) shows
it, chosen. The suggested file sits in the working folder and says which copy it is
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
from leadtui.tui.dialogs.forms import DraftForm, FieldSpec, Kind

if TYPE_CHECKING:
    from leadtui.store.database import Store
    from leadtui.tui.screens.base import LeadtuiScreen

Render = Callable[["Store", Audience], str]
# A render reading through the screen's connection: it runs before the worker starts.
ScreenRender = Callable[[Audience], str]
# Renders and writes (through the given write) in the export's thread, on its connection,
# and may record what went out once written (the rotation calendar does).
Deliver = Callable[["Store", "Copy", Callable[[str], Path]], Path]


class Copy(NamedTuple):
    """One copy a document can be exported as: who it is for, and in which format."""

    label: str
    """As the dialog offers it."""
    key: str
    """The choice's value; also how the notice names the copy (``the shared 1:1 document``)."""
    audience: Audience
    tag: str
    """The file name's part saying which copy it is (``sam-1on1-shared.md``)."""
    extension: str = "md"


SHARED_OR_PRIVATE: tuple[Copy, ...] = (
    Copy("Shared: their copy, nothing private", "shared", Audience.PERSON, "shared"),
    Copy("Private: everything, only for you", "private", Audience.PRIVATE, "private"),
)
UPWARD_OR_PRIVATE: tuple[Copy, ...] = (
    Copy("Upward: the transition brief, nothing private", "upward", Audience.UPWARD, "upward"),
    Copy("Private: the whole plan, only for you", "private", Audience.PRIVATE, "private"),
)
FOR_THE_TEAM: tuple[Copy, ...] = (
    Copy("Team: the people covering, nothing private", "team", Audience.TEAM, "team"),
)
ONLY_PRIVATE: tuple[Copy, ...] = (
    Copy("Private: only for you (energy is never shared)", "private", Audience.PRIVATE, "private"),
)
MARKDOWN_OR_ICS: tuple[Copy, ...] = (
    Copy("Markdown: the schedule to read, for the team", "markdown", Audience.TEAM, "team"),
    Copy("iCalendar (.ics): for the team's calendars", "ics", Audience.TEAM, "team", "ics"),
)
MY_CALENDAR: tuple[Copy, ...] = (
    Copy("Private: your own calendar (names and counts, no point's text)", "private",
         Audience.PRIVATE, "private", "ics"),
)  # fmt: skip
# Kept for callers naming the two copies of a person's documents.
COPIES: tuple[tuple[str, str], ...] = tuple((c.label, c.key) for c in SHARED_OR_PRIVATE)
AUDIENCE_OF = {c.key: c.audience for c in SHARED_OR_PRIVATE}
# The tags of copies that leave my hands: a private copy's file never carries one.
_OUTWARD_TAGS = ("-shared", "-upward", "-team")
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
    stem = default_name.removesuffix(".md").removesuffix(".ics")
    for copy in (*_OUTWARD_TAGS, "-private"):
        stem = stem.removesuffix(copy)
    return stem


class ExportChoice(NamedTuple):
    """What the dialog was asked to write."""

    audience: Audience
    copy: str
    target: Path
    chosen: Copy | None = None


class ExportDialog(DraftForm[ExportChoice, Path]):
    """The copy (audience or format) and the file; the export runs in a thread worker."""

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
        render: Render | ScreenRender | None,
        db_path: Path,
        folder: Path | None = None,
        *,
        copies: tuple[Copy, ...] = SHARED_OR_PRIVATE,
        deliver: Deliver | None = None,
    ) -> None:
        assert render is not None or deliver is not None, "an export renders or delivers"
        self.copies = copies
        self.folder = folder if folder is not None else Path.cwd()
        self.stem = stem
        # One copy is no choice: it is shown chosen, with its file suggested.
        only = copies[0] if len(copies) == 1 else None
        values = {"audience": only.key, "path": self.suggested(only.key)} if only else None
        super().__init__(f"Export the {what}", values=values)
        self.what = what
        self.render_document = render
        self.deliver_document = deliver
        self.db_path = db_path
        self._confirmed: set[Path] = set()
        self.chosen_copy = ""

    @property
    def spec(self) -> Mapping[str, FieldSpec]:
        """Who the copy is for (or its format), as this document offers them, and the file."""
        labels = tuple((c.label, c.key) for c in self.copies)
        formats = all(c.audience is self.copies[0].audience for c in self.copies)
        first = " or ".join(c.label.split(":")[0] for c in self.copies)
        return {
            "audience": FieldSpec(
                "As" if formats and len(self.copies) > 1 else "For", Kind.RADIO, choices=labels
            ),
            "path": FieldSpec("File", placeholder=f"choose {first} first"),
        }

    def _copy(self, key: str) -> Copy:
        return next(c for c in self.copies if c.key == key)

    def suggested(self, copy: str) -> str:
        """The suggested file for ``copy``: in the working folder, named for the copy."""
        chosen = self._copy(copy)
        return str(self.folder / f"{self.stem}-{chosen.tag}.{chosen.extension}")

    @on(RadioSet.Changed, "#field-audience")
    def _copy_chosen(self, event: RadioSet.Changed) -> None:
        """Suggest the file for the chosen copy, unless another file was typed."""
        path = self.query_one("#field-path", Input)
        copy = self.copies[event.index].key
        if path.value.strip() in ("", *(self.suggested(c.key) for c in self.copies)):
            path.value = self.suggested(copy)

    def draft(self) -> ExportChoice:
        """The chosen copy and file, or a refusal naming the field to fix."""
        typed = self.typed()
        copy = typed["audience"]
        if not isinstance(copy, str):
            named = " or ".join(c.label.split(":")[0] for c in self.copies)
            raise InputError(
                "choose who the copy is for: Shared (their copy) or Private (only you)"
                if self.copies == SHARED_OR_PRIVATE
                else f"choose {named}",
                field="audience",
            )
        text = str(typed["path"] or "").strip()
        if not text:
            raise InputError(f"give a file path, e.g. {self.suggested(copy)}", field="path")
        target = Path(text).expanduser()
        chosen = self._copy(copy)
        if chosen.audience is Audience.PRIVATE:
            # A private copy must never be mistaken for one that leaves my hands by its name.
            for tag in _OUTWARD_TAGS:
                if tag in target.name:
                    target = target.with_name(target.name.replace(tag, "-private"))
        return ExportChoice(chosen.audience, copy, target, chosen)

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
        render = self.render_document
        if self.deliver_document is None and render is not None and not takes_store(render):
            # Reads through the screen's connection, which belongs to this thread.
            text = cast(ScreenRender, render)(choice.audience)
        self.export(choice, force, text)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def export(self, choice: ExportChoice, force: bool, text: str | None) -> Path:
        """Read and render (unless done already) and write, in this thread, on a
        connection of its own."""
        from leadtui.export.files import write_export
        from leadtui.store.database import connect

        def write(document: str) -> Path:
            return write_export(document, choice.target, force=force, db_path=self.db_path)

        if text is not None:
            return write(text)
        store = connect(self.db_path)
        try:
            if self.deliver_document is not None:
                chosen = choice.chosen or self._copy(choice.copy)
                return self.deliver_document(store, chosen, write)
            return write(cast(Render, self.render_document)(store, choice.audience))
        finally:
            store.close()

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
    screen: LeadtuiScreen,
    what: str,
    default_name: str,
    render: Render | ScreenRender | None = None,
    *,
    copies: tuple[Copy, ...] = SHARED_OR_PRIVATE,
    deliver: Deliver | None = None,
    named: Mapping[str, str] | None = None,
) -> None:
    """Ask which copy (of ``copies``) and where to write ``what``; ``render(store,
    audience)`` makes the document in the export's thread, on a connection of the
    export's own (a ``render(audience)`` reading the screen's connection runs before it,
    on the screen's thread). ``deliver(store, copy, write)`` instead renders the chosen
    copy, writes it through ``write`` and records what went out, all in that thread.

    ``default_name`` is the suggested file's name (its copy part, ``-shared`` and the
    like, follows the chosen copy); the file goes to the working folder unless another
    path is typed. An existing file is overwritten only when the same path is saved
    twice. ``named`` words the notice per copy (``upward`` -> ``transition brief``);
    otherwise it says ``the <copy> <what>``.
    """
    dialog = ExportDialog(
        what,
        export_stem(default_name),
        render,
        screen.leadtui.locations.db_path,
        copies=copies,
        deliver=deliver,
    )

    def done(written: Path | None) -> None:
        if written is not None:
            copy = dialog.chosen_copy
            shown = (named or {}).get(copy, f"{copy} {what}")
            from leadtui.services.encryption import plaintext_export_note

            chosen = next((c for c in copies if c.key == copy), None)
            note = (
                plaintext_export_note(screen.leadtui.locations.db_path, chosen.audience)
                if chosen is not None
                else None
            )
            told = f"Wrote the {shown} to {written}" + (f"; {note}" if note else "")
            screen.notify(told, title=screen.AREA, markup=False)

    screen.app.push_screen(dialog, done)
