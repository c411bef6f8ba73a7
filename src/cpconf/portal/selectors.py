"""Reading what the family portal shows, always starting from the signed-in person's own
`FamilyMember` record: nothing here takes a family from the request, so no page can reach
another family's records.

A report reaches a family only as its family copy, only once submitted, and only when its
latest submitted version records that it was shared with them. Sharing is recorded per version:
when an amendment has not been shared with them yet, the family no longer reads the report
(the old words may be what was corrected) and is told a newer version is waiting to be shared.
"""

import re
from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from cpconf.access import AnyUser, roles_of
from cpconf.accounts.models import Role
from cpconf.conferences.models import Conference, ConferenceStatus
from cpconf.documents import ReportDocument
from cpconf.families.models import Child, Family, FamilyMember
from cpconf.outcomes.models import OutcomeLetter
from cpconf.portal.models import (
    AccessNeeds,
    ChildView,
    ConferenceFeedback,
    ParentsReport,
    ReportComment,
)
from cpconf.reports import copies
from cpconf.reports.models import ProfessionalReport, ReportStatus, ReportVersion
from cpconf.reports.report_content import Sharing
from cpconf.reports.report_display import (
    meeting_rows,
    signature_rows,
    version_footer,
)
from cpconf.reports.selectors import form_of

# A young person may have their own account from this age (the unit's choice to lower or
# raise it is a code change for now: it is not yet in the policy file).
YOUNG_PERSON_MIN_AGE = 12


def member_scope(user: AnyUser) -> QuerySet[FamilyMember]:
    """The user's own family membership, in an authority where they hold the family role."""
    authorities = [a.local_authority_id for a in roles_of(user) if a.role == Role.FAMILY_MEMBER]
    if not authorities or user.pk is None:
        return FamilyMember.objects.none()
    return FamilyMember.objects.filter(
        user_id=user.pk, family__local_authority_id__in=authorities
    ).select_related("family", "family__local_authority", "user")


def member_for(user: AnyUser) -> FamilyMember | None:
    return member_scope(user).first()


def conferences_for(member: FamilyMember) -> QuerySet[Conference]:
    return (
        Conference.objects.filter(family_id=member.family_id)
        .select_related("chair", "family", "family__local_authority")
        .order_by("starts_at")
    )


def upcoming_and_past(member: FamilyMember) -> tuple[list[Conference], list[Conference]]:
    now = timezone.now()
    conferences = list(conferences_for(member).exclude(status=ConferenceStatus.CANCELLED))
    upcoming = [c for c in conferences if c.starts_at >= now]
    past = [c for c in reversed(conferences) if c.starts_at < now]
    return upcoming, past


@dataclass(frozen=True)
class SharedReport:
    report: ProfessionalReport
    version: ReportVersion
    shared_on: date | None


def _shared_on(report: ProfessionalReport, version: ReportVersion) -> tuple[bool, date | None]:
    """Whether the version's sharing part says it was shared, and on what date."""
    keys = [s.key for s in form_of(report).sections if s.kind == "sharing"]
    parts = version.content.get("parts", {})
    for key in keys:
        sharing = Sharing.from_json(parts.get(key))
        if sharing.shared == "yes":
            try:
                return True, date.fromisoformat(sharing.shared_on)
            except ValueError:
                return True, None
    return False, None


def shared_reports_for(
    member: FamilyMember, conference: Conference | None = None
) -> list[SharedReport]:
    """Submitted reports whose latest version records sharing with the family."""
    reports = ProfessionalReport.objects.filter(
        conference__family_id=member.family_id, status=ReportStatus.SUBMITTED
    ).select_related("conference", "conference__family__local_authority", "agency", "author")
    if conference is not None:
        reports = reports.filter(conference=conference)
    shared = []
    for report in reports.prefetch_related("versions"):
        versions = sorted(report.versions.all(), key=lambda v: v.number)
        if not versions:
            continue
        was_shared, on = _shared_on(report, versions[-1])
        if was_shared:
            shared.append(SharedReport(report, versions[-1], on))
    return shared


@dataclass(frozen=True)
class NewerVersionNotShared:
    """A report the family was given, amended since, whose new version is not shared yet."""

    report: ProfessionalReport
    version: ReportVersion


def newer_versions_not_shared(
    member: FamilyMember, conference: Conference | None = None
) -> list[NewerVersionNotShared]:
    """Reports an earlier version of which was shared with the family, whose latest version
    records no sharing: the family is told a newer version is waiting (nothing of its words).
    For one conference, or (without one) all the family's."""
    reports = ProfessionalReport.objects.filter(
        conference__family_id=member.family_id, status=ReportStatus.SUBMITTED
    ).select_related("conference__family__local_authority", "agency")
    if conference is not None:
        reports = reports.filter(conference=conference)
    waiting = []
    for report in reports.prefetch_related("versions"):
        versions = sorted(report.versions.all(), key=lambda v: v.number)
        if len(versions) < 2 or _shared_on(report, versions[-1])[0]:
            continue
        if any(_shared_on(report, earlier)[0] for earlier in versions[:-1]):
            waiting.append(NewerVersionNotShared(report, versions[-1]))
    return waiting


