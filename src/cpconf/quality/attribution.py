"""Who a sentence's information comes from, when it is not the writer.

Three shapes matter. A named source ("Lily told her teacher that …", "According to the
school, …", "… was confirmed by the housing officer"): a third party, fine. An unnamed
source ("It was reported that …", "Concerns have been raised …", "I was told …",
"Apparently …"): the information came from someone else but the reader cannot tell who, which
is the `unattributed_report` rule. And the writer's own telling ("I told Mum that …"), which is
neither.
"""

import re
from dataclasses import dataclass
from functools import cache

from cpconf.quality.cue_lists import (
    FLAGS,
    alternatives,
    cue_data,
    harm,
    named_by,
    source_cues,
    unattributed_cues,
    words_pattern,
)
from cpconf.quality.prefilter import GatedPattern
from cpconf.quality.results import Finding
from cpconf.quality.sentences import Span
from cpconf.quality.wording import make_finding

NAMED_SOURCE = "Someone else gave this information, and the sentence says who."
SPEAKER_REACH = 120
# An aside between the telling and what was told: "told me, quietly and without being asked,
# that …", "said, each in their own words, that …".
ASIDE = r"(?:\s*,[^,.;:]{1,60}?,)"
# The speaker named last, after a phrase that places them: "…, her worker at the drug and
# alcohol service said." Not a relative clause ("…, which Ms Begum shares with her children.").
# Their words may be quoted: '"He keeps my passport," Ms Dhillon told me.'
TAG_SPEAKER = (
    r",[\"\u201d\u2019\x27]?\s*(?!(?:which|who|whom|whose|where|that|when)\b)(?:[\w\x27\u2019-]+\s+){0,4}?"
    r"(?:(?:at|from|of|in|for|with)\s+(?:[\w\x27\u2019-]+\s+){1,5}?)?"
)
# What starts a clause of the sentence's own, not an aside naming a speaker: "…, which she said, …".
NOT_ASIDE = r"(?:which|who|whom|whose|where|that|when|and|but|so|as|if|though|although|because)"
# Sharing a home, a bed or the care of the children, not news: "a flat which she shares with
# her mother", "the boys share a bunk bed". "Share" tells something only with what was told
# ("shared with the school that …", "shared her worries about …").
SHARED_THING = re.compile(
    r"share[sd]?\b(?![^.;]*\b(?:that|how|what|whether|concerns?|worries|worry|fears?|news|"
    r"information|details|views?|feelings|experiences?|disclosures?|allegations?)\b)",
    re.IGNORECASE,
)
# A day's number before the word: "8 October agreed" is a date, not a speaker.
DATE_BEFORE = re.compile(r"\d\s*\Z")
# A possibility, not a telling: "the ACEs he lived through may explain why he finds it hard".
POSSIBILITY = re.compile(r"\b(?:may|might|could)\s+(?:(?:well|also|partly|in\s+part)\s+)?\Z", re.I)
AUXILIARY_VERB = r"(?:was|were|is|are|had|has|have|did|does|would|will|could|can|should|might)\b"
# The reported clause: "that …", "she has …", "the bruise was …", "her stepdad calls …",
# "Dad was …". A verb after a person is an auxiliary, a word ending -s or -ed, or one of the
# past tenses that end in neither ("their father threw …"; data/cues.toml, irregular_past).
CLAUSE_START = (
    # Their own words may be quoted: 'said to his coach "Dad kicked me …"', "told me, 'I'm
    # scared'" (a clause in the quotation marks, not a word: "said 'no' to every question").
    r"[\"\u201c\u2018\x27]?"
    r"(?:that\b|(?:he|she|they|it|there|i|we|you)\s+[\w\x27\u2019]"
    r"|(?:he|she|they|it|there|i|we|you)[\x27\u2019](?:m|s|d|ve|ll|re)\s"
    # What was perceived: "has reported hearing loud bangs …", "described seeing him …".
    r"|(?:hearing|seeing|witnessing|noticing|finding)\s"
    # Mum or Dad then a verb: "said Mum hit her", not "rang Mum twice".
    r"|(?:mum|dad|mother|father)\s+(?:{adverb}\s+)?"
    r"(?:{verb}|(?-i:[a-z]+)\s+(?:him|her|them|me|us)\b|(?-i:[a-z]+)n[\x27\u2019]t\b)"
    r"|(?:the|her|his|their|my)\s+[\w\x27\u2019]+\s+(?:[\w\x27\u2019]+\s+)?{verb}"
    r"|(?-i:[A-Z][a-z]+)\s+(?:{adverb}\s+)?{verb}"
    # A person or group named by a noun phrase, then a verb, or any word with a person as its
    # object: "older boys make him …", "a man at the shop buys her …", "the lads from the
    # flats make her …".
    r"|(?:{determiner}|(?-i:[A-Z][a-z]+)[\x27\u2019]s)\s+(?:[\w\x27\u2019-]+\s+){0,4}?"
    r"(?:{verb}|(?-i:[a-z]+)\s+(?:him|her|them|me|us)\b))"
)
CLAUSE_ADVERB = r"(?:now|still|also|often|always|never|usually|sometimes|only)"
# What can start the noun phrase of a reported clause's subject (matched as a trie).
DETERMINERS = [
    "the", "her", "his", "their", "my", "a", "an", "some", "two", "three", "four", "several",
    "older", "other", "these", "those", "many", "men", "boys", "girls", "lads", "people",
    "adults", "grown-ups", "kids", "friends", "strangers", "someone", "somebody", "nobody",
    "no one", "everyone", "everybody", "anyone", "anybody",
]  # fmt: skip


