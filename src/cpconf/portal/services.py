"""Every change the family portal makes: inviting a family member, and what a family member
sends. Each is audited under the family, in the same transaction as the change."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from cpconf.accounts.invitations import account_set_up_link
from cpconf.accounts.models import Role, RoleAssignment, User
from cpconf.audit.services import audit_for_family
from cpconf.conferences.models import Conference
from cpconf.families.models import Child, Family, FamilyMember, Relationship
from cpconf.portal.models import (
    AccessNeeds,
    ChildView,
    ConferenceFeedback,
    ParentsReport,
    ReportComment,
)
from cpconf.portal.uploads import CheckedFile
from cpconf.reports.models import ProfessionalReport, ReportVersion


class AlreadyHasAccount(ValueError):
    """The email address belongs to an existing account."""


@transaction.atomic
def family_member_invite(
    *,
    family: Family,
    member: FamilyMember | None = None,
    child: Child | None = None,
    email: str,
    actor: User,
    request: HttpRequest | None = None,
) -> FamilyMember:
    """An account for an adult on the family's record, or a young person of the family, with
    the family role in the family's authority, and a one-time link to set a password."""
    address = email.strip().lower()
    if User.objects.filter(email__iexact=address).exists():
        raise AlreadyHasAccount(address)
    if member is None:
        if child is None:
            raise ValueError("Invite a family member or a young person.")
        member = FamilyMember.objects.create(
            family=family,
            full_name=child.full_name,
            relationship=Relationship.YOUNG_PERSON,
            lives_in_household=True,
            created_by=actor,
            modified_by=actor,
        )
    first, _space, last = member.full_name.partition(" ")
    user = User.objects.create_user(email=address, password=None, first_name=first, last_name=last)
    RoleAssignment.objects.create(
        user=user, local_authority=family.local_authority, role=Role.FAMILY_MEMBER
    )
    member.user = user
    member.modified_by = actor
    member.save(update_fields=["user", "modified_by", "modified_at"])
    audit_for_family(
        action="family_member_invited", actor=actor, request=request, obj=member, family=family
    )
    transaction.on_commit(lambda: _send_invitation(user))
    return member


def _send_invitation(user: User) -> None:
    """No child's or family's name: email is not a safe place for them."""
    body = _(
        "You have been invited to the family pages of %(service)s. There you can read the "
        "reports about your family's child protection meetings, add your comments and send "
        "your own views.\n\nSet up your account with this link. It works once, for 3 days:\n"
        "%(link)s\n\nIf you did not expect this email, phone your social worker."
    ) % {"service": settings.CPCONF_SERVICE_NAME, "link": account_set_up_link(user)}
    EmailMessage(
        subject=_("Your account for %(service)s") % {"service": settings.CPCONF_SERVICE_NAME},
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
    ).send()


@transaction.atomic
def access_needs_update(
    *,
    member: FamilyMember,
    language: str,
    needs_interpreter: bool,
    large_print: bool,
    easy_read: bool,
    reading_support: bool,
    other: str,
    read_aloud: bool = False,
    request: HttpRequest | None = None,
) -> AccessNeeds:
    actor = member.user
    member.language = language.strip() or "English"
    member.needs_interpreter = needs_interpreter
    member.access_needs = other.strip()
    member.modified_by = actor
    member.save(
        update_fields=[
            "language",
            "needs_interpreter",
            "access_needs",
            "modified_by",
            "modified_at",
        ]
    )
    needs, _created = AccessNeeds.objects.get_or_create(
        member=member, defaults={"created_by": actor}
    )
    needs.large_print, needs.easy_read = large_print, easy_read
    needs.reading_support, needs.read_aloud = reading_support, read_aloud
    needs.modified_by = actor
    needs.save()
    audit_for_family(
        action="portal_access_needs_changed",
        actor=actor,
        request=request,
        obj=member,
        family=member.family,
    )
    return needs


@transaction.atomic
def report_comment_add(
    *,
    member: FamilyMember,
    report: ProfessionalReport,
    version: ReportVersion,
    text: str,
    request: HttpRequest | None = None,
) -> ReportComment:
    """Kept exactly as typed; the author is told by email (without the words) to read it."""
    comment = ReportComment.objects.create(
        report=report,
        version=version,
        member=member,
        text=text,
        created_by=member.user,
        modified_by=member.user,
    )
    audit_for_family(
        action="portal_report_commented",
        actor=member.user,
        request=request,
        obj=comment,
        family=member.family,
    )
    transaction.on_commit(lambda: _tell_author(comment))
    return comment


def _tell_author(comment: ReportComment) -> None:
    report = comment.report
    link = settings.CPCONF_SITE_URL.rstrip("/") + reverse(
        "reports:version", args=[report.pk, comment.version.number]
    )
    body = _(
        "A family member has added comments to your report for the conference about case "
        "%(reference)s. Their comments are on the report, in its sharing record:\n%(link)s"
    ) % {"reference": report.conference.family.case_reference, "link": link}
    EmailMessage(
        subject=_("The family has commented on your report (%(reference)s)")
        % {"reference": report.conference.family.case_reference},
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[report.author.email],
    ).send()


@transaction.atomic
def parents_report_send(
    *,
    member: FamilyMember,
    conference: Conference,
    kind: str,
    text: str,
    request: HttpRequest | None = None,
) -> ParentsReport:
    """Sending again replaces the words that were sent before."""
    sent, _created = ParentsReport.objects.update_or_create(
        conference=conference,
        member=member,
        kind=kind,
        defaults={"text": text, "sent_at": timezone.now(), "modified_by": member.user},
        create_defaults={
            "text": text,
            "sent_at": timezone.now(),
            "created_by": member.user,
            "modified_by": member.user,
        },
    )
    audit_for_family(
        action="portal_parents_report_sent",
        actor=member.user,
        request=request,
        obj=sent,
        family=member.family,
    )
    return sent


@transaction.atomic
def child_view_add(
    *,
    member: FamilyMember,
    conference: Conference,
    child: Child | None,
    text: str,
    upload: CheckedFile | None,
    request: HttpRequest | None = None,
) -> ChildView:
    view = ChildView.objects.create(
        conference=conference,
        member=member,
        child=child,
        text=text,
        file_name=upload.name if upload else "",
        file_type=upload.content_type if upload else "",
        file_data=upload.data if upload else None,
        file_size=len(upload.data) if upload else 0,
        created_by=member.user,
        modified_by=member.user,
    )
    audit_for_family(
        action="portal_child_views_sent",
        actor=member.user,
        request=request,
        obj=view,
        family=member.family,
    )
    return view


@transaction.atomic
def feedback_send(
    *,
    member: FamilyMember,
    conference: Conference,
    understood: str,
    listened_to: str,
    reports_in_time: str,
    better: str,
    request: HttpRequest | None = None,
) -> ConferenceFeedback:
    feedback = ConferenceFeedback.objects.create(
        conference=conference,
        member=member,
        understood=understood,
        listened_to=listened_to,
        reports_in_time=reports_in_time,
        better=better,
        created_by=member.user,
        modified_by=member.user,
    )
    audit_for_family(
        action="portal_feedback_sent",
        actor=member.user,
        request=request,
        obj=feedback,
        family=member.family,
    )
    return feedback
