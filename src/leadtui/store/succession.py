"""Succession repositories: rows in, rows out. Which status may follow which, what a
focus area may be given for and every check live in domain.succession and
services.succession."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from leadtui.domain.dates import timestamp
from leadtui.domain.privacy import Visibility
from leadtui.domain.succession import (
    Audit,
    AuditDecision,
    Candidate,
    CareerPlan,
    CareerStatus,
    CeoKind,
    CeoNote,
    Cover,
    FocusArea,
    Gap,
    GapChange,
    GapStatus,
    Meeting,
    MeetingKind,
    MeetingRole,
    Milestone,
    Readiness,
    Vacation,
)
from leadtui.store.database import write_transaction

if TYPE_CHECKING:
    from leadtui.store.database import Store


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


_GAP = "id, person_id, text, status, noted_on, feedback_id, point_id, visibility"


class SuccessionRepository:
    """Gaps, focus areas, the bench and the CEO log."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # gaps ---------------------------------------------------------------------------

    def gaps(self, person_id: int | None = None) -> list[Gap]:
        """Gaps of one person (or everyone), numbered per person in the order noted."""
        where, params = ("where person_id = ?", [person_id]) if person_id is not None else ("", [])
        rows = self.store.execute(
            f"select {_GAP} from succession_gap {where} order by person_id, id", params
        ).fetchall()
        found: list[Gap] = []
        counts: dict[int, int] = {}
        for gid, pid, text, status, noted, fid, point, vis in rows:
            counts[pid] = counts.get(pid, 0) + 1
            found.append(
                Gap(
                    int(gid),
                    int(pid),
                    counts[pid],
                    text,
                    GapStatus(status),
                    date.fromisoformat(noted),
                    fid,
                    point,
                    Visibility(vis),
                )
            )
        return found

    def add_gap(
        self,
        person_id: int,
        text: str,
        noted_on: date,
        visibility: Visibility,
        feedback_id: int | None = None,
        point_id: int | None = None,
    ) -> int:
        """Write a gap (open) and its first dated status; its id."""
        with write_transaction(self.store):
            cursor = self.store.execute(
                "insert into succession_gap (person_id, text, status, noted_on, feedback_id, "
                "point_id, visibility, created_at) values (?, ?, 'open', ?, ?, ?, ?, ?)",
                [
                    person_id,
                    text,
                    noted_on.isoformat(),
                    feedback_id,
                    point_id,
                    visibility.value,
                    timestamp(),
                ],
            )
            gap_id = int(cursor.lastrowid or 0)
            self.store.execute(
                "insert into succession_gap_change (gap_id, changed_on, status) "
                "values (?, ?, 'open')",
                [gap_id, noted_on.isoformat()],
            )
        return gap_id

    def set_gap_status(self, gap_id: int, status: GapStatus, on: date) -> None:
        """Store a gap's new status and the dated change."""
        with write_transaction(self.store):
            self.store.execute(
                "update succession_gap set status = ? where id = ?", [status.value, gap_id]
            )
            self.store.execute(
                "insert into succession_gap_change (gap_id, changed_on, status) values (?, ?, ?)",
                [gap_id, on.isoformat(), status.value],
            )

    def update_gap(self, gap_id: int, text: str, visibility: Visibility) -> None:
        """Store a gap's words and who may read them."""
        with write_transaction(self.store):
            self.store.execute(
                "update succession_gap set text = ?, visibility = ? where id = ?",
                [text, visibility.value, gap_id],
            )

    def delete_gap(self, gap_id: int) -> None:
        """Delete a gap with its dated changes; a focus area taken from it keeps its
        words and loses the link."""
        with write_transaction(self.store):
            self.store.execute(
                "update succession_focus set gap_id = null where gap_id = ?", [gap_id]
            )
            self.store.execute("delete from succession_gap_change where gap_id = ?", [gap_id])
            self.store.execute("delete from succession_gap where id = ?", [gap_id])

    def gap_changes(self, gap_ids: list[int]) -> list[GapChange]:
        """The dated changes of these gaps, oldest first."""
        if not gap_ids:
            return []
        marks = ", ".join("?" for _ in gap_ids)
        rows = self.store.execute(
            "select gap_id, changed_on, status from succession_gap_change "
            f"where gap_id in ({marks}) order by changed_on, id",
            gap_ids,
        ).fetchall()
        return [GapChange(int(g), date.fromisoformat(d), GapStatus(s)) for g, d, s in rows]

    # focus areas --------------------------------------------------------------------

    def focus(self, half: str | None = None, person_id: int | None = None) -> list[FocusArea]:
        """Focus areas, of a half and/or a person, oldest first."""
        rows = self.store.execute(
            "select id, person_id, half, text, gap_id, agreed_on from succession_focus "
            "where (? is null or half = ?) and (? is null or person_id = ?) order by half, id",
            [half, half, person_id, person_id],
        ).fetchall()
        return [
            FocusArea(int(i), int(p), h, t, g, date.fromisoformat(a)) for i, p, h, t, g, a in rows
        ]

    def add_focus(
        self, person_id: int, half: str, text: str, gap_id: int | None, agreed_on: date
    ) -> int:
        """Write a focus area; its id."""
        with write_transaction(self.store):
            cursor = self.store.execute(
                "insert into succession_focus (person_id, half, text, gap_id, agreed_on) "
                "values (?, ?, ?, ?, ?)",
                [person_id, half, text, gap_id, agreed_on.isoformat()],
            )
        return int(cursor.lastrowid or 0)

    def update_focus(self, focus_id: int, text: str) -> None:
        """Store a focus area's words."""
        with write_transaction(self.store):
            self.store.execute(
                "update succession_focus set text = ? where id = ?", [text, focus_id]
            )

    def delete_focus(self, focus_id: int) -> None:
        """Delete a focus area."""
        with write_transaction(self.store):
            self.store.execute("delete from succession_focus where id = ?", [focus_id])

    # the bench ----------------------------------------------------------------------

    def candidates(self) -> list[Candidate]:
        """Every candidate row."""
        rows = self.store.execute(
            "select person_id, readiness, pending, interim, reviewed_on, designated_on "
            "from succession_candidate order by person_id"
        ).fetchall()
        return [
            Candidate(
                int(p),
                Readiness(r),
                pend,
                bool(i),
                date.fromisoformat(rev),
                date.fromisoformat(des),
            )
            for p, r, pend, i, rev, des in rows
        ]

    def save_candidate(self, candidate: Candidate) -> None:
        """Write a candidate row as given (insert or replace)."""
        with write_transaction(self.store):
            self.store.execute(
                "insert into succession_candidate (person_id, readiness, pending, interim, "
                "reviewed_on, designated_on) values (?, ?, ?, ?, ?, ?) "
                "on conflict(person_id) do update set readiness = excluded.readiness, "
                "pending = excluded.pending, interim = excluded.interim, "
                "reviewed_on = excluded.reviewed_on",
                [
                    candidate.person_id,
                    candidate.readiness.value,
                    candidate.pending,
                    int(candidate.interim),
                    candidate.reviewed_on.isoformat(),
                    candidate.designated_on.isoformat(),
                ],
            )

    def clear_interim(self, except_id: int) -> None:
        """Take the interim flag from everyone but ``except_id``."""
        with write_transaction(self.store):
            self.store.execute(
                "update succession_candidate set interim = 0 where person_id != ?", [except_id]
            )

    def remove_candidate(self, person_id: int) -> None:
        """Delete a candidate row."""
        with write_transaction(self.store):
            self.store.execute("delete from succession_candidate where person_id = ?", [person_id])

    # CEO log ------------------------------------------------------------------------

    def ceo_log(self) -> list[CeoNote]:
        """The CEO log, oldest first."""
        rows = self.store.execute(
            "select id, noted_on, text, person_id, kind, visibility from succession_ceo_note "
            "order by noted_on, id"
        ).fetchall()
        return [
            CeoNote(int(i), date.fromisoformat(d), t, p, CeoKind(k), Visibility(v))
            for i, d, t, p, k, v in rows
        ]

    def add_ceo_note(
        self,
        noted_on: date,
        text: str,
        person_id: int | None,
        kind: CeoKind,
        visibility: Visibility,
    ) -> int:
        """Write a CEO log entry; its id."""
        with write_transaction(self.store):
            cursor = self.store.execute(
                "insert into succession_ceo_note (noted_on, text, person_id, kind, visibility, "
                "created_at) values (?, ?, ?, ?, ?, ?)",
                [noted_on.isoformat(), text, person_id, kind.value, visibility.value, timestamp()],
            )
        return int(cursor.lastrowid or 0)

    def update_ceo_note(self, note: CeoNote) -> None:
        """Store a CEO log entry's day, words, kind and visibility as given."""
        with write_transaction(self.store):
            self.store.execute(
                "update succession_ceo_note set noted_on = ?, text = ?, kind = ?, "
                "visibility = ? where id = ?",
                [
                    note.noted_on.isoformat(),
                    note.text,
                    note.kind.value,
                    note.visibility.value,
                    note.id,
                ],
            )

    def delete_ceo_note(self, note_id: int) -> None:
        """Delete a CEO log entry."""
        with write_transaction(self.store):
            self.store.execute("delete from succession_ceo_note where id = ?", [note_id])


