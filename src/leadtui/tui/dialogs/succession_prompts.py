"""The Succession screen's prompts: one typed line each, read into the draft its service
takes (``1 improving``, ``1y / ready pending the budget cycle``, ``Hiring / Ana``).

Each prompt words its title, placeholder and starting value from what it is given, reads
the line through the domain's drafts and hands the result to ``save``, which does the
write; a refusal from either stays in the prompt with what was typed. Names are resolved
through ``resolve``, also handed in, and completed from the ``names`` handed in, so a
prompt never touches the database itself.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, ClassVar, NamedTuple, TypeVar

from leadtui.domain.dates import Half
from leadtui.domain.people import Person
from leadtui.domain.succession import Gap, GapStatus, Meeting, Vacation
from leadtui.domain.text import literal
from leadtui.errors import InputError
from leadtui.services.succession import PersonSuccession
from leadtui.tui.dialogs.forms import DraftForm, FieldSpec

if TYPE_CHECKING:
    from leadtui.domain.succession_input import (
        AuditDraft,
        CandidateDraft,
        CeoDraft,
        CoverDraft,
        FocusDraft,
        GapDraft,
        GapStatusDraft,
        MeetingDraft,
        VacationDraft,
    )

D = TypeVar("D")
Resolve = Callable[[str], Person]


class LinePrompt(DraftForm[D, bool]):
    """One line of text, read into a ``D`` by :meth:`read`; ``save`` writes it and may
    refuse. True when saved, None when cancelled."""

    # The look of every one-line prompt (dialogs.tcss), as TextPrompt has it.
    FORM_ID = "text-prompt"
    REFUSAL_FIELD = "text"
    SPEC: ClassVar[Mapping[str, FieldSpec]] = {"text": FieldSpec("")}
    PLACEHOLDER: ClassVar[str] = ""
    # Where in the line a person's name starts (see NameSuggester), for prompts that
    # take one.
    NAMES_AFTER: ClassVar[str | None] = None

    def __init__(
        self,
        title: str,
        save: Callable[[D], object],
        *,
        value: str = "",
        today: date | None = None,
        names: Sequence[str] = (),
    ) -> None:
        super().__init__(title, today=today, values={"text": value})
        self.save = save
        self.names = tuple(names)

    @property
    def spec(self) -> Mapping[str, FieldSpec]:
        """One unlabelled field with this prompt's placeholder (and names to complete)."""
        return {
            "text": FieldSpec(
                "", placeholder=self.PLACEHOLDER, names=self.names, names_after=self.NAMES_AFTER
            )
        }

    def read(self, text: str) -> D:
        """The typed line as what ``save`` takes; an InputError refuses it."""
        raise NotImplementedError

    def draft(self) -> D:
        """The line as typed, read."""
        return self.read(str(self.typed()["text"]))

    def hand_over(self, draft: D) -> bool:
        """Hand what was read to ``save``."""
        self.save(draft)
        return True


class GapPrompt(LinePrompt["GapDraft"]):
    """What a report is missing to thrive in my role."""

    PLACEHOLDER = "what they are missing to thrive in your role"

    def __init__(self, person: Person, save: Callable[[GapDraft], object]) -> None:
        super().__init__(f"Gap for {person.display_name}", save)

    def read(self, text: str) -> GapDraft:
        """The gap's words."""
        from leadtui.domain.succession_input import GapDraft
        from leadtui.domain.validation import build

        return build(GapDraft, text=text)


class StatusChange(NamedTuple):
    """A gap's number and its new status."""

    number: int
    draft: GapStatusDraft


