"""`leadtui energy`: the daily journal, its verdict and energizing work.

Every handler reads its arguments, calls one use case in :mod:`leadtui.services.energy`
and prints the result; the rules live there.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from leadtui.cli.common import (
    echo,
    echo_json,
    hint,
    note,
    open_store,
    person_and_store,
    record_id,
    settings_for,
    today_from_env,
)
from leadtui.domain.text import plural

if TYPE_CHECKING:
    import argparse

    from leadtui.domain.energy import EnergizingWork, EnergyEntry


def energy_log(args: argparse.Namespace) -> int:
    from leadtui.domain.energy_input import EnergyLogDraft
    from leadtui.domain.validation import build
    from leadtui.services.energy import log_energy, replaces_note

    draft = build(
        EnergyLogDraft,
        today=today_from_env(),
        level=args.level,
        day=args.day,
        note=args.note,
        energized_by=args.energized_by or (),
        drained_by=args.drained_by or (),
    )
    result = log_energy(open_store(args), draft, settings_for(args).energy)
    entry, previous, kind = result
    if previous is None:
        echo(f"logged {entry.level} ({kind}) for {entry.day.isoformat()}")
    else:
        echo(
            f"updated {entry.day.isoformat()} from {previous.level} to {entry.level} ({kind}); "
            "one entry per day"
        )
        if replaces_note(previous, draft.note):
            # The earlier note is gone: say what it was, so a slip can be put right.
            sys.stderr.write(f"leadtui: note: replaced {_day_words(previous)} → {_words(entry)}\n")
    return 0


def _words(entry: EnergyEntry) -> str:
    """A day's level and note as a line shows them: ``3 'long week'``."""
    from leadtui.domain.text import quoted

    return f"{entry.level} {quoted(entry.note)}" if entry.note else str(entry.level)


def _day_words(entry: EnergyEntry) -> str:
    return f"{entry.day.isoformat()}: {_words(entry)}"


def energy_edit(args: argparse.Namespace) -> int:
    from leadtui.domain.energy_input import EnergyEditDraft
    from leadtui.domain.validation import build
    from leadtui.services.energy import edit_energy

    draft = build(
        EnergyEditDraft,
        today=today_from_env(),
        day=args.date,
        level=args.level,
        note=args.note,
        energized_by=args.energized_by,  # None: not given
        drained_by=args.drained_by,
    )
    entry, previous = edit_energy(open_store(args, create=False), draft)
    echo(f"edited {_day_words(previous)} → {_words(entry)}")
    return 0


def energy_remove(args: argparse.Namespace) -> int:
    from leadtui.domain.energy_input import EnergyNoteDraft
    from leadtui.domain.validation import build
    from leadtui.services.energy import remove_energy

    # The day is read as any day is typed (2026-12-08, yesterday, monday).
    day = build(EnergyNoteDraft, today=today_from_env(), day=args.date).day
    removed = remove_energy(open_store(args, create=False), day)
    echo(f"removed {_day_words(removed)}")
    return 0


def energy_show(args: argparse.Namespace) -> int:
    from leadtui.domain.energy import level_kind
    from leadtui.domain.text import literal
    from leadtui.services.energy import check_recent_days, recent_entries

    today = today_from_env()
    # Checked before the database is opened: a typo is reported as such even without one.
    check_recent_days(args.days)
    entries = recent_entries(open_store(args, create=False), today, args.days)
    thresholds = settings_for(args).energy
    if args.json:
        from leadtui.export.json import energy_entries_json

        echo_json(energy_entries_json(entries, thresholds))
        return 0
    if not entries:
        log = hint(args, "energy log 4")
        echo(f"no entries in the last {plural(args.days, 'day')}; log today with {log}")
        return 0
    for e in reversed(entries):
        extra = "; ".join(
            part
            for part in (
                literal(e.note or ""),
                "+ " + ", ".join(map(literal, e.energized_by)) if e.energized_by else "",
                "- " + ", ".join(map(literal, e.drained_by)) if e.drained_by else "",
            )
            if part
        )
        bar = "#" * e.level
        kind = level_kind(e.level, thresholds)
        echo(f"{e.day.isoformat()}  {e.level} {bar:<5} {kind:<8} {extra}".rstrip())
    return 0


