"""Textual's Footer, rebuilt only when the keys it shows change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Footer as TextualFooter
from textual.widgets._footer import FooterKey

if TYPE_CHECKING:
    from textual.app import ComposeResult
    from textual.screen import Screen


class Footer(TextualFooter):
    """The key footer, built as Textual builds it, but not again for nothing.

    Textual's Footer rebuilds every key for each binding change a screen announces, and a
    screen coming into view announces three (its focus, the screen stack, and the focus
    again after a refresh), so each key was built three times before the first frame.
    Here changes that arrive before the next refresh share one rebuild, and a rebuild
    whose keys would be the same as those shown is skipped. (Textual is pinned; this
    follows its ``Footer.bindings_changed``.)

    Keys keep the order the classes declare them in, whatever the keymap: Textual puts a
    remapped binding after every other key, so at 80 columns it went under the palette key.
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

    def compose(self) -> ComposeResult:
        """Textual's keys, in the order they would have without the keymap."""
        built = list(super().compose())
        if not self.app._keymap:
            yield from built
            return
        rank = self._declared_order()
        last = len(rank)

        def place(widget: object) -> int:
            # The palette key docks right on its own; anything else Textual adds stays last.
            if isinstance(widget, FooterKey) and not widget.has_class("-command-palette"):
                return rank.get(widget.action, last)
            return last + 1

        yield from sorted(built, key=place)

    def _declared_order(self) -> dict[str, int]:
        """Each action's place among the active bindings as the classes declare them.

        Textual's own reading of the active bindings (focus, keys a text field takes,
        priority bindings, disabled actions), read once with the keymap set aside, so the
        order is exactly the one the footer has without a keymap.
        """
        app = self.app
        keymap = app._keymap
        app._keymap = {}
        try:
            active = self.screen.active_bindings
        finally:
            app._keymap = keymap
        order: dict[str, int] = {}
        for active_binding in active.values():
            order.setdefault(active_binding.binding.action, len(order))
        return order

    async def _rebuild(self) -> None:
        self._rebuild_pending = False
        if not self.is_attached:
            # A dialog closed before its footer's scheduled rebuild: nothing to show.
            return
        shown = self._shown()
        if shown != self._built:
            self._built = shown
            await self.recompose()