class MeetingRepository:
    """Recurring meetings and their quarterly audits."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def meetings(self) -> list[Meeting]:
        """Every meeting, active first, by name."""
        rows = self.store.execute(
            "select id, name, cadence, kind, my_role, active from recurring_meeting "
            "order by active desc, name collate nocase, id"
        ).fetchall()
        return [
            Meeting(int(i), n, c, MeetingKind(k), MeetingRole(r), bool(a))
            for i, n, c, k, r, a in rows
        ]

    def add(self, name: str, cadence: str | None, kind: MeetingKind, role: MeetingRole) -> int:
        """Write a meeting; its id."""
        with write_transaction(self.store):
            cursor = self.store.execute(
                "insert into recurring_meeting (name, cadence, kind, my_role, created_at) "
                "values (?, ?, ?, ?, ?)",
                [name, cadence, kind.value, role.value, timestamp()],
            )
        return int(cursor.lastrowid or 0)

    def update(self, meeting: Meeting) -> None:
        """Store a meeting's name, cadence, kind and my role as given."""
        with write_transaction(self.store):
            self.store.execute(
                "update recurring_meeting set name = ?, cadence = ?, kind = ?, my_role = ? "
                "where id = ?",
                [meeting.name, meeting.cadence, meeting.kind.value, meeting.role.value, meeting.id],
            )

    def delete(self, meeting_id: int) -> None:
        """Delete a meeting with every decision taken on it."""
        with write_transaction(self.store):
            self.store.execute("delete from meeting_audit where meeting_id = ?", [meeting_id])
            self.store.execute("delete from recurring_meeting where id = ?", [meeting_id])

    def delete_audit(self, audit_id: int) -> None:
        """Delete one quarter's decision on a meeting."""
        with write_transaction(self.store):
            self.store.execute("delete from meeting_audit where id = ?", [audit_id])

    def audits(self) -> list[Audit]:
        """Every audit decision, oldest quarter first."""
        rows = self.store.execute(
            "select id, meeting_id, quarter, decision, delegate_id, missing, plan, decided_on "
            "from meeting_audit order by quarter, meeting_id"
        ).fetchall()
        return [
            Audit(int(i), int(m), q, AuditDecision(d), dl, mi, pl, date.fromisoformat(on))
            for i, m, q, d, dl, mi, pl, on in rows
        ]

    def save_audit(self, audit: Audit) -> None:
        """Write a meeting's decision for a quarter, replacing an earlier one."""
        with write_transaction(self.store):
            self.store.execute(
                "insert into meeting_audit (meeting_id, quarter, decision, delegate_id, missing, "
                "plan, decided_on) values (?, ?, ?, ?, ?, ?, ?) "
                "on conflict(meeting_id, quarter) do update set decision = excluded.decision, "
                "delegate_id = excluded.delegate_id, missing = excluded.missing, "
                "plan = excluded.plan, decided_on = excluded.decided_on",
                [
                    audit.meeting_id,
                    audit.quarter,
                    audit.decision.value,
                    audit.delegate_id,
                    audit.missing,
                    audit.plan,
                    audit.decided_on.isoformat(),
                ],
            )


