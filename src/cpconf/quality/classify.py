"""Each sentence's kind (fact, observation, allegation, opinion) and source (the writer, a
third party, a record, or unknown), with the cues that decided them.

The order of the tests is the policy: a claim of harm passed on from someone else is an
allegation even if the writer adds a view; the writer's explicit view beats what they saw;
what they saw beats a hedge; anything left is a recorded fact. Then the kind model
(`cpconf.quality.kind_model`), which reads the sentence's wording as a whole, overrules the
cues where it is sure of another kind: the cue lists know only the ways of saying a thing
they were shown, and new writers find new ones.
"""

import re
from functools import cache

from cpconf.quality.attribution import Attribution, attribution
from cpconf.quality.cue_lists import (
    harm,
    harm_negation,
    kind_cues,
    normalise_answer,
    source_cues,
    stock_answers,
    stock_initials,
)
from cpconf.quality.judgement import Judgement, find_judgement, has_evidence
from cpconf.quality.kind_model import overruling_kind
from cpconf.quality.prefilter import GatedAlternatives, GatedPattern
from cpconf.quality.results import Cue, Decides, Kind, Sentence, Source
from cpconf.quality.sentences import Span

FIRST_PERSON = GatedPattern(r"\b(?-i:I)\b|\b(?:my|me|we|our|myself|ourselves)\b", re.IGNORECASE)
WHY_ALLEGATION = "Someone else says a person caused harm or did wrong: it has not been proved."
WHY_JUDGEMENT = "It judges a person rather than describing what happened."
WHY_FACT = "It states an event or figure that can be checked, with no judgement or report."
WHY_STOCK = "One of the report form's accepted answers."
WHY_WRITER = "The writer speaks for themselves (I, my, we)."
WHY_WRITER_VIEW = "It is the writer's own judgement or observation."
WHY_UNKNOWN = "It reports a claim without saying where it came from."
WHY_RECORD = "No one is named as the source: it reads as a recorded fact."
RELATIVE = re.compile(r"\b(?:which|who|whom|what)\b", re.IGNORECASE)
# The one the writer saw speaks: "he told me", "who said", "answered the door, said", "and said".
SAME_SPEAKER = re.compile(
    r"(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]ho|[Ww]hich|and)\b|[a-z][\w\x27\u2019-]*\s*,"
)
JOINED = re.compile(r",\s*and\b|;", re.IGNORECASE)
# A figure counted ("attendance is 72%", "kept all six of her appointments"): with no cue of a
# view, the record of a figure, which the kind model may not make a judgement (a score "out
# of 10" is one, and is left to it).
COUNTED = re.compile(
    r"\d+(?:\.\d+)?\s*%|\ball\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:of\s+)?(?:her|his|their|the)\b",
    re.I,
)
# A record named as the source ("the records show", "according to the register", "was
# recorded"), not only a figure's name ("attendance is", which can start a judgement).
RECORD_NAMED = re.compile(
    r"record|register|file|notes|system|database|chronolog|data|figures|log|chart|sheet|diar", re.I
)
# An arrest, charge or conviction told by no one in particular is the police's or the
# court's record; told by the writer ("We had a call from the police saying Mr Dunn had been
# arrested …") it is what they were told.
CRIMINAL_RECORD = re.compile(r"arrested|charged|cautioned|convicted|remanded", re.I)
VIEW_OR_SEEN = ("opinion_frame", "hedge", "perception", "appearance")
# Someone's own words in quotation marks: double or curly quotes, or straight single quotes
# that open after a space and close before one (not the apostrophes of "don't" or "boys'").
QUOTED = re.compile(
    r'"[^"]*"'
    "|\u201c[^\u201d]*\u201d"
    "|\u2018[^\u2018\u2019]*\u2019(?!\\w)"
    r"|(?<!\w)'(?=\w)[^']*?[\w.,!?]'(?!\w)"
)
QUOTE_MARKS = ('"', "\u201c", "\u2018", "'")
# The cues that speak for the writer: in a quotation they are the speaker's words ("Jayden
# told his coach 'Dad kicked me'": the "me" is Jayden, and no one there was the writer).
WRITERS_CUES = frozenset({"opinion_frame", "hedge", "perception", "appearance"})
# How likely the kind model must find another kind to overrule the cues: chosen on held-out
# set 13 (kind 0.965 at 0.6, 0.956 at 0.5, 0.938 at 0.7) before sets 14 and 15 were scored.
KIND_MODEL_SURE = 0.6
WHY_WORDING: dict[Kind, str] = {
    "fact": "Its wording as a whole reads as a record of what happened, with no judgement.",
    "observation": "Its wording as a whole reads as what the writer saw or heard.",
    "allegation": "Its wording as a whole reads as a claim that someone caused harm or did "
    "wrong: it has not been proved.",
    "opinion": "Its wording as a whole reads as a judgement, though no one phrase says so.",
}
STOCK_LONGEST = 60
# An opinion frame in which the writer states a view as theirs: a first-person thinking verb
# or "in my view/opinion/assessment", not only a noun for their worries.
STATED_VIEW = re.compile(
    r"^(?:(?-i:I)|we)\b|\bin\s+(?:my|our)\s+(?:\w+\s+)?(?:view|opinion|assessment|judgement)\b",
    re.IGNORECASE,
)
# A formal assessment recorded ("is assessed on OASys as posing a medium risk", "was assessed
# at MARAC as being at high risk"): a record of what an assessment found, which the kind
# model may not make the writer's judgement. The writer's own ("I assessed") is not this.
FORMAL_ASSESSMENT = re.compile(
    r"\b(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+(?:formally\s+)?assessed\s+"
    r"(?:(?:on|under|by|using|at|through|via|with|in)\s+(?:[\w\x27\u2019-]+\s+){1,4}?)?"
    r"as\s+(?:posing|presenting|being|at|having|a|an|high|medium|low|eligible|meeting)\b",
    re.IGNORECASE,
)


