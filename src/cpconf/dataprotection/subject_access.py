"""Everything held about a family or a person, as plain data (UK GDPR Article 15).

A family's export is its case record: the family, children, family members, earlier front
sheets, case system references, legal holds, conferences, invitations, reports (every version
and the working copy), what the family sent through the portal (`family_items`), the
conference records, minutes approvals and outcome letters (`record_items`), the sections
apps above this one register (`registered_sections`: the children's census details) and the
audit events filed under it. A person's export is their family's case record seen from them,
plus what they sent and the letters addressed to them wherever filed, and, for an account,
the account, its roles, and what it did or was given as a professional: invitations,
conferences chaired (with their records), families allocated, reports written, and audit
events of its actions. Nothing is left out (`export_coverage` lists the models exported and
says why of the few that hold nothing more); what names someone else is flagged
(`third_party`).

Called by `services.subject_access_for_*`, which audit the export.
"""

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from cpconf.accounts.models import User
from cpconf.audit.models import AuditEvent
from cpconf.conferences.models import Conference, Invitation
from cpconf.dataprotection.export_items import (
    fields_of,
    item,
    local_time,
    plain,
    report_item,
    source_of,
    walk,
)
from cpconf.dataprotection.family_items import FAMILY_SECTIONS, family_sections
from cpconf.dataprotection.models import LegalHold
from cpconf.dataprotection.record_items import RECORD_SECTIONS, record_sections
from cpconf.dataprotection.registered_sections import registered_sections
from cpconf.dataprotection.third_party import HOLD, Requester, person
from cpconf.families.models import Family, FamilyMember
from cpconf.portal.models import YoungPerson
from cpconf.reports.models import ProfessionalReport

EXPORT_FORMAT = "cpconf-subject-access/1"
NOTICE = gettext_noop(
    "Everything held about the data subject. Items marked third_party name or come from "
    "someone other than the data subject: read each, with its reason, before release."
)
# An account's stored secrets are not information about the person: never exported.
ACCOUNT_FIELDS = (
    "id",
    "email",
    "first_name",
    "last_name",
    "job_title",
    "phone",
    "is_active",
    "date_joined",
    "last_login",
)
AUDIT_EVENTS = "audit_events"
# This app's own sections, in the export's order; registered sections go before the audit
# events, which are always last (`section_names`).
SECTIONS = (
    "account",
    "role_assignments",
    "family",
    "children",
    "family_members",
    *FAMILY_SECTIONS[:2],
    "legal_holds",
    "allocated_families",
    "conferences",
    "invitations",
    "reports",
    *FAMILY_SECTIONS[2:],
    *RECORD_SECTIONS,
    AUDIT_EVENTS,
)


@dataclass
class _Held:
    """The records an export covers, by kind and id, so none appears twice."""

    families: dict[int, Family] = field(default_factory=dict)
    allocated: dict[int, Family] = field(default_factory=dict)
    conferences: dict[int, Conference] = field(default_factory=dict)
    invitations: dict[int, Invitation] = field(default_factory=dict)
    reports: dict[int, ProfessionalReport] = field(default_factory=dict)
    events: Q = field(default_factory=lambda: Q(pk__in=[]))

    def add_case_records(self, family_ids: list[int]) -> None:
        families = Family.objects.filter(pk__in=family_ids).select_related(
            "local_authority", "allocated_social_worker"
        )
        self.families.update({f.pk: f for f in families})
        self.add(
            conferences=Q(family__in=family_ids),
            invitations=Q(conference__family__in=family_ids),
            reports=Q(conference__family__in=family_ids),
        )
        self.events |= Q(family_id__in=family_ids)

    def add(self, *, conferences: Q, invitations: Q, reports: Q) -> None:
        self.conferences.update(
            (c.pk, c)
            for c in Conference.objects.filter(conferences).select_related(
                "chair", "family__local_authority"
            )
        )
        self.invitations.update(
            (i.pk, i)
            for i in Invitation.objects.filter(invitations).select_related(
                "agency", "invitee", "conference__family__local_authority"
            )
        )
        self.reports.update(
            (r.pk, r)
            for r in ProfessionalReport.objects.filter(reports)
            .select_related("author", "agency", "conference__family")
            .prefetch_related("versions", "sections")
        )


