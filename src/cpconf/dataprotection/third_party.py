"""Which parts of a subject access export name, or come from, someone other than the subject.

The export holds everything; these rules mark what the reviewer must read before release
(another person's information goes out only with their consent or where it is reasonable
without it: Data Protection Act 2018, Schedule 2, paragraph 16). A flag is a prompt to read
with a short reason, never a decision, so the rules err towards flagging.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from cpconf.conference_records import record_content as record_parts
from cpconf.reports import report_content as parts

# One "Type: name" or "Type: name <email>" per person named, so the reviewer sees who.
PROFESSIONAL = gettext_noop("Names a professional ({role}): {who}")
ADULT_IN_FAMILY = gettext_noop(
    "Personal details and access needs of an adult in the family: {name}"
)
OTHER_FAMILY_MEMBER = gettext_noop(
    "Personal details and access needs of another family member: {name}"
)
CHILD = gettext_noop("Personal details of a child: {name}")
CHILDREN_NAMED = gettext_noop("Names the children: {names}")
MEMBERS_NAMED = gettext_noop("Names family members: {names}")
RESTRICTED = gettext_noop("Restricted section: withheld from the family's copy of the report")
QUOTED = gettext_noop("Quotes or reports what someone said; check who: “{excerpt}”")
SOURCES = gettext_noop("Names where information came from: {sources}")
SHARING = gettext_noop(
    "Records who the report was shared with and their comments in their own words"
)
OTHER_FAMILY = gettext_noop("About the {name} family, not the person asking")
ACTOR = gettext_noop("Names the person who acted: {who}")
HOLD = gettext_noop("Legal hold: may concern legal proceedings and names {who}")
SENT_BY = gettext_noop("Written or sent by a family member, in their own words: {name}")
ADDRESSED_TO = gettext_noop("Addressed to {name}, with their address")
FRONT_SHEET = gettext_noop("The family's front sheet as it stood: names everyone on it")
PEOPLE_NAMED = gettext_noop("Names people at or around the conference: {names}")
SAID_AT_THE_MEETING = gettext_noop("Records what people said at the meeting: {names}")
DISSENT = gettext_noop("Dissenting views: {names}")

_REPORTED_SPEECH = re.compile(
    r"[“”\"]|\b(said|says|told|tells|reported|disclosed|alleged|alleges|stated|states|"
    r"according to|informed|complained|described|claimed|claims)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
EXCERPT_LENGTH = 90


def reasons_text(reasons: Iterable[str]) -> str:
    return "; ".join(dict.fromkeys(r for r in reasons if r))


def person(name: str, email: str = "") -> str:
    return f"{name} <{email}>" if email and email != name else (name or email)


def reported_speech(text: str) -> list[str]:
    """Sentences that quote someone or say what someone said: a third party may be named."""
    sentences = (s.strip() for s in _SENTENCE_END.split(text or ""))
    found = [s for s in sentences if s and _REPORTED_SPEECH.search(s)]
    return [
        s if len(s) <= EXCERPT_LENGTH else s[: EXCERPT_LENGTH - 1].rstrip() + "…" for s in found
    ]


@dataclass(frozen=True)
class Requester:
    """Whose information the export is, so each item can say whether it names someone else.

    A family's export is the children's: the adults in the family are other people. A
    person's export is theirs alone: the children and the other adults are other people,
    except the child a young person's own family-member row stands for (`child_ids`).
    """

    family_ids: frozenset[int]
    member_id: int | None = None
    user_id: int | None = None
    for_family: bool = False
    names: frozenset[str] = field(default_factory=frozenset)
    child_ids: frozenset[int] = field(default_factory=frozenset)

    def professional(self, role: str, user_id: int | None, name: str, email: str = "") -> str:
        if user_id is not None and user_id == self.user_id:
            return ""
        if not (name or email):
            return ""
        return _(PROFESSIONAL).format(role=role, who=person(name, email))

    def family_member(self, member_id: int, name: str) -> str:
        if member_id == self.member_id:
            return ""
        words = ADULT_IN_FAMILY if self.for_family else OTHER_FAMILY_MEMBER
        return _(words).format(name=name)

    def child(self, name: str, child_id: int | None = None) -> str:
        if self.for_family or (child_id is not None and child_id in self.child_ids):
            return ""
        return _(CHILD).format(name=name)

    def sent_by(self, member_id: int, name: str, text: str = "") -> list[str]:
        """What a family member wrote or sent: theirs alone, so anyone else's export (the
        family's too, whose subjects are the children) is given it only after review; and
        their words may themselves report what someone else said."""
        reasons = [] if member_id == self.member_id else [_(SENT_BY).format(name=name)]
        return reasons + [_(QUOTED).format(excerpt=e) for e in reported_speech(text)[:3]]

    def addressed_to(self, member_id: int | None, name: str) -> str:
        """A letter to another adult holds their name and address; one to the family as a
        whole (no recipient) is the family's."""
        if member_id is None or member_id == self.member_id:
            return ""
        return _(ADDRESSED_TO).format(name=name)

    def others_named(self, names: Iterable[str]) -> list[str]:
        return list(dict.fromkeys(n for n in names if n and n not in self.names))

    def record_part(self, key: str, content: dict[str, Any], *, text: str) -> list[str]:
        """Why one part of a conference record needs review: the chair writes down who was
        there, who said what, who does what, who scored what and who disagreed."""
        shape = record_parts.PART_TYPES.get(key)  # a part since retired: its words only
        part = shape.from_json(content) if shape is not None else None
        named: list[str] = []
        reasons: list[str] = []
        match part:
            case record_parts.FamilyMeeting() as meeting:
                named = list(meeting.attended)
            case record_parts.Introductions() as introductions:
                named = [p.name for p in introductions.participants]
            case record_parts.Discussion() as discussion:
                speakers = self.others_named(e.speaker for e in discussion.entries)
                if speakers:
                    reasons.append(_(SAID_AT_THE_MEETING).format(names=", ".join(speakers)))
            case record_parts.Plan() as plan:
                named = [action.who for action in plan.actions]
            case record_parts.Scaling() as scaling:
                named = [score.participant for score in scaling.scores]
            case record_parts.Decisions() as decisions:
                dissenting = self.others_named(d.who for d in decisions.dissent)
                if dissenting:
                    reasons.append(_(DISSENT).format(names=", ".join(dissenting)))
                children = [c.name for c in decisions.children if c.child_id not in self.child_ids]
                if children and not self.for_family:
                    reasons.append(_(CHILDREN_NAMED).format(names=", ".join(children)))
            case record_parts.FutureDates() as future:
                named = list(future.core_group_members)
        others = self.others_named(named)
        if others:
            reasons.append(_(PEOPLE_NAMED).format(names=", ".join(others)))
        reasons += [_(QUOTED).format(excerpt=excerpt) for excerpt in reported_speech(text)[:3]]
        return reasons

    def family(self, family_id: int, name: str) -> str:
        return "" if family_id in self.family_ids else _(OTHER_FAMILY).format(name=name)

    def actor(self, actor_id: int | None, label: str) -> str:
        if actor_id is not None and actor_id == self.user_id:
            return ""
        return _(ACTOR).format(who=label) if label else ""

    def report_part(
        self,
        kind: str,
        content: dict[str, Any],
        *,
        text: str,
        hidden: bool,
        author_id: int | None,
    ) -> list[str]:
        """Why one part of a report needs review; `hidden` is a section the family never sees."""
        reasons = [_(RESTRICTED)] if hidden or kind == "restricted" else []
        match parts.content_of(kind, content):
            case parts.FrontSheet() as front:
                reasons.append(self.professional(_("author"), author_id, front.name, front.email))
            case parts.Children() as children:
                names = [c.name for c in children.children]
                if names and not self.for_family:
                    reasons.append(_(CHILDREN_NAMED).format(names=", ".join(names)))
            case parts.FamilyMembers() as members:
                others = [m.name for m in members.members if m.name and m.name not in self.names]
                if others:
                    reasons.append(_(MEMBERS_NAMED).format(names=", ".join(others)))
            case parts.Sharing() as sharing:
                if sharing.shared_with or sharing.comments:
                    reasons.append(_(SHARING))
            case parts.Chronology() as chronology:
                sources = [e.source for e in chronology.entries]
                if any(sources):
                    named = ", ".join(dict.fromkeys(s for s in sources if s))
                    reasons.append(_(SOURCES).format(sources=named))
        reasons += [_(QUOTED).format(excerpt=excerpt) for excerpt in reported_speech(text)[:3]]
        return reasons