def shared_report_scope(
    member: FamilyMember, *, with_waiting: bool = False
) -> QuerySet[ProfessionalReport]:
    """Reports shared with the family; `with_waiting` adds those whose newer version is
    waiting to be shared, for answering comments the member typed on the version before (their
    words come back to them, never a 404), while nothing of the report is shown."""
    ids = [shared.report.pk for shared in shared_reports_for(member)]
    if with_waiting:
        ids += [waiting.report.pk for waiting in newer_versions_not_shared(member)]
    return ProfessionalReport.objects.filter(pk__in=ids).select_related(
        "conference", "conference__family", "conference__family__local_authority", "agency"
    )


def shared_report(member: FamilyMember, report: ProfessionalReport) -> SharedReport | None:
    """The report as shared with the family now, or None if its latest version is not."""
    return next((s for s in shared_reports_for(member) if s.report.pk == report.pk), None)


@dataclass(frozen=True)
class ReadingFormat:
    """How a family member reads what the portal gives them: large print, an easy-read
    summary first, or read aloud (the portal offers its listening page first)."""

    large_print: bool = False
    easy_read: bool = False
    read_aloud: bool = False


# What the social worker may have typed in the front sheet's access needs for the same things.
TYPED_LARGE_PRINT = re.compile(r"\blarge[\s-]*print\b", re.IGNORECASE)
TYPED_EASY_READ = re.compile(r"\beasy[\s-]*read\b", re.IGNORECASE)
TYPED_READ_ALOUD = re.compile(r"\bread(ing)?\b.*\baloud\b|\baloud\b.*\bread", re.IGNORECASE)


def family_copy_document(
    shared: SharedReport, reading: ReadingFormat | None = None
) -> ReportDocument:
    """The family copy of the shared version: no restricted section, ever; the words as they
    are now, never marked against a version the family may not have had; in the reader's
    format when they asked for one."""
    report, version = shared.report, shared.version
    reading = reading or ReadingFormat()
    return copies.report_document(
        form=form_of(report),
        content=version.content["parts"],
        copy=copies.FAMILY_COPY,
        meeting=meeting_rows(report),
        signature=signature_rows(version),
        footer=version_footer(report, version, copies.FAMILY_COPY),
        large_print=reading.large_print,
        easy_read=reading.easy_read,
    )


def reading_format(member: FamilyMember) -> ReadingFormat:
    """What the member told the portal, or the front sheet records, about reading."""
    needs = AccessNeeds.objects.filter(member=member).first()
    typed = member.access_needs or ""
    return ReadingFormat(
        large_print=bool(needs and needs.large_print) or bool(TYPED_LARGE_PRINT.search(typed)),
        easy_read=bool(needs and needs.easy_read) or bool(TYPED_EASY_READ.search(typed)),
        read_aloud=bool(needs and needs.read_aloud) or bool(TYPED_READ_ALOUD.search(typed)),
    )


def letters_for(member: FamilyMember) -> QuerySet[OutcomeLetter]:
    """The letters addressed to the member, and any to their family as a whole; never a
    letter to another adult of the family (it may carry where they live)."""
    return OutcomeLetter.objects.filter(
        Q(recipient=member) | Q(recipient__isnull=True),
        record_version__record__conference__family_id=member.family_id,
    ).select_related("record_version__record__conference__family__local_authority")


def letter_for(member: FamilyMember, conference: Conference) -> OutcomeLetter | None:
    """The latest letter issued to the member for the conference."""
    return (
        letters_for(member)
        .filter(record_version__record__conference=conference)
        .order_by("-issued_at", "-pk")
        .first()
    )


def letter_download_url(letter: OutcomeLetter, extension: str) -> str | None:
    """The outcomes app's download, once it exists."""
    try:
        return reverse("outcomes:letter_download", args=[letter.pk, extension])
    except NoReverseMatch:
        return None


def comments_by(member: FamilyMember, report: ProfessionalReport) -> QuerySet[ReportComment]:
    return ReportComment.objects.filter(member=member, report=report)


def parents_reports_by(member: FamilyMember, conference: Conference) -> QuerySet[ParentsReport]:
    return ParentsReport.objects.filter(member=member, conference=conference)


def child_views_by(member: FamilyMember, conference: Conference) -> QuerySet[ChildView]:
    return ChildView.objects.filter(member=member, conference=conference).select_related("child")


def feedback_by(member: FamilyMember, conference: Conference) -> ConferenceFeedback | None:
    return ConferenceFeedback.objects.filter(member=member, conference=conference).first()


def children_of(member: FamilyMember) -> QuerySet[Child]:
    return Child.objects.filter(family_id=member.family_id)


