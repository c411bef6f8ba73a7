"""Judgements of people: "Mum is neglectful", "Dad does not care about the children".

A judgement is fine when it is marked as the writer's view ("In my view …", "Mum seems …")
or comes with its evidence ("… when I visited on 3 May", "… because …"). Stated bare, as
fact, it is the `opinion_as_fact` rule: the family reads it as a verdict, and the conference
cannot weigh it.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from cpconf.quality.cue_lists import FLAGS, alternatives, cue_data, gated_any_of
from cpconf.quality.prefilter import GatedAlternatives, GatedPattern
from cpconf.quality.results import Finding
from cpconf.quality.sentences import Span
from cpconf.quality.wording import make_finding

NOT_NAMES = (
    "The|This|That|These|Those|It|There|Here|When|What|Which|Who|However|Also|He|She|They|We|"
    "I|If|In|On|At|As|But|And|So|Such|Our|My|Her|His|Their|Your|Its|Each|Every|All|Some|Any|"
    "No|One|Both|Since|After|Before|During|Although|While|Whilst|Because|Today|Yesterday"
)
NAME = rf"(?-i:(?!(?:{NOT_NAMES})\b)[A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
DETERMINER = r"(?:the|both|her|his|their|this|that)\s+"
# Adverbs between the linking verb and the word judged ("is so much calmer").
BARE_ADVERBS = [
    "very", "extremely", "so", "really", "quite", "too", "often", "always", "completely",
    "totally", "highly", "incredibly", "particularly", "deeply", "clearly", "generally",
    "consistently", "increasingly", "utterly", "wholly", "entirely", "fundamentally",
    "genuinely", "truly", "now", "still", "also", "much", "far", "more", "most", "less",
    "rather", "fairly", "pretty", "remarkably", "exceptionally", "noticeably", "visibly",
]  # fmt: skip
LINKING_WORDS = [
    "is", "are", "was", "were", "has been", "have been", "had been", "can be", "could be",
    "is being", "are being", "remain", "remains", "became", "becomes", "has become",
    "come across as", "comes across as",
]  # fmt: skip
# As a trie after a look at the first letter: the judging patterns that start with a linking
# verb are tried in most sentences, and a flat alternation made them the coach's slowest.
LINKING = rf"(?=[abchirw]){alternatives(LINKING_WORDS)}"
SUBJECT_REACH = 80
RELATION = r"(?:new|current|former|ex|older|younger|eldest|youngest)"
BEFORE_LINKING = (
    r"(?:\s+(?:also|often|always|very|clearly|generally|sometimes|usually|still|now|really|"
    r"just|obviously|simply|totally))*"
)
INTENSIFIERS = (
    r"(?:\s*,?\s+(?:a|an|very|extremely|so|really|quite|too|often|always|completely|totally|"
    r"highly|incredibly|particularly|deeply|clearly|generally|consistently|not|increasingly|"
    r"openly|frequently|sometimes|utterly|wholly|entirely|fundamentally|simply|just|such|"
    r"fully|genuinely|truly|now|still|also"
    # Any other adverb of degree or manner: "is fiercely protective of".
    r"|(?-i:[a-z]{2,}ly)))*"
)
DEGREE = r"(?:very|really|so|extremely|quite|incredibly|genuinely|truly|deeply|highly)"
PERSON_NOUNS = (
    r"(?:parents?|mother|father|mum|dad|carers?|man|woman|person|partner|influence|"
    r"role\s+model|individual|people|family|couple|home|household)"
)
# The person is the subject of a clause about something else: "the notice, which Ms Hussain
# is now challenging", where "challenging" is what she does to the notice, not what she is.
OBJECT_RELATIVE = re.compile(r"\b(?:which|whom)\s+\Z", re.IGNORECASE)
LOWERED_START = re.compile(r"(?i:the|both|her|his|their|this|that|he|she|they)\b")


@dataclass(frozen=True)
class Judgement:
    start: int
    end: int
    subject: str
    predicate: str
    # A verdict under a heading ("Engagement: poor."): its colon is the heading's, so only
    # what follows the verdict can be its evidence.
    headed: bool = False


@cache
def _subject() -> re.Pattern[str]:
    """The person judged, ending where the judging words begin ("Mum's partner", "Mr Jones")."""
    return re.compile(rf"\b{_person_judged()}{BEFORE_LINKING}\s*\Z", FLAGS)


def _person_judged() -> str:
    data = cue_data()["judgement"]
    people = alternatives(data["people"])
    titles = alternatives(data["titles"])
    # Not a month after a day's number: "Dad's test on 11 June was positive" is a date.
    person = rf"(?:{titles}\.?\s+{NAME}|{people}\b|(?<!\d\s){NAME})"
    owner = rf"(?:{person}[\x27\u2019]s\s+(?:{RELATION}\s+)?)"
    return rf"(?P<subject>(?:{DETERMINER})?{owner}?{person})"


@cache
def _predicate() -> GatedAlternatives:
    """What is said of the person: a linking verb and judging words, or a judging phrase.
    Found first, because it is rare; the subject is then checked just before it."""
    data = cue_data()["judgement"]
    judging = alternatives(data["words"])
    judged = (
        rf"{judging}(?:\s*(?:,|and|but|as\s+well\s+as)\s+(?:very\s+|so\s+)?{judging})*"
        rf"(?:\s+{PERSON_NOUNS})?"
    )
    # As the one alternation "\b(?:linking and judging words|phrase|…)\b" would find them,
    # each alternative searched only where its words are.
    # A test's result is not a judgement: "was positive for cocaine", "negative for alcohol".
    result = r"(?!(?<=positive)\s+for\b|(?<=negative)\s+for\b)"
    parts = [rf"{LINKING}{INTENSIFIERS}\s+{judged}{result}", _character(), *data["phrases"]]
    return GatedAlternatives([rf"\b(?:{part})\b" for part in parts], FLAGS)


def _bare_adjective() -> str:
    """A person said to be something, in a word the judging list does not hold: "has been
    impressive", "is so much calmer". Not a participle ("was arrested", "is registered"), a
    word for where someone is or how they are placed ("is late", "is away", "is pregnant"), or
    a word followed by what it is about ("is due to", "is responsible for")."""
    data = cue_data()["judgement"]
    irregular = cue_data()["attribution"]["irregular_past"]
    placed = alternatives(data["not_judging"] + data["statuses"] + irregular)
    adverbs = rf"(?:\s+(?:{'|'.join(BARE_ADVERBS)}))*"
    word = r"(?-i:[a-z][a-z\x27\u2019-]*[a-z])(?<!ed)(?<!en)(?<!wn)(?<!ing)"
    after = (
        r"(?=\s*(?:[.,;:!?)]|\Z|\s*(?:and|but|with|towards?|around|at\s+(?:home|times|the\s+moment|"
        r"present)|these\s+days|lately|recently|now|again|as\s+well)\b))"
    )
    return rf"{LINKING}{adverbs}\s+(?!(?:{placed})\b){word}{after}"


def _character() -> str:
    """A person said to be a kind of person: "is a warm and attentive parent". Up to three
    adjectives, none of them a standing such as "single" or an age such as "34-year-old"."""
    data = cue_data()["judgement"]
    adjective = rf"(?!{alternatives(data['statuses'])}\b)(?-i:[a-z][a-z\x27\u2019-]+)"
    nouns = alternatives(data["character_nouns"])
    return (
        rf"{LINKING}\s+(?:(?:also|still|now|clearly|really|just)\s+)?an?\s+(?:{DEGREE}\s+)?"
        rf"{adjective}(?:\s*,\s*(?:and\s+)?{adjective}|\s+and\s+{adjective}){{0,2}}"
        rf"\s+(?:little\s+|young\s+|old\s+)?{nouns}"
    )


@cache
def _bare() -> GatedPattern:
    """Tried once, at the sentence's start, and only where no other judging words are: in
    any other place it would cost more than the rest of the judgement rule."""
    return GatedPattern(
        rf"{_person_judged()}{BEFORE_LINKING}\s+(?P<judged>{_bare_adjective()})", FLAGS
    )


# A verdict under a heading, as notes and assessment forms write them: "Engagement: poor.",
# "Risk: high." (the verdicts: data/cues.toml, judgement.verdicts).
VERDICT_HEADING = r"(?P<subject>(?:[\w\x27\u2019-]+\s+){0,6}?[\w\x27\u2019-]+)"


@cache
def _verdict() -> GatedPattern:
    """Tried at the sentence's start, where no other judgement is found: a heading, a colon,
    and a verdict that ends the sentence or is followed only by what backs it."""
    verdict = alternatives(cue_data()["judgement"]["verdicts"])
    return GatedPattern(
        rf"{VERDICT_HEADING}\s*:\s*(?P<judged>(?:{DEGREE}\s+)?{verdict})(?=\s*(?:[.!;,(]|\Z))",
        FLAGS,
    )


@cache
def _evidence() -> GatedAlternatives:
    return gated_any_of(cue_data()["judgement"]["evidence"])


def compile_patterns() -> None:
    _predicate()
    _bare()
    _verdict()
    _evidence()


def find_judgement(text: str, span: Span) -> Judgement | None:
    found = _judged(text, span, _predicate().finditer(text, span))
    if found is None and span.cues & _bare().bit:
        found = _bare_judgement(text, span)
    if found is None and _verdict().allows(span.cues):
        found = _verdict_judgement(text, span)
    return found


def _verdict_judgement(text: str, span: Span) -> Judgement | None:
    """A verdict under a heading at the sentence's start ("Engagement: poor.")."""
    verdict = _verdict().pattern.match(text, span.start, span.end)
    if verdict is None:
        return None
    return Judgement(
        verdict.start("subject"),
        verdict.end(),
        verdict.group("subject"),
        text[verdict.start("judged") : verdict.end()],
        headed=True,
    )


