"""Forms of the Rotations screen: a new capacity, a roster entry, the weekly hosts.

Each is the generic draft form (:mod:`leadtui.tui.dialogs.forms`) over the draft the
command line validates with too, so a refused field is the one outlined and focused,
and what was typed stays.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import ClassVar

from leadtui.domain.dates import WEEKDAYS
from leadtui.domain.people import Person
from leadtui.domain.rotations import (
    DEFAULT_SEATS,
    DEFAULT_TERM,
    SEATS_MAX,
    SEATS_MIN,
    TERM_MAX,
    TERM_MIN,
    Capacity,
    Member,
)
from leadtui.domain.rotations_input import CapacityDraft, HostTeamDraft, RosterEntryDraft
from leadtui.services.hosts import HostSchedule
from leadtui.services.rotations import RosterChanged
from leadtui.tui.dialogs.forms import FieldSpec, Kind, SaveDraftForm, weekly_slot_fields


class CapacityForm(SaveDraftForm[CapacityDraft, Capacity]):
    """A new capacity: its name, what it is, term, seats and their offset, first day,
    exposure. At 80x24 the fields scroll; a refusal stays in view below them."""

    FORM_ID = "capacity-form"
    DRAFT = CapacityDraft
    SPEC: ClassVar[Mapping[str, FieldSpec]] = {
        "name": FieldSpec("Name", placeholder="the process served, e.g. Incident Review"),
        "description": FieldSpec(
            "Description",
            placeholder="what serving means (the team's exports show it)",
            when_blank=None,
        ),
        "term_months": FieldSpec(
            "Term (months)", placeholder=f"{TERM_MIN}–{TERM_MAX}", default=str(DEFAULT_TERM)
        ),
        "seats": FieldSpec(
            "Seats",
            placeholder=f"{SEATS_MIN}–{SEATS_MAX} people serving at once",
            default=str(DEFAULT_SEATS),
        ),
        "offset_months": FieldSpec(
            "Offset", placeholder="months between seats; blank: term ÷ seats", when_blank=None
        ),
        "starts_on": FieldSpec(
            "First term", placeholder="blank: today; 2027-01-04, next monday …", when_blank=None
        ),
        "exposure": FieldSpec(
            "Exposure", placeholder="e.g. joins the quarterly planning review", when_blank=None
        ),
    }

    def __init__(self, save: Callable[[CapacityDraft], Capacity], today: date) -> None:
        super().__init__("New capacity", save, today=today)


class RosterEntryForm(SaveDraftForm[RosterEntryDraft, RosterChanged]):
    """Put someone on a roster, or change their dates: who, when they join and leave."""

    FORM_ID = "roster-form"
    DRAFT = RosterEntryDraft
    SPEC: ClassVar[Mapping[str, FieldSpec]] = {
        "person": FieldSpec("Person", Kind.SELECT),
        "joined_on": FieldSpec("Joins", placeholder="blank: now; or 2027-01-04 …", when_blank=None),
        "leaves_on": FieldSpec("Leaves", placeholder="blank: no end; or a date", when_blank=None),
    }

    def __init__(
        self,
        title: str,
        save: Callable[[RosterEntryDraft], RosterChanged],
        people: Sequence[Person],
        today: date,
        member: Member | None = None,
    ) -> None:
        """``people`` are the choices (one when changing ``member``'s dates)."""
        values: dict[str, object] = {"person": str(people[0].id)}
        if member is not None:
            values |= {"joined_on": member.joined_on, "leaves_on": member.leaves_on}
        super().__init__(title, save, today=today, values=values)
        # The person's id is what is handed on: two people may share a name.
        self.choices = tuple((p.display_name, str(p.id)) for p in people)

    @property
    def spec(self) -> Mapping[str, FieldSpec]:
        """The person field offers this form's people."""
        return {**self.SPEC, "person": FieldSpec("Person", Kind.SELECT, choices=self.choices)}


class HostsForm(SaveDraftForm[HostTeamDraft, HostSchedule]):
    """The weekly leadership meeting: who hosts it in turn, on which day, when."""

    FORM_ID = "hosts-form"
    # The use case refuses a host (unknown, listed twice, you) without naming this field.
    REFUSAL_FIELD = "people"
    DRAFT = HostTeamDraft
    SPEC: ClassVar[Mapping[str, FieldSpec]] = {
        "people": FieldSpec("Hosts", placeholder="names in hosting order, separated by commas"),
        **weekly_slot_fields("09:00"),
    }

    def __init__(
        self,
        save: Callable[[HostTeamDraft], HostSchedule],
        today: date,
        hosts: HostSchedule,
        names: Sequence[str] = (),
    ) -> None:
        """Starts from the order in force, if there is one; each host's name completes
        from ``names``."""
        values: dict[str, object] = {}
        current = hosts.rotation
        if current is not None:
            values = {
                "people": ", ".join(hosts.name_of(p) for p in current.members),
                "weekday": WEEKDAYS[current.weekday],
                "at_time": current.at_time,
                "minutes": str(current.minutes),
            }
        super().__init__(
            "Leadership meeting hosts",
            save,
            today=today,
            values=values,
            note="Your leadership team hosts in turn from today, never you; "
            "the weeks before keep their hosts.",
        )
        self.names = tuple(names)

    @property
    def spec(self) -> Mapping[str, FieldSpec]:
        """The hosts field completes the name being typed after each comma."""
        hosts = replace(self.SPEC["people"], names=self.names, names_after=r"(^|,)")
        return {**self.SPEC, "people": hosts}
