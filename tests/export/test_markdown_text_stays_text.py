"""Typed text stays text in every Markdown export.

Whatever a person types into any field (a name, a point, a gap, a note, a capacity's
description), every Markdown exporter, for every audience, renders it as exactly that
text: a CommonMark parser (markdown-it-py, with tables) sees the same block structure as
with plain words in those fields, no HTML, link or image comes from the text, and the
rendered text holds what was typed (on one line where the context is one line).
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable, Iterator
from datetime import timedelta
from functools import cache
from pathlib import Path
from typing import Literal, NamedTuple

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from leadtui.domain.dates import Half
from leadtui.domain.energy import EnergyThresholds
from leadtui.domain.energy_input import EnergyLogDraft, WorkDraft
from leadtui.domain.oneonones import PointStatus
from leadtui.domain.people import Person
from leadtui.domain.people_input import PersonDraft
from leadtui.domain.privacy import Audience
from leadtui.domain.reviews import EvidenceKind
from leadtui.domain.reviews_input import DeliveryDraft, FeedbackDraft, T3B3ListsDraft
from leadtui.domain.text import literal
from leadtui.domain.validation import build
from leadtui.services import oneonones as oo
from leadtui.services import reviews as rv
from leadtui.services.energy import add_work, log_energy
from leadtui.services.people import add_person, get_person
from leadtui.store.database import Store, open_database, write_transaction
from tests.export.test_privacy_every_export import (
    HALF,
    QUARTER,
    World,
    _energy,
    _oneonone,
    _review,
    _rotations,
    _succession,
    _vacation,
)
from tests.helpers import TODAY

PLAIN = "plain words"

MARKDOWN: dict[str, Callable[[World, Audience], str]] = {
    "1:1 document": _oneonone,
    "review packet": _review,
    "energy review": _energy,
    "succession plan / brief": _succession,
    "vacation cover": _vacation,
    "rotations": _rotations,
}

# What the trial typed, and the rest of Markdown's and HTML's syntax, as fragments.
FRAGMENTS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<b>",
    "</div>",
    "[doc](javascript:alert(1))",
    "[doc](https://example.com)",
    "![img](x.png)",
    "[ref]: /url",
    "<https://example.com>",
    "https://example.com",
    "x@example.com",
    "www.example.com",
    "# Promotion",
    "## ",
    "> ",
    "- ",
    "+ ",
    "* ",
    "1. ",
    "2) ",
    "a) ",
    "(@) ",
    ": ",
    "| ",
    "<!-- draft",
    "-->",
    "`",
    "```",
    "~~~",
    "    ",
    "*",
    "_",
    "**",
    "__",
    "[",
    "]",
    "!",
    "&lt;",
    "&amp;",
    "&#42;",
    "\\",
    "|",
    "---",
    "===",
    "~~x~~",
    "^s^",
    "$x$",
    ":tada:",
    "'q'",
    '"q"',
    "...",
    "--",
    "{.c}",
    "\x1b[31m",
    "\x07",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    "\u2028",
    "\u200b",
    "🎉",
    "Zoë",
    "word",
    " ",
]
CASES = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<b>bold</b>",
    "[doc](javascript:alert(1))",
    "# Promotion",
    "> quoted",
    "- nested",
    "1. numbered",
    "<!-- draft",
    "`code`",
    "*a* _b_ [c] !d &lt; \\e |f|",
    "\x1b[31mred\x1b[0m",
    "🎉 shipped 🚀",
    "line one\n# line two\n\n- line three\n<!-- four",
]
# Text that can be stored: no lone surrogates, no NUL (both refused at input).
_SURROGATES: tuple[Literal["Cs"]] = ("Cs",)
# Every field takes text this long (names stop at 120 characters).
LONGEST = 110


def _fits(text: str) -> bool:
    return bool(text.split()) and len(text.strip()) <= LONGEST


typed_text = st.one_of(
    st.sampled_from(CASES),
    st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=10).map("".join),
    st.text(
        alphabet=st.characters(blacklist_categories=_SURROGATES, blacklist_characters="\x00"),
        min_size=1,
        max_size=LONGEST,
    ),
    st.text(alphabet="ab #>-*_`[]!<&\\|.:1)\n", min_size=LONGEST - 10, max_size=LONGEST),
).filter(_fits)


def one_line(text: str) -> str:
    """What a one-line field stores: runs of whitespace collapsed."""
    return " ".join(text.split())


def seed(text: str, *, growth: bool = True) -> World:
    """A database with ``text`` in every user field that reaches a Markdown export, stored
    through the services the front ends use (one-line fields get it on one line). With
    ``growth`` a gap has moved, so the candidate shows evidence of growth."""
    from leadtui.domain.rotations_input import CapacityDraft, HandoffDraft, HostDraft
    from leadtui.domain.succession_input import (
        AuditDraft,
        CandidateDraft,
        CareerDraft,
        CeoDraft,
        CoverDraft,
        FocusDraft,
        GapDraft,
        GapStatusDraft,
        MeetingDraft,
        VacationDraft,
    )
    from leadtui.services import hosts as ho
    from leadtui.services import rotations as ro
    from leadtui.services import succession as su

    db = open_database(Path(tempfile.mkdtemp()) / "t.db")
    line = one_line(text)
    # Names refuse control characters now; one an earlier version stored is written
    # straight into the row, as it would be found.
    person = add_person(db, PersonDraft(name="Seeded Person"))
    with write_transaction(db):
        db.execute("update person set name = ? where id = ?", (line, person.id))
    person = get_person(db, person.id)
    oo.set_series(db, person, TODAY - timedelta(days=28), weekday="tuesday")
    _oneonones(db, person, text)

    # Last half's areas persist by shared words: two of them always find this half's item
    # (which holds the typed text), one never does, whatever was typed.
    last = ("Delegation", "Listening", "Zqxvanished")
    rv.set_t3b3_lists(db, person, Half(2026, 1), T3B3ListsDraft(top=last, bottom=last), today=TODAY)
    items = (text, f"{line} delegation", f"{line} listening")
    rv.set_t3b3_lists(db, person, HALF, T3B3ListsDraft(top=items, bottom=items), today=TODAY)
    heard = rv.add_feedback(db, person, build(FeedbackDraft, today=TODAY, text=text, kind="growth"))
    rv.link_t3b3_item(db, person, HALF, 1, EvidenceKind.FEEDBACK, heard.entry.id, today=TODAY)
    rv.deliver_t3b3(db, person, Half(2026, 1), build(DeliveryDraft, day="2026-06-01"))

    for back in range(3):
        day = TODAY - timedelta(days=back)
        entry = build(
            EnergyLogDraft,
            today=TODAY,
            level=2 + back,
            day=day,
            note=text,
            energized_by=[text],
            drained_by=[text],
        )
        log_energy(db, entry, EnergyThresholds())
        add_work(db, build(WorkDraft, today=TODAY, title=line, day=day, hours=1))

    for visibility in ("shared", "private"):
        su.add_gap(db, person, build(GapDraft, text=text, visibility=visibility), TODAY)
        note = build(CeoDraft, today=TODAY, text=text, visibility=visibility)
        su.add_ceo_note(db, note, person)
    if growth:
        moved = build(GapStatusDraft, today=TODAY, status="improving")
        su.set_gap_status(db, person, 1, moved)
    candidate = build(CandidateDraft, readiness="1y", pending=text, interim=True)
    su.set_candidate(db, person, candidate, TODAY)
    su.add_focus(db, person, TODAY, half=HALF, draft=build(FocusDraft, text=text))
    su.update_career(
        db,
        person,
        build(CareerDraft, goal=text, milestone=text, test_run=text, result=text),
        TODAY,
    )
    su.add_meeting(db, build(MeetingDraft, name=line, kind="leadership"))
    audit = build(AuditDraft, decision="partner", missing=text, plan=text, quarter=QUARTER)
    su.audit_meeting(db, line, audit, TODAY)
    start = TODAY + timedelta(days=7)
    su.add_vacation(db, build(VacationDraft, today=TODAY, starts_on=start, ends_on=start))
    su.cover_vacation(db, start, build(CoverDraft, responsibility=text), person)

    capacity = ro.add_capacity(
        db,
        build(
            CapacityDraft,
            today=TODAY,
            name="Seeded Capacity",
            seats=1,
            starts_on=TODAY - timedelta(days=60),
        ),
        TODAY,
    )
    with write_transaction(db):
        db.execute(
            "update rotation_capacity set name = ?, description = ?, exposure = ? where id = ?",
            (line, text, text, capacity.id),
        )
    capacity = next(c for c in ro.list_capacities(db) if c.id == capacity.id)
    ro.change_roster(db, capacity, [str(person.id)])
    ro.plan(db, capacity, TODAY)
    ro.write_handoff(db, capacity, str(person.id), HandoffDraft(text=text), TODAY)
    ho.set_hosts(db, [str(person.id)], HostDraft(), TODAY)
    return World(db, person)


def _oneonones(db: Store, person: Person, text: str) -> None:
    """A held session (discussed, dropped and private points, actions done, feedback
    and notes filed under it) and an upcoming one with the same kinds of text."""
    for _ in range(2):
        shared = oo.add_point(db, person, TODAY, text=text, raised_by="them").point
        private = oo.add_point(db, person, TODAY, text=text, visibility="private").point
        dropped = oo.add_point(db, person, TODAY, text=text).point
        oo.add_point(db, person, TODAY, text=text, recurring=True)
        done = oo.add_action(db, person, TODAY, text=text, owner="them", due_on=TODAY).action
        oo.add_action(db, person, TODAY, text=text)
        for kind, visibility in (("strength", "shared"), ("growth", "private")):
            draft = build(FeedbackDraft, today=TODAY, text=text, kind=kind, visibility=visibility)
            oo.give_feedback(db, person, TODAY, draft)
        oo.write_notes(db, person, TODAY, shared=text, private=text)
        oo.mark_point(db, person, shared.id, PointStatus.DISCUSSED)
        oo.mark_point(db, person, private.id, PointStatus.DISCUSSED)
        oo.mark_point(db, person, dropped.id, PointStatus.DROPPED)
        oo.mark_action(db, person, TODAY, done.id, done=True)
        if not _held(db, person):
            oo.hold_session(db, person, TODAY - timedelta(days=5))


def _held(db: Store, person: Person) -> bool:
    return bool(oo.running_document(db, person, TODAY).sessions)


# --- reading the Markdown back ---------------------------------------------------------------

# CommonMark with GFM tables and strikethrough (a dropped point is struck through).
PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"])
# GFM also links bare URLs, "www." names and e-mail addresses: every export is read that way
# too (linkify-it-py comes with Textual's markdown-it-py[linkify]).
LINKIFY = MarkdownIt("commonmark", {"linkify": True}).enable(["table", "strikethrough", "linkify"])
# Token types user text must never produce: raw HTML (comments included), links, images.
FORBIDDEN = {"html_inline", "html_block", "link_open", "image"}


def walk(tokens: list[Token]) -> Iterator[Token]:
    """Every token, inline children included."""
    for token in tokens:
        yield token
        yield from walk(token.children or [])


def structure(tokens: list[Token]) -> list[tuple[str, str, int]]:
    """The block tokens' types, tags and nesting. A note typed in paragraphs is one note,
    so a run of paragraphs at one level counts once."""
    shape: list[tuple[str, str, int]] = []
    for token in tokens:
        if token.type == "inline":
            continue
        step = (token.type, token.tag, token.level)
        if step[0] == "paragraph_open" and shape[-1:] == [("paragraph_close", "p", token.level)]:
            shape.pop()
            continue
        shape.append(step)
    return shape


def rendered_text(tokens: list[Token]) -> str:
    """What a reader sees: each block's text, a hard line break as a newline, blocks apart
    by a blank line (so a note's paragraphs read as typed)."""
    blocks = []
    for token in tokens:
        if token.type != "inline":
            continue
        parts = []
        for child in token.children or []:
            if child.type in ("text", "code_inline"):
                parts.append(child.content)
            elif child.type == "hardbreak":
                parts.append("\n")
            elif child.type == "softbreak":
                parts.append(" ")
        blocks.append("".join(parts))
    return "\n\n".join(blocks)


def as_one_line(text: str) -> str:
    """``text`` as a one-line context shows it: whitespace runs as one space, controls as
    visible escapes."""
    return literal(one_line(text), one_line=True)


def as_note(text: str) -> str:
    """``text`` as a note shows it: lines kept (each as a one-line context), blank lines
    between paragraphs."""
    paragraphs: list[list[str]] = [[]]
    for line in literal(text, one_line=False).splitlines():
        shown = as_one_line(line)
        if shown:
            paragraphs[-1].append(shown)
        elif paragraphs[-1]:
            paragraphs.append([])
    return "\n\n".join("\n".join(p) for p in paragraphs if p)


class Export(NamedTuple):
    markdown: str
    tokens: list[Token]
    text: str


def exported(world: World) -> dict[tuple[str, Audience], Export]:
    """Every Markdown export for every audience, parsed."""
    found = {}
    for name, export in MARKDOWN.items():
        for audience in Audience:
            markdown = export(world, audience)
            tokens = PARSER.parse(markdown)
            found[name, audience] = Export(markdown, tokens, rendered_text(tokens))
    return found


@cache
def plain_exports() -> dict[tuple[str, Audience], Export]:
    world = seed(PLAIN)
    try:
        return exported(world)
    finally:
        world.db.close()


def occurrences(haystack: str, needles: set[str]) -> int:
    return sum(haystack.count(n) for n in needles)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=typed_text)