def _bare_judgement(text: str, span: Span) -> Judgement | None:
    """A person named first, then said to be something in a word the judging list does
    not hold ("Ms Reid is brave.")."""
    bare = _bare().pattern.match(text, span.start, span.end)
    if bare is None:
        return None
    return Judgement(
        bare.start("subject"),
        bare.end(),
        bare.group("subject"),
        text[bare.end("subject") : bare.end()].strip(),
    )


def _judged(text: str, span: Span, predicates: Iterator[re.Match[str]]) -> Judgement | None:
    for predicate in predicates:
        window = max(span.start, predicate.start() - SUBJECT_REACH)
        subject = _subject().search(text, window, predicate.start())
        if subject is not None and OBJECT_RELATIVE.search(text, window, subject.start()) is None:
            return Judgement(
                subject.start("subject"),
                predicate.end(),
                subject.group("subject"),
                text[subject.end("subject") : predicate.end()].strip(),
            )
    return None


def has_evidence(text: str, span: Span, judgement: Judgement | None = None) -> bool:
    """Whether the sentence gives evidence; after a headed verdict, only in what follows it."""
    if judgement is not None and judgement.headed:
        span = Span(judgement.end, span.end, span.cues)
    return _evidence().search(text, span) is not None


def opinion_as_fact_findings(text: str, judgement: Judgement) -> list[Finding]:
    subject = judgement.subject
    if LOWERED_START.match(subject):
        subject = subject[0].lower() + subject[1:]
    predicate = judgement.predicate
    if judgement.headed:
        # "Engagement: poor" reads as a view once it is a sentence: "engagement is poor".
        predicate = f"{_verb_for(judgement.subject)} {predicate}"
        subject = _heading_in_a_sentence(subject)
    view = " ".join(f"{subject} {predicate}".split())
    return [make_finding("opinion_as_fact", text, judgement.start, judgement.end, view=view)]


def _verb_for(heading: str) -> str:
    """The verb after a heading: "are" after a plural ("Home conditions"), else "is"."""
    last = heading.split()[-1].casefold()
    return "are" if last.endswith("s") and not last.endswith(("ss", "us", "is")) else "is"


# Headings that start with a name or a title keep their capital ("Mum's engagement").
KEEPS_CAPITAL = re.compile(r"(?:Mum|Dad|Mr|Mrs|Ms|Miss|Dr|Nan|Grandad)\b|\w+[\x27\u2019]s\b")


def _heading_in_a_sentence(heading: str) -> str:
    """A heading's first word in lower case, to follow "In my view,"; not a name or title."""
    if KEEPS_CAPITAL.match(heading) or heading[1:2].isupper():
        return heading
    return heading[:1].lower() + heading[1:]
