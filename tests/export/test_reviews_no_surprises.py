"""No surprises reads the same in every export: a Bottom item linked to praise or to a
private note never told reads as a surprise in the packet's lines, in its count and in
the JSON, as on the Reviews screen."""

from __future__ import annotations

import json

from markdown_it import MarkdownIt

from leadtui.domain.dates import Half
from leadtui.domain.people import Person
from leadtui.domain.people_input import PersonDraft
from leadtui.domain.privacy import Audience
from leadtui.domain.reviews import Evidence, EvidenceKind, T3B3Side
from leadtui.domain.reviews_input import FeedbackDraft, T3B3ListsDraft
from leadtui.domain.validation import build
from leadtui.export.json import dumps, t3b3_json
from leadtui.export.reviews import review_document
from leadtui.services.packet import review_packet
from leadtui.services.people import add_person
from leadtui.services.reviews import add_feedback, set_t3b3_lists, t3b3_view
from leadtui.store.database import Store
from leadtui.store.reviews import T3B3Repository
from tests.helpers import TODAY

H2 = Half(2026, 2)  # TODAY (2026-11-22) is in it
TOPS = ("Incidents", "Mentoring", "Reviews")
BOTTOMS = ("Docs", "Delegation", "Estimates")


def linked_three_ways(db: Store) -> Person:
    """Sam's Bottom items: Docs linked to shared growth feedback (raised before);
    Delegation to praise and Estimates to a private note given outside a 1:1, links a
    database from before they were refused may hold."""
    sam = add_person(db, PersonDraft(name="Sam Okafor", relation="report"))
    entries = [
        add_feedback(
            db, sam, build(FeedbackDraft, today=TODAY, text=text, day="2026-10-01", **values)
        ).entry
        for text, values in (
            ("Design docs were hard to follow", {"kind": "growth"}),
            ("Delegated the launch beautifully", {"kind": "strength"}),
            ("Estimates slipped again", {"kind": "growth", "visibility": "private"}),
        )
    ]
    set_t3b3_lists(db, sam, H2, build(T3B3ListsDraft, top=TOPS, bottom=BOTTOMS), today=TODAY)
    repo = T3B3Repository(db)
    items = repo.get(sam.id, H2.label).side(T3B3Side.BOTTOM)
    for item, entry in zip(items, entries, strict=True):
        kind = EvidenceKind.FEEDBACK
        repo.link_item(item.id, Evidence(kind, entry.id, entry.given_on, "", entry.visibility))
    return sam


def bottom_lines(markdown: str) -> dict[str, str]:
    """The items of the list under "Bottom (to grow)" as CommonMark reads them, by their
    first word."""
    tokens = MarkdownIt("commonmark").parse(markdown)
    heading = next(
        i for i, t in enumerate(tokens) if t.type == "inline" and t.content == "Bottom (to grow)"
    )
    lines: dict[str, str] = {}
    for token in tokens[heading + 1 :]:
        if token.type == "ordered_list_close":
            break
        if token.type == "inline":
            lines[token.content.split()[0]] = token.content
    return lines


def test_the_packet_flags_each_item_as_its_no_surprises_check_counts(db: Store) -> None:
    sam = linked_three_ways(db)
    text = review_document(review_packet(db, sam, H2, TODAY), Audience.PRIVATE, TODAY)
    lines = bottom_lines(text)
    assert list(lines) == list(BOTTOMS)
    assert "raised before in feedback of 2026-10-01" in lines["Docs"]
    for name in ("Delegation", "Estimates"):
        assert "would be a surprise" in lines[name] and "raised before in" not in lines[name]
        assert "linked to feedback of 2026-10-01" in lines[name]  # what the link is, still
    flagged = [name for name, line in lines.items() if "would be a surprise" in line]
    assert "**No surprises check:** 2 Bottom items not raised before" in text
    assert len(flagged) == 2


def test_the_json_surprise_flag_follows_what_counts_as_raised(db: Store) -> None:
    sam = linked_three_ways(db)
    shown = json.loads(dumps(t3b3_json(t3b3_view(db, sam, H2))))
    flags = {i["text"]: (i["surprise"], i["linked_to"] is not None) for i in shown["bottom"]}
    assert flags == {
        "Docs": (False, True),
        "Delegation": (True, True),  # linked, yet praise is no area to grow
        "Estimates": (True, True),  # linked, yet a private note was not told
    }
