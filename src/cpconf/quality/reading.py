"""Reading figures for the family's copy: words, sentences and an estimated reading age.

The reading age is the Flesch-Kincaid grade plus five (a US grade is roughly the school year,
and children start at about five), with syllables counted by a vowel-group rule: good enough
to tell a plain report from a dense one, and needs no word list or download.
"""

import re
from collections.abc import Iterable
from functools import lru_cache

from cpconf.quality.results import Reading

VOWEL_GROUPS = re.compile(r"[aeiouyàáâäæãåāèéêëēėęîïíīįìôöòóœøōõûüùúū]+")
SILENT_ENDINGS = ("es", "ed")
SOUNDED_ENDINGS = ("ted", "ded", "ses", "zes", "ches", "shes", "ges", "ces", "xes", "ies")
YOUNGEST = 5.0
OLDEST = 25.0


@lru_cache(maxsize=32768)
def syllables(word: str) -> int:
    return _syllables(word.casefold())


@lru_cache(maxsize=16384)
def _syllables(word: str) -> int:
    """Vowel groups, less a silent final "e" and the silent "e" of most "-es" and "-ed"."""
    if word.isdigit():
        return max(1, (len(word) + 1) // 2)
    if len(word) <= 3:
        return 1
    count = len(VOWEL_GROUPS.findall(word))
    if count > 1 and _silent_ending(word):
        count -= 1
    return max(1, count)


def _silent_ending(word: str) -> bool:
    if word.endswith("e"):
        return not word.endswith(("le", "ee", "ye"))
    return word.endswith(SILENT_ENDINGS) and not word.endswith(SOUNDED_ENDINGS)


def reading(sentence_words: Iterable[list[str]]) -> Reading:
    """Figures from each sentence's words."""
    word_count = sentence_count = syllable_count = 0
    for found in sentence_words:
        sentence_count += 1
        word_count += len(found)
        syllable_count += sum(map(syllables, found))
    return reading_from_counts(word_count, sentence_count, syllable_count)


def reading_from_counts(word_count: int, sentence_count: int, syllable_count: int) -> Reading:
    if word_count == 0 or sentence_count == 0:
        return Reading(word_count, sentence_count, 0.0, syllable_count)
    grade = 0.39 * word_count / sentence_count + 11.8 * syllable_count / word_count - 15.59
    age = min(OLDEST, max(YOUNGEST, grade + 5))
    return Reading(word_count, sentence_count, round(age, 1), syllable_count)


def combined(readings: Iterable[Reading]) -> Reading:
    readings = list(readings)
    return reading_from_counts(
        sum(item.words for item in readings),
        sum(item.sentences for item in readings),
        sum(item.syllables for item in readings),
    )