class VacationRepository:
    """Vacations and what is handed over."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def vacations(self) -> list[Vacation]:
        """Every vacation with its covers, by start date."""
        covers: dict[int, list[Cover]] = {}
        for cid, vid, resp, pid in self.store.execute(
            "select id, vacation_id, responsibility, person_id from vacation_cover order by id"
        ).fetchall():
            covers.setdefault(int(vid), []).append(Cover(int(cid), int(vid), resp, pid))
        rows = self.store.execute(
            "select id, starts_on, ends_on, no_chiming_in from vacation order by starts_on"
        ).fetchall()
        return [
            Vacation(
                int(i),
                date.fromisoformat(s),
                date.fromisoformat(e),
                bool(n),
                tuple(covers.get(int(i), [])),
            )
            for i, s, e, n in rows
        ]

    def add(self, starts_on: date, ends_on: date, no_chiming_in: bool) -> int:
        """Write a vacation; its id."""
        with write_transaction(self.store):
            cursor = self.store.execute(
                "insert into vacation (starts_on, ends_on, no_chiming_in, created_at) "
                "values (?, ?, ?, ?)",
                [starts_on.isoformat(), ends_on.isoformat(), int(no_chiming_in), timestamp()],
            )
        return int(cursor.lastrowid or 0)

    def update(self, vacation_id: int, starts_on: date, ends_on: date, no_chiming_in: bool) -> None:
        """Store a vacation's days and pledge."""
        with write_transaction(self.store):
            self.store.execute(
                "update vacation set starts_on = ?, ends_on = ?, no_chiming_in = ? where id = ?",
                [starts_on.isoformat(), ends_on.isoformat(), int(no_chiming_in), vacation_id],
            )

    def delete(self, vacation_id: int) -> None:
        """Delete a vacation with everything handed over for it."""
        with write_transaction(self.store):
            self.store.execute("delete from vacation_cover where vacation_id = ?", [vacation_id])
            self.store.execute("delete from vacation where id = ?", [vacation_id])

    def update_cover(self, cover_id: int, responsibility: str, person_id: int | None) -> None:
        """Store a hand-over's responsibility and who covers it."""
        with write_transaction(self.store):
            self.store.execute(
                "update vacation_cover set responsibility = ?, person_id = ? where id = ?",
                [responsibility, person_id, cover_id],
            )

    def delete_cover(self, cover_id: int) -> None:
        """Delete one hand-over."""
        with write_transaction(self.store):
            self.store.execute("delete from vacation_cover where id = ?", [cover_id])

    def save_cover(self, vacation_id: int, responsibility: str, person_id: int | None) -> None:
        """Hand a responsibility to someone (or list it uncovered), replacing the delegate
        of the same responsibility (any case)."""
        with write_transaction(self.store):
            self.store.execute(
                "insert into vacation_cover (vacation_id, responsibility, person_id) "
                "values (?, ?, ?) on conflict(vacation_id, lower(responsibility)) "
                "do update set person_id = excluded.person_id",
                [vacation_id, responsibility, person_id],
            )


