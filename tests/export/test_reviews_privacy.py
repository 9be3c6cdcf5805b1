"""Whatever is typed, no private text reaches a review packet for anyone but you."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from leadtui.domain.dates import Half
from leadtui.domain.oneonones import PointStatus
from leadtui.domain.oneonones_input import PointDraft, SeriesDraft
from leadtui.domain.people_input import PersonDraft
from leadtui.domain.privacy import Audience, Visibility
from leadtui.domain.reviews import Evidence, EvidenceKind, T3B3Side
from leadtui.domain.reviews_input import FeedbackDraft
from leadtui.domain.validation import build
from leadtui.export.reviews import review_document
from leadtui.services.oneonones import hold_session
from leadtui.services.packet import review_packet
from leadtui.store.database import open_database
from leadtui.store.oneonones import OneOnOneRepository
from leadtui.store.people import PeopleRepository
from leadtui.store.reviews import FeedbackRepository, T3B3Repository
from tests.helpers import PRIVATE_MARK, TODAY, shared_words, typed_words

private_words = typed_words.filter(lambda t: t.strip()).map(lambda t: f"{PRIVATE_MARK} {t}")


@settings(max_examples=30, deadline=None)
@given(
    shared=st.lists(shared_words, max_size=3),
    private=st.lists(private_words, min_size=1, max_size=3),
    tops=st.lists(private_words, max_size=3),
    bottoms=st.lists(private_words, max_size=3),
    growth=st.booleans(),
    link=st.booleans(),
    deliver=st.booleans(),
)
def test_no_private_text_in_a_shared_review_packet(
    shared: list[str],
    private: list[str],
    tops: list[str],
    bottoms: list[str],
    growth: bool,
    link: bool,
    deliver: bool,
) -> None:
    db = open_database(Path(tempfile.mkdtemp()) / "t.db")
    person = PeopleRepository(db).add(PersonDraft(name="Sam"))
    kind = "growth" if growth else "strength"
    feedback = FeedbackRepository(db)
    for text in shared:
        feedback.add(person.id, build(FeedbackDraft, today=TODAY, text=text, kind=kind))
    private_ids = [
        feedback.add(
            person.id,
            build(FeedbackDraft, today=TODAY, text=text, kind=kind, visibility="private"),
        ).id
        for text in private
    ]
    oo = OneOnOneRepository(db)
    series = oo.save_series(person.id, SeriesDraft(weekday=1, starts_on=date(2026, 7, 7)))
    for text in [*shared, *private]:
        visibility = "private" if PRIVATE_MARK in text else "shared"
        point = oo.add_point(series.id, PointDraft(text=text, visibility=visibility), TODAY)
        oo.set_point_status(point.id, PointStatus.DISCUSSED)
    hold_session(db, person, TODAY)
    t3b3 = T3B3Repository(db)
    record = t3b3.set_lists(person.id, "2026-H2", tuple(tops), tuple(bottoms))
    if link and bottoms:
        # The screens only offer what was raised with the person; a link to a private
        # entry is still possible in the data (kept from before), and must not leak.
        private_entry = Evidence(
            EvidenceKind.FEEDBACK, private_ids[0], TODAY, "", Visibility.PRIVATE
        )
        t3b3.link_item(record.side(T3B3Side.BOTTOM)[0].id, private_entry)
    if deliver and len(tops) == len(bottoms) == 3:
        t3b3.deliver(person.id, "2026-H2", TODAY, True)
    packet = review_packet(db, person, Half(2026, 2), TODAY)
    copies = {a: review_document(packet, a, TODAY) for a in Audience}
    db.close()
    for audience, text in copies.items():
        if audience is not Audience.PRIVATE:
            assert PRIVATE_MARK not in text, audience
    assert PRIVATE_MARK in copies[Audience.PRIVATE]  # the private packet does carry them
    # The person's copy has all the shared feedback: one dated line per entry.
    assert copies[Audience.PERSON].count(f"- {TODAY.isoformat()}: ") == len(shared)
