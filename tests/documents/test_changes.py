import itertools
import time

import pytest

from cpconf.documents import DELETED, INSERTED, SAME, Segment, has_changes, word_changes

EXAMPLES = [
    ("Lily attends school.", "Lily attends school every day."),
    ("", "Noah started nursery in January."),
    ("Noah started nursery in January.", ""),
    ("", ""),
    ("Mum said: “he’s fine”.", "Mum said, “he’s fine!” (at the door)."),  # noqa: RUF001
    ("Seen on 03/04/2025 at 09:15.", "Seen on 04/04/2025 at 09:45, with Nanna."),
    ("Two  spaces and\ttabs.\n\nNew paragraph.", "Two spaces and tabs.\nSame paragraph.\n\n\n"),
    ("  leading and trailing  ", "leading and trailing"),
    ("The quick brown fox jumps", "A slow red dog sleeps"),
    ("well-being isn't good", "well-being is good"),
    ("One\r\ntwo", "One\ntwo"),
]


def _after(segments: list[Segment]) -> str:
    return "".join(s.text for s in segments if s.change != DELETED)


def _before(segments: list[Segment]) -> str:
    return "".join(s.text for s in segments if s.change != INSERTED)


@pytest.mark.parametrize(("before", "after"), EXAMPLES)
def test_the_marked_text_reads_as_the_new_version_and_as_the_old(before, after):
    segments = word_changes(before, after)

    assert _after(segments) == after
    assert _before(segments) == before


@pytest.mark.parametrize(("before", "after"), EXAMPLES)
def test_neighbouring_segments_of_the_same_kind_are_merged(before, after):
    segments = word_changes(before, after)

    assert all(segment.text for segment in segments)
    assert all(a.change != b.change for a, b in itertools.pairwise(segments))


def test_a_changed_word_is_one_deletion_and_one_insertion():
    segments = word_changes("Lily lives with her mother.", "Lily lives with her grandmother.")

    assert segments == [
        Segment("Lily lives with her "),
        Segment("mother", DELETED),
        Segment("grandmother", INSERTED),
        Segment("."),
    ]


def test_a_changed_phrase_reads_as_one_deletion_and_one_insertion():
    segments = word_changes("Attendance is poor and falling.", "Attendance has improved to 91%.")

    assert [s.change for s in segments] == [SAME, DELETED, INSERTED, SAME]
    assert segments[1].text == "is poor and falling"
    assert segments[2].text == "has improved to 91%"


def test_changed_punctuation_leaves_the_word_unmarked():
    segments = word_changes("She went to school.", "She went to school,")

    assert segments == [
        Segment("She went to school"),
        Segment(".", DELETED),
        Segment(",", INSERTED),
    ]


def test_words_added_at_the_end_do_not_mark_the_last_word_as_changed():
    segments = word_changes("Noah is happy", "Noah is happy at nursery")

    assert segments == [Segment("Noah is happy"), Segment(" at nursery", INSERTED)]


def test_words_added_at_the_start_of_a_paragraph_leave_the_rest_unmarked():
    before = "Lily is happy.\n\nLily is sleeping well."
    after = "Lily is happy.\n\nSince May Lily is sleeping well."

    assert word_changes(before, after) == [
        Segment("Lily is happy.\n\n"),
        Segment("Since May ", INSERTED),
        Segment("Lily is sleeping well."),
    ]


def test_unchanged_text_is_one_unmarked_segment():
    text = "No concerns identified.\n\nNot known."

    assert word_changes(text, text) == [Segment(text)]
    assert not has_changes(word_changes(text, text))


def test_any_insertion_or_deletion_counts_as_a_change():
    assert has_changes(word_changes("Not known.", "Not known yet."))
    assert has_changes(word_changes("Not known yet.", "Not known."))
    assert not has_changes([])


def test_a_long_answer_is_compared_quickly_enough_to_render_on_request():
    words = " ".join(f"word{n}" for n in range(4000))
    edited = words.replace("word2000", "changed").replace("word10 ", "")

    started = time.perf_counter()
    segments = word_changes(words, edited)

    assert time.perf_counter() - started < 1.0
    assert _after(segments) == edited
    assert sum(s.change == DELETED for s in segments) == 2
