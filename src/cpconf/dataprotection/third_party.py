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
    person's export is theirs alone: the children and the other adults are other people.
    """

    family_ids: frozenset[int]
    member_id: int | None = None
    user_id: int | None = None
    for_family: bool = False
    names: frozenset[str] = field(default_factory=frozenset)

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

    def child(self, name: str) -> str:
        return "" if self.for_family else _(CHILD).format(name=name)

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
