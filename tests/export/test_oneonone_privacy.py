"""Whatever is typed, no private text reaches a 1:1 export for anyone but you."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from leadtui.domain.oneonones import PointStatus
from leadtui.domain.oneonones_input import NotesDraft, PointDraft, SeriesDraft
from leadtui.domain.people_input import PersonDraft
from leadtui.domain.privacy import Audience
from leadtui.domain.reviews_input import FeedbackDraft
from leadtui.domain.validation import build
from leadtui.export.oneonone import oneonone_document
from leadtui.services.oneonones import hold_session, running_document
from leadtui.store.database import open_database
from leadtui.store.oneonones import OneOnOneRepository
from leadtui.store.people import PeopleRepository
from leadtui.store.reviews import FeedbackRepository
from tests.helpers import PRIVATE_MARK, TODAY, shared_words, typed_words


@settings(max_examples=40, deadline=None)
@given(
    shared=st.lists(shared_words, max_size=4),
    private=st.lists(typed_words.filter(lambda t: t.strip()), min_size=1, max_size=4),
    discuss=st.lists(st.booleans(), max_size=8),
    close=st.booleans(),
)
def test_no_private_text_in_a_shared_export(
    shared: list[str],
    private: list[str],
    discuss: list[bool],
    close: bool,
) -> None:
    import tempfile
    from pathlib import Path

    db = open_database(Path(tempfile.mkdtemp()) / "t.db")
    person = PeopleRepository(db).add(PersonDraft(name="Sam"))
    repo = OneOnOneRepository(db)
    sid = repo.save_series(person.id, SeriesDraft(weekday=1, starts_on=date(2026, 11, 3))).id
    points = [repo.add_point(sid, PointDraft(text=t), TODAY) for t in shared]
    points += [
        repo.add_point(sid, PointDraft(text=f"{PRIVATE_MARK} {t}", visibility="private"), TODAY)
        for t in private
    ]
    for point, flag in zip(points, discuss, strict=False):
        if flag:
            repo.set_point_status(point.id, PointStatus.DISCUSSED)
    repo.set_draft_notes(
        sid, NotesDraft(shared="shared notes", private=f"{PRIVATE_MARK} {private[0]}")
    )
    # Feedback given during the session: shared entries show, private ones never do.
    feedback = FeedbackRepository(db)
    for text in shared:
        feedback.add(person.id, build(FeedbackDraft, today=TODAY, text=text), series_id=sid)
    for text in private:
        draft = build(
            FeedbackDraft, today=TODAY, text=f"{PRIVATE_MARK} {text}", visibility="private"
        )
        feedback.add(person.id, draft, series_id=sid)
    if close:
        hold_session(db, person, TODAY)
    doc = running_document(db, person, TODAY, history=100)
    copies = {a: oneonone_document(doc, a, TODAY) for a in Audience}
    db.close()
    for audience, text in copies.items():
        if audience is not Audience.PRIVATE:
            assert PRIVATE_MARK not in text, audience
    assert PRIVATE_MARK in copies[Audience.PRIVATE]  # the private export does carry them
    # The person's copy has the shared feedback: one line per entry.
    text = copies[Audience.PERSON]
    assert sum(line.startswith("- strength: ") for line in text.splitlines()) == len(shared)
