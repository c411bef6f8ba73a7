"""What the coach said about a fixed corpus, kept so that a faster engine can be shown to
read exactly as before (``test_reference.py``).

The corpus: every dev-set sentence, every rule example, the 5,000-word benchmark report (as
one text and as five sections), and texts put together with a fixed seed from those sentences
and from awkward pieces (capitals, curly quotes, list markers, odd line breaks, stray Unicode),
read with and without children and sections. Rebuild the file only when the coach is meant to
read differently, and say why in the commit:

    .venv/bin/python -m tests.quality.reference
"""

import gzip
import json
import random
import sys
from pathlib import Path
from typing import Any

from cpconf.quality import analyse, analyse_report
from cpconf.quality.cue_lists import load

HERE = Path(__file__).resolve().parent
REFERENCE = HERE / "reference_outputs.json.gz"
SEED = 16
GENERATED_TEXTS = 400
GENERATED_REPORTS = 60
SECTION_KEYS = ("worries", "going_well", "if_nothing_changes", "involvement", None)
CHILD_LISTS = ((), ("Lily", "Jack"), ("Lily Smith", "Jack Smith", "Ruby"), ("Mason",))
PIECES = (
    "Mum",
    "Dad",
    "he",
    "she",
    "the child",
    "CAMHS",
    "LAC",
    "TAF (Team Around the Family)",
    "A&E",
    "presenting as",
    "lacks insight",
    "It was reported that",
    "I saw",
    "is aggressive",
    "apparently",
    "I think",
    "told me that",
    "hit",
    "No concerns identified",
    "Not known",
    "Mr.",
    "e.g.",
    "12",
    "3 May",
    "...",
    "!",
    "?",
    "(",
    ")",
    "“",
    "”",
    "-",
    "•",
    ",",
    ";",
    "\u017ftrangers",
    "\u0130t",
    "\u212aicked",
    "é",
    "_",
    "don\u2019t",
    "https://example.gov.uk/IRO",
)
SEPARATORS = (" ", " ", " ", "\n", "\n\n", "\r\n", "\n- ", "\n• ", "\n1. ", "\u2028", "\t")


def _examples() -> list[tuple[str, Any, tuple[str, ...], str | None]]:
    """Each rule example as (rule, example, children, section)."""
    found = []
    for rule, table in load("examples").items():
        children = tuple(table.get("children", ()))
        section = table.get("section")
        for group in table.values():
            if isinstance(group, list):
                found += [(rule, item, children, section) for item in group]
    return found


def _sentences() -> list[str]:
    from tests.quality.accuracy import DEV_SET, load_rows

    pool = [row["text"] for row in load_rows(DEV_SET)]
    pool += [item for _, item, _, _ in _examples() if isinstance(item, str)]
    for _, item, _, _ in _examples():
        if isinstance(item, list):
            pool += item
    return pool


def _mutated(sentence: str, chooser: random.Random) -> str:
    roll = chooser.random()
    if roll < 0.08:
        return sentence.upper()
    if roll < 0.16:
        return sentence.lower()
    if roll < 0.24:
        return sentence.replace("'", "\u2019")
    if roll < 0.30:
        cut = chooser.randint(0, len(sentence))
        return sentence[:cut]
    if roll < 0.36:
        where = chooser.randint(0, len(sentence))
        return sentence[:where] + chooser.choice(PIECES) + sentence[where:]
    return sentence


def _generated_text(pool: list[str], chooser: random.Random) -> str:
    parts = []
    for _ in range(chooser.randint(1, 14)):
        if chooser.random() < 0.7:
            parts.append(_mutated(chooser.choice(pool), chooser))
        else:
            parts.append(" ".join(chooser.choice(PIECES) for _ in range(chooser.randint(1, 6))))
        parts.append(chooser.choice(SEPARATORS))
    return "".join(parts)


def cases() -> list[dict[str, Any]]:
    """The corpus, in a fixed order; each case names how it is read."""
    from tests.quality.accuracy import DEV_SET, load_rows

    found: list[dict[str, Any]] = []
    for row in load_rows(DEV_SET):
        found.append({"text": row["text"], "children": row.get("children") or []})
    for rule, item, children, section in _examples():
        if isinstance(item, list):
            sections = {f"section_{n}": text for n, text in enumerate(item)}
            found.append({"sections": sections, "children": list(children), "rule": rule})
        else:
            found.append({"text": item, "children": list(children), "section": section})
    found += _benchmark_cases()
    chooser = random.Random(SEED)  # noqa: S311  (a fixed corpus, not a secret)
    pool = _sentences()
    for _ in range(GENERATED_TEXTS):
        found.append(
            {
                "text": _generated_text(pool, chooser),
                "children": list(chooser.choice(CHILD_LISTS)),
                "section": chooser.choice(SECTION_KEYS),
            }
        )
    for _ in range(GENERATED_REPORTS):
        keys = chooser.sample([key for key in SECTION_KEYS if key], chooser.randint(1, 4))
        sections = {key: _generated_text(pool, chooser) for key in keys}
        found.append({"sections": sections, "children": list(chooser.choice(CHILD_LISTS))})
    return found


def _benchmark_cases() -> list[dict[str, Any]]:
    sys.path.insert(0, str(HERE.parents[1] / "bench"))
    try:
        import quality as bench_quality  # bench/quality.py
    finally:
        sys.path.pop(0)
    sections = bench_quality.benchmark_report()
    children = list(bench_quality.CHILDREN)
    text = "\n\n".join(sections.values())
    return [
        {"text": text, "children": children, "section": "worries"},
        {"sections": sections, "children": children},
    ]


def output(case: dict[str, Any]) -> dict[str, Any]:
    if "sections" in case:
        return analyse_report(case["sections"], children=case["children"]).to_dict()
    return analyse(case["text"], children=case["children"], section=case.get("section")).to_dict()


def load_reference() -> list[dict[str, Any]]:
    with gzip.open(REFERENCE, "rt", encoding="utf-8") as stored:
        loaded: list[dict[str, Any]] = json.load(stored)
    return loaded


def write_reference() -> None:
    entries = [{"case": case, "output": output(case)} for case in cases()]
    with gzip.GzipFile(REFERENCE, "wb", mtime=0) as stored:
        stored.write(json.dumps(entries, ensure_ascii=False).encode("utf-8"))


if __name__ == "__main__":
    write_reference()
    print(f"Wrote {REFERENCE}")
