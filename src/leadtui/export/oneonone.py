"""The running 1:1 document as Markdown, for one audience.

The person's copy: shared talking points, shared notes, shared feedback given in
the 1:1, actions of both sides and the next session date. Private: everything,
with private parts marked by a lock and the word "private" (italics alone are lost in
plain text and in many viewers). What reaches which audience is decided by
:func:`leadtui.domain.privacy.reaches`; this module only asks it.

Talking points and actions are GitHub task-list items (``- [ ]`` open, ``- [x]``
discussed or done); a dropped point has no task state of its own, so it is struck
through and says "dropped" in words, which reads right in plain CommonMark too.
"""

from __future__ import annotations

from datetime import date

from leadtui.domain.oneonones import Action, Point, PointStatus
from leadtui.domain.privacy import Audience, Topic, Visibility, reaches
from leadtui.domain.reviews import Feedback
from leadtui.export.markdown import block, header, inline, only_yours
from leadtui.services.oneonones import RunningDocument


def _visible(point: Point, audience: Audience) -> bool:
    return reaches(point.visibility, Topic.ONE_ON_ONE, audience)


def _notes(text: str, visibility: Visibility, audience: Audience) -> bool:
    return bool(text) and reaches(visibility, Topic.ONE_ON_ONE, audience)


LOCK = "🔒"


def _point_line(point: Point) -> str:
    who = "me" if point.raised_by.value == "me" else "them"
    extra = []
    if point.status is PointStatus.DROPPED:
        extra.append("dropped")
    if point.carried:
        extra.append(f"carried {point.carried}×")
    if point.recurring:
        extra.append("every session")
    text = inline(point.text)
    if only_yours(point.visibility, Topic.ONE_ON_ONE):
        text = f"{LOCK} {text}"
        extra.append("private")
    suffix = f" _({', '.join(extra)})_" if extra else ""
    if point.status is PointStatus.DROPPED:
        return f"- ~~{text}~~ — {who}{suffix}"
    mark = "x" if point.status is PointStatus.DISCUSSED else " "
    return f"- [{mark}] {text} — {who}{suffix}"


def _action_line(action: Action) -> str:
    due = f", due {action.due_on.isoformat()}" if action.due_on else ""
    done = f", done {action.done_on.isoformat()}" if action.done_on else ""
    carried = f", carried {action.carried}×" if action.carried and not action.done_on else ""
    mark = "x" if action.done_on else " "
    return f"- [{mark}] {inline(action.text)} — {action.owner.value}{due}{done}{carried}"


def _feedback_lines(entries: list[Feedback], audience: Audience) -> list[str]:
    lines = []
    for entry in entries:
        if not reaches(entry.visibility, Topic.FEEDBACK, audience):
            continue
        private = only_yours(entry.visibility, Topic.FEEDBACK)
        lock, flag = (f"{LOCK} ", " _(private)_") if private else ("", "")
        lines.append(f"- {entry.kind.value}: {lock}{inline(entry.text)}{flag}")
    return lines


def oneonone_document(doc: RunningDocument, audience: Audience, today: date) -> str:
    """The document for ``audience``: only what :func:`reaches` it, private parts marked."""
    parts = [header(f"1:1 — {doc.person.name}", audience, today)]
    if doc.next_on is not None:
        next_on = doc.next_on.isoformat()
    else:
        next_on = "when you next meet" if doc.series.ad_hoc else "not scheduled"
    parts.append(f"**Series:** {doc.series.describe()} · **Next session:** {next_on}")
    points = [p for p in doc.points if _visible(p, audience)]
    actions = [a for a in doc.actions if reaches(a.visibility, Topic.ONE_ON_ONE, audience)]
    open_actions = [a for a in actions if a.done_on is None]
    upcoming = ["## Next session", ""]
    upcoming += [_point_line(p) for p in points] or ["_No talking points yet._"]
    upcoming += ["", "### Open action items", ""]
    upcoming += [_action_line(a) for a in open_actions] or ["_None open._"]
    given = _feedback_lines(doc.pending_feedback(), audience)
    if given:
        upcoming += ["", "### Feedback given", "", *given]
    if _notes(doc.series.draft_shared_notes, Visibility.SHARED, audience):
        upcoming += ["", "### Notes so far", "", block(doc.series.draft_shared_notes)]
    if _notes(doc.series.draft_private_notes, Visibility.PRIVATE, audience):
        upcoming += [
            "",
            f"### {LOCK} Private notes so far",
            "",
            block(doc.series.draft_private_notes),
        ]
    parts.append("\n".join(upcoming))
    context = doc.context
    # Only the private copy: the topic reaches no one else, whatever the visibility.
    if context is not None and not context.empty:
        if reaches(Visibility.PRIVATE, Topic.PERSONAL_CONTEXT, audience):
            lines = [f"## {LOCK} Personal context", ""]
            for words, text in context.filled():
                lines += [f"**{words}:**", "", block(text), ""]
            parts.append("\n".join(lines).rstrip())
    for session, filed, closed in doc.sessions:
        lines = [f"## {session.held_on.isoformat()}", ""]
        # The rating is yours alone: only the private copy carries it.
        if session.rating is not None and reaches(Visibility.PRIVATE, Topic.ONE_ON_ONE, audience):
            lines += [f"{LOCK} Was it useful? {session.rating}/5", ""]
        shown = [p for p in filed if _visible(p, audience)]
        if shown:
            lines += ["Discussed:", ""] + [_point_line(p) for p in shown] + [""]
        done = [a for a in closed if reaches(a.visibility, Topic.ONE_ON_ONE, audience)]
        if done:
            lines += ["Done:", ""] + [_action_line(a) for a in done] + [""]
        given = _feedback_lines(doc.feedback_in(session.id), audience)
        if given:
            lines += ["Feedback:", "", *given, ""]
        if _notes(session.shared_notes, Visibility.SHARED, audience):
            lines += ["Notes:", "", block(session.shared_notes), ""]
        if _notes(session.private_notes, Visibility.PRIVATE, audience):
            lines += [f"{LOCK} Private notes:", "", block(session.private_notes), ""]
        parts.append("\n".join(lines).rstrip())
    return "\n\n".join(parts) + "\n"
