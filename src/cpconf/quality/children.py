"""Which child a sentence means, when one report covers several children.

"He was late 12 times" is clear in a report about one child and a puzzle in a report about
Lily and Jack. A sentence is clear when it names a child, or when the sentence before names
exactly one; "he" or "she" is also clear when an adult of that sex is named before it ("Dad
said he …"), and "her" in "her partner" means an adult. Every pronoun is read, not only the
first: in "Mum said she was proud of him", "she" is Mum but "him" could be either boy.
Descriptions that pick out one child ("the baby", "the eldest") need no name.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from cpconf.quality.cue_lists import FLAGS, cue_data, gated_any_of, words_pattern
from cpconf.quality.prefilter import GatedAlternatives, with_first_letters
from cpconf.quality.results import Finding
from cpconf.quality.sentences import Span
from cpconf.quality.wording import make_finding

MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})


@dataclass(frozen=True)
class Adults:
    male: re.Pattern[str]
    female: re.Pattern[str]
    anyone: re.Pattern[str]


@cache
def _references() -> GatedAlternatives:
    return gated_any_of(cue_data()["children"]["references"])


@cache
def _description() -> re.Pattern[str]:
    """A description that picks out one child: "the baby", "the eldest"."""
    return with_first_letters(re.compile(cue_data()["children"]["descriptions"], FLAGS))


@cache
def _adult_relation() -> re.Pattern[str]:
    """Straight after "her", "his" or "their": the word says the owner is an adult."""
    relations = words_pattern(cue_data()["children"]["adult_relations"])
    return re.compile(rf"\s+(?:(?:new|current|former|ex|estranged)[\s-]+)?{relations}", FLAGS)


@cache
def _adults() -> Adults:
    data = cue_data()["children"]
    return Adults(
        male=with_first_letters(re.compile(words_pattern(data["male_adults"]), FLAGS)),
        female=with_first_letters(re.compile(words_pattern(data["female_adults"]), FLAGS)),
        anyone=with_first_letters(re.compile(words_pattern(data["neutral_adults"]), FLAGS)),
    )


def _name_pattern(children: Sequence[str]) -> list[re.Pattern[str]]:
    """Each child's full name or first name, as written or with a capital. Each name is
    followed, not preceded, by the look at the character before it: a pattern that starts
    with the name is found by the engine's fast scan for it, ten times faster."""
    patterns = []
    for child in children:
        first = child.split()[0]
        names = {child, child.title(), first, first.title()}
        alternatives = "|".join(
            rf"{re.escape(name)}(?<![\w]{re.escape(name)})"
            for name in sorted(names, key=len, reverse=True)
        )
        patterns.append(re.compile(rf"(?:{alternatives})(?![\w])"))
    return patterns


def compile_patterns() -> None:
    _references()
    _description()


def ambiguous_child_findings(
    text: str, spans: Sequence[Span], children: Sequence[str]
) -> list[Finding]:
    named = list(dict.fromkeys(" ".join(child.split()) for child in children if child.strip()))
    if len(named) < 2:
        return []
    names = _name_pattern(named)
    findings = []
    previous: Span | None = None
    named_before: int | None = None  # the children named in the sentence before, if counted
    for span in spans:
        references = _references().finditer(text, span)
        first = next(references, None)
        if first is None and len(named) < THEY_FROM:
            previous, named_before = span, None
            continue
        named_here = _children_named(text, span, names)
        if named_here >= 2 and first is not None:
            joined = _after_children_together(text, span, names, named, (first, *references))
            if joined is not None:
                findings.append(joined)
        elif named_here == 0 and len(named) >= THEY_FROM and first is None:
            some = _some_of_them(text, span, previous, names)
            if some is not None:
                findings.append(_finding(text, some, named))
        # A child named here, or exactly one just before, makes every reference clear.
        if first is not None and named_here == 0:
            before = named_before
            if before is None:
                before = _children_named(text, previous, names) if previous is not None else 0
            if before != 1:
                # An adult in the sentence before counts only when it names no child.
                adult_before = previous if before == 0 else None
                # A child picked out earlier in the sentence ("The baby … her review").
                described = _description().search(text, span.start, span.end)
                for reference in (first, *references):
                    if _owned_by_adult(text, reference):
                        continue
                    if described is not None and described.end() <= reference.start():
                        continue
                    if not _adult_clear(text, span, adult_before, reference):
                        findings.append(_finding(text, reference, named))
                        break
        previous, named_before = span, named_here
    return findings


# Children named together ("Callum and Rhys"), then "he" or "she": either of them.
TOGETHER = r"\s*(?:,|and|or|&|,\s*and)\s*"
# "They" with three or more children: some of them, unless the sentence says all.
THEY_FROM = 3
THEY = re.compile(r"\b(?:they|them|their|themselves)\b", re.IGNORECASE)
ALL_OF_THEM = re.compile(
    r"\b(?:all|both|each|every|everyone|none|neither|either|siblings|"
    r"(?:the|all)\s+(?:three|four|five|six|children|kids|boys|girls))\b",
    re.IGNORECASE,
)
# People "they" may mean instead: "Mum and Dad … They", "the parents … they".
GROWN_UPS = re.compile(
    r"\b(?:parents|carers|grandparents|couple|adults|family|professionals|staff|police|"
    r"officers|workers|teachers|agencies|services|team)\b",
    re.IGNORECASE,
)