class GapStatusPrompt(LinePrompt[StatusChange]):
    """``N open|improving|closed``; the first open gap's next step is offered."""

    PLACEHOLDER = "N open | improving | closed"

    def __init__(
        self,
        person: Person,
        row: PersonSuccession | None,
        today: date,
        save: Callable[[StatusChange], object],
    ) -> None:
        first = next((g for g in (row.open_gaps if row else [])), None)
        value = ""
        if first is not None:
            after = GapStatus.IMPROVING if first.status is GapStatus.OPEN else GapStatus.CLOSED
            value = f"{first.number} {after.value}"
        super().__init__(f"Gap status for {person.display_name}", save, value=value, today=today)

    def read(self, text: str) -> StatusChange:
        """The number, then the status."""
        from leadtui.domain.succession_input import GapStatusDraft
        from leadtui.domain.validation import build

        number, _, status = text.strip().partition(" ")
        # ASCII digits, a few: "²" passes str.isdigit() but int() refuses it.
        if not (number.isascii() and number.isdigit() and len(number) <= 4):
            raise InputError("give the gap's number and its status, e.g. 1 improving", field="text")
        return StatusChange(
            int(number), build(GapStatusDraft, today=self.today, status=status.strip())
        )


class FocusChoice(NamedTuple):
    """A focus area in its own words, or an open gap's number when its words were kept."""

    draft: FocusDraft | None
    gap_number: int | None


class FocusPrompt(LinePrompt[FocusChoice]):
    """A focus area for this half; the first open gap's words are offered, and kept as
    they are they take that gap's number (the focus area is linked to it)."""

    def __init__(
        self, person: Person, half: Half, gap: Gap | None, save: Callable[[FocusChoice], object]
    ) -> None:
        title = f"Focus for {person.display_name}, {half.label}"
        super().__init__(title, save, value=gap.text if gap else "")
        self.gap = gap

    def read(self, text: str) -> FocusChoice:
        """The gap's number for its own words, else the words."""
        from leadtui.domain.succession_input import FocusDraft
        from leadtui.domain.validation import build

        gap = self.gap
        number = gap.number if gap and text.strip() == gap.text else None
        return FocusChoice(None if number else build(FocusDraft, text=text), number)


class CandidatePrompt(LinePrompt["CandidateDraft | None"]):
    """``now | 1y | 2y | later [/ ready pending …]``, or ``clear`` (None: off the bench)."""

    PLACEHOLDER = "now | 1y | 2y | later [/ ready pending …] or clear"

    def __init__(
        self,
        person: Person,
        row: PersonSuccession | None,
        save: Callable[[CandidateDraft | None], object],
    ) -> None:
        c = row.candidate if row else None
        value = (c.readiness.value + (f" / {c.pending}" if c.pending else "")) if c else ""
        super().__init__(f"Candidacy for {person.display_name}", save, value=value)

    def read(self, text: str) -> CandidateDraft | None:
        """The readiness and what it waits on, or None for ``clear``."""
        from leadtui.domain.succession_input import CandidateDraft, split_slash
        from leadtui.domain.validation import build

        if text.strip().lower() == "clear":
            return None
        readiness, pending = split_slash(text)
        # The line is the whole candidacy: without "/ …" the pending condition is off.
        return build(CandidateDraft, readiness=readiness or None, pending=pending or "")


class CeoPrompt(LinePrompt["CeoDraft"]):
    """Growth about a report raised with the CEO, dated today."""

    PLACEHOLDER = "the growth you raised, or the action taken"

    def __init__(self, person: Person, today: date, save: Callable[[CeoDraft], object]) -> None:
        super().__init__(f"CEO log: {person.display_name}", save, today=today)

    def read(self, text: str) -> CeoDraft:
        """The note's words."""
        from leadtui.domain.succession_input import CeoDraft
        from leadtui.domain.validation import build

        return build(CeoDraft, today=self.today, text=text)


class AuditLine(NamedTuple):
    """The quarter's decision for a meeting, and who runs it (for a delegation)."""

    draft: AuditDraft
    to: Person | None