def energy_check(args: argparse.Namespace) -> int:
    from leadtui.services.energy import check_energy

    verdict = check_energy(
        open_store(args, create=False), today_from_env(), settings_for(args).energy
    )
    if args.json:
        from leadtui.export.json import energy_verdict_json

        echo_json(energy_verdict_json(verdict))
        return 0
    echo(f"{verdict.state.value}: {verdict.reason}")
    echo(verdict.prescription)
    if verdict.months_judged:
        echo(
            f"months deenergized of the last 12: {verdict.months_deenergized} "
            f"({verdict.months_judged} with enough entries to judge)"
        )
    for warning in verdict.balance.warnings if verdict.balance else []:
        echo(f"warning: {warning}")
    return 0


def energy_work_add(args: argparse.Namespace) -> int:
    from leadtui.domain.energy_input import WorkDraft
    from leadtui.domain.text import literal
    from leadtui.domain.validation import build
    from leadtui.services.energy import add_work

    draft = build(
        WorkDraft,
        today=today_from_env(),
        title=args.title,
        day=args.day,
        hours=args.hours,
        kind=args.kind,
        creates_work_for_other_teams=args.creates_work_for_other_teams,
    )
    work, warnings = add_work(open_store(args), draft)
    echo(
        f"logged {work.hours:g} h of {work.kind.value}: {literal(work.title)} "
        f"({work.day.isoformat()})"
    )
    for warning in warnings:
        echo(f"warning: {warning}")
    return 0


def energy_work_list(args: argparse.Namespace) -> int:
    from leadtui.domain.text import literal
    from leadtui.services.energy import list_work

    work = list_work(open_store(args, create=False))
    if args.json:
        from leadtui.export.json import energizing_work_json

        echo_json(energizing_work_json(work))
        return 0
    if not work:
        add = hint(args, "energy work add TITLE --hours 2")
        echo(f"no energizing work yet; add some with {add}")
    for w in work:
        flag = "  (creates work for other teams)" if w.creates_work_for_other_teams else ""
        echo(
            f"{w.id:>5}  {w.day.isoformat()}  {w.hours:>4g} h  {w.kind.value:<10} "
            f"{literal(w.title)}{flag}"
        )
    return 0


def _work_line(work: EnergizingWork) -> str:
    from leadtui.domain.text import literal

    return (
        f"work {work.id}: {work.hours:g} h of {work.kind.value}: {literal(work.title)} "
        f"({work.day.isoformat()})"
    )


def energy_work_edit(args: argparse.Namespace) -> int:
    from leadtui.domain.energy_input import WorkEditDraft
    from leadtui.domain.validation import build
    from leadtui.services.energy import edit_work

    draft = build(
        WorkEditDraft,
        today=today_from_env(),
        title=args.title,
        day=args.day,
        hours=args.hours,
        kind=args.kind,
        creates_work_for_other_teams=args.creates_work,
    )
    work, _, warnings = edit_work(open_store(args, create=False), args.id, draft)
    echo("edited " + _work_line(work))
    for warning in warnings:
        echo(f"warning: {warning}")
    return 0


def energy_work_remove(args: argparse.Namespace) -> int:
    from leadtui.services.energy import remove_work

    removed = remove_work(open_store(args, create=False), args.id)
    echo("removed " + _work_line(removed))
    return 0


