"""Stored answers read whatever their age: a score or a child's id that forms once saved as
text is the same number to every reader; anything that is not a whole number is unanswered."""

import pytest

from cpconf.reports.report_content import Assessment


@pytest.mark.parametrize(
    ("stored", "read"),
    [
        *[(7, 7), ("7", 7), (" 7 ", 7), (0, 0), ("0", 0), (-1, -1)],
        *[(None, None), ("", None), ("seven", None), (True, None), (7.5, None), ("7.5", None)],
        ([7], None),
    ],
)
def test_a_score_is_read_from_a_number_or_its_digits(stored, read):
    part = Assessment.from_json({"children": [{"name": "Lily", "scaling": stored}]})

    assert part.children[0].scaling == read


def test_a_childs_id_saved_as_text_still_names_the_child():
    part = Assessment.from_json({"children": [{"child_id": "12", "name": "Lily"}]})

    assert part.children[0].child_id == 12
