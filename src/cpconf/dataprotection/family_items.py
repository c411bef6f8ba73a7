"""The items of a subject access export that the family record holds beyond its front sheet,
and what the family sent through the portal.

Beyond the front sheet: every earlier version of it, and the case system's references for
the children and adults. Sent through the portal: comments on reports, the parents' own
report or safety plan, children's views (a file's name and type, never its bytes: the words
are what the person gave, and the export is for reading), feedback forms, access needs and
which child a young person's row stands for. Each is the family's (found through their
family) and, in a person's export, also found through the person who sent it.
"""

from collections.abc import Iterable
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _

from cpconf.dataprotection.export_items import fields_of, item, local_time, source_of
from cpconf.dataprotection.third_party import FRONT_SHEET, Requester
from cpconf.families.models import ExternalReference, FrontSheetVersion
from cpconf.portal.models import (
    AccessNeeds,
    ChildView,
    ConferenceFeedback,
    ParentsReport,
    ReportComment,
    YoungPerson,
)

FAMILY_SECTIONS = (
    "front_sheet_versions",
    "case_system_references",
    "young_people",
    "access_needs",
    "family_comments",
    "parents_reports",
    "child_views",
    "feedback",
)


def _sent(
    entry: Any,
    requester: Requester,
    title: str,
    text: str,
    *,
    also: Iterable[str] = (),
    as_text: bool = True,
    **data: Any,
) -> dict[str, Any]:
    """Something a family member wrote, flagged as theirs (and for `also`); `as_text` puts
    their words as the item's text, which the PDF shows in place of the fields."""
    member, family = entry.member, entry.member.family
    reasons = [requester.family(family.pk, family.name), *also]
    reasons += requester.sent_by(member.pk, member.full_name, text)
    fields = {**fields_of(entry, exclude=("file_data",)), "member": member.full_name, **data}
    made = item(source_of(entry), title, fields, reasons)
    return {**made, "text": text} if as_text else made


def _comments(scope: Q, requester: Requester) -> list[dict[str, Any]]:
    comments = ReportComment.objects.filter(scope).select_related(
        "member__family", "report__agency", "version"
    )
    return [
        _sent(
            c,
            requester,
            _("Comments by %(member)s on the %(agency)s report, version %(number)s")
            % {"member": c.member, "agency": c.report.agency.name, "number": c.version.number},
            c.text,
        )
        for c in comments.order_by("created_at", "pk")
    ]


def _parents_reports(scope: Q, requester: Requester) -> list[dict[str, Any]]:
    sent = ParentsReport.objects.filter(scope).select_related("member__family")
    return [
        _sent(
            r,
            requester,
            f"{r.get_kind_display()}: {r.member}, {local_time(r.sent_at)}",
            r.text,
        )
        for r in sent.order_by("sent_at", "pk")
    ]


def _child_view_text(view: ChildView) -> str:
    words = [view.text] if view.text else []
    if view.file_type:
        words.append(
            _("File sent: %(name)s (%(type)s, %(size)s bytes)")
            % {"name": view.file_name, "type": view.file_type, "size": view.file_size}
        )
    return "\n\n".join(words)


def _child_views(scope: Q, requester: Requester) -> list[dict[str, Any]]:
    views = ChildView.objects.filter(scope).select_related("member__family", "child")
    entries = []
    for view in views.defer("file_data").order_by("created_at", "pk"):
        child = view.child.full_name if view.child else ""
        about = [requester.child(child, view.child_id)] if view.child else []
        title = _("Views sent by %(member)s") % {"member": view.member}
        entries.append(
            _sent(view, requester, title, _child_view_text(view), also=about, child=child)
        )
    return entries


def _feedback(scope: Q, requester: Requester) -> list[dict[str, Any]]:
    forms = ConferenceFeedback.objects.filter(scope).select_related("member__family")
    return [
        _sent(
            form,
            requester,
            _("Feedback from %(member)s") % {"member": form.member},
            form.better,
            as_text=False,
        )
        for form in forms.order_by("created_at", "pk")
    ]


def _access_needs(scope: Q, requester: Requester) -> list[dict[str, Any]]:
    needs = AccessNeeds.objects.filter(scope).select_related("member")
    return [
        item(
            source_of(n),
            str(n),
            {**fields_of(n), "member": n.member.full_name},
            [requester.family_member(n.member_id, n.member.full_name)],
        )
        for n in needs.order_by("pk")
    ]


def _young_people(scope: Q, requester: Requester) -> list[dict[str, Any]]:
    """In a family's export the young person is one of its children, the data subjects."""
    links = YoungPerson.objects.filter(scope).select_related("member", "child")
    entries = []
    for link in links.order_by("pk"):
        reasons = (
            []
            if requester.for_family
            else [
                requester.family_member(link.member_id, link.member.full_name),
                requester.child(link.child.full_name, link.child_id),
            ]
        )
        data = {**fields_of(link), "member": link.member.full_name, "child": link.child.full_name}
        entries.append(item(source_of(link), str(link), data, reasons))
    return entries


def _front_sheet_versions(family_ids: list[int], requester: Requester) -> list[dict[str, Any]]:
    versions = FrontSheetVersion.objects.filter(family__in=family_ids).select_related(
        "family", "created_by"
    )
    entries = []
    for version in versions.order_by("family", "number"):
        who = version.created_by.email if version.created_by else version.made_by_label
        reasons = [
            requester.family(version.family_id, version.family.name),
            _(FRONT_SHEET),
            requester.actor(version.created_by_id, who),
        ]
        title = _("Front sheet version %(number)s, %(when)s") % {
            "number": version.number,
            "when": local_time(version.created_at),
        }
        entries.append(item(source_of(version), title, fields_of(version), reasons))
    return entries


def _case_system_references(family_ids: list[int], requester: Requester) -> list[dict[str, Any]]:
    references = ExternalReference.objects.filter(family__in=family_ids).select_related(
        "child", "member"
    )
    entries = []
    for ref in references.order_by("pk"):
        if ref.child is not None:
            about = ref.child.full_name
            reasons = [requester.child(about, ref.child_id)]
        elif ref.member is not None:
            about = ref.member.full_name
            reasons = [requester.family_member(ref.member.pk, about)]
        else:
            about, reasons = "", []
        data = {**fields_of(ref), "about": about}
        entries.append(item(source_of(ref), f"{ref.reference} ({about})", data, reasons))
    return entries


def family_sections(
    family_ids: list[int], member_id: int | None, requester: Requester
) -> dict[str, list[dict[str, Any]]]:
    """The family's own, found through the family; in a person's export, also what the
    person sent (`member_id`), wherever it was filed."""
    by_member = Q(member__family__in=family_ids)
    if member_id is not None:
        by_member |= Q(member=member_id)
    young = by_member | Q(child__family__in=family_ids)
    return {
        "front_sheet_versions": _front_sheet_versions(family_ids, requester),
        "case_system_references": _case_system_references(family_ids, requester),
        "young_people": _young_people(young, requester),
        "access_needs": _access_needs(by_member, requester),
        "family_comments": _comments(by_member, requester),
        "parents_reports": _parents_reports(by_member, requester),
        "child_views": _child_views(by_member, requester),
        "feedback": _feedback(by_member, requester),
    }