class Signs:
    """What one sentence shows, shared by the classifier and the rules. Read lazily: most
    sentences are decided by their first cues, and the costly searches are then never run."""

    def __init__(self, text: str, span: Span) -> None:
        self.text = text
        self.span = span
        self.stock = (
            span.end - span.start <= STOCK_LONGEST
            and span.words[:1] != []
            and span.words[0][0].casefold() in stock_initials()
            and normalise_answer(text[span.start : span.end]) in stock_answers()
        )
        self.attribution = attribution(text, span)
        self._cues: dict[str, re.Match[str] | None] = {}
        self._harm: re.Match[str] | Unread | None = UNREAD
        self._judgement: Judgement | Unread | None = UNREAD
        self._evidence: bool | Unread = UNREAD
        self._writer: re.Match[str] | Unread | None = UNREAD
        self._quoted: list[tuple[int, int]] | None = None

    def cue(self, name: str) -> re.Match[str] | None:
        """The first match of one of the kind cue groups (opinion_frame, hedge, …)."""
        cues = self._cues
        if name not in cues:
            pattern = kind_cues()[name].pattern
            found = pattern.search(self.text, self.span) if self.span.cues & pattern.bit else None
            if found is not None and name in WRITERS_CUES:
                found = self._outside_quotes(found, pattern)
            cues[name] = found
        return cues[name]

    def _outside_quotes(
        self, found: re.Match[str], pattern: GatedPattern | GatedAlternatives
    ) -> re.Match[str] | None:
        """The first match not inside someone's quoted words (`found`: the first match)."""
        quoted = self.quoted
        if not quoted:
            return found
        outside = [
            match
            for match in pattern.finditer(self.text, self.span)
            if not any(start <= match.start() < end for start, end in quoted)
        ]
        return min(outside, key=lambda match: match.start(), default=None)

    @property
    def quoted(self) -> list[tuple[int, int]]:
        """Where the sentence quotes someone's own words."""
        if self._quoted is None:
            sentence = self.text[self.span.start : self.span.end]
            if any(mark in sentence for mark in QUOTE_MARKS):
                self._quoted = [
                    (self.span.start + m.start(), self.span.start + m.end())
                    for m in QUOTED.finditer(sentence)
                ]
            else:
                self._quoted = []
        return self._quoted

    # Read once, when first asked for (plain attributes: cached_property takes a lock).
    @property
    def harm(self) -> re.Match[str] | None:
        if isinstance(self._harm, Unread):
            self._harm = self._read_harm()
        return self._harm

    @property
    def judgement(self) -> Judgement | None:
        if isinstance(self._judgement, Unread):
            self._judgement = find_judgement(self.text, self.span)
        return self._judgement

    @property
    def evidence(self) -> bool:
        if isinstance(self._evidence, Unread):
            self._evidence = has_evidence(self.text, self.span, self.judgement)
        return self._evidence

    @property
    def writer(self) -> re.Match[str] | None:
        """The writer speaking for themselves: "I", "my", "we"."""
        if isinstance(self._writer, Unread):
            found = FIRST_PERSON.search(self.text, self.span)
            if found is not None:
                found = self._outside_quotes(found, FIRST_PERSON)
            self._writer = found
        return self._writer

    def _read_harm(self) -> re.Match[str] | None:
        for found in harm().finditer(self.text, self.span):
            before = self.text[max(self.span.start, found.start() - 40) : found.start()]
            if harm_negation().search(before) is None:
                return found
        return None