@cache
def _clause_start() -> str:
    irregular = alternatives(cue_data()["attribution"]["irregular_past"])
    # A verb may open a quotation: "said her mum's boyfriend 'grabbed my neck'".
    verb = rf"[\"\u201c\u2018\x27]?(?:{AUXILIARY_VERB}|(?-i:[a-z]+(?:s|ed)\b)|{irregular}\b)"
    determiner = alternatives(DETERMINERS)
    return (
        CLAUSE_START.replace("{verb}", verb)
        .replace("{determiner}", determiner)
        .replace("{adverb}", CLAUSE_ADVERB)
    )


@dataclass(frozen=True)
class Attribution:
    """A sentence's information comes from someone else: named (third party) or not."""

    named: bool
    view: bool
    """The source gave a view ("the school thinks …"), not an account of events."""
    start: int
    end: int
    why: str


@cache
def _speech_frame() -> GatedPattern:
    """A verb of telling followed by what was told ("told her teacher that …"). The verb is
    found first, because it is rare; the speaker is the word just before it."""
    data = cue_data()["attribution"]
    verbs = "|".join([alternatives(data["speech_verbs"]), *data["speech_phrases"]])
    return GatedPattern(
        rf"\b(?P<verb>{verbs})\b(?:\s+(?!about\b|that\b)[\w\x27\u2019-]+){{0,6}}?"
        rf"{ASIDE}?\s*,?\s+{_clause_start()}",
        FLAGS,
    )


@cache
def _speaker() -> re.Pattern[str]:
    data = cue_data()["attribution"]
    auxiliaries = alternatives(data["auxiliaries"])
    bridge = rf"(?:{alternatives(data['bridges'])}\s+(?:[\w\x27\u2019]+\s+){{0,8}}?to\s+)"
    return re.compile(rf"\b(?P<speaker>[^\W_]++)\s*,?\s+(?:{auxiliaries}\s+)*{bridge}?\Z", FLAGS)


@cache
def _not_speakers() -> frozenset[str]:
    data = cue_data()["attribution"]
    return frozenset(data["not_speakers"]) | frozenset(data["writer"])


@cache
def _view_verbs() -> re.Pattern[str]:
    views = cue_data()["attribution"]["view_verbs"]
    return re.compile(words_pattern(views) + r"|worried|concern|fears", FLAGS)


@cache
def _speech_tag() -> GatedPattern:
    """The speaker named after what they said, at the sentence's end: "…, Ruby told her
    teacher.", "…, Ms Ford said."."""
    verbs = alternatives(cue_data()["attribution"]["speech_verbs"])
    auxiliaries = alternatives(cue_data()["attribution"]["auxiliaries"])
    return GatedPattern(
        rf"{TAG_SPEAKER}(?P<speaker>[^\W_]++)\s+"
        rf"(?:{auxiliaries}\s+)*(?P<verb>{verbs})\b(?:\s+[\w\x27\u2019-]+){{0,7}}\W*\Z",
        FLAGS,
    )


@cache
def _speech_aside() -> GatedPattern:
    """The speaker named between commas inside what they said: "Tommy, the lunchtime supervisor
    says, has been …", "The family, Nan mentioned, are hoping …"."""
    verbs = alternatives(cue_data()["attribution"]["speech_verbs"])
    auxiliaries = alternatives(cue_data()["attribution"]["auxiliaries"])
    return GatedPattern(
        rf",\s*(?!{NOT_ASIDE}\b)(?:[\w\x27\u2019-]+\s+){{0,4}}?(?P<speaker>(?:[^\W_]+-)*[^\W_]++)\s+"
        rf"(?:{auxiliaries}\s+)*(?P<verb>{verbs})\b"
        rf"(?:\s+(?!that\b|{AUXILIARY_VERB})[\w\x27\u2019-]+){{0,3}}\s*,"
        rf"\s+(?=[\w\x27\u2019])",
        FLAGS,
    )


