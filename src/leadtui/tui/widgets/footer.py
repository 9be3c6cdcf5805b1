"""Textual's Footer, rebuilt only when the keys it shows change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Footer as TextualFooter

if TYPE_CHECKING:
    from textual.screen import Screen


class Footer(TextualFooter):
    """The key footer, built as Textual builds it, but not again for nothing.

    Textual's Footer rebuilds every key for each binding change a screen announces, and a
    screen coming into view announces three (its focus, the screen stack, and the focus
    again after a refresh), so each key was built three times before the first frame.
    Here changes that arrive before the next refresh share one rebuild, and a rebuild
    whose keys would be the same as those shown is skipped. (Textual is pinned; this
    follows its ``Footer.bindings_changed``.)
    """

    _rebuild_pending = False
    _built: object = None

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Schedule one rebuild for this and any other change before the next refresh."""
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._rebuild_pending:
            self._rebuild_pending = True
            self.call_after_refresh(self._rebuild)

    def _shown(self) -> object:
        """What the keys are built from: the active bindings and whether they are enabled."""
        return (
            self.show_command_palette,
            tuple(
                (binding, enabled, tooltip)
                for _, binding, enabled, tooltip in self.screen.active_bindings.values()
            ),
        )

    async def _rebuild(self) -> None:
        self._rebuild_pending = False
        if not self.is_attached:
            # A dialog closed before its footer's scheduled rebuild: nothing to show.
            return
        shown = self._shown()
        if shown != self._built:
            self._built = shown
            await self.recompose()