class Unread:
    """A sign not yet read."""


UNREAD = Unread()


def read_signs(text: str, span: Span) -> Signs:
    return Signs(text, span)


def is_bare_judgement(signs: Signs) -> bool:
    """A judgement with no sign it is a view, no evidence and no one else's name on it. A
    sentence in which the writer appears ("Mum was honest with me") tells of their own
    dealings with the person, which is evidence of a kind."""
    # The writer's presence is checked before the judgement: it is the cheaper search.
    if signs.attribution is not None or signs.writer is not None:
        return False
    if signs.judgement is None or signs.evidence:
        return False
    return all(_is_the_judgement(signs, signs.cue(name)) for name in VIEW_OR_SEEN)


def _is_the_judgement(signs: Signs, cue: re.Match[str] | None) -> bool:
    """No cue, or a cue found inside the judgement's own words ("Dylan's behaviour has
    deteriorated" is both): the judgement itself, not a sign that it is a view."""
    if cue is None:
        return True
    judged = signs.judgement
    return judged is not None and judged.start <= cue.start() and cue.end() <= judged.end


def classify(text: str, span: Span, signs: Signs, kind_scores: list[float]) -> Sentence:
    """The sentence's kind and source; `kind_scores`: the kind model's scores for it
    (`kind_model.scores_of`, worked out for every sentence of the text at once)."""
    kind, kind_cue = _kind(text, span, signs, kind_scores)
    source, source_cue = _source(text, span, signs, kind, kind_cue)
    return Sentence(
        text=text[span.start : span.end],
        start=span.start,
        end=span.end,
        kind=kind,
        source=source,
        cues=(kind_cue, source_cue),
    )


def _kind(text: str, span: Span, signs: Signs, kind_scores: list[float]) -> tuple[Kind, Cue]:
    """The kind by the cues, unless the kind model is sure of another kind (not when it reads
    the sentence as none of the four, and never for the report form's stock answers)."""
    kind, cue = _kind_by_cues(text, span, signs)
    if signs.stock:
        return kind, cue
    if kind == "opinion" and _states_own_view(signs):
        return kind, cue
    other = overruling_kind(kind_scores, kind, KIND_MODEL_SURE)
    if other is None or _a_record_the_model_keeps(text, span, signs, kind, other):
        return kind, cue
    if kind == "opinion" and other == "fact" and is_bare_judgement(signs):
        # The coach flags it as an opinion stated as fact, so it does not read it as a fact.
        return kind, cue
    return other, _empty("kind", other, WHY_WORDING[other], span)


