"""Textual's stylesheet, with parsed rules kept for the whole process."""

from __future__ import annotations

from typing import ClassVar

from textual.cache import LRUCache
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet as TextualStylesheet
from textual.css.types import CSSLocation


class Stylesheet(TextualStylesheet):
    """The stylesheet, parsed as Textual parses it, but each source only once per theme.

    Textual parses every source again whenever a screen is first shown: ``reparse`` starts
    a fresh stylesheet, and with it an empty parse cache. Opening a screen for the first
    time parsed all 34 sources two or three times over (about 50 ms each time). Here the
    parsed rules are kept per source and per set of theme variables, for every stylesheet
    in the process, so only CSS not seen before under the current theme is parsed.
    (Textual is pinned; ``reparse`` follows its ``Stylesheet.reparse``.)
    """

    # Rules are read, never changed, once parsed: Textual's own cache hands the same lists
    # to every parse of one stylesheet. Bounded for a user who tries many themes.
    _parsed: ClassVar[LRUCache[tuple[object, ...], list[RuleSet]]] = LRUCache(512)

    def _parse_rules(
        self,
        css: str,
        read_from: CSSLocation,
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> list[RuleSet]:
        key = (
            tuple(self._variables.items()),
            css,
            read_from,
            is_default_rules,
            tie_breaker,
            scope,
        )
        found = self._parsed.get(key)
        if found is None:
            found = super()._parse_rules(css, read_from, is_default_rules, tie_breaker, scope)
            self._parsed[key] = found
        return found

    def reparse(self) -> None:
        """Parse every source again with the current variables; on an error keep the old
        rules, as Textual does."""
        fresh = Stylesheet(variables=self._variables)
        for read_from, (css, is_defaults, tie_breaker, scope) in self.source.items():
            fresh.add_source(
                css,
                read_from=read_from,
                is_default_css=is_defaults,
                tie_breaker=tie_breaker,
                scope=scope,
            )
        try:
            fresh.parse()
        except Exception:
            self._invalid_css.update(fresh._invalid_css)
            raise
        self._rules = fresh.rules
        self._rules_map = None
        self.source = fresh.source
        self._require_parse = False