@example(text="<!-- draft")
@example(text="# Promotion\n> quote\n- item\n1. one\n\n<script>x</script>")
@example(text="[doc](javascript:alert(1)) ![i](x) <https://e.com> &lt; &#42;")
@example(text="` * _ [ ! \\ | ~ ^ $ { @ ' \" ... -- == :tada: https://x.y www.x.y a@b.cd")
@example(text="see example.com, ex.co.uk, Dr.No, Zoë.de and my-site.io/x; see xiv.aw")
@example(text="\x1b[31m\x07 🎉\t\u2028end")
@example(text="1) a\n2. b\na) c\n+ d\n: e\n| f |\n=== \n---")
@example(text="x" * LONGEST)
def test_typed_text_renders_as_typed_in_every_markdown_export(text: str) -> None:
    world = seed(text)
    try:
        exports = exported(world)
    finally:
        world.db.close()
    # Notes are stored trimmed, so a trailing "\r" typed is not there to show.
    forms = {as_one_line(text), as_note(text.strip())}
    for key, plain in plain_exports().items():
        got = exports[key]
        where = f"{key[0]} for {key[1]}"
        assert structure(got.tokens) == structure(plain.tokens), where
        types = {t.type for t in walk(got.tokens)}
        assert not types & FORBIDDEN, where
        assert not {t.type for t in walk(LINKIFY.parse(got.markdown))} & FORBIDDEN, where
        # Hard line breaks come from a note's lines; nothing else is new.
        assert types - {t.type for t in walk(plain.tokens)} <= {"hardbreak"}, where
        expected = plain.text.count(PLAIN)
        if any(f in plain.text for f in forms):
            # The typed text is also one of the document's own words: at least as often.
            assert occurrences(got.text, forms) >= expected, where
        else:
            assert occurrences(got.text, forms) == expected, where