def register_energy(parser: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    """`leadtui energy ...`: the journal, its verdict and energizing work."""
    energy_sub = parser.add_subparsers(title="energy commands", metavar="ACTION", required=True)
    log = energy_sub.add_parser(
        "log", help="log today's energy, 1 (drained) to 5 (energized)", parents=[common]
    )
    log.add_argument("level", metavar="LEVEL", help="1–5")
    log.add_argument("note", metavar="NOTE", nargs="?", help="what made the day")
    log.add_argument(
        "--date", dest="day", metavar="DATE", help="another day (default today; not the future)"
    )
    log.add_argument(
        "--energized-by", action="append", metavar="TEXT", help="what gave energy (repeatable)"
    )
    log.add_argument(
        "--drained-by", action="append", metavar="TEXT", help="what took energy (repeatable)"
    )
    log.set_defaults(handler=energy_log)
    edit = energy_sub.add_parser(
        "edit", help="change a logged day (fields not given stay)", parents=[common]
    )
    edit.add_argument("date", metavar="DATE", help="the day, e.g. 2026-12-08 or yesterday")
    edit.add_argument("--level", metavar="N", help="1–5")
    edit.add_argument("--note", metavar="TEXT", help='the note ("" clears it)')
    edit.add_argument(
        "--energized-by",
        action="append",
        metavar="TEXT",
        help='what gave energy (repeatable; replaces the list; "" clears it)',
    )
    edit.add_argument(
        "--drained-by",
        action="append",
        metavar="TEXT",
        help='what took energy (repeatable; replaces the list; "" clears it)',
    )
    edit.set_defaults(handler=energy_edit)
    remove = energy_sub.add_parser("remove", help="remove a logged day", parents=[common])
    remove.add_argument("date", metavar="DATE", help="the day, e.g. 2026-12-08 or yesterday")
    remove.set_defaults(handler=energy_remove)
    show = energy_sub.add_parser("show", help="list recent entries", parents=[common])
    show.add_argument("--days", type=int, default=14, metavar="N", help="how far back (14)")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=energy_show)
    check = energy_sub.add_parser(
        "check", help="the eventual-quid-pro-quo verdict", parents=[common]
    )
    check.add_argument("--json", action="store_true")
    check.set_defaults(handler=energy_check)
    work = energy_sub.add_parser("work", help="energizing work", parents=[common])
    work_sub = work.add_subparsers(title="work commands", metavar="ACTION", required=True)
    work_add = work_sub.add_parser("add", help="log energizing work", parents=[common])
    work_add.add_argument("title", metavar="TITLE")
    work_add.add_argument("--date", dest="day", metavar="DATE")
    work_add.add_argument("--hours", default="1", metavar="H", help="hours (1)")
    work_add.add_argument(
        "--kind",
        default="other",
        help="coding | coaching | exploring | optimizing | speaking | writing | other",
    )
    work_add.add_argument("--creates-work-for-other-teams", action="store_true")
    work_add.set_defaults(handler=energy_work_add)
    work_list = work_sub.add_parser("list", help="list energizing work", parents=[common])
    work_list.add_argument("--json", action="store_true")
    work_list.set_defaults(handler=energy_work_list)
    work_edit = work_sub.add_parser(
        "edit", help="change a piece of energizing work (see `work list` for ids)", parents=[common]
    )
    work_edit.add_argument("id", metavar="ID", type=record_id)
    work_edit.add_argument("--title", metavar="TITLE")
    work_edit.add_argument("--date", dest="day", metavar="DATE")
    work_edit.add_argument("--hours", metavar="H")
    work_edit.add_argument("--kind", help="coding | coaching | exploring | … | other")
    work_edit.add_argument(
        "--creates-work-for-other-teams", dest="creates_work", action="store_const", const=True
    )
    work_edit.add_argument(
        "--creates-no-work", dest="creates_work", action="store_const", const=False
    )
    work_edit.set_defaults(handler=energy_work_edit, creates_work=None)
    work_remove = work_sub.add_parser(
        "remove", help="remove a piece of energizing work", parents=[common]
    )
    work_remove.add_argument("id", metavar="ID", type=record_id)
    work_remove.set_defaults(handler=energy_work_remove)

    # The team's energy: what you observe of each report, and pushes to recharge after.
    observe = energy_sub.add_parser(
        "observe", help="what you observe of a report's energy (private)", parents=[common]
    )
    observe.add_argument("person", metavar="PERSON")
    observe.add_argument("level", metavar="LEVEL", help="1 (drained) to 5 (energized)")
    observe.add_argument("note", metavar="NOTE", nargs="?", help="what you noticed")
    observe.add_argument("--date", metavar="DATE", help="the day observed (today)")
    observe.set_defaults(handler=energy_observe)
    unobserve = energy_sub.add_parser(
        "unobserve", help="remove an energy observation", parents=[common]
    )
    unobserve.add_argument("person", metavar="PERSON")
    unobserve.add_argument("--date", metavar="DATE", help="the day observed (today)")
    unobserve.set_defaults(handler=energy_unobserve)
    push = energy_sub.add_parser(
        "push", help="mark a launch or push the team recharges after", parents=[common]
    )
    push.add_argument("name", metavar="NAME")
    push.add_argument("--date", metavar="DATE", help="the day it ended (today)")
    push.set_defaults(handler=energy_push)
    team = energy_sub.add_parser(
        "team", help="each report's observed energy, trend and flag", parents=[common]
    )
    team.add_argument("--json", action="store_true", help="print one JSON document")
    team.set_defaults(handler=energy_team)
    # The quarter review: the verdict, the four questions, a decision date.
    review = energy_sub.add_parser(
        "review",
        help="the quarter's verdict, the four questions, a decision date",
        parents=[common],
    )
    review.add_argument("--quarter", metavar="Q", help="e.g. 2026-Q4 (this quarter)")
    review.add_argument("--learning", metavar="TEXT", help="is your rate of learning still high?")
    review.add_argument(
        "--deenergized", metavar="TEXT", help="are you consistently de-energized by your work?"
    )
    review.add_argument(
        "--closing", metavar="TEXT", help="can you still authentically close candidates?"
    )
    review.add_argument(
        "--leaving", metavar="TEXT", help="would leaving in six months do more damage than today?"
    )
    review.add_argument("--decide", metavar="DATE", help="a decision date (- clears it)")
    review.set_defaults(handler=energy_review)


