"""The review packet for one person and one half, as Markdown for one audience.

Private (the default, for the manager): the T3B3 with its six items, what each
Bottom item was raised in before and the surprise flags, last half's areas
(persisting or closed), all feedback and 1:1 highlights with private parts
marked. Shared (for the person): the fact of the T3B3 delivery but not its words
(the text is the manager's speaking aid, kept private), shared feedback, shared
points discussed, actions done and commitments kept. The audience filter for
packets lives here and only here.
"""

from __future__ import annotations

from datetime import date

from leadtui.domain.feedback import Evidence, FeedbackKind, T3B3Side
from leadtui.domain.oneonones import Side, Visibility
from leadtui.export.markdown import Audience, header, inline
from leadtui.services.review import ReviewPacket

_LATER = "_Filled in by {what} when it is set up in leadtui._"


def _evidence(e: Evidence) -> str:
    what = "feedback" if e.kind == "feedback" else "1:1 point"
    return f"{what} of {e.on.isoformat()}: “{inline(e.text)}”"


def _t3b3_private(packet: ReviewPacket) -> list[str]:
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
        items = t.side(side)
        for item in items:
            line = f"{item.rank}. {inline(item.text)}"
            if side is T3B3Side.BOTTOM:
                link = view.linked.get(item.id)
                line += (
                    f" — raised before in {_evidence(link)}"
                    if link
                    else " — **would be a surprise**: not linked to earlier feedback or a 1:1"
                )
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
            f"**No surprises check:** {len(surprises)} Bottom item(s) not raised before; " + advice,
            "",
        ]
    if view.carried:
        lines += [f"### Since last half ({view.previous.half})", ""]
        for c in view.carried:
            what = f"persists as “{inline(c.now.text)}”" if c.now else "closed"
            lines.append(f"- {inline(c.previous.text)}: {what}")
        lines.append("")
    return lines


def _t3b3_shared(packet: ReviewPacket) -> list[str]:
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
    """The packet for ``audience``; nothing private reaches a shared one."""
    view = packet.view
    private = audience is Audience.PRIVATE
    title = f"Review packet — {view.person.name}, {view.half.label}"
    parts = [
        header(title, audience, today),
        f"**Half:** {view.half.label} ({packet.first.isoformat()} to {packet.last.isoformat()})",
    ]
    lines = _t3b3_private(packet) if private else _t3b3_shared(packet)
    parts.append("\n".join(lines).rstrip())

    feedback = [f for f in packet.feedback if private or f.visibility is Visibility.SHARED]
    lines = ["## Feedback this half", ""]
    for kind, title in ((FeedbackKind.STRENGTH, "Strengths"), (FeedbackKind.GROWTH, "To grow")):
        entries = [f for f in feedback if f.kind is kind]
        lines += [f"### {title}", ""]
        for f in entries:
            flag = " _(private)_" if f.visibility is Visibility.PRIVATE else ""
            lines.append(f"- {f.given_on.isoformat()}: {inline(f.text)}{flag}")
        if not entries:
            lines.append("_None recorded._")
        lines.append("")
    parts.append("\n".join(lines).rstrip())

    # The private copy speaks as the manager; the shared one speaks to the person.
    who = (
        {Side.ME: "me", Side.THEM: view.person.name}
        if private
        else {Side.ME: "your manager", Side.THEM: "you"}
    )
    lines = ["## One-on-one highlights", "", f"Sessions held: {packet.sessions_held}", ""]
    discussed = [p for p in packet.discussed if private or p.visibility is Visibility.SHARED]
    lines += ["### Discussed", ""]
    # A point asked every session ("How is your energy?") is listed once with its count.
    seen: dict[tuple[str, Side, Visibility], int] = {}
    for p in discussed:
        key = (" ".join(p.text.split()), p.raised_by, p.visibility)
        seen[key] = seen.get(key, 0) + 1
    for (text, side, visibility), count in seen.items():
        times = f" (×{count})" if count > 1 else ""
        flag = " _(private)_" if visibility is Visibility.PRIVATE else ""
        lines.append(f"- {inline(text)}{times} — {inline(who[side])}{flag}")
    if not discussed:
        lines.append("_Nothing filed this half._")
    lines += ["", "### Actions done", ""]
    for a in packet.actions_done:
        done = a.done_on.isoformat() if a.done_on else ""
        lines.append(f"- {inline(a.text)} — {inline(who[a.owner])}, done {done}")
    if not packet.actions_done:
        lines.append("_None._")
    lines += ["", "### Commitments kept (done by their due date)", ""]
    for side in (Side.ME, Side.THEM):
        kept = packet.kept[side]
        share = f" ({kept.share:.0%})" if kept.share is not None else ""
        name = who[side][0].upper() + who[side][1:]
        lines.append(f"- {inline(name)}: {kept.kept} of {kept.due} due{share}")
    parts.append("\n".join(lines))

    if private:
        # Sections later rituals fill; the person's copy leaves them out until they exist.
        parts.append("## Succession focus area\n\n" + _LATER.format(what="succession planning"))
        parts.append("## Rotation terms served\n\n" + _LATER.format(what="meeting rotations"))
    return "\n\n".join(parts) + "\n"