def test_every_export_is_covered_with_text_in_it() -> None:
    """The plain world puts its words into every export and every audience that may see
    them, so the property above compares something."""
    exports = plain_exports()
    for (name, audience), export in exports.items():
        if name == "energy review" and audience is not Audience.PRIVATE:
            continue  # the journal reaches you only
        assert PLAIN in export.text, f"{name} for {audience}"


# --- the structure every reader needs -------------------------------------------------------


def _standing_apart(markdown: str, tokens: list[Token]) -> list[str]:
    """Lists, headings, tables and fences at the top level without a blank line before or
    after them: pandoc's Markdown reads such a list as more of the paragraph above it."""
    lines = markdown.split("\n")
    wrong = []
    for token in tokens:
        opens = token.type in (
            "heading_open",
            "bullet_list_open",
            "ordered_list_open",
            "table_open",
            "fence",
        )
        if not opens or token.level != 0 or token.map is None:
            continue
        first, end = token.map
        if first > 0 and lines[first - 1].strip():
            wrong.append(f"before line {first + 1}: {lines[first]!r}")
        # A list's span may already end with the blank line that follows it.
        if end < len(lines) and lines[end - 1].strip() and lines[end].strip():
            wrong.append(f"after line {end}: {lines[end - 1]!r}")
    return wrong


