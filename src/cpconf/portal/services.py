"""Every change the family portal makes: inviting a family member, and what a family member
sends. Each is audited under the family, in the same transaction as the change."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from cpconf.accounts.invitations import account_set_up_link
from cpconf.accounts.models import Role, RoleAssignment, User
from cpconf.audit.services import audit_for_family
from cpconf.conferences.models import Conference
from cpconf.families.models import Child, Family, FamilyMember, Relationship
from cpconf.portal import selectors
from cpconf.portal.models import (
    AccessNeeds,
    ChildView,
    ConferenceFeedback,
    ParentsReport,
    ReportComment,
    YoungPerson,
)
from cpconf.portal.uploads import CheckedFile
from cpconf.reports.models import ProfessionalReport, ReportVersion


class AlreadyHasAccount(ValueError):
    """The email address belongs to an existing account."""


class AlreadyInvited(ValueError):
    """The person already has an account for the family pages: someone invited them first,
    perhaps a moment ago on another screen."""


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
    the family role in the family's authority, and a one-time link to set a password.

    Every invitation to a family waits for the family's row, then checks again: without the
    lock, invitations sent at the same moment each found the person without an account and
    each made one (the others left behind with a working set-up link)."""
    Family.objects.select_for_update().filter(pk=family.pk).first()
    address = email.strip().lower()
    if User.objects.filter(email__iexact=address).exists():
        raise AlreadyHasAccount(address)
    if member is None:
        if child is None:
            raise ValueError("Invite a family member or a young person.")
        member = _young_person_member(family=family, child=child, actor=actor)
    else:
        member = FamilyMember.objects.get(pk=member.pk, family=family)
    if member.user_id is not None:
        raise AlreadyInvited(member.full_name)
    user = _family_account(member=member, address=address, family=family)
    member.user = user
    member.modified_by = actor
    member.save(update_fields=["user", "modified_by", "modified_at"])
    audit_for_family(
        action="family_member_invited", actor=actor, request=request, obj=member, family=family
    )
    transaction.on_commit(lambda: _send_invitation(user))
    return member


def _young_person_member(*, family: Family, child: Child, actor: User) -> FamilyMember:
    """The child's own family-member row: the one they already have, or a new one linked to
    them (the link is unique per child, so the database refuses a second)."""
    child = Child.objects.get(pk=child.pk, family=family)
    linked = YoungPerson.objects.filter(child=child).select_related("member").first()
    if linked is not None:
        return linked.member
    member = FamilyMember.objects.create(
        family=family,
        full_name=child.full_name,
        relationship=Relationship.YOUNG_PERSON,
        lives_in_household=True,
        created_by=actor,
        modified_by=actor,
    )
    YoungPerson.objects.create(child=child, member=member, created_by=actor, modified_by=actor)
    return member


def _family_account(*, member: FamilyMember, address: str, family: Family) -> User:
    """A new account with the family role. Two invitations to different people with the same
    address at the same moment meet at the address's unique index: the second is told the
    address already has an account."""
    first, _space, last = member.full_name.partition(" ")
    try:
        with transaction.atomic():
            user = User.objects.create_user(
                email=address, password=None, first_name=first, last_name=last
            )
    except IntegrityError:
        raise AlreadyHasAccount(address) from None
    RoleAssignment.objects.create(
        user=user, local_authority=family.local_authority, role=Role.FAMILY_MEMBER
    )
    return user


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


class CommentNotSent(ValueError):
    """Nothing was stored: the version the family member read is not the one the family
    pages give them now. Their words go back to them (the view keeps them in the box)."""


class NewerVersionShared(CommentNotSent):
    """The writer changed the report after it was opened, and shared the new version: the
    member reads that one before their comments are filed against it."""


class NoLongerShared(CommentNotSent):
    """The writer changed the report after it was opened, and the new version has not been
    shared with the family: the family pages no longer give them the report at all."""


@transaction.atomic
def report_comment_add(
    *,
    member: FamilyMember,
    report: ProfessionalReport,
    version: ReportVersion,
    text: str,
    request: HttpRequest | None = None,
) -> ReportComment:
    """Kept exactly as typed, filed against the version the member read, and only while that
    is still the version the family pages give them; the author is told by email (without
    the words) to read it.

    The report's row is held while checking, so a new version signed at the same moment
    comes wholly before (the comment is refused) or wholly after (it was on the version
    read). The same words sent again by the same person on the same version, while theirs
    is the latest comment, are the same press again (a double click, a second tab, a
    retrying connection): told it was sent, nothing more is added, nobody emailed twice."""
    ProfessionalReport.objects.select_for_update().filter(pk=report.pk).first()
    now_shared = next(
        (s for s in selectors.shared_reports_for(member, report.conference) if s.report == report),
        None,
    )
    if now_shared is None:
        raise NoLongerShared(report.pk)
    if now_shared.version.pk != version.pk:
        raise NewerVersionShared(report.pk)
    latest = ReportComment.objects.filter(member=member, report=report).order_by("-pk").first()
    if latest is not None and latest.version_id == version.pk and latest.text == text:
        return latest
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


class MeetingHasStarted(ValueError):
    """The family's views are for the chair to bring to the meeting: once it has started,
    nobody would read them there."""


def _refuse_once_started(conference: Conference) -> None:
    if conference.starts_at <= timezone.now():
        raise MeetingHasStarted(conference.pk)


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
    _refuse_once_started(conference)
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
    _refuse_once_started(conference)
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


class FeedbackAlreadySent(ValueError):
    """Each family member sends one feedback form for a meeting."""


class MeetingNotHeldYet(ValueError):
    """Feedback is about a meeting that has happened."""


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
    """One form per member and meeting. The member's row is held while checking, so a form
    sent twice at the same moment (a double click, two tabs) is told it was already sent
    instead of meeting the database's one-per-member rule as a server error."""
    if conference.starts_at > timezone.now():
        raise MeetingNotHeldYet(conference.pk)
    FamilyMember.objects.select_for_update().filter(pk=member.pk).first()
    if ConferenceFeedback.objects.filter(conference=conference, member=member).exists():
        raise FeedbackAlreadySent(conference.pk)
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