def compile_patterns() -> None:
    _speech_frame()
    _speech_tag()
    _speech_aside()


def attribution(text: str, span: Span) -> Attribution | None:
    """Where the sentence says its information came from someone else, and whether it
    names them."""
    frame = unattributed_cues().search(text, span)
    if frame is not None:
        named = named_by().match(text, frame.end(), span.end) is not None
        why = NAMED_SOURCE if named else unattributed_cues().why
        return Attribution(named, False, frame.start(), frame.end(), why)
    speech = _named_speaker(text, span)
    if speech is not None:
        start, frame = speech
        view = _view_verbs().search(frame.group("verb")) is not None
        return Attribution(True, view, start, frame.end("verb"), NAMED_SOURCE)
    source = source_cues()["third_party"].search(text, span)
    if source is not None:
        return Attribution(True, False, source.start(), source.end(), NAMED_SOURCE)
    return None


def _named_speaker(text: str, span: Span) -> tuple[int, re.Match[str]] | None:
    """The first report of speech whose speaker is someone other than the writer, with the
    speaker's offset."""
    for frame in _speech_frame().finditer(text, span):
        if (
            SHARED_THING.match(text, frame.start("verb")) is not None
            or POSSIBILITY.search(
                text, max(span.start, frame.start("verb") - 40), frame.start("verb")
            )
            is not None
        ):
            continue
        window = max(span.start, frame.start() - SPEAKER_REACH)
        if ARRESTED_AFTER.search(text, span.start, frame.start()) is not None:
            continue
        speaker = _speaker().search(text, window, frame.start())
        if (
            speaker is not None
            and speaker.group("speaker").casefold() not in _not_speakers()
            and DATE_BEFORE.search(text, window, speaker.start()) is None
        ):
            return speaker.start(), frame
        if speaker is not None and speaker.group("speaker").casefold() == "and":
            told = Span(frame.end("verb"), span.end, span.cues)
            told_of_harm = harm().search(text, told) is not None
            subject = CLAUSE_SUBJECT.match(
                text, _where_clause_begins(text, span, speaker.start()), speaker.start()
            )
            if told_of_harm and subject is not None:
                return subject.start("subject"), frame
    if text.find(",", span.start, span.end) < 0:
        return None  # the speaker named between commas or last both follow a comma
    for pattern in (_speech_aside(), _speech_tag()):
        found = pattern.search(text, span)
        if found is not None and _is_speaker(text, found):
            return found.start("speaker"), found
    return None


# An arrest or a charge, then the complaint behind it: "Mr Trew was arrested on 27 December
# after Ms Maddox reported that he had assaulted her" is the police's record of the arrest,
# not Ms Maddox's account passed on.
ARRESTED_AFTER = re.compile(
    r"\b(?:was|were|has\s+been|had\s+been)\s+(?:arrested|charged|cautioned|convicted|remanded)"
    r"\b[^.;]*\b(?:after|following|when)\b[^.;]*\Z",
    re.IGNORECASE,
)
# The one who did something and then told: "Callum arrived with a cut lip and said his
# stepdad …", "25/11, Tyler came to drop-in and said …": a name opening the clause.
CLAUSE_SUBJECT = re.compile(
    r"\W*(?:[\d/.]+\s*[\u2013\u2014-]\s*)?(?:(?:after|when|then)\s+)?"
    r"(?P<subject>(?-i:(?!(?:The|This|That|These|Those|There|Then|It|On|In|At|After|When|"
    r"During|Since|Today|Yesterday|Call|Phone|Note|Log|Visit|Home|Seen)\b)[A-Z][a-z]+))\b",
    re.IGNORECASE,
)
CLAUSE_END = re.compile(r"[.;:\u2013\u2014]|\bafter\b", re.IGNORECASE)


def _where_clause_begins(text: str, span: Span, before: int) -> int:
    """Where the clause holding `before` begins: after the last stop, colon or dash."""
    ends = [found.end() for found in CLAUSE_END.finditer(text, span.start, before)]
    return ends[-1] if ends else span.start


def _is_speaker(text: str, tag: re.Match[str]) -> bool:
    return (
        tag.group("speaker").casefold() not in _not_speakers()
        and SHARED_THING.match(text, tag.start("verb")) is None
    )


def unattributed_findings(text: str, found: Attribution | None) -> list[Finding]:
    if found is None or found.named:
        return []
    return [make_finding("unattributed_report", text, found.start, found.end)]