def _after_children_together(
    text: str,
    span: Span,
    names: list[re.Pattern[str]],
    named: Sequence[str],
    references: Sequence[re.Match[str]],
) -> Finding | None:
    """ "When I saw Callum and Rhys at school, he had a graze": a pronoun after two children
    named together, with no one child named between, could mean either."""
    found = sorted(
        (match.start(), match.end())
        for name in names
        for match in name.finditer(text, span.start, span.end)
    )
    for (_, end), (start, later) in pairwise(found):
        if re.fullmatch(TOGETHER, text[end:start]) is None:
            continue
        after = [other for other in found if other[0] >= later]
        for reference in references:
            if reference.start() < later or _owned_by_adult(text, reference):
                continue
            if any(other[0] < reference.start() for other in after):
                break
            if _adult_for(text, Span(later, reference.start()), reference.group()):
                break
            if _description().search(text, span.start, reference.start()) is None:
                return _finding(text, reference, named)
            break
    return None


def _some_of_them(
    text: str, span: Span, previous: Span | None, names: list[re.Pattern[str]]
) -> re.Match[str] | None:
    """ "They were sent home with head lice", in a report about three children: which?"""
    they = THEY.search(text, span.start, span.end)
    if they is None or ALL_OF_THEM.search(text, span.start, span.end) is not None:
        return None
    adults = _adults()
    for place in (span, previous):
        if place is None:
            continue
        if place is previous and _children_named(text, place, names) >= 2:
            return None
        if any(
            pattern.search(text, place.start, place.end) is not None
            for pattern in (adults.male, adults.female, GROWN_UPS)
        ):
            return None
    return they


def _owned_by_adult(text: str, reference: re.Match[str]) -> bool:
    """ "her partner", "his girlfriend": the pronoun's owner has a partner, so is an adult."""
    if reference.group().casefold() not in ("her", "his"):
        return False
    return _adult_relation().match(text, reference.end()) is not None


def _children_named(text: str, span: Span, names: list[re.Pattern[str]]) -> int:
    return sum(1 for name in names if name.search(text, span.start, span.end))


def _adult_clear(text: str, span: Span, previous: Span | None, reference: re.Match[str]) -> bool:
    """The pronoun can mean an adult named before it, in the sentence or the one before."""
    before = Span(span.start, reference.start())
    if _after_same_subject(text, before, reference):
        return _adult_left_for(text, before, reference.group())
    return _adult_for(text, before, reference.group()) or (
        previous is not None and _adult_for(text, previous, reference.group())
    )


# After "her", these words make it "her" the person, not "her" coat: "take her to the GP".
OBJECT_AFTER = re.compile(
    r"\s*(?:[.,;:!?)]|$|(?:to|at|with|from|for|in|on|up|out|home|back|away|off|down|over|"
    r"round|around|into|about|and|or|again|too|as|if|when|because|that|before|after|until|"
    r"once|every|each|all|both|today|tomorrow|yesterday|now|then|later|soon|alone)\b)",
    re.IGNORECASE,
)
SUBJECT_FOR = {"him": "he", "her": "she"}
SUBJECT_PRONOUN = re.compile(r"\b(?:he|she)\b", re.IGNORECASE)


def _after_same_subject(text: str, before: Span, reference: re.Match[str]) -> bool:
    """An object pronoun whose clause's subject is a pronoun of the same sex ("she will take
    her", not "he had not hit her"): it is not that subject (that would be "herself")."""
    word = reference.group().casefold()
    if word not in SUBJECT_FOR:
        return False
    if word == "her" and OBJECT_AFTER.match(text, reference.end()) is None:
        return False  # "her coat": whose, not whom
    subjects = SUBJECT_PRONOUN.findall(text, before.start, before.end)
    return bool(subjects) and subjects[-1].casefold() == SUBJECT_FOR[word]


def _adult_left_for(text: str, span: Span, pronoun: str) -> bool:
    """ "Mum said she will take her": "she" is Mum, so "her" is someone else. An object
    pronoun means an adult named before it only while there are more such adults than
    pronouns already standing for them as subjects."""
    word = pronoun.casefold()
    adults = _adults()
    sexed = adults.male if word == "him" else adults.female
    named = sum(
        len(pattern.findall(text, span.start, span.end)) for pattern in (sexed, adults.anyone)
    )
    subject = re.compile(rf"\b{SUBJECT_FOR[word]}\b", re.IGNORECASE)
    return named > len(subject.findall(text, span.start, span.end))


def _adult_for(text: str, span: Span, pronoun: str) -> bool:
    """An adult named in the span whom the pronoun could mean."""
    word = pronoun.casefold()
    if word not in MALE | FEMALE:
        return False
    adults = _adults()
    sexed = adults.male if word in MALE else adults.female
    if any(
        pattern.search(text, span.start, span.end) is not None for pattern in (sexed, adults.anyone)
    ):
        return True
    # "Her boyfriend said he would help her": the owner of a partner is an adult too.
    owner = OWNER_FOR_MALE if word in MALE else OWNER_FOR_FEMALE
    return any(
        _adult_relation().match(text, found.end()) is not None
        for found in owner.finditer(text, span.start, span.end)
    )


OWNER_FOR_MALE = re.compile(r"\bhis\b", re.IGNORECASE)
OWNER_FOR_FEMALE = re.compile(r"\bher\b", re.IGNORECASE)


def _finding(text: str, reference: re.Match[str], children: Sequence[str]) -> Finding:
    names = " or ".join(f"“{child.split()[0]}”" for child in children)
    return make_finding(
        "ambiguous_child",
        text,
        reference.start(),
        reference.end(),
        count=len(children),
        names=names,
    )
