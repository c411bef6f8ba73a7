"""The record's content as typed structures: each field defined once, read from whatever was
stored (an older record, or a value of the wrong kind) and written back as the same JSON."""

import ast
import pathlib

import pytest

from cpconf.conference_records import record_content as parts
from tests.outcomes.records import review_content


def test_an_empty_record_reads_and_writes_the_same_json():
    empty = parts.empty_content([(1, "Lily"), (2, "Noah")])

    assert parts.RecordContent.from_json(empty).to_json() == empty
    assert [row["child_id"] for row in empty[parts.DECISIONS]["children"]] == [1, 2]


def test_a_stored_record_without_the_newer_fields_reads_them_as_empty():
    stored = {"participants": [{"name": "Dawn Hartwell", "kind": "parent"}]}

    person = parts.Introductions.from_json(stored).participants[0]

    assert person.attendance == parts.PRESENT and person.was_present
    assert (person.arrived_at, person.left_at, person.present_for, person.for_whom) == ("",) * 4


def test_values_of_the_wrong_kind_are_read_as_the_empty_answer():
    # (A child id or score saved as its digits, "1", is that number: tests/stored_json.)
    stored = {
        "children": [{"child_id": "Lily", "categories": "neglect", "unborn": "yes", "name": 3}],
        "dissent": "not a list",
    }

    decisions = parts.Decisions.from_json(stored)

    row = decisions.children[0]
    assert (row.child_id, row.categories, row.unborn, row.name) == (None, [], False, "")
    assert decisions.dissent == []


def test_every_field_the_checks_know_is_a_field_of_the_types():
    for key in parts.PART_KEYS:
        assert set(parts.PART_SHAPES[key]) == set(parts.PART_TYPES[key]().to_json())


@pytest.mark.django_db
def test_a_whole_review_record_reads_and_writes_back_unchanged_but_for_new_empty_fields(scene):
    stored = review_content(scene.conference)

    again = parts.RecordContent.from_json(stored).to_json()

    assert holds(again, stored)


def holds(written, stored) -> bool:
    """Everything stored is written back the same; fields the record did not have yet may
    be added, empty."""
    if isinstance(stored, dict):
        return isinstance(written, dict) and all(
            name in written and holds(written[name], value) for name, value in stored.items()
        )
    if isinstance(stored, list):
        same_length = isinstance(written, list) and len(written) == len(stored)
        return same_length and all(holds(w, s) for w, s in zip(written, stored, strict=True))
    return written == stored


SRC = pathlib.Path(parts.__file__).parents[1]
# Files that must read the record through the types, not by its keys.
TYPED_READERS = [
    "outcomes/minutes_layout.py",
    "outcomes/letters.py",
    "conference_records/quorum.py",
]
FIELD_KEYS = {"arrived_at", "left_at", "present_for", "for_whom", "chair_summary", "by_when"}


def test_the_minutes_and_the_quorum_name_no_field_as_a_string():
    """One definition per field: these files use attributes, never a field's key in quotes."""
    for name in TYPED_READERS:
        tree = ast.parse((SRC / name).read_text())
        strings = {
            node.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
        }
        assert not strings & FIELD_KEYS, name
