"""The review packet for one person and one half, as Markdown for one audience.

Private (the default, for the manager): the T3B3 with its six items, what each
Bottom item was raised in before and the surprise flags, last half's areas
(persisting or closed), all feedback and 1:1 highlights with private parts
marked. The person's copy: the fact of the T3B3 delivery but not its words
(the text is the manager's speaking aid, kept private), shared feedback, shared
points discussed, actions done and commitments kept. What reaches which audience
is decided by :func:`leadtui.domain.privacy.reaches`; this module only asks it.
"""

from __future__ import annotations

from datetime import date

from leadtui.domain.oneonones import PointKind, Side
from leadtui.domain.privacy import Audience, Topic, Visibility, reaches
from leadtui.domain.reviews import Evidence, FeedbackKind, T3B3Item, T3B3Side
from leadtui.domain.text import plural
from leadtui.export.markdown import header, inline, only_yours
from leadtui.services.packet import ReviewPacket


def _evidence(e: Evidence, audience: Audience) -> str:
    feedback = e.kind == "feedback"
    what, topic = ("feedback", Topic.FEEDBACK) if feedback else ("1:1 point", Topic.ONE_ON_ONE)
    quote = f": “{inline(e.text)}”" if reaches(e.visibility, topic, audience) else ""
    return f"{what} of {e.on.isoformat()}{quote}"


def _raised_before(item: T3B3Item, link: Evidence | None, audience: Audience) -> str:
    """What a Bottom item's line says about no surprises: by the domain's one rule
    (``item.raised``), so each line agrees with the packet's count, the board and the app."""
    if item.raised and link is not None:
        return f" — raised before in {_evidence(link, audience)}"
    if item.raised:
        return " — raised before"
    if link is not None:
        return (
            f" — **would be a surprise**: linked to {_evidence(link, audience)}, which does "
            "not count as raised before (only growth feedback they heard and shared 1:1 "
            "points discussed in a held 1:1 do)"
        )
    return " — **would be a surprise**: not linked to earlier feedback or a 1:1"


def _t3b3_items(packet: ReviewPacket, audience: Audience) -> list[str]:
    view = packet.view
    t = view.t3b3
    lines = ["## T3B3: top three and bottom three", ""]
    state = t.status_text()
    if t.delivered_on:
        state += f" on {t.delivered_on.isoformat()}"
    lines += [f"**Status:** {state}", ""]
    if t.text_removed:
        lines += ["_The text was removed after delivery; only the fact is kept._"]
        return lines
    for side, title in ((T3B3Side.TOP, "Top (strengths)"), (T3B3Side.BOTTOM, "Bottom (to grow)")):
        lines += [f"### {title}", ""]
        items = [i for i in t.side(side) if reaches(i.visibility, Topic.T3B3_ITEM, audience)]
        for item in items:
            line = f"{item.rank}. {inline(item.text)}"
            if side is T3B3Side.BOTTOM:
                line += _raised_before(item, view.linked.get(item.id), audience)
            lines.append(line)
        if not items:
            lines.append("_Nothing yet._")
        lines.append("")
    surprises = t.surprises()
    if surprises:
        advice = (
            "they came as a surprise at delivery."
            if t.delivered_on
            else "raise them in a 1:1 before the review."
        )
        lines += [
            f"**No surprises check:** {plural(len(surprises), 'Bottom item')} not raised before; "
            + advice,
            "",
        ]
    if view.carried:
        lines += [f"### Since last half ({view.previous.half})", ""]
        for c in view.carried:
            if not reaches(c.previous.visibility, Topic.T3B3_ITEM, audience):
                continue
            what = "closed"
            if c.now is not None:
                shown = reaches(c.now.visibility, Topic.T3B3_ITEM, audience)
                what = f"persists as “{inline(c.now.text)}”" if shown else "persists"
            lines.append(f"- {inline(c.previous.text)}: {what}")
        lines.append("")
    return lines


