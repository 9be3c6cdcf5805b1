"""The 1:1 export is Markdown a CommonMark parser reads as meant: task items for open and
discussed points, a struck-through item saying "dropped" (never the non-syntax ``- [-]``),
and every private part marked in words and with a lock, not by italics alone."""

from __future__ import annotations

from datetime import timedelta

from markdown_it import MarkdownIt
from markdown_it.token import Token

from leadtui.domain.oneonones import PointStatus
from leadtui.domain.people_input import PersonDraft
from leadtui.domain.privacy import Audience
from leadtui.domain.reviews_input import FeedbackDraft
from leadtui.export.oneonone import oneonone_document
from leadtui.services.oneonones import (
    add_point,
    give_feedback,
    hold_session,
    mark_point,
    running_document,
    set_series,
    write_notes,
)
from leadtui.services.people import add_person, get_person
from leadtui.store.database import Store
from tests.helpers import TODAY


def document(db: Store, audience: Audience, *, recurring: bool = True) -> str:
    sam = add_person(db, PersonDraft(name="Sam"))
    if recurring:
        set_series(db, sam, TODAY, weekday="tuesday")
    kept = add_point(db, sam, TODAY, text="Career growth").point
    gone = add_point(db, sam, TODAY, text="Old reorg rumour").point
    add_point(db, sam, TODAY, text="Seems tired", visibility="private")
    add_point(db, sam, TODAY, text="Still open")
    give_feedback(
        db, sam, TODAY, FeedbackDraft(text="Hard to follow", kind="growth", visibility="private")
    )
    write_notes(db, sam, TODAY, shared="Good week", private="Ask about the offer")
    mark_point(db, sam, kept.id, PointStatus.DISCUSSED)
    mark_point(db, sam, gone.id, PointStatus.DROPPED)
    hold_session(db, sam, TODAY - timedelta(days=1))
    mark_point(db, sam, kept.id + 2, PointStatus.DROPPED)  # the private one, upcoming
    write_notes(db, sam, TODAY, private="Follow up on the offer")
    doc = running_document(db, sam, TODAY)
    return oneonone_document(doc, audience, TODAY)


def list_items(markdown: str) -> list[list[Token]]:
    """The inline tokens of every list item, parsed as CommonMark plus strikethrough."""
    tokens = MarkdownIt("commonmark").enable("strikethrough").parse(markdown)
    items: list[list[Token]] = []
    inside = 0
    for token in tokens:
        inside += {"list_item_open": 1, "list_item_close": -1}.get(token.type, 0)
        if inside and token.type == "inline":
            items.append(token.children or [])
    return items


def text_of(children: list[Token]) -> str:
    return "".join(c.content for c in children)


def test_a_dropped_point_is_struck_through_and_says_so(db: Store) -> None:
    text = document(db, Audience.PRIVATE)
    assert "[-]" not in text
    items = {text_of(children): children for children in list_items(text)}
    [dropped] = [children for line, children in items.items() if "Old reorg rumour" in line]
    kinds = [c.type for c in dropped]
    assert "s_open" in kinds and "s_close" in kinds
    struck = text_of(dropped[kinds.index("s_open") + 1 : kinds.index("s_close")])
    assert struck == "Old reorg rumour" and "dropped" in text_of(dropped)
    assert any(line.startswith("[x] Career growth") for line in items)
    assert any(line.startswith("[ ] Still open") for line in items)


def test_every_private_part_is_marked_in_words_and_with_a_lock(db: Store) -> None:
    text = document(db, Audience.PRIVATE)
    for private in ("Seems tired", "Hard to follow"):
        [line] = [line for line in text.splitlines() if private in line]
        assert "🔒" in line and "private" in line, line
    for heading in ("Private notes so far", "Private notes:"):
        [line] = [line for line in text.splitlines() if heading in line]
        assert line.lstrip("# ").startswith("🔒"), line
    sam = get_person(db, 1)
    shared = oneonone_document(running_document(db, sam, TODAY), Audience.PERSON, TODAY)
    assert "🔒" not in shared and "Seems tired" not in shared


def test_an_ad_hoc_document_is_next_discussed_when_you_next_meet(db: Store) -> None:
    text = document(db, Audience.PERSON, recurring=False)
    assert "**Series:** ad hoc, no recurring series · **Next session:** when you next meet" in (
        text
    )
