"""The outcome letter to the family: its words from plain facts, and Word and PDF from them.

A pure core: nothing here imports Django. `outcome_letter_content` writes the letter in plain
language (short sentences, no professional words: parents read it, often under stress) as
the frozen shape an issued letter keeps::

    {"title": str, "addressed_to": str, "sections": [{"heading": str, "paragraphs": [str]}]}

`letter_docx` and `letter_pdf` draw that shape, so an issued letter reads the same forever.
Words go through the `gettext` the caller passes, so the letter can be translated.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from cpconf.documents.minutes import docx_bytes, html_page, new_docx, page_styles, pdf_bytes
from cpconf.documents.model import Wording, printable

__all__ = [
    "ChildOutcome",
    "LetterAction",
    "LetterDocument",
    "LetterFacts",
    "letter_docx",
    "letter_html",
    "letter_pdf",
    "letter_text",
    "long_date",
    "outcome_letter_content",
]

Translate = Callable[[str], str]

# What each decision means, said plainly (the keys are cpconf.conference_records.content's).
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
        "{name} will have a child in need plan instead. "
        "This means a social worker will still help your family, if you agree.",
    ),
    "ends_early_help": (
        "{name} does not need a child protection plan any more.",
        "Your family will get early help instead. "
        "This is support from people like the school or a family worker.",
    ),
    "ends_no_further_action": (
        "{name} does not need a child protection plan any more.",
        "The meeting does not think your family needs more help from social workers.",
    ),
}
PLAN_OUTCOMES = ("plan_continues", "plan_starts")
WORRY_WORDS = {
    "neglect": "{name} is not getting the care they need. This is called neglect.",
    "physical": "{name} is being hurt. This is called physical abuse.",
    "emotional": "{name} is upset or frightened by how people treat them. "
    "This is called emotional abuse.",
    "sexual": "{name} is being sexually abused. This is called sexual abuse.",
}


@dataclass(frozen=True)
class LetterAction:
    """One action of the plan, as the family is told it."""

    action: str
    who: str
    by_when: date | None
    for_family: bool = False


@dataclass(frozen=True)
class ChildOutcome:
    name: str
    outcome: str
    categories: tuple[str, ...] = ()
    suffered_harm: str = ""
    likely_to_suffer: str = ""
    consensus: str = "yes"
    actions: tuple[LetterAction, ...] = ()


@dataclass(frozen=True)
class LetterFacts:
    """Everything the letter says, already chosen for this family."""

    addressed_to: str
    meeting_type: str
    held_on: date
    chair_name: str
    children: tuple[ChildOutcome, ...]
    chair_summary: str
    contact: str  # whom the family contacts about the letter, an appeal or a complaint
    appeal_by: date
    appeal_within_working_days: int
    core_group_on: date | None = None
    next_review_on: date | None = None
    child_in_need_meeting_on: date | None = None
    social_worker: str = ""


def long_date(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def _identity(text: str) -> str:
    return text


def outcome_letter_content(facts: LetterFacts, gettext: Translate = _identity) -> dict[str, Any]:
    """The letter in the shape an `OutcomeLetter` keeps."""
    _ = gettext
    sections = [
        _section(
            _("Why we are writing"),
            [
                _("You were invited to a meeting about your children on {day}.").format(
                    day=long_date(facts.held_on)
                ),
                _("We call this meeting the {meeting}.").format(
                    meeting=_in_a_sentence(facts.meeting_type)
                ),
                _("This letter tells you what the meeting decided and what happens next."),
            ],
        ),
        _chair_summary(facts, _),
        *[_child_section(child, _) for child in facts.children],
        _family_actions(facts, _),
        _next_dates(facts, _),
        _appeal(facts, _),
        _contact(facts, _),
    ]
    return {
        "title": _("What the meeting on {day} decided").format(day=long_date(facts.held_on)),
        "addressed_to": facts.addressed_to,
        "sections": [section for section in sections if section["paragraphs"]],
    }


def _in_a_sentence(label: str) -> str:
    """A meeting type's label inside a sentence: "Initial child protection conference" loses
    its capital; a name ("Safer Me Plus ...") or an acronym keeps its capitals."""
    words = label.split()
    if (len(words) > 1 and words[1][:1].isupper()) or label[:2].isupper():
        return label
    return label[:1].lower() + label[1:]


def _section(heading: str, paragraphs: list[str]) -> dict[str, Any]:
    return {"heading": heading, "paragraphs": [p for p in paragraphs if p]}


def _child_section(child: ChildOutcome, _: Translate) -> dict[str, Any]:
    decided, meaning = DECISION_WORDS.get(child.outcome, ("{name}", ""))
    paragraphs = [_(decided).format(name=child.name), _(meaning).format(name=child.name)]
    if child.outcome in PLAN_OUTCOMES:
        for number, key in enumerate(child.categories):
            opening = _("It is also worried that") if number else _("The meeting is worried that")
            worry = _(WORRY_WORDS.get(key, key)).format(name=child.name)
            paragraphs.append(f"{opening} {worry}")
    paragraphs += _why(child, _)
    paragraphs += _child_actions(child, _)
    return _section(_("What the meeting decided for {name}").format(name=child.name), paragraphs)


def _why(child: ChildOutcome, _: Translate) -> list[str]:
    answers = {"yes": _("yes"), "no": _("no")}
    paragraphs = []
    if child.suffered_harm in answers and child.likely_to_suffer in answers:
        paragraphs.append(
            _(
                "The meeting asked two questions. Has {name} been badly harmed? "
                "The answer was {past}. Could {name} be badly harmed in the future? "
                "The answer was {future}."
            ).format(
                name=child.name,
                past=answers[child.suffered_harm],
                future=answers[child.likely_to_suffer],
            )
        )
    if child.consensus == "no":
        paragraphs.append(_("Not everyone agreed. So the chair made the decision."))
    else:
        paragraphs.append(_("Everyone at the meeting agreed with this decision."))
    return paragraphs


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


def _child_actions(child: ChildOutcome, _: Translate) -> list[str]:
    if not child.actions:
        return []
    lines = [_("These are the things in the plan for {name}:").format(name=child.name)]
    return lines + [_action_line(action, _) for action in child.actions]


def _action_line(action: LetterAction, _: Translate) -> str:
    who = action.who.strip() or _("Someone from the meeting")
    what = action.action.strip().rstrip(".")
    if action.by_when is None:
        return _("{who}: {what}.").format(who=who, what=what)
    return _("{who}: {what}. By {day}.").format(who=who, what=what, day=long_date(action.by_when))


def _family_actions(facts: LetterFacts, _: Translate) -> dict[str, Any]:
    seen: list[LetterAction] = []
    for child in facts.children:
        seen += [a for a in child.actions if a.for_family and a not in seen]
    if not seen:
        return _section(_("What we are asking you to do"), [])
    paragraphs = [_("The plan asks you to do these things:")]
    paragraphs += [_action_line(action, _) for action in seen]
    paragraphs.append(_("If you are not sure what to do, ask your social worker."))
    return _section(_("What we are asking you to do"), paragraphs)


def _next_dates(facts: LetterFacts, _: Translate) -> dict[str, Any]:
    paragraphs = []
    if facts.core_group_on is not None:
        paragraphs.append(
            _("The core group will meet on {day}.").format(day=long_date(facts.core_group_on))
        )
        paragraphs.append(_("The core group is you and the workers who help with the plan."))
    if facts.child_in_need_meeting_on is not None:
        paragraphs.append(
            _("The child in need meeting will be on {day}.").format(
                day=long_date(facts.child_in_need_meeting_on)
            )
        )
    if facts.next_review_on is not None:
        paragraphs.append(
            _("The next review meeting will be on {day}.").format(
                day=long_date(facts.next_review_on)
            )
        )
        paragraphs.append(_("At that meeting we will look at how the plan is going."))
    if paragraphs:
        paragraphs.append(_("We will send you a letter about each meeting."))
    return _section(_("What happens next"), paragraphs)


def _appeal(facts: LetterFacts, _: Translate) -> dict[str, Any]:
    return _section(
        _("If you do not agree"),
        [
            _("You can ask for the decision to be looked at again. This is called an appeal."),
            _("Please tell us by {day}. That is {days} working days from this letter.").format(
                day=long_date(facts.appeal_by), days=facts.appeal_within_working_days
            ),
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
    """The letter as plain text, a line per heading and paragraph (for the quality coach)."""
    lines = [str(content.get("title", "")), str(content.get("addressed_to", ""))]
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

    @classmethod
    def from_content(
        cls, content: Mapping[str, Any], *, footer: str = "", wording: Wording | None = None
    ) -> LetterDocument:
        sections = tuple(
            (str(s.get("heading", "")), tuple(str(p) for p in s.get("paragraphs", ())))
            for s in content.get("sections", ())
        )
        return cls(
            title=str(content.get("title", "")),
            addressed_to=str(content.get("addressed_to", "")),
            sections=sections,
            footer=footer,
            wording=wording or Wording(),
        )


LETTER_STYLES = """
.letter h2 { background: none; border: 0; border-bottom: 2px solid #1d70b8; padding: 0 0 1mm;
             margin: 6mm 0 2mm; font-size: 13pt; }