def _a_record_the_model_keeps(text: str, span: Span, signs: Signs, kind: Kind, other: Kind) -> bool:
    """A fact the model may not make another kind: one a named record gives; or, where the
    model would make it a judgement, a formal assessment recorded or a figure counted."""
    if kind != "fact":
        return False
    if _cites_a_record(text, span, signs):
        return True
    if other != "opinion":
        return False
    if signs.writer is None and FORMAL_ASSESSMENT.search(text, span.start, span.end) is not None:
        return True
    return COUNTED.search(text, span.start, span.end) is not None


def _cites_a_record(text: str, span: Span, signs: Signs) -> bool:
    """The sentence says which record it reads from ("Our daily records show that …", "the
    nursery's log records …"): what it tells is that record's, so the model does not make
    it the writer's observation or view, however much its words read like one."""
    if signs.attribution is not None:
        return False
    cited = source_cues()["record"].search(text, span)
    if cited is None:
        return False
    if RECORD_NAMED.search(cited.group(0)) is not None:
        return True
    return CRIMINAL_RECORD.search(cited.group(0)) is not None and signs.writer is None


def _states_own_view(signs: Signs) -> bool:
    """The writer says in so many words that this is their view ("In my opinion ...", "I
    consider that ..."): the model is not asked to read it as anything else. A frame that
    only names the writer's worries ("our concerns") may still be a record of what was done
    with them ("We escalated our concerns to the MASH"), so the model may overrule that."""
    frame = signs.cue("opinion_frame")
    if frame is None:
        return False
    return STATED_VIEW.search(frame.group(0)) is not None or frame.re in _views_noted_first()


@cache
def _views_noted_first() -> frozenset[re.Pattern[str]]:
    """The opinion frames written to open a sentence (``^`` in the cue lists): a heading's
    "Recommendation:" or "Scaling: 4/10", a clipped "Worried that …". The writer noting their
    own view, as plainly as "I think" does."""
    frames = kind_cues()["opinion_frame"].pattern
    parts = frames.parts if isinstance(frames, GatedAlternatives) else [frames]
    return frozenset(part.pattern for part in parts if part.anchored)


def _kind_by_cues(text: str, span: Span, signs: Signs) -> tuple[Kind, Cue]:
    if signs.stock:
        return "fact", _empty("kind", "fact", WHY_STOCK, span)
    if (claim := signs.cue("allegation_word")) is not None and not _handled(signs, claim):
        return "allegation", _from_group("kind", "allegation", "allegation_word", claim)
    if signs.attribution is not None and signs.harm is not None:
        return "allegation", _from_match("kind", "allegation", WHY_ALLEGATION, signs.harm)
    if (worry := signs.cue("concern_report")) is not None:
        return "allegation", _from_group("kind", "allegation", "concern_report", worry)
    if (view := signs.cue("opinion_frame")) is not None:
        return "opinion", _from_group("kind", "opinion", "opinion_frame", view)
    if (seen := signs.cue("perception")) is not None:
        return "observation", _from_group("kind", "observation", "perception", seen)
    if (judged := signs.judgement) is not None:
        return "opinion", _at("kind", "opinion", WHY_JUDGEMENT, text, judged.start, judged.end)
    if (hedged := signs.cue("hedge")) is not None:
        return "opinion", _from_group("kind", "opinion", "hedge", hedged)
    if signs.attribution is not None and signs.attribution.view:
        told = signs.attribution
        return "opinion", _at("kind", "opinion", WHY_JUDGEMENT, text, told.start, told.end)
    if (looked := signs.cue("appearance")) is not None and _looked_before_speaking(signs, looked):
        return "observation", _from_group("kind", "observation", "appearance", looked)
    return "fact", _empty("kind", "fact", WHY_FACT, span)