# ----------------------------------------------------------------------
# `leadtui energy observe|unobserve|push|team`: the team's energy.


FLAG_WORDS = {"falling": "falling three times in a row", "low": "staying at 2 or below"}


def energy_observe(args: argparse.Namespace) -> int:
    """Record what you observe of a report's energy."""
    from leadtui.domain.text import literal
    from leadtui.services.team_energy import observe

    person, store = person_and_store(args)
    saved = observe(
        store, person, today_from_env(), level=args.level, note=args.note or "", day=args.date
    )
    note(saved.notice)
    o = saved.observation
    linked = " (linked to the 1:1 held that day)" if o.session_id else ""
    words = f": {literal(o.note)}" if o.note else ""
    echo(f"observed {person.display_name} on {o.day.isoformat()}: {o.level}{words}{linked}")
    return 0


def energy_unobserve(args: argparse.Namespace) -> int:
    """Remove an observation."""
    from leadtui.services.team_energy import remove_observation

    person, store = person_and_store(args)
    gone = remove_observation(store, person, today_from_env(), args.date)
    echo(f"removed the observation of {person.display_name} on {gone.day.isoformat()}")
    return 0


def energy_push(args: argparse.Namespace) -> int:
    """Mark a launch or other push the team should recharge after."""
    from leadtui.domain.text import literal
    from leadtui.services.team_energy import mark_push

    push = mark_push(open_store(args), today_from_env(), name=args.name, day=args.date)
    day = push.day.isoformat()
    echo(f"marked {literal(push.name)} on {day}: slack time is suggested for two weeks")
    return 0


def energy_team(args: argparse.Namespace) -> int:
    """The team view: each report's last observation, trend and flag."""
    from leadtui.domain.text import literal
    from leadtui.export.json import team_energy_json
    from leadtui.services.team_energy import team_energy

    today = today_from_env()
    view = team_energy(
        open_store(args, create=False), today, settings_for(args).review.half_start_month
    )
    if args.json:
        echo_json(team_energy_json(view))
        return 0
    if not view.reports:
        echo("no reports yet; add one with `leadtui people add NAME --relation report`")
    for report in view.reports:
        name = literal(report.person.name)
        if report.last is None:
            echo(f"{name}: not observed yet")
            continue
        trend = " ".join(str(o.level) for o in report.trend) or "-"
        flagged = f"  ⚑ {FLAG_WORDS[report.flag.value]}" if report.flag else ""
        echo(
            f"{name}: {report.last.level} on {report.last.day.isoformat()} · "
            f"90 days: {trend}{flagged}"
        )
    if view.advice:
        echo(view.advice)
    return 0


# ----------------------------------------------------------------------
# `leadtui energy review`: the quarter's verdict and trend, the four questions' answers


# flag destination -> field
_FLAGS = {
    "learning": "learning",
    "deenergized": "deenergized",
    "closing": "closing",
    "leaving": "leaving",
    "decide": "decision_on",
}


def energy_review(args: argparse.Namespace) -> int:
    """Show the quarter review; the flags given set answers (the rest are kept)."""
    from leadtui.domain.text import literal
    from leadtui.services.quarter_review import answer_quarter, review_quarter

    today = today_from_env()
    given = {field: getattr(args, flag) for flag, field in _FLAGS.items()}
    given = {field: value for field, value in given.items() if value is not None}
    settings = settings_for(args)
    store = open_store(args, create=bool(given))
    if given:
        answer_quarter(store, args.quarter, today, **given)
    view = review_quarter(store, args.quarter, today, settings.energy)
    q = view.review.quarter
    echo(f"quarter review {q.label} ({q.start.isoformat()} to {q.end.isoformat()})")
    echo(
        f"is there a trend of good days? {q.trend_answer.value}: "
        f"{plural(q.stats.entries, 'entry', 'entries')} "
        f"({q.coverage:.0%} of days), {q.good_share:.0%} good, direction {q.direction}"
    )
    echo(f"verdict today: {view.review.verdict.state.value}")
    for question, answer in view.answers.answered():
        echo(f"{question} {literal(answer) if answer else '(not answered)'}")
    if view.answers.decision_on is not None:
        echo(f"decision date: {view.answers.decision_on.isoformat()}")
    return 0