@pytest.mark.parametrize("growth", [True, False], ids=["growth", "no growth"])
@pytest.mark.parametrize("text", [PLAIN, "line one\n- two\n# three"])
def test_every_list_and_heading_has_a_blank_line_around_it(text: str, growth: bool) -> None:
    """Without evidence of growth the upward brief's CEO log list came straight after the
    candidate's paragraph; pandoc folded it into the sentence."""
    world = seed(text, growth=growth)
    try:
        exports = exported(world)
    finally:
        world.db.close()
    for (name, audience), export in exports.items():
        assert _standing_apart(export.markdown, export.tokens) == [], f"{name} for {audience}"


def test_gaps_are_bullets_not_bullets_holding_a_numbered_list() -> None:
    world = seed(PLAIN)
    try:
        packet = _review(world, Audience.PRIVATE)
    finally:
        world.db.close()
    tokens = PARSER.parse(packet)
    nested = [t for t in tokens if t.type == "ordered_list_open" and t.level > 0]
    assert nested == []
    assert re.search(r"^- Gap 1: plain words — improving$", packet, re.M)


def test_a_long_note_keeps_every_line() -> None:
    lines = [f"{n}. point *{n}* <b>{n}</b> # {n}" for n in range(1, 400)]
    text = "\n".join(lines)
    world = seed("short")
    try:
        oo.write_notes(world.db, world.person, TODAY, shared=text)
        markdown = _oneonone(world, Audience.PERSON)
    finally:
        world.db.close()
    tokens = PARSER.parse(markdown)
    assert as_note(text) in rendered_text(tokens)
    assert not {t.type for t in walk(tokens)} & FORBIDDEN