def _t3b3_delivery(packet: ReviewPacket) -> list[str]:
    t = packet.view.t3b3
    lines = ["## Top three and bottom three", ""]
    if t.delivered_on:
        how = "in person" if t.in_person else "not in person"
        lines.append(
            f"Your top three strengths and bottom three areas to grow were delivered "
            f"{how} on {t.delivered_on.isoformat()}."
        )
    else:
        lines.append(
            "Your top three strengths and bottom three areas to grow are delivered "
            "in person, in conversation."
        )
    return [*lines, ""]


def review_document(packet: ReviewPacket, audience: Audience, today: date) -> str:
    """The packet for ``audience``: only what :func:`reaches` it, private parts marked.

    A section whose kind of text cannot reach ``audience`` at all is left out rather
    than shown empty, so a copy never claims "none recorded" where there is some.
    """
    view = packet.view
    title = f"Review packet — {view.person.name}, {view.half.label}"
    parts = [
        header(title, audience, today),
        f"**Half:** {view.half.label} ({packet.first.isoformat()} to {packet.last.isoformat()})",
    ]
    # A section is there when its kind of text can reach the audience at all; each
    # text in it is asked again, with its own visibility.
    if reaches(Visibility.SHARED, Topic.T3B3_ITEM, audience):
        parts.append("\n".join(_t3b3_items(packet, audience)).rstrip())
    elif audience is Audience.PERSON:
        # Not a privacy rule but a voice: the fact of delivery is told to the person.
        parts.append("\n".join(_t3b3_delivery(packet)).rstrip())

    if reaches(Visibility.SHARED, Topic.FEEDBACK, audience):
        parts.append(_feedback_section(packet, audience))
    if reaches(Visibility.SHARED, Topic.ONE_ON_ONE, audience):
        parts.append(_highlights_section(packet, audience))

    if reaches(Visibility.SHARED, Topic.FOCUS_AREA, audience):
        parts.append(_succession_section(packet, audience))
    if reaches(Visibility.SHARED, Topic.ROTATION, audience):
        parts.append(_rotation_section(packet, audience))
    return "\n\n".join(parts) + "\n"


def _rotation_section(packet: ReviewPacket, audience: Audience) -> str:
    """The half's rotation terms with their recognition: team text, in every copy."""
    lines = ["## Rotation terms served", ""]
    for term in packet.rotation_terms:
        record = term.record
        line = (
            f"- {inline(term.capacity)}, seat {term.seat}: "
            f"{term.starts.isoformat()} to {term.ends.isoformat()}"
        )
        if record is not None and record.recognized_on is not None:
            where = record.recognized_in.value if record.recognized_in else "recognized"
            line += f"; recognized ({where}) on {record.recognized_on.isoformat()}"
        elif term.ends < packet.last:
            line += "; no recognition recorded"
        lines.append(line)
    if not packet.rotation_terms:
        lines.append("_No rotation terms this half._")
    return "\n".join(lines)


def _feedback_section(packet: ReviewPacket, audience: Audience) -> str:
    feedback = [f for f in packet.feedback if reaches(f.visibility, Topic.FEEDBACK, audience)]
    lines = ["## Feedback this half", ""]
    for kind, title in ((FeedbackKind.STRENGTH, "Strengths"), (FeedbackKind.GROWTH, "To grow")):
        entries = [f for f in feedback if f.kind is kind]
        lines += [f"### {title}", ""]
        for f in entries:
            flag = " _(private)_" if only_yours(f.visibility, Topic.FEEDBACK) else ""
            lines.append(f"- {f.given_on.isoformat()}: {inline(f.text)}{flag}")
        if not entries:
            lines.append("_None recorded._")
        lines.append("")
    return "\n".join(lines).rstrip()


