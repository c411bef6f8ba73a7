"""The family portal's rows: its pages answer the family member of the record's own family
and nobody else (404 for everyone signed in, sign-in for anonymous); a child's drawing also
opens for that conference's chair and the unit; staff invite family members."""

import io

from django.utils import timezone
from PIL import Image

from tests.access.matrix_base import CONFERENCES, FAMILIES, REPORTS, USERS, Case, no_args, pk

LETTERS = ("portal_own_letter", "portal_other_letter", "portal_foreign_letter")
CHILD_VIEWS = ("portal_own_child_view", "portal_other_child_view", "portal_foreign_child_view")


def _only_the_family(row: str) -> dict[str, str]:
    size = len(row.split())
    return {user: " ".join(["404"] * size) for user in USERS} | {
        "anonymous": " ".join(["302"] * size),
        "family_member": row,
    }


FAMILY_ONLY = _only_the_family("200")
OWN_FAMILYS = _only_the_family("200 404 404")
SHARED_REPORT = _only_the_family("404 200 404 404")  # the colleague's: submitted and shared
CHILD_VIEW_READERS = OWN_FAMILYS | {
    "unit": "200 200 404",
    "chair": "200 404 404",
    "other_authority_unit": "404 404 200",
}
INVITERS = {user: "404 404 404" for user in USERS} | {
    "anonymous": "302 302 302",
    "unit": "200 200 404",
    "social_worker": "200 404 404",
    "other_authority_unit": "404 404 200",
}

CASES = (
    Case("portal:home", "get", ("none",), no_args, FAMILY_ONLY),
    Case("portal:access_needs", "get", ("none",), no_args, FAMILY_ONLY),
    Case("portal:access_needs", "post", ("none",), no_args, FAMILY_ONLY),
    Case("portal:everything", "get", ("none",), no_args, FAMILY_ONLY),
    Case("portal:conference", "get", CONFERENCES, pk, OWN_FAMILYS),
    Case("portal:our_views", "get", CONFERENCES, pk, OWN_FAMILYS),
    Case("portal:our_views", "post", CONFERENCES, pk, OWN_FAMILYS),
    Case("portal:feedback", "get", CONFERENCES, pk, OWN_FAMILYS),
    Case("portal:feedback", "post", CONFERENCES, pk, OWN_FAMILYS),
    Case("portal:report", "get", REPORTS, pk, SHARED_REPORT),
    Case("portal:report", "post", REPORTS, pk, SHARED_REPORT),
    Case("portal:report_listen", "get", REPORTS, pk, SHARED_REPORT),
    Case("portal:report_copy", "get", REPORTS, lambda r: (r.pk, "pdf"), SHARED_REPORT),
    Case("portal:report_copy", "get", REPORTS, lambda r: (r.pk, "docx"), SHARED_REPORT),
    Case("portal:letter", "get", LETTERS, pk, OWN_FAMILYS),
    Case("portal:child_view_file", "get", CHILD_VIEWS, pk, CHILD_VIEW_READERS),
    Case("portal:invite", "get", FAMILIES, pk, INVITERS),
    Case("portal:invite", "post", FAMILIES, pk, INVITERS),
)


def _letter(conference):
    """The conference's issued letter, made here unless another part already made one."""
    from cpconf.conference_records.models import ConferenceRecord, RecordStatus, RecordVersion
    from cpconf.outcomes.models import OutcomeLetter

    now = timezone.now()
    record = ConferenceRecord.objects.filter(conference=conference).first()
    if record is None:
        record = ConferenceRecord.objects.create(
            conference=conference, status=RecordStatus.FINALISED, finalised_at=now
        )
    version = record.versions.order_by("-number").first()
    if version is None:
        version = RecordVersion.objects.create(
            record=record,
            number=1,
            content={},
            fingerprint="0" * 64,
            finalised_by=conference.chair,
            finalised_at=now,
        )
    existing = OutcomeLetter.objects.filter(record_version=version).first()
    return existing or OutcomeLetter.objects.create(
        record_version=version,
        issued_at=now,
        issued_by=conference.chair,
        content={"title": "Outcome", "addressed_to": "", "sections": []},
        fingerprint="1" * 64,
    )


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 4), (10, 20, 30)).save(out, format="PNG")
    return out.getvalue()


def _child_view(conference, member):
    from cpconf.portal.models import ChildView

    data = _png()
    return ChildView.objects.create(
        conference=conference,
        member=member,
        file_name="drawing.png",
        file_type="image/png",
        file_data=data,
        file_size=len(data),
    )


def extend_world(users, records) -> None:
    from cpconf.families.models import FamilyMember
    from tests.factories import FamilyMemberFactory

    own_member = FamilyMember.objects.get(user=users["family_member"])
    for kind in ("own", "other", "foreign"):
        conference = records[f"{kind}_conference"]
        records[f"portal_{kind}_letter"] = _letter(conference)
        member = own_member if kind == "own" else FamilyMemberFactory(family=conference.family)
        records[f"portal_{kind}_child_view"] = _child_view(conference, member)