# --- what people typed and saw go wrong ------------------------------------------------------


def _exports_of(text: str) -> dict[tuple[str, Audience], Export]:
    world = seed(text)
    try:
        return exported(world)
    finally:
        world.db.close()


@pytest.mark.parametrize(
    "text", ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<b>bold</b>"]
)
def test_html_typed_anywhere_is_shown_not_run(text: str) -> None:
    for (name, audience), export in _exports_of(text).items():
        types = {t.type for t in walk(export.tokens)}
        assert not types & {"html_inline", "html_block"}, f"{name} for {audience}"
        if name != "energy review" or audience is Audience.PRIVATE:
            assert text in export.text, f"{name} for {audience}"


def test_a_link_typed_in_a_point_is_shown_not_linked() -> None:
    """pandoc writes any scheme into href (markdown-it alone drops javascript: links), so
    the parser here accepts every link as pandoc does."""
    text = "[doc](javascript:alert(1))"
    pandoc_like = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    pandoc_like.validateLink = lambda url: True  # type: ignore[method-assign]
    for (name, audience), export in _exports_of(text).items():
        tokens = pandoc_like.parse(export.markdown)
        assert not {t.type for t in walk(tokens)} & {"link_open", "image"}, f"{name} {audience}"


@pytest.mark.parametrize("text", ["# Promotion", "> quoted", "- nested", "1. numbered", "+ x"])
def test_a_point_typed_like_markdown_stays_one_line_of_the_list(text: str) -> None:
    """In the review packet's discussed points a point is a list item holding one
    paragraph: never a heading, a quote or a list of its own."""
    world = seed(text)
    try:
        packet = _review(world, Audience.PERSON)
    finally:
        world.db.close()
    tokens = PARSER.parse(packet)
    inside = [t.type for t in tokens if t.level >= 2 and t.type.endswith("_open")]
    assert set(inside) <= {"paragraph_open"}, inside
    assert f"{text} — you" in rendered_text(tokens)


def test_an_unclosed_comment_in_a_discussed_point_hides_nothing_from_the_person() -> None:
    export = _exports_of("<!-- draft")["review packet", Audience.PERSON]
    headings = [
        export.tokens[i + 1].content
        for i, t in enumerate(export.tokens)
        if t.type == "heading_open"
    ]
    for section in (
        "Actions done",
        "Commitments kept (done by their due date)",
        "Succession focus area",
        "Rotation terms served",
    ):
        assert section in headings
    assert not {t.type for t in walk(export.tokens)} & FORBIDDEN
    assert "<!-- draft — you" in export.text


def test_an_unclosed_comment_in_a_point_hides_nothing_in_the_1on1_document_read_as_gfm() -> None:
    """GitHub reads ``- [x] `` as an item's marker, so what follows starts the item's first
    block: read the document that way (marker dropped) and nothing after the point is
    swallowed."""
    export = _exports_of("<!-- draft")["1:1 document", Audience.PERSON]
    as_gfm = re.sub(r"^(\s*- )\[[ x]\] ", r"\1", export.markdown, flags=re.M)
    tokens = PARSER.parse(as_gfm)
    assert not {t.type for t in walk(tokens)} & FORBIDDEN
    text = rendered_text(tokens)
    for later in ("Open action items", "Feedback given", "Notes so far", "Done:", "Notes:"):
        assert later in text
    assert text.count("<!-- draft") == export.text.count("<!-- draft") > 6
