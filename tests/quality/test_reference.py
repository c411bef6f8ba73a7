"""The coach reads the reference corpus exactly as the engine did when the file was written
(``reference.py``): every sentence's kind, source and cues, every finding and its wording, the
reading figures. A faster engine must not read differently."""

import json

import pytest

from tests.quality.reference import load_reference, output

REFERENCE = load_reference()


def test_the_reference_covers_the_corpus():
    assert len(REFERENCE) > 700
    assert sum("sections" in entry["case"] for entry in REFERENCE) > 60


@pytest.mark.parametrize("entry", REFERENCE, ids=lambda entry: str(entry["case"])[:60])
def test_the_coach_reads_the_corpus_as_before(entry):
    # Compared as JSON, as the command line and the JSON endpoint give it.
    assert json.loads(json.dumps(output(entry["case"]))) == entry["output"]