def _family_items(held: _Held, requester: Requester) -> dict[str, list[dict[str, Any]]]:
    sections: dict[str, list[dict[str, Any]]] = {
        "family": [],
        "children": [],
        "family_members": [],
        "legal_holds": [],
    }
    for family in held.families.values():
        worker = family.allocated_social_worker
        data = {**fields_of(family), "local_authority": family.local_authority.name}
        reasons = [requester.family(family.pk, family.name)]
        if worker is not None:
            data["allocated_social_worker"] = person(str(worker), worker.email)
            reasons.append(
                requester.professional(_("social worker"), worker.pk, str(worker), worker.email)
            )
        sections["family"].append(item(source_of(family), str(family), data, reasons))
        for child in family.children.all():
            sections["children"].append(
                item(
                    source_of(child),
                    child.full_name,
                    fields_of(child),
                    [requester.child(child.full_name)],
                )
            )
        for member in family.members.all():
            sections["family_members"].append(
                item(
                    source_of(member),
                    str(member),
                    fields_of(member),
                    [requester.family_member(member.pk, member.full_name)],
                )
            )
        for hold in LegalHold.objects.filter(family=family).select_related("placed_by"):
            who = person(str(hold.placed_by), hold.placed_by.email)
            sections["legal_holds"].append(
                item(source_of(hold), _("Legal hold"), fields_of(hold), [_(HOLD).format(who=who)])
            )
    return sections


def _conference_items(held: _Held, requester: Requester) -> list[dict[str, Any]]:
    entries = []
    for conference in sorted(held.conferences.values(), key=lambda c: (c.starts_at, c.pk)):
        chair, family = conference.chair, conference.family
        data = {
            **fields_of(conference),
            "meeting_type_label": conference.meeting_type_label,
            "chair": person(str(chair), chair.email),
        }
        reasons = [
            requester.family(family.pk, family.name),
            requester.professional(_("chair"), chair.pk, str(chair), chair.email),
        ]
        title = f"{conference.meeting_type_label}, {local_time(conference.starts_at)}"
        entries.append(item(source_of(conference), title, data, reasons))
    return entries


def _invitation_items(held: _Held, requester: Requester) -> list[dict[str, Any]]:
    entries = []
    for invitation in sorted(held.invitations.values(), key=lambda i: i.pk):
        family = invitation.conference.family
        invitee = invitation.invitee
        name = str(invitee) if invitee else invitation.email
        reasons = [
            requester.family(family.pk, family.name),
            requester.professional(
                _("invited professional"), invitation.invitee_id, name, invitation.email
            ),
        ]
        data = {**fields_of(invitation), "agency": invitation.agency.name}
        title = f"{invitation.email} ({invitation.agency.name})"
        entries.append(item(source_of(invitation), title, data, reasons))
    return entries


def _audit_items(held: _Held, requester: Requester) -> list[dict[str, Any]]:
    events = list(AuditEvent.objects.filter(held.events).order_by("occurred_at", "pk"))
    ids = {event.family_id for event in events if event.family_id is not None}
    names = dict(Family.objects.filter(pk__in=ids).values_list("pk", "name"))
    entries = []
    for event in events:
        reasons = [requester.actor(event.actor_id, event.actor_label)]
        if event.family_id is not None:
            name = names.get(event.family_id, f"#{event.family_id}")
            reasons.append(requester.family(event.family_id, name))
        title = f"{event.action}, {local_time(event.occurred_at)}"
        entries.append(item(source_of(event), title, fields_of(event), reasons))
    return entries


def section_names() -> tuple[str, ...]:
    """Every section of an export, in order: this app's, then those registered by the apps
    above it, then the audit events."""
    registered = tuple(section.name for section in registered_sections())
    return (*SECTIONS[:-1], *registered, AUDIT_EVENTS)