.letter p { font-size: 12pt; line-height: 1.5; margin: 0 0 2.5mm; }
.letter .to { font-weight: bold; margin: 0 0 5mm; }
"""


def letter_html(document: LetterDocument) -> str:
    body = [
        f"<h1>{_text(document.title)}</h1>",
        f'<p class="to">{_text(document.addressed_to)}</p>',
    ]
    for heading, paragraphs in document.sections:
        body.append(f"<h2>{_text(heading)}</h2>")
        body += [f"<p>{_text(paragraph)}</p>" for paragraph in paragraphs]
    styles = page_styles(document.footer, document.wording) + LETTER_STYLES
    inner = f'<div class="letter">{"".join(body)}</div>'
    return html_page(document.title, inner, styles, document.wording)


def letter_pdf(document: LetterDocument) -> bytes:
    return pdf_bytes(letter_html(document))


def letter_docx(document: LetterDocument) -> bytes:
    docx = new_docx(document.title, document.addressed_to, document.footer, document.wording)
    docx.add_heading(printable(document.title), level=1)
    docx.add_paragraph().add_run(printable(document.addressed_to)).bold = True
    for heading, paragraphs in document.sections:
        docx.add_heading(printable(heading), level=2)
        for paragraph in paragraphs:
            docx.add_paragraph(printable(paragraph))
    return docx_bytes(docx)


def _text(value: str) -> str:
    return html.escape(printable(value))