def child_views_visible_to(user: AnyUser) -> QuerySet[ChildView]:
    """A child's views: the family member who sent them, the conference's chair and the unit.
    Other professionals hear them at the conference, through the chair."""
    conditions = Q(pk__in=[])
    for assignment in roles_of(user):
        in_authority = Q(conference__family__local_authority_id=assignment.local_authority_id)
        if assignment.role == Role.FAMILY_MEMBER:
            conditions |= in_authority & Q(member__user=user)
        elif assignment.role == Role.UNIT_ADMINISTRATOR:
            conditions |= in_authority
        elif assignment.role == Role.CHAIR:
            conditions |= in_authority & Q(conference__chair=user)
    ids = ChildView.objects.filter(conditions).values("pk")
    return ChildView.objects.filter(pk__in=ids).select_related(
        "conference__family__local_authority", "member", "child"
    )


def may_read_shared_report(user: AnyUser, report: ProfessionalReport) -> bool:
    member = member_for(user)
    return member is not None and shared_report_scope(member).filter(pk=report.pk).exists()


def may_read_letter(user: AnyUser, letter: OutcomeLetter) -> bool:
    member = member_for(user)
    return member is not None and letters_for(member).filter(pk=letter.pk).exists()


def may_see_child_view(user: AnyUser, view: ChildView) -> bool:
    return child_views_visible_to(user).filter(pk=view.pk).exists()


# What the rest of the system reads from the portal.


def parents_report(conference: Conference) -> str | None:
    """The parents' own reports and safety plans for a conference, as one text for the pack
    and the chair, or None if none was sent."""
    sent = ParentsReport.objects.filter(conference=conference).select_related("member")
    texts = [
        _("%(kind)s from %(name)s (%(relationship)s), sent %(when)s:\n\n%(text)s")
        % {
            "kind": report.get_kind_display(),
            "name": report.member.full_name,
            "relationship": report.member.get_relationship_display().lower(),
            "when": f"{timezone.localtime(report.sent_at):%-d %B %Y}",
            "text": report.text,
        }
        for report in sent
    ]
    return "\n\n".join(texts) or None


def comments_for(report: ProfessionalReport) -> list[str]:
    """The family's comments on a report through the portal, word for word, oldest first."""
    return [comment.text for comment in report.family_comments.order_by("created_at", "pk")]


def comments_on(report: ProfessionalReport) -> QuerySet[ReportComment]:
    return report.family_comments.select_related("member", "version").order_by("created_at", "pk")


def access_needs_lines(member: FamilyMember) -> list[str]:
    """What the member needs, in words, for the unit, the chair and the report authors."""
    lines = []
    if member.needs_interpreter:
        lines.append(_("Needs a %(language)s interpreter") % {"language": member.language})
    elif member.language and member.language.lower() != "english":
        lines.append(_("First language: %(language)s") % {"language": member.language})
    needs = _recorded_needs(member)
    if needs is not None:
        if needs.large_print:
            lines.append(_("Large print"))
        if needs.easy_read:
            lines.append(_("Easy read"))
        if needs.reading_support:
            lines.append(_("Someone to read reports with them"))
        if needs.read_aloud:
            lines.append(_("Reports read aloud"))
    if member.access_needs:
        lines.append(member.access_needs)
    return lines


def access_needs_of(member: FamilyMember) -> AccessNeeds:
    return AccessNeeds.objects.filter(member=member).first() or AccessNeeds(member=member)


def _recorded_needs(member: FamilyMember) -> AccessNeeds | None:
    """The member's recorded needs, if any: from the member when they were read with
    `select_related("portal_access_needs")`, otherwise one query."""
    try:
        return member.portal_access_needs
    except AccessNeeds.DoesNotExist:
        return None


def family_access_needs(family: Family) -> list[tuple[FamilyMember, list[str]]]:
    """Each member with needs, and those needs in words: one query for the whole family."""
    members = FamilyMember.objects.filter(family=family).select_related("portal_access_needs")
    return [(m, lines) for m in members if (lines := access_needs_lines(m))]


@dataclass(frozen=True)
class Invitable:
    """Who may be invited to the family pages, and who already has an account there (so a
    second invitation, perhaps from a page opened before the first, is told so by name)."""

    members: list[FamilyMember]
    children: list[Child]
    invited_members: list[FamilyMember]
    invited_children: list[Child]


def invitable_people(family: Family) -> Invitable:
    """Adults with no portal account yet, and children old enough for their own."""
    everyone = list(FamilyMember.objects.filter(family=family))
    # A child already on the family's record as a young person is invited from that row:
    # one linked to them by an earlier invitation, or one the front sheet has by their name.
    known = {member.full_name for member in everyone}
    today = timezone.localdate()
    children = list(Child.objects.filter(family=family).select_related("young_person__member"))
    linked = [c for c in children if hasattr(c, "young_person")]
    return Invitable(
        members=[m for m in everyone if m.user_id is None],
        children=[
            c
            for c in children
            if c not in linked
            and (c.age_on(today) or 0) >= YOUNG_PERSON_MIN_AGE
            and c.full_name not in known
        ],
        invited_members=[m for m in everyone if m.user_id is not None],
        invited_children=[c for c in linked if c.young_person.member.user_id is not None],
    )
