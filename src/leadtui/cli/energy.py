"""`leadtui energy`: the daily journal, its verdict and energizing work."""

from __future__ import annotations

from typing import TYPE_CHECKING

from leadtui.cli.common import echo, open_store, settings_for, today_from_env
from leadtui.errors import InputError

if TYPE_CHECKING:
    import argparse


def energy_log(args: argparse.Namespace) -> int:
    from leadtui.domain.energy import level_kind
    from leadtui.domain.energy_input import EnergyLogDraft
    from leadtui.domain.validation import build
    from leadtui.store.energy import EnergyRepository

    draft = build(
        EnergyLogDraft,
        today=today_from_env(),
        level=args.level,
        day=args.date,
        note=args.note,
        energized_by=args.energized_by or (),
        drained_by=args.drained_by or (),
    )
    entry, previous = EnergyRepository(open_store(args)).log(draft)
    kind = level_kind(entry.level, settings_for(args).energy)
    if previous is None:
        echo(f"logged {entry.level} ({kind}) for {entry.day.isoformat()}")
    else:
        echo(
            f"updated {entry.day.isoformat()} from {previous.level} to {entry.level} ({kind}); "
            "one entry per day"
        )
    return 0


def energy_show(args: argparse.Namespace) -> int:
    from datetime import timedelta

    from leadtui.domain.energy import level_kind
    from leadtui.domain.text import literal
    from leadtui.store.energy import EnergyRepository

    if not 1 <= args.days <= 3660:
        raise InputError(f"--days must be 1–3660, got {args.days}")
    today = today_from_env()
    entries = EnergyRepository(open_store(args, create=False)).entries(
        today - timedelta(days=args.days - 1), today
    )
    thresholds = settings_for(args).energy
    if args.json:
        import json

        echo(
            json.dumps(
                [
                    {
                        "day": e.day.isoformat(),
                        "level": e.level,
                        "kind": level_kind(e.level, thresholds),
                        "note": e.note,
                        "energized_by": list(e.energized_by),
                        "drained_by": list(e.drained_by),
                    }
                    for e in entries
                ],
                ensure_ascii=False,
            )
        )
        return 0
    if not entries:
        echo(f"no entries in the last {args.days} days; log today with `leadtui energy log 4`")
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
        import json

        echo(json.dumps(verdict.to_json(), ensure_ascii=False))
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
    from leadtui.store.energy import EnergyRepository

    draft = build(
        WorkDraft,
        today=today_from_env(),
        title=args.title,
        day=args.date,
        hours=args.hours,
        kind=args.kind,
        creates_work_for_other_teams=args.creates_work_for_other_teams,
    )
    work = EnergyRepository(open_store(args)).add_work(draft)
    echo(
        f"logged {work.hours:g} h of {work.kind.value}: {literal(work.title)} "
        f"({work.day.isoformat()})"
    )
    if work.creates_work_for_other_teams:
        echo("warning: this creates work for other teams; energizing work should not")
    return 0


def energy_work_list(args: argparse.Namespace) -> int:
    from leadtui.domain.text import literal
    from leadtui.store.energy import EnergyRepository

    work = EnergyRepository(open_store(args, create=False)).work()
    if args.json:
        import json

        echo(
            json.dumps(
                [
                    {
                        "id": w.id,
                        "title": w.title,
                        "day": w.day.isoformat(),
                        "hours": w.hours,
                        "kind": w.kind.value,
                        "creates_work_for_other_teams": w.creates_work_for_other_teams,
                    }
                    for w in work
                ],
                ensure_ascii=False,
            )
        )
        return 0
    if not work:
        echo("no energizing work yet; add some with `leadtui energy work add TITLE --hours 2`")
    for w in work:
        flag = "  (creates work for other teams)" if w.creates_work_for_other_teams else ""
        echo(f"{w.day.isoformat()}  {w.hours:>4g} h  {w.kind.value:<10} {literal(w.title)}{flag}")
    return 0
