"""The coach scored on the labelled development set (a copy of ../shared/quality/dev_set.jsonl,
kept here so a clean clone needs nothing outside the repository). Run with ``pytest -s`` to
see the figures. The coach is also judged on unseen sentences of the same kind, so the rules
are general cues, not these sentences."""

from tests.quality.accuracy import DEV_SET, load_rows, score

TARGET_ACCURACY = 0.9
TARGET_JARGON = 0.9
TARGET_F1 = 0.85


def test_the_dev_set_is_here_and_complete():
    rows = load_rows(DEV_SET)
    assert len(rows) == 100
    assert {"text", "kind", "source", "jargon", "children"} <= rows[0].keys()


def test_accuracy_on_the_dev_set():
    scores = score(load_rows(DEV_SET))
    print("\nQuality coach on the dev set\n" + scores.report())
    if scores.mistakes:
        print("Mistakes:\n  " + "\n  ".join(scores.mistakes))
    assert scores.kind_accuracy >= TARGET_ACCURACY
    assert scores.source_accuracy >= TARGET_ACCURACY
    assert scores.jargon.recall >= TARGET_JARGON
    assert scores.jargon.precision >= TARGET_JARGON
    for flag, counts in scores.flags.items():
        assert counts.f1 >= TARGET_F1, flag