def _looked_before_speaking(signs: Signs, looked: re.Match[str]) -> bool:
    """How someone looked is the writer's to tell: when no one else tells it, or when the one
    who looked so speaks after it ("Dad presented as low in mood, little eye contact, said he
    had not slept"). Told first by someone else ("The midwife said Mum presented as …"), or
    told by someone new after it, it is theirs."""
    told = signs.attribution
    if told is None:
        return True
    return (
        told.named
        and not told.view
        and looked.end() <= told.start
        and SAME_SPEAKER.match(signs.text, told.start, told.end) is not None
    )


def _handled(signs: Signs, claim: re.Match[str]) -> bool:
    """The allegation word names an allegation being dealt with ("NFA on the allegation")."""
    handled = signs.cue("allegation_handled")
    return handled is not None and handled.start() <= claim.start() < handled.end()


def _source(text: str, span: Span, signs: Signs, kind: Kind, told: Cue) -> tuple[Source, Cue]:
    attributed = signs.attribution
    if attributed is not None and not signs.stock and not _seen_first(signs, told, attributed):
        source: Source = "third_party" if attributed.named else "unknown"
        return source, _at("source", source, attributed.why, text, attributed.start, attributed.end)
    record = source_cues()["record"]
    from_record = record.search(text, span)
    if from_record is not None:
        return "record", _from_match("source", "record", record.why, from_record)
    writer = signs.writer
    if writer is not None:
        return "author", _from_match("source", "author", WHY_WRITER, writer)
    if kind in ("opinion", "observation") or signs.stock:
        return "author", _empty("source", "author", WHY_WRITER_VIEW, span)
    if kind == "allegation":
        return "unknown", _empty("source", "unknown", WHY_UNKNOWN, span)
    return "record", _empty("source", "record", WHY_RECORD, span)


def _seen_first(signs: Signs, told: Cue, attributed: Attribution) -> bool:
    """The writer saw it, and the one they saw speaks after ("I noticed a plaster on his
    forehead, which he said he got falling off his scooter", "When I spoke to Jayden, he told
    me …", "A man I did not recognise answered the door, said …"): the writer's observation,
    where someone else named as the speaker ("…, the IRO told me") would be a third party.
    Or the writer's own view, and then, joined by "and", what someone said ("Mum appears
    more settled, and she told me she is sleeping better")."""
    if not attributed.named or attributed.view:
        return False
    if told.value == "observation":
        return (
            told.text != ""
            and told.end <= attributed.start
            and (
                RELATIVE.search(signs.text, told.end, attributed.start) is not None
                or SAME_SPEAKER.match(signs.text, attributed.start, attributed.end) is not None
            )
        )
    if told.value != "opinion":
        return False
    views = (signs.cue(name) for name in ("opinion_frame", "hedge"))
    return any(
        view is not None
        and view.end() <= attributed.start
        and JOINED.search(signs.text, view.end(), attributed.start) is not None
        for view in views
    )


def _from_group(decides: Decides, value: str, group: str, match: re.Match[str]) -> Cue:
    return _from_match(decides, value, kind_cues()[group].why, match)


def _from_match(decides: Decides, value: str, why: str, match: re.Match[str]) -> Cue:
    return Cue(decides, value, why, match.start(), match.end(), match.group())


def _at(decides: Decides, value: str, why: str, text: str, start: int, end: int) -> Cue:
    return Cue(decides, value, why, start, end, text[start:end])


def _empty(decides: Decides, value: str, why: str, span: Span) -> Cue:
    """A cue for the absence of other cues: it points at the sentence's start."""
    return Cue(decides, value, why, span.start, span.start, "")
