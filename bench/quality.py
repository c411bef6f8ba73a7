"""The quality coach's speed: a 5,000-word report analysed as one text and as a report of
sections (median of several runs), the first call in a fresh process (which reads the data
files), and proselint on the same text for comparison, timed side by side: each round runs
the coach and then proselint, so a busy machine slows both alike.

``bench/run.py`` calls ``quality_figures`` and ``markdown`` as part of ``make bench``. Run on
its own, ``python bench/quality.py`` needs no database and writes the same two files,
``bench/results/quality.json`` and ``quality.md``. Benchmarks measure; they never assert.
"""

import json
import os
import platform
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from timing import median_ms

RESULTS = Path(__file__).resolve().parent / "results"

REPORT_WORDS = 5000
REPEATS = int(os.environ.get("BENCH_QUALITY_REPEATS", "15"))
TARGET_MS = 100
SEED = 6
SECTIONS = ("involvement", "worries", "going_well", "needs_to_happen", "if_nothing_changes")
NAMES = ("Lily", "Jack", "Ava", "Noah", "Isla", "Leo", "Ruby", "Harry")
CHILDREN = ("Lily", "Jack")
COLD_START = (
    "import time; started = time.perf_counter(); from cpconf.quality import analyse; "
    "analyse(open({path!r}, encoding='utf-8').read()); "
    "print((time.perf_counter() - started) * 1000)"
)
# Sentences of the kind professionals write, besides the coach's own rule examples, so the
# benchmark text has clean sentences as well as ones with findings.
PLAIN_SENTENCES = (
    "{name} has settled well into the new class and has made two good friends.",
    "Mum brought {name} to every appointment at the clinic between March and July.",
    "I visited the family at home on {day} May and saw both children.",
    "The kitchen was clean and there was fresh food in the fridge.",
    "{name} told me about the school trip to the farm and was smiling.",
    "Dad has started a new job and works from eight until four.",
    "Grandma collects the children from school on Tuesdays and Thursdays.",
    "The health visitor weighed {name} on {day} June and the weight was as expected.",
    "Mum has kept in touch with me by text and answered every message.",
    "{name} was late to school on {day} mornings this half term.",
    "The family have asked for help with the cost of school uniform.",
    "I will visit every two weeks and see the children on their own.",
)


def _example_sentences() -> list[str]:
    from cpconf.quality.cue_lists import load

    examples = load("examples")
    sentences = []
    for table in examples.values():
        for group in table.values():
            if isinstance(group, list):
                sentences.extend(item for item in group if isinstance(item, str))
    return sentences


def benchmark_report(words: int = REPORT_WORDS) -> dict[str, str]:
    """A fixed, realistic report of about ``words`` words, by section: paragraphs and lists
    of sentences drawn with a fixed seed, names and numbers varied."""
    chooser = random.Random(SEED)  # noqa: S311  (a fixed sample, not a secret)
    pool = _example_sentences() + list(PLAIN_SENTENCES)
    paragraphs: dict[str, list[str]] = {key: [] for key in SECTIONS}
    count = 0
    while count < words:
        sentences = [_varied(chooser.choice(pool), chooser) for _ in range(chooser.randint(3, 7))]
        count += sum(len(sentence.split()) for sentence in sentences)
        bullets = chooser.random() < 0.25
        joined = "\n".join(f"- {s}" for s in sentences) if bullets else " ".join(sentences)
        paragraphs[chooser.choice(SECTIONS)].append(joined)
    return {key: "\n\n".join(found) for key, found in paragraphs.items()}


def _varied(sentence: str, chooser: random.Random) -> str:
    sentence = sentence.replace("{name}", chooser.choice(NAMES))
    sentence = sentence.replace("{day}", str(chooser.randint(2, 28)))
    for name in ("Lily", "Jack", "Ruby", "Noah"):
        if name in sentence and chooser.random() < 0.5:
            sentence = sentence.replace(name, chooser.choice(NAMES))
    return sentence


