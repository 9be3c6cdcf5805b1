"""Agenda templates: the built-in ones, a user's TOML files, and applying one to the next
session (points already open skipped, one change one undo takes back)."""

from __future__ import annotations

from pathlib import Path

import pytest

from leadtui.domain.people import Relation
from leadtui.domain.people_input import PersonDraft
from leadtui.domain.templates_input import BUILTIN, FIRST_ONE_ON_ONE, TemplateDraft
from leadtui.errors import InputError, NotFoundError
from leadtui.imports.agenda_templates import catalog, read_template, templates_dir
from leadtui.services.oneonones import add_point, running_document
from leadtui.services.people import add_person
from leadtui.services.templates import apply_template, suiting_first
from leadtui.services.undo import undo
from leadtui.store.database import Store
from tests.helpers import TODAY


def _write(config: Path, name: str, text: str) -> Path:
    folder = templates_dir(config)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_builtin_templates_cover_the_known_conversations() -> None:
    names = {t.name for t in BUILTIN}
    assert names == {
        FIRST_ONE_ON_ONE,
        "career-wants-your-job",
        "skip-level",
        "new-peer",
        "t3b3-prep",
    }
    career = next(t for t in BUILTIN if t.name == "career-wants-your-job")
    # Align upward first, then the path: skills, a milestone, a test run after it.
    assert "align" in career.points[0].lower()
    assert next(i for i, p in enumerate(career.points) if "milestone" in p.lower()) < next(
        i for i, p in enumerate(career.points) if "test run" in p.lower()
    )
    peer = next(t for t in BUILTIN if t.name == "new-peer")
    assert "two weeks" in peer.description and peer.relation is Relation.PEER


def test_a_user_template_file_joins_the_builtin_ones(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "goals.toml",
        'name = "quarter-goals"\ndescription = "Goals for the quarter"\n'
        'relation = "report"\npoints = ["What went well", "What to change"]\n',
    )
    found = catalog(tmp_path)
    assert found.problems == ()
    own = found.named("quarter-goals")
    assert own.points == ("What went well", "What to change")
    assert own.relation is Relation.REPORT
    assert [t.name for t in found.templates][: len(BUILTIN)] == [t.name for t in BUILTIN]


def test_a_user_template_rewords_a_builtin_of_the_same_name(tmp_path: Path) -> None:
    _write(tmp_path, "mine.toml", 'name = "skip-level"\ndescription = "Mine"\npoints = ["Hi"]\n')
    assert catalog(tmp_path).named("skip-level").points == ("Hi",)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('name = "Bad Name"\ndescription = "x"\npoints = ["a"]\n', "lower-case words"),
        ('name = "ok"\ndescription = "x"\npoints = "a"\n', "must be a list of texts"),
        ('name = "ok"\ndescription = "x"\npoints = []\n', "points are empty"),
        ('name = "ok"\ndescription = "x"\npoints = ["a"]\nrelation = "boss"\n', "relation must"),
        ('name = "ok"\ndescription = "x"\npoints = ["a"]\ncolour = "red"\n', "unknown key"),
        ('name = "ok"\ndescription = \n', "not valid TOML"),
        ('name = "ok"\npoints = ["a"]\n', "description"),
    ],
)
def test_a_bad_template_file_is_refused_in_one_line_naming_it(
    tmp_path: Path, text: str, words: str
) -> None:
    path = _write(tmp_path, "bad.toml", text)
    with pytest.raises(InputError) as refused:
        read_template(path)
    message = str(refused.value)
    assert "'bad.toml'" in message and words in message and "\n" not in message
    # The other templates stay usable.
    found = catalog(tmp_path)
    assert len(found.problems) == 1 and len(found.templates) == len(BUILTIN)


def test_an_unknown_template_name_lists_the_names_there_are(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="skip-level"):
        catalog(tmp_path).named("nope")


def test_applying_adds_the_points_and_skips_those_already_open(db: Store) -> None:
    sam = add_person(db, PersonDraft(name="Sam", relation="report"))
    add_point(db, sam, TODAY, text="  who you should MEET in your first weeks ")
    template = next(t for t in BUILTIN if t.name == FIRST_ONE_ON_ONE)
    applied = apply_template(db, sam, TODAY, template)
    assert len(applied.added) == len(template.points) - 1
    assert applied.skipped == ("Who you should meet in your first weeks",)
    texts = [p.text for p in running_document(db, sam, TODAY).points]
    assert texts[0] == "who you should MEET in your first weeks"
    assert texts[1:] == [p for p in template.points if "meet" not in p]
    # Applied twice, nothing is added twice.
    again = apply_template(db, sam, TODAY, template)
    assert again.added == () and len(again.skipped) == len(template.points)


def test_one_undo_takes_the_whole_template_back(db: Store) -> None:
    sam = add_person(db, PersonDraft(name="Sam", relation="report"))
    apply_template(db, sam, TODAY, BUILTIN[0])
    undone = undo(db)
    assert undone is not None and FIRST_ONE_ON_ONE in undone.label
    assert running_document(db, sam, TODAY).points == []


def test_a_new_report_is_offered_the_first_one_on_one_until_a_session_is_held(
    db: Store,
) -> None:
    from leadtui.services.oneonones import hold_session

    sam = add_person(db, PersonDraft(name="Sam", relation="report"))
    peer = add_person(db, PersonDraft(name="Ade", relation="peer"))
    assert running_document(db, sam, TODAY).offer == FIRST_ONE_ON_ONE
    assert running_document(db, peer, TODAY).offer is None
    add_point(db, sam, TODAY, text="Hello")
    assert running_document(db, sam, TODAY).offer == FIRST_ONE_ON_ONE
    hold_session(db, sam, TODAY)
    assert running_document(db, sam, TODAY).offer is None


def test_templates_that_suit_the_relation_come_first() -> None:
    ordered = suiting_first(BUILTIN, Relation.PEER)
    assert ordered[0].name == "new-peer"
    assert isinstance(ordered[0], TemplateDraft)
