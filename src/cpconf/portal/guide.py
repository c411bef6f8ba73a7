"""The plain guide to a child protection conference: the parts of the meeting, following the
chair's agenda for its stage (seeds/004 is the review's), and what a family can bring, in
words for a reading age of 9 to 11."""

from django.utils.translation import gettext_lazy as _

from cpconf.conference_records import record_content as parts
from cpconf.conference_records.agenda import agenda_for_stage
from cpconf.conferences.models import Conference

# The family's words for each part of the chair's agenda (cpconf/agendas/<stage>.toml), by
# stage: an initial conference has no plan or goals from a last meeting to look back on,
# and decides whether each child needs a plan at all. The scores' range is the authority's
# (its policy's scaling), filled in as %(low)s and %(high)s.
TITLES = {
    parts.FAMILY_MEETING: _("Meeting the chair first"),
    parts.INTRODUCTIONS: _("Saying hello"),
    parts.WHY_HERE: _("Why we are here"),
    parts.DISCUSSION: _("What is going well, and what is not"),
    parts.PLAN: _("What needs to happen"),
    parts.SCALING: _("How safe are the children?"),
    parts.DECISIONS: _("The decision"),
    parts.FUTURE_DATES: _("What happens next"),
}

STAGE_TITLES = {
    "initial": TITLES | {parts.DISCUSSION: _("What we are worried about, and what is going well")},
    "review": TITLES,
}

SAME_AT_EVERY_MEETING = {
    parts.FAMILY_MEETING: _(
        "Before the meeting starts, the chair meets you with your social worker. The chair "
        "runs the meeting. They explain what will happen and answer your questions."
    ),
    parts.INTRODUCTIONS: _(
        "You are introduced first. Everyone says who they are. The chair says which reports "
        "they have, and asks if you have written your own report or safety plan."
    ),
    parts.SCALING: _(
        "Everyone, you too, gives a number from %(low)s to %(high)s for how safe they think "
        "the children are. %(high)s means very safe. %(low)s means not safe at all. Every "
        "number is written down."
    ),
}

WORDS = {
    "initial": SAME_AT_EVERY_MEETING
    | {
        parts.WHY_HERE: _(
            "We talk about the worries that led to this meeting, and what your children have "
            "told us or shown us. Together we write down what we are worried could happen, "
            "and what we need to see to know the children are safe. You can ask about the "
            "reports."
        ),
        parts.DISCUSSION: _(
            "We talk about what we are worried about, what is going well, and anything that "
            "makes things harder. You are asked first."
        ),
        parts.PLAN: _(
            "If the children need a plan, we agree what needs to happen first, who will do "
            "it and by when."
        ),
        parts.DECISIONS: _(
            "The professionals say if they think each child needs a child protection plan. "
            "The chair makes the decision and tells you why. Anyone who disagrees can say so."
        ),
        parts.FUTURE_DATES: _(
            "If the children need a plan, we agree when the next meetings will be. You get a "
            "feedback form. The chair tells you how to appeal if you do not agree with the "
            "decision."
        ),
    },
    "review": SAME_AT_EVERY_MEETING
    | {
        parts.WHY_HERE: _(
            "We talk about what your children have told us or shown us. We look again at the "
            "worries and the goals from the last meeting. You can ask about the reports."
        ),
        parts.DISCUSSION: _(
            "We talk about what is working well, what is not, and any new worries. You are "
            "asked first."
        ),
        parts.PLAN: _("Then we agree what needs to happen next. This is the plan."),
        parts.DECISIONS: _(
            "The professionals say if they think the children still need a child protection "
            "plan. The chair makes the decision and tells you why. Anyone who disagrees can "
            "say so."
        ),
        parts.FUTURE_DATES: _(
            "We agree the next meeting dates. You get a feedback form. The chair tells you how "
            "to appeal if you do not agree with the decision."
        ),
    },
}


def meeting_guide(conference: Conference) -> list[tuple[str, str]]:
    """The parts of this meeting as (heading, words), in the order and numbering of the
    agenda the chair follows for its stage. Where the agenda gives two sections one number
    (the discussion and the plan share 4, as on paper), they are one part here."""
    agenda = agenda_for_stage(conference.stage)
    scaling = conference.family.local_authority.policy.scaling
    scale = {"low": scaling.low, "high": scaling.high}
    titles, words = STAGE_TITLES[conference.stage], WORDS[conference.stage]
    grouped: dict[int, list[str]] = {}
    for section in agenda.sections:
        if section.number not in grouped:
            grouped[section.number] = [f"{section.number}. {titles[section.key]}"]
        grouped[section.number].append(str(words[section.key]) % scale)
    return [(heading, " ".join(said)) for heading, *said in grouped.values()]


WHAT_TO_BRING = (
    _("Someone to support you, like a friend, a relative or an advocate."),
    _("Your own report or safety plan, if you want to write one. You can send it here."),
    _("Your child's words, a drawing or a photo, if they want to share their views."),
    _("Notes of what you want to say, and any questions."),
    _("Your reading glasses, and anything else you need to feel comfortable."),
)

APPEAL = (
    _(
        "If you do not agree with the decision, you can appeal. This means asking for the "
        "decision to be looked at again."
    ),
    _(
        "You can also complain if you are unhappy with how the meeting was run. Write to the "
        "chair or phone them."
    ),
    _("To appeal or complain, contact the team below. They will tell you what happens next."),
)