def _export(held: _Held, requester: Requester) -> dict[str, list[dict[str, Any]]]:
    sections: dict[str, list[dict[str, Any]]] = {name: [] for name in section_names()}
    sections.update(_family_items(held, requester))
    sections["allocated_families"] = [
        item(
            source_of(f),
            str(f),
            {"id": f.pk, "case_reference": f.case_reference, "name": f.name},
            [requester.family(f.pk, f.name)],
        )
        for f in held.allocated.values()
        if f.pk not in held.families
    ]
    sections["conferences"] = _conference_items(held, requester)
    sections["invitations"] = _invitation_items(held, requester)
    sections["reports"] = [
        report_item(report, requester)
        for report in sorted(held.reports.values(), key=lambda r: r.pk)
    ]
    sections.update(family_sections(list(held.families), requester.member_id, requester))
    sections.update(record_sections(list(held.conferences), requester.member_id, requester))
    for section in registered_sections():
        sections[section.name] = section.items(requester)
    sections[AUDIT_EVENTS] = _audit_items(held, requester)
    return sections


def _finished(subject: dict[str, Any], export: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    names = section_names()
    every = [entry for name in names for entry in walk(export[name])]
    summary = {
        "items": len(every),
        "third_party_items": sum(1 for entry in every if entry["third_party"]),
    }
    header = {
        "format": EXPORT_FORMAT,
        "generated_at": plain(timezone.now()),
        "subject": subject,
        "notice": _(NOTICE),
        "summary": summary,
        "sections": list(names),
    }
    return {**header, **{name: export[name] for name in names}}


def family_export(family: Family) -> dict[str, Any]:
    """A family's case record: the children are the data subjects."""
    held = _Held()
    held.add_case_records([family.pk])
    requester = Requester(family_ids=frozenset([family.pk]), for_family=True)
    subject = {
        "kind": "family",
        "source": source_of(family),
        "name": str(family),
        "case_reference": family.case_reference,
        "local_authority": family.local_authority.name,
    }
    return _finished(subject, _export(held, requester))


def _member_and_user(subject: FamilyMember | User) -> tuple[FamilyMember | None, User | None]:
    if isinstance(subject, FamilyMember):
        return subject, subject.user
    return FamilyMember.objects.filter(user=subject).first(), subject


def _account_items(user: User) -> dict[str, list[dict[str, Any]]]:
    data = {name: plain(getattr(user, name)) for name in ACCOUNT_FIELDS}
    roles = [
        item(
            source_of(a),
            a.get_role_display(),
            {
                **fields_of(a),
                "local_authority": a.local_authority.name,
                "agency": a.agency.name if a.agency else "",
            },
        )
        for a in user.role_assignments.select_related("local_authority", "agency")
    ]
    return {"account": [item(source_of(user), user.email, data)], "role_assignments": roles}


def _add_professional_records(held: _Held, user: User) -> None:
    """What an account did or was given as a professional, beyond its own family."""
    held.add(
        conferences=Q(chair=user),
        invitations=Q(invitee=user) | Q(email__iexact=user.email),
        reports=Q(author=user),
    )
    held.allocated.update((f.pk, f) for f in Family.objects.filter(allocated_social_worker=user))
    held.events |= (
        Q(actor_id=user.pk)
        | Q(actor_label__iexact=user.email)
        | Q(object_type=user._meta.label_lower, object_id=str(user.pk))
    )


def person_export(subject: FamilyMember | User) -> dict[str, Any]:
    """A family member's or an account's own information; the rest is flagged."""
    member, user = _member_and_user(subject)
    held = _Held()
    if member is not None:
        held.add_case_records([member.family_id])
        held.events |= Q(object_type=member._meta.label_lower, object_id=str(member.pk))
    if user is not None:
        _add_professional_records(held, user)
    requester = Requester(
        family_ids=frozenset([member.family_id] if member else []),
        member_id=member.pk if member else None,
        user_id=user.pk if user else None,
        names=frozenset([member.full_name] if member else []),
        child_ids=frozenset(
            YoungPerson.objects.filter(member=member).values_list("child_id", flat=True)
            if member
            else []
        ),
    )
    export = _export(held, requester)
    if user is not None:
        export.update(_account_items(user))
    about = {
        "kind": "family_member" if isinstance(subject, FamilyMember) else "user",
        "source": source_of(subject),
        "name": member.full_name if member else str(user),
        "email": user.email if user else "",
        "family_member": source_of(member) if member else "",
    }
    return _finished(about, export)