class AuditPrompt(LinePrompt[AuditLine]):
    """One meeting of the quarter's audit: ``keep``, ``delegate Ana``, ``delegated Ana``,
    ``partner what is missing; the plan`` or ``cancel``."""

    PLACEHOLDER = "keep | delegate NAME | delegated NAME | partner MISSING; PLAN | cancel"
    NAMES_AFTER = r"^\s*delegated? "

    def __init__(
        self,
        meeting: Meeting,
        quarter: str,
        resolve: Resolve,
        save: Callable[[AuditLine], object],
        names: Sequence[str] = (),
    ) -> None:
        hard = " (hard to displace: keep is fine)" if meeting.kind.hard_to_displace else ""
        title = f"{quarter} audit: {literal(meeting.name)}{hard}"
        super().__init__(title, save, names=names)
        self.quarter = quarter
        self.resolve = resolve

    def read(self, text: str) -> AuditLine:
        """The decision and its words; a named person must be found first."""
        from leadtui.domain.succession_input import AuditDraft, audit_words
        from leadtui.domain.validation import build

        words = audit_words(text)
        to = self.resolve(words["to"]) if words["to"] else None
        draft = build(
            AuditDraft,
            decision=words["decision"],
            missing=words["missing"],
            plan=words["plan"],
            quarter=self.quarter,
        )
        return AuditLine(draft, to)


class MeetingPrompt(LinePrompt["MeetingDraft"]):
    """A recurring meeting: ``Name / kind`` (other when no kind is given)."""

    PLACEHOLDER = "Eng staff / leadership"

    def __init__(self, save: Callable[[MeetingDraft], object]) -> None:
        super().__init__("Recurring meeting", save)

    def read(self, text: str) -> MeetingDraft:
        """The name and the kind."""
        from leadtui.domain.succession_input import MeetingDraft, split_slash
        from leadtui.domain.validation import build

        name, kind = split_slash(text)
        return build(MeetingDraft, name=name, kind=kind or "other")


class VacationPrompt(LinePrompt["VacationDraft"]):
    """A vacation, ``START END``, planned with the no-chiming-in pledge."""

    PLACEHOLDER = "2027-07-05 2027-07-18"

    def __init__(self, today: date, save: Callable[[VacationDraft], object]) -> None:
        # The pledge is the draft's default, as on the command line.
        super().__init__("Vacation (with the no-chiming-in pledge)", save, today=today)

    def read(self, text: str) -> VacationDraft:
        """The first and the last day."""
        from leadtui.domain.succession_input import VacationDraft
        from leadtui.domain.validation import build

        start, _, end = text.strip().partition(" ")
        return build(
            VacationDraft,
            today=self.today,
            starts_on=start,
            ends_on=end.strip() or None,
        )


class Handover(NamedTuple):
    """A responsibility handed over for a vacation, and who covers it (None: nobody yet)."""

    draft: CoverDraft
    person: Person | None


class CoverPrompt(LinePrompt[Handover]):
    """A responsibility handed over for a vacation: ``Hiring / Ana``."""

    PLACEHOLDER = "Hiring decisions / Ana"
    # The name follows the first " / ", as split_slash reads the line.
    NAMES_AFTER = r"^.*? / "

    def __init__(
        self,
        vacation: Vacation,
        resolve: Resolve,
        save: Callable[[Handover], object],
        *,
        value: str = "",
        names: Sequence[str] = (),
    ) -> None:
        title = f"Hand over, from {vacation.starts_on.isoformat()}"
        super().__init__(title, save, value=value, names=names)
        self.resolve = resolve

    def read(self, text: str) -> Handover:
        """The responsibility, then who covers it; a named person must be found first."""
        from leadtui.domain.succession_input import CoverDraft, split_slash
        from leadtui.domain.validation import build

        responsibility, who = split_slash(text)
        person = self.resolve(who) if who else None
        return Handover(build(CoverDraft, responsibility=responsibility), person)


class EditPrompt(LinePrompt[D]):
    """Any one record put right: its current words offered, read by ``reader`` (a
    domain draft's door) and handed to ``save``."""

    def __init__(
        self,
        title: str,
        value: str,
        placeholder: str,
        reader: Callable[[str], D],
        save: Callable[[D], object],
    ) -> None:
        super().__init__(title, save, value=value)
        self.placeholder = placeholder
        self.reader = reader

    @property
    def spec(self) -> Mapping[str, FieldSpec]:
        """One unlabelled field with the record's placeholder."""
        return {"text": FieldSpec("", placeholder=self.placeholder)}

    def read(self, text: str) -> D:
        """The line, read by the record's reader."""
        return self.reader(text)