def _median_ms(action: Callable[[], object], repeats: int = REPEATS) -> float:
    # Warm first: the first call reads and compiles the data files.
    return median_ms(action, repeats, warm=True)


def _cold_start_ms(text: str) -> float:
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as file:
        file.write(text)
    try:
        result = subprocess.run(  # noqa: S603  (our own interpreter, our own code)
            [sys.executable, "-c", COLD_START.format(path=file.name)],
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        os.unlink(file.name)
    return round(float(result.stdout.strip()), 1)


def _proselint(text: str) -> Callable[[], object]:
    from proselint.checks import __register__
    from proselint.config import DEFAULT
    from proselint.registry import CheckRegistry
    from proselint.tools import LintFile

    CheckRegistry().register_many(__register__)
    return lambda: LintFile("<bench>", text).lint(DEFAULT)


def _side_by_side_ms(actions: list[Callable[[], object]], repeats: int = REPEATS) -> list[float]:
    """Each action's median in milliseconds, the actions taking turns in every round (after
    one warm-up round)."""
    for action in actions:
        action()
    timings: list[list[float]] = [[] for _ in actions]
    for _ in range(repeats):
        for action, taken in zip(actions, timings, strict=True):
            started = time.perf_counter()
            action()
            taken.append((time.perf_counter() - started) * 1000)
    return [round(statistics.median(taken), 1) for taken in timings]


def quality_figures() -> dict[str, Any]:
    from cpconf.quality import analyse, analyse_report

    sections = benchmark_report()
    text = "\n\n".join(sections.values())
    analysis = analyse(text, children=CHILDREN, section="worries")
    coach_ms, proselint_ms = _side_by_side_ms(
        [lambda: analyse(text, children=CHILDREN, section="worries"), _proselint(text)]
    )
    report_ms = _median_ms(lambda: analyse_report(sections, children=CHILDREN))
    return {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}",
        "words": analysis.reading.words,
        "sentences": analysis.reading.sentences,
        "findings": len(analysis.findings),
        "repeats": REPEATS,
        "analyse_median_ms": coach_ms,
        "analyse_report_median_ms": report_ms,
        "first_call_in_new_process_ms": _cold_start_ms(text),
        "proselint_median_ms": proselint_ms,
        "proselint_to_coach_ratio": round(proselint_ms / coach_ms, 2) if coach_ms else None,
        "target_ms": TARGET_MS,
        "within_target": coach_ms <= TARGET_MS,
    }


def markdown(figures: dict[str, Any]) -> str:
    ratio = figures["proselint_to_coach_ratio"]
    verdict = "within" if figures["within_target"] else "over"
    return "\n".join(
        [
            "# Quality coach: a 5,000-word report",
            "",
            f"{figures['words']} words, {figures['sentences']} sentences, "
            f"{figures['findings']} findings, on {figures['machine']}. Medians of "
            f"{figures['repeats']} runs after one warm-up run; the coach and proselint take "
            "turns, run for run.",
            "",
            "| measure | ms |",
            "|---|---:|",
            f"| `analyse` (one text) | {figures['analyse_median_ms']} |",
            f"| `analyse_report` (five sections) | {figures['analyse_report_median_ms']} |",
            f"| first call in a new process (reads the data files) "
            f"| {figures['first_call_in_new_process_ms']} |",
            f"| proselint, same text | {figures['proselint_median_ms']} |",
            "",
            f"`analyse` is {verdict} the {figures['target_ms']} ms target; proselint takes "
            f"{ratio}\u00d7 as long as the coach.",
            "",
        ]
    )


def write_results(figures: dict[str, Any]) -> None:
    """The figures as ``bench/run.py`` writes them."""
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "quality.json").write_text(json.dumps(figures, indent=2, default=str) + "\n")
    (RESULTS / "quality.md").write_text(markdown(figures))


if __name__ == "__main__":
    found = quality_figures()
    write_results(found)
    print(markdown(found))
