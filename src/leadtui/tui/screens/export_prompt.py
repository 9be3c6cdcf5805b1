"""Export a document from a screen: ask for the file, shared unless 'private:' is typed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from leadtui.export.markdown import Audience

if TYPE_CHECKING:
    from leadtui.tui.screens.base import LeadtuiScreen


def slug(name: str) -> str:
    """A file-name-safe form of a person's name (``Sam Okafor`` -> ``sam-okafor``)."""
    return "".join(ch if ch.isalnum() else "-" for ch in name.lower()).strip("-") or "person"


def ask_export(
    screen: LeadtuiScreen,
    what: str,
    default_name: str,
    render: Callable[[Audience], str],
) -> None:
    """Ask where to write ``what``; write ``render(audience)`` there with mode 0600.

    The shared audience is the default; ``private:`` before the path exports everything.
    An existing file is overwritten only when the same path is submitted twice.
    """
    from leadtui.tui.screens.text_prompt import TextPrompt

    confirmed: set[str] = set()

    def save(target: str) -> None:
        from leadtui.errors import InputError
        from leadtui.export.files import TargetExistsError, check_target, write_export
        from leadtui.paths import shown_path

        text = target.strip()
        audience = Audience.PERSON
        if text.startswith("private:"):
            audience, text = Audience.PRIVATE, text.removeprefix("private:").strip()
        if not text:
            raise InputError(f"give a file path, e.g. ~/{default_name}")
        target_path = Path(text).expanduser()
        if audience is Audience.PRIVATE and "-shared" in target_path.name:
            # The suggested name says "shared"; a private copy must not be mistaken for one.
            target_path = target_path.with_name(target_path.name.replace("-shared", "-private"))
        path = str(target_path)
        force, db_path = path in confirmed, screen.leadtui.locations.db_path
        try:
            # Checked before rendering: a refused target costs no document.
            check_target(target_path, force=force, db_path=db_path)
        except TargetExistsError:
            # Ask before overwriting: saving the same path again means yes.
            confirmed.add(path)
            raise InputError(
                f"{shown_path(target_path)} exists; press enter again to overwrite it"
            ) from None
        written = write_export(render(audience), target_path, force=force, db_path=db_path)
        copy = "private" if audience is Audience.PRIVATE else "shared"
        screen.notify(f"Wrote the {copy} {what} to {written}", title=screen.AREA, markup=False)

    screen.app.push_screen(
        TextPrompt(
            f"Export the {what}: shared · 'private:' + path for all",
            save,
            value=str(Path.home() / default_name),
        )
    )
