"""The plain guide to a child protection conference: the seven parts of the meeting
(seeds/004) and what a family can bring, in words for a reading age of 9 to 11."""

from django.utils.translation import gettext_lazy as _

AGENDA = (
    (
        _("1. Meeting the chair first"),
        _(
            "Before the meeting starts, the chair meets you with your social worker. The chair "
            "runs the meeting. They explain what will happen and answer your questions."
        ),
    ),
    (
        _("2. Saying hello"),
        _(
            "You are introduced first. Everyone says who they are. The chair says which reports "
            "they have, and asks if you have written your own report or safety plan."
        ),
    ),
    (
        _("3. Why we are here"),
        _(
            "We talk about what your children have told us or shown us. We look again at the "
            "worries and the goals from the last meeting. You can ask about the reports."
        ),
    ),
    (
        _("4. What is going well, and what is not"),
        _(
            "We talk about what is working well, what is not, and any new worries. You are "
            "asked first. Then we agree what needs to happen next. This is the plan."
        ),
    ),
    (
        _("5. How safe are the children?"),
        _(
            "Everyone, you too, gives a number from 0 to 10 for how safe they think the "
            "children are. 10 means very safe. Every number is written down."
        ),
    ),
    (
        _("6. The decision"),
        _(
            "The professionals say if they think the children still need a child protection "
            "plan. The chair makes the decision and tells you why. Anyone who disagrees can say so."
        ),
    ),
    (
        _("7. What happens next"),
        _(
            "We agree the next meeting dates. You get a feedback form. The chair tells you how "
            "to appeal if you do not agree with the decision."
        ),
    ),
)

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
