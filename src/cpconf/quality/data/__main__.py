"""``python -m cpconf.quality.data``: rewrite ``prefilter.json``, the words each cue pattern
needs, after a change to the cue lists (``tests/quality/test_prefilter.py`` says when)."""

from cpconf.quality import prefilter
from cpconf.quality.engine import compile_cues

compile_cues()
prefilter.write_stored_words(prefilter.PREFILTER.patterns)
print(f"Wrote {prefilter.STORED_WORDS}")
