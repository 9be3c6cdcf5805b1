"""The running 1:1 document as Markdown, for one audience.

Shared: shared talking points, shared notes, shared feedback given in the 1:1,
actions of both sides and the next session date. Private: everything, with
private parts marked. The audience filter lives here and only here.
"""

from __future__ import annotations

from datetime import date

from leadtui.domain.feedback import Feedback
from leadtui.domain.oneonones import Action, Point, PointStatus, Visibility
from leadtui.export.markdown import Audience, block, header, inline
from leadtui.services.oneonones import RunningDocument


def _visible(point: Point, audience: Audience) -> bool:
    return audience is Audience.PRIVATE or point.visibility is Visibility.SHARED


def _point_line(point: Point, audience: Audience) -> str:
    who = "me" if point.raised_by.value == "me" else "them"
    mark = {PointStatus.OPEN: " ", PointStatus.DISCUSSED: "x", PointStatus.DROPPED: "-"}
    extra = []
    if point.carried:
        extra.append(f"carried {point.carried}×")
    if point.recurring:
        extra.append("every session")
    if audience is Audience.PRIVATE and point.visibility is Visibility.PRIVATE:
        extra.append("private")
    suffix = f" _({', '.join(extra)})_" if extra else ""
    return f"- [{mark[point.status]}] {inline(point.text)} — {who}{suffix}"


def _action_line(action: Action) -> str:
    due = f", due {action.due_on.isoformat()}" if action.due_on else ""
    done = f", done {action.done_on.isoformat()}" if action.done_on else ""
    carried = f", carried {action.carried}×" if action.carried and not action.done_on else ""
    mark = "x" if action.done_on else " "
    return f"- [{mark}] {inline(action.text)} — {action.owner.value}{due}{done}{carried}"


def _feedback_lines(entries: list[Feedback], audience: Audience) -> list[str]:
    lines = []
    for entry in entries:
        if audience is Audience.SHARED and entry.visibility is not Visibility.SHARED:
            continue
        flag = " _(private)_" if entry.visibility is Visibility.PRIVATE else ""
        lines.append(f"- {entry.kind.value}: {inline(entry.text)}{flag}")
    return lines


def oneonone_document(doc: RunningDocument, audience: Audience, today: date) -> str:
    """The document for ``audience``; nothing private reaches a shared one."""
    parts = [header(f"1:1 — {doc.person.name}", audience, today)]
    next_on = doc.next_on.isoformat() if doc.next_on else "not scheduled"
    parts.append(f"**Series:** {doc.series.describe()} · **Next session:** {next_on}")
    points = [p for p in doc.points if _visible(p, audience)]
    open_actions = [a for a in doc.actions if a.done_on is None]
    upcoming = ["## Next session", ""]
    upcoming += [_point_line(p, audience) for p in points] or ["_No talking points yet._"]
    upcoming += ["", "### Open action items", ""]
    upcoming += [_action_line(a) for a in open_actions] or ["_None open._"]
    given = _feedback_lines(doc.pending_feedback(), audience)
    if given:
        upcoming += ["", "### Feedback given", "", *given]
    if doc.series.draft_shared_notes:
        upcoming += ["", "### Notes so far", "", block(doc.series.draft_shared_notes)]
    if audience is Audience.PRIVATE and doc.series.draft_private_notes:
        upcoming += ["", "### Private notes so far", "", block(doc.series.draft_private_notes)]
    parts.append("\n".join(upcoming))
    for session, filed, done in doc.sessions:
        lines = [f"## {session.held_on.isoformat()}", ""]
        shown = [p for p in filed if _visible(p, audience)]
        if shown:
            lines += ["Discussed:", ""] + [_point_line(p, audience) for p in shown] + [""]
        if done:
            lines += ["Done:", ""] + [_action_line(a) for a in done] + [""]
        given = _feedback_lines(doc.feedback_in(session.id), audience)
        if given:
            lines += ["Feedback:", "", *given, ""]
        if session.shared_notes:
            lines += ["Notes:", "", block(session.shared_notes), ""]
        if audience is Audience.PRIVATE and session.private_notes:
            lines += ["Private notes:", "", block(session.private_notes), ""]
        parts.append("\n".join(lines).rstrip())
    return "\n\n".join(parts) + "\n"