def _highlights_section(packet: ReviewPacket, audience: Audience) -> str:
    view = packet.view
    # The private copy speaks as the manager; the person's copy speaks to the person.
    who = (
        {Side.ME: "me", Side.THEM: view.person.name}
        if audience is Audience.PRIVATE
        else {Side.ME: "your manager", Side.THEM: "you"}
    )
    lines = ["## One-on-one highlights", "", f"Sessions held: {packet.sessions_held}", ""]
    discussed = [p for p in packet.discussed if reaches(p.visibility, Topic.ONE_ON_ONE, audience)]
    # "Asking for feedback" as a habit: the narrow asks taken from the prompt tray and
    # discussed this half (counted from the points this audience may see).
    asked = sum(1 for p in discussed if p.kind is PointKind.FEEDBACK_ASKED)
    lines[-1:-1] = [f"Feedback asked for: {asked} time{'s' if asked != 1 else ''}"]
    lines += ["### Discussed", ""]
    # A point asked every session ("How is your energy?") is listed once with its count.
    seen: dict[tuple[str, Side, Visibility], int] = {}
    for p in discussed:
        key = (" ".join(p.text.split()), p.raised_by, p.visibility)
        seen[key] = seen.get(key, 0) + 1
    for (text, side, visibility), count in seen.items():
        times = f" (×{count})" if count > 1 else ""
        flag = " _(private)_" if only_yours(visibility, Topic.ONE_ON_ONE) else ""
        lines.append(f"- {inline(text)}{times} — {inline(who[side])}{flag}")
    if not discussed:
        lines.append("_Nothing filed this half._")
    lines += ["", "### Actions done", ""]
    actions = [a for a in packet.actions_done if reaches(a.visibility, Topic.ONE_ON_ONE, audience)]
    for a in actions:
        done = a.done_on.isoformat() if a.done_on else ""
        lines.append(f"- {inline(a.text)} — {inline(who[a.owner])}, done {done}")
    if not actions:
        lines.append("_None._")
    lines += ["", "### Commitments kept (done by their due date)", ""]
    for side in (Side.ME, Side.THEM):
        kept = packet.kept[side]
        share = f" ({kept.share:.0%})" if kept.share is not None else ""
        # Our own words start the line with a capital; a person's name stays as typed.
        named = side is Side.THEM and audience is Audience.PRIVATE
        name = who[side] if named else who[side].capitalize()
        lines.append(f"- {inline(name)}: {kept.kept} of {kept.due} due{share}")
    return "\n".join(lines)


def _succession_section(packet: ReviewPacket, audience: Audience) -> str:
    """The half's focus areas, agreed with the person (their copy has them); what they
    are missing to thrive in my role, readiness and candidacy only in mine."""
    record = packet.succession
    lines = ["## Succession focus area", ""]
    focus = [
        f
        for f in (record.focus if record else [])
        if reaches(f.visibility, Topic.FOCUS_AREA, audience)
    ]
    for f in focus:
        lines.append(f"- {inline(f.text)} (agreed {f.agreed_on.isoformat()})")
    if not focus:
        lines.append(f"_No focus area agreed for {packet.view.half.label} yet._")
    if record is None:
        return "\n".join(lines)
    gaps = [g for g in record.gaps if reaches(g.visibility, Topic.SUCCESSION_GAP, audience)]
    if gaps:
        lines += ["", "### Gaps to thrive in my role", ""]
        for g in gaps:
            flag = " _(private)_" if only_yours(g.visibility, Topic.SUCCESSION_GAP) else ""
            # "Gap 2:", not "2.": a number and a dot after the bullet would open a
            # numbered list inside it.
            lines.append(f"- Gap {g.number}: {inline(g.text)} — {g.status.value}{flag}")
    c = record.candidate
    if c is not None and reaches(Visibility.SHARED, Topic.CANDIDACY, audience):
        pending = f", ready pending {inline(c.pending)}" if c.pending else ""
        interim = "; interim if I left tomorrow" if c.interim else ""
        lines += [
            "",
            "### Candidacy",
            "",
            f"Candidate, readiness {c.readiness.value}{pending}{interim} "
            f"(reviewed {c.reviewed_on.isoformat()}).",
        ]
    return "\n".join(lines)