_PLAN = (
    "id, person_id, goal, aligned_up_on, aligned_up_note, status, test_run, test_run_on, "
    "test_result"
)


class CareerRepository:
    """Career paths and their milestones."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def _plan(self, row: tuple[Any, ...]) -> CareerPlan:
        pid, person_id, goal, aligned, note, status, run, run_on, result = row
        milestones = self.store.execute(
            "select id, text, target_on, met_on from career_milestone where plan_id = ? "
            "order by id",
            [pid],
        ).fetchall()
        return CareerPlan(
            int(pid),
            int(person_id),
            goal,
            _day(aligned),
            note,
            CareerStatus(status),
            run,
            _day(run_on),
            result,
            tuple(
                Milestone(int(mid), n, text, _day(target), _day(met))
                for n, (mid, text, target, met) in enumerate(milestones, start=1)
            ),
        )

    def plans(self) -> list[CareerPlan]:
        """Every career plan."""
        rows = self.store.execute(f"select {_PLAN} from career_plan order by id").fetchall()
        return [self._plan(r) for r in rows]

    def plan_for(self, person_id: int) -> CareerPlan | None:
        """The person's plan, or None."""
        row = self.store.execute(
            f"select {_PLAN} from career_plan where person_id = ?", [person_id]
        ).fetchone()
        return self._plan(row) if row else None

    def save_plan(self, plan: CareerPlan) -> CareerPlan:
        """Write a plan's fields as given (insert or update by person); its stored form."""
        values = [
            plan.goal,
            _iso(plan.aligned_up_on),
            plan.aligned_up_note,
            plan.status.value,
            plan.test_run,
            _iso(plan.test_run_on),
            plan.test_result,
        ]
        with write_transaction(self.store):
            self.store.execute(
                "insert into career_plan (person_id, goal, aligned_up_on, aligned_up_note, "
                "status, test_run, test_run_on, test_result, created_at) "
                "values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict(person_id) do update set "
                "goal = excluded.goal, aligned_up_on = excluded.aligned_up_on, "
                "aligned_up_note = excluded.aligned_up_note, status = excluded.status, "
                "test_run = excluded.test_run, test_run_on = excluded.test_run_on, "
                "test_result = excluded.test_result",
                [plan.person_id, *values, timestamp()],
            )
        saved = self.plan_for(plan.person_id)
        assert saved is not None
        return saved

    def add_milestone(self, plan_id: int, text: str, target_on: date | None) -> None:
        """Write a milestone."""
        with write_transaction(self.store):
            self.store.execute(
                "insert into career_milestone (plan_id, text, target_on) values (?, ?, ?)",
                [plan_id, text, _iso(target_on)],
            )

    def set_met(self, milestone_id: int, on: date) -> None:
        """Store the day a milestone was met."""
        with write_transaction(self.store):
            self.store.execute(
                "update career_milestone set met_on = ? where id = ?",
                [on.isoformat(), milestone_id],
            )

    def update_milestone(self, milestone_id: int, text: str, target_on: date | None) -> None:
        """Store a milestone's words and target."""
        with write_transaction(self.store):
            self.store.execute(
                "update career_milestone set text = ?, target_on = ? where id = ?",
                [text, _iso(target_on), milestone_id],
            )

    def delete_milestone(self, milestone_id: int) -> None:
        """Delete a milestone (the ones after it move up a number)."""
        with write_transaction(self.store):
            self.store.execute("delete from career_milestone where id = ?", [milestone_id])

    def delete_plan(self, plan_id: int) -> None:
        """Delete a career plan with its milestones."""
        with write_transaction(self.store):
            self.store.execute("delete from career_milestone where plan_id = ?", [plan_id])
            self.store.execute("delete from career_plan where id = ?", [plan_id])
