"""The outcome letter to one family member: its words from plain facts, and Word and PDF.

A pure core: nothing here imports Django. `outcome_letter_content` writes the letter in plain
language (short sentences, no professional words: parents read it, often under stress) as
the frozen shape an issued letter keeps::

    {"title": str, "addressed_to": str, "greeting": str,
     "letterhead": [str], "recipient_address": [str], "details": [[label, value]],
     "notice": [str], "format": {"language", "interpreter", "large_print", "easy_read"},
     "sections": [{"heading": str, "paragraphs": [str], "kind"?: "easy_read"}]}

`letter_docx` and `letter_pdf` draw that shape, so an issued letter reads the same forever
(letters issued before the letterhead and format existed hold only title, addressed_to and
sections, and draw as they did). Words go through the `gettext` the caller passes.

Every date the letter asks the family to act by is after the letter's own date: a meeting
or action date that has already gone by is said without a date, never as a deadline.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from cpconf.documents import word
from cpconf.documents.minutes import docx_bytes, html_page, new_docx, page_styles, pdf_bytes
from cpconf.documents.model import Wording, printable
from cpconf.documents.pdf import FONT_FAMILY

__all__ = [
    "APPEAL_NOT_AFTER_LETTER",
    "CATEGORY_WORDS",
    "DECISION_WORDS",
    "EASY_READ",
    "EXPLAINED_TERMS",
    "ChildOutcome",
    "LetterAction",
    "LetterDocument",
    "LetterFacts",
    "LetterFormat",
    "LetterHeading",
    "letter_docx",
    "letter_html",
    "letter_pdf",
    "letter_text",
    "long_date",
    "outcome_letter_content",
]

Translate = Callable[[str], str]

APPEAL_NOT_AFTER_LETTER = "The appeal date {appeal_by} must be after the letter's date {issued_on}"
EASY_READ = "easy_read"

# What each decision means, said plainly (the keys are cpconf.conference_records.record_content's).
DECISION_WORDS = {
    "plan_continues": (
        "{name} will stay on a child protection plan.",
        "This means the people at the meeting still worry about {name}'s safety. "
        "Everyone will keep working with you to keep {name} safe.",
    ),
    "plan_starts": (
        "{name} will have a child protection plan.",
        "This means the people at the meeting worry about {name}'s safety. "
        "A plan is a list of things people will do to help keep {name} safe.",
    ),
    "ends_child_in_need": (
        "{name} does not need a child protection plan any more.",
        "Instead, {name} will have a child in need plan. A social worker will keep working "
        "with your family. You will agree the plan together. It is your choice to take part.",
    ),
    "ends_early_help": (
        "{name} does not need a child protection plan any more.",
        "Instead, your family can get support from people like the school, the health "
        "visitor or a family worker, without a social worker. It is your choice to take it.",
    ),
    "ends_no_further_action": (
        "{name} does not need a child protection plan any more.",
        "Social workers do not need to do anything more. This is called no further action. "
        "If you need help later, you can ask for it.",
    ),
}
PLAN_OUTCOMES = ("plan_continues", "plan_starts")
# After a first (initial) conference a child who gets no plan never had one.
NO_PLAN_FROM_THE_START = "{name} will not have a child protection plan."

# What the meeting found, in the words of the test it applied (seeds/004): "has suffered"
# only where it said so, "is likely to suffer" where the worry is what could happen.
HARM_FOUND = {
    ("yes", "yes"): "The meeting decided that {name} has suffered significant harm. "
    "It also decided that {name} is likely to suffer significant harm.",
    ("no", "yes"): "The meeting decided that {name} is likely to suffer significant harm. "
    "This does not mean it has happened. It means the meeting thinks it could happen.",
    ("yes", "no"): "The meeting decided that {name} has suffered significant harm. "
    "It decided that {name} is not likely to suffer significant harm now.",
    ("no", "no"): "The meeting decided that {name} has not suffered significant harm. "
    "It decided that {name} is not likely to suffer significant harm.",
}
UNBORN_HARM_FOUND = {
    "yes": "{name} is not born yet. The meeting decided that {name} is likely to suffer "
    "significant harm after the birth.",
    "no": "{name} is not born yet. The meeting decided that {name} is not likely to suffer "
    "significant harm after the birth.",
}
# The law's words the letter keeps, because an appeal is about them, and explains where used.
EXPLAINED_TERMS = frozenset({"significant harm"})
SIGNIFICANT_HARM_MEANS = (
    "Significant harm is what the law calls harm that is bad enough to hurt a child's "
    "health or how they grow."
)

# Each category in plain words: (what has happened, what could happen). The second is used
# whenever the meeting did not find the harm had already happened, and for an unborn baby.
CATEGORY_WORDS = {
    "neglect": (
        "{name} has not been getting the care they need, like food, a safe home and help "
        "when ill. This is called neglect.",
        "{name} might not get the care they need, like food, a safe home and help when ill. "
        "This is called neglect.",
    ),
    "physical": (
        "Someone has hit, shaken or hurt {name}. This is called physical abuse.",
        "Someone might hit, shake or hurt {name}. This is called physical abuse.",
    ),
    "emotional": (
        "The way {name} has been treated has hurt their feelings badly. It may have made them "
        "feel scared, alone or not loved. This is called emotional abuse.",
        "The way {name} is treated might hurt their feelings badly. It could make them feel "
        "scared, alone or not loved. This is called emotional abuse.",
    ),
    "sexual": (
        "Someone has done sexual things to {name}, or made them see sexual things. "
        "This is called sexual abuse.",
        "Someone might do sexual things to {name}, or make them see sexual things. "
        "This is called sexual abuse.",
    ),
}


@dataclass(frozen=True)
class LetterAction:
    """One action of the plan, as the family is told it."""

    action: str
    who: str
    by_when: date | None
    for_family: bool = False
    for_recipient: bool = False  # asked of the person the letter is addressed to


@dataclass(frozen=True)
class ChildOutcome:
    name: str
    outcome: str
    categories: tuple[str, ...] = ()
    suffered_harm: str = ""
    likely_to_suffer: str = ""
    consensus: str = "yes"
    actions: tuple[LetterAction, ...] = ()
    unborn: bool = False  # not yet born when the meeting was held


@dataclass(frozen=True)
class LetterHeading:
    """Who the letter comes from (the policy's letterhead)."""

    authority: str
    service: str = ""
    address: tuple[str, ...] = ()
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class LetterFormat:
    """How this reader needs the letter: `language` is theirs when it is not English."""

    language: str = ""
    interpreter: bool = False
    large_print: bool = False
    easy_read: bool = False


@dataclass(frozen=True)
class LetterFacts:
    """Everything one letter says, already chosen for its reader. An empty `recipient` is
    the letter to the family as a whole, for a family with no parent or carer recorded."""

    recipient: str
    meeting_type: str
    held_on: date
    issued_on: date
    chair_name: str
    children: tuple[ChildOutcome, ...]
    chair_summary: str
    contact: str  # whom the family contacts about the letter, an appeal or a complaint
    appeal_by: date
    appeal_within_working_days: int
    case_reference: str = ""
    heading: LetterHeading | None = None
    recipient_address: tuple[str, ...] = ()
    letter_format: LetterFormat = LetterFormat()
    core_group_on: date | None = None
    next_review_on: date | None = None
    child_in_need_meeting_on: date | None = None
    social_worker: str = ""
    first_conference: bool = False  # an initial conference: nobody had a plan before it

    def ahead(self, day: date | None) -> date | None:
        """The date, if it is still to come when the letter is issued."""
        return day if day is not None and day > self.issued_on else None


def long_date(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def _identity(text: str) -> str:
    return text


def _help_contact(facts: LetterFacts, _: Translate) -> str:
    """Where to ask for help with the letter itself: the service's phone and email."""
    heading = facts.heading
    if heading and heading.phone and heading.email:
        return _("us on {phone} or at {email}").format(phone=heading.phone, email=heading.email)
    return facts.contact


def _names(names: list[str], _: Translate) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {_('and')} {names[-1]}"


def outcome_letter_content(facts: LetterFacts, gettext: Translate = _identity) -> dict[str, Any]:
    """The letter in the shape an `OutcomeLetter` keeps."""
    _ = gettext
    if facts.appeal_by <= facts.issued_on:
        raise ValueError(APPEAL_NOT_AFTER_LETTER.format(**vars(facts)))
    sections = [
        _easy_read(facts, _) if facts.letter_format.easy_read else _section("", []),
        _why_we_write(facts, _),
        _chair_summary(facts, _),
        *[_child_section(child, facts, _) for child in facts.children],
        _family_actions(facts, _),
        _next_dates(facts, _),
        _appeal(facts, _),
        _contact(facts, _),
    ]
    children = _names([child.name for child in facts.children], _) if facts.children else ""
    to_family = _("The parents and carers of {children}").format(children=children)
    return {
        "title": _("What the meeting on {day} decided").format(day=long_date(facts.held_on)),
        "addressed_to": facts.recipient or to_family,
        "greeting": _("Dear {name},").format(name=facts.recipient)
        if facts.recipient
        else _("Dear parents and carers,"),
        "letterhead": _letterhead_lines(facts.heading, _),
        "recipient_address": list(facts.recipient_address),
        "details": [
            [_("Date"), long_date(facts.issued_on)],
            [_("Our reference"), facts.case_reference],
            [_("Meeting date"), long_date(facts.held_on)],
        ],
        "notice": _language_notice(facts, _),
        "format": {
            "language": facts.letter_format.language,
            "interpreter": facts.letter_format.interpreter,
            "large_print": facts.letter_format.large_print,
            "easy_read": facts.letter_format.easy_read,
        },
        "sections": [section for section in sections if section["paragraphs"]],
    }


def _letterhead_lines(heading: LetterHeading | None, _: Translate) -> list[str]:
    if heading is None:
        return []
    lines = [heading.authority, heading.service, *heading.address]
    if heading.phone:
        lines.append(_("Phone: {phone}").format(phone=heading.phone))
    if heading.email:
        lines.append(_("Email: {email}").format(email=heading.email))
    return [line for line in lines if line]


def _language_notice(facts: LetterFacts, _: Translate) -> list[str]:
    """Said in English at the top: translations are arranged by people, not made here."""
    wanted = facts.letter_format
    if not (wanted.language or wanted.interpreter):
        return []
    language = wanted.language or _("your language")
    return [
        _(
            "This letter is in English. We will arrange an interpreter to read it with you "
            "in {language}, or a translation of it, at no cost to you."
        ).format(language=language),
        _("To arrange this, contact {contact}.").format(contact=_help_contact(facts, _)),
    ]


def _easy_read(facts: LetterFacts, _: Translate) -> dict[str, Any]:
    """A short summary first, one idea to a line, for a reader who asked for easy read."""
    names = _names([child.name for child in facts.children], _) if facts.children else ""
    lines = [
        _("We had a meeting about {names}.").format(names=names) if names else "",
        _("It was on {day}.").format(day=_day(facts)),
    ]
    for child in facts.children:
        lines.append(_(_decided(child, facts)).format(name=child.name))
    if any(child.outcome in PLAN_OUTCOMES for child in facts.children):
        lines.append(_("A plan is a list of things people will do to keep a child safe."))
    if next_review := facts.ahead(facts.next_review_on):
        lines.append(_("The next meeting is on {day}.").format(day=long_date(next_review)))
    lines.append(_("You can tell us if you do not agree."))
    lines.append(_("Please tell us by {day}.").format(day=long_date(facts.appeal_by)))
    phone = facts.heading.phone if facts.heading else ""
    lines.append(
        _("Do you need help with this letter? Call us on {phone}.").format(phone=phone)
        if phone
        else _("Do you need help with this letter? Contact {contact}.").format(
            contact=facts.contact
        )
    )
    lines.append(_("The rest of this letter tells you more."))
    return _section(_("This letter in a few words"), lines) | {"kind": EASY_READ}


def _day(facts: LetterFacts) -> str:
    return long_date(facts.held_on)


def _why_we_write(facts: LetterFacts, _: Translate) -> dict[str, Any]:
    names = _names([child.name for child in facts.children], _) if facts.children else ""
    return _section(
        _("Why we are writing"),
        [
            _("We held a meeting about {names} on {day}.").format(names=names, day=_day(facts))
            if names
            else _("We held a meeting about your family on {day}.").format(day=_day(facts)),
            _("We call this meeting the {meeting}.").format(
                meeting=_in_a_sentence(facts.meeting_type)
            ),
            _("This letter tells you what the meeting decided and what happens next."),
        ],
    )


def _in_a_sentence(label: str) -> str:
    """A meeting type's label inside a sentence: "Initial child protection conference" loses
    its capital; a name ("Safer Me Plus ...") or an acronym keeps its capitals."""
    words = label.split()
    if (len(words) > 1 and words[1][:1].isupper()) or label[:2].isupper():
        return label
    return label[:1].lower() + label[1:]


def _section(heading: str, paragraphs: list[str]) -> dict[str, Any]:
    return {"heading": heading, "paragraphs": [p for p in paragraphs if p]}


def _decided(child: ChildOutcome, facts: LetterFacts) -> str:
    if facts.first_conference and child.outcome not in PLAN_OUTCOMES:
        return NO_PLAN_FROM_THE_START
    return DECISION_WORDS.get(child.outcome, ("{name}", ""))[0]


def _child_section(child: ChildOutcome, facts: LetterFacts, _: Translate) -> dict[str, Any]:
    _decision, meaning = DECISION_WORDS.get(child.outcome, ("{name}", ""))
    paragraphs = [_(_decided(child, facts)).format(name=child.name), *_harm_found(child, _)]
    if child.outcome in PLAN_OUTCOMES:
        happened = child.suffered_harm == "yes" and not child.unborn
        for number, key in enumerate(child.categories):
            opening = (
                _("The meeting is also worried about this:")
                if number
                else _("The meeting is worried about this:")
            )
            has_happened, could_happen = CATEGORY_WORDS.get(key, (key, key))
            worry = _(has_happened if happened else could_happen).format(name=child.name)
            paragraphs.append(f"{opening} {worry}")
    paragraphs.append(_(meaning).format(name=child.name))
    if child.consensus == "no":
        paragraphs.append(_("Not everyone agreed. So the chair made the decision."))
    else:
        paragraphs.append(_("Everyone at the meeting agreed with this decision."))
    paragraphs += _child_actions(child, facts, _)
    return _section(_("What the meeting decided for {name}").format(name=child.name), paragraphs)


def _harm_found(child: ChildOutcome, _: Translate) -> list[str]:
    if child.unborn:
        found = UNBORN_HARM_FOUND.get(child.likely_to_suffer)
    else:
        found = HARM_FOUND.get((child.suffered_harm, child.likely_to_suffer))
    if found is None:
        return []
    return [_(found).format(name=child.name), _(SIGNIFICANT_HARM_MEANS)]


def _chair_summary(facts: LetterFacts, _: Translate) -> dict[str, Any]:
    """The chair's summary is the "why" behind every child's decision, said once."""
    summary = facts.chair_summary.strip()
    if not summary:
        return _section(_("What the chair said"), [])
    return _section(
        _("What the chair said"),
        [_("{chair} chaired the meeting. At the end they said:").format(chair=facts.chair_name)]
        + [line.strip() for line in summary.split("\n") if line.strip()],
    )


def _child_actions(child: ChildOutcome, facts: LetterFacts, _: Translate) -> list[str]:
    if not child.actions:
        return []
    lines = [_("These are the things in the plan for {name}:").format(name=child.name)]
    return lines + [_action_line(action, facts, _) for action in child.actions]


def _action_line(action: LetterAction, facts: LetterFacts, _: Translate) -> str:
    who = action.who.strip() or _("Someone from the meeting")
    what = action.action.strip().rstrip(".")
    if action.by_when is None:
        return _("{who}: {what}.").format(who=who, what=what)
    if facts.ahead(action.by_when) is None:
        return _("{who}: {what}. Your social worker will agree a new date for this.").format(
            who=who, what=what
        )
    return _("{who}: {what}. By {day}.").format(who=who, what=what, day=long_date(action.by_when))


def _family_actions(facts: LetterFacts, _: Translate) -> dict[str, Any]:
    """What the plan asks of the family. A letter to one person says "you" only of the
    actions that are theirs, and lists the rest as asked of others: a father
    who does not live with the children is not told a step the mother must take is his."""
    seen: list[LetterAction] = []
    for child in facts.children:
        seen += [a for a in child.actions if a.for_family and a not in seen]
    if not seen:
        return _section(_("What we are asking you to do"), [])
    if not facts.recipient:
        paragraphs = [_("The plan asks your family to do these things:")]
        paragraphs += [_action_line(action, facts, _) for action in seen]
    else:
        yours = [a for a in seen if a.for_recipient]
        others = [a for a in seen if not a.for_recipient]
        paragraphs = []
        if yours:
            paragraphs.append(_("The plan asks you to do these things:"))
            paragraphs += [_action_line(action, facts, _) for action in yours]
        if others:
            # "Others", not "others in the family": an action may be led by a worker with
            # the family ("Joanne Pritchard with Kelly and Shaun").
            paragraphs.append(_("It asks others to do these things:"))
            paragraphs += [_action_line(action, facts, _) for action in others]
    paragraphs.append(_("If you are not sure what to do, ask your social worker."))
    return _section(_("What we are asking you to do"), paragraphs)


def _next_dates(facts: LetterFacts, _: Translate) -> dict[str, Any]:
    paragraphs = []
    if facts.core_group_on is not None:
        if core_group := facts.ahead(facts.core_group_on):
            paragraphs.append(
                _("The core group will meet on {day}.").format(day=long_date(core_group))
            )
        else:
            paragraphs.append(_("Your social worker will tell you when the core group meets."))
        paragraphs.append(_("The core group is you and the workers who help with the plan."))
    if facts.child_in_need_meeting_on is not None:
        if meeting := facts.ahead(facts.child_in_need_meeting_on):
            paragraphs.append(
                _("The child in need meeting will be on {day}.").format(day=long_date(meeting))
            )
        else:
            paragraphs.append(_("We will write to you with the date of the child in need meeting."))
    if facts.next_review_on is not None:
        if review := facts.ahead(facts.next_review_on):
            paragraphs.append(
                _("The next review meeting will be on {day}.").format(day=long_date(review))
            )
        else:
            paragraphs.append(_("We will write to you with the date of the next review meeting."))
        paragraphs.append(_("At that meeting we will look at how the plan is going."))
    if paragraphs:
        paragraphs.append(_("We will send you a letter about each meeting."))
    return _section(_("What happens next"), paragraphs)


def _appeal(facts: LetterFacts, _: Translate) -> dict[str, Any]:
    return _section(
        _("If you do not agree"),
        [
            _("You can ask for the decision to be looked at again. This is called an appeal."),
            _(
                "Please tell us by {day}. That is {days} working days from the date of this letter."
            ).format(day=long_date(facts.appeal_by), days=facts.appeal_within_working_days),
            _("To appeal, contact {contact}.").format(contact=facts.contact),
            _("You can also complain about how the meeting was run. You can do this at any time."),
            _("You can talk to the chair, or contact {contact}.").format(contact=facts.contact),
        ],
    )


def _contact(facts: LetterFacts, _: Translate) -> dict[str, Any]:
    paragraphs = []
    if facts.social_worker:
        paragraphs.append(
            _("Your social worker is {name}. You can ask them anything about the plan.").format(
                name=facts.social_worker
            )
        )
    paragraphs.append(
        _("If you have a question about this letter, contact {contact}.").format(
            contact=facts.contact
        )
    )
    paragraphs.append(_("With best wishes, {chair}.").format(chair=facts.chair_name))
    return _section(_("Who to contact"), paragraphs)


def letter_text(content: Mapping[str, Any]) -> str:
    """The letter's words as plain text, a line per heading and paragraph (for the quality
    coach): the notice, the greeting, the title and the sections."""
    lines = [*map(str, content.get("notice", ())), str(content.get("greeting", ""))]
    lines += [str(content.get("title", "")), str(content.get("addressed_to", ""))]
    for section in content.get("sections", ()):
        lines += [str(section.get("heading", "")), *map(str, section.get("paragraphs", ()))]
    return "\n".join(line for line in lines if line)


# --- Drawing the letter --------------------------------------------------------------------


@dataclass(frozen=True)
class LetterDocument:
    title: str
    addressed_to: str
    sections: tuple[tuple[str, tuple[str, ...]], ...]
    footer: str = ""
    wording: Wording = field(default_factory=Wording)
    letterhead: tuple[str, ...] = ()
    recipient_address: tuple[str, ...] = ()
    details: tuple[tuple[str, str], ...] = ()
    greeting: str = ""
    notice: tuple[str, ...] = ()
    large_print: bool = False
    summary_first: bool = False  # the first section is the easy-read summary

    @classmethod
    def from_content(
        cls, content: Mapping[str, Any], *, footer: str = "", wording: Wording | None = None
    ) -> LetterDocument:
        sections = content.get("sections", ())
        wanted = content.get("format") or {}
        return cls(
            title=str(content.get("title", "")),
            addressed_to=str(content.get("addressed_to", "")),
            sections=tuple(
                (str(s.get("heading", "")), tuple(str(p) for p in s.get("paragraphs", ())))
                for s in sections
            ),
            footer=footer,
            wording=wording or Wording(),
            letterhead=tuple(map(str, content.get("letterhead", ()))),
            recipient_address=tuple(map(str, content.get("recipient_address", ()))),
            details=tuple((str(label), str(value)) for label, value in content.get("details", ())),
            greeting=str(content.get("greeting", "")),
            notice=tuple(map(str, content.get("notice", ()))),
            large_print=bool(wanted.get("large_print")),
            summary_first=bool(sections) and sections[0].get("kind") == EASY_READ,
        )


LETTER_FONT = f"html {{ font-family: {FONT_FAMILY}; }}"
LETTER_STYLES = """
.letter h1 { margin: 6mm 0 2mm; }
.letter h2 { background: none; border: 0; border-bottom: 2px solid #1d70b8; padding: 0 0 1mm;
             margin: 6mm 0 2mm; font-size: 13pt; }
.letter p { font-size: 12pt; line-height: 1.5; margin: 0 0 2.5mm; }
.letter .from { text-align: right; margin: 0 0 6mm; }
.letter .from p { margin: 0; font-size: 11pt; line-height: 1.35; }
.letter .from p:first-child { font-weight: bold; font-size: 13pt; }
.letter .notice { border: 3px solid #0b0c0c; padding: 2mm 3mm; margin: 0 0 6mm; }
.letter .notice p { font-weight: bold; }
.letter .to p { margin: 0; }
.letter .to p:first-child { font-weight: bold; }
.letter table.details { width: auto; margin: 6mm 0; }
.letter table.details th, .letter table.details td { font-size: 12pt; }
.letter .greeting { margin: 0 0 4mm; }
.letter .summary { border: 3px solid #1d70b8; padding: 1mm 4mm 2mm; margin: 4mm 0; }
.letter .summary h2 { border: 0; }
.letter .summary p { font-size: 14pt; }
"""
# Large print: at least 16pt throughout (RNIB's clear print guidance), the footer included.
LARGE_PRINT_STYLES = """
@page { margin: 18mm 15mm 30mm;
        @bottom-left { font-size: 16pt; width: 125mm; }
        @bottom-right { font-size: 16pt; width: 50mm; } }
html { font-size: 16pt; }
.letter h1 { font-size: 28pt; }
.letter h2 { font-size: 22pt; }
.letter p, .letter .from p, .letter .summary p,
.letter table.details th, .letter table.details td { font-size: 18pt; }
.letter .from p:first-child { font-size: 20pt; }
"""
LARGE_PRINT_SIZES = {
    "Normal": 18,
    "Title": 28,
    "Subtitle": 20,
    "Heading 1": 28,
    "Heading 2": 22,
    "Heading 3": 20,
    "Caption": 18,
    "Footer": 16,
}


def letter_html(document: LetterDocument) -> str:
    body = [_block("from", document.letterhead), _block("notice", document.notice)]
    body.append(_block("to", (document.addressed_to, *document.recipient_address)))
    if document.details:
        rows = "".join(
            f'<tr><th scope="row">{_text(label)}</th><td>{_text(value)}</td></tr>'
            for label, value in document.details
        )
        body.append(f'<table class="details labels">{rows}</table>')
    if document.greeting:
        body.append(f'<p class="greeting">{_text(document.greeting)}</p>')
    body.append(f"<h1>{_text(document.title)}</h1>")
    for number, (heading, paragraphs) in enumerate(document.sections):
        inner = f"<h2>{_text(heading)}</h2>" + "".join(f"<p>{_text(p)}</p>" for p in paragraphs)
        boxed = number == 0 and document.summary_first
        body.append(f'<div class="summary">{inner}</div>' if boxed else inner)
    styles = page_styles(document.footer, document.wording) + LETTER_FONT + LETTER_STYLES
    if document.large_print:
        styles += LARGE_PRINT_STYLES
    inner = f'<div class="letter">{"".join(body)}</div>'
    return html_page(document.title, inner, styles, document.wording)


def _block(kind: str, lines: tuple[str, ...]) -> str:
    shown = [line for line in lines if line]
    if not shown:
        return ""
    return f'<div class="{kind}">{"".join(f"<p>{_text(line)}</p>" for line in shown)}</div>'


def letter_pdf(document: LetterDocument) -> bytes:
    return pdf_bytes(letter_html(document))


def letter_docx(document: LetterDocument) -> bytes:
    docx = new_docx(document.title, document.addressed_to, document.footer, document.wording)
    if document.large_print:
        for name, size in LARGE_PRINT_SIZES.items():
            docx.styles[name].font.size = Pt(size)
    for number, line in enumerate(document.letterhead):
        heading_line = docx.add_paragraph()
        heading_line.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        heading_line.add_run(printable(line)).bold = number == 0
    for line in document.notice:
        docx.add_paragraph().add_run(printable(line)).bold = True
    docx.add_paragraph().add_run(printable(document.addressed_to)).bold = True
    for line in document.recipient_address:
        docx.add_paragraph(printable(line))
    if document.details:
        word._add_label_table(docx, document.details)
    if document.greeting:
        docx.add_paragraph(printable(document.greeting))
    docx.add_heading(printable(document.title), level=1)
    for heading, paragraphs in document.sections:
        docx.add_heading(printable(heading), level=2)
        for paragraph in paragraphs:
            docx.add_paragraph(printable(paragraph))
    return docx_bytes(docx)


def _text(value: str) -> str:
    return html.escape(printable(value))
